# Helpers for the editor sessions (sourced by run.sh and the *_case.sh scripts).

# session_tag: a marker put into the editor's environment; the language server
# inherits it, so after the editor is gone we can find (only) our own leftovers.
session_tag() {
  FORUMLS_SESSION_TAG="forumls-editor-test-$$-$RANDOM-$(date +%s%N)"
  export FORUMLS_SESSION_TAG
}

# session_cleanup: end processes still carrying this session's tag (e.g. a
# server that ignored `exit` and the end of its stdin).  Prints how many.
session_cleanup() {
  local tag=${FORUMLS_SESSION_TAG:-} dir pid left=() alive
  [ -n "$tag" ] || return 0
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [ "$pid" = "$$" ] && continue
    if { tr '\0' '\n' <"$dir/environ"; } 2>/dev/null | grep -qxF "FORUMLS_SESSION_TAG=$tag"; then
      left+=("$pid")
    fi
  done
  [ "${#left[@]}" -gt 0 ] || return 0
  kill -TERM "${left[@]}" 2>/dev/null
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    alive=0
    for pid in "${left[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  [ "$alive" = 1 ] && kill -KILL "${left[@]}" 2>/dev/null
  echo "${#left[@]}"
}

# status_get DIR KEY: the value of KEY in DIR/status.txt (last one wins), or empty.
status_get() {
  [ -f "$1/status.txt" ] || return 0
  awk -F'\t' -v k="$2" '$1 == k { v = substr($0, length(k) + 2) } END { if (v != "") print v }' "$1/status.txt"
}
