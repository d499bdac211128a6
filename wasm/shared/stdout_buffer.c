/*
 * Full buffering for stdout, linked into every Lokus program (see flags.sh).
 *
 * musl (emscripten's libc) gives stdout a BUFSIZ (1 KiB) buffer, and every flush is a writev that emscripten
 * turns into one JS call per iovec. A tool that prints records with puts/fwrite therefore crossed into JS about
 * twice per line: minimap2 -a on 100,000 read pairs made 400,004 write calls (strace -c), about 1 s of its
 * 5 s in Node. Native tools writing to a pipe or a file are fully buffered too (glibc: st_blksize, 4 KiB+), so
 * the bytes written are unchanged; only the size of the chunks differs. exit() flushes it (EXIT_RUNTIME=1).
 *
 * 64 KiB keeps live output in the app responsive (a chunk reaches the page every 64 KiB or at exit) while
 * making the per-call cost negligible (~1,300 calls for minimap2's 86 MB of SAM).
 */
#include <stdio.h>

static char lokus_stdout_buffer[64 * 1024];

__attribute__((constructor)) static void lokus_buffer_stdout(void) {
  setvbuf(stdout, lokus_stdout_buffer, _IOFBF, sizeof lokus_stdout_buffer);
}
