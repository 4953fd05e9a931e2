write(1, "before\n", 7)                          = 7
die_inside(SIGKILL <no return ...>
+++ killed by SIGKILL +++
