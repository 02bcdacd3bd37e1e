// expect-error: __attribute__((symver)) is not supported yet
// kit once ignored it, and xz's liblzma.so then lacked the versioned
// lzma_block_uncomp_encode its own objects referred to.
int impl_52(int x) __attribute__((__symver__("api@@V_5.2")));
int impl_52(int x) { return x; }
int main(void) { return impl_52(0); }
