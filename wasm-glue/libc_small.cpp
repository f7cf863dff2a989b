// Smaller stand-ins for libc functions that the wasm core links only through nlohmann_json
// (wasm only; the native build uses the system libc). Linked ahead of musl, so musl's versions
// and what they drag in stay out of the .wasm (see wasm.cmake, "Size").
//
// snprintf: nlohmann formats only integers with it (lexer: "<U+%.4X>", serializer: "\\u%04x"),
// yet musl's printf_core brings its floating-point formatting and long-double arithmetic along
// (~10 KB of code). This one handles flags '-' and '0', width, precision, the h/hh/l/ll/j/z/t
// length modifiers and the conversions d i u x X o c s p % (%p as musl prints it, for Embind's
// siprintf below). Any other conversion (floating point, %n, '*') is not formatted: the output
// stops there and the call returns -1.
//
// strerror: storage.cpp's "cannot write <path>: <strerror(errno)>"; musl's table holds ~130
// messages (~1 KB gzip). This one has musl's exact texts for the errno values that Emscripten's
// file system (open, write, close, mkdir, ...) and musl's file calls can set, and musl's
// "No error information" for any other (as musl has for 0 and unknown values).
//
// strtod: nlohmann converts its already validated JSON number tokens with it; musl's __floatscan
// computes in 128-bit long double, i.e. soft-float (__divtf3, __multf3, fmodl, ...: ~8 KB). The
// digits go to JS's Number() instead, which rounds correctly as musl does (V8, SpiderMonkey and
// JavaScriptCore all convert exactly, beyond the 20 digits ECMAScript requires), so the double is
// the same. Decimal syntax only ([space][sign]digits[.digits][e[sign]digits]): no hex floats,
// inf or nan (not valid JSON), for which it returns 0 with *end = the start, as for no number.
// sin, cos (geo.cpp's WGS-84 <-> GCJ-02 conversion): musl's argument reduction (__rem_pio2) is
// ~3 KB of code; JS's Math.sin and Math.cos (fdlibm's algorithm in V8 and SpiderMonkey, as musl's)
// take one import each (wasm only).
// musl defines strtof, strtold and the _l variants in strtod's object file, which libc++'s
// string.o (std::stof, std::stold; unused here) references: they are defined here too, from
// strtod, so that object is never linked.
#include <cerrno>
#include <cstdarg>
#include <cstddef>
#include <cstdint>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>

#define FT_LIBC(name) name

EM_JS(double, ft_number_from_text, (const char* text, int length), { return Number(UTF8ToString(text, length)); });

#include <emscripten/em_math.h>
extern "C" double sin(double x) { return emscripten_math_sin(x); }
extern "C" double cos(double x) { return emscripten_math_cos(x); }
#else
// Native test build (tests/native/libc_small_test.cpp): every function is renamed ft_small_<name>
// so the system libc stays in place to compare with, and the test provides the conversion of the
// token that JS's Number() does in the wasm build.
#define FT_LIBC(name) ft_small_##name
extern "C" double ft_number_from_text(const char* text, int length);
#endif

namespace {

struct Out {
  char* buf;
  std::size_t cap;  // bytes usable, the terminating NUL included
  std::size_t len = 0;
  void put(char c) {
    if (len + 1 < cap) buf[len] = c;
    ++len;
  }
  void pad(char c, int n) {
    while (n-- > 0) put(c);
  }
};

}  // namespace

extern "C" int FT_LIBC(vsnprintf)(char* buf, std::size_t cap, const char* fmt, std::va_list ap) {
  Out out{buf, cap};
  int result = 0;
  for (const char* p = fmt; *p; ++p) {
    if (*p != '%') {
      out.put(*p);
      continue;
    }
    ++p;
    bool left = false, zero = false;
    for (;; ++p) {
      if (*p == '-') left = true;
      else if (*p == '0') zero = true;
      else break;
    }
    int width = 0, prec = -1;
    while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
    if (*p == '.') {
      prec = 0;
      while (*++p >= '0' && *p <= '9') prec = prec * 10 + (*p - '0');
    }
    int longs = 0;  // -2 char, -1 short, 0 int, 1 long/size_t/ptrdiff_t (32-bit here), 2 long long/intmax_t
    for (;; ++p) {
      if (*p == 'z' || *p == 't') continue;
      if (*p == 'h') --longs;
      else if (*p == 'l') ++longs;
      else if (*p == 'j') longs = 2;
      else break;
    }
    char digits[24];
    int n = 0;
    const char* text = digits;
    char sign = 0;
    char c = *p;
    if (c == 'p') {  // musl: "%#.8x" (a null pointer: "00000000")
      c = 'x';
      longs = 0;
      if (prec < 8) prec = 8;
    }
    if (c == '%') {
      out.put('%');
      continue;
    } else if (c == 'c') {
      digits[0] = static_cast<char>(va_arg(ap, int));
      n = 1;
      prec = -1;
    } else if (c == 's') {
      text = va_arg(ap, const char*);
      if (!text) text = "(null)";
      while (text[n] && (prec < 0 || n < prec)) ++n;
      prec = -1;
    } else if (c == 'd' || c == 'i' || c == 'u' || c == 'x' || c == 'X' || c == 'o') {
      std::uint64_t v;
      if (c == 'd' || c == 'i') {
        std::int64_t s = longs == 2 ? va_arg(ap, long long) : longs == 1 ? va_arg(ap, long) : va_arg(ap, int);
        if (longs == -1) s = static_cast<short>(s);
        if (longs == -2) s = static_cast<signed char>(s);
        if (s < 0) sign = '-';
        v = s < 0 ? 0 - static_cast<std::uint64_t>(s) : static_cast<std::uint64_t>(s);
      } else {
        v = longs == 2 ? va_arg(ap, unsigned long long) : longs == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
        if (longs == -1) v = static_cast<unsigned short>(v);
        if (longs == -2) v = static_cast<unsigned char>(v);
      }
      unsigned base = c == 'o' ? 8 : (c == 'x' || c == 'X') ? 16 : 10;
      const char* set = c == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
      if (*p == 'p' && v) out.put('0'), out.put('x'), width -= 2;
      char* end = digits + sizeof digits;
      char* q = end;
      while (v) {
        *--q = set[v % base];
        v /= base;
      }
      if (prec < 0) prec = 1;
      else zero = false;  // C: with a precision, the '0' flag is ignored
      while (end - q < prec) *--q = '0';
      text = q;
      n = static_cast<int>(end - q);
    } else {
      result = -1;
      break;
    }
    int fill = width - n - (sign ? 1 : 0);
    if (!left && !zero) out.pad(' ', fill);
    if (sign) out.put(sign);
    if (!left && zero) out.pad('0', fill);
    for (int i = 0; i < n; ++i) out.put(text[i]);
    if (left) out.pad(' ', fill);
  }
  if (cap) buf[out.len < cap ? out.len : cap - 1] = '\0';
  return result < 0 ? -1 : static_cast<int>(out.len);
}

extern "C" int FT_LIBC(snprintf)(char* buf, std::size_t cap, const char* fmt, ...) {
  std::va_list ap;
  va_start(ap, fmt);
  int r = FT_LIBC(vsnprintf)(buf, cap, fmt, ap);
  va_end(ap);
  return r;
}

extern "C" double FT_LIBC(strtod)(const char* text, char** end) {
  const char* p = text;
  while (*p == ' ' || (*p >= '\t' && *p <= '\r')) ++p;
  const char* start = p;
  if (*p == '+' || *p == '-') ++p;
  int digits = 0;
  for (; *p >= '0' && *p <= '9'; ++p) ++digits;
  if (*p == '.') {
    for (++p; *p >= '0' && *p <= '9'; ++p) ++digits;
  }
  if (!digits) {
    if (end) *end = const_cast<char*>(text);
    return 0;
  }
  if (*p == 'e' || *p == 'E') {
    const char* e = p + 1;
    if (*e == '+' || *e == '-') ++e;
    if (*e >= '0' && *e <= '9') {
      while (*e >= '0' && *e <= '9') ++e;
      p = e;
    }
  }
  if (end) *end = const_cast<char*>(p);
  return ft_number_from_text(start, static_cast<int>(p - start));
}

extern "C" float FT_LIBC(strtof)(const char* text, char** end) {
  return static_cast<float>(FT_LIBC(strtod)(text, end));
}
extern "C" long double FT_LIBC(strtold)(const char* text, char** end) { return FT_LIBC(strtod)(text, end); }
extern "C" double FT_LIBC(strtod_l)(const char* text, char** end, void*) { return FT_LIBC(strtod)(text, end); }
extern "C" long double FT_LIBC(strtold_l)(const char* text, char** end, void*) { return FT_LIBC(strtod)(text, end); }

// Embind built without RTTI names unbound types with sprintf(buf, "%p", ...), which the compiler
// turns into siprintf (musl's integer-only printf).
extern "C" int FT_LIBC(siprintf)(char* buf, const char* fmt, ...) {
  std::va_list ap;
  va_start(ap, fmt);
  int r = FT_LIBC(vsnprintf)(buf, static_cast<std::size_t>(-1) >> 1, fmt, ap);
  va_end(ap);
  return r;
}

extern "C" char* FT_LIBC(strerror)(int e) {
  const char* text;
  switch (e) {
    case EPERM: text = "Operation not permitted"; break;
    case ENOENT: text = "No such file or directory"; break;
    case EINTR: text = "Interrupted system call"; break;
    case EIO: text = "I/O error"; break;
    case EBADF: text = "Bad file descriptor"; break;
    case EAGAIN: text = "Resource temporarily unavailable"; break;
    case ENOMEM: text = "Out of memory"; break;
    case EACCES: text = "Permission denied"; break;
    case EFAULT: text = "Bad address"; break;
    case EBUSY: text = "Resource busy"; break;
    case EEXIST: text = "File exists"; break;
    case EXDEV: text = "Cross-device link"; break;
    case ENODEV: text = "No such device"; break;
    case ENOTDIR: text = "Not a directory"; break;
    case EISDIR: text = "Is a directory"; break;
    case EINVAL: text = "Invalid argument"; break;
    case ENFILE: text = "Too many open files in system"; break;
    case EMFILE: text = "No file descriptors available"; break;
    case ENOTTY: text = "Not a tty"; break;
    case EFBIG: text = "File too large"; break;
    case ENOSPC: text = "No space left on device"; break;
    case ESPIPE: text = "Invalid seek"; break;
    case EROFS: text = "Read-only file system"; break;
    case EMLINK: text = "Too many links"; break;
    case ERANGE: text = "Result not representable"; break;
    case ENAMETOOLONG: text = "Filename too long"; break;
    case ENOSYS: text = "Function not implemented"; break;
    case ENOTEMPTY: text = "Directory not empty"; break;
    case ELOOP: text = "Symbolic link loop"; break;
    case EOVERFLOW: text = "Value too large for data type"; break;
    case ENOPROTOOPT: text = "Protocol not available"; break;
    case ENOTCONN: text = "Socket not connected"; break;
    case EDQUOT: text = "Quota exceeded"; break;
    case ENOTSUP: text = "Not supported"; break;
    default: text = "No error information";
  }
  return const_cast<char*>(text);
}
