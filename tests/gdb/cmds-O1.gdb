# -O1: scalars that never have their address taken live in registers and
# show as optimized out; the rest is in stack slots as at -O0.
set pagination off
set width 0
set confirm off
break prog.c:57
break prog.c:71
run
bt
print p
print arr[2]
print fl
print u.f
print counter
print origin
print r
step
bt
print calls
finish
continue
print t
print t.b
continue
