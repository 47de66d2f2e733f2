#include "dates.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Days since 1970-01-01 of a civil date (proleptic Gregorian), H. Hinnant's
 * algorithm: no dependence on the process's time zone, unlike mktime. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = (int64_t)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (*m <= 2));
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static int make(int y, int mo, int d, int h, int mi, int s, int off, int has_time, wa_date *out)
{
    if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h < 0 || h > 23 ||
        mi < 0 || mi > 59 || s < 0 || s > 60)
        return -1;
    if (s == 60)
        s = 59;
    out->epoch = (time_t)(days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + s -
                          (int64_t)off * 60);
    out->offset_min = off;
    out->has_time = has_time;
    return 0;
}

/* Read 1..max digits at s[*i]; returns the number or -1. */
static int digits(const char *s, size_t len, size_t *i, int min, int max)
{
    int v = 0, n = 0;
    while (*i < len && n < max && s[*i] >= '0' && s[*i] <= '9') {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        n++;
    }
    return n >= min ? v : -1;
}

static int at(const char *s, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return i + n <= len && memcmp(s + i, lit, n) == 0;
}

static void skip_blanks(const char *s, size_t len, size_t *i)
{
    for (;;) {
        if (*i < len && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n' || s[*i] == '\r'))
            (*i)++;
        else if (at(s, len, *i, "\xC2\xA0")) /* no-break space */
            *i += 2;
        else if (at(s, len, *i, "\xE3\x80\x80")) /* ideographic space */
            *i += 3;
        else
            return;
    }
}

int wa_date_parse_offset(const char *s, int *minutes)
{
    size_t len = strlen(s), i = 0;
    if (len == 0)
        return -1;
    if ((len == 1 && (s[0] == 'Z' || s[0] == 'z')) || strcasecmp(s, "UTC") == 0 || strcasecmp(s, "GMT") == 0) {
        *minutes = 0;
        return 0;
    }
    if (s[0] != '+' && s[0] != '-')
        return -1;
    i = 1;
    int h = digits(s, len, &i, 2, 2);
    if (h < 0)
        return -1;
    if (i < len && s[i] == ':')
        i++;
    int m = digits(s, len, &i, 2, 2);
    if (m < 0 || i != len || h > 14 || m > 59)
        return -1;
    *minutes = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
    return 0;
}

/* An optional zone after a time: Z, +08:00, +0800, " GMT", " UTC", " CST"
 * (which on Chinese sites means China Standard Time). */
static void zone(const char *s, size_t len, size_t *i, int *off)
{
    size_t j = *i;
    if (j < len && (s[j] == 'Z' || s[j] == 'z')) {
        *off = 0;
        *i = j + 1;
        return;
    }
    skip_blanks(s, len, &j);
    if (j < len && (s[j] == '+' || s[j] == '-')) {
        int sign = s[j] == '-' ? -1 : 1;
        size_t k = j + 1;
        int h = digits(s, len, &k, 2, 2);
        if (h < 0 || h > 14)
            return;
        if (k < len && s[k] == ':')
            k++;
        int m = digits(s, len, &k, 2, 2);
        if (m < 0 || m > 59)
            return;
        *off = sign * (h * 60 + m);
        *i = k;
        return;
    }
    if (at(s, len, j, "GMT") || at(s, len, j, "UTC") || at(s, len, j, "UT")) {
        *off = 0;
        *i = j + (at(s, len, j, "UT") && !at(s, len, j, "UTC") ? 2 : 3);
        if (*i < len && (s[*i] == '+' || s[*i] == '-'))
            zone(s, len, i, off); /* "GMT+8" style is rare; "GMT+08:00" handled */
        return;
    }
    if (at(s, len, j, "CST")) {
        *off = 480;
        *i = j + 3;
    }
}

/* A time "HH:MM[:SS[.fff]]" or "HH时MM分[SS秒]" at s[*i]. */
static int clock_time_parse(const char *s, size_t len, size_t *i, int *h, int *mi, int *sec);

/* Outputs are written only on success. */
static int clock_time(const char *s, size_t len, size_t *i, int *h, int *mi, int *sec)
{
    int hh, mm, ss;
    if (clock_time_parse(s, len, i, &hh, &mm, &ss) != 0)
        return -1;
    *h = hh;
    *mi = mm;
    *sec = ss;
    return 0;
}

static int clock_time_parse(const char *s, size_t len, size_t *i, int *h, int *mi, int *sec)
{
    size_t j = *i;
    *h = digits(s, len, &j, 1, 2);
    if (*h < 0)
        return -1;
    int cjk = 0;
    if (j < len && s[j] == ':')
        j++;
    else if (at(s, len, j, "时") || at(s, len, j, "點") || at(s, len, j, "点")) {
        j += 3;
        cjk = 1;
    } else
        return -1;
    *mi = digits(s, len, &j, 2, 2);
    if (*mi < 0) {
        if (!cjk)
            return -1;
        *mi = 0;
    }
    if (cjk && at(s, len, j, "分"))
        j += 3;
    *sec = 0;
    if (!cjk && j < len && s[j] == ':') {
        size_t k = j + 1;
        int v = digits(s, len, &k, 2, 2);
        if (v >= 0) {
            *sec = v;
            j = k;
            if (j < len && (s[j] == '.' || s[j] == ',')) {
                j++;
                while (j < len && s[j] >= '0' && s[j] <= '9')
                    j++;
            }
        }
    } else if (cjk) {
        size_t k = j;
        int v = digits(s, len, &k, 1, 2);
        if (v >= 0 && at(s, len, k, "秒")) {
            *sec = v;
            j = k + 3;
        }
    }
    *i = j;
    return 0;
}

/* Year-month-day at s[i] in any of the numeric forms; on success *end is
 * just past what was read (time and zone included). */
static int numeric_date(const char *s, size_t len, size_t i, int def_off, wa_date *out, size_t *end)
{
    size_t j = i;
    int y = digits(s, len, &j, 4, 4);
    if (y < 0)
        return -1;
    int cjk = 0;
    char sep = 0;
    if (at(s, len, j, "年")) {
        cjk = 1;
        j += 3;
    } else if (j < len && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
        sep = s[j];
        j++;
    } else
        return -1;
    skip_blanks(s, len, &j);
    int mo = digits(s, len, &j, 1, 2);
    if (mo < 0)
        return -1;
    if (cjk) {
        skip_blanks(s, len, &j);
        if (!at(s, len, j, "月"))
            return -1;
        j += 3;
        skip_blanks(s, len, &j);
    } else if (j < len && s[j] == sep)
        j++;
    else
        return -1;
    int d = digits(s, len, &j, 1, 2);
    if (d < 0)
        return -1;
    int day_mark = 0;
    if (cjk) {
        skip_blanks(s, len, &j);
        if (at(s, len, j, "日") || at(s, len, j, "号")) {
            j += 3;
            day_mark = 1;
        }
    }
    if (!day_mark && j < len && s[j] >= '0' && s[j] <= '9')
        return -1; /* "2026-11-251" is not a date */
    int h = 0, mi = 0, sec = 0, has_time = 0, off = def_off;
    size_t k = j;
    if (k < len && (s[k] == 'T' || s[k] == 't'))
        k++;
    else
        skip_blanks(s, len, &k);
    /* Optional 上午/下午 before the time. */
    int pm = 0;
    if (at(s, len, k, "下午") || at(s, len, k, "晚上")) {
        pm = 1;
        k += 6;
    } else if (at(s, len, k, "上午") || at(s, len, k, "早上")) {
        k += 6;
    }
    if (clock_time(s, len, &k, &h, &mi, &sec) == 0) {
        has_time = 1;
        if (pm && h < 12)
            h += 12;
        j = k;
        zone(s, len, &j, &off);
    } else if (j < len && (s[j] == 'Z' || s[j] == '+')) {
        zone(s, len, &j, &off);
    }
    if (make(y, mo, d, h, mi, sec, off, has_time, out) != 0)
        return -1;
    *end = j;
    return 0;
}

static int month_of(const char *s, size_t len, size_t i)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    if (i + 3 > len)
        return -1;
    for (int m = 0; m < 12; m++)
        if (strncasecmp(s + i, names[m], 3) == 0)
            return m + 1;
    return -1;
}

/* RFC 822 / RFC 1123 as in RSS pubDate: "[Wed, ]25 Nov 2026 10:30[:00] +0800". */
static int rfc822(const char *s, size_t len, int def_off, wa_date *out)
{
    size_t i = 0;
    skip_blanks(s, len, &i);
    if (i + 3 < len && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')) && month_of(s, len, i) < 0) {
        while (i < len && s[i] != ',' && s[i] != ' ')
            i++;
        if (i < len && s[i] == ',')
            i++;
        skip_blanks(s, len, &i);
    }
    int d = digits(s, len, &i, 1, 2);
    if (d < 0)
        return -1;
    skip_blanks(s, len, &i);
    int mo = month_of(s, len, i);
    if (mo < 0)
        return -1;
    while (i < len && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
        i++;
    skip_blanks(s, len, &i);
    int y = digits(s, len, &i, 2, 4);
    if (y < 0)
        return -1;
    if (y < 100)
        y += y < 70 ? 2000 : 1900;
    skip_blanks(s, len, &i);
    int h = 0, mi = 0, sec = 0, has_time = 0, off = def_off;
    if (clock_time(s, len, &i, &h, &mi, &sec) == 0) {
        has_time = 1;
        zone(s, len, &i, &off);
    }
    return make(y, mo, d, h, mi, sec, off, has_time, out);
}

int wa_date_parse(const char *s, size_t len, int def_off, wa_date *out)
{
    size_t i = 0, end;
    skip_blanks(s, len, &i);
    if (i == len)
        return -1;
    /* All digits: a Unix timestamp in seconds or milliseconds. */
    size_t j = i;
    while (j < len && s[j] >= '0' && s[j] <= '9')
        j++;
    size_t k = j;
    skip_blanks(s, len, &k);
    if (k == len && (j - i == 10 || j - i == 13)) {
        long long v = 0;
        for (size_t x = i; x < j; x++)
            v = v * 10 + (s[x] - '0');
        if (j - i == 13)
            v /= 1000;
        int y;
        unsigned mo, d;
        civil_from_days(v / 86400, &y, &mo, &d);
        if (y < 1990 || y > 2100)
            return -1;
        out->epoch = (time_t)v;
        out->offset_min = def_off;
        out->has_time = 1;
        return 0;
    }
    if (numeric_date(s, len, i, def_off, out, &end) == 0)
        return 0;
    if (rfc822(s + i, len - i, def_off, out) == 0)
        return 0;
    return wa_date_find(s, len, def_off, out);
}

int wa_date_find(const char *s, size_t len, int def_off, wa_date *out)
{
    for (size_t i = 0; i + 8 <= len; i++) {
        /* A year starts at a non-digit boundary: 19xx or 20xx. */
        if (!((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')))
            continue;
        if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
            continue;
        size_t end;
        if (numeric_date(s, len, i, def_off, out, &end) == 0)
            return 0;
    }
    return -1;
}

void wa_date_format(const wa_date *d, char *out, size_t cap)
{
    int64_t local = (int64_t)d->epoch + (int64_t)d->offset_min * 60;
    int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    int64_t secs = local - days * 86400;
    int y;
    unsigned mo, day;
    civil_from_days(days, &y, &mo, &day);
    int off = d->offset_min < 0 ? -d->offset_min : d->offset_min;
    if (d->offset_min == 0)
        snprintf(out, cap, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, mo, day, (int)(secs / 3600), (int)(secs / 60 % 60),
                 (int)(secs % 60));
    else
        snprintf(out, cap, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", y, mo, day, (int)(secs / 3600),
                 (int)(secs / 60 % 60), (int)(secs % 60), d->offset_min < 0 ? '-' : '+', off / 60, off % 60);
}

/* Local calendar day of an instant in the given zone. */
static void local_day(time_t t, int off, int *y, unsigned *m, unsigned *d, int64_t *days)
{
    int64_t local = (int64_t)t + (int64_t)off * 60;
    *days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    civil_from_days(*days, y, m, d);
}

int wa_date_parse_at(const char *s, size_t len, int def_off, time_t now, wa_date *out)
{
    size_t i = 0;
    skip_blanks(s, len, &i);
    if (at(s, len, i, "刚刚")) {
        out->epoch = now;
        out->offset_min = def_off;
        out->has_time = 1;
        return 0;
    }
    /* "N分钟前", "N小时前", "N天前" */
    size_t j = i;
    int n = digits(s, len, &j, 1, 4);
    if (n >= 0) {
        size_t k = j;
        skip_blanks(s, len, &k);
        static const struct {
            const char *unit;
            int seconds;
        } units[] = {{"秒前", 1}, {"分钟前", 60}, {"分鐘前", 60}, {"小时前", 3600}, {"小時前", 3600}, {"天前", 86400}};
        for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
            if (at(s, len, k, units[u].unit)) {
                out->epoch = now - (time_t)n * units[u].seconds;
                out->offset_min = def_off;
                out->has_time = units[u].seconds < 86400;
                return 0;
            }
        }
    }
    int y;
    unsigned mo, d;
    int64_t today;
    local_day(now, def_off, &y, &mo, &d, &today);
    /* "今天 / 昨天 / 前天 HH:MM" */
    static const struct {
        const char *word;
        int back;
    } days[] = {{"今天", 0}, {"昨天", 1}, {"前天", 2}};
    for (size_t w = 0; w < sizeof days / sizeof days[0]; w++) {
        if (!at(s, len, i, days[w].word))
            continue;
        size_t k = i + strlen(days[w].word);
        skip_blanks(s, len, &k);
        int h = 0, mi = 0, sec = 0;
        int has_time = clock_time(s, len, &k, &h, &mi, &sec) == 0;
        int yy;
        unsigned mm, dd;
        civil_from_days(today - days[w].back, &yy, &mm, &dd);
        return make(yy, (int)mm, (int)dd, h, mi, sec, def_off, has_time, out);
    }
    /* "MM-DD HH:MM" or "M月D日 HH:MM" without a year */
    j = i;
    int m2 = digits(s, len, &j, 1, 2);
    if (m2 > 0 && j < len && (s[j] == '-' || s[j] == '/' || at(s, len, j, "月"))) {
        j += s[j] == '-' || s[j] == '/' ? 1 : 3;
        int d2 = digits(s, len, &j, 1, 2);
        if (d2 > 0 && (j >= len || s[j] < '0' || s[j] > '9')) {
            if (at(s, len, j, "日"))
                j += 3;
            size_t k = j;
            skip_blanks(s, len, &k);
            int h = 0, mi = 0, sec = 0;
            int has_time = clock_time(s, len, &k, &h, &mi, &sec) == 0;
            if (has_time || k >= len) {
                wa_date t;
                if (make(y, m2, d2, h, mi, sec, def_off, has_time, &t) == 0) {
                    /* A board shows recent posts: a date ahead of today is last year's. */
                    if (t.epoch > now + 86400 && make(y - 1, m2, d2, h, mi, sec, def_off, has_time, &t) != 0)
                        return -1;
                    *out = t;
                    return 0;
                }
            }
        }
    }
    return wa_date_parse(s, len, def_off, out);
}
