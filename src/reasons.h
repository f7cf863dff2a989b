// Reason texts (the text after "<api>:fail ") that more than one module gives, defined once for
// the C++ side. The JS side has the texts it writes itself once too, in polyfill/core-wire.js
// (REASON), which the polyfill's tests compare with the core's (Module.reasons()).
#pragma once

namespace ft::reason {
inline constexpr const char* kTimeout = "timeout";          // request, downloadFile, getLocation
inline constexpr const char* kAbort = "abort";              // a task aborted (§5.3)
inline constexpr const char* kNetwork = "network error";    // every other transport failure
inline constexpr const char* kCancel = "cancel";            // the person closed a picker or form
inline constexpr const char* kFileNotFound = "file not found";
}  // namespace ft::reason
