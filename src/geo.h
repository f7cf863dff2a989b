// Location for ft.getLocation / ft.chooseLocation (behaviour.md §5.7, §5.8): the WGS-84 → GCJ-02
// transform ("Mars coordinates", required by maps in mainland China) and the checks on the page's
// location options. Pure arithmetic, no I/O: the JS asks the browser's Geolocation API and passes
// the fix (WGS-84, degrees) in.
//
// Transform (§5.7): the published GCJ-02 approximation used by eviltransform / coordtransform:
// Krasovsky 1940 ellipsoid, a = 6378245.0 m, ee = 0.00669342162296594323, the transformLat /
// transformLon polynomials centred on (lon 105, lat 35). Outside China's bounding box
// (lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271) the point is returned
// unchanged. Non-finite input is returned unchanged (never NaN out of finite in). Accuracy of the
// approximation against the real datum: metres; of this code against the reference libraries:
// better than 1e-9 degrees.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "result.h"

namespace ft {

struct LatLon {
  double latitude = 0;   // degrees, -90..90
  double longitude = 0;  // degrees, -180..180
};

// The bounding-box test of the reference libraries (true = not transformed).
bool out_of_china(double latitude, double longitude);

// WGS-84 → GCJ-02 (unchanged outside China).
LatLon wgs84_to_gcj02(LatLon wgs);

enum class CoordType { Wgs84, Gcj02 };

// getLocation's `type`: "wgs84" (also when absent or empty) or "gcj02"; anything else fails
// `parameter error: parameter.type should be "wgs84" or "gcj02" instead of "<value>";`. [FC][ours]
Status parse_coord_type(std::string_view type, CoordType& out);

// §5.7: how long getLocation waits for an answer, the permission prompt included (the browser's
// own timeout starts only once permission is given), before it fails `timeout`; a later answer is
// ignored. `configured`: ftHostConfig.locationTimeout in ms; not a finite number above 0 gives the
// default 30000, above 2147483647 (setTimeout's limit) gives 2147483647. [ours]
inline constexpr std::uint32_t kDefaultLocationTimeoutMs = 30000;
std::uint32_t location_timeout_ms(double configured);

// Latitude in -90..90 and longitude in -180..180, both finite. Reasons:
//   `parameter error: parameter.latitude should be a finite Number in -90..90;`
//   `parameter error: parameter.longitude should be a finite Number in -180..180;`
Status validate_lat_lon(double latitude, double longitude);

// One position from the browser (Geolocation coords). NaN means "not known".
struct GeoFix {
  double latitude = 0;
  double longitude = 0;
  double accuracy = 0;                                                  // metres (horizontal)
  double altitude = std::numeric_limits<double>::quiet_NaN();           // metres, NaN = unknown
  double altitude_accuracy = std::numeric_limits<double>::quiet_NaN();  // metres, NaN = unknown
  double speed = std::numeric_limits<double>::quiet_NaN();              // m/s, NaN = unknown
};

// The getLocation success fields for a fix: {latitude, longitude, speed, accuracy,
// horizontalAccuracy, verticalAccuracy, altitude?}, coordinates converted when type is gcj02.
// Unknown speed is reported as 0 and unknown verticalAccuracy as 0; altitude appears only when
// known (§5.7). Fails like validate_lat_lon when the fix is out of range, and with
// `parameter error: parameter.accuracy should be a finite Number >= 0;` for a bad accuracy.
struct LocationResult {
  double latitude = 0;
  double longitude = 0;
  double speed = 0;
  double accuracy = 0;
  double vertical_accuracy = 0;
  bool has_altitude = false;
  double altitude = 0;
};
Status make_location_result(const GeoFix& fix, CoordType type, LocationResult& out);

// ---- the page's options as JSON text (JSON.stringify; wrong types fail as §1.5 type errors) ----

// getLocation: {type?, timeout?} where timeout is ftHostConfig.locationTimeout (a non-number is
// "not configured"). → the coordinate type and location_timeout_ms's wait.
struct GetLocationPlan {
  CoordType type = CoordType::Wgs84;
  std::uint32_t timeout_ms = kDefaultLocationTimeoutMs;
};
Status plan_get_location_json(std::string_view options_json, GetLocationPlan& out);

// A fix {type?, latitude, longitude, accuracy?, altitude?, altitudeAccuracy?, speed?} (null or
// absent: unknown; latitude and longitude are required finite numbers) → make_location_result.
Status make_location_result_json(std::string_view fix_json, LocationResult& out);

// chooseLocation's start point {latitude?, longitude?}: each given one must pass
// validate_lat_lon's range check (an absent one counts as 0 there).
struct ChooseLocationStart {
  bool has_latitude = false;
  double latitude = 0;
  bool has_longitude = false;
  double longitude = 0;
};
Status check_choose_location_json(std::string_view options_json, ChooseLocationStart& out);

}  // namespace ft
