# Helpers standing in for Confluent's `dub`/`cub`/`ub` utilities (which need
# Python or Go and are not available here). Sourced by configure/ensure.
# Messages follow dub's wording so logs read the same as the public images.

# kd_ensure VAR: fail when VAR is unset or empty (dub ensure).
kd_ensure() {
  if [[ -z "${!1-}" ]]; then
    echo "$1 is required." >&2
    echo "Command [dub ensure $1] FAILED !" >&2
    exit 1
  fi
}

# kd_ensure_atleast_one VAR...: fail unless at least one VAR is non-empty.
kd_ensure_atleast_one() {
  local v
  for v in "$@"; do
    [[ -n "${!v-}" ]] && return 0
  done
  local IFS=,
  echo "one of ($*) is required." >&2
  IFS=' '
  echo "Command [dub ensure-atleast-one $*] FAILED !" >&2
  exit 1
}

# kd_path PATH MODE: MODE is writable|readable|executable|exists (dub path).
kd_path() {
  local ok=1
  case "$2" in
    writable) [[ -w "$1" ]] || ok=0 ;;
    readable) [[ -r "$1" ]] || ok=0 ;;
    executable) [[ -x "$1" ]] || ok=0 ;;
    exists) [[ -e "$1" ]] || ok=0 ;;
    *) echo "kd_path: unknown mode $2" >&2; exit 2 ;;
  esac
  if [[ $ok == 0 ]]; then
    echo "Command [dub path $1 $2] FAILED !" >&2
    exit 1
  fi
}

# kd_listeners ADVERTISED: NAME://host:port,... -> NAME://0.0.0.0:port,... (cub listeners).
kd_listeners() {
  local out=() l
  local -a parts
  IFS=, read -ra parts <<<"$1"
  for l in "${parts[@]}"; do
    l="${l#"${l%%[![:space:]]*}"}"
    l="${l%"${l##*[![:space:]]}"}"
    [[ -z $l ]] && continue
    out+=("${l%%://*}://0.0.0.0:${l##*:}")
  done
  local IFS=,
  echo "${out[*]}"
}

# kd_env_to_props PREFIX PROP_PREFIX [EXCLUDE_GLOB...]
# Every environment variable starting with PREFIX (and matching no exclude
# glob) becomes "name=value": strip PREFIX, lower-case, then '___' -> '-',
# '__' -> '_', '_' -> '.' (env_to_props in confluent-docker-utils dub.py).
kd_env_to_props() {
  local prefix=$1 prop_prefix=$2 name prop pat skip
  shift 2
  while IFS= read -r name; do
    [[ $name == "$prefix"* ]] || continue
    skip=0
    for pat in "$@"; do
      # shellcheck disable=SC2053  # glob match on purpose
      if [[ $name == $pat ]]; then skip=1; break; fi
    done
    [[ $skip == 1 ]] && continue
    prop=${name#"$prefix"}
    prop=${prop,,}
    prop=${prop//_/.}
    prop=${prop//.../-}
    prop=${prop//../_}
    printf '%s%s=%s\n' "$prop_prefix" "$prop" "${!name}"
  done < <(compgen -e | LC_ALL=C sort)
}

# kd_log4j_loggers "a=INFO,b=WARN" OVERRIDES: prints log4j.logger lines for the
# defaults (first argument) merged with the overrides (parse_log4j_loggers).
kd_log4j_loggers() {
  local -A level=()
  local -a order=()
  local item k
  local -a items
  IFS=, read -ra items <<<"$1,${2-}"
  for item in "${items[@]}"; do
    [[ $item == *=* ]] || continue
    k=${item%%=*}
    [[ -n ${level[$k]+x} ]] || order+=("$k")
    level[$k]=${item#*=}
  done
  for k in "${order[@]}"; do
    printf 'log4j.logger.%s=%s\n' "$k" "${level[$k]}"
  done
}

# kd_write_tools_log4j FILE LEVEL: quiet tool logging, on stderr only.
kd_write_tools_log4j() {
  cat >"$1.tmp" <<EOT
log4j.rootLogger=$2, stderr

log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.appender.stderr.Target=System.err
EOT
  mv -f "$1.tmp" "$1"
}

# kd_zk_ready CONNECT TIMEOUT_SECONDS: wait until one server of a ZooKeeper
# connect string (host:port,...[/chroot]) answers the `srvr` four-letter word
# as a serving member (stands in for `cub zk-ready`).
kd_zk_ready() {
  local connect=${1%%/*} timeout=$2 hp host port out
  local -a servers
  local deadline=$((SECONDS + ${timeout%.*}))
  IFS=, read -ra servers <<<"$connect"
  while :; do
    for hp in "${servers[@]}"; do
      hp="${hp// /}"
      [[ -z $hp ]] && continue
      if [[ $hp == *:* ]]; then host=${hp%:*} port=${hp##*:}; else host=$hp port=2181; fi
      host=${host#[}; host=${host%]}
      out=$(timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf srvr >&3 && cat <&3' "$host" "$port" 2>/dev/null) || true
      if [[ $out == *"Zookeeper version"* ]]; then
        return 0
      fi
    done
    if ((SECONDS >= deadline)); then
      echo "Zookeeper is not ready: no server of $1 answered 'srvr' within ${timeout}s." >&2
      echo "Command [cub zk-ready $1 $timeout] FAILED !" >&2
      return 1
    fi
    sleep 1
  done
}

# kd_jmx_setup: JMX options as in the public images' launch scripts.
kd_jmx_setup() {
  if [ -z "${KAFKA_JMX_OPTS-}" ]; then
    export KAFKA_JMX_OPTS="-Dcom.sun.management.jmxremote=true -Dcom.sun.management.jmxremote.authenticate=false  -Dcom.sun.management.jmxremote.ssl=false "
  fi
  KAFKA_JMX_HOSTNAME=${KAFKA_JMX_HOSTNAME:-$(hostname -i 2>/dev/null | cut -d" " -f1)}
  export KAFKA_JMX_HOSTNAME
  if [ -n "${KAFKA_JMX_PORT-}" ]; then
    export JMX_PORT=$KAFKA_JMX_PORT
    export KAFKA_JMX_OPTS="${KAFKA_JMX_OPTS-} -Djava.rmi.server.hostname=$KAFKA_JMX_HOSTNAME -Dcom.sun.management.jmxremote.local.only=false -Dcom.sun.management.jmxremote.rmi.port=$JMX_PORT -Dcom.sun.management.jmxremote.port=$JMX_PORT"
  fi
}
