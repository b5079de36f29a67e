#!/usr/bin/env bash
# A second Docker engine beside the main one, for the engine e2e tests (test/e2e/engines.test.ts):
# its own socket, data root, exec root and pidfile; its own default bridge, no iptables rules and
# its own address pool, so it never touches the main engine's docker0, NAT rules or subnets (one
# FORWARD rule for its own pool is added and removed again). Not `--bridge=none`: a dockerd started
# so deletes the interface docker0, which belongs to the main engine in the same network namespace.
# Its network store is wiped before every start: a dockerd that finds its default bridge network
# stored from an earlier run deletes it at startup, and with it the interface docker0. It also
# listens on tcp://127.0.0.1:PORT with TLS, with a CA, server and client certificates made here,
# fresh on every start. The images named are copied over from the main engine (when missing or
# different), since no registry is reachable.
#
#   second-engine.sh start DIR PORT IMAGE...   DIR/docker.sock, DIR/client/{ca,cert,key}.pem
#   second-engine.sh stop DIR
set -o errexit -o nounset -o pipefail

pool=10.213.0.0/16
bridge=kdt-engine0
bridge_address=10.212.0.1/24
# The main engine sets the FORWARD policy to DROP and, with br_netfilter, bridged traffic passes
# FORWARD: without this rule containers on the second engine's networks cannot reach each other.
forward_rule=(FORWARD -s "$pool" -d "$pool" -j ACCEPT)

log() { printf '[second-engine] %s\n' "$*" >&2; }
die() { printf '[second-engine] ERROR: %s\n' "$*" >&2; exit 1; }

certificates() {
  local dir=$1 certs=$1/certs
  rm -rf "$certs" "$dir/client" && mkdir -p "$certs" "$dir/client"
  (
    cd "$certs"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=kafka-dev test CA' -keyout ca-key.pem -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj '/CN=localhost' -keyout server-key.pem -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj '/CN=kafka-dev test client' -keyout key.pem -out client.csr 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' > client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 -extfile client.ext -out cert.pem 2>/dev/null
    cp ca.pem cert.pem key.pem "$dir/client/"
  )
}

stop() {
  local pidfile=$1/docker.pid pid
  if command -v iptables >/dev/null; then
    while iptables -C "${forward_rule[@]}" 2>/dev/null; do iptables -D "${forward_rule[@]}"; done
  fi
  if [[ -f $pidfile ]]; then
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    ! kill -0 "$pid" 2>/dev/null || die "dockerd $pid did not stop within 30 s (log: $1/dockerd.log)"
  fi
  ip link delete "$bridge" 2>/dev/null || true
}

start() {
  local dir=$1 port=$2; shift 2
  command -v dockerd >/dev/null || die 'dockerd is not installed (bash .ci/docker-engine.sh installs it)'
  command -v openssl >/dev/null || die 'openssl is not installed'
  mkdir -p "$dir"
  stop "$dir"
  certificates "$dir"
  rm -rf "$dir/data/network"
  if command -v iptables >/dev/null && ! iptables -C "${forward_rule[@]}" 2>/dev/null; then iptables -I "${forward_rule[@]}"; fi
  ip link add "$bridge" type bridge && ip addr add "$bridge_address" dev "$bridge" && ip link set "$bridge" up
  local socket=unix://$dir/docker.sock
  setsid dockerd -H "$socket" -H "tcp://127.0.0.1:$port" \
    --tlsverify --tlscacert "$dir/certs/ca.pem" --tlscert "$dir/certs/server-cert.pem" --tlskey "$dir/certs/server-key.pem" \
    --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/docker.pid" \
    --bridge="$bridge" --iptables=false --ip-masq=false --default-address-pool "base=$pool,size=24" \
    > "$dir/dockerd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do docker -H "$socket" version >/dev/null 2>&1 && break; sleep 0.5; done
  docker -H "$socket" version >/dev/null 2>&1 || { tail -20 "$dir/dockerd.log" >&2; die "the second engine did not answer on $socket within 30 s"; }
  local image
  for image in "$@"; do
    if [[ $(docker image inspect -f '{{.Id}}' "$image") != $(docker -H "$socket" image inspect -f '{{.Id}}' "$image" 2>/dev/null || true) ]]; then
      log "copying $image to the second engine"
      docker save "$image" | docker -H "$socket" load >/dev/null
    fi
  done
  log "answering on $socket and tcp://127.0.0.1:$port (TLS)"
}

case ${1:-} in
  start) [[ $# -ge 3 ]] || die 'usage: second-engine.sh start DIR PORT IMAGE...'; shift; start "$@" ;;
  stop) [[ $# -eq 2 ]] || die 'usage: second-engine.sh stop DIR'; stop "$2" ;;
  *) die 'usage: second-engine.sh start DIR PORT IMAGE... | stop DIR' ;;
esac
