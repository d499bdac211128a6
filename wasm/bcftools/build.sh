#!/usr/bin/env bash
# bcftools 1.16 (Debian 1.16-1) against the wasm htslib, with every plugin in plugins/*.c compiled in
# (WebAssembly has no dlopen): see lokus_dl.c. MIT build (no GSL, so no GPL-only `polysomy`/peakfit).
. "$(dirname "$0")/../shared/common.sh"
HERE="$(cd "$(dirname "$0")" && pwd)"
HTSDIR="$LOKUS_SRC/htslib"
[ -f "$HTSDIR/libhts.a" ] || { log "build htslib first"; exit 1; }
d=$(lokus_unpack bcftools "$HERE")
cp "$HERE/lokus_dl.c" "$HERE/lokus_plugins.h" "$d/"
cat > "$d/config.mk" <<MK
CC       = emcc
AR       = emar
RANLIB   = emranlib
CPPFLAGS = -I$LOKUS_SYSROOT/include
CFLAGS   = $CFLAGS -Wall
LDFLAGS  = $LOKUS_LDFLAGS_STR
LIBS     =
DYNAMIC_FLAGS =
USE_GPL =
GSL_LIBS =
PERL_CFLAGS =
PERL_LIBS =
PLATFORM   = default
PLUGINS_ENABLED = yes
plugindir  = /lokus/bcftools-plugins
pluginpath = /lokus/bcftools-plugins
PLUGIN_EXT = .so
HTSDIR   = $HTSDIR
HTSLIB   = \$(HTSDIR)/libhts.a
HTSLIB_LIB = \$(HTSLIB) -L$LOKUS_SYSROOT/lib -ldeflate -llzma -lbz2 -lz
HTSLIB_LDFLAGS =
HTSLIB_CPPFLAGS = -I\$(HTSDIR)
BGZIP    = true
TABIX    = true
MK
printf '/* Lokus wasm32 build */\n#define ENABLE_BCF_PLUGINS 1\n#define PLUGIN_EXT ".so"\n' > "$d/config.h"
touch -d "@$SOURCE_DATE_EPOCH" "$d/config.mk" "$d/config.h"
# No -pthread/-ldl at link (-pthread would turn on emscripten's pthreads build).
sed -i 's/ -lpthread$//; s/^DL_LIBS = -ldl/DL_LIBS =/' "$d/Makefile"
cd "$d"

DLMAP="-Ddlopen=lokus_dlopen -Ddlsym=lokus_dlsym -Ddlerror=lokus_dlerror -Ddlclose=lokus_dlclose -Dopendir=lokus_opendir -Dreaddir=lokus_readdir -Dclosedir=lokus_closedir"
ALLCPP="-I. -I$HTSDIR -I$LOKUS_SYSROOT/include"
make -j2 version.h >&2
emcc $CFLAGS $ALLCPP -DPLUGINPATH='"/lokus/bcftools-plugins"' $DLMAP -c vcfplugin.c -o lokus_vcfplugin.o
emcc $CFLAGS $ALLCPP -c lokus_dl.c -o lokus_dl.o

# Each plugin: compile, list its external definitions, recompile with them renamed lokus_<ident>_<sym>.
mkdir -p lokus_plugins
table=lokus_plugins/table.c
{
  echo '#include <htslib/vcf.h>'
  echo '#include "../lokus_plugins.h"'
  echo 'void version(const char **b, const char **h); /* version.c, part of the core */'
} > "$table.decl"
echo 'const lokus_plugin_t lokus_plugin_table[] = {' > "$table.body"
plugin_one() {
  local c=$1 name ident syms defs s
  name=$(basename "$c" .c); ident=$(echo "$name" | tr -c 'A-Za-z0-9\n' '_')
  [ -s "lokus_plugins/$name.syms" ] && [ -f "lokus_plugins/$name.o" ] && return 0  # kept from a previous run
  emcc -O0 $ALLCPP -w -c "$c" -o "lokus_plugins/$name.pre.o"  # symbol listing only
  syms=$(emnm --defined-only --extern-only "lokus_plugins/$name.pre.o" | awk '{print $NF}' | sort -u)
  defs=""
  for s in $syms; do defs="$defs -D$s=lokus_${ident}_$s"; done
  emcc $CFLAGS $ALLCPP -w $defs -c "$c" -o "lokus_plugins/$name.o"
  echo "$syms" > "lokus_plugins/$name.syms"
}
export -f plugin_one; export CFLAGS ALLCPP
ls plugins/*.c | sort | xargs -P 2 -I{} bash -c 'plugin_one {}'
for c in $(ls plugins/*.c | sort); do
  name=$(basename "$c" .c); ident=$(echo "$name" | tr -c 'A-Za-z0-9\n' '_')
  syms=" $(tr '\n' ' ' < "lokus_plugins/$name.syms") "
  has() { case "$syms" in *" $1 "*) return 0 ;; esac; return 1; }
  row="  { \"$name\""
  for f in init run version about usage process destroy; do
    if [ "$f" = version ]; then row="$row, (void *)version"; continue; fi
    if has "$f"; then
      case $f in
        init) echo "int lokus_${ident}_init(int, char **, bcf_hdr_t *, bcf_hdr_t *);" ;;
        run) echo "int lokus_${ident}_run(int, char **);" ;;
        about|usage) echo "const char *lokus_${ident}_$f(void);" ;;
        process) echo "bcf1_t *lokus_${ident}_process(bcf1_t *);" ;;
        destroy) echo "void lokus_${ident}_destroy(void);" ;;
      esac >> "$table.decl"
      row="$row, (void *)lokus_${ident}_$f"
    else
      row="$row, 0"
    fi
  done
  echo "$row }," >> "$table.body"
done
echo '  { 0, 0, 0, 0, 0, 0, 0, 0 }' >> "$table.body"; echo '};' >> "$table.body"
cat "$table.decl" "$table.body" > "$table"
emcc $CFLAGS $ALLCPP -c "$table" -o lokus_plugins/table.o
log "bcftools: $(ls plugins/*.c | wc -l) plugins compiled in"

PLUGIN_OBJS_ALL="lokus_vcfplugin.o lokus_dl.o lokus_plugins/table.o $(for c in $(ls plugins/*.c | sort); do echo "lokus_plugins/$(basename "$c" .c).o"; done | tr '\n' ' ')"
make -j2 bcftools PLUGIN_OBJS="$PLUGIN_OBJS_ALL" >&2
mkdir -p "$LOKUS_OUT/bcftools"
mv bcftools "$LOKUS_OUT/bcftools/bcftools.js"; mv bcftools.wasm "$LOKUS_OUT/bcftools/bcftools.wasm"
log "bcftools done"
