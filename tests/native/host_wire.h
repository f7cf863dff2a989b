// Test helpers of the host tests: the core's typed answers read through the glue's wire
// (wasm-glue/wire_host.h), exactly as JS receives them.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "host.h"
#include "wire_host.h"

namespace ft::host_test {

using json = nlohmann::ordered_json;

// The wire value of each kind of answer (what bind_host.cpp makes a JS value of, wire.h `value`).
inline json W(const json& value) { return value; }
inline json W(const HostResult& r) { return wire::answer(r); }
inline json W(const Status& s) { return wire::answer(s); }
inline json W(const Result<bool>& r) { return wire::answer(r, "canNavigateBack"); }
inline json W(const Result<std::vector<std::int64_t>>& r) { return wire::answer(r, "handlers"); }
inline json W(const std::vector<PageView>& s) { return wire::stack(s); }
inline json W(const HostState& s) { return wire::state(s); }

template <typename T>
json J(const T& answer) {
  return W(answer);
}

// ftHost.configure as the binding runs it: read the JSON, then configure.
inline Status configure(Host& h, const std::string& config_json) {
  HostConfig config;
  Status st = parse_host_config(config_json, config);
  return st.ok ? h.configure(std::move(config)) : st;
}

}  // namespace ft::host_test
