/* What the demo's two HTTP servers (wa-demo-site, wa-notify-sink) share: listening on a
 * HOST:PORT with the same limits, learning the port the kernel gave, and waiting for the stop. */
#ifndef WA_DEMO_HTTP_H
#define WA_DEMO_HTTP_H

#include <stddef.h>

#include <microhttpd.h>

/* Block SIGINT and SIGTERM, before any thread starts, so that only demo_http_wait takes
 * them. 0, or -1 with a message. */
int demo_http_block_signals(const char *who);

/* Serve handler (and done, when not NULL) on listen, HOST:PORT (port 0: a free one), at most
 * 256 connections of 30 s each; the base URL goes to url. NULL with a message and *status 2
 * (a bad address) or 1 (cannot listen). */
struct MHD_Daemon *demo_http_start(const char *who, const char *listen, MHD_AccessHandlerCallback handler,
                                   MHD_RequestCompletedCallback done, char *url, size_t cap, int *status);

/* Wait for SIGINT or SIGTERM; returns which (0 if waiting failed). */
int demo_http_wait(void);

#endif
