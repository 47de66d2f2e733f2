/* The crawler's memory, in one SQLite file that survives restarts:
 *
 *   docs       every document produced: id, URL, content hash, SimHash
 *   doc_keys   every canonical URL (or board item key) that led to a document,
 *              so a link seen again is not fetched again
 *   validators ETag / Last-Modified per URL, for conditional GET
 *   robots     robots.txt per origin, with when it was fetched
 *   sources    per source: last attempt and success, consecutive failures,
 *              when it is due next, items produced, last item, last error
 *
 * The file is in WAL mode, so a crawler killed with SIGKILL loses at most
 * the statement in flight. Documents are written out first and recorded
 * here right after: a kill between the two repeats at most that one
 * document, with the same id, which consumers drop (at-least-once, SPEC §3.4). */
#ifndef WA_CRAWLER_STATE_H
#define WA_CRAWLER_STATE_H

#include <stddef.h>
#include <stdint.h>

typedef struct wa_state wa_state;

#define WA_DOC_ID_LEN 32 /* hex characters */

/* Open or create. path ":memory:" keeps nothing across runs. Returns NULL
 * with "PATH: reason" in err. */
wa_state *wa_state_open(const char *path, char *err, size_t errcap);
void wa_state_close(wa_state *s);
/* The last SQLite error, for messages. */
const char *wa_state_error(wa_state *s);

/* Conditional GET validators of url (either may come back NULL; the caller
 * frees them). Returns 0 or -1. */
int wa_state_get_validators(wa_state *s, const char *url, char **etag, char **last_modified);
int wa_state_put_validators(wa_state *s, const char *url, const char *etag, const char *last_modified, double now);

/* 1 when key (a canonical URL or a board item key) led to a document. */
int wa_state_seen(wa_state *s, const char *key);
/* Record another key of an existing document. */
int wa_state_add_key(wa_state *s, const char *key, const char *doc_id);
/* The id of a document with this content hash, into id (WA_DOC_ID_LEN+1
 * bytes): 1 when found, 0 when not, -1 on error. */
int wa_state_find_content(wa_state *s, const char *content_hash, char *id);
/* The closest earlier document within max_distance bits of simhash (only
 * those with enough shingles are compared): 1 and its id, or 0. */
int wa_state_find_near(wa_state *s, uint64_t simhash, int max_distance, char *id);
/* Record a produced document and its key. near_ok: its SimHash is worth
 * comparing against later documents. */
int wa_state_add_doc(wa_state *s, const char *id, const char *key, const char *url, const char *source,
                     const char *content_hash, uint64_t simhash, int near_ok, double now);
/* Number of documents recorded. */
long long wa_state_doc_count(wa_state *s);

/* robots.txt of origin: 1 and the body (malloc'd, may be empty), the HTTP
 * status it came with and when, or 0 when not cached. */
int wa_state_get_robots(wa_state *s, const char *origin, char **body, size_t *len, int *status, double *fetched_at);
int wa_state_put_robots(wa_state *s, const char *origin, const char *body, size_t len, int status, double now);

typedef struct {
    double last_attempt, last_success, next_due, last_item_at; /* Unix seconds, 0 = never */
    long long consecutive_failures, items_total;
    char last_error[256];
} wa_source_health;

/* 0 and the source's record (zeros for a new source), or -1. */
int wa_state_source_get(wa_state *s, const char *name, wa_source_health *h);
int wa_state_source_success(wa_state *s, const char *name, double now, double next_due, long long new_items);
/* Documents produced by the source since the given time (Unix seconds). */
long long wa_state_source_items_since(wa_state *s, const char *name, double since);
/* One more document produced by the source. */
int wa_state_source_item(wa_state *s, const char *name, double now);
int wa_state_source_failure(wa_state *s, const char *name, double now, double next_due, const char *error);

#endif
