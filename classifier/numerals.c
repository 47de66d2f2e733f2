#include "numerals.h"

#include <string.h>

#include "../common/utf8.h"

static int han_digit(uint32_t cp)
{
    switch (cp) {
    case 0x96F6: case 0x3007: return 0;               /* 零 〇 */
    case 0x4E00: case 0x58F9: case 0x5E7A: return 1;  /* 一 壹 幺 */
    case 0x4E8C: case 0x4E24: case 0x8D30: case 0x4FE9: return 2; /* 二 两 贰 俩 */
    case 0x4E09: case 0x53C1: case 0x4EE8: return 3;  /* 三 叁 仨 */
    case 0x56DB: case 0x8086: return 4;               /* 四 肆 */
    case 0x4E94: case 0x4F0D: return 5;               /* 五 伍 */
    case 0x516D: case 0x9646: return 6;               /* 六 陆 */
    case 0x4E03: case 0x67D2: return 7;               /* 七 柒 */
    case 0x516B: case 0x634C: return 8;               /* 八 捌 */
    case 0x4E5D: case 0x7396: return 9;               /* 九 玖 */
    default: return -1;
    }
}

static double han_small_unit(uint32_t cp)
{
    switch (cp) {
    case 0x5341: case 0x62FE: return 10;   /* 十 拾 */
    case 0x767E: case 0x4F70: return 100;  /* 百 佰 */
    case 0x5343: case 0x4EDF: return 1000; /* 千 仟 */
    default: return 0;
    }
}

static double han_big_unit(uint32_t cp)
{
    if (cp == 0x4E07) /* 万 */
        return 1e4;
    if (cp == 0x4EBF) /* 亿 */
        return 1e8;
    return 0;
}

/* Tibetan syllables, as written after normalisation. */
static const struct {
    const char *syl;
    int kind;     /* 1 digit, 2 ten-word, 3 big unit, 4 ignored, 5 tens marker, 6 decade connector */
    double value;
} tib_words[] = {
    {"གཅིག", 1, 1}, {"གཉིས", 1, 2}, {"གསུམ", 1, 3}, {"བཞི", 1, 4}, {"ལྔ", 1, 5},
    {"དྲུག", 1, 6}, {"བདུན", 1, 7}, {"བརྒྱད", 1, 8}, {"དགུ", 1, 9},
    {"སུམ", 1, 3}, {"ཉི", 1, 2}, {"ཉིས", 1, 2}, {"ཆིག", 1, 1}, {"བཅུ", 2, 10}, {"བཅོ", 2, 10},
    {"ཤུ", 5, 10}, {"ཅུ", 5, 10},
    {"བརྒྱ", 3, 100}, {"སྟོང", 3, 1000}, {"ཁྲི", 3, 1e4}, {"འབུམ", 3, 1e5}, {"ས་ཡ", 3, 1e6},
    /* decade connectors: after a tens word they only join (སུམ་ཅུ་སོ་ལྔ = 35);
     * spoken without one they stand for the decade (སོ་ལྔ = 35, ཉེར་བརྒྱད = 28) */
    {"རྩ", 6, 20}, {"ཉེར", 6, 20}, {"སོ", 6, 30}, {"ཞེ", 6, 40}, {"ང", 6, 50}, {"རེ", 6, 60}, {"དོན", 6, 70},
    {"གྱ", 6, 80}, {"གོ", 6, 90}, {"དང", 4, 0}, {"ཕྲག", 4, 0}, {"ལྷག", 4, 0}, {"ཙམ", 4, 0},
    {"མེད", 4, 0}, {"ཐམ", 4, 0}, {"པ", 4, 0},
};

/* Tibetan numbers are read largest first. A big unit takes its multiplier
 * either before it (ལྔ་བརྒྱ = 500, ཉིས་སྟོང = 2000) or after it, where the
 * multiplier may be a number of several syllables (ཁྲི་གཉིས = 20000,
 * ཁྲི་བཅུ་བཞི = 140000, ཁྲི་སོ་དྲུག = 360000); a unit waiting for its
 * multiplier takes what follows until the next unit, a དང ("and") or the
 * end, and a unit with none counts once (སྟོང་ = 1000). */
static int parse_tibetan(const char *s, size_t len, double *out)
{
    double total = 0, small = 0, pending = 0;
    int any = 0;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && !(j + 3 <= len && memcmp(s + j, "\xE0\xBC\x8B", 3) == 0))
            j++;
        size_t n = j - i;
        int matched = 0;
        for (size_t k = 0; k < sizeof tib_words / sizeof tib_words[0]; k++) {
            if (strlen(tib_words[k].syl) != n || memcmp(tib_words[k].syl, s + i, n) != 0)
                continue;
            matched = 1;
            any = 1;
            double v = tib_words[k].value;
            switch (tib_words[k].kind) {
            case 1: small += v; break;
            case 6:
                if (small == 0)
                    small = v;
                break;
            case 2: /* ལྔ་བཅུ = 50, but བཅུ་ལྔ / བཅོ་ལྔ = 15 */
                small = (small > 0 && small < 10) ? small * v : small + v;
                break;
            case 5: small = (small > 0 ? small : 1) * v; break;
            case 3:
                if (pending > 0) { /* ཁྲི་གཉིས་སྟོང: the waiting unit takes what came between */
                    total += pending * (small > 0 ? small : 1);
                    small = 0;
                    pending = 0;
                }
                if (small > 0) { /* ལྔ་བརྒྱ: multiplier before the unit */
                    total += small * v;
                    small = 0;
                } else {
                    pending = v;
                }
                break;
            default:
                /* ཁྲི་གཅིག་དང་སྟོང་ལྔ: "and" closes the unit before it */
                if (pending > 0 && small > 0 && strcmp(tib_words[k].syl, "དང") == 0) {
                    total += pending * small;
                    small = 0;
                    pending = 0;
                }
                break;
            }
            break;
        }
        if (!matched)
            break;
        i = j + 3;
    }
    if (!any)
        return -1;
    *out = pending > 0 ? total + pending * (small > 0 ? small : 1) : total + small;
    return 0;
}

int wa_parse_number(const char *s, size_t len, double *out)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len >= 3 && u[0] == 0xE0 && (u[1] == 0xBD || u[1] == 0xBE || u[1] == 0xBC))
        return parse_tibetan(s, len, out);
    double yi = 0, wan = 0, section = 0, number = 0; /* 亿 groups, 万 groups, below 万 */
    int any = 0;
    /* Spoken short forms: a digit right after a unit counts in the next
     * unit down (三千五 = 3500, 一万二 = 12000, 两万五 = 25000), unless a 零
     * stands between (一千零五 = 1005). */
    double last_unit = 0;
    int zero_since_unit = 0, digit_after_unit = 0;
    size_t i = 0;
    while (i < len) {
        if (u[i] >= '0' && u[i] <= '9') {
            double v = 0, scale = 0;
            while (i < len && ((u[i] >= '0' && u[i] <= '9') || (u[i] == '.' && scale == 0))) {
                if (u[i] == '.')
                    scale = 1;
                else if (scale > 0)
                    v += (u[i] - '0') * (scale /= 10);
                else
                    v = v * 10 + (u[i] - '0');
                i++;
            }
            /* 1万2 = 12000: one digit right after a unit, as 一万二 */
            digit_after_unit = last_unit > 0 && !zero_since_unit && scale == 0 && v > 0 && v < 10 &&
                               (u[i - 1] >= '0' && u[i - 1] <= '9') && (i < 2 || !(u[i - 2] >= '0' && u[i - 2] <= '9'));
            number = v;
            any = 1;
            continue;
        }
        size_t adv;
        uint32_t cp = wa_utf8_decode(u + i, len - i, &adv);
        i += adv;
        int d = han_digit(cp);
        double su = han_small_unit(cp), bu = han_big_unit(cp);
        if (d >= 0) {
            number = d;
            any = 1;
            if (d == 0)
                zero_since_unit = 1;
            digit_after_unit = d > 0 && last_unit > 0 && !zero_since_unit;
        } else if (su > 0) {
            last_unit = su;
            zero_since_unit = digit_after_unit = 0;
            /* a bare 十 at the start means 10 (十五 = 15) */
            section += (number > 0 ? number : (any ? 0 : 1)) * su;
            number = 0;
            any = 1;
        } else if (bu > 0) {
            last_unit = bu;
            zero_since_unit = digit_after_unit = 0;
            /* 万 multiplies only what follows the last 亿: 一亿两千万 = 1.2e8 */
            if (bu == 1e4) {
                wan += (section + number) * bu;
            } else {
                yi += (wan + section + number) * bu;
                wan = 0;
            }
            section = number = 0;
            any = 1;
        } else if (cp == 0x534A) { /* 半: half (半年 = 6 months) */
            number = 0.5;
            digit_after_unit = 0;
            any = 1;
        } else if (cp == 0x591A || cp == 0x4F59 || cp == 0x6765 || cp == 0x51E0 || cp == ',') {
            continue; /* 多 余 来 几: approximate */
        } else {
            break;
        }
    }
    if (!any)
        return -1;
    if (digit_after_unit && last_unit >= 100)
        number *= last_unit / 10;
    *out = yi + wan + section + number;
    return 0;
}
