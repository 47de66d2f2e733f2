/* Named alternations in a patterns file: a list of words written once and
 * used by many patterns, so that a new spelling of the pay (a homophone, a
 * pinyin form) reaches every pattern that speaks of the pay.
 *
 *   @pay = 工资|薪水|公资|gongzi
 *   @pay[^,;!?。\n]{0,8}?(?:拖|欠)
 *
 * A definition line is '@name = body' (name: a lower-case letter, then
 * letters, digits or '_'); the body may use names defined above it. In a
 * pattern, @name stands for (?:body). A literal @ is written \@. A name is
 * known from its definition to the end of its file. */
#ifndef WA_PATTERN_NAMES_H
#define WA_PATTERN_NAMES_H

#include <stddef.h>

#include "../common/buf.h"

typedef struct {
    char *name;
    char *body; /* names already expanded, wrapped in (?:...) */
} wa_pattern_name;

typedef struct {
    wa_pattern_name *v;
    size_t n, cap;
} wa_pattern_names;

void wa_pattern_names_init(wa_pattern_names *t);
void wa_pattern_names_free(wa_pattern_names *t);

/* 1 when line is a definition and was added; 0 when it is no definition;
 * -1 when it is a bad one (err says why) or memory ran out. */
int wa_pattern_names_define(wa_pattern_names *t, const char *line, char *err, size_t errsz);

/* Write src with every @name replaced into out (cleared first). 0, or -1
 * with err set (an unknown name) or on running out of memory. */
int wa_pattern_names_expand(const wa_pattern_names *t, const char *src, wa_buf *out, char *err, size_t errsz);

#endif
