#!/usr/bin/env bash
# Runs a class from the broker's jars, as Kafka's own script of this name does.
exec java ${KAFKA_OPTS:-} -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties -cp '/opt/kafka/libs/*' "$@"
