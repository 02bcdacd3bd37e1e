// expect-error: GNU nested functions are not supported yet
int main(void) {
    int add(int x) { return x + 1; }
    return add(-1);
}
