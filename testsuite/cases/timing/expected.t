HH:MM:SS qsort(0xADDR, 2, 8, 0xADDR <unfinished ...>
HH:MM:SS strcmp("a", "c")                        = NEGATIVE
HH:MM:SS <... qsort resumed> )                   = <void>
HH:MM:SS write(1, "a", 1)                        = 1
HH:MM:SS write(1, "c", 1)                        = 1
HH:MM:SS write(1, "\n", 1)                       = 1
HH:MM:SS __cxa_finalize(0xADDR)                  = <void>
HH:MM:SS +++ exited (status 0) +++
