#include "wire_host.h"

#include <utility>

namespace ft::wire {

namespace {

json query(const QueryFields& fields) {
  json obj = json::object();
  for (const auto& [name, value] : fields) obj[name] = value;
  return obj;
}

const char* type_text(HostEventType type) {
  switch (type) {
    case HostEventType::Message: return "message";
    case HostEventType::Unload: return "unload";
    case HostEventType::Hide: return "hide";
    case HostEventType::Show: return "show";
    case HostEventType::Route: return "route";
    case HostEventType::Title: return "title";
    case HostEventType::BindEvent: return "bindevent";
    case HostEventType::WebviewEvent: return "webviewEvent";
    case HostEventType::NavigateToMiniProgram: return "navigateToMiniProgram";
    case HostEventType::NavigateBackMiniProgram: return "navigateBackMiniProgram";
    case HostEventType::Close: return "close";
    case HostEventType::LoadComplete: return "loadComplete";
    case HostEventType::LoadTimeout: return "loadTimeout";
    case HostEventType::HistoryBack: return "historyBack";
  }
  return "";
}

json event(const HostEvent& ev) {
  json e = json::object();
  e["type"] = type_text(ev.type);
  switch (ev.type) {
    case HostEventType::Message:
      e["detail"] = json::object();
      e["detail"]["data"] = ev.data;
      break;
    case HostEventType::Unload:
    case HostEventType::Hide:
    case HostEventType::Show:
      e["listeners"] = ev.listeners;
      e["arg"] = json::object();
      if (ev.type == HostEventType::Show) e["arg"]["data"] = query(ev.query);
      break;
    case HostEventType::Route:
      e["action"] = ev.text;
      e["stack"] = stack(ev.stack);
      if (!ev.detail.empty()) e["check"] = ev.detail;
      break;
    case HostEventType::Title: e["title"] = ev.text; break;
    case HostEventType::WebviewEvent: e["listeners"] = ev.listeners; break;
    case HostEventType::NavigateToMiniProgram:
      e["appId"] = ev.text;
      e["path"] = ev.detail;
      e["extraData"] = ev.data;
      break;
    case HostEventType::NavigateBackMiniProgram:
      e["fromAppId"] = ev.detail;
      e["toAppId"] = ev.text;
      e["extraData"] = ev.data;
      break;
    case HostEventType::Close: e["appId"] = ev.text; break;
    case HostEventType::LoadTimeout: e["timeout"] = ev.timeout_ms; break;
    case HostEventType::BindEvent:
    case HostEventType::LoadComplete:
    case HostEventType::HistoryBack: break;
  }
  return e;
}

json page(const PageView& p) {
  json e = json::object();
  e["route"] = p.route;
  e["query"] = query(p.query);
  e["url"] = p.url;
  e["webview"] = p.webview;
  return e;
}

}  // namespace

json answer(const Status& status) {
  json r = json::object();
  r["ok"] = status.ok;
  if (!status.ok) r["reason"] = status.reason;
  return r;
}

json ok_with(const char* name, json value) {
  json r = json::object();
  r["ok"] = true;
  r[name] = std::move(value);
  return r;
}

json answer(const HostResult& result) {
  return result.status.ok ? ok_with("events", events(result.events)) : answer(result.status);
}

json events(const std::vector<HostEvent>& list) {
  json out = json::array();
  for (const HostEvent& ev : list) out.push_back(event(ev));
  return out;
}

json stack(const std::vector<PageView>& pages) {
  json arr = json::array();
  for (const PageView& p : pages) arr.push_back(page(p));
  return arr;
}

json state(const HostState& s) {
  json out = json::object();
  out["appId"] = s.app_id;
  out["title"] = s.title;
  out["stack"] = stack(s.stack);
  out["canNavigateBack"] = s.can_navigate_back;
  json w = json::object();
  w["index"] = s.webview_index;
  w["alive"] = s.alive;
  w["visible"] = s.visible;
  w["parked"] = s.parked;
  w["route"] = s.has_webview ? json(s.webview_route) : json(nullptr);
  w["url"] = s.has_webview ? json(s.webview_url) : json(nullptr);
  out["webview"] = std::move(w);
  out["foreground"] = s.foreground;
  out["closed"] = s.closed;
  json apps = json::array();
  for (const AppEntry& a : s.apps) {
    json e = json::object();
    e["appId"] = a.app_id;
    e["path"] = a.path;
    e["extraData"] = a.extra_data;
    apps.push_back(std::move(e));
  }
  out["apps"] = std::move(apps);
  out["h5AppIndex"] = s.h5_app_index;
  out["pendingMessages"] = s.pending_messages.size();
  out["pendingData"] = s.pending_messages;
  out["webviewTimeout"] = s.webview_timeout_ms;
  out["loadComplete"] = s.load_complete;
  out["loadTimeoutFired"] = s.load_timeout_fired;
  out["nativeAPIs"] = s.native_apis;
  out["backMode"] = s.back_through_history ? "history" : "page";
  return out;
}

}  // namespace ft::wire
