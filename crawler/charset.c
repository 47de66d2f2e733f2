#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../common/utf8.h"

/* Only this much of a body is decoded to score a candidate charset: enough
 * for a stable verdict, cheap on a multi-megabyte page. */
#define SCORE_SAMPLE_BYTES (64 * 1024)
/* Markup declarations must appear early (HTML requires the first 1024
 * bytes; we are more lenient with sloppy templates). */
#define MARKUP_SCAN_BYTES 4096

/* The most frequent Chinese characters, simplified and traditional. Text in
 * the right charset is full of them (typically a quarter or more of its
 * characters); the same bytes decoded in the wrong CJK charset hardly ever
 * produce them. */
static const char common_chars[] =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方"
    "后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合"
    "还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没"
    "结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路"
    "级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热"
    "领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万"
    "每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装"
    "影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准"
    "精值号率族维划选标写存候亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该"
    "铁价严欠薪环卫拖萨藏"
    "這個們來時為說國會對於後發過動進開經學還當與關機現實點從業電應樣麼間問題義長見讓議條頭東書區體嗎錢資環衛報導"
    "聯員無總萬幾難氣場將記單請邊處師號專數據務問產種麼僅傳標準農廣門們網絡總結據歲";

static void set_bit(uint64_t *bits, uint32_t cp)
{
    if (cp >= 0x4E00 && cp <= 0x9FFF)
        bits[(cp - 0x4E00) >> 6] |= 1ull << ((cp - 0x4E00) & 63);
}

static int has_bit(const uint64_t *bits, uint32_t cp)
{
    return cp >= 0x4E00 && cp <= 0x9FFF && (bits[(cp - 0x4E00) >> 6] >> ((cp - 0x4E00) & 63) & 1);
}

#define COMMON_WORDS ((0x9FFF - 0x4E00 + 64) / 64)

static void common_bits(uint64_t *bits)
{
    memset(bits, 0, COMMON_WORDS * sizeof *bits);
    const unsigned char *p = (const unsigned char *)common_chars;
    size_t len = sizeof common_chars - 1, i = 0;
    while (i < len) {
        size_t adv;
        uint32_t cp = wa_utf8_decode(p + i, len - i, &adv);
        if (cp != WA_UTF8_INVALID)
            set_bit(bits, cp);
        i += adv;
    }
}

/* ---- labels ------------------------------------------------------------------------ */

typedef struct {
    const char *label;
    const char *iconv_name;
} alias;

/* Labels seen in the wild, mapped the way browsers map them (a page
 * labelled gb2312 is decoded as GBK by every browser, so its author never
 * noticed characters outside GB2312). */
static const alias aliases[] = {
    {"utf-8", "UTF-8"},           {"utf8", "UTF-8"},           {"unicode-1-1-utf-8", "UTF-8"},
    {"gbk", "GB18030"},           {"gb2312", "GB18030"},       {"gb_2312-80", "GB18030"},
    {"gb18030", "GB18030"},       {"x-gbk", "GB18030"},        {"cp936", "GB18030"},
    {"euc-cn", "GB18030"},        {"hz-gb-2312", "HZ"},        {"chinese", "GB18030"},
    {"csgb2312", "GB18030"},      {"windows-936", "GB18030"},  {"big5", "BIG5-HKSCS"},
    {"big5-hkscs", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"},
    {"cp950", "BIG5-HKSCS"},      {"x-big5", "BIG5-HKSCS"},    {"csbig5", "BIG5-HKSCS"},
    {"iso-8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"},
    {"ascii", "WINDOWS-1252"},    {"windows-1252", "WINDOWS-1252"}, {"utf-16le", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"},     {"utf-16", "UTF-16LE"},      {"shift_jis", "SHIFT_JIS"},
    {"euc-jp", "EUC-JP"},         {"euc-kr", "EUC-KR"},        {"koi8-r", "KOI8-R"},
    {"windows-1251", "WINDOWS-1251"},
};

void wa_charset_normalize(const char *label, size_t label_len, char *out, size_t cap)
{
    if (cap == 0)
        return;
    out[0] = '\0';
    while (label_len && (*label == ' ' || *label == '\t' || *label == '"' || *label == '\'')) {
        label++;
        label_len--;
    }
    while (label_len && (label[label_len - 1] == ' ' || label[label_len - 1] == '\t' ||
                         label[label_len - 1] == '"' || label[label_len - 1] == '\'' || label[label_len - 1] == ';'))
        label_len--;
    if (label_len == 0 || label_len >= WA_CHARSET_NAME_MAX)
        return;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strlen(aliases[i].label) == label_len && strncasecmp(aliases[i].label, label, label_len) == 0) {
            snprintf(out, cap, "%s", aliases[i].iconv_name);
            return;
        }
    }
    /* Anything else is accepted only when iconv knows it and it is a plain
     * name (no "//TRANSLIT" tricks from a hostile page). */
    char name[WA_CHARSET_NAME_MAX];
    for (size_t i = 0; i < label_len; i++) {
        char c = label[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.' || c == ':'))
            return;
        name[i] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    name[label_len] = '\0';
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return;
    iconv_close(cd);
    snprintf(out, cap, "%s", name);
}

void wa_charset_from_content_type(const char *ct, char *out, size_t cap)
{
    if (cap)
        out[0] = '\0';
    if (!ct)
        return;
    const char *p = strcasestr(ct, "charset");
    if (!p)
        return;
    p += 7;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p != '=')
        return;
    p++;
    const char *end = p;
    while (*end && *end != ';' && *end != ',' && *end != '\r' && *end != '\n')
        end++;
    wa_charset_normalize(p, (size_t)(end - p), out, cap);
}

/* Case-insensitive search for an ASCII needle in a byte range. */
static const unsigned char *find_ci(const unsigned char *h, size_t hlen, const char *needle)
{
    size_t n = strlen(needle);
    if (n > hlen)
        return NULL;
    for (size_t i = 0; i + n <= hlen; i++)
        if (strncasecmp((const char *)h + i, needle, n) == 0)
            return h + i;
    return NULL;
}

/* The value after "charset" or "encoding" (with '=' and optional quotes). */
static void value_after(const unsigned char *p, const unsigned char *end, char *out, size_t cap)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    if (p >= end || *p != '=')
        return;
    p++;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\''))
        p++;
    const unsigned char *v = p;
    while (p < end && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
                       *p == '-' || *p == '_' || *p == '.' || *p == ':'))
        p++;
    wa_charset_normalize((const char *)v, (size_t)(p - v), out, cap);
}

void wa_charset_from_markup(const unsigned char *body, size_t len, char *out, size_t cap, const char **how)
{
    if (cap)
        out[0] = '\0';
    *how = NULL;
    if (len > MARKUP_SCAN_BYTES)
        len = MARKUP_SCAN_BYTES;
    /* XML declaration: only at the very start (after optional whitespace). */
    size_t s = 0;
    while (s < len && (body[s] == ' ' || body[s] == '\t' || body[s] == '\r' || body[s] == '\n'))
        s++;
    if (len - s >= 5 && memcmp(body + s, "<?xml", 5) == 0) {
        const unsigned char *close = find_ci(body + s, len - s, "?>");
        const unsigned char *end = close ? close : body + len;
        const unsigned char *e = find_ci(body + s, (size_t)(end - body - s), "encoding");
        if (e) {
            value_after(e + 8, end, out, cap);
            if (out[0]) {
                *how = "xml";
                return;
            }
        }
    }
    /* <meta ...charset...>: covers <meta charset="gbk"> and
     * <meta http-equiv="Content-Type" content="text/html; charset=gbk">. */
    const unsigned char *p = body, *end = body + len;
    while (p < end) {
        const unsigned char *m = find_ci(p, (size_t)(end - p), "<meta");
        if (!m)
            break;
        const unsigned char *gt = memchr(m, '>', (size_t)(end - m));
        const unsigned char *tag_end = gt ? gt : end;
        const unsigned char *c = find_ci(m, (size_t)(tag_end - m), "charset");
        if (c) {
            value_after(c + 7, tag_end, out, cap);
            if (out[0]) {
                *how = "meta";
                return;
            }
        }
        p = m + 5;
    }
}

/* ---- conversion -------------------------------------------------------------------- */

static int append_clean(wa_buf *out, const char *s, size_t n)
{
    /* Fast path: no control bytes. */
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && ((unsigned char)s[j] >= 0x20 || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))
            j++;
        if (j > i && wa_buf_append(out, s + i, j - i) != 0)
            return -1;
        if (j < n) {
            if (wa_buf_append(out, " ", 1) != 0)
                return -1;
            j++;
        }
        i = j;
    }
    return 0;
}

/* Converters kept open per thread, by charset name. glibc loads a charset's
 * module when a converter is opened and unloads it when the last one is
 * closed, so opening one per page cost a library load and unload per page.
 * A handful of charsets cover every site; a full cache replaces its oldest
 * entry. */
#define ICONV_CACHE 8
static _Thread_local struct {
    char name[WA_CHARSET_NAME_MAX + 1];
    iconv_t cd;
} iconv_cache[ICONV_CACHE];
static _Thread_local unsigned iconv_next;

static iconv_t cached_iconv(const char *charset)
{
    size_t len = strlen(charset);
    if (len > WA_CHARSET_NAME_MAX)
        return (iconv_t)-1; /* no charset name is that long */
    for (unsigned i = 0; i < ICONV_CACHE; i++)
        if (iconv_cache[i].name[0] && strcmp(iconv_cache[i].name, charset) == 0) {
            iconv(iconv_cache[i].cd, NULL, NULL, NULL, NULL); /* back to the initial state */
            return iconv_cache[i].cd;
        }
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return cd;
    unsigned slot = iconv_next++ % ICONV_CACHE;
    if (iconv_cache[slot].name[0])
        iconv_close(iconv_cache[slot].cd);
    memcpy(iconv_cache[slot].name, charset, len + 1);
    iconv_cache[slot].cd = cd;
    return cd;
}

void wa_charset_release(void)
{
    for (unsigned i = 0; i < ICONV_CACHE; i++)
        if (iconv_cache[i].name[0]) {
            iconv_close(iconv_cache[i].cd);
            iconv_cache[i].name[0] = '\0';
        }
}

int wa_charset_to_utf8(const unsigned char *body, size_t len, const char *charset, wa_buf *out, size_t *bad)
{
    size_t nbad = 0;
    if (bad)
        *bad = 0;
    if (strcmp(charset, "UTF-8") == 0) {
        /* Validate and replace, without iconv. */
        size_t i = 0;
        while (i < len) {
            size_t start = i;
            while (i < len) {
                size_t adv;
                if (body[i] < 0x80) {
                    i++;
                    continue;
                }
                if (wa_utf8_decode(body + i, len - i, &adv) == WA_UTF8_INVALID)
                    break;
                i += adv;
            }
            if (append_clean(out, (const char *)body + start, i - start) != 0)
                return -1;
            if (i < len) {
                if (wa_buf_append(out, "\xEF\xBF\xBD", 3) != 0)
                    return -1;
                nbad++;
                i++;
            }
        }
        if (bad)
            *bad = nbad;
        return wa_buf_terminate(out);
    }
    iconv_t cd = cached_iconv(charset);
    if (cd == (iconv_t)-1)
        return -1;
    char chunk[16384];
    char *in = (char *)body;
    size_t inleft = len;
    int rc = 0;
    while (inleft > 0) {
        char *o = chunk;
        size_t oleft = sizeof chunk;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        int e = errno;
        if (append_clean(out, chunk, sizeof chunk - oleft) != 0) {
            rc = -1;
            break;
        }
        if (r != (size_t)-1)
            continue;
        if (e == E2BIG)
            continue;
        /* EILSEQ: an invalid sequence; EINVAL: a truncated one at the end.
         * Either way: one replacement character, skip one byte, go on. */
        if (wa_buf_append(out, "\xEF\xBF\xBD", 3) != 0) {
            rc = -1;
            break;
        }
        nbad++;
        in++;
        inleft--;
        iconv(cd, NULL, NULL, NULL, NULL); /* reset the shift state */
    }
    /* Flush any pending state (stateful encodings such as HZ). */
    if (rc == 0) {
        char *o = chunk;
        size_t oleft = sizeof chunk;
        if (iconv(cd, NULL, NULL, &o, &oleft) != (size_t)-1 && append_clean(out, chunk, sizeof chunk - oleft) != 0)
            rc = -1;
    }
    if (bad)
        *bad = nbad;
    if (rc == 0)
        rc = wa_buf_terminate(out);
    return rc;
}

/* ---- detection --------------------------------------------------------------------- */

/* How plausible the body looks as Chinese text in charset: frequent
 * characters count for, errors and private-use characters against, per
 * decoded character. Returns a very low score when the charset fails. */
static double plausibility(const unsigned char *body, size_t len, const char *charset, const uint64_t *common)
{
    if (len > SCORE_SAMPLE_BYTES)
        len = SCORE_SAMPLE_BYTES;
    wa_buf b;
    wa_buf_init(&b);
    size_t bad = 0;
    if (wa_charset_to_utf8(body, len, charset, &b, &bad) != 0) {
        wa_buf_free(&b);
        return -1e9;
    }
    size_t chars = 0, hits = 0, odd = 0, i = 0;
    const unsigned char *p = (const unsigned char *)b.data;
    while (i < b.len) {
        size_t adv;
        uint32_t cp = wa_utf8_decode(p + i, b.len - i, &adv);
        i += adv;
        if (cp < 0x80)
            continue;
        chars++;
        if (has_bit(common, cp))
            hits++;
        else if ((cp >= 0xE000 && cp <= 0xF8FF) || cp == 0xFFFD || (cp >= 0x80 && cp < 0xA0))
            odd++;
    }
    wa_buf_free(&b);
    /* A truncated final character is not the charset's fault. */
    if (bad > 0)
        bad--;
    if (chars == 0)
        return 0;
    return ((double)hits - 3.0 * (double)odd - 5.0 * (double)bad) / (double)chars;
}

/* Valid UTF-8 with at least one multi-byte sequence (a truncated last
 * character, as after a size cap, is forgiven). */
static int looks_utf8(const unsigned char *body, size_t len, int *non_ascii)
{
    *non_ascii = 0;
    size_t i = 0;
    while (i < len) {
        if (body[i] < 0x80) {
            i++;
            continue;
        }
        size_t adv;
        if (wa_utf8_decode(body + i, len - i, &adv) == WA_UTF8_INVALID)
            return len - i < 4 && *non_ascii; /* cut in the middle of a character */
        *non_ascii = 1;
        i += adv;
    }
    return 1;
}

void wa_charset_decide(const char *content_type, const unsigned char *body, size_t len, wa_charset *cs)
{
    memset(cs, 0, sizeof *cs);
    if (len >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF) {
        snprintf(cs->name, sizeof cs->name, "UTF-8");
        cs->how = "bom";
        cs->bom_len = 3;
        return;
    }
    if (len >= 2 && ((body[0] == 0xFF && body[1] == 0xFE) || (body[0] == 0xFE && body[1] == 0xFF))) {
        snprintf(cs->name, sizeof cs->name, "%s", body[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
        cs->how = "bom";
        cs->bom_len = 2;
        return;
    }
    if (len >= 4 && body[0] == 0x84 && body[1] == 0x31 && body[2] == 0x95 && body[3] == 0x33) {
        snprintf(cs->name, sizeof cs->name, "GB18030");
        cs->how = "bom";
        cs->bom_len = 4;
        return;
    }

    const char *how = NULL;
    char declared[WA_CHARSET_NAME_MAX] = "";
    wa_charset_from_content_type(content_type, declared, sizeof declared);
    if (declared[0])
        how = "header";
    else
        wa_charset_from_markup(body, len, declared, sizeof declared, &how);
    snprintf(cs->declared, sizeof cs->declared, "%s", declared);

    int non_ascii;
    size_t sample = len > SCORE_SAMPLE_BYTES ? SCORE_SAMPLE_BYTES : len;
    if (looks_utf8(body, sample, &non_ascii)) {
        snprintf(cs->name, sizeof cs->name, "UTF-8");
        if (!non_ascii && declared[0] && strncmp(declared, "UTF-16", 6) != 0) {
            /* Pure ASCII: the declaration is harmless and kept for the record. */
            snprintf(cs->name, sizeof cs->name, "%s", declared);
            cs->how = how;
        } else if (!declared[0]) {
            cs->how = non_ascii ? "detected" : "default";
        } else {
            cs->how = strcmp(declared, "UTF-8") == 0 ? how : "detected";
        }
        return;
    }

    uint64_t common[COMMON_WORDS];
    common_bits(common);
    double best_score = -1e18;
    const char *best = NULL;
    static const char *const candidates[] = {"GB18030", "BIG5-HKSCS"};
    for (size_t i = 0; i < 2; i++) {
        double s = plausibility(body, len, candidates[i], common);
        if (s > best_score) {
            best_score = s;
            best = candidates[i];
        }
    }
    if (declared[0] && strcmp(declared, "UTF-8") != 0) {
        double d = plausibility(body, len, declared, common);
        /* Keep the declaration unless the bytes clearly say otherwise. */
        if (d >= best_score - 0.05 || strcmp(declared, best) == 0) {
            snprintf(cs->name, sizeof cs->name, "%s", declared);
            cs->how = how;
            return;
        }
    }
    /* Neither looks like Chinese text at all: a Western page without a
     * declaration, decoded the way browsers do. */
    snprintf(cs->name, sizeof cs->name, "%s", best_score < 0.02 ? "WINDOWS-1252" : best);
    cs->how = "detected";
}

int wa_charset_decode(const char *content_type, const unsigned char *body, size_t len, wa_buf *out, wa_charset *cs,
                      size_t *bad)
{
    wa_charset_decide(content_type, body, len, cs);
    return wa_charset_to_utf8(body + cs->bom_len, len - cs->bom_len, cs->name, out, bad);
}
