/* For the other SQLite parts of the ledger (ledger_staff_sqlite.c, ledger_views_sqlite.c): the
 * connection of a wa_ledger and its error slot. Nothing outside the SQLite
 * implementation includes this. */
#ifndef WA_LEDGER_SQLITE_INTERNAL_H
#define WA_LEDGER_SQLITE_INTERNAL_H

#include <sqlite3.h>

#include "ledger.h"

sqlite3 *wa_ledger_sqlite(wa_ledger *l);
/* Record "what: <sqlite message>" as the ledger's error; returns -1. */
int wa_ledger_sqlite_fail(wa_ledger *l, const char *what);
/* Record msg as the ledger's error; returns -1. */
int wa_ledger_sqlite_error(wa_ledger *l, const char *msg);

/* Statement helpers shared by the SQLite files: a one-off statement (NULL on
 * failure, error recorded); a text or NULL bound; a column copied (NULL for
 * NULL; the caller frees); a statement run to completion and finalised (0,
 * or -1 with the error recorded; rc_bind: the binds' result, run only when
 * SQLITE_OK). */
sqlite3_stmt *wa_ledger_sqlite_prepare(wa_ledger *l, const char *sql);
int wa_ledger_sqlite_bind_text(sqlite3_stmt *st, int i, const char *s);
char *wa_ledger_sqlite_col_str(sqlite3_stmt *st, int i);
int wa_ledger_sqlite_run_once(wa_ledger *l, sqlite3_stmt *st, int rc_bind, const char *what);

/* Every row of st as an object keyed by the statement's column names (NULL,
 * integer or text values); st is finalised. NULL on failure, error recorded. */
#include <jansson.h>
json_t *wa_ledger_sqlite_rows_json(wa_ledger *l, sqlite3_stmt *st, const char *what);

#endif
