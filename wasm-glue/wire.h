// The C++ side of the core/glue wire for the device bindings (bind_network.cpp, bind_files.cpp,
// bind_location.cpp): every answer is built here, once, as a JS value (emscripten::val), so a
// value crosses the boundary once per call and the JS parses nothing (polyfill/core-wire.js).
//
// One error convention: a call that can fail returns {ok: true, ...fields} or
// {ok: false, reason: "<text after '<api>:fail '>"}; a call that can not fail returns its value.
// The page's options come in as JSON text and are parsed by the core (src/js_value.h, with the
// depth limit, natively tested and fuzzed), never by the glue. Strings are UTF-8 in the core and
// well-formed UTF-16 in JS (lone surrogates: polyfill/core-wire.js marks them).
#pragma once

#include <emscripten/val.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "result.h"

namespace ft::wire {

using emscripten::val;

val ok();                             // {ok: true}
val fail(const std::string& reason);  // {ok: false, reason}
inline val fail(const Status& st) { return fail(st.reason); }
inline val status(const Status& st) { return st.ok ? ok() : fail(st); }

// {name: value, ...} in order (a later equal name replaces the value).
val object_of(const std::vector<std::pair<std::string, std::string>>& pairs);

// A fresh Uint8Array holding a copy of `bytes` (never a view into wasm memory, which moves when
// it grows).
val bytes(std::string_view bytes);

}  // namespace ft::wire
