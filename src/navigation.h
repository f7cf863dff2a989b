// The simulated host's navigation state (behaviour.md §3, §3.10, §4.1): the page stack of the
// mini-program that holds the web-view page, and the stack of mini-programs above/below it.
//
// Page stack: bottom first, at most kMaxPages entries. Exactly one entry, at start the LAST page
// of the initial stack, holds the web-view (the H5 page); `Page::webview` marks it. A route is a
// page path without leading slash ("pages/goods/detail"); the query is kept exactly as given.
//
// App stack: bottom first. The mini-program holding the web-view is one entry (`h5_app_index()`);
// entries below it are apps that opened it (config), entries above are apps it opened with
// navigateToMiniProgram (simulated: only appId, path and extraData are kept).
//
// The H5 page is
//   alive    until its entry leaves the page stack (navigateBack past it, redirectTo/reLaunch/
//            switchTab from it), the component is destroyed (destroy()), or the mini-program is
//            closed (close(), navigateBackMiniProgram from it); never alive again after that;
//   visible  when alive, the app is in the foreground, its app is the top app and its entry is
//            the top page.
// Every operation reports the lifecycle events the web-view page gets (§3.10), computed from
// those two states before and after: alive -> not alive gives Unload (only), visible -> hidden
// gives Hide, hidden -> visible gives Show with the web-view page's raw query. The messages
// buffered by postMessage must be flushed before an Unload (done by ft::Host, §4.1).
//
// A tab page holding the web-view, left by switchTab to another tab, is kept off-stack (hidden,
// not unloaded) and comes back on switchTab to it, as tab pages do in WeChat [WX].
//
// Reasons (Status::reason, the text after "invokeMiniProgramAPI:fail ", §1.3): nav_reason below,
// and the url reasons of url.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app_model.h"
#include "result.h"

namespace ft {

namespace nav_reason {
inline constexpr const char* kLimit = "webview count limit exceed";                     // §3.1
inline constexpr const char* kNavigateToTab = "can not navigateTo a tabbar page";       // §3.2
inline constexpr const char* kRedirectToTab = "can not redirectTo a tabbar page";       // §3.2
inline constexpr const char* kSwitchToNonTab = "can not switch to no-tabBar page";      // §3.2
inline constexpr const char* kFirstPage = "cannot navigate back at first page";         // §3.6
inline constexpr const char* kFirstApp = "cannot navigate back at first mini program";  // [ours]
inline constexpr const char* kEmptyAppId = "parameter error: parameter.appId should be a non-empty String;";
// Unknown page (§3.7): "page \"<route?query>\" is not found", see not_found().
std::string not_found(std::string_view url);
}  // namespace nav_reason

struct Page {
  std::string route;  // "pages/a/b", no leading slash
  std::string query;  // raw, "" when none
  bool webview = false;
  std::string url() const;  // route + "?" + query (query non-empty)
};

struct AppEntry {
  std::string app_id;
  std::string path;                   // as given to navigateToMiniProgram ("" = home page)
  nlohmann::ordered_json extra_data;  // object given on the way in (or back)
};

enum class Lifecycle { Show, Hide, Unload };

struct LifecycleEvent {
  Lifecycle kind;
  std::string query;  // Show: the web-view page's raw query; otherwise ""
};

struct NavOutcome {
  Status status;
  std::vector<LifecycleEvent> events;  // empty on failure (nothing changed)
};

class Navigation {
 public:
  static constexpr std::size_t kMaxPages = 10;  // §3.1

  // Unknown app, appId "", one page "pages/index/index" holding the web-view.
  Navigation();

  // `stack`: page urls bottom first (absolute, leading slash optional, query kept); empty means
  // one page: app.entry (or "pages/index/index" for an unknown app). The last holds the web-view.
  // `callers`: appIds of the mini-programs below this one (bottom first), may be empty.
  // Errors: "invalid config: stack has more than 10 pages", "invalid config: stack[<i>] <reason>"
  // where <reason> is a url reason or `page "<url>" is not found`,
  // "invalid config: callers[<i>] should be a non-empty string" (checked by the caller, ft::Host).
  static Status create(AppModel app, std::string app_id, const std::vector<std::string>& stack,
                       const std::vector<std::string>& callers, Navigation& out);

  // §3 route APIs. `url` is resolved against the folder of current_route(), never against the H5
  // document's url (the core never sees it); when that names no page of a known app and the path
  // has no leading slash and names an app.json page exactly ("pages/detail/index"), that page
  // (§3.8). Nothing is decoded: "%2Fpages%2Fa" is a relative path like any other. Unknown pages
  // fail not_found() with the relative reading.
  NavOutcome navigate_to(std::string_view url);
  NavOutcome redirect_to(std::string_view url);
  NavOutcome switch_tab(std::string_view url);  // query ignored (§3.3)
  NavOutcome re_launch(std::string_view url);
  NavOutcome navigate_back(double delta = 1);  // pops back_count(delta, pages - 1) pages
  // §3.6 navigateBack's delta, decided here only (the API table gives the type and the default 1):
  // truncated toward zero; NaN and anything below 1 count as 1; more than `max_pop` (the pages
  // above the first one, infinity included) goes back to the first page.
  static std::size_t back_count(double delta, std::size_t max_pop);

  // Pushes a simulated app {app_id, path, extra_data} on the app stack: the web-view's app goes
  // to the background (Hide when visible). extra_data should be an object (null -> {}).
  NavOutcome navigate_to_mini_program(std::string_view app_id, std::string_view path,
                                      nlohmann::ordered_json extra_data);
  // Pops the TOP app; `returned_to` gets the app below, with extra_data set to `extra_data`
  // (what that app receives, e.g. in its onShow). Fails kFirstApp on the bottom app. Popping the
  // web-view's own app closes it (Unload); returning to it makes it visible again (Show).
  NavOutcome navigate_back_mini_program(nlohmann::ordered_json extra_data, AppEntry* returned_to = nullptr);

  // Closes the web-view's mini-program (ft.miniProgram.close): Unload; closed() afterwards.
  NavOutcome close();
  // The web-view component is destroyed (host action): Unload, the page stays.
  NavOutcome destroy();
  // The whole app goes to the background / comes back (host actions, §3.10).
  NavOutcome app_hide();
  NavOutcome app_show();

  // §3.11: more than one page on the stack.
  bool can_navigate_back() const { return pages_.size() > 1; }

  // The route relative urls resolve against: the web-view page's, else the top page's.
  std::string current_route() const;

  const AppModel& app() const { return app_; }
  const std::string& app_id() const { return app_id_; }
  const std::vector<Page>& pages() const { return pages_; }
  const std::vector<AppEntry>& apps() const { return apps_; }
  std::size_t h5_app_index() const { return h5_app_; }
  // Index of the web-view entry in pages(), -1 when it is not on the stack (parked tab or gone).
  int webview_index() const;
  const Page* webview_page() const;  // on the stack or parked; nullptr when gone
  bool webview_parked() const { return parked_.has_value(); }
  bool alive() const { return alive_; }
  bool visible() const;
  bool foreground() const { return foreground_; }
  bool closed() const { return closed_; }

 private:
  // Runs `change`, then derives alive/visible and the lifecycle events.
  template <typename F>
  NavOutcome apply(F&& change);
  Status resolve_known(std::string_view url, std::string& route, std::string& query) const;

  AppModel app_;
  std::string app_id_;
  std::vector<Page> pages_;
  std::optional<Page> parked_;  // the web-view tab page, hidden by switchTab
  std::vector<AppEntry> apps_;
  std::size_t h5_app_ = 0;
  bool alive_ = true;
  bool foreground_ = true;
  bool closed_ = false;
};

}  // namespace ft
