# proc
