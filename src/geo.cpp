#include "geo.h"

#include <nlohmann/json.hpp>

#include "js_value.h"

#include <cmath>

namespace ft {

namespace {

constexpr double kPi = 3.14159265358979324;
constexpr double kA = 6378245.0;                // Krasovsky 1940 semi-major axis (m)
constexpr double kEE = 0.00669342162296594323;  // Krasovsky 1940 first eccentricity squared

double transform_lat(double x, double y) {
  double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
  ret += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  ret += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  ret += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return ret;
}

double transform_lon(double x, double y) {
  double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
  ret += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  ret += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  ret += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return ret;
}

}  // namespace

bool out_of_china(double latitude, double longitude) {
  return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
}

LatLon wgs84_to_gcj02(LatLon wgs) {
  if (!std::isfinite(wgs.latitude) || !std::isfinite(wgs.longitude)) return wgs;
  if (out_of_china(wgs.latitude, wgs.longitude)) return wgs;
  double dlat = transform_lat(wgs.longitude - 105.0, wgs.latitude - 35.0);
  double dlon = transform_lon(wgs.longitude - 105.0, wgs.latitude - 35.0);
  double radlat = wgs.latitude / 180.0 * kPi;
  double magic = std::sin(radlat);
  magic = 1 - kEE * magic * magic;
  double sqrtmagic = std::sqrt(magic);
  dlat = (dlat * 180.0) / ((kA * (1 - kEE)) / (magic * sqrtmagic) * kPi);
  dlon = (dlon * 180.0) / (kA / sqrtmagic * std::cos(radlat) * kPi);
  return {wgs.latitude + dlat, wgs.longitude + dlon};
}

std::uint32_t location_timeout_ms(double configured) {
  if (!(configured > 0) || !std::isfinite(configured)) return kDefaultLocationTimeoutMs;
  return configured >= 2147483647.0 ? 2147483647u : static_cast<std::uint32_t>(std::ceil(configured));
}

Status parse_coord_type(std::string_view type, CoordType& out) {
  if (type.empty() || type == "wgs84") {
    out = CoordType::Wgs84;
    return Status::Ok();
  }
  if (type == "gcj02") {
    out = CoordType::Gcj02;
    return Status::Ok();
  }
  std::string shown;
  for (char c : type) {
    if (shown.size() >= 64) {
      shown += "...";
      break;
    }
    shown += (static_cast<unsigned char>(c) < 0x20 || c == '"') ? '?' : c;
  }
  return Status::Fail("parameter error: parameter.type should be \"wgs84\" or \"gcj02\" instead of \"" + shown + "\";");
}

Status validate_lat_lon(double latitude, double longitude) {
  if (!std::isfinite(latitude) || latitude < -90 || latitude > 90)
    return Status::Fail("parameter error: parameter.latitude should be a finite Number in -90..90;");
  if (!std::isfinite(longitude) || longitude < -180 || longitude > 180)
    return Status::Fail("parameter error: parameter.longitude should be a finite Number in -180..180;");
  return Status::Ok();
}

Status make_location_result(const GeoFix& fix, CoordType type, LocationResult& out) {
  out = LocationResult{};
  Status st = validate_lat_lon(fix.latitude, fix.longitude);
  if (!st.ok) return st;
  if (!std::isfinite(fix.accuracy) || fix.accuracy < 0)
    return Status::Fail("parameter error: parameter.accuracy should be a finite Number >= 0;");
  LatLon p{fix.latitude, fix.longitude};
  if (type == CoordType::Gcj02) p = wgs84_to_gcj02(p);
  out.latitude = p.latitude;
  out.longitude = p.longitude;
  out.accuracy = fix.accuracy;
  out.speed = (std::isfinite(fix.speed) && fix.speed >= 0) ? fix.speed : 0;
  out.vertical_accuracy =
      (std::isfinite(fix.altitude_accuracy) && fix.altitude_accuracy >= 0) ? fix.altitude_accuracy : 0;
  if (std::isfinite(fix.altitude)) {
    out.has_altitude = true;
    out.altitude = fix.altitude;
  }
  return Status::Ok();
}

// ---- the page's options as JSON text ------------------------------------------------------------

namespace {

Status read_coord_type(const nlohmann::ordered_json& o, CoordType& type) {
  std::string t;
  Status st;
  if (!js::get_string(o, "type", false, t, st)) return st;
  return parse_coord_type(t, type);
}

}  // namespace

Status plan_get_location_json(std::string_view options_json, GetLocationPlan& out) {
  out = GetLocationPlan{};
  nlohmann::ordered_json o;
  Status st = js::parse_options(options_json, o);
  if (!st.ok || !(st = read_coord_type(o, out.type)).ok) return st;
  auto t = o.find("timeout");
  out.timeout_ms = location_timeout_ms(t != o.end() && t->is_number() ? t->get<double>() : 0);
  return Status::Ok();
}

Status make_location_result_json(std::string_view fix_json, LocationResult& out) {
  out = LocationResult{};
  nlohmann::ordered_json o;
  Status st = js::parse_options(fix_json, o);
  CoordType type = CoordType::Wgs84;
  if (!st.ok || !(st = read_coord_type(o, type)).ok) return st;
  GeoFix fix;
  fix.latitude = std::nan("");
  fix.longitude = std::nan("");
  if (!js::get_number(o, "latitude", fix.latitude, st) || !js::get_number(o, "longitude", fix.longitude, st) ||
      !js::get_number(o, "accuracy", fix.accuracy, st) || !js::get_number(o, "altitude", fix.altitude, st) ||
      !js::get_number(o, "altitudeAccuracy", fix.altitude_accuracy, st) || !js::get_number(o, "speed", fix.speed, st))
    return st;
  return make_location_result(fix, type, out);
}

Status check_choose_location_json(std::string_view options_json, ChooseLocationStart& out) {
  out = ChooseLocationStart{};
  nlohmann::ordered_json o;
  Status st = js::parse_options(options_json, o);
  if (!st.ok) return st;
  double lat = 0, lon = 0;
  if (!js::get_number(o, "latitude", lat, st, &out.has_latitude) ||
      !js::get_number(o, "longitude", lon, st, &out.has_longitude))
    return st;
  if (!(st = validate_lat_lon(lat, lon)).ok) return st;
  if (out.has_latitude) out.latitude = lat;
  if (out.has_longitude) out.longitude = lon;
  return Status::Ok();
}

}  // namespace ft
