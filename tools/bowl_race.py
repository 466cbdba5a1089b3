#!/usr/bin/env python3
"""Bowl race: steps each optimizer needs, at its best lr, to reach f < 1e-4 on the bowl
f = x²/20 + y² from (-7, 2), measured with `basecamp descend --json`.

For each optimizer (torch defaults for everything but lr), every lr of a log-spaced grid is
run for MAX_STEPS steps. "settled" is the first t from which f stays below TARGET up to
MAX_STEPS (the ranking metric); "first" is the first t with f(t) < TARGET at all, which large
lrs can hit by luck while flying past the minimum (sign-like first steps of the adaptive
methods). The table gives, per optimizer, the lr with the fewest settled steps (ties → smaller
lr), and separately the fewest first-passage steps over all lrs. Usage: tools/bowl_race.py [path/to/basecamp] [max_steps]
"""
import json
import subprocess
import sys

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/native/basecamp"
MAX_STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
TARGET = 1e-4
PER_DECADE = 10
LRS = [10 ** (k / PER_DECADE) for k in range(-3 * PER_DECADE, 2 * PER_DECADE + 1)]  # 1e-3..100

RACERS = [
    ("sgd", "sgd", []),
    ("sgd+momentum 0.9", "sgd", ["--momentum", "0.9"]),
    ("nesterov 0.9", "sgd", ["--momentum", "0.9", "--nesterov"]),
    ("adagrad", "adagrad", []),
    ("rmsprop", "rmsprop", []),
    ("adadelta", "adadelta", []),
    ("adam", "adam", []),
    ("adamw (wd 0.01)", "adamw", []),
]


def run(optimizer, extra, lr):
    cmd = [BIN, "descend", "--surface", "bowl", "--optimizer", optimizer, "--start", "-7,2",
           "--steps", str(MAX_STEPS), "--lr", repr(lr), "--json"] + extra
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    d = json.loads(out)
    fs = [row[2] for row in d["path"]]
    first = next((t for t, f in enumerate(fs) if f < TARGET), None)
    settled = None
    if "diverged_at" not in d:
        t = len(fs)
        while t > 0 and fs[t - 1] < TARGET:
            t -= 1
        settled = t if t < len(fs) else None
    return first, settled


def main():
    print(f"bowl f = x²/20 + y² from (-7, 2): steps until f < {TARGET:g} for good, best lr of "
          f"{len(LRS)} log-spaced in [1e-3, 100], {MAX_STEPS} steps per run")
    print(f"| {'optimizer':<18} | {'best lr':>8} | {'settled':>7} | {'lrs settling':>12} | "
          f"{'fewest first-passage (lr)':<26} |")
    print(f"|{'-' * 20}|{'-' * 10}|{'-' * 9}|{'-' * 14}|{'-' * 28}|")
    for label, optimizer, extra in RACERS:
        best = None        # (settled steps, lr)
        best_first = None  # (first-passage steps, lr)
        count = 0
        for lr in LRS:
            first, settled = run(optimizer, extra, lr)
            if first is not None and (best_first is None or first < best_first[0]):
                best_first = (first, lr)
            if settled is not None:
                count += 1
                if best is None or settled < best[0]:
                    best = (settled, lr)
        cols = ("-", f">{MAX_STEPS}") if best is None else (f"{best[1]:.3g}", str(best[0]))
        fp = "-" if best_first is None else f"{best_first[0]} ({best_first[1]:.3g})"
        print(f"| {label:<18} | {cols[0]:>8} | {cols[1]:>7} | {count:>12} | {fp:<26} |")


if __name__ == "__main__":
    main()
