/* libFuzzer target: charset detection and conversion. Whatever the bytes
 * and the declaration, the output is valid UTF-8 without NUL bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/utf8.h"
#include "../../crawler/charset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The first line, when short, is the Content-Type header. */
    const uint8_t *nl = memchr(data, '\n', size < 80 ? size : 80);
    char ct[96] = "";
    const uint8_t *body = data;
    size_t len = size;
    if (nl) {
        memcpy(ct, data, (size_t)(nl - data));
        ct[nl - data] = '\0';
        body = nl + 1;
        len = size - (size_t)(nl - data) - 1;
    }
    wa_buf out;
    wa_buf_init(&out);
    wa_charset cs;
    if (wa_charset_decode(nl ? ct : NULL, body, len, &out, &cs, NULL) != 0)
        abort();
    if (out.data && (wa_utf8_check(out.data, out.len) != out.len || memchr(out.data, '\0', out.len)))
        abort();
    wa_buf_free(&out);
    return 0;
}
