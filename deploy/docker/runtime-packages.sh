#!/bin/bash
# Prints the Debian packages that own the shared libraries the given
# executables load, one per line. The Dockerfile runs it in the build stage
# so the runtime stage installs exactly the runtime counterparts of the -dev
# packages the build linked against (e.g. libmysqlcppconn7v5), and nothing
# else. Fails if a library has no owning package.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 EXECUTABLE..." >&2
  exit 2
fi

libs=$(for bin in "$@"; do ldd "$bin"; done |
  awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u)

for lib in $libs; do
  owner=$(dpkg -S "$lib" 2>/dev/null ||
    dpkg -S "$(readlink -f "$lib")" 2>/dev/null ||
    dpkg -S "*/$(basename "$lib")" 2>/dev/null) || {
    echo "runtime-packages: no Debian package owns $lib" >&2
    exit 1
  }
  # "pkg1:amd64, pkg2:amd64: /path" -> pkg1 pkg2
  printf '%s\n' "${owner%%: /*}" | tr ',' '\n' | sed 's/^ *//; s/:.*$//'
done | sort -u
