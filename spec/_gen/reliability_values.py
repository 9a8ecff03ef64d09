"""Independent values for the reliability specs (issue 12), printed as JSON.

Run by hand: python3 spec/_gen/reliability_values.py. Exact rationals (fractions) on the
doubles the specs pass, mpmath at 60 digits where a transcendental function is involved,
numpy's RandomState for the random matrix (its stream is what lib/random reproduces).
Never run by the tests or CI; the specs carry the printed values with this provenance.
"""
import json
from fractions import Fraction as F

import mpmath
import numpy as np

mpmath.mp.dps = 60
out = {}


def solve(a, b):
    """Exact solution of the square system a·x = b over the rationals."""
    n = len(a)
    m = [list(row) + [bb] for row, bb in zip(a, b)]
    for c in range(n):
        p = next(r for r in range(c, n) if m[r][c] != 0)
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def least_squares(x, y):
    """Exact W* = (XᵀX)⁻¹Xᵀy of the doubles x, y."""
    fx = [[F(v) for v in row] for row in x]
    fy = [F(v) for v in y]
    p = len(fx[0])
    gram = [[sum(r[a] * r[b] for r in fx) for b in range(p)] for a in range(p)]
    rhs = [sum(r[a] * yy for r, yy in zip(fx, fy)) for a in range(p)]
    return solve(gram, rhs)


def ridge(x, y, lam):
    """Exact W* = (XᵀX/n + λI)⁻¹Xᵀy/n of the doubles x, y, λ."""
    fx = [[F(v) for v in row] for row in x]
    fy = [F(v) for v in y]
    n, p = len(fx), len(fx[0])
    a = [[sum(r[i] * r[j] for r in fx) / n + (F(lam) if i == j else 0) for j in range(p)]
         for i in range(p)]
    b = [sum(r[i] * yy for r, yy in zip(fx, fy)) / n for i in range(p)]
    return solve(a, b)


# 1. Least squares on a merely scaled design: X·s, y·s (the doubles that JS's x * s gives).
X = [[1, 0.3], [1, 1.7], [1, 2.9]]
Y = [1.1, 2.3, 3.2]
out["lstsq"] = {}
for s in ["1e-300", "1e-200", "1e-160", "1", "1e160", "1e200", "1e300"]:
    sv = float(s)
    xs = [[v * sv for v in row] for row in X]
    ys = [v * sv for v in Y]
    out["lstsq"][s] = [float(w) for w in least_squares(xs, ys)]
out["lstsq_huge_y"] = [float(w) for w in least_squares(X, [1e308, -1e308, 1e308])]
# Ridge on scaled designs, and a tiny λ.
out["ridge_1e160_lambda_1"] = [float(w) for w in ridge([[v * 1e160 for v in r] for r in X],
                                                       [v * 1e160 for v in Y], 1.0)]
out["ridge_1e-160_lambda_1e-320"] = [float(w) for w in ridge(
    [[v * 1e-160 for v in r] for r in X], [v * 1e-160 for v in Y], 1e-320)]
out["ridge_ones_lambda_1e-20"] = [float(w) for w in ridge([[1, 1], [1, 1]], [1, 1], 1e-20)]
XD = [[1, 2, 3], [0.5, 1.5, 2.0], [3, 1, 4], [2, 2, 4], [1, 0.25, 1.25]]
YD = [1.0, 2.0, 0.5, 3.0, 1.5]
out["ridge_dependent_lambda_1e-20"] = [float(w) for w in ridge(XD, YD, 1e-20)]

# 2. Symmetric eigenvalues of [[a, b], [b, a]] are a − b and a + b, exactly, for doubles.
for a, b in [(1e155, 2e155), (1e-155, 2e-155)]:
    out[f"eigen_{a}"] = sorted([float(F(a) - F(b)), float(F(a) + F(b))])
rs = np.random.RandomState(1)
n = 20
m = np.zeros((n, n))
for i in range(n):
    for j in range(i + 1):
        v = rs.standard_normal()
        m[i, j] = v
        m[j, i] = v
ev = mpmath.eigsy(mpmath.matrix(m.tolist()), eigvals_only=True)
out["eigen_random20_seed1"] = sorted(float(v) for v in ev)

# 4. Softmax cross-entropy, log-sum-exp and log-softmax at 60 digits.
def lse(o):
    return mpmath.log(mpmath.fsum(mpmath.exp(mpmath.mpf(v)) for v in o))
out["sce_50_0_0"] = float(lse([50, 0, 0]) - 50)
out["sce_10_0"] = float(lse([10, 0]) - 10)
o = [-1.7e308, 1.7e308]
out["sce_huge"] = float(mpmath.mpf(0.5) * (lse(o) - mpmath.mpf(o[0])) +
                        mpmath.mpf(0.5) * (lse(o) - mpmath.mpf(o[1])))
LSE_CASES = {"0,-30": [0, -30], "1e6,999999": [1e6, 999999.0], "1e6,1e6-0.5,1e6-3": [1e6, 1e6 - 0.5, 1e6 - 3],
             "-5,-5.5,-40": [-5, -5.5, -40], "10,0": [10, 0]}
out["logsumexp"] = {k: float(lse(v)) for k, v in LSE_CASES.items()}
out["logsoftmax"] = {k: [float(mpmath.mpf(x) - lse(v)) for x in v] for k, v in LSE_CASES.items()}

# 5. 1 − σ(30) = σ(−30); tanh′(20) = 1 − tanh²(20); σ′(40) = σ(40)σ(−40).
out["one_minus_sigmoid_30"] = float(1 / (1 + mpmath.exp(30)))
out["tanh_prime_20"] = float(1 - mpmath.tanh(20) ** 2)
out["sigmoid_prime_40"] = float(mpmath.exp(-40) / (1 + mpmath.exp(-40)) ** 2)

print(json.dumps(out, indent=1))
