dist_man_MANS += doc/ltrace.1
