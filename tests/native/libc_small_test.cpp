// wasm-glue/libc_small.cpp (the wasm build's small snprintf/strtod/strerror, in place of musl's)
// compiled natively with its functions renamed ft_small_*, compared with the system libc on what
// the core asks of them: nlohmann's integer formats ("<U+%.4X>", "\\u%04x"), the other formats
// it supports, and the number tokens nlohmann hands to strtod (its own dump of random doubles,
// %.17g, edge values). In the wasm build the token's digits go to JS's Number(); here the test
// gives them to the system strtod, so what is compared is libc_small's scanning (which
// characters form the number, *end) and its formatting.
#include <gtest/gtest.h>

#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

extern "C" {
int ft_small_snprintf(char* buf, std::size_t cap, const char* fmt, ...);
double ft_small_strtod(const char* text, char** end);
float ft_small_strtof(const char* text, char** end);
char* ft_small_strerror(int e);

// What the wasm build's EM_JS does with Number(): a correctly rounded conversion of the token.
double ft_number_from_text(const char* text, int length) {
  std::string token(text, static_cast<std::size_t>(length));
  return std::strtod(token.c_str(), nullptr);
}
}

namespace {

// Both libcs format the same arguments; the texts and the return values must be equal.
template <typename... Args>
void same_format(const char* fmt, Args... args) {
  char mine[256];
  char theirs[256];
  int n_mine = ft_small_snprintf(mine, sizeof mine, fmt, args...);
  int n_theirs = std::snprintf(theirs, sizeof theirs, fmt, args...);
  EXPECT_EQ(n_mine, n_theirs) << fmt;
  EXPECT_STREQ(mine, theirs) << fmt;
  // Truncated to every smaller buffer: the same prefix, NUL-terminated, the same full length.
  for (std::size_t cap = 0; cap < static_cast<std::size_t>(n_theirs) + 1 && cap < 40; ++cap) {
    char a[64];
    char b[64];
    std::memset(a, 'x', sizeof a);
    std::memset(b, 'x', sizeof b);
    EXPECT_EQ(ft_small_snprintf(a, cap, fmt, args...), std::snprintf(b, cap, fmt, args...)) << fmt << " cap " << cap;
    EXPECT_EQ(std::memcmp(a, b, sizeof a), 0) << fmt << " cap " << cap;
  }
}

void same_number(const std::string& text) {
  char* end_mine = nullptr;
  char* end_theirs = nullptr;
  double mine = ft_small_strtod(text.c_str(), &end_mine);
  double theirs = std::strtod(text.c_str(), &end_theirs);
  EXPECT_EQ(end_mine - text.c_str(), end_theirs - text.c_str()) << text;
  if (std::isnan(theirs)) {
    EXPECT_TRUE(std::isnan(mine)) << text;
  } else {
    EXPECT_EQ(mine, theirs) << text;
    EXPECT_EQ(std::signbit(mine), std::signbit(theirs)) << text;
  }
}

TEST(LibcSmall, NlohmannIntegerFormats) {
  // lexer: "<U+%.4X>" for control characters in error messages; serializer: "\\u%04x".
  for (int c = 0; c < 0x110; ++c) {
    same_format("<U+%.4X>", c);
    same_format("\\u%04x", c);
  }
  same_format("\\u%04x\\u%04x", 0xd83d, 0xde00);
  same_format("<U+%.4X>", 0x10ffff);
}

TEST(LibcSmall, IntegerConversionsFlagsWidthsAndLengths) {
  for (int v : {0, 1, -1, 7, -42, 255, 65535, 65536, 2147483647, std::numeric_limits<int>::min()}) {
    for (const char* fmt : {"%d",      "%i",   "%u",   "%x",  "%X",   "%o",  "%5d",  "%-5d|", "%05d", "%.3d", "%8.3d",
                            "%-8.3x|", "%08X", "%.0d", "%hd", "%hhd", "%hu", "%hhu", "%hx",   "%c",   "[%3c]"}) {
      if (std::strchr(fmt, 'c') && (v < 1 || v > 126)) continue;
      same_format(fmt, v);
    }
  }
  for (long v : {0L, -1L, std::numeric_limits<long>::max(), std::numeric_limits<long>::min()}) {
    same_format("%ld", v);
    same_format("%lx", static_cast<unsigned long>(v));
    same_format("%20lu", static_cast<unsigned long>(v));
  }
  for (long long v :
       {0LL, 123456789012345LL, std::numeric_limits<long long>::max(), std::numeric_limits<long long>::min()}) {
    same_format("%lld", v);
    same_format("%llx", static_cast<unsigned long long>(v));
    same_format("%jd", static_cast<std::intmax_t>(v));
  }
  std::mt19937_64 rng(13);
  for (int i = 0; i < 2000; ++i) {
    std::uint64_t bits = rng();
    same_format("%d|%x|%o", static_cast<int>(bits), static_cast<unsigned>(bits >> 7),
                static_cast<unsigned>(bits >> 40));
    same_format("%lld %llu", static_cast<long long>(bits), static_cast<unsigned long long>(bits));
  }
}

TEST(LibcSmall, StringsCharactersAndPercent) {
  same_format("%s", "text");
  same_format("%.2s", "text");
  same_format("%10s|%-10s|", "ab", "cd");
  same_format("%s=%d%%", "load", 100);
  same_format("no conversions");
  same_format("%s", "");
}

TEST(LibcSmall, UnsupportedConversionsStopWithMinusOne) {
  // Documented: floating point and '*' are not formatted (nlohmann never asks for them).
  char buf[32];
  EXPECT_EQ(ft_small_snprintf(buf, sizeof buf, "a%gb", 1.5), -1);
  EXPECT_STREQ(buf, "a");
  EXPECT_EQ(ft_small_snprintf(buf, sizeof buf, "%*d", 3, 1), -1);
}

TEST(LibcSmall, StrtodEdgeTokens) {
  for (const char* t : {"0",
                        "-0",
                        "+0",
                        "1",
                        "-1",
                        "0.5",
                        ".5",
                        "5.",
                        "-.5",
                        "1e10",
                        "1E10",
                        "1e+10",
                        "1e-10",
                        "1e",
                        "1e+",
                        "1e-x",
                        "12abc",
                        "  \t\n 42",
                        "1.7976931348623157e308",
                        "1.7976931348623159e308",
                        "1e309",
                        "-1e309",
                        "4.9e-324",
                        "2.4e-324",
                        "2.5e-324",
                        "1e-400",
                        "2.2250738585072014e-308",
                        "2.2250738585072011e-308",
                        "9007199254740993",
                        "123456789012345678901234567890",
                        "0.1000000000000000055511151231257827021181583404541015625",
                        "",
                        "-",
                        "+",
                        ".",
                        "-.",
                        "e5",
                        "abc",
                        "--1",
                        "1..2",
                        "1.2.3",
                        "00012",
                        "1e0001"}) {
    same_number(t);
  }
}

TEST(LibcSmall, StrtodDocumentedDifferences) {
  // Decimal syntax only: hex floats, inf and nan (never valid JSON) are no number at all.
  for (const char* t : {"0x10", "inf", "-infinity", "nan", "NAN(1)"}) {
    char* end = nullptr;
    double v = ft_small_strtod(t, &end);
    if (t[0] == '0') {
      EXPECT_EQ(v, 0.0) << t;  // the "0" before the x
      EXPECT_EQ(end, t + 1) << t;
    } else {
      EXPECT_EQ(v, 0.0) << t;
      EXPECT_EQ(end, t) << t;
    }
  }
}

TEST(LibcSmall, StrtodOnNlohmannsNumberTokens) {
  // Random finite doubles as nlohmann dumps them (its grisu2 output: "1.5", "1e+300", "-2.5e-07")
  // and as %.17g writes them: the same double back, the whole token consumed.
  std::mt19937_64 rng(14);
  for (int i = 0; i < 20000; ++i) {
    std::uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (!std::isfinite(d)) continue;
    std::string dumped = nlohmann::json(d).dump();
    same_number(dumped);
    char* end = nullptr;
    EXPECT_EQ(ft_small_strtod(dumped.c_str(), &end), d) << dumped;
    EXPECT_EQ(*end, '\0') << dumped;
    char g[40];
    std::snprintf(g, sizeof g, "%.17g", d);
    same_number(g);
  }
  std::uniform_real_distribution<double> small(-1e6, 1e6);
  for (int i = 0; i < 5000; ++i) same_number(nlohmann::json(small(rng)).dump());
  for (std::int64_t v : {std::int64_t{0}, std::int64_t{-1}, std::numeric_limits<std::int64_t>::max(),
                         std::numeric_limits<std::int64_t>::min()}) {
    same_number(std::to_string(v));
  }
}

TEST(LibcSmall, StrtofAndNullEnd) {
  EXPECT_EQ(ft_small_strtof("0.1", nullptr), std::strtof("0.1", nullptr));
  EXPECT_EQ(ft_small_strtod("2.5", nullptr), 2.5);
}

TEST(LibcSmall, StrerrorHasMuslTextsForFileErrors) {
  EXPECT_STREQ(ft_small_strerror(ENOENT), "No such file or directory");
  EXPECT_STREQ(ft_small_strerror(ENOSPC), "No space left on device");
  EXPECT_STREQ(ft_small_strerror(EACCES), "Permission denied");
  EXPECT_STREQ(ft_small_strerror(0), "No error information");
  EXPECT_STREQ(ft_small_strerror(-1), "No error information");
  EXPECT_STREQ(ft_small_strerror(100000), "No error information");
  // Where musl and the system share a text, they agree.
  for (int e : {EPERM, ENOENT, EBADF, EACCES, EEXIST, ENOTDIR, EISDIR, EINVAL, ENOSPC, EROFS, ENOTEMPTY}) {
    EXPECT_STREQ(ft_small_strerror(e), std::strerror(e)) << e;
  }
}

}  // namespace
