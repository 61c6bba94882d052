//! `hashpivot premium` end to end: the AI-deal CAARs, the control group of the same companies'
//! other announcements, their difference (checked against two separate `study` runs and the Welch
//! formula by hand), the regression on deal terms and the rolling betas.

mod common;

use chrono::{Datelike, NaiveDate, Weekday};
use common::*;

fn sessions(n: usize) -> Vec<NaiveDate> {
    let mut d = NaiveDate::from_ymd_opt(2024, 6, 3).unwrap();
    let mut out = Vec::new();
    while out.len() < n {
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            out.push(d);
        }
        d = d.succ_opt().unwrap();
    }
    out
}

fn write_prices(ws: &Workspace, dates: &[NaiveDate], jumps: &[(&str, &str, f64)]) {
    let mut long = String::from("date,ticker,close\n");
    let mut spy = 500.0;
    let mut btc = 60_000.0;
    let mut px = [
        ("WULF", 5.0, 1.2, 0.6, 11u64),
        ("CIFR", 4.0, 1.0, 0.8, 12u64),
    ];
    for (i, d) in dates.iter().enumerate() {
        if i > 0 {
            let rm = 0.01 * wiggle(i, 1);
            let rb = 0.03 * wiggle(i, 2);
            spy *= 1.0 + rm;
            btc *= 1.0 + rb;
            for (t, p, bm, bb, k) in px.iter_mut() {
                let mut r = 0.0004 + *bm * rm + *bb * rb + 0.025 * wiggle(i, *k);
                for (jt, jd, j) in jumps {
                    if jt == t && *jd == d.to_string() {
                        r += j;
                    }
                }
                *p *= 1.0 + r;
            }
        }
        long.push_str(&format!("{d},SPY,{spy:.4}\n{d},BTC-USD,{btc:.2}\n"));
        for (t, p, ..) in &px {
            long.push_str(&format!("{d},{t},{p:.4}\n"));
        }
    }
    std::fs::write(ws.path().join("prices.csv"), long).unwrap();
}

/// The premium's study options in these tests.
const ARGS: [&str; 7] = [
    "--model",
    "factor",
    "--window=-1:1",
    "--window=0:5",
    "--estimation=-100:-11",
    "--min-estimation",
    "50",
];

/// Two companies with eight curated AI deals (each with a jump in the stock on its day) and six
/// press releases that announce nothing (the control group), with 330 sessions of prices.
fn scenario() -> (
    Server,
    Workspace,
    [(&'static str, &'static str, &'static str); 6],
) {
    let s = Server::start();
    // the control group: press releases of the same companies that announce no deal
    let control = [
        (
            "WULF",
            "2025-01-15T13:00:00Z",
            "TeraWulf Reports December Production",
        ),
        (
            "WULF",
            "2025-03-12T13:00:00Z",
            "TeraWulf Announces Fourth Quarter Results Date",
        ),
        (
            "WULF",
            "2025-05-20T13:00:00Z",
            "TeraWulf Appoints Chief Financial Officer",
        ),
        (
            "CIFR",
            "2025-01-22T13:00:00Z",
            "Cipher Mining Reports December Production",
        ),
        (
            "CIFR",
            "2025-04-02T13:00:00Z",
            "Cipher Mining Publishes Sustainability Report",
        ),
        (
            "CIFR",
            "2025-06-10T13:00:00Z",
            "Cipher Mining Announces Annual Meeting Results",
        ),
    ];
    let items: String = control
        .iter()
        .enumerate()
        .map(|(i, (_, at, title))| {
            let t = chrono::DateTime::parse_from_rfc3339(at).unwrap().to_rfc2822();
            format!("<item><title>{title}</title><link>{b}/pr/{i}</link><guid>pr{i}</guid><pubDate>{t}</pubDate><description>{title}.</description></item>", b = s.base)
        })
        .collect();
    s.route(
        "/pr.xml",
        Resp::ok(format!(
            "<rss version=\"2.0\"><channel><title>IR</title>{items}</channel></rss>"
        )),
    );
    let ws = Workspace::new(&format!(
        "{}\n[edgar]\nenabled = false\n\n[[company]]\nticker = \"WULF\"\nname = \"TeraWulf\"\ncik = \"1083301\"\n\n[[company]]\nticker = \"CIFR\"\nname = \"Cipher Mining\"\ncik = \"1819989\"\n\n\
         [[counterparty]]\nname = \"Fluidstack\"\nclass = \"neocloud\"\n\n[[counterparty]]\nname = \"Amazon\"\nclass = \"hyperscaler\"\n\n[[counterparty]]\nname = \"AMD\"\nclass = \"chipmaker\"\n\n\
         [[source]]\nname = \"IR\"\nkind = \"feed\"\ndoc_kind = \"press_release\"\nurl = \"{}\"\n",
        test_crawl_section(),
        s.url("/pr.xml")
    ));
    assert_eq!(ws.run(&["crawl"]).status.code(), Some(0));
    let deals = [
        (
            "WULF",
            "2025-01-06",
            "Fluidstack",
            "3.7bn",
            "200",
            "10",
            0.08,
        ),
        ("WULF", "2025-02-18", "Amazon", "5.5bn", "300", "15", 0.12),
        ("WULF", "2025-04-14", "AMD", "311m", "25", "10", 0.03),
        (
            "WULF",
            "2025-06-02",
            "Fluidstack",
            "9.5bn",
            "168",
            "25",
            0.10,
        ),
        ("CIFR", "2025-01-08", "Amazon", "5bn", "200", "15", 0.15),
        (
            "CIFR",
            "2025-02-25",
            "Fluidstack",
            "3bn",
            "168",
            "10",
            -0.05,
        ),
        ("CIFR", "2025-04-22", "AMD", "1bn", "50", "10", 0.02),
        ("CIFR", "2025-06-24", "Amazon", "7bn", "245", "15", 0.09),
    ];
    for (t, d, cp, v, mw, y, _) in &deals {
        let out = ws.run(&[
            "deals",
            "add",
            "--ticker",
            t,
            "--date",
            d,
            "--time",
            "08:00",
            "--counterparty",
            cp,
            "--type",
            "colocation",
            "--value",
            v,
            "--mw",
            mw,
            "--years",
            y,
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let jumps: Vec<(&str, &str, f64)> = deals.iter().map(|(t, d, .., j)| (*t, *d, *j)).collect();
    write_prices(&ws, &sessions(330), &jumps);
    assert_eq!(
        ws.run(&[
            "prices",
            "import",
            ws.path().join("prices.csv").to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );

    (s, ws, control)
}

#[test]
fn premium_compares_ai_deals_with_other_announcements() {
    let (_s, ws, control) = scenario();
    let args = ARGS;
    let mut pa = vec!["premium", "--json"];
    pa.extend(args);
    let out = ws.run(&pa);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ai_events"], 8);
    assert_eq!(v["control_events"], 6);

    // the same two groups through `study`
    let mut sa = vec!["study", "--json"];
    sa.extend(args);
    let ai: serde_json::Value = serde_json::from_slice(&ws.run(&sa).stdout).unwrap();
    let mut csv = String::from("event_id,ticker,date,time\n");
    for (i, (t, at, _)) in control.iter().enumerate() {
        csv.push_str(&format!("C{i},{t},{},{at}\n", &at[..10]));
    }
    std::fs::write(ws.path().join("control.csv"), csv).unwrap();
    let mut ca = vec!["study", "--json", "--events"];
    let cpath = ws.path().join("control.csv");
    ca.push(cpath.to_str().unwrap());
    ca.extend(args);
    let ctl: serde_json::Value = serde_json::from_slice(&ws.run(&ca).stdout).unwrap();
    let cars = |r: &serde_json::Value, w: usize| -> Vec<f64> {
        r["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["status"] == "included")
            .map(|e| e["windows"][w]["car"].as_f64().unwrap())
            .collect()
    };
    for w in 0..2 {
        let (x, y) = (cars(&ai, w), cars(&ctl, w));
        assert_eq!((x.len(), y.len()), (8, 6));
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        let var = |v: &[f64]| {
            let m = mean(v);
            v.iter().map(|a| (a - m).powi(2)).sum::<f64>() / (v.len() as f64 - 1.0)
        };
        let diff = mean(&x) - mean(&y);
        let t = diff / (var(&x) / 8.0 + var(&y) / 6.0).sqrt();
        let row = &v["windows"][w];
        assert!(
            (row["diff"].as_f64().unwrap() - diff).abs() < 1e-12,
            "window {w}"
        );
        assert!(
            (row["welch"]["t"].as_f64().unwrap() - t).abs() < 1e-9 * t.abs(),
            "window {w}"
        );
        assert!(
            (row["ai"]["caar"].as_f64().unwrap() - ai["caar"][w]["caar"].as_f64().unwrap()).abs()
                < 1e-15
        );
        assert!(
            (row["control"]["caar"].as_f64().unwrap() - ctl["caar"][w]["caar"].as_f64().unwrap())
                .abs()
                < 1e-15
        );
        let (lo, hi) = (
            row["bootstrap_95"][0].as_f64().unwrap(),
            row["bootstrap_95"][1].as_f64().unwrap(),
        );
        assert!(lo < diff && diff < hi, "{lo} {diff} {hi}");
    }
    // the injected jumps make the AI premium clearly positive on [-1, +1]
    assert!(v["windows"][0]["diff"].as_f64().unwrap() > 0.03);
    // regression on all 8 deals: const, ln value, MW, years, hyperscaler, neocloud
    assert_eq!(v["regression"]["n"], 8);
    assert_eq!(
        v["regression"]["names"],
        serde_json::json!([
            "const",
            "ln_value_usd",
            "capacity_mw",
            "term_years",
            "hyperscaler",
            "neocloud"
        ])
    );
    // betas for both companies, before and after the first deal
    let betas = v["betas"].as_array().unwrap();
    assert_eq!(
        betas
            .iter()
            .map(|b| b["ticker"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["CIFR", "WULF"]
    );
    assert_eq!(betas[1]["first_deal_day0"], "2025-01-06");
    let bb = betas[1]["bitcoin_before"].as_f64().unwrap();
    assert!(
        (bb - 0.6).abs() < 0.25,
        "WULF's bitcoin beta is about 0.6 by construction: {bb}"
    );
    // reproducible: the same seed gives the same interval
    let again: serde_json::Value = serde_json::from_slice(&ws.run(&pa).stdout).unwrap();
    assert_eq!(
        again["windows"][0]["bootstrap_95"],
        v["windows"][0]["bootstrap_95"]
    );
    // the human screen and the SVG
    let plot = ws.path().join("premium.svg");
    let mut ha = vec!["premium", "--plot", plot.to_str().unwrap()];
    ha.extend(args);
    let out = ws.run(&ha);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("AI narrative premium — factor model (SPY + BTC-USD), estimation [-100,-11]; 8 AI-deal events vs 6 other announcements"), "{text}");
    assert!(
        text.contains("CAR[-1,+1] on deal terms (OLS, HC1 standard errors, N = 8"),
        "{text}"
    );
    assert!(
        text.contains("  WULF   first deal 2025-01-06  bitcoin "),
        "{text}"
    );
    let svg = std::fs::read_to_string(&plot).unwrap();
    assert_eq!(svg.matches("<g transform=").count(), 2);
    assert!(svg.contains("other announcements") && svg.contains(">WULF<"));
}

/// Gauss–Jordan inverse of a small matrix (the test's own, independent of the library's solver).
fn inverse(m: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let k = m.len();
    let mut a: Vec<Vec<f64>> = m
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = r.clone();
            row.extend((0..k).map(|j| if i == j { 1.0 } else { 0.0 }));
            row
        })
        .collect();
    for c in 0..k {
        let p = (c..k)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .unwrap();
        a.swap(c, p);
        let d = a[c][c];
        a[c].iter_mut().for_each(|v| *v /= d);
        for i in 0..k {
            if i != c {
                let f = a[i][c];
                let pivot_row = a[c].clone();
                a[i].iter_mut()
                    .zip(&pivot_row)
                    .for_each(|(v, p)| *v -= f * p);
            }
        }
    }
    a.into_iter().map(|r| r[k..].to_vec()).collect()
}

#[test]
fn the_premium_is_recomputed_from_the_exported_files_alone() {
    let (_s, ws, _) = scenario();
    let mut pa = vec!["premium", "--json"];
    pa.extend(ARGS);
    let out = ws.run(&pa);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let dir = ws.path().join("export");
    let mut ea = vec!["export", "--out", dir.to_str().unwrap()];
    ea.extend(ARGS);
    let out = ws.run(&ea);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // event_windows.csv: CAR per event and window, with the group of each event
    let mut rdr = csv::Reader::from_path(dir.join("event_windows.csv")).unwrap();
    let h = rdr.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let (id_c, g_c, s_c, car_c) = (
        col("event_id"),
        col("group"),
        col("window_start"),
        col("car"),
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let cars = |group: &str, start: &str| -> Vec<(String, f64)> {
        rows.iter()
            .filter(|r| &r[g_c] == group && &r[s_c] == start)
            .map(|r| (r[id_c].to_string(), r[car_c].parse().unwrap()))
            .collect()
    };
    // the premium's JSON lists the same events of each group as the export holds
    for (group, key) in [("ai", "ai"), ("control", "control")] {
        let listed: Vec<String> = v["events"][key]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["included"] == true)
            .map(|e| e["event_id"].as_str().unwrap().to_string())
            .collect();
        let exported: Vec<String> = cars(group, "-1").into_iter().map(|(id, _)| id).collect();
        assert_eq!(listed, exported, "{group}");
    }
    assert_eq!(cars("ai", "-1").len(), 8);
    assert_eq!(cars("control", "-1").len(), 6);
    // every control event names the press release it came from
    for e in v["events"]["control"].as_array().unwrap() {
        assert_eq!(
            e["event_id"].as_str().unwrap(),
            format!("C{}", e["document_id"])
        );
    }

    // Welch's t per window from the exported CARs
    for (w, start) in ["-1", "0"].iter().enumerate() {
        let x: Vec<f64> = cars("ai", start).into_iter().map(|c| c.1).collect();
        let y: Vec<f64> = cars("control", start).into_iter().map(|c| c.1).collect();
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        let var = |v: &[f64]| {
            let m = mean(v);
            v.iter().map(|a| (a - m).powi(2)).sum::<f64>() / (v.len() as f64 - 1.0)
        };
        let (sa, sb) = (var(&x) / x.len() as f64, var(&y) / y.len() as f64);
        let t = (mean(&x) - mean(&y)) / (sa + sb).sqrt();
        let df = (sa + sb).powi(2)
            / (sa * sa / (x.len() as f64 - 1.0) + sb * sb / (y.len() as f64 - 1.0));
        let welch = &v["windows"][w]["welch"];
        assert!(
            (welch["t"].as_f64().unwrap() - t).abs() < 1e-12 * t.abs(),
            "window {w}: {welch} vs t {t}"
        );
        assert!(
            (welch["df"].as_f64().unwrap() - df).abs() < 1e-9 * df,
            "window {w}"
        );
    }

    // the regression of CAR[-1,+1] on the deals' terms, from deals.csv and event_windows.csv
    let mut rdr = csv::Reader::from_path(dir.join("deals.csv")).unwrap();
    let h = rdr.headers().unwrap().clone();
    let dc = |n: &str| h.iter().position(|x| x == n).unwrap();
    let deals: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for (id, car) in cars("ai", "-1") {
        let d = deals
            .iter()
            .find(|d| format!("D{}", &d[dc("id")]) == id)
            .unwrap();
        let num = |n: &str| d[dc(n)].parse::<f64>().unwrap();
        let class = &d[dc("counterparty_class")];
        xs.push(vec![
            1.0,
            num("value_usd").ln(),
            num("capacity_mw"),
            num("term_years"),
            f64::from(class == "hyperscaler"),
            f64::from(class == "neocloud"),
        ]);
        ys.push(car);
    }
    let (n, k) = (xs.len(), xs[0].len());
    let xtx: Vec<Vec<f64>> = (0..k)
        .map(|a| {
            (0..k)
                .map(|b| xs.iter().map(|r| r[a] * r[b]).sum())
                .collect()
        })
        .collect();
    let inv = inverse(&xtx);
    let xty: Vec<f64> = (0..k)
        .map(|a| xs.iter().zip(&ys).map(|(r, y)| r[a] * y).sum())
        .collect();
    let beta: Vec<f64> = (0..k)
        .map(|a| (0..k).map(|b| inv[a][b] * xty[b]).sum())
        .collect();
    let e: Vec<f64> = xs
        .iter()
        .zip(&ys)
        .map(|(r, y)| y - r.iter().zip(&beta).map(|(x, b)| x * b).sum::<f64>())
        .collect();
    let meat: Vec<Vec<f64>> = (0..k)
        .map(|a| {
            (0..k)
                .map(|b| xs.iter().zip(&e).map(|(r, e)| e * e * r[a] * r[b]).sum())
                .collect()
        })
        .collect();
    let mul = |p: &[Vec<f64>], q: &[Vec<f64>]| -> Vec<Vec<f64>> {
        (0..k)
            .map(|i| {
                (0..k)
                    .map(|j| (0..k).map(|m| p[i][m] * q[m][j]).sum())
                    .collect()
            })
            .collect()
    };
    let cov = mul(&mul(&inv, &meat), &inv);
    let reg = &v["regression"];
    assert_eq!(reg["n"], n);
    for j in 0..k {
        let se = (cov[j][j] * n as f64 / (n - k) as f64).sqrt();
        let (got_b, got_se) = (
            reg["coef"][j].as_f64().unwrap(),
            reg["se"][j].as_f64().unwrap(),
        );
        assert!(
            (got_b - beta[j]).abs() <= 1e-6 * beta[j].abs().max(1e-6),
            "coef {j}: {got_b} vs {}",
            beta[j]
        );
        assert!((got_se - se).abs() <= 1e-6 * se, "se {j}: {got_se} vs {se}");
    }
}
