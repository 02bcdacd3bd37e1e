pub mod ar;
pub mod cc;
pub mod cpp;
pub mod install;
pub mod ld;
pub mod nm;
pub mod ranlib;
pub mod run;
