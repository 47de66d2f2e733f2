/* crawler_httpd — a small static HTTP/1.1 server for the crawler benchmark (bench/crawler.sh).
 *
 * Usage: crawler_httpd DIR
 *
 * Reads every regular file under DIR into memory at start (a file DIR/a/b.html is served as
 * /a/b.html), with its whole response (status line, headers, body) built once and every
 * "@BASE@" in it replaced by the server's own http://127.0.0.1:PORT (feeds hold absolute
 * links, and the port is only known once bound), then serves
 * them from one thread with epoll on 127.0.0.1, on a free port printed as the first line of
 * stdout. Keep-alive and pipelined requests are handled; GET and HEAD only. /__stats answers
 * "requests=N not_found=N bytes=N connections=N" (counted before that request), so the
 * benchmark can check what each crawl asked for. Runs until SIGTERM or SIGINT.
 *
 * Content-Type comes from the extension (.html: text/html with no charset, so the pages'
 * own <meta charset> decides; .xml, .txt, .json). Nothing is compressed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_REQ 16384

typedef struct {
    char *path;   /* "/a/b.html" */
    char *resp;   /* full response: headers + body */
    size_t len;   /* of resp */
    size_t hdr;   /* header part of resp (HEAD) */
} entry;

static entry *table;
static size_t table_cap, table_n;

static unsigned long long st_requests, st_not_found, st_bytes, st_connections;

static volatile sig_atomic_t stopping;
static void on_stop(int sig)
{
    (void)sig;
    stopping = 1;
}

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static void die(const char *what)
{
    fprintf(stderr, "crawler_httpd: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p)
        die("malloc");
    return p;
}

static const char *content_type(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return "application/octet-stream";
    if (!strcmp(dot, ".html") || !strcmp(dot, ".htm"))
        return "text/html";
    if (!strcmp(dot, ".xml"))
        return "application/xml";
    if (!strcmp(dot, ".txt"))
        return "text/plain";
    if (!strcmp(dot, ".json"))
        return "application/json";
    return "application/octet-stream";
}

static void table_put(char *path, char *resp, size_t len, size_t hdr);

static void table_grow(void)
{
    size_t ncap = table_cap ? table_cap * 2 : 4096;
    entry *old = table;
    size_t ocap = table_cap;
    table = calloc(ncap, sizeof *table);
    if (!table)
        die("calloc");
    table_cap = ncap;
    table_n = 0;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].path)
            table_put(old[i].path, old[i].resp, old[i].len, old[i].hdr);
    free(old);
}

static void table_put(char *path, char *resp, size_t len, size_t hdr)
{
    if ((table_n + 1) * 2 > table_cap)
        table_grow();
    size_t i = hash(path, strlen(path)) & (table_cap - 1);
    while (table[i].path)
        i = (i + 1) & (table_cap - 1);
    table[i] = (entry){path, resp, len, hdr};
    table_n++;
}

static const entry *table_get(const char *path, size_t n)
{
    if (!table_cap)
        return NULL;
    size_t i = hash(path, n) & (table_cap - 1);
    while (table[i].path) {
        if (strlen(table[i].path) == n && memcmp(table[i].path, path, n) == 0)
            return &table[i];
        i = (i + 1) & (table_cap - 1);
    }
    return NULL;
}

static char *build_response(int code, const char *reason, const char *ctype, const char *body, size_t blen,
                            size_t *len, size_t *hdr)
{
    char head[256];
    int h = snprintf(head, sizeof head,
                     "HTTP/1.1 %d %s\r\nServer: crawler_httpd\r\nContent-Type: %s\r\nContent-Length: %zu\r\n\r\n", code,
                     reason, ctype, blen);
    char *r = xmalloc((size_t)h + blen);
    memcpy(r, head, (size_t)h);
    if (blen)
        memcpy(r + h, body, blen);
    *len = (size_t)h + blen;
    *hdr = (size_t)h;
    return r;
}

static char base_url[64]; /* http://127.0.0.1:PORT */

/* body with every "@BASE@" replaced by base_url (body itself when there is none); *len updated. */
static char *substitute_base(char *body, size_t *len)
{
    static const char marker[] = "@BASE@";
    const size_t ml = sizeof marker - 1, bl = strlen(base_url);
    size_t n = 0;
    for (char *p = body; (p = memmem(p, *len - (size_t)(p - body), marker, ml)); p += ml)
        n++;
    if (!n)
        return body;
    char *out = xmalloc(*len + n * bl + 1), *w = out;
    const char *r = body, *end = body + *len;
    for (char *p; (p = memmem(r, (size_t)(end - r), marker, ml)); r = p + ml) {
        memcpy(w, r, (size_t)(p - r));
        w += p - r;
        memcpy(w, base_url, bl);
        w += bl;
    }
    memcpy(w, r, (size_t)(end - r));
    w += end - r;
    *len = (size_t)(w - out);
    return out;
}

static void load_dir(const char *root, const char *rel)
{
    char dirpath[4096];
    snprintf(dirpath, sizeof dirpath, "%s%s", root, rel);
    DIR *d = opendir(dirpath);
    if (!d)
        die(dirpath);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char r2[4096], full[4096];
        snprintf(r2, sizeof r2, "%s/%s", rel, e->d_name);
        snprintf(full, sizeof full, "%s%s", root, r2);
        struct stat sb;
        if (stat(full, &sb) != 0)
            die(full);
        if (S_ISDIR(sb.st_mode)) {
            load_dir(root, r2);
            continue;
        }
        if (!S_ISREG(sb.st_mode))
            continue;
        int fd = open(full, O_RDONLY);
        if (fd < 0)
            die(full);
        char *body = xmalloc((size_t)sb.st_size + 1);
        size_t got = 0;
        while (got < (size_t)sb.st_size) {
            ssize_t k = read(fd, body + got, (size_t)sb.st_size - got);
            if (k <= 0)
                die(full);
            got += (size_t)k;
        }
        close(fd);
        body[got] = '\0';
        char *sub = substitute_base(body, &got);
        size_t len, hdr;
        char *resp = build_response(200, "OK", content_type(r2), sub, got, &len, &hdr);
        if (sub != body)
            free(sub);
        free(body);
        table_put(strdup(r2), resp, len, hdr);
    }
    closedir(d);
}

typedef struct conn {
    int fd;
    char in[MAX_REQ];
    size_t in_len;
    /* what is being written: a static response, or the owned stats one */
    const char *out;
    size_t out_len, out_off;
    char *owned;
    int close_after;
} conn;

static char *notfound_resp, *badreq_resp;
static size_t notfound_len, notfound_hdr, badreq_len, badreq_hdr;

static void conn_close(int ep, conn *c)
{
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    free(c->owned);
    free(c);
}

/* Write what is pending. 1: all written, 0: would block, -1: error. */
static int flush_out(conn *c)
{
    while (c->out_off < c->out_len) {
        ssize_t k = send(c->fd, c->out + c->out_off, c->out_len - c->out_off, MSG_NOSIGNAL);
        if (k < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return 0;
            if (errno == EINTR)
                continue;
            return -1;
        }
        c->out_off += (size_t)k;
        st_bytes += (unsigned long long)k;
    }
    c->out = NULL;
    c->out_len = c->out_off = 0;
    free(c->owned);
    c->owned = NULL;
    return 1;
}

/* Take one complete request from c->in and set up its response. 1: one taken, 0: incomplete,
 * -1: bad request (respond and close). */
static int take_request(conn *c)
{
    char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
    if (!end)
        return c->in_len >= sizeof c->in ? -1 : 0;
    size_t req_len = (size_t)(end - c->in) + 4;
    char *line_end = memchr(c->in, '\r', req_len);
    char *sp1 = memchr(c->in, ' ', (size_t)(line_end - c->in));
    int head = 0;
    if (!sp1)
        return -1;
    size_t mlen = (size_t)(sp1 - c->in);
    if (mlen == 4 && !memcmp(c->in, "HEAD", 4))
        head = 1;
    else if (!(mlen == 3 && !memcmp(c->in, "GET", 3)))
        return -1;
    char *target = sp1 + 1;
    char *sp2 = memchr(target, ' ', (size_t)(line_end - target));
    if (!sp2)
        return -1;
    size_t tlen = (size_t)(sp2 - target);
    char *q = memchr(target, '?', tlen);
    size_t plen = q ? (size_t)(q - target) : tlen;
    /* HTTP/1.0 or "Connection: close" ends the connection after this response */
    int close_after = (size_t)(line_end - sp2) >= 9 && !memcmp(sp2 + 1, "HTTP/1.0", 8);
    for (char *h = line_end + 2; h < end; ) {
        char *e = memmem(h, (size_t)(end + 2 - h), "\r\n", 2);
        if (!e)
            break;
        if ((size_t)(e - h) >= 11 && !strncasecmp(h, "connection:", 11)) {
            char *v = h + 11;
            while (v < e && *v == ' ')
                v++;
            if ((size_t)(e - v) >= 5 && !strncasecmp(v, "close", 5))
                close_after = 1;
            else if ((size_t)(e - v) >= 10 && !strncasecmp(v, "keep-alive", 10))
                close_after = 0;
        }
        h = e + 2;
    }
    if (plen == 8 && !memcmp(target, "/__stats", 8)) {
        char body[256];
        int n = snprintf(body, sizeof body, "requests=%llu not_found=%llu bytes=%llu connections=%llu\n", st_requests,
                         st_not_found, st_bytes, st_connections);
        size_t len, hdr;
        c->owned = build_response(200, "OK", "text/plain", body, (size_t)n, &len, &hdr);
        c->out = c->owned;
        c->out_len = head ? hdr : len;
    } else {
        st_requests++;
        const entry *e = table_get(target, plen);
        if (e) {
            c->out = e->resp;
            c->out_len = head ? e->hdr : e->len;
        } else {
            st_not_found++;
            c->out = notfound_resp;
            c->out_len = head ? notfound_hdr : notfound_len;
        }
    }
    c->out_off = 0;
    c->close_after = close_after;
    memmove(c->in, c->in + req_len, c->in_len - req_len);
    c->in_len -= req_len;
    return 1;
}

/* Serve c as far as it goes without blocking. Returns -1 when c should be closed. */
static int serve(int ep, conn *c, int readable)
{
    for (;;) {
        if (c->out) {
            int r = flush_out(c);
            if (r < 0)
                return -1;
            if (r == 0) {
                struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLET, .data.ptr = c};
                epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
                return 0;
            }
            if (c->close_after)
                return -1;
        }
        int t = take_request(c);
        if (t < 0) {
            c->out = badreq_resp;
            c->out_len = badreq_len;
            c->out_off = 0;
            c->close_after = 1;
            c->in_len = 0;
            continue;
        }
        if (t > 0)
            continue;
        if (!readable)
            return 0;
        ssize_t k = recv(c->fd, c->in + c->in_len, sizeof c->in - c->in_len, 0);
        if (k == 0)
            return -1;
        if (k < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return 0;
            return -1;
        }
        c->in_len += (size_t)k;
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: crawler_httpd DIR\n");
        return 2;
    }
    size_t root_len = strlen(argv[1]);
    while (root_len > 1 && argv[1][root_len - 1] == '/')
        argv[1][--root_len] = '\0';
    static const char nf[] = "not found\n", br[] = "bad request\n";
    notfound_resp = build_response(404, "Not Found", "text/plain", nf, sizeof nf - 1, &notfound_len, &notfound_hdr);
    badreq_resp = build_response(400, "Bad Request", "text/plain", br, sizeof br - 1, &badreq_len, &badreq_hdr);

    int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (ls < 0)
        die("socket");
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = 0};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(ls, (struct sockaddr *)&sa, sizeof sa) != 0)
        die("bind");
    if (listen(ls, 1024) != 0)
        die("listen");
    socklen_t sl = sizeof sa;
    if (getsockname(ls, (struct sockaddr *)&sa, &sl) != 0)
        die("getsockname");
    snprintf(base_url, sizeof base_url, "http://127.0.0.1:%u", (unsigned)ntohs(sa.sin_port));
    load_dir(argv[1], "");
    int ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0)
        die("epoll_create1");
    struct epoll_event lev = {.events = EPOLLIN, .data.ptr = NULL};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, ls, &lev) != 0)
        die("epoll_ctl");

    struct sigaction sig = {.sa_handler = on_stop};
    sigemptyset(&sig.sa_mask);
    sigaction(SIGTERM, &sig, NULL);
    sigaction(SIGINT, &sig, NULL);
    signal(SIGPIPE, SIG_IGN);

    printf("%u\n", (unsigned)ntohs(sa.sin_port));
    fflush(stdout);
    fprintf(stderr, "crawler_httpd: %zu files from %s on 127.0.0.1:%u\n", table_n, argv[1], (unsigned)ntohs(sa.sin_port));

    struct epoll_event evs[256];
    while (!stopping) {
        int n = epoll_wait(ep, evs, 256, 1000);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            die("epoll_wait");
        }
        for (int i = 0; i < n; i++) {
            conn *c = evs[i].data.ptr;
            if (!c) {
                for (;;) {
                    int fd = accept4(ls, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
                    if (fd < 0)
                        break;
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    conn *nc = calloc(1, sizeof *nc);
                    if (!nc) {
                        close(fd);
                        continue;
                    }
                    nc->fd = fd;
                    st_connections++;
                    struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.ptr = nc};
                    if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) != 0) {
                        close(fd);
                        free(nc);
                        continue;
                    }
                    if (serve(ep, nc, 1) < 0)
                        conn_close(ep, nc);
                }
                continue;
            }
            if (evs[i].events & (EPOLLERR | EPOLLHUP) && !(evs[i].events & EPOLLIN)) {
                conn_close(ep, c);
                continue;
            }
            if (serve(ep, c, 1) < 0)
                conn_close(ep, c);
        }
    }
    fprintf(stderr, "crawler_httpd: requests=%llu not_found=%llu bytes=%llu connections=%llu\n", st_requests,
            st_not_found, st_bytes, st_connections);
    return 0;
}
