#include "navigation.h"

#include <utility>

#include "url.h"

namespace ft {

namespace {
constexpr const char* kDefaultRoute = "pages/index/index";
}

std::string nav_reason::not_found(std::string_view url) { return "page \"" + std::string(url) + "\" is not found"; }

std::string Page::url() const { return url::build(route, query); }

Navigation::Navigation() {
  pages_.push_back(Page{kDefaultRoute, "", true});
  apps_.push_back(AppEntry{"", "", nlohmann::ordered_json::object()});
}

Status Navigation::create(AppModel app, std::string app_id, const std::vector<std::string>& stack,
                          const std::vector<std::string>& callers, Navigation& out) {
  Navigation n;
  n.pages_.clear();
  if (stack.size() > kMaxPages) return Status::Fail("invalid config: stack has more than 10 pages");
  for (std::size_t i = 0; i < stack.size(); ++i) {
    url::Resolved r;
    Status st = url::resolve(stack[i], "", r);
    if (st.ok && !app.has_page(r.route)) st = Status::Fail(nav_reason::not_found(r.url()));
    if (!st.ok) return Status::Fail("invalid config: stack[" + std::to_string(i) + "] " + st.reason);
    n.pages_.push_back(Page{std::move(r.route), std::move(r.query), false});
  }
  if (n.pages_.empty()) n.pages_.push_back(Page{app.known ? app.entry : kDefaultRoute, "", false});
  n.pages_.back().webview = true;

  n.apps_.clear();
  for (const std::string& caller : callers) {
    n.apps_.push_back(AppEntry{caller, "", nlohmann::ordered_json::object()});
  }
  n.apps_.push_back(AppEntry{app_id, n.pages_.back().url(), nlohmann::ordered_json::object()});
  n.h5_app_ = n.apps_.size() - 1;
  n.app_ = std::move(app);
  n.app_id_ = std::move(app_id);
  out = std::move(n);
  return Status::Ok();
}

int Navigation::webview_index() const {
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    if (pages_[i].webview) return static_cast<int>(i);
  }
  return -1;
}

const Page* Navigation::webview_page() const {
  int i = webview_index();
  if (i >= 0) return &pages_[static_cast<std::size_t>(i)];
  if (parked_) return &*parked_;
  return nullptr;
}

bool Navigation::visible() const {
  return alive_ && !closed_ && foreground_ && h5_app_ + 1 == apps_.size() && !pages_.empty() && pages_.back().webview;
}

std::string Navigation::current_route() const {
  if (const Page* w = webview_page()) return w->route;
  return pages_.empty() ? std::string() : pages_.back().route;
}

template <typename F>
NavOutcome Navigation::apply(F&& change) {
  NavOutcome out;
  bool was_alive = alive_;
  bool was_visible = visible();
  change();
  if (alive_ && webview_page() == nullptr) alive_ = false;
  bool now_visible = visible();
  if (was_alive && !alive_) {
    out.events.push_back({Lifecycle::Unload, ""});
  } else if (was_visible && !now_visible) {
    out.events.push_back({Lifecycle::Hide, ""});
  } else if (!was_visible && now_visible) {
    out.events.push_back({Lifecycle::Show, pages_.back().query});
  }
  return out;
}

Status Navigation::resolve_known(std::string_view url, std::string& route, std::string& query) const {
  url::Resolved r;
  Status st = url::resolve(url, current_route(), r);
  if (!st.ok) return st;
  if (!app_.has_page(r.route)) {
    // §3.8: a root-less path naming an app.json page exactly ("pages/detail/index", which H5 code
    // written for FinClip hosts produces) is read from the root when the relative reading names
    // no page. Only a known app gets here (an unknown app has every page).
    std::string path = url::split(url).path;
    if (path[0] == '/' || !app_.has_page(path)) return Status::Fail(nav_reason::not_found(r.url()));
    r.route = std::move(path);
  }
  route = std::move(r.route);
  query = std::move(r.query);
  return Status::Ok();
}

NavOutcome Navigation::navigate_to(std::string_view url) {
  std::string route, query;
  Status st = resolve_known(url, route, query);
  if (st.ok && app_.is_tab(route)) st = Status::Fail(nav_reason::kNavigateToTab);
  if (st.ok && pages_.size() >= kMaxPages) st = Status::Fail(nav_reason::kLimit);
  if (!st.ok) return NavOutcome{st, {}};
  return apply([&] { pages_.push_back(Page{std::move(route), std::move(query), false}); });
}

NavOutcome Navigation::redirect_to(std::string_view url) {
  std::string route, query;
  Status st = resolve_known(url, route, query);
  if (st.ok && app_.is_tab(route)) st = Status::Fail(nav_reason::kRedirectToTab);
  if (!st.ok) return NavOutcome{st, {}};
  return apply([&] { pages_.back() = Page{std::move(route), std::move(query), false}; });
}

NavOutcome Navigation::switch_tab(std::string_view url) {
  std::string route, query;
  Status st = resolve_known(url, route, query);
  if (st.ok && !app_.is_tab(route)) st = Status::Fail(nav_reason::kSwitchToNonTab);
  if (!st.ok) return NavOutcome{st, {}};
  return apply([&] {
    Page target{route, "", false};
    if (!pages_.empty() && pages_.front().route == route) {
      target = pages_.front();  // the current tab: keep its instance (and its query)
    } else if (parked_ && parked_->route == route) {
      target = *parked_;
      parked_.reset();
    }
    // The web-view page, if it is the tab page being left, is hidden rather than unloaded.
    if (!pages_.empty() && pages_.front().webview && !target.webview && app_.is_tab(pages_.front().route)) {
      parked_ = pages_.front();
    }
    pages_.assign(1, std::move(target));
  });
}

NavOutcome Navigation::re_launch(std::string_view url) {
  std::string route, query;
  Status st = resolve_known(url, route, query);
  if (!st.ok) return NavOutcome{st, {}};
  return apply([&] {
    parked_.reset();
    pages_.assign(1, Page{std::move(route), std::move(query), false});
  });
}

std::size_t Navigation::back_count(double delta, std::size_t max_pop) {
  if (!(delta >= 1)) return 1;  // NaN included
  if (delta >= static_cast<double>(max_pop)) return max_pop;
  return static_cast<std::size_t>(delta);  // truncates; delta < max_pop fits
}

NavOutcome Navigation::navigate_back(double delta) {
  if (pages_.size() <= 1) return NavOutcome{Status::Fail(nav_reason::kFirstPage), {}};
  std::size_t pop = back_count(delta, pages_.size() - 1);
  return apply([&] { pages_.resize(pages_.size() - pop); });
}

NavOutcome Navigation::navigate_to_mini_program(std::string_view app_id, std::string_view path,
                                                nlohmann::ordered_json extra_data) {
  if (app_id.empty()) return NavOutcome{Status::Fail(nav_reason::kEmptyAppId), {}};
  if (extra_data.is_null()) extra_data = nlohmann::ordered_json::object();
  return apply([&] { apps_.push_back(AppEntry{std::string(app_id), std::string(path), std::move(extra_data)}); });
}

NavOutcome Navigation::navigate_back_mini_program(nlohmann::ordered_json extra_data, AppEntry* returned_to) {
  if (apps_.size() <= 1) return NavOutcome{Status::Fail(nav_reason::kFirstApp), {}};
  if (extra_data.is_null()) extra_data = nlohmann::ordered_json::object();
  return apply([&] {
    if (apps_.size() - 1 == h5_app_) closed_ = true;  // the web-view's own app goes away
    apps_.pop_back();
    if (closed_) alive_ = false;
    if (returned_to) {
      *returned_to = apps_.back();
      returned_to->extra_data = std::move(extra_data);
    }
  });
}

NavOutcome Navigation::close() {
  return apply([&] {
    closed_ = true;
    alive_ = false;
  });
}

NavOutcome Navigation::destroy() {
  return apply([&] {
    alive_ = false;
    for (Page& p : pages_) p.webview = false;
    parked_.reset();
  });
}

NavOutcome Navigation::app_hide() {
  return apply([&] { foreground_ = false; });
}

NavOutcome Navigation::app_show() {
  return apply([&] { foreground_ = true; });
}

}  // namespace ft
