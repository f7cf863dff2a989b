// The C++ side of the one wire between the core and JS: every answer of every binding
// (bind_*.cpp) is built here as a JS value (emscripten::val), so a value crosses the boundary
// once per call and the JS parses nothing (polyfill/core-wire/, the one JS module that reads it).
//
// One error convention: a call that can fail returns {ok: true, ...fields} or
// {ok: false, reason: "<text after '<api>:fail '>"}; a call that can not fail returns its value.
// The host's answers are written as JSON values by wire_host.h (plain C++, tested natively) and
// made JS values by `value` below. The page's options come in as JSON text and are parsed by the
// core (src/js_value.h, with the depth limit, natively tested and fuzzed), never by the glue.
// Strings are UTF-8 in the core and well-formed UTF-16 in JS (lone surrogates: the JS wire marks them).
#pragma once

#include <emscripten/val.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "result.h"
#include "storage.h"

namespace ft {
struct RequestPlan;
struct DownloadPlan;
struct ResponseInfo;
struct ChooseImagePlan;
struct FileInfo;
struct OpenDocumentPlan;
struct GetLocationPlan;
struct LocationResult;
struct ChooseLocationStart;
}  // namespace ft

namespace ft::wire {

using emscripten::val;

val ok();                             // {ok: true}
val fail(const std::string& reason);  // {ok: false, reason}
inline val fail(const Status& st) { return fail(st.reason); }
inline val status(const Status& st) { return st.ok ? ok() : fail(st); }

// {name: value, ...} in order (a later equal name replaces the value).
val object_of(const std::vector<std::pair<std::string, std::string>>& pairs);

// [string, ...]
val strings(const std::vector<std::string>& list);

// A fresh Uint8Array holding a copy of `bytes` (never a view into wasm memory, which moves when
// it grows).
val bytes(std::string_view bytes);

// A JSON value as the JS value JSON.parse would make of its text (an own "__proto__" key too).
val value(const nlohmann::ordered_json& json);

// The device answers (wire_device.cpp), each {ok: true, ...fields} or the failure {ok: false, reason}:
val request_plan(const Status& st,
                 const RequestPlan& plan);  // {url, method, header, body, timeout, decode}; a failure's check?
val download_plan(const Status& st, const DownloadPlan& plan);  // request_plan's and filePath?
val response(const ResponseInfo& r);                            // {statusCode, header, data}
val choose_image_plan(const Status& st,
                      const ChooseImagePlan& p);          // {count, compressed, accept, multiple, capture, check?}
val file(const Status& st, const FileInfo* f);            // {path, url, mime, name, size, persisted, diskPath?}
val file_bytes(const Status& st, std::string_view data);  // {bytes: Uint8Array}
val mime(const Status& st, const std::string& mime);      // {mime}
val open_document(const Status& st, const OpenDocumentPlan& plan);  // {filePath, fileType, mime, url}
val location_plan(const Status& st, const GetLocationPlan& plan);   // {type, timeout}
val location(const Status& st, const LocationResult& r);  // {latitude, longitude, speed, accuracy, ..., altitude?}
val choose_location(const Status& st, const ChooseLocationStart& start);  // {latitude?, longitude?}

// The storage's answers (bind_storage.cpp):
val stored(const StoredValue* value);  // get: {ok, type, payload} or {ok: false, reason: "data not found"}
val write(const WriteOutcome& out);    // set: {ok, op} or {ok: false, reason}
val warnings(const std::vector<StorageWarning>& list);  // [{file, line, what}]
val refresh(const RefreshReport& report);               // {reloaded, warnings, rejected: [{op, reason}]}
val flush(const FlushReport& report);  // {ok, reason, durableThrough, shardsWritten, written, removed, compactDue}
val info(const StorageInfo& info);     // {keys, currentSize, limitSize}

}  // namespace ft::wire
