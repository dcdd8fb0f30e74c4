/*
 * fuzz_template.c — libFuzzer target for course templates: whatever bytes
 * the file holds, template_read must report problems or give a concept,
 * never crash, leak or read out of bounds. `make fuzz` builds and runs it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lmskurs/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_path[64];

static void make_private_dir(void)
{
	char dir[] = "/tmp/lmskurs-fuzz-XXXXXX";
	if (!mkdtemp(dir))
		abort();
	snprintf(fuzz_path, sizeof fuzz_path, "%s/template.ini", dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!fuzz_path[0])
		make_private_dir();
	FILE *f = fopen(fuzz_path, "wb");
	if (!f || fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	lk_concept c;
	lk_err err;
	if (template_read(fuzz_path, &c, &err) == 0 && (!c.course.title || !*c.course.title))
		abort(); /* a template that reads well has a title */
	concept_free(&c);
	return 0;
}
