/* audit_hash.c — the audit log's chain hash and its entry type's free:
 * pure (no I/O, no database, no roles), so the store computes the hash
 * where it writes the entry, under the same lock (auditlog.h). */
#include "lmskurs/auditlog.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void audit_entry_free(lk_audit_entry *e)
{
	if (!e)
		return;
	free(e->at);
	free(e->login);
	free(e->role);
	free(e->action);
	free(e->entity);
	free(e->detail);
	free(e->hash);
	memset(e, 0, sizeof *e);
}

/* ---- the hash ---- */

/* "<byte length>:<bytes>;": no field can run into the next. */
static void hash_field(lk_sha256 *s, const char *v)
{
	char len[24];
	size_t n = v ? strlen(v) : 0;
	snprintf(len, sizeof len, "%zu:", n);
	sha256_update(s, len, strlen(len));
	sha256_update(s, v, n);
	sha256_update(s, ";", 1);
}

void audit_entry_hash(const char *prev, const lk_audit_entry *e, char out[LK_SHA256_HEX])
{
	char id[24] = "";
	if (e->entity_id != 0)
		snprintf(id, sizeof id, "%" PRId64, e->entity_id);
	lk_sha256 s;
	sha256_init(&s);
	hash_field(&s, prev);
	hash_field(&s, e->at);
	hash_field(&s, e->login);
	hash_field(&s, e->role);
	hash_field(&s, e->action);
	hash_field(&s, e->entity);
	hash_field(&s, id);
	hash_field(&s, e->detail);
	sha256_final_hex(&s, out);
}
