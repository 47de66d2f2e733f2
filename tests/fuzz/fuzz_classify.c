/* libFuzzer target: normalisation and matching on arbitrary bytes.
 *
 * Besides "never crash", it checks the prefilter's promise on every input:
 * a document the full classifier calls a hit is never dropped by the
 * prefilter. The first line of the input is the title, the rest the text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../classifier/classifier.h"
#include "fuzz_setup.h"
#include "../../classifier/normalize.h"

static wa_classifier *cls;
static wa_session *session;

static void setup(void)
{
    cls = fuzz_open(&session);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!cls)
        setup();
    const char *s = (const char *)data;
    const char *nl = memchr(s, '\n', size);
    wa_doc doc = {0};
    if (nl) {
        doc.title = s;
        doc.title_len = (size_t)(nl - s);
        doc.text = nl + 1;
        doc.text_len = size - doc.title_len - 1;
    } else {
        doc.text = s;
        doc.text_len = size;
    }
    wa_dict *d = wa_classifier_acquire(cls);
    const wa_result *r;
    if (wa_classify(session, d, &doc, WA_NO_PREFILTER, &r) != 0)
        abort();
    int full = r->hit;
    for (size_t i = 0; i < r->nmatches; i++) {
        const wa_match *m = &r->matches[i];
        size_t flen = m->field ? doc.text_len : doc.title_len;
        if (m->start > m->end || m->end > flen)
            abort(); /* offsets must lie inside the original field */
    }
    if (wa_classify(session, d, &doc, 0, &r) != 0)
        abort();
    if (full && !r->hit)
        abort(); /* the prefilter dropped a hit */
    wa_dict_release(d);

    wa_norm n;
    wa_norm_init(&n);
    if (wa_norm_append(&n, s, size, 0) == 0) {
        for (size_t i = 0; i < n.text.len; i++)
            if (n.src_start[i] > size || n.src_end[i] > size || n.src_start[i] > n.src_end[i])
                abort();
    }
    wa_norm_free(&n);
    return 0;
}
