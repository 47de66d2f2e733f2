/* Main-text extraction, metadata, links, feeds and sitemaps. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "../../crawler/extract.h"
#include "../../crawler/feed.h"

static const char article_html[] =
    "<html><head><title>环卫工人被拖欠工资 - 某某新闻网</title>"
    "<meta name=\"author\" content=\"张明\">"
    "<link rel=\"canonical\" href=\"/news/1.html?utm_source=x\"></head><body>"
    "<div id=\"nav\"><a href=\"/\">首页</a><a href=\"/a\">要闻</a></div>"
    "<div class=\"main\"><h1>环卫工人被拖欠工资</h1>"
    "<div class=\"info\">发布时间：2026年11月25日 10:30 来源：某某新闻网</div>"
    "<div class=\"article-content\">"
    "<p>近日，拉萨市城关区多名环卫工人反映，他们所在的保洁公司已经连续三个月没有发放工资。</p>"
    "<p>工人们表示，每天凌晨五点就开始清扫街道，家里还有老人孩子要养，希望尽快讨回血汗钱。</p>"
    "</div>"
    "<div class=\"share-bar\">分享到：微信 微博</div>"
    "<div id=\"comment-list\"><p>网友评论：这种事情一定要严肃处理，不能让工人们寒心，希望有关部门尽快落实。</p></div>"
    "<div class=\"xgwz\"><a href=\"/n/2\">相关新闻一条很长很长很长的标题在这里出现了</a></div>"
    "</div><div class=\"footer\">版权所有 某某新闻网 地址：拉萨市城关区 电话：0891-0000000</div></body></html>";

static void main_text_and_metadata(void **state)
{
    (void)state;
    wa_article a;
    char err[128];
    assert_int_equal(wa_extract_article(article_html, strlen(article_html), "http://example.org/news/1.html?from=list",
                                        NULL, 480, &a, err, sizeof err),
                     0);
    assert_string_equal(a.title, "环卫工人被拖欠工资");
    assert_string_equal(a.text, "近日，拉萨市城关区多名环卫工人反映，他们所在的保洁公司已经连续三个月没有发放工资。\n"
                                "工人们表示，每天凌晨五点就开始清扫街道，家里还有老人孩子要养，希望尽快讨回血汗钱。");
    assert_string_equal(a.published_at, "2026-11-25T10:30:00+08:00");
    assert_string_equal(a.author, "张明");
    assert_string_equal(a.canonical, "http://example.org/news/1.html?utm_source=x");
    wa_article_free(&a);
}

static void xpath_selectors(void **state)
{
    (void)state;
    wa_xpaths xp = {"//div[@class='info']", "//div[@id='comment-list']", "//h1", NULL};
    wa_article a;
    char err[128];
    assert_int_equal(wa_extract_article(article_html, strlen(article_html), "http://example.org/", &xp, 480, &a, err,
                                        sizeof err),
                     0);
    assert_true(strncmp(a.title, "发布时间", strlen("发布时间")) == 0);
    assert_true(strncmp(a.text, "网友评论", strlen("网友评论")) == 0);
    /* "//h1" holds no date: the automatic search fills in */
    assert_string_equal(a.published_at, "2026-11-25T10:30:00+08:00");
    wa_article_free(&a);
    wa_xpaths badxp = {"//[", NULL, NULL, NULL};
    assert_int_equal(wa_extract_article(article_html, strlen(article_html), "http://example.org/", &badxp, 480, &a,
                                        err, sizeof err),
                     -1);
    assert_true(strstr(err, "XPath") != NULL);
    assert_false(wa_xpath_valid("//["));
    assert_true(wa_xpath_valid("//a/@href"));
}

static void jsonld_and_time_element(void **state)
{
    (void)state;
    const char html[] = "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                        "\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":\"保洁员讨薪\",\"datePublished\":"
                        "\"2026-11-20T08:00:00+08:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"李华\"}]}]}"
                        "</script></head><body><article><p>日喀则市一家物业公司的保洁员反映，公司拖欠她们两个月工资，"
                        "共计约八万元，多次讨要无果。</p></article></body></html>";
    wa_article a;
    char err[128];
    assert_int_equal(wa_extract_article(html, strlen(html), "http://example.org/", NULL, 480, &a, err, sizeof err), 0);
    assert_string_equal(a.title, "保洁员讨薪");
    assert_string_equal(a.published_at, "2026-11-20T08:00:00+08:00");
    assert_string_equal(a.author, "李华");
    wa_article_free(&a);
    const char html2[] = "<html><body><h1>标题</h1><time datetime=\"2026-11-21 09:00\">昨天</time>"
                         "<div>文／王强　　那曲市色尼区部分环卫工人表示，他们的工资已经迟发了一个多月。<br>"
                         "影响到了家庭的正常生活，希望有关部门关注。</div></body></html>";
    assert_int_equal(wa_extract_article(html2, strlen(html2), "http://example.org/", NULL, 480, &a, err, sizeof err),
                     0);
    assert_string_equal(a.published_at, "2026-11-21T09:00:00+08:00");
    assert_string_equal(a.author, "王强");
    assert_true(strstr(a.text, "影响到了家庭") != NULL);
    wa_article_free(&a);
}

static void malformed_and_empty_html(void **state)
{
    (void)state;
    static const char *const inputs[] = {"", "<", "<html><body><div><p>破损<b>页面<i>没有</div></span>", "\xEF\xBB\xBF",
                                         "<html><body></body></html>", NULL};
    for (size_t i = 0; inputs[i]; i++) {
        wa_article a;
        char err[128];
        if (wa_extract_article(inputs[i], strlen(inputs[i]), "http://example.org/", NULL, 480, &a, err, sizeof err) ==
            0) {
            assert_non_null(a.title);
            assert_non_null(a.text);
            wa_article_free(&a);
        } else {
            assert_true(err[0] != '\0');
        }
    }
}

static void list_links(void **state)
{
    (void)state;
    const char html[] = "<ul class=\"news\"><li><a href=\"/n/1.html\">一</a></li><li><a href=\"n/2.html#c\">二</a></li>"
                        "<li><a href=\"/n/1.html\">一again</a></li><li><a href=\"javascript:;\">x</a></li></ul>";
    char **links;
    size_t n;
    char err[128];
    assert_int_equal(wa_extract_links(html, strlen(html), "http://example.org/list/", "//ul[@class='news']//a", 100,
                                      &links, &n, err, sizeof err),
                     0);
    assert_int_equal(n, 2);
    assert_string_equal(links[0], "http://example.org/n/1.html");
    assert_string_equal(links[1], "http://example.org/list/n/2.html");
    wa_links_free(links, n);
}

static void feeds(void **state)
{
    (void)state;
    const char rss[] = "<?xml version=\"1.0\" encoding=\"gbk\"?><rss version=\"2.0\" "
                       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                       "<channel><title>新闻</title><item><title>一</title>"
                       "<atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" href=\"http://example.org/x\" rel=\"self\"/>"
                       "<link>/n/1.html</link>"
                       "<description>&lt;p&gt;摘要&lt;/p&gt;</description><content:encoded><![CDATA[<p>全文</p>]]></content:encoded>"
                       "<pubDate>Wed, 25 Nov 2026 10:30:00 +0800</pubDate><dc:creator>张明</dc:creator></item>"
                       "<item><title>二</title><guid>http://example.org/n/2.html</guid><dc:date>2026-11-24</dc:date></item>"
                       "</channel></rss>";
    wa_feed f;
    char err[128];
    assert_int_equal(wa_feed_parse(rss, strlen(rss), "http://example.org/feed", 480, 100, &f, err, sizeof err), 0);
    assert_int_equal(f.kind, WA_FEED_RSS2);
    assert_int_equal(f.n, 2);
    assert_string_equal(f.items[0].link, "http://example.org/n/1.html");
    assert_string_equal(f.items[0].summary, "全文");
    assert_string_equal(f.items[0].published_at, "2026-11-25T10:30:00+08:00");
    assert_string_equal(f.items[0].author, "张明");
    assert_string_equal(f.items[1].link, "http://example.org/n/2.html");
    assert_string_equal(f.items[1].published_at, "2026-11-24T00:00:00+08:00");
    wa_feed_free(&f);

    const char atom[] = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><title>A</title>"
                        "<link rel=\"self\" href=\"http://example.org/self\"/><link href=\"http://example.org/a\"/>"
                        "<updated>2026-11-25T02:30:00Z</updated><author><name>周敏</name></author>"
                        "<summary type=\"html\">&lt;b&gt;概要&lt;/b&gt;</summary></entry></feed>";
    assert_int_equal(wa_feed_parse(atom, strlen(atom), "http://example.org/", 480, 100, &f, err, sizeof err), 0);
    assert_int_equal(f.kind, WA_FEED_ATOM);
    assert_string_equal(f.items[0].link, "http://example.org/a");
    assert_string_equal(f.items[0].author, "周敏");
    assert_string_equal(f.items[0].summary, "概要");
    assert_string_equal(f.items[0].published_at, "2026-11-25T02:30:00Z");
    wa_feed_free(&f);

    const char rdf[] = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
                       "<channel rdf:about=\"x\"><title>c</title></channel>"
                       "<item rdf:about=\"http://example.org/r1\"><title>R</title><link>http://example.org/r1</link></item>"
                       "</rdf:RDF>";
    assert_int_equal(wa_feed_parse(rdf, strlen(rdf), "http://example.org/", 480, 100, &f, err, sizeof err), 0);
    assert_int_equal(f.kind, WA_FEED_RSS1);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.items[0].link, "http://example.org/r1");
    wa_feed_free(&f);

    const char sm[] = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
                      "http://example.org/s1.xml</loc></sitemap></sitemapindex>";
    assert_int_equal(wa_feed_parse(sm, strlen(sm), "http://example.org/", 480, 100, &f, err, sizeof err), 0);
    assert_int_equal(f.kind, WA_FEED_SITEMAP_INDEX);
    assert_string_equal(f.items[0].link, "http://example.org/s1.xml");
    wa_feed_free(&f);

    assert_int_equal(wa_feed_parse("<html><body>no</body></html>", 28, "http://e/", 480, 100, &f, err, sizeof err), -1);
    assert_true(strstr(err, "html") != NULL);
    assert_int_equal(wa_feed_parse("\x01\x02", 2, "http://e/", 480, 100, &f, err, sizeof err), -1);
    /* entities are never expanded from outside */
    const char xxe[] = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                       "<rss><channel><item><title>&x;</title><link>http://e/1</link></item></channel></rss>";
    assert_int_equal(wa_feed_parse(xxe, strlen(xxe), "http://e/", 480, 100, &f, err, sizeof err), 0);
    assert_null(strstr(f.items[0].title, "root:"));
    wa_feed_free(&f);
}

static void text_helpers(void **state)
{
    (void)state;
    char s[] = "  a   b \n\n　　第一段  \n \t\nend ";
    wa_text_tidy(s);
    assert_string_equal(s, "a b\n第一段\nend");
    wa_buf b;
    wa_buf_init(&b);
    assert_int_equal(wa_html_to_text("<p>一</p><p>二<br>三 &amp; 四</p>", strlen("<p>一</p><p>二<br>三 &amp; 四</p>"), &b),
                     0);
    assert_string_equal(b.data, "一\n二\n三 & 四");
    wa_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(main_text_and_metadata),
        cmocka_unit_test(xpath_selectors),
        cmocka_unit_test(jsonld_and_time_element),
        cmocka_unit_test(malformed_and_empty_html),
        cmocka_unit_test(list_links),
        cmocka_unit_test(feeds),
        cmocka_unit_test(text_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
