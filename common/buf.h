/* A growable byte buffer with an explicit owner: whoever calls wa_buf_init
 * calls wa_buf_free. Growth is checked; a failed allocation leaves the
 * buffer as it was and returns -1. */
#ifndef WA_BUF_H
#define WA_BUF_H

#include <stddef.h>

typedef struct {
    char *data;
    size_t len;
    size_t cap;
} wa_buf;

void wa_buf_init(wa_buf *b);
void wa_buf_free(wa_buf *b);
int wa_buf_reserve(wa_buf *b, size_t extra);
int wa_buf_append(wa_buf *b, const void *data, size_t len);
int wa_buf_append_str(wa_buf *b, const char *s);
int wa_buf_printf(wa_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Guarantees a NUL after data[len] without counting it. */
int wa_buf_terminate(wa_buf *b);

/* Grow an array of elem_size-byte elements so that it holds at least need
 * elements; *cap is updated. Returns -1 on overflow or allocation failure. */
int wa_grow(void **arr, size_t *cap, size_t need, size_t elem_size);

#endif
