#include "pattern_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest name and expanded body: far beyond any real list, small enough
 * that a chain of names that doubles at each step is refused, not built. */
#define NAME_MAX_LEN 40
#define BODY_MAX_LEN (64u << 10)

void wa_pattern_names_init(wa_pattern_names *t)
{
    memset(t, 0, sizeof *t);
}

void wa_pattern_names_free(wa_pattern_names *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->v[i].name);
        free(t->v[i].body);
    }
    free(t->v);
    wa_pattern_names_init(t);
}

static int name_start(char c)
{
    return c >= 'a' && c <= 'z';
}

static int name_char(char c)
{
    return name_start(c) || (c >= '0' && c <= '9') || c == '_';
}

static const wa_pattern_name *find(const wa_pattern_names *t, const char *name, size_t len)
{
    for (size_t i = 0; i < t->n; i++)
        if (strlen(t->v[i].name) == len && memcmp(t->v[i].name, name, len) == 0)
            return &t->v[i];
    return NULL;
}

int wa_pattern_names_expand(const wa_pattern_names *t, const char *src, wa_buf *out, char *err, size_t errsz)
{
    out->len = 0;
    for (size_t i = 0; src[i];) {
        if (src[i] == '\\' && src[i + 1]) {
            /* an escape is copied whole: \@ stays a literal @ */
            if (wa_buf_append(out, src + i, 2) != 0)
                return -1;
            i += 2;
            continue;
        }
        if (src[i] == '@' && name_start(src[i + 1])) {
            size_t k = i + 1;
            while (name_char(src[k]))
                k++;
            const wa_pattern_name *p = find(t, src + i + 1, k - i - 1);
            if (!p) {
                snprintf(err, errsz, "unknown name '@%.*s' (define it above with '@%.*s = ...', or write \\@)",
                         (int)(k - i - 1), src + i + 1, (int)(k - i - 1), src + i + 1);
                return -1;
            }
            if (wa_buf_append_str(out, p->body) != 0)
                return -1;
            i = k;
            continue;
        }
        if (wa_buf_append(out, src + i, 1) != 0)
            return -1;
        i++;
    }
    if (out->len > BODY_MAX_LEN) {
        snprintf(err, errsz, "pattern longer than %u bytes once its names are written out", BODY_MAX_LEN);
        return -1;
    }
    return wa_buf_terminate(out);
}

int wa_pattern_names_define(wa_pattern_names *t, const char *line, char *err, size_t errsz)
{
    if (line[0] != '@' || !name_start(line[1]))
        return 0;
    size_t k = 1;
    while (name_char(line[k]))
        k++;
    size_t e = k;
    while (line[e] == ' ' || line[e] == '\t')
        e++;
    if (line[e] != '=')
        return 0; /* a pattern that begins with a name */
    size_t nlen = k - 1;
    if (nlen > NAME_MAX_LEN) {
        snprintf(err, errsz, "name '@%.*s...' longer than %d characters", NAME_MAX_LEN, line + 1, NAME_MAX_LEN);
        return -1;
    }
    if (find(t, line + 1, nlen)) {
        snprintf(err, errsz, "name '@%.*s' defined twice", (int)nlen, line + 1);
        return -1;
    }
    const char *body = line + e + 1;
    while (*body == ' ' || *body == '\t')
        body++;
    if (!*body) {
        snprintf(err, errsz, "name '@%.*s' has an empty body", (int)nlen, line + 1);
        return -1;
    }
    wa_buf x;
    wa_buf_init(&x);
    if (wa_pattern_names_expand(t, body, &x, err, errsz) != 0) {
        wa_buf_free(&x);
        return -1;
    }
    void *arr = t->v;
    char *name = strndup(line + 1, nlen);
    char *wrapped = malloc(x.len + 5);
    if (!name || !wrapped || wa_grow(&arr, &t->cap, t->n + 1, sizeof *t->v) != 0) {
        free(name);
        free(wrapped);
        wa_buf_free(&x);
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    t->v = arr;
    memcpy(wrapped, "(?:", 3);
    memcpy(wrapped + 3, x.data, x.len);
    memcpy(wrapped + 3 + x.len, ")", 2);
    wa_buf_free(&x);
    t->v[t->n++] = (wa_pattern_name){name, wrapped};
    return 1;
}
