//! The lexer: source text → tokens (to be written).
