#!/usr/bin/env bash
# The store tests start a real PostgreSQL server (tests/pgserver.py). Install Debian's package
# when its binaries are missing; the tests start and stop their own server, never the system one.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null; then
    exit 0
fi
if [ "${LEAKWATCH_TEST_PG:-1}" = "0" ]; then
    exit 0
fi
echo "installing PostgreSQL (Debian package) for the store tests ..." >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
# The package starts a system cluster; the tests do not need it.
$SUDO service postgresql stop >/dev/null 2>&1 || true
