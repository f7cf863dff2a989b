// WGS-84 → GCJ-02 and location option checks (behaviour.md §5.7, §5.8).
#include "geo.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace ft {
namespace {

constexpr double kTol = 1e-6;  // degrees (about 0.1 m)
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

struct RefPoint {
  const char* where;
  double wgs_lat, wgs_lon, gcj_lat, gcj_lon;
};

// Published reference pairs:
//  * wandergis/coordtransform, test/app.js: wgs84togcj02(116.404, 39.915) →
//    [116.41024449916938, 39.91640428150164] (Beijing, Tiananmen area).
//  * googollee/eviltransform, python test (TESTS: wgsLat, wgsLng, gcjLat, gcjLng) for Shanghai,
//    Shenzhen and Beijing.
const RefPoint kRefs[] = {
    {"beijing (coordtransform)", 39.915, 116.404, 39.91640428150164, 116.41024449916938},
    {"shanghai (eviltransform)", 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},
    {"shenzhen (eviltransform)", 22.543847, 113.912316, 22.540796131694766, 113.9171764808363},
    {"beijing (eviltransform)", 39.911954, 116.377817, 39.91334545536069, 116.38404722455657},
};

TEST(Gcj02, MatchesReferencePoints) {
  for (const auto& r : kRefs) {
    LatLon g = wgs84_to_gcj02({r.wgs_lat, r.wgs_lon});
    EXPECT_NEAR(g.latitude, r.gcj_lat, kTol) << r.where;
    EXPECT_NEAR(g.longitude, r.gcj_lon, kTol) << r.where;
  }
}

TEST(Gcj02, ShiftIsHundredsOfMetresInsideChina) {
  LatLon g = wgs84_to_gcj02({39.915, 116.404});
  EXPECT_GT(std::fabs(g.longitude - 116.404), 0.001);
  EXPECT_GT(std::fabs(g.latitude - 39.915), 0.0005);
}

TEST(Gcj02, OutsideChinaUnchanged) {
  const LatLon outside[] = {
      {48.8584, 2.2945},     // Paris
      {40.6892, -74.0445},   // New York
      {-33.8568, 151.2153},  // Sydney
      {0, 0},
      {35.0, 72.003},    // just west of the box
      {35.0, 137.8348},  // just east
      {0.8292, 110.0},   // just south
      {55.8272, 110.0},  // just north
      {90, 180},
      {-90, -180},
  };
  for (const auto& p : outside) {
    EXPECT_TRUE(out_of_china(p.latitude, p.longitude)) << p.latitude << "," << p.longitude;
    LatLon g = wgs84_to_gcj02(p);
    EXPECT_EQ(g.latitude, p.latitude);
    EXPECT_EQ(g.longitude, p.longitude);
  }
  EXPECT_FALSE(out_of_china(35.0, 72.005));
  EXPECT_FALSE(out_of_china(0.8294, 110.0));
}

TEST(Gcj02, NonFiniteUnchanged) {
  LatLon g = wgs84_to_gcj02({kNaN, 116.0});
  EXPECT_TRUE(std::isnan(g.latitude));
  EXPECT_EQ(g.longitude, 116.0);
  g = wgs84_to_gcj02({39.0, kInf});
  EXPECT_EQ(g.longitude, kInf);
}

TEST(CoordType, WgsDefaultGcjAndErrors) {
  CoordType t = CoordType::Gcj02;
  ASSERT_TRUE(parse_coord_type("", t).ok);
  EXPECT_EQ(t, CoordType::Wgs84);
  ASSERT_TRUE(parse_coord_type("wgs84", t).ok);
  EXPECT_EQ(t, CoordType::Wgs84);
  ASSERT_TRUE(parse_coord_type("gcj02", t).ok);
  EXPECT_EQ(t, CoordType::Gcj02);
  Status st = parse_coord_type("GCJ02", t);
  EXPECT_FALSE(st.ok);
  EXPECT_EQ(st.reason, "parameter error: parameter.type should be \"wgs84\" or \"gcj02\" instead of \"GCJ02\";");
  st = parse_coord_type("bd09\n\"", t);
  EXPECT_EQ(st.reason, "parameter error: parameter.type should be \"wgs84\" or \"gcj02\" instead of \"bd09??\";");
}

TEST(LatLonCheck, Ranges) {
  EXPECT_TRUE(validate_lat_lon(0, 0).ok);
  EXPECT_TRUE(validate_lat_lon(90, 180).ok);
  EXPECT_TRUE(validate_lat_lon(-90, -180).ok);
  const char* lat_err = "parameter error: parameter.latitude should be a finite Number in -90..90;";
  const char* lon_err = "parameter error: parameter.longitude should be a finite Number in -180..180;";
  EXPECT_EQ(validate_lat_lon(90.0001, 0).reason, lat_err);
  EXPECT_EQ(validate_lat_lon(-91, 0).reason, lat_err);
  EXPECT_EQ(validate_lat_lon(kNaN, 0).reason, lat_err);
  EXPECT_EQ(validate_lat_lon(kInf, 0).reason, lat_err);
  EXPECT_EQ(validate_lat_lon(0, 180.5).reason, lon_err);
  EXPECT_EQ(validate_lat_lon(0, -kInf).reason, lon_err);
  EXPECT_EQ(validate_lat_lon(0, kNaN).reason, lon_err);
}

TEST(LocationResult, ConvertsForGcjAndFillsDefaults) {
  GeoFix fix;
  fix.latitude = 39.915;
  fix.longitude = 116.404;
  fix.accuracy = 25;
  LocationResult r;
  ASSERT_TRUE(make_location_result(fix, CoordType::Gcj02, r).ok);
  EXPECT_NEAR(r.latitude, 39.91640428150164, kTol);
  EXPECT_NEAR(r.longitude, 116.41024449916938, kTol);
  EXPECT_EQ(r.speed, 0);
  EXPECT_EQ(r.accuracy, 25);
  EXPECT_EQ(r.vertical_accuracy, 0);
  EXPECT_FALSE(r.has_altitude);

  fix.speed = 3.5;
  fix.altitude = 44;
  fix.altitude_accuracy = 8;
  ASSERT_TRUE(make_location_result(fix, CoordType::Wgs84, r).ok);
  EXPECT_EQ(r.latitude, 39.915);
  EXPECT_EQ(r.longitude, 116.404);
  EXPECT_EQ(r.speed, 3.5);
  EXPECT_TRUE(r.has_altitude);
  EXPECT_EQ(r.altitude, 44);
  EXPECT_EQ(r.vertical_accuracy, 8);

  fix.speed = -1;
  ASSERT_TRUE(make_location_result(fix, CoordType::Wgs84, r).ok);
  EXPECT_EQ(r.speed, 0);
}

TEST(LocationResult, RejectsBadFixes) {
  GeoFix fix;
  fix.latitude = 100;
  LocationResult r;
  EXPECT_FALSE(make_location_result(fix, CoordType::Wgs84, r).ok);
  fix.latitude = 10;
  fix.accuracy = kNaN;
  Status st = make_location_result(fix, CoordType::Wgs84, r);
  EXPECT_EQ(st.reason, "parameter error: parameter.accuracy should be a finite Number >= 0;");
  fix.accuracy = -1;
  EXPECT_FALSE(make_location_result(fix, CoordType::Wgs84, r).ok);
}

TEST(LocationTimeout, DefaultThirtySecondsConfigurableAndClamped) {
  EXPECT_EQ(kDefaultLocationTimeoutMs, 30000u);
  EXPECT_EQ(location_timeout_ms(200), 200u);
  EXPECT_EQ(location_timeout_ms(0.5), 1u);
  EXPECT_EQ(location_timeout_ms(1e12), 2147483647u);
  for (double bad :
       {0.0, -1.0, std::nan(""), std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
    EXPECT_EQ(location_timeout_ms(bad), 30000u) << bad;
  }
}

// ---- the page's options as JSON text -----------------------------------------------------------

TEST(LocationJson, GetLocationPlanReadsTypeAndTimeout) {
  GetLocationPlan p;
  ASSERT_TRUE(plan_get_location_json(R"({"type":"gcj02","timeout":500})", p).ok);
  EXPECT_EQ(p.type, CoordType::Gcj02);
  EXPECT_EQ(p.timeout_ms, 500u);
  ASSERT_TRUE(plan_get_location_json(R"({"timeout":"500"})", p).ok);  // not a number: the default
  EXPECT_EQ(p.type, CoordType::Wgs84);
  EXPECT_EQ(p.timeout_ms, kDefaultLocationTimeoutMs);
  EXPECT_EQ(plan_get_location_json(R"({"type":"bd09"})", p).reason,
            "parameter error: parameter.type should be \"wgs84\" or \"gcj02\" instead of \"bd09\";");
  EXPECT_EQ(plan_get_location_json(R"({"type":1})", p).reason,
            "parameter error: parameter.type should be String instead of Number;");
  EXPECT_EQ(plan_get_location_json("[]", p).reason, "parameter error: options should be Object");
}

TEST(LocationJson, FixBecomesTheResult) {
  LocationResult r;
  ASSERT_TRUE(
      make_location_result_json(R"({"latitude":1,"longitude":2,"accuracy":5,"altitude":null,"speed":null})", r).ok);
  EXPECT_EQ(r.latitude, 1);
  EXPECT_EQ(r.longitude, 2);
  EXPECT_EQ(r.accuracy, 5);
  EXPECT_EQ(r.speed, 0);
  EXPECT_FALSE(r.has_altitude);
  ASSERT_TRUE(make_location_result_json(R"({"type":"gcj02","latitude":39.9,"longitude":116.4,"altitude":3})", r).ok);
  EXPECT_NE(r.latitude, 39.9);  // converted inside China
  EXPECT_TRUE(r.has_altitude);
  EXPECT_EQ(make_location_result_json(R"({"latitude":"1","longitude":2})", r).reason,
            "parameter error: parameter.latitude should be Number instead of String;");
  EXPECT_EQ(make_location_result_json(R"({"longitude":2})", r).reason,
            "parameter error: parameter.latitude should be a finite Number in -90..90;");
}

TEST(LocationJson, ChooseLocationStartIsChecked) {
  ChooseLocationStart s;
  ASSERT_TRUE(check_choose_location_json(R"({})", s).ok);
  EXPECT_FALSE(s.has_latitude);
  EXPECT_FALSE(s.has_longitude);
  ASSERT_TRUE(check_choose_location_json(R"({"latitude":10,"longitude":null})", s).ok);
  EXPECT_TRUE(s.has_latitude);
  EXPECT_EQ(s.latitude, 10);
  EXPECT_FALSE(s.has_longitude);
  EXPECT_EQ(check_choose_location_json(R"({"latitude":91})", s).reason,
            "parameter error: parameter.latitude should be a finite Number in -90..90;");
  EXPECT_EQ(check_choose_location_json(R"({"longitude":true})", s).reason,
            "parameter error: parameter.longitude should be Number instead of Boolean;");
  EXPECT_EQ(check_choose_location_json(std::string(300, '['), s).reason,
            "parameter error: options are nested too deeply");
}

}  // namespace
}  // namespace ft
