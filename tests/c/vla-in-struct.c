// expect-error: a variable-length array in a structure is not supported yet
int f(int n) {
    struct { char x[n]; int y; } s;
    s.y = n;
    return s.y + (int)sizeof s;
}
int main(void) { return f(3) != 3 + 8; }
