#!/usr/bin/env bash
# Make sure a Docker engine answers on this machine, and that docker-compose, maven,
# kcat and debootstrap are installed. Idempotent: when everything is there it
# only checks and returns.
#
# Debian 12 (no init system): the docker.io package cannot start its service,
# so dockerd is started by hand, detached, logging to /var/log/dockerd.log.
#
# Env: DOCKER_ENGINE_WAIT_SECONDS  how long to wait for `docker info` (default 60)
set -o errexit -o nounset -o pipefail

WAIT_SECONDS=${DOCKER_ENGINE_WAIT_SECONDS:-60}
DOCKERD_LOG=/var/log/dockerd.log

log() { printf '[docker-engine] %s\n' "$*" >&2; }
die() { printf '[docker-engine] ERROR: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
docker_answers() { have docker && docker info >/dev/null 2>&1; }

SUDO=()
if [[ $(id -u) != 0 ]]; then
  have sudo || die "not root and no sudo: cannot install packages or start dockerd"
  SUDO=(sudo)
fi

answering=0
docker_answers && answering=1

# A dockerd whose default bridge interface was deleted under it (by another dockerd in the same
# network namespace) answers but cannot start a container on its default network: restart it.
if [[ $answering == 1 ]] && have ip; then
  bridge=$(docker network inspect bridge -f '{{index .Options "com.docker.network.bridge.name"}}' 2>/dev/null || true)
  if [[ -n $bridge ]] && ! ip link show "$bridge" >/dev/null 2>&1 && [[ -f /var/run/docker.pid ]]; then
    log "the default bridge $bridge is gone; restarting dockerd"
    pid=$(cat /var/run/docker.pid)
    "${SUDO[@]}" kill "$pid"
    for ((i = 0; i < WAIT_SECONDS; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    answering=0
  fi
fi

# Which packages are missing? (docker/dockerd only matter when docker does not answer)
pkgs=()
add() { local p; for p in "${pkgs[@]}"; do [[ $p == "$1" ]] && return; done; pkgs+=("$1"); }
if [[ $answering == 0 ]]; then
  have docker || add docker.io
  have dockerd || add docker.io
fi
have docker-compose || add docker-compose
have kcat || add kcat
have debootstrap || add debootstrap
have mvn || add maven # test/images/build.sh fetches the Kafka jars with it

if ((${#pkgs[@]})); then
  log "installing: ${pkgs[*]}"
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${pkgs[@]}"
fi

if [[ $answering == 1 ]]; then
  log "docker answers ($(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

have dockerd || die "dockerd is still missing after installing docker.io"

if pidof dockerd >/dev/null 2>&1 || pgrep -x dockerd >/dev/null 2>&1; then
  log "dockerd is running but does not answer yet; waiting"
else
  log "starting dockerd (log: $DOCKERD_LOG)"
  # setsid + nohup: detached from this script's session, so it outlives it.
  "${SUDO[@]}" bash -c "setsid nohup dockerd > '$DOCKERD_LOG' 2>&1 < /dev/null &"
fi

for ((i = 0; i < WAIT_SECONDS; i++)); do
  if docker_answers; then
    log "docker answers after ${i}s ($(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null || echo 'version unknown'))"
    exit 0
  fi
  sleep 1
done

log "docker info still fails after ${WAIT_SECONDS}s; last lines of $DOCKERD_LOG:"
"${SUDO[@]}" tail -n 40 "$DOCKERD_LOG" >&2 || true
die "the Docker engine did not come up"
