#!/usr/bin/env bash
# Builds one libFuzzer target with `swiftc -sanitize=fuzzer,address` and runs it for SECONDS seconds
# over the checked-in seed corpus (Tests/Fuzz/corpus/TARGET) and the growing working corpus.
#   Tests/Fuzz/run.sh TARGET SECONDS          build, then fuzz (SECONDS=0: build only)
#   Tests/Fuzz/run.sh TARGET replay FILE...   build, then run the given inputs once each
# Targets: parser, cleanup, server, edits. Output goes to .build-fuzz/libfuzzer/TARGET/ (git-ignored):
# the binary, corpus/, artifacts/ (crash-*, the inputs that broke an invariant) and last-run.log.
# Environment: FUZZ_MAX_LEN (default 4096), FUZZ_ARGS (extra libFuzzer flags), FUZZ_NO_BUILD=1 (reuse
# the last binary), FUZZ_ALLOW=kind,... (failure kinds to look past, e.g. not-converged).
# The script is one { } group, read whole before it runs, so editing this file cannot disturb a run.
{
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
cleanup) libraries="ForumMarkup"; harness="$support_markup/ParserInvariants.swift $support_markup/CleanupInvariants.swift $support_markup/EditingInvariants.swift" ;;
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
binary="$work/$target/fuzz-$target"
if [ "${FUZZ_NO_BUILD:-0}" != 1 ] || [ ! -x "$binary" ]; then
objects=()
rebuilt=0
previous=""
for library in $libraries; do
    objects+=("$modules/$library.o")
    # Reuse a library object that is newer than its sources and than the libraries it imports (also
    # when another target's build rebuilt those: a stale object would link against an old module).
    if [ "$rebuilt" = 0 ] && [ -f "$modules/$library.o" ] && [ -f "$modules/$library.swiftmodule" ] \
        && { [ -z "$previous" ] || [ "$modules/$library.o" -nt "$previous" ]; } \
        && [ -z "$(find "Sources/$library" -newer "$modules/$library.o" -name '*.swift' | head -1)" ]; then
        previous="$modules/$library.o"
        continue
    fi
    previous="$modules/$library.o"
    rebuilt=1
    echo "building $library (instrumented)" >&2
    # shellcheck disable=SC2046
    swiftc -parse-as-library -module-name "$library" -enable-testing -sanitize=fuzzer,address -O -wmo \
        -I "$modules" -emit-module -emit-module-path "$modules/$library.swiftmodule" \
        -c $(find "Sources/$library" -name '*.swift' | sort) -o "$modules/$library.o" 2> >(quiet)
done
echo "building $binary" >&2
# shellcheck disable=SC2086
swiftc -parse-as-library -module-name FuzzHarness -sanitize=address -O -wmo -I "$modules" \
    -c $harness "$target_file" Tests/Fuzz/FuzzReport.swift -o "$modules/harness-$target.o" 2> >(quiet)
swiftc -sanitize=fuzzer,address "${objects[@]}" "$modules/harness-$target.o" -o "$binary" 2> >(quiet)
fi
[ "$seconds" = 0 ] && return 0
if [ "$seconds" = replay ]; then
    # Runs the given inputs once each (e.g. a saved crash) and shows the broken invariants.
    shift 2
    FORUMLS_LOG=${FORUMLS_LOG:-off} SWIFT_BACKTRACE=enable=no "$binary" "$@" 2>&1 | grep -v "^INFO:" || true
    return 0
fi

dict=()
[ -f "Tests/Fuzz/dict/$target.dict" ] && dict=(-dict="Tests/Fuzz/dict/$target.dict")
log="$work/$target/last-run.log"
echo "fuzzing $target for $seconds s (log: $log)" >&2
set +e
# shellcheck disable=SC2086
FORUMLS_LOG=${FORUMLS_LOG:-off} SWIFT_BACKTRACE=enable=no "$binary" "$work/$target/corpus" "Tests/Fuzz/corpus/$target" "${dict[@]}" \
    -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout=20 -rss_limit_mb=3072 \
    -artifact_prefix="$work/$target/artifacts/" -print_final_stats=1 ${FUZZ_ARGS:-} > "$log" 2>&1
status=$?
set -e
grep -E "INVARIANT BROKEN|^  |ERROR: |SUMMARY|Test unit written|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|Done [0-9]+ runs" "$log" | head -60 || true
runs=$(grep -o "stat::number_of_executed_units: [0-9]*" "$log" | grep -o "[0-9]*$" | tail -1 || true)
# Fork mode (-fork=N -ignore_crashes=1, which keeps going after a finding) reports "#N: ..." lines instead.
[ -n "$runs" ] || runs=$(grep -oE "^#[0-9]+" "$log" | tail -1 | tr -d '#' || true)
[ -n "$runs" ] || runs="?"
echo "target=$target seconds=$seconds executions=$runs exit=$status corpus=$(ls "$work/$target/corpus" | wc -l) findings=$(ls "$work/$target/artifacts" | wc -l)"
return $status
}
main "$@"
exit $?
}
