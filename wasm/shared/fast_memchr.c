/* Lokus: memchr with WebAssembly SIMD for the WebAssembly builds.
 *
 * Every program is linked with `-Wl,--wrap=memchr` (shared/flags.sh), so all calls land here. musl's memchr
 * compares one 4-byte word at a time on wasm32; this one compares 16 bytes per step (i8x16.eq + bitmask). It
 * reads only 16-byte-aligned blocks after a byte-wise head, so it never touches memory beyond the aligned block
 * that holds the last byte it may look at (wasm memory ends on a 64 KiB boundary: no out-of-bounds trap), and it
 * returns the first match, exactly as memchr must. htslib's bgzf_getline uses it to find line ends (see
 * htslib/patches/bgzf-getline-memchr.patch). Checked against a byte loop by test/wasm/fast-memchr.test.ts. */
#include <stddef.h>
#include <stdint.h>
#include <wasm_simd128.h>

void *__wrap_memchr(const void *src, int c, size_t n) {
  const unsigned char *s = (const unsigned char *)src;
  const unsigned char ch = (unsigned char)c;
  for (; n && ((uintptr_t)s & 15); n--, s++) {
    if (*s == ch) return (void *)s;
  }
  if (n >= 16) {
    const v128_t needle = wasm_i8x16_splat((int8_t)ch);
    for (; n >= 16; n -= 16, s += 16) {
      uint32_t hits = (uint32_t)wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(s), needle));
      if (hits) return (void *)(s + __builtin_ctz(hits));
    }
  }
  for (; n; n--, s++) {
    if (*s == ch) return (void *)s;
  }
  return NULL;
}
