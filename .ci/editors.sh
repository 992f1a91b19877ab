#!/usr/bin/env bash
# CI: the real-editor tests (editors/tests/run.sh) against the release binary.
# Installs Debian's neovim, emacs-nox + elpa-eglot and tmux with apt-get when
# they are missing (needs root or sudo), then runs the tests.  Expects
# .build/release/forumls to exist (`swift build -c release --product forumls`
# runs first in .ci/run).  Extra arguments go to run.sh (e.g. --evidence).
# Exit status is run.sh's: 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${FORUMLS_BIN:-$PWD/.build/release/forumls}
if [ ! -x "$BIN" ]; then
  echo "editors.sh: $BIN is missing; build it first: swift build -c release --product forumls" >&2
  exit 1
fi

missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
# Eglot is built into Emacs 29+; Debian bookworm's Emacs 28 needs elpa-eglot.
if ! emacs --batch -Q --eval '(progn (package-activate-all) (kill-emacs (if (locate-library "eglot") 0 1)))' >/dev/null 2>&1; then
  missing+=(elpa-eglot)
fi
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "editors.sh: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "editors: $(nvim --version | head -1); $(emacs --version | head -1); tmux $(tmux -V | cut -d' ' -f2)"

exec editors/tests/run.sh --server "$BIN" "$@"
