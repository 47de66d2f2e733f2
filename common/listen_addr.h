/* "HOST:PORT" for the HTTP listeners of every binary (the staff API and
 * hotline, /metrics, the demo site and notification receiver): an IPv4 or
 * IPv6 address, "localhost" for 127.0.0.1, IPv6 written as [::1]:PORT; port
 * 0 lets the system pick a free one. */
#ifndef WA_LISTEN_ADDR_H
#define WA_LISTEN_ADDR_H

#include <stddef.h>
#include <sys/socket.h>

/* Fill ss (and *v6: 1 for IPv6, for MHD_USE_IPv6). Returns 0, or -1 with
 * the reason in err. */
int wa_listen_addr(const char *host_port, struct sockaddr_storage *ss, int *v6, char *err, size_t errcap);

/* "http://HOST:PORT" for ss with the bound port ([::1] for IPv6). Returns
 * 0, or -1 when cap is too small. */
int wa_listen_url(const struct sockaddr_storage *ss, unsigned port, char *out, size_t cap);

#endif
