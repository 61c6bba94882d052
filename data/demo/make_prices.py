"""Synthetic daily closes for the hashpivot demo (NOT market data). Run: python3 make_prices.py"""
import datetime as dt
import random

random.seed(20251103)
tickers = {  # beta to market, beta to bitcoin, idiosyncratic vol, start price
    "CORZ": (1.5, 0.5, 0.035, 4.0), "WULF": (1.4, 0.6, 0.04, 3.0), "APLD": (1.6, 0.4, 0.04, 5.0),
    "CIFR": (1.3, 0.7, 0.035, 3.5), "IREN": (1.5, 0.6, 0.035, 8.0), "HUT": (1.2, 0.8, 0.03, 18.0),
    "RIOT": (1.1, 0.9, 0.03, 10.0), "CLSK": (1.2, 0.9, 0.03, 10.0),
}
jumps = {  # announcement days of the sample deals (event day 0)
    ("CORZ", "2024-06-04"): 0.30, ("CORZ", "2024-10-22"): 0.06, ("WULF", "2024-12-23"): 0.04,
    ("APLD", "2025-06-02"): 0.35, ("WULF", "2025-08-14"): 0.40, ("CIFR", "2025-11-03"): 0.18,
    ("IREN", "2025-11-03"): 0.12, ("HUT", "2025-12-17"): 0.09, ("RIOT", "2026-01-16"): 0.14,
}
closed = {  # NYSE holidays in the span (weekends aside)
          "2023-11-23", "2023-12-25", "2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27",
          "2024-06-19", "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25", "2025-01-01", "2025-01-09",
          "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01",
          "2025-11-27", "2025-12-25", "2026-01-01", "2026-01-19", "2026-02-16"}
d = dt.date(2023, 11, 1)
spy, btc = 420.0, 35000.0
px = {t: v[3] for t, v in tickers.items()}
rows = ["date,ticker,close"]
while d <= dt.date(2026, 2, 27):
    if d.weekday() < 5 and d.isoformat() not in closed:
        rm, rb = random.gauss(0.0005, 0.01), random.gauss(0.001, 0.03)
        spy *= 1 + rm
        btc *= 1 + rb
        rows.append(f"{d},SPY,{spy:.2f}")
        rows.append(f"{d},BTC-USD,{btc:.2f}")
        for t, (bm, bb, vol, _) in tickers.items():
            r = 0.0003 + bm * rm + bb * rb + random.gauss(0, vol) + jumps.get((t, d.isoformat()), 0.0)
            px[t] *= 1 + r
            rows.append(f"{d},{t},{px[t]:.4f}")
    d += dt.timedelta(days=1)
open("prices.csv", "w").write("\n".join(rows) + "\n")
print(len(rows) - 1, "rows")
