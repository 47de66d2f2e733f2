/* The classifier library: the public interface used by wa-classify, the
 * Kafka stage and the alerting service's analyst page.
 *
 * Threads: one wa_classifier is shared by every thread; each thread owns one
 * wa_session. A thread takes the current dictionary with
 * wa_classifier_acquire, classifies any number of documents with it, and
 * lets it go with wa_dict_release. wa_classifier_reload builds a new
 * dictionary beside the old one and swaps it in atomically; a dictionary
 * that fails to load is refused and the old one stays in force. */
#ifndef WA_CLASSIFIER_H
#define WA_CLASSIFIER_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/buf.h"
#include "dict.h"

typedef struct wa_classifier wa_classifier;
typedef struct wa_session wa_session;

typedef struct {
    const char *id;       /* for messages and output; may be NULL */
    size_t id_len;
    const char *title;
    size_t title_len;
    const char *text;
    size_t text_len;
    int valid_utf8;       /* 1: title and text are known to be valid UTF-8 (simdjson read them) */
} wa_doc;

typedef struct {
    uint32_t index;       /* term index, or pattern index when from_pattern */
    int group;
    uint32_t nstart, nend; /* in the normalised text */
    uint32_t start, end;  /* byte offsets in the original field */
    uint8_t field;        /* 0 title, 1 text */
    uint8_t from_pattern;
    uint8_t cancelled;    /* covered by a negation */
} wa_match;

typedef struct {
    double value;         /* < 0 when absent */
    uint32_t start, end;  /* original span of the whole entity mention */
    uint8_t field;
} wa_entity;

typedef struct {
    int hit;
    int prefiltered_out;  /* decided by the prefilter alone */
    double score;
    const char *level;    /* red, orange, yellow, blue */
    const char *lang;     /* zh, bo, mixed */
    wa_match *matches;
    size_t nmatches, matches_cap;
    int matches_capped;   /* more matches than WA_MAX_MATCHES: the rest ignored */
    int pref, county;     /* region indexes into dict->regions, -1 when unknown */
    wa_entity workers, months, amount;
    wa_entity company;    /* value unused; the name is company_name */
    wa_buf company_name;  /* as written in the original text */
    wa_buf explain;       /* one rule per line, when WA_EXPLAIN */
} wa_result;

#define WA_MAX_MATCHES 4096

enum {
    WA_EXPLAIN = 1,       /* record every rule that fired in result->explain */
    WA_NO_PREFILTER = 2,  /* run the full classifier on every document, and every
                             PCRE2 pattern without the gate database's shortcut */
    WA_NO_RAW_PREFILTER = 4, /* skip the prefilter's raw stage: normalise every document
                                for the prefilter (tests compare the two) */
};

wa_classifier *wa_classifier_open(const char *dir, const wa_load_opts *opts, wa_diag *diag);
int wa_classifier_reload(wa_classifier *c, wa_diag *diag);
wa_dict *wa_classifier_acquire(wa_classifier *c);
/* The version (content hash, hex) of the dictionary in force, copied into
 * out (a reload may free that dictionary right after). */
void wa_classifier_version(wa_classifier *c, char out[WA_VERSION_SIZE]);
void wa_classifier_free(wa_classifier *c);

wa_session *wa_session_new(void);
void wa_session_free(wa_session *s);

/* Classify one document with dictionary d. The result belongs to the session
 * and stays valid until the session's next call. Returns -1 only on an
 * internal error (out of memory, matcher failure). */
int wa_classify(wa_session *s, const wa_dict *d, const wa_doc *doc, int flags, const wa_result **out);

/* The normalised text of the last classified document (for explain). */
const char *wa_session_normalized(const wa_session *s, size_t *len);

#endif
