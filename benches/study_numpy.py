"""A numpy reference for the event-study speed benchmark in ``benches/study.rs``.

It rebuilds the Rust bench's synthetic data bit for bit (the same xorshift generator and the same
order of draws: 30 tickers x 2,500 sessions of returns on a market and a bitcoin factor, 20 missing
closes per stock, N events with +3% added on day 0), then runs the same study the way a researcher
would in numpy: per event an OLS of the stock on the market and the factor over the estimation
window [-120, -11] (complete cases, at least 60 of them), abnormal and standardised abnormal
returns over [-5, +5], per-window CAR, Var(CAR), SCAR, CSAR and BHAR for [-1,+1], [0,+1], [0,+5] and
[-5,+5]; then AAR per day and CAAR per window, each with the cross-sectional t, Patell, BMP,
Kolari-Pynnonen (r_bar = mean pairwise-complete correlation of the estimation residuals over all
pairs, a pair with fewer than 30 common days counting as 0), Corrado-Zivney rank, sign and
generalised sign tests, with two-sided p-values.

The timing is that of the Rust bench: best of 5 runs of all events' estimation plus the
aggregation (r_bar included), then one timed run each of the estimation alone and r_bar alone.
The printed AAR(0), its statistics and r_bar can be set against the Rust bench's output; the two
should agree to about 1e-6 (they differ only by rounding: lstsq here, normal equations there).

Run (needs numpy only; the size is the Rust bench's variable):

    python3 benches/study_numpy.py
    HASHPIVOT_BENCH_EVENTS=20000 python3 benches/study_numpy.py

Where OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are set for old OpenBLAS builds they slow a current
numpy's BLAS; to time numpy at its best, unset both for that command alone:

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 benches/study_numpy.py
"""

import math
import os
import sys
import time

import numpy as np

DAYS = 2_500
TICKERS = 30
JUMP = 0.03
SEED = 0xDEAD_BEEF_CAFE_F00D

# StudyParams::default(): factor model, estimation [-120, -11], four event windows, 60 days minimum
K = 3  # parameters including the constant
EST = (-120, -11)
WINDOWS = [(-1, 1), (0, 1), (0, 5), (-5, 5)]
SPAN = (min(w[0] for w in WINDOWS), max(w[1] for w in WINDOWS))
MIN_EST = 60
MIN_COMMON = 30  # common days for a pair to count in r_bar

EST_LEN = EST[1] - EST[0] + 1
SPAN_LEN = SPAN[1] - SPAN[0] + 1
MASK64 = (1 << 64) - 1


# ---------------------------------------------------------------- the bench's synthetic data


class Rng:
    """The bench's xorshift64* generator (Python ints masked to 64 bits)."""

    def __init__(self, seed):
        self.s = seed

    def next(self):
        s = self.s
        s ^= s >> 12
        s ^= (s << 25) & MASK64
        s ^= s >> 27
        self.s = s
        return (((s * 0x2545_F491_4F6C_DD1D) & MASK64) >> 11) / float(1 << 53)

    def normal(self):
        u1 = max(self.next(), 1e-300)
        u2 = self.next()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


def make_data(events_n):
    """market, btc (DAYS,), stocks (TICKERS, DAYS) with NaN for no return, events [(ticker, day0)]."""
    rng = Rng(SEED)
    market = [math.nan] + [0.0004 + 0.01 * rng.normal() for _ in range(1, DAYS)]
    btc = [math.nan] + [0.001 + 0.035 * rng.normal() for _ in range(1, DAYS)]
    stocks = []
    for i in range(TICKERS):
        bm, bb = 0.8 + 0.03 * i, 0.2 + 0.02 * i
        row = [math.nan]  # day 0 has no market return, so no stock return and no draw
        for t in range(1, DAYS):
            row.append(0.0003 + bm * market[t] + bb * btc[t] + 0.03 * rng.normal())
        stocks.append(row)
    for row in stocks:  # a few missing closes
        for _ in range(20):
            row[1 + int(rng.next() * (DAYS - 2))] = math.nan
    events = []
    for _ in range(events_n):
        ticker = int(rng.next() * TICKERS) % TICKERS
        d0 = 130 + int(rng.next() * (DAYS - 140))
        events.append((ticker, d0))
    for tk, d0 in events:
        if not math.isnan(stocks[tk][d0]):
            stocks[tk][d0] += JUMP
    return np.array(market), np.array(btc), np.array(stocks), events


# ---------------------------------------------------------------- one event at a time


class EventResults:
    """Per-event results as arrays, one row per event (NaN where there is nothing)."""

    def __init__(self, n):
        self.included = np.zeros(n, dtype=bool)
        self.m = np.zeros(n, dtype=np.int64)
        self.alpha = np.full(n, np.nan)
        self.betas = np.full((n, K - 1), np.nan)
        self.sigma = np.full(n, np.nan)
        self.pos_share = np.zeros(n)
        self.est_resid = np.full((n, EST_LEN), np.nan)
        self.ar = np.full((n, SPAN_LEN), np.nan)
        self.sar = np.full((n, SPAN_LEN), np.nan)
        nw = len(WINDOWS)
        self.l = np.zeros((n, nw), dtype=np.int64)
        self.car = np.full((n, nw), np.nan)
        self.var_car = np.full((n, nw), np.nan)
        self.scar = np.full((n, nw), np.nan)
        self.csar = np.full((n, nw), np.nan)
        self.bhar = np.full((n, nw), np.nan)


# window membership over the span's days, one row per window
WIN = np.zeros((len(WINDOWS), SPAN_LEN), dtype=bool)
for _w, (_a, _b) in enumerate(WINDOWS):
    WIN[_w, _a - SPAN[0] : _b - SPAN[0] + 1] = True
WIN_F = WIN.astype(np.float64)


def run_events(stocks, design, events):
    """Estimate every event's factor model and its abnormal returns (a loop over events)."""
    res = EventResults(len(events))
    n_days = stocks.shape[1]
    for e, (tk, d0) in enumerate(events):
        if d0 + EST[0] < 1 or d0 + SPAN[1] > n_days - 1:
            continue
        y = stocks[tk, d0 + EST[0] : d0 + EST[1] + 1]
        x = design[d0 + EST[0] : d0 + EST[1] + 1]
        ok = ~np.isnan(y) & ~np.isnan(x).any(axis=1)
        m = int(ok.sum())
        if m < MIN_EST:
            continue
        xo, yo = x[ok], y[ok]
        beta, _, rank, _ = np.linalg.lstsq(xo, yo, rcond=None)
        if rank < K:  # collinear regressors
            continue
        resid = yo - xo @ beta
        sigma2 = resid @ resid / (m - K)
        if not sigma2 > 0.0 or m <= K + 2:
            continue
        xtx_inv = np.linalg.inv(xo.T @ xo)
        res.included[e] = True
        res.m[e] = m
        res.alpha[e] = beta[0]
        res.betas[e] = beta[1:]
        res.sigma[e] = math.sqrt(sigma2)
        res.est_resid[e, ok] = resid
        res.pos_share[e] = np.count_nonzero(resid > 0.0) / m

        # event span: AR, and SAR with the forecast-error variance sigma2 (1 + x'(X'X)^-1 x)
        r = stocks[tk, d0 + SPAN[0] : d0 + SPAN[1] + 1]
        xs = design[d0 + SPAN[0] : d0 + SPAN[1] + 1]
        expected = xs @ beta
        ar = r - expected  # NaN where the stock has no return
        lev = np.einsum("ij,jk,ik->i", xs, xtx_inv, xs)
        sar = ar / np.sqrt(sigma2 * (1.0 + lev))
        res.ar[e] = ar
        res.sar[e] = sar

        # windows: sums over the days with an AR (missing days skipped, never filled)
        have = ~np.isnan(ar)
        hf = have.astype(np.float64)
        l = WIN_F @ hf
        s = WIN_F @ (xs * hf[:, None])  # summed regressor rows, one per window
        var_car = sigma2 * (l + np.einsum("wi,ij,wj->w", s, xtx_inv, s))
        car = WIN_F @ np.where(have, ar, 0.0)
        inw = WIN & have
        gross_r = np.prod(np.where(inw, 1.0 + r, 1.0), axis=1)
        gross_e = np.prod(np.where(inw, 1.0 + expected, 1.0), axis=1)
        some = l > 0  # a window with no AR has no result
        res.l[e] = l
        res.car[e] = np.where(some, car, np.nan)
        res.var_car[e] = np.where(some, var_car, np.nan)
        with np.errstate(invalid="ignore", divide="ignore"):
            res.scar[e] = np.where(some, car / np.sqrt(var_car), np.nan)
        res.csar[e] = np.where(some, WIN_F @ np.where(have, sar, 0.0), np.nan)
        res.bhar[e] = np.where(some, gross_r - gross_e, np.nan)
    return res


# ---------------------------------------------------------------- statistics


def normal_p(z):
    return math.erfc(abs(z) / math.sqrt(2.0))


def _betacf(a, b, x):
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def betainc_reg(a, b, x):
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    bt = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return bt * _betacf(a, b, x) / a
    return 1.0 - bt * _betacf(b, a, 1.0 - x) / b


def t_p(t, dof):
    """Two-sided p of Student's t: I_{dof/(dof+t^2)}(dof/2, 1/2)."""
    if not (math.isfinite(t) and dof > 0):
        return math.nan
    return betainc_reg(dof / 2.0, 0.5, dof / (dof + t * t))


def stat(z, p):
    """(statistic, p) or None when either is not finite."""
    return (z, p) if math.isfinite(z) and math.isfinite(p) else None


def t_test(x):
    n = len(x)
    if n < 2:
        return None
    with np.errstate(all="ignore"):
        t = float(math.sqrt(n) * x.mean() / x.std(ddof=1))
    return stat(t, t_p(t, n - 1.0))


def bmp_test(s):
    n = len(s)
    if n < 2:
        return None
    with np.errstate(all="ignore"):
        z = float(math.sqrt(n) * s.mean() / s.std(ddof=1))
    return stat(z, normal_p(z))


def kp_test(bmp, n, r_bar):
    if bmp is None:
        return None
    with np.errstate(all="ignore"):
        z = bmp[0] * math.sqrt((1.0 - r_bar) / (1.0 + (n - 1.0) * r_bar))
    return stat(z, normal_p(z))


def sign_tests(x, p_hat):
    n = len(x)
    if n == 0:
        return None, None
    w = int(np.count_nonzero(x > 0.0))
    z = (w - n / 2.0) / math.sqrt(n / 4.0)
    sign = stat(z, normal_p(z))
    gsign = None
    if 0.0 < p_hat < 1.0:
        z = (w - n * p_hat) / math.sqrt(n * p_hat * (1.0 - p_hat))
        gsign = stat(z, normal_p(z))
    return sign, gsign


def mean_pairwise_corr(resid, rows=256, cols=512):
    """r_bar: mean over all pairs of the pairwise-complete correlations of the rows of `resid`
    (NaN = missing day); a pair with fewer than MIN_COMMON common days, or no variance there,
    counts as 0. With X the zero-filled residuals and M the 0/1 mask, every pair's sums over its
    common days are entries of matrix products: n = M M', Sab = X X', Sa = X M', Sb = M X',
    Saa = X^2 M', Sbb = M X^2'. Done tile by tile over the pairs i < j (tiles small enough for
    the cache: the element-wise passes, not the products, take most of the time)."""
    n = resid.shape[0]
    if n < 2:
        return 0.0
    mask = ~np.isnan(resid)
    x = np.where(mask, resid, 0.0)
    mf = mask.astype(np.float64)
    x2 = x * x
    total = 0.0
    for i0 in range(0, n, rows):
        i1 = min(i0 + rows, n)
        xb, mb, x2b = x[i0:i1], mf[i0:i1], x2[i0:i1]
        for j0 in range(i0, n, cols):
            j1 = min(j0 + cols, n)
            xr, mr, x2r = x[j0:j1], mf[j0:j1], x2[j0:j1]
            sa = xb @ mr.T
            sb = mb @ xr.T
            with np.errstate(divide="ignore", invalid="ignore"):
                inv_n = np.divide(1.0, mb @ mr.T)  # 1 / common days (inf for none)
                ok = inv_n <= 1.0 / MIN_COMMON
                mean_a = sa * inv_n
                cov = xb @ xr.T  # Sab
                cov -= mean_a * sb
                va = x2b @ mr.T  # Saa
                va -= mean_a * sa
                vb = mb @ x2r.T  # Sbb
                sb *= sb
                sb *= inv_n
                vb -= sb
                ok &= va > 0.0
                ok &= vb > 0.0
                va *= vb
                np.sqrt(va, out=va)
                cov /= va  # the correlations
            if j0 < i1:  # a tile on the diagonal: each pair once
                ok &= np.arange(j0, j1)[None, :] > np.arange(i0, i1)[:, None]
            total += float(cov[ok].sum())
    return total / (n * (n - 1) / 2)


def uniform_ranks(v):
    """Corrado-Zivney U_it - 1/2 = rank/(n_i + 1) - 1/2 per row over its non-missing values
    (average ranks for ties), NaN where missing."""
    rows, width = v.shape
    order = np.argsort(v, axis=1)  # NaN last
    ranks = np.empty((rows, width))
    np.put_along_axis(ranks, order, np.arange(1.0, width + 1.0)[None, :], axis=1)
    srt = np.take_along_axis(v, order, axis=1)
    tied = np.flatnonzero((srt[:, 1:] == srt[:, :-1]).any(axis=1))
    for i in tied:  # rare with continuous data: average the ranks of each run of equal values
        s, o = srt[i], order[i]
        j = 0
        while j < width:
            k = j
            while k + 1 < width and s[k + 1] == s[j]:
                k += 1
            ranks[i, o[j : k + 1]] = (j + k) / 2.0 + 1.0
            j = k + 1
    present = ~np.isnan(v)
    n_i = present.sum(axis=1, keepdims=True)
    return np.where(present, ranks / (n_i + 1.0) - 0.5, np.nan)


def corrado_k(v):
    """K_t over the days of D (columns of v) and S_U, or None without events."""
    if v.shape[0] == 0:
        return None
    u = uniform_ranks(v)
    n_t = np.count_nonzero(~np.isnan(u), axis=0)
    with np.errstate(all="ignore"):
        k = np.where(n_t > 0, np.nansum(u, axis=0) / np.sqrt(n_t), np.nan)
    kd = k[~np.isnan(k)]
    if kd.size == 0:
        return None
    return k, math.sqrt(float(np.mean(kd * kd)))


def corrado_z(k_su, days):
    if k_su is None:
        return None
    k, s_u = k_su
    tested = k[days]
    tested = tested[~np.isnan(tested)]
    if tested.size == 0 or s_u == 0.0:
        return None
    z = float(tested.sum() / (math.sqrt(tested.size) * s_u))
    return stat(z, normal_p(z))


def aggregate(res):
    """AAR per day and CAAR per window with every test, and r_bar."""
    inc = res.included
    est_resid, ar, sar = res.est_resid[inc], res.ar[inc], res.sar[inc]
    m, pos_share = res.m[inc], res.pos_share[inc]
    q = (m - K) / (m - K - 2.0)
    r_bar = mean_pairwise_corr(est_resid)

    # Corrado per day: D = estimation window + the whole span
    day_k = corrado_k(np.hstack([est_resid, ar]))
    aar = []
    for j, tau in enumerate(range(SPAN[0], SPAN[1] + 1)):
        with_ = ~np.isnan(ar[:, j])
        a, s = ar[with_, j], sar[with_, j]
        n = len(a)
        p_hat = float(pos_share[with_].mean()) if n else 0.0
        bmp = bmp_test(s)
        patell = None
        if n:
            z = float(s.sum() / math.sqrt(q[with_].sum()))
            patell = stat(z, normal_p(z))
        sign, gsign = sign_tests(a, p_hat)
        tests = {
            "t": t_test(a),
            "patell": patell,
            "bmp": bmp,
            "kp": kp_test(bmp, n, r_bar),
            "rank": corrado_z(day_k, [EST_LEN + j]),
            "sign": sign,
            "gsign": gsign,
        }
        aar.append((tau, n, float(a.mean()) if n else None, tests))

    caar = []
    for w, (ws, we) in enumerate(WINDOWS):
        with_ = res.l[inc, w] > 0
        cars, scars = res.car[inc, w][with_], res.scar[inc, w][with_]
        csar, l = res.csar[inc, w][with_], res.l[inc, w][with_]
        n = len(cars)
        p_hat = float(pos_share[with_].mean()) if n else 0.0
        bmp = bmp_test(scars)
        patell = None
        if n:
            z = float((csar / np.sqrt(l * q[with_])).sum() / math.sqrt(n))
            patell = stat(z, normal_p(z))
        # Corrado per window: D = estimation window + the window's days
        series = np.hstack([est_resid[with_], ar[with_, ws - SPAN[0] : we - SPAN[0] + 1]])
        sign, gsign = sign_tests(cars, p_hat)
        tests = {
            "t": t_test(cars),
            "patell": patell,
            "bmp": bmp,
            "kp": kp_test(bmp, n, r_bar),
            "rank": corrado_z(corrado_k(series), list(range(EST_LEN, EST_LEN + we - ws + 1))),
            "sign": sign,
            "gsign": gsign,
        }
        caar.append(((ws, we), n, float(cars.mean()) if n else None, tests))
    return aar, caar, r_bar


# ---------------------------------------------------------------- the bench


def size_from_env(var, default):
    v = os.environ.get(var)
    if v is None:
        return default
    try:
        return int(v.replace("_", "").replace(",", ""))
    except ValueError:
        print(f"error: {var}={v!r} is not a number", file=sys.stderr)
        sys.exit(2)


def blas_info():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "BLAS: (install threadpoolctl to see which)"
    libs = [
        f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')} x{i.get('num_threads')}"
        for i in threadpool_info()
        if i.get("user_api") == "blas"
    ]
    return "BLAS: " + ("; ".join(libs) or "none found")


def main():
    events_n = size_from_env("HASHPIVOT_BENCH_EVENTS", 2_000)
    market, btc, stocks, events = make_data(events_n)
    design = np.column_stack([np.ones(DAYS), market, btc])

    best = math.inf
    last = None
    for _ in range(5):
        t = time.perf_counter()
        res = run_events(stocks, design, events)
        agg = aggregate(res)
        best = min(best, time.perf_counter() - t)
        last = (res, agg)
    res, (aar, caar, r_bar) = last

    t = time.perf_counter()
    mean_pairwise_corr(res.est_resid[res.included])
    t_rbar = time.perf_counter() - t
    t = time.perf_counter()
    run_events(stocks, design, events)
    t_events = time.perf_counter() - t

    included = int(res.included.sum())
    tau0, n0, aar0, tests0 = next(row for row in aar if row[0] == 0)
    print(f"numpy {np.__version__}, {blas_info()}")
    print(
        f"{events_n} events, {TICKERS} tickers x {DAYS} sessions, factor model, "
        f"{len(WINDOWS)} windows + {len(aar)} days, all tests:"
    )
    print(
        f"numpy reference: {events_n} events best of 5: {best:.3f} s "
        f"({included} events included, r_bar {r_bar:.4f})"
    )
    print(f"  of which: per-event estimation {t_events:.3f} s, r_bar over all pairs {t_rbar:.3f} s")
    print(
        f"  injected {JUMP * 100:.1f}% on day 0, recovered AAR(0) = {aar0 * 100:.2f}% "
        f"(t = {tests0['t'][0]:.1f}, Patell {tests0['patell'][0]:.1f}, KP {tests0['kp'][0]:.1f}, "
        f"rank {tests0['rank'][0]:.1f})"
    )
    print(f"  to compare: AAR(0) = {aar0!r}, r_bar = {r_bar!r}, N(0) = {n0}")

    def fmt(tests):
        return "  ".join(
            f"{name} {v[0]:8.3f}" if v else f"{name}      n/a" for name, v in tests.items()
        )

    print("  AAR per day:")
    for tau, n, a, tests in aar:
        print(f"    {tau:+3d} n={n:5d} AAR {a * 100:+7.3f}%  {fmt(tests)}")
    print("  CAAR per window:")
    for (ws, we), n, c, tests in caar:
        print(f"    [{ws:+d},{we:+d}] n={n:5d} CAAR {c * 100:+7.3f}%  {fmt(tests)}")


if __name__ == "__main__":
    main()
