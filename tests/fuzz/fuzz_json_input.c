/* libFuzzer target: the JSON Lines input path, from raw bytes to a hit line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../classifier/classifier.h"
#include "fuzz_setup.h"
#include "../../classifier/hit_json.h"
#include "../../classifier/json_input.h"

static wa_classifier *cls;
static wa_session *session;
static wa_json_reader *reader;

static void setup(void)
{
    cls = fuzz_open(&session);
    reader = wa_json_reader_new();
    if (!reader)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!cls)
        setup();
    /* exact-size copy: exercises the padded-copy path under ASan */
    char *line = malloc(size ? size : 1);
    if (!line)
        return 0;
    memcpy(line, data, size);
    wa_json_doc jd;
    char err[256];
    if (wa_json_read_doc(reader, line, size, size, &jd, err, sizeof err) == 0) {
        wa_doc doc = {jd.id, jd.id_len, jd.title, jd.title_len, jd.text, jd.text_len, 1};
        wa_dict *d = wa_classifier_acquire(cls);
        const wa_result *r;
        if (wa_classify(session, d, &doc, 0, &r) != 0)
            abort();
        if (r->hit) {
            wa_buf out;
            wa_buf_init(&out);
            (void)wa_hit_to_json(d, r, &doc, line, size, 0, &out);
            wa_buf_free(&out);
        }
        wa_dict_release(d);
    } else if (!err[0]) {
        abort(); /* a rejection always says why */
    }
    free(line);
    return 0;
}
