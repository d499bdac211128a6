#!/usr/bin/env bash
# busybox 1.35.0 (Debian bookworm 1:1.35.0-4+deb12u1): the console's text tools (head, sort, grep, awk ...) as one
# multi-call program. Debian's own configuration of the `busybox` package (debian/config/pkg/deb) with every
# applet switched off except those in applets.txt, so each applet has the same features as /usr/bin/busybox.
. "$(dirname "$0")/../shared/common.sh"
HERE="$(cd "$(dirname "$0")" && pwd)"
d=$(lokus_unpack busybox "$HERE")
cd "$d"

# Config symbols of every applet (from the //applet: lines), minus the ones we keep.
keep=$(grep -v '^#' "$HERE/applets.txt" | tr 'a-z' 'A-Z' | tr -s ' \n' ' ')
grep -rhoE '^//applet:IF_[A-Z0-9_]+\(' --include='*.c' . | sed -E 's,^//applet:IF_,,; s,\($,,' | sort -u > .lokus-applet-symbols
cp debian/config/pkg/deb .config
while read -r sym; do
  case " $keep BUSYBOX " in *" $sym "*) continue ;; esac
  sed -i -E "s,^CONFIG_${sym}=y$,# CONFIG_${sym} is not set," .config
done < .lokus-applet-symbols
for sym in $keep; do
  sed -i -E "/^(# )?CONFIG_${sym}[= ]/d" .config
  echo "CONFIG_${sym}=y" >> .config
done
# Not possible or not wanted in WebAssembly: no set-uid, installer, syslog, utmp, sendfile(2) (cat copies with
# read/write as when sendfile is unavailable), "seamless" decompression (it forks a decompressor; zcat is then
# gunzip -c, as without it), EXTRA_COMPAT (its
# grep needs glibc's re_search, which musl lacks: grep uses POSIX regexec and has no -z; see README).
for sym in STATIC PIE FEATURE_SUID FEATURE_SUID_CONFIG FEATURE_INSTALLER FEATURE_SYSLOG FEATURE_UTMP FEATURE_WTMP \
  FEATURE_USE_SENDFILE FEATURE_SEAMLESS_XZ FEATURE_SEAMLESS_LZMA FEATURE_SEAMLESS_BZ2 FEATURE_SEAMLESS_GZ \
  FEATURE_SEAMLESS_Z PAM SELINUX FEATURE_EDITING \
  FEATURE_PIDFILE FEATURE_DEVPTS EXTRA_COMPAT; do
  sed -i -E "/^(# )?CONFIG_${sym}[= ]/d" .config
  echo "# CONFIG_${sym} is not set" >> .config
done
# No shell: the console is the shell (Debian's config makes ash the `sh`).
sed -i -E '/^(# )?CONFIG_(SH|BASH)_IS_[A-Z]+[= ]/d' .config
printf 'CONFIG_SH_IS_NONE=y\nCONFIG_BASH_IS_NONE=y\n' >> .config
{ yes '' || true; } | make oldconfig HOSTCC=gcc >/dev/null

# Objects with emcc. busybox's link script (trylink) passes GNU ld options wasm-ld lacks, so make only records
# what it would link (core-y, libs-y) and the program is linked with the contract flags below.
make -j2 HOSTCC=gcc CC=emcc AR=emar LD="emcc -nostdlib" SKIP_STRIP=y \
  CFLAGS="$CFLAGS" EXTRA_CFLAGS="-Wno-string-plus-int -Wno-ignored-optimization-argument" \
  cmd_busybox__='echo $(core-y) -Wl,--start-group $(libs-y) -Wl,--end-group > .lokus-link-inputs' busybox_unstripped >&2
# The shared link objects busybox uses (wasm/libs builds them with the libraries): busybox links no zlib or
# libdeflate, so the libdeflate_crc32 wrapper (which calls zlib) is left out of its link.
for o in getopt_glibc_msgs:lokus_getopt fast_strtod:lokus_fast_strtod stdout_buffer:lokus_stdout_buffer \
  fast_memchr:lokus_fast_memchr; do
  emcc $CFLAGS -c "$LOKUS_WASM_DIR/shared/${o%%:*}.c" -o "$LOKUS_SYSROOT/lib/${o#*:}.o"
done
LOKUS_LDFLAGS_STR=$(printf '%s\n' "${LOKUS_LDFLAGS[@]}" | grep -v 'crc32' | tr '\n' ' ')
# shellcheck disable=SC2046
lokus_link busybox busybox $(cat .lokus-link-inputs) -lm
# The applets this binary answers to, one a line (install.mjs lists them in tools.json).
sed -n 's,^CONFIG_\([A-Z0-9_]*\)=y$,\1,p' .config | tr 'A-Z' 'a-z' | sort > .lokus-enabled
grep -v '^#' "$HERE/applets.txt" | tr -s ' ' '\n' | sed '/^$/d' | sort -u > "$LOKUS_OUT/busybox/applets.txt"
comm -23 "$LOKUS_OUT/busybox/applets.txt" .lokus-enabled | grep . && { log "applets not enabled (see above)"; exit 1; }
log "busybox done: $(tr '\n' ' ' < "$LOKUS_OUT/busybox/applets.txt")"
