xyz(3 <unfinished ...>
xyz@libpick.so(3)                                = 6
<... xyz resumed> )                              = 6
abc(4 <unfinished ...>
abc@libpick.so(4)                                = 9
<... abc resumed> )                              = 9
own(5)                                           = 50
printf("%d %d %d\n", 6, 9, 50)                   = 7
__cxa_finalize(0xADDR)                           = <void>
+++ exited (status 0) +++
