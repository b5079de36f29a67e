#!/usr/bin/env bash
# Podman's Docker-compatible API for the engine e2e tests (test/e2e/engines.test.ts), served on
# its own socket by `podman system service`. What it takes to run containers on these machines
# (Debian 12's podman 4.3, root, cgroup v1, a sandbox that refuses high rlimits):
#   - runc, not crun: crun refuses cgroups in hybrid mode;
#   - containers.conf default_ulimits no higher than what this machine grants: podman otherwise
#     asks for RLIMIT_NOFILE/RLIMIT_NPROC above it ("error setting rlimit type 6/7");
#   - the CNI dnsname plugin (with dnsmasq), or containers cannot resolve each other's names.
# The images named are copied over from the Docker engine (when missing or different).
#
#   podman-engine.sh install              the packages only (CI does it ahead of the tests)
#   podman-engine.sh start DIR IMAGE...   DIR/podman.sock
#   podman-engine.sh stop DIR
set -o errexit -o nounset -o pipefail

log() { printf '[podman-engine] %s\n' "$*" >&2; }
die() { printf '[podman-engine] ERROR: %s\n' "$*" >&2; exit 1; }

install() {
  local packages=()
  command -v podman >/dev/null || packages+=(podman)
  [[ -x /usr/lib/cni/dnsname ]] || packages+=(golang-github-containernetworking-plugin-dnsname)
  command -v dnsmasq >/dev/null || [[ -x /usr/sbin/dnsmasq ]] || packages+=(dnsmasq-base)
  [[ ${#packages[@]} -eq 0 ]] && return
  log "installing ${packages[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null 2>&1 ||
    { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null; }
}

stop() {
  local pidfile=$1/podman.pid pid
  [[ -f $pidfile ]] || return 0
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; return 0; }; sleep 0.5; done
  die "podman service $pid did not stop within 20 s"
}

start() {
  local dir=$1; shift
  install
  mkdir -p "$dir"
  stop "$dir"
  local nproc pid_max
  nproc=$(ulimit -Hu); pid_max=$(cat /proc/sys/kernel/pid_max)
  [[ $nproc == unlimited || $nproc -gt $pid_max ]] && nproc=$pid_max
  cat > "$dir/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$(ulimit -Sn):$(ulimit -Hn)", "nproc=$nproc:$nproc"]
[engine]
runtime = "runc"
CONF
  rm -f "$dir/podman.sock"
  CONTAINERS_CONF=$dir/containers.conf setsid podman system service --time=0 "unix://$dir/podman.sock" > "$dir/service.log" 2>&1 < /dev/null &
  echo $! > "$dir/podman.pid"
  for _ in $(seq 1 40); do curl -sf --unix-socket "$dir/podman.sock" http://podman/_ping >/dev/null 2>&1 && break; sleep 0.5; done
  curl -sf --unix-socket "$dir/podman.sock" http://podman/_ping >/dev/null || { tail -20 "$dir/service.log" >&2; die "podman did not answer on $dir/podman.sock"; }
  local image
  for image in "$@"; do
    if [[ $(docker image inspect -f '{{.Id}}' "$image") != "sha256:$(podman image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)" ]]; then
      log "copying $image to podman"
      docker save "$image" | podman load >/dev/null
    fi
  done
  log "answering on unix://$dir/podman.sock"
}

case ${1:-} in
  install) install ;;
  start) [[ $# -ge 2 ]] || die 'usage: podman-engine.sh start DIR IMAGE...'; shift; start "$@" ;;
  stop) [[ $# -eq 2 ]] || die 'usage: podman-engine.sh stop DIR'; stop "$2" ;;
  *) die 'usage: podman-engine.sh install | start DIR IMAGE... | stop DIR' ;;
esac
