// ft::Host rules decided in the core only (behaviour.md §3.6, §4.4, §4.5) and mini-program
// navigation, read through the glue's wire as JS receives them.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "host.h"
#include "host_wire.h"

namespace ft {
namespace {

using namespace host_test;  // W, J, configure

constexpr const char* kConfig = R"({
  "appId": "wxshop",
  "app": {"pages": ["pages/index/index", "pages/web/web"]},
  "stack": ["pages/index/index", "/pages/web/web?from=home"],
  "callers": ["wxcaller"]
})";

Host configured() {
  Host h;
  EXPECT_TRUE(configure(h, kConfig).ok);
  return h;
}

std::vector<std::string> types(const json& r) {
  std::vector<std::string> out;
  for (const json& e : r["events"]) out.push_back(e["type"].get<std::string>());
  return out;
}

TEST(Host, MiniProgramNavigation) {
  Host h = configured();
  json to = J(h.navigateToMiniProgram("wxother", "pages/x?y=1", R"({"a":1})"));
  ASSERT_EQ(to["ok"], true) << to.dump();
  EXPECT_EQ(types(to), (std::vector<std::string>{"hide", "navigateToMiniProgram"}));
  EXPECT_EQ(to["events"][1]["appId"], "wxother");
  EXPECT_EQ(to["events"][1]["path"], "pages/x?y=1");
  EXPECT_EQ(to["events"][1]["extraData"], (json{{"a", 1}}));
  json back = J(h.hostNavigateBackMiniProgram(R"({"r":2})"));
  EXPECT_EQ(types(back), (std::vector<std::string>{"show", "navigateBackMiniProgram"}));
  EXPECT_EQ(back["events"][1]["fromAppId"], "wxother");
  EXPECT_EQ(back["events"][1]["toAppId"], "wxshop");
  EXPECT_EQ(back["events"][1]["extraData"], (json{{"r", 2}}));
  h.postMessage(R"({"data":"last"})");
  json out = J(h.navigateBackMiniProgram(""));
  EXPECT_EQ(types(out), (std::vector<std::string>{"message", "unload", "navigateBackMiniProgram"}));
  EXPECT_EQ(out["events"][2]["toAppId"], "wxcaller");
  EXPECT_EQ(out["events"][2]["extraData"], json::object());
  EXPECT_EQ(J(h.state())["closed"], true);
}

TEST(Host, MiniProgramErrors) {
  Host h;
  EXPECT_EQ(J(h.navigateBackMiniProgram("{}"))["reason"], "cannot navigate back at first mini program");
  EXPECT_EQ(J(h.navigateToMiniProgram("", "", ""))["reason"], nav_reason::kEmptyAppId);
  EXPECT_EQ(J(h.navigateToMiniProgram("wx1", "", "[1]"))["reason"],
            "parameter error: parameter.extraData should be Object instead of Array;");
  EXPECT_EQ(J(h.navigateToMiniProgram("wx1", "", "{"))["reason"], "parameter error: data is not valid JSON");
  EXPECT_EQ(J(h.navigateToMiniProgram("wx1", "", "null"))["ok"], true);
}

TEST(Host, ApiNotFoundAndHandlerPresenceAreTheCoreRules) {
  Host h;
  EXPECT_EQ(h.callNativeAPI("pay").reason, events_reason::api_not_found("pay"));
  EXPECT_EQ(h.callNativeAPI("pay").reason, "api pay not found");
  Result<std::vector<std::int64_t>> none = h.hostCallH5("t");
  EXPECT_EQ(none.status.reason, host_reason::handler_not_found("t"));
  EXPECT_EQ(J(none), (json{{"ok", false}, {"reason", "handler t not found"}}));
  // offNativeAPIHandler without a function removes every onNativeAPIHandler one, never the regist one.
  h.onNativeAPIHandler("t", 1);
  h.onNativeAPIHandler("t", 2);
  h.registNativeAPIHandler("t", 3);
  EXPECT_EQ(h.offAllNativeAPIHandlers("t"), 2u);
  EXPECT_EQ(h.offAllNativeAPIHandlers("t"), 0u);
  EXPECT_EQ(J(h.hostCallH5("t"))["handlers"], (json{3}));
  EXPECT_EQ(h.offAllNativeAPIHandlers("other"), 0u);
}

TEST(Host, NavigateBackDeltaRange) {
  // §3.6, decided by the core only: truncated, NaN and < 1 count as 1, beyond the stack = first page.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  struct Case {
    double delta;
    std::size_t left;
  };
  for (Case c :
       {Case{1, 3}, Case{0, 3}, Case{-1, 3}, Case{0.9, 3}, Case{-0.5, 3}, Case{nan, 3}, Case{-inf, 3}, Case{1.9, 3},
        Case{2, 2}, Case{2.99, 2}, Case{3, 1}, Case{99, 1}, Case{inf, 1}, Case{1e300, 1}, Case{4294967297.0, 1}}) {
    Host h;
    ASSERT_TRUE(configure(h, R"({"stack":["pages/a","pages/b","pages/c","pages/d"]})").ok);
    ASSERT_TRUE(h.hostNavigateBack(c.delta).status.ok) << c.delta;
    EXPECT_EQ(h.stack().size(), c.left) << c.delta;
  }
}

}  // namespace
}  // namespace ft
