#!/usr/bin/env bash
# nvim_case.sh SERVER FILE OUTDIR
#
# Opens FILE in headless Neovim with the project's own set-up
# (editors/neovim/lua/forumls.lua, cmd = { SERVER }) and records in OUTDIR what
# the editor shows: status.txt, diagnostics.tsv, outline.txt (+ outline-raw.txt),
# actions.txt, before.txt, after.txt (buffer after the style-leak quick fix),
# messages.txt.  FILE itself is never written.
#
# Environment: FORUMLS_CASE_TIMEOUT (seconds, default 45), FORUMLS_INIT_MS,
# FORUMLS_DIAG_MS, FORUMLS_REQUEST_MS.
# Exit: 0 session completed (run.sh judges the output); 2 usage; 3 no server
# attached; 4 no initialize answer; 124 timed out; other: editor failure.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EDITORS=$(dirname "$HERE")
. "$HERE/lib/session.sh"

[ $# -eq 3 ] || { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
SERVER=$1 FILE=$2 OUTDIR=$3
command -v nvim >/dev/null 2>&1 || { echo "nvim_case: nvim is not installed (apt-get install neovim)" >&2; exit 2; }
[ -f "$FILE" ] || { echo "nvim_case: no such file: $FILE" >&2; exit 2; }
FILE=$(cd "$(dirname "$FILE")" && pwd)/$(basename "$FILE")
mkdir -p "$OUTDIR" && OUTDIR=$(cd "$OUTDIR" && pwd)
rm -f "$OUTDIR"/{status.txt,diagnostics.tsv,outline.txt,outline-raw.txt,outline-lines.txt,actions.txt,actions2.txt,before.txt,after.txt,after2.txt,messages.txt}
: >"$OUTDIR/messages.txt"

TIMEOUT=${FORUMLS_CASE_TIMEOUT:-45}
STATE=$(mktemp -d "${TMPDIR:-/tmp}/forumls-nvim.XXXXXX")
trap 'rm -rf "$STATE"' EXIT
# Neovim's state and lsp.log stay out of the user's home.
export XDG_CONFIG_HOME=$STATE/config XDG_DATA_HOME=$STATE/data XDG_STATE_HOME=$STATE/state XDG_CACHE_HOME=$STATE/cache
export FORUMLS_OUT=$OUTDIR FORUMLS_FILE=$FILE FORUMLS_SERVER=$SERVER
export FORUMLS_DEADLINE_MS=$(( (TIMEOUT - 3) * 1000 ))
session_tag

LIB=$HERE/lib/nvim_client.lua
# --clean: no user config or plugins; the project's module comes in through 'runtimepath'.
FORUMLS_PHASE=setup timeout -k 3 "$TIMEOUT" nvim --headless --clean -n -i NONE \
  --cmd "set runtimepath^=$EDITORS/neovim" \
  --cmd "lua vim.env.FORUMLS_PHASE = 'setup'; dofile('$LIB')" \
  -c "lua vim.env.FORUMLS_PHASE = 'run'; dofile('$LIB')" \
  -- "$FILE" </dev/null >"$STATE/stdout" 2>&1
rc=$?
left=$(session_cleanup)
[ -n "$left" ] && printf 'harness\tended %s leftover process(es): the server outlived the editor\n' "$left" >>"$OUTDIR/status.txt"
[ "$rc" = 137 ] && rc=124
if [ "$rc" = 124 ] && [ -z "$(status_get "$OUTDIR" done)" ]; then
  printf 'error\ttimed out after %ss (nvim killed)\n' "$TIMEOUT" >>"$OUTDIR/status.txt"
fi
if [ -s "$STATE/cache/nvim/lsp.log" ]; then cp "$STATE/cache/nvim/lsp.log" "$OUTDIR/lsp.log"; fi
if [ -s "$STATE/stdout" ]; then sed 's/^/nvim: /' "$STATE/stdout" >>"$OUTDIR/messages.txt"; fi
exit "$rc"
