PID libplug.so->prog_hold(7 <unfinished ...>
PID libplug2.so->prog_hold(10) = 10
PID libplug2.so->strlen("abcd") = 4
PID3 libplug2.so->strlen("xyz") = 3
PID +++ exited (status 0) +++
PID2 +++ exited (status 0) +++
PID3 +++ exited (status 0) +++
