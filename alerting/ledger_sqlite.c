/* The case ledger on SQLite (see ledger.h). WAL journal: readers (the
 * delivery worker, the HTTP API) never block the writer. synchronous=NORMAL:
 * in WAL mode a committed transaction survives a crash of the process
 * (SIGKILL); only a power cut can lose the last ones, which is the trade
 * the hit rate needs. Every statement is prepared once and bound, never
 * built from text. */
#include "ledger.h"
#include "ledger_sqlite_internal.h"

#include <sodium.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Each migration takes the schema from version i to i + 1, in one
 * transaction together with the new user_version. Never edit a published
 * migration: add a new one. */
static const char *const migrations[] = {
    /* 0 -> 1: the ledger */
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE companies(id INTEGER PRIMARY KEY, unit_key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
    " credit_code TEXT, case_count INTEGER NOT NULL DEFAULT 0, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL);"
    "CREATE TABLE cases(id INTEGER PRIMARY KEY, status TEXT NOT NULL, level TEXT NOT NULL, channel TEXT NOT NULL,"
    " prefecture TEXT, county TEXT, unit_name TEXT, unit_key TEXT, credit_code TEXT,"
    " complainant_name TEXT, complainant_phone TEXT, title TEXT, excerpt TEXT, links TEXT NOT NULL DEFAULT '[]',"
    " assignee TEXT, resolution TEXT, dismiss_reason TEXT, external_id TEXT UNIQUE,"
    " workers INTEGER NOT NULL DEFAULT 0, months INTEGER NOT NULL DEFAULT 0, amount_yuan INTEGER NOT NULL DEFAULT 0,"
    " hit_count INTEGER NOT NULL DEFAULT 0, source_count INTEGER NOT NULL DEFAULT 0,"
    " first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, opened_at INTEGER NOT NULL,"
    " report_due INTEGER NOT NULL, resolve_due INTEGER NOT NULL,"
    " reported_at INTEGER, resolved_at INTEGER, closed_at INTEGER,"
    " report_overdue INTEGER NOT NULL DEFAULT 0, resolve_overdue INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX cases_by_unit ON cases(prefecture, unit_key, last_seen);"
    "CREATE INDEX cases_by_opened ON cases(opened_at);"
    "CREATE TABLE hits(id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, case_id INTEGER NOT NULL REFERENCES cases(id),"
    " source TEXT, url TEXT, title TEXT, level TEXT, simhash INTEGER, received_at INTEGER NOT NULL, body TEXT NOT NULL);"
    "CREATE INDEX hits_by_case ON hits(case_id);"
    "CREATE TABLE case_sources(case_id INTEGER NOT NULL, source TEXT NOT NULL, PRIMARY KEY(case_id, source)) WITHOUT ROWID;"
    "CREATE TABLE events(id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, at INTEGER NOT NULL, actor TEXT NOT NULL,"
    " kind TEXT NOT NULL, from_status TEXT, to_status TEXT, note TEXT);"
    "CREATE INDEX events_by_case ON events(case_id);"
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;"
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;"
    "CREATE TABLE outbox(id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, idem_key TEXT NOT NULL UNIQUE,"
    " route TEXT NOT NULL, office TEXT NOT NULL, channel TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL,"
    " created_at INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,"
    " next_attempt INTEGER NOT NULL, delivered_at INTEGER, last_error TEXT);"
    "CREATE INDEX outbox_due ON outbox(status, next_attempt);"
    "CREATE TABLE attempts(id INTEGER PRIMARY KEY, outbox_id INTEGER NOT NULL, at INTEGER NOT NULL,"
    " delivered INTEGER NOT NULL, http_status INTEGER, detail TEXT, duration_ms INTEGER);"
    "CREATE INDEX attempts_by_outbox ON attempts(outbox_id);",
    /* 1 -> 2: messages for Kafka (case events, dead letters) leave through an outbox too */
    "CREATE TABLE kafka_out(id INTEGER PRIMARY KEY, topic TEXT NOT NULL, key TEXT, value TEXT NOT NULL,"
    " dedup_key TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, sent_at INTEGER);"
    "CREATE INDEX kafka_out_unsent ON kafka_out(sent_at, id);",
    /* 2 -> 3: staff accounts (role, prefecture scope, Argon2id hash) and their sessions (token stored hashed) */
    "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, prefecture TEXT,"
    " pwhash TEXT NOT NULL, created_at INTEGER NOT NULL, password_set_at INTEGER NOT NULL,"
    " disabled INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE sessions(token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    " csrf TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);"
    "CREATE INDEX sessions_by_user ON sessions(user_id);",
    /* 3 -> 4: every view of a complainant's personal data unmasked (who, when, which case), append-only */
    "CREATE TABLE pii_views(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, user_name TEXT NOT NULL,"
    " user_role TEXT NOT NULL, case_id INTEGER NOT NULL, fields TEXT NOT NULL);"
    "CREATE INDEX pii_views_by_case ON pii_views(case_id);"
    "CREATE TRIGGER pii_views_no_update BEFORE UPDATE ON pii_views BEGIN"
    " SELECT RAISE(ABORT, 'pii_views is append-only'); END;"
    "CREATE TRIGGER pii_views_no_delete BEFORE DELETE ON pii_views BEGIN"
    " SELECT RAISE(ABORT, 'pii_views is append-only'); END;"
    "CREATE INDEX hits_by_received ON hits(received_at);",
};
_Static_assert(sizeof migrations / sizeof migrations[0] == WA_LEDGER_SCHEMA_VERSION, "one migration per version");

#define MAX_STMTS 48

struct wa_ledger {
    sqlite3 *db;
    char path_err[512];
    char id[40];
    struct {
        const char *sql;
        sqlite3_stmt *st;
    } stmts[MAX_STMTS];
    int nstmts;
};

static int fail(wa_ledger *l, const char *what)
{
    snprintf(l->path_err, sizeof l->path_err, "%s: %s", what, sqlite3_errmsg(l->db));
    return -1;
}

const char *wa_ledger_error(const wa_ledger *l)
{
    return l->path_err;
}

const char *wa_ledger_id(const wa_ledger *l)
{
    return l->id;
}

sqlite3 *wa_ledger_sqlite(wa_ledger *l)
{
    return l->db;
}

int wa_ledger_sqlite_fail(wa_ledger *l, const char *what)
{
    return fail(l, what);
}

int wa_ledger_sqlite_error(wa_ledger *l, const char *msg)
{
    snprintf(l->path_err, sizeof l->path_err, "%s", msg);
    return -1;
}

/* The prepared statement for sql (a string literal: cached by its address). */
static sqlite3_stmt *stmt(wa_ledger *l, const char *sql)
{
    for (int i = 0; i < l->nstmts; i++)
        if (l->stmts[i].sql == sql) {
            sqlite3_reset(l->stmts[i].st);
            sqlite3_clear_bindings(l->stmts[i].st);
            return l->stmts[i].st;
        }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(l->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        fail(l, "prepare");
        return NULL;
    }
    if (l->nstmts < MAX_STMTS) {
        l->stmts[l->nstmts].sql = sql;
        l->stmts[l->nstmts].st = st;
        l->nstmts++;
    }
    return st;
}

/* Statements beyond the cache (never expected) are finalised after use. */
static void done(wa_ledger *l, sqlite3_stmt *st)
{
    for (int i = 0; i < l->nstmts; i++)
        if (l->stmts[i].st == st) {
            sqlite3_reset(st);
            return;
        }
    sqlite3_finalize(st);
}

int wa_ledger_sqlite_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

/* Run a statement that returns no rows. */
static int run(wa_ledger *l, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    int r = (rc == SQLITE_DONE || rc == SQLITE_ROW) ? 0 : fail(l, what);
    done(l, st);
    return r;
}

char *wa_ledger_sqlite_col_str(sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return s ? strdup((const char *)s) : NULL;
}

sqlite3_stmt *wa_ledger_sqlite_prepare(wa_ledger *l, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(l->db, sql, -1, &st, NULL) != SQLITE_OK) {
        wa_ledger_sqlite_fail(l, "prepare");
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

int wa_ledger_sqlite_run_once(wa_ledger *l, sqlite3_stmt *st, int rc_bind, const char *what)
{
    int rc = rc_bind == SQLITE_OK ? sqlite3_step(st) : rc_bind;
    int r = (rc == SQLITE_DONE || rc == SQLITE_ROW) ? 0 : wa_ledger_sqlite_fail(l, what);
    sqlite3_finalize(st);
    return r;
}

static int exec(wa_ledger *l, const char *sql, const char *what)
{
    char *msg = NULL;
    if (sqlite3_exec(l->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(l->path_err, sizeof l->path_err, "%s: %s", what, msg ? msg : sqlite3_errmsg(l->db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

int wa_ledger_schema_version(wa_ledger *l)
{
    sqlite3_stmt *st = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(l->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int migrate(wa_ledger *l, int max_version)
{
    int v = wa_ledger_schema_version(l);
    if (v < 0)
        return fail(l, "reading the schema version");
    if (v > WA_LEDGER_SCHEMA_VERSION) {
        snprintf(l->path_err, sizeof l->path_err,
                 "the ledger has schema version %d, newer than this build's %d: use a newer wa-alertd", v,
                 WA_LEDGER_SCHEMA_VERSION);
        return -1;
    }
    for (; v < max_version; v++) {
        char setv[64];
        snprintf(setv, sizeof setv, "PRAGMA user_version = %d", v + 1);
        if (exec(l, "BEGIN IMMEDIATE", "starting a migration") != 0)
            return -1;
        if (exec(l, migrations[v], "migrating the ledger") != 0 || exec(l, setv, "migrating the ledger") != 0) {
            exec(l, "ROLLBACK", "rollback");
            return -1;
        }
        if (v == 0) {
            /* A new ledger: give it its id. */
            unsigned char raw[12];
            char hex[25];
            randombytes_buf(raw, sizeof raw);
            sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
            sqlite3_stmt *st = NULL;
            int ok = sqlite3_prepare_v2(l->db, "INSERT INTO meta(key, value) VALUES('ledger_id', ?)", -1, &st, NULL) ==
                         SQLITE_OK &&
                     sqlite3_bind_text(st, 1, hex, -1, SQLITE_TRANSIENT) == SQLITE_OK &&
                     sqlite3_step(st) == SQLITE_DONE;
            sqlite3_finalize(st);
            if (!ok) {
                fail(l, "migrating the ledger");
                exec(l, "ROLLBACK", "rollback");
                return -1;
            }
        }
        if (exec(l, "COMMIT", "committing a migration") != 0)
            return -1;
    }
    return 0;
}

int wa_ledger_open_version(wa_ledger **out, const char *path, int max_version, char *err, size_t errcap)
{
    *out = NULL;
    if (sodium_init() < 0) {
        snprintf(err, errcap, "libsodium cannot start");
        return -1;
    }
    wa_ledger *l = calloc(1, sizeof *l);
    if (!l) {
        snprintf(err, errcap, "out of memory");
        return -1;
    }
    if (sqlite3_open_v2(path, &l->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        snprintf(err, errcap, "%s: %s", path, l->db ? sqlite3_errmsg(l->db) : "cannot open");
        wa_ledger_close(l);
        return -1;
    }
    /* Writers wait for each other rather than fail (delivery worker, API, consumer). */
    sqlite3_busy_timeout(l->db, 5000);
    if (exec(l, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", "opening the ledger") !=
            0 ||
        migrate(l, max_version) != 0) {
        snprintf(err, errcap, "%s: %s", path, l->path_err);
        wa_ledger_close(l);
        return -1;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(l->db, "SELECT value FROM meta WHERE key = 'ledger_id'", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        snprintf(l->id, sizeof l->id, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    *out = l;
    return 0;
}

int wa_ledger_open(wa_ledger **out, const char *path, char *err, size_t errcap)
{
    return wa_ledger_open_version(out, path, WA_LEDGER_SCHEMA_VERSION, err, errcap);
}

void wa_ledger_close(wa_ledger *l)
{
    if (!l)
        return;
    for (int i = 0; i < l->nstmts; i++)
        sqlite3_finalize(l->stmts[i].st);
    sqlite3_close(l->db);
    free(l);
}

int wa_ledger_begin(wa_ledger *l)
{
    /* IMMEDIATE: take the write lock now, so a busy ledger makes us wait
     * here rather than fail half-way through a transaction. */
    return exec(l, "BEGIN IMMEDIATE", "starting a transaction");
}

int wa_ledger_commit(wa_ledger *l)
{
    if (exec(l, "COMMIT", "committing") != 0) {
        wa_ledger_rollback(l);
        return -1;
    }
    return 0;
}

void wa_ledger_rollback(wa_ledger *l)
{
    if (!sqlite3_get_autocommit(l->db))
        sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- cases and hits ---- */

void wa_case_clear(wa_case *c)
{
    char **strs[] = {&c->status,      &c->level,     &c->channel,          &c->prefecture,        &c->county,
                     &c->unit_name,   &c->unit_key,  &c->credit_code,      &c->complainant_name,  &c->complainant_phone,
                     &c->title,       &c->excerpt,   &c->links,            &c->assignee,          &c->resolution,
                     &c->dismiss_reason, &c->external_id};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        free(*strs[i]);
    memset(c, 0, sizeof *c);
}

int wa_ledger_hit_known(wa_ledger *l, const char *doc_id)
{
    static const char sql[] = "SELECT 1 FROM hits WHERE doc_id = ?";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    wa_ledger_sqlite_bind_text(st, 1, doc_id);
    int rc = sqlite3_step(st);
    int r = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : fail(l, "looking up a hit");
    done(l, st);
    return r;
}

static int one_id(wa_ledger *l, sqlite3_stmt *st, long long *id, const char *what)
{
    int rc = sqlite3_step(st);
    *id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    int r = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? 0 : fail(l, what);
    done(l, st);
    return r;
}

int wa_ledger_case_by_unit(wa_ledger *l, const char *prefecture, const char *unit_key, long long since,
                           long long *case_id)
{
    static const char sql[] = "SELECT id FROM cases WHERE prefecture IS ? AND unit_key = ? AND last_seen >= ?"
                              " AND status <> 'closed' ORDER BY id DESC LIMIT 1";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    wa_ledger_sqlite_bind_text(st, 1, prefecture);
    wa_ledger_sqlite_bind_text(st, 2, unit_key);
    sqlite3_bind_int64(st, 3, since);
    return one_id(l, st, case_id, "looking up a case by unit");
}

int wa_ledger_case_by_external_id(wa_ledger *l, const char *external_id, long long *case_id)
{
    static const char sql[] = "SELECT id FROM cases WHERE external_id = ?";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    wa_ledger_sqlite_bind_text(st, 1, external_id);
    return one_id(l, st, case_id, "looking up a case by ticket");
}

#define CASE_COLS                                                                                                  \
    "id, status, level, channel, prefecture, county, unit_name, unit_key, credit_code, complainant_name,"           \
    " complainant_phone, title, excerpt, links, assignee, resolution, dismiss_reason, external_id, workers, months," \
    " amount_yuan, hit_count, source_count, first_seen, last_seen, opened_at, report_due, resolve_due, reported_at," \
    " resolved_at, closed_at, report_overdue, resolve_overdue"

int wa_ledger_case_get(wa_ledger *l, long long id, wa_case *c)
{
    static const char sql[] = "SELECT " CASE_COLS " FROM cases WHERE id = ?";
    memset(c, 0, sizeof *c);
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        if (rc == SQLITE_DONE)
            snprintf(l->path_err, sizeof l->path_err, "no case %lld", id);
        else
            fail(l, "reading a case");
        done(l, st);
        return -1;
    }
    int i = 0;
    c->id = sqlite3_column_int64(st, i++);
    char **strs[] = {&c->status,    &c->level,   &c->channel,    &c->prefecture,      &c->county,
                     &c->unit_name, &c->unit_key, &c->credit_code, &c->complainant_name, &c->complainant_phone,
                     &c->title,     &c->excerpt, &c->links,      &c->assignee,        &c->resolution,
                     &c->dismiss_reason, &c->external_id};
    for (size_t k = 0; k < sizeof strs / sizeof strs[0]; k++)
        *strs[k] = wa_ledger_sqlite_col_str(st, i++);
    long long *nums[] = {&c->workers,    &c->months,    &c->amount_yuan, &c->hit_count,   &c->source_count,
                         &c->first_seen, &c->last_seen, &c->opened_at,   &c->report_due,  &c->resolve_due,
                         &c->reported_at, &c->resolved_at, &c->closed_at};
    for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++)
        *nums[k] = sqlite3_column_int64(st, i++);
    c->report_overdue = sqlite3_column_int(st, i++);
    c->resolve_overdue = sqlite3_column_int(st, i++);
    done(l, st);
    if (!c->status || !c->level || !c->channel || !c->links) {
        wa_case_clear(c);
        snprintf(l->path_err, sizeof l->path_err, "out of memory");
        return -1;
    }
    return 0;
}

/* Bind every column but id, in CASE_COLS order, from position 1. */
static void bind_case(sqlite3_stmt *st, const wa_case *c)
{
    int i = 1;
    const char *strs[] = {c->status,    c->level,   c->channel,    c->prefecture,      c->county,
                          c->unit_name, c->unit_key, c->credit_code, c->complainant_name, c->complainant_phone,
                          c->title,     c->excerpt, c->links ? c->links : "[]", c->assignee, c->resolution,
                          c->dismiss_reason, c->external_id};
    for (size_t k = 0; k < sizeof strs / sizeof strs[0]; k++)
        wa_ledger_sqlite_bind_text(st, i++, strs[k]);
    const long long nums[] = {c->workers,    c->months,    c->amount_yuan, c->hit_count,  c->source_count,
                              c->first_seen, c->last_seen, c->opened_at,   c->report_due, c->resolve_due};
    for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++)
        sqlite3_bind_int64(st, i++, nums[k]);
    const long long maybe[] = {c->reported_at, c->resolved_at, c->closed_at};
    for (size_t k = 0; k < 3; k++) {
        if (maybe[k])
            sqlite3_bind_int64(st, i++, maybe[k]);
        else
            sqlite3_bind_null(st, i++);
    }
    sqlite3_bind_int(st, i++, c->report_overdue);
    sqlite3_bind_int(st, i++, c->resolve_overdue);
}

int wa_ledger_case_insert(wa_ledger *l, wa_case *c)
{
    static const char sql[] =
        "INSERT INTO cases(status, level, channel, prefecture, county, unit_name, unit_key, credit_code,"
        " complainant_name, complainant_phone, title, excerpt, links, assignee, resolution, dismiss_reason,"
        " external_id, workers, months, amount_yuan, hit_count, source_count, first_seen, last_seen, opened_at,"
        " report_due, resolve_due, reported_at, resolved_at, closed_at, report_overdue, resolve_overdue)"
        " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    bind_case(st, c);
    if (run(l, st, "inserting a case") != 0)
        return -1;
    c->id = sqlite3_last_insert_rowid(l->db);
    return 0;
}

int wa_ledger_case_update(wa_ledger *l, const wa_case *c)
{
    static const char sql[] =
        "UPDATE cases SET status=?, level=?, channel=?, prefecture=?, county=?, unit_name=?, unit_key=?,"
        " credit_code=?, complainant_name=?, complainant_phone=?, title=?, excerpt=?, links=?, assignee=?,"
        " resolution=?, dismiss_reason=?, external_id=?, workers=?, months=?, amount_yuan=?, hit_count=?,"
        " source_count=?, first_seen=?, last_seen=?, opened_at=?, report_due=?, resolve_due=?, reported_at=?,"
        " resolved_at=?, closed_at=?, report_overdue=?, resolve_overdue=? WHERE id=?";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    bind_case(st, c);
    sqlite3_bind_int64(st, 33, c->id);
    return run(l, st, "updating a case");
}

int wa_ledger_hit_insert(wa_ledger *l, long long case_id, const char *doc_id, const char *source, const char *url,
                         const char *title, const char *level, uint64_t simhash, int has_simhash, long long at,
                         const char *body)
{
    static const char sql[] = "INSERT INTO hits(doc_id, case_id, source, url, title, level, simhash, received_at, body)"
                              " VALUES(?,?,?,?,?,?,?,?,?)";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    wa_ledger_sqlite_bind_text(st, 1, doc_id);
    sqlite3_bind_int64(st, 2, case_id);
    wa_ledger_sqlite_bind_text(st, 3, source);
    wa_ledger_sqlite_bind_text(st, 4, url);
    wa_ledger_sqlite_bind_text(st, 5, title);
    wa_ledger_sqlite_bind_text(st, 6, level);
    if (has_simhash)
        sqlite3_bind_int64(st, 7, (sqlite3_int64)simhash);
    else
        sqlite3_bind_null(st, 7);
    sqlite3_bind_int64(st, 8, at);
    wa_ledger_sqlite_bind_text(st, 9, body);
    return run(l, st, "storing a hit");
}

int wa_ledger_case_source_add(wa_ledger *l, long long case_id, const char *source)
{
    static const char sql[] = "INSERT OR IGNORE INTO case_sources(case_id, source) VALUES(?, ?)";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, case_id);
    wa_ledger_sqlite_bind_text(st, 2, source);
    if (run(l, st, "recording a source") != 0)
        return -1;
    return sqlite3_changes(l->db) > 0;
}

int wa_ledger_company_case(wa_ledger *l, const char *unit_key, const char *display, const char *credit_code,
                           long long at)
{
    static const char sql[] =
        "INSERT INTO companies(unit_key, name, credit_code, case_count, first_seen, last_seen) VALUES(?,?,?,1,?,?)"
        " ON CONFLICT(unit_key) DO UPDATE SET case_count = case_count + 1, last_seen = excluded.last_seen,"
        " credit_code = COALESCE(companies.credit_code, excluded.credit_code)";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    wa_ledger_sqlite_bind_text(st, 1, unit_key);
    wa_ledger_sqlite_bind_text(st, 2, display);
    wa_ledger_sqlite_bind_text(st, 3, credit_code);
    sqlite3_bind_int64(st, 4, at);
    sqlite3_bind_int64(st, 5, at);
    return run(l, st, "counting a company");
}

int wa_ledger_fingerprints(wa_ledger *l, long long since, void (*fn)(void *ctx, long long case_id, uint64_t simhash),
                           void *ctx)
{
    static const char sql[] = "SELECT h.case_id, h.simhash FROM hits h JOIN cases c ON c.id = h.case_id"
                              " WHERE h.simhash IS NOT NULL AND c.last_seen >= ? AND c.status <> 'closed'";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, since);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn(ctx, sqlite3_column_int64(st, 0), (uint64_t)sqlite3_column_int64(st, 1));
    int r = rc == SQLITE_DONE ? 0 : fail(l, "reading fingerprints");
    done(l, st);
    return r;
}

long long wa_ledger_last_id(wa_ledger *l)
{
    return sqlite3_last_insert_rowid(l->db);
}

/* ---- events ---- */

int wa_ledger_event_add(wa_ledger *l, long long case_id, long long at, const char *actor, const char *kind,
                        const char *from_status, const char *to_status, const char *note)
{
    static const char sql[] =
        "INSERT INTO events(case_id, at, actor, kind, from_status, to_status, note) VALUES(?,?,?,?,?,?,?)";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, case_id);
    sqlite3_bind_int64(st, 2, at);
    wa_ledger_sqlite_bind_text(st, 3, actor);
    wa_ledger_sqlite_bind_text(st, 4, kind);
    wa_ledger_sqlite_bind_text(st, 5, from_status);
    wa_ledger_sqlite_bind_text(st, 6, to_status);
    wa_ledger_sqlite_bind_text(st, 7, note);
    return run(l, st, "recording an event");
}

/* ---- notification outbox ---- */

void wa_outbox_row_clear(wa_outbox_row *r)
{
    free(r->idem_key);
    free(r->route);
    free(r->office);
    free(r->channel);
    free(r->kind);
    free(r->payload);
    memset(r, 0, sizeof *r);
}

int wa_ledger_outbox_add(wa_ledger *l, long long case_id, const char *idem_key, const char *route,
                         const char *office, const char *channel, const char *kind, const char *payload,
                         long long at)
{
    static const char sql[] = "INSERT OR IGNORE INTO outbox(case_id, idem_key, route, office, channel, kind, payload,"
                              " created_at, next_attempt) VALUES(?,?,?,?,?,?,?,?,?)";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, case_id);
    wa_ledger_sqlite_bind_text(st, 2, idem_key);
    wa_ledger_sqlite_bind_text(st, 3, route);
    wa_ledger_sqlite_bind_text(st, 4, office);
    wa_ledger_sqlite_bind_text(st, 5, channel);
    wa_ledger_sqlite_bind_text(st, 6, kind);
    wa_ledger_sqlite_bind_text(st, 7, payload);
    sqlite3_bind_int64(st, 8, at);
    sqlite3_bind_int64(st, 9, 0); /* due at once, whatever clock the caller runs on */
    return run(l, st, "queueing a notification");
}

int wa_ledger_outbox_due(wa_ledger *l, long long now, int max, wa_outbox_row **rows, int *n)
{
    static const char sql[] = "SELECT id, case_id, idem_key, route, office, channel, kind, payload, attempts,"
                              " created_at FROM outbox WHERE status = 'pending' AND next_attempt <= ?"
                              " ORDER BY next_attempt, id LIMIT ?";
    *rows = NULL;
    *n = 0;
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, now);
    sqlite3_bind_int(st, 2, max);
    wa_outbox_row *a = calloc((size_t)(max > 0 ? max : 1), sizeof *a);
    if (!a) {
        done(l, st);
        snprintf(l->path_err, sizeof l->path_err, "out of memory");
        return -1;
    }
    int rc = SQLITE_DONE, k = 0;
    while (k < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        wa_outbox_row *r = &a[k++];
        r->id = sqlite3_column_int64(st, 0);
        r->case_id = sqlite3_column_int64(st, 1);
        r->idem_key = wa_ledger_sqlite_col_str(st, 2);
        r->route = wa_ledger_sqlite_col_str(st, 3);
        r->office = wa_ledger_sqlite_col_str(st, 4);
        r->channel = wa_ledger_sqlite_col_str(st, 5);
        r->kind = wa_ledger_sqlite_col_str(st, 6);
        r->payload = wa_ledger_sqlite_col_str(st, 7);
        r->attempts = sqlite3_column_int(st, 8);
        r->created_at = sqlite3_column_int64(st, 9);
        if (!r->idem_key || !r->route || !r->office || !r->channel || !r->kind || !r->payload)
            rc = SQLITE_NOMEM;
    }
    done(l, st);
    if (k < max && rc != SQLITE_DONE) {
        for (int i = 0; i < k; i++)
            wa_outbox_row_clear(&a[i]);
        free(a);
        return fail(l, "reading the outbox");
    }
    *rows = a;
    *n = k;
    return 0;
}

int wa_ledger_outbox_attempt(wa_ledger *l, long long outbox_id, long long at, int delivered, int http_status,
                             const char *detail, long long duration_ms, long long next_attempt)
{
    static const char ins[] = "INSERT INTO attempts(outbox_id, at, delivered, http_status, detail, duration_ms)"
                              " VALUES(?,?,?,?,?,?)";
    static const char upd[] = "UPDATE outbox SET attempts = attempts + 1, status = ?, next_attempt = ?,"
                              " delivered_at = ?, last_error = ? WHERE id = ?";
    sqlite3_stmt *st = stmt(l, ins);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, outbox_id);
    sqlite3_bind_int64(st, 2, at);
    sqlite3_bind_int(st, 3, delivered);
    sqlite3_bind_int(st, 4, http_status);
    wa_ledger_sqlite_bind_text(st, 5, detail);
    sqlite3_bind_int64(st, 6, duration_ms);
    if (run(l, st, "recording a delivery attempt") != 0)
        return -1;
    st = stmt(l, upd);
    if (!st)
        return -1;
    wa_ledger_sqlite_bind_text(st, 1, delivered ? "delivered" : next_attempt ? "pending" : "failed");
    sqlite3_bind_int64(st, 2, next_attempt);
    if (delivered)
        sqlite3_bind_int64(st, 3, at);
    else
        sqlite3_bind_null(st, 3);
    wa_ledger_sqlite_bind_text(st, 4, delivered ? NULL : detail);
    sqlite3_bind_int64(st, 5, outbox_id);
    return run(l, st, "updating the outbox");
}

int wa_ledger_outbox_pending(wa_ledger *l, long long *n)
{
    static const char sql[] = "SELECT count(*) FROM outbox WHERE status = 'pending'";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    return one_id(l, st, n, "counting the outbox");
}

/* ---- Kafka outbox ---- */

int wa_ledger_kafka_add(wa_ledger *l, const char *topic, const char *key, const char *value, const char *dedup_key,
                        long long at)
{
    static const char sql[] =
        "INSERT OR IGNORE INTO kafka_out(topic, key, value, dedup_key, created_at) VALUES(?,?,?,?,?)";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    wa_ledger_sqlite_bind_text(st, 1, topic);
    wa_ledger_sqlite_bind_text(st, 2, key);
    wa_ledger_sqlite_bind_text(st, 3, value);
    wa_ledger_sqlite_bind_text(st, 4, dedup_key);
    sqlite3_bind_int64(st, 5, at);
    return run(l, st, "queueing a Kafka message");
}

void wa_kafka_row_clear(wa_kafka_row *r)
{
    free(r->topic);
    free(r->key);
    free(r->value);
    memset(r, 0, sizeof *r);
}

int wa_ledger_kafka_unsent(wa_ledger *l, long long after_id, int max, wa_kafka_row **rows, int *n)
{
    static const char sql[] =
        "SELECT id, topic, key, value FROM kafka_out WHERE sent_at IS NULL AND id > ? ORDER BY id LIMIT ?";
    *rows = NULL;
    *n = 0;
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, after_id);
    sqlite3_bind_int(st, 2, max);
    wa_kafka_row *a = calloc((size_t)(max > 0 ? max : 1), sizeof *a);
    if (!a) {
        done(l, st);
        snprintf(l->path_err, sizeof l->path_err, "out of memory");
        return -1;
    }
    int rc = SQLITE_DONE, k = 0;
    while (k < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        wa_kafka_row *r = &a[k++];
        r->id = sqlite3_column_int64(st, 0);
        r->topic = wa_ledger_sqlite_col_str(st, 1);
        r->key = wa_ledger_sqlite_col_str(st, 2);
        r->value = wa_ledger_sqlite_col_str(st, 3);
        if (!r->topic || !r->value)
            rc = SQLITE_NOMEM;
    }
    done(l, st);
    if (k < max && rc != SQLITE_DONE) {
        for (int i = 0; i < k; i++)
            wa_kafka_row_clear(&a[i]);
        free(a);
        return fail(l, "reading the Kafka outbox");
    }
    *rows = a;
    *n = k;
    return 0;
}

int wa_ledger_kafka_sent(wa_ledger *l, long long id, long long at)
{
    static const char sql[] = "UPDATE kafka_out SET sent_at = ? WHERE id = ?";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, at);
    sqlite3_bind_int64(st, 2, id);
    return run(l, st, "marking a Kafka message sent");
}

/* ---- clocks ---- */

int wa_ledger_overdue(wa_ledger *l, int which, long long now, int max, long long *ids, int *n)
{
    static const char report_sql[] = "SELECT id FROM cases WHERE status = 'open' AND report_overdue = 0"
                                     " AND report_due <= ? ORDER BY id LIMIT ?";
    static const char resolve_sql[] =
        "SELECT id FROM cases WHERE status IN ('open', 'reported', 'assigned') AND resolve_overdue = 0"
        " AND resolve_due <= ? ORDER BY id LIMIT ?";
    *n = 0;
    sqlite3_stmt *st = stmt(l, which ? resolve_sql : report_sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, now);
    sqlite3_bind_int(st, 2, max);
    int rc = SQLITE_DONE;
    while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
        ids[(*n)++] = sqlite3_column_int64(st, 0);
    int r = (*n == max || rc == SQLITE_DONE) ? 0 : fail(l, "reading the clocks");
    done(l, st);
    return r;
}

/* ---- reports and maintenance ---- */

/* One CSV field, quoted when it has to be (RFC 4180). A field that a
 * spreadsheet would take for a formula (=, +, -, @ first: posts and
 * complaints are untrusted text) gets a leading apostrophe. */
static void csv_field(FILE *out, const char *s, int last)
{
    if (s && strchr("=+-@", s[0]) && s[0])
        fputc('\'', out);
    if (s && strpbrk(s, ",\"\r\n")) {
        fputc('"', out);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', out);
            fputc(*s, out);
        }
        fputc('"', out);
    } else if (s) {
        fputs(s, out);
    }
    fputc(last ? '\n' : ',', out);
}

int wa_ledger_export_csv(wa_ledger *l, long long from, long long to, const char *prefecture, FILE *out)
{
    static const char sql[] =
        "SELECT id, strftime('%Y-%m-%dT%H:%M:%SZ', opened_at, 'unixepoch'), channel, prefecture, county,"
        " unit_name, credit_code, complainant_name, complainant_phone, title, excerpt, links, level, status,"
        " hit_count, source_count, workers, months, amount_yuan,"
        " strftime('%Y-%m-%dT%H:%M:%SZ', reported_at, 'unixepoch'), report_overdue,"
        " strftime('%Y-%m-%dT%H:%M:%SZ', resolved_at, 'unixepoch'), resolve_overdue, resolution, dismiss_reason,"
        " (SELECT group_concat(strftime('%Y-%m-%d %H:%M', at, 'unixepoch') || ' ' || kind ||"
        "   COALESCE(' ' || to_status, '') || COALESCE(': ' || note, ''), '; ')"
        "  FROM (SELECT * FROM events e WHERE e.case_id = cases.id ORDER BY e.id))"
        " FROM cases WHERE opened_at >= ? AND opened_at < ? AND (? IS NULL OR prefecture = ?) ORDER BY opened_at, id";
    static const char *const header[] = {
        "case_id",  "opened_at",     "channel",      "prefecture",  "county",      "unit",      "credit_code",
        "complainant", "complainant_phone", "title", "excerpt",     "links",       "level",     "status",
        "hits",     "sources",       "workers",      "months",      "amount_yuan", "reported_at", "report_overdue",
        "resolved_at", "resolve_overdue", "resolution", "dismiss_reason", "progress"};
    const int ncols = (int)(sizeof header / sizeof header[0]);
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, from);
    sqlite3_bind_int64(st, 2, to);
    wa_ledger_sqlite_bind_text(st, 3, prefecture);
    wa_ledger_sqlite_bind_text(st, 4, prefecture);
    /* A UTF-8 byte order mark, so spreadsheet programs read the Chinese and Tibetan text right. */
    fputs("\xEF\xBB\xBF", out);
    for (int i = 0; i < ncols; i++)
        csv_field(out, header[i], i == ncols - 1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        for (int i = 0; i < ncols; i++)
            csv_field(out, (const char *)sqlite3_column_text(st, i), i == ncols - 1);
    int r = rc == SQLITE_DONE ? 0 : fail(l, "exporting the ledger");
    done(l, st);
    if (r == 0 && (fflush(out) != 0 || ferror(out))) {
        snprintf(l->path_err, sizeof l->path_err, "writing the CSV failed");
        return -1;
    }
    return r;
}

int wa_ledger_backup(wa_ledger *l, const char *dest_path)
{
    sqlite3 *dest = NULL;
    if (sqlite3_open_v2(dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        snprintf(l->path_err, sizeof l->path_err, "%s: %s", dest_path, dest ? sqlite3_errmsg(dest) : "cannot open");
        sqlite3_close(dest);
        return -1;
    }
    sqlite3_backup *b = sqlite3_backup_init(dest, "main", l->db, "main");
    int rc = SQLITE_ERROR;
    if (b) {
        /* Copy in steps so the service keeps writing meanwhile; a write
         * restarts the copy, which the loop finishes. */
        while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(5);
        sqlite3_backup_finish(b);
    }
    if (rc != SQLITE_DONE) {
        snprintf(l->path_err, sizeof l->path_err, "%s: backup failed: %s", dest_path, sqlite3_errmsg(dest));
        sqlite3_close(dest);
        return -1;
    }
    return sqlite3_close(dest) == SQLITE_OK ? 0 : -1;
}

int wa_ledger_counts(wa_ledger *l, long long *cases, long long *hits, long long *events)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM hits), (SELECT count(*) FROM events)";
    sqlite3_stmt *st = stmt(l, sql);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *cases = sqlite3_column_int64(st, 0);
        *hits = sqlite3_column_int64(st, 1);
        *events = sqlite3_column_int64(st, 2);
    }
    done(l, st);
    return rc == SQLITE_ROW ? 0 : fail(l, "counting");
}
