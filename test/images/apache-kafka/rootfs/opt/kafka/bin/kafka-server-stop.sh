#!/usr/bin/env bash
# kafka-server-stop.sh [--process.roles ROLES | --node.id ID]
# Sends SIGTERM to the local kafka.Kafka JVM(s), optionally only the ones whose
# config file has the given process.roles or node.id (as Apache Kafka 4.4's script).
# Reads /proc directly: this image has no ps.
SIGNAL=${SIGNAL:-TERM}
filter_key="" filter_value=""
case "${1-}" in
  --process.roles) filter_key=process.roles filter_value=${2-} ;;
  --node.id) filter_key=node.id filter_value=${2-} ;;
  "") ;;
  *) echo "USAGE: $0 [--process.roles ROLES | --node.id ID]" >&2; exit 1 ;;
esac

pids=()
for d in /proc/[0-9]*; do
  [ -r "$d/cmdline" ] || continue
  mapfile -d '' args <"$d/cmdline" 2>/dev/null || continue
  [ "${#args[@]}" -gt 0 ] || continue
  case "${args[0]}" in *java) ;; *) continue ;; esac
  is_kafka=0 config=""
  for ((i = 0; i < ${#args[@]}; i++)); do
    if [ "${args[$i]}" = kafka.Kafka ]; then is_kafka=1; config=${args[$((i + 1))]-}; break; fi
  done
  [ $is_kafka = 1 ] || continue
  if [ -n "$filter_key" ]; then
    value=$(sed -n "s/^${filter_key//./\\.}=//p" "$config" 2>/dev/null | tail -n 1)
    [ "$value" = "$filter_value" ] || continue
  fi
  pids+=("${d#/proc/}")
done

if [ ${#pids[@]} -eq 0 ]; then
  echo "No kafka server to stop"
  exit 1
fi
kill -s "$SIGNAL" "${pids[@]}"
