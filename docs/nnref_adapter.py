"""Answers for every nnref concept from numpy/scipy: the Python side of `nnref verify`.

    python3 docs/nnref_adapter.py --nnref "deno run -A tools/nnref.ts" --out answers.json
    deno run -A tools/nnref.ts verify answers.json

For each concept it runs `nnref inputs --concept C`, computes the concept's outputs with
numpy/scipy (the idiomatic calls a numpy user would make), reshapes and transposes each to
the field it answers (as `inputs` says), and writes {"precision", "implementation",
"answers": {fixture id: {field: values}}}. Copy it and replace a function with your own
code to check yours. Needs numpy and scipy; nothing from nnref."""
import argparse
import json
import math
import shlex
import subprocess
import sys

import numpy as np
import scipy.linalg
import scipy.special


def rows(z):
    z = np.asarray(z, dtype=float)
    return (z[None, :], True) if z.ndim == 1 else (z, False)


def per_row(z, f, y=None):
    zr, single = rows(z)
    yr = rows(y)[0] if y is not None else [None] * len(zr)
    out = np.array([f(a) if y is None else f(a, b) for a, b in zip(zr, yr)])
    return out[0] if single else out


ACT = {
    "sigmoid": scipy.special.expit,
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0),
    "identity": lambda z: z,
    "softmax": lambda z: scipy.special.softmax(z, axis=1),
}
DACT = {  # derivatives from the pre-activation z and the activation a
    "sigmoid": lambda z, a: a * (1 - a),
    "tanh": lambda z, a: 1 - a * a,
    "relu": lambda z, a: (z > 0).astype(float),
    "identity": lambda z, a: np.ones_like(z),
}


def forward(layers, X):
    a = np.asarray(X, dtype=float)
    zs, acts = [], [a]
    for layer in layers:
        z = a @ np.asarray(layer["W"], dtype=float) + np.asarray(layer["b"], dtype=float)
        a = ACT[layer["activation"]](z)
        zs.append(z)
        acts.append(a)
    return zs, acts


def backward(inp):
    layers = inp["layers"]
    zs, acts = forward(layers, inp["X"])
    delta = 2 * inp["lossScale"] * (acts[-1] - np.asarray(inp["Y"], dtype=float))
    delta = delta * DACT[layers[-1]["activation"]](zs[-1], acts[-1])
    out = {}
    for l in range(len(layers) - 1, -1, -1):
        out[f"delta{l + 1}"] = delta
        out[f"dW{l + 1}"] = acts[l].T @ delta
        out[f"db{l + 1}"] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ np.asarray(layers[l]["W"], dtype=float).T) * DACT[layers[l - 1]["activation"]](zs[l - 1], acts[l])
    return out


def graph_gradient(g):
    """Reverse mode over the node list."""
    ops = {
        "add": (lambda a, b: a + b, lambda a, b: (1.0, 1.0)), "sub": (lambda a, b: a - b, lambda a, b: (1.0, -1.0)),
        "mul": (lambda a, b: a * b, lambda a, b: (b, a)), "div": (lambda a, b: a / b, lambda a, b: (1 / b, -a / (b * b))),
        "pow": (lambda a, b: a ** b, lambda a, b: (b * a ** (b - 1), a ** b * math.log(a) if a > 0 else 0.0)),
        "neg": (lambda a: -a, lambda a: (-1.0,)), "exp": (math.exp, lambda a: (math.exp(a),)),
        "log": (math.log, lambda a: (1 / a,)), "sin": (math.sin, lambda a: (math.cos(a),)),
        "cos": (math.cos, lambda a: (-math.sin(a),)), "tanh": (math.tanh, lambda a: (1 - math.tanh(a) ** 2,)),
        "sigmoid": (lambda a: float(scipy.special.expit(a)), lambda a: (float(scipy.special.expit(a) * (1 - scipy.special.expit(a))),)),
        "square": (lambda a: a * a, lambda a: (2 * a,)), "sqrt": (math.sqrt, lambda a: (0.5 / math.sqrt(a),)),
    }
    env = dict(zip(g["variables"], g["values"]))
    tape = []
    for name, op, *args in g["nodes"]:
        vals = [env[a] if isinstance(a, str) else a for a in args]
        env[name] = ops[op][0](*vals)
        tape.append((name, op, args, vals))
    adj = {g["output"]: 1.0}
    for name, op, args, vals in reversed(tape):
        if name in adj:
            for a, p in zip(args, ops[op][1](*vals)):
                if isinstance(a, str):
                    adj[a] = adj.get(a, 0.0) + adj[name] * p
    return np.array([adj.get(v, 0.0) for v in g["variables"]])


def least_squares(X, y, how):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if how == "numpy.linalg.lstsq":
        return np.linalg.lstsq(X, y, rcond=None)[0]
    if how == "scipy.linalg.lstsq":
        return scipy.linalg.lstsq(X, y)[0]
    Q, R = np.linalg.qr(X)
    return scipy.linalg.solve_triangular(R, Q.T @ y)


def perceptron(i):
    w, x = np.asarray(i["w"], dtype=float), np.asarray(i["x"], dtype=float)
    b, y, eta = i["b"], i["y"], i["learningRate"]
    if y * (w @ x + b) <= 0:
        w, b = w + eta * y * x, b + eta * y
    return {"w": w, "b": b}


def compute(concept, inp, how):
    """{output name: value} of one concept at one canonical input."""
    f = {
        "sigmoid": lambda: scipy.special.expit(np.asarray(inp["z"], dtype=float)),
        "sigmoid-derivative": lambda: scipy.special.expit(np.asarray(inp["z"], dtype=float)) * scipy.special.expit(-np.asarray(inp["z"], dtype=float)),
        "tanh": lambda: np.tanh(np.asarray(inp["z"], dtype=float)),
        "tanh-derivative": lambda: 1 - np.tanh(np.asarray(inp["z"], dtype=float)) ** 2,
        "relu": lambda: np.maximum(np.asarray(inp["z"], dtype=float), 0),
        "relu-derivative": lambda: (np.asarray(inp["z"], dtype=float) > 0).astype(float),
        "softmax": lambda: per_row(inp["z"], scipy.special.softmax),
        "log-sum-exp": lambda: per_row(inp["z"], scipy.special.logsumexp),
        "softmax-cross-entropy": lambda: per_row(inp["z"], lambda z, y: -(y * scipy.special.log_softmax(z)).sum(), inp["y"]),
        "binary-cross-entropy": lambda: -scipy.special.xlogy(inp["y"], inp["p"]) - scipy.special.xlog1py(1 - np.asarray(inp["y"]), -np.asarray(inp["p"])),
        "least-squares": lambda: least_squares(inp["X"], inp["y"], how),
        "ridge": lambda: np.linalg.solve(np.asarray(inp["X"]).T @ np.asarray(inp["X"]) / len(inp["y"]) + inp["lambda"] * np.eye(len(inp["X"][0])),
                                         np.asarray(inp["X"]).T @ np.asarray(inp["y"]) / len(inp["y"])),
        "gd-step": lambda: gd(inp),
        "sgd-step": lambda: sgd(inp),
        "forward": lambda: forward(inp["layers"], inp["X"])[1][-1],
        "logistic-gradient": lambda: np.asarray(inp["X"]).T @ (scipy.special.expit(np.asarray(inp["X"]) @ np.asarray(inp["w"])) - np.asarray(inp["y"])) / len(inp["y"]),
        "graph-gradient": lambda: graph_gradient(inp),
    }
    if concept in ("backward", "backward-delta"):
        return backward(inp)
    if concept == "perceptron-update":
        return perceptron(inp)
    value = f[concept]()
    name = {"least-squares": "W", "ridge": "W", "gd-step": "W", "sgd-step": "W", "forward": "output",
            "logistic-gradient": "gradient", "graph-gradient": "gradient"}.get(concept, "value")
    return {name: value}


def gd(i):
    W, X, y = np.asarray(i["W"], dtype=float), np.asarray(i["X"], dtype=float), np.asarray(i["y"], dtype=float)
    for _ in range(i["steps"]):
        W = W - i["learningRate"] * X.T @ (X @ W - y) / len(y)
    return W


def sgd(i):
    W, X, y = np.asarray(i["W"], dtype=float), np.asarray(i["X"], dtype=float), np.asarray(i["y"], dtype=float)
    for B, eta in zip(i["batches"], i["learningRates"]):
        W = W - eta * X[B].T @ (X[B] @ W - y[B]) / len(B)
    return W


def encode(a):
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        v = float(a)
        return v if math.isfinite(v) else ("NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity"))
    return [encode(x) for x in a]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--nnref", default="tools/runtimes/node_modules/.bin/deno run -A tools/nnref.ts", help="the command that runs nnref")
    p.add_argument("--concept", action="append", help="only these concepts (default: all)")
    p.add_argument("--least-squares", default="qr", choices=["qr", "numpy.linalg.lstsq", "scipy.linalg.lstsq"],
                   help="qr (numpy.linalg.qr + solve_triangular, the default) conforms on every fixture; "
                        "numpy's and scipy's lstsq (SVD, no column scaling, a singular-value cut-off) fail NIST Pontius and Filip")
    p.add_argument("--out", default="answers.json")
    a = p.parse_args()
    cmd = shlex.split(a.nnref)
    if a.concept:
        docs = [json.loads(subprocess.run(cmd + ["inputs", "--concept", c], capture_output=True, text=True, check=True).stdout) for c in a.concept]
    else:  # one call for every concept
        docs = json.loads(subprocess.run(cmd + ["inputs", "--concept", "all"], capture_output=True, text=True, check=True).stdout)
    concepts = [d["concept"] for d in docs]
    answers = {}
    for doc in docs:
        concept = doc["concept"]
        for fx in doc["fixtures"]:
            with np.errstate(all="ignore"):
                out = compute(concept, fx["input"], a.least_squares)
            for field, how in fx["fields"].items():
                value = np.asarray(out[how["output"]], dtype=float)
                if how["transposed"]:
                    value = value.T
                answers.setdefault(fx["id"], {})[field] = encode(value.reshape(how["shape"]))
    label = f"numpy {np.__version__} / scipy {scipy.__version__} (least squares: {a.least_squares})"
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump({"precision": "float64", "implementation": label, "answers": answers}, f)
    print(f"{sum(len(v) for v in answers.values())} answers for {len(answers)} fixtures of {len(concepts)} concepts → {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
