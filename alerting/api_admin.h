/* The administrator's endpoints and the PII view record.
 *
 *   GET /api/audit/pii?limit=&offset=   every view of a complainant's personal data
 *        unmasked → {"total", "views": [{"id", "at", "user", "role", "case_id", "fields"}]},
 *        newest first (admin only; the table refuses updates and deletes)
 *   GET /api/users                      {"users": [{"name", "role", "prefecture", "created_at",
 *                                         "password_set_at", "disabled"}]} by name (admin only)
 *   GET /metrics                        the service's Prometheus counters (text format):
 *        with alerting.metrics_public true, to anyone who reaches the port (for a
 *        scraper on a private network); otherwise only to an admin session, 401/403
 *        like the API. A separate --metrics HOST:PORT listener is the other choice. */
#ifndef WA_API_ADMIN_H
#define WA_API_ADMIN_H

#include "../common/buf.h"
#include "api_http.h"

typedef int (*wa_metrics_fn)(void *ctx, wa_buf *out);

enum MHD_Result wa_api_audit_pii(const wa_api_req *rq);
enum MHD_Result wa_api_users(const wa_api_req *rq);
/* render may be NULL (no counters yet: an empty page). */
enum MHD_Result wa_api_metrics(struct MHD_Connection *conn, wa_metrics_fn render, void *ctx);

/* Record a view of personal data: 0, or -1 (then the data must not be shown). */
int wa_pii_view_record(wa_ctx *x, const wa_user *u, long long case_id, const char *fields);

#endif
