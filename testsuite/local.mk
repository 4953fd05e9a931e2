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

EXTRA_DIST += testsuite/README testsuite/run testsuite/normalise testsuite/fast-skip \
	testsuite/cases

# The --fast pass: every case again with --fast (testsuite/fast-skip lists what it cannot
# apply to yet, with why).
check-fast: ltrace$(EXEEXT)
	TESTSUITE_FAST=1 TESTSUITE_BUILD="$(abs_builddir)/testsuite/build" \
	  bash "$(srcdir)/testsuite/run" "./ltrace$(EXEEXT)"
.PHONY: check-fast
