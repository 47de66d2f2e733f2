/* A compiled dictionary: every file of a dictionary folder, checked, parsed
 * and turned into the structures the classifier scans with.
 *
 * A wa_dict never changes after wa_dict_load returns it, so any number of
 * threads may classify with it at once. It is reference-counted: a reload
 * builds a new one beside the old, swaps the pointer, and the old one is freed
 * when the last thread that was using it lets go. */
#ifndef WA_DICT_H
#define WA_DICT_H

#include <stddef.h>
#include <stdatomic.h>
#include <stdint.h>

#include "../common/buf.h"

/* What a group does in the rules (groups.conf, column 2). */
typedef enum {
    WA_ROLE_SUBJECT,    /* sanitation and cleaning workers, their employers */
    WA_ROLE_EVENT,      /* wages not paid, late, withheld, deducted */
    WA_ROLE_WAGE,       /* the pay itself; event patterns must cover one */
    WA_ROLE_CUE,        /* adds its weight once when present */
    WA_ROLE_COLLECTIVE, /* a cue that also makes the hit red */
    WA_ROLE_NEGATION,   /* cancels the event matches it covers */
    WA_ROLE_PENALTY,    /* policy, other workers, other debts ... */
    WA_ROLE_RESOLUTION, /* wages paid back: a penalty unless an event follows it */
    WA_ROLE_RIVAL,      /* other debts: a penalty when nearer the event than the subject */
    WA_ROLE_OTHERS,     /* other workers: a rival that also owns the resolutions nearer to it */
    WA_ROLE_PLACE,      /* region names from regions.tsv */
    WA_ROLE_COUNT
} wa_role;

typedef enum {
    WA_ENT_WORKERS,
    WA_ENT_MONTHS,
    WA_ENT_AMOUNT,
    WA_ENT_COMPANY,
    WA_ENT_COUNT
} wa_entity_kind;

typedef struct {
    char *name;
    wa_role role;
    double weight;
} wa_group;

typedef struct {
    char *raw;        /* as the analyst wrote it */
    char *norm;       /* normalised form that is matched */
    uint32_t norm_len;
    int group;
    double weight;
    uint16_t file;
    uint32_t line;
    uint8_t tibetan;  /* match only on syllable boundaries */
    int16_t pref, county; /* for place terms: indexes into regions, else -1 */
} wa_term;

typedef struct {
    char *source;
    void *code;       /* pcre2_code_8 */
    uint8_t in_signal_db; /* matched by the Vectorscan signal database, not PCRE2 */
    uint8_t gated;    /* PCRE2 runs only where the gate database says it may match */
    uint8_t script;   /* 1: from a bo/ folder, runs only on text with Tibetan letters;
                         2: from a zh/ folder, runs only on text with Han characters; 0: always */
    int group;        /* signal pattern: group index; entity pattern: -1 */
    int entity;       /* wa_entity_kind or -1 */
    uint32_t name_group; /* capture number of (?<n>) or (?<name>); 0 for a span of months */
    uint32_t from_group, to_group; /* months entity: (?<from>) and (?<to>), the first and last month
                                      of a span (10月至12月: 3 months); 0 when the pattern has none */
    uint32_t mult_group; /* (?<mult>), the unit that multiplies the number; 0: none */
    uint32_t me_group;   /* (?<me>), the writer counted besides the number (我和另外3名: 4); 0: none */
    uint16_t file;
    uint32_t line;
} wa_pattern;

typedef struct {
    char *name;       /* canonical Chinese name */
    int pref;         /* for a county: its prefecture; for a prefecture: -1 */
} wa_region;

typedef struct {
    double threshold;
    uint32_t window;          /* characters between a subject and an event */
    uint32_t window_tibetan;  /* the same in a text that holds Tibetan letters (rules.conf window.tibetan) */
    double same_sentence_bonus;
    double entity_bonus;
    int red_collective;
    double red_workers, red_amount, red_score;
    double orange_workers, orange_months, orange_amount, orange_score;
    double yellow_score;
    char **company_strip;     /* prefixes cut from company names */
    size_t ncompany_strip;
} wa_rules;

/* One "file:line: message" per finding. */
typedef struct {
    char **msgs;
    size_t n, cap;
} wa_diag;

void wa_diag_init(wa_diag *d);
void wa_diag_free(wa_diag *d);
void wa_diag_add(wa_diag *d, const char *file, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

typedef struct wa_prefilter wa_prefilter;

/* The gate databases: which PCRE2 patterns may match a text. */
enum { WA_GATE_SIGNALS = 0, WA_GATE_SIGNALS_TIBETAN = 1, WA_GATE_ENTITIES = 2, WA_GATES = 3 };

/* The gate that answers for pattern p. */
static inline int wa_pattern_gate(const wa_pattern *p)
{
    return p->entity >= 0 ? WA_GATE_ENTITIES : p->script == 1 ? WA_GATE_SIGNALS_TIBETAN : WA_GATE_SIGNALS;
}

/* A dictionary version: 32 hex digits and the terminating NUL. */
#define WA_VERSION_SIZE 33

typedef struct wa_dict {
    _Atomic int refs;
    uint64_t generation;      /* unique per load, for per-thread scratch */
    char version[WA_VERSION_SIZE]; /* content hash of every file, hex */
    char *dir;
    char **files;
    size_t nfiles;
    wa_group *groups;
    size_t ngroups;
    wa_term *terms;
    size_t nterms;
    wa_pattern *patterns;
    size_t npatterns;
    wa_region *regions;
    size_t nregions;
    wa_rules rules;
    void *hs_db;              /* hs_database_t of every term */
    void *signal_db;          /* hs_database_t of the signal patterns Vectorscan supports, or NULL */
    void *gate_db[WA_GATES];  /* hs_database_t of the patterns PCRE2 runs, in prefilter mode, by
                               * wa_pattern_gate; NULL: none */
    wa_prefilter *prefilter;
    double load_seconds;
    int cache_hit;            /* the compiled database came from the cache */
} wa_dict;

typedef struct {
    const char *cache_dir;    /* NULL: $WA_CACHE_DIR, $XDG_CACHE_HOME/wa-watch, ~/.cache/wa-watch */
    int no_cache;
} wa_load_opts;

/* Load and compile the dictionary in dir. On any finding (the same ones
 * lint reports) nothing is returned, diag holds every finding, and the result
 * is -1. */
int wa_dict_load(const char *dir, const wa_load_opts *opts, wa_dict **out, wa_diag *diag);
/* Check a dictionary folder without compiling the matcher databases. */
int wa_dict_lint(const char *dir, wa_diag *diag);
/* The index of the first event pattern of unbounded width, or -1 (lint's warning: such a
 * pattern loads and works, but lets far more documents through the prefilter). */
long wa_dict_unbounded_event_pattern(const wa_dict *d);

void wa_dict_ref(wa_dict *d);
void wa_dict_release(wa_dict *d);

/* The name of a role as groups.conf writes it ("subject", "rival", ...). */
const char *wa_role_name(wa_role r);

/* An event term of weight 0 is an anchor: it pairs with nothing, and only
 * lets an event pattern that holds it count (说好, 等了). The classifier
 * and the prefilter both ask this. */
int wa_term_is_anchor(const wa_dict *d, const wa_term *t);

int wa_dict_group(const wa_dict *d, const char *name);

/* Pattern src as Vectorscan compiles it in prefilter mode: every Unicode
 * property becomes "any character" and, with loosen, every counted repeat
 * wider than a few ({0,40}) an open one ({0,}), so its matches are a
 * superset of PCRE2's, with the same ends among them. Returns 0 or -1 (out
 * of memory). */
int wa_dict_gate_source(const char *src, int loosen, wa_buf *out);

/* The widest match of any event pattern in bytes (UINT32_MAX: unbounded). */
uint32_t wa_dict_event_pattern_width(const wa_dict *d);

#endif
