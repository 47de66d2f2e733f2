#include "urlcanon.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/buf.h"

#define MAX_URL_BYTES 8192

/* Trim, percent-encode spaces and bytes >= 0x80, drop control characters:
 * libcurl's URL parser rejects raw spaces, and links on Chinese sites often
 * hold raw UTF-8 or GBK bytes. NULL when too long or out of memory. */
static char *prepare(const char *ref)
{
    size_t len = strlen(ref);
    while (len && (unsigned char)*ref <= ' ') {
        ref++;
        len--;
    }
    while (len && (unsigned char)ref[len - 1] <= ' ')
        len--;
    if (len == 0 || len > MAX_URL_BYTES)
        return NULL;
    wa_buf b;
    wa_buf_init(&b);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)ref[i];
        int rc;
        if (c < 0x20 || c == 0x7F)
            continue; /* tabs and newlines inside an href are ignored by browsers too */
        if (c == ' ' || c >= 0x80 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
            c == '{' || c == '|' || c == '}') {
            if (c == '\\') {
                rc = wa_buf_append(&b, "/", 1); /* as browsers read it */
            } else {
                char enc[4];
                snprintf(enc, sizeof enc, "%%%02X", c);
                rc = wa_buf_append(&b, enc, 3);
            }
        } else {
            rc = wa_buf_append(&b, &ref[i], 1);
        }
        if (rc != 0) {
            wa_buf_free(&b);
            return NULL;
        }
    }
    if (!b.data || b.len > MAX_URL_BYTES) {
        wa_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* A parsed http(s) URL handle for ref against base, or NULL. */
static CURLU *parse(const char *base, const char *ref)
{
    char *r = prepare(ref);
    if (!r)
        return NULL;
    CURLU *u = curl_url();
    if (!u) {
        free(r);
        return NULL;
    }
    int ok = 1;
    if (base) {
        char *b = prepare(base);
        ok = b && curl_url_set(u, CURLUPART_URL, b, 0) == CURLUE_OK;
        free(b);
        /* Setting a second URL resolves it against the first: relative,
         * protocol-relative and absolute references alike. */
        ok = ok && curl_url_set(u, CURLUPART_URL, r, 0) == CURLUE_OK;
    } else {
        ok = curl_url_set(u, CURLUPART_URL, r, 0) == CURLUE_OK;
    }
    free(r);
    char *scheme = NULL, *host = NULL;
    if (ok)
        ok = curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
             (strcasecmp(scheme, "http") == 0 || strcasecmp(scheme, "https") == 0) &&
             curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK && host[0];
    curl_free(scheme);
    curl_free(host);
    if (!ok) {
        curl_url_cleanup(u);
        return NULL;
    }
    curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0);
    return u;
}

char *wa_url_resolve(const char *base, const char *ref)
{
    CURLU *u = parse(base, ref);
    if (!u)
        return NULL;
    char *s = NULL, *out = NULL;
    if (curl_url_get(u, CURLUPART_URL, &s, 0) == CURLUE_OK && strlen(s) <= MAX_URL_BYTES)
        out = strdup(s);
    curl_free(s);
    curl_url_cleanup(u);
    return out;
}

int wa_url_is_tracking_param(const char *name, size_t len)
{
    static const char *const exact[] = {"fbclid", "gclid",   "dclid",  "msclkid", "yclid",   "mc_cid", "mc_eid",
                                        "_hsenc", "_hsmi",   "igshid", "spm",     "scm",     "wfr",    "share_source",
                                        "share_medium", "share_token", "from_source", "ref_src", "vd_source",
                                        "_ga",    "_gl",     NULL};
    if (len >= 4 && strncasecmp(name, "utm_", 4) == 0)
        return 1;
    for (size_t i = 0; exact[i]; i++)
        if (strlen(exact[i]) == len && strncasecmp(exact[i], name, len) == 0)
            return 1;
    return 0;
}

static int cmp_param(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The query without tracking parameters, sorted; "" when none remain. */
static char *canonical_query(const char *q)
{
    char *copy = strdup(q ? q : "");
    if (!copy)
        return NULL;
    char **params = NULL;
    size_t n = 0, cap = 0;
    int fail = 0;
    for (char *save = NULL, *p = strtok_r(copy, "&", &save); p; p = strtok_r(NULL, "&", &save)) {
        size_t name_len = strcspn(p, "=");
        if (name_len == 0 || wa_url_is_tracking_param(p, name_len))
            continue;
        void *arr = params;
        if (wa_grow(&arr, &cap, n + 1, sizeof *params) != 0) {
            fail = 1;
            break;
        }
        params = arr;
        params[n++] = p;
    }
    char *out = NULL;
    if (!fail) {
        if (n > 1)
            qsort(params, n, sizeof *params, cmp_param);
        wa_buf b;
        wa_buf_init(&b);
        for (size_t i = 0; i < n && !fail; i++)
            fail = wa_buf_printf(&b, "%s%s", i ? "&" : "", params[i]) != 0;
        if (!fail && wa_buf_terminate(&b) == 0)
            out = b.data ? b.data : strdup("");
        else
            wa_buf_free(&b);
    }
    free(params);
    free(copy);
    return out;
}

char *wa_url_canonical(const char *base, const char *ref)
{
    CURLU *u = parse(base, ref);
    if (!u)
        return NULL;
    char *scheme = NULL, *host = NULL, *port = NULL, *path = NULL, *query = NULL, *out = NULL;
    if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_PATH, &path, 0) != CURLUE_OK)
        goto done;
    /* Absent parts are not errors. */
    (void)curl_url_get(u, CURLUPART_PORT, &port, CURLU_NO_DEFAULT_PORT);
    (void)curl_url_get(u, CURLUPART_QUERY, &query, 0);
    for (char *c = scheme; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    for (char *c = host; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    size_t hl = strlen(host);
    if (hl > 1 && host[hl - 1] == '.')
        host[hl - 1] = '\0'; /* "example.org." is example.org */
    char *q = canonical_query(query);
    if (!q)
        goto done;
    wa_buf b;
    wa_buf_init(&b);
    if (wa_buf_printf(&b, "%s://%s%s%s%s%s%s", scheme, host, port ? ":" : "", port ? port : "",
                      path[0] ? path : "/", q[0] ? "?" : "", q) == 0)
        out = b.data;
    else
        wa_buf_free(&b);
    free(q);
done:
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_free(path);
    curl_free(query);
    curl_url_cleanup(u);
    return out;
}

int wa_url_origin(const char *url, char *out, size_t cap)
{
    CURLU *u = parse(NULL, url);
    if (!u)
        return -1;
    char *scheme = NULL, *host = NULL, *port = NULL;
    int rc = -1;
    if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
        (void)curl_url_get(u, CURLUPART_PORT, &port, CURLU_NO_DEFAULT_PORT);
        for (char *c = host; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c + 32);
        int n = snprintf(out, cap, "%s://%s%s%s", scheme, host, port ? ":" : "", port ? port : "");
        rc = (n < 0 || (size_t)n >= cap) ? -1 : 0;
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(u);
    return rc;
}

char *wa_url_path_query(const char *url)
{
    CURLU *u = parse(NULL, url);
    if (!u)
        return NULL;
    char *path = NULL, *query = NULL, *out = NULL;
    if (curl_url_get(u, CURLUPART_PATH, &path, 0) == CURLUE_OK) {
        (void)curl_url_get(u, CURLUPART_QUERY, &query, 0);
        wa_buf b;
        wa_buf_init(&b);
        if (wa_buf_printf(&b, "%s%s%s", path[0] ? path : "/", query ? "?" : "", query ? query : "") == 0)
            out = b.data;
        else
            wa_buf_free(&b);
    }
    curl_free(path);
    curl_free(query);
    curl_url_cleanup(u);
    return out;
}
