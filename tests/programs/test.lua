-- Differential test for Lua built by kit: output must match gcc's build.
local function show(...) print(...) end

-- strings and formatting
show(string.format("%d %5.2f %-6s| %x %X %o %e %g %g %q", 42, math.pi, "kit", 255, 255, 8, 12345.6789, 1e20, 0.1, "a\nb"))
show(string.format("%.14g %.3f %10.4f %a", 2^53, -0.0005, 1/3, 1.0))
show(("hello world"):upper(), ("Hello"):rep(3, "-"), ("abc"):reverse(), #"δ")
show(string.find("the quick brown fox", "qu(%a+)"), string.match("key=value", "(%w+)=(%w+)"))
show((string.gsub("hello world", "o", "0")), (string.gsub("abc", "%w", "%0%0")))
for w in string.gmatch("one two three", "%a+") do io.write(w, ",") end print()
show(tostring(1e15), tostring(1e16), tostring(-0.0), 10 // 3, 10.0 // 3, 7 % -3, -7 % 3, 2^10, 7 / 2)
show(math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger, 3 | 5, 3 & 5, 3 ~ 5, ~0, 1 << 62, 256 >> 4)
show(math.floor(-3.5), math.ceil(-3.5), math.abs(-7), math.max(3, 9, 1), math.fmod(7, 3), math.sqrt(2), math.tointeger(3.0))
show(tonumber("0x1p4"), tonumber("  12  "), tonumber("1e2"), tonumber("z", 36), tonumber("nope"))

-- tables and sorting
local t = {}
for i = 1, 200 do t[i] = (i * 7919) % 1000 end
table.sort(t)
show(t[1], t[100], t[200], #t)
local words = {"pear", "apple", "fig", "banana", "cherry"}
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
show(table.concat(words, " "))
table.insert(words, 1, "kiwi"); table.remove(words, 3)
show(table.concat(words, ","), select("#", table.unpack(words)))
local counts = {}
for _, w in ipairs({"a", "b", "a", "c", "b", "a"}) do counts[w] = (counts[w] or 0) + 1 end
local keys = {}
for k in pairs(counts) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", counts[k], " ") end print()

-- closures and metatables
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
show(c1(), c1(), c1(), c2())
local Vec = {}
Vec.__index = Vec
Vec.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y}, Vec) end
Vec.__tostring = function(v) return string.format("(%g, %g)", v.x, v.y) end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y end
function Vec.len(v) return math.sqrt(v.x * v.x + v.y * v.y) end
local a = setmetatable({x = 3, y = 4}, Vec)
local b = setmetatable({x = 1.5, y = -2}, Vec)
show(tostring(a + b), a:len(), a == setmetatable({x = 3, y = 4}, Vec))

-- coroutines
local gen = coroutine.wrap(function()
  for i = 1, 5 do coroutine.yield(i * i) end
  return "done"
end)
show(gen(), gen(), gen(), gen(), gen(), gen())
local co = coroutine.create(function(x, y)
  local z = coroutine.yield(x + y)
  return z * 2
end)
show(coroutine.resume(co, 2, 3))
show(coroutine.resume(co, 21))
show(coroutine.status(co), coroutine.resume(co))

-- errors
show(pcall(function() error("boom") end))
show(select(2, pcall(function() error({code = 7}) end)).code)
show(select(2, pcall(function() return nil + 1 end)):match("attempt to perform arithmetic") ~= nil)
show(xpcall(function() error("x", 0) end, function(m) return "handled " .. m end))

-- a little computation: primes and fibonacci with big loops
local sieve, primes = {}, 0
for i = 2, 100000 do
  if not sieve[i] then
    primes = primes + 1
    for j = i * i, 100000, i do sieve[j] = true end
  end
end
show(primes)
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
show(fib(25))
local acc = 0.0
for i = 1, 100000 do acc = acc + 1 / (i * i) end
show(string.format("%.12f", acc))
collectgarbage()
show(type(collectgarbage("count")))

-- more float formatting and conversions
show(string.format("%5.1f|%-10.3e|%+d|%.0f|%.3f|%g|%g|%g", 2.25, -1234.5678, 7, 0.5, 2/3, 1e100, 2^63, 123456789012))
show(string.format("%.17g %.17g %a %a", 0.1, 1/3, 0.1, -2.5))
show(1e100, 2^63, -2^63, math.huge, -math.huge, 2^53 + 1, 1e15 + 0.5, 3.0, -0.0 == 0.0)
show(tostring(0/0):find("nan") ~= nil, math.type(1), math.type(1.0), math.type("1"), 1 == 1.0, math.ult(1, -1))
show(7 // -2, 7.5 // -2, -7 % 2.5, 5 % math.huge, math.maxinteger * 2, math.mininteger // -1, 3 / 0 == math.huge)
show(string.format("%d", 3.0), pcall(string.format, "%d", 3.5), math.floor(2^31 + 0.5), ("%5s|%-5s|%.2s"):format("ab", "cd", "xyz"))
show(tonumber("0x7fffffffffffffff"), tonumber("0xffffffffffffffff"), tonumber("1e500"), tonumber(".5"), tonumber("5."), 0x10p-2)

-- pseudo-random numbers with a fixed seed (xoshiro256**: 64-bit integer arithmetic)
math.randomseed(42)
local r = {}
for i = 1, 8 do r[i] = math.random(1, 1000000) end
show(table.concat(r, " "), math.random(0) ~= nil, string.format("%.6f", (math.random())) ~= nil)

-- string.pack/unpack, utf8, bytes
local packed = string.pack("<i4 >i8 d z s1", -2, 0x0102030405060708, 1.5, "zs", "len")
show(#packed, string.unpack("<i4 >i8 d z s1", packed))
show(string.byte("ABC", 1, -1), string.char(72, 105), utf8.char(955, 8364, 128512), utf8.len("δοκιμή"))
for p, c in utf8.codes("aδ€") do io.write(p, ":", c, " ") end print()
show(("x"):rep(10000):len(), ("abc"):sub(-2), ("  trim  "):match("^%s*(.-)%s*$"), ("a,b,,c"):gsub(",", ";"))
show(string.gsub("hello world from kit", "(%w+) (%w+)", "%2 %1"), string.gsub("$name is $age", "%$(%w+)", {name = "kit", age = 1}))
show(string.format("%q", 1/3), string.format("%q", math.mininteger), ("%s=%s"):format("k", nil))

-- varargs, goto, load, table.move, integer/float loops
local function va(...) return select("#", ...), select(2, ...) end
show(va(1, nil, 3, nil))
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    io.write(i, "-", j, " ")
    ::continue::
  end
end
print()
local f = load("local a, b = ... return a * b + 1")
show(f(6, 7), load("syntax error here"))
show(table.concat(table.move({1, 2, 3, 4, 5}, 2, 4, 1), ","), table.unpack({1, 2, 3}, 2))
local s = 0
for x = 1.0, 2.0, 0.25 do s = s + x end
for x = 10, 1, -3 do s = s + x end
show(s, os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365), os.time({year = 2000, month = 1, day = 1, hour = 12}) ~= nil)

-- deep recursion and a big table with string keys (GC under pressure)
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
show(depth(10000), select(2, pcall(function() local function inf() return 1 + inf() end return inf() end)):match("stack overflow") ~= nil)
local big = {}
for i = 1, 50000 do big["k" .. i] = i * 0.5 end
local sum = 0
for k, v in pairs(big) do sum = sum + v end
show(sum, big.k12345)
