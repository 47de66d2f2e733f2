/* A tiny HTTP endpoint serving GET /metrics in the Prometheus text format
 * (libmicrohttpd, one internal thread). The owner renders the text on each
 * request through a callback, which runs on the HTTP thread: it must read
 * only what is safe to read from another thread (atomics, or data under the
 * owner's lock). */
#ifndef WA_METRICS_HTTP_H
#define WA_METRICS_HTTP_H

#include <stddef.h>

#include "buf.h"

typedef struct wa_metrics_http wa_metrics_http;

/* Append the whole exposition to out; return 0, or -1 to answer 500. */
typedef int (*wa_metrics_render_fn)(void *ctx, wa_buf *out);

/* Listen on "HOST:PORT" (an IPv4 or IPv6 address, or "localhost"; IPv6
 * written as [::1]:PORT). Port 0 picks a free port: see
 * wa_metrics_http_port. Returns NULL with the reason in err. */
wa_metrics_http *wa_metrics_http_start(const char *host_port, wa_metrics_render_fn render, void *ctx, char *err,
                                       size_t errcap);
unsigned wa_metrics_http_port(const wa_metrics_http *m);
void wa_metrics_http_stop(wa_metrics_http *m);

/* Helpers for renderers: one metric with its HELP and TYPE lines. */
int wa_metrics_add(wa_buf *out, const char *name, const char *type, const char *help, double value);

#endif
