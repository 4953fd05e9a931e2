struct point {
	int x, y;
};

typedef struct handle {
	int id;
	char name[8];
	long secret[4];
} handle_t;

int point_sum(const struct point *p);
struct point point_make(int x, int y);
int handle_id(handle_t *h);
int handle_tag(struct handle *h);
