//! Event-study engine speed: 2,000 events on 30 tickers × 2,500 sessions, factor model, every test.
//! Target (issue #6): well under a second in a release build. The data are synthetic with a known
//! +3% abnormal return injected on each event's day 0, so the run also shows it is recovered.
//!
//! Run: `cargo bench --bench study`

mod bench_util;

use std::time::Instant;

use hashpivot::study::{self, Regressors, StudyParams};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
    fn normal(&mut self) -> f64 {
        let (u1, u2) = (self.next().max(1e-300), self.next());
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }
}

fn main() {
    hashpivot::tune_allocator();
    const DAYS: usize = 2_500;
    const TICKERS: usize = 30;
    // HASHPIVOT_BENCH_EVENTS sets the number of events (2,000 by default)
    let events_n = bench_util::size_from_env("HASHPIVOT_BENCH_EVENTS", 2_000);
    const JUMP: f64 = 0.03;
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    let market: Vec<Option<f64>> = (0..DAYS)
        .map(|t| (t > 0).then(|| 0.0004 + 0.01 * rng.normal()))
        .collect();
    let btc: Vec<Option<f64>> = (0..DAYS)
        .map(|t| (t > 0).then(|| 0.001 + 0.035 * rng.normal()))
        .collect();
    let mut stocks: Vec<Vec<Option<f64>>> = (0..TICKERS)
        .map(|i| {
            let (bm, bb) = (0.8 + 0.03 * i as f64, 0.2 + 0.02 * i as f64);
            (0..DAYS)
                .map(|t| Some(0.0003 + bm * market[t]? + bb * btc[t]? + 0.03 * rng.normal()))
                .collect()
        })
        .collect();
    // a few missing closes, as real data have
    for s in stocks.iter_mut() {
        for _ in 0..20 {
            let t = 1 + (rng.next() * (DAYS - 2) as f64) as usize;
            s[t] = None;
        }
    }
    let events: Vec<(usize, usize)> = (0..events_n)
        .map(|_| {
            let ticker = (rng.next() * TICKERS as f64) as usize % TICKERS;
            let d0 = 130 + (rng.next() * (DAYS - 140) as f64) as usize;
            (ticker, d0)
        })
        .collect();
    for &(tk, d0) in &events {
        if let Some(r) = stocks[tk][d0].as_mut() {
            *r += JUMP;
        }
    }
    let params = StudyParams::default();
    let reg = Regressors {
        market: &market,
        factor: Some(&btc),
    };
    let runnable: Vec<(&[Option<f64>], usize)> = events
        .iter()
        .map(|&(tk, d0)| (stocks[tk].as_slice(), d0))
        .collect();
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..5 {
        let t = Instant::now();
        let results = study::run_events(&params, &reg, &runnable);
        let agg = study::aggregate(&params, &results);
        best = best.min(t.elapsed().as_secs_f64());
        last = Some((results, agg));
    }
    let (results, agg) = last.unwrap();
    let resid: Vec<&[Option<f64>]> = results
        .iter()
        .filter(|r| r.is_included())
        .map(|r| r.est_resid.as_slice())
        .collect();
    let (mut t_rbar, mut t_events) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..5 {
        let t = Instant::now();
        let _ = study::stats::mean_pairwise_corr(&resid);
        t_rbar = t_rbar.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let _ = study::run_events(&params, &reg, &runnable);
        t_events = t_events.min(t.elapsed().as_secs_f64());
    }
    let included = results.iter().filter(|r| r.is_included()).count();
    let day0 = agg.aar.iter().find(|r| r.tau == 0).unwrap();
    println!(
        "{events_n} events, {TICKERS} tickers x {DAYS} sessions, factor model, {} windows + {} days, all tests:",
        params.windows.len(),
        agg.aar.len()
    );
    println!(
        "  best of 5: {:.4} s ({included} events included, r_bar {:.4})",
        best, agg.r_bar
    );
    println!(
        "  of which (best of 5 each): per-event estimation {t_events:.4} s, r_bar over all pairs {t_rbar:.4} s"
    );
    println!(
        "  injected {:.1}% on day 0, recovered AAR(0) = {:.2}% (t = {:.1}, Patell {:.1}, KP {:.1}, rank {:.1})",
        JUMP * 100.0,
        day0.aar.unwrap() * 100.0,
        day0.tests.t.unwrap().stat,
        day0.tests.patell.unwrap().stat,
        day0.tests.kp.unwrap().stat,
        day0.tests.rank.unwrap().stat
    );
    // full precision, to set against `python3 benches/study_numpy.py` (the numpy reference)
    println!(
        "  to compare: AAR(0) = {:?}, r_bar = {:?}, N(0) = {}",
        day0.aar.unwrap(),
        agg.r_bar,
        day0.n
    );
}
