/* The character set of a fetched body, and its conversion to UTF-8.
 *
 * Chinese sites are often served in GBK, GB18030 or Big5, and many of them
 * declare the wrong one (a template that says utf-8 over GBK bytes, a server
 * header that says iso-8859-1 for everything). The decision therefore weighs
 * every hint and checks it against the bytes:
 *
 *   1. a byte-order mark wins outright;
 *   2. a body that is valid UTF-8 with non-ASCII bytes is UTF-8, whatever is
 *      declared (legacy CJK text is practically never valid UTF-8);
 *   3. otherwise the declared charset (HTTP header, then <meta charset> /
 *      http-equiv, then the XML declaration) is kept unless the bytes decode
 *      into far more plausible text in GB18030 or Big5 (scored by how many of
 *      the most frequent Chinese characters appear, minus decoding errors and
 *      private-use characters);
 *   4. with no usable hint, the best of GB18030 and Big5 is taken.
 *
 * Every conversion yields valid UTF-8: undecodable bytes become U+FFFD and
 * are counted. GBK and GB2312 are decoded as GB18030, their superset. */
#ifndef WA_CRAWLER_CHARSET_H
#define WA_CRAWLER_CHARSET_H

#include <stddef.h>

#include "../common/buf.h"

#define WA_CHARSET_NAME_MAX 40

typedef struct {
    char name[WA_CHARSET_NAME_MAX];     /* an iconv name: "UTF-8", "GB18030", "BIG5-HKSCS", ... */
    const char *how;                    /* "bom", "header", "meta", "xml", "detected", "default" */
    char declared[WA_CHARSET_NAME_MAX]; /* what the page claimed ("" when nothing), for reports */
    size_t bom_len;                     /* bytes of byte-order mark to skip */
} wa_charset;

/* The iconv name for a label as found in headers and markup ("gbk",
 * "x-big5", "utf8", ...), or "" when it is not one iconv can decode. */
void wa_charset_normalize(const char *label, size_t label_len, char *out, size_t cap);

/* The charset parameter of a Content-Type value, normalised; "" when none. */
void wa_charset_from_content_type(const char *content_type, char *out, size_t cap);

/* The charset declared inside the first few KB of markup: <meta charset>,
 * <meta http-equiv content="...; charset=...">, or <?xml encoding="..."?>.
 * *how is set to "meta" or "xml". "" when none. */
void wa_charset_from_markup(const unsigned char *body, size_t len, char *out, size_t cap, const char **how);

/* Decide the charset of body. content_type may be NULL. */
void wa_charset_decide(const char *content_type, const unsigned char *body, size_t len, wa_charset *out);

/* Convert body (after any BOM) from charset to UTF-8, appending to out.
 * NUL and C0 controls other than tab, CR and LF become spaces, so the text
 * is safe for C string APIs and JSON alike. *bad (may be NULL) receives the
 * number of undecodable sequences replaced by U+FFFD. Returns 0, or -1 when
 * the charset is unknown or memory runs out. */
int wa_charset_to_utf8(const unsigned char *body, size_t len, const char *charset, wa_buf *out, size_t *bad);

/* Decide and convert in one step. */
int wa_charset_decode(const char *content_type, const unsigned char *body, size_t len, wa_buf *out, wa_charset *cs,
                      size_t *bad);

/* Close the converters this thread keeps open (see charset.c). */
void wa_charset_release(void);

#endif
