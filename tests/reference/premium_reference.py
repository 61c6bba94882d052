"""Independent reference values for the AI-premium statistics (scipy/statsmodels/numpy).
Run: python3 tests/reference/premium_reference.py  -> tests/fixtures/study/premium_reference.json"""
import json, math, os
import numpy as np
import statsmodels.api as sm
from scipy import stats

rng = np.random.default_rng(42)
a = [round(float(v), 6) for v in rng.normal(0.06, 0.08, 11)]
b = [round(float(v), 6) for v in rng.normal(0.005, 0.03, 23)]
w = stats.ttest_ind(a, b, equal_var=False)
va, vb = np.var(a, ddof=1) / len(a), np.var(b, ddof=1) / len(b)
df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))

n = 14
log_value = [round(float(v), 4) for v in rng.uniform(19, 23, n)]
mw = [float(v) for v in rng.integers(20, 400, n)]
years = [float(v) for v in rng.choice([5, 10, 12, 15, 25], n)]
hyper = [1.0 if i % 3 == 0 else 0.0 for i in range(n)]
neo = [1.0 if i % 3 == 1 else 0.0 for i in range(n)]
y = [round(0.01 * lv - 0.2 + 0.0002 * m + 0.003 * yr + 0.05 * h + float(rng.normal(0, 0.04 + 0.05 * h)), 6)
     for lv, m, yr, h in zip(log_value, mw, years, hyper)]
X = np.column_stack([np.ones(n), log_value, mw, years, hyper, neo])
res = sm.OLS(np.array(y), X).fit(cov_type="HC1")

T = 90
x = [None] + [round(float(v), 6) for v in rng.normal(0, 0.03, T - 1)]
yy = [None] + [round(0.8 * x[t] + float(rng.normal(0, 0.02)), 6) if t != 40 else None for t in range(1, T)]
def beta(t, L=30):
    pairs = [(x[i], yy[i]) for i in range(t - L + 1, t + 1) if x[i] is not None and yy[i] is not None]
    if len(pairs) < 20:
        return None
    xs, ys = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    return float(np.cov(xs, ys, ddof=1)[0, 1] / np.var(xs, ddof=1))
betas = [beta(t) if t >= 29 else None for t in range(T)]

out = {
    "welch": {"a": a, "b": b, "diff": float(np.mean(a) - np.mean(b)), "t": float(w.statistic), "df": float(df), "p": float(w.pvalue)},
    "hc1": {"y": y, "log_value": log_value, "mw": mw, "years": years, "hyperscaler": hyper, "neocloud": neo,
            "coef": res.params.tolist(), "se": res.bse.tolist(), "t": res.tvalues.tolist(), "r2": float(res.rsquared),
            "p": [float(2 * stats.t.sf(abs(t), n - 6)) for t in res.tvalues]},
    "rolling": {"x": x, "y": yy, "len": 30, "min": 20, "beta": betas},
}
path = os.path.join(os.path.dirname(__file__), "..", "fixtures", "study", "premium_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", os.path.normpath(path))
