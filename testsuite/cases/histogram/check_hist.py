"""Check the histograms (and, for the syscalls variant, the -c table) that
ltrace --histogram wrote, against the durations the program asked for and the
ones it measured around each call (file "measured": REQUEST_US MEASURED_US)."""
import re
import sys

BAR = 52
ROW = re.compile(r"^(\[\d+\w?\]|\[\d+\w?, \d+\w?\)) {1,}(\d+) \|(@*)( *)\|$")
UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def bound(text):
    m = re.fullmatch(r"(\d+)(\w?)", text)
    return int(m.group(1)) * UNITS[m.group(2)]


def bucket(us):
    """Index of the log2 bucket of us: 0 for [0], 1 for [1], k+1 for [2^k, 2^(k+1))."""
    return us.bit_length()


def label_bucket(label):
    inner = label[1:-1].split(", ")
    return bucket(bound(inner[0]))


def parse(lines):
    """{name: (buckets {index: count}, never_returned)} and the lines before the first."""
    maps, head, cur = {}, [], None
    for line in lines:
        m = re.fullmatch(r"@usecs\[(.+)\]:", line)
        if m:
            cur = maps.setdefault(m.group(1), [{}, 0])
            continue
        if cur is None:
            head.append(line)
            continue
        if line == "":
            continue
        m = re.fullmatch(r"never returned +(\d+)", line)
        if m:
            assert len(line) == 24, "never returned: count not in column 24: %r" % line
            cur[1] = int(m.group(1))
            continue
        m = ROW.fullmatch(line)
        assert m, "not a histogram row: %r" % line
        assert len(line.split("|")[0]) == 25, "count not in column 24: %r" % line
        assert len(m.group(3)) + len(m.group(4)) == BAR, "bar not %d wide: %r" % (BAR, line)
        cur[0][label_bucket(m.group(1))] = int(m.group(2))
    for name, (b, _) in maps.items():
        if b:
            keys = sorted(b)
            assert keys == list(range(keys[0], keys[-1] + 1)), "%s: missing rows" % name
    return maps, head


def check_bars(lines):
    counts = []
    for line in lines:
        m = ROW.fullmatch(line)
        if m:
            counts.append((int(m.group(2)), len(m.group(3))))
        elif counts:
            top = max(c for c, _ in counts)
            for c, bar in counts:
                assert bar == c * BAR // top, "bar of %d is %d long, max %d" % (c, bar, top)
            counts = []


def check_counts(name, got, calls):
    """got: {bucket: count}; calls: [(request, measured)].  Every call's bucket
    lies between its request's and its measurement's; with intervals on a line,
    the cumulative counts decide whether such an assignment exists."""
    assert sum(got.values()) == len(calls), "%s: %d calls in the buckets, %d made" % (
        name, sum(got.values()), len(calls))
    lo = [bucket(r) for r, _ in calls]
    hi = [bucket(max(r, m)) for r, m in calls]
    for k in range(0, 66):
        n = sum(c for b, c in got.items() if b <= k)
        must = sum(1 for h in hi if h <= k)
        may = sum(1 for l in lo if l <= k)
        assert must <= n <= may, "%s: %d calls under bucket %d, bounds allow %d..%d: %s" % (
            name, n, k, must, may, got)
    exact = {}
    for l in lo:
        exact[l] = exact.get(l, 0) + 1
    if lo == hi:
        assert got == exact, "%s: %s, expected %s" % (name, got, exact)


def main():
    trace, measured, variant = sys.argv[1:4]
    lines = open(trace).read().split("\n")
    assert lines[-1] == "", "no newline at the end"
    lines = lines[:-1]
    calls = [tuple(int(x) for x in l.split()) for l in open(measured)]
    assert len(calls) == 6, calls
    check_bars(lines + [""])
    maps, head = parse(lines)
    names = ["exit", "nanosleep"]
    if variant == "syscalls":
        names = ["clock_nanosleep@SYS", "exit", "nanosleep"]
        assert head == [
            "    calls      function",
            "--------- --------------------",
            "        6 nanosleep",
            "        6 clock_nanosleep@SYS",
            "        1 exit",
            "--------- --------------------",
            "       13 total",
            "",
        ], "table:\n" + "\n".join(head)
    else:
        assert head == [], "lines before the histograms:\n" + "\n".join(head)
    assert sorted(maps) == names, "histograms of %s" % sorted(maps)
    assert maps["exit"] == [{}, 1], "exit: %s" % maps["exit"]
    for name in names:
        if name != "exit":
            assert maps[name][1] == 0, "%s: never returned %d" % (name, maps[name][1])
            check_counts(name, maps[name][0], calls)


try:
    main()
except AssertionError as e:
    print("  " + str(e))
    sys.exit(1)
