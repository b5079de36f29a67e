#!/usr/bin/env bash
# Make sure `docker compose` (the Compose v2 CLI plugin) answers, next to Debian bookworm's
# Compose v1 (`docker-compose` 1.29), so CI checks the rendered file with both.
#
# Bookworm has no Compose v2. Debian trixie's `docker-compose` package holds the v2 plugin as one
# self-contained binary: its .deb is fetched through apt with a private sources list and state
# directory (nothing of trixie is installed on the system), unpacked, and only the plugin is
# copied into the Docker CLI's plugin directory. Skipped when `docker compose version` already
# answers 2.x.
#
# Env: COMPOSE_V2_PACKAGE  the trixie package version (default 2.26.1-4)
#      DOCKER_CONFIG       the Docker CLI's config directory (default ~/.docker)
set -o errexit -o nounset -o pipefail

PACKAGE_VERSION=${COMPOSE_V2_PACKAGE:-2.26.1-4}
PLUGIN_DIR="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"

log() { printf '[compose-v2] %s\n' "$*" >&2; }
die() { printf '[compose-v2] ERROR: %s\n' "$*" >&2; exit 1; }

compose_v2() { docker compose version --short 2>/dev/null | grep -E '^v?2\.' || true; }

if [[ -n $(compose_v2) ]]; then
  log "docker compose $(compose_v2) answers"
  exit 0
fi

# The mirror this machine's apt already uses (deb822 or one-line sources).
mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
[[ -n $mirror ]] || mirror=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
[[ -n $mirror ]] || die "cannot tell the Debian mirror from the apt sources"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work" # apt downloads as its _apt user where it can
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
echo "deb $mirror trixie main" > "$work/sources.list"
apt_private=(
  -o "Dir::Etc::sourcelist=$work/sources.list"
  -o Dir::Etc::sourceparts=/dev/null
  -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache=$work/cache"
)

log "fetching docker-compose=$PACKAGE_VERSION from $mirror trixie"
apt-get "${apt_private[@]}" update >&2
(cd "$work" && apt-get "${apt_private[@]}" download "docker-compose=$PACKAGE_VERSION" >&2)
deb=$(find "$work" -maxdepth 1 -name 'docker-compose_*.deb' | head -n 1)
[[ -n $deb ]] || die "apt-get download left no docker-compose .deb"

dpkg -x "$deb" "$work/root"
plugin="$work/root/usr/libexec/docker/cli-plugins/docker-compose"
[[ -x $plugin ]] || die "$deb holds no usr/libexec/docker/cli-plugins/docker-compose"
mkdir -p "$PLUGIN_DIR"
install -m 0755 "$plugin" "$PLUGIN_DIR/docker-compose"

version=$(compose_v2)
[[ -n $version ]] || die "docker compose version does not answer 2.x after installing $PLUGIN_DIR/docker-compose"
log "docker compose $version installed in $PLUGIN_DIR"
