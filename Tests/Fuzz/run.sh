#!/usr/bin/env bash
# Builds one libFuzzer target with `swiftc -sanitize=fuzzer,address` and runs it for SECONDS seconds
# over the checked-in seed corpus. Usage: Tests/Fuzz/run.sh TARGET SECONDS   (SECONDS=0: build only)
# Targets: parser, cleanup, server, edits. Output goes to .build-fuzz/libfuzzer/ (git-ignored).
# Environment: FUZZ_MAX_LEN (default 4096), FUZZ_ARGS (extra libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
target=${1:?usage: Tests/Fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: Tests/Fuzz/run.sh TARGET SECONDS}
work=.build-fuzz/libfuzzer
mkdir -p "$work/$target/corpus" "$work/$target/artifacts"

markup=$(find Sources/ForumMarkup -name '*.swift' | sort)
support=Tests/ForumMarkupTests/Support/Fuzz
case "$target" in
parser)  sources="$markup $support/ParserInvariants.swift Tests/Fuzz/ParserTarget.swift" ;;
cleanup) sources="$markup $support/ParserInvariants.swift $support/CleanupInvariants.swift Tests/Fuzz/CleanupTarget.swift" ;;
server)  sources="$markup $(find Sources/ForumLanguageServer -name '*.swift' | sort) Tests/ForumLanguageServerTests/Support/Fuzz/ServerInvariants.swift Tests/Fuzz/ServerTarget.swift" ;;
edits)   sources="$markup $support/EditInvariants.swift Tests/Fuzz/EditsTarget.swift" ;;
*) echo "unknown target '$target' (parser, cleanup, server, edits)" >&2; exit 2 ;;
esac

binary="$work/$target/fuzz-$target"
echo "building $binary" >&2
# One module (no `import ForumMarkup`); -D FUZZING tells the shared invariant files so.
# shellcheck disable=SC2086
swiftc -parse-as-library -module-name ForumFuzz -D FUZZING -sanitize=fuzzer,address -O -wmo \
    $sources Tests/Fuzz/FuzzReport.swift -o "$binary" 2> >(grep -v "Cannot export local symbol" >&2)
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
