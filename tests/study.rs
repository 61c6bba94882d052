//! `prices import/list` and `study` end to end, with the numbers recomputed in the test from the
//! price files by the closed-form simple-regression formulas (not the engine's matrix code).

mod common;

use chrono::{Datelike, NaiveDate, Weekday};
use common::*;

/// Weekday sessions from 2025-01-02, skipping the holidays listed.
fn sessions(n: usize) -> Vec<NaiveDate> {
    let holidays = [
        "2025-01-09",
        "2025-01-20",
        "2025-02-17",
        "2025-04-18",
        "2025-05-26",
        "2025-06-19",
        "2025-07-04",
        "2025-09-01",
    ];
    let mut d = NaiveDate::from_ymd_opt(2025, 1, 2).unwrap();
    let mut out = Vec::new();
    while out.len() < n {
        let wd = d.weekday();
        if wd != Weekday::Sat && wd != Weekday::Sun && !holidays.contains(&d.to_string().as_str()) {
            out.push(d);
        }
        d = d.succ_opt().unwrap();
    }
    out
}

struct Data {
    dates: Vec<NaiveDate>,
    spy: Vec<f64>,
    stock: Vec<f64>,
}

fn make_data(ws: &Workspace) -> Data {
    let dates = sessions(200);
    let mut spy = vec![500.0];
    let mut stock = vec![20.0];
    for i in 1..dates.len() {
        let rm = 0.01 * wiggle(i, 1);
        let mut r = 0.0005 + 1.4 * rm + 0.02 * wiggle(i, 2);
        if dates[i].to_string() == "2025-08-14" {
            r += 0.25; // the announcement
        }
        spy.push(spy[i - 1] * (1.0 + rm));
        stock.push(stock[i - 1] * (1.0 + r));
    }
    // prices as the free sources write them, rounded to 4 decimals
    let spy: Vec<f64> = spy
        .iter()
        .map(|p| (p * 10_000.0).round() / 10_000.0)
        .collect();
    let stock: Vec<f64> = stock
        .iter()
        .map(|p| (p * 10_000.0).round() / 10_000.0)
        .collect();
    let mut s = String::from("Date,Open,High,Low,Close,Volume\n");
    for (d, p) in dates.iter().zip(&spy) {
        s.push_str(&format!("{d},{p},{p},{p},{p},1000\n"));
    }
    std::fs::write(ws.path().join("spy.us.csv"), s).unwrap();
    let mut s = String::from("Date,Open,High,Low,Close,Adj Close,Volume\n");
    for (d, p) in dates.iter().zip(&stock) {
        s.push_str(&format!("{d},{p},{p},{p},{},{p},500\n", p + 1.0));
    }
    std::fs::write(ws.path().join("WULF.csv"), s).unwrap();
    Data { dates, spy, stock }
}

#[test]
fn prices_import_reports_rejects_updates_in_place_and_lists_coverage() {
    let ws = Workspace::new("");
    let data = make_data(&ws);
    let out = ws.run(&[
        "prices",
        "import",
        ws.path().join("spy.us.csv").to_str().unwrap(),
        ws.path().join("WULF.csv").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.replace(&format!("{}/", ws.path().display()), ""))
        .collect();
    assert_eq!(
        lines,
        vec![
            "spy.us.csv: 200 rows for SPY (200 new, 0 updated)",
            "WULF.csv: 200 rows for WULF (200 new, 0 updated)"
        ]
    );
    // adjusted close is what returns use; close is kept too
    assert_eq!(
        ws.rows(
            "SELECT close, adj_close FROM prices WHERE ticker = 'WULF' AND date = '2025-01-02'"
        ),
        vec![vec!["21".to_string(), "20".into()]]
    );
    // a file with bad rows: the good ones import (updating), each bad one is named with its line
    let bad = format!(
        "date,ticker,close\n{},WULF,21.5\n2025-13-01,WULF,3\n{},WULF,0\n{},WULF,22\n",
        data.dates[0], data.dates[1], data.dates[0]
    );
    std::fs::write(ws.path().join("long.csv"), bad).unwrap();
    let out = ws.run(&[
        "prices",
        "import",
        ws.path().join("long.csv").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out).replace(&format!("{}/", ws.path().display()), "");
    assert_eq!(
        err,
        format!(
            "rejected: long.csv:3: bad date '2025-13-01'\nrejected: long.csv:4: non-positive close '0' on {}\nrejected: long.csv:5: duplicate date {} for WULF\n",
            data.dates[1], data.dates[0]
        )
    );
    assert!(
        stdout(&out).ends_with("long.csv: 1 rows for WULF (0 new, 1 updated), 3 rejected\n"),
        "{}",
        stdout(&out)
    );
    assert_eq!(ws.count("SELECT count(*) FROM prices"), 400);
    // an unreadable file stops everything before anything is stored
    std::fs::write(ws.path().join("junk.csv"), "this is not a price file\n").unwrap();
    std::fs::write(
        ws.path().join("more.csv"),
        "date,ticker,close\n2026-01-02,NEW,5\n",
    )
    .unwrap();
    let out = ws.run(&[
        "prices",
        "import",
        ws.path().join("more.csv").to_str().unwrap(),
        ws.path().join("junk.csv").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("junk.csv: not a price file this tool reads"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        ws.count("SELECT count(*) FROM prices WHERE ticker = 'NEW'"),
        0
    );
    // coverage: drop two WULF sessions and list against SPY
    ws.db()
        .execute(
            "DELETE FROM prices WHERE ticker = 'WULF' AND date IN (?1, ?2)",
            [data.dates[10].to_string(), data.dates[11].to_string()],
        )
        .unwrap();
    let out = ws.run(&["prices", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[1]["ticker"], "WULF");
    assert_eq!(v[1]["rows"], 198);
    assert_eq!(v[1]["missing_sessions"], 2);
    assert_eq!(v[1]["first"], "2025-01-02");
    assert_eq!(v[0]["missing_sessions"], 0);
}

/// The market model done by hand: simple-regression closed forms.
struct Hand {
    car: f64,
    var_car: f64,
    alpha: f64,
    beta: f64,
    sigma: f64,
    m: usize,
}

fn by_hand(data: &Data, d0: usize, est: (i64, i64), win: (i64, i64)) -> Hand {
    let ret = |p: &[f64], t: usize| p[t] / p[t - 1] - 1.0;
    let idx = |tau: i64| (d0 as i64 + tau) as usize;
    let est_days: Vec<usize> = (est.0..=est.1).map(idx).collect();
    let m = est_days.len();
    let xs: Vec<f64> = est_days.iter().map(|&t| ret(&data.spy, t)).collect();
    let ys: Vec<f64> = est_days.iter().map(|&t| ret(&data.stock, t)).collect();
    let xm = xs.iter().sum::<f64>() / m as f64;
    let ym = ys.iter().sum::<f64>() / m as f64;
    let sxx: f64 = xs.iter().map(|x| (x - xm).powi(2)).sum();
    let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - xm) * (y - ym)).sum();
    let beta = sxy / sxx;
    let alpha = ym - beta * xm;
    let ssr: f64 = xs
        .iter()
        .zip(&ys)
        .map(|(x, y)| (y - alpha - beta * x).powi(2))
        .sum();
    let s2 = ssr / (m as f64 - 2.0);
    let win_days: Vec<usize> = (win.0..=win.1).map(idx).collect();
    let l = win_days.len() as f64;
    let car: f64 = win_days
        .iter()
        .map(|&t| ret(&data.stock, t) - alpha - beta * ret(&data.spy, t))
        .sum();
    let sum_x: f64 = win_days.iter().map(|&t| ret(&data.spy, t)).sum();
    // Var(CAR) = σ²(L + L²/M + (Σx − L·x̄)²/Sxx) for the simple regression
    let var_car = s2 * (l + l * l / m as f64 + (sum_x - l * xm).powi(2) / sxx);
    Hand {
        car,
        var_car,
        alpha,
        beta,
        sigma: s2.sqrt(),
        m,
    }
}

#[test]
fn study_end_to_end_matches_a_hand_computation_and_writes_csv_and_svg() {
    let ws = Workspace::new("");
    let data = make_data(&ws);
    assert_eq!(
        ws.run(&[
            "prices",
            "import",
            ws.path().join("spy.us.csv").to_str().unwrap(),
            ws.path().join("WULF.csv").to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    // E1 on a Thursday before the close; E2 published Saturday → Monday; E3 after 16:00 → next day;
    // E4 too early for an estimation window; E5 a ticker without prices; E6 a formula-looking id
    let events = "event_id,ticker,date,time,counterparty\n\
        E1,WULF,2025-08-14,09:00,Fluidstack\n\
        E2,WULF,2025-08-16,,\n\
        E3,WULF,2025-08-13,16:30,\n\
        E4,WULF,2025-03-03,,\n\
        E5,IREN,2025-08-14,,Microsoft\n\
        =E6,WULF,2025-09-02,,\"=HYPERLINK(\"\"x\"\")\"\n";
    std::fs::write(ws.path().join("events.csv"), events).unwrap();
    let out_dir = ws.path().join("out");
    let plot = ws.path().join("caar.svg");
    let out = ws.run(&[
        "study",
        "--events",
        ws.path().join("events.csv").to_str().unwrap(),
        "--model",
        "market",
        "--window=-1:1",
        "--window=0:0",
        "--json",
        "--out",
        out_dir.to_str().unwrap(),
        "--plot",
        plot.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["parameters"]["model"], "market");
    assert_eq!(v["parameters"]["factor"], serde_json::Value::Null);
    assert_eq!(v["parameters"]["included"], 4);
    let ev = |id: &str| {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["event_id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(ev("E1")["day0"], "2025-08-14");
    assert_eq!(ev("E2")["day0"], "2025-08-18");
    assert_eq!(ev("E3")["day0"], "2025-08-14");
    assert_eq!(ev("E4")["status"], "excluded");
    assert_eq!(
        ev("E4")["reason"],
        "estimation window [-120, -11] starts before the first return"
    );
    assert_eq!(ev("E5")["reason"], "no prices stored for IREN");
    // clustering: E1 and E3 share day 0 (same ticker: also contamination); E2 (day +2) is outside the span [-1, +1]
    assert_eq!(ev("E1")["same_day"], serde_json::json!(["E3"]));
    assert_eq!(ev("E1")["contaminated_by"], serde_json::json!(["E3"]));

    let d0 = data
        .dates
        .iter()
        .position(|d| d.to_string() == "2025-08-14")
        .unwrap();
    let h = by_hand(&data, d0, (-120, -11), (-1, 1));
    let e1 = ev("E1");
    let close = |a: f64, b: f64, what: &str| {
        assert!(
            (a - b).abs() <= 1e-10 * b.abs().max(1e-6),
            "{what}: {a} vs {b}"
        )
    };
    close(e1["alpha"].as_f64().unwrap(), h.alpha, "alpha");
    close(e1["betas"][0].as_f64().unwrap(), h.beta, "beta");
    close(e1["sigma"].as_f64().unwrap(), h.sigma, "sigma");
    assert_eq!(e1["m"].as_u64().unwrap() as usize, h.m);
    close(
        e1["windows"][0]["car"].as_f64().unwrap(),
        h.car,
        "CAR[-1,+1]",
    );
    close(
        e1["windows"][0]["var_car"].as_f64().unwrap(),
        h.var_car,
        "Var(CAR)",
    );
    close(
        e1["windows"][0]["scar"].as_f64().unwrap(),
        h.car / h.var_car.sqrt(),
        "SCAR",
    );
    assert!(h.car > 0.2, "the injected 25% shows: {}", h.car);
    // the CAAR of [0,0] over the included events is the mean of their CARs there
    let cars: Vec<f64> = ["E1", "E2", "E3", "=E6"]
        .iter()
        .map(|id| ev(id)["windows"][1]["car"].as_f64().unwrap())
        .collect();
    close(
        v["caar"][1]["caar"].as_f64().unwrap(),
        cars.iter().sum::<f64>() / 4.0,
        "CAAR[0,0]",
    );
    assert_eq!(v["caar"][1]["n"], 4);

    // CSV export: formula-looking text neutralised, numbers full precision
    let events_csv = std::fs::read_to_string(out_dir.join("events.csv")).unwrap();
    assert!(
        events_csv.contains("\n'=E6,WULF,2025-09-02,\"'=HYPERLINK(\"\"x\"\")\","),
        "{events_csv}"
    );
    let car_csv = std::fs::read_to_string(out_dir.join("car.csv")).unwrap();
    let first = car_csv.lines().nth(1).unwrap();
    assert!(first.starts_with("E1,WULF,-1,1,"), "{first}");
    let car_field: f64 = first.split(',').nth(4).unwrap().parse().unwrap();
    assert_eq!(car_field, e1["windows"][0]["car"].as_f64().unwrap());
    let ar_csv = std::fs::read_to_string(out_dir.join("ar.csv")).unwrap();
    assert_eq!(ar_csv.lines().count(), 1 + 4 * 3); // 4 included events × span [-1, +1]
    assert!(ar_csv.contains("\nE1,WULF,0,2025-08-14,"));
    for f in ["aar.csv", "caar.csv"] {
        assert!(
            std::fs::read_to_string(out_dir.join(f))
                .unwrap()
                .lines()
                .next()
                .unwrap()
                .ends_with(",gsign,gsign_p")
        );
    }
    let svg = std::fs::read_to_string(&plot).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("N = 4"),
        "{}",
        &svg[..200]
    );
    assert_eq!(svg.matches("<circle").count(), 3);

    // the human table
    let out = ws.run(&[
        "study",
        "--events",
        ws.path().join("events.csv").to_str().unwrap(),
        "--model",
        "market",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("Event study: market model (SPY), estimation [-120,-11] (min 60 returns), simple returns; 6 events, 4 included, 2 excluded"), "{text}");
    assert!(
        text.contains("\nWINDOW       N      CAAR         t    p(t)"),
        "{text}"
    );
    assert!(text.contains("\nExcluded:\n  E4 WULF 2025-03-03: estimation window [-120, -11] starts before the first return\n  E5 IREN 2025-08-14: no prices stored for IREN\n"), "{text}");
}

#[test]
fn study_errors_are_clear() {
    let ws = Workspace::new("");
    std::fs::write(
        ws.path().join("ev.csv"),
        "event_id,ticker,date\nA,WULF,2025-08-14\n",
    )
    .unwrap();
    let ev = ws.path().join("ev.csv");
    let out = ws.run(&["study", "--events", ev.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "hashpivot: no prices for the market benchmark SPY: run `hashpivot prices import FILE` or `hashpivot prices fetch --ticker SPY`"
    );
    let out = ws.run(&["study", "--events", ev.to_str().unwrap(), "--window=3:1"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "hashpivot: --window: window '3:1': start is after end"
    );
    let out = ws.run(&[
        "study",
        "--events",
        ev.to_str().unwrap(),
        "--factor",
        "none",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "hashpivot: the factor model needs a factor series: pass --factor BTC-USD, or --model market"
    );
    let out = ws.run(&["study"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("hashpivot: no deals stored to study: run `hashpivot crawl`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn prices_fetch_reads_the_yahoo_chart_api_from_loopback() {
    let s = Server::start();
    // 2025-11-03..05 at 14:30 UTC (09:30 New York); the middle day has no close
    let body = r#"{"chart":{"result":[{"meta":{"symbol":"IREN","gmtoffset":-18000},
        "timestamp":[1762180200,1762266600,1762353000],
        "indicators":{"quote":[{"open":[60.1,null,66.0],"high":[75.0,null,67.0],"low":[59.0,null,64.0],"close":[70.5,null,65.25],"volume":[9000000,null,7000000]}],
        "adjclose":[{"adjclose":[70.5,null,65.25]}]}}],"error":null}}"#;
    s.route(
        "/v8/finance/chart/IREN*",
        Resp::ok(body).header("Content-Type", "application/json"),
    );
    s.route(
        "/v8/finance/chart/NOPE*",
        Resp::new(
            404,
            r#"{"chart":{"result":null,"error":{"code":"Not Found"}}}"#,
        ),
    );
    let ws = Workspace::new(&format!(
        "[prices]\nyahoo_url = \"{}/v8/finance/chart\"\n",
        s.base
    ));
    let out = ws.run(&[
        "prices",
        "fetch",
        "--ticker",
        "IREN",
        "--ticker",
        "NOPE",
        "--from",
        "2025-11-01",
    ]);
    assert_eq!(out.status.code(), Some(1), "one symbol failed");
    assert_eq!(
        stdout(&out),
        "IREN: 2 rows from 2025-11-01 (2 new, 0 updated)\n"
    );
    assert!(
        stderr(&out).starts_with("failed: NOPE: gone: HTTP 404"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        ws.rows("SELECT date, open, close, adj_close, volume, source FROM prices ORDER BY date"),
        vec![
            vec!["2025-11-03", "60.1", "70.5", "70.5", "9000000", "yahoo"],
            vec!["2025-11-05", "66", "65.25", "65.25", "7000000", "yahoo"],
        ]
    );
    let req = &s.requests_to_prefix("/v8/finance/chart/IREN")[0];
    assert!(req.path.contains("period1=1761955200&"), "{}", req.path); // 2025-11-01 00:00 UTC
    assert!(req.path.contains("interval=1d"));
    // without --from: from the day after the last stored bar
    let out = ws.run(&["prices", "fetch", "--ticker", "IREN"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let req = &s.requests_to_prefix("/v8/finance/chart/IREN")[1];
    assert!(req.path.contains("period1=1762387200&"), "{}", req.path); // 2025-11-06
    assert_eq!(
        stdout(&out),
        "IREN: 0 rows from 2025-11-06 (0 new, 0 updated)\n"
    );
}

#[test]
fn study_defaults_to_the_stored_deals() {
    let ws =
        Workspace::new("[[company]]\nticker = \"WULF\"\nname = \"TeraWulf\"\ncik = \"1083301\"\n");
    make_data(&ws);
    assert_eq!(
        ws.run(&[
            "prices",
            "import",
            ws.path().join("spy.us.csv").to_str().unwrap(),
            ws.path().join("WULF.csv").to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    // announced 07:05 New York on 2025-08-14 → day 0 that session
    let out = ws.run(&[
        "deals",
        "add",
        "--ticker",
        "WULF",
        "--date",
        "2025-08-14",
        "--time",
        "07:05",
        "--counterparty",
        "Fluidstack",
        "--type",
        "colocation",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // after the close on Friday 2025-08-15 → Monday
    let out = ws.run(&[
        "deals",
        "add",
        "--ticker",
        "WULF",
        "--date",
        "2025-08-15",
        "--time",
        "16:30",
        "--counterparty",
        "Fluidstack",
        "--type",
        "expansion",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = ws.run(&["study", "--model", "market", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["event_id"], "D1");
    assert_eq!(events[0]["counterparty"], "Fluidstack");
    assert_eq!(events[0]["day0"], "2025-08-14");
    assert_eq!(events[1]["day0"], "2025-08-18");
    // --type filters the deals
    let out = ws.run(&[
        "study",
        "--model",
        "market",
        "--json",
        "--type",
        "expansion",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["events"].as_array().unwrap().len(), 1);
    assert_eq!(v["events"][0]["event_id"], "D2");
}

#[test]
fn a_stored_deal_whose_date_does_not_read_is_an_error_naming_the_deal() {
    let ws =
        Workspace::new("[[company]]\nticker = \"WULF\"\nname = \"TeraWulf\"\ncik = \"1083301\"\n");
    let out = ws.run(&[
        "deals",
        "add",
        "--ticker",
        "WULF",
        "--date",
        "2025-08-14",
        "--counterparty",
        "Fluidstack",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // a damaged event day: before, the study moved the event to 1970-01-01 (and the digest to the
    // start of its week)
    ws.db()
        .execute(
            "UPDATE deals SET event_day = '2025-08-15x' WHERE id = 1",
            [],
        )
        .unwrap();
    for args in [
        &["study"][..],
        &["premium"],
        &["digest", "--week", "2025-W33"],
    ] {
        let out = ws.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("deal 1: its event day '2025-08-15x' is not a valid date"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // a damaged announcement time
    ws.db()
        .execute(
            "UPDATE deals SET event_day = '2025-08-14', announced_at = 'yesterday' WHERE id = 1",
            [],
        )
        .unwrap();
    for args in [&["study"][..], &["digest", "--week", "2025-W33"]] {
        let out = ws.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("deal 1: its announcement time 'yesterday' is not a valid date"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

/// A crawled headline with a formula for a title, a deal with a note starting with @, and prices:
/// what every export test reads back.
fn export_scenario() -> (Server, Workspace) {
    let s = Server::start();
    s.route(
        "/feed.xml",
        Resp::ok(format!(
            "<rss version=\"2.0\"><channel><title>t</title>\
             <item><title>=HYPERLINK(\"http://evil\",\"TeraWulf signs lease\")</title><link>{b}/a</link><guid>h1</guid>\
             <pubDate>Thu, 14 Aug 2025 11:05:00 GMT</pubDate><description>TeraWulf (Nasdaq: WULF) signed a ten-year colocation lease with Fluidstack for 200 MW of critical IT load.</description></item>\
             </channel></rss>",
            b = s.base
        )),
    );
    let ws = Workspace::new(&format!(
        "{}\n[[company]]\nticker = \"WULF\"\nname = \"TeraWulf\"\ncik = \"1083301\"\nedgar = false\n\n[[counterparty]]\nname = \"Fluidstack\"\nclass = \"neocloud\"\n\n[[source]]\nname = \"Wire\"\nkind = \"feed\"\nurl = \"{}\"\n",
        test_crawl_section(),
        s.url("/feed.xml")
    ));
    assert_eq!(ws.run(&["crawl"]).status.code(), Some(0));
    make_data(&ws);
    assert_eq!(
        ws.run(&[
            "prices",
            "import",
            ws.path().join("spy.us.csv").to_str().unwrap(),
            ws.path().join("WULF.csv").to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    let out = ws.run(&["deals", "edit", "1", "--note", "@check the 8-K"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (s, ws)
}

#[test]
fn export_writes_every_table_readable_back_with_a_data_dictionary() {
    let (_s, ws) = export_scenario();
    let dir = ws.path().join("export");
    let out = ws.run(&[
        "export",
        "--out",
        dir.to_str().unwrap(),
        "--model",
        "market",
        "--window=-1:1",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "wrote 1 documents, 1 deals, 3 abnormal-return rows and 1 event windows to {}\n",
            dir.display()
        )
    );
    // documents.csv: the hostile title is neutralised, the tickers and relevance lists line up
    let mut rdr = csv::Reader::from_path(dir.join("documents.csv")).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let get = |r: &csv::StringRecord, name: &str| {
        r.get(headers.iter().position(|h| h == name).unwrap())
            .unwrap()
            .to_string()
    };
    assert_eq!(
        get(&rows[0], "title"),
        "'=HYPERLINK(\"http://evil\",\"TeraWulf signs lease\")"
    );
    assert_eq!(get(&rows[0], "tickers"), "WULF");
    assert_eq!(get(&rows[0], "relevance"), "100"); // headline 90, +5 for each of two more mentions
    assert_eq!(get(&rows[0], "day0"), "2025-08-14");
    assert_eq!(get(&rows[0], "novelty"), "first");
    assert_eq!(get(&rows[0], "deal_id"), "1");
    // deals.csv: the analyst note starts with @ and is neutralised
    let mut rdr = csv::Reader::from_path(dir.join("deals.csv")).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let deal: csv::StringRecord = rdr.records().next().unwrap().unwrap();
    let get = |name: &str| {
        deal.get(headers.iter().position(|h| h == name).unwrap())
            .unwrap()
            .to_string()
    };
    assert_eq!(get("note"), "'@check the 8-K");
    assert_eq!(get("capacity_mw"), "200.0");
    assert_eq!(get("term_years"), "10.0");
    assert_eq!(get("event_day"), "2025-08-14");
    // abnormal returns: three days of the [-1, +1] span; their CAR to date ends at the window CAR
    let mut rdr = csv::Reader::from_path(dir.join("abnormal_returns.csv")).unwrap();
    let ar: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(
        ar.iter().map(|r| r[2].to_string()).collect::<Vec<_>>(),
        ["-1", "0", "1"]
    );
    assert_eq!(ar[1][3].to_string(), "2025-08-14");
    let sum: f64 = ar.iter().map(|r| r[8].parse::<f64>().unwrap()).sum();
    assert!((ar[2][9].parse::<f64>().unwrap() - sum).abs() < 1e-15);
    assert_eq!(
        ar[1][6].to_string(),
        "",
        "no bitcoin return in the market model"
    );
    let mut rdr = csv::Reader::from_path(dir.join("event_windows.csv")).unwrap();
    let w: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(w.len(), 1);
    assert_eq!(
        w[0][4].parse::<f64>().unwrap(),
        ar[2][9].parse::<f64>().unwrap()
    );
    // dataset.json: parameters and a data dictionary covering every column
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("dataset.json")).unwrap()).unwrap();
    assert_eq!(meta["parameters"]["study"]["model"], "market");
    assert_eq!(meta["tables"][0]["rows"], 1);
    for t in meta["tables"].as_array().unwrap() {
        let file = dir.join(t["file"].as_str().unwrap());
        let header: Vec<String> = csv::Reader::from_path(&file)
            .unwrap()
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        let names: Vec<String> = t["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(header, names, "{}", file.display());
        for c in t["columns"].as_array().unwrap() {
            assert!(!c["meaning"].as_str().unwrap().is_empty());
        }
    }
}

#[test]
fn export_as_json_lines_keeps_the_rows_with_real_types() {
    let (_s, ws) = export_scenario();
    // JSON Lines: the same rows with real types
    let jdir = ws.path().join("export-jsonl");
    assert_eq!(
        ws.run(&[
            "export",
            "--out",
            jdir.to_str().unwrap(),
            "--format",
            "jsonl",
            "--model",
            "market",
            "--window=-1:1"
        ])
        .status
        .code(),
        Some(0)
    );
    let doc: serde_json::Value = serde_json::from_str(
        std::fs::read_to_string(jdir.join("documents.jsonl"))
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        doc["title"],
        "=HYPERLINK(\"http://evil\",\"TeraWulf signs lease\")"
    );
    assert_eq!(doc["tickers"], serde_json::json!(["WULF"]));
    assert_eq!(doc["relevance"], serde_json::json!([100]));
    let lines = std::fs::read_to_string(jdir.join("abnormal_returns.jsonl")).unwrap();
    assert_eq!(lines.lines().count(), 3);
    let first: serde_json::Value = serde_json::from_str(lines.lines().next().unwrap()).unwrap();
    assert_eq!(first["tau"], -1);
    assert!(first["ar"].is_f64());
}

#[test]
fn export_as_parquet_has_real_types() {
    let (_s, ws) = export_scenario();
    let dir = ws.path().join("export");
    let out = ws.run(&[
        "export",
        "--out",
        dir.to_str().unwrap(),
        "--model",
        "market",
        "--window=-1:1",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Parquet, with real types, when built with the feature
    let pdir = ws.path().join("export-parquet");
    let out = ws.run(&[
        "export",
        "--out",
        pdir.to_str().unwrap(),
        "--format",
        "parquet",
        "--model",
        "market",
        "--window=-1:1",
    ]);
    #[cfg(feature = "parquet")]
    {
        use arrow_array::{
            Array, Date32Array, Float64Array, Int64Array, ListArray, StringArray,
            TimestampMillisecondArray,
        };
        use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let read = |name: &str| {
            let f = std::fs::File::open(pdir.join(name)).unwrap();
            let batches: Vec<_> = ParquetRecordBatchReaderBuilder::try_new(f)
                .unwrap()
                .build()
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert_eq!(batches.len(), 1);
            batches.into_iter().next().unwrap()
        };
        let docs = read("documents.parquet");
        assert_eq!(docs.num_rows(), 1);
        let title = docs
            .column_by_name("title")
            .unwrap()
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        assert_eq!(
            title.value(0),
            "=HYPERLINK(\"http://evil\",\"TeraWulf signs lease\")"
        );
        let day0 = docs
            .column_by_name("day0")
            .unwrap()
            .as_any()
            .downcast_ref::<Date32Array>()
            .unwrap();
        assert_eq!(day0.value_as_date(0).unwrap().to_string(), "2025-08-14");
        let published = docs
            .column_by_name("published_at")
            .unwrap()
            .as_any()
            .downcast_ref::<TimestampMillisecondArray>()
            .unwrap();
        assert_eq!(published.value(0), 1_755_169_500_000); // 2025-08-14T11:05:00Z
        let tickers = docs
            .column_by_name("tickers")
            .unwrap()
            .as_any()
            .downcast_ref::<ListArray>()
            .unwrap();
        let t0 = tickers.value(0);
        assert_eq!(
            t0.as_any().downcast_ref::<StringArray>().unwrap().value(0),
            "WULF"
        );
        let ar = read("abnormal_returns.parquet");
        assert_eq!(ar.num_rows(), 3);
        let tau = ar
            .column_by_name("tau")
            .unwrap()
            .as_any()
            .downcast_ref::<Int64Array>()
            .unwrap();
        assert_eq!((tau.value(0), tau.value(2)), (-1, 1));
        let car = ar
            .column_by_name("car_to_date")
            .unwrap()
            .as_any()
            .downcast_ref::<Float64Array>()
            .unwrap();
        let w: Vec<csv::StringRecord> = csv::Reader::from_path(dir.join("event_windows.csv"))
            .unwrap()
            .records()
            .map(Result::unwrap)
            .collect();
        assert_eq!(car.value(2), w[0][4].parse::<f64>().unwrap());
        let btc = ar.column_by_name("bitcoin_return").unwrap();
        assert_eq!(btc.null_count(), 3, "no bitcoin in the market model");
        assert_eq!(read("deals.parquet").num_rows(), 1);
        assert_eq!(read("event_windows.parquet").num_rows(), 1);
    }
    #[cfg(not(feature = "parquet"))]
    {
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("--features parquet"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn prices_fetch_asks_once_for_a_ticker_named_twice_apart() {
    let s = Server::start();
    let body = r#"{"chart":{"result":[{"meta":{"symbol":"IREN","gmtoffset":-18000},
        "timestamp":[1762180200],"indicators":{"quote":[{"close":[70.5]}],"adjclose":[{"adjclose":[70.5]}]}}],"error":null}}"#;
    for t in ["IREN", "SPY"] {
        s.route(
            &format!("/v8/finance/chart/{t}*"),
            Resp::ok(body).header("Content-Type", "application/json"),
        );
    }
    let ws = Workspace::new(&format!(
        "[prices]\nyahoo_url = \"{}/v8/finance/chart\"\n",
        s.base
    ));
    let out = ws.run(&[
        "prices",
        "fetch",
        "--ticker",
        "IREN",
        "--ticker",
        "SPY",
        "--ticker",
        "iren",
        "--from",
        "2025-11-01",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(s.requests_to_prefix("/v8/finance/chart/IREN").len(), 1);
    assert_eq!(s.requests_to_prefix("/v8/finance/chart/SPY").len(), 1);
    assert_eq!(
        stdout(&out),
        "IREN: 1 rows from 2025-11-01 (1 new, 0 updated)\nSPY: 1 rows from 2025-11-01 (1 new, 0 updated)\n"
    );
}
