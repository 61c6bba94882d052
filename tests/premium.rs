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

#[test]
fn premium_compares_ai_deals_with_other_announcements() {
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

    let args = [
        "--model",
        "factor",
        "--window=-1:1",
        "--window=0:5",
        "--estimation=-100:-11",
        "--min-estimation",
        "50",
    ];
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
