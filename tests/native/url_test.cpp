// behaviour.md §3.7, §3.8: url splitting, relative resolution, raw queries, in-app only.
#include "url.h"

#include <gtest/gtest.h>

namespace ft::url {
namespace {

std::string resolved(std::string_view u, std::string_view current, std::string* query = nullptr) {
  Resolved r;
  Status st = resolve(u, current, r);
  if (!st.ok) return "FAIL:" + st.reason;
  if (query) *query = r.query;
  return r.route;
}

TEST(Url, SplitAtFirstQuestionMark) {
  Split s = split("pages/a?x=1?y=2");
  EXPECT_EQ(s.path, "pages/a");
  EXPECT_EQ(s.query, "x=1?y=2");
  EXPECT_TRUE(s.has_query);
  Split none = split("pages/a");
  EXPECT_EQ(none.path, "pages/a");
  EXPECT_FALSE(none.has_query);
  Split bare = split("?");
  EXPECT_EQ(bare.path, "");
  EXPECT_EQ(bare.query, "");
  EXPECT_TRUE(bare.has_query);
  Split twice = split("??");
  EXPECT_EQ(twice.path, "");
  EXPECT_EQ(twice.query, "?");
  Split empty = split("");
  EXPECT_EQ(empty.path, "");
  EXPECT_FALSE(empty.has_query);
}

TEST(Url, AbsolutePathsDropLeadingSlash) {
  EXPECT_EQ(resolved("/pages/x", "pages/goods/list"), "pages/x");
  EXPECT_EQ(resolved("/pages/goods/detail", ""), "pages/goods/detail");
}

TEST(Url, RelativePathsResolveAgainstCurrentFolder) {
  EXPECT_EQ(resolved("../a/b", "pages/goods/list"), "pages/a/b");
  EXPECT_EQ(resolved("./x", "pages/goods/list"), "pages/goods/x");
  EXPECT_EQ(resolved("x", "pages/goods/list"), "pages/goods/x");
  EXPECT_EQ(resolved("../../top", "pages/goods/list"), "top");
  EXPECT_EQ(resolved("detail", "index"), "detail");
}

TEST(Url, DotDotStopsAtRootAndEmptySegmentsVanish) {
  EXPECT_EQ(resolved("../../../../x", "pages/goods/list"), "x");
  EXPECT_EQ(resolved("/pages//a/./b/", ""), "pages/a/b");
  EXPECT_EQ(resolved("a/../b", "pages/c"), "pages/b");
}

TEST(Url, EmptyPathFails) {
  EXPECT_EQ(resolved("", "pages/a"), std::string("FAIL:") + reason::kEmptyPath);
  EXPECT_EQ(resolved("/", "pages/a"), std::string("FAIL:") + reason::kEmptyPath);
  EXPECT_EQ(resolved("?a=1", ""), std::string("FAIL:") + reason::kEmptyPath);
  EXPECT_EQ(resolved("../..", "pages/a"), std::string("FAIL:") + reason::kEmptyPath);
  EXPECT_EQ(resolved("??", "x"), std::string("FAIL:") + reason::kEmptyPath);
}

TEST(Url, QueryKeptExactlyAsGiven) {
  std::string q;
  EXPECT_EQ(resolved("/pages/a?name=%E4%BD%A0&x=a%20b+c#frag", "", &q), "pages/a");
  EXPECT_EQ(q, "name=%E4%BD%A0&x=a%20b+c#frag");
  EXPECT_EQ(resolved("/pages/a?q=你好&p=%", "", &q), "pages/a");
  EXPECT_EQ(q, "q=你好&p=%");
  EXPECT_EQ(resolved("/pages/a?", "", &q), "pages/a");
  EXPECT_EQ(q, "");
}

TEST(Url, BuildKeepsQueryVerbatim) {
  EXPECT_EQ(build("pages/a", "x=%2F&y=1"), "pages/a?x=%2F&y=1");
  EXPECT_EQ(build("pages/a", ""), "pages/a");
  Resolved r{"pages/a", "u=https://x.com/?a=b"};
  EXPECT_EQ(r.url(), "pages/a?u=https://x.com/?a=b");
}

TEST(Url, ParseQueryKeepsOrderAndRawValuesAsTheHostCutsThem) {
  auto q = parse_query("b=2&a=%20x&a=3&flag&=v&&c=d=e&");
  ASSERT_EQ(q.size(), 6u);
  EXPECT_EQ(q[0], (std::pair<std::string, std::string>{"b", "2"}));
  EXPECT_EQ(q[1], (std::pair<std::string, std::string>{"a", "%20x"}));
  EXPECT_EQ(q[2], (std::pair<std::string, std::string>{"a", "3"}));
  EXPECT_EQ(q[3], (std::pair<std::string, std::string>{"flag", "undefined"}));  // §3.8: a bare key
  EXPECT_EQ(q[4], (std::pair<std::string, std::string>{"", "v"}));
  EXPECT_EQ(q[5], (std::pair<std::string, std::string>{"c", "d"}));    // cut at a second '='
  auto cut = parse_query("id=VXNlci0xMA==&u=https://x.com/?a=b&z=1");  // cut at a second '?'
  ASSERT_EQ(cut.size(), 2u);
  EXPECT_EQ(cut[0], (std::pair<std::string, std::string>{"id", "VXNlci0xMA"}));
  EXPECT_EQ(cut[1], (std::pair<std::string, std::string>{"u", "https://x.com/"}));
  EXPECT_TRUE(parse_query("?a=1").empty());
  EXPECT_TRUE(query_is_cut("id=VXNlci0xMA=="));
  EXPECT_TRUE(query_is_cut("a=1&flag"));
  EXPECT_TRUE(query_is_cut("a=1?b=2"));
  EXPECT_TRUE(query_is_cut("?"));
  EXPECT_FALSE(query_is_cut("a=1&&b=&=v&a=2&"));
  EXPECT_FALSE(query_is_cut(""));
  EXPECT_FALSE(query_is_cut("id=VXNlci0xMA%3D%3D"));
  EXPECT_TRUE(parse_query("").empty());
  EXPECT_TRUE(parse_query("&&&").empty());
  auto plus = parse_query("a=1+2&b=%25");
  EXPECT_EQ(plus[0].second, "1+2");
  EXPECT_EQ(plus[1].second, "%25");
}

TEST(Url, RejectsJavascriptUrls) {
  for (const char* u : {"javascript:alert(1)", "JavaScript:void(0)", "  javascript:x", "java\tscript:x",
                        "\x01javascript:x", "jav\nascript:x"}) {
    Status st = check_in_app(u);
    EXPECT_FALSE(st.ok) << u;
    EXPECT_EQ(st.reason, reason::kJavascript) << u;
  }
}

TEST(Url, RejectsExternalUrls) {
  for (const char* u : {"https://example.com/x", "http://a", "HTTP://A", "//evil.com/pages/a", "\\\\evil.com",
                        "ftp://x", "data:text/html,hi", "mailto:a@b", "weixin://dl"}) {
    Status st = check_in_app(u);
    EXPECT_FALSE(st.ok) << u;
    EXPECT_EQ(st.reason, reason::kExternal) << u;
  }
  Resolved r;
  EXPECT_EQ(resolve("https://x.com", "pages/a", r).reason, reason::kExternal);
}

TEST(Url, SchemeOf) {
  EXPECT_EQ(scheme_of("https://a"), "https");
  EXPECT_EQ(scheme_of("HTTP://A"), "http");
  EXPECT_EQ(scheme_of("  \x01Ja\tva\nScript:x"), "javascript");
  EXPECT_EQ(scheme_of("git+ssh://x"), "git+ssh");
  EXPECT_EQ(scheme_of("a.b-c:"), "a.b-c");
  for (const char* none : {"", ":x", "/a:b", "a/b:c", "1a:b", "//host/x", "?a:b", "#a:b", "%61:b", "pages/a"}) {
    EXPECT_EQ(scheme_of(none), "") << none;
  }
  std::string long_scheme(100, 'a');
  EXPECT_EQ(scheme_of(long_scheme + ":x"), long_scheme);  // no length limit: fetch would read it so
  EXPECT_EQ(check_in_app(long_scheme + ":x").reason, reason::kExternal);
}

TEST(Url, AcceptsInAppUrlsThatLookSchemey) {
  EXPECT_TRUE(check_in_app("pages/a?next=https://x.com").ok);
  EXPECT_TRUE(check_in_app("pages/a:b").ok);
  EXPECT_TRUE(check_in_app("/pages/a").ok);
  EXPECT_TRUE(check_in_app("1abc:x").ok);  // a scheme starts with a letter
  EXPECT_TRUE(check_in_app("").ok);
}

TEST(Url, UnicodeAndPercentInPath) {
  EXPECT_EQ(resolved("/页面/详情", ""), "页面/详情");
  EXPECT_EQ(resolved("/pages/%41", ""), "pages/%41");  // not decoded
  EXPECT_EQ(resolved("/pages/a#x", ""), "pages/a#x");  // '#' is a plain byte
}

TEST(Url, VeryLongUrl) {
  std::string path = "/pages";
  for (int i = 0; i < 20000; ++i) path += "/seg";
  std::string query(200000, 'q');
  std::string q;
  std::string route = resolved(path + "?" + query, "", &q);
  EXPECT_EQ(route.size(), path.size() - 1);
  EXPECT_EQ(q.size(), query.size());
  std::string dots;
  for (int i = 0; i < 10000; ++i) dots += "../";
  EXPECT_EQ(resolved(dots + "x", "pages/a/b"), "x");
}

TEST(Url, FolderOf) {
  EXPECT_EQ(folder_of("pages/goods/list"), "pages/goods");
  EXPECT_EQ(folder_of("index"), "");
  EXPECT_EQ(folder_of(""), "");
}

TEST(Url, SurvivesArbitraryBytes) {
  std::string junk;
  for (int i = 0; i < 256; ++i) junk.push_back(static_cast<char>(i));
  Resolved r;
  (void)resolve(junk, junk, r);
  (void)parse_query(junk);
  (void)check_in_app(std::string("\0javascript:", 12));
  SUCCEED();
}

}  // namespace
}  // namespace ft::url
