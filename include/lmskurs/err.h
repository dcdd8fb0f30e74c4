/*
 * err.h — the one error path of lmskurs.
 *
 * Every fallible function returns 0 on success and -1 on failure, filling an
 * lk_err the caller owns. The message is a complete sentence a person can
 * act on (already translated); the UI shows it in a dialog or the status
 * line, the CLI prints it to stderr. Nothing below the UI/CLI prints.
 */
#ifndef LMSKURS_ERR_H
#define LMSKURS_ERR_H

#include <stddef.h>

typedef enum lk_code {
	LK_OK = 0,
	LK_EINVAL,    /* input refused by validation */
	LK_ENOTFOUND, /* no record with that id */
	LK_ECONFLICT, /* optimistic concurrency: changed by someone else */
	LK_EPERM,     /* the user's role does not allow it */
	LK_ERULE,     /* a rule of the standard method (gate, capacity, pairing) */
	LK_EBUSY,     /* database locked for longer than the busy timeout */
	LK_EDB,       /* database error: corrupt, full, newer schema, I/O */
	LK_EIO,       /* file or system error outside the database */
	LK_ENOMEM,
} lk_code;

enum { LK_ERR_MSG_MAX = 512 };

typedef struct lk_err {
	lk_code code;
	char msg[LK_ERR_MSG_MAX];
} lk_err;

/* Sets err (if not NULL) to code and a printf-formatted message; returns -1
 * so callers can write `return lk_fail(err, LK_EINVAL, ...)`. */
int lk_fail(lk_err *err, lk_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Clears err to LK_OK and an empty message. */
void lk_err_clear(lk_err *err);

/* Prefixes err->msg with a printf-formatted context, keeping the code. */
void lk_err_prefix(lk_err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
