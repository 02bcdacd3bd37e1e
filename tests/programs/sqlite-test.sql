-- Differential test for SQLite built by kit: output must match gcc's build.
.headers on
.mode list
CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT, joined INTEGER);
CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER REFERENCES customers(id), amount REAL, item TEXT);
CREATE INDEX orders_customer ON orders(customer);
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO customers(name, city, joined)
  SELECT 'customer-' || i, CASE i % 5 WHEN 0 THEN 'Lisbon' WHEN 1 THEN 'Oslo' WHEN 2 THEN 'Quito' WHEN 3 THEN 'Hanoi' ELSE 'Lagos' END, 1600000000 + i * 86400 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
INSERT INTO orders(customer, amount, item)
  SELECT (i * 7919) % 2000 + 1, ((i * 104729) % 100000) / 100.0, 'item-' || (i % 37) FROM n;
COMMIT;
INSERT INTO customers(name, city, joined) VALUES ('Ada', 'London', 1700000000), ('Grace', 'Arlington', 1700000001);
INSERT INTO orders(customer, amount, item) VALUES (2001, 12.5, 'compiler'), (2001, 0.25, 'tape'), (2002, 99.99, 'nanosecond');
SELECT count(*), sum(amount), round(avg(amount), 4), min(amount), max(amount) FROM orders;
SELECT city, count(*) AS n, round(sum(o.amount), 2) AS total
  FROM customers c JOIN orders o ON o.customer = c.id GROUP BY city ORDER BY total DESC;
SELECT c.name, count(o.id) FROM customers c LEFT JOIN orders o ON o.customer = c.id
  GROUP BY c.id HAVING count(o.id) = 0 ORDER BY c.id LIMIT 5;
SELECT item, round(amount, 2), rank() OVER (PARTITION BY item ORDER BY amount DESC) AS r
  FROM orders WHERE item IN ('item-3', 'item-7') ORDER BY item, r LIMIT 12;
SELECT id, amount, round(sum(amount) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), 2) FROM orders WHERE id <= 10;
SELECT customer, row_number() OVER w, lag(amount) OVER w, lead(amount) OVER w FROM orders WHERE customer = 17 WINDOW w AS (ORDER BY id);
SELECT json_object('name', name, 'city', city, 'orders', (SELECT json_group_array(amount) FROM orders WHERE customer = c.id)) FROM customers c WHERE id IN (1, 2001);
SELECT json_extract('{"a":[1,2,{"b":"deep"}],"c":3.5}', '$.a[2].b'), json_array_length('[1,2,3,4]'), json_type('{"x":null}', '$.x');
SELECT key, value FROM json_each('{"one":1,"two":[2,2],"three":"3"}') ORDER BY key;
SELECT printf('%5.2f|%-8s|%08.3e|%x|%g|%g', 3.14159, 'kit', 12345.678, 255, 1e-300, 2.0/3.0);
SELECT upper('hello'), lower('WORLD'), substr('abcdefgh', 3, 4), replace('a-b-c', '-', '+'), length('δοκιμή'), hex('kit'), instr('haystack', 'st');
SELECT 1e308 * 10, -1e308 * 10, 0.1 + 0.2, 1/3.0, 7 / 2, 7 % 3, -7 / 2, abs(-42), round(2.5), round(-2.5), cast('12abc' AS INTEGER);
SELECT typeof(1), typeof(1.0), typeof('x'), typeof(x'00'), typeof(NULL), quote('it''s');
SELECT group_concat(name, ';') FROM (SELECT name FROM customers WHERE id % 400 = 0 ORDER BY id);
SELECT count(*) FROM (SELECT DISTINCT item FROM orders);
SELECT city, max(joined) - min(joined) FROM customers GROUP BY city ORDER BY city;
SELECT o.id FROM orders o WHERE o.amount > (SELECT avg(amount) FROM orders WHERE customer = o.customer) AND o.customer < 4 ORDER BY o.id;
WITH RECURSIVE fib(a, b, n) AS (SELECT 0, 1, 0 UNION ALL SELECT b, a + b, n + 1 FROM fib WHERE n < 80) SELECT a FROM fib WHERE n IN (10, 50, 80);
CREATE VIEW big AS SELECT customer, sum(amount) s FROM orders GROUP BY customer HAVING s > 250;
SELECT count(*), round(max(s), 2) FROM big;
UPDATE orders SET amount = amount * 2 WHERE item = 'item-1';
DELETE FROM orders WHERE amount < 1;
SELECT count(*), round(sum(amount), 2) FROM orders;
SELECT strftime('%Y-%m-%d %H:%M', joined, 'unixepoch') FROM customers WHERE id IN (1, 1000, 2002);
PRAGMA integrity_check;
