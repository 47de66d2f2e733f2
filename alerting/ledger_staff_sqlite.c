/* The staff side of the ledger on SQLite (see ledger_staff.h). Every
 * statement is fixed text with bound parameters. */
#include "ledger_staff.h"

#include <stdlib.h>
#include <string.h>

#include "accounts.h"
#include "ledger_sqlite_internal.h"

void wa_user_clear(wa_user *u)
{
    free(u->name);
    free(u->role);
    free(u->prefecture);
    if (u->pwhash) {
        sodium_memzero(u->pwhash, strlen(u->pwhash));
        free(u->pwhash);
    }
    memset(u, 0, sizeof *u);
}

int wa_ledger_user_add(wa_ledger *l, const char *name, const char *role, const char *prefecture, const char *pwhash,
                       long long now)
{
    wa_user u = {0};
    int found = 0;
    if (wa_ledger_user_get(l, name, &u, &found) != 0)
        return -1;
    wa_user_clear(&u);
    if (found) {
        return wa_ledger_sqlite_error(l, "a user of this name exists");
    }
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "INSERT INTO users(name, role, prefecture, pwhash, created_at, password_set_at)"
                               " VALUES(?,?,?,?,?,?)");
    if (!st)
        return -1;
    int rc = wa_ledger_sqlite_bind_text(st, 1, name);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 2, role);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 3, prefecture && prefecture[0] ? prefecture : NULL);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 4, pwhash);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 5, now);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 6, now);
    return wa_ledger_sqlite_run_once(l, st, rc, "adding a user");
}

static int read_user(sqlite3_stmt *st, int i, wa_user *u)
{
    u->id = sqlite3_column_int64(st, i);
    u->name = wa_ledger_sqlite_col_str(st, i + 1);
    u->role = wa_ledger_sqlite_col_str(st, i + 2);
    u->prefecture = wa_ledger_sqlite_col_str(st, i + 3);
    u->pwhash = wa_ledger_sqlite_col_str(st, i + 4);
    u->created_at = sqlite3_column_int64(st, i + 5);
    u->disabled = sqlite3_column_int(st, i + 6);
    return u->name && u->role && u->pwhash ? 0 : -1;
}

int wa_ledger_user_get(wa_ledger *l, const char *name, wa_user *u, int *found)
{
    memset(u, 0, sizeof *u);
    *found = 0;
    sqlite3_stmt *st =
        wa_ledger_sqlite_prepare(l, "SELECT id, name, role, prefecture, pwhash, created_at, disabled FROM users WHERE name = ?");
    if (!st)
        return -1;
    if (wa_ledger_sqlite_bind_text(st, 1, name) != SQLITE_OK)
        return wa_ledger_sqlite_run_once(l, st, SQLITE_ERROR, "reading a user");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if (read_user(st, 0, u) != 0) {
            wa_user_clear(u);
            sqlite3_finalize(st);
            wa_ledger_sqlite_error(l, "out of memory");
            return -1;
        }
        *found = 1;
        sqlite3_finalize(st);
        return 0;
    }
    int r = rc == SQLITE_DONE ? 0 : wa_ledger_sqlite_fail(l, "reading a user");
    sqlite3_finalize(st);
    return r;
}

int wa_ledger_user_set_password(wa_ledger *l, const char *name, const char *pwhash, long long now, int *found)
{
    *found = 0;
    if (wa_ledger_begin(l) != 0)
        return -1;
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "UPDATE users SET pwhash = ?, password_set_at = ? WHERE name = ?");
    if (!st)
        goto fail;
    int rc = wa_ledger_sqlite_bind_text(st, 1, pwhash);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 2, now);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 3, name);
    if (wa_ledger_sqlite_run_once(l, st, rc, "setting a password") != 0)
        goto fail;
    *found = sqlite3_changes(wa_ledger_sqlite(l)) > 0;
    st = wa_ledger_sqlite_prepare(l, "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE name = ?)");
    if (!st || wa_ledger_sqlite_run_once(l, st, wa_ledger_sqlite_bind_text(st, 1, name), "ending sessions") != 0)
        goto fail;
    return wa_ledger_commit(l);
fail:
    wa_ledger_rollback(l);
    return -1;
}

int wa_ledger_user_count(wa_ledger *l, long long *n)
{
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "SELECT count(*) FROM users");
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    *n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    return wa_ledger_sqlite_run_once(l, st, rc == SQLITE_ROW ? SQLITE_OK : rc, "counting users");
}

int wa_ledger_users_print(wa_ledger *l, FILE *out)
{
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "SELECT name, role, COALESCE(prefecture, '*'),"
                               " strftime('%Y-%m-%dT%H:%M:%SZ', created_at, 'unixepoch'), disabled"
                               " FROM users ORDER BY name");
    if (!st)
        return -1;
    fprintf(out, "name\trole\tprefecture\tcreated\n");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fprintf(out, "%s\t%s\t%s\t%s%s\n", (const char *)sqlite3_column_text(st, 0),
                (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
                (const char *)sqlite3_column_text(st, 3), sqlite3_column_int(st, 4) ? "\tdisabled" : "");
    int r = wa_ledger_sqlite_run_once(l, st, rc == SQLITE_DONE ? SQLITE_OK : rc, "listing users");
    if (r == 0 && (fflush(out) != 0 || ferror(out))) {
        wa_ledger_sqlite_error(l, "writing the list failed");
        return -1;
    }
    return r;
}

int wa_ledger_session_add(wa_ledger *l, const char *token_hash, long long user_id, const char *csrf, long long now,
                          long long expires_at)
{
    sqlite3_stmt *st =
        wa_ledger_sqlite_prepare(l, "INSERT INTO sessions(token_hash, user_id, csrf, created_at, expires_at) VALUES(?,?,?,?,?)");
    if (!st)
        return -1;
    int rc = wa_ledger_sqlite_bind_text(st, 1, token_hash);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 2, user_id);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 3, csrf);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 4, now);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 5, expires_at);
    return wa_ledger_sqlite_run_once(l, st, rc, "starting a session");
}

int wa_ledger_session_get(wa_ledger *l, const char *token_hash, long long now, wa_user *u, char *csrf, size_t csrfcap,
                          int *found)
{
    memset(u, 0, sizeof *u);
    *found = 0;
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "DELETE FROM sessions WHERE expires_at <= ?");
    if (!st || wa_ledger_sqlite_run_once(l, st, sqlite3_bind_int64(st, 1, now), "ending old sessions") != 0)
        return -1;
    st = wa_ledger_sqlite_prepare(l, "SELECT s.csrf, u.id, u.name, u.role, u.prefecture, u.pwhash, u.created_at, u.disabled"
                 " FROM sessions s JOIN users u ON u.id = s.user_id"
                 " WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0");
    if (!st)
        return -1;
    int rc = wa_ledger_sqlite_bind_text(st, 1, token_hash);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 2, now);
    if (rc != SQLITE_OK)
        return wa_ledger_sqlite_run_once(l, st, rc, "reading a session");
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        snprintf(csrf, csrfcap, "%s", (const char *)sqlite3_column_text(st, 0));
        if (read_user(st, 1, u) != 0) {
            wa_user_clear(u);
            sqlite3_finalize(st);
            wa_ledger_sqlite_error(l, "out of memory");
            return -1;
        }
        *found = 1;
        sqlite3_finalize(st);
        return 0;
    }
    return wa_ledger_sqlite_run_once(l, st, rc == SQLITE_DONE ? SQLITE_OK : rc, "reading a session");
}

int wa_ledger_session_delete(wa_ledger *l, const char *token_hash)
{
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "DELETE FROM sessions WHERE token_hash = ?");
    if (!st)
        return -1;
    return wa_ledger_sqlite_run_once(l, st, wa_ledger_sqlite_bind_text(st, 1, token_hash), "ending a session");
}

/* ---- case views ---- */

/* Column i of the current row as a JSON value (null, integer, text). */
static json_t *col_json(sqlite3_stmt *st, int i)
{
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_NULL: return json_null();
    case SQLITE_INTEGER: return json_integer(sqlite3_column_int64(st, i));
    default: return json_string((const char *)sqlite3_column_text(st, i));
    }
}

json_t *wa_ledger_sqlite_rows_json(wa_ledger *l, sqlite3_stmt *st, const char *what)
{
    json_t *a = json_array();
    int rc = SQLITE_DONE, ok = a != NULL;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *o = json_object();
        ok = o && json_array_append_new(a, o) == 0;
        for (int i = 0; ok && i < sqlite3_column_count(st); i++) {
            json_t *v = col_json(st, i);
            ok = v && json_object_set_new(o, sqlite3_column_name(st, i), v) == 0;
        }
    }
    if (ok && rc != SQLITE_DONE) {
        wa_ledger_sqlite_fail(l, what);
        ok = 0;
    } else if (!ok) {
        wa_ledger_sqlite_error(l, "out of memory");
    }
    sqlite3_finalize(st);
    if (!ok) {
        json_decref(a);
        return NULL;
    }
    return a;
}

/* Bind the filter to ?1..?6 of the list statements. */
static int bind_filter(sqlite3_stmt *st, const wa_case_filter *f, const char *like)
{
    int rc = wa_ledger_sqlite_bind_text(st, 1, f->status);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 2, f->level);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 3, f->prefecture);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 4, f->scope);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 5, like);
    if (rc == SQLITE_OK) rc = f->has_from ? sqlite3_bind_int64(st, 8, f->from) : sqlite3_bind_null(st, 8);
    if (rc == SQLITE_OK) rc = f->has_to ? sqlite3_bind_int64(st, 9, f->to) : sqlite3_bind_null(st, 9);
    return rc;
}

#define FILTER_WHERE                                                                                               \
    " WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR level = ?2) AND (?3 IS NULL OR prefecture = ?3)"        \
    " AND (?4 IS NULL OR prefecture = ?4) AND (?5 IS NULL OR title LIKE ?5 ESCAPE '\\' OR excerpt LIKE ?5 ESCAPE '\\'" \
    " OR unit_name LIKE ?5 ESCAPE '\\') AND (?8 IS NULL OR opened_at >= ?8) AND (?9 IS NULL OR opened_at < ?9)"

int wa_ledger_cases_json(wa_ledger *l, const wa_case_filter *f, json_t **out)
{
    *out = NULL;
    char *like = NULL;
    if (f->text) {
        /* %text% with the LIKE wildcards in the text taken literally. */
        size_t n = strlen(f->text);
        if (!(like = malloc(2 * n + 3))) {
            wa_ledger_sqlite_error(l, "out of memory");
            return -1;
        }
        char *p = like;
        *p++ = '%';
        for (const char *s = f->text; *s; s++) {
            if (*s == '%' || *s == '_' || *s == '\\')
                *p++ = '\\';
            *p++ = *s;
        }
        *p++ = '%';
        *p = '\0';
    }
    long long total = 0;
    json_t *cases = NULL;
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "SELECT count(*) FROM cases" FILTER_WHERE);
    if (!st)
        goto fail;
    int rc = bind_filter(st, f, like);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        total = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    if (wa_ledger_sqlite_run_once(l, st, rc, "counting cases") != 0)
        goto fail;
    st = wa_ledger_sqlite_prepare(l, "SELECT id, status, level, channel, prefecture, county, unit_name AS unit, title, excerpt,"
                 " hit_count AS hits, source_count AS sources, workers, months, amount_yuan, opened_at, last_seen,"
                 " report_due, resolve_due, reported_at, resolved_at, report_overdue, resolve_overdue"
                 " FROM cases" FILTER_WHERE " ORDER BY opened_at DESC, id DESC LIMIT ?6 OFFSET ?7");
    if (!st)
        goto fail;
    rc = bind_filter(st, f, like);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 6, f->limit);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 7, f->offset);
    if (rc != SQLITE_OK) {
        wa_ledger_sqlite_run_once(l, st, rc, "listing cases");
        goto fail;
    }
    if (!(cases = wa_ledger_sqlite_rows_json(l, st, "listing cases")))
        goto fail;
    free(like);
    *out = json_pack("{s:I, s:I, s:I, s:o}", "total", (json_int_t)total, "limit", (json_int_t)f->limit, "offset",
                     (json_int_t)f->offset, "cases", cases);
    if (!*out) {
        wa_ledger_sqlite_error(l, "out of memory");
        return -1;
    }
    return 0;
fail:
    free(like);
    return -1;
}

int wa_ledger_case_trail_json(wa_ledger *l, long long case_id, json_t *o)
{
    static const char *const sql[3] = {
        "SELECT id, doc_id, source, url, title, level, received_at, body FROM hits WHERE case_id = ? ORDER BY id",
        "SELECT id, at, actor, kind, from_status AS 'from', to_status AS 'to', note FROM events"
        " WHERE case_id = ? ORDER BY id",
        "SELECT id, office, channel, route, kind, status, attempts, created_at, delivered_at, last_error"
        " FROM outbox WHERE case_id = ? ORDER BY id",
    };
    static const char *const keys[3] = {"hits", "events", "notifications"};
    for (int k = 0; k < 3; k++) {
        sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, sql[k]);
        if (!st)
            return -1;
        if (sqlite3_bind_int64(st, 1, case_id) != SQLITE_OK)
            return wa_ledger_sqlite_run_once(l, st, SQLITE_ERROR, "reading a case");
        json_t *a = wa_ledger_sqlite_rows_json(l, st, "reading a case");
        if (!a || json_object_set_new(o, keys[k], a) != 0)
            return -1;
    }
    /* Each notification's delivery attempts. */
    size_t i;
    json_t *n;
    json_array_foreach(json_object_get(o, "notifications"), i, n)
    {
        sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "SELECT at, delivered, http_status, detail, duration_ms FROM attempts"
                                   " WHERE outbox_id = ? ORDER BY id");
        if (!st)
            return -1;
        if (sqlite3_bind_int64(st, 1, json_integer_value(json_object_get(n, "id"))) != SQLITE_OK)
            return wa_ledger_sqlite_run_once(l, st, SQLITE_ERROR, "reading attempts");
        json_t *a = wa_ledger_sqlite_rows_json(l, st, "reading attempts");
        if (!a || json_object_set_new(n, "attempts", a) != 0)
            return -1;
    }
    return 0;
}
