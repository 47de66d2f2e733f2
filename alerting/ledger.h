/* The case ledger (SPEC §3.3): cases, their hits, the companies they name,
 * the append-only event trail, the notification outbox with every delivery
 * attempt, and the outbox of Kafka messages (wa.cases, wa.dlq).
 *
 * This header is the one storage interface of the alerting service: the
 * rest of the service never sees SQL. ledger_sqlite.c implements it on
 * SQLite (WAL, one file, schema versioned with migrations applied at open);
 * a PostgreSQL implementation would implement the same functions.
 *
 * Threads: one wa_ledger per thread. Several connections to one file are
 * fine (SQLite serialises writers; a busy connection waits).
 *
 * Times are seconds since the epoch (UTC), always passed in by the caller,
 * so the clocks can be driven by a test time source. Every function returns
 * 0 on success and -1 on failure, with the reason in wa_ledger_error(),
 * unless it says otherwise. */
#ifndef WA_LEDGER_H
#define WA_LEDGER_H

#include <stdint.h>
#include <stdio.h>

/* The schema version this build writes; migrations bring older files up to it. */
#define WA_LEDGER_SCHEMA_VERSION 4

typedef struct wa_ledger wa_ledger;

/* One case as stored. Strings are owned by the struct (wa_case_clear frees
 * them); NULL means unknown. Numbers are 0 when unknown. */
typedef struct {
    long long id;
    char *status;        /* open, reported, assigned, resolved, closed, dismissed */
    char *level;         /* blue, yellow, orange, red */
    char *channel;       /* online, 12345, 12319 */
    char *prefecture, *county;
    char *unit_name;     /* the employing unit as first seen */
    char *unit_key;      /* its normalised form, for grouping */
    char *credit_code;   /* unified social credit code, when known */
    char *complainant_name, *complainant_phone;
    char *title, *excerpt;
    char *links;         /* JSON array of URLs */
    char *assignee;
    char *resolution, *dismiss_reason;
    char *external_id;   /* hotline ticket number */
    long long workers, months, amount_yuan;
    long long hit_count, source_count;
    long long first_seen, last_seen, opened_at, report_due, resolve_due;
    long long reported_at, resolved_at, closed_at;
    int report_overdue, resolve_overdue;
} wa_case;

void wa_case_clear(wa_case *c);

/* Open (creating if needed) the ledger file and migrate it to the newest
 * schema. A file written by a newer build is refused. */
int wa_ledger_open(wa_ledger **out, const char *path, char *err, size_t errcap);
/* The same, migrating only up to max_version (for the migration tests). */
int wa_ledger_open_version(wa_ledger **out, const char *path, int max_version, char *err, size_t errcap);
void wa_ledger_close(wa_ledger *l);
const char *wa_ledger_error(const wa_ledger *l);
int wa_ledger_schema_version(wa_ledger *l);
/* A random id made when the file was created: notification keys start with
 * it, so two ledgers never produce the same idempotency key. */
const char *wa_ledger_id(const wa_ledger *l);

int wa_ledger_begin(wa_ledger *l);
int wa_ledger_commit(wa_ledger *l);
void wa_ledger_rollback(wa_ledger *l);

/* ---- hits and cases ---- */

/* 1 when a hit of this document is stored, 0 when not, -1 on error. */
int wa_ledger_hit_known(wa_ledger *l, const char *doc_id);
/* The newest case of this prefecture and unit key that a new hit may join:
 * not closed, last seen at or after since. *case_id is 0 when none. */
int wa_ledger_case_by_unit(wa_ledger *l, const char *prefecture, const char *unit_key, long long since,
                           long long *case_id);
/* The case of a hotline ticket (external id), 0 when none. */
int wa_ledger_case_by_external_id(wa_ledger *l, const char *external_id, long long *case_id);
int wa_ledger_case_get(wa_ledger *l, long long id, wa_case *out);
/* Insert c (c->id is set). */
int wa_ledger_case_insert(wa_ledger *l, wa_case *c);
/* Write back every mutable field of c. */
int wa_ledger_case_update(wa_ledger *l, const wa_case *c);
int wa_ledger_hit_insert(wa_ledger *l, long long case_id, const char *doc_id, const char *source, const char *url,
                         const char *title, const char *level, uint64_t simhash, int has_simhash, long long at,
                         const char *body);
/* Record that a case was seen at a source; 1 when the source is new for it. */
int wa_ledger_case_source_add(wa_ledger *l, long long case_id, const char *source);
/* Count a case against a company (created on first sight). */
int wa_ledger_company_case(wa_ledger *l, const char *unit_key, const char *display, const char *credit_code,
                           long long at);
/* Fingerprints of hits on cases last seen at or after since, for the
 * near-duplicate index: fn is called for each. */
int wa_ledger_fingerprints(wa_ledger *l, long long since, void (*fn)(void *ctx, long long case_id, uint64_t simhash),
                           void *ctx);

/* The row id of the last insert on this connection (e.g. the event just added). */
long long wa_ledger_last_id(wa_ledger *l);

/* ---- events (append-only: the schema refuses updates and deletes) ---- */
int wa_ledger_event_add(wa_ledger *l, long long case_id, long long at, const char *actor, const char *kind,
                        const char *from_status, const char *to_status, const char *note);

/* ---- notification outbox ---- */
typedef struct {
    long long id, case_id;
    char *idem_key, *route, *office, *channel, *kind, *payload;
    int attempts;
    long long created_at;
} wa_outbox_row;
void wa_outbox_row_clear(wa_outbox_row *r);

/* Add a notification unless one with the same key exists (then nothing). */
int wa_ledger_outbox_add(wa_ledger *l, long long case_id, const char *idem_key, const char *route,
                         const char *office, const char *channel, const char *kind, const char *payload,
                         long long at);
/* Up to max pending rows due at now_ms (milliseconds: retries can be
 * sub-second; a new row is due at once), oldest first; *n receives the count.
 * The caller frees each row and the array. */
int wa_ledger_outbox_due(wa_ledger *l, long long now_ms, int max, wa_outbox_row **rows, int *n);
/* Record one attempt (inside the caller's transaction). delivered: the
 * receiver acknowledged (status delivered); else next_attempt_ms is when to
 * try again, or 0 to give up (status failed). */
int wa_ledger_outbox_attempt(wa_ledger *l, long long outbox_id, long long at, int delivered, int http_status,
                             const char *detail, long long duration_ms, long long next_attempt_ms);
/* Pending notifications (not yet delivered, not given up). */
int wa_ledger_outbox_pending(wa_ledger *l, long long *n);

/* ---- Kafka outbox (wa.cases events, wa.dlq dead letters) ---- */
/* Add a message unless one with the same dedup key exists. */
int wa_ledger_kafka_add(wa_ledger *l, const char *topic, const char *key, const char *value, const char *dedup_key,
                        long long at);
typedef struct {
    long long id;
    char *topic, *key, *value;
} wa_kafka_row;
void wa_kafka_row_clear(wa_kafka_row *r);
/* Up to max unsent messages with id > after_id, oldest first. */
int wa_ledger_kafka_unsent(wa_ledger *l, long long after_id, int max, wa_kafka_row **rows, int *n);
int wa_ledger_kafka_sent(wa_ledger *l, long long id, long long at);

/* ---- clocks ---- */
/* Cases whose fast report (which = 0) or resolution (which = 1) deadline
 * has passed at now without the state change and without an overdue mark.
 * Up to max ids into ids (caller's array); *n the count. */
int wa_ledger_overdue(wa_ledger *l, int which, long long now, int max, long long *ids, int *n);

/* ---- reports and maintenance ---- */
/* The complaint ledger as CSV (header line first), cases opened in
 * [from, to), of one prefecture or all (NULL). */
int wa_ledger_export_csv(wa_ledger *l, long long from, long long to, const char *prefecture, FILE *out);
/* A consistent copy of the whole ledger into a new file (SQLite online backup). */
int wa_ledger_backup(wa_ledger *l, const char *dest_path);
/* Counts for tests and stats: cases, hits, events. */
int wa_ledger_counts(wa_ledger *l, long long *cases, long long *hits, long long *events);

#endif
