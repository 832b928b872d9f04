#!/usr/bin/env bash
# Builds local stand-ins for the public images Caravan runs on, for a machine whose Docker engine reaches no image
# registry, and tags them with the public names so that docker-compose.yml and Testcontainers use them unchanged:
#   eclipse-temurin:17-jre  Debian's OpenJDK 17 JRE            postgres:15       Debian's PostgreSQL 15
#   apache/kafka:<version>  Kafka's jars from Maven Central
#   alpine:3.17             the Debian base (Testcontainers runs its start-up check in it)
# Each carries the label org.caravan.substitute-for. Needs root, debootstrap and a Debian mirror.
# Usage: build-local-base-images.sh [--force]   (without --force, images already present are kept)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mirror="${CARAVAN_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
force=false
[ "${1:-}" = --force ] && force=true

present() { [ "$force" = false ] && docker image inspect "$1" >/dev/null 2>&1; }
build() { # tag, folder, build arguments...
  local tag="$1" folder="$2"; shift 2
  if present "$tag"; then echo "kept   $tag"; return; fi
  local log; log="$(mktemp)"
  if ! docker build --network host -t "$tag" "$@" "$here/$folder" >"$log" 2>&1; then
    cat "$log" >&2; echo "could not build $tag" >&2; exit 1
  fi
  rm -f "$log"; echo "built  $tag"
}

if ! present caravan-local/debian:bookworm; then
  rootfs="$(mktemp -d)"
  trap 'rm -rf "$rootfs"' EXIT
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
  chmod 755 "$rootfs" # the image's root folder; mktemp made it private
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'ENV LANG=C.UTF-8' \
    - caravan-local/debian:bookworm >/dev/null
  echo "built  caravan-local/debian:bookworm"
fi
docker tag caravan-local/debian:bookworm alpine:3.17

kafka_version="$("$root/mvnw" -q -f "$root/pom.xml" -N help:evaluate -Dexpression=kafka.version -DforceStdout)"
"$root/mvnw" -q -B -f "$here/kafka/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory=target/libs

build eclipse-temurin:17-jre jre
build postgres:15 postgres
build "apache/kafka:$kafka_version" kafka
