/* Charset decisions and conversion: declared, missing and lying charsets. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/utf8.h"
#include "../../crawler/charset.h"

/* text (UTF-8) encoded in charset, into a malloc'd buffer. */
static char *encode(const char *text, const char *charset, size_t *len)
{
    iconv_t cd = iconv_open(charset, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t inleft = strlen(text), cap = inleft * 2 + 16, outleft = cap;
    char *out = malloc(cap), *o = out, *in = (char *)text;
    assert_non_null(out);
    assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
    iconv_close(cd);
    *len = cap - outleft;
    return out;
}

static const char sample[] = "拉萨市城关区多名环卫工人反映，他们所在的保洁公司已经连续三个月没有发放工资，"
                             "涉及工人四十余名。工人们表示，每天凌晨五点就开始清扫街道。";
static const char sample_trad[] = "那曲市色尼區部分環衛工人表示，他們的工資已經遲發了一個多月，影響到了家庭的正常生活。"
                                  "據了解，涉及的環衛工人有二十多名。";

static void decide(const char *ct, const char *body, size_t len, wa_charset *cs, wa_buf *out)
{
    wa_buf_init(out);
    assert_int_equal(wa_charset_decode(ct, (const unsigned char *)body, len, out, cs, NULL), 0);
    assert_int_equal(wa_utf8_check(out->data, out->len), out->len);
}

static void labels_normalised(void **state)
{
    (void)state;
    char out[WA_CHARSET_NAME_MAX];
    wa_charset_normalize("GB2312", 6, out, sizeof out);
    assert_string_equal(out, "GB18030");
    wa_charset_normalize(" \"x-big5\" ", 10, out, sizeof out);
    assert_string_equal(out, "BIG5-HKSCS");
    wa_charset_normalize("utf8", 4, out, sizeof out);
    assert_string_equal(out, "UTF-8");
    wa_charset_normalize("UTF-8//TRANSLIT", 15, out, sizeof out);
    assert_string_equal(out, "");
    wa_charset_from_content_type("text/html; Charset=GBK", out, sizeof out);
    assert_string_equal(out, "GB18030");
}

static void markup_declarations(void **state)
{
    (void)state;
    char out[WA_CHARSET_NAME_MAX];
    const char *how;
    const char a[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">";
    wa_charset_from_markup((const unsigned char *)a, strlen(a), out, sizeof out, &how);
    assert_string_equal(out, "GB18030");
    assert_string_equal(how, "meta");
    const char b[] = "<?xml version=\"1.0\" encoding=\"big5\"?><rss/>";
    wa_charset_from_markup((const unsigned char *)b, strlen(b), out, sizeof out, &how);
    assert_string_equal(out, "BIG5-HKSCS");
    assert_string_equal(how, "xml");
}

static void gbk_declared(void **state)
{
    (void)state;
    size_t len;
    char *gbk = encode(sample, "GBK", &len);
    wa_charset cs;
    wa_buf out;
    decide("text/html; charset=gbk", gbk, len, &cs, &out);
    assert_string_equal(cs.name, "GB18030");
    assert_string_equal(cs.how, "header");
    assert_string_equal(out.data, sample);
    wa_buf_free(&out);
    free(gbk);
}

static void gbk_undeclared_detected(void **state)
{
    (void)state;
    size_t len;
    char *gbk = encode(sample, "GBK", &len);
    wa_charset cs;
    wa_buf out;
    decide(NULL, gbk, len, &cs, &out);
    assert_string_equal(cs.name, "GB18030");
    assert_string_equal(cs.how, "detected");
    assert_string_equal(out.data, sample);
    wa_buf_free(&out);
    free(gbk);
}

static void big5_detected(void **state)
{
    (void)state;
    size_t len;
    char *b5 = encode(sample_trad, "BIG5", &len);
    wa_charset cs;
    wa_buf out;
    decide(NULL, b5, len, &cs, &out);
    assert_string_equal(cs.name, "BIG5-HKSCS");
    assert_string_equal(out.data, sample_trad);
    wa_buf_free(&out);
    free(b5);
}

static void lying_utf8_declaration(void **state)
{
    (void)state;
    size_t len;
    char *gbk = encode(sample, "GBK", &len);
    wa_charset cs;
    wa_buf out;
    decide("text/html; charset=utf-8", gbk, len, &cs, &out);
    assert_string_equal(cs.name, "GB18030");
    assert_string_equal(cs.how, "detected");
    assert_string_equal(cs.declared, "UTF-8");
    assert_string_equal(out.data, sample);
    wa_buf_free(&out);
    free(gbk);
}

static void lying_gbk_declaration_over_utf8(void **state)
{
    (void)state;
    wa_charset cs;
    wa_buf out;
    decide("text/html; charset=gbk", sample, strlen(sample), &cs, &out);
    assert_string_equal(cs.name, "UTF-8");
    assert_string_equal(out.data, sample);
    wa_buf_free(&out);
}

static void big5_declared_as_gbk(void **state)
{
    (void)state;
    size_t len;
    char *b5 = encode(sample_trad, "BIG5", &len);
    wa_charset cs;
    wa_buf out;
    decide("text/html; charset=gbk", b5, len, &cs, &out);
    assert_string_equal(cs.name, "BIG5-HKSCS");
    assert_string_equal(out.data, sample_trad);
    wa_buf_free(&out);
    free(b5);
}

static void bom_wins(void **state)
{
    (void)state;
    const char body[] = "\xEF\xBB\xBF<p>环卫</p>";
    wa_charset cs;
    wa_buf out;
    decide("text/html; charset=big5", body, sizeof body - 1, &cs, &out);
    assert_string_equal(cs.how, "bom");
    assert_string_equal(out.data, "<p>环卫</p>");
    wa_buf_free(&out);
}

static void invalid_bytes_replaced_and_controls_cleaned(void **state)
{
    (void)state;
    const char body[] = "ok\xFF\xFE\x01\x00" "end";
    wa_buf out;
    wa_buf_init(&out);
    size_t bad = 0;
    assert_int_equal(wa_charset_to_utf8((const unsigned char *)body, sizeof body - 1, "UTF-8", &out, &bad), 0);
    assert_int_equal(bad, 2);
    assert_string_equal(out.data, "ok\xEF\xBF\xBD\xEF\xBF\xBD  end");
    wa_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(labels_normalised),
        cmocka_unit_test(markup_declarations),
        cmocka_unit_test(gbk_declared),
        cmocka_unit_test(gbk_undeclared_detected),
        cmocka_unit_test(big5_detected),
        cmocka_unit_test(lying_utf8_declaration),
        cmocka_unit_test(lying_gbk_declaration_over_utf8),
        cmocka_unit_test(big5_declared_as_gbk),
        cmocka_unit_test(bom_wins),
        cmocka_unit_test(invalid_bytes_replaced_and_controls_cleaned),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
