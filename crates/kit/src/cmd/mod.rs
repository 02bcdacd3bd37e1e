pub mod cc;
pub mod ld;
pub mod cpp;
pub mod install;
pub mod run;
