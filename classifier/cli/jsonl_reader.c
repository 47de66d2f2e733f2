#include "jsonl_reader.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK (1u << 20)
/* Read in steps that fit in a core's L2 cache with room to spare: every
 * line is read again at once by the line split, the JSON parser and the
 * prefilter, and a larger step has them fetch it from L3 each time. */
#define READ_STEP (256u << 10)

int jsonl_open(jsonl_reader *r, FILE *f, size_t max_line, size_t padding)
{
    memset(r, 0, sizeof *r);
    r->f = f;
    r->max_line = max_line;
    r->padding = padding;
    r->cap = 4 * BLOCK + padding;
    /* zeroed, so the padding simdjson may read is always initialised */
    r->buf = calloc(1, r->cap);
    return r->buf ? 0 : -1;
}

void jsonl_close(jsonl_reader *r)
{
    free(r->buf);
    r->buf = NULL;
}

/* Read more input after compacting; grows the buffer up to the line cap. */
static int fill(jsonl_reader *r)
{
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->end - r->pos);
        r->end -= r->pos;
        r->pos = 0;
    }
    if (r->end + BLOCK + r->padding > r->cap) {
        size_t ncap = r->cap * 2;
        char *nb = realloc(r->buf, ncap);
        if (!nb)
            return -1;
        memset(nb + r->cap, 0, ncap - r->cap);
        r->buf = nb;
        r->cap = ncap;
    }
    size_t want = r->cap - r->end - r->padding;
    if (want > READ_STEP)
        want = READ_STEP;
    size_t n = fread(r->buf + r->end, 1, want, r->f);
    if (n == 0) {
        if (ferror(r->f)) {
            r->error = 1;
            return -1;
        }
        r->eof = 1;
    }
    r->end += n;
    return 0;
}

int jsonl_next(jsonl_reader *r, const char **line, size_t *len, size_t *capacity)
{
    int skipping = 0;
    for (;;) {
        char *nl = r->pos < r->end ? memchr(r->buf + r->pos, '\n', r->end - r->pos) : NULL;
        if (nl) {
            size_t start = r->pos, n = (size_t)(nl - (r->buf + start));
            r->pos = start + n + 1;
            r->bytes += n + 1;
            r->line_no++;
            if (skipping)
                return JSONL_TOO_LONG;
            if (n && r->buf[start + n - 1] == '\r')
                n--;
            *line = r->buf + start;
            *len = n;
            *capacity = r->cap - start;
            return JSONL_LINE;
        }
        size_t pending = r->end - r->pos;
        if (pending > r->max_line) {
            /* Drop what we have of this line and keep reading to its end. */
            r->bytes += pending;
            r->pos = r->end;
            skipping = 1;
        }
        if (r->eof) {
            if (r->pos >= r->end)
                return 0;
            size_t start = r->pos, n = r->end - r->pos;
            r->pos = r->end;
            r->bytes += n;
            r->line_no++;
            if (skipping)
                return JSONL_TOO_LONG;
            *line = r->buf + start;
            *len = n;
            *capacity = r->cap - start;
            return JSONL_LINE;
        }
        if (fill(r) != 0)
            return -1;
    }
}
