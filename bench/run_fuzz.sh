#!/usr/bin/env bash
# The libFuzzer targets of fuzz/ (docs/BENCHMARKS.md, "Fuzzing"): builds
# them with clang, ASan and UBSan in build-fuzz/, then runs each for RUNS
# executions starting from its seed corpus fuzz/corpus/<target>/ (copied,
# so the repository's corpus only grows by hand), and prints executions,
# seconds and crashes per target. A crash leaves its input in
# build-fuzz/artifacts/<target>/ and makes the script exit 1: turn it into
# a regression test and a seed.
#
#   bench/run_fuzz.sh                 every target, RUNS=1000000
#   RUNS=20000 MAX_SECONDS=60 bench/run_fuzz.sh
#                                     the short run CI makes: 20,000
#                                     executions, or a minute for the slow
#                                     store targets (tasks, directory)
#   bench/run_fuzz.sh vietqr_fuzz     only these targets
source "$(dirname "$0")/../scripts/lib.sh"

RUNS="${RUNS:-1000000}"; MAX_SECONDS="${MAX_SECONDS:-0}"  # 0: no time limit
dir="$PARHUB_ROOT/build-fuzz"
require_packages clang libclang-rt-14-dev
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=($(sed -n 's/^parhub_fuzz_target(\([a-z_]*\) .*/\1/p' "$PARHUB_ROOT/fuzz/CMakeLists.txt"))
fi
CXX=clang++ PARHUB_TARGETS="${targets[*]}" build "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARHUB_BUILD_FUZZ=ON \
  -DPARHUB_BUILD_TESTS=OFF -DPARHUB_BUILD_BENCH=OFF

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=0
printf '%-24s %12s %8s %8s\n' target executions seconds crashes
for target in "${targets[@]}"; do
  work="$dir/corpus/$target"; artifacts="$dir/artifacts/$target"
  rm -rf "$work"; mkdir -p "$work" "$artifacts"
  [ -d "$PARHUB_ROOT/fuzz/corpus/$target" ] && cp "$PARHUB_ROOT/fuzz/corpus/$target"/* "$work"/ 2>/dev/null
  log="$dir/$target.log"
  start=$SECONDS
  crashes=0
  "$dir/fuzz/$target" -runs="$RUNS" -max_total_time="$MAX_SECONDS" -max_len=4096 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$work" >"$log" 2>&1 || crashes=1
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  printf '%-24s %12s %8s %8s\n' "$target" "${executions:-?}" "$((SECONDS - start))" "$crashes"
  if [ "$crashes" -ne 0 ]; then
    failed=1
    grep -E 'invariant broken|ERROR: |SUMMARY|Test unit written' "$log" | head -5 >&2
  fi
done
[ "$failed" -eq 0 ] || die "a fuzz target failed (inputs in ${artifacts%/*}/)"
