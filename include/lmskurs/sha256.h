/*
 * sha256.h — SHA-256 (FIPS 180-2), small and dependency-free: the hash of
 * the audit log's chain (auditlog.h). Pure: no allocation, no I/O, so the
 * store may use it too.
 *
 *   sha256_init ──sha256_update (any number of times)──▶ sha256_final
 *   sha256_hex: the whole thing for one buffer, as 64 lower-case hex digits
 */
#ifndef LMSKURS_SHA256_H
#define LMSKURS_SHA256_H

#include <stddef.h>
#include <stdint.h>

enum { LK_SHA256_BYTES = 32, LK_SHA256_HEX = 65 /* 64 digits and NUL */ };

typedef struct lk_sha256 {
	uint32_t h[8];
	uint64_t bytes;        /* message length so far */
	unsigned char buf[64]; /* the block being filled */
	size_t used;
} lk_sha256;

void sha256_init(lk_sha256 *s);

/* Adds len bytes of data (data may be NULL when len is 0). */
void sha256_update(lk_sha256 *s, const void *data, size_t len);

/* Writes the digest into out and leaves s unusable until sha256_init. */
void sha256_final(lk_sha256 *s, unsigned char out[LK_SHA256_BYTES]);

/* The digest of s as lower-case hex into out (NUL-terminated); s is done. */
void sha256_final_hex(lk_sha256 *s, char out[LK_SHA256_HEX]);

/* The digest of one buffer as lower-case hex. */
void sha256_hex(const void *data, size_t len, char out[LK_SHA256_HEX]);

#endif
