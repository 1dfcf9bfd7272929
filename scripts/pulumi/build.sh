#!/usr/bin/env bash
# Builds a real Pulumi engine (the `pulumi` CLI) from the Go module proxy, at the version of the
# @pulumi/pulumi npm package in node_modules, into a cache outside the repo:
#   ${SST_PULUMI_CACHE:-$HOME/.cache/sst-rebuild/pulumi}/v<version>/bin/
# and writes the dynamic-provider shim `pulumi-resource-pulumi-nodejs` beside it.
# Skips the build when the binary is there and reports the right version.
# The last line of stdout is the bin dir (everything else goes to stderr).
#
# Usage: bash scripts/pulumi/build.sh [--update] [--force]
#   --update  re-pin scripts/pulumi/wrapper (go.mod/go.sum) to the @pulumi/pulumi version; commit the result
#   --force   rebuild even if the cached binary looks fine
# Env: SST_PULUMI_CACHE (cache root), SST_PULUMI_VERSION (override the version),
#      SST_PULUMI_BUILD_JOBS (go build -p, default 2), GOMAXPROCS (default 2).
# See scripts/pulumi/README.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
wrapper="$here/wrapper"
update=0
force=0
for arg in "$@"; do
  case "$arg" in
    --update) update=1 ;;
    --force) force=1 ;;
    *) echo "build.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { echo "pulumi-build: $*" >&2; }
die() { echo "pulumi-build: error: $*" >&2; exit 1; }

pkgjson="$root/node_modules/@pulumi/pulumi/package.json"
if [ -n "${SST_PULUMI_VERSION:-}" ]; then
  version=${SST_PULUMI_VERSION#v}
else
  [ -f "$pkgjson" ] || die "$pkgjson not found: run npm ci first (the engine version follows @pulumi/pulumi)"
  version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$pkgjson" | head -n1)
  [ -n "$version" ] || die "cannot read the version from $pkgjson"
fi

cache=${SST_PULUMI_CACHE:-$HOME/.cache/sst-rebuild/pulumi}
dest="$cache/v$version"
bin="$dest/bin"
mkdir -p "$cache"

# The dynamic-provider shim. The engine launches dynamic providers (pulumi.dynamic.Resource) as a
# resource plugin named `pulumi-nodejs`, i.e. the executable `pulumi-resource-pulumi-nodejs`, found
# next to the `pulumi` binary or on PATH. @pulumi/pulumi ships one (not linked into node_modules/.bin)
# that resolves the SDK from the plugin's working directory and does not `exec`; this one also
# honours SST_PULUMI_DYNAMIC_PROVIDER (path to @pulumi/pulumi/cmd/dynamic-provider) and execs node
# so that the engine's kill reaches the provider process.
write_shim() {
  local f="$1/pulumi-resource-pulumi-nodejs"
  cat >"$f.tmp" <<'EOF'
#!/bin/sh
# Pulumi dynamic-provider plugin for Node.js (written by scripts/pulumi/build.sh).
script="${SST_PULUMI_DYNAMIC_PROVIDER:-}"
if [ -z "$script" ]; then
  script=$(node -e 'try{console.log(require.resolve("@pulumi/pulumi/cmd/dynamic-provider",{paths:[process.cwd()]}))}catch(e){}')
fi
if [ -z "$script" ]; then
  echo "pulumi-resource-pulumi-nodejs: cannot find @pulumi/pulumi/cmd/dynamic-provider from $(pwd);" \
    "set SST_PULUMI_DYNAMIC_PROVIDER or run Pulumi from a directory that resolves @pulumi/pulumi" >&2
  exit 1
fi
exec node "$script" "$@"
EOF
  chmod +x "$f.tmp"
  mv -f "$f.tmp" "$f"
}

is_good() {
  [ -x "$bin/pulumi" ] || return 1
  local got
  got=$(PULUMI_SKIP_UPDATE_CHECK=true PULUMI_HOME="$dest/home" "$bin/pulumi" version 2>/dev/null) || return 1
  [ "$got" = "v$version" ]
}

# One build per version at a time (CI and developers may share the cache).
mkdir -p "$dest"
exec 9>"$dest/.lock"
flock 9

if [ "$force" = 0 ] && [ "$update" = 0 ] && is_good; then
  write_shim "$bin" # cheap, atomic: keeps the shim in step with this script
  log "cached: pulumi v$version in $bin"
  echo "$bin"
  exit 0
fi

command -v go >/dev/null || die "the Go toolchain is needed (go 1.25.11 or newer; Debian: golang, or /usr/local/go)"
start=$(date +%s)

# Work on a copy of the wrapper module so a version bump never dirties the repo (unless --update).
work=$(mktemp -d "${TMPDIR:-/tmp}/sst-pulumi-build.XXXXXX")
out=
trap 'rm -rf "$work" ${out:+"$out"}' EXIT
cp "$wrapper/go.mod" "$wrapper/go.sum" "$wrapper/tools.go" "$work/"
cd "$work"

export GOTOOLCHAIN=${GOTOOLCHAIN:-auto}
export GOMAXPROCS=${GOMAXPROCS:-2}
export GOFLAGS="${GOFLAGS:-} -mod=mod"
# The checksum database behind the proxy this machine reaches answers 404 for pulumi/pkg/v3 (every
# version), so that one module cannot be checked there; go.sum pins it (and everything else).
export GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/pulumi/pulumi/pkg"
export GOFLAGS="${GOFLAGS# }"

pinned=$(sed -n 's#^require github.com/pulumi/pulumi/pkg/v3 v\(.*\)$#\1#p' go.mod)
if [ "$pinned" != "$version" ]; then
  [ "$update" = 1 ] || log "warning: scripts/pulumi/wrapper pins v$pinned but @pulumi/pulumi is $version;" \
    "building from a re-pinned copy (run 'bash scripts/pulumi/build.sh --update' and commit the wrapper)"
  log "re-pinning the wrapper to github.com/pulumi/pulumi/pkg/v3@v$version"
  info=$(go mod download -json "github.com/pulumi/pulumi/pkg/v3@v$version" 2>&1 || true)
  modfile=$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')
  [ -n "$modfile" ] && [ -f "$modfile" ] ||
    die "cannot download github.com/pulumi/pulumi/pkg/v3@v$version from the Go module proxy: $info"
  # Keep every replace of pkg/v3's go.mod except local paths (sdk/v3 => ../sdk: the proxy serves
  # sdk/v3 at the same version, which pkg/v3 requires anyway).
  ! grep -q -E '^replace[[:space:]]*\($' "$modfile" || die "$modfile has a replace block: teach build.sh to read it"
  replaces=$(grep -E '^replace [^ ]+ => [^.]' "$modfile" | grep -v -E '=> \.{0,2}/' || true)
  {
    echo "module github.com/sst-rebuild/pulumi-engine-wrapper"
    echo
    sed -n 's/^go /go /p' "$modfile" | head -n1
    echo
    echo "// Copied from github.com/pulumi/pulumi/pkg/v3@v$version's go.mod: replace directives of"
    echo "// a dependency are ignored by Go, so the wrapper (the main module) must repeat them."
    echo "// The local one there (sdk/v3 => ../sdk) is served by the proxy as sdk/v3 at the same version."
    [ -n "$replaces" ] && echo "$replaces"
    echo
    echo "require github.com/pulumi/pulumi/pkg/v3 v$version"
  } >go.mod
  : >go.sum
  go mod tidy >&2
  if [ "$update" = 1 ]; then
    cp go.mod go.sum "$wrapper/"
    log "updated $wrapper/go.mod and go.sum: commit them"
  fi
fi

mkdir -p "$dest"
out=$(mktemp -d "$dest/.build.XXXXXX")
chmod 755 "$out"
jobs=${SST_PULUMI_BUILD_JOBS:-2}
ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version"
log "building pulumi v$version (go build -p $jobs, GOMAXPROCS=$GOMAXPROCS); a cold build takes several minutes"
go build -p "$jobs" -trimpath -ldflags "$ldflags" -o "$out/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
write_shim "$out"

got=$(PULUMI_SKIP_UPDATE_CHECK=true PULUMI_HOME="$dest/home" "$out/pulumi" version)
[ "$got" = "v$version" ] || die "built pulumi reports '$got', expected v$version"

rm -rf "$bin"
mv "$out" "$bin"
out=
log "built pulumi v$version in $(( $(date +%s) - start ))s: $bin"
echo "$bin"
