  0.000000 qsort(0xADDR, 2, 8, 0xADDR <unfinished ...>
  S.UUUUUU strcmp("a", "c")                      = NEGATIVE
  S.UUUUUU <... qsort resumed> )                 = <void>
  S.UUUUUU write(1, "a", 1)                      = 1
  S.UUUUUU write(1, "c", 1)                      = 1
  S.UUUUUU write(1, "\n", 1)                     = 1
  S.UUUUUU __cxa_finalize(0xADDR)                = <void>
  S.UUUUUU +++ exited (status 0) +++
