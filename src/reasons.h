// Reason texts (the text after "<api>:fail ") that more than one module gives, defined once for
// the C++ side. The JS writes some of them itself (an abort before the core answers, a fetch of a
// temp file that fails): polyfill/core-wire.js REASON, which tests/js/core-wire.test.js compares
// with what the core answers. ("cancel", a person closing a picker, is the JS's alone.)
#pragma once

namespace ft::reason {
inline constexpr const char* kTimeout = "timeout";        // request, downloadFile, getLocation
inline constexpr const char* kAbort = "abort";            // a task aborted (§5.3)
inline constexpr const char* kNetwork = "network error";  // every other transport failure
inline constexpr const char* kFileNotFound = "file not found";
}  // namespace ft::reason
