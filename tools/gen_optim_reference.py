#!/usr/bin/env python3
"""Write tests/data/optim_reference.json: per-step parameter values of each torch.optim rule.

Each optimizer is written here as the plainest per-element loop of torch.optim's documented
algorithm (same operation order as torch's single-tensor code path, including Tensor.lerp_'s
two-branch formula), in Python floats (IEEE double). No numpy, no torch. The C++ tests (and
later the JS tests) replay every case through the vectorised implementations and compare each
step to within a relative 1e-12.

Problem: a 2x3 parameter theta (flattened row-major, index i = 0..5), at step t = 1, 2, ...
    g[i] = 2 * (theta[i] - c[i]) + noise(t, i),   noise(t, i) = ((7t + 3i) mod 11 - 5) / 10
(only + - * / and exact constants, so every platform computes the same gradients).

Usage: python3 tools/gen_optim_reference.py [output path]
"""
import json
import math
import os
import sys

THETA0 = [0.5, -1.5, 2.0, -0.25, 1.25, -3.0]
C = [1.0, 0.5, -1.0, 2.0, -0.5, 0.0]
ROWS, COLS = 2, 3
STEPS = 15


def noise(t, i):
    return ((7 * t + 3 * i) % 11 - 5) / 10


def gradient(theta, t):
    return [2 * (theta[i] - C[i]) + noise(t, i) for i in range(len(theta))]


def lerp(start, end, w):  # torch's Tensor.lerp_ for one element
    return start + w * (end - start) if w < 0.5 else end - (end - start) * (1 - w)


def sgd(s):
    lr = s.get("lr", 1e-3); mu = s.get("momentum", 0.0); tau = s.get("dampening", 0.0)
    nesterov = s.get("nesterov", False); wd = s.get("weight_decay", 0.0)
    buf = None

    def step(theta, grad, t):
        nonlocal buf
        if buf is None:
            buf = [0.0] * len(theta)
        for i in range(len(theta)):
            g = grad[i]
            if wd != 0:
                g = g + wd * theta[i]
            if mu != 0:
                if t == 1:
                    buf[i] = g
                else:
                    buf[i] = mu * buf[i] + (1 - tau) * g
                if nesterov:
                    g = g + mu * buf[i]
                else:
                    g = buf[i]
            theta[i] = theta[i] - lr * g
    return step


def adagrad(s):
    lr = s.get("lr", 1e-2); lr_decay = s.get("lr_decay", 0.0); wd = s.get("weight_decay", 0.0)
    init = s.get("initial_accumulator_value", 0.0); eps = s.get("eps", 1e-10)
    state_sum = None

    def step(theta, grad, t):
        nonlocal state_sum
        if state_sum is None:
            state_sum = [init] * len(theta)
        clr = lr / (1 + (t - 1) * lr_decay)
        for i in range(len(theta)):
            g = grad[i]
            if wd != 0:
                g = g + wd * theta[i]
            state_sum[i] = state_sum[i] + g * g
            std = math.sqrt(state_sum[i]) + eps
            theta[i] = theta[i] - clr * g / std  # addcdiv: value * t1 / t2
    return step


def rmsprop(s):
    lr = s.get("lr", 1e-2); alpha = s.get("alpha", 0.99); eps = s.get("eps", 1e-8)
    wd = s.get("weight_decay", 0.0); mu = s.get("momentum", 0.0)
    centered = s.get("centered", False)
    v = b = gavg = None

    def step(theta, grad, t):
        nonlocal v, b, gavg
        if v is None:
            v, b, gavg = [0.0] * len(theta), [0.0] * len(theta), [0.0] * len(theta)
        for i in range(len(theta)):
            g = grad[i]
            if wd != 0:
                g = g + wd * theta[i]
            v[i] = alpha * v[i] + (1 - alpha) * g * g
            if centered:
                gavg[i] = lerp(gavg[i], g, 1 - alpha)
                avg = math.sqrt(v[i] - gavg[i] * gavg[i])
            else:
                avg = math.sqrt(v[i])
            avg = avg + eps
            if mu > 0:
                b[i] = mu * b[i] + g / avg
                theta[i] = theta[i] - lr * b[i]
            else:
                theta[i] = theta[i] - lr * g / avg
    return step


def adadelta(s):
    lr = s.get("lr", 1.0); rho = s.get("rho", 0.9); eps = s.get("eps", 1e-6)
    wd = s.get("weight_decay", 0.0)
    v = u = None

    def step(theta, grad, t):
        nonlocal v, u
        if v is None:
            v, u = [0.0] * len(theta), [0.0] * len(theta)
        for i in range(len(theta)):
            g = grad[i]
            if wd != 0:
                g = g + wd * theta[i]
            v[i] = rho * v[i] + (1 - rho) * g * g
            std = math.sqrt(v[i] + eps)
            delta = math.sqrt(u[i] + eps) / std * g
            u[i] = rho * u[i] + (1 - rho) * delta * delta
            theta[i] = theta[i] - lr * delta
    return step


def adam(s, decoupled=False):
    lr = s.get("lr", 1e-3); beta1 = s.get("beta1", 0.9); beta2 = s.get("beta2", 0.999)
    eps = s.get("eps", 1e-8); wd = s.get("weight_decay", 1e-2 if decoupled else 0.0)
    amsgrad = s.get("amsgrad", False)
    m = v = vmax = None

    def step(theta, grad, t):
        nonlocal m, v, vmax
        if m is None:
            m, v, vmax = [0.0] * len(theta), [0.0] * len(theta), [0.0] * len(theta)
        bias_correction1 = 1 - beta1 ** t
        bias_correction2 = 1 - beta2 ** t
        step_size = lr / bias_correction1
        bias_correction2_sqrt = math.sqrt(bias_correction2)
        for i in range(len(theta)):
            g = grad[i]
            if decoupled:
                theta[i] = theta[i] * (1 - lr * wd)
            elif wd != 0:
                g = g + wd * theta[i]
            m[i] = lerp(m[i], g, 1 - beta1)
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            if amsgrad:
                vmax[i] = max(vmax[i], v[i])
                denom = math.sqrt(vmax[i]) / bias_correction2_sqrt + eps
            else:
                denom = math.sqrt(v[i]) / bias_correction2_sqrt + eps
            theta[i] = theta[i] - step_size * m[i] / denom
    return step


RULES = {
    "sgd": sgd, "adagrad": adagrad, "rmsprop": rmsprop, "adadelta": adadelta,
    "adam": adam, "adamw": lambda s: adam(s, decoupled=True),
}

# (case name, optimizer, settings: keys as in the C++ OptimizerSettings / the CLI flags)
CASES = [
    ("sgd_plain", "sgd", {"lr": 0.1}),
    ("sgd_default_lr", "sgd", {}),
    ("sgd_momentum", "sgd", {"lr": 0.05, "momentum": 0.9}),
    ("sgd_dampening", "sgd", {"lr": 0.05, "momentum": 0.9, "dampening": 0.5}),
    ("sgd_nesterov", "sgd", {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    ("sgd_weight_decay", "sgd", {"lr": 0.05, "momentum": 0.8, "weight_decay": 0.1}),
    ("adagrad_default", "adagrad", {}),
    ("adagrad_lr", "adagrad", {"lr": 0.5}),
    ("adagrad_lr_decay", "adagrad", {"lr": 0.3, "lr_decay": 0.05, "weight_decay": 0.1,
                                     "initial_accumulator_value": 0.5}),
    ("rmsprop_default", "rmsprop", {}),
    ("rmsprop_keras", "rmsprop", {"lr": 1e-3, "alpha": 0.9, "eps": 1e-7}),
    ("rmsprop_momentum", "rmsprop", {"lr": 0.01, "momentum": 0.9}),
    ("rmsprop_centered", "rmsprop", {"lr": 0.02, "centered": True, "alpha": 0.3,
                                     "momentum": 0.5, "weight_decay": 0.01}),
    ("adadelta_default", "adadelta", {}),
    ("adadelta_tuned", "adadelta", {"lr": 0.5, "rho": 0.95, "eps": 1e-5, "weight_decay": 0.1}),
    ("adam_default", "adam", {}),
    ("adam_lr", "adam", {"lr": 0.1}),
    ("adam_amsgrad", "adam", {"lr": 0.1, "beta1": 0.8, "beta2": 0.99, "weight_decay": 0.05,
                              "amsgrad": True}),
    ("adam_low_betas", "adam", {"lr": 0.05, "beta1": 0.4, "beta2": 0.6, "eps": 1e-3}),
    ("adamw_default", "adamw", {"lr": 0.1}),
    ("adamw_amsgrad", "adamw", {"lr": 0.05, "weight_decay": 0.5, "amsgrad": True}),
]


def run(optimizer, settings):
    theta = list(THETA0)
    step = RULES[optimizer](settings)
    values = [list(theta)]
    for t in range(1, STEPS + 1):
        step(theta, gradient(theta, t), t)
        values.append(list(theta))
    return values


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "tests", "data",
                                                              "optim_reference.json")
    doc = {
        "generator": "tools/gen_optim_reference.py",
        "problem": {
            "rows": ROWS, "cols": COLS, "theta0": THETA0, "c": C, "steps": STEPS,
            "gradient": "g[i] = 2*(theta[i] - c[i]) + ((7*t + 3*i) % 11 - 5)/10, "
                        "i = row-major index, t = 1-based step",
        },
        "cases": [{"name": n, "optimizer": o, "settings": s, "values": run(o, s)}
                  for n, o, s in CASES],
    }
    # repr-exact floats (json writes Python's shortest round-trip form); one row per line
    lines = ["{", f' "generator": {json.dumps(doc["generator"])},',
             f' "problem": {json.dumps(doc["problem"])},', ' "cases": [']
    for k, case in enumerate(doc["cases"]):
        head = {key: case[key] for key in ("name", "optimizer", "settings")}
        lines.append("  " + json.dumps(head)[:-1] + ', "values": [')
        rows = [json.dumps(row) for row in case["values"]]
        lines.append(",\n".join("   " + r for r in rows))
        lines.append("  ]}" + ("," if k + 1 < len(doc["cases"]) else ""))
    lines += [" ]", "}"]
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == doc
    with open(out, "w") as f:
        f.write(text)
    print(f"wrote {len(CASES)} cases x {STEPS} steps to {out}")


if __name__ == "__main__":
    main()
