pub mod ar;
pub mod cc;
pub mod ld;
pub mod cpp;
pub mod install;
pub mod nm;
pub mod ranlib;
pub mod run;
