/* The views of ledger_views.h on SQLite; fixed statements, bound values. */
#include "ledger_views.h"

#include <stdlib.h>
#include <string.h>

#include "ledger_sqlite_internal.h"

/* Rows of sql with ?1 from, ?2 to, ?3 scope bound, set on o as key. */
static int range_rows(wa_ledger *l, json_t *o, const char *key, const char *sql, long long from, long long to,
                      const char *scope)
{
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, sql);
    if (!st)
        return -1;
    int rc = sqlite3_bind_int64(st, 1, from);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 2, to);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 3, scope);
    if (rc != SQLITE_OK)
        return wa_ledger_sqlite_run_once(l, st, rc, "reading statistics");
    json_t *a = wa_ledger_sqlite_rows_json(l, st, "reading statistics");
    if (!a || json_object_set_new(o, key, a) != 0)
        return a ? wa_ledger_sqlite_error(l, "out of memory") : -1;
    return 0;
}

int wa_ledger_stats_json(wa_ledger *l, long long from, long long to, const char *scope, json_t **out)
{
    /* Prefectures with cases or hits in the range; hits count where they were received. */
    static const char by_pref[] =
        "WITH c AS (SELECT COALESCE(prefecture, '" WA_REPORT_UNKNOWN "') AS p, count(*) AS n FROM cases"
        "  WHERE opened_at >= ?1 AND opened_at < ?2 AND (?3 IS NULL OR prefecture = ?3) GROUP BY 1),"
        " h AS (SELECT COALESCE(c.prefecture, '" WA_REPORT_UNKNOWN "') AS p, count(*) AS n FROM hits h"
        "  JOIN cases c ON c.id = h.case_id"
        "  WHERE h.received_at >= ?1 AND h.received_at < ?2 AND (?3 IS NULL OR c.prefecture = ?3) GROUP BY 1),"
        " k AS (SELECT p FROM c UNION SELECT p FROM h)"
        " SELECT k.p AS prefecture, COALESCE(c.n, 0) AS cases, COALESCE(h.n, 0) AS hits FROM k"
        " LEFT JOIN c ON c.p = k.p LEFT JOIN h ON h.p = k.p ORDER BY cases DESC, hits DESC, prefecture";
    static const char by_day[] =
        "WITH c AS (SELECT strftime('%Y-%m-%d', opened_at + 28800, 'unixepoch') AS d, count(*) AS n FROM cases"
        "  WHERE opened_at >= ?1 AND opened_at < ?2 AND (?3 IS NULL OR prefecture = ?3) GROUP BY 1),"
        " h AS (SELECT strftime('%Y-%m-%d', h.received_at + 28800, 'unixepoch') AS d, count(*) AS n FROM hits h"
        "  JOIN cases c ON c.id = h.case_id"
        "  WHERE h.received_at >= ?1 AND h.received_at < ?2 AND (?3 IS NULL OR c.prefecture = ?3) GROUP BY 1),"
        " k AS (SELECT d FROM c UNION SELECT d FROM h)"
        " SELECT k.d AS day, COALESCE(c.n, 0) AS cases, COALESCE(h.n, 0) AS hits FROM k"
        " LEFT JOIN c ON c.d = k.d LEFT JOIN h ON h.d = k.d ORDER BY day";
    static const char by_level[] =
        "SELECT level, count(*) AS cases FROM cases WHERE opened_at >= ?1 AND opened_at < ?2"
        " AND (?3 IS NULL OR prefecture = ?3) GROUP BY level"
        " ORDER BY CASE level WHEN 'red' THEN 0 WHEN 'orange' THEN 1 WHEN 'yellow' THEN 2 ELSE 3 END";
    *out = json_pack("{s:I, s:I}", "from", (json_int_t)from, "to", (json_int_t)to);
    if (!*out)
        return wa_ledger_sqlite_error(l, "out of memory");
    if (range_rows(l, *out, "by_prefecture", by_pref, from, to, scope) != 0 ||
        range_rows(l, *out, "by_day", by_day, from, to, scope) != 0 ||
        range_rows(l, *out, "by_level", by_level, from, to, scope) != 0) {
        json_decref(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}

int wa_ledger_report_fill(wa_ledger *l, const char *scope, wa_monthly_report *r)
{
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "SELECT prefecture, status, opened_at, report_due, resolve_due,"
                               " COALESCE(reported_at, 0), COALESCE(resolved_at, 0), report_overdue, resolve_overdue,"
                               " workers, amount_yuan FROM cases"
                               " WHERE opened_at >= ?1 AND opened_at < ?2 AND (?3 IS NULL OR prefecture = ?3)");
    if (!st)
        return -1;
    int rc = sqlite3_bind_int64(st, 1, r->from);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 2, r->to);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 3, scope);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        wa_report_case c = {(const char *)sqlite3_column_text(st, 0),
                            (const char *)sqlite3_column_text(st, 1),
                            sqlite3_column_int64(st, 2),
                            sqlite3_column_int64(st, 3),
                            sqlite3_column_int64(st, 4),
                            sqlite3_column_int64(st, 5),
                            sqlite3_column_int64(st, 6),
                            sqlite3_column_int(st, 7),
                            sqlite3_column_int(st, 8),
                            sqlite3_column_int64(st, 9),
                            sqlite3_column_int64(st, 10)};
        wa_report_add(r, &c);
        rc = SQLITE_OK;
    }
    return wa_ledger_sqlite_run_once(l, st, rc == SQLITE_DONE ? SQLITE_OK : rc, "reading the month's cases");
}

int wa_ledger_pii_view_add(wa_ledger *l, long long at, const char *user, const char *role, long long case_id,
                           const char *fields)
{
    sqlite3_stmt *st =
        wa_ledger_sqlite_prepare(l, "INSERT INTO pii_views(at, user_name, user_role, case_id, fields) VALUES(?,?,?,?,?)");
    if (!st)
        return -1;
    int rc = sqlite3_bind_int64(st, 1, at);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 2, user);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 3, role);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 4, case_id);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 5, fields);
    return wa_ledger_sqlite_run_once(l, st, rc, "recording a view of personal data");
}

int wa_ledger_pii_views_json(wa_ledger *l, long long limit, long long offset, json_t **out)
{
    *out = NULL;
    long long total = 0;
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "SELECT count(*) FROM pii_views");
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        total = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    if (wa_ledger_sqlite_run_once(l, st, rc == SQLITE_DONE ? SQLITE_OK : rc, "counting views") != 0)
        return -1;
    st = wa_ledger_sqlite_prepare(l, "SELECT id, at, user_name AS user, user_role AS role, case_id, fields FROM pii_views"
                 " ORDER BY id DESC LIMIT ? OFFSET ?");
    if (!st)
        return -1;
    rc = sqlite3_bind_int64(st, 1, limit);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 2, offset);
    if (rc != SQLITE_OK)
        return wa_ledger_sqlite_run_once(l, st, rc, "listing views");
    json_t *a = wa_ledger_sqlite_rows_json(l, st, "listing views");
    if (!a)
        return -1;
    *out = json_pack("{s:I, s:o}", "total", (json_int_t)total, "views", a);
    return *out ? 0 : wa_ledger_sqlite_error(l, "out of memory");
}

int wa_ledger_user_set_disabled(wa_ledger *l, const char *name, int disabled, int *found)
{
    *found = 0;
    if (wa_ledger_begin(l) != 0)
        return -1;
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "UPDATE users SET disabled = ? WHERE name = ?");
    if (!st)
        goto fail;
    int rc = sqlite3_bind_int(st, 1, disabled ? 1 : 0);
    if (rc == SQLITE_OK) rc = wa_ledger_sqlite_bind_text(st, 2, name);
    if (wa_ledger_sqlite_run_once(l, st, rc, "changing a user") != 0)
        goto fail;
    *found = sqlite3_changes(wa_ledger_sqlite(l)) > 0;
    if (disabled) {
        st = wa_ledger_sqlite_prepare(l, "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE name = ?)");
        if (!st || wa_ledger_sqlite_run_once(l, st, wa_ledger_sqlite_bind_text(st, 1, name), "ending sessions") != 0)
            goto fail;
    }
    return wa_ledger_commit(l);
fail:
    wa_ledger_rollback(l);
    return -1;
}

int wa_ledger_users_json(wa_ledger *l, json_t **out)
{
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "SELECT name, role, prefecture, created_at, password_set_at, disabled FROM users"
                               " ORDER BY name");
    *out = st ? wa_ledger_sqlite_rows_json(l, st, "listing users") : NULL;
    return *out ? 0 : -1;
}

int wa_ledger_feed_heads(wa_ledger *l, long long *event_id, long long *hit_id)
{
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, "SELECT (SELECT COALESCE(max(id), 0) FROM events), (SELECT COALESCE(max(id), 0) FROM hits)");
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *event_id = sqlite3_column_int64(st, 0);
        *hit_id = sqlite3_column_int64(st, 1);
        rc = SQLITE_OK;
    }
    return wa_ledger_sqlite_run_once(l, st, rc == SQLITE_DONE ? SQLITE_OK : rc, "reading the feed");
}

static int after_rows(wa_ledger *l, const char *sql, long long after_id, int max, json_t **out)
{
    *out = NULL;
    sqlite3_stmt *st = wa_ledger_sqlite_prepare(l, sql);
    if (!st)
        return -1;
    int rc = sqlite3_bind_int64(st, 1, after_id);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(st, 2, max);
    if (rc != SQLITE_OK)
        return wa_ledger_sqlite_run_once(l, st, rc, "reading the feed");
    *out = wa_ledger_sqlite_rows_json(l, st, "reading the feed");
    return *out ? 0 : -1;
}

int wa_ledger_feed_events(wa_ledger *l, long long after_id, int max, json_t **out)
{
    return after_rows(l,
                      "SELECT e.id AS event_id, e.kind, c.id, c.level, c.status, c.prefecture, c.county,"
                      " c.unit_name AS unit, c.title, c.opened_at, c.report_due, c.resolve_due"
                      " FROM events e JOIN cases c ON c.id = e.case_id"
                      " WHERE e.id > ? AND e.kind <> 'notification_queued' ORDER BY e.id LIMIT ?",
                      after_id, max, out);
}

int wa_ledger_feed_hits(wa_ledger *l, long long after_id, int max, json_t **out)
{
    return after_rows(l,
                      "SELECT h.id AS hit_id, h.case_id, h.doc_id, h.level, h.title, c.prefecture"
                      " FROM hits h JOIN cases c ON c.id = h.case_id WHERE h.id > ? ORDER BY h.id LIMIT ?",
                      after_id, max, out);
}
