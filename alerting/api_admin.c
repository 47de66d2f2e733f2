#include "api_admin.h"

#include <string.h>

#include "clocks.h"
#include "ledger_views.h"

static int admin_only(const wa_api_req *rq, enum MHD_Result *ret)
{
    if (!rq->get) {
        *ret = wa_api_send_error(rq->conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
        return -1;
    }
    if (strcmp(rq->u->role, "admin") != 0) {
        *ret = wa_api_send_error(rq->conn, MHD_HTTP_FORBIDDEN, "only an admin may read this");
        return -1;
    }
    return 0;
}

enum MHD_Result wa_api_audit_pii(const wa_api_req *rq)
{
    enum MHD_Result ret;
    if (admin_only(rq, &ret) != 0)
        return ret;
    const char *ls, *os;
    long long limit = 100, offset = 0;
    if (wa_api_param(rq->conn, "limit", &ls) || wa_api_param(rq->conn, "offset", &os) ||
        wa_api_num(ls, 1, 1000, &limit) || wa_api_num(os, 0, 1000000000, &offset))
        return wa_api_send_error(rq->conn, MHD_HTTP_BAD_REQUEST, "limit must be 1 to 1000 and offset 0 or more");
    json_t *o;
    if (wa_ledger_pii_views_json(rq->x->ledger, limit, offset, &o) != 0)
        return wa_api_ledger_error(rq->x, rq->conn);
    return wa_api_send_json(rq->conn, MHD_HTTP_OK, o, NULL);
}

enum MHD_Result wa_api_users(const wa_api_req *rq)
{
    enum MHD_Result ret;
    if (admin_only(rq, &ret) != 0)
        return ret;
    json_t *a;
    if (wa_ledger_users_json(rq->x->ledger, &a) != 0)
        return wa_api_ledger_error(rq->x, rq->conn);
    return wa_api_send_json(rq->conn, MHD_HTTP_OK, json_pack("{s:o}", "users", a), NULL);
}

enum MHD_Result wa_api_metrics(struct MHD_Connection *conn, wa_metrics_fn render, void *ctx)
{
    wa_buf out;
    wa_buf_init(&out);
    if ((render && render(ctx, &out) != 0) || wa_buf_terminate(&out) != 0) {
        wa_buf_free(&out);
        return wa_api_send_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    }
    enum MHD_Result ret = wa_api_send_bytes(conn, MHD_HTTP_OK, "text/plain; version=0.0.4; charset=utf-8",
                                            out.data ? out.data : "", out.len, NULL);
    wa_buf_free(&out);
    return ret;
}

int wa_pii_view_record(wa_ctx *x, const wa_user *u, long long case_id, const char *fields)
{
    return wa_ledger_pii_view_add(x->ledger, wa_clock_now(), u->name, u->role, case_id, fields);
}
