#!/usr/bin/env bash
# Install the system packages the test suite needs (Debian/Ubuntu): Chromium for the
# browser tests, Node.js/npm for the axe-core accessibility check, PostgreSQL for the
# tracker-store test, and Redis and HAProxy for the scale-out test (the tests start their own
# throw-away servers; nothing runs as a service).
# Idempotent: does nothing when everything is already there.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/sbin/haproxy ] || command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Please install: ${missing[*]} (needed by the tests)." >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "Please install as root: apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
