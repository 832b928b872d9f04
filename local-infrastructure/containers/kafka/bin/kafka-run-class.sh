#!/usr/bin/env bash
# Runs a class from the broker's jars, as Kafka's own script of this name does; tools log warnings only.
exec java ${KAFKA_OPTS:-} -Dlog4j2.configurationFile=${KAFKA_LOG4J_CONFIG:-/opt/kafka/config/tools-log4j2.properties} -cp '/opt/kafka/libs/*' "$@"
