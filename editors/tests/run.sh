#!/usr/bin/env bash
# editors/tests/run.sh [--server PATH] [--editor nvim|emacs]... [--out DIR] [--no-screen] [--evidence]
#
# Real-client tests: forumls inside Neovim (0.7+, headless) and Emacs with
# Eglot (1.9+, batch), each set up with the project's own files
# (editors/neovim/lua/forumls.lua, editors/emacs/forumls.el), on two documents:
#   seed    ../shared/corpus/docs/seed-liangxi.txt (opened as a .bbcode copy;
#           skipped when ../shared is absent)
#   sample  editors/tests/fixtures/discuz-sample.forum
# For each editor and document it checks that the file opens as bbcode and the
# server initializes, diagnostics arrive and the editor holds all of them,
# `forum-chrome` covers the post's meta line, `style-leak` marks the first junk
# [backcolor=...] opener, a rule switched off in the editor's settings stays
# off, the outline (documentSymbol list in Neovim, imenu in Eglot) shows the
# section headings at their lines, the style-leak quick fix leaves the expected
# text (on the sample also a second one, after CJK text on its line, where
# Neovim 0.7's byte columns differ from UTF-16), and the server shuts down
# cleanly.  With tmux installed it also runs Neovim in a terminal on the seed
# and checks that diagnostics show on screen (--evidence saves that capture as
# evidence/nvim-seed-screen.txt).
#
# --server defaults to $FORUMLS_BIN, else .build/release/forumls, else
# .build/debug/forumls, else `forumls` on PATH.  Output per case goes to
# --out (default: a temporary directory, printed and kept when a check fails).
# Prints PASS/FAIL/SKIP lines and ends with exactly "N passed, M failed";
# exits 1 when anything failed, 2 on a usage error.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
. "$HERE/lib/session.sh"

SERVER=${FORUMLS_BIN:-} OUT="" EDITORS_WANTED=() SCREEN=1 EVIDENCE=0
while [ $# -gt 0 ]; do
  case $1 in
    --server) SERVER=${2:?--server needs a path}; shift 2 ;;
    --editor) EDITORS_WANTED+=("${2:?--editor needs nvim or emacs}"); shift 2 ;;
    --out) OUT=${2:?--out needs a directory}; shift 2 ;;
    --no-screen) SCREEN=0; shift ;;
    --evidence) EVIDENCE=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
[ ${#EDITORS_WANTED[@]} -gt 0 ] || EDITORS_WANTED=(nvim emacs)

if [ -z "$SERVER" ]; then
  for c in "$ROOT/.build/release/forumls" "$ROOT/.build/debug/forumls"; do
    [ -x "$c" ] && { SERVER=$c; break; }
  done
  [ -n "$SERVER" ] || SERVER=$(command -v forumls || true)
fi
case $SERVER in /*) ;; ?*) SERVER=$(cd "$(dirname "$SERVER")" 2>/dev/null && pwd)/$(basename "$SERVER") ;; esac

PASSED=0 FAILED=0
pass() { PASSED=$((PASSED + 1)); printf 'PASS %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL %s: %s\n' "$1" "$2"; }
skip() { printf 'SKIP %s: %s\n' "$1" "$2"; }
finish() {
  if [ "$FAILED" -gt 0 ]; then echo "editor outputs kept in $OUT"; elif [ -n "$TMP_OUT" ]; then rm -rf "$TMP_OUT"; fi
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
  exit $?
}

TMP_OUT=""
if [ -z "$OUT" ]; then OUT=$(mktemp -d "${TMPDIR:-/tmp}/forumls-editor-tests.XXXXXX"); TMP_OUT=$OUT; fi
mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)

if [ -z "$SERVER" ] || [ ! -x "$SERVER" ]; then
  fail "server" "no forumls executable (looked for ${SERVER:-\$FORUMLS_BIN, .build/release/forumls, .build/debug/forumls, forumls on PATH}); build it with 'swift build -c release' or pass --server"
  finish
fi
echo "server: $SERVER"

# The documents: NAME FILE and the section headings the outline must show.
JUNK='[backcolor=transparent !important]'
DOCS=()
SEED_SRC=${FORUMLS_SEED:-$ROOT/../shared/corpus/docs/seed-liangxi.txt}
DOCS_DIR=$OUT/documents
mkdir -p "$DOCS_DIR"
if [ -f "$SEED_SRC" ]; then
  cat "$SEED_SRC" >"$DOCS_DIR/seed-liangxi.bbcode"   # a writable test-time copy, so that the .bbcode filetype applies
  DOCS+=(seed)
else
  skip "seed" "$SEED_SRC is absent"
fi
cat "$HERE/fixtures/discuz-sample.forum" >"$DOCS_DIR/discuz-sample.forum"
DOCS+=(sample)

doc_file() { case $1 in seed) echo "$DOCS_DIR/seed-liangxi.bbcode" ;; sample) echo "$DOCS_DIR/discuz-sample.forum" ;; esac; }
doc_headings() {
  case $1 in
    seed) printf '%s\n' '一枝一叶总关情' '只有基础坚固,国家大厦才能稳固' '推动治理重心向基层下沉' ;;
    sample) cat "$HERE/fixtures/discuz-sample.headings" ;;
  esac
}

# first_line_starting FILE PREFIX: 1-based number of the first line that starts with PREFIX.
first_line_starting() { awk -v p="$2" 'index($0, p) == 1 { print NR; exit }' "$1"; }

# covers DIAG_TSV CODE LINE: is there a CODE diagnostic whose range covers LINE (1-based)?
# Columns: start_line start_col end_line end_col severity code message; an end at
# column 0 of a later line does not cover that line.
covers() {
  awk -F'\t' -v code="$2" -v l="$3" '
    $6 == code && $1 <= l && ($3 > l || ($3 == l && ($4 > 0 || $1 == l))) { found = 1 }
    END { exit !found }' "$1"
}

count_code() { [ -f "$1" ] && awk -F'\t' -v code="$2" '$6 == code { n++ } END { print n + 0 }' "$1" || echo 0; }

check_case() { # check_case EDITOR DOC DIR RC
  local ed=$1 doc=$2 dir=$3 rc=$4 name="$1/$2" err file
  file=$(doc_file "$doc")
  err=$(status_get "$dir" error)

  # 1. The file opens in the project's mode/filetype and the server initializes.
  local mode
  if [ "$ed" = nvim ]; then mode=$(status_get "$dir" filetype); else mode=$(status_get "$dir" major_mode); fi
  if [ "$mode" != bbcode ] && [ "$mode" != bbcode-mode ]; then
    fail "$name: opens as bbcode" "editor chose '${mode:-nothing}'"
  elif [ "$rc" != 0 ] || [ "$(status_get "$dir" initialized)" != yes ]; then
    fail "$name: opens as bbcode, server initializes" "session exit $rc; ${err:-see $dir/messages.txt}"
  else
    local info; info=$(status_get "$dir" server_info)
    pass "$name: opens as bbcode, server initializes${info:+ ($info)}"
  fi

  # 2. Diagnostics are pushed and the editor holds every one of them.
  local pubs held published
  pubs=$(status_get "$dir" publishes) held=$(status_get "$dir" held_count) published=$(status_get "$dir" published_count)
  if [ "${pubs:-0}" -lt 1 ]; then
    fail "$name: diagnostics arrive" "no textDocument/publishDiagnostics for the file${err:+ ($err)}"
  elif [ "${published:-0}" -lt 1 ] || [ "$held" != "$published" ]; then
    fail "$name: diagnostics arrive" "server published ${published:-0}, editor holds ${held:-0}"
  else
    pass "$name: diagnostics arrive ($held held = $published published)"
  fi

  # 3. Chrome: the post's meta line (发表于 <date> | 只看该作者 ...) is forum-chrome.
  local meta
  meta=$(first_line_starting "$file" '发表于')
  if [ -z "$meta" ]; then
    fail "$name: forum-chrome" "document has no 发表于 line to check"
  elif covers "$dir/diagnostics.tsv" forum-chrome "$meta" 2>/dev/null; then
    pass "$name: forum-chrome on the meta line $meta ($(count_code "$dir/diagnostics.tsv" forum-chrome) forum-chrome in all)"
  else
    fail "$name: forum-chrome" "no forum-chrome diagnostic covers line $meta ($(count_code "$dir/diagnostics.tsv" forum-chrome) forum-chrome in all)"
  fi

  # 4. Style leak: the first junk opener is style-leak.
  local junk
  junk=$(first_line_starting "$file" "$JUNK")
  if covers "$dir/diagnostics.tsv" style-leak "$junk" 2>/dev/null; then
    pass "$name: style-leak on line $junk ($(count_code "$dir/diagnostics.tsv" style-leak) style-leak in all)"
  else
    fail "$name: style-leak" "no style-leak diagnostic on line $junk ($(count_code "$dir/diagnostics.tsv" style-leak) style-leak in all)"
  fi

  # 4b. Settings: the editor set-up switches `repeated-fragment` off (rules option), so the
  #     "Rank: 8Rank: 8" line that would carry one has none.
  local rank
  rank=$(awk '/^Rank: [0-9]+Rank: [0-9]+$/ { print NR; exit }' "$file")
  if [ -z "$rank" ]; then
    fail "$name: rules setting reaches the server" "document has no repeated Rank line to check"
  elif [ "$(count_code "$dir/diagnostics.tsv" repeated-fragment)" = 0 ] && [ "${held:-0}" -gt 0 ]; then
    pass "$name: rules setting reaches the server (repeated-fragment off: none on line $rank)"
  else
    fail "$name: rules setting reaches the server" "repeated-fragment was switched off in the editor's settings, yet $(count_code "$dir/diagnostics.tsv" repeated-fragment) arrived"
  fi

  # 5. Outline: every section heading is an entry of the editor's outline.
  local missing=() h oerr
  while IFS= read -r h; do
    [ -n "$h" ] || continue
    grep -qxF -- "$h" "$dir/outline.txt" 2>/dev/null || missing+=("$h")
  done < <(doc_headings "$doc")
  oerr=$(status_get "$dir" outline_error)
  local what="outline"; [ "$ed" = nvim ] && what="outline (documentSymbol list)"; [ "$ed" = emacs ] && what="outline (imenu)"
  local misplaced=() want got
  if [ ${#missing[@]} -eq 0 ]; then
    # Each entry must lead to its heading's line (the line that ends with the heading text).
    while IFS= read -r h; do
      [ -n "$h" ] || continue
      want=$(awk -v h="$h" 'length($0) >= length(h) && substr($0, length($0) - length(h) + 1) == h { print NR; exit }' "$file")
      got=$(awk -F'\t' -v h="$h" '$2 == h { print $1; exit }' "$dir/outline-lines.txt" 2>/dev/null)
      [ "$want" = "$got" ] || misplaced+=("$h at line ${got:-?}, expected ${want:-?}")
    done < <(doc_headings "$doc")
  fi
  if [ ${#missing[@]} -eq 0 ] && [ ${#misplaced[@]} -eq 0 ]; then
    pass "$name: $what shows the $(doc_headings "$doc" | grep -c .) section headings at their lines"
  elif [ ${#missing[@]} -eq 0 ]; then
    fail "$name: $what" "entries lead to the wrong line: ${misplaced[*]}"
  else
    fail "$name: $what" "missing ${missing[*]}${oerr:+ ($oerr)}; entries: $( [ -s "$dir/outline.txt" ] && tr '\n' '|' <"$dir/outline.txt" || echo none)"
  fi

  # 6. Quick fix: applying the style-leak fix on the first junk line removes that
  #    opener there and changes nothing else.
  local ferr fline
  ferr=$(status_get "$dir" fix_error) fline=$(status_get "$dir" fix_line)
  if [ -n "$ferr" ] || [ ! -f "$dir/after.txt" ]; then
    fail "$name: style-leak quick fix" "${ferr:-no text after the fix}"
  elif [ "$fline" != "$junk" ]; then
    fail "$name: style-leak quick fix" "the first style-leak diagnostic is on line $fline, expected $junk"
  else
    awk -v l="$junk" -v p="$JUNK" 'NR == l && index($0, p) == 1 { $0 = substr($0, length(p) + 1) } { print }' \
      "$dir/before.txt" >"$dir/expected-after.txt"
    # awk always ends with a newline; match before.txt's ending.
    if [ -n "$(tail -c1 "$dir/before.txt")" ]; then truncate -s -1 "$dir/expected-after.txt"; fi
    if cmp -s "$dir/expected-after.txt" "$dir/after.txt"; then
      pass "$name: style-leak quick fix \"$(status_get "$dir" fix_title)\" leaves the expected text"
    else
      fail "$name: style-leak quick fix" "\"$(status_get "$dir" fix_title)\" left other text: $(diff "$dir/expected-after.txt" "$dir/after.txt" | head -4 | tr '\n' ' ')"
    fi
  fi

  # 6b. (sample) A second style-leak fix, on a pair that starts after CJK text on its line, so that
  #     Neovim 0.7's byte columns in the code-action context differ from the server's UTF-16 ones:
  #     the opener and its closer go, the text between stays.
  if [ "$doc" = sample ]; then
    local open2='[color=rgba(51, 51, 51, 0.9)]' close2='[/color]' line2 f2err f2line
    line2=$(awk -v p="$open2" 'index($0, p) > 1 { print NR; exit }' "$file")
    f2err=$(status_get "$dir" fix2_error) f2line=$(status_get "$dir" fix2_line)
    if [ -n "$f2err" ] || [ ! -f "$dir/after2.txt" ]; then
      fail "$name: style-leak quick fix after CJK text" "${f2err:-no text after the second fix}"
    elif [ "$f2line" != "$line2" ]; then
      fail "$name: style-leak quick fix after CJK text" "fixed line $f2line, expected $line2"
    else
      awk -v l="$line2" -v o="$open2" -v c="$close2" '
        NR == l { i = index($0, o); if (i) $0 = substr($0, 1, i - 1) substr($0, i + length(o))
                  i = index($0, c); if (i) $0 = substr($0, 1, i - 1) substr($0, i + length(c)) }
        { print }' "$dir/after.txt" >"$dir/expected-after2.txt"
      if [ -n "$(tail -c1 "$dir/after.txt")" ]; then truncate -s -1 "$dir/expected-after2.txt"; fi
      if cmp -s "$dir/expected-after2.txt" "$dir/after2.txt"; then
        pass "$name: style-leak quick fix after CJK text \"$(status_get "$dir" fix2_title)\" removes opener and closer"
      else
        fail "$name: style-leak quick fix after CJK text" "\"$(status_get "$dir" fix2_title)\" left other text: $(diff "$dir/expected-after2.txt" "$dir/after2.txt" | head -4 | tr '\n' ' ')"
      fi
    fi
  fi

  # 7. Shutdown: Neovim's shutdown+exit stop the server; Eglot's shutdown (params null) is answered.
  local stopped answer harness
  stopped=$(status_get "$dir" server_stopped) answer=$(status_get "$dir" shutdown_answer) harness=$(status_get "$dir" harness)
  if [ -n "$harness" ]; then
    fail "$name: clean shutdown" "$harness"
  elif [ "$ed" = emacs ] && [ "$answer" != ok ]; then
    fail "$name: clean shutdown" "shutdown request (params null): ${answer:-no answer}"
  elif [ "${stopped%% *}" != yes ]; then
    fail "$name: clean shutdown" "server did not stop: ${stopped:-session ended early}"
  else
    pass "$name: clean shutdown ($stopped)"
  fi
}

for ed in "${EDITORS_WANTED[@]}"; do
  case $ed in
    nvim) bin=nvim pkg="neovim" ;;
    emacs) bin=emacs pkg="emacs-nox elpa-eglot" ;;
    *) echo "run.sh: unknown editor $ed (nvim or emacs)" >&2; exit 2 ;;
  esac
  if ! command -v "$bin" >/dev/null 2>&1; then
    fail "$ed" "$bin is not installed (apt-get install $pkg)"
    continue
  fi
  for doc in "${DOCS[@]}"; do
    dir=$OUT/$ed-$doc
    "$HERE/${ed}_case.sh" "$SERVER" "$(doc_file "$doc")" "$dir" >"$OUT/$ed-$doc.log" 2>&1
    check_case "$ed" "$doc" "$dir" $?
  done
done

# A person's view: Neovim in a terminal (tmux) on the seed page.
if [ "$SCREEN" = 1 ] && [[ " ${EDITORS_WANTED[*]} " == *" nvim "* ]]; then
  if ! command -v tmux >/dev/null 2>&1; then
    skip "nvim/seed: screen" "tmux is not installed"
  elif [[ " ${DOCS[*]} " != *" seed "* ]]; then
    skip "nvim/seed: screen" "no seed document"
  elif command -v nvim >/dev/null 2>&1; then
    capture=$OUT/nvim-seed-screen.txt
    if "$HERE/nvim_screen.sh" "$SERVER" "$(doc_file seed)" "$capture" >"$OUT/nvim-screen.log" 2>&1; then
      pass "nvim/seed: screen shows diagnostics ($(grep -m1 '^diagnostics shown' "$capture"))"
      [ "$EVIDENCE" = 1 ] && mkdir -p "$HERE/evidence" && cp "$capture" "$HERE/evidence/nvim-seed-screen.txt"
    else
      fail "nvim/seed: screen shows diagnostics" "$(tail -1 "$OUT/nvim-screen.log")"
    fi
  fi
fi
finish
