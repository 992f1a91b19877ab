#!/usr/bin/env bash
# Builds one libFuzzer target with `swiftc -sanitize=fuzzer,address` and runs it for SECONDS seconds
# over the checked-in seed corpus. Usage: Tests/Fuzz/run.sh TARGET SECONDS   (SECONDS=0: build only)
# Targets: parser, cleanup, server, edits. Output goes to .build-fuzz/libfuzzer/ (git-ignored).
# Environment: FUZZ_MAX_LEN (default 4096), FUZZ_ARGS (extra libFuzzer flags).
# The body is one function, so that editing this file cannot disturb a run in progress.
main() {
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
target=${1:?usage: Tests/Fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: Tests/Fuzz/run.sh TARGET SECONDS}
work=.build-fuzz/libfuzzer
mkdir -p "$work/$target/corpus" "$work/$target/artifacts"

modules="$work/modules"
mkdir -p "$modules"
support_markup=Tests/ForumMarkupTests/Support/Fuzz
support_server=Tests/ForumLanguageServerTests/Support/Fuzz
case "$target" in
parser)  libraries="ForumMarkup"; harness="$support_markup/ParserInvariants.swift" ;;
cleanup) libraries="ForumMarkup"; harness="$support_markup/ParserInvariants.swift $support_markup/CleanupInvariants.swift" ;;
edits)   libraries="ForumMarkup ForumLanguageServer"; harness="$support_server/EditInvariants.swift" ;;
server)  libraries="ForumMarkup ForumLanguageServer"; harness="$support_server/ServerInvariants.swift" ;;
*) echo "unknown target '$target' (parser, cleanup, server, edits)" >&2; exit 2 ;;
esac
target_file="Tests/Fuzz/$(tr '[:lower:]' '[:upper:]' <<< "${target:0:1}")${target:1}Target.swift"

quiet() { grep -v "Cannot export local symbol" >&2 || true; }
# The libraries under test get libFuzzer's coverage instrumentation and AddressSanitizer, each as its
# own module (built with -enable-testing, so the harness may `@testable import` it like the tests do).
# The harness (invariant checks + target) gets AddressSanitizer only: instrumenting the checks for
# coverage would only slow the run down.
objects=()
for library in $libraries; do
    echo "building $library (instrumented)" >&2
    # shellcheck disable=SC2046
    swiftc -parse-as-library -module-name "$library" -enable-testing -sanitize=fuzzer,address -O -wmo \
        -I "$modules" -emit-module -emit-module-path "$modules/$library.swiftmodule" \
        -c $(find "Sources/$library" -name '*.swift' | sort) -o "$modules/$library.o" 2> >(quiet)
    objects+=("$modules/$library.o")
done
binary="$work/$target/fuzz-$target"
echo "building $binary" >&2
# shellcheck disable=SC2086
swiftc -parse-as-library -module-name FuzzHarness -sanitize=address -O -wmo -I "$modules" \
    -c $harness "$target_file" Tests/Fuzz/FuzzReport.swift -o "$modules/harness-$target.o" 2> >(quiet)
swiftc -sanitize=fuzzer,address "${objects[@]}" "$modules/harness-$target.o" -o "$binary" 2> >(quiet)
[ "$seconds" = 0 ] && exit 0

dict=()
[ -f "Tests/Fuzz/dict/$target.dict" ] && dict=(-dict="Tests/Fuzz/dict/$target.dict")
log="$work/$target/last-run.log"
echo "fuzzing $target for $seconds s (log: $log)" >&2
set +e
# shellcheck disable=SC2086
"$binary" "$work/$target/corpus" "Tests/Fuzz/corpus/$target" "${dict[@]}" \
    -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout=20 -rss_limit_mb=3072 \
    -artifact_prefix="$work/$target/artifacts/" -print_final_stats=1 ${FUZZ_ARGS:-} > "$log" 2>&1
status=$?
set -e
grep -E "INVARIANT BROKEN|^  |ERROR: |SUMMARY|Test unit written|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|Done [0-9]+ runs" "$log" | head -60
runs=$(grep -o "stat::number_of_executed_units: [0-9]*" "$log" | grep -o "[0-9]*$" || echo "?")
echo "target=$target seconds=$seconds executions=$runs exit=$status corpus=$(ls "$work/$target/corpus" | wc -l)"
exit $status
}
main "$@"
exit $?
