#!/usr/bin/env bash
#
# The project's test command: builds the whole reactor and runs every test it has — unit tests,
# karaf:verify of the features (resolution errors fail the build) and the Pax Exam integration tests
# against the built distribution (distribution/itests).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "${root}"

# ---------------------------------------------------------------------------------------------
# Test prerequisites: set up here, idempotently, whatever the tests need on a fresh machine.
# (Nothing yet. Later: Docker Engine + one-node swarm, a second engine for nano, NATS JetStream.)
# ---------------------------------------------------------------------------------------------

mvn -B install "$@"
