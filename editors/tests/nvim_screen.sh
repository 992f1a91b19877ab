#!/usr/bin/env bash
# nvim_screen.sh SERVER FILE OUT_TXT
#
# The check a person makes: a real Neovim in a private tmux server (never the
# user's tmux), with an init.lua that only loads editors/neovim/lua/forumls.lua.
# Types `:e FILE`, waits until diagnostics arrive, captures the screen (signs
# and virtual text) and again at the first [backcolor=...] line, types
# `:lua vim.diagnostic.setloclist()`, captures the location list, quits with
# `:qa!`, and writes the captures to OUT_TXT.
# Environment: FORUMLS_SCREEN_TIMEOUT (seconds to wait for diagnostics, 30),
# FORUMLS_COLS (100), FORUMLS_ROWS (34).
# Exit: 0 diagnostics on screen; 1 none arrived or none visible; 2 usage or
# tmux/nvim missing.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EDITORS=$(dirname "$HERE")
. "$HERE/lib/session.sh"

[ $# -eq 3 ] || { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
SERVER=$1 FILE=$2 OUT_TXT=$3
for t in tmux nvim; do command -v $t >/dev/null 2>&1 || { echo "nvim_screen: $t is not installed" >&2; exit 2; }; done
[ -f "$FILE" ] || { echo "nvim_screen: no such file: $FILE" >&2; exit 2; }
FILE=$(cd "$(dirname "$FILE")" && pwd)/$(basename "$FILE")
WAIT=${FORUMLS_SCREEN_TIMEOUT:-30} COLS=${FORUMLS_COLS:-100} ROWS=${FORUMLS_ROWS:-34}
STATE=$(mktemp -d "${TMPDIR:-/tmp}/forumls-screen.XXXXXX")
SOCKET="forumls-screen-$$-$RANDOM"
TM=(tmux -L "$SOCKET" -f /dev/null)
MARKER=$STATE/diagnostics
session_tag
cleanup() {
  "${TM[@]}" kill-server >/dev/null 2>&1
  session_cleanup >/dev/null
  rm -rf "$STATE"
}
trap cleanup EXIT

env_args=(FORUMLS_SESSION_TAG="$FORUMLS_SESSION_TAG" FORUMLS_EDITORS="$EDITORS" FORUMLS_SERVER="$SERVER"
  FORUMLS_MARKER="$MARKER" XDG_CONFIG_HOME="$STATE/config" XDG_DATA_HOME="$STATE/data"
  XDG_STATE_HOME="$STATE/state" XDG_CACHE_HOME="$STATE/cache" TERM=xterm-256color)
cmd="env"
for e in "${env_args[@]}"; do cmd+=" $(printf '%q' "$e")"; done
cmd+=" nvim -u $(printf '%q' "$HERE/lib/nvim_screen_init.lua") -i NONE -n"
"${TM[@]}" new-session -d -s check -x "$COLS" -y "$ROWS" "$cmd" || { echo "nvim_screen: tmux could not start" >&2; exit 2; }

poll() { # poll SECONDS COMMAND...
  local end=$((SECONDS + $1)); shift
  until "$@"; do [ "$SECONDS" -ge "$end" ] && return 1; sleep 0.1; done
}
screen() { "${TM[@]}" capture-pane -p -t check 2>/dev/null; }
nvim_up() { screen | grep -q '^~'; }
diagnostics_in() { [ -s "$MARKER" ] && [ "$(cat "$MARKER")" != 0 ]; }

poll 10 nvim_up || { echo "nvim_screen: nvim did not start in tmux" >&2; exit 2; }
"${TM[@]}" send-keys -t check ":e ${FILE// /\\ }" Enter
status=0
poll "$WAIT" diagnostics_in || { status=1; echo "nvim_screen: no diagnostics within ${WAIT}s" >&2; }
sleep 1                                   # let Neovim draw signs and virtual text
count=$(cat "$MARKER" 2>/dev/null || echo 0)
first=$(screen)
# The post body: the first [backcolor=...] junk line at the top of the window.
"${TM[@]}" send-keys -t check ":call search('^\\[backcolor') | normal! zt" Enter
sleep 0.5
body=$(screen | head -8)   # a few lines are enough to show the warnings
"${TM[@]}" send-keys -t check ":lua vim.diagnostic.setloclist()" Enter
sleep 1
second=$(screen)
"${TM[@]}" send-keys -t check ":qa!" Enter
poll 3 bash -c "! tmux -L '$SOCKET' -f /dev/null has-session -t check 2>/dev/null" || true

# Visible means: Neovim's default virtual-text prefix on screen.
if [ "$status" = 0 ] && ! printf '%s\n' "$first" | grep -q '■'; then
  status=1; echo "nvim_screen: diagnostics arrived but no virtual text is visible" >&2
fi
rule=$(printf '%*s' "$COLS" '' | tr ' ' '-')
{
  echo "forumls in Neovim, as a person sees it (editors/tests/nvim_screen.sh)"
  echo "editor: $(nvim --version | head -1), tmux $(tmux -V | cut -d' ' -f2), ${COLS}x${ROWS}; init: editors/neovim/lua/forumls.lua only"
    echo "server: $(timeout 5 "$SERVER" --version </dev/null 2>/dev/null | head -1) ($SERVER)"
  echo "file: $(basename "$FILE") (a copy of the seed page)"
  echo "diagnostics shown: $count"
  echo
  echo "Screen 1: after ':e FILE' (signs, virtual text)"
  echo "$rule"; printf '%s\n' "$first"; echo "$rule"
  echo
  echo "Screen 2 (top 8 rows): the post body from the first [backcolor=...] line (':call search(...) | normal! zt')"
  echo "$rule"; printf '%s\n' "$body"; echo "$rule"
  echo
  echo "Screen 3: after ':lua vim.diagnostic.setloclist()'"
  echo "$rule"; printf '%s\n' "$second"; echo "$rule"
} >"$OUT_TXT"
exit "$status"
