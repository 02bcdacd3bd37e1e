pub mod cc;
pub mod cpp;
pub mod install;
pub mod run;
