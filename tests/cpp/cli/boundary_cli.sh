#!/bin/bash
# Runs the built `basecamp` binary through `boundary`: bad flags and bad CSV files exit 2 with
# exactly one stderr line naming the problem and nothing on stdout; a short real run's --json
# line parses and separates the circle; a CSV file trains; --keras prints the script; --help.
# Usage: tests/cpp/cli/boundary_cli.sh [path/to/basecamp]. Exits non-zero on any mismatch.
BIN=${1:-build/native/basecamp}
COMMAND=boundary
source "$(dirname "$0")/expect.sh"

expect_error "data: unknown data 'moons' (valid: gauss, circle" --data moons
expect_error "--noise expects a number, got 'lots'" --noise lots
expect_error "data: noise must be in [0, 0.5], got 0.7" --noise 0.7
expect_error "--points must be between 10 and 10000, got 5" --points 5
expect_error "data: test_ratio must be in [0, 0.9], got 1" --test-ratio 1
expect_error "features: unknown feature 'x3'" --features x1,x3
expect_error "--hidden: each layer needs 1 to 32 units, got 33" --hidden 4,33
expect_error "--hidden expects unit counts like 4,2 (or none), got '4,,2'" --hidden 4,,2
expect_error "network: hidden_layers must be in [0, 10], got 11" --hidden 1,1,1,1,1,1,1,1,1,1,1
expect_error "--activation: 3 activations for 2 hidden layers" --activation relu,tanh,tanh
expect_error "unknown activation 'swish'" --activation swish
expect_error "optimizer: lr must be in (0, 10], got 1000000000" --lr 1e9
expect_error "optimizer: lr must be in (0, 10], got nan" --lr nan
expect_error "--batch-size must be between 1 and 10000, got 0" --batch-size 0
expect_error "--epochs must be between 1 and 100000, got 0" --epochs 0
expect_error "network: dropout must be in [0, 0.9], got 1" --dropout 1
expect_error "unknown optimizer 'adamax'" --optimizer adamax
expect_error "SGD: beta1 is not a hyperparameter of SGD" --beta1 0.9
expect_error "unknown option '--learning-rate'" --learning-rate 0.1
expect_error "--data: cannot open '$tmp/none.csv'" --data "$tmp/none.csv"

# Bad CSV files: the line and the problem.
printf 'x1,x2,label\n1,2,0\n3,4\n' >"$tmp/columns.csv"
expect_error "$tmp/columns.csv: line 3: expected 3 values x1,x2,label" --data "$tmp/columns.csv"
printf '1,2,0\n3,four,1\n' >"$tmp/number.csv"
expect_error "$tmp/number.csv: line 2: x1 or x2 is not a number" --data "$tmp/number.csv"
printf '1,2,0\nnan,4,1\n' >"$tmp/nan.csv"
expect_error "$tmp/nan.csv: line 2: x1 or x2 is NaN or infinite" --data "$tmp/nan.csv"
printf '1,2,a\n3,4,a\n' >"$tmp/one.csv"
expect_error "$tmp/one.csv: all points have the same label" --data "$tmp/one.csv"
printf 'x1,x2,label\n' >"$tmp/empty.csv"
expect_error "$tmp/empty.csv: no data lines" --data "$tmp/empty.csv"
for i in $(seq 0 10); do echo "$i,0,c$i"; done >"$tmp/classes.csv"
expect_error "$tmp/classes.csv: line 11: more than 10 classes" --data "$tmp/classes.csv"
for i in $(seq 0 10000); do echo "$i,0,$((i % 2))"; done >"$tmp/rows.csv"
expect_error "$tmp/rows.csv: line 10001: more than 10000 points" --data "$tmp/rows.csv"
expect_error "--points and --noise are for generated data" --data "$tmp/one.csv" --points 50

# successes
n=$((n + 1))
if "$BIN" boundary --help >"$tmp/out" 2>"$tmp/err" && grep -q "spiral3" "$tmp/out" && [ ! -s "$tmp/err" ]; then
  echo "ok   --help exits 0"; else echo "FAIL: --help"; fail=$((fail + 1)); fi

n=$((n + 1))
if "$BIN" boundary --data circle --epochs 100 --seed 3 --json >"$tmp/out" 2>"$tmp/err" &&
   [ "$(wc -l <"$tmp/out")" -eq 1 ] && grep -q "^epoch 100: train_loss" "$tmp/err" &&
   python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert set(d) == {"train_loss", "test_loss", "test_accuracy", "epochs"}, d
assert d["epochs"] == 100 and d["test_accuracy"] > 0.95 and d["train_loss"] < 0.2, d
print("ok   circle, 100 epochs: test_accuracy", d["test_accuracy"])
' "$tmp/out"; then :; else echo "FAIL: circle run: $(cat "$tmp/out") $(cat "$tmp/err")"; fail=$((fail + 1)); fi

n=$((n + 1))
printf 'x1,x2,label\n' >"$tmp/pts.csv"
for i in $(seq 1 40); do echo "$((i % 7 - 3)).5,$((i % 5 - 2)),yes"; echo "$((i % 7 + 4)),$((i % 5 + 3)),no"; done >>"$tmp/pts.csv"
if "$BIN" boundary --data "$tmp/pts.csv" --hidden none --epochs 30 --lr 0.1 --json >"$tmp/out" 2>/dev/null &&
   python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert d["test_accuracy"] > 0.9, d
print("ok   a CSV of named classes trains: test_accuracy", d["test_accuracy"])
' "$tmp/out"; then :; else echo "FAIL: csv run: $(cat "$tmp/out")"; fail=$((fail + 1)); fi

n=$((n + 1))
if "$BIN" boundary --data spiral3 --hidden 8,8 --activation relu --optimizer adam --lr 0.01 --keras >"$tmp/out" 2>"$tmp/err" &&
   grep -q 'keras.layers.Dense(3, activation="softmax"' "$tmp/out" && grep -q "keras.optimizers.Adam(learning_rate=0.01" "$tmp/out" &&
   [ ! -s "$tmp/err" ] && python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read())' "$tmp/out"; then
  echo "ok   --keras prints the script"; else echo "FAIL: --keras: $(cat "$tmp/err")"; fail=$((fail + 1)); fi

# Every golden Keras script (tests/data/boundary_keras, compared by the Catch2 tests) is Python.
for f in "$(dirname "$0")"/../../data/boundary_keras/*.py; do
  n=$((n + 1))
  if python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read())' "$f"; then echo "ok   $(basename "$f") parses as Python"
  else echo "FAIL: $f is not Python"; fail=$((fail + 1)); fi
done

echo "$((n - fail)) of $n CLI checks passed"
[ $fail -eq 0 ]
