dist_man_MANS += doc/ltrace.1 doc/ltrace.conf.5
