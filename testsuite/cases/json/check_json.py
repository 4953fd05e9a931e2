"""Check the --json trace of prog.c: every line is a complete JSON object;
the events, their order, their fields and their counts are the expected
ones.  Prints what is wrong and exits 1."""
import json
import re
import sys

EXPECTED = [  # (type, function or detail, depth)
    ("call", "write", 0), ("return", "write", 0),
    ("call", "qsort", 0), ("call", "strcmp", 1), ("return", "strcmp", 1),
    ("return", "qsort", 0),
    ("call", "signal", 0), ("return", "signal", 0),
    ("call", "raise", 0), ("signal", "SIGUSR1", None),
    ("call", "write", 1), ("return", "write", 1), ("return", "raise", 0),
    ("call", "pipe", 0), ("return", "pipe", 0),
    ("call", "exit", 0), ("call", "__cxa_finalize", 1), ("return", "__cxa_finalize", 1),
    ("exit", 3, None),
]
COMMON = {"type": str, "pid": int, "tid": int, "timestamp": float}
FIELDS = {
    "call": {"function": str, "depth": int, "caller": dict, "arguments": str,
             "raw_arguments": list},
    "return": {"function": str, "depth": int, "return_value": str, "duration": float},
    "signal": {"signal": int, "name": str},
    "exit": {"status": int},
}
SYSCALLS = [
    ("call", "write@SYS", 0), ("return", "write@SYS", 0), ("signal", "SIGUSR1", None),
    ("call", "write@SYS", 0), ("return", "write@SYS", 0), ("exit", 3, None),
]
mode = sys.argv[2] if len(sys.argv) > 2 else "calls"
if mode == "syscalls":
    EXPECTED = SYSCALLS
errors = []


def check(cond, msg):
    if not cond:
        errors.append(msg)


events = []
with open(sys.argv[1], encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            ev = json.loads(line)
        except ValueError as e:
            errors.append("line %d is not JSON (%s): %s" % (n, e, line.rstrip()))
            continue
        check(isinstance(ev, dict), "line %d is not an object" % n)
        for key, typ in list(COMMON.items()) + list(FIELDS.get(ev.get("type"), {}).items()):
            check(isinstance(ev.get(key), typ), "line %d: %r is not a %s" % (n, key, typ.__name__))
        events.append(ev)

got = []
for ev in events:
    t = ev.get("type")
    detail = {"signal": ev.get("name"), "exit": ev.get("status")}.get(t, ev.get("function"))
    got.append((t, detail, ev.get("depth")))
check(got == EXPECTED, "events:\n  expected %s\n  got      %s" % (EXPECTED, got))
if not errors and mode == "syscalls":
    for w, wret in ((events[0], events[1]), (events[3], events[4])):
        raw = w["raw_arguments"]
        check(len(raw) == 3 and raw[0] == 1 and raw[1] > 0 and raw[2] == 2,
              "write@SYS raw arguments: %r" % raw)
        check(w["arguments"] in ('1, "a\\n", 2', '1, "h\\n", 2'),
              "write@SYS arguments: %r" % w["arguments"])
        check(wret["return_value"] == "2" and wret["raw_return_value"] == 2,
              "write@SYS return: %r" % wret)
elif not errors:
    pid = events[0]["pid"]
    check(all(ev["pid"] == pid and ev["tid"] == pid for ev in events), "pid/tid")
    times = [ev["timestamp"] for ev in events]
    check(times == sorted(times), "timestamps go back")
    w, wret = events[0], events[1]
    check(w["arguments"] == '1, "a\\n", 2', "write arguments: %r" % w["arguments"])
    check(w["raw_arguments"][0] == 1 and w["raw_arguments"][2] == 2 and
          len(w["raw_arguments"]) == 3, "write raw arguments: %r" % w["raw_arguments"])
    check(wret["return_value"] == "2" and wret["raw_return_value"] == 2, "write return")
    check(0 <= wret["duration"] <= wret["timestamp"] - w["timestamp"] + 1e-6, "duration")
    check(w["caller"]["object"].endswith("/prog") and w["caller"]["function"] == "main" and
          w["caller"]["address"].startswith("0x"), "write caller: %r" % w["caller"])
    check(events[3]["caller"]["function"] == "cmp", "strcmp caller: %r" % events[3]["caller"])
    check(events[3]["arguments"] == '"a", "c"', "strcmp arguments")
    check(events[9]["signal"] == 10, "signal number")
    check(events[10]["caller"]["function"] == "handler", "handler's write caller")
    p, pret = events[13], events[14]
    check(p["arguments"] == "" and "output_arguments" not in p, "pipe call: %r" % p)
    check(re.fullmatch(r"\[ \d+, \d+ \]", pret.get("output_arguments", "")) is not None,
          "pipe output arguments: %r" % pret.get("output_arguments"))
    check("output_arguments" not in wret, "write has no output arguments")
    check(events[15]["arguments"] == "3", "exit arguments")
for e in errors:
    print(e)
sys.exit(1 if errors else 0)
