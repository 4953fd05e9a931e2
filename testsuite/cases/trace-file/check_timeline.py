"""Check the Chrome trace-event file written with --trace-file for prog.c:
valid JSON, one complete ("X") event per call that returned, on one track
(pid, tid), and nested calls inside the calls that contain them."""
import json
import sys

errors = []
with open(sys.argv[1], encoding="utf-8") as f:
    doc = json.load(f)
events = doc.get("traceEvents")
if not isinstance(events, list):
    print("no traceEvents list")
    sys.exit(1)
names = sorted(e.get("name") for e in events)
want = sorted(["write", "qsort", "strcmp", "signal", "raise", "write", "__cxa_finalize"])
if names != want:
    errors.append("events: expected %s, got %s" % (want, names))
for e in events:
    for key, typ in (("ph", str), ("name", str), ("pid", int), ("tid", int),
                     ("ts", (int, float)), ("dur", (int, float)), ("args", dict)):
        if not isinstance(e.get(key), typ):
            errors.append("%r: bad %s" % (e, key))
if not errors:
    if any(e["ph"] != "X" for e in events) or len({(e["pid"], e["tid"]) for e in events}) != 1:
        errors.append("not one track of complete events")

    def one(name):
        return [e for e in events if e["name"] == name][0]

    def inside(inner, outer):
        return (outer["ts"] <= inner["ts"] and
                inner["ts"] + inner["dur"] <= outer["ts"] + outer["dur"] + 0.001)

    if not inside(one("strcmp"), one("qsort")):
        errors.append("strcmp is not inside qsort")
    handler_write = [e for e in events if e["name"] == "write" and e["args"]["depth"] == 1]
    if len(handler_write) != 1 or not inside(handler_write[0], one("raise")):
        errors.append("the handler's write is not inside raise")
    if inside(one("signal"), one("qsort")):
        errors.append("signal is inside qsort")
for e in errors:
    print(e)
sys.exit(1 if errors else 0)
