# check.awk -v N=threads -v M=calls TRACE: the trace of `ltrace -f ./prog N M'.
# Halves of interrupted calls (`<unfinished ...>' ... `<... NAME resumed>') are
# joined per thread id; then every stress_op(a, b) must be there exactly once for
# a < N, b < M, returning a*100000+b, and the other calls exactly as often as the
# program makes them.  Prints what is wrong; exit status 1 if anything is.
function bad(msg) {
	if (nbad++ < 20)
		print "  " msg
}
{
	id = $1
	rest = substr($0, length(id) + 2)
	if (id !~ /^[0-9]+$/) {
		bad("line without a thread id: " $0)
		next
	}
	if (rest ~ / <unfinished \.\.\.>$/) {
		if (id in open)
			bad("two open calls in thread " id ": " open[id] " / " rest)
		sub(/ <unfinished \.\.\.>$/, "", rest)
		open[id] = rest
		next
	}
	if (rest ~ /^<\.\.\. [^ ]+ resumed> /) {
		name = rest
		sub(/^<\.\.\. /, "", name)
		sub(/ .*/, "", name)
		if (!(id in open) || index(open[id], name "(") != 1) {
			bad("resumed without its call: " $0)
			next
		}
		sub(/^<\.\.\. [^ ]+ resumed> /, "", rest)
		rest = open[id] rest
		delete open[id]
	}
	if (rest == "+++ exited (status 0) +++") {
		exits++
		next
	}
	if (rest !~ /^[a-z_]+\(.*\) *= .+$/) {
		bad("unexpected line: " $0)
		next
	}
	name = rest
	sub(/\(.*/, "", name)
	calls[name]++
	if (name != "stress_op")
		next
	if (!match(rest, /^stress_op\([0-9]+, [0-9]+\) *= [0-9]+$/)) {
		bad("malformed: " $0)
		next
	}
	split(rest, f, /[(), =]+/)
	a = f[2]; b = f[3]; v = f[4]
	if (a >= N || b >= M)
		bad("out of range: " $0)
	else if (v != a * 100000 + b)
		bad("wrong value: " $0)
	if (seen[a, b]++)
		bad("twice: " $0)
	if (!(a in first))
		first[a] = id
	else if (first[a] != id)
		bad("stress_op(" a ", ...) in two threads: " first[a] " and " id)
}
END {
	for (id in open)
		bad("never resumed: " id " " open[id])
	want["stress_op"] = N * M
	want["pthread_create"] = want["pthread_join"] = want["pthread_barrier_wait"] = N
	want["atoi"] = want["atol"] = want["pthread_barrier_init"] = want["printf"] = 1
	want["__cxa_finalize"] = 1
	for (name in want)
		if (calls[name] + 0 != want[name])
			bad(name ": " calls[name] + 0 " complete calls, expected " want[name])
	for (name in calls)
		if (!(name in want))
			bad("unexpected call " name " (" calls[name] " times)")
	if (exits != N + 1)
		bad(exits + 0 " exit lines, expected " N + 1)
	if (nbad > 20)
		print "  ... " nbad " problems in all"
	exit nbad > 0
}
