# Shared by the CLI tests: `source` it after setting BIN and COMMAND (the subcommand).
# expect_error "<text the one stderr line must contain>" args... : the run must exit 2 with
# exactly one stderr line containing the text, and print nothing on stdout.
fail=0; n=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

expect_error() {
  local want=$1; shift
  n=$((n + 1))
  "$BIN" "$COMMAND" "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  local lines; lines=$(wc -l <"$tmp/err")
  if [ $rc -ne 2 ] || [ "$lines" -ne 1 ] || [ -s "$tmp/out" ] || ! grep -qF -- "$want" "$tmp/err"; then
    echo "FAIL: $COMMAND $* -> rc $rc, $lines stderr lines: $(cat "$tmp/err")"; fail=$((fail + 1))
  else
    echo "ok   rc=2  $(cat "$tmp/err")"
  fi
}
