#!/usr/bin/env bash
# Checks that C++ sources are formatted as .clang-format says:
#
#   scripts/check-format.sh            every tracked *.cc and *.h file
#   scripts/check-format.sh FILE…      only these
#
# Prints clang-format's complaints and the command that fixes them, and
# exits 1 if any file is not formatted. Installs clang-format (Debian's)
# when it is missing. .ci/run runs this first.
source "$(dirname "$0")/lib.sh"
command -v clang-format >/dev/null 2>&1 || require_packages clang-format
cd "$PARHUB_ROOT" || exit 1

files=()
if [ "$#" -gt 0 ]; then
  files=("$@")
else
  # Tracked files only (not build output), and only those still present.
  while IFS= read -r -d '' f; do
    [ -f "$f" ] && files+=("$f")
  done < <(git ls-files -z -- '*.cc' '*.h')
fi
[ ${#files[@]} -gt 0 ] || die "no C++ files to check"

say "clang-format $(clang-format --version | grep -o '[0-9][0-9.]*' | head -1): checking ${#files[@]} files"
bad=()
for f in "${files[@]}"; do
  clang-format --style=file --dry-run --Werror "$f" || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  printf 'error: %d of %d files are not formatted; fix them with:\n  clang-format -i' "${#bad[@]}" "${#files[@]}" >&2
  printf ' %q' "${bad[@]}" >&2
  printf '\n' >&2
  exit 1
fi
say "all ${#files[@]} files are formatted"
