"""numpy single-thread timings on the shapes of bench/*.ts, for BENCHMARKS.md.

Not run in CI. Usage (from the repository root):

    python3 bench/numpy_bench.py --json out/bench-numpy.json

Threads are pinned to one (OPENBLAS/OMP/MKL/...=1) before numpy is imported, so the
comparison is one core against one core. Each kernel is timed as the median over 15
samples of timeit's autorange loop count; names match the TypeScript concepts.
"""
import os

for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                 "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[variable] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import timeit  # noqa: E402

import numpy as np  # noqa: E402
import scipy  # noqa: E402
from scipy.linalg import solve_triangular  # noqa: E402
from scipy.special import expit  # noqa: E402

W1 = np.array([[2, -1, 1, 4], [-1, 2, -3, 1], [3, -2, -1, 5]], dtype=float)
W2 = np.array([[3, 1, -2, 1], [-2, 4, 1, -4], [-1, -3, 2, -5], [3, 1, 1, 1]], dtype=float)
W3 = np.array([[-1, 3, -2], [1, -1, -3], [3, -2, 2], [1, 2, 1]], dtype=float)
X_MAT_IN = np.array([[0.5, 0.8, 0.2], [0.1, 0.9, 0.6], [0.2, 0.2, 0.3], [0.6, 0.1, 0.9],
                     [0.5, 0.5, 0.4], [0.9, 0.1, 0.9], [0.1, 0.8, 0.7]])

results = []


def time_call(family, concept, name, fn, flops=None, accuracy=None, note=None):
    fn()  # warm-up
    timer = timeit.Timer(fn)
    loops, _ = timer.autorange()
    samples = [t / loops for t in timer.repeat(repeat=15, number=loops)]
    median = statistics.median(samples)
    entry = {"family": family, "concept": concept, "name": name, "kind": "numpy",
             "baseline": False, "medianNs": median * 1e9, "minNs": min(samples) * 1e9,
             "avgNs": statistics.fmean(samples) * 1e9, "samples": len(samples)}
    if flops is not None:
        entry["gflops"] = flops / (median * 1e9)
    if accuracy is not None:
        entry["accuracy"] = accuracy
    if note is not None:
        entry["note"] = note
    results.append(entry)
    print(f"{concept + ' · ' + name:48s} {median * 1e6:12.1f} µs", flush=True)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax_rows(m):
    e = np.exp(m - m.max(axis=1, keepdims=True))
    e /= e.sum(axis=1, keepdims=True)
    return e


def ulp_distance(a, b):
    """Number of doubles between a and b (same sign assumed, as for these sums)."""
    ia = np.array([a]).view(np.int64)[0]
    ib = np.array([b]).view(np.int64)[0]
    return int(abs(int(ia) - int(ib)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", help="write results to this file")
    args = parser.parse_args()

    for n in (64, 256):
        rng_a, rng_b = np.random.RandomState(1), np.random.RandomState(2)
        a, b = rng_a.uniform(-1, 1, (n, n)), rng_b.uniform(-1, 1, (n, n))
        time_call("matmul", f"matmul n={n}", "numpy", lambda: a @ b, flops=2 * n**3)

    n = 1000
    a = np.random.RandomState(3).uniform(-1, 1, (n, n))
    x = np.random.RandomState(4).uniform(-1, 1, n)
    time_call("matvec", f"matvec n={n}", "numpy", lambda: a @ x, flops=2 * n * n)
    length = 1_000_000
    u = np.random.RandomState(5).uniform(-1, 1, length)
    v = np.random.RandomState(6).uniform(-1, 1, length)
    time_call("matvec", f"dot n={length}", "numpy", lambda: np.dot(u, v), flops=2 * length)

    z = np.random.RandomState(7).uniform(-8, 8, length)
    time_call("activation", f"sigmoid n={length}", "numpy", lambda: sigmoid(z),
              note="1/(1+exp(-z))")
    time_call("activation", f"sigmoid n={length}", "scipy-expit", lambda: expit(z))
    s = sigmoid(z)
    time_call("activation", f"sigmoid' from output n={length}", "numpy", lambda: s * (1 - s))

    m = np.random.RandomState(8).uniform(-1, 1, (1000, 1000)) * 10
    time_call("softmax", "softmax rows 1000x1000", "numpy", lambda: softmax_rows(m))

    large = np.random.RandomState(9).uniform(-1, 1, (100_000, 3))
    for rows, inputs in ((7, X_MAT_IN), (100_000, large)):
        time_call("mlp", f"mlp 3-4-4-3 forward batch={rows}", "numpy",
                  lambda inputs=inputs: softmax_rows(sigmoid(sigmoid(inputs @ W1) @ W2) @ W3),
                  flops=rows * 2 * (12 + 16 + 12))
    a1 = sigmoid(large @ W1)
    a2 = sigmoid(a1 @ W2)
    a3 = softmax_rows(a2 @ W3)
    labels = np.zeros_like(a3)
    labels[np.arange(len(a3)), np.arange(len(a3)) % 3] = 1
    d3 = a3 - labels

    def backward():
        g3 = a2.T @ d3
        d2 = (d3 @ W3.T) * a2 * (1 - a2)
        g2 = a1.T @ d2
        d1 = (d2 @ W2.T) * a1 * (1 - a1)
        g1 = large.T @ d1
        return g1, g2, g3
    time_call("mlp", "mlp 3-4-4-3 backward batch=100000", "numpy", backward)

    rng = np.random.RandomState(10)
    m_samples, d, learning_rate = 100_000, 3, 1e-3
    features = rng.uniform(0, 1, (m_samples, 2))
    xs = np.column_stack([np.ones(m_samples), features])
    ys = 1.5 + features @ np.array([2.0, 5.0]) + rng.normal(0, 0.1, m_samples)
    w = np.array([3.0, 3.0, 3.0])

    def gd_step():
        r = xs @ w - ys
        gradient = xs.T @ r / m_samples
        return w - learning_rate * gradient, gradient, 0.5 * (r @ r) / m_samples
    time_call("gd", f"gd step m={m_samples} d={d}", "numpy", gd_step)

    rng = np.random.RandomState(12)
    design = np.column_stack([np.ones(10_000), rng.uniform(-1, 1, (10_000, 9))])
    coefficients = np.array([[j + 1 + k for k in range(3)] for j in range(10)], dtype=float)
    targets = design @ coefficients + rng.normal(0, 0.5, (10_000, 3))

    def qr_solve():
        q, r = np.linalg.qr(design)
        return solve_triangular(r, q.T @ targets)
    concept = "lstsq 10000x10 k=3"
    time_call("lstsq", concept, "numpy-qr", qr_solve, note="np.linalg.qr + solve_triangular")
    time_call("lstsq", concept, "numpy-lstsq",
              lambda: np.linalg.lstsq(design, targets, rcond=None), note="SVD (gelsd)")

    rng = np.random.RandomState(11)
    values = np.empty(length)
    for i in range(length):  # the same scalar stream as bench/summation.ts
        values[i] = rng.uniform(-1, 1) * 2.0 ** rng.randint(-20, 21)
    exact = math.fsum(values)
    total = float(np.sum(values))
    time_call("summation", f"sum n={length}", "numpy", lambda: np.sum(values),
              accuracy={"maxUlps": ulp_distance(total, exact),
                        "lre": 17 if total == exact else -math.log10(abs((total - exact) / exact))},
              note="pairwise")
    listed = values.tolist()
    time_call("summation", f"sum n={length}", "python-fsum", lambda: math.fsum(listed),
              accuracy={"maxUlps": 0, "lre": 17}, note="exact, correctly rounded")

    if args.json:
        os.makedirs(os.path.dirname(args.json) or ".", exist_ok=True)
        report = {
            "runtime": f"numpy {np.__version__} (scipy {scipy.__version__}, Python {platform.python_version()})",
            "blas": np.__config__.CONFIG.get("Build Dependencies", {}).get("blas", {}).get("openblas configuration", "unknown"),
            "threads": "1 (OPENBLAS_NUM_THREADS=1 and friends)",
            "results": results,
        }
        with open(args.json, "w") as f:
            json.dump(report, f, indent=1)
            f.write("\n")
        print(f"wrote {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
