//! Writing ELF relocatable objects (to be written).
