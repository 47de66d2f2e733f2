#include "metrics_http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "listen_addr.h"

struct wa_metrics_http {
    struct MHD_Daemon *daemon;
    wa_metrics_render_fn render;
    void *ctx;
    unsigned port;
};

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned status, const char *type, const char *body,
                             size_t len)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    if (type)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    enum MHD_Result rc = MHD_queue_response(conn, status, r);
    MHD_destroy_response(r);
    return rc;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_len, void **state)
{
    (void)version;
    (void)upload;
    wa_metrics_http *m = cls;
    /* A body is never expected: refuse it rather than buffer it. */
    if (*upload_len != 0)
        return MHD_NO;
    (void)state;
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        static const char msg[] = "only GET\n";
        return reply(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "text/plain", msg, sizeof msg - 1);
    }
    if (strcmp(url, "/metrics") != 0) {
        static const char msg[] = "not found: the metrics are at /metrics\n";
        return reply(conn, MHD_HTTP_NOT_FOUND, "text/plain", msg, sizeof msg - 1);
    }
    wa_buf out;
    wa_buf_init(&out);
    enum MHD_Result rc;
    if (m->render(m->ctx, &out) != 0) {
        static const char msg[] = "cannot render the metrics\n";
        rc = reply(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "text/plain", msg, sizeof msg - 1);
    } else {
        rc = reply(conn, MHD_HTTP_OK, "text/plain; version=0.0.4; charset=utf-8", out.data ? out.data : "", out.len);
    }
    wa_buf_free(&out);
    return rc;
}

wa_metrics_http *wa_metrics_http_start(const char *host_port, wa_metrics_render_fn render, void *ctx, char *err,
                                       size_t errcap)
{
    struct sockaddr_storage ss;
    int v6;
    if (wa_listen_addr(host_port, &ss, &v6, err, errcap) != 0)
        return NULL;
    wa_metrics_http *m = calloc(1, sizeof *m);
    if (!m) {
        snprintf(err, errcap, "out of memory");
        return NULL;
    }
    m->render = render;
    m->ctx = ctx;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | (v6 ? MHD_USE_IPv6 : 0);
    m->daemon = MHD_start_daemon(flags, 0, NULL, NULL, on_request, m, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
                                 MHD_OPTION_CONNECTION_LIMIT, (unsigned)64, MHD_OPTION_CONNECTION_TIMEOUT,
                                 (unsigned)10, MHD_OPTION_END);
    if (!m->daemon) {
        snprintf(err, errcap, "cannot listen on %.200s (address in use or not ours?)", host_port);
        free(m);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(m->daemon, MHD_DAEMON_INFO_BIND_PORT);
    m->port = info ? info->port : 0;
    return m;
}

unsigned wa_metrics_http_port(const wa_metrics_http *m)
{
    return m ? m->port : 0;
}

void wa_metrics_http_stop(wa_metrics_http *m)
{
    if (!m)
        return;
    MHD_stop_daemon(m->daemon);
    free(m);
}

int wa_metrics_add(wa_buf *out, const char *name, const char *type, const char *help, double value)
{
    return wa_buf_printf(out, "# HELP %s %s\n# TYPE %s %s\n%s %.17g\n", name, help, name, type, name, value);
}
