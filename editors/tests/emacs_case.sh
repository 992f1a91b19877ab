#!/usr/bin/env bash
# emacs_case.sh SERVER FILE OUTDIR
#
# Opens FILE in batch Emacs with Eglot and the project's own
# editors/emacs/forumls.el (forumls-program = SERVER) and records in OUTDIR what
# the editor shows: status.txt, diagnostics.tsv (Flymake), outline.txt and
# outline-raw.txt (imenu), actions.txt, before.txt, after.txt (buffer after the
# style-leak quick fix), messages.txt.  FILE itself is never written.
#
# Environment: FORUMLS_CASE_TIMEOUT (seconds, default 45), FORUMLS_INIT_MS,
# FORUMLS_DIAG_MS, FORUMLS_REQUEST_MS.
# Exit: 0 session completed (run.sh judges the output); 2 usage; 3 server not
# started; 4 no initialize answer; 124 timed out; other: editor failure.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EDITORS=$(dirname "$HERE")
. "$HERE/lib/session.sh"

[ $# -eq 3 ] || { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
SERVER=$1 FILE=$2 OUTDIR=$3
command -v emacs >/dev/null 2>&1 || { echo "emacs_case: emacs is not installed (apt-get install emacs-nox elpa-eglot)" >&2; exit 2; }
[ -f "$FILE" ] || { echo "emacs_case: no such file: $FILE" >&2; exit 2; }
FILE=$(cd "$(dirname "$FILE")" && pwd)/$(basename "$FILE")
mkdir -p "$OUTDIR" && OUTDIR=$(cd "$OUTDIR" && pwd)
rm -f "$OUTDIR"/{status.txt,diagnostics.tsv,outline.txt,outline-raw.txt,outline-lines.txt,actions.txt,actions2.txt,before.txt,after.txt,after2.txt,messages.txt}
: >"$OUTDIR/messages.txt"

TIMEOUT=${FORUMLS_CASE_TIMEOUT:-45}
STATE=$(mktemp -d "${TMPDIR:-/tmp}/forumls-emacs.XXXXXX")
trap 'rm -rf "$STATE"' EXIT
export FORUMLS_OUT=$OUTDIR FORUMLS_FILE=$FILE FORUMLS_SERVER=$SERVER
export FORUMLS_EMACS_DIR=$STATE/emacs.d FORUMLS_EMACS_LISP=$EDITORS/emacs
export FORUMLS_DEADLINE_MS=$(( (TIMEOUT - 4) * 1000 ))
session_tag

# --batch implies -q; --no-site-file skips site-start, Debian's ELPA packages
# are activated by the driver (package-activate-all) as at interactive start-up.
# A server that dies before reading would otherwise kill Emacs with SIGPIPE.
trap '' PIPE
timeout -k 3 "$TIMEOUT" emacs --batch --no-site-file -l "$HERE/lib/emacs_client.el" </dev/null >"$STATE/stdout" 2>&1
rc=$?
left=$(session_cleanup)
[ -n "$left" ] && printf 'harness\tended %s leftover process(es): the server outlived the editor\n' "$left" >>"$OUTDIR/status.txt"
[ "$rc" = 137 ] && rc=124
if [ "$rc" = 124 ] && [ -z "$(status_get "$OUTDIR" done)" ]; then
  printf 'error\ttimed out after %ss (emacs killed)\n' "$TIMEOUT" >>"$OUTDIR/status.txt"
fi
if [ -s "$STATE/stdout" ]; then sed 's/^/emacs: /' "$STATE/stdout" >>"$OUTDIR/messages.txt"; fi
exit "$rc"
