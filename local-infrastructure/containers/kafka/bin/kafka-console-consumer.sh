#!/usr/bin/env bash
exec kafka-run-class.sh org.apache.kafka.tools.consumer.ConsoleConsumer "$@"
