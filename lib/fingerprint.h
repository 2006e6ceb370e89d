/*
 * fingerprint.h - the key of a finding that survives line drift: what the plugin's SARIF
 * log puts in partialFingerprints "errptr/v1" (sarif.c) and what errptr-gate computes
 * again, with the file relative to its --root, to compare findings with a baseline.
 *
 * The key is "HASH:K": HASH the FNV-1a 64 hash of the ruleId, the file, the name of the
 * enclosing function and the message with line numbers removed (":123" becomes ":N",
 * "line 123" "line N"), each followed by a NUL byte, as 16 hex digits; K numbers, from 1,
 * the findings with the same hash in source order.
 *
 * Common subset of C and C++, no GCC header (see die.h).
 */
#ifndef ERRPTR_FINGERPRINT_H
#define ERRPTR_FINGERPRINT_H

#include <stddef.h>

#define FINGERPRINT_NAME "errptr/v1"
#define FINGERPRINT_KEY_SIZE 40		/* "HASH:K" and its NUL */

/* MESSAGE with line numbers removed; the caller frees it. */
char *fingerprint_message_key(const char *message);

/* The hash of a finding; MESSAGE_KEY as fingerprint_message_key() made it. */
unsigned long long fingerprint_hash(const char *rule, const char *file, const char *function,
				    const char *message_key);

/* K of the finding I of N in source order whose hashes are HASH[0..N-1]. */
unsigned fingerprint_rank(const unsigned long long *hash, size_t i);

/* "HASH:K" into OUT. */
void fingerprint_key(char out[FINGERPRINT_KEY_SIZE], unsigned long long hash, unsigned rank);

#endif
