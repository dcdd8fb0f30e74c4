/* print.c — lp through posix_spawnp (print.h). */
#include "lmskurs/print.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

enum { OUTPUT_MAX = 4096 };

void print_result_free(lk_print_result *r)
{
	if (!r)
		return;
	free(r->output);
	r->output = NULL;
}

/* "./-x.pdf" for a path lp would take for an option; else a copy. */
static char *lp_path(const char *path)
{
	size_t len = strlen(path) + 3;
	char *p = malloc(len);
	if (p)
		snprintf(p, len, "%s%s", path[0] == '-' ? "./" : "", path);
	return p;
}

/* A pipe whose ends are closed in lp except where dup2'd to 1 and 2. */
static int capture_setup(posix_spawn_file_actions_t *fa, int fds[2])
{
	if (pipe(fds) < 0)
		return -1;
	for (int i = 0; i < 2; i++)
		fcntl(fds[i], F_SETFD, FD_CLOEXEC);
	if (posix_spawn_file_actions_addopen(fa, 0, "/dev/null", O_RDONLY, 0) == 0 &&
	    posix_spawn_file_actions_adddup2(fa, fds[1], 1) == 0 &&
	    posix_spawn_file_actions_adddup2(fa, fds[1], 2) == 0)
		return 0;
	int e = errno;
	close(fds[0]);
	close(fds[1]);
	fds[0] = fds[1] = -1;
	errno = e;
	return -1;
}

/* Reads fd to its end, keeping the first OUTPUT_MAX bytes, trimmed. */
static char *read_output(int fd)
{
	char *buf = malloc(OUTPUT_MAX + 1);
	size_t len = 0;
	char scratch[512];
	for (;;) {
		char *to = buf && len < OUTPUT_MAX ? buf + len : scratch;
		size_t room = buf && len < OUTPUT_MAX ? OUTPUT_MAX - len : sizeof scratch;
		ssize_t n = read(fd, to, room);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (to != scratch)
			len += (size_t)n;
	}
	if (!buf)
		return NULL;
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' ' || buf[len - 1] == '\r'))
		len--;
	buf[len] = '\0';
	return buf;
}

static int wait_for(pid_t pid, int *status)
{
	while (waitpid(pid, status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

/* Starts lp with args; 0 with *pid, or an errno value. */
static int spawn_lp(char **args, bool capture, int fds[2], pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	if (posix_spawn_file_actions_init(&fa) != 0)
		return ENOMEM;
	int e = capture && capture_setup(&fa, fds) < 0 ? errno : 0;
	if (e == 0)
		e = posix_spawnp(pid, "lp", capture ? &fa : NULL, NULL, args, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (fds[1] >= 0)
		close(fds[1]); /* lp has its copy */
	if (e && fds[0] >= 0)
		close(fds[0]);
	return e;
}

static int finish(lk_print_result *out, lk_print_outcome outcome, int error)
{
	out->outcome = outcome;
	out->error = error;
	return outcome == LK_PRINT_SENT ? 0 : -1;
}

int print_lp(const char *printer, const char *path, bool capture, lk_print_result *out)
{
	*out = (lk_print_result){0};
	char *file = lp_path(path);
	if (!file)
		return finish(out, LK_PRINT_NOT_STARTED, ENOMEM);
	char *args[5];
	int k = 0;
	args[k++] = (char *)"lp";
	if (printer && *printer) {
		args[k++] = (char *)"-d";
		args[k++] = (char *)printer;
	}
	args[k++] = file;
	args[k] = NULL;
	int fds[2] = {-1, -1};
	pid_t pid;
	int e = spawn_lp(args, capture, fds, &pid);
	free(file);
	if (e)
		return finish(out, e == ENOENT ? LK_PRINT_NO_LP : LK_PRINT_NOT_STARTED, e);
	if (capture) {
		out->output = read_output(fds[0]);
		close(fds[0]);
	}
	int status;
	if (wait_for(pid, &status) < 0)
		return finish(out, LK_PRINT_NOT_STARTED, errno);
	bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	return finish(out, ok ? LK_PRINT_SENT : LK_PRINT_FAILED, 0);
}
