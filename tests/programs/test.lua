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
