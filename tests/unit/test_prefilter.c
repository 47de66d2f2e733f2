/* The prefilter never drops a document that the full classifier calls a hit
 * (classifier/prefilter.h): for every corpus document and many mutated
 * copies of it, wa_classify with flags 0 and with WA_NO_PREFILTER agree. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include <glob.h>

#include "../../classifier/json_input.h"
#include <hs/hs.h>

#include "../../classifier/normalize.h"
#include "../../classifier/prefilter.h"
#include "../../common/utf8.h"

/* ---- the corpus -------------------------------------------------------------------------- */

typedef struct {
    char *id, *title, *text;
} doc_t;

static doc_t *docs;
static size_t ndocs;

static char *dupn(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    assert_non_null(p);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void free_corpus(void)
{
    for (size_t i = 0; i < ndocs; i++) {
        free(docs[i].id);
        free(docs[i].title);
        free(docs[i].text);
    }
    free(docs);
    docs = NULL;
    ndocs = 0;
}

static void load_corpus(void)
{
    if (docs)
        return;
    glob_t g;
    if (glob("tests/corpus/*.jsonl", 0, NULL, &g) != 0 || g.gl_pathc == 0)
        fail_msg("no tests/corpus/*.jsonl (run from the repository root)");
    wa_json_reader *rd = wa_json_reader_new();
    assert_non_null(rd);
    size_t cap = 0;
    for (size_t f = 0; f < g.gl_pathc; f++) {
        FILE *fp = fopen(g.gl_pathv[f], "r");
        assert_non_null(fp);
        char *line = NULL;
        size_t lcap = 0;
        ssize_t n;
        unsigned lineno = 0;
        while ((n = getline(&line, &lcap, fp)) > 0) {
            lineno++;
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                line[--n] = '\0';
            if (n == 0)
                continue;
            wa_json_doc jd;
            char err[256];
            if (wa_json_read_doc(rd, line, (size_t)n, (size_t)n, &jd, err, sizeof err) != 0)
                fail_msg("%s:%u: %s", g.gl_pathv[f], lineno, err);
            if (ndocs == cap) {
                cap = cap ? 2 * cap : 1024;
                docs = realloc(docs, cap * sizeof *docs);
                assert_non_null(docs);
            }
            docs[ndocs].id = dupn(jd.id, jd.id_len);
            docs[ndocs].title = jd.title ? dupn(jd.title, jd.title_len) : NULL;
            docs[ndocs].text = dupn(jd.text, jd.text_len);
            ndocs++;
        }
        free(line);
        fclose(fp);
    }
    globfree(&g);
    wa_json_reader_free(rd);
    atexit(free_corpus);
}

/* ---- agreement ------------------------------------------------------------------------------- */

typedef struct {
    size_t checked, hits, disagreements;
} tally;

/* Classify with and without the prefilter; report a disagreement. */
static void check_agree_with(const wa_dict *d, const char *id, const char *title, const char *text, tally *t)
{
    const wa_result *r = wt_classify_doc(d, title, text, WA_NO_PREFILTER);
    int full = r->hit;
    double full_score = r->score;
    r = wt_classify_doc(d, title, text, 0);
    int quick = r->hit;
    t->checked++;
    t->hits += full;
    /* past the prefilter, the gate of the PCRE2 patterns must not change a
     * score either */
    if (quick != full || (!r->prefiltered_out && r->score != full_score)) {
        if (t->disagreements < 8)
            print_message("    %s: full classifier %s (score %.2f), with the prefilter %s%s\n      title: %s\n      text:  %s\n",
                          id, full ? "HIT" : "no hit", full_score, quick ? "HIT" : "no hit",
                          r->prefiltered_out ? " (prefiltered out)" : "", title ? title : "(none)", text);
        t->disagreements++;
    }
}

static void check_agree(const char *id, const char *title, const char *text, tally *t)
{
    check_agree_with(wt_repo_dict(), id, title, text, t);
}

static void corpus_documents_agree(void **state)
{
    (void)state;
    load_corpus();
    assert_true(ndocs > 100);
    tally t = {0, 0, 0};
    for (size_t i = 0; i < ndocs; i++)
        check_agree(docs[i].id, docs[i].title, docs[i].text, &t);
    print_message("    %zu documents, %zu hits\n", t.checked, t.hits);
    assert_true(t.hits > 50);
    if (t.disagreements)
        fail_msg("%zu of %zu corpus documents: the prefilter disagrees with the full classifier", t.disagreements,
                 t.checked);
}

/* PCRE2 gives \p{Han} the script extensions (it matches 。 as well), Vectorscan
 * does not: the gate must let such a pattern run where PCRE2 would match. */
static void gate_keeps_pcre2_properties(void **state)
{
    (void)state;
    const char *text = "保洁阿姨六个月的劳务费还没拿到，班组17名环卫工人都一样。\n"
                       "她不敢去找领导，只能我来网上问问。公司说钱没下来。";
    const wa_result *r = wt_classify_doc(wt_repo_dict(), NULL, text, WA_NO_PREFILTER);
    double full_score = r->score;
    int full_company = r->company.value > 0;
    r = wt_classify_doc(wt_repo_dict(), NULL, text, 0);
    assert_true(r->score == full_score);
    assert_int_equal(r->company.value > 0, full_company);
}

/* ---- mutations ---------------------------------------------------------------------------------- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    /* xorshift64*: deterministic for a given seed */
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static unsigned rnd_below(unsigned n)
{
    return (unsigned)(rnd() % n);
}

/* Simplified -> traditional for characters common in the corpus. The table
 * is the test's own (not the library's), so a gap in the library's folding
 * would show up as a disagreement or a lost hit, not be hidden. */
static const uint32_t s2t[][2] = {
    {0x73AF, 0x74B0}, /* 环 環 */ {0x536B, 0x885B}, /* 卫 衛 */ {0x8D44, 0x8CC7}, /* 资 資 */
    {0x53D1, 0x767C}, /* 发 發 */ {0x94B1, 0x9322}, /* 钱 錢 */ {0x6CA1, 0x6C92}, /* 没 沒 */
    {0x7ED9, 0x7D66}, /* 给 給 */ {0x4E2A, 0x500B}, /* 个 個 */ {0x4EEC, 0x5011}, /* 们 們 */
    {0x6D01, 0x6F54}, /* 洁 潔 */ {0x626B, 0x6383}, /* 扫 掃 */ {0x5458, 0x54E1}, /* 员 員 */
    {0x961F, 0x968A}, /* 队 隊 */ {0x4E07, 0x842C}, /* 万 萬 */ {0x4E24, 0x5169}, /* 两 兩 */
    {0x8BA8, 0x8A0E}, /* 讨 討 */ {0x8FD8, 0x9084}, /* 还 還 */ {0x65F6, 0x6642}, /* 时 時 */
    {0x5904, 0x8655}, /* 处 處 */ {0x52A1, 0x52D9}, /* 务 務 */ {0x4E1A, 0x696D}, /* 业 業 */
    {0x8F66, 0x8ECA}, /* 车 車 */ {0x8FD0, 0x904B}, /* 运 運 */ {0x533A, 0x5340}, /* 区 區 */
    {0x53BF, 0x7E23}, /* 县 縣 */ {0x8FBE, 0x9054}, /* 达 達 */ {0x52B3, 0x52DE}, /* 劳 勞 */
    {0x76D1, 0x76E3}, /* 监 監 */ {0x5385, 0x5EF3}, /* 厅 廳 */ {0x5B9E, 0x5BE6}, /* 实 實 */
    {0x8865, 0x88DC}, /* 补 補 */ {0x7ED3, 0x7D50}, /* 结 結 */ {0x9886, 0x9818}, /* 领 領 */
    {0x538B, 0x58D3}, /* 压 壓 */ {0x5395, 0x5EC1}, /* 厕 廁 */ {0x8BF4, 0x8AAA}, /* 说 說 */
    {0x8FD9, 0x9019}, /* 这 這 */ {0x5BF9, 0x5C0D}, /* 对 對 */ {0x957F, 0x9577}, /* 长 長 */
    {0x8C01, 0x8AB0}, /* 谁 誰 */ {0x4E3A, 0x70BA}, /* 为 為 */
    {0x62A5, 0x5831}, /* 报 報 */ {0x8BC9, 0x8A34}, /* 诉 訴 */ {0x4E3E, 0x8209}, /* 举 舉 */
    {0x7EF4, 0x7DAD}, /* 维 維 */ {0x6743, 0x6B0A}, /* 权 權 */ {0x95E8, 0x9580}, /* 门 門 */
    {0x95EE, 0x554F}, /* 问 問 */ {0x9898, 0x984C}, /* 题 題 */ {0x5E08, 0x5E2B}, /* 师 師 */
    {0x5C14, 0x723E}, /* 尔 爾 */ {0x8428, 0x85A9}, /* 萨 薩 */ {0x94F6, 0x9280}, /* 银 銀 */
    {0x5E26, 0x5E36}, /* 带 帶 */ {0x7EA2, 0x7D05}, /* 红 紅 */ {0x4E1C, 0x6771}, /* 东 東 */
    {0x9A6C, 0x99AC}, /* 马 馬 */ {0x51E0, 0x5E7E}, /* 几 幾 */
    {0x6765, 0x4F86}, /* 来 來 */ {0x8FC7, 0x904E}, /* 过 過 */
    {0x5DE5, 0x30A8}, /* 工 エ (katakana look-alike) */
};

static uint32_t to_traditional(uint32_t cp)
{
    for (size_t i = 0; i < sizeof s2t / sizeof s2t[0]; i++)
        if (s2t[i][0] == cp)
            return s2t[i][1];
    return cp;
}

/* Accented pinyin vowels. */
static uint32_t accent(uint32_t c)
{
    static const uint32_t a[] = {0x00E1, 0x00E0, 0x0101, 0x01CE}, e[] = {0x00E9, 0x00E8, 0x0113, 0x011B},
                          i[] = {0x00ED, 0x00EC, 0x012B, 0x01D0}, o[] = {0x00F3, 0x00F2, 0x014D, 0x01D2},
                          u[] = {0x00FA, 0x00F9, 0x016B, 0x01D4};
    unsigned k = rnd_below(4);
    switch (c) {
    case 'a': return a[k];
    case 'e': return e[k];
    case 'i': return i[k];
    case 'o': return o[k];
    case 'u': return u[k];
    default: return c;
    }
}

/* Precomposed Tibetan: base + subjoined/vowel pair -> one codepoint. */
static const uint32_t tib_compose[][3] = {
    {0x0F42, 0x0FB7, 0x0F43}, {0x0F4C, 0x0FB7, 0x0F4D}, {0x0F51, 0x0FB7, 0x0F52}, {0x0F56, 0x0FB7, 0x0F57},
    {0x0F5B, 0x0FB7, 0x0F5C}, {0x0F40, 0x0FB5, 0x0F69}, {0x0F92, 0x0FB7, 0x0F93}, {0x0F9C, 0x0FB7, 0x0F9D},
    {0x0FA1, 0x0FB7, 0x0FA2}, {0x0FA6, 0x0FB7, 0x0FA7}, {0x0FAB, 0x0FB7, 0x0FAC}, {0x0F90, 0x0FB5, 0x0FB9},
    {0x0F71, 0x0F72, 0x0F73}, {0x0F71, 0x0F74, 0x0F75}, {0x0F71, 0x0F80, 0x0F81},
};

static int is_tib_vowel(uint32_t c)
{
    return c == 0x0F72 || c == 0x0F74 || (c >= 0x0F7A && c <= 0x0F7D) || c == 0x0F80;
}

static int is_tib_subjoined(uint32_t c)
{
    return c >= 0x0F8D && c <= 0x0FBC;
}

static void put_cp(wa_buf *b, uint32_t cp)
{
    unsigned char u[4];
    size_t k = wa_utf8_encode(cp, u);
    assert_int_equal(wa_buf_append(b, u, k), 0);
}

static void put_noise(wa_buf *b)
{
    static const uint32_t noise[] = {' ', '*', '-', '.', '_', 0x200B, 0x200D, 0xFEFF, 0x1F62D, 0xFE0F, 0x3000, '~',
                                     0x0F0B /* a tsheg between Chinese letters is dropped too */, 0x0301};
    put_cp(b, noise[rnd_below(sizeof noise / sizeof noise[0])]);
}

/* One mutated copy of s: every codepoint is changed with probability
 * pct/100, by one of the changes that apply to it. */
static char *mutate(const char *s, unsigned pct)
{
    size_t len = strlen(s);
    uint32_t *cps = malloc((len + 1) * sizeof *cps);
    assert_non_null(cps);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        size_t adv;
        uint32_t cp = wa_utf8_decode((const unsigned char *)s + i, len - i, &adv);
        i += adv;
        if (cp != WA_UTF8_INVALID)
            cps[n++] = cp;
    }
    wa_buf b;
    wa_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i], next = i + 1 < n ? cps[i + 1] : 0;
        int change = rnd_below(100) < pct;
        if (!change) {
            put_cp(&b, c);
            continue;
        }
        /* Tibetan */
        if (c == 0x0F0B) {
            unsigned k = rnd_below(3);
            put_cp(&b, k == 0 ? 0x0F0C : k == 1 ? ' ' : 0x0F0B);
            if (k == 2)
                put_cp(&b, 0x0F0B); /* a doubled tsheg */
            continue;
        }
        if (c >= 0x0F00 && c <= 0x0FFF) {
            int done = 0;
            for (size_t k = 0; k < sizeof tib_compose / sizeof tib_compose[0] && !done; k++)
                if (tib_compose[k][0] == c && tib_compose[k][1] == next) {
                    put_cp(&b, tib_compose[k][2]);
                    i++;
                    done = 1;
                }
            if (!done && is_tib_subjoined(c) && is_tib_vowel(next)) {
                put_cp(&b, next); /* vowel typed before the subjoined letter */
                put_cp(&b, c);
                i++;
                done = 1;
            }
            if (!done && c == 0x0F0D && rnd_below(2)) {
                put_cp(&b, 0x0F0B); /* a tsheg before the shad */
                put_cp(&b, c);
                done = 1;
            }
            if (!done)
                put_cp(&b, c);
            continue;
        }
        if (c >= '0' && c <= '9') {
            unsigned k = rnd_below(3);
            put_cp(&b, k == 0 ? 0x0F20 + (c - '0') : k == 1 ? 0xFF10 + (c - '0') : c);
            continue;
        }
        if (c >= 'a' && c <= 'z') {
            unsigned k = rnd_below(4);
            uint32_t v = k == 0 ? c - 32 : k == 1 ? 0xFF41 + (c - 'a') : k == 2 ? accent(c) : 0xFF21 + (c - 'a');
            put_cp(&b, v);
            continue;
        }
        if (c >= 0x21 && c < 0x7F) {
            put_cp(&b, rnd_below(2) ? 0xFEE0 + c : c); /* full-width */
            continue;
        }
        if (c >= 0x3400) {
            unsigned k = rnd_below(3);
            if (k == 0) {
                put_cp(&b, to_traditional(c));
            } else {
                put_cp(&b, c);
                if (next >= 0x3400 || (next >= 'a' && next <= 'z'))
                    put_noise(&b); /* noise inside a word */
            }
            continue;
        }
        put_cp(&b, c);
    }
    free(cps);
    assert_int_equal(wa_buf_append(&b, "", 1), 0);
    return b.data;
}

static void mutated_documents_agree(void **state)
{
    (void)state;
    load_corpus();
    tally t = {0, 0, 0};
    static const unsigned pcts[] = {5, 15, 30, 60};
    enum { COPIES = 8 };
    for (size_t i = 0; i < ndocs; i++) {
        for (unsigned k = 0; k < COPIES; k++) {
            rng_state = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)(i + 1) << 20) ^ (k + 1);
            unsigned pct = pcts[k % 4];
            char *title = docs[i].title ? mutate(docs[i].title, pct) : NULL;
            char *text = mutate(docs[i].text, pct);
            char id[128];
            snprintf(id, sizeof id, "%s/mutant-%u", docs[i].id, k);
            check_agree(id, title, text, &t);
            free(title);
            free(text);
        }
    }
    print_message("    %zu mutated documents, %zu hits\n", t.checked, t.hits);
    assert_true(t.hits > 100);
    if (t.disagreements)
        fail_msg("%zu of %zu mutated documents: the prefilter disagrees with the full classifier", t.disagreements,
                 t.checked);
}

/* The mutations keep most hits hits: the classifier sees through them. */
static void mutations_keep_hits(void **state)
{
    (void)state;
    load_corpus();
    size_t orig = 0, kept = 0;
    for (size_t i = 0; i < ndocs; i++) {
        const wa_result *r = wt_classify_doc(wt_repo_dict(), docs[i].title, docs[i].text, WA_NO_PREFILTER);
        if (!r->hit)
            continue;
        orig++;
        rng_state = 0xD1B54A32D192ED03ULL ^ (uint64_t)(i + 1);
        char *title = docs[i].title ? mutate(docs[i].title, 15) : NULL;
        char *text = mutate(docs[i].text, 15);
        kept += wt_classify_doc(wt_repo_dict(), title, text, 0)->hit;
        free(title);
        free(text);
    }
    print_message("    %zu of %zu hits stay hits after mutation\n", kept, orig);
    assert_true(orig > 0);
    assert_true(kept * 10 >= orig * 8);
}

/* A small dictionary of its own, with the spellings the prefilter must see
 * through (pinyin, Tibetan letters that have precomposed forms, a-chung with
 * a vowel), so this check does not depend on what dict/ holds today. */
static void sound_on_a_dictionary_of_its_own(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/terms.dict",
         "[subject]\n环卫工人\n保洁员\nhuanwei\n[arrears]\n拖欠\ntuoqian\n欠薪\n[wage]\n工资\ngongzi\n", 0},
        {"bo/terms.dict",
         "[subject]\nཁོར་ཡུག་གཙང་སྦྲ\n\u0F42\u0FB7\u0F7C་\u0F40\u0F71\u0F72་ལས་མི\n[arrears]\nཟླ་ཕོགས་མ་སྤྲད\n"
         "[wage]\nཟླ་ཕོགས\n",
         0},
        {"zh/patterns.re", "[arrears]\n(?:工资|gongzi)[^,;!?。\\n]{0,6}?(?:没|未)(?:发|给)\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    wa_dict *d = wt_load_dir(dir);
    static const char *templates[][2] = {
        {NULL, "环卫工人的工资被拖欠三个月"},
        {NULL, "我是huanwei，tuoqian gongzi 三个月"},
        {NULL, "保洁员的工资一直没发，找谁都没用"},
        {"环卫工人反映", "公司欠薪半年"},
        {NULL, "ང་ཚོ་ཁོར་ཡུག་གཙང་སྦྲའི་ལས་མི་ཡིན། ཟླ་ཕོགས་མ་སྤྲད།"},
        {NULL, "\u0F42\u0FB7\u0F7C་\u0F40\u0F71\u0F72་ལས་མིར་ཟླ་ཕོགས་མ་སྤྲད།"},
        {NULL, "ང་ཚོ་\u0F42\u0FB7\u0F7C་\u0F40\u0F71\u0F72་ལས་མི་ཡིན། 工资拖欠了"},
    };
    tally t = {0, 0, 0};
    for (size_t i = 0; i < sizeof templates / sizeof templates[0]; i++) {
        char id[32];
        snprintf(id, sizeof id, "template-%zu", i);
        check_agree_with(d, id, templates[i][0], templates[i][1], &t);
        for (unsigned k = 0; k < 200; k++) {
            rng_state = 0xA0761D6478BD642FULL ^ ((uint64_t)(i + 1) << 32) ^ (k + 1);
            char *title = templates[i][0] ? mutate(templates[i][0], 10 + k % 60) : NULL;
            char *text = mutate(templates[i][1], 10 + k % 60);
            snprintf(id, sizeof id, "template-%zu/mutant-%u", i, k);
            check_agree_with(d, id, title, text, &t);
            free(title);
            free(text);
        }
    }
    print_message("    %zu documents, %zu hits\n", t.checked, t.hits);
    wa_dict_release(d);
    wt_remove_dir(dir);
    assert_true(t.hits * 2 > t.checked);
    if (t.disagreements)
        fail_msg("%zu of %zu documents: the prefilter disagrees with the full classifier", t.disagreements, t.checked);
}

/* ---- hand-made cases ------------------------------------------------------------------------------ */

static void spelling_variants_pass_the_prefilter(void **state)
{
    (void)state;
    tally t = {0, 0, 0};
    const char *texts[] = {
        "我是ｈｕａｎｗｅｉ，公司拖欠三个月了",
        "我是huánwèi，公司拖欠三个月了",
        "我是ＨＵＡＮＷＥＩ，ｔｕｏｑｉａｎ三个月了",
        "huànwéi gōngrén tuōqiàn gōngzī sān gè yuè",
        "環 衛 工 人的工资被拖*欠了三个月",
        "环卫工人エ资被拖欠了三个月",
        "环\u200D卫\uFEFF工人工资被拖\U0001F62D欠了三个月",
        "ང\u0F0Cཚོ\u0F0Cགཙང\u0F0Cསྦྲའི\u0F0Cལས\u0F0Cམི\u0F0Cཡིན། ཀུང སིས ཟླ ཕོགས སྤྲད མེད།",
        "ང་ཚོ་ལམ་ཕྱགས་མཁན་ཡིན། ཀུང་སིས་ཟླ་ཕོགས་ས\u0F7C\u0FA4\u0FB2ད་ཀ\u0F72\u0FB1་མེད།",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char id[16];
        snprintf(id, sizeof id, "case-%zu", i);
        check_agree(id, NULL, texts[i], &t);
    }
    /* the subject in the title, the event in the text */
    check_agree("title", "環衛工人反映", "公司拖*欠我们三个月工资了", &t);
    assert_int_equal(t.disagreements, 0);
    assert_true(t.hits >= 8);
}

static void unrelated_text_is_prefiltered_out(void **state)
{
    (void)state;
    const char *texts[] = {
        "今天天气很好，我们去公园散步。",
        "The weather is nice today; we went for a walk in the park.",
        "བཀྲ་ཤིས་བདེ་ལེགས། དེ་རིང་གནམ་གཤིས་ཡག་པོ་འདུག",
        "股市今天大涨，沪指收复三千点",
        "",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        const wa_result *r = wt_classify_doc(wt_repo_dict(), NULL, texts[i], 0);
        assert_int_equal(r->hit, 0);
        if (!r->prefiltered_out)
            fail_msg("not rejected by the prefilter: %s", texts[i]);
    }
    /* with WA_NO_PREFILTER the full classifier decides */
    const wa_result *r = wt_classify_doc(wt_repo_dict(), NULL, texts[0], WA_NO_PREFILTER);
    assert_int_equal(r->prefiltered_out, 0);
    assert_int_equal(r->hit, 0);
}


/* ---- the raw stage ---------------------------------------------------------------------------- */

/* What the normalised prefilter says of title and text (the classifier's
 * own quick path). */
static int normalised_pass(const wa_dict *d, void **scratch, const char *title, const char *text)
{
    wa_norm q;
    wa_norm_init(&q);
    q.no_map = 1;
    size_t title_end = 0;
    if (title && *title) {
        assert_int_equal(wa_norm_append(&q, title, strlen(title), 0), 0);
        assert_int_equal(wa_norm_append_break(&q, 0), 0);
        title_end = q.text.len;
    }
    assert_int_equal(wa_norm_append(&q, text, strlen(text), 0), 0);
    int pass = wa_prefilter_pass(d->prefilter, *scratch, &q, title_end);
    wa_norm_free(&q);
    assert_true(pass >= 0);
    return pass;
}

static int raw_verdict(const wa_dict *d, void *scratch, const char *title, const char *text)
{
    int v = wa_prefilter_raw(d->prefilter, scratch, title ? title : "", title ? strlen(title) : 0, text, strlen(text), 0);
    assert_true(v >= 0);
    return v;
}

typedef struct {
    size_t checked, rejected, unsure, wrong;
} raw_tally;

/* The raw stage may say REJECT only where the normalised prefilter says 0,
 * and PASS only where the text as written holds both kinds of term. */
static void check_raw(const wa_dict *d, void **scratch, const char *id, const char *title, const char *text,
                      raw_tally *t)
{
    int v = raw_verdict(d, *scratch, title, text);
    t->checked++;
    t->rejected += v == WA_PREFILTER_REJECT;
    t->unsure += v == WA_PREFILTER_UNSURE;
    if (v == WA_PREFILTER_REJECT && normalised_pass(d, scratch, title, text)) {
        if (t->wrong < 8)
            print_message("    %s: rejected as written, but normalised it passes\n      title: %s\n      text:  %s\n", id,
                          title ? title : "(none)", text);
        t->wrong++;
    }
}

static void *scratch_for(const wa_dict *d)
{
    void *scratch = NULL;
    assert_int_equal(wa_prefilter_alloc_scratch(d->prefilter, &scratch), 0);
    return scratch;
}

static void raw_stage_rejects_only_what_normalising_rejects(void **state)
{
    (void)state;
    load_corpus();
    const wa_dict *d = wt_repo_dict();
    assert_true(wa_prefilter_variants(d->prefilter) > 0); /* the raw stage is on */
    void *scratch = scratch_for(d);
    raw_tally t = {0, 0, 0, 0};
    for (size_t i = 0; i < ndocs; i++) {
        check_raw(d, &scratch, docs[i].id, docs[i].title, docs[i].text, &t);
        for (unsigned k = 0; k < 12; k++) {
            rng_state = 0x2545F4914F6CDD1DULL ^ ((uint64_t)(i + 1) << 24) ^ (k + 1);
            unsigned pct = 3 + 9 * (k % 6);
            char *title = docs[i].title ? mutate(docs[i].title, pct) : NULL;
            char *text = mutate(docs[i].text, pct);
            char id[128];
            snprintf(id, sizeof id, "%s/mutant-%u", docs[i].id, k);
            check_raw(d, &scratch, id, title, text, &t);
            free(title);
            free(text);
        }
    }
    hs_free_scratch(scratch);
    print_message("    %zu documents: %zu rejected as written, %zu left to normalising\n", t.checked, t.rejected,
                  t.unsure);
    /* the corpus is mostly about wages: still, the plain negatives are decided as written */
    assert_true(t.rejected > 0);
    if (t.wrong)
        fail_msg("%zu of %zu documents rejected as written that normalising lets through", t.wrong, t.checked);
}

/* Each place a term can hide from a literal search makes the raw stage
 * unsure; plain text of either language is decided as written. A dictionary
 * of its own, so that each text holds one side plainly and the other only
 * behind the hiding place. */
static void raw_stage_sees_every_hiding_place(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/terms.dict", "[subject]\n环卫工人\nhuanwei\n\U0001F9F9\n[arrears]\n拖欠\n[wage]\n工资\n", 0},
        {"bo/terms.dict", "[subject]\nལམ་ཕྱགས་ལས་མི\nལས་བྱེད་པ\n[arrears]\nཟླ་ཕོགས་སྤྲད་མེད\n[wage]\nཟླ་ཕོགས\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    wa_dict *d = wt_load_dir(dir);
    void *scratch = scratch_for(d);
    static const char *hidden[] = {
        "環衛工人说公司拖欠三个月",             /* traditional letters */
        "环卫工人说公司的\u2F2F资三个月没有",   /* a Kangxi radical for 工 */
        "环卫工人说公司的エ资三个月没有",        /* a look-alike katakana for 工 */
        "环 卫 工人说公司拖欠三个月",            /* spaces inside a word */
        "环*卫-工_人说公司拖欠三个月",           /* symbols */
        "环卫\u200B工人说公司拖欠三个月",         /* a zero-width space */
        "环卫工\U0001F62D人说公司拖欠三个月",     /* an emoji */
        "环卫工人说公司拖\uFE0F欠三个月",         /* a variation selector */
        "环卫工人说公司拖\u0F0B欠三个月",         /* a tsheg, dropped after a Chinese letter */
        "环卫工人说公司拖\u0301欠三个月",         /* a combining mark */
        "环卫工人说公司拖\u201C欠\u201D三个月",   /* quotation marks */
        "ｈｕａｎｗｅｉ说公司拖欠三个月",         /* full-width pinyin */
        "\U0001D421\U0001D42E\U0001D41A\U0001D427\U0001D430\U0001D41E\U0001D422说公司拖欠三个月", /* mathematical bold pinyin */
        "ང་ཚོ་ལམ ཕྱགས་ལས་མི་ཡིན། ཀུང་སིས་ཟླ་ཕོགས་སྤྲད་མེད།", /* a space for a tsheg */
        "ང་ཚོ་ལམ་ཕྱགས་ལས་མི་ཡིན། ཀུང་སིས་ཟླ\u0F0Cཕོགས་སྤྲད་མེད།", /* a non-breaking tsheg */
        "ང་ཚོ་ལམ་ཕྱགས་ལས་མི་ཡིན། ཀུང་སིས་ཟླ་་ཕོགས་སྤྲད་མེད།", /* a doubled tsheg */
        "ང་ཚོ་ལམ་ཕྱགས་ལས་མི་ཡིན། ཀུང་སིས་ཟླ་\u200Bཕོགས་སྤྲད་མེད།", /* a zero-width space */
        "ང་ཚོ་ལམ་ཕྱགས་ལས་མི་ཡིན། ཀུང་སིས་ཟླ*ཕོགས་སྤྲད་མེད།", /* a symbol for a tsheg */
        "ང་ཚོ་ལམ\U0001F62Dཕྱགས་ལས་མི་ཡིན། ཀུང་སིས་ཟླ་ཕོགས་སྤྲད་མེད།", /* an emoji for a tsheg */
        "ང་ཚོ་ལ\u0FB2\u0F72མ་ཕྱགས་ལས་མི་ཡིན། ཀུང་སིས་ཟླ་ཕོགས་སྤྲད་མེད།", /* no subject left: rejected */
        "ང་ཚོ་ལམ་ཕྱགས་ལས་མི་ཡིན། ཀུང་སིས་ཟླ་ཕ\u0F7C\u0F42ས་སྤྲད་མེད།", /* (control: plain) */
        "ང་ཚོ་ལས་བ\u0F7A\u0FB1ད་པ་ཡིན། ཀུང་སིས་ཟླ་ཕོགས་སྤྲད་མེད།", /* a vowel before a subjoined letter */
        "环卫工人说公司\U0001F4B0拖欠三个月",      /* a pictograph word (💰 is 钱) */
        "ང་ཚོ་ལམ་ཕྱགས་ལས་མི་ཡིན། ཀུང་སིས་ཟླ\U0001F4B0ཕོགས་སྤྲད་མེད།", /* the same for a tsheg */
        "环卫工人说公司工资\u274C拖欠三个月",      /* a pictograph word inside the plane (❌ is 没) */
        "ང་ཚོ་ལམ་ཕྱགས་ལས་མི་ཡིན། ཀུང་སིས་ཟླ\u274Cཕོགས་སྤྲད་མེད།", /* the same for a tsheg */
        "ང་ཚོ་ལམ་ཕྱགས་ལས་མི་ཡིན། ཀུང་སིས་ཟླ\U0001F5D1ཕོགས་སྤྲད་མེད།", /* the bin for a tsheg */
    };
    /* expected verdicts: 2 unsure, 0 reject (the plain controls) */
    static const int want[] = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 1, 2, 2, 2, 2, 2, 2};
    assert_int_equal(sizeof want / sizeof want[0], sizeof hidden / sizeof hidden[0]);
    for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
        char buf[512];
        /* the escapes above are written for readability: expand them */
        size_t o = 0;
        for (const char *p = hidden[i]; *p && o + 8 < sizeof buf;) {
            if (p[0] == '\\' && (p[1] == 'u' || p[1] == 'U')) {
                int n = p[1] == 'u' ? 4 : 8;
                char hex[9] = {0};
                memcpy(hex, p + 2, (size_t)n);
                o += wa_utf8_encode((uint32_t)strtoul(hex, NULL, 16), (unsigned char *)buf + o);
                p += 2 + n;
            } else {
                buf[o++] = *p++;
            }
        }
        buf[o] = '\0';
        int v = raw_verdict(d, scratch, NULL, buf);
        int pass = normalised_pass(d, &scratch, NULL, buf);
        if (v != want[i])
            fail_msg("text %zu: raw verdict %d, expected %d (normalised: %d): %s", i, v, want[i], pass, buf);
        if (v == WA_PREFILTER_REJECT && pass)
            fail_msg("text %zu rejected as written, but normalised it passes: %s", i, buf);
    }
    static const char *plain[] = {
        "今天天气很好，“我们”去公园散步。城区道路保持畅通。",
        "工人们说，公司的工资按时发放。",
        "བཀྲ་ཤིས་བདེ་ལེགས། དེ་རིང་གནམ་གཤིས་ཡག་པོ་འདུག །",
        /* an emoji that is no pictograph word stays nothing, though the broom is a term */
        "今天天气很好\U0001F602，我们去公园散步。",
        /* a mathematical letter that is no variant of a term letter (q is in no term) */
        "今天天气很好\U0001D42A，我们去公园散步。",
    };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        assert_int_equal(raw_verdict(d, scratch, NULL, plain[i]), WA_PREFILTER_REJECT);
    assert_int_equal(raw_verdict(d, scratch, NULL, "环卫工人说公司拖欠三个月"), WA_PREFILTER_PASS);
    assert_int_equal(raw_verdict(d, scratch, "环卫工人", "公司拖欠三个月"), WA_PREFILTER_PASS);
    hs_free_scratch(scratch);
    wa_dict_release(d);
    wt_remove_dir(dir);
}

/* b = before, gap times 嗯 (a character that is no term), after, and a NUL. */
static void gap_text(wa_buf *b, const char *before, unsigned gap, const char *after)
{
    b->len = 0;
    assert_int_equal(wa_buf_append_str(b, before), 0);
    for (unsigned k = 0; k < gap; k++)
        assert_int_equal(wa_buf_append_str(b, "嗯"), 0);
    assert_int_equal(wa_buf_append_str(b, after), 0);
    assert_int_equal(wa_buf_append(b, "", 1), 0);
}

/* A subject and an event further apart than the rules' window can never
 * pair: the prefilter lets such a document go without classifying it. */
/* A subject in the title pairs with an event anywhere in the text, in the
 * prefilter as in the classifier; an event nearer other workers does not. */
static void title_subject_reaches_the_whole_text(void **state)
{
    (void)state;
    const wa_dict *d = wt_repo_dict();
    wa_buf b;
    wa_buf_init(&b);
    for (int i = 0; i < 60; i++)
        assert_int_equal(wa_buf_append_str(&b, "冬天很冷，大家起得很早。"), 0);
    assert_int_equal(wa_buf_append_str(&b, "到现在已经三个月没发工资了。"), 0);
    assert_int_equal(wa_buf_append(&b, "", 1), 0);
    const wa_result *r = wt_classify_doc(d, "县城环卫工人的来信", b.data, 0);
    assert_int_equal(r->prefiltered_out, 0);
    assert_int_equal(r->hit, 1);
    tally t = {0, 0, 0};
    check_agree("title-far", "县城环卫工人的来信", b.data, &t);
    /* without the title the two lie too far apart */
    r = wt_classify_doc(d, NULL, b.data, 0);
    assert_int_equal(r->hit, 0);
    check_agree("no-title-far", NULL, b.data, &t);
    /* the event belongs to the builders named right before it */
    b.len = 0;
    for (int i = 0; i < 60; i++)
        assert_int_equal(wa_buf_append_str(&b, "冬天很冷，大家起得很早。"), 0);
    assert_int_equal(wa_buf_append_str(&b, "隔壁工地的木工到现在已经三个月没发工资了。"), 0);
    assert_int_equal(wa_buf_append(&b, "", 1), 0);
    r = wt_classify_doc(d, "县城环卫工人的来信", b.data, 0);
    assert_int_equal(r->hit, 0);
    check_agree("title-far-others", "县城环卫工人的来信", b.data, &t);
    assert_int_equal(t.disagreements, 0);
    wa_buf_free(&b);
}

static void far_apart_terms_are_prefiltered_out(void **state)
{
    (void)state;
    const wa_dict *d = wt_repo_dict();
    assert_true(wa_prefilter_has_window(d->prefilter));
    wa_buf b;
    wa_buf_init(&b);
    assert_int_equal(wa_buf_append_str(&b, "环卫工人清扫街道。"), 0);
    for (int i = 0; i < 120; i++)
        assert_int_equal(wa_buf_append_str(&b, "今天天气很好。"), 0);
    assert_int_equal(wa_buf_append_str(&b, "有人说被拖欠了。"), 0);
    assert_int_equal(wa_buf_append(&b, "", 1), 0);
    const wa_result *r = wt_classify_doc(d, NULL, b.data, 0);
    assert_int_equal(r->hit, 0);
    assert_int_equal(r->prefiltered_out, 1);
    tally t = {0, 0, 0};
    check_agree("far-apart", NULL, b.data, &t);
    assert_int_equal(t.disagreements, 0);
    /* the same two sentences side by side pass */
    const char *near = "环卫工人清扫街道。有人说被拖欠了。";
    assert_int_equal(wt_classify_doc(d, NULL, near, 0)->prefiltered_out, 0);
    /* The window is counted in characters, as the classifier counts it: a
     * gap of exactly the window passes, one more character does not. */
    for (uint32_t gap = d->rules.window; gap <= d->rules.window + 1; gap++) {
        gap_text(&b, "环卫工人", gap, "拖欠了");
        r = wt_classify_doc(d, NULL, b.data, 0);
        assert_int_equal(r->prefiltered_out, gap > d->rules.window);
        check_agree("window-edge", NULL, b.data, &t);
    }
    /* A text with Tibetan letters has the wider window.tibetan, in the
     * prefilter as in the classifier: the same edge, one Tibetan word in. */
    assert_true(d->rules.window_tibetan > d->rules.window);
    for (uint32_t gap = d->rules.window_tibetan; gap <= d->rules.window_tibetan + 1; gap++) {
        gap_text(&b, "ལྷ་ས། 环卫工人", gap, "拖欠了");
        r = wt_classify_doc(d, NULL, b.data, 0);
        /* the classifier pairs them up to the edge; past it a Tibetan text
         * may still pass the prefilter (its Tibetan event patterns are not
         * searched there), but must then agree */
        assert_int_equal(r->hit, gap <= d->rules.window_tibetan);
        check_agree("window-edge-tibetan", NULL, b.data, &t);
    }
    assert_int_equal(t.disagreements, 0);
    wa_buf_free(&b);
}

/* window.tibetan reaches the prefilter: in a text with Tibetan letters it
 * keeps a subject and an event that far apart, and only those (a dictionary
 * with small windows and no event patterns, so nothing else lets them by). */
static void tibetan_window_in_the_prefilter(void **state)
{
    (void)state;
    wt_file files[] = {
        {"rules.conf", "threshold = 6\nwindow = 10\nwindow.tibetan = 40\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    wa_dict *d = wt_load_dir(dir);
    assert_int_equal(d->rules.window, 10);
    assert_int_equal(d->rules.window_tibetan, 40);
    tally t = {0, 0, 0};
    wa_buf b;
    wa_buf_init(&b);
    static const unsigned gaps[] = {10, 11, 25, 40, 41, 60};
    for (int tibetan = 0; tibetan <= 1; tibetan++)
        for (size_t i = 0; i < sizeof gaps / sizeof gaps[0]; i++) {
            gap_text(&b, tibetan ? "ང་ཚོ། 环卫工人" : "我们。环卫工人", gaps[i], "拖欠");
            const wa_result *r = wt_classify_doc(d, NULL, b.data, 0);
            unsigned window = tibetan ? 40 : 10;
            assert_int_equal(r->hit, gaps[i] <= window);
            assert_int_equal(r->prefiltered_out, gaps[i] > window);
            check_agree_with(d, tibetan ? "tibetan" : "chinese", NULL, b.data, &t);
        }
    wa_buf_free(&b);
    assert_int_equal(t.disagreements, 0);
    wa_dict_release(d);
    wt_remove_dir(dir);
}

/* A wage term is no event: near a subject it passes only where an event
 * pattern (which must cover it) matches too; and a pattern may reach past
 * the event term it covers. The patterns are looked for in Vectorscan's
 * prefilter mode, PCRE2-only ones (lookarounds) included. */
static void events_from_patterns_need_a_match(void **state)
{
    (void)state;
    wt_file files[] = {
        {"zh/terms.dict", "[subject]\n环卫工人\n[arrears]\n拖欠\n欠了\n说好 0\n[wage]\n工资\n工钱\n", 0},
        {"zh/patterns.re",
         "[arrears]\n工资[^,;!?。\\n]{0,6}?(?:没|未)(?:发|给)\n工钱(?!早发了)[^,;!?。\\n]{0,4}?被压着\n"
         "欠了[0-9]{1,2}个月\n说好[^。\\n]{0,12}?没(?:发|给)\n",
         0},
        {"bo/terms.dict", "[subject]\nགཙང་སྦྲའི་ལས་མི\n[wage]\nཟླ་ཕོགས\n", 0},
        {"bo/patterns.re", "[arrears]\n(?<![\\x{0F40}-\\x{0FBC}])ཟླ་ཕོགས[^།\\n]{0,8}?མ་སྤྲད\n", 0},
        {NULL, NULL, 0},
    };
    char *dir = wt_make_minimal_dict(files);
    wa_dict *d = wt_load_dir(dir);
    void *scratch = scratch_for(d);
    static const struct {
        const char *text;
        int pass;
    } cases[] = {
        {"环卫工人的工资很高，大家都满意。", 0},
        {"环卫工人的工资一直没发。", 1},         /* a pattern Vectorscan runs */
        {"环卫工人说工钱被压着。", 1},           /* a pattern only PCRE2 runs */
        {"环卫工人被拖欠了。", 1},               /* an event term */
        {"环卫工人。今天天气很好。工资没发。", 1}, /* the pattern ends near enough */
        {"གཙང་སྦྲའི་ལས་མིའི་ཟླ་ཕོགས་མ་སྤྲད།", 1},   /* a Tibetan pattern */
        {"环卫工人说好了明天一起来。", 0},       /* an anchor (weight 0) alone is no event */
        {"环卫工人说好月底发，到现在没发。", 1}, /* the pattern that holds it is */
    };
    tally t = {0, 0, 0};
    /* An event pattern reaches past the event term it holds: 欠了4个月 is a
     * window away from the subject, 欠了 three characters more. */
    wa_buf b;
    wa_buf_init(&b);
    assert_int_equal(wa_buf_append_str(&b, "欠了4个月"), 0);
    for (uint32_t k = 0; k < d->rules.window; k++)
        assert_int_equal(wa_buf_append_str(&b, "嗯"), 0);
    assert_int_equal(wa_buf_append_str(&b, "环卫工人"), 0);
    assert_int_equal(wa_buf_append(&b, "", 1), 0);
    assert_int_equal(normalised_pass(d, &scratch, NULL, b.data), 1);
    check_agree_with(d, "pattern-past-term", NULL, b.data, &t);
    wa_buf_free(&b);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (normalised_pass(d, &scratch, NULL, cases[i].text) != cases[i].pass)
            fail_msg("normalised prefilter: expected %d for %s", cases[i].pass, cases[i].text);
        char id[32];
        snprintf(id, sizeof id, "wage-%zu", i);
        check_agree_with(d, id, NULL, cases[i].text, &t);
        for (unsigned k = 0; k < 100; k++) {
            rng_state = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)(i + 1) << 32) ^ (k + 1);
            char *text = mutate(cases[i].text, 10 + k % 60);
            snprintf(id, sizeof id, "wage-%zu/mutant-%u", i, k);
            check_agree_with(d, id, NULL, text, &t);
            free(text);
        }
    }
    hs_free_scratch(scratch);
    wa_dict_release(d);
    wt_remove_dir(dir);
    if (t.disagreements)
        fail_msg("%zu of %zu documents: the prefilter disagrees with the full classifier", t.disagreements, t.checked);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corpus_documents_agree),
        cmocka_unit_test(gate_keeps_pcre2_properties),
        cmocka_unit_test(mutated_documents_agree),
        cmocka_unit_test(mutations_keep_hits),
        cmocka_unit_test(sound_on_a_dictionary_of_its_own),
        cmocka_unit_test(spelling_variants_pass_the_prefilter),
        cmocka_unit_test(unrelated_text_is_prefiltered_out),
        cmocka_unit_test(raw_stage_rejects_only_what_normalising_rejects),
        cmocka_unit_test(raw_stage_sees_every_hiding_place),
        cmocka_unit_test(far_apart_terms_are_prefiltered_out),
        cmocka_unit_test(title_subject_reaches_the_whole_text),
        cmocka_unit_test(tibetan_window_in_the_prefilter),
        cmocka_unit_test(events_from_patterns_need_a_match),
    };
    return cmocka_run_group_tests_name("test_prefilter", tests, NULL, NULL);
}
