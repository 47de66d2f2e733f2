/* The "alerting" section of the shared configuration file (common/config.h).
 *
 *   "alerting": {
 *     "db": "wa-alertd.db",            ledger file (relative to the config file)
 *     "listen": "127.0.0.1:8080",      HTTP API
 *     "group": "wa-alertd",            Kafka consumer group
 *     "metrics": "127.0.0.1:9465",     Prometheus /metrics (absent: none)
 *     "window_days": 30,               a hit joins a case of its incident seen within this window
 *     "near_distance": 8,              SimHash distance at which two texts are the same story
 *     "report_due_minutes": 120,       fast report clock
 *     "resolve_due_minutes": 1440,     resolution clock
 *     "spread": { "yellow": 3, "orange": 10, "red": 30 },   hits of a case that raise its level
 *     "hotline_token": "...",          bearer token of POST /api/complaints (or "hotline_token_file")
 *     "retry": { "initial_ms": 1000, "max_ms": 300000, "horizon_hours": 72, "timeout_ms": 10000 },
 *     "smtp": { "url": "smtp://host:25", "from": "wa@example.org", "username": "", "password": "" },
 *     "routes": [ { "name": "housing-hook", "office": "housing", "channel": "webhook",
 *                   "url": "https://...", "secret": "...", "min_level": "blue",
 *                   "prefectures": ["拉萨"], "to": ["a@example.org"] } ],
 *     "dict_dir": "dict",              dictionary of POST /api/explain and /api/dict/reload
 *     "dashboard_dir": "alerting/dashboard",  static files of the dashboard (GET / and /static/)
 *     "tibetan_font": "/usr/share/fonts/truetype/tibetan-machine/TibetanMachineUni.ttf",
 *     "metrics_public": false          true: /metrics on the API port without a session
 *   }
 * Paths in the file are relative to the file's folder; the defaults of
 * dict_dir and dashboard_dir are relative to the working directory.
 */
#ifndef WA_ALERT_CONFIG_H
#define WA_ALERT_CONFIG_H

#include <stddef.h>

#include "../common/config.h"

enum { WA_LEVEL_NONE = -1, WA_LEVEL_BLUE = 0, WA_LEVEL_YELLOW, WA_LEVEL_ORANGE, WA_LEVEL_RED };

typedef struct {
    char *name, *office, *channel; /* office: cyberspace|petition|housing|supervisors; channel: webhook|wecom|dingtalk|email */
    char *url;                     /* webhook and robot channels */
    char *secret;                  /* webhook: HMAC key; dingtalk: signing secret (optional) */
    char **to;                     /* e-mail recipients */
    size_t nto;
    char **prefectures;            /* empty: every prefecture */
    size_t nprefectures;
    int min_level;
} wa_route;

typedef struct {
    char *db, *listen, *group, *metrics;
    long long window_s, report_due_s, resolve_due_s;
    int near_distance;
    long long spread[4];            /* hits at which a case reaches each level; 0 = never */
    char *hotline_token;
    long long retry_initial_ms, retry_max_ms, retry_horizon_s, timeout_ms;
    char *smtp_url, *smtp_from, *smtp_user, *smtp_password;
    wa_route *routes;
    size_t nroutes;
    char *dict_dir, *dashboard_dir, *tibetan_font; /* never NULL after a load */
    int metrics_public;
} wa_alert_config;

/* Debian's fonts-tibetan-machine. */
#define WA_DEFAULT_TIBETAN_FONT "/usr/share/fonts/truetype/tibetan-machine/TibetanMachineUni.ttf"

/* Read the section (defaults for what is absent). Returns 0, or -1 with
 * "FILE: alerting.KEY: what is wrong" in err. */
int wa_alert_config_load(wa_alert_config *ac, const wa_config *cfg, char *err, size_t errcap);
void wa_alert_config_free(wa_alert_config *ac);

/* "blue" .. "red" → WA_LEVEL_*, WA_LEVEL_NONE when unknown. */
int wa_level_parse(const char *s);
const char *wa_level_name(int level);

#endif
