#include "static_files.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "api_http.h"

static const char csp[] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                          " connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none';"
                          " form-action 'self'";

static const struct {
    const char *ext, *type, *cache;
} types[] = {
    {".html", "text/html; charset=utf-8", "no-cache"},
    {".js", "text/javascript; charset=utf-8", "no-cache"}, /* an upgrade takes effect at once */
    {".css", "text/css; charset=utf-8", "no-cache"},
    {".svg", "image/svg+xml", "public, max-age=3600"},
    {".png", "image/png", "public, max-age=3600"},
    {".ico", "image/x-icon", "public, max-age=3600"},
    {".woff2", "font/woff2", "public, max-age=86400"},
    {".ttf", "font/ttf", "public, max-age=86400"},
    {".json", "application/json; charset=utf-8", "no-cache"},
    {".txt", "text/plain; charset=utf-8", "no-cache"},
};

int wa_static_owns(const char *url)
{
    return strcmp(url, "/") == 0 || strcmp(url, "/index.html") == 0 || strncmp(url, "/static/", 8) == 0;
}

static enum MHD_Result plain(struct MHD_Connection *conn, unsigned status, const char *msg)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(msg), (void *)msg, MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, "Content-Type", "text/plain; charset=utf-8");
    wa_api_security_headers(r);
    enum MHD_Result ret = MHD_queue_response(conn, status, r);
    MHD_destroy_response(r);
    return ret;
}

/* 1 when rel (the part after /static/) is a plain relative path inside the folder. */
static int safe_path(const char *rel)
{
    size_t n = strlen(rel);
    if (n == 0 || n > WA_STATIC_MAX_PATH || strchr(rel, '\\') || strchr(rel, '%'))
        return 0;
    const char *seg = rel;
    for (;;) {
        const char *slash = strchr(seg, '/');
        size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
        /* Empty, ".", ".." and hidden segments are all refused. */
        if (len == 0 || seg[0] == '.')
            return 0;
        for (size_t i = 0; i < len; i++)
            if ((unsigned char)seg[i] < 0x20 || seg[i] == 0x7f)
                return 0;
        if (!slash)
            return 1;
        seg = slash + 1;
    }
}

static int type_of(const char *path)
{
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        size_t e = strlen(types[i].ext);
        if (n > e && strcasecmp(path + n - e, types[i].ext) == 0)
            return (int)i;
    }
    return -1;
}

/* Serve the regular file path, which must lie under root (NULL: any, for the configured font). */
static enum MHD_Result serve(struct MHD_Connection *conn, const char *path, const char *root, int head)
{
    int t = type_of(path);
    if (t < 0)
        return plain(conn, MHD_HTTP_NOT_FOUND, "not found\n");
    char real[PATH_MAX], real_root[PATH_MAX];
    if (!realpath(path, real))
        return plain(conn, MHD_HTTP_NOT_FOUND, "not found\n");
    if (root) {
        size_t rn;
        if (!realpath(root, real_root) || strncmp(real, real_root, rn = strlen(real_root)) != 0 || real[rn] != '/')
            return plain(conn, MHD_HTTP_NOT_FOUND, "not found\n");
    }
    int fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return plain(conn, MHD_HTTP_NOT_FOUND, "not found\n");
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return plain(conn, MHD_HTTP_NOT_FOUND, "not found\n");
    }
    struct MHD_Response *r;
    if (head) {
        close(fd);
        r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    } else {
        /* The response owns fd from here and closes it. */
        r = MHD_create_response_from_fd((uint64_t)sb.st_size, fd);
        if (!r)
            close(fd);
    }
    if (!r)
        return MHD_NO;
    wa_api_security_headers(r);
    MHD_del_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    MHD_del_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "Content-Type", types[t].type);
    MHD_add_response_header(r, "Cache-Control", types[t].cache);
    char lm[64];
    struct tm tm;
    time_t mt = sb.st_mtime;
    if (gmtime_r(&mt, &tm) && strftime(lm, sizeof lm, "%a, %d %b %Y %H:%M:%S GMT", &tm) > 0)
        MHD_add_response_header(r, "Last-Modified", lm);
    enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ret;
}

enum MHD_Result wa_static_handle(struct MHD_Connection *conn, const char *url, const char *method, const char *dir,
                                 const char *font_path)
{
    int head = strcmp(method, "HEAD") == 0;
    if (!head && strcmp(method, "GET") != 0)
        return plain(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET\n");
    if (strcmp(url, "/static/fonts/tibetan.ttf") == 0)
        return serve(conn, font_path, NULL, head);
    const char *rel = strncmp(url, "/static/", 8) == 0 ? url + 8 : "index.html";
    if (!safe_path(rel))
        return plain(conn, MHD_HTTP_NOT_FOUND, "not found\n");
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *path = malloc(n);
    if (!path)
        return MHD_NO;
    snprintf(path, n, "%s/%s", dir, rel);
    enum MHD_Result ret = serve(conn, path, dir, head);
    free(path);
    return ret;
}
