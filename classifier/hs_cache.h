/* On-disk cache of compiled Vectorscan databases.
 *
 * Compiling a 100,000-term database takes seconds; deserialising it takes
 * milliseconds. Files are named by the dictionary's content hash, written to
 * a temporary name and renamed, so a crash never leaves a half-written cache
 * that a later start would trust. Any problem with the cache only costs a
 * recompile: it is never an error. The folder is pruned to a bounded size
 * (wa_cache_prune), the databases used longest ago first. */
#ifndef WA_HS_CACHE_H
#define WA_HS_CACHE_H

#include <hs/hs.h>

#include "../common/buf.h"

/* The cache folder chosen by opts and the environment, or NULL (no cache).
 * The caller frees the result. */
char *wa_cache_dir(const char *configured);

/* The cache folder is kept under this size: after each store the files
 * used longest ago are removed (a load marks a file used). Room for about a
 * hundred versions of the real dictionary (some 5 MB of databases each) or
 * twenty of a 100,000-term one. */
#define WA_CACHE_MAX_BYTES (512ull << 20)
/* A file used (or a temporary file written) this recently is never removed. */
#define WA_CACHE_KEEP_S 600

/* Remove the files used longest ago until the folder's databases take at most
 * max_bytes, and temporary files older than WA_CACHE_KEEP_S. */
void wa_cache_prune(const char *dir, unsigned long long max_bytes);

/* Returns a database or NULL (missing, unreadable, incompatible). */
hs_database_t *wa_cache_load(const char *dir, const char *name);
void wa_cache_store(const char *dir, const char *name, const hs_database_t *db);

/* The same with a note stored beside the database (note_len bytes; loaded
 * into *note, which the caller owns, when not NULL). */
hs_database_t *wa_cache_load_noted(const char *dir, const char *name, wa_buf *note);
void wa_cache_store_noted(const char *dir, const char *name, const hs_database_t *db, const void *note,
                          size_t note_len);

#endif
