// Embind binding of ft.getLocation / ft.chooseLocation's core (src/geo.h, behaviour.md §5.7-5.8).
// Answers as wire.h builds them.
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
  if (!st.ok) return ft::wire::fail(st);
  val out = ft::wire::ok();
  out.set("type", plan.type == ft::CoordType::Gcj02 ? "gcj02" : "wgs84");
  out.set("timeout", plan.timeout_ms);
  return out;
}

val location_result(const std::string& fix) {
  ft::LocationResult r;
  ft::Status st = ft::make_location_result_json(fix, r);
  if (!st.ok) return ft::wire::fail(st);
  val out = ft::wire::ok();
  out.set("latitude", r.latitude);
  out.set("longitude", r.longitude);
  out.set("speed", r.speed);
  out.set("accuracy", r.accuracy);
  out.set("horizontalAccuracy", r.accuracy);
  out.set("verticalAccuracy", r.vertical_accuracy);
  if (r.has_altitude) out.set("altitude", r.altitude);
  return out;
}

val choose_location_check(const std::string& options) {
  ft::ChooseLocationStart start;
  ft::Status st = ft::check_choose_location_json(options, start);
  if (!st.ok) return ft::wire::fail(st);
  val out = ft::wire::ok();
  if (start.has_latitude) out.set("latitude", start.latitude);
  if (start.has_longitude) out.set("longitude", start.longitude);
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(ft_location) {
  using emscripten::function;
  function("getLocationPlan", &get_location_plan);
  function("locationResult", &location_result);
  function("chooseLocationCheck", &choose_location_check);
}
