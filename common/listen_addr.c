#include "listen_addr.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int wa_listen_addr(const char *hp, struct sockaddr_storage *ss, int *v6, char *err, size_t errcap)
{
    char host[128];
    const char *colon = strrchr(hp, ':');
    if (!colon || colon == hp) {
        snprintf(err, errcap, "'%.200s' is not HOST:PORT", hp);
        return -1;
    }
    size_t hl = (size_t)(colon - hp);
    const char *h = hp;
    if (hp[0] == '[' && hl >= 2 && hp[hl - 1] == ']') {
        h++;
        hl -= 2;
    }
    if (hl >= sizeof host) {
        snprintf(err, errcap, "host of '%.200s' is too long", hp);
        return -1;
    }
    memcpy(host, h, hl);
    host[hl] = '\0';
    char *end;
    errno = 0;
    unsigned long port = strtoul(colon + 1, &end, 10);
    if (errno || *end || colon[1] == '\0' || port > 65535) {
        snprintf(err, errcap, "port of '%.200s' must be a number from 0 to 65535", hp);
        return -1;
    }
    memset(ss, 0, sizeof *ss);
    if (strcmp(host, "localhost") == 0)
        snprintf(host, sizeof host, "127.0.0.1");
    struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)port);
        *v6 = 0;
    } else if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)port);
        *v6 = 1;
    } else {
        snprintf(err, errcap, "'%.100s' is not an IP address (give one, e.g. 127.0.0.1:9464)", host);
        return -1;
    }
    return 0;
}

int wa_listen_url(const struct sockaddr_storage *ss, unsigned port, char *out, size_t cap)
{
    char host[INET6_ADDRSTRLEN];
    int v6 = ss->ss_family == AF_INET6;
    const void *a = v6 ? (const void *)&((const struct sockaddr_in6 *)ss)->sin6_addr
                       : (const void *)&((const struct sockaddr_in *)ss)->sin_addr;
    if (!inet_ntop(v6 ? AF_INET6 : AF_INET, a, host, sizeof host))
        return -1;
    int n = snprintf(out, cap, v6 ? "http://[%s]:%u" : "http://%s:%u", host, port);
    return n > 0 && (size_t)n < cap ? 0 : -1;
}
