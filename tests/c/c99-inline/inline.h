/* A C99 inline definition in a header: no file that includes it defines
   the symbol, except the one that also declares it `extern`. */
inline int thrice(int x) { return 3 * x; }
int other(void);
