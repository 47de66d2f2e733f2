/* Reading numbers as people write them (classifier/numerals.h, SPEC §5). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include "../../classifier/numerals.h"

/* wa_parse_number takes normalised text: normalise first, like the
 * classifier does for an entity's (?<n>) group. */
static void expect_number(const char *s, double want)
{
    const char *n = wt_norm(s);
    double v = -12345;
    if (wa_parse_number(n, strlen(n), &v) != 0)
        fail_msg("'%s' (normalised '%s'): not read as a number, want %.4f", s, n, want);
    if (!(v - want < 1e-9 && want - v < 1e-9))
        fail_msg("'%s' (normalised '%s'): got %.4f, want %.4f", s, n, v, want);
}

static void expect_not_number(const char *s)
{
    const char *n = wt_norm(s);
    double v = -12345;
    if (wa_parse_number(n, strlen(n), &v) == 0)
        fail_msg("'%s' (normalised '%s'): read as %.4f, want no number", s, n, v);
}

static void arabic(void **state)
{
    (void)state;
    expect_number("52", 52);
    expect_number("1.5", 1.5);
    expect_number("0", 0);
    expect_number("700000", 700000);
    expect_number("1,500", 1500); /* the thousands comma is dropped by the normaliser */
    expect_number("１２", 12);    /* full-width digits */
    expect_number("༥༠", 50);      /* Tibetan digits */
    expect_number("52岁", 52);    /* what follows the number is not read */
}

static void chinese_units_and_tens(void **state)
{
    (void)state;
    expect_number("三", 3);
    expect_number("两", 2);
    expect_number("十", 10);
    expect_number("十五", 15);
    expect_number("二十", 20);
    expect_number("二十三", 23);
    expect_number("九十九", 99);
}

static void chinese_hundreds_and_zero(void **state)
{
    (void)state;
    expect_number("一百零五", 105);
    expect_number("一百", 100);
    expect_number("三百二十", 320);
    expect_number("一千零五十", 1050);
    expect_number("两千三百四十五", 2345);
}

/* Spoken short forms: a digit after a unit counts in the next unit down. */
static void chinese_spoken_short_forms(void **state)
{
    (void)state;
    expect_number("三千五", 3500);
    expect_number("一万二", 12000);
    expect_number("两万五", 25000);
    expect_number("一万二千五", 12500);
    expect_number("三百五", 350);
    expect_number("一千零五", 1005); /* 零: the digit is units */
    expect_number("二十五", 25);     /* after 十 nothing changes */
    expect_number("仨", 3);
    expect_number("俩", 2);
}

static void chinese_approximate(void **state)
{
    (void)state;
    expect_number("五十多", 50);
    expect_number("两万多", 20000);
    expect_number("三十余", 30);
    expect_number("十来", 10);
    expect_number("三个月", 3); /* the numeral at the front is read */
}

static void chinese_wan(void **state)
{
    (void)state;
    expect_number("十五万", 150000);
    expect_number("两万", 20000);
    expect_number("一万两千", 12000);
    expect_number("二十万零五百", 200500);
    expect_number("七十万", 700000);
}

static void chinese_yi_with_wan(void **state)
{
    (void)state;
    /* a 万 section after 亿 multiplies only its own section */
    expect_number("一亿", 1e8);
    expect_number("一亿两千万", 1.2e8);
    expect_number("三亿五千万", 3.5e8);
}

static void chinese_financial(void **state)
{
    (void)state;
    expect_number("壹仟贰佰", 1200);
    expect_number("叁拾", 30);
    expect_number("伍佰", 500);
    expect_number("壹万", 10000);
}

static void mixed_forms(void **state)
{
    (void)state;
    expect_number("1.5万", 15000);
    expect_number("3千", 3000);
    /* one digit after a unit counts in the next unit down, as 一万二 */
    expect_number("1万2", 12000);
    expect_number("2万5千", 25000);
    expect_number("12万", 120000);
    expect_number("2.5万多", 25000);
    expect_number("１．５万", 15000);
}

static void tibetan_words(void **state)
{
    (void)state;
    expect_number("ལྔ་བཅུ", 50);
    expect_number("བཅོ་ལྔ", 15);
    expect_number("བཅུ", 10);
    expect_number("བཅུ་གཉིས", 12);
    expect_number("ཉི་ཤུ", 20);
    expect_number("ཉི་ཤུ་རྩ་ལྔ", 25);
    expect_number("སུམ་ཅུ་སོ་ལྔ", 35);
    expect_number("ཁྲི་གཉིས", 20000);
    expect_number("ལྔ་བརྒྱ", 500);
    expect_number("ཉིས་བརྒྱ", 200);
    expect_number("གསུམ", 3);
    expect_number("ཁྲི་གཅིག་དང་སྟོང་ལྔ", 15000);
    expect_number("ཆིག་སྟོང་དགུ་བརྒྱ", 1900);
    expect_number("སྟོང", 1000);
    expect_number("ཉིས་སྟོང་ལྔ་བརྒྱ", 2500);
    expect_number("ཁྲི་གཉིས་དང་ལྔ་བརྒྱ", 20500);
    /* after its unit, a multiplier of several syllables */
    expect_number("ཁྲི་བཅུ་བཞི", 140000);
    expect_number("ཁྲི་སོ་དྲུག", 360000);
    expect_number("ཁྲི་ཉི་ཤུ་རྩ་ལྔ", 250000);
    expect_number("སྟོང་ཕྲག་གསུམ", 3000);
    expect_number("སྟོང་ཕྲག་བཅུ་གཅིག", 11000);
    /* a trailing tsheg changes nothing */
    expect_number("ལྔ་བཅུ་", 50);
}

static void tibetan_spoken_decades(void **state)
{
    (void)state;
    /* a decade connector without a tens word stands for the decade */
    expect_number("ཉེར་བརྒྱད", 28);
    expect_number("སོ་ལྔ", 35);
    expect_number("སུམ་ཅུ་སོ་ལྔ", 35);
    expect_number("བཞི་བཅུ་ཞེ་ལྔ", 45);
}

static void tibetan_words_other_spellings(void **state)
{
    (void)state;
    /* tsheg variants and a space between syllables are normalised first */
    expect_number("ལྔ\u0F0Cབཅུ", 50);
    expect_number("ལྔ བཅུ", 50);
}

static void rejects_non_numbers(void **state)
{
    (void)state;
    expect_not_number("");
    expect_not_number("abc");
    expect_not_number("工资");
    expect_not_number("个月");
    expect_not_number("多");
    expect_not_number("几");
    expect_not_number("。");
    expect_not_number("ཟླ་ཕོགས");
    expect_not_number("ཀཁ");
    double v = -1;
    assert_int_equal(wa_parse_number("x", 0, &v), -1); /* empty span */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arabic),
        cmocka_unit_test(chinese_units_and_tens),
        cmocka_unit_test(chinese_hundreds_and_zero),
        cmocka_unit_test(chinese_spoken_short_forms),
        cmocka_unit_test(chinese_approximate),
        cmocka_unit_test(chinese_wan),
        cmocka_unit_test(chinese_yi_with_wan),
        cmocka_unit_test(chinese_financial),
        cmocka_unit_test(mixed_forms),
        cmocka_unit_test(tibetan_words),
        cmocka_unit_test(tibetan_words_other_spellings),
        cmocka_unit_test(tibetan_spoken_decades),
        cmocka_unit_test(rejects_non_numbers),
    };
    return cmocka_run_group_tests_name("test_numerals", tests, NULL, NULL);
}
