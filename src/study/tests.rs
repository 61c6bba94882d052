//! The engine against reference values computed independently with numpy/statsmodels/scipy by
//! `tests/reference/study_reference.py` (inputs and outputs in `tests/fixtures/study/reference.json`),
//! plus hand-checked cases.

use serde_json::Value;

use super::*;

const REFERENCE: &str = include_str!("../../tests/fixtures/study/reference.json");

fn close(a: f64, b: f64, what: &str) {
    let tol = 1e-9 * b.abs().max(1e-3);
    assert!((a - b).abs() <= tol, "{what}: got {a}, expected {b}");
}

fn series(v: &Value) -> Vec<Option<f64>> {
    v.as_array().unwrap().iter().map(|x| x.as_f64()).collect()
}

fn params(r: &Value, model: Model) -> StudyParams {
    let w = |v: &Value| Window::new(v[0].as_i64().unwrap() as i32, v[1].as_i64().unwrap() as i32);
    StudyParams {
        model,
        estimation: w(&r["estimation"]),
        windows: r["windows"].as_array().unwrap().iter().map(w).collect(),
        min_estimation: r["min_estimation"].as_u64().unwrap() as usize,
        log_returns: false,
    }
}

fn check_stat(got: Option<Stat>, want: &Value, what: &str) {
    let got = got.unwrap_or_else(|| panic!("{what}: no statistic"));
    close(
        got.stat,
        want["stat"].as_f64().unwrap(),
        &format!("{what} stat"),
    );
    close(got.p, want["p"].as_f64().unwrap(), &format!("{what} p"));
}

fn check_tests(got: &Tests, want: &Value, what: &str) {
    check_stat(got.t, &want["t"], &format!("{what} t"));
    check_stat(got.patell, &want["patell"], &format!("{what} patell"));
    check_stat(got.bmp, &want["bmp"], &format!("{what} bmp"));
    check_stat(got.kp, &want["kp"], &format!("{what} kp"));
    check_stat(got.rank, &want["rank"], &format!("{what} rank"));
    check_stat(got.sign, &want["sign"], &format!("{what} sign"));
    check_stat(got.gsign, &want["gsign"], &format!("{what} gsign"));
}

#[test]
fn every_model_matches_the_independent_reference() {
    let r: Value = serde_json::from_str(REFERENCE).unwrap();
    let market = series(&r["market"]);
    let factor = series(&r["factor"]);
    for (name, model) in [
        ("factor", Model::Factor),
        ("market", Model::Market),
        ("market-adjusted", Model::MarketAdjusted),
        ("mean", Model::Mean),
    ] {
        let p = params(&r, model);
        let reg = Regressors {
            market: &market,
            factor: Some(&factor),
        };
        let want = &r["models"][name];
        let mut results = Vec::new();
        for (i, ev) in r["events"].as_array().unwrap().iter().enumerate() {
            let ret = series(&r["stocks"][ev["ticker"].as_str().unwrap()]);
            let got = run_event(&p, &reg, &ret, ev["day0"].as_u64().unwrap() as usize);
            let w = &want["events"][i];
            let what = format!("{name} {}", ev["id"]);
            assert_eq!(
                got.is_included(),
                w["status"] == "included",
                "{what}: {:?}",
                got.status
            );
            if got.is_included() {
                assert_eq!(got.m as u64, w["m"].as_u64().unwrap(), "{what} M");
                close(
                    got.sigma.unwrap(),
                    w["sigma"].as_f64().unwrap(),
                    &format!("{what} sigma"),
                );
                close(
                    got.pos_share,
                    w["pos_share"].as_f64().unwrap(),
                    &format!("{what} pos_share"),
                );
                if let Some(a) = w["alpha"].as_f64() {
                    close(got.alpha.unwrap(), a, &format!("{what} alpha"));
                    for (b, wb) in got.betas.iter().zip(w["betas"].as_array().unwrap()) {
                        close(*b, wb.as_f64().unwrap(), &format!("{what} beta"));
                    }
                } else {
                    assert_eq!(got.alpha, None);
                }
                for (tau, v) in w["ar"].as_object().unwrap() {
                    let tau: i32 = tau.parse().unwrap();
                    close(
                        got.ar_at(tau).unwrap(),
                        v.as_f64().unwrap(),
                        &format!("{what} AR{tau}"),
                    );
                    close(
                        got.sar_at(tau).unwrap(),
                        w["sar"][tau.to_string()].as_f64().unwrap(),
                        &format!("{what} SAR{tau}"),
                    );
                }
                let n_ar = got.ar.iter().flatten().count();
                assert_eq!(
                    n_ar,
                    w["ar"].as_object().unwrap().len(),
                    "{what}: days with an AR"
                );
                for (wi, ww) in w["windows"].as_array().unwrap().iter().enumerate() {
                    let g = got.windows[wi].as_ref().unwrap();
                    let what = format!("{what} window {wi}");
                    close(g.car, ww["car"].as_f64().unwrap(), &format!("{what} CAR"));
                    close(
                        g.var_car,
                        ww["var_car"].as_f64().unwrap(),
                        &format!("{what} Var(CAR)"),
                    );
                    close(
                        g.scar,
                        ww["scar"].as_f64().unwrap(),
                        &format!("{what} SCAR"),
                    );
                    close(
                        g.bhar,
                        ww["bhar"].as_f64().unwrap(),
                        &format!("{what} BHAR"),
                    );
                    close(
                        g.csar,
                        ww["csar"].as_f64().unwrap(),
                        &format!("{what} CSAR"),
                    );
                    assert_eq!(g.l as u64, ww["l"].as_u64().unwrap(), "{what} L");
                }
            }
            results.push(got);
        }
        let agg = aggregate(&p, &results);
        close(
            agg.r_bar,
            want["r_bar"].as_f64().unwrap(),
            &format!("{name} r_bar"),
        );
        for (row, w) in agg.aar.iter().zip(want["aar"].as_array().unwrap()) {
            let what = format!("{name} AAR day {}", row.tau);
            assert_eq!(row.tau as i64, w["tau"].as_i64().unwrap());
            assert_eq!(row.n as u64, w["n"].as_u64().unwrap(), "{what} N");
            close(row.aar.unwrap(), w["aar"].as_f64().unwrap(), &what);
            check_tests(&row.tests, &w["tests"], &what);
        }
        for (row, w) in agg.caar.iter().zip(want["caar"].as_array().unwrap()) {
            let what = format!("{name} CAAR {}", row.window);
            assert_eq!(row.n as u64, w["n"].as_u64().unwrap(), "{what} N");
            close(row.caar.unwrap(), w["caar"].as_f64().unwrap(), &what);
            check_tests(&row.tests, &w["tests"], &what);
        }
    }
}

#[test]
fn mean_pairwise_correlation_matches_numpy_with_the_30_day_rule() {
    let r: Value = serde_json::from_str(REFERENCE).unwrap();
    let s: Vec<Vec<Option<f64>>> = r["kp_series"]
        .as_array()
        .unwrap()
        .iter()
        .map(series)
        .collect();
    let refs: Vec<&[Option<f64>]> = s.iter().map(|v| v.as_slice()).collect();
    close(
        stats::mean_pairwise_corr(&refs),
        r["kp_r_bar"].as_f64().unwrap(),
        "r_bar",
    );
}

#[test]
fn kolari_pynnonen_factor_by_hand() {
    // BMP 3.0, N = 10, r̄ = 0.05: 3 · √(0.95 / 1.45) = 2.428281640...
    let kp = stats::kolari_pynnonen(Stat { stat: 3.0, p: 0.0 }, 10, 0.05).unwrap();
    close(kp.stat, 3.0 * (0.95f64 / 1.45).sqrt(), "kp");
    close(kp.stat, 2.428_281_640_201_138_5, "kp literal");
}

#[test]
fn ranks_average_ties() {
    assert_eq!(
        stats::average_ranks(&[0.3, -0.1, 0.3, 0.0, 0.3]),
        vec![4.0, 1.0, 4.0, 2.0, 4.0]
    );
}

#[test]
fn corrado_by_hand_on_two_events() {
    // event A over D (3 days): 0.1, 0.3, 0.2 → ranks 1,3,2 → U = .25,.75,.5 → U−½ = −.25,.25,0
    // event B: 0.5, None, 0.5 → ranks 1.5,1.5 (n=2) → U = .5,.5 → U−½ = 0,0
    // K = (−.25+0)/√2, .25/√1, 0/√2 ; S_U = √((.03125 + .0625 + 0)/3) = √(0.03125)
    let s = vec![
        vec![Some(0.1), Some(0.3), Some(0.2)],
        vec![Some(0.5), None, Some(0.5)],
    ];
    let z = stats::corrado(&s, &[1]).unwrap();
    close(z.stat, 0.25 / 0.03125f64.sqrt(), "corrado day");
    let z = stats::corrado(&s, &[1, 2]).unwrap();
    close(
        z.stat,
        0.25 / (2f64.sqrt() * 0.03125f64.sqrt()),
        "corrado window",
    );
}

#[test]
fn sign_tests_by_hand() {
    let s = stats::sign_test(8, 10).unwrap();
    close(s.stat, 3.0 / (2.5f64).sqrt(), "sign");
    let g = stats::generalized_sign(8, 10, 0.4).unwrap();
    close(g.stat, 4.0 / (2.4f64).sqrt(), "gsign");
    // two-sided normal p of 1.959963984540054 is 0.05
    close(stats::normal_p(1.959_963_984_540_054), 0.05, "normal p");
    // t(4): two-sided p of 2.776445105197799 is 0.05
    close(stats::t_p(2.776_445_105_197_799, 4.0), 0.05, "t p");
}

#[test]
fn events_outside_the_data_or_short_of_estimation_returns_are_excluded_with_reasons() {
    let n = 200;
    let market: Vec<Option<f64>> = (0..n)
        .map(|t| (t > 0).then(|| ((t * 7 % 13) as f64 - 6.0) / 1000.0))
        .collect();
    let mut stock: Vec<Option<f64>> = (0..n)
        .map(|t| (t > 0).then(|| ((t * 5 % 11) as f64 - 5.0) / 500.0))
        .collect();
    let p = StudyParams {
        model: Model::Market,
        ..Default::default()
    };
    let reg = Regressors {
        market: &market,
        factor: None,
    };
    let e = run_event(&p, &reg, &stock, 100);
    assert_eq!(
        e.status,
        Status::Excluded("estimation window [-120, -11] starts before the first return".into())
    );
    let e = run_event(&p, &reg, &stock, 196);
    assert_eq!(
        e.status,
        Status::Excluded("event window ends after the last session (needs day +5)".into())
    );
    // knock out returns in the estimation window of an event at 150: [30, 139]
    for r in &mut stock[30..85] {
        *r = None;
    }
    let e = run_event(&p, &reg, &stock, 150);
    assert_eq!(
        e.status,
        Status::Excluded("only 55 valid returns in the estimation window (minimum 60)".into())
    );
    let e = run_event(&p, &reg, &stock, 180);
    assert!(e.is_included());
}

#[test]
fn factor_model_without_a_factor_series_excludes_nothing_silently() {
    // Model::Factor with no factor: every regressor row is missing → too few estimation returns
    let market: Vec<Option<f64>> = (0..200)
        .map(|t| (t > 0).then_some(0.001 * (t % 5) as f64))
        .collect();
    let stock = market.clone();
    let p = StudyParams::default();
    let e = run_event(
        &p,
        &Regressors {
            market: &market,
            factor: None,
        },
        &stock,
        150,
    );
    assert_eq!(
        e.status,
        Status::Excluded("only 0 valid returns in the estimation window (minimum 60)".into())
    );
}

/// A deterministic generator (xorshift64*) and Box–Muller normals for the synthetic study.
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

#[test]
fn an_injected_abnormal_return_is_recovered_and_none_is_found_where_none_was_put() {
    let n = 600;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let market: Vec<Option<f64>> = (0..n)
        .map(|t| (t > 0).then(|| 0.0004 + 0.01 * rng.normal()))
        .collect();
    let btc: Vec<Option<f64>> = (0..n)
        .map(|t| (t > 0).then(|| 0.001 + 0.03 * rng.normal()))
        .collect();
    let p = StudyParams::default();
    let reg = Regressors {
        market: &market,
        factor: Some(&btc),
    };
    let mut with_jump = Vec::new();
    let mut without = Vec::new();
    for i in 0..60 {
        let (bm, bb) = (0.8 + 0.01 * i as f64, 0.3 + 0.01 * (i % 7) as f64);
        let mut r: Vec<Option<f64>> = (0..n)
            .map(|t| Some(0.0002 + bm * market[t]? + bb * btc[t]? + 0.02 * rng.normal()))
            .collect();
        let d0 = 200 + 5 * i;
        let clean = run_event(&p, &reg, &r, d0);
        r[d0] = r[d0].map(|v| v + 0.05);
        with_jump.push(run_event(&p, &reg, &r, d0));
        without.push(clean);
    }
    let a = aggregate(&p, &with_jump);
    let day0 = a.aar.iter().find(|r| r.tau == 0).unwrap();
    assert_eq!(day0.n, 60);
    // 5% injected, noise sd 2%/√60 ≈ 0.26%: the estimate is within 1 point of 5%
    let aar0 = day0.aar.unwrap();
    assert!((aar0 - 0.05).abs() < 0.01, "AAR(0) = {aar0}");
    for t in [
        day0.tests.t,
        day0.tests.patell,
        day0.tests.bmp,
        day0.tests.kp,
        day0.tests.rank,
        day0.tests.sign,
        day0.tests.gsign,
    ] {
        assert!(t.unwrap().p < 0.001, "{t:?}");
    }
    let b = aggregate(&p, &without);
    let day0 = b.aar.iter().find(|r| r.tau == 0).unwrap();
    assert!(day0.aar.unwrap().abs() < 0.01);
    assert!(day0.tests.t.unwrap().p > 0.01, "{:?}", day0.tests.t);
}

#[test]
fn many_events_run_on_every_core_give_each_event_alone_in_order() {
    // 300 events (above the parallel threshold) on 3 stocks; one too early to estimate
    let n = 700;
    let mut rng = Rng(0x0123_4567_89AB_CDEF);
    let market: Vec<Option<f64>> = (0..n)
        .map(|t| (t > 0).then(|| 0.01 * rng.normal()))
        .collect();
    let stocks: Vec<Vec<Option<f64>>> = (0..3)
        .map(|i| {
            (0..n)
                .map(|t| Some(0.9 * market[t]? + 0.02 * rng.normal() + 0.001 * i as f64))
                .collect()
        })
        .collect();
    let p = StudyParams::default();
    let reg = Regressors {
        market: &market,
        factor: None,
    };
    let p = StudyParams {
        model: Model::Market,
        ..p
    };
    let events: Vec<(&[Option<f64>], usize)> = (0..300)
        .map(|i| (stocks[i % 3].as_slice(), if i == 7 { 50 } else { 130 + i }))
        .collect();
    let together = run_events(&p, &reg, &events);
    let alone: Vec<EventResult> = events
        .iter()
        .map(|&(r, d0)| run_event(&p, &reg, r, d0))
        .collect();
    assert_eq!(together.len(), 300);
    assert_eq!(together, alone);
    assert!(!together[7].is_included());
    assert_eq!(together.iter().filter(|e| e.is_included()).count(), 299);
}

#[test]
fn diagnostics_find_clustering_and_contamination() {
    let p = StudyParams::default();
    let events = vec![
        ("IREN".to_string(), Some(300)),
        ("CIFR".to_string(), Some(300)), // same day as IREN's
        ("IREN".to_string(), Some(250)), // inside IREN@300's estimation window [180, 289]
        ("IREN".to_string(), None),
    ];
    let d = diagnostics(&p, &events);
    assert_eq!(
        d[0],
        Diagnostics {
            same_day: vec![1],
            contaminating: vec![2]
        }
    );
    assert_eq!(
        d[1],
        Diagnostics {
            same_day: vec![0],
            contaminating: vec![]
        }
    );
    assert_eq!(
        d[2],
        Diagnostics {
            same_day: vec![],
            contaminating: vec![]
        }
    );
    assert_eq!(d[3], Diagnostics::default());
}

#[test]
fn windows_parse_and_params_validate() {
    assert_eq!(Window::parse("-1:1"), Ok(Window::new(-1, 1)));
    assert_eq!(Window::parse("-120:-11"), Ok(Window::new(-120, -11)));
    assert_eq!(
        Window::parse("1:-1"),
        Err("window '1:-1': start is after end".into())
    );
    assert_eq!(
        Window::parse("5"),
        Err("window '5': expected START:END, e.g. -1:1".into())
    );
    let p = StudyParams {
        estimation: Window::new(-30, -1),
        ..Default::default()
    };
    assert_eq!(
        p.validate(),
        Err(
            "the estimation window [-30,-1] must end before the first event-window day (-5)".into()
        )
    );
}

#[test]
fn caar_path_band_uses_the_t_quantile() {
    // two events with ARs on days -1..+1 of a [-1, 1] span; CARs cumulate day by day
    let p = StudyParams {
        windows: vec![Window::new(-1, 1)],
        ..Default::default()
    };
    let mk = |ars: [f64; 3]| {
        let mut e = EventResult::excluded(String::new(), 3);
        e.status = Status::Included;
        e.span_start = -1;
        e.ar = ars.iter().map(|a| Some(*a)).collect();
        e
    };
    let path = caar_path(&p, &[mk([0.01, 0.05, 0.0]), mk([0.03, 0.01, 0.02])]);
    assert_eq!(path.len(), 3);
    // day 0: CARs 0.06 and 0.04 → mean 0.05, sd 0.014142…, se 0.01; t(0.975; 1) = 12.70620473617469…
    close(path[1].caar, 0.05, "caar");
    close(path[1].se, 0.01, "se");
    close(path[1].hi, 0.05 + 12.706_204_736_174_694 * 0.01, "hi");
    close(
        stats::t_quantile(0.975, 1.0),
        12.706_204_736_174_694,
        "t quantile",
    );
}

#[test]
fn bhar_compounds_simple_returns_and_exponentiates_log_returns() {
    // mean model on a constant-return estimation window: E[R] = 0.001 exactly, σ² > 0 needs noise,
    // so alternate ±0.0005 around 0.001 (mean 0.001 over an even number of days)
    let n = 200;
    let mut ret: Vec<Option<f64>> = (0..n)
        .map(|t| (t > 0).then_some(if t % 2 == 0 { 0.0015 } else { 0.0005 }))
        .collect();
    let d0 = 150;
    ret[d0 - 1] = Some(0.02);
    ret[d0] = Some(0.10);
    ret[d0 + 1] = Some(-0.05);
    let market = vec![Some(0.0); n];
    let reg = Regressors {
        market: &market,
        factor: None,
    };
    let mut p = StudyParams {
        model: Model::Mean,
        windows: vec![Window::new(-1, 1)],
        ..Default::default()
    };
    // estimation [-120, -11] = t 30..=139: 110 days, 55 of each → mean exactly 0.001
    let e = run_event(&p, &reg, &ret, d0);
    close(e.alpha.unwrap(), 0.001, "mean");
    let w = e.windows[0].as_ref().unwrap();
    close(w.bhar, 1.02 * 1.10 * 0.95 - 1.001f64.powi(3), "simple BHAR");
    close(w.car, 0.02 + 0.10 - 0.05 - 3.0 * 0.001, "CAR");
    p.log_returns = true;
    let e = run_event(&p, &reg, &ret, d0);
    let w = e.windows[0].as_ref().unwrap();
    close(
        w.bhar,
        (0.02f64 + 0.10 - 0.05).exp() - (3.0f64 * 0.001).exp(),
        "log BHAR",
    );
}
