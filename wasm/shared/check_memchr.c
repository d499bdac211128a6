/* Checks shared/fast_memchr.c against a byte loop: every start alignment 0..47, every length 0..300, the
 * needle absent, at every position, and repeated; bytes 0, 10 ('\n'), 128 and 255 as needles.
 * Built and run by shared/check-memchr.sh. Prints the number of cases; exits 1 on the first difference. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__wrap_memchr(const void *src, int c, size_t n);

static const void *naive(const unsigned char *s, int c, size_t n) {
  for (size_t i = 0; i < n; i++) if (s[i] == (unsigned char)c) return s + i;
  return NULL;
}

int main(void) {
  static unsigned char buf[512] __attribute__((aligned(16)));
  const int needles[] = {0, 10, 128, 255, 10 + 256};
  long cases = 0;
  for (size_t k = 0; k < sizeof needles / sizeof *needles; k++) {
    int c = needles[k];
    for (size_t start = 0; start < 48; start++) {
      for (size_t len = 0; len <= 300; len++) {
        for (long at = -1; at < (long)len; at++) {
          for (size_t i = 0; i < sizeof buf; i++) buf[i] = (unsigned char)(((i * 37) % 251) | 1) == (unsigned char)c ? 3 : (unsigned char)(((i * 37) % 251) | 1);
          if (at >= 0) buf[start + at] = (unsigned char)c;
          if (at >= 0 && at + 20 < (long)len) buf[start + at + 20] = (unsigned char)c;
          buf[start + len] = (unsigned char)c; /* just past the end: must never be found */
          const void *want = naive(buf + start, c, len), *got = __wrap_memchr(buf + start, c, len);
          if (want != got) {
            printf("DIFFERS: needle %d start %zu len %zu at %ld: want %td got %td\n", c, start, len, at,
                   want ? (const unsigned char *)want - buf : -1, got ? (const unsigned char *)got - buf : -1);
            return 1;
          }
          cases++;
        }
      }
    }
  }
  printf("fast memchr: %ld cases, identical to a byte loop\n", cases);
  return 0;
}
