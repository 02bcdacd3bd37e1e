# gdb commands for tests/gdb.sh; expected.txt lists the lines they must print.
set pagination off
set width 0
set confirm off
set print pretty off
break prog.c:57
break prog.c:71
run
bt
info locals
print p.x
print *ptr
print arr[2]
print counter
print ratio
print origin.y
print table
print greeting
print op
ptype op
print c
print fl.b
print u.f
whatis big
whatis cv
ptype struct flags
step
bt
info args
print calls
print p->y
next
next
step
bt
finish
finish
next
print r
next
next
print counter
continue
print t
print t.b
continue
