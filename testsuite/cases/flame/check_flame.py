"""Check --folded and --flame-graph output: the folded lines against the
expected ones (times replaced by N, pids by PID1, PID2 in order), and the SVG
(parsed with xml.etree) against the folded stacks."""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
TITLE = re.compile(r"^(.*) \(([\d,]+) \u00b5s, (\d+\.\d\d)%(?:, (\d+) calls?)?\)$")
SLEEP_US = 300  # each inner_mul sleeps that long


def fail(msg):
    print("  " + msg)
    sys.exit(1)


def folded(path):
    text = open(path).read()
    if not text.endswith("\n"):
        fail("folded file does not end with a newline")
    stacks, pids = {}, {}
    for line in text.splitlines():
        m = re.fullmatch(r"(\S.*) (\d+)", line)
        if not m:
            fail("not a folded line: %r" % line)
        stack = re.sub(r"\[pid (\d+)\]",
                       lambda p: "[pid PID%d]" % pids.setdefault(p.group(1), len(pids) + 1),
                       m.group(1))
        if stack in stacks:
            fail("stack twice: %s" % stack)
        stacks[stack] = int(m.group(2))
    return stacks


def frames(g, path, out):
    """Walk the nested <g class="frame">: out[path] = (title fields, rect)."""
    title = g.find(NS + "title")
    rect = g.find(NS + "rect")
    if title is None or rect is None:
        fail("a frame without title or rect")
    m = TITLE.match(title.text)
    if not m:
        fail("title not 'name (N \u00b5s, P%%[, C calls])': %r" % title.text)
    name = m.group(1)
    here = path + (name,) if path is not None else ()
    box = tuple(float(rect.get(k)) for k in ("x", "y", "width", "height"))
    out[here] = (int(m.group(2).replace(",", "")), float(m.group(3)),
                 int(m.group(4) or 0), box)
    text = g.find(NS + "text")
    if text is not None and not name.startswith(text.text.rstrip(".")):
        fail("label %r of frame %r" % (text.text, name))
    for child in g.findall(NS + "g"):
        frames(child, here, out)


def main():
    folded_path, svg_path, expected_path = sys.argv[1:4]
    stacks = folded(folded_path)
    expected = open(expected_path).read().splitlines()
    got = ["%s N" % s for s in stacks]
    if got != expected:
        fail("folded stacks:\n" + "\n".join("    " + l for l in got)
             + "\n  expected:\n" + "\n".join("    " + l for l in expected))
    for s in stacks:
        us = sum(v for t, v in stacks.items() if t == s or t.startswith(s + ";"))
        if s.endswith("inner_mul") and us < SLEEP_US:
            fail("%s: %d us, less than the %d us it sleeps" % (s, us, SLEEP_US))

    root = ET.parse(svg_path).getroot()
    if root.tag != NS + "svg":
        fail("root element is %s" % root.tag)
    top = [g for g in root.findall(NS + "g") if g.get("class") == "frame"]
    if len(top) != 1:
        fail("%d outermost frames, expected one (all)" % len(top))
    seen = {}
    frames(top[0], None, seen)
    prefixes = {()}
    for s in stacks:
        parts = tuple(s.split(";"))
        for i in range(1, len(parts) + 1):
            prefixes.add(parts[:i])
    svg_paths = {tuple(re.sub(r"\[pid \d+\]", "[pid]", f) for f in p) for p in seen}
    want = {tuple(re.sub(r"\[pid PID\d\]", "[pid]", f) for f in p) for p in prefixes}
    if svg_paths != want:
        fail("SVG frames %s, folded stacks give %s" % (sorted(svg_paths), sorted(want)))
    all_us, share, _, (x0, y0, w0, _) = seen[()]
    if share != 100.0 or all_us < 6 * SLEEP_US:
        fail("all: %d us, %.2f%%" % (all_us, share))
    for path, (us, share, calls, (x, y, w, h)) in seen.items():
        if not path:
            continue
        pus, _, _, (px, py, pw, _) = seen[path[:-1]]
        if abs(share - 100.0 * us / all_us) > 0.01 + 100.0 / all_us:
            fail("%s: %.2f%% of %d us for %d us" % (";".join(path), share, all_us, us))
        if us > pus or x < px - 0.01 or x + w > px + pw + 0.02 or y != py - 16:
            fail("%s: box %s not on its parent's %s" % (";".join(path), (x, y, w), (px, py, pw)))
        if path[-1] in ("inner_mul", "outer_calc") and calls == 0:
            fail("%s: no calls in its title" % ";".join(path))
    calls = {p[-1] + ("/nested" if len(p) > 1 and p[-2] == "outer_calc" else ""): c
             for p, (_, _, c, _) in seen.items() if p and not p[-1].startswith("[")
             and p[-1] != "main" and "@" not in p[-1]}
    if sys.argv[3].endswith(".plain") and calls != {"outer_calc": 2, "inner_mul": 1,
                                                    "inner_mul/nested": 5}:
        fail("calls in the titles: %s" % calls)


main()
