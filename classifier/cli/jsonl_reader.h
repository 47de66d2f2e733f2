/* Reading JSON Lines from a file or stdin in large blocks, handing out one
 * line at a time with enough readable bytes after it for simdjson's
 * zero-copy parse. A line longer than the cap is skipped (and reported by the
 * caller), never read into memory whole. */
#ifndef WA_JSONL_READER_H
#define WA_JSONL_READER_H

#include <stdio.h>
#include <stddef.h>

typedef struct {
    FILE *f;
    char *buf;
    size_t cap, pos, end;
    size_t max_line;
    size_t padding;
    size_t line_no;
    int eof, error;
    size_t bytes;        /* bytes consumed so far */
} jsonl_reader;

int jsonl_open(jsonl_reader *r, FILE *f, size_t max_line, size_t padding);
void jsonl_close(jsonl_reader *r);

enum { JSONL_LINE = 1, JSONL_TOO_LONG = 2 };

/* Returns JSONL_LINE with *line, *len and *capacity set; JSONL_TOO_LONG
 * when a line exceeded the cap (it was skipped); 0 at end of input; -1 on a
 * read error. */
int jsonl_next(jsonl_reader *r, const char **line, size_t *len, size_t *capacity);

#endif
