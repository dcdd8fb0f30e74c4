/*
 * fuzz_config.c — libFuzzer target for config.ini loading: whatever bytes
 * the file holds, config_load must report problems, never crash, leak or
 * read out of bounds. `make fuzz` builds and runs it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lmskurs/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_path[64];

static void make_private_dir(void)
{
	char dir[] = "/tmp/lmskurs-fuzz-XXXXXX";
	if (!mkdtemp(dir))
		abort();
	snprintf(fuzz_path, sizeof fuzz_path, "%s/config.ini", dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!fuzz_path[0])
		make_private_dir();
	FILE *f = fopen(fuzz_path, "wb");
	if (!f || fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	lk_config cfg;
	lk_err err;
	config_load(&cfg, fuzz_path, &err);
	config_free(&cfg);
	return 0;
}
