/* wa-alertd: the alerting service and its operator commands. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "../../common/config.h"
#include "../alert_config.h"
#include "../clocks.h"
#include "../deliver.h"
#include "../accounts.h"
#include "../ledger.h"
#include "../ledger_staff.h"
#include "../ledger_views.h"
#include "../service.h"
#include "../workflow.h"

static const char usage[] =
    "Usage: wa-alertd [run] --config FILE [--db PATH] [--listen HOST:PORT] [--brokers LIST]\n"
    "                 [--group ID] [--stats-interval S] [--no-http] [--metrics HOST:PORT]\n"
    "                 [--dashboard DIR]\n"
    "       wa-alertd case ID --to STATE --by WHO [--note TEXT]    [--config FILE] [--db PATH]\n"
    "       wa-alertd check-clocks [--at TIME]                     [--config FILE] [--db PATH]\n"
    "       wa-alertd deliver                                      [--config FILE] [--db PATH]\n"
    "       wa-alertd export-csv [--from DATE] [--to DATE] [--prefecture P] [--out FILE] [--db PATH]\n"
    "       wa-alertd backup DEST                                  [--db PATH]\n"
    "       wa-alertd migrate                                      [--db PATH]\n"
    "       wa-alertd users add NAME --role ROLE [--prefecture P] [--password-stdin] [--db PATH]\n"
    "       wa-alertd users passwd NAME [--password-stdin]        [--db PATH]\n"
    "       wa-alertd users list                                   [--db PATH]\n"
    "       wa-alertd users disable|enable NAME                    [--db PATH]\n"
    "\n"
    "The alerting service: consumes wa.hits, opens a case per incident in the ledger (SQLite),\n"
    "runs the 2-hour fast-report and 24-hour resolution clocks, and notifies the offices\n"
    "(webhook, WeCom, DingTalk, e-mail) from a durable outbox. POST /api/complaints on --listen\n"
    "(default 127.0.0.1:8080) records hotline complaints. SIGTERM or SIGINT stops it cleanly.\n"
    "\n"
    "  run            the service (the default command)\n"
    "  case           move a case along the workflow: STATE is reported, assigned (note: the\n"
    "                 assignee), resolved (note: how, e.g. wages paid, amount, date), closed, or\n"
    "                 dismissed (note: the reason)\n"
    "  check-clocks   check every deadline once at TIME (default now; 2026-11-25T10:00:00Z or\n"
    "                 seconds since the epoch): overdue cases are marked and escalated\n"
    "  deliver        one delivery pass over the notifications that are due\n"
    "  export-csv     the complaint ledger as CSV (UTF-8) for cases opened in [--from, --to)\n"
    "                 (dates as 2026-11-01; default: everything), of one prefecture or all\n"
    "  backup         a consistent copy of the ledger into DEST while the service runs\n"
    "  migrate        bring the ledger's schema up to date and print its version\n"
    "  users          staff accounts of the API: add a user (ROLE: cyberspace, petition, housing,\n"
    "                 analyst or admin; --prefecture limits the user to that prefecture's cases),\n"
    "                 set a new password (ends the user's sessions), list the users, disable a\n"
    "                 user (refused at login, sessions ended) or enable it again. The password\n"
    "                 is read from the first line of stdin with --password-stdin (10 to 256 bytes),\n"
    "                 else a random one is made and printed once. Hashes are Argon2id.\n"
    "                 The first start of the service with no user creates \"admin\" with a random\n"
    "                 password, printed once on stderr.\n"
    "\n"
    "--metrics serves Prometheus counters at /metrics (default alerting.metrics, else none).\n"
    "--dashboard DIR serves the dashboard's files from DIR (default alerting.dashboard_dir,\n"
    "else alerting/dashboard of the working directory) at / and /static/ of --listen.\n"
    "--db defaults to alerting.db of the configuration, else wa-alertd.db. --brokers (or\n"
    "$WA_KAFKA_BROKERS) overrides the configuration's Kafka bootstrap servers.\n";

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
    (void)sig;
    stop_flag = 1;
}

/* "2026-11-25T10:00:00Z", "2026-11-25" (midnight UTC) or seconds since the epoch. */
static int parse_time(const char *s, long long *out)
{
    struct tm tm = {0};
    const char *end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (!end || *end) {
        memset(&tm, 0, sizeof tm);
        end = strptime(s, "%Y-%m-%d", &tm);
    }
    if (end && !*end) {
        *out = (long long)timegm(&tm);
        return 0;
    }
    char *e;
    errno = 0;
    long long v = strtoll(s, &e, 10);
    if (errno || e == s || *e || v < 0)
        return -1;
    *out = v;
    return 0;
}

static int die(const char *msg, const char *arg)
{
    fprintf(stderr, "wa-alertd: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    return 2;
}

/* The password of users add / passwd: the first line of stdin, or a random one printed once. */
static int read_password(int from_stdin, char *pw, size_t cap, int *generated)
{
    *generated = 0;
    if (!from_stdin) {
        wa_password_random(pw, 20);
        *generated = 1;
        return 0;
    }
    if (!fgets(pw, (int)cap, stdin)) {
        fprintf(stderr, "wa-alertd: --password-stdin: no password on stdin\n");
        return -1;
    }
    size_t n = strcspn(pw, "\r\n");
    if (pw[n] == '\0' && n == cap - 1) {
        fprintf(stderr, "wa-alertd: the password is longer than %d bytes\n", WA_PASSWORD_MAX);
        return -1;
    }
    pw[n] = '\0';
    if (n < WA_PASSWORD_MIN) {
        fprintf(stderr, "wa-alertd: the password must be at least %d bytes\n", WA_PASSWORD_MIN);
        return -1;
    }
    return 0;
}

static int users_cmd(wa_ledger *l, const char *sub, const char *name, const char *role, const char *pref,
                     int password_stdin)
{
    if (strcmp(sub, "list") == 0) {
        if (wa_ledger_users_print(l, stdout) != 0)
            return fprintf(stderr, "wa-alertd: %s\n", wa_ledger_error(l)), 1;
        return 0;
    }
    int add = strcmp(sub, "add") == 0, disable = strcmp(sub, "disable") == 0;
    if (disable || strcmp(sub, "enable") == 0) {
        int found = 0;
        if (wa_ledger_user_set_disabled(l, name, disable, &found) != 0)
            return fprintf(stderr, "wa-alertd: %s: %s\n", name, wa_ledger_error(l)), 1;
        if (!found)
            return fprintf(stderr, "wa-alertd: no user %s\n", name), 1;
        printf("user %s: %s\n", name, disable ? "disabled (sessions ended)" : "enabled");
        return 0;
    }
    if (!add && strcmp(sub, "passwd") != 0)
        return die("users: expected add, passwd, list, disable or enable", sub);
    if (!wa_username_valid(name))
        return die("users: a name is 1 to 64 letters, digits, '.', '_' or '-'", name);
    if (add && !wa_role_valid(role))
        return die("users add: --role must be cyberspace, petition, housing, analyst or admin", role);
    if (add && pref && strlen(pref) > 64)
        return die("users add: --prefecture is too long", NULL);
    char pw[WA_PASSWORD_MAX + 2], hash[WA_PWHASH_MAX];
    int generated, status = 0, found = 1;
    if (read_password(password_stdin, pw, sizeof pw, &generated) != 0)
        return 2;
    if (wa_password_hash(pw, hash) != 0) {
        sodium_memzero(pw, sizeof pw);
        return fprintf(stderr, "wa-alertd: cannot hash the password (out of memory)\n"), 1;
    }
    int rc = add ? wa_ledger_user_add(l, name, role, pref, hash, wa_clock_now())
                 : wa_ledger_user_set_password(l, name, hash, wa_clock_now(), &found);
    if (rc != 0)
        status = (fprintf(stderr, "wa-alertd: %s: %s\n", name, wa_ledger_error(l)), 1);
    else if (!found)
        status = (fprintf(stderr, "wa-alertd: no user %s\n", name), 1);
    else if (generated)
        printf("user %s: password %s (shown once)\n", name, pw);
    else
        printf("user %s: %s\n", name, add ? "added" : "password set");
    sodium_memzero(pw, sizeof pw);
    return status;
}

/* With no user yet, create "admin" with a random password and print it once. */
static int bootstrap_admin(const char *db_path)
{
    char err[1024];
    wa_ledger *l = NULL;
    long long n = 0;
    if (wa_ledger_open(&l, db_path, err, sizeof err) != 0) {
        fprintf(stderr, "wa-alertd: %s\n", err);
        return -1;
    }
    int rc = wa_ledger_user_count(l, &n);
    if (rc == 0 && n == 0) {
        char pw[21], hash[WA_PWHASH_MAX];
        wa_password_random(pw, 20);
        rc = wa_password_hash(pw, hash);
        if (rc == 0 && (rc = wa_ledger_user_add(l, "admin", "admin", NULL, hash, wa_clock_now())) == 0)
            fprintf(stderr,
                    "wa-alertd: first start: created user admin with password %s (shown once; change it with"
                    " wa-alertd users passwd admin)\n",
                    pw);
        sodium_memzero(pw, sizeof pw);
    }
    if (rc != 0)
        fprintf(stderr, "wa-alertd: creating the first admin: %s\n", wa_ledger_error(l));
    wa_ledger_close(l);
    return rc;
}

int main(int argc, char **argv)
{
    const char *cmd = "run";
    static const struct option opts[] = {
        {"config", required_argument, 0, 'c'}, {"db", required_argument, 0, 'd'},
        {"listen", required_argument, 0, 'l'}, {"brokers", required_argument, 0, 'b'},
        {"group", required_argument, 0, 'g'},  {"stats-interval", required_argument, 0, 's'},
        {"no-http", no_argument, 0, 'H'},      {"to", required_argument, 0, 't'},
        {"by", required_argument, 0, 'y'},     {"note", required_argument, 0, 'n'},
        {"at", required_argument, 0, 'a'},     {"from", required_argument, 0, 'f'},
        {"prefecture", required_argument, 0, 'p'}, {"out", required_argument, 0, 'o'},
        {"metrics", required_argument, 0, 'm'}, {"help", no_argument, 0, 'h'},
        {"role", required_argument, 0, 'r'},   {"password-stdin", no_argument, 0, 'P'},
        {"dashboard", required_argument, 0, 'D'}, {0, 0, 0, 0}};
    const char *config = NULL, *db = NULL, *listen = NULL, *brokers = NULL, *group = NULL, *to = NULL, *by = NULL,
               *note = NULL, *at = NULL, *from = NULL, *pref = NULL, *outpath = NULL, *metrics = NULL, *role = NULL,
               *dashboard = NULL;
    int password_stdin = 0;
    long stats_interval = 10;
    int no_http = 0;
    int c;
    opterr = 0; /* our own one-line message below */
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': config = optarg; break;
        case 'd': db = optarg; break;
        case 'l': listen = optarg; break;
        case 'b': brokers = optarg; break;
        case 'g': group = optarg; break;
        case 's': {
            char *e;
            stats_interval = strtol(optarg, &e, 10);
            if (*e || e == optarg || stats_interval < 0 || stats_interval > 86400)
                return die("--stats-interval must be seconds from 0 to 86400", optarg);
            break;
        }
        case 'H': no_http = 1; break;
        case 't': to = optarg; break;
        case 'y': by = optarg; break;
        case 'n': note = optarg; break;
        case 'a': at = optarg; break;
        case 'f': from = optarg; break;
        case 'p': pref = optarg; break;
        case 'o': outpath = optarg; break;
        case 'm': metrics = optarg; break;
        case 'r': role = optarg; break;
        case 'P': password_stdin = 1; break;
        case 'D': dashboard = optarg; break;
        case 'h': fputs(usage, stdout); return 0;
        default:
            fprintf(stderr, "wa-alertd: %s: unknown option or missing value (see --help)\n", argv[optind - 1]);
            return 2;
        }
    }
    /* getopt moved the words that are not options to the end: the first is the command. */
    if (optind < argc)
        cmd = argv[optind++];
    if (strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    static const char *const cmds[] = {"run", "case", "check-clocks", "deliver", "export-csv", "backup", "migrate", "users", NULL};
    int known = 0;
    for (size_t i = 0; cmds[i]; i++)
        known |= strcmp(cmd, cmds[i]) == 0;
    if (!known)
        return die("unknown command (see --help)", cmd);
    const char *arg1 = optind < argc ? argv[optind] : NULL;
    int want_args = strcmp(cmd, "case") == 0 || strcmp(cmd, "backup") == 0;
    if (strcmp(cmd, "users") == 0)
        want_args = arg1 && strcmp(arg1, "list") == 0 ? 1 : 2;
    if (argc - optind != want_args)
        return die(want_args ? "expected one argument (see --help)" : "unexpected argument", arg1);

    char err[1024];
    wa_config cfg;
    if (wa_config_load(&cfg, config, brokers, err, sizeof err) != 0)
        return die(err, NULL);
    wa_alert_config ac;
    if (wa_alert_config_load(&ac, &cfg, err, sizeof err) != 0) {
        wa_config_free(&cfg);
        return die(err, NULL);
    }
    if (group) {
        free(ac.group);
        ac.group = strdup(group);
    }
    if (dashboard) {
        free(ac.dashboard_dir);
        ac.dashboard_dir = strdup(dashboard);
    }
    if (!ac.group || !ac.dashboard_dir) {
        wa_alert_config_free(&ac);
        wa_config_free(&cfg);
        return die("out of memory", NULL);
    }
    const char *db_path = db ? db : ac.db ? ac.db : "wa-alertd.db";
    int status = 0;
    curl_global_init(CURL_GLOBAL_DEFAULT);

    if (strcmp(cmd, "run") == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGINT, &sa, NULL);
        signal(SIGPIPE, SIG_IGN);
        if (bootstrap_admin(db_path) != 0) {
            status = 1;
            goto done;
        }
        wa_service_opts o = {db_path, no_http ? NULL : listen ? listen : ac.listen, metrics ? metrics : ac.metrics,
                             &cfg, &ac, (int)stats_interval, 1000, &stop_flag};
        status = wa_service_run(&o);
        goto done;
    }
    wa_ledger *l = NULL;
    if (wa_ledger_open(&l, db_path, err, sizeof err) != 0) {
        status = die(err, NULL);
        goto done;
    }
    wa_ctx x = {l, &ac, cfg.topic_cases};
    if (strcmp(cmd, "migrate") == 0) {
        printf("%s: schema version %d\n", db_path, wa_ledger_schema_version(l));
    } else if (strcmp(cmd, "case") == 0) {
        char *e;
        long long id = strtoll(arg1, &e, 10);
        if (*e || e == arg1 || id <= 0)
            status = die("the case id must be a positive number", arg1);
        else if (!to || !by)
            status = die("case needs --to STATE and --by WHO", NULL);
        else if (wa_workflow_change(&x, id, to, by, note, wa_clock_now(), err, sizeof err) != 0)
            status = (fprintf(stderr, "wa-alertd: %s\n", err), 1);
        else
            printf("case %lld: %s\n", id, to);
    } else if (strcmp(cmd, "check-clocks") == 0) {
        long long now = wa_clock_now();
        int n = 0;
        if (at && parse_time(at, &now) != 0)
            status = die("--at must be a time like 2026-11-25T10:00:00Z or seconds since the epoch", at);
        else if (wa_clocks_check(&x, now, &n, err, sizeof err) != 0)
            status = (fprintf(stderr, "wa-alertd: %s\n", err), 1);
        else
            printf("%d deadline%s passed\n", n, n == 1 ? "" : "s");
    } else if (strcmp(cmd, "deliver") == 0) {
        int sent = 0, failed = 0;
        if (wa_deliver_pass(&x, &sent, &failed, err, sizeof err) != 0)
            status = (fprintf(stderr, "wa-alertd: %s\n", err), 1);
        else
            printf("%d delivered, %d failed (retried later)\n", sent, failed);
    } else if (strcmp(cmd, "export-csv") == 0) {
        long long t0 = 0, t1 = 1LL << 40;
        FILE *out = stdout;
        if ((from && parse_time(from, &t0) != 0) || (to && parse_time(to, &t1) != 0))
            status = die("--from and --to must be dates like 2026-11-01", from ? from : to);
        else if (outpath && !(out = fopen(outpath, "w")))
            status = (fprintf(stderr, "wa-alertd: %s: %s\n", outpath, strerror(errno)), 1);
        else {
            if (wa_ledger_export_csv(l, t0, t1, pref, out) != 0)
                status = (fprintf(stderr, "wa-alertd: %s\n", wa_ledger_error(l)), 1);
            if (out != stdout && fclose(out) != 0)
                status = (fprintf(stderr, "wa-alertd: %s: %s\n", outpath, strerror(errno)), 1);
        }
    } else if (strcmp(cmd, "users") == 0) {
        status = users_cmd(l, arg1, optind + 1 < argc ? argv[optind + 1] : NULL, role, pref, password_stdin);
    } else if (strcmp(cmd, "backup") == 0) {
        if (wa_ledger_backup(l, arg1) != 0)
            status = (fprintf(stderr, "wa-alertd: %s\n", wa_ledger_error(l)), 1);
        else
            printf("backed up %s to %s\n", db_path, arg1);
    }
    wa_ledger_close(l);
done:
    curl_global_cleanup();
    wa_alert_config_free(&ac);
    wa_config_free(&cfg);
    return status;
}
