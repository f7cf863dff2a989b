// Mini-program page urls as the route APIs take them (behaviour.md §3.7, §3.8): "path?query",
// where path is a page route, absolute ("/pages/a/b") or relative to the current page's folder
// ("../a/b", "./x", "x"). The host only opens in-app pages.
//
// Shapes:
//   route  a page path WITHOUT leading slash, e.g. "pages/goods/detail" (the form app.json uses)
//   query  the raw text after the first '?', exactly as given: never decoded, never re-encoded
//          (FinClip 1.4.14 fixed double encoding, §3.8). '#', '%', '+', unicode are plain bytes.
//   url    route + ("?" + query) when the query is non-empty, else route alone.
//
// Errors (Status::reason, the text after "<api>:fail "):
//   "invalid url: javascript urls are not allowed"     javascript: (any case, blanks stripped)
//   "invalid url: external urls are not allowed"       scheme:..., scheme://... or //host...
//   "invalid url: empty page path"                     "", "?a=1", "/", "../.." past the root
// Resolution follows URL path rules: "." segments and empty segments ("a//b", trailing "/") are
// dropped, ".." pops one folder and stops at the root (like a browser) [ours].
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "result.h"

namespace ft::url {

namespace reason {
inline constexpr const char* kJavascript = "invalid url: javascript urls are not allowed";
inline constexpr const char* kExternal = "invalid url: external urls are not allowed";
inline constexpr const char* kEmptyPath = "invalid url: empty page path";
}  // namespace reason

// "path?query" split at the FIRST '?'. has_query is true when a '?' was present (even "x?").
struct Split {
  std::string path;
  std::string query;
  bool has_query = false;
};
Split split(std::string_view url);

// The url's scheme in lower case ("http", "javascript", "ftp"), or "" when it has none (a path,
// "?q", "#f", "//host/x"), read as a browser does: leading C0 controls and spaces skipped, tabs and
// newlines ignored, scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) before the first ':'.
// ft.request / ft.downloadFile (request.h) and check_in_app share it.
std::string scheme_of(std::string_view url);

// Fails (see reasons above) when `url` is not an in-app page url; Ok otherwise. Only looks at the
// path part: "pages/a?u=https://x.com" is fine.
Status check_in_app(std::string_view url);

// The folder of a route: "pages/goods/list" -> "pages/goods"; "index" -> "".
std::string folder_of(std::string_view route);

// Normalises a path (absolute or relative to `base_folder`) into a route without leading slash.
// Returns "" when nothing is left (the caller reports kEmptyPath).
std::string resolve_path(std::string_view path, std::string_view base_folder);

struct Resolved {
  std::string route;  // "pages/goods/detail"
  std::string query;  // raw, "" when none
  std::string url() const;
};

// check_in_app + split + resolve_path against the folder of `current_route`.
Status resolve(std::string_view url, std::string_view current_route, Resolved& out);

// route + "?" + query when query is non-empty (exactly as given), else route.
std::string build(std::string_view route, std::string_view query);

// The query as the host cuts it before the page opened receives it (§3.8, [WX 2.8.2]): only the
// text before a second '?'; pieces separated by '&' (empty pieces skipped); a piece's name runs to
// its first '=' and its value to the next '=' ("a=b=c" -> ("a","b")); a piece without '=' gets
// the value "undefined". Nothing is decoded ("%3D" stays). Duplicates are all kept, in order.
// `cut` (when given) is set to query_is_cut(query).
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query, bool* cut = nullptr);

// True when that cut changes what a browser reads from the query (a second '?', a second '=' in a
// piece, a piece without '='): the page's text does not arrive as given (a device check, §1.15).
bool query_is_cut(std::string_view query);

}  // namespace ft::url
