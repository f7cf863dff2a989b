#include "url.h"

namespace ft::url {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// What a browser would see as the start of the url: leading C0 controls and spaces trimmed,
// tabs and newlines removed anywhere (WHATWG URL parsing), so "  java\tscript:" is caught.
std::string scheme_view(std::string_view path) {
  std::string out;
  std::size_t i = 0;
  while (i < path.size() && static_cast<unsigned char>(path[i]) <= 0x20) ++i;
  for (; i < path.size() && out.size() < 64; ++i) {
    char c = path[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    out.push_back(c);
  }
  return out;
}

}  // namespace

Split split(std::string_view url) {
  Split s;
  std::size_t q = url.find('?');
  if (q == std::string_view::npos) {
    s.path = std::string(url);
  } else {
    s.path = std::string(url.substr(0, q));
    s.query = std::string(url.substr(q + 1));
    s.has_query = true;
  }
  return s;
}

std::string scheme_of(std::string_view url) {
  std::string out;
  std::size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  for (; i < url.size(); ++i) {
    char c = url[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == ':') return out;
    if (!is_alpha(c) && (out.empty() || !(is_digit(c) || c == '+' || c == '-' || c == '.'))) break;
    out.push_back(lower(c));
  }
  return "";
}

Status check_in_app(std::string_view url) {
  std::string_view path = url.substr(0, url.find('?'));
  std::string head = scheme_view(path);
  if (head.size() >= 2 && (head[0] == '/' || head[0] == '\\') && (head[1] == '/' || head[1] == '\\')) {
    return Status::Fail(reason::kExternal);  // protocol-relative "//host/x"
  }
  std::string scheme = scheme_of(path);
  if (scheme == "javascript") return Status::Fail(reason::kJavascript);
  if (!scheme.empty()) return Status::Fail(reason::kExternal);
  return Status::Ok();
}

std::string folder_of(std::string_view route) {
  std::size_t slash = route.rfind('/');
  if (slash == std::string_view::npos) return "";
  return std::string(route.substr(0, slash));
}

std::string resolve_path(std::string_view path, std::string_view base_folder) {
  std::vector<std::string_view> segs;
  auto push_all = [&segs](std::string_view p) {
    std::size_t start = 0;
    while (start <= p.size()) {
      std::size_t end = p.find('/', start);
      if (end == std::string_view::npos) end = p.size();
      std::string_view seg = p.substr(start, end - start);
      if (seg.empty() || seg == ".") {
        // skip
      } else if (seg == "..") {
        if (!segs.empty()) segs.pop_back();
      } else {
        segs.push_back(seg);
      }
      start = end + 1;
    }
  };
  if (path.empty() || path[0] != '/') push_all(base_folder);
  push_all(path);
  std::string out;
  for (std::string_view seg : segs) {
    if (!out.empty()) out.push_back('/');
    out.append(seg);
  }
  return out;
}

std::string Resolved::url() const { return build(route, query); }

Status resolve(std::string_view url, std::string_view current_route, Resolved& out) {
  Status st = check_in_app(url);
  if (!st.ok) return st;
  Split s = split(url);
  if (s.path.empty()) return Status::Fail(reason::kEmptyPath);
  std::string route = resolve_path(s.path, folder_of(current_route));
  if (route.empty()) return Status::Fail(reason::kEmptyPath);
  out.route = std::move(route);
  out.query = std::move(s.query);
  return Status::Ok();
}

std::string build(std::string_view route, std::string_view query) {
  std::string out(route);
  if (!query.empty()) {
    out.push_back('?');
    out.append(query);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query, bool* cut) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t second = query.find('?');
  bool lost = second != std::string_view::npos;
  query = query.substr(0, second);
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view piece = query.substr(start, end - start);
    if (!piece.empty()) {
      std::size_t eq = piece.find('=');
      std::string_view value = eq == std::string_view::npos ? "undefined" : piece.substr(eq + 1);
      std::size_t eq2 = value.find('=');
      lost = lost || eq == std::string_view::npos || eq2 != std::string_view::npos;
      out.emplace_back(std::string(piece.substr(0, eq)), std::string(value.substr(0, eq2)));
    }
    start = end + 1;
  }
  if (cut != nullptr) *cut = lost;
  return out;
}

bool query_is_cut(std::string_view query) {
  bool cut = false;
  parse_query(query, &cut);
  return cut;
}

}  // namespace ft::url
