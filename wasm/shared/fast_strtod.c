/* Lokus: a fast path for strtod() in the WebAssembly builds.
 *
 * Emscripten's libc is musl, whose strtod parses through __floatscan in `long double`. On wasm32 a long
 * double is a 128-bit IEEE quad done in software (__addtf3, __multf3, fmodl), so every strtod/atof costs
 * microseconds: profiling `bcftools stats` on a 1.5 M-record VCF showed 1.7 s of 4.7 s in __floatscan and its
 * quad helpers, reached from htslib's `atof` of the QUAL column. Native glibc converts in nanoseconds.
 *
 * Every program is linked with `-Wl,--wrap=strtod` (shared/flags.sh), so all calls to strtod (atof's too)
 * land here. The common case is converted exactly with Clinger's fast path: when the decimal significand
 * m is at most 2^53 and the decimal exponent e satisfies |e| <= 22, both m and 10^|e| are exact doubles and one IEEE multiplication or division gives the correctly rounded result,
 * which is what a correct strtod returns. Everything else (more digits, large exponents, hex floats, inf,
 * nan, anything unusual) goes to musl's own strtod unchanged (__real_strtod), so results, end pointers and
 * errno are those of the libc in every case. Checked against native glibc by test/wasm/fast-strtod.test.ts. */
#include <stdint.h>
#include <stdlib.h>

double __real_strtod(const char *restrict s, char **restrict end);

static const double exact_powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

double __wrap_strtod(const char *restrict s, char **restrict end) {
  const unsigned char *p = (const unsigned char *)s;
  while (is_space(*p)) p++;
  int negative = 0;
  if (*p == '+' || *p == '-') negative = *p++ == '-';
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) return __real_strtod(s, end); /* hex float */

  uint64_t significand = 0;
  int digits = 0;        /* digits consumed, integer and fraction part */
  int exponent = 0;      /* decimal exponent adjustment from fraction digits */
  const uint64_t limit = (uint64_t)1 << 53;
  for (; is_digit(*p); p++, digits++) {
    significand = significand * 10 + (*p - '0');
    if (significand > limit) return __real_strtod(s, end);
  }
  if (*p == '.') {
    p++;
    for (; is_digit(*p); p++, digits++, exponent--) {
      significand = significand * 10 + (*p - '0');
      if (significand > limit) return __real_strtod(s, end);
    }
  }
  if (digits == 0) return __real_strtod(s, end); /* ".", "inf", "nan", "0x..", empty: libc decides */
  if (*p == 'e' || *p == 'E') {
    const unsigned char *q = p + 1;
    int exp_negative = 0;
    if (*q == '+' || *q == '-') exp_negative = *q++ == '-';
    if (!is_digit(*q)) return __real_strtod(s, end); /* "1e", "1e+": libc sets the end pointer */
    int written = 0;
    for (; is_digit(*q); q++) {
      if (written > 1000) return __real_strtod(s, end);
      written = written * 10 + (*q - '0');
    }
    exponent += exp_negative ? -written : written;
    p = q;
  }
  if (exponent < -22 || exponent > 22) return __real_strtod(s, end);

  double value = (double)significand;
  if (exponent < 0) value /= exact_powers_of_ten[-exponent];
  else value *= exact_powers_of_ten[exponent];
  if (end) *end = (char *)p;
  return negative ? -value : value;
}
