/* Reading one JSON Lines document (SPEC §3.1) with simdjson.
 *
 * Every input line is parsed and validated (JSON syntax and UTF-8) before
 * anything else looks at it, so a malformed line is always reported, never
 * silently skipped by the prefilter. jansson, the project's JSON codec, runs
 * at about 80 MB/s on long Chinese texts; simdjson validates the same lines
 * at several GB/s, so it takes this one hot path. Hits are still written
 * with jansson (hit_json.c). */
#ifndef WA_JSON_INPUT_H
#define WA_JSON_INPUT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wa_json_reader wa_json_reader;

typedef struct {
    const char *id;       /* string id, or a number's digits */
    size_t id_len;
    const char *title;    /* NULL when absent */
    size_t title_len;
    const char *text;
    size_t text_len;
    const char *lang;     /* NULL when absent */
    size_t lang_len;
    int label;            /* 0 or 1, -1 when absent */
} wa_json_doc;

/* Bytes that must be readable after a line for the zero-copy path. */
size_t wa_json_padding(void);

wa_json_reader *wa_json_reader_new(void);
void wa_json_reader_free(wa_json_reader *r);

/* Parse line[0..len). capacity is how many bytes starting at line may be
 * read (at least len + wa_json_padding() avoids a copy). The strings in out
 * stay valid until the next call. Returns 0, or -1 with a one-line reason
 * in err. */
int wa_json_read_doc(wa_json_reader *r, const char *line, size_t len, size_t capacity, wa_json_doc *out, char *err,
                     size_t errcap);

/* 1 when s[0..len) is valid UTF-8 (simdjson's validator, several GB/s). */
int wa_utf8_valid(const char *s, size_t len);

#ifdef __cplusplus
}
#endif

#endif
