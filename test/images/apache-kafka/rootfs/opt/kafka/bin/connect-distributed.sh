#!/usr/bin/env bash
# connect-distributed.sh [-daemon] connect-distributed.properties
# As Apache Kafka 4.4's script: worker logging from config/connect-log4j2.yaml,
# heap -Xms256M -Xmx2G unless KAFKA_HEAP_OPTS is set, then ConnectDistributed.
if [ $# -lt 1 ]; then
  echo "USAGE: $0 [-daemon] connect-distributed.properties"
  exit 1
fi
base_dir=$(dirname "$0")

if [ -z "${KAFKA_LOG4J_OPTS-}" ]; then
  export KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=$base_dir/../config/connect-log4j2.yaml"
fi

if [ -z "${KAFKA_HEAP_OPTS-}" ]; then
  export KAFKA_HEAP_OPTS="-Xms256M -Xmx2G"
fi

EXTRA_ARGS=${EXTRA_ARGS-'-name connectDistributed'}

if [ "$1" = "-daemon" ]; then
  EXTRA_ARGS="-daemon $EXTRA_ARGS"
  shift
fi

# shellcheck disable=SC2086
exec "$base_dir/kafka-run-class.sh" $EXTRA_ARGS org.apache.kafka.connect.cli.ConnectDistributed "$@"
