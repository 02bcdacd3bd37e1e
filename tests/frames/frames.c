/* Functions whose frames at kit -O2 once far exceeded gcc -O0's (deep
 * recursion that works with gcc must work with kit). The driver test
 * `frames_at_o2_stay_within_gcc_o0` compares each function's prologue. */
struct big { long a[6]; };
void take(struct big *);
void sink(double, double);
int scan(const char *, int *, int *, int *, int *);

/* A parameter passed in memory is used where the caller put it. */
long by_value(struct big b, long k) {
    b.a[0] += k;
    take(&b);
    return b.a[1] + b.a[5];
}

/* Block-scope locals declared without a value inside a loop (the shape of
 * Lua's interpreter loop): their values must not be kept around the loop. */
#define PAIR(x, y, i) { double x, y; if (v[i] > 0 ? (x = v[i], y = 2 * x, 1) : 0) sink(x, y); }
void loop_locals(int n, const double *v) {
    for (int i = 0; i + 12 < n; i++) {
        PAIR(a0, b0, i) PAIR(a1, b1, i + 1) PAIR(a2, b2, i + 2) PAIR(a3, b3, i + 3)
        PAIR(a4, b4, i + 4) PAIR(a5, b5, i + 5) PAIR(a6, b6, i + 6) PAIR(a7, b7, i + 7)
        PAIR(a8, b8, i + 8) PAIR(a9, b9, i + 9) PAIR(a10, b10, i + 10) PAIR(a11, b11, i + 11)
    }
}

/* Addresses of locals passed to a call in a loop are recomputed at the
 * call, not kept in registers or spill slots across it. */
int addresses(const char *s, int n) {
    int a, b, c, d, t = 0;
    for (int i = 0; i < n; i++) {
        if (scan(s + i, &a, &b, &c, &d) == 4)
            t += a + b + c + d;
        if (scan(s, &d, &c, &b, &a) == 4)
            t -= a;
    }
    return t;
}

/* Parameters passed on the stack are reloaded from the caller's argument
 * area where they are used, not kept across calls. */
void sink_long(long);
long stack_args(long a, long b, long c, long d, long e, long f, long g, long h, long i, long j, long k, long l) {
    sink_long(a);
    sink_long(b);
    return g + h + i + j + k + l;
}

/* Arguments with calls in them are evaluated first: jq's BLOCK(...) macros
 * nest block_join() calls in the first argument, and the finished later
 * arguments of the outer calls would otherwise wait across the inner ones. */
struct blk { void *first, *last; };
struct blk join(struct blk, struct blk);
struct blk op(int);
struct blk nested(int x) {
    return join(join(join(join(join(join(op(x), op(2)), op(3)), op(4)), op(5)), op(6)), op(7));
}

/* Many int locals, each live across calls: regalloc2 gives each an 8-byte
   spill slot or a callee-saved register; in memory they take 4 bytes. */
int step(int);
int chain(int n) {
    int a = step(n), b = step(a), c = step(b), d = step(c);
    int e = step(a + d), f = step(b + e), g = step(c + f), h = step(d + g);
    int i = step(e + h), j = step(f + i), k = step(g + j), l = step(h + k);
    int m = step(i + l), o = step(j + m), p = step(k + o), q = step(l + p);
    int r = step(m + q), s = step(o + r), t = step(p + s), u = step(q + t);
    int v = step(r + u), w = step(s + v), x = step(t + w), y = step(u + x);
    return a + b + c + d + e + f + g + h + i + j + k + l + m + o + p + q + r + s + t + u + v + w + x + y;
}

/* Locals of disjoint lifetimes share their bytes (jq's jvp_dtoa). */
int phases(int n) {
    int r = 0;
    if (n > 0) {
        int a = step(n), b = step(a), c = step(b), d = step(c);
        r += step(a + b + c + d) + a + b + c + d;
    }
    if (n > 1) {
        int e = step(n), f = step(e), g = step(f), h = step(g);
        r += step(e + f + g + h) + e + f + g + h;
    }
    if (n > 2) {
        int i = step(n), j = step(i), k = step(j), l = step(k);
        r += step(i + j + k + l) + i + j + k + l;
    }
    return r;
}

/* 16-byte structs passed on the stack (jq's find_lib): the other
   arguments must not wait in callee-saved registers for memcpy calls. */
struct pair { long a, b; };
struct pair pick(struct pair);
long consume(void *, struct pair, struct pair, const char *, struct pair, struct pair);
long pair_args(void *q, struct pair x, struct pair y) {
    return consume(q, pick(x), pick(y), ".jq", pick(y), pick(x));
}

/* A constant used by several calls (Lua's str_dump): recomputed at each,
   not held in a callee-saved register. */
void settop(void *, int);
int top(void *, int);
void check(void *, int, int);
int constants(void *L) {
    char buf[1024];
    int strip = top(L, 2);
    check(L, 1, 6);
    settop(L, 1);
    buf[0] = (char)strip;
    return top(buf, 1);
}
