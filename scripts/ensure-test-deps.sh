#!/usr/bin/env bash
# Real servers and browsers for the tests, from Debian's packages, installed only when missing:
# PostgreSQL (the store tests start and stop their own throwaway server, never the system one) and
# Chromium (the transparency report is rendered in a real headless browser).
# LEAKWATCH_TEST_PG=0 skips PostgreSQL; LEAKWATCH_TEST_BROWSER=0 skips Chromium.
set -euo pipefail
missing=()
if [ "${LEAKWATCH_TEST_PG:-1}" != "0" ] \
    && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && ! command -v initdb >/dev/null; then
    missing+=(postgresql)
fi
if [ "${LEAKWATCH_TEST_BROWSER:-1}" != "0" ] && ! command -v chromium >/dev/null; then
    missing+=(chromium)
fi
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "installing ${missing[*]} (Debian packages) for the tests ..." >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The postgresql package starts a system cluster; the tests do not need it.
$SUDO service postgresql stop >/dev/null 2>&1 || true
