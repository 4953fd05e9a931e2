/*
 * An object's code as its file holds it (without the breakpoints and patches planted in
 * the program), and where its functions begin and end according to its call frame
 * information (.eh_frame: stripped objects have no symbol sizes). Read from the file when
 * first asked, kept with the image.
 */
#ifndef LTRACE_CODE_H
#define LTRACE_CODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/taddr.h"

struct image;

/* The file's bytes of the executable segments from link-time address addr to the end of
 * its segment (*len); NULL when addr is in none of them (or the file cannot be read). */
const uint8_t *image_code(struct image *img, taddr_t addr, size_t *len);

/* The same, the whole segment holding addr: its bytes, where it starts (*lo), its length. */
const uint8_t *image_code_segment(struct image *img, taddr_t addr, taddr_t *lo, size_t *len);

/* The extent [*lo, *hi) of the call frame information's entry (FDE) covering link-time
 * address addr; false when none does. */
bool image_fde_range(struct image *img, taddr_t addr, taddr_t *lo, taddr_t *hi);

/* A place of the code that would branch (at) and where to (target), link-time. */
struct code_ref {
	taddr_t target, at;
};
/* What scan finds in every executable segment, sorted by target: computed the first time
 * and kept. scan(code, n, vaddr, out) gives each with image_add_ref. */
struct ref_list;
typedef void (*image_scan_fn)(const uint8_t *code, size_t n, taddr_t vaddr,
			      struct ref_list *out);
void image_add_ref(struct ref_list *l, taddr_t at, taddr_t target);
const struct code_ref *image_refs(struct image *img, image_scan_fn scan, size_t *n);

/* Free what was read (image_free). */
struct image_code;
void image_code_free(struct image_code *c);

#endif
