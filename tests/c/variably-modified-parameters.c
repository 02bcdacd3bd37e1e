// Parameter bounds known only at run time are evaluated on entry, in order,
// with their side effects, and inner ones give the array its stride (gcc's
// torture tests pr22061-1, pr77767, 970217-1 once failed or were rejected).
#include <stdio.h>

int N = 1;

static int rows_sum(int n, int m, int a[n][m]) {
    int s = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            s += a[i][j] * (i + 1);
    return s;
}

static void set_corner(char a[2][N]) { a[1][0] = (char)N; }

static int bump(int i, int array[i++], int c, int d[c *= 3]) { return i * 100 + c + (array == d); }

int main(void) {
    int grid[3][4];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++)
            grid[i][j] = i * 4 + j;
    char buf[8] = {0};
    N = 4;
    set_corner((char (*)[4])buf);
    int e[10];
    printf("%d %d %d\n", rows_sum(3, 4, grid), buf[4], bump(10, e, 2, e));
    return 0;
}
