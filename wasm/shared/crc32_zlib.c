/* Lokus: libdeflate_crc32 answered by zlib's crc32_z in the WebAssembly builds.
 *
 * Every program is linked with `-Wl,--wrap=libdeflate_crc32` (shared/flags.sh). Both compute the same CRC-32
 * (gzip's polynomial, pre- and post-inverted, chainable through the first argument), so results are unchanged.
 * Without carry-less multiplication, libdeflate falls back to slice-by-8 table lookups, while zlib 1.2.13 runs
 * its braided CRC over 64-bit words (our zlib is built with Z_TESTW=8, see libs/build.sh; wasm has native
 * 64-bit integer operations, but zlib's own check only names x86_64 and aarch64). Measured in Node on 262 MB:
 * libdeflate 0.148 s, zlib with 32-bit braids 0.093 s, with 64-bit braids 0.076 s. htslib checks the CRC of
 * every BGZF block it inflates, so this is ~0.1 s of a 400 MB VCF read. */
#include <stddef.h>
#include <stdint.h>

/* zlib.h's declaration (uLong, Bytef, z_size_t spelled out): this file is compiled before zlib is installed. */
unsigned long crc32_z(unsigned long crc, const unsigned char *buf, size_t len);

uint32_t __wrap_libdeflate_crc32(uint32_t crc, const void *buffer, size_t len) {
  return (uint32_t)crc32_z(crc, (const unsigned char *)buffer, len);
}
