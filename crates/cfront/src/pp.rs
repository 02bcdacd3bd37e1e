//! The preprocessor (to be written).
