# check.awk -v NSIG=n -v CALLS=m TRACE: the trace of ./prog NSIG, which made CALLS
# calls of work().  Halves of calls split by other lines are joined per thread id
# (a signal line in the same thread may close a call with <no return ...>, as in
# ltrace 0.7.3, if the call is then resumed).  Exactly NSIG lines for SIGRTMIN and
# no other signal line; work(i) = i+1 exactly once for each i < CALLS; flood(NSIG)
# = NSIG once; every call that was split resumed.  Prints what is wrong.
function bad(msg) { if (nbad++ < 20) print "  " msg }
{
	line = $0; id = "-"
	if (match(line, /^[0-9]+ /)) { id = substr(line, 1, RLENGTH - 1); line = substr(line, RLENGTH + 1) }
	if (line ~ /^--- .* ---$/) {
		if (line ~ /^--- [^ ]+ (34 )?\(Real-time signal 0\) ---$/) rt++
		else bad("other signal: " $0)
		next
	}
	if (line ~ /^\+\+\+ /) next
	if (line ~ / <(unfinished|no return) \.\.\.>$/) {
		if (id in open) bad("two open calls in " id ": " open[id] " / " line)
		sub(/ <[a-z ]+ \.\.\.>$/, "", line)
		open[id] = line
		next
	}
	if (line ~ /^<\.\.\. [^ ]+ resumed> /) {
		# A call the main thread began before a second thread existed has no id on
		# its first half.
		if (!(id in open) && ("-" in open)) id = "-"
		if (!(id in open)) { bad("resumed without its call: " $0); next }
		sub(/^<\.\.\. [^ ]+ resumed> /, "", line)
		line = open[id] line
		delete open[id]
	}
	if (line ~ /^work\(/) {
		if (!match(line, /^work\([0-9]+\) += [0-9]+$/)) { bad("malformed: " line); next }
		split(line, f, /[() =]+/)
		if (f[3] != f[2] + 1) bad("wrong value: " line)
		if (f[2] >= CALLS || seen[f[2]]++) bad("unexpected: " line)
		works++
	} else if (line ~ /^flood\(/) {
		if (line !~ "^flood\\(" NSIG "\\) += " NSIG "$") bad("flood: " line)
		floods++
	}
}
END {
	for (id in open)
		if (open[id] !~ /^exit\(/) bad("never resumed: " id " " open[id])
	if (rt != NSIG) bad(rt + 0 " SIGRTMIN lines, expected " NSIG)
	if (works != CALLS) bad(works + 0 " work() calls, expected " CALLS)
	if (floods != 1) bad(floods + 0 " flood() calls, expected 1")
	exit nbad > 0
}
