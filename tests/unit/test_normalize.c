/* Normalisation rules of SPEC §5 (classifier/normalize.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include "../../common/utf8.h"

#define assert_norm(in, want) assert_string_equal(wt_norm(in), want)

/* ---- Chinese ------------------------------------------------------------------ */

static void t2s_traditional_to_simplified(void **state)
{
    (void)state;
    assert_norm("環衛", "环卫");
    assert_norm("薪資", "薪资");
    assert_norm("環衛工人", "环卫工人");
    assert_norm("拖欠薪資三個月", "拖欠薪资三个月");
    assert_norm("們發錢給", "们发钱给");
    assert_norm("环卫工人工资", "环卫工人工资");
}

/* Folding goes from traditional to simplified only: a simplified character
 * is never turned into a variant (tw2s turns 么 into 幺 and 抬 into 擡). */
static void t2s_leaves_simplified_alone(void **state)
{
    (void)state;
    assert_norm("环卫工人的工资什么时候发", "环卫工人的工资什么时候发");
    assert_norm("为什么怎么办", "为什么怎么办");
    assert_norm("抬头", "抬头");
}

/* Spellings that must meet in one form: 資 and 资, G ｇ Ｇ and g. */
static void variants_meet_in_one_form(void **state)
{
    (void)state;
    assert_norm("資", "资");
    assert_norm("资", "资");
    assert_norm("G", "g");
    assert_norm("ｇ", "g");
    assert_norm("Ｇ", "g");
    assert_norm("\u0F43", "\u0F42\u0FB7");
}

static void fullwidth_letters_and_digits(void **state)
{
    (void)state;
    assert_norm("ＡＢＣ１２３", "abc123");
    assert_norm("ｇｏｎｇｚｉ", "gongzi");
    assert_norm("工资３个月", "工资3个月");
}

static void fullwidth_punctuation(void **state)
{
    (void)state;
    /* ！？；，： fold to their ASCII twins (! ? ; are sentence breaks, kept) */
    assert_norm("工资！", "工资!");
    assert_norm("工资呢？", "工资呢?");
    assert_norm("环卫；工资", "环卫;工资");
    assert_norm("环卫，工资", "环卫,工资");
    assert_norm("事由：欠薪", "事由:欠薪");
    /* full-width brackets and symbols are noise, like their ASCII forms */
    assert_norm("（环卫）＊工资", "环卫工资");
    assert_norm("拖＊欠", "拖欠");
    /* the ideographic space is noise */
    assert_norm("环\u3000卫", "环卫");
}

static void ascii_lower_case(void **state)
{
    (void)state;
    assert_norm("HuanWei", "huanwei");
    assert_norm("GZ", "gz");
    assert_norm("HW工", "hw工");
    assert_norm("abc", "abc");
}

static void noise_spaces(void **state)
{
    (void)state;
    assert_norm("环 卫 工 人", "环卫工人");
    assert_norm("环\t卫", "环卫");
    assert_norm("环   卫", "环卫");
    assert_norm("huan wei", "huanwei");
    assert_norm("环\u00A0卫", "环卫"); /* no-break space */
}

static void noise_symbols(void **state)
{
    (void)state;
    assert_norm("拖*欠", "拖欠");
    assert_norm("工-资", "工资");
    assert_norm("工.资", "工资");
    assert_norm("工_资", "工资");
    assert_norm("環 衛*工-人", "环卫工人");
    assert_norm("拖**欠", "拖欠");
    assert_norm("g-z", "gz");
}

static void noise_zero_width(void **state)
{
    (void)state;
    assert_norm("拖\u200B欠", "拖欠");
    assert_norm("拖\u200D欠", "拖欠");
    assert_norm("拖\uFEFF欠", "拖欠");
    assert_norm("\uFEFF环卫", "环卫");
    assert_norm("环\u200B\u200D\uFEFF卫", "环卫");
}

static void noise_emoji_and_variation_selectors(void **state)
{
    (void)state;
    assert_norm("环\U0001F600卫", "环卫");
    assert_norm("拖\U0001F621欠", "拖欠");
    assert_norm("环卫\u2764\uFE0F工人", "环卫工人");
    assert_norm("工\uFE0F资", "工资");
    assert_norm("工\U0001F44D\U0001F3FD资", "工资"); /* thumbs up with a skin tone */
    assert_norm("\U0001F62D\U0001F62D环卫", "环卫");
}

static void decimal_point_kept_thousands_comma_dropped(void **state)
{
    /* between Tibetan digits too: ༧.༢ is 7.2 */
    assert_norm("\u0F27.\u0F22", "7.2");
    (void)state;
    assert_norm("1.5万", "1.5万");
    assert_norm("拖欠1.5万元", "拖欠1.5万元");
    assert_norm("1,500元", "1500元");
    assert_norm("12,345,678元", "12345678元");
    assert_norm("１．５万", "1.5万");
    assert_norm("１，５００元", "1500元");
    /* elsewhere a full stop is noise and a comma a clause mark */
    assert_norm("工.资", "工资");
    assert_norm("工资,没发", "工资,没发");
    assert_norm("3个月.", "3个月");
}

/* A dash or tilde between digits is a range and stays (7-10月 is not 710月);
 * elsewhere it is noise. */
static void range_dash_between_digits(void **state)
{
    (void)state;
    assert_norm("7-10月", "7-10月");
    assert_norm("7—10月", "7-10月");
    assert_norm("3～5个月", "3-5个月");
    assert_norm("10 - 12月", "10-12月");
    assert_norm("༧-༩", "7-9");
    assert_norm("环-卫", "环卫");
    assert_norm("3-月", "3月");
}

static void compatibility_forms(void **state)
{
    (void)state;
    assert_norm("①", "1");
    assert_norm("拖欠③个月", "拖欠3个月");
    assert_norm("gōngzī", "gongzi");
    assert_norm("huánwèi", "huanwei");
    assert_norm("tuōqiàn", "tuoqian");
    assert_norm("gong\u0304zi\u0304", "gongzi"); /* combining macron */
    assert_norm("エ资", "工资");                 /* katakana look-alike */
}

/* ---- Tibetan ------------------------------------------------------------------- */

#define TSHEG "\u0F0B"

static void tibetan_nonbreaking_tsheg(void **state)
{
    (void)state;
    assert_norm("ཀ\u0F0Cཁ", "ཀ" TSHEG "ཁ");
    assert_norm("ཟླ\u0F0Cཕོགས", "ཟླ་ཕོགས");
    assert_string_equal(wt_norm("ལམ\u0F0Cཕྱགས\u0F0Cམཁན"), wt_norm("ལམ་ཕྱགས་མཁན"));
}

static void tibetan_repeated_tsheg(void **state)
{
    (void)state;
    assert_norm("ཀ་་ཁ", "ཀ་ཁ");
    assert_norm("ཀ་་་ཁ", "ཀ་ཁ");
    assert_norm("ཀ་\u0F0Cཁ", "ཀ་ཁ");
    assert_norm("ཀ\u0F0C\u0F0Cཁ", "ཀ་ཁ");
}

static void tibetan_tsheg_before_shad(void **state)
{
    (void)state;
    assert_norm("ཀ་།", "ཀ།");
    assert_norm("ཡིན་།", "ཡིན།");
    assert_norm("ཡིན\u0F0C།", "ཡིན།");
    assert_norm("ཡིན།", "ཡིན།");
}

static void tibetan_digits(void **state)
{
    (void)state;
    assert_norm("\u0F20\u0F21\u0F22\u0F23\u0F24\u0F25\u0F26\u0F27\u0F28\u0F29", "0123456789");
    assert_norm("ལས་མི་༥༠", "ལས་མི་50");
    assert_norm("ཟླ་༣", "ཟླ་3");
}

static void tibetan_discouraged_vowels(void **state)
{
    (void)state;
    assert_norm("ཀ\u0F73", "ཀ\u0F71\u0F72");
    assert_norm("ཀ\u0F75", "ཀ\u0F71\u0F74");
    assert_norm("ཀ\u0F77", "ཀ\u0FB2\u0F71\u0F80");
    assert_norm("ཀ\u0F79", "ཀ\u0FB3\u0F71\u0F80");
    assert_norm("ཀ\u0F81", "ཀ\u0F71\u0F80");
    /* the two spellings compare equal */
    assert_string_equal(wt_norm("ཀ\u0F73"), wt_norm("ཀ\u0F71\u0F72"));
    assert_string_equal(wt_norm("ཀ\u0F75"), wt_norm("ཀ\u0F71\u0F74"));
    assert_string_equal(wt_norm("ཀ\u0F81"), wt_norm("ཀ\u0F71\u0F80"));
}

static void tibetan_precomposed_stacks(void **state)
{
    (void)state;
    assert_norm("\u0F43", "\u0F42\u0FB7");
    assert_norm("\u0F4D", "\u0F4C\u0FB7");
    assert_norm("\u0F52", "\u0F51\u0FB7");
    assert_norm("\u0F57", "\u0F56\u0FB7");
    assert_norm("\u0F5C", "\u0F5B\u0FB7");
    assert_norm("\u0F69", "\u0F40\u0FB5");
    assert_norm("ད\u0F93", "ད\u0F92\u0FB7");
    assert_norm("ཨ\u0F9D", "ཨ\u0F9C\u0FB7");
    assert_norm("ཨ\u0FA2", "ཨ\u0FA1\u0FB7");
    assert_norm("ཨ\u0FA7", "ཨ\u0FA6\u0FB7");
    assert_norm("ཨ\u0FAC", "ཨ\u0FAB\u0FB7");
    assert_norm("ཨ\u0FB9", "ཨ\u0F90\u0FB5");
    /* a whole word: \u0F43 with a vowel and a tsheg */
    assert_string_equal(wt_norm("\u0F43\u0F7C་ཁ"), wt_norm("\u0F42\u0FB7\u0F7C་ཁ"));
    assert_string_equal(wt_norm("ལ\u0F93"), wt_norm("ལ\u0F92\u0FB7"));
}

static void tibetan_stack_marks_ordered(void **state)
{
    (void)state;
    /* vowel sign typed before the subjoined letter: ཀ + ི + ྱ -> ཀྱི */
    assert_norm("ཀ\u0F72\u0FB1", "ཀ\u0FB1\u0F72");
    /* u typed before the subjoined ga: ས + ུ + ྒ -> སྒུ */
    assert_norm("ས\u0F74\u0F92", "ས\u0F92\u0F74");
    /* a-chung after the vowel: ཀ + ི + ཱ -> ཀཱི */
    assert_norm("ཀ\u0F72\u0F71", "ཀ\u0F71\u0F72");
    /* vowel above before the vowel below */
    assert_norm("ཀ\u0F72\u0F74", "ཀ\u0F74\u0F72");
    /* anusvara (a mark) before the vowel */
    assert_norm("ཧ\u0F7E\u0F74", "ཧ\u0F74\u0F7E");
    /* two subjoined letters keep their written order */
    assert_norm("ས\u0F90\u0FB2", "ས\u0F90\u0FB2");
    /* two spellings of one stack compare equal, also inside words */
    assert_string_equal(wt_norm("བ\u0F7A\u0FB2་བ"), wt_norm("བ\u0FB2\u0F7A་བ"));
    assert_string_equal(wt_norm("ཟླ་ཕོགས་སྤྲད"), wt_norm("ཟླ་ཕོགས་ས\u0FA4\u0FB2ད"));
    assert_string_equal(wt_norm("ཁོར་ཡུག་གཙང་ས\u0F74\u0F92"), wt_norm("ཁོར་ཡུག་གཙང་ས\u0F92\u0F74"));
    /* decomposed and reordered together: ཀ + \u0F73 + ྱ */
    assert_string_equal(wt_norm("ཀ\u0F73\u0FB1"), wt_norm("ཀ\u0FB1\u0F71\u0F72"));
}

static void tibetan_space_reads_as_tsheg(void **state)
{
    (void)state;
    assert_norm("ཀ ཁ", "ཀ་ཁ");
    assert_norm("ཀ   ཁ", "ཀ་ཁ");
    assert_norm("ཀ་ ཁ", "ཀ་ཁ");
    assert_string_equal(wt_norm("ལམ ཕྱགས མཁན"), wt_norm("ལམ་ཕྱགས་མཁན"));
    /* a space before a shad is dropped like a tsheg */
    assert_norm("ཡིན །", "ཡིན།");
    /* between Chinese characters a space is still nothing */
    assert_norm("环 卫", "环卫");
}

/* People put a symbol, a full stop or an emoji where the tsheg goes
 * (ཟླ*ཕོགས): after a Tibetan syllable any dropped character reads as a
 * tsheg, as a space does; never two, never before a shad. */
static void tibetan_symbol_reads_as_tsheg(void **state)
{
    (void)state;
    assert_norm("ཟླ*ཕོགས", "ཟླ་ཕོགས");
    assert_norm("ཟླ.ཕོགས", "ཟླ་ཕོགས");
    assert_norm("ཟླ\U0001F621ཕོགས", "ཟླ་ཕོགས");
    assert_norm("ཟླ་*ཕོགས", "ཟླ་ཕོགས");
    assert_norm("ཟླ**ཕོགས", "ཟླ་ཕོགས");
    assert_norm("ཕོགས*།", "ཕོགས།");
    /* between Chinese characters a symbol is still nothing */
    assert_norm("环*卫", "环卫");
}

/* A pictograph that stands for a word is read as it: the money signs as 钱,
 * the broom as a letter of its own, the cross as 没; after a Tibetan syllable it is a tsheg,
 * as any symbol; other emoji are dropped. */
static void pictographs_read_as_words(void **state)
{
    (void)state;
    assert_norm("工💰", "工钱");
    assert_norm("被欠💴四个月", "被欠钱四个月");
    assert_norm("环🧹工人", "环🧹工人");
    assert_norm("ཕོགས💰ཆ", "ཕོགས་ཆ");
    assert_norm("ལམ🧹ཕྱགས", "ལམ་ཕྱགས");
    assert_norm("工😂资", "工资");
    /* the cross and the squared 無 are "none" (没), inside the plane or beyond it */
    assert_norm("💰❌❌ 第三个月了", "钱没没第三个月了");
    assert_norm("工资❌发", "工资没发");
    assert_norm("💰已经🈚了", "钱已经没了");
    assert_norm("ཕོགས❌ཆ", "ཕོགས་ཆ");
    /* the bin and the toilet are letters too; the bin with litter is the bin */
    assert_norm("收🗑的", "收🗑的");
    assert_norm("收🚮的", "收🗑的");
    assert_norm("🚽守门", "🚽守门");
}

/* ---- invalid input ----------------------------------------------------------------- */

static void invalid_utf8_skipped(void **state)
{
    (void)state;
    assert_norm("环\xff卫", "环卫");
    assert_norm("\xe7\x8e", "");
    assert_norm("工\xc0\xaf资", "工资");
}

/* ---- the offset map ----------------------------------------------------------------- */

static void norm_run(wa_norm *n, const char *s, uint32_t base)
{
    wa_norm_init(n);
    assert_int_equal(wa_norm_append(n, s, strlen(s), base), 0);
}

/* The normalised codepoint at normalised offset `at` must come from the
 * original bytes [os, oe): every byte of it maps there. */
static void expect_map(const wa_norm *n, size_t at, uint32_t cp, uint32_t os, uint32_t oe)
{
    assert_true(at < n->text.len);
    size_t adv;
    uint32_t got = wa_utf8_decode((const unsigned char *)n->text.data + at, n->text.len - at, &adv);
    if (got != cp)
        fail_msg("normalised byte %zu: codepoint U+%04X, want U+%04X", at, got, cp);
    for (size_t k = 0; k < adv; k++) {
        if (n->src_start[at + k] != os || n->src_end[at + k] != oe)
            fail_msg("normalised byte %zu (U+%04X): maps to [%u,%u), want [%u,%u)", at + k, cp,
                     n->src_start[at + k], n->src_end[at + k], os, oe);
    }
}

static void map_after_dropped_noise(void **state)
{
    (void)state;
    /* 環 SP 衛 * 工 ZWSP 人 : 0..3 3 4..7 7 8..11 11..14 14..17 */
    wa_norm n;
    norm_run(&n, "環 衛*工\u200B人", 0);
    assert_string_equal(n.text.data, "环卫工人");
    expect_map(&n, 0, 0x73AF, 0, 3);   /* 环 <- 環 */
    expect_map(&n, 3, 0x536B, 4, 7);   /* 卫 <- 衛 */
    expect_map(&n, 6, 0x5DE5, 8, 11);  /* 工 */
    expect_map(&n, 9, 0x4EBA, 14, 17); /* 人 */
    wa_norm_free(&n);
}

static void map_ascii_and_fullwidth(void **state)
{
    (void)state;
    wa_norm n;
    norm_run(&n, "A-B ＣＤ\U0001F600e", 0);
    assert_string_equal(n.text.data, "abcde");
    expect_map(&n, 0, 'a', 0, 1);
    expect_map(&n, 1, 'b', 2, 3);
    expect_map(&n, 2, 'c', 4, 7);
    expect_map(&n, 3, 'd', 7, 10);
    expect_map(&n, 4, 'e', 14, 15);
    wa_norm_free(&n);
}

static void map_with_base_offset(void **state)
{
    (void)state;
    wa_norm n;
    norm_run(&n, "拖*欠", 100);
    assert_string_equal(n.text.data, "拖欠");
    expect_map(&n, 0, 0x62D6, 100, 103);
    expect_map(&n, 3, 0x6B20, 104, 107);
    wa_norm_free(&n);
}

static void map_compatibility_and_numbers(void **state)
{
    (void)state;
    wa_norm n;
    /* ① is 3 bytes, ō 2 bytes, the thousands comma dropped, the point kept */
    norm_run(&n, "①gō1,5.0", 0);
    assert_string_equal(n.text.data, "1go15.0");
    expect_map(&n, 0, '1', 0, 3);
    expect_map(&n, 1, 'g', 3, 4);
    expect_map(&n, 2, 'o', 4, 6);
    expect_map(&n, 3, '1', 6, 7);
    expect_map(&n, 4, '5', 8, 9);
    expect_map(&n, 5, '.', 9, 10);
    expect_map(&n, 6, '0', 10, 11);
    wa_norm_free(&n);
}

static void map_decomposed_tibetan(void **state)
{
    (void)state;
    wa_norm n;
    /* ཀ (0..3) U+0F0C (3..6) U+0F43 (6..9) U+0F7C (9..12) U+0F0B (12..15) U+0F21 (15..18) */
    norm_run(&n, "ཀ\u0F0C\u0F43\u0F7C་༡", 0);
    assert_string_equal(n.text.data, "ཀ་\u0F42\u0FB7\u0F7C་1");
    expect_map(&n, 0, 0x0F40, 0, 3);
    expect_map(&n, 3, 0x0F0B, 3, 6); /* the non-breaking tsheg it came from */
    /* the stack ག + ྷ + ོ comes from the stack U+0F43 U+0F7C as a whole */
    expect_map(&n, 6, 0x0F42, 6, 12);
    expect_map(&n, 9, 0x0FB7, 6, 12);
    expect_map(&n, 12, 0x0F7C, 6, 12);
    expect_map(&n, 15, 0x0F0B, 12, 15);
    expect_map(&n, 18, '1', 15, 18);
    wa_norm_free(&n);
}

static void map_reordered_tibetan_stack(void **state)
{
    (void)state;
    wa_norm n;
    /* ཁ (0..3) then the stack ཀ ི ྱ (3..12) typed out of order, then a space (12..13) and ཁ */
    norm_run(&n, "ཁ་ཀ\u0F72\u0FB1 ཁ", 0);
    assert_string_equal(n.text.data, "ཁ་ཀ\u0FB1\u0F72་ཁ");
    expect_map(&n, 0, 0x0F41, 0, 3);
    expect_map(&n, 3, 0x0F0B, 3, 6);
    expect_map(&n, 6, 0x0F40, 6, 15);
    expect_map(&n, 9, 0x0FB1, 6, 15);
    expect_map(&n, 12, 0x0F72, 6, 15);
    expect_map(&n, 15, 0x0F0B, 15, 16); /* the space read as a tsheg */
    expect_map(&n, 18, 0x0F41, 16, 19);
    wa_norm_free(&n);
}

/* For a varied text: the map is inside the original, never runs backwards,
 * and the original bytes of each normalised codepoint, normalised again,
 * give back that codepoint (for the letters of Chinese and Latin). */
static void map_is_consistent(void **state)
{
    (void)state;
    const char *s = "環 衛*工\u200B人的ｇｏｎｇ-zī被拖\U0001F621欠了①②个月，共计1,500.5元！"
                    "ཁོར\u0F0Cཡུག་\u0F43\u0F7C་ཀ\u0F72\u0FB1 ཡིན་།";
    wa_norm n;
    norm_run(&n, s, 0);
    size_t len = strlen(s);
    uint32_t prev_start = 0;
    for (size_t i = 0; i < n.text.len; i++) {
        assert_true(n.src_start[i] < n.src_end[i]);
        assert_true(n.src_end[i] <= len);
        assert_true(n.src_start[i] >= prev_start);
        prev_start = n.src_start[i];
    }
    for (size_t i = 0; i < n.text.len;) {
        size_t adv;
        uint32_t cp = wa_utf8_decode((const unsigned char *)n.text.data + i, n.text.len - i, &adv);
        int letter = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 0x2E80);
        if (letter) {
            /* the original bytes alone normalise to this very codepoint */
            uint32_t os = n.src_start[i], oe = n.src_end[i];
            char piece[64] = {0};
            assert_true(oe - os < sizeof piece);
            memcpy(piece, s + os, oe - os);
            unsigned char u[5] = {0};
            wa_utf8_encode(cp, u);
            if (strcmp(wt_norm(piece), (const char *)u) != 0)
                fail_msg("normalised U+%04X at %zu maps to original '%s' [%u,%u), which normalises to '%s'", cp, i,
                         piece, os, oe, wt_norm(piece));
        }
        i += adv;
    }
    wa_norm_free(&n);
}

/* ---- sentence breaks ------------------------------------------------------------------------ */

static void sentence_breaks_recorded(void **state)
{
    (void)state;
    wa_norm n;
    norm_run(&n, "环卫。工资！拖欠？没发；\n完ཡིན།", 0);
    assert_string_equal(n.text.data, "环卫。工资!拖欠?没发;\n完ཡིན།");
    assert_int_equal(n.nbreaks, 6);
    for (size_t i = 0; i < n.nbreaks; i++) {
        size_t adv;
        uint32_t cp = wa_utf8_decode((const unsigned char *)n.text.data + n.breaks[i], n.text.len - n.breaks[i], &adv);
        assert_true(wa_norm_is_break_cp(cp));
        if (i)
            assert_true(n.breaks[i] > n.breaks[i - 1]);
    }
    /* a comma is a clause mark, not a sentence break */
    wa_norm_free(&n);
    norm_run(&n, "环卫,工资，拖欠", 0);
    assert_int_equal(n.nbreaks, 0);
    wa_norm_free(&n);
}

/* ---- robustness --------------------------------------------------------------------------------- */

static uint64_t rng = 0x853C49E6748FEA9BULL;

static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 11);
}

/* Random mixes of the characters the rules deal with, and invalid bytes:
 * the normaliser never fails, writes valid UTF-8, and keeps its map and
 * break list consistent (run under ASan by `make asan`). */
static void random_input_keeps_invariants(void **state)
{
    (void)state;
    static const uint32_t pool[] = {
        0x0F40, 0x0F42, 0x0F43, 0x0F51, 0x0F56, 0x0F66, 0x0F62, 0x0F63, 0x0F60, 0x0F71, 0x0F72, 0x0F73, 0x0F74,
        0x0F75, 0x0F77, 0x0F79, 0x0F7A, 0x0F7C, 0x0F7E, 0x0F80, 0x0F81, 0x0F90, 0x0F92, 0x0F93, 0x0FB1, 0x0FB2,
        0x0FB7, 0x0FB9, 0x0F0B, 0x0F0C, 0x0F0D, 0x0F0E, 0x0F14, 0x0F20, 0x0F25, 0x0F29, 0x0F39, ' ', '.', ',',
        '0', '5', '9', 'A', 'g', 'z', '*', '-', '_', '\n', '\r', '\t', '!', 0xFF10, 0xFF0C, 0xFF0E, 0xFF21, 0xFF47,
        0x3000, 0x3002, 0x73AF, 0x74B0, 0x536B, 0x885B, 0x5DE5, 0x8D44, 0x8CC7, 0x4E48, 0x30A8, 0x2460, 0x014D,
        0x0304, 0x200B, 0x200D, 0xFEFF, 0xFE0F, 0x1F62D, 0x1F3FD, 0x2028, 0x00A0, 0x20000, 0xE0041,
    };
    wa_norm n;
    wa_norm_init(&n);
    for (int iter = 0; iter < 4000; iter++) {
        unsigned char s[400];
        size_t len = 0, units = 1 + next_rand() % 80;
        for (size_t u = 0; u < units && len + 4 < sizeof s; u++) {
            uint32_t r = next_rand() % 100;
            if (r < 4) {
                static const unsigned char bad[] = {0xFF, 0x80, 0xC0, 0xE7, 0xED, 0xF4, 0xBF};
                s[len++] = bad[next_rand() % sizeof bad];
            } else {
                len += wa_utf8_encode(pool[next_rand() % (sizeof pool / sizeof pool[0])], s + len);
            }
        }
        wa_norm_reset(&n);
        uint32_t base = next_rand() % 3 ? 0 : 1000;
        assert_int_equal(wa_norm_append(&n, (const char *)s, len, base), 0);
        if (next_rand() % 2) {
            assert_int_equal(wa_norm_append_break(&n, base + (uint32_t)len), 0);
            assert_int_equal(wa_norm_append(&n, (const char *)s, len, base), 0);
        }
        assert_int_equal(n.text.data[n.text.len], '\0');
        assert_int_equal(wa_utf8_check(n.text.data, n.text.len), n.text.len);
        for (size_t i = 0; i < n.text.len; i++) {
            assert_true(n.src_start[i] >= base);
            assert_true(n.src_start[i] <= n.src_end[i]);
            assert_true(n.src_end[i] <= base + len);
        }
        for (size_t i = 0; i < n.nbreaks; i++) {
            assert_true(n.breaks[i] < n.text.len);
            if (i)
                assert_true(n.breaks[i] > n.breaks[i - 1]);
            size_t adv;
            uint32_t cp = wa_utf8_decode((const unsigned char *)n.text.data + n.breaks[i], n.text.len - n.breaks[i], &adv);
            assert_true(wa_norm_is_break_cp(cp));
        }
        /* wa_norm_string agrees with wa_norm_append */
        wa_buf b;
        wa_buf_init(&b);
        assert_int_equal(wa_norm_string((const char *)s, len, &b), 0);
        wa_norm one;
        wa_norm_init(&one);
        assert_int_equal(wa_norm_append(&one, (const char *)s, len, 0), 0);
        assert_int_equal(b.len, one.text.len);
        if (b.len)
            assert_memory_equal(b.data, one.text.data, b.len);
        wa_norm_free(&one);
        wa_buf_free(&b);
    }
    wa_norm_free(&n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t2s_traditional_to_simplified),
        cmocka_unit_test(t2s_leaves_simplified_alone),
        cmocka_unit_test(variants_meet_in_one_form),
        cmocka_unit_test(fullwidth_letters_and_digits),
        cmocka_unit_test(fullwidth_punctuation),
        cmocka_unit_test(ascii_lower_case),
        cmocka_unit_test(noise_spaces),
        cmocka_unit_test(noise_symbols),
        cmocka_unit_test(noise_zero_width),
        cmocka_unit_test(noise_emoji_and_variation_selectors),
        cmocka_unit_test(decimal_point_kept_thousands_comma_dropped),
        cmocka_unit_test(range_dash_between_digits),
        cmocka_unit_test(compatibility_forms),
        cmocka_unit_test(tibetan_nonbreaking_tsheg),
        cmocka_unit_test(tibetan_repeated_tsheg),
        cmocka_unit_test(tibetan_tsheg_before_shad),
        cmocka_unit_test(tibetan_digits),
        cmocka_unit_test(tibetan_discouraged_vowels),
        cmocka_unit_test(tibetan_precomposed_stacks),
        cmocka_unit_test(tibetan_stack_marks_ordered),
        cmocka_unit_test(tibetan_space_reads_as_tsheg),
        cmocka_unit_test(tibetan_symbol_reads_as_tsheg),
        cmocka_unit_test(pictographs_read_as_words),
        cmocka_unit_test(invalid_utf8_skipped),
        cmocka_unit_test(map_after_dropped_noise),
        cmocka_unit_test(map_ascii_and_fullwidth),
        cmocka_unit_test(map_with_base_offset),
        cmocka_unit_test(map_compatibility_and_numbers),
        cmocka_unit_test(map_decomposed_tibetan),
        cmocka_unit_test(map_reordered_tibetan_stack),
        cmocka_unit_test(map_is_consistent),
        cmocka_unit_test(sentence_breaks_recorded),
        cmocka_unit_test(random_input_keeps_invariants),
    };
    return cmocka_run_group_tests_name("test_normalize", tests, NULL, NULL);
}
