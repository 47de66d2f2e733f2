#include "state.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "simhash.h"

typedef struct {
    uint64_t simhash;
    char id[WA_DOC_ID_LEN + 1];
} near_entry;

struct wa_state {
    sqlite3 *db;
    /* SimHashes of every earlier document, scanned linearly: a popcount per
     * document is nanoseconds, a million documents a millisecond. */
    near_entry *near;
    size_t n_near, cap_near;
};

static const char schema[] =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "CREATE TABLE IF NOT EXISTS docs(id TEXT PRIMARY KEY, url TEXT, source TEXT, content_hash TEXT,"
    "  simhash INTEGER, near_ok INTEGER, produced_at REAL);"
    "CREATE INDEX IF NOT EXISTS docs_hash ON docs(content_hash);"
    "CREATE TABLE IF NOT EXISTS doc_keys(key TEXT PRIMARY KEY, doc_id TEXT);"
    "CREATE TABLE IF NOT EXISTS validators(url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, stored_at REAL);"
    "CREATE TABLE IF NOT EXISTS robots(origin TEXT PRIMARY KEY, body BLOB, status INTEGER, fetched_at REAL);"
    "CREATE TABLE IF NOT EXISTS sources(name TEXT PRIMARY KEY, last_attempt REAL DEFAULT 0,"
    "  last_success REAL DEFAULT 0, next_due REAL DEFAULT 0, last_item_at REAL DEFAULT 0,"
    "  consecutive_failures INTEGER DEFAULT 0, items_total INTEGER DEFAULT 0, last_error TEXT DEFAULT '');";

const char *wa_state_error(wa_state *s)
{
    return sqlite3_errmsg(s->db);
}

static int near_add(wa_state *s, uint64_t h, const char *id)
{
    void *arr = s->near;
    if (wa_grow(&arr, &s->cap_near, s->n_near + 1, sizeof *s->near) != 0)
        return -1;
    s->near = arr;
    s->near[s->n_near].simhash = h;
    snprintf(s->near[s->n_near].id, sizeof s->near[s->n_near].id, "%s", id);
    s->n_near++;
    return 0;
}

wa_state *wa_state_open(const char *path, char *err, size_t errcap)
{
    wa_state *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errcap, "%s: out of memory", path);
        return NULL;
    }
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        snprintf(err, errcap, "%s: cannot open the crawl state: %s", path, s->db ? sqlite3_errmsg(s->db) : "?");
        wa_state_close(s);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 5000);
    char *msg = NULL;
    if (sqlite3_exec(s->db, schema, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, errcap, "%s: not a usable crawl state: %s", path, msg ? msg : "?");
        sqlite3_free(msg);
        wa_state_close(s);
        return NULL;
    }
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT simhash, id FROM docs WHERE near_ok=1", -1, &st, NULL) != SQLITE_OK) {
        snprintf(err, errcap, "%s: %s", path, sqlite3_errmsg(s->db));
        wa_state_close(s);
        return NULL;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *id = sqlite3_column_text(st, 1);
        if (id && near_add(s, (uint64_t)sqlite3_column_int64(st, 0), (const char *)id) != 0) {
            rc = SQLITE_NOMEM;
            break;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        snprintf(err, errcap, "%s: reading the crawl state: %s", path, sqlite3_errstr(rc));
        wa_state_close(s);
        return NULL;
    }
    return s;
}

void wa_state_close(wa_state *s)
{
    if (!s)
        return;
    if (s->db)
        sqlite3_close(s->db);
    free(s->near);
    free(s);
}

/* Prepare sql and bind text arguments (NULL binds NULL); -1 on error. */
static int prep(wa_state *s, sqlite3_stmt **st, const char *sql)
{
    return sqlite3_prepare_v2(s->db, sql, -1, st, NULL) == SQLITE_OK ? 0 : -1;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static char *col_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? strdup((const char *)t) : NULL;
}

int wa_state_get_validators(wa_state *s, const char *url, char **etag, char **lm)
{
    *etag = *lm = NULL;
    sqlite3_stmt *st;
    if (prep(s, &st, "SELECT etag, last_modified FROM validators WHERE url=?") != 0)
        return -1;
    bind_text(st, 1, url);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *etag = col_dup(st, 0);
        *lm = col_dup(st, 1);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int wa_state_put_validators(wa_state *s, const char *url, const char *etag, const char *lm, double now)
{
    sqlite3_stmt *st;
    if (prep(s, &st, "INSERT OR REPLACE INTO validators(url, etag, last_modified, stored_at) VALUES(?,?,?,?)") != 0)
        return -1;
    bind_text(st, 1, url);
    bind_text(st, 2, etag);
    bind_text(st, 3, lm);
    sqlite3_bind_double(st, 4, now);
    return step_done(st);
}

int wa_state_seen(wa_state *s, const char *key)
{
    sqlite3_stmt *st;
    if (prep(s, &st, "SELECT 1 FROM doc_keys WHERE key=?") != 0)
        return 0;
    bind_text(st, 1, key);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

int wa_state_add_key(wa_state *s, const char *key, const char *doc_id)
{
    sqlite3_stmt *st;
    if (prep(s, &st, "INSERT OR IGNORE INTO doc_keys(key, doc_id) VALUES(?,?)") != 0)
        return -1;
    bind_text(st, 1, key);
    bind_text(st, 2, doc_id);
    return step_done(st);
}

int wa_state_find_content(wa_state *s, const char *hash, char *id)
{
    sqlite3_stmt *st;
    if (prep(s, &st, "SELECT id FROM docs WHERE content_hash=? LIMIT 1") != 0)
        return -1;
    bind_text(st, 1, hash);
    int rc = sqlite3_step(st), found = 0;
    if (rc == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(st, 0);
        snprintf(id, WA_DOC_ID_LEN + 1, "%s", t ? (const char *)t : "");
        found = 1;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? found : -1;
}

int wa_state_find_near(wa_state *s, uint64_t h, int max_distance, char *id)
{
    int best = max_distance + 1;
    size_t best_i = 0;
    for (size_t i = 0; i < s->n_near; i++) {
        int d = wa_simhash_distance(h, s->near[i].simhash);
        if (d < best) {
            best = d;
            best_i = i;
        }
    }
    if (best > max_distance)
        return 0;
    snprintf(id, WA_DOC_ID_LEN + 1, "%s", s->near[best_i].id);
    return 1;
}

int wa_state_add_doc(wa_state *s, const char *id, const char *key, const char *url, const char *source,
                     const char *hash, uint64_t simhash, int near_ok, double now)
{
    sqlite3_stmt *st;
    if (prep(s, &st,
             "INSERT OR REPLACE INTO docs(id, url, source, content_hash, simhash, near_ok, produced_at)"
             " VALUES(?,?,?,?,?,?,?)") != 0)
        return -1;
    bind_text(st, 1, id);
    bind_text(st, 2, url);
    bind_text(st, 3, source);
    bind_text(st, 4, hash);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)simhash);
    sqlite3_bind_int(st, 6, near_ok);
    sqlite3_bind_double(st, 7, now);
    if (step_done(st) != 0 || wa_state_add_key(s, key, id) != 0)
        return -1;
    if (near_ok && near_add(s, simhash, id) != 0)
        return -1;
    return 0;
}

long long wa_state_doc_count(wa_state *s)
{
    sqlite3_stmt *st;
    if (prep(s, &st, "SELECT count(*) FROM docs") != 0)
        return -1;
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}

int wa_state_get_robots(wa_state *s, const char *origin, char **body, size_t *len, int *status, double *fetched_at)
{
    *body = NULL;
    *len = 0;
    sqlite3_stmt *st;
    if (prep(s, &st, "SELECT body, status, fetched_at FROM robots WHERE origin=?") != 0)
        return 0;
    bind_text(st, 1, origin);
    int found = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        const void *b = sqlite3_column_blob(st, 0);
        int n = sqlite3_column_bytes(st, 0);
        *body = malloc((size_t)n + 1);
        if (*body) {
            if (n > 0)
                memcpy(*body, b, (size_t)n);
            (*body)[n] = '\0';
            *len = (size_t)n;
            *status = sqlite3_column_int(st, 1);
            *fetched_at = sqlite3_column_double(st, 2);
            found = 1;
        }
    }
    sqlite3_finalize(st);
    return found;
}

int wa_state_put_robots(wa_state *s, const char *origin, const char *body, size_t len, int status, double now)
{
    sqlite3_stmt *st;
    if (prep(s, &st, "INSERT OR REPLACE INTO robots(origin, body, status, fetched_at) VALUES(?,?,?,?)") != 0)
        return -1;
    bind_text(st, 1, origin);
    sqlite3_bind_blob(st, 2, body ? body : "", (int)len, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, status);
    sqlite3_bind_double(st, 4, now);
    return step_done(st);
}

int wa_state_source_get(wa_state *s, const char *name, wa_source_health *h)
{
    memset(h, 0, sizeof *h);
    sqlite3_stmt *st;
    if (prep(s, &st,
             "SELECT last_attempt, last_success, next_due, last_item_at, consecutive_failures, items_total,"
             " last_error FROM sources WHERE name=?") != 0)
        return -1;
    bind_text(st, 1, name);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        h->last_attempt = sqlite3_column_double(st, 0);
        h->last_success = sqlite3_column_double(st, 1);
        h->next_due = sqlite3_column_double(st, 2);
        h->last_item_at = sqlite3_column_double(st, 3);
        h->consecutive_failures = sqlite3_column_int64(st, 4);
        h->items_total = sqlite3_column_int64(st, 5);
        const unsigned char *e = sqlite3_column_text(st, 6);
        snprintf(h->last_error, sizeof h->last_error, "%s", e ? (const char *)e : "");
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int ensure_source(wa_state *s, const char *name)
{
    sqlite3_stmt *st;
    if (prep(s, &st, "INSERT OR IGNORE INTO sources(name) VALUES(?)") != 0)
        return -1;
    bind_text(st, 1, name);
    return step_done(st);
}

int wa_state_source_success(wa_state *s, const char *name, double now, double next_due, long long new_items)
{
    if (ensure_source(s, name) != 0)
        return -1;
    sqlite3_stmt *st;
    if (prep(s, &st,
             "UPDATE sources SET last_attempt=?1, last_success=?1, next_due=?2, consecutive_failures=0,"
             " items_total=items_total+?3, last_item_at=CASE WHEN ?3>0 THEN ?1 ELSE last_item_at END,"
             " last_error='' WHERE name=?4") != 0)
        return -1;
    sqlite3_bind_double(st, 1, now);
    sqlite3_bind_double(st, 2, next_due);
    sqlite3_bind_int64(st, 3, new_items);
    bind_text(st, 4, name);
    return step_done(st);
}

int wa_state_source_failure(wa_state *s, const char *name, double now, double next_due, const char *error)
{
    if (ensure_source(s, name) != 0)
        return -1;
    sqlite3_stmt *st;
    if (prep(s, &st,
             "UPDATE sources SET last_attempt=?1, next_due=?2, consecutive_failures=consecutive_failures+1,"
             " last_error=?3 WHERE name=?4") != 0)
        return -1;
    sqlite3_bind_double(st, 1, now);
    sqlite3_bind_double(st, 2, next_due);
    bind_text(st, 3, error);
    bind_text(st, 4, name);
    return step_done(st);
}

int wa_state_source_item(wa_state *s, const char *name, double now)
{
    if (ensure_source(s, name) != 0)
        return -1;
    sqlite3_stmt *st;
    if (prep(s, &st, "UPDATE sources SET items_total=items_total+1, last_item_at=?1 WHERE name=?2") != 0)
        return -1;
    sqlite3_bind_double(st, 1, now);
    bind_text(st, 2, name);
    return step_done(st);
}

long long wa_state_source_items_since(wa_state *s, const char *name, double since)
{
    sqlite3_stmt *st;
    if (prep(s, &st, "SELECT count(*) FROM docs WHERE source=?1 AND produced_at>=?2") != 0)
        return -1;
    bind_text(st, 1, name);
    sqlite3_bind_double(st, 2, since);
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}
