#!/bin/bash
# Runs the built `basecamp` binary through `descend`'s success and error cases.
# Every bad input must exit 2 with exactly one line on stderr naming the bad value and nothing
# on stdout; --help exits 0. Usage: tests/cpp/cli/descend_cli.sh [path/to/basecamp]
# Exits non-zero on any mismatch.
BIN=${1:-build/native/basecamp}
COMMAND=descend
source "$(dirname "$0")/expect.sh"
ok=(--surface bowl --optimizer sgd --start -7,2 --steps 3)

expect_error "unknown surface 'moon' (valid: bowl" --surface moon --optimizer sgd --start 0,0 --steps 3
expect_error "unknown optimizer 'adamax' (valid: sgd" --surface bowl --optimizer adamax --start 0,0 --steps 3
expect_error "--start expects two numbers X,Y, got '1'" --surface bowl --optimizer sgd --start 1 --steps 3
expect_error "--start expects two numbers X,Y, got '1,2,3'" --surface bowl --optimizer sgd --start 1,2,3 --steps 3
expect_error "--start expects a number, got 'a'" --surface bowl --optimizer sgd --start a,2 --steps 3
expect_error "--start expects a number, got ''" --surface bowl --optimizer sgd --start ,2 --steps 3
expect_error "start (inf, 2) is not a finite point" --surface bowl --optimizer sgd --start inf,2 --steps 3
expect_error "--steps must be between 0 and 10000000, got -1" --surface bowl --optimizer sgd --start 0,0 --steps -1
expect_error "--steps expects a whole number, got '2.5'" --surface bowl --optimizer sgd --start 0,0 --steps 2.5
expect_error "--steps expects a whole number, got 'ten'" --surface bowl --optimizer sgd --start 0,0 --steps ten
expect_error "--steps: number out of range, got '99999999999999999999999'" --surface bowl --optimizer sgd --start 0,0 --steps 99999999999999999999999
expect_error "SGD: lr must be a finite number > 0, got -1" "${ok[@]}" --lr -1
expect_error "SGD: lr must be a finite number > 0, got 0" "${ok[@]}" --lr 0
expect_error "SGD: lr must be a finite number > 0, got nan" "${ok[@]}" --lr nan
expect_error "--lr expects a number, got '0.1x'" "${ok[@]}" --lr 0.1x
expect_error "SGD: momentum must be a finite number >= 0, got -0.9" "${ok[@]}" --momentum -0.9
expect_error "SGD: dampening must be in [0, 1], got 2" "${ok[@]}" --momentum 0.9 --dampening 2
expect_error "SGD: nesterov requires momentum > 0" "${ok[@]}" --nesterov
expect_error "SGD: weight_decay must be a finite number >= 0, got -1" "${ok[@]}" --weight-decay -1
expect_error "RMSprop: alpha must be in [0, 1), got 1" --surface bowl --optimizer rmsprop --start 0,0 --steps 3 --alpha 1
expect_error "Adadelta: rho must be in [0, 1), got 1.5" --surface bowl --optimizer adadelta --start 0,0 --steps 3 --rho 1.5
expect_error "Adam: eps must be a finite number > 0, got 0" --surface bowl --optimizer adam --start 0,0 --steps 3 --eps 0
expect_error "Adam: beta1 must be in [0, 1), got 1" --surface bowl --optimizer adam --start 0,0 --steps 3 --beta1 1
expect_error "AdamW: beta2 must be in [0, 1), got -0.1" --surface bowl --optimizer adamw --start 0,0 --steps 3 --beta2=-0.1
expect_error "Adam: momentum is not a hyperparameter of Adam" --surface bowl --optimizer adam --start 0,0 --steps 3 --momentum 0.9
expect_error "unknown option '--learning-rate'" "${ok[@]}" --learning-rate 0.1
expect_error "unexpected argument 'bowl'" bowl
expect_error "option --lr needs a value (--lr F)" "${ok[@]}" --lr
expect_error "option --lr needs a value (--lr F)" --lr --json "${ok[@]}"
expect_error "option --json takes no value, got 'yes'" "${ok[@]}" --json=yes
expect_error "option --steps given twice" "${ok[@]}" --steps 4
expect_error "missing required option --surface" --optimizer sgd --start 0,0 --steps 3
expect_error "missing required option --optimizer" --surface bowl --start 0,0 --steps 3
expect_error "missing required option --start" --surface bowl --optimizer sgd --steps 3
expect_error "missing required option --steps" --surface bowl --optimizer sgd --start 0,0
expect_error "unexpected argument ''" "${ok[@]}" ""
expect_error "--schedule must be one of constant, step, exponential, inverse_time, got 'cosine'" "${ok[@]}" --schedule cosine
expect_error "--schedule step needs --gamma" "${ok[@]}" --schedule step --step-size 5
expect_error "--decay is not an option of --schedule exponential" "${ok[@]}" --schedule exponential --gamma 0.9 --decay 1
expect_error "--gamma is not an option of --schedule constant" "${ok[@]}" --gamma 0.9
expect_error "exponential decay: gamma must be a finite number > 0, got 0" "${ok[@]}" --schedule exponential --gamma 0

# successes
n=$((n + 1))
if "$BIN" descend --help >"$tmp/out" 2>"$tmp/err" && grep -q "torch >= 2.2" "$tmp/out" && [ ! -s "$tmp/err" ]; then
  echo "ok   --help exits 0"; else echo "FAIL: --help"; fail=$((fail + 1)); fi
n=$((n + 1))
out=$("$BIN" descend "${ok[@]}" --lr 0.1 --json)
if echo "$out" | python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
assert d["surface"] == "bowl" and d["optimizer"] == "sgd" and "diverged_at" not in d
assert len(d["path"]) == 4 and d["path"][0] == [-7, 2, 6.45]
assert d["path"][1] == [-7 + 0.1 * 0.7, 2 - 0.1 * 4, (-6.93) ** 2 / 20 + 1.6 ** 2]
' && echo "$out" | grep -qF '[-6.9299999999999997, 1.6000000000000001, 4.9612449999999999]'; then
  echo "ok   --json path (17 significant digits)"; else echo "FAIL: --json: $out"; fail=$((fail + 1)); fi
n=$((n + 1))
out=$("$BIN" descend --surface rosenbrock --optimizer sgd --lr 10 --start -1,1 --steps 100 --json)
if echo "$out" | grep -q '"diverged_at": 4}$'; then
  echo "ok   divergence recorded"; else echo "FAIL: divergence: $out"; fail=$((fail + 1)); fi
n=$((n + 1))
out=$("$BIN" descend --surface saddle --optimizer sgd --lr 0.1 --start 1,0 --steps 2 --schedule step --step-size 1 --gamma 0.5 --json)
if echo "$out" | python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
assert d["path"][1][0] == 1 - 0.1 * 2 and d["path"][2][0] == 0.8 - 0.05 * 1.6, d["path"]
'; then echo "ok   --schedule step halves lr"; else echo "FAIL: --schedule: $out"; fail=$((fail + 1)); fi
n=$((n + 1))
if [ "$("$BIN" descend "${ok[@]}" | wc -l)" -eq 6 ]; then echo "ok   table has header + 4 rows"
else echo "FAIL: table"; fail=$((fail + 1)); fi

echo "$((n - fail)) of $n CLI checks passed"
[ $fail -eq 0 ]
