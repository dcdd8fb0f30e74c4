/*
 * io_impl.h — private to src/io: writing an output file whole.
 */
#ifndef LMSKURS_IO_IMPL_H
#define LMSKURS_IO_IMPL_H

#include <stddef.h>
#include <sys/types.h>
#include "lmskurs/err.h"

/* Writes len bytes of data to path through a temporary file beside it
 * (made private, given mode at the end, then renamed over path), so path
 * holds either its old content or all of the new, never half. LK_EIO with
 * "Cannot write PATH: reason" on failure (the temporary file removed). */
int io_write_file(const char *path, const void *data, size_t len, mode_t mode, lk_err *err);

#endif
