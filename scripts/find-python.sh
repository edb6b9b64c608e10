#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 supports 3.8-3.10 only).
# Looks at $PYTHON, then python3.10 on PATH, then pyenv's versions folder.
set -u

is_310() {
    [ -x "$1" ] || command -v "$1" >/dev/null 2>&1 || return 1
    "$1" -c 'import sys, venv; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1
}

candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
candidates+=(python3.10)
pyenv_root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for dir in "$pyenv_root"/versions/3.10*/bin; do
    [ -d "$dir" ] && candidates+=("$dir/python3.10")
done
candidates+=(/usr/local/bin/python3.10 /usr/bin/python3.10 python3)

for c in "${candidates[@]}"; do
    if is_310 "$c"; then
        command -v "$c"
        exit 0
    fi
done

cat >&2 <<'MSG'
Perhebotti needs Python 3.10 (Rasa Open Source 3.6 runs on Python 3.8-3.10 only),
and none was found on PATH or under pyenv's versions folder.
Install one of these, then run the command again:
  - with pyenv:   pyenv install 3.10
  - on Debian/Ubuntu (where packaged): apt-get install python3.10 python3.10-venv
Or point to an interpreter you have:  make PYTHON=/path/to/python3.10 ...
MSG
exit 1
