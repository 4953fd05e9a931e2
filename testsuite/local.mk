# testsuite: end-to-end tests of the tracer (see testsuite/README).
# `make check' runs them after TESTS, through check-local.  The programs are
# built under testsuite/build in the build tree.

check-local: check-testsuite
check-testsuite: ltrace$(EXEEXT)
	TESTSUITE_BUILD="$(abs_builddir)/testsuite/build" \
	  bash "$(srcdir)/testsuite/run" "./ltrace$(EXEEXT)"

clean-local: clean-testsuite
clean-testsuite:
	-rm -rf testsuite/build

.PHONY: check-testsuite clean-testsuite

EXTRA_DIST += testsuite/README testsuite/run testsuite/normalise \
	testsuite/cases
