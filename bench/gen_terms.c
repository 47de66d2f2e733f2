/* bench/gen_terms.c — print N distinct contractor / unit names, one per line, the kind of
 * list an analyst loads from a registry of sanitation and property-management contractors
 * (拉萨市城关区洁净环境服务有限公司, 西藏扎西保洁有限公司拉萨分公司, 那曲市环境卫生管理所,
 * ལྷ་ས་གྲོང་ཁྱེར་བཀྲ་ཤིས་གཙང་སྦྲ་ཞབས་ཞུ་ཚད་ཡོད་ཀུང་སི ...). Deterministic for a given seed.
 *
 *   gen_terms --count N [--seed S]
 *
 * Build: cc -std=c11 -O2 -Wall -Wextra -Werror -o gen_terms bench/gen_terms.c
 */
#include "names.h"

#include <errno.h>

#define DEFAULT_SEED 20260214u

/* ------------------------------------------------- set of strings (open addressing) */
typedef struct { char **slot; size_t cap, n; } strset_t;

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 0x100000001b3ull; }
    return h;
}

/* returns 1 if added, 0 if already present */
static int strset_add(strset_t *set, const char *s, size_t n)
{
    if ((set->n + 1) * 2 > set->cap) {
        size_t ncap = set->cap ? set->cap * 2 : 1024;
        char **ns = calloc(ncap, sizeof *ns);
        if (!ns) { fputs("gen_terms: out of memory\n", stderr); exit(1); }
        for (size_t i = 0; i < set->cap; i++) {
            if (!set->slot[i]) continue;
            size_t j = fnv1a(set->slot[i], strlen(set->slot[i])) & (ncap - 1);
            while (ns[j]) j = (j + 1) & (ncap - 1);
            ns[j] = set->slot[i];
        }
        free(set->slot);
        set->slot = ns;
        set->cap = ncap;
    }
    size_t j = fnv1a(s, n) & (set->cap - 1);
    while (set->slot[j]) {
        if (strlen(set->slot[j]) == n && !memcmp(set->slot[j], s, n)) return 0;
        j = (j + 1) & (set->cap - 1);
    }
    char *copy = malloc(n + 1);
    if (!copy) { fputs("gen_terms: out of memory\n", stderr); exit(1); }
    memcpy(copy, s, n);
    copy[n] = 0;
    set->slot[j] = copy;
    set->n++;
    return 1;
}

/* ------------------------------------------------- term shapes */
/* public units without a brand: 城关区环境卫生管理所, 拉萨市市容环境卫生服务中心 ... */
static const char *const PUBLIC_UNIT[] = {
    "环境卫生管理所", "环境卫生管理处", "市容环境卫生服务中心", "环卫站", "环境卫生服务中心",
    "市政管理局", "城市管理综合执法局", "住房和城乡建设局", "垃圾处理场", "公厕管理所",
};
/* Tibetan public units: environmental sanitation office / sanitation management office */
static const char *const BO_PUBLIC_UNIT[] = {
    "ཁོར་ཡུག་གཙང་སྦྲ་དོ་དམ་ཁང", "གཙང་སྦྲ་དོ་དམ་ལས་ཁུངས", "གྲོང་ཁྱེར་དོ་དམ་ཅུས", "གཙང་སྦྲ་ཞབས་ཞུ་ལྟེ་གནས",
};

static void make_term(buf_t *b, rng_t *r)
{
    int county = (int)rng_below(r, (uint32_t)NELEM(COUNTIES));
    uint32_t k = rng_below(r, 100);
    if (k < 8) {                       /* Tibetan unit name */
        put_bo_company(b, r, county);
    } else if (k < 10) {               /* Tibetan public unit */
        const county_t *c = &COUNTIES[county];
        buf_puts(b, CITIES[c->city].bo);
        buf_puts(b, "་གྲོང་ཁྱེར་");
        if (c->bo && rng_chance(r, 0.6)) { buf_puts(b, c->bo); buf_puts(b, "་རྫོང་"); }
        buf_puts(b, PICK(r, BO_PUBLIC_UNIT));
    } else if (k < 13) {               /* public unit */
        const county_t *c = &COUNTIES[county];
        if (rng_chance(r, 0.5)) buf_puts(b, CITIES[c->city].full);
        buf_puts(b, c->zh);
        buf_puts(b, PICK(r, PUBLIC_UNIT));
    } else if (k < 19) {               /* branch office: ...有限公司拉萨分公司 */
        buf_puts(b, "西藏");
        put_brand(b, r);
        buf_puts(b, PICK(r, TRADE));
        buf_puts(b, PICK(r, TRADE_MID));
        buf_puts(b, "有限公司");
        const county_t *c = &COUNTIES[county];
        buf_puts(b, rng_chance(r, 0.6) ? CITIES[c->city].shrt : c->zh);
        buf_puts(b, "分公司");
    } else {                           /* the common shape */
        put_zh_company(b, r, county);
    }
}

static int parse_u64(const char *s, uint64_t *out)
{
    if (!s || !*s || *s == '-') return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end) return -1;
    *out = v;
    return 0;
}

static void usage(FILE *f)
{
    fprintf(f, "usage: gen_terms --count N [--seed S]\n"
               "Prints N distinct contractor/unit names (Chinese, some Tibetan), one per line.\n"
               "Same output for the same N and S (default seed %u).\n", DEFAULT_SEED);
}

int main(int argc, char **argv)
{
    uint64_t count = 0, seed = DEFAULT_SEED;
    int have_count = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { usage(stdout); return 0; }
        if (!strcmp(argv[i], "--count") && i + 1 < argc) {
            if (parse_u64(argv[++i], &count)) { fprintf(stderr, "gen_terms: bad --count '%s'\n", argv[i]); return 2; }
            have_count = 1;
        } else if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
            if (parse_u64(argv[++i], &seed)) { fprintf(stderr, "gen_terms: bad --seed '%s'\n", argv[i]); return 2; }
        } else {
            fprintf(stderr, "gen_terms: unknown or incomplete argument '%s' (see --help)\n", argv[i]);
            return 2;
        }
    }
    if (!have_count) { fputs("gen_terms: --count N is required (see --help)\n", stderr); return 2; }
    if (count > 5000000) { fputs("gen_terms: --count above 5,000,000 is not supported\n", stderr); return 2; }

    rng_t r;
    rng_seed(&r, seed);
    strset_t set = {0};
    buf_t term = {0}, out = {0};
    uint64_t made = 0, misses = 0;
    while (made < count) {
        buf_clear(&term);
        make_term(&term, &r);
        if (!strset_add(&set, term.p, term.len)) {
            if (++misses > 50 * count + 1000) {
                fprintf(stderr, "gen_terms: could only make %llu distinct terms\n", (unsigned long long)made);
                return 1;
            }
            continue;
        }
        buf_put(&out, term.p, term.len);
        buf_putc(&out, '\n');
        made++;
        if (out.len > (1u << 20)) {
            if (fwrite(out.p, 1, out.len, stdout) != out.len) { perror("gen_terms: write"); return 1; }
            buf_clear(&out);
        }
    }
    if (out.len && fwrite(out.p, 1, out.len, stdout) != out.len) { perror("gen_terms: write"); return 1; }
    if (fflush(stdout)) { perror("gen_terms: write"); return 1; }
    for (size_t i = 0; i < set.cap; i++) free(set.slot[i]);
    free(set.slot);
    free(term.p);
    free(out.p);
    return 0;
}
