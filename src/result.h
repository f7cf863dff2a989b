// Errors as values: nothing in the core throws (it is built with -fno-exceptions), and nothing
// aborts on bad input. Every operation that can fail returns a Status whose `reason` is the text
// after "<api>:fail " in the errMsg the page sees (behaviour.md §1.2).
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

}  // namespace ft
