# etc: the prototype files, installed into pkgdatadir: the general ltrace.conf and the
# per-library files found by SONAME.
dist_pkgdata_DATA += etc/ltrace.conf etc/libc.so.6.conf etc/libm.so.6.conf
