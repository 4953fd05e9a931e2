libltrace_a_SOURCES += session/session.h
