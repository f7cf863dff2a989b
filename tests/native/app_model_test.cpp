// behaviour.md §3.9: app.json pages, tabBar, entry page and default title.
#include "app_model.h"

#include <gtest/gtest.h>

namespace ft {
namespace {

constexpr const char* kApp = R"({
  "pages": ["pages/index/index", "/pages/goods/list", "pages/goods/detail", "pages/me/me"],
  "entryPagePath": "pages/goods/list",
  "tabBar": {"list": [{"pagePath": "pages/index/index", "text": "Home"}, {"pagePath": "/pages/me/me"}]},
  "window": {"navigationBarTitleText": "商城"}
})";

std::string parse_reason(const std::string& text) {
  AppModel m;
  Status st = AppModel::parse(text, m);
  return st.ok ? "OK" : st.reason;
}

TEST(AppModel, ParsesPagesTabsEntryTitle) {
  AppModel m;
  ASSERT_TRUE(AppModel::parse(kApp, m).ok);
  EXPECT_TRUE(m.known);
  EXPECT_EQ(m.pages,
            (std::vector<std::string>{"pages/index/index", "pages/goods/list", "pages/goods/detail", "pages/me/me"}));
  EXPECT_EQ(m.tabs, (std::vector<std::string>{"pages/index/index", "pages/me/me"}));
  EXPECT_EQ(m.entry, "pages/goods/list");
  EXPECT_EQ(m.title, "商城");
  EXPECT_TRUE(m.has_page("pages/goods/detail"));
  EXPECT_FALSE(m.has_page("pages/nope"));
  EXPECT_FALSE(m.has_page("/pages/goods/detail"));  // routes have no leading slash
  EXPECT_TRUE(m.is_tab("pages/me/me"));
  EXPECT_FALSE(m.is_tab("pages/goods/list"));
}

TEST(AppModel, EntryDefaultsToFirstPageAndTitleToEmpty) {
  AppModel m;
  ASSERT_TRUE(AppModel::parse(R"({"pages":["a/b","c"]})", m).ok);
  EXPECT_EQ(m.entry, "a/b");
  EXPECT_EQ(m.title, "");
  EXPECT_TRUE(m.tabs.empty());
  EXPECT_FALSE(m.is_tab("a/b"));
}

TEST(AppModel, UnknownAppAcceptsAnyPageAndHasNoTabBar) {
  AppModel m;
  EXPECT_FALSE(m.known);
  EXPECT_TRUE(m.has_page("anything/at/all"));
  EXPECT_FALSE(m.is_tab("anything/at/all"));
  AppModel n;
  ASSERT_TRUE(AppModel::from_json(nullptr, n).ok);
  EXPECT_FALSE(n.known);
}

TEST(AppModel, Errors) {
  EXPECT_EQ(parse_reason("{"), "invalid app.json: not valid JSON");
  EXPECT_EQ(parse_reason(""), "invalid app.json: not valid JSON");
  EXPECT_EQ(parse_reason("[1]"), "invalid app.json: not an object");
  EXPECT_EQ(parse_reason("{}"), "invalid app.json: pages should be a non-empty array of strings");
  EXPECT_EQ(parse_reason(R"({"pages":[]})"), "invalid app.json: pages should be a non-empty array of strings");
  EXPECT_EQ(parse_reason(R"({"pages":"a"})"), "invalid app.json: pages should be a non-empty array of strings");
  EXPECT_EQ(parse_reason(R"({"pages":["a",1]})"), "invalid app.json: pages[1] should be a non-empty string");
  EXPECT_EQ(parse_reason(R"({"pages":["a","/"]})"), "invalid app.json: pages[1] should be a non-empty string");
  EXPECT_EQ(parse_reason(R"({"pages":["a"],"entryPagePath":3})"), "invalid app.json: entryPagePath should be a string");
  EXPECT_EQ(parse_reason(R"({"pages":["a"],"entryPagePath":"b"})"),
            "invalid app.json: entryPagePath \"b\" is not in pages");
  EXPECT_EQ(parse_reason(R"({"pages":["a"],"tabBar":[]})"), "invalid app.json: tabBar should be an object");
  EXPECT_EQ(parse_reason(R"({"pages":["a"],"tabBar":{"list":{}}})"),
            "invalid app.json: tabBar.list should be an array");
  EXPECT_EQ(parse_reason(R"({"pages":["a"],"tabBar":{"list":[{"pagePath":"a"},{}]}})"),
            "invalid app.json: tabBar.list[1].pagePath should be a string");
  EXPECT_EQ(parse_reason(R"({"pages":["a"],"tabBar":{"list":["a"]}})"),
            "invalid app.json: tabBar.list[0].pagePath should be a string");
  EXPECT_EQ(parse_reason(R"({"pages":["a"],"tabBar":{"list":[{"pagePath":"z"}]}})"),
            "invalid app.json: tabBar.list[0].pagePath \"z\" is not in pages");
  EXPECT_EQ(parse_reason(R"({"pages":["a"],"window":1})"), "invalid app.json: window should be an object");
  EXPECT_EQ(parse_reason(R"({"pages":["a"],"window":{"navigationBarTitleText":1}})"),
            "invalid app.json: window.navigationBarTitleText should be a string");
}

TEST(AppModel, FailureLeavesOutputUnchanged) {
  AppModel m;
  ASSERT_TRUE(AppModel::parse(kApp, m).ok);
  EXPECT_FALSE(AppModel::parse(R"({"pages":[1]})", m).ok);
  EXPECT_EQ(m.entry, "pages/goods/list");
}

TEST(AppModel, DuplicatesAndNullsTolerated) {
  AppModel m;
  ASSERT_TRUE(AppModel::parse(R"({"pages":["a","/a","b"],"tabBar":null,"window":null,"entryPagePath":null})", m).ok);
  EXPECT_EQ(m.pages, (std::vector<std::string>{"a", "b"}));
}

TEST(AppModel, SurvivesHostileInput) {
  AppModel m;
  EXPECT_FALSE(AppModel::parse(std::string(100000, '['), m).ok);
  EXPECT_FALSE(AppModel::parse(std::string("\xff\xfe{}", 4), m).ok);
  EXPECT_FALSE(AppModel::parse(R"({"pages":["a"],"tabBar":{"list":[null]}})", m).ok);
}

}  // namespace
}  // namespace ft
