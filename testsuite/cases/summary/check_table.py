"""Check an ltrace -c table on stdin and print it with the times replaced.

The layout is checked exactly (ltrace 0.7.3's widths); the rows must be
sorted by time, most first; usecs/call must be the row's microseconds
divided by its calls; the total row must add up.  Then the numbers that
vary are replaced by placeholders of the same width, and the rows sorted
by name, so that the result can be compared with an expected table."""
import re
import sys

HEAD = "% time     seconds  usecs/call     calls      function"
RULE = "------ ----------- ----------- --------- --------------------"
ROW = re.compile(r"^([ \d]{2}\d\.\d\d) ([ \d]{3}\d\.\d{6}) ([ \d]{10}\d) ([ \d]{8}\d) (\S.*)$")
TOTAL = re.compile(r"^100\.00 ([ \d]{3}\d\.\d{6}) {13}([ \d]{8}\d) total$")


def fail(msg):
    print("BAD TABLE: " + msg)
    sys.exit(0)


def usecs(text):
    sec, frac = text.strip().split(".")
    return int(sec) * 1000000 + int(frac)


lines = sys.stdin.read().splitlines()
if len(lines) < 4 or lines[0] != HEAD or lines[1] != RULE or lines[-2] != RULE:
    fail("header or rules:\n" + "\n".join(lines))
rows = []
for line in lines[2:-2]:
    m = ROW.match(line)
    if not m:
        fail("row: " + line)
    us, calls = usecs(m.group(2)), int(m.group(4))
    if int(m.group(3)) != us // calls:
        fail("usecs/call: " + line)
    rows.append((us, calls, m.group(5)))
if [r[0] for r in rows] != sorted((r[0] for r in rows), reverse=True):
    fail("rows not sorted by time")
m = TOTAL.match(lines[-1])
if not m:
    fail("total: " + lines[-1])
total_us = usecs(m.group(1))
if not sum(r[0] for r in rows) <= total_us <= sum(r[0] for r in rows) + len(rows):
    fail("total time")
print(HEAD)
print(RULE)
for _, calls, name in sorted(rows, key=lambda r: r[2]):
    print("PPP.PP SSSS.UUUUUU UUUUUUUUUUU %9d %s" % (calls, name))
print(RULE)
print("100.00 SSSS.UUUUUU %11s %9d total" % ("", int(m.group(2))))
