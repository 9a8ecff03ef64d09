"""True σ, σ′, tanh and tanh′ at 27 001 points (mpmath, 50 digits), each as a double-double
[hi, lo], for tools/ulp_sweep/activation_ulps.ts. Run by hand from the repository root:
python3 tools/ulp_sweep/activation_truth.py (writes out/activation_truth.json).
"""
import os
import json, mpmath, numpy as np
mpmath.mp.dps = 50
rs = np.random.RandomState(20261202)
zs = list(rs.uniform(-40, 40, 20000)) + list(rs.uniform(-745, 745, 5000)) + [float(x) for x in np.linspace(-5, 5, 2001)]
out = {"z": zs, "sigmoid": [], "sigmoidDerivative": [], "tanh": [], "tanhDerivative": []}
def dd(v):
    hi = float(v); lo = float(v - mpmath.mpf(hi)); return [hi, lo]
for z in zs:
    zm = mpmath.mpf(z)
    s = 1 / (1 + mpmath.exp(-zm))
    out["sigmoid"].append(dd(s))
    e = mpmath.exp(-abs(zm)); out["sigmoidDerivative"].append(dd(e / (1 + e) ** 2))
    t = mpmath.tanh(zm)
    out["tanh"].append(dd(t))
    out["tanhDerivative"].append(dd(1 / mpmath.cosh(zm) ** 2))
os.makedirs("out", exist_ok=True)
json.dump(out, open("out/activation_truth.json", "w"))
