# etc: the default prototype file, installed into pkgdatadir.
dist_pkgdata_DATA += etc/ltrace.conf
