/* iofile.c — whole output files, replaced at once (io_impl.h). */
#include "io_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lmskurs/i18n.h"

static int write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Fills the open temporary file fd and closes it; errno set on failure. */
static int fill_and_close(int fd, const void *data, size_t len, mode_t mode)
{
	int rc = write_all(fd, data, len) < 0 || fchmod(fd, mode) < 0 || fsync(fd) < 0 ? -1 : 0;
	int saved = errno;
	if (close(fd) < 0 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

int io_write_file(const char *path, const void *data, size_t len, mode_t mode, lk_err *err)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + 8);
	if (!tmp)
		return lk_fail(err, LK_ENOMEM, _("Out of memory."));
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".XXXXXX", 8);
	int fd = mkstemp(tmp);
	if (fd < 0 || fill_and_close(fd, data, len, mode) < 0 || rename(tmp, path) < 0) {
		int saved = errno;
		if (fd >= 0)
			unlink(tmp);
		free(tmp);
		return lk_fail(err, LK_EIO, _("Cannot write %s: %s"), path, strerror(saved));
	}
	free(tmp);
	return 0;
}
