use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;

use super::Workspace;
use crate::config::STARTER;

/// Run the whole pipeline offline on bundled sample data, in a fresh folder.
///
/// Starts a loopback server with sample feeds, filings and IR releases (written for hashpivot from
/// public facts, labelled as sample data), crawls them, recognises the deals, indexes, imports the
/// bundled synthetic prices, and runs a search, the event study, the premium report, the digest and
/// the dataset export. Nothing touches the network or your own data directory.
///
/// Example: hashpivot demo --dir /tmp/hp-demo
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Folder for the demo workspace [default: a new temporary folder].
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

/// The bundled sample data: (path served, content type, body).
const FILES: &[(&str, &str, &str)] = &[
    (
        "/feeds/news.xml",
        "application/rss+xml",
        include_str!("../../data/demo/news.xml"),
    ),
    (
        "/feeds/dc.xml",
        "application/atom+xml",
        include_str!("../../data/demo/dc.xml"),
    ),
    (
        "/feeds/wire.json",
        "application/feed+json",
        include_str!("../../data/demo/wire.json"),
    ),
    (
        "/feeds/other.xml",
        "application/rss+xml",
        include_str!("../../data/demo/other.xml"),
    ),
    (
        "/feeds/third.xml",
        "application/rss+xml",
        include_str!("../../data/demo/third.xml"),
    ),
    (
        "/feeds/ir.xml",
        "application/rss+xml",
        include_str!("../../data/demo/ir.xml"),
    ),
    (
        "/submissions/CIK0001839341.json",
        "application/json",
        include_str!("../../data/demo/corz-submissions.json"),
    ),
    (
        "/Archives/edgar/data/1839341/000162828024043341/0001628280-24-043341-index.htm",
        "text/html",
        include_str!("../../data/demo/corz-2024-index.htm"),
    ),
    (
        "/Archives/edgar/data/1839341/000162828024043341/corz-20241022.htm",
        "text/html",
        include_str!("../../data/demo/corz-20241022.htm"),
    ),
    (
        "/Archives/edgar/data/1839341/000162828024043341/corescientifichpcoption3re.htm",
        "text/html",
        include_str!("../../data/demo/corz-ex99.htm"),
    ),
    (
        "/Archives/edgar/data/1839341/000183934125000101/0001839341-25-000101-index.htm",
        "text/html",
        include_str!("../../data/demo/corz-2025-index.htm"),
    ),
    (
        "/Archives/edgar/data/1839341/000183934125000101/corz-20251030.htm",
        "text/html",
        include_str!("../../data/demo/corz-20251030.htm"),
    ),
];

const PRICES: &str = include_str!("../../data/demo/prices.csv");

/// A loopback server for the bundled files; runs until the process ends.
fn serve() -> anyhow::Result<String> {
    let listener =
        TcpListener::bind("127.0.0.1:0").context("starting the demo's loopback server")?;
    let base = format!("http://{}", listener.local_addr()?);
    let b = base.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            let b = b.clone();
            std::thread::spawn(move || answer(conn, &b));
        }
    });
    Ok(base)
}

fn answer(mut conn: TcpStream, base: &str) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(5)));
    let Ok(clone) = conn.try_clone() else { return };
    let mut reader = BufReader::new(clone);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .split('?')
        .next()
        .unwrap_or("/")
        .to_string();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).map_or(true, |n| n == 0) || h.trim().is_empty() {
            break;
        }
    }
    let (status, ctype, body) = match FILES.iter().find(|(p, ..)| *p == path) {
        Some((_, ct, body)) => ("200 OK", *ct, body.replace("{{BASE}}", base)),
        None => ("404 Not Found", "text/plain", "not found".to_string()),
    };
    let _ = write!(
        conn,
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = conn.flush();
    let _ = conn.read(&mut [0u8; 64]);
}

fn config(base: &str) -> String {
    let start = STARTER.find("[[company]]").unwrap_or(0);
    let end = STARTER.find("[[source]]").unwrap_or(STARTER.len());
    // EDGAR only for Core Scientific, whose sample filings are bundled
    let universe = STARTER[start..end]
        .replace(
            "current_report_form = \"8-K\"",
            "current_report_form = \"8-K\"\nedgar = false",
        )
        .replace(
            "current_report_form = \"6-K\"",
            "current_report_form = \"6-K\"\nedgar = false",
        )
        .replacen(
            "cik = \"0001839341\"\ncurrent_report_form = \"8-K\"\nedgar = false",
            "cik = \"0001839341\"\ncurrent_report_form = \"8-K\"",
            1,
        );
    let feed = |name: &str, path: &str, kind: &str| {
        format!(
            "[[source]]\nname = \"{name}\"\nkind = \"feed\"\ndoc_kind = \"{kind}\"\nurl = \"{base}{path}\"\n\n"
        )
    };
    format!(
        "# hashpivot demo workspace: SAMPLE DATA served from loopback\n\
         [crawl]\nuser_agent = \"hashpivot-demo/{v}\"\ncontact = \"demo@example.com\"\nper_host_interval_ms = 0\nfetch_articles = false\n\n\
         [edgar]\nsubmissions_url = \"{base}/submissions\"\narchives_url = \"{base}/Archives/edgar/data\"\nsince = \"2024-01-01\"\n\n\
         {universe}\n{}{}{}{}{}{}",
        feed("Sample crypto news", "/feeds/news.xml", "news"),
        feed("Sample data-centre news", "/feeds/dc.xml", "news"),
        feed("Sample wire", "/feeds/wire.json", "news"),
        feed("Sample second outlet", "/feeds/other.xml", "news"),
        feed("Sample third outlet", "/feeds/third.xml", "news"),
        feed("Sample IR releases", "/feeds/ir.xml", "press_release"),
        v = env!("CARGO_PKG_VERSION"),
    )
}

fn step(title: &str) {
    println!("\n==> {title}");
}

pub fn run(_ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    let started = Instant::now();
    let dir = match a.dir {
        Some(d) => d,
        None => std::env::temp_dir().join(format!(
            "hashpivot-demo-{}-{}",
            std::process::id(),
            chrono::Utc::now().format("%Y%m%d%H%M%S")
        )),
    };
    if dir.join("hashpivot.db").exists() {
        anyhow::bail!(
            "{} already holds a hashpivot workspace; give the demo an empty folder",
            dir.display()
        );
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    println!(
        "hashpivot demo — SAMPLE DATA, offline; workspace: {}",
        dir.display()
    );
    let base = serve()?;
    let cfg_path = dir.join("feeds.toml");
    std::fs::write(&cfg_path, config(&base))
        .with_context(|| format!("writing {}", cfg_path.display()))?;
    let ctx = Workspace {
        data_dir: dir.clone(),
        config: cfg_path.clone(),
        explicit_config: true,
    };

    step(
        "crawl: sample feeds, IR releases and SEC filings from a loopback server (then analysis and indexing)",
    );
    super::crawl::run(
        &ctx.data_dir,
        &ctx.config,
        super::crawl::Args {
            sources: vec![],
            force: false,
            no_articles: true,
            no_analyze: false,
            json: false,
        },
    )?;

    step("prices: import the bundled synthetic prices (not market data)");
    let prices_path = dir.join("sample-prices.csv");
    std::fs::write(&prices_path, PRICES)?;
    super::prices::run(
        &ctx,
        super::prices::Command::Import(super::prices::ImportArgs {
            files: vec![prices_path],
            ticker: None,
            format: crate::market::Format::Long,
        }),
    )?;

    step("deals recognised");
    super::deals::run(
        &ctx,
        super::deals::Args {
            command: None,
            list: super::deals::ListArgs {
                tickers: vec![],
                since: None,
                until: None,
                deal_type: None,
                kind: None,
                min_confidence: None,
                rejected: false,
                json: false,
            },
        },
    )?;

    step("search: hashpivot search 'lease fluidstack' --limit 3");
    super::search::run(
        &ctx,
        super::search::Args {
            query: vec!["lease fluidstack".into()],
            tickers: vec![],
            since: None,
            until: None,
            kind: None,
            source: None,
            deals_only: false,
            sort: crate::index::Sort::Relevance,
            limit: 3,
            offset: 0,
            json: false,
        },
    )?;

    step("event study on the recognised deals (factor model: market + bitcoin)");
    let plot = dir.join("caar.svg");
    super::study::run(
        &ctx,
        super::study::Args {
            opts: Default::default(),
            json: false,
            out: Some(dir.join("study")),
            plot: Some(plot.clone()),
        },
    )?;

    step("the AI premium: AI deals vs the same companies' other announcements");
    let premium_svg = dir.join("premium.svg");
    super::premium::run(
        &ctx,
        super::premium::Args {
            opts: Default::default(),
            json: false,
            plot: Some(premium_svg.clone()),
            bootstrap: 2000,
            seed: 20_251_103,
        },
    )?;

    step("digest for 2025-W45 and dataset export");
    let digest = dir.join("digest-2025-W45.html");
    super::digest::run(
        &ctx,
        super::digest::Args {
            week: Some("2025-W45".into()),
            from: None,
            to: None,
            format: super::digest::Format::Html,
            out: Some(digest.clone()),
        },
    )?;
    super::export::run(
        &ctx,
        super::export::Args {
            out: dir.join("export"),
            format: crate::report::export::Format::Csv,
            opts: Default::default(),
        },
    )?;

    println!("\nDone in {:.1} s. Files:", started.elapsed().as_secs_f64());
    for (what, p) in [
        ("workspace (config, database, index)", dir.clone()),
        ("event-study CSVs", dir.join("study")),
        ("CAAR plot", plot),
        ("premium plot", premium_svg),
        ("weekly digest", digest),
        ("dataset export", dir.join("export")),
    ] {
        println!("  {what:<36} {}", p.display());
    }
    println!(
        "Try: hashpivot --data-dir {} --config {} search '$IREN'",
        dir.display(),
        cfg_path.display()
    );
    Ok(0)
}
