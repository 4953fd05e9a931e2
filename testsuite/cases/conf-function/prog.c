int load(const char *name);
int import(int x);
int function(int x);
long typed(long x);

int main(void)
{
	load("abc");
	import(41);
	function(21);
	typed(7);
	return 0;
}
