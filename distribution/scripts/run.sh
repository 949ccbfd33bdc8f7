#!/usr/bin/env bash
#
# Builds faaskar and runs it in the foreground from the unpacked distribution
# (distribution/assembly/target/assembly). Ctrl-C or system:shutdown stops it.
#
# The gateway (OpenFaaS API) listens on http://127.0.0.1:8080 (etc/io.faaskar.gateway.cfg, or
# FAASKAR_GATEWAY_HOST / FAASKAR_GATEWAY_PORT); its metrics are also on 127.0.0.1:8082/metrics.
# /system/* needs basic auth as user "admin". The password is FAASKAR_ADMIN_PASSWORD when set at
# first start; otherwise one is generated: read it from
#   distribution/assembly/target/assembly/data/faaskar/initial-admin-password
# or type faas:admin-password in the console. Rebuilding replaces the distribution, data/ included.
#
# Arguments are passed to bin/faaskar (e.g. "debug", "clean").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "${root}"

# Always build: a stale distribution would run yesterday's code.
mvn -B -q install -DskipTests

exec "${root}/distribution/assembly/target/assembly/bin/faaskar" "$@"
