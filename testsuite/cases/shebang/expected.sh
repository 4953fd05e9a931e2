--- Called exec() ---
strlen("./prog")                                 = 6
write(1, "prog\n", 5)                            = 5
__cxa_finalize(0xADDR)                           = <void>
+++ exited (status 4) +++
