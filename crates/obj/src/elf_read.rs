//! Reading ELF relocatable objects (to be written).
