/* Publication times as pages write them, turned into RFC 3339.
 *
 *   2026-11-25T10:30:00+08:00   2026-11-25 10:30   2026/11/25   2026.11.25
 *   2026年11月25日 10:30        2026年11月25日10时30分        Wed, 25 Nov 2026 10:30:00 +0800
 *   1795583400 (Unix seconds) and 1795583400000 (milliseconds), as board APIs send them
 *
 * A time written without a zone is taken in the configured default zone
 * (China Standard Time, +08:00, for the sites this product watches). */
#ifndef WA_CRAWLER_DATES_H
#define WA_CRAWLER_DATES_H

#include <stddef.h>
#include <time.h>

typedef struct {
    time_t epoch;   /* seconds since 1970 UTC */
    int offset_min; /* the zone it was written in (or the default), minutes east of UTC */
    int has_time;   /* 0 when only a date was given (then 00:00 local) */
} wa_date;

/* Parse a whole field value (meta content, <time datetime>, feed date,
 * JSON value). Leading and trailing blanks are ignored; trailing text after
 * a complete date is tolerated. Returns 0, or -1 when it is not a date. */
int wa_date_parse(const char *s, size_t len, int default_offset_min, wa_date *out);

/* As wa_date_parse, and also the relative forms of message boards, taken
 * against now: "刚刚", "5分钟前", "3小时前", "2天前", "今天 08:15",
 * "昨天 10:30", "前天 10:30", and "11-25 10:30" (this year, or last year
 * when that would lie in the future). */
int wa_date_parse_at(const char *s, size_t len, int default_offset_min, time_t now, wa_date *out);

/* Find the first plausible date in free text (e.g. "发布时间：2026年11月25日
 * 10:30 来源：..."). Returns 0 and the date, or -1. */
int wa_date_find(const char *s, size_t len, int default_offset_min, wa_date *out);

/* RFC 3339 in the date's own zone, e.g. "2026-11-25T10:30:00+08:00"; out
 * needs 26 bytes. */
void wa_date_format(const wa_date *d, char *out, size_t cap);

/* "+08:00", "-0500", "Z", "UTC" into minutes east of UTC; -1 when invalid. */
int wa_date_parse_offset(const char *s, int *minutes);

#endif
