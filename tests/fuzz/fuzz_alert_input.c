/* libFuzzer target: what the alerting service takes from outside — a hit
 * message from Kafka and a hotline complaint body — against a ledger in
 * memory. The first byte picks which; each input runs in a transaction
 * that is rolled back, so the ledger stays small. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../alerting/hotline_api.h"
#include "../../alerting/incidents.h"

static wa_config cfg;
static wa_alert_config ac;
static wa_ledger *ledger;
static wa_ctx ctx;
static wa_incidents *inc;

static void setup(void)
{
    char err[512];
    if (wa_config_load(&cfg, NULL, NULL, err, sizeof err) != 0 || wa_alert_config_load(&ac, &cfg, err, sizeof err) != 0 ||
        wa_ledger_open(&ledger, ":memory:", err, sizeof err) != 0)
        abort();
    ctx.ledger = ledger;
    ctx.ac = &ac;
    ctx.topic_cases = "wa.cases";
    if (!(inc = wa_incidents_new(&ctx, 1795000000, err, sizeof err)))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Valid complaints commit their cases: start a fresh ledger now and then. */
    static unsigned runs;
    if (ledger && ++runs % 20000 == 0) {
        wa_incidents_free(inc);
        wa_ledger_close(ledger);
        wa_alert_config_free(&ac);
        wa_config_free(&cfg);
        ledger = NULL;
    }
    if (!ledger)
        setup();
    if (size == 0)
        return 0;
    /* The service hands the ledger a NUL-terminated copy; so do we. */
    char *body = malloc(size);
    if (!body)
        abort();
    memcpy(body, data + 1, size - 1);
    body[size - 1] = '\0';
    if (data[0] & 1) {
        long long id = 0;
        char field[64], err[256];
        int status = wa_hotline_record(&ctx, body, size - 1, 1795000000, &id, field, sizeof field, err, sizeof err);
        if (status != 200 && status != 201 && status != 400)
            abort();
        if (status == 400 && !field[0])
            abort(); /* a refusal always names the field */
        wa_ledger_rollback(ledger);
    } else if (!memchr(body, '\0', size - 1)) {
        if (wa_ledger_begin(ledger) != 0)
            abort();
        wa_hit_result r;
        if (wa_incidents_add(inc, body, size - 1, 1795000000, &r) != 0)
            abort();
        if (r.outcome == WA_HIT_MALFORMED && !r.reason[0])
            abort();
        wa_ledger_rollback(ledger);
        wa_incidents_rolled_back(inc);
    }
    free(body);
    return 0;
}
