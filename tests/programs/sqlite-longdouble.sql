-- SQLite checks at startup whether long double has more precision than double
-- (hasHighPrecisionDouble) and, on x86-64 Linux where it does, converts between
-- text and floating point through it. These results depend on long double
-- being the x87 80-bit type, as it is with gcc.
.headers on
.mode list
SELECT printf('%!.20e', 2.0/3), printf('%!.25g', 0.1), printf('%!.30f', 1.0/7), printf('%!.22e', 1e300 / 3);
SELECT printf('%!.20g', cast('0.1' AS REAL) * 3), printf('%!.20g', 123456789.123456789), printf('%!.20e', 5e-324), printf('%!.20e', 1.7976931348623157e308);
CREATE TABLE t(s TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
INSERT INTO t SELECT printf('%d.%03de%d', i * 7919 % 100000, i * 31 % 1000, (i % 41) - 20) FROM n;
SELECT count(DISTINCT cast(s AS REAL)), printf('%!.20e', sum(cast(s AS REAL))), printf('%!.20e', max(cast(s AS REAL))) FROM t;
SELECT s, printf('%!.20e', cast(s AS REAL)) FROM t WHERE rowid % 50 = 0;
SELECT cast('2.2250738585072011e-308' AS REAL), cast('9007199254740993' AS REAL) = 9007199254740992.0, cast('0.30000000000000004441' AS REAL) = 0.1 + 0.2;
