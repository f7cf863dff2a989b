// behaviour.md §3 (page stack rules and reasons), §3.10 (lifecycle of the web-view page).
#include "navigation.h"

#include <gtest/gtest.h>

#include <limits>

namespace ft {
namespace {

using json = nlohmann::ordered_json;

AppModel shop() {
  AppModel m;
  Status st = AppModel::parse(R"({
    "pages": ["pages/index/index", "pages/goods/list", "pages/goods/detail", "pages/me/me", "pages/web/web",
              "pages/a/b", "pages/cart/cart"],
    "tabBar": {"list": [{"pagePath": "pages/index/index"}, {"pagePath": "pages/me/me"},
                        {"pagePath": "pages/cart/cart"}]},
    "window": {"navigationBarTitleText": "Shop"}})",
                              m);
  EXPECT_TRUE(st.ok);
  return m;
}

Navigation make(std::vector<std::string> stack, AppModel app = shop(), std::vector<std::string> callers = {}) {
  Navigation n;
  Status st = Navigation::create(std::move(app), "wxshop", stack, callers, n);
  EXPECT_TRUE(st.ok) << st.reason;
  return n;
}

std::vector<std::string> urls(const Navigation& n) {
  std::vector<std::string> out;
  for (const Page& p : n.pages()) out.push_back((p.webview ? "*" : "") + p.url());
  return out;
}

std::string kinds(const NavOutcome& o) {
  std::string s;
  for (const auto& e : o.events) {
    if (!s.empty()) s += ",";
    s += e.kind == Lifecycle::Show ? "show" : e.kind == Lifecycle::Hide ? "hide" : "unload";
  }
  return s;
}

TEST(Navigation, DefaultIsOneWebviewPage) {
  Navigation n;
  EXPECT_EQ(urls(n), (std::vector<std::string>{"*pages/index/index"}));
  EXPECT_FALSE(n.can_navigate_back());
  EXPECT_TRUE(n.alive());
  EXPECT_TRUE(n.visible());
}

TEST(Navigation, CreateUsesEntryAndMarksLastPage) {
  Navigation a = make({});
  EXPECT_EQ(urls(a), (std::vector<std::string>{"*pages/index/index"}));
  Navigation b = make({"pages/index/index", "/pages/web/web?x=1&y=%20"});
  EXPECT_EQ(urls(b), (std::vector<std::string>{"pages/index/index", "*pages/web/web?x=1&y=%20"}));
  EXPECT_EQ(b.webview_index(), 1);
  EXPECT_TRUE(b.can_navigate_back());
  Navigation unknown = make({}, AppModel{});
  EXPECT_EQ(urls(unknown), (std::vector<std::string>{"*pages/index/index"}));
}

TEST(Navigation, CreateErrors) {
  Navigation n;
  EXPECT_EQ(Navigation::create(shop(), "x", {"pages/nope?a=1"}, {}, n).reason,
            "invalid config: stack[0] page \"pages/nope?a=1\" is not found");
  EXPECT_EQ(Navigation::create(shop(), "x", {"pages/index/index", "https://x"}, {}, n).reason,
            "invalid config: stack[1] invalid url: external urls are not allowed");
  EXPECT_EQ(Navigation::create(AppModel{}, "x", std::vector<std::string>(11, "p"), {}, n).reason,
            "invalid config: stack has more than 10 pages");
  EXPECT_TRUE(Navigation::create(AppModel{}, "x", std::vector<std::string>(10, "p"), {}, n).ok);
}

TEST(Navigation, NavigateToPushesAndHidesWebview) {
  Navigation n = make({"pages/goods/list"});
  NavOutcome o = n.navigate_to("detail?id=7");  // relative to pages/goods/
  ASSERT_TRUE(o.status.ok) << o.status.reason;
  EXPECT_EQ(urls(n), (std::vector<std::string>{"*pages/goods/list", "pages/goods/detail?id=7"}));
  EXPECT_EQ(kinds(o), "hide");
  EXPECT_FALSE(n.visible());
  EXPECT_TRUE(n.alive());
  NavOutcome o2 = n.navigate_to("../a/b");  // still relative to the web-view page's folder
  EXPECT_EQ(kinds(o2), "");                 // already hidden
  EXPECT_EQ(n.pages().back().route, "pages/a/b");
}

TEST(Navigation, RelativeForms) {
  Navigation n = make({"pages/goods/list"}, AppModel{});
  ASSERT_TRUE(n.navigate_to("./x").status.ok);
  EXPECT_EQ(n.pages().back().route, "pages/goods/x");
  ASSERT_TRUE(n.navigate_to("/pages/x").status.ok);
  EXPECT_EQ(n.pages().back().route, "pages/x");
  ASSERT_TRUE(n.navigate_to("x").status.ok);
  EXPECT_EQ(n.pages().back().route, "pages/goods/x");
}

TEST(Navigation, QueryPassedOnExactly) {
  Navigation n = make({"pages/goods/list"});
  ASSERT_TRUE(n.navigate_to("/pages/goods/detail?name=%E4%BD%A0%20&q=你好#h").status.ok);
  EXPECT_EQ(n.pages().back().query, "name=%E4%BD%A0%20&q=你好#h");
  EXPECT_EQ(n.pages().back().url(), "pages/goods/detail?name=%E4%BD%A0%20&q=你好#h");
}

TEST(Navigation, EleventhPageFailsStackUnchanged) {
  Navigation n = make({"pages/goods/list"});
  for (int i = 1; i < 10; ++i) ASSERT_TRUE(n.navigate_to("detail?i=" + std::to_string(i)).status.ok) << i;
  EXPECT_EQ(n.pages().size(), 10u);
  auto before = urls(n);
  NavOutcome o = n.navigate_to("detail?i=10");
  EXPECT_FALSE(o.status.ok);
  EXPECT_EQ(o.status.reason, "webview count limit exceed");
  EXPECT_TRUE(o.events.empty());
  EXPECT_EQ(urls(n), before);
  // redirectTo and reLaunch do not grow the stack: allowed at 10.
  EXPECT_TRUE(n.redirect_to("detail?r=1").status.ok);
  EXPECT_EQ(n.pages().size(), 10u);
}

TEST(Navigation, TabRules) {
  Navigation n = make({"pages/goods/list"});
  EXPECT_EQ(n.navigate_to("/pages/me/me").status.reason, "can not navigateTo a tabbar page");
  EXPECT_EQ(n.redirect_to("/pages/me/me?x=1").status.reason, "can not redirectTo a tabbar page");
  EXPECT_EQ(n.switch_tab("/pages/goods/detail").status.reason, "can not switch to no-tabBar page");
  EXPECT_EQ(urls(n), (std::vector<std::string>{"*pages/goods/list"}));
}

TEST(Navigation, UnknownPage) {
  Navigation n = make({"pages/goods/list"});
  EXPECT_EQ(n.navigate_to("/pages/nope?a=1&b=%20").status.reason, "page \"pages/nope?a=1&b=%20\" is not found");
  EXPECT_EQ(n.redirect_to("nope").status.reason, "page \"pages/goods/nope\" is not found");
  EXPECT_EQ(n.switch_tab("/nope").status.reason, "page \"nope\" is not found");
  EXPECT_EQ(n.re_launch("/nope?").status.reason, "page \"nope\" is not found");
  // Unknown app: any page.
  Navigation u = make({"pages/goods/list"}, AppModel{});
  EXPECT_TRUE(u.navigate_to("/whatever/page").status.ok);
  EXPECT_TRUE(u.switch_tab("/x").status.ok == false);  // no tabBar at all
  EXPECT_EQ(u.switch_tab("/x").status.reason, "can not switch to no-tabBar page");
}

TEST(Navigation, RootlessAppJsonPathTakenFromRootWhenRelativeNamesNoPage) {
  // §3.8: "pages/goods/detail" from pages/web/web reads pages/web/pages/goods/detail (no page),
  // then from the root (an app.json page exactly).
  Navigation n = make({"pages/index/index", "pages/web/web"});
  NavOutcome o = n.navigate_to("pages/goods/detail?id=7&u=%2F");
  ASSERT_TRUE(o.status.ok) << o.status.reason;
  EXPECT_EQ(n.pages().back().url(), "pages/goods/detail?id=7&u=%2F");
  ASSERT_TRUE(n.navigate_back().status.ok);
  ASSERT_TRUE(n.redirect_to("pages/goods/list").status.ok);
  EXPECT_EQ(urls(n), (std::vector<std::string>{"pages/index/index", "pages/goods/list"}));
  Navigation r = make({"pages/web/web"});
  ASSERT_TRUE(r.re_launch("pages/goods/detail").status.ok);
  EXPECT_EQ(urls(r), (std::vector<std::string>{"pages/goods/detail"}));
  Navigation t = make({"pages/web/web"});
  ASSERT_TRUE(t.switch_tab("pages/me/me").status.ok);
  EXPECT_EQ(urls(t), (std::vector<std::string>{"pages/me/me"}));
  // The tab rules still apply to what it names.
  Navigation w = make({"pages/web/web"});
  EXPECT_EQ(w.navigate_to("pages/me/me").status.reason, "can not navigateTo a tabbar page");
  // Only an exact app.json page: "./" marks it relative, extra slashes or ".." are not exact; the
  // reason shows the relative reading.
  EXPECT_EQ(w.navigate_to("./pages/goods/detail").status.reason, "page \"pages/web/pages/goods/detail\" is not found");
  EXPECT_EQ(w.navigate_to("pages//goods/detail").status.reason, "page \"pages/web/pages/goods/detail\" is not found");
  EXPECT_EQ(w.navigate_to("pages/nope/x?a=1").status.reason, "page \"pages/web/pages/nope/x?a=1\" is not found");
  EXPECT_EQ(urls(w), (std::vector<std::string>{"*pages/web/web"}));
}

TEST(Navigation, RelativeReadingWinsOverTheRootOne) {
  AppModel app;
  ASSERT_TRUE(
      AppModel::parse(R"({"pages": ["pages/web/web", "pages/web/pages/a/a", "pages/a/a", "pages/goods/detail"]})", app)
          .ok);
  Navigation n = make({"pages/web/web"}, app);
  ASSERT_TRUE(n.navigate_to("pages/a/a").status.ok);
  EXPECT_EQ(n.pages().back().route, "pages/web/pages/a/a");
  // A relative path that names a page relatively is never re-read: "detail" from pages/web/web.
  Navigation m = make({"pages/goods/detail", "pages/web/web"}, app);
  EXPECT_EQ(m.navigate_to("detail").status.reason, "page \"pages/web/detail\" is not found");
}

TEST(Navigation, EncodedPathIsNotDecoded) {
  Navigation n = make({"pages/web/web"});
  EXPECT_EQ(n.navigate_to("%2Fpages%2Fgoods%2Fdetail").status.reason,
            "page \"pages/web/%2Fpages%2Fgoods%2Fdetail\" is not found");
  EXPECT_EQ(n.navigate_to("/pages%2Fgoods%2Fdetail").status.reason, "page \"pages%2Fgoods%2Fdetail\" is not found");
  EXPECT_EQ(n.navigate_to("/%70ages/goods/detail").status.reason, "page \"%70ages/goods/detail\" is not found");
  EXPECT_EQ(n.redirect_to("%2Fpages%2Fme%2Fme").status.reason, "page \"pages/web/%2Fpages%2Fme%2Fme\" is not found");
  EXPECT_EQ(urls(n), (std::vector<std::string>{"*pages/web/web"}));
  // Unknown app: accepted, kept byte for byte.
  Navigation u = make({"pages/web/web"}, AppModel{});
  ASSERT_TRUE(u.navigate_to("%2Fpages%2Fmine%2Findex").status.ok);
  EXPECT_EQ(u.pages().back().route, "pages/web/%2Fpages%2Fmine%2Findex");
}

TEST(Navigation, UrlErrorsPassThrough) {
  Navigation n = make({"pages/goods/list"});
  EXPECT_EQ(n.navigate_to("javascript:alert(1)").status.reason, "invalid url: javascript urls are not allowed");
  EXPECT_EQ(n.re_launch("https://example.com").status.reason, "invalid url: external urls are not allowed");
  EXPECT_EQ(n.navigate_to("").status.reason, "invalid url: empty page path");
  EXPECT_EQ(n.navigate_to("?").status.reason, "invalid url: empty page path");
  EXPECT_EQ(n.navigate_to("??").status.reason, "invalid url: empty page path");
}

TEST(Navigation, SwitchTabDropsNonTabPagesAndIgnoresQuery) {
  Navigation n = make({"pages/index/index", "pages/goods/list", "pages/web/web"});
  NavOutcome o = n.switch_tab("/pages/me/me?x=1");
  ASSERT_TRUE(o.status.ok) << o.status.reason;
  EXPECT_EQ(urls(n), (std::vector<std::string>{"pages/me/me"}));
  EXPECT_EQ(kinds(o), "unload");
  EXPECT_FALSE(n.alive());
}

TEST(Navigation, SwitchTabToCurrentTabKeepsIt) {
  Navigation n = make({"pages/index/index?a=1"});
  ASSERT_TRUE(n.navigate_to("/pages/goods/list").status.ok);
  NavOutcome o = n.switch_tab("/pages/index/index?b=2");
  ASSERT_TRUE(o.status.ok);
  EXPECT_EQ(urls(n), (std::vector<std::string>{"*pages/index/index?a=1"}));
  EXPECT_EQ(kinds(o), "show");
  EXPECT_EQ(o.events[0].query, "a=1");
}

TEST(Navigation, WebviewTabPageIsHiddenNotUnloadedBySwitchTab) {
  Navigation n = make({"pages/me/me?tab=1"});
  NavOutcome away = n.switch_tab("/pages/cart/cart");
  EXPECT_EQ(kinds(away), "hide");
  EXPECT_TRUE(n.alive());
  EXPECT_TRUE(n.webview_parked());
  EXPECT_EQ(n.webview_index(), -1);
  EXPECT_EQ(urls(n), (std::vector<std::string>{"pages/cart/cart"}));
  NavOutcome back = n.switch_tab("/pages/me/me");
  EXPECT_EQ(kinds(back), "show");
  EXPECT_EQ(back.events[0].query, "tab=1");
  EXPECT_EQ(urls(n), (std::vector<std::string>{"*pages/me/me?tab=1"}));
  // reLaunch kills a parked web-view tab.
  ASSERT_TRUE(n.switch_tab("/pages/cart/cart").status.ok);
  EXPECT_EQ(kinds(n.re_launch("/pages/cart/cart")), "unload");
  EXPECT_FALSE(n.alive());
}

TEST(Navigation, ReLaunchMakesOnePageAnyKind) {
  Navigation n = make({"pages/index/index", "pages/web/web"});
  NavOutcome o = n.re_launch("/pages/me/me?x=%41");  // a tab page, with query
  ASSERT_TRUE(o.status.ok);
  EXPECT_EQ(urls(n), (std::vector<std::string>{"pages/me/me?x=%41"}));
  EXPECT_EQ(kinds(o), "unload");
  Navigation m = make({"pages/web/web"});
  ASSERT_TRUE(m.re_launch("/pages/web/web").status.ok);  // same route: a new page instance
  EXPECT_FALSE(m.alive());
}

TEST(Navigation, RedirectToReplacesTop) {
  Navigation n = make({"pages/index/index", "pages/web/web"});
  ASSERT_TRUE(n.navigate_to("/pages/goods/list").status.ok);
  NavOutcome o = n.redirect_to("/pages/goods/detail?id=1");
  ASSERT_TRUE(o.status.ok);
  EXPECT_EQ(urls(n), (std::vector<std::string>{"pages/index/index", "*pages/web/web", "pages/goods/detail?id=1"}));
  EXPECT_EQ(kinds(o), "");
  Navigation m = make({"pages/index/index", "pages/web/web"});
  NavOutcome r = m.redirect_to("/pages/goods/list");
  EXPECT_EQ(urls(m), (std::vector<std::string>{"pages/index/index", "pages/goods/list"}));
  EXPECT_EQ(kinds(r), "unload");
  EXPECT_FALSE(m.alive());
}

TEST(Navigation, NavigateBackRules) {
  Navigation n = make({"pages/index/index", "pages/web/web"});
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(n.navigate_to("/pages/goods/detail?i=" + std::to_string(i)).status.ok);
  EXPECT_EQ(n.pages().size(), 5u);
  NavOutcome one = n.navigate_back();  // default 1
  EXPECT_EQ(n.pages().size(), 4u);
  EXPECT_EQ(kinds(one), "");
  NavOutcome zero = n.navigate_back(0);  // < 1 counts as 1
  EXPECT_EQ(n.pages().size(), 3u);
  EXPECT_EQ(kinds(zero), "");
  NavOutcome to_web = n.navigate_back(1);
  EXPECT_EQ(kinds(to_web), "show");
  EXPECT_EQ(to_web.events[0].query, "");
  EXPECT_TRUE(n.visible());
  NavOutcome past = n.navigate_back(99);  // beyond: back to the first page
  EXPECT_EQ(urls(n), (std::vector<std::string>{"pages/index/index"}));
  EXPECT_EQ(kinds(past), "unload");
  NavOutcome first = n.navigate_back(1);
  EXPECT_FALSE(first.status.ok);
  EXPECT_EQ(first.status.reason, "cannot navigate back at first page");
  EXPECT_FALSE(n.navigate_back(-5).status.ok);
}

TEST(Navigation, BackCountIsTheOneDeltaRule) {
  // §3.6: the API table only gives navigateBack's delta its type and default (1); this is the range.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(Navigation::back_count(1, 4), 1u);
  EXPECT_EQ(Navigation::back_count(0, 4), 1u);
  EXPECT_EQ(Navigation::back_count(-0.0, 4), 1u);
  EXPECT_EQ(Navigation::back_count(-3, 4), 1u);
  EXPECT_EQ(Navigation::back_count(0.99, 4), 1u);
  EXPECT_EQ(Navigation::back_count(nan, 4), 1u);
  EXPECT_EQ(Navigation::back_count(-inf, 4), 1u);
  EXPECT_EQ(Navigation::back_count(2.5, 4), 2u);  // truncated toward zero
  EXPECT_EQ(Navigation::back_count(3.999, 4), 3u);
  EXPECT_EQ(Navigation::back_count(4, 4), 4u);
  EXPECT_EQ(Navigation::back_count(4.5, 4), 4u);
  EXPECT_EQ(Navigation::back_count(2147483648.0, 4), 4u);  // beyond int32: no wrap
  EXPECT_EQ(Navigation::back_count(1e300, 4), 4u);
  EXPECT_EQ(Navigation::back_count(inf, 4), 4u);
  EXPECT_EQ(Navigation::back_count(inf, 1), 1u);
  for (double d = -5; d < 12; d += 0.25) {
    std::size_t n = Navigation::back_count(d, 9);
    EXPECT_GE(n, 1u) << d;
    EXPECT_LE(n, 9u) << d;
  }
}

TEST(Navigation, FirstPageBackFailsForAnyDeltaAndChangesNothing) {
  for (double delta : {1.0, 0.0, -1.0, 2.0, 10.0, 9.2e18, -9.2e18, std::numeric_limits<double>::quiet_NaN(),
                       std::numeric_limits<double>::infinity()}) {
    Navigation n = make({"pages/web/web?x=1"});
    NavOutcome o = n.navigate_back(delta);
    EXPECT_EQ(o.status.reason, "cannot navigate back at first page") << delta;
    EXPECT_TRUE(o.events.empty()) << delta;
    EXPECT_EQ(urls(n), (std::vector<std::string>{"*pages/web/web?x=1"})) << delta;
    EXPECT_TRUE(n.alive());
    EXPECT_TRUE(n.visible());
  }
}

TEST(Navigation, ShowCarriesWebviewQuery) {
  Navigation n = make({"pages/web/web?from=%E4%BD%A0&x=1"});
  ASSERT_TRUE(n.navigate_to("/pages/goods/list").status.ok);
  NavOutcome o = n.navigate_back(1);
  ASSERT_EQ(kinds(o), "show");
  EXPECT_EQ(o.events[0].query, "from=%E4%BD%A0&x=1");
}

TEST(Navigation, HugeDeltaAndFirstPageOnly) {
  Navigation n = make({"pages/index/index", "pages/web/web"});
  ASSERT_TRUE(n.navigate_back(INT64_MAX).status.ok);
  EXPECT_EQ(n.pages().size(), 1u);
  Navigation single;
  EXPECT_EQ(single.navigate_back(INT64_MIN).status.reason, "cannot navigate back at first page");
}

TEST(Navigation, AppHideShow) {
  Navigation n = make({"pages/web/web"});
  EXPECT_EQ(kinds(n.app_hide()), "hide");
  EXPECT_EQ(kinds(n.app_hide()), "");
  NavOutcome s = n.app_show();
  EXPECT_EQ(kinds(s), "show");
  EXPECT_EQ(kinds(n.app_show()), "");
  // Hidden under another page: the app coming back does not show it.
  ASSERT_TRUE(n.navigate_to("/pages/goods/list").status.ok);
  EXPECT_EQ(kinds(n.app_hide()), "");
  EXPECT_EQ(kinds(n.app_show()), "");
  // Back while the app is in the background: no show until the app returns.
  n.app_hide();
  EXPECT_EQ(kinds(n.navigate_back(1)), "");
  EXPECT_EQ(kinds(n.app_show()), "show");
}

TEST(Navigation, MiniProgramStack) {
  Navigation n = make({"pages/web/web"}, shop(), {"wxcaller"});
  EXPECT_EQ(n.apps().size(), 2u);
  EXPECT_EQ(n.h5_app_index(), 1u);
  EXPECT_EQ(n.navigate_to_mini_program("", "", nullptr).status.reason, nav_reason::kEmptyAppId);
  NavOutcome to = n.navigate_to_mini_program("wxother", "pages/x?y=1", json{{"k", 1}});
  ASSERT_TRUE(to.status.ok);
  EXPECT_EQ(kinds(to), "hide");
  EXPECT_EQ(n.apps().back().app_id, "wxother");
  EXPECT_EQ(n.apps().back().path, "pages/x?y=1");
  EXPECT_EQ(n.apps().back().extra_data, (json{{"k", 1}}));
  AppEntry returned;
  NavOutcome back = n.navigate_back_mini_program(json{{"r", 2}}, &returned);
  ASSERT_TRUE(back.status.ok);
  EXPECT_EQ(kinds(back), "show");
  EXPECT_EQ(returned.app_id, "wxshop");
  EXPECT_EQ(returned.extra_data, (json{{"r", 2}}));
  // Back out of the web-view's own app: it is closed, the caller gets the data.
  NavOutcome out = n.navigate_back_mini_program(nullptr, &returned);
  ASSERT_TRUE(out.status.ok);
  EXPECT_EQ(kinds(out), "unload");
  EXPECT_EQ(returned.app_id, "wxcaller");
  EXPECT_EQ(returned.extra_data, json::object());
  EXPECT_TRUE(n.closed());
  EXPECT_FALSE(n.alive());
  // On the first app: fails.
  NavOutcome first = n.navigate_back_mini_program(nullptr);
  EXPECT_FALSE(first.status.ok);
  EXPECT_EQ(first.status.reason, "cannot navigate back at first mini program");
}

TEST(Navigation, BackMiniProgramFailsOnFirstApp) {
  Navigation n = make({"pages/web/web"});
  NavOutcome o = n.navigate_back_mini_program(nullptr);
  EXPECT_EQ(o.status.reason, "cannot navigate back at first mini program");
  EXPECT_TRUE(n.alive());
}

TEST(Navigation, CloseAndDestroyUnload) {
  Navigation n = make({"pages/web/web"});
  EXPECT_EQ(kinds(n.close()), "unload");
  EXPECT_TRUE(n.closed());
  EXPECT_FALSE(n.alive());
  EXPECT_EQ(kinds(n.app_show()), "");
  Navigation d = make({"pages/index/index", "pages/web/web"});
  ASSERT_TRUE(d.navigate_to("/pages/goods/list").status.ok);
  EXPECT_EQ(kinds(d.destroy()), "unload");  // hidden web-view destroyed: unload only
  EXPECT_EQ(d.pages().size(), 3u);
  EXPECT_EQ(d.webview_index(), -1);
  EXPECT_EQ(kinds(d.navigate_back(1)), "");
}

TEST(Navigation, UnloadedOnlyOnceAndNeverRevived) {
  Navigation n = make({"pages/index/index", "pages/web/web"});
  EXPECT_EQ(kinds(n.navigate_back(1)), "unload");
  EXPECT_EQ(kinds(n.app_hide()), "");
  EXPECT_EQ(kinds(n.app_show()), "");
  ASSERT_TRUE(n.navigate_to("/pages/web/web").status.ok);  // a new page instance, not the web-view
  EXPECT_FALSE(n.alive());
  EXPECT_EQ(n.webview_index(), -1);
}

}  // namespace
}  // namespace ft
