#!/usr/bin/env bash
# Builds, without any container registry, three local images that honour the
# environment-variable contract of public Kafka images:
#
#   kafka-dev-local/cp-zookeeper:7.9   stands in for confluentinc/cp-zookeeper:7.9.x
#   kafka-dev-local/cp-kafka:7.9       stands in for confluentinc/cp-kafka:7.9.x (Apache Kafka 3.9)
#   kafka-dev-local/apache-kafka:4.4   stands in for apache/kafka:4.4.x (Apache Kafka 4.4)
#   kafka-dev-local/cp-kafka-connect:7.9 stands in for confluentinc/cp-kafka-connect:7.9.x
#                                      (Kafka Connect at the cp-* stand-ins' Kafka version)
#   kafka-dev-local/apicurio-registry:2.4 stands in for apicurio/apicurio-registry (2.x, in memory):
#                                      the Quarkus build of apicurio-registry/pom.xml
#
# Steps (each cached, see README.md):
#   1. Debian rootfs with OpenJDK 17 (debootstrap) -> `docker import` -> base image
#   2. Kafka jars from Maven Central (mvn dependency:copy-dependencies): pom.xml
#      (3.9, cp-*) and apache-kafka/pom.xml (4.4), each in its own cache directory
#   3. `docker build` of the two targets of Dockerfile, and of apache-kafka/Dockerfile
#
# Usage: bash test/images/build.sh [--force] [cp-zookeeper|cp-kafka|apache-kafka|cp-kafka-connect|apicurio-registry ...]
#        (no image names: all of them)
# Env:   KAFKA_DEV_CACHE_DIR      cache for rootfs tarball, jars, Maven repo (default /var/cache/kafka-dev)
#        KAFKA_DEV_IMAGES_FORCE=1 rebuild the images even when their recipe hash matches
#        DEBIAN_MIRROR            mirror for debootstrap (default: first URIs: of the apt sources)
set -o errexit -o nounset -o pipefail

# Versions (part of the recipe hash).
KAFKA_VERSION=3.9.2        # cp-* stand-ins: the last Kafka with ZooKeeper
CP_TAG=7.9
APACHE_KAFKA_VERSION=4.4.0 # apache-kafka stand-in: newest 4.4.x on Maven Central
APACHE_TAG=4.4
DEBIAN_SUITE=bookworm
BASE_PACKAGES=openjdk-17-jre-headless,netbase
BASE_RECIPE_REV=1 # bump when the rootfs preparation below changes
APICURIO_TAG=2.4   # apicurio-registry stand-in: the version is apicurio-registry/pom.xml's

ZOOKEEPER_IMAGE="kafka-dev-local/cp-zookeeper:${CP_TAG}"
KAFKA_IMAGE="kafka-dev-local/cp-kafka:${CP_TAG}"
CONNECT_IMAGE="kafka-dev-local/cp-kafka-connect:${CP_TAG}"
APACHE_IMAGE="kafka-dev-local/apache-kafka:${APACHE_TAG}"
APICURIO_IMAGE="kafka-dev-local/apicurio-registry:${APICURIO_TAG}"
BASE_REPO=kafka-dev-local/base-${DEBIAN_SUITE}-jre17
HASH_LABEL=dev.kafka-dev.recipe-hash

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE_DIR=${KAFKA_DEV_CACHE_DIR:-/var/cache/kafka-dev}
FORCE=${KAFKA_DEV_IMAGES_FORCE:-0}
WANT_CP=0 WANT_APACHE=0 WANT_CONNECT=0 WANT_APICURIO=0
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    cp-zookeeper | cp-kafka | cp) WANT_CP=1 ;; # the two cp-* images are built together
    apache-kafka | apache) WANT_APACHE=1 ;;
    cp-kafka-connect | connect) WANT_CONNECT=1 ;;
    apicurio-registry | apicurio) WANT_APICURIO=1 ;;
    *) printf '[images] ERROR: unknown argument %s (usage: build.sh [--force] [cp-zookeeper|cp-kafka|apache-kafka|cp-kafka-connect|apicurio-registry ...])\n' "$arg" >&2; exit 2 ;;
  esac
done
if [[ $WANT_CP == 0 && $WANT_APACHE == 0 && $WANT_CONNECT == 0 && $WANT_APICURIO == 0 ]]; then WANT_CP=1 WANT_APACHE=1 WANT_CONNECT=1 WANT_APICURIO=1; fi

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
# cp-* recipe: every file in this folder except README.md, apache-kafka/, cp-kafka-connect/ and apicurio-registry/, plus versions.
# apache-kafka recipe: every file in apache-kafka/ plus this script, plus versions.
# cp-kafka-connect recipe: every file in cp-kafka-connect/ and rootfs/common/ plus this script, plus versions.
# apicurio-registry recipe: every file in apicurio-registry/ plus this script, plus the base's versions.
# So editing one image's files rebuilds only that image.
VERSIONS="kafka=${KAFKA_VERSION} cp=${CP_TAG} suite=${DEBIAN_SUITE} packages=${BASE_PACKAGES} base-rev=${BASE_RECIPE_REV}"
APACHE_VERSIONS="kafka=${APACHE_KAFKA_VERSION} tag=${APACHE_TAG} suite=${DEBIAN_SUITE} packages=${BASE_PACKAGES} base-rev=${BASE_RECIPE_REV}"
RECIPE_HASH=$(
  cd "$HERE"
  {
    find . \( -path ./apache-kafka -o -path ./cp-kafka-connect -o -path ./apicurio-registry \) -prune -o -type f ! -name README.md -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    echo "$VERSIONS"
  } | sha
)
APACHE_RECIPE_HASH=$(
  cd "$HERE"
  {
    find ./apache-kafka ./build.sh -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    echo "$APACHE_VERSIONS"
  } | sha
)
CONNECT_RECIPE_HASH=$(
  cd "$HERE"
  {
    find ./cp-kafka-connect ./rootfs/common ./build.sh -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    echo "$VERSIONS"
  } | sha
)
APICURIO_VERSIONS="tag=${APICURIO_TAG} suite=${DEBIAN_SUITE} packages=${BASE_PACKAGES} base-rev=${BASE_RECIPE_REV}"
APICURIO_RECIPE_HASH=$(
  cd "$HERE"
  {
    find ./apicurio-registry ./build.sh -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    echo "$APICURIO_VERSIONS"
  } | sha
)
# The registry's Quarkus build depends on its Maven project only.
APICURIO_APP_HASH=$(cd "$HERE" && find ./apicurio-registry -type f ! -name Dockerfile -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha)
BASE_HASH=$(printf 'suite=%s packages=%s rev=%s\n' "$DEBIAN_SUITE" "$BASE_PACKAGES" "$BASE_RECIPE_REV" | sha)
JARS_HASH=$({ cat "$HERE/pom.xml"; echo "kafka=${KAFKA_VERSION}"; } | sha)
APACHE_JARS_HASH=$({ cat "$HERE/apache-kafka/pom.xml"; echo "kafka=${APACHE_KAFKA_VERSION}"; } | sha)
CONNECT_JARS_HASH=$({ cat "$HERE/cp-kafka-connect/pom.xml"; echo "kafka=${KAFKA_VERSION}"; } | sha)

# ---------------------------------------------------------------- fast path
NEED_CP=0 NEED_APACHE=0 NEED_CONNECT=0 NEED_APICURIO=0
if [[ $WANT_CP == 1 ]] && { [[ $FORCE == 1 ]] ||
  [[ $(label_of "$ZOOKEEPER_IMAGE") != "$RECIPE_HASH" ]] ||
  [[ $(label_of "$KAFKA_IMAGE") != "$RECIPE_HASH" ]]; }; then
  NEED_CP=1
fi
if [[ $WANT_APACHE == 1 ]] && { [[ $FORCE == 1 ]] ||
  [[ $(label_of "$APACHE_IMAGE") != "$APACHE_RECIPE_HASH" ]]; }; then
  NEED_APACHE=1
fi
if [[ $WANT_CONNECT == 1 ]] && { [[ $FORCE == 1 ]] ||
  [[ $(label_of "$CONNECT_IMAGE") != "$CONNECT_RECIPE_HASH" ]]; }; then
  NEED_CONNECT=1
fi
if [[ $WANT_APICURIO == 1 ]] && { [[ $FORCE == 1 ]] ||
  [[ $(label_of "$APICURIO_IMAGE") != "$APICURIO_RECIPE_HASH" ]]; }; then
  NEED_APICURIO=1
fi
reused=""
if [[ $WANT_CP == 1 && $NEED_CP == 0 ]]; then
  reused+=" $ZOOKEEPER_IMAGE and $KAFKA_IMAGE (recipe hash ${RECIPE_HASH:0:12} matches)"
fi
if [[ $WANT_APACHE == 1 && $NEED_APACHE == 0 ]]; then
  reused+="${reused:+;} $APACHE_IMAGE (recipe hash ${APACHE_RECIPE_HASH:0:12} matches)"
fi
if [[ $WANT_CONNECT == 1 && $NEED_CONNECT == 0 ]]; then
  reused+="${reused:+;} $CONNECT_IMAGE (recipe hash ${CONNECT_RECIPE_HASH:0:12} matches)"
fi
if [[ $WANT_APICURIO == 1 && $NEED_APICURIO == 0 ]]; then
  reused+="${reused:+;} $APICURIO_IMAGE (recipe hash ${APICURIO_RECIPE_HASH:0:12} matches)"
fi
if [[ $NEED_CP == 0 && $NEED_APACHE == 0 && $NEED_CONNECT == 0 && $NEED_APICURIO == 0 ]]; then
  log "reusing$reused in $(since "$T0")"
  exit 0
fi
[[ -n $reused ]] && log "reusing$reused"

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
# fetch_jars POM VERSION DIR LOGNAME [JAR]: the runtime jars of POM into DIR (once);
# JAR (default kafka_2.13-VERSION.jar) must be among them.
fetch_jars() {
  local pom=$1 version=$2 dir=$3 logf="$CACHE_DIR/tmp/$4" jar=${5:-kafka_2.13-$2.jar} t
  if [[ -f $dir/.complete ]]; then
    log "jars cached: $dir"
    return 0
  fi
  command -v mvn >/dev/null || die "mvn is missing (apt-get install -y maven)"
  t=$(now)
  rm -rf "$dir"
  log "fetching Kafka $version jars with Maven ..."
  if ! mvn -B -q -f "$pom" \
    -Dmaven.repo.local="$CACHE_DIR/m2" \
    -Dkafka.version="$version" \
    -DincludeScope=runtime \
    -DoutputDirectory="$dir" \
    dependency:copy-dependencies >"$logf" 2>&1; then
    tail -n 30 "$logf" >&2
    die "mvn dependency:copy-dependencies failed (full log: $logf)"
  fi
  [[ -f $dir/$jar ]] || die "$jar missing from $dir"
  touch "$dir/.complete"
  log "$(find "$dir" -name '*.jar' | wc -l) jars ($(du -sh "$dir" | cut -f1)) in $(since "$t")"
}
JARS_DIR="$CACHE_DIR/jars/kafka-${KAFKA_VERSION}-${JARS_HASH:0:12}"
APACHE_JARS_DIR="$CACHE_DIR/jars/kafka-${APACHE_KAFKA_VERSION}-${APACHE_JARS_HASH:0:12}"
[[ $NEED_CP == 1 ]] && fetch_jars "$HERE/pom.xml" "$KAFKA_VERSION" "$JARS_DIR" mvn.log
[[ $NEED_APACHE == 1 ]] && fetch_jars "$HERE/apache-kafka/pom.xml" "$APACHE_KAFKA_VERSION" "$APACHE_JARS_DIR" mvn-apache-kafka.log
CONNECT_JARS_DIR="$CACHE_DIR/jars/connect-${KAFKA_VERSION}-${CONNECT_JARS_HASH:0:12}"
[[ $NEED_CONNECT == 1 ]] && fetch_jars "$HERE/cp-kafka-connect/pom.xml" "$KAFKA_VERSION" "$CONNECT_JARS_DIR" mvn-cp-kafka-connect.log "connect-runtime-$KAFKA_VERSION.jar"

# The registry is no set of jars to copy but a Quarkus application, built (once) from the
# published Apicurio jars by the Quarkus build, in a copy of its Maven project.
APICURIO_APP_DIR="$CACHE_DIR/jars/apicurio-registry-${APICURIO_APP_HASH:0:12}"
if [[ $NEED_APICURIO == 1 && ! -f $APICURIO_APP_DIR/.complete ]]; then
  command -v mvn >/dev/null || die "mvn is missing (apt-get install -y maven)"
  t=$(now)
  logf="$CACHE_DIR/tmp/mvn-apicurio-registry.log"
  project=$(mktemp -d "$CACHE_DIR/tmp/apicurio-registry.XXXXXX")
  cp -a "$HERE/apicurio-registry/." "$project/"
  log "building Apicurio Registry with Maven and Quarkus ..."
  if ! mvn -B -q -f "$project/pom.xml" -Dmaven.repo.local="$CACHE_DIR/m2" package >"$logf" 2>&1; then
    tail -n 30 "$logf" >&2
    die "mvn package of apicurio-registry failed (full log: $logf)"
  fi
  rm -rf "$APICURIO_APP_DIR"
  mkdir -p "$APICURIO_APP_DIR"
  mv "$project/target/apicurio-registry-stand-in-1-runner.jar" "$APICURIO_APP_DIR/apicurio-registry-app-runner.jar"
  mv "$project/target/lib" "$APICURIO_APP_DIR/lib"
  rm -rf "$project"
  touch "$APICURIO_APP_DIR/.complete"
  log "Apicurio Registry ($(du -sh "$APICURIO_APP_DIR" | cut -f1)) in $(since "$t")"
elif [[ $NEED_APICURIO == 1 ]]; then
  log "Apicurio Registry build cached: $APICURIO_APP_DIR"
fi

# ---------------------------------------------------------------- 3. images
ctx=""
trap 'if [[ -n $ctx ]]; then rm -rf "$ctx"; fi' EXIT
new_context() {
  ctx=$(mktemp -d "$CACHE_DIR/tmp/context.XXXXXX")
}
link_jars() { # FROM TO
  mkdir -p "$2"
  cp -l "$1"/*.jar "$2/" 2>/dev/null || cp "$1"/*.jar "$2/"
}

# build_image IMAGE LOGNAME RECIPE_HASH KAFKA_VERSION STANDS_IN_FOR [docker build args...]
build_image() {
  local image=$1 logf="$CACHE_DIR/tmp/build-$2.log" hash=$3 version=$4 stands_in_for=$5 old
  shift 5
  old=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
  log "building $image ..."
  if ! docker build --quiet "$@" \
    --build-arg BASE_IMAGE="$BASE_IMAGE" \
    --label "$HASH_LABEL=$hash" \
    --label "dev.kafka-dev.kafka-version=$version" \
    --label "dev.kafka-dev.stands-in-for=$stands_in_for" \
    -t "$image" "$ctx" >"$logf" 2>&1; then
    cat "$logf" >&2
    die "docker build of $image failed"
  fi
  # Drop the image this tag pointed to before, if nothing else uses it.
  if [[ -n $old && $old != "$(docker image inspect -f '{{.Id}}' "$image")" ]]; then
    docker rmi "$old" >/dev/null 2>&1 || true
  fi
}

if [[ $NEED_CP == 1 ]]; then
  t=$(now)
  new_context
  cp -a "$HERE/Dockerfile" "$HERE/rootfs" "$ctx/"
  link_jars "$JARS_DIR" "$ctx/jars"
  build_image "$ZOOKEEPER_IMAGE" zookeeper "$RECIPE_HASH" "$KAFKA_VERSION" "confluentinc/cp-zookeeper:$CP_TAG.x" --target zookeeper
  build_image "$KAFKA_IMAGE" kafka "$RECIPE_HASH" "$KAFKA_VERSION" "confluentinc/cp-kafka:$CP_TAG.x" --target kafka
  rm -rf "$ctx"
  ctx=""
  log "built $ZOOKEEPER_IMAGE and $KAFKA_IMAGE (recipe hash ${RECIPE_HASH:0:12}) in $(since "$t")"
fi

if [[ $NEED_APACHE == 1 ]]; then
  t=$(now)
  new_context
  cp -a "$HERE/apache-kafka/Dockerfile" "$HERE/apache-kafka/rootfs" "$ctx/"
  link_jars "$APACHE_JARS_DIR" "$ctx/libs"
  # Every main class named in tools.txt must be in the jars (the names moved
  # between Kafka versions). python3 comes with docker-compose; skip without it.
  if command -v python3 >/dev/null; then
    python3 - "$HERE/apache-kafka/tools.txt" "$ctx/libs" <<'PY' || die "tools.txt names classes that are not in the Kafka $APACHE_KAFKA_VERSION jars"
import glob, os, sys, zipfile
names = set()
for jar in glob.glob(os.path.join(sys.argv[2], "*.jar")):
    with zipfile.ZipFile(jar) as z:
        names.update(z.namelist())
missing = []
for line in open(sys.argv[1]):
    fields = line.split()
    if fields and not fields[0].startswith("#"):
        if fields[1].replace(".", "/") + ".class" not in names:
            missing.append(fields[1])
if missing:
    print("[images] missing classes: " + " ".join(missing), file=sys.stderr)
    sys.exit(1)
PY
  fi
  # One launcher per tools.txt line, like the distribution's bin/*.sh one-liners.
  while read -r name class heap; do
    [[ -z $name || $name == \#* ]] && continue
    {
      echo '#!/usr/bin/env bash'
      echo "# Apache Kafka ${APACHE_TAG} bin/$name (written by test/images/build.sh from apache-kafka/tools.txt)"
      if [[ -n $heap ]]; then
        echo 'if [ -z "${KAFKA_HEAP_OPTS-}" ]; then'
        echo "  export KAFKA_HEAP_OPTS=\"-Xmx$heap\""
        echo 'fi'
      fi
      echo "exec \"\$(dirname \"\$0\")/kafka-run-class.sh\" $class \"\$@\""
    } >"$ctx/rootfs/opt/kafka/bin/$name"
    chmod 0755 "$ctx/rootfs/opt/kafka/bin/$name"
  done <"$HERE/apache-kafka/tools.txt"
  build_image "$APACHE_IMAGE" apache-kafka "$APACHE_RECIPE_HASH" "$APACHE_KAFKA_VERSION" "apache/kafka:$APACHE_TAG.x"
  rm -rf "$ctx"
  ctx=""
  log "built $APACHE_IMAGE (recipe hash ${APACHE_RECIPE_HASH:0:12}) in $(since "$t")"
fi
if [[ $NEED_CONNECT == 1 ]]; then
  t=$(now)
  new_context
  cp -a "$HERE/cp-kafka-connect/Dockerfile" "$ctx/"
  mkdir -p "$ctx/rootfs" "$ctx/filestream"
  cp -a "$HERE/rootfs/common/." "$HERE/cp-kafka-connect/rootfs/." "$ctx/rootfs/"
  link_jars "$CONNECT_JARS_DIR" "$ctx/jars"
  # The FileStream connectors are a plugin (plugin.path), not part of the runtime.
  mv "$ctx/jars/connect-file-$KAFKA_VERSION.jar" "$ctx/filestream/"
  build_image "$CONNECT_IMAGE" cp-kafka-connect "$CONNECT_RECIPE_HASH" "$KAFKA_VERSION" "confluentinc/cp-kafka-connect:$CP_TAG.x"
  rm -rf "$ctx"
  ctx=""
  log "built $CONNECT_IMAGE (recipe hash ${CONNECT_RECIPE_HASH:0:12}) in $(since "$t")"
fi
if [[ $NEED_APICURIO == 1 ]]; then
  t=$(now)
  new_context
  cp -a "$HERE/apicurio-registry/Dockerfile" "$ctx/"
  cp -al "$APICURIO_APP_DIR" "$ctx/app" 2>/dev/null || cp -a "$APICURIO_APP_DIR" "$ctx/app"
  rm -f "$ctx/app/.complete"
  # Its one RUN needs no network (nor the engine's default bridge).
  build_image "$APICURIO_IMAGE" apicurio-registry "$APICURIO_RECIPE_HASH" "" "apicurio/apicurio-registry:$APICURIO_TAG.x" --network none
  rm -rf "$ctx"
  ctx=""
  log "built $APICURIO_IMAGE (recipe hash ${APICURIO_RECIPE_HASH:0:12}) in $(since "$t")"
fi
trap - EXIT

log "done in $(since "$T0")"
