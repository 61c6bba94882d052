"""Independent reference values for hashpivot's event-study engine.

Written with numpy/statsmodels/scipy, following the formulas in issue #6 and src/study/stats.rs,
without looking at the Rust code paths. Run: python3 tests/reference/study_reference.py
It writes tests/fixtures/study/reference.json (inputs and expected outputs), which the Rust tests
read; CI does not need Python.
"""
import json
import math
import os

import numpy as np
import statsmodels.api as sm
from scipy import stats

rng = np.random.default_rng(20251103)
N_DAYS = 40
EST = (-15, -3)
WINDOWS = [(-1, 1), (0, 2), (-2, 2)]
MIN_EST = 10


def r6(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(float(x), 6)


market = [None] + [r6(v) for v in rng.normal(0.0005, 0.01, N_DAYS - 1)]
factor = [None] + [r6(v) for v in rng.normal(0.001, 0.03, N_DAYS - 1)]
stocks = {}
events = [("E1", "AAA", 24), ("E2", "BBB", 27), ("E3", "CCC", 20), ("E4", "AAA", 33), ("E5", "DDD", 37), ("E6", "BBB", 38), ("E7", "CCC", 12)]
for name, beta_m, beta_b, jump in [("AAA", 1.2, 0.5, 0.06), ("BBB", 0.8, 0.9, -0.03), ("CCC", 1.5, 0.2, 0.04), ("DDD", 1.0, 1.0, 0.0)]:
    r = [None]
    for t in range(1, N_DAYS):
        r.append(r6(0.0003 + beta_m * market[t] + beta_b * factor[t] + rng.normal(0, 0.02)))
    stocks[name] = r
# inject the events' jumps on day 0 and a few missing returns (never bridged)
for eid, tic, d0 in events:
    j = {"AAA": 0.06, "BBB": -0.03, "CCC": 0.04, "DDD": 0.0}[tic]
    stocks[tic][d0] = r6(stocks[tic][d0] + j)
stocks["AAA"][15] = None      # inside E1's estimation window
stocks["BBB"][28] = None      # E2's day +1: skipped in its windows
market[10] = None             # a missing benchmark return: a missing regressor row
stocks["CCC"][12] = None


def model_rows(model, t):
    m, b = market[t], factor[t]
    if model == "factor":
        return None if m is None or b is None else [1.0, m, b]
    if model == "market":
        return None if m is None else [1.0, m]
    if model == "mean":
        return [1.0]
    if model == "market-adjusted":
        return None if m is None else [m]


def event(model, tic, d0):
    r = stocks[tic]
    k = {"factor": 3, "market": 2, "mean": 1, "market-adjusted": 1}[model]
    # excluded if outside the data
    span = (min(w[0] for w in WINDOWS), max(w[1] for w in WINDOWS))
    if d0 + EST[0] < 1 or d0 + span[1] > N_DAYS - 1:
        return {"status": "excluded"}
    X, y, taus = [], [], []
    for tau in range(EST[0], EST[1] + 1):
        t = d0 + tau
        row = model_rows(model, t)
        if r[t] is not None and row is not None:
            X.append(row); y.append(r[t]); taus.append(tau)
    M = len(y)
    if M < MIN_EST:
        return {"status": "excluded"}
    X = np.array(X); y = np.array(y)
    if model == "market-adjusted":
        ars = y - X[:, 0]
        sigma2 = np.var(ars, ddof=1)
        resid = ars
        beta = None
        xtx_inv = None
    else:
        res = sm.OLS(y, X).fit()
        beta = res.params
        resid = res.resid
        sigma2 = res.ssr / (M - k)
        assert abs(sigma2 - res.scale) < 1e-15
        xtx_inv = np.linalg.inv(X.T @ X)
    est_resid = {tau: float(e) for tau, e in zip(taus, resid)}
    out = {"status": "included", "m": M, "k": k, "sigma": math.sqrt(sigma2),
           "pos_share": float(np.mean(resid > 0))}
    if beta is not None:
        out["alpha"] = float(beta[0]); out["betas"] = [float(b) for b in beta[1:]]
    ar, sar, rows, exp_r, act = {}, {}, {}, {}, {}
    for tau in range(span[0], span[1] + 1):
        t = d0 + tau
        row = model_rows(model, t)
        if row is None:
            continue
        e = row[0] if model == "market-adjusted" else float(np.dot(row, beta))
        exp_r[tau] = e
        if r[t] is None:
            continue
        a = r[t] - e
        var = sigma2 if xtx_inv is None else sigma2 * (1 + np.array(row) @ xtx_inv @ np.array(row))
        ar[tau] = a; sar[tau] = a / math.sqrt(var); rows[tau] = np.array(row); act[tau] = r[t]
    out["ar"] = {str(k_): v for k_, v in ar.items()}
    out["sar"] = {str(k_): v for k_, v in sar.items()}
    wins = []
    for (a_, b_) in WINDOWS:
        days = [tau for tau in range(a_, b_ + 1) if tau in ar]
        L = len(days)
        car = sum(ar[d] for d in days)
        s = sum(rows[d] for d in days)
        var_car = sigma2 * L if xtx_inv is None else sigma2 * (L + s @ xtx_inv @ s)
        bhar = float(np.prod([1 + act[d] for d in days]) - np.prod([1 + exp_r[d] for d in days]))
        wins.append({"car": car, "var_car": float(var_car), "scar": car / math.sqrt(var_car), "bhar": bhar,
                     "l": L, "csar": sum(sar[d] for d in days)})
    out["windows"] = wins
    out["_est_resid"] = est_resid
    return out


def ranks_avg(v):
    return stats.rankdata(v, method="average")


def corrado(series_list, test_positions):
    # series_list: list of lists (None for missing) over D
    D = len(series_list[0])
    num = np.zeros(D); cnt = np.zeros(D)
    for s in series_list:
        pres = [(d, v) for d, v in enumerate(s) if v is not None]
        n_i = len(pres)
        rk = ranks_avg([v for _, v in pres])
        for (d, _), rr in zip(pres, rk):
            num[d] += rr / (n_i + 1) - 0.5
            cnt[d] += 1
    K = [num[d] / math.sqrt(cnt[d]) if cnt[d] > 0 else None for d in range(D)]
    kd = [x for x in K if x is not None]
    su = math.sqrt(sum(x * x for x in kd) / len(kd))
    tested = [K[d] for d in test_positions if K[d] is not None]
    z = sum(tested) / (math.sqrt(len(tested)) * su)
    return z


def stat(z, kind, n=None):
    if kind == "t":
        return {"stat": z, "p": float(2 * stats.t.sf(abs(z), n - 1))}
    return {"stat": z, "p": float(2 * stats.norm.sf(abs(z)))}


def aggregate(model, res):
    inc = [e for e in res if e["status"] == "included"]
    est_days = list(range(EST[0], EST[1] + 1))
    # r_bar: all pairs, pairwise complete, < 30 common days -> 0
    def corr(a, b):
        common = [d for d in est_days if d in a and d in b]
        if len(common) < 30:
            return 0.0
        return float(np.corrcoef([a[d] for d in common], [b[d] for d in common])[0, 1])
    pairs = [(i, j) for i in range(len(inc)) for j in range(i + 1, len(inc))]
    r_bar = sum(corr(inc[i]["_est_resid"], inc[j]["_est_resid"]) for i, j in pairs) / len(pairs)
    span = (min(w[0] for w in WINDOWS), max(w[1] for w in WINDOWS))
    out = {"r_bar": r_bar, "aar": [], "caar": []}
    for tau in range(span[0], span[1] + 1):
        w_ = [e for e in inc if str(tau) in e["ar"]]
        ars = np.array([e["ar"][str(tau)] for e in w_])
        sars = np.array([e["sar"][str(tau)] for e in w_])
        n = len(ars)
        q = [(e["m"] - e["k"]) / (e["m"] - e["k"] - 2) for e in w_]
        t = math.sqrt(n) * ars.mean() / ars.std(ddof=1)
        patell = sars.sum() / math.sqrt(sum(q))
        bmp = math.sqrt(n) * sars.mean() / sars.std(ddof=1)
        kp = bmp * math.sqrt((1 - r_bar) / (1 + (n - 1) * r_bar))
        series = [[e["_est_resid"].get(d) for d in est_days] + [e["ar"].get(str(x)) for x in range(span[0], span[1] + 1)] for e in inc]
        rank = corrado(series, [len(est_days) + tau - span[0]])
        wpos = int((ars > 0).sum())
        sign = (wpos - n / 2) / math.sqrt(n / 4)
        p_hat = float(np.mean([e["pos_share"] for e in w_]))
        gsign = (wpos - n * p_hat) / math.sqrt(n * p_hat * (1 - p_hat))
        out["aar"].append({"tau": tau, "n": n, "aar": float(ars.mean()), "tests": {
            "t": stat(t, "t", n), "patell": stat(patell, "z"), "bmp": stat(bmp, "z"), "kp": stat(kp, "z"),
            "rank": stat(rank, "z"), "sign": stat(sign, "z"), "gsign": stat(gsign, "z")}})
    for wi, (a_, b_) in enumerate(WINDOWS):
        cars = np.array([e["windows"][wi]["car"] for e in inc])
        scars = np.array([e["windows"][wi]["scar"] for e in inc])
        n = len(cars)
        t = math.sqrt(n) * cars.mean() / cars.std(ddof=1)
        patell = sum(e["windows"][wi]["csar"] / math.sqrt(e["windows"][wi]["l"] * (e["m"] - e["k"]) / (e["m"] - e["k"] - 2)) for e in inc) / math.sqrt(n)
        bmp = math.sqrt(n) * scars.mean() / scars.std(ddof=1)
        kp = bmp * math.sqrt((1 - r_bar) / (1 + (n - 1) * r_bar))
        series = [[e["_est_resid"].get(d) for d in est_days] + [e["ar"].get(str(x)) for x in range(a_, b_ + 1)] for e in inc]
        rank = corrado(series, [len(est_days) + d for d in range(b_ - a_ + 1)])
        wpos = int((cars > 0).sum())
        sign = (wpos - n / 2) / math.sqrt(n / 4)
        p_hat = float(np.mean([e["pos_share"] for e in inc]))
        gsign = (wpos - n * p_hat) / math.sqrt(n * p_hat * (1 - p_hat))
        out["caar"].append({"window": [a_, b_], "n": n, "caar": float(cars.mean()), "tests": {
            "t": stat(t, "t", n), "patell": stat(patell, "z"), "bmp": stat(bmp, "z"), "kp": stat(kp, "z"),
            "rank": stat(rank, "z"), "sign": stat(sign, "z"), "gsign": stat(gsign, "z")}})
    return out


result = {"n_days": N_DAYS, "estimation": list(EST), "windows": [list(w) for w in WINDOWS], "min_estimation": MIN_EST,
          "market": market, "factor": factor, "stocks": stocks,
          "events": [{"id": e, "ticker": t, "day0": d} for e, t, d in events], "models": {}}
for model in ["factor", "market", "market-adjusted", "mean"]:
    res = [event(model, t, d) for _, t, d in events]
    agg = aggregate(model, res)
    for e in res:
        e.pop("_est_resid", None)
    result["models"][model] = {"events": res, **agg}

# Kolari-Pynnonen r_bar on longer residual series (the 30-common-day rule bites on the main set)
rng2 = np.random.default_rng(7)
common = rng2.normal(0, 1, 45)
series = []
for i in range(4):
    s = (0.5 * common + rng2.normal(0, 1, 45)).round(6).tolist()
    series.append(s)
series[1][3] = None; series[2][10] = None; series[2][11] = None
series[3] = series[3][:28] + [None] * 17  # only 28 non-missing days: its pairs count as 0
def pc(a, b):
    idx = [i for i in range(45) if a[i] is not None and b[i] is not None]
    if len(idx) < 30:
        return 0.0
    return float(np.corrcoef([a[i] for i in idx], [b[i] for i in idx])[0, 1])
pairs = [(i, j) for i in range(4) for j in range(i + 1, 4)]
result["kp_series"] = series
result["kp_r_bar"] = sum(pc(series[i], series[j]) for i, j in pairs) / len(pairs)

path = os.path.join(os.path.dirname(__file__), "..", "fixtures", "study", "reference.json")
with open(path, "w") as f:
    json.dump(result, f, indent=1)
print("wrote", os.path.normpath(path))
