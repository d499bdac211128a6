# Helpers shared by the recipes: fetch pinned Debian sources, verify sha256, unpack, patch.
# shellcheck shell=bash
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/flags.sh"

LOKUS_APT="$LOKUS_BUILD/apt"
LOKUS_DL="$LOKUS_APT/sources"
mkdir -p "$LOKUS_DL" "$LOKUS_SRC" "$LOKUS_OUT" "$LOKUS_SYSROOT/lib" "$LOKUS_SYSROOT/include"

log() { printf '\033[1m[wasm %s]\033[0m %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# Private apt configuration: deb-src lines only, own lists/cache; never touches the system's apt state.
lokus_apt() {
  local cmd=$1; shift
  "$cmd" -o Dir::Etc::sourcelist="$LOKUS_APT/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$LOKUS_APT/lists" -o Dir::Cache="$LOKUS_APT/cache" \
    -o APT::Get::List-Cleanup=0 -o Debug::NoLocking=1 "$@"
}

lokus_apt_init() {
  [ -f "$LOKUS_APT/lists/.lokus-updated" ] && return 0
  mkdir -p "$LOKUS_APT/lists/partial" "$LOKUS_APT/cache/archives/partial"
  # Same archive as /etc/apt/sources.list.d/debian.sources; trixie only for seqtk (bookworm's
  # seqtk_1.3.orig.tar.gz is no longer served by the archive).
  cat > "$LOKUS_APT/sources.list" <<'LIST'
deb-src http://deb.debian.org/debian bookworm main
deb-src http://deb.debian.org/debian trixie main
LIST
  log "apt-get update (private deb-src lists)"
  lokus_apt apt-get update -qq >&2
  touch "$LOKUS_APT/lists/.lokus-updated"
}

# tools.json entry -> lines "debianPackage debianVersion fileName sha256"
lokus_source_files() {
  node -e '
    const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const e = [...m.libraries, ...m.tools].find((x) => x.name === process.argv[2]);
    if (!e) { console.error("no such entry in tools.json: " + process.argv[2]); process.exit(1); }
    for (const f of e.source.files) {
      const pkg = f.name.endsWith(".deb") ? e.source.binaryPackage : e.source.debianPackage;
      console.log([pkg, e.source.debianVersion, f.name, f.sha256].join(" "));
    }
  ' "$LOKUS_WASM_DIR/tools.json" "$1"
}

# Download (if needed) and sha256-verify the pinned files of a tools.json entry.
lokus_fetch() {
  local name=$1 pkg ver file sha url
  while read -r pkg ver file sha; do
    if [ ! -f "$LOKUS_DL/$file" ] || ! echo "$sha  $LOKUS_DL/$file" | sha256sum -c --status; then
      if [[ "$file" == *.deb ]]; then
        # binary package (system deb lists: same bookworm archive)
        url=$(apt-get download --print-uris -qq "$pkg=$ver" | awk '{ gsub("\x27", "", $1); print $1 }')
      else
        lokus_apt_init
        url=$(cd "$LOKUS_DL" && lokus_apt apt-get source --print-uris -qq "$pkg=$ver" | awk -v f="$file" '$2 == f { gsub("\x27", "", $1); print $1 }')
      fi
      [ -n "$url" ] || { log "apt has no $file for $pkg=$ver"; return 1; }
      log "download $url"
      curl -fsSL -o "$LOKUS_DL/$file.part" "$url" && mv "$LOKUS_DL/$file.part" "$LOKUS_DL/$file"
    fi
    echo "$sha  $LOKUS_DL/$file" | sha256sum -c --status || { log "sha256 mismatch: $file (want $sha)"; return 1; }
  done < <(lokus_source_files "$name")
  log "sources of $name verified (sha256)"
}

# Fresh unpack of a tools.json entry into $LOKUS_SRC/<name>; applies debian/patches/series (if a Debian
# tarball is pinned) and then wasm/<recipe>/patches/*.patch. Prints the source directory.
lokus_unpack() {
  local name=$1 recipe_dir=${2:-} dir="$LOKUS_SRC/$1" pkg ver file sha p opt
  if [ "${LOKUS_KEEP_SRC:-0}" = 1 ] && [ -f "$dir/.lokus-unpacked" ]; then echo "$dir"; return 0; fi
  lokus_fetch "$name"
  rm -rf "$dir"; mkdir -p "$dir"
  while read -r pkg ver file sha; do
    case "$file" in
      *.deb) dpkg-deb -x "$LOKUS_DL/$file" "$dir" ;;
      *.debian.tar.*) tar -xf "$LOKUS_DL/$file" -C "$dir" ;;
      *) tar -xf "$LOKUS_DL/$file" -C "$dir" --strip-components=1 ;;
    esac
  done < <(lokus_source_files "$name")
  if [ -f "$dir/debian/patches/series" ]; then
    while read -r p opt; do
      case "$p" in ''|'#'*) continue ;; esac
      patch -d "$dir" -s -N ${opt:--p1} < "$dir/debian/patches/$p" >&2 || { log "debian patch $p failed"; return 1; }
    done < "$dir/debian/patches/series"
    log "$name: applied Debian patch series"
  fi
  if [ -n "$recipe_dir" ] && [ -d "$recipe_dir/patches" ]; then
    for p in "$recipe_dir"/patches/*.patch; do
      [ -e "$p" ] || continue
      patch -d "$dir" -s -p1 < "$p" >&2 || { log "patch $(basename "$p") failed"; return 1; }
      log "$name: applied $(basename "$p")"
    done
  fi
  # Reproducible mtimes (make decisions must not depend on unpack order).
  find "$dir" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} + 2>/dev/null || true
  touch "$dir/.lokus-unpacked"
  echo "$dir"
}

# Link-time helper: emcc <objs/libs> -o $LOKUS_OUT/<tool>/<program>.js with the contract flags.
lokus_link() {
  local tool=$1 program=$2; shift 2
  mkdir -p "$LOKUS_OUT/$tool"
  log "link $tool/$program"
  "${LINKER:-emcc}" "$@" ${LOKUS_LDFLAGS_STR} -o "$LOKUS_OUT/$tool/$program.js"
}
