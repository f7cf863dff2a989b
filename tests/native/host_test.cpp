// ft::Host facade: config, typed results and the events JS must perform (behaviour.md §3, §4),
// read through the glue's wire (wasm-glue/wire_host.h) exactly as JS receives them.
#include "host.h"

#include <gtest/gtest.h>

#include <functional>

#include "host_wire.h"

namespace ft {
namespace {

using namespace host_test;  // W, J, configure

constexpr const char* kConfig = R"({
  "appId": "wxshop",
  "app": {"pages": ["pages/index/index", "pages/goods/list", "pages/goods/detail", "pages/me/me", "pages/web/web"],
          "tabBar": {"list": [{"pagePath": "pages/index/index"}, {"pagePath": "pages/me/me"}]},
          "window": {"navigationBarTitleText": "Shop"}},
  "stack": ["pages/index/index", "/pages/web/web?from=home&q=%E4%BD%A0"],
  "webviewTimeout": 3000,
  "callers": ["wxcaller"]
})";

Host configured() {
  Host h;
  json r = J(configure(h, kConfig));
  EXPECT_EQ(r["ok"], true) << r.dump();
  return h;
}

std::vector<std::string> types(const json& r) {
  std::vector<std::string> out;
  for (const json& e : r["events"]) out.push_back(e["type"].get<std::string>());
  return out;
}

TEST(Host, DefaultHost) {
  Host h;
  json s = J(h.stack());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0]["route"], "pages/index/index");
  EXPECT_EQ(s[0]["webview"], true);
  EXPECT_EQ(h.title(), "");
  EXPECT_EQ(J(h.canNavigateBack())["canNavigateBack"], false);
  EXPECT_EQ(J(configure(h, ""))["ok"], true);
}

TEST(Host, ConfigureStackAndState) {
  Host h = configured();
  json s = J(h.stack());
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1]["route"], "pages/web/web");
  EXPECT_EQ(s[1]["url"], "pages/web/web?from=home&q=%E4%BD%A0");
  EXPECT_EQ(s[1]["query"], (json{{"from", "home"}, {"q", "%E4%BD%A0"}}));
  EXPECT_EQ(s[1]["webview"], true);
  EXPECT_EQ(s[0]["query"], json::object());
  EXPECT_EQ(h.title(), "Shop");
  json st = J(h.state());
  EXPECT_EQ(st["appId"], "wxshop");
  EXPECT_EQ(st["webviewTimeout"], 3000);
  EXPECT_EQ(st["webview"]["index"], 1);
  EXPECT_EQ(st["webview"]["visible"], true);
  EXPECT_EQ(st["apps"].size(), 2u);
  EXPECT_EQ(st["h5AppIndex"], 1);
  EXPECT_EQ(J(h.canNavigateBack())["canNavigateBack"], true);
}

TEST(Host, ConfigureErrorsChangeNothing) {
  Host h = configured();
  auto reason = [&](const std::string& cfg) { return J(configure(h, cfg))["reason"].get<std::string>(); };
  EXPECT_EQ(reason("{"), "invalid config: not valid JSON");
  EXPECT_EQ(reason("[]"), "invalid config: not an object");
  EXPECT_EQ(reason(R"({"appId":1})"), "invalid config: appId should be a string");
  EXPECT_EQ(reason(R"({"app":{"pages":[]}})"),
            "invalid config: invalid app.json: pages should be a non-empty array of strings");
  EXPECT_EQ(reason(R"({"app":{"pages":["a"]},"stack":["b"]})"), "invalid config: stack[0] page \"b\" is not found");
  EXPECT_EQ(reason(R"({"stack":"a"})"), "invalid config: stack should be an array of strings");
  EXPECT_EQ(reason(R"({"stack":[1]})"), "invalid config: stack should be an array of strings");
  EXPECT_EQ(reason(R"({"webviewTimeout":-1})"), "invalid config: webviewTimeout should be a non-negative number");
  EXPECT_EQ(reason(R"({"webviewTimeout":"1"})"), "invalid config: webviewTimeout should be a non-negative number");
  EXPECT_EQ(reason(R"({"callers":[""]})"), "invalid config: callers should be an array of non-empty strings");
  EXPECT_EQ(reason(R"({"nativeAPIs":[1]})"), "invalid config: nativeAPIs should be an array of strings");
  EXPECT_EQ(reason(R"({"backMode":"tab"})"), "invalid config: backMode should be 'history' or 'page'");
  EXPECT_EQ(reason(R"({"backMode":1})"), "invalid config: backMode should be 'history' or 'page'");
  EXPECT_EQ(J(h.state())["appId"], "wxshop");
  EXPECT_EQ(J(h.stack()).size(), 2u);
  json big = J(configure(h, R"({"webviewTimeout":1e300})"));
  EXPECT_EQ(big["ok"], true);
  EXPECT_EQ(J(h.state())["webviewTimeout"], 2147483647u);
  // The longest a page's timer can wait (JS runs it): the value JS's timer is given.
  EXPECT_EQ(h.webviewTimeoutMs(), ft::kMaxWebviewTimeoutMs);
  EXPECT_EQ(ft::kMaxWebviewTimeoutMs, 2147483647u);
  EXPECT_TRUE(J(configure(h, R"({"webviewTimeout":2147483646.5})"))["ok"]);
  EXPECT_EQ(h.webviewTimeoutMs(), 2147483646u);
}

TEST(Host, NavigateToEventsAndResult) {
  Host h = configured();
  EXPECT_TRUE(h.onHide(7));
  EXPECT_FALSE(h.onHide(7));
  json r = J(h.navigateTo("../goods/detail?id=1&x=%20"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(types(r), (std::vector<std::string>{"hide", "route"}));
  EXPECT_EQ(r["events"][0]["listeners"], (json{7}));
  EXPECT_EQ(r["events"][0]["arg"], json::object());
  EXPECT_EQ(r["events"][1]["action"], "navigateTo");
  EXPECT_EQ(r["events"][1]["stack"][2]["url"], "pages/goods/detail?id=1&x=%20");
  EXPECT_EQ(r["events"][1]["stack"][2]["query"]["x"], "%20");
  EXPECT_FALSE(r["events"][1].contains("check"));  // the query arrives as given
}

TEST(Host, RouteQueryAsTheHostCutsItWithADeviceCheck) {
  // §3.8: the page opened receives the query cut at a second '?', each value cut at a second '=',
  // a bare key as "undefined"; .url keeps the url as the page gave it; the route's answer carries
  // the device check (§1.15).
  Host h = configured();
  json r = J(h.navigateTo("/pages/goods/detail?id=VXNlci0xMA==&flag&next=/p?x=1&id2=a"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  json top = J(h.stack())[2];
  EXPECT_EQ(top["url"], "pages/goods/detail?id=VXNlci0xMA==&flag&next=/p?x=1&id2=a");
  EXPECT_EQ(top["query"], (json{{"id", "VXNlci0xMA"}, {"flag", "undefined"}, {"next", "/p"}}));
  EXPECT_EQ(
      r["events"].back()["check"],
      "query \"id=VXNlci0xMA==&flag&next=/p?x=1&id2=a\" reaches the page as \"id=VXNlci0xMA&flag=undefined&next=/p\"; "
      "encode each value with encodeURIComponent");
  // Encoded values arrive as given: no check.
  json enc = J(h.redirectTo("/pages/goods/detail?id=VXNlci0xMA%3D%3D&next=%2Fp%3Fx%3D1&e="));
  EXPECT_FALSE(enc["events"].back().contains("check")) << enc.dump();
  EXPECT_EQ(J(h.stack())[2]["query"], (json{{"id", "VXNlci0xMA%3D%3D"}, {"next", "%2Fp%3Fx%3D1"}, {"e", ""}}));
  // A failed route carries no check.
  json failed = J(h.navigateTo("/pages/nope?x=1=2"));
  EXPECT_EQ(failed, (json{{"ok", false}, {"reason", "page \"pages/nope?x=1=2\" is not found"}}));
  EXPECT_TRUE(J(h.reLaunch("/pages/goods/list?a=1=2"))["events"].back().contains("check"));
  EXPECT_EQ(J(h.stack())[0]["query"], (json{{"a", "1"}}));
  // A later duplicate wins at its first place; the web-view page's onShow gets the cut query too.
  EXPECT_EQ(query_fields("a=1&b=2&a=3"), (QueryFields{{"a", "3"}, {"b", "2"}}));
  EXPECT_EQ(route_query_check("a=1&b=2&a=3"), "");
  EXPECT_EQ(route_query_check(""), "");
}

TEST(Host, ShowOfTheWebviewPageGetsItsCutQuery) {
  Host h;
  ASSERT_EQ(J(configure(h, R"({"stack": ["pages/a/a", "pages/web/web?t=a=b&k?z=1"]})"))["ok"], true);
  h.onShow(5);
  ASSERT_EQ(J(h.navigateTo("/pages/b/b"))["ok"], true);
  json r = J(h.hostNavigateBack(1));
  EXPECT_EQ(r["events"][0]["type"], "show");
  EXPECT_EQ(r["events"][0]["arg"]["data"], (json{{"t", "a"}, {"k", "undefined"}}));
}

TEST(Host, FailuresCarryReasonAndNoEvents) {
  Host h = configured();
  HostResult failed = h.navigateTo("/pages/me/me");
  EXPECT_TRUE(failed.events.empty());
  json r = J(failed);  // the one error convention: {ok: false, reason}
  EXPECT_EQ(r, (json{{"ok", false}, {"reason", "can not navigateTo a tabbar page"}}));
  EXPECT_EQ(J(h.redirectTo("/pages/index/index"))["reason"], "can not redirectTo a tabbar page");
  EXPECT_EQ(J(h.switchTab("/pages/goods/list"))["reason"], "can not switch to no-tabBar page");
  EXPECT_EQ(J(h.navigateTo("/pages/x?a=1"))["reason"], "page \"pages/x?a=1\" is not found");
  EXPECT_EQ(J(h.navigateTo("javascript:alert(1)"))["reason"], "invalid url: javascript urls are not allowed");
  EXPECT_EQ(J(h.reLaunch("http://evil.com"))["reason"], "invalid url: external urls are not allowed");
  EXPECT_EQ(J(h.navigateTo(""))["reason"], "invalid url: empty page path");
}

TEST(Host, ElevenPagesLimit) {
  Host h = configured();
  for (int i = 0; i < 8; ++i) ASSERT_EQ(J(h.navigateTo("/pages/goods/list"))["ok"], true) << i;
  json r = J(h.navigateTo("/pages/goods/list"));
  EXPECT_EQ(r["reason"], "webview count limit exceed");
  EXPECT_EQ(J(h.stack()).size(), 10u);
}

TEST(Host, PostMessageDeliveredBeforeUnloadOnBack) {
  Host h = configured();
  h.onUnload(3);
  EXPECT_EQ(J(h.postMessage(R"({"data":"foo"})"))["ok"], true);
  EXPECT_EQ(J(h.postMessage(R"({"someKey":"bar"})"))["ok"], true);
  EXPECT_EQ(J(h.state())["pendingMessages"], 2);
  EXPECT_EQ(J(h.state())["pendingData"], (json{"foo", {{"someKey", "bar"}}}));  // what back delivers
  json r = J(h.navigateBack(1));
  ASSERT_EQ(r["ok"], true);
  EXPECT_EQ(types(r), (std::vector<std::string>{"message", "unload", "route"}));
  EXPECT_EQ(r["events"][0]["detail"]["data"], (json{"foo", {{"someKey", "bar"}}}));
  EXPECT_EQ(r["events"][1]["listeners"], (json{3}));
  EXPECT_EQ(J(h.state())["pendingMessages"], 0);
  EXPECT_EQ(J(h.state())["pendingData"], json::array());
}

TEST(Host, NoMessageEventWhenNothingPosted) {
  Host h = configured();
  json r = J(h.redirectTo("/pages/goods/list"));
  EXPECT_EQ(types(r), (std::vector<std::string>{"unload", "route"}));
}

TEST(Host, MessagesDeliveredOnShareKeptThenFlushedOnDestroyAndReLaunchAndSwitchTab) {
  {
    Host h = configured();
    EXPECT_EQ(types(J(h.share())), std::vector<std::string>{});  // nothing posted: no message event
    h.postMessage(R"({"data":1})");
    json r = J(h.share());
    EXPECT_EQ(types(r), (std::vector<std::string>{"message"}));
    EXPECT_EQ(r["events"][0]["detail"]["data"], (json{1}));
    EXPECT_EQ(J(h.state())["pendingMessages"], 1);  // a share does not empty the buffer (§4.1)
    EXPECT_EQ(J(h.share())["events"][0]["detail"]["data"], (json{1}));
    h.postMessage(R"({"data":2})");
    EXPECT_EQ(J(h.share())["events"][0]["detail"]["data"], (json{1, 2}));
    r = J(h.destroy());
    EXPECT_EQ(types(r), (std::vector<std::string>{"message", "unload"}));
    EXPECT_EQ(r["events"][0]["detail"]["data"], (json{1, 2}));  // everything since the page was created
    EXPECT_EQ(J(h.state())["pendingMessages"], 0);
  }
  {
    Host h = configured();
    h.postMessage(R"({"data":"a"})");
    J(h.share());
    json r = J(h.navigateBack(1));
    EXPECT_EQ(types(r), (std::vector<std::string>{"message", "unload", "route"}));
    EXPECT_EQ(r["events"][0]["detail"]["data"], (json{"a"}));
  }
  {
    Host h = configured();
    h.postMessage(R"({"data":"x"})");
    EXPECT_EQ(types(J(h.reLaunch("/pages/goods/list"))), (std::vector<std::string>{"message", "unload", "route"}));
  }
  {
    Host h = configured();
    h.postMessage(R"({"data":"x"})");
    EXPECT_EQ(types(J(h.switchTab("/pages/me/me?ignored=1"))),
              (std::vector<std::string>{"message", "unload", "route"}));
    EXPECT_EQ(J(h.stack())[0]["url"], "pages/me/me");
  }
  {
    Host h = configured();
    h.postMessage(R"({"data":"bye"})");
    json r = J(h.close());
    EXPECT_EQ(types(r), (std::vector<std::string>{"message", "unload", "close"}));
    EXPECT_EQ(r["events"][2]["appId"], "wxshop");
  }
}

TEST(Host, MessagesNotFlushedWhenOnlyHidden) {
  Host h = configured();
  h.postMessage(R"({"data":1})");
  EXPECT_EQ(types(J(h.navigateTo("/pages/goods/list"))), (std::vector<std::string>{"hide", "route"}));
  EXPECT_EQ(J(h.state())["pendingMessages"], 1);
  h.onShow(4);
  json r = J(h.hostNavigateBack(1));
  EXPECT_EQ(types(r), (std::vector<std::string>{"show", "route"}));
  EXPECT_EQ(r["events"][0]["arg"]["data"], (json{{"from", "home"}, {"q", "%E4%BD%A0"}}));
  EXPECT_EQ(r["events"][0]["listeners"], (json{4}));
}

TEST(Host, ClosedPageRejectsH5Calls) {
  Host h = configured();
  h.navigateBack(1);
  for (const json& res :
       {W(h.navigateTo("/pages/goods/list")), W(h.redirectTo("/pages/goods/list")), W(h.switchTab("/pages/me/me")),
        W(h.reLaunch("/pages/me/me")), W(h.navigateBack(1)), W(h.postMessage("{}")), W(h.sendWebviewEvent()),
        W(h.canNavigateBack()), W(h.setNavigationBarTitle("t")), W(h.complete()), W(h.callNativeAPI("x")),
        W(h.navigateToMiniProgram("wx1", "", "")), W(h.navigateBackMiniProgram("")), W(h.close()),
        W(h.hostSendWebviewEvent()), W(h.hostCallH5("x"))}) {
    json r = J(res);
    EXPECT_EQ(r["ok"], false) << res;
    EXPECT_EQ(r["reason"], "web-view page is closed") << res;
  }
  EXPECT_EQ(J(h.documentTitleChanged("t"))["ok"], true);
  EXPECT_EQ(J(h.appHide())["events"], json::array());
  EXPECT_EQ(J(h.hostNavigateBack(1))["reason"], "cannot navigate back at first page");
  EXPECT_EQ(J(h.state())["webview"]["alive"], false);
  // The person can still tap the tabBar: the host's own switchTab works without the web-view.
  json tap = J(h.hostSwitchTab("/pages/me/me"));
  EXPECT_EQ(tap["ok"], true) << tap.dump();
  EXPECT_EQ(J(h.stack())[0]["route"], "pages/me/me");
}

TEST(Host, BackStepsThroughTheWebviewHistoryFirst) {
  // §3.13: backMode 'history' (the default) steps back in the web-view's own history while it can
  // go back; the stack, the message buffer and the listeners stay.
  Host h = configured();
  EXPECT_EQ(J(h.state())["backMode"], "history");
  h.onUnload(2);
  h.postMessage(R"({"data":1})");
  for (double delta : {1.0, 0.0, -3.0, 1.9}) {
    json r = J(h.hostNavigateBack(delta, true));
    EXPECT_EQ(r["ok"], true) << delta;
    EXPECT_EQ(types(r), (std::vector<std::string>{"historyBack"})) << delta;
  }
  EXPECT_EQ(J(h.stack()).size(), 2u);
  EXPECT_EQ(J(h.state())["pendingMessages"], 1);
  // delta > 1 pops pages; without an earlier history entry back leaves the web-view page.
  EXPECT_EQ(types(J(h.hostNavigateBack(2, true))), (std::vector<std::string>{"message", "unload", "route"}));
  Host first;
  ASSERT_EQ(J(configure(first, R"({"stack": ["pages/web/web"]})"))["ok"], true);
  EXPECT_EQ(types(J(first.hostNavigateBack(1, true))), (std::vector<std::string>{"historyBack"}));
  EXPECT_EQ(J(first.hostNavigateBack(1, false))["reason"], "cannot navigate back at first page");
  Host plain = configured();
  EXPECT_EQ(types(J(plain.hostNavigateBack(1, false))), (std::vector<std::string>{"unload", "route"}));
}

TEST(Host, BackModePageLeavesAtOnceAndAPageOnTopIsPoppedFirst) {
  Host h;
  ASSERT_EQ(J(configure(h, R"({"stack": ["pages/a", "pages/web"], "backMode": "page"})"))["ok"], true);
  EXPECT_EQ(J(h.state())["backMode"], "page");
  EXPECT_EQ(types(J(h.hostNavigateBack(1, true))), (std::vector<std::string>{"unload", "route"}));
  EXPECT_EQ(J(h.stack()).size(), 1u);
  // A native page pushed over the web-view is what back closes, whatever the H5 history holds.
  Host over = configured();
  over.navigateTo("/pages/goods/list");
  EXPECT_EQ(types(J(over.hostNavigateBack(1, true))), (std::vector<std::string>{"show", "route"}));
  // The app in the background: no history step either.
  Host hidden = configured();
  hidden.appHide();
  EXPECT_NE(types(J(hidden.hostNavigateBack(1, true))), (std::vector<std::string>{"historyBack"}));
}

TEST(Host, FirstPageBackFailsAndKeepsTheMessageBuffer) {
  Host h;
  ASSERT_EQ(J(configure(h, R"({"stack": ["pages/web/web"]})"))["ok"], true);
  h.onUnload(2);
  h.postMessage(R"({"data":"kept"})");
  for (int delta : {1, 0, -1, 5, 2147483647}) {
    HostResult r = h.navigateBack(delta);
    EXPECT_EQ(r.status.reason, "cannot navigate back at first page") << delta;
    EXPECT_TRUE(r.events.empty()) << delta;
    HostResult host_back = h.hostNavigateBack(delta);
    EXPECT_EQ(host_back.status.reason, "cannot navigate back at first page") << delta;
    EXPECT_TRUE(host_back.events.empty()) << delta;
  }
  EXPECT_EQ(J(h.state())["pendingMessages"], 1);
  EXPECT_EQ(J(h.state())["webview"]["alive"], true);
  json shared = J(h.share());
  EXPECT_EQ(shared["events"][0]["detail"]["data"], (json{"kept"}));
}

TEST(Host, RoutingAfterTheWebviewPageIsClosedFailsEveryWay) {
  // §3.8: whatever closed it (back, redirectTo, reLaunch, switchTab, destroy, close, leaving its
  // mini-program), every routing call from the page fails `web-view page is closed`.
  const std::vector<std::function<void(Host&)>> closers = {
      [](Host& h) { h.navigateBack(1); },
      [](Host& h) { h.redirectTo("/pages/goods/list"); },
      [](Host& h) { h.reLaunch("/pages/goods/list"); },
      [](Host& h) { h.switchTab("/pages/me/me"); },
      [](Host& h) { h.destroy(); },
      [](Host& h) { h.close(); },
      [](Host& h) { h.navigateBackMiniProgram(""); },
      [](Host& h) { h.hostNavigateBack(1); },
      [](Host& h) { h.hostSwitchTab("/pages/me/me"); },
  };
  for (std::size_t i = 0; i < closers.size(); ++i) {
    Host h = configured();
    closers[i](h);
    ASSERT_EQ(J(h.state())["webview"]["alive"], false) << i;
    for (const HostResult& res :
         {h.navigateTo("/pages/goods/list"), h.navigateTo("pages/goods/list"), h.redirectTo("/pages/goods/list"),
          h.switchTab("/pages/me/me"), h.switchTab("/pages/index/index"), h.reLaunch("/pages/web/web"),
          h.navigateBack(1), h.navigateBack(0), h.navigateToMiniProgram("wx1", "", ""), h.navigateBackMiniProgram(""),
          h.close()}) {
      EXPECT_FALSE(res.status.ok) << i;
      EXPECT_EQ(res.status.reason, "web-view page is closed") << i;
      EXPECT_TRUE(res.events.empty()) << i;
    }
  }
}

TEST(Host, AppHideShowLifecycle) {
  Host h = configured();
  h.onShow(1);
  h.onShow(2);
  h.onHide(3);
  json hide = J(h.appHide());
  EXPECT_EQ(types(hide), (std::vector<std::string>{"hide"}));
  EXPECT_EQ(hide["events"][0]["listeners"], (json{3}));
  json show = J(h.appShow());
  EXPECT_EQ(types(show), (std::vector<std::string>{"show"}));
  EXPECT_EQ(show["events"][0]["listeners"], (json{1, 2}));
  EXPECT_EQ(show["events"][0]["arg"]["data"]["from"], "home");
}

TEST(Host, WebviewEventListeners) {
  Host h = configured();
  EXPECT_TRUE(h.onWebviewEvent(5));
  EXPECT_TRUE(h.onWebviewEvent(6));
  EXPECT_FALSE(h.onWebviewEvent(5));
  json r = J(h.hostSendWebviewEvent());
  EXPECT_EQ(types(r), (std::vector<std::string>{"webviewEvent"}));
  EXPECT_EQ(r["events"][0]["listeners"], (json{5, 6}));
  EXPECT_TRUE(h.offWebviewEvent(5));
  EXPECT_EQ(J(h.hostSendWebviewEvent())["events"][0]["listeners"], (json{6}));
  h.onWebviewEvent(7);
  EXPECT_EQ(h.offAllWebviewEvents(), 2u);
  EXPECT_EQ(J(h.hostSendWebviewEvent())["events"][0]["listeners"], json::array());
  EXPECT_EQ(types(J(h.sendWebviewEvent())), (std::vector<std::string>{"bindevent"}));
}

TEST(Host, HoldsListenerUntilNoRegistryHasIt) {
  Host h = configured();
  EXPECT_FALSE(h.holdsListener(1));
  h.onWebviewEvent(1);
  h.onShow(1);
  h.onNativeAPIHandler("scan", 2);
  h.registNativeAPIHandler("pay", 3);
  EXPECT_TRUE(h.holdsListener(1));
  h.offWebviewEvent(1);
  EXPECT_TRUE(h.holdsListener(1));  // still an onShow listener (lifecycle listeners are never removed)
  h.onWebviewEvent(5);
  h.offWebviewEvent(5);
  EXPECT_FALSE(h.holdsListener(5));
  h.onWebviewEvent(4);
  h.offAllWebviewEvents();
  EXPECT_FALSE(h.holdsListener(4));
  EXPECT_TRUE(h.holdsListener(2));
  h.offNativeAPIHandler("scan", 2);
  EXPECT_FALSE(h.holdsListener(2));
  EXPECT_TRUE(h.holdsListener(3));
}

TEST(Host, NativeApisAndHandlers) {
  Host h = configured();
  EXPECT_EQ(J(h.callNativeAPI("scan"))["reason"], "api scan not found");
  h.registerNativeAPI("scan");
  EXPECT_EQ(J(h.callNativeAPI("scan"))["ok"], true);
  EXPECT_TRUE(h.unregisterNativeAPI("scan"));
  EXPECT_FALSE(h.unregisterNativeAPI("scan"));
  EXPECT_EQ(J(h.callNativeAPI("scan"))["reason"], "api scan not found");
  EXPECT_EQ(J(h.hostCallH5("getToken"))["reason"], "handler getToken not found");
  h.onNativeAPIHandler("getToken", 1);
  h.onNativeAPIHandler("getToken", 2);
  h.registNativeAPIHandler("getToken", 8);
  h.registNativeAPIHandler("getToken", 9);
  EXPECT_EQ(J(h.hostCallH5("getToken"))["handlers"], (json{1, 2, 9}));
  EXPECT_TRUE(h.offNativeAPIHandler("getToken", 1));
  EXPECT_FALSE(h.offNativeAPIHandler("getToken", 9));
  EXPECT_EQ(J(h.hostCallH5("getToken"))["handlers"], (json{2, 9}));
  // configure keeps the page's handlers and listeners, and replaces host API names only when given.
  h.registerNativeAPI("pay");
  ASSERT_EQ(J(configure(h, kConfig))["ok"], true);
  EXPECT_EQ(J(h.hostCallH5("getToken"))["handlers"], (json{2, 9}));
  EXPECT_EQ(J(h.callNativeAPI("pay"))["ok"], true);
  ASSERT_EQ(J(configure(h, R"({"nativeAPIs":["scan"]})"))["ok"], true);
  EXPECT_EQ(J(h.callNativeAPI("pay"))["reason"], "api pay not found");
  EXPECT_EQ(J(h.callNativeAPI("scan"))["ok"], true);
}

TEST(Host, TitleLaterWins) {
  Host h = configured();
  json r = J(h.setNavigationBarTitle("商品"));
  EXPECT_EQ(types(r), (std::vector<std::string>{"title"}));
  EXPECT_EQ(r["events"][0]["title"], "商品");
  EXPECT_EQ(h.title(), "商品");
  h.documentTitleChanged("Doc");
  EXPECT_EQ(h.title(), "Doc");
  h.setNavigationBarTitle("Again");
  EXPECT_EQ(J(h.state())["title"], "Again");
}

TEST(Host, CompleteAndTimeout) {
  Host h = configured();
  EXPECT_EQ(types(J(h.complete())), (std::vector<std::string>{"loadComplete"}));
  EXPECT_EQ(types(J(h.complete())), std::vector<std::string>{});
  EXPECT_TRUE(h.loadTimeoutElapsed().events.empty());  // completed first: never fires
  Host late = configured();
  json f = J(late.loadTimeoutElapsed());
  EXPECT_EQ(types(f), (std::vector<std::string>{"loadTimeout"}));
  EXPECT_EQ(f["events"][0]["timeout"], 3000);
  EXPECT_TRUE(late.loadTimeoutElapsed().events.empty());  // once
  Host none;
  EXPECT_TRUE(none.loadTimeoutElapsed().events.empty());
}

TEST(Host, PostMessageErrors) {
  Host h;
  EXPECT_EQ(J(h.postMessage("nope"))["reason"], "parameter error: data is not valid JSON");
  EXPECT_EQ(J(h.postMessage(std::string(5000, '[')))["reason"], "parameter error: data is nested too deeply");
  EXPECT_EQ(J(h.state())["pendingMessages"], 0);
}

TEST(Host, OddStringsSurvive) {
  Host h;
  std::string bad = "pages/\xff\xfe?x=\xc3";  // invalid UTF-8 stays valid JSON output
  json r = J(h.navigateTo(bad));
  EXPECT_EQ(r["ok"], true);
  EXPECT_EQ(J(h.stack()).size(), 2u);
  EXPECT_EQ(J(h.setNavigationBarTitle(std::string("\0x", 2)))["ok"], true);
  EXPECT_EQ(J(h.hostCallH5(std::string(10000, '\x01')))["ok"], false);
  std::string long_url = "/p?" + std::string(100000, '%');
  EXPECT_EQ(J(h.navigateTo(long_url))["ok"], true);
  EXPECT_EQ(J(h.stack())[2]["url"].get<std::string>().size(), long_url.size() - 1);
}

}  // namespace
}  // namespace ft
