/* bench/names.h — shared pieces of the benchmark generators (gen_corpus, gen_terms):
 * a small deterministic PRNG, a growable byte buffer, Tibet's place names in Chinese and
 * Tibetan, and a generator of contractor/unit names (环卫/保洁/物业 companies).
 *
 * Everything is static so each generator stays a single translation unit:
 *   cc -std=c11 -O2 -Wall -Wextra -Werror -o gen_terms bench/gen_terms.c
 */
#ifndef WA_BENCH_NAMES_H
#define WA_BENCH_NAMES_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---------------------------------------------------------------- PRNG */
/* splitmix64 expands the seed, xorshift64* produces the stream: same bytes on every run and
 * every platform (no dependence on rand(), time or locale). */
typedef struct { uint64_t s; } rng_t;

static inline uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline void rng_seed(rng_t *r, uint64_t seed)
{
    uint64_t x = seed;
    r->s = splitmix64(&x);
    if (r->s == 0) r->s = 0x2545F4914F6CDD1Dull;
}

static inline uint64_t rng_next(rng_t *r)
{
    uint64_t x = r->s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    r->s = x;
    return x * 0x2545F4914F6CDD1Dull;
}

/* uniform in [0, n) (n > 0); the tiny modulo bias does not matter here */
static inline uint32_t rng_below(rng_t *r, uint32_t n) { return (uint32_t)((rng_next(r) >> 32) % n); }
/* uniform in [lo, hi] */
static inline int rng_range(rng_t *r, int lo, int hi) { return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1)); }
/* true with probability p */
static inline int rng_chance(rng_t *r, double p) { return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0) < p; }
#define PICK(r, arr) ((arr)[rng_below((r), (uint32_t)NELEM(arr))])

/* ---------------------------------------------------------------- buffer */
typedef struct { char *p; size_t len, cap; } buf_t;

static inline void buf_reserve(buf_t *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) { fputs("out of memory\n", stderr); exit(1); }
    b->p = p;
    b->cap = cap;
}
static inline void buf_put(buf_t *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}
static inline void buf_puts(buf_t *b, const char *s) { buf_put(b, s, strlen(s)); }
static inline void buf_putc(buf_t *b, char c) { buf_put(b, &c, 1); }
static inline void buf_clear(buf_t *b) { b->len = 0; if (b->p) b->p[0] = 0; }
static inline void buf_printf(buf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) { buf_put(b, tmp, (size_t)n); return; }
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* ---------------------------------------------------------------- places */
/* The seven prefecture-level divisions of the Tibet Autonomous Region and their 74 county-level
 * divisions (Chinese names as written in official texts). */
typedef struct { const char *full, *shrt; const char *bo; } city_t;
static const city_t CITIES[] = {
    {"拉萨市", "拉萨", "ལྷ་ས"},         {"日喀则市", "日喀则", "གཞིས་ཀ་རྩེ"},
    {"昌都市", "昌都", "ཆབ་མདོ"},       {"林芝市", "林芝", "ཉིང་ཁྲི"},
    {"山南市", "山南", "ལྷོ་ཁ"},        {"那曲市", "那曲", "ནག་ཆུ"},
    {"阿里地区", "阿里", "མངའ་རིས"},
};

/* county: Chinese name, index of its city, Tibetan name (NULL where not used) */
typedef struct { const char *zh; int city; const char *bo; } county_t;
static const county_t COUNTIES[] = {
    {"城关区", 0, "ཁྲིན་ཀོན་ཆུས"}, {"堆龙德庆区", 0, "སྟོད་ལུང་བདེ་ཆེན"}, {"达孜区", 0, "སྟག་རྩེ"},
    {"林周县", 0, "ལྷུན་གྲུབ"}, {"当雄县", 0, "འདམ་གཞུང"}, {"尼木县", 0, "སྙེ་མོ"},
    {"曲水县", 0, "ཆུ་ཤུར"}, {"墨竹工卡县", 0, "མལ་གྲོ་གུང་དཀར"},
    {"桑珠孜区", 1, "བསམ་གྲུབ་རྩེ"}, {"南木林县", 1, "རྣམ་གླིང"}, {"江孜县", 1, "རྒྱལ་རྩེ"},
    {"定日县", 1, "དིང་རི"}, {"萨迦县", 1, "ས་སྐྱ"}, {"拉孜县", 1, "ལྷ་རྩེ"}, {"昂仁县", 1, "ངམ་རིང"},
    {"谢通门县", 1, "བཞད་མཐོང་སྨོན"}, {"白朗县", 1, "པ་སྣམ"}, {"仁布县", 1, "རིན་སྤུངས"},
    {"康马县", 1, "ཁང་དམར"}, {"定结县", 1, "གདིང་སྐྱེས"}, {"仲巴县", 1, "འབྲོང་པ"},
    {"亚东县", 1, "གྲོ་མོ"}, {"吉隆县", 1, "སྐྱིད་གྲོང"}, {"聂拉木县", 1, "གཉའ་ལམ"},
    {"萨嘎县", 1, "ས་དགའ"}, {"岗巴县", 1, "གམ་པ"},
    {"卡若区", 2, "ཁ་རོ"}, {"江达县", 2, "འཇོ་མདའ"}, {"贡觉县", 2, "གོ་འཇོ"},
    {"类乌齐县", 2, "རི་བོ་ཆེ"}, {"丁青县", 2, "སྟེང་ཆེན"}, {"察雅县", 2, "བྲག་གཡབ"},
    {"八宿县", 2, "དཔའ་ཤོད"}, {"左贡县", 2, "མཛོ་སྒང"}, {"芒康县", 2, "སྨར་ཁམས"},
    {"洛隆县", 2, "ལྷོ་རོང"}, {"边坝县", 2, "དཔལ་འབར"},
    {"巴宜区", 3, NULL}, {"工布江达县", 3, "ཀོང་པོ་རྒྱ་མདའ"}, {"米林市", 3, "སྨན་གླིང"},
    {"墨脱县", 3, "མེ་ཏོག"}, {"波密县", 3, "སྤོ་མེས"}, {"察隅县", 3, "རྫ་ཡུལ"}, {"朗县", 3, "སྣང"},
    {"乃东区", 4, "སྣེ་གདོང"}, {"扎囊县", 4, "གྲྭ་ནང"}, {"贡嘎县", 4, "གོང་དཀར"},
    {"桑日县", 4, "ཟངས་རི"}, {"琼结县", 4, "འཕྱོངས་རྒྱས"}, {"曲松县", 4, "ཆུ་གསུམ"},
    {"措美县", 4, "མཚོ་སྨད"}, {"洛扎县", 4, "ལྷོ་བྲག"}, {"加查县", 4, "རྒྱ་ཚ"},
    {"隆子县", 4, "ལྷུན་རྩེ"}, {"错那市", 4, "མཚོ་སྣ"}, {"浪卡子县", 4, "སྣ་དཀར་རྩེ"},
    {"色尼区", 5, NULL}, {"嘉黎县", 5, "ལྷ་རི"}, {"比如县", 5, "འབྲི་རུ"}, {"聂荣县", 5, "གཉན་རོང"},
    {"安多县", 5, "ཨ་མདོ"}, {"申扎县", 5, "ཤན་རྩ"}, {"索县", 5, "སོག"}, {"班戈县", 5, "དཔལ་མགོན"},
    {"巴青县", 5, "སྦྲ་ཆེན"}, {"尼玛县", 5, "ཉི་མ"}, {"双湖县", 5, NULL},
    {"普兰县", 6, "སྤུ་ཧྲེང"}, {"札达县", 6, "རྩ་མདའ"}, {"噶尔县", 6, "སྒར"},
    {"日土县", 6, "རུ་ཐོག"}, {"革吉县", 6, "དགེ་རྒྱས"}, {"改则县", 6, "སྒེར་རྩེ"},
    {"措勤县", 6, "མཚོ་ཆེན"},
};

/* ---------------------------------------------------------------- brands */
/* Characters that Chinese sanitation/property companies put in their 2-character brand names
 * (吉祥, 清洁, 雪域 ...). A brand is two different characters from this list, or one of the
 * Tibetan given names below written in Chinese (扎西, 格桑 ...), as many Tibetan firms do. */
static const char *const BRAND_CH[] = {
    "洁", "净", "美", "华", "康", "安", "兴", "盛", "达", "通", "顺", "泰", "和", "瑞", "祥",
    "雪", "域", "高", "原", "圣", "城", "新", "源", "绿", "森", "蓝", "天", "宏", "博", "恒",
    "信", "诚", "德", "鑫", "金", "银", "宝", "晶", "亮", "明", "光", "辉", "荣", "昌", "隆",
    "丰", "茂", "润", "泽", "清", "洋", "海", "江", "川", "峰", "山", "岭", "云", "霞", "虹",
    "雅", "秀", "佳", "优", "卓", "越", "远", "景", "嘉", "福", "禄", "喜", "吉", "庆", "益",
    "众", "联", "合", "创", "力", "凯", "旭", "阳", "晨", "曦", "朗", "畅", "捷", "迅", "锦",
    "程", "鹏", "骏", "龙", "凤", "麒", "珠", "格", "桑", "巴", "扎", "西", "玛", "央", "宗",
    "拉", "曲", "措", "琼", "多", "仁", "旺", "顿", "珍", "梅", "朵", "贡", "嘎",
};
#define BRAND_CH_N NELEM(BRAND_CH)

static const char *const BRAND_NAME[] = {
    "扎西", "德吉", "格桑", "卓玛", "次仁", "旺堆", "平措", "尼玛", "达瓦", "央金", "拉姆",
    "巴桑", "罗布", "索朗", "白玛", "曲珍", "桑珠", "顿珠", "多吉", "米玛", "强巴", "洛桑",
    "边巴", "普布", "拉巴", "次旦", "措姆", "旦增", "贡嘎", "雪莲", "圣洁", "净土", "天路",
    "珠峰", "羊湖", "纳木", "雅江", "拉萨河", "吉祥", "如意", "圣城", "高原", "雪域", "日光",
};

/* Tibetan brand names of Tibetan-language unit names */
static const char *const BO_BRAND[] = {
    "བཀྲ་ཤིས", "བདེ་ཆེན", "ནོར་བུ", "ཕུན་ཚོགས", "བདེ་སྐྱིད", "རྒྱལ་མཚན", "གངས་ཅན", "གངས་དཀར",
    "པད་མ", "ཉི་མ", "ཟླ་བ", "མེ་ཏོག", "ཚེ་རིང", "དཔལ་ལྡན", "བསོད་ནམས", "དོན་གྲུབ", "སྒྲོལ་མ",
    "ལྷ་མོ", "ཡར་ཀླུང", "གཡུ་མཚོ", "ནོར་གླིང", "འོད་ཟེར", "བདེ་ལེགས", "སྐྱིད་ཆུ", "རྡོ་རྗེ",
    "ཤེས་རབ", "དགའ་ལྡན", "ཡིད་འོང", "གཙང་པོ", "ཀླུ་མཚོ",
};

static inline void put_brand(buf_t *b, rng_t *r)
{
    if (rng_chance(r, 0.25)) { buf_puts(b, PICK(r, BRAND_NAME)); return; }
    uint32_t i = rng_below(r, (uint32_t)BRAND_CH_N), j;
    do j = rng_below(r, (uint32_t)BRAND_CH_N); while (j == i);
    buf_puts(b, BRAND_CH[i]);
    buf_puts(b, BRAND_CH[j]);
}

/* place prefix of a Chinese unit name: 西藏 / 拉萨 / 拉萨市 / 拉萨市城关区 / 城关区 */
static inline void put_zh_place(buf_t *b, rng_t *r, int county)
{
    const county_t *c = &COUNTIES[county];
    switch (rng_below(r, 10)) {
    case 0: case 1: buf_puts(b, "西藏"); break;
    case 2: buf_puts(b, CITIES[c->city].shrt); break;
    case 3: case 4: buf_puts(b, CITIES[c->city].full); break;
    case 5: case 6: case 7: buf_puts(b, CITIES[c->city].full); buf_puts(b, c->zh); break;
    default: buf_puts(b, c->zh); break;
    }
}

static const char *const TRADE[] = {"环卫", "保洁", "物业", "清洁", "环境", "市政", "环卫", "保洁"};
static const char *const TRADE_MID[] = {"", "", "服务", "服务", "工程", "科技", "管理"};

/* One Chinese contractor name, e.g. 拉萨市城关区洁净环境服务有限公司. */
static inline void put_zh_company(buf_t *b, rng_t *r, int county)
{
    put_zh_place(b, r, county);
    put_brand(b, r);
    const char *trade = PICK(r, TRADE);
    buf_puts(b, trade);
    const char *mid = PICK(r, TRADE_MID);
    if (!strcmp(trade, "物业") && !*mid && rng_chance(r, 0.7)) mid = "管理";
    buf_puts(b, mid);
    uint32_t s = rng_below(r, 20);
    if (s < 13) buf_puts(b, "有限公司");
    else if (s < 17) buf_puts(b, "有限责任公司");
    else if (s < 19) buf_puts(b, "中心");
    else buf_puts(b, "站");
}

/* Tibetan trades: cleanliness/sanitation, environment, sweeping, environmental sanitation */
static const char *const BO_TRADE[] = {"གཙང་སྦྲ", "ཁོར་ཡུག", "ཕྱག་དར", "ཁོར་ཡུག་གཙང་སྦྲ"};
/* service, construction/engineering, technology, management */
static const char *const BO_MID[] = {"ཞབས་ཞུ", "ཞབས་ཞུ", "བཟོ་སྐྲུན", "ཚན་རྩལ", "དོ་དམ"};
/* limited company, company, centre, station */
static const char *const BO_SUFFIX[] = {"ཚད་ཡོད་ཀུང་སི", "ཚད་ཡོད་ཀུང་སི", "ཀུང་སི", "ལྟེ་གནས", "ས་ཚིགས"};

/* One Tibetan unit name, e.g. ལྷ་ས་གྲོང་ཁྱེར་བཀྲ་ཤིས་གཙང་སྦྲ་ཞབས་ཞུ་ཚད་ཡོད་ཀུང་སི. */
static inline void put_bo_company(buf_t *b, rng_t *r, int county)
{
    const county_t *c = &COUNTIES[county];
    uint32_t p = rng_below(r, 4);
    if (p == 0) buf_puts(b, "བོད་ལྗོངས་");
    else if (p == 1 || !c->bo) { buf_puts(b, CITIES[c->city].bo); buf_puts(b, "་གྲོང་ཁྱེར་"); }
    else if (p == 2) { buf_puts(b, CITIES[c->city].bo); buf_puts(b, "་"); buf_puts(b, c->bo); buf_puts(b, "་"); }
    else { buf_puts(b, c->bo); buf_puts(b, "་རྫོང་"); }
    buf_puts(b, PICK(r, BO_BRAND));
    buf_puts(b, "་");
    buf_puts(b, PICK(r, BO_TRADE));
    buf_puts(b, "་");
    buf_puts(b, PICK(r, BO_MID));
    buf_puts(b, "་");
    buf_puts(b, PICK(r, BO_SUFFIX));
}

#endif
