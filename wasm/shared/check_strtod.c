/* Lokus: prints strtod() results for a deterministic set of decimal strings, one line each:
 *   <string> <bits of the double as 16 hex digits> <characters consumed> <errno set: 0/1>
 * wasm/shared/check-strtod.sh builds it natively (glibc) and with emcc + fast_strtod.c (--wrap=strtod) and
 * requires identical output: the fast path must give the libc's answer bit for bit. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9E3779B97F4A7C15ull;
static uint64_t next_random(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

static void check(const char *s) {
  char *end = NULL;
  errno = 0;
  double d = strtod(s, &end);
  int range_error = errno == ERANGE;
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  printf("%s %016" PRIx64 " %d %d\n", s, bits, (int)(end - s), range_error);
}

static const char *fixed_cases[] = {
  "0", "-0", "+0", "0.0", "-0.0", ".5", "5.", ".", "-.", "+", "", " 1.5", "\t-2.25x", "1e", "1e+", "1e-",
  "1e5", "1E-5", "1e22", "1e23", "1e-22", "1e-23", "9007199254740992", "9007199254740993",
  "9007199254740991.5", "123456789012345678901234567890", "0.1", "0.2", "0.3", "3.14159", "2.718281828459045",
  "1.7976931348623157e308", "1.8e308", "4.9e-324", "2.4e-324", "1e-400", "inf", "-Infinity", "nan", "NaN(1)",
  "0x1p3", "0X1.8p-1", "1,5", "1.5.5", "00000000000000000000001.5", "0.000000000000000000000000000001",
  "1e0000000000000000000000000000005", "1e-99999999999", "1e99999999999", "99.99e-2", "5e-1x", "12abc",
  "0.30000000000000004", "1.00000000000000011102230246251565404", "123.456e-10", "  +7.0e+2  ",
};

int main(void) {
  for (size_t i = 0; i < sizeof fixed_cases / sizeof *fixed_cases; i++) check(fixed_cases[i]);
  char buf[96];
  for (int i = 0; i < 400000; i++) {
    uint64_t r = next_random();
    int int_digits = (int)(r % 12);
    int frac_digits = (int)((r >> 8) % 12);
    int exponent = (int)((r >> 16) % 61) - 30;
    int shape = (int)((r >> 24) % 4); /* 0: plain, 1: with exponent, 2: leading zeros, 3: many digits */
    char *p = buf;
    if ((r >> 30) & 1) *p++ = '-';
    if (shape == 2) p += sprintf(p, "0.000");
    if (shape == 3) int_digits += 10;
    for (int k = 0; k < int_digits; k++) *p++ = (char)('0' + next_random() % 10);
    if (frac_digits || shape == 2) {
      if (shape != 2) *p++ = '.';
      for (int k = 0; k < frac_digits; k++) *p++ = (char)('0' + next_random() % 10);
    }
    if (p == buf || (p == buf + 1 && buf[0] == '-')) *p++ = '7';
    if (shape == 1) p += sprintf(p, "e%d", exponent);
    *p = 0;
    check(buf);
  }
  return 0;
}
