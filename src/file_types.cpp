#include "file_types.h"

#include <algorithm>
#include <cstring>

#include "js_value.h"

namespace ft {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view strip_query(std::string_view url) {
  auto cut = url.find_first_of("?#");
  return url.substr(0, cut);
}

// The media type of a declared content type: lower-case, parameters dropped, "" when malformed.
std::string clean_mime(std::string_view declared) {
  declared = declared.substr(0, declared.find(';'));
  while (!declared.empty() && (declared.front() == ' ' || declared.front() == '\t')) declared.remove_prefix(1);
  while (!declared.empty() && (declared.back() == ' ' || declared.back() == '\t')) declared.remove_suffix(1);
  std::string m = to_lower(declared);
  auto slash = m.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == m.size() || m.size() > 127) return {};
  for (std::size_t i = 0; i < m.size(); ++i) {
    char c = m[i];
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || std::strchr("!#$&^_.+-", c) || (c == '/' && i == slash);
    if (!ok || c == 0) return {};
  }
  return m;
}

bool is_generic_mime(std::string_view m) {
  return m.empty() || m == "application/octet-stream" || m == "binary/octet-stream" || m == "application/binary" ||
         m == "application/unknown" || m == "application/force-download";
}

}  // namespace

// ---- names ---------------------------------------------------------------------------------------

bool starts_with_nocase(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (lower(s[i]) != lower(p[i])) return false;
  return true;
}

bool has_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = js::utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string clean_name(std::string_view s, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && out.size() < max;) {
    std::size_t n = js::utf8_sequence_length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      if (!(n == 1 && (static_cast<unsigned char>(s[i]) < 0x20 || s[i] == 0x7f))) out.append(s, i, n);
      i += n;
    }
  }
  return out;
}

std::string_view last_path_segment(std::string_view path) {
  path = strip_query(path);
  auto slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// ---- bytes and types ---------------------------------------------------------------------------

std::string base64_encode(std::string_view in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.resize((in.size() + 2) / 3 * 4);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  std::size_t n = in.size(), i = 0, o = 0;
  for (; i + 3 <= n; i += 3) {
    std::uint32_t v = (std::uint32_t(p[i]) << 16) | (std::uint32_t(p[i + 1]) << 8) | p[i + 2];
    out[o++] = kAlphabet[v >> 18];
    out[o++] = kAlphabet[(v >> 12) & 63];
    out[o++] = kAlphabet[(v >> 6) & 63];
    out[o++] = kAlphabet[v & 63];
  }
  if (n - i == 1) {
    std::uint32_t v = std::uint32_t(p[i]) << 16;
    out[o++] = kAlphabet[v >> 18];
    out[o++] = kAlphabet[(v >> 12) & 63];
    out[o++] = '=';
    out[o++] = '=';
  } else if (n - i == 2) {
    std::uint32_t v = (std::uint32_t(p[i]) << 16) | (std::uint32_t(p[i + 1]) << 8);
    out[o++] = kAlphabet[v >> 18];
    out[o++] = kAlphabet[(v >> 12) & 63];
    out[o++] = kAlphabet[(v >> 6) & 63];
    out[o++] = '=';
  }
  return out;
}

bool base64_decode(std::string_view text, std::string& out) {
  out.clear();
  if (text.size() % 4 != 0) return false;
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    bool last = i + 4 == text.size();
    int pad = 0;
    if (last && text[i + 3] == '=') pad = text[i + 2] == '=' ? 2 : 1;
    int v[4];
    for (int k = 0; k < 4 - pad; ++k) {
      v[k] = val(text[i + k]);
      if (v[k] < 0) return false;
    }
    for (int k = 4 - pad; k < 4; ++k) v[k] = 0;
    std::uint32_t w = (std::uint32_t(v[0]) << 18) | (std::uint32_t(v[1]) << 12) | (std::uint32_t(v[2]) << 6) | v[3];
    out += static_cast<char>(w >> 16);
    if (pad < 2) out += static_cast<char>((w >> 8) & 255);
    if (pad < 1) out += static_cast<char>(w & 255);
    // Canonical form only: the bits dropped by padding must be zero.
    if ((pad == 1 && (w & 255) != 0) || (pad == 2 && (w & 0xFFFF) != 0)) return false;
  }
  return true;
}

std::string sniff_mime(std::string_view h) {
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(h[i]); };
  if (starts_with(h, std::string_view("\x89PNG\r\n\x1a\n", 8))) return "image/png";
  if (h.size() >= 3 && at(0) == 0xFF && at(1) == 0xD8 && at(2) == 0xFF) return "image/jpeg";
  if (starts_with(h, "GIF87a") || starts_with(h, "GIF89a")) return "image/gif";
  if (h.size() >= 12 && starts_with(h, "RIFF") && h.substr(8, 4) == "WEBP") return "image/webp";
  if (h.size() >= 18 && starts_with(h, "BM")) {
    std::uint32_t dib = at(14) | (at(15) << 8) | (at(16) << 16) | (std::uint32_t(at(17)) << 24);
    if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124) return "image/bmp";
  }
  if (starts_with(h, "%PDF-")) return "application/pdf";
  if (starts_with(h, std::string_view("PK\x03\x04", 4))) return "application/zip";
  if (starts_with(h, std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) return "application/x-cfb";
  // SVG: text (no NUL in the head), starting with '<' after a BOM and whitespace, with an <svg
  // element within the first 1024 bytes (after any <?xml ...?>, comments and <!DOCTYPE svg ...>).
  std::string_view t = h.substr(0, 1024);
  if (starts_with(t, "\xEF\xBB\xBF")) t.remove_prefix(3);
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\r' || t.front() == '\n'))
    t.remove_prefix(1);
  if (!t.empty() && t.front() == '<' && t.find('\0') == std::string_view::npos) {
    for (std::size_t pos = t.find('<'); pos != std::string_view::npos; pos = t.find('<', pos + 1)) {
      std::string_view rest = t.substr(pos);
      if (starts_with_nocase(rest, "<svg") && (rest.size() == 4 || std::strchr(" \t\r\n>/", rest[4]) != nullptr))
        return "image/svg+xml";
    }
  }
  return {};
}

std::string extension_of(std::string_view path) {
  std::string_view seg = last_path_segment(path);
  auto dot = seg.find_last_of('.');
  if (dot == std::string_view::npos || dot + 1 == seg.size()) return {};
  std::string_view ext = seg.substr(dot + 1);
  if (ext.size() > 16) return {};
  return to_lower(ext);
}

std::string mime_for_extension(std::string_view ext) {
  static const std::pair<const char*, const char*> kTable[] = {
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"jpe", "image/jpeg"},
      {"jfif", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"bmp", "image/bmp"},
      {"svg", "image/svg+xml"},
      {"ico", "image/x-icon"},
      {"avif", "image/avif"},
      {"heic", "image/heic"},
      {"heif", "image/heif"},
      {"tif", "image/tiff"},
      {"tiff", "image/tiff"},
      {"pdf", "application/pdf"},
      {"doc", "application/msword"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"xls", "application/vnd.ms-excel"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"ppt", "application/vnd.ms-powerpoint"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"txt", "text/plain"},
      {"csv", "text/csv"},
      {"htm", "text/html"},
      {"html", "text/html"},
      {"json", "application/json"},
      {"xml", "application/xml"},
      {"zip", "application/zip"},
      {"mp3", "audio/mpeg"},
      {"wav", "audio/wav"},
      {"mp4", "video/mp4"},
      {"webm", "video/webm"},
      {"mov", "video/quicktime"},
  };
  std::string e = to_lower(ext);
  for (const auto& kv : kTable)
    if (e == kv.first) return kv.second;
  return {};
}

std::string detect_mime(std::string_view head, std::string_view name, std::string_view declared) {
  std::string sniffed = sniff_mime(head);
  std::string by_ext = mime_for_extension(extension_of(name));
  std::string decl = clean_mime(declared);
  if (is_generic_mime(decl)) decl.clear();
  auto zip_family = [](std::string_view m) {
    return m == "application/zip" || m.find("officedocument") != std::string_view::npos;
  };
  auto cfb_family = [](std::string_view m) {
    return m == "application/msword" || m == "application/vnd.ms-excel" || m == "application/vnd.ms-powerpoint";
  };
  if (sniffed == "application/zip") {
    if (zip_family(decl)) return decl;
    if (zip_family(by_ext)) return by_ext;
    return sniffed;
  }
  if (sniffed == "application/x-cfb") {
    if (cfb_family(decl)) return decl;
    if (cfb_family(by_ext)) return by_ext;
    return sniffed;
  }
  if (!sniffed.empty()) return sniffed;
  if (!decl.empty()) return decl;
  if (!by_ext.empty()) return by_ext;
  return "application/octet-stream";
}

std::string file_name_from_url(std::string_view url) {
  std::string_view seg = last_path_segment(url);
  std::string decoded;
  bool ok = true;
  for (std::size_t i = 0; i < seg.size(); ++i) {
    if (seg[i] == '%' && i + 2 < seg.size()) {
      auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        c = lower(c);
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
      };
      int a = hex(seg[i + 1]), b = hex(seg[i + 2]);
      if (a < 0 || b < 0) {
        ok = false;
        break;
      }
      decoded += static_cast<char>(a * 16 + b);
      i += 2;
    } else if (seg[i] == '%') {
      ok = false;
      break;
    } else {
      decoded += seg[i];
    }
  }
  if (!ok || !valid_utf8(decoded) || has_control(decoded)) return clean_name(seg, 1024);
  return decoded;
}

}  // namespace ft
