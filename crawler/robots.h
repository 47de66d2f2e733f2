/* robots.txt (RFC 9309): the group for our user agent (its product token,
 * else "*"), Allow/Disallow rules with '*' and '$', the longest matching
 * rule deciding (Allow on a tie), and the non-standard but widespread
 * Crawl-delay. Input is untrusted: only the first 512 KB are read (as
 * RFC 9309 allows), lines and rule counts are bounded. */
#ifndef WA_CRAWLER_ROBOTS_H
#define WA_CRAWLER_ROBOTS_H

#include <stddef.h>

typedef struct wa_robots wa_robots;

#define WA_ROBOTS_MAX_BYTES (512 * 1024)

/* Parse text for agent (the product token, e.g. "wa-crawler"; matched
 * case-insensitively). Never fails except for memory: NULL then. */
wa_robots *wa_robots_parse(const char *text, size_t len, const char *agent);
/* Everything allowed (a missing robots.txt, a 4xx answer). */
wa_robots *wa_robots_allow_all(void);
/* Everything disallowed (robots.txt unreachable or 5xx: RFC 9309 says to
 * assume complete disallow until it can be read). */
wa_robots *wa_robots_deny_all(void);
void wa_robots_free(wa_robots *r);

/* 1 when path_query ("/a/b?x") may be fetched, 0 when not. */
int wa_robots_allowed(const wa_robots *r, const char *path_query);
/* Crawl-delay in seconds for our group, or 0 when none. Capped at 60 s so
 * a hostile value cannot stall a source for days. */
double wa_robots_crawl_delay(const wa_robots *r);
/* Number of rules in our group (for tests and logs). */
size_t wa_robots_rule_count(const wa_robots *r);

#endif
