// Embind binding of ft.getLocation / ft.chooseLocation's core (src/geo.h, behaviour.md §5.7-5.8).
// It only binds: answers as wire.h builds them (wire_device.cpp).
//
//   getLocationPlan(optionsJson)  {type?, timeout?: ftHostConfig.locationTimeout}
//                                 → {ok, type: "wgs84"|"gcj02", timeout: ms}
//   locationResult(fixJson)       {type?, latitude, longitude, accuracy?, altitude?,
//                                 altitudeAccuracy?, speed?} (browser coords, WGS-84; null = unknown)
//                                 → {ok, latitude, longitude, speed, accuracy, horizontalAccuracy,
//                                    verticalAccuracy, altitude?}
//   chooseLocationCheck(optionsJson) {latitude?, longitude?} → {ok, latitude?, longitude?}
#include <emscripten/bind.h>

#include "geo.h"
#include "wire.h"

namespace {

using emscripten::val;

val get_location_plan(const std::string& options) {
  ft::GetLocationPlan plan;
  ft::Status st = ft::plan_get_location_json(options, plan);
  return ft::wire::location_plan(st, plan);
}

val location_result(const std::string& fix) {
  ft::LocationResult r;
  ft::Status st = ft::make_location_result_json(fix, r);
  return ft::wire::location(st, r);
}

val choose_location_check(const std::string& options) {
  ft::ChooseLocationStart start;
  ft::Status st = ft::check_choose_location_json(options, start);
  return ft::wire::choose_location(st, start);
}

}  // namespace

EMSCRIPTEN_BINDINGS(ft_location) {
  using emscripten::function;
  function("getLocationPlan", &get_location_plan);
  function("locationResult", &location_result);
  function("chooseLocationCheck", &choose_location_check);
}
