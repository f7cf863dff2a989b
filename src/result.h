// Errors as values: nothing in the core throws (it is built with -fno-exceptions), and nothing
// aborts on bad input. Every operation that can fail returns a Status (or a Result<T>, a Status
// with the answer) whose `reason` is the text after "<api>:fail " in the errMsg the page sees
// (behaviour.md §1.2). The glue turns both into the one wire answer {ok, reason} (wasm-glue/
// wire_host.h), and JS into the pipeline's outcome ok(data) / fail(reason).
#pragma once

#include <string>
#include <utility>

namespace ft {

struct Status {
  bool ok = true;
  std::string reason;  // empty when ok; otherwise e.g. "data not found" (behaviour.md §2.2)

  static Status Ok() { return {}; }
  static Status Fail(std::string why) { return {false, std::move(why)}; }
};

// A Status and, when it is ok, the answer.
template <typename T>
struct Result {
  Status status;
  T value{};
};

}  // namespace ft
