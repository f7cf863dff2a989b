// Embind binding of the network / files / location core (src/request.h, src/files.h, src/geo.h)
// for the polyfill's device APIs: ft.request, downloadFile, openDocument, chooseImage,
// getLocalImgData, getLocation, chooseLocation (behaviour.md §5).
//
// A coarse facade: options go in as JSON text (JSON.stringify(options): functions drop out), results
// come back as JSON text {"ok":true, ...} or {"ok":false,"reason":"<text after '<api>:fail '>"}.
// Bytes go in as Uint8Array / ArrayBuffer (Embind copies them into a std::string) and come out as a
// fresh Uint8Array (never a view into wasm memory). Strings must be well-formed UTF-16 (a lone
// surrogate is corrupted by Embind 3.1.6, docs/emscripten-notes.md).
//
// Free functions:
//   requestPlan(options)          options {url, method?, header?, data?, dataKind?: "binary",
//                                 dataType?, responseType?, timeout?}; a string `data` is sent as is.
//                                 → {ok, url, method, header:{}, body:{kind:"none"|"text"|"binary",
//                                    text?}, timeout, decode:"json"|"text"|"arraybuffer"}
//   downloadPlan(options)         options {url, header?, timeout?, filePath?}
//                                 → requestPlan's fields (GET, decode "arraybuffer") + filePath?
//   requestDecode(meta, body)     meta {statusCode, headers: [[n,v],...] | {n:v} | "raw lines",
//                                 decode, bodyIsJson?}; body: the response text, only read for
//                                 decode "json" when meta has no boolean bodyIsJson (whether the
//                                 caller's JSON.parse of the body succeeded)
//                                 → {ok, statusCode, header:{}, data:"json"|"text"|"arraybuffer"}
//   requestFailReason(kind)       → the reason string ("timeout", "abort", else "network error")
//   getLocationCheck(options)     options {type?, timeout?: ftHostConfig.locationTimeout}
//                                 → {ok, type:"wgs84"|"gcj02", timeout: ms (geo.h)}
//   locationResult(fix)           fix {type?, latitude, longitude, accuracy?, altitude?,
//                                 altitudeAccuracy?, speed?} (browser coords, WGS-84; null = unknown)
//                                 → {ok, latitude, longitude, speed, accuracy, horizontalAccuracy,
//                                    verticalAccuracy, altitude?}
//   chooseLocationCheck(options)  options {latitude?, longitude?} → {ok, latitude?, longitude?}
//   wgs84ToGcj02(lat, lon)        → {latitude, longitude} (unchanged outside China)
//   chooseImagePlan(options)      options {count?, sizeType?, sourceType?}
//                                 → {ok, count, compressed, accept, multiple, capture}
//   base64Encode(bytes)           → base64 text
//   sniffMime(head, name, declared) → the real mime type (see files.h detect_mime)
//   fileNameFromUrl(url)          → last path segment, percent-decoded
//
// class FileRegistry(dir)         dir: the app's folder in the storage mount (saved files in dir/files)
//   load()                        → {ok, files:[info], warnings:[text]}
//   addTemp(meta, head)           meta {url (blob: URL), size, name?, mime?}; head: first bytes
//                                 → {ok, ...info}
//   save(meta, bytes)             meta {filePath, name?, mime?} → {ok, ...info}  (FS.syncfs after)
//   setUrl(path, url)             → {ok}
//   stat(path)                    → {ok, ...info}
//   remove(path)                  → {ok}
//   list()                        → {ok, files:[info]}
//   read(path)                    → Uint8Array of a saved file, or null (lastReason() says why)
//   lastReason()                  → reason of the last failed read
//   localImgData(path, bytes)     bytes: the file's bytes (may be empty for a saved file: read from
//                                 disk) → {ok, localData:"data:image/<type>;base64,..."}
//   openDocument(options)         options {filePath, fileType?} → {ok, filePath, fileType, mime, url}
//   info = {path, url, mime, name, size, persisted, diskPath?}
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "codec.h"
#include "files.h"
#include "geo.h"
#include "request.h"

namespace {

using ojson = nlohmann::ordered_json;
using emscripten::val;

std::string dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

std::string fail(const std::string& reason) {
  ojson j = ojson::object();
  j["ok"] = false;
  j["reason"] = reason;
  return dump(j);
}

std::string fail(const ft::Status& st) { return fail(st.reason); }

std::string ok(ojson j = ojson::object()) {
  ojson out = ojson::object();
  out["ok"] = true;
  for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = it.value();
  return dump(out);
}

// Parses an options object; false (with `reason`) when the text is not a JSON object.
bool parse_object(const std::string& text, ojson& out, std::string& reason) {
  if (ft::js::text_depth_exceeds(text, ft::js::kMaxDepth + 1)) {
    reason = "parameter error: options are nested too deeply";
    return false;
  }
  out = ft::codec::parse_json_value(text);
  if (out.is_discarded() || !out.is_object()) {
    reason = "parameter error: options should be Object";
    return false;
  }
  return true;
}

// Optional number field: absent/null leaves `out`; a non-number fails with a §1.5 type error.
bool get_number(const ojson& o, const char* key, double& out, std::string& reason) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (!it->is_number()) {
    reason = ft::js::type_error(key, "Number", *it);
    return false;
  }
  out = it->get<double>();
  return true;
}

ojson plan_json(const ft::RequestPlan& plan) {
  ojson j = ft::codec::parse_json_value(ft::plan_to_json(plan));
  return j.is_object() ? j : ojson::object();
}

ojson info_json(const ft::FileInfo& f) {
  ojson j = ojson::object();
  j["path"] = f.path;
  j["url"] = f.url;
  j["mime"] = f.mime;
  j["name"] = f.name;
  j["size"] = f.size;
  j["persisted"] = f.persisted;
  if (f.persisted) j["diskPath"] = f.disk_path;
  return j;
}

val bytes_to_uint8array(const std::string& bytes) {
  // A copy: a typed_memory_view would dangle once `bytes` is freed or memory grows.
  val view(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const unsigned char*>(bytes.data())));
  return val::global("Uint8Array").new_(view);
}

// ---- request -------------------------------------------------------------------------------------

std::string request_plan(const std::string& options) {
  ft::RequestPlan plan;
  ft::Status st = ft::plan_request_json(options, plan);
  if (!st.ok) return fail(st);
  return ok(plan_json(plan));
}

std::string download_plan(const std::string& options) {
  ojson o;
  std::string reason;
  if (!parse_object(options, o, reason)) return fail(reason);
  ojson req = ojson::object();
  for (const char* key : {"url", "header", "timeout"}) {
    auto it = o.find(key);
    if (it != o.end()) req[key] = *it;
  }
  req["responseType"] = "arraybuffer";
  std::string file_path;
  bool has_file_path = false;
  auto fp = o.find("filePath");
  if (fp != o.end() && !fp->is_null()) {
    if (!fp->is_string()) return fail(ft::js::type_error("filePath", "String", *fp));
    file_path = fp->get_ref<const std::string&>();
    has_file_path = true;
  }
  ft::RequestPlan plan;
  ft::Status st = ft::plan_request_json(dump(req), plan);
  if (!st.ok) return fail(st);
  ojson j = plan_json(plan);
  if (has_file_path) j["filePath"] = file_path;
  return ok(j);
}

std::string request_decode(const std::string& meta, const std::string& body) {
  ojson m;
  std::string reason;
  if (!parse_object(meta, m, reason)) return fail(reason);
  double status = 0;
  if (!get_number(m, "statusCode", status, reason)) return fail(reason);
  if (!std::isfinite(status) || status < 0 || status > 999) status = 0;
  ft::HeaderList headers;
  auto h = m.find("headers");
  if (h != m.end() && h->is_string()) {
    headers = ft::parse_header_lines(h->get_ref<const std::string&>());
  } else if (h != m.end() && (h->is_array() || h->is_object())) {
    ft::parse_header_json(dump(*h), headers);
  }
  std::string decode_name = "json";
  ft::Status st;
  if (!ft::js::get_string(m, "decode", false, decode_name, st)) return fail(st);
  ft::Decode decode = decode_name == "arraybuffer" ? ft::Decode::ArrayBuffer
                      : decode_name == "text"      ? ft::Decode::Text
                                                   : ft::Decode::Json;
  auto is_json = m.find("bodyIsJson");
  ft::ResponseInfo r = is_json != m.end() && is_json->is_boolean()
                           ? ft::decode_parsed_response(static_cast<int>(status), headers, decode, is_json->get<bool>())
                           : ft::decode_response(static_cast<int>(status), headers, decode, std::string_view(body));
  ojson j = ojson::object();
  j["statusCode"] = r.status_code;
  ojson hdr = ojson::object();
  for (const auto& kv : r.header) hdr[kv.first] = kv.second;
  j["header"] = std::move(hdr);
  j["data"] = ft::decode_name(r.data);
  return ok(j);
}

std::string request_fail_reason(const std::string& kind) { return ft::transport_failure_reason(kind); }

// ---- location ------------------------------------------------------------------------------------

bool coord_type_of(const ojson& o, ft::CoordType& type, std::string& reason) {
  std::string t;
  ft::Status st;
  if (!ft::js::get_string(o, "type", false, t, st)) {
    reason = st.reason;
    return false;
  }
  st = ft::parse_coord_type(t, type);
  if (!st.ok) {
    reason = st.reason;
    return false;
  }
  return true;
}

std::string get_location_check(const std::string& options) {
  ojson o;
  std::string reason;
  if (!parse_object(options, o, reason)) return fail(reason);
  ft::CoordType type;
  if (!coord_type_of(o, type, reason)) return fail(reason);
  auto t = o.find("timeout");
  ojson j = ojson::object();
  j["type"] = type == ft::CoordType::Gcj02 ? "gcj02" : "wgs84";
  j["timeout"] = ft::location_timeout_ms(t != o.end() && t->is_number() ? t->get<double>() : 0);
  return ok(j);
}

std::string location_result(const std::string& fix_json) {
  ojson o;
  std::string reason;
  if (!parse_object(fix_json, o, reason)) return fail(reason);
  ft::CoordType type;
  if (!coord_type_of(o, type, reason)) return fail(reason);
  ft::GeoFix fix;
  fix.latitude = std::nan("");
  fix.longitude = std::nan("");
  if (!get_number(o, "latitude", fix.latitude, reason) || !get_number(o, "longitude", fix.longitude, reason) ||
      !get_number(o, "accuracy", fix.accuracy, reason) || !get_number(o, "altitude", fix.altitude, reason) ||
      !get_number(o, "altitudeAccuracy", fix.altitude_accuracy, reason) ||
      !get_number(o, "speed", fix.speed, reason))
    return fail(reason);
  ft::LocationResult r;
  ft::Status st = ft::make_location_result(fix, type, r);
  if (!st.ok) return fail(st);
  ojson j = ojson::object();
  j["latitude"] = r.latitude;
  j["longitude"] = r.longitude;
  j["speed"] = r.speed;
  j["accuracy"] = r.accuracy;
  j["horizontalAccuracy"] = r.accuracy;
  j["verticalAccuracy"] = r.vertical_accuracy;
  if (r.has_altitude) j["altitude"] = r.altitude;
  return ok(j);
}

std::string choose_location_check(const std::string& options) {
  ojson o;
  std::string reason;
  if (!parse_object(options, o, reason)) return fail(reason);
  bool has_lat = o.contains("latitude") && !o["latitude"].is_null();
  bool has_lon = o.contains("longitude") && !o["longitude"].is_null();
  double lat = 0, lon = 0;
  if (!get_number(o, "latitude", lat, reason) || !get_number(o, "longitude", lon, reason)) return fail(reason);
  ft::Status st = ft::validate_lat_lon(has_lat ? lat : 0, has_lon ? lon : 0);
  if (!st.ok) return fail(st);
  ojson j = ojson::object();
  if (has_lat) j["latitude"] = lat;
  if (has_lon) j["longitude"] = lon;
  return ok(j);
}

std::string wgs84_to_gcj02(double lat, double lon) {
  ft::LatLon g = ft::wgs84_to_gcj02({lat, lon});
  ojson j = ojson::object();
  j["latitude"] = g.latitude;  // non-finite values dump as null
  j["longitude"] = g.longitude;
  return dump(j);
}

// ---- files ---------------------------------------------------------------------------------------

std::string choose_image_plan(const std::string& options) {
  ft::ChooseImagePlan p;
  ft::Status st = ft::plan_choose_image_json(options, p);
  if (!st.ok) return fail(st);
  ojson j = ojson::object();
  j["count"] = p.count;
  j["compressed"] = p.compressed;
  j["accept"] = p.accept;
  j["multiple"] = p.multiple;
  j["capture"] = p.capture;
  return ok(j);
}

std::string base64_encode(const std::string& bytes) { return ft::base64_encode(bytes); }

std::string sniff_mime(const std::string& head, const std::string& name, const std::string& declared) {
  return ft::detect_mime(head, name, declared);
}

std::string file_name_from_url(const std::string& url) { return ft::file_name_from_url(url); }

class FileRegistryBinding {
 public:
  explicit FileRegistryBinding(std::string dir) : files_(std::move(dir)) {}

  std::string load() {
    std::vector<std::string> warnings = files_.load();
    ojson j = ojson::object();
    j["files"] = files_array();
    j["warnings"] = warnings;
    return ok(j);
  }

  std::string add_temp(const std::string& meta, const std::string& head) {
    ojson m;
    std::string reason;
    if (!parse_object(meta, m, reason)) return fail(reason);
    std::string url, name, mime;
    ft::Status st;
    if (!ft::js::get_string(m, "url", true, url, st) || !ft::js::get_string(m, "name", false, name, st) ||
        !ft::js::get_string(m, "mime", false, mime, st))
      return fail(st);
    double size = 0;
    if (!get_number(m, "size", size, reason)) return fail(reason);
    if (!std::isfinite(size) || size < 0) size = 0;
    if (size > 9007199254740991.0) size = 9007199254740991.0;
    ft::FileInfo info;
    st = files_.add_temp(url, static_cast<std::uint64_t>(size), name, mime, head, info);
    if (!st.ok) return fail(st);
    return ok(info_json(info));
  }

  std::string save(const std::string& meta, const std::string& bytes) {
    ojson m;
    std::string reason;
    if (!parse_object(meta, m, reason)) return fail(reason);
    std::string path, name, mime;
    ft::Status st;
    if (!ft::js::get_string(m, "filePath", true, path, st) || !ft::js::get_string(m, "name", false, name, st) ||
        !ft::js::get_string(m, "mime", false, mime, st))
      return fail(st);
    ft::FileInfo info;
    st = files_.save(path, bytes, name, mime, info);
    if (!st.ok) return fail(st);
    return ok(info_json(info));
  }

  std::string set_url(const std::string& path, const std::string& url) {
    ft::Status st = files_.set_url(path, url);
    return st.ok ? ok() : fail(st);
  }

  std::string stat(const std::string& path) const {
    const ft::FileInfo* f = files_.find(path);
    if (!f) return fail(ft::file_reason::kNotFound);
    return ok(info_json(*f));
  }

  std::string remove(const std::string& path) {
    ft::Status st = files_.remove(path);
    return st.ok ? ok() : fail(st);
  }

  std::string list() const {
    ojson j = ojson::object();
    j["files"] = files_array();
    return ok(j);
  }

  val read(const std::string& path) {
    std::string bytes;
    ft::Status st = files_.read(path, bytes);
    if (!st.ok) {
      last_reason_ = st.reason;
      return val::null();
    }
    return bytes_to_uint8array(bytes);
  }

  std::string last_reason() const { return last_reason_; }

  std::string local_img_data(const std::string& path, const std::string& bytes) {
    const ft::FileInfo* f = files_.find(path);
    if (!f) return fail(ft::file_reason::kNotFound);
    std::string disk;
    const std::string* data = &bytes;
    if (bytes.empty() && f->persisted) {
      ft::Status st = files_.read(path, disk);
      if (!st.ok) return fail(st);
      data = &disk;
    }
    std::string url;
    ft::Status st = ft::local_img_data(*f, *data, url);
    if (!st.ok) return fail(st);
    ojson j = ojson::object();
    j["localData"] = std::move(url);
    return ok(j);
  }

  std::string open_document(const std::string& options) const {
    ojson o;
    std::string reason;
    if (!parse_object(options, o, reason)) return fail(reason);
    std::string path, type;
    ft::Status st;
    if (!ft::js::get_string(o, "filePath", true, path, st) || !ft::js::get_string(o, "fileType", false, type, st))
      return fail(st);
    ft::OpenDocumentPlan plan;
    st = ft::plan_open_document(files_, path, type, plan);
    if (!st.ok) return fail(st);
    ojson j = ojson::object();
    j["filePath"] = plan.file_path;
    j["fileType"] = plan.file_type;
    j["mime"] = plan.mime;
    j["url"] = plan.url;
    return ok(j);
  }

 private:
  ojson files_array() const {
    ojson a = ojson::array();
    for (const auto& f : files_.list()) a.push_back(info_json(f));
    return a;
  }

  ft::FileRegistry files_;
  std::string last_reason_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(ft_device) {
  using emscripten::function;
  function("requestPlan", &request_plan);
  function("downloadPlan", &download_plan);
  function("requestDecode", &request_decode);
  function("requestFailReason", &request_fail_reason);
  function("getLocationCheck", &get_location_check);
  function("locationResult", &location_result);
  function("chooseLocationCheck", &choose_location_check);
  function("wgs84ToGcj02", &wgs84_to_gcj02);
  function("chooseImagePlan", &choose_image_plan);
  function("base64Encode", &base64_encode);
  function("sniffMime", &sniff_mime);
  function("fileNameFromUrl", &file_name_from_url);

  emscripten::class_<FileRegistryBinding>("FileRegistry")
      .constructor<std::string>()
      .function("load", &FileRegistryBinding::load)
      .function("addTemp", &FileRegistryBinding::add_temp)
      .function("save", &FileRegistryBinding::save)
      .function("setUrl", &FileRegistryBinding::set_url)
      .function("stat", &FileRegistryBinding::stat)
      .function("remove", &FileRegistryBinding::remove)
      .function("list", &FileRegistryBinding::list)
      .function("read", &FileRegistryBinding::read)
      .function("lastReason", &FileRegistryBinding::last_reason)
      .function("localImgData", &FileRegistryBinding::local_img_data)
      .function("openDocument", &FileRegistryBinding::open_document);
}
