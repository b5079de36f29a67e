#!/usr/bin/env bash
# kafka-run-class.sh [-daemon] [-name NAME] [-loggc] CLASS [ARGS...]
# Stand-in for Apache Kafka 4.4's bin/kafka-run-class.sh: same environment
# variables and defaults (KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS,
# KAFKA_GC_LOG_OPTS, KAFKA_JMX_OPTS/JMX_PORT, KAFKA_LOG4J_OPTS, KAFKA_OPTS,
# LOG_DIR, CLASSPATH, JAVA_HOME), classpath /opt/kafka/libs/*.jar but connect-file; the JVM is
# exec'd so it keeps the caller's PID.
if [ $# -lt 1 ]; then
  echo "USAGE: $0 [-daemon] [-name servicename] [-loggc] classname [opts]"
  exit 1
fi

base_dir=$(cd "$(dirname "$0")/.." && pwd)

# A CLASSPATH given by the caller comes first (plugins), then the Kafka jars but
# the FileStream connectors, which are a Connect plugin (KAFKA-13748), as upstream.
for file in "$base_dir"/libs/*.jar; do
  case "$file" in
    */connect-file-*.jar) ;;
    *) CLASSPATH="${CLASSPATH:+$CLASSPATH:}$file" ;;
  esac
done

# JMX settings
if [ -z "${KAFKA_JMX_OPTS-}" ]; then
  KAFKA_JMX_OPTS="-Dcom.sun.management.jmxremote -Dcom.sun.management.jmxremote.authenticate=false  -Dcom.sun.management.jmxremote.ssl=false "
fi
if [ -n "${JMX_PORT-}" ]; then
  KAFKA_JMX_OPTS="$KAFKA_JMX_OPTS -Dcom.sun.management.jmxremote.port=$JMX_PORT "
  if ! echo "$KAFKA_JMX_OPTS" | grep -qF -- '-Dcom.sun.management.jmxremote.rmi.port='; then
    KAFKA_JMX_OPTS="$KAFKA_JMX_OPTS -Dcom.sun.management.jmxremote.rmi.port=$JMX_PORT"
  fi
fi

# Log directory
LOG_DIR=${LOG_DIR:-$base_dir/logs}
if [ ! -d "$LOG_DIR" ]; then
  mkdir -p "$LOG_DIR" 2>/dev/null || true
fi

# Log4j 2: tools log to stderr (config/tools-log4j2.yaml) unless told otherwise.
if [ -z "${KAFKA_LOG4J_OPTS-}" ]; then
  KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=$base_dir/config/tools-log4j2.yaml"
elif echo "$KAFKA_LOG4J_OPTS" | grep -qE "log4j\.[^[:space:]]+(\.properties|\.xml)$"; then
  # A log4j 1.x file: log4j 2's compatibility mode reads it (log4j-1.2-api).
  export LOG4J_COMPATIBILITY=true
  echo "DEPRECATED: A Log4j 1.x configuration file has been detected, which is no longer recommended." >&2
fi
KAFKA_LOG4J_OPTS="-Dkafka.logs.dir=$LOG_DIR $KAFKA_LOG4J_OPTS"

# Which java to use
if [ -z "${JAVA_HOME-}" ]; then
  JAVA="java"
else
  JAVA="$JAVA_HOME/bin/java"
fi

# Memory options
if [ -z "${KAFKA_HEAP_OPTS-}" ]; then
  KAFKA_HEAP_OPTS="-Xmx256M"
fi

# JVM performance options (only when the variable is empty, as upstream)
if [ -z "${KAFKA_JVM_PERFORMANCE_OPTS-}" ]; then
  KAFKA_JVM_PERFORMANCE_OPTS="-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true"
fi

DAEMON_NAME=""
DAEMON_MODE="false"
GC_LOG_ENABLED="false"
while [ $# -gt 0 ]; do
  case "$1" in
    -name) DAEMON_NAME=$2; CONSOLE_OUTPUT_FILE=$LOG_DIR/$DAEMON_NAME.out; shift 2 ;;
    -loggc) if [ -z "${KAFKA_GC_LOG_OPTS-}" ]; then GC_LOG_ENABLED="true"; fi; shift ;;
    -daemon) DAEMON_MODE="true"; shift ;;
    *) break ;;
  esac
done

# GC log (Java 9+ unified logging), only with -loggc and no KAFKA_GC_LOG_OPTS
if [ "$GC_LOG_ENABLED" = "true" ]; then
  KAFKA_GC_LOG_OPTS="-Xlog:gc*:file=$LOG_DIR/$DAEMON_NAME-gc.log:time,tags:filecount=32,filesize=100M"
fi

# shellcheck disable=SC2086  # option strings are split on purpose, as upstream
if [ "$DAEMON_MODE" = "true" ]; then
  nohup "$JAVA" $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS ${KAFKA_GC_LOG_OPTS-} $KAFKA_JMX_OPTS $KAFKA_LOG4J_OPTS -cp "$CLASSPATH" ${KAFKA_OPTS-} "$@" >"$CONSOLE_OUTPUT_FILE" 2>&1 </dev/null &
else
  exec "$JAVA" $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS ${KAFKA_GC_LOG_OPTS-} $KAFKA_JMX_OPTS $KAFKA_LOG4J_OPTS -cp "$CLASSPATH" ${KAFKA_OPTS-} "$@"
fi
