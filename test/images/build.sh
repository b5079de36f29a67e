#!/usr/bin/env bash
# Builds, without any container registry, two local images that honour the
# environment-variable contract of the public Confluent Platform 7.9 images:
#
#   kafka-dev-local/cp-zookeeper:7.9   stands in for confluentinc/cp-zookeeper:7.9.x
#   kafka-dev-local/cp-kafka:7.9       stands in for confluentinc/cp-kafka:7.9.x (Apache Kafka 3.9)
#
# Steps (each cached, see README.md):
#   1. Debian rootfs with OpenJDK 17 (debootstrap) -> `docker import` -> base image
#   2. Kafka jars from Maven Central (mvn dependency:copy-dependencies, pom.xml)
#   3. `docker build` of the two targets of Dockerfile
#
# Usage: bash test/images/build.sh [--force]
# Env:   KAFKA_DEV_CACHE_DIR      cache for rootfs tarball, jars, Maven repo (default /var/cache/kafka-dev)
#        KAFKA_DEV_IMAGES_FORCE=1 rebuild the two images even when their recipe hash matches
#        DEBIAN_MIRROR            mirror for debootstrap (default: first URIs: of the apt sources)
set -o errexit -o nounset -o pipefail

# Versions (part of the recipe hash).
KAFKA_VERSION=3.9.1
CP_TAG=7.9
DEBIAN_SUITE=bookworm
BASE_PACKAGES=openjdk-17-jre-headless,netbase
BASE_RECIPE_REV=1 # bump when the rootfs preparation below changes

ZOOKEEPER_IMAGE="kafka-dev-local/cp-zookeeper:${CP_TAG}"
KAFKA_IMAGE="kafka-dev-local/cp-kafka:${CP_TAG}"
BASE_REPO=kafka-dev-local/base-${DEBIAN_SUITE}-jre17
HASH_LABEL=dev.kafka-dev.recipe-hash

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE_DIR=${KAFKA_DEV_CACHE_DIR:-/var/cache/kafka-dev}
FORCE=${KAFKA_DEV_IMAGES_FORCE:-0}
[[ ${1-} == --force ]] && FORCE=1

export DOCKER_BUILDKIT=${DOCKER_BUILDKIT:-0} # the classic builder needs no buildx plugin

log() { printf '[images] %s\n' "$*" >&2; }
die() { printf '[images] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }
sha() { sha256sum | cut -d' ' -f1; }
label_of() { docker image inspect -f "{{ index .Config.Labels \"$HASH_LABEL\" }}" "$1" 2>/dev/null || true; }

T0=$(now)
docker info >/dev/null 2>&1 ||
  die "docker does not answer ('docker info' failed); start the engine first (e.g. bash .ci/docker-engine.sh)"

# ---------------------------------------------------------------- hashes
# Image recipe: every file under test/images except this README, plus versions.
VERSIONS="kafka=${KAFKA_VERSION} cp=${CP_TAG} suite=${DEBIAN_SUITE} packages=${BASE_PACKAGES} base-rev=${BASE_RECIPE_REV}"
RECIPE_HASH=$(
  cd "$HERE"
  {
    find . -type f ! -name README.md -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    echo "$VERSIONS"
  } | sha
)
BASE_HASH=$(printf 'suite=%s packages=%s rev=%s\n' "$DEBIAN_SUITE" "$BASE_PACKAGES" "$BASE_RECIPE_REV" | sha)
JARS_HASH=$({ cat "$HERE/pom.xml"; echo "kafka=${KAFKA_VERSION}"; } | sha)

# ---------------------------------------------------------------- fast path
if [[ $FORCE != 1 ]] &&
  [[ $(label_of "$ZOOKEEPER_IMAGE") == "$RECIPE_HASH" ]] &&
  [[ $(label_of "$KAFKA_IMAGE") == "$RECIPE_HASH" ]]; then
  log "reusing $ZOOKEEPER_IMAGE and $KAFKA_IMAGE (recipe hash ${RECIPE_HASH:0:12} matches) in $(since "$T0")"
  exit 0
fi

mkdir -p "$CACHE_DIR"/{rootfs,jars,m2,tmp}
# One build at a time per cache directory.
exec 9>"$CACHE_DIR/.build.lock"
flock 9

# ---------------------------------------------------------------- 1. base image
BASE_IMAGE="${BASE_REPO}:${BASE_HASH:0:12}"
ROOTFS_TAR="$CACHE_DIR/rootfs/${DEBIAN_SUITE}-jre17-${BASE_HASH:0:12}.tar"
if [[ $(label_of "$BASE_IMAGE") == "$BASE_HASH" ]]; then
  log "base image $BASE_IMAGE present"
else
  if [[ ! -s $ROOTFS_TAR ]]; then
    command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install -y debootstrap, or bash .ci/docker-engine.sh)"
    [[ $(id -u) == 0 ]] || die "debootstrap needs root to build the base rootfs"
    mirror=${DEBIAN_MIRROR:-}
    if [[ -z $mirror && -r /etc/apt/sources.list.d/debian.sources ]]; then
      mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
    fi
    if [[ -z $mirror && -r /etc/apt/sources.list ]]; then
      mirror=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' /etc/apt/sources.list)
    fi
    mirror=${mirror:-http://deb.debian.org/debian}
    t=$(now)
    rootfs=$(mktemp -d "$CACHE_DIR/tmp/rootfs.XXXXXX")
    trap 'rm -rf "$rootfs"' EXIT
    log "debootstrap $DEBIAN_SUITE (+$BASE_PACKAGES) from $mirror ..."
    if ! debootstrap --variant=minbase --include="$BASE_PACKAGES" "$DEBIAN_SUITE" "$rootfs" "$mirror" \
      >"$CACHE_DIR/tmp/debootstrap.log" 2>&1; then
      tail -n 30 "$CACHE_DIR/tmp/debootstrap.log" >&2
      die "debootstrap failed (full log: $CACHE_DIR/tmp/debootstrap.log)"
    fi
    # Slim down: downloaded .debs, apt lists, docs.
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
      "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
      "$rootfs"/var/log/* "$rootfs"/tmp/*
    tar -C "$rootfs" --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
      -cf "$ROOTFS_TAR.part" .
    mv -f "$ROOTFS_TAR.part" "$ROOTFS_TAR"
    rm -rf "$rootfs"
    trap - EXIT
    log "rootfs tarball $(du -h "$ROOTFS_TAR" | cut -f1) in $(since "$t")"
  else
    log "rootfs tarball cached: $ROOTFS_TAR"
  fi
  t=$(now)
  docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c "LABEL $HASH_LABEL=$BASE_HASH" \
    "$ROOTFS_TAR" "$BASE_IMAGE" >/dev/null
  log "imported $BASE_IMAGE in $(since "$t")"
fi

# ---------------------------------------------------------------- 2. jars
JARS_DIR="$CACHE_DIR/jars/kafka-${KAFKA_VERSION}-${JARS_HASH:0:12}"
if [[ -f $JARS_DIR/.complete ]]; then
  log "jars cached: $JARS_DIR"
else
  command -v mvn >/dev/null || die "mvn is missing (apt-get install -y maven)"
  t=$(now)
  rm -rf "$JARS_DIR"
  log "fetching Kafka $KAFKA_VERSION jars with Maven ..."
  if ! mvn -B -q -f "$HERE/pom.xml" \
    -Dmaven.repo.local="$CACHE_DIR/m2" \
    -Dkafka.version="$KAFKA_VERSION" \
    -DincludeScope=runtime \
    -DoutputDirectory="$JARS_DIR" \
    dependency:copy-dependencies >"$CACHE_DIR/tmp/mvn.log" 2>&1; then
    tail -n 30 "$CACHE_DIR/tmp/mvn.log" >&2
    die "mvn dependency:copy-dependencies failed (full log: $CACHE_DIR/tmp/mvn.log)"
  fi
  [[ -f $JARS_DIR/kafka_2.13-$KAFKA_VERSION.jar ]] || die "kafka_2.13-$KAFKA_VERSION.jar missing from $JARS_DIR"
  touch "$JARS_DIR/.complete"
  log "$(find "$JARS_DIR" -name '*.jar' | wc -l) jars ($(du -sh "$JARS_DIR" | cut -f1)) in $(since "$t")"
fi

# ---------------------------------------------------------------- 3. images
t=$(now)
ctx=$(mktemp -d "$CACHE_DIR/tmp/context.XXXXXX")
trap 'rm -rf "$ctx"' EXIT
cp -a "$HERE/Dockerfile" "$HERE/rootfs" "$ctx/"
mkdir "$ctx/jars"
cp -l "$JARS_DIR"/*.jar "$ctx/jars/" 2>/dev/null || cp "$JARS_DIR"/*.jar "$ctx/jars/"

build_target() { # target image
  local old
  old=$(docker image inspect -f '{{.Id}}' "$2" 2>/dev/null || true)
  log "building $2 (target $1) ..."
  if ! docker build --quiet --target "$1" \
    --build-arg BASE_IMAGE="$BASE_IMAGE" \
    --label "$HASH_LABEL=$RECIPE_HASH" \
    --label "dev.kafka-dev.kafka-version=$KAFKA_VERSION" \
    --label "dev.kafka-dev.stands-in-for=confluentinc/cp-$1:$CP_TAG.x" \
    -t "$2" "$ctx" >"$CACHE_DIR/tmp/build-$1.log" 2>&1; then
    cat "$CACHE_DIR/tmp/build-$1.log" >&2
    die "docker build of $2 failed"
  fi
  # Drop the image this tag pointed to before, if nothing else uses it.
  if [[ -n $old && $old != "$(docker image inspect -f '{{.Id}}' "$2")" ]]; then
    docker rmi "$old" >/dev/null 2>&1 || true
  fi
}
build_target zookeeper "$ZOOKEEPER_IMAGE"
build_target kafka "$KAFKA_IMAGE"
rm -rf "$ctx"
trap - EXIT

log "built $ZOOKEEPER_IMAGE and $KAFKA_IMAGE (recipe hash ${RECIPE_HASH:0:12}) in $(since "$t"); total $(since "$T0")"
