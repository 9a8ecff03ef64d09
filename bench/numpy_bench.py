"""numpy single-thread timings on the shapes of bench/*.ts, for BENCHMARKS.md.

Not run in CI. Usage (from the repository root):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/numpy_bench.py --json out/bench-numpy.json

Threads are pinned to one (OPENBLAS/OMP/MKL/...=1) before numpy is imported, so the
comparison is one core against one core. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which
some environments set (this one to Haswell and 512: OpenBLAS then runs its Haswell
kernels on an AVX-512 machine), are removed before numpy is imported, so OpenBLAS picks
its kernel for the CPU it finds; the kernel it picked is recorded (openblas_get_corename).
Each kernel is timed as the median over 15 samples of timeit's autorange loop count, in
wall time and in process CPU time; names match the TypeScript concepts. Where numpy can
work in place, it is timed twice: as a user writes it (allocating temporaries, which pay
page faults here) and in place with preallocated `out=` buffers ("numpy in place").
"""
import os

REMOVED = {name: os.environ.pop(name) for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
           if name in os.environ}
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                 "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[variable] = "1"

import argparse  # noqa: E402
import ctypes  # noqa: E402
import glob  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
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


def openblas_core():
    """The kernel OpenBLAS chose (numpy's bundled scipy-openblas), or 'unknown'."""
    libs = os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs")
    for path in glob.glob(os.path.join(libs, "*openblas*")):
        library = ctypes.CDLL(path)
        for symbol in ("scipy_openblas_get_corename64_", "openblas_get_corename64_",
                       "openblas_get_corename"):
            if hasattr(library, symbol):
                function = getattr(library, symbol)
                function.restype = ctypes.c_char_p
                return function().decode()
    return "unknown"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def time_call(family, concept, name, fn, flops=None, accuracy=None, note=None):
    fn()  # warm-up
    timer = timeit.Timer(fn)
    loops, _ = timer.autorange()
    samples, cpu_samples = [], []
    for _ in range(15):
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for _ in range(loops):
            fn()
        samples.append((time.perf_counter() - wall0) / loops)
        cpu_samples.append((time.process_time() - cpu0) / loops)
    median = statistics.median(samples)
    entry = {"family": family, "concept": concept, "name": name, "kind": "numpy",
             "baseline": False, "medianNs": median * 1e9, "minNs": min(samples) * 1e9,
             "avgNs": statistics.fmean(samples) * 1e9, "samples": len(samples),
             "cpuNs": statistics.median(cpu_samples) * 1e9}
    if flops is not None:
        entry["gflops"] = flops / (median * 1e9)
    if accuracy is not None:
        entry["accuracy"] = accuracy
    if note is not None:
        entry["note"] = note
    results.append(entry)
    print(f"{concept + ' · ' + name:56s} {median * 1e6:12.1f} µs wall {entry['cpuNs'] / 1e3:12.1f} µs CPU",
          flush=True)


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
    print(f"OpenBLAS kernel: {openblas_core()}; removed from the environment: {REMOVED or 'nothing'}; "
          f"CPU: {cpu_model()}; load average {os.getloadavg()}", flush=True)

    for n in (64, 256, 512):
        rng_a, rng_b = np.random.RandomState(1), np.random.RandomState(2)
        a, b = rng_a.uniform(-1, 1, (n, n)), rng_b.uniform(-1, 1, (n, n))
        c = np.empty((n, n))
        time_call("matmul", f"matmul n={n}", "numpy", lambda: a @ b, flops=2 * n**3)
        time_call("matmul", f"matmul n={n}", "numpy in place",
                  lambda a=a, b=b, c=c: np.matmul(a, b, out=c), flops=2 * n**3)

    n = 1000
    a = np.random.RandomState(3).uniform(-1, 1, (n, n))
    x = np.random.RandomState(4).uniform(-1, 1, n)
    time_call("matvec", f"matvec n={n}", "numpy", lambda: a @ x, flops=2 * n * n)
    length = 1_000_000
    u = np.random.RandomState(5).uniform(-1, 1, length)
    v = np.random.RandomState(6).uniform(-1, 1, length)
    time_call("matvec", f"dot n={length}", "numpy", lambda: np.dot(u, v), flops=2 * length)

    z = np.random.RandomState(7).uniform(-8, 8, length)
    buffer = np.empty_like(z)

    def sigmoid_in_place():
        np.negative(z, out=buffer)
        np.exp(buffer, out=buffer)
        np.add(buffer, 1.0, out=buffer)
        np.reciprocal(buffer, out=buffer)
    time_call("activation", f"sigmoid n={length}", "numpy", lambda: sigmoid(z),
              note="1/(1+exp(-z))")
    time_call("activation", f"sigmoid n={length}", "numpy in place", sigmoid_in_place,
              note="negative, exp, add, reciprocal with out=")
    time_call("activation", f"sigmoid n={length}", "scipy-expit", lambda: expit(z))
    time_call("activation", f"tanh n={length}", "numpy", lambda: np.tanh(z))
    time_call("activation", f"tanh n={length}", "numpy in place", lambda: np.tanh(z, out=buffer))
    time_call("activation", f"exp n={length}", "numpy", lambda: np.exp(z))
    time_call("activation", f"exp n={length}", "numpy in place", lambda: np.exp(z, out=buffer))
    s = sigmoid(z)
    time_call("activation", f"sigmoid' from output n={length}", "numpy", lambda: s * (1 - s))

    m = np.random.RandomState(8).uniform(-1, 1, (1000, 1000)) * 10
    work = np.empty_like(m)

    def softmax_in_place():
        np.subtract(m, m.max(axis=1, keepdims=True), out=work)
        np.exp(work, out=work)
        np.divide(work, work.sum(axis=1, keepdims=True), out=work)

    def log_softmax(m):
        shifted = m - m.max(axis=1, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))

    def log_sum_exp(m):
        top = m.max(axis=1)
        return top + np.log(np.exp(m - top[:, None]).sum(axis=1))
    time_call("softmax", "softmax rows 1000x1000", "numpy", lambda: softmax_rows(m))
    time_call("softmax", "softmax rows 1000x1000", "numpy in place", softmax_in_place,
              note="subtract, exp, divide with out=")
    time_call("softmax", "log-softmax rows 1000x1000", "numpy", lambda: log_softmax(m))
    time_call("softmax", "log-sum-exp rows 1000x1000", "numpy", lambda: log_sum_exp(m))

    large = np.random.RandomState(9).uniform(-1, 1, (100_000, 3))
    for rows, inputs in ((7, X_MAT_IN), (100_000, large)):
        time_call("mlp", f"mlp 3-4-4-3 forward batch={rows}", "numpy",
                  lambda inputs=inputs: softmax_rows(sigmoid(sigmoid(inputs @ W1) @ W2) @ W3),
                  flops=rows * 2 * (12 + 16 + 12))
        z1, z2, z3 = np.empty((rows, 4)), np.empty((rows, 4)), np.empty((rows, 3))

        def forward_in_place(inputs=inputs, z1=z1, z2=z2, z3=z3):
            for z, w, x in ((z1, W1, inputs), (z2, W2, z1), (z3, W3, z2)):
                np.matmul(x, w, out=z)
                if z is not z3:
                    np.negative(z, out=z)
                    np.exp(z, out=z)
                    np.add(z, 1.0, out=z)
                    np.reciprocal(z, out=z)
            np.subtract(z3, z3.max(axis=1, keepdims=True), out=z3)
            np.exp(z3, out=z3)
            np.divide(z3, z3.sum(axis=1, keepdims=True), out=z3)
        time_call("mlp", f"mlp 3-4-4-3 forward batch={rows}", "numpy in place", forward_in_place,
                  flops=rows * 2 * (12 + 16 + 12), note="matmul, σ and softmax with out=")
    rng = np.random.RandomState(3)
    diamond_w1 = rng.uniform(-1, 1, 12).reshape(3, 4)
    diamond_w2 = rng.uniform(-1, 1, 4).reshape(4, 1)
    diamond_x = np.random.RandomState(13).uniform(-1, 1, (100_000, 3))
    diamond_x[:, 2] = 1
    time_call("mlp", "mlp diamond 3-4-1 forward batch=100000", "numpy",
              lambda: sigmoid(sigmoid(diamond_x @ diamond_w1) @ diamond_w2),
              flops=100_000 * 2 * (12 + 4))
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
            "openblasCore": openblas_core(),
            "removedEnvironment": REMOVED,
            "cpu": cpu_model(),
            "loadAverage": list(os.getloadavg()),
            "threads": "1 (OPENBLAS_NUM_THREADS=1 and friends)",
            "results": results,
        }
        with open(args.json, "w") as f:
            json.dump(report, f, indent=1)
            f.write("\n")
        print(f"wrote {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
