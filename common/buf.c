#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void wa_buf_init(wa_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void wa_buf_free(wa_buf *b)
{
    free(b->data);
    wa_buf_init(b);
}

int wa_grow(void **arr, size_t *cap, size_t need, size_t elem_size)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return -1;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / elem_size)
        return -1;
    void *p = realloc(*arr, ncap * elem_size);
    if (!p)
        return -1;
    *arr = p;
    *cap = ncap;
    return 0;
}

int wa_buf_reserve(wa_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return -1;
    void *p = b->data;
    if (wa_grow(&p, &b->cap, b->len + extra + 1, 1) != 0)
        return -1;
    b->data = p;
    return 0;
}

int wa_buf_append(wa_buf *b, const void *data, size_t len)
{
    if (wa_buf_reserve(b, len) != 0)
        return -1;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

int wa_buf_append_str(wa_buf *b, const char *s)
{
    return wa_buf_append(b, s, strlen(s));
}

int wa_buf_printf(wa_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || wa_buf_reserve(b, (size_t)n) != 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

int wa_buf_terminate(wa_buf *b)
{
    if (wa_buf_reserve(b, 0) != 0)
        return -1;
    b->data[b->len] = '\0';
    return 0;
}
