// expect-error: complex integer types are not supported yet
// Rejected until it works (it once compiled silently to wrong results).
int main(void) {
    _Complex int z = 0;
    return (int)__real__ z;
}
