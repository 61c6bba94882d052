use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;

use super::Workspace;
use crate::config::{Config, STARTER, SourceConfig};
use crate::loopback::{Resp, Server, with_base};
use crate::model::{DocKind, SourceKind};

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
        "/Archives/edgar/data/1839341/000162828024043341/corz-ex99-1.htm",
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

/// A loopback server for the bundled files, `{{BASE}}` in them replaced by its address; it serves
/// until dropped.
fn serve() -> anyhow::Result<Server> {
    let server = Server::start().context("starting the demo's loopback server")?;
    for (path, content_type, body) in FILES {
        server.route(
            path,
            Resp::ok(with_base(body.as_bytes(), &server.base)).header("Content-Type", content_type),
        );
    }
    Ok(server)
}

/// The demo's configuration: the shipped universe and counterparties, EDGAR only for Core
/// Scientific (whose sample filings are bundled), and six sample feeds, all on the loopback server.
fn config(base: &str) -> anyhow::Result<String> {
    let starter = Config::parse(STARTER, "the shipped feeds.toml")?;
    let mut cfg = Config {
        companies: starter.companies,
        counterparties: starter.counterparties,
        ..Config::default()
    };
    for c in &mut cfg.companies {
        c.edgar = c.cik.trim_start_matches('0') == "1839341";
    }
    cfg.crawl.user_agent = format!("hashpivot-demo/{}", env!("CARGO_PKG_VERSION"));
    cfg.crawl.contact = "demo@example.com".into();
    cfg.crawl.per_host_interval_ms = 0;
    cfg.crawl.fetch_articles = false;
    cfg.edgar.submissions_url = format!("{base}/submissions");
    cfg.edgar.archives_url = format!("{base}/Archives/edgar/data");
    cfg.edgar.since = chrono::NaiveDate::from_ymd_opt(2024, 1, 1);
    let feed = |name: &str, path: &str, doc_kind: DocKind| SourceConfig {
        name: name.into(),
        kind: SourceKind::Feed,
        url: format!("{base}{path}"),
        doc_kind,
        enabled: true,
        selectors: None,
        link_pattern: None,
        user_agent: None,
        headers: Default::default(),
        every: None,
    };
    cfg.sources = vec![
        feed("Sample crypto news", "/feeds/news.xml", DocKind::News),
        feed("Sample data-centre news", "/feeds/dc.xml", DocKind::News),
        feed("Sample wire", "/feeds/wire.json", DocKind::News),
        feed("Sample second outlet", "/feeds/other.xml", DocKind::News),
        feed("Sample third outlet", "/feeds/third.xml", DocKind::News),
        feed("Sample IR releases", "/feeds/ir.xml", DocKind::PressRelease),
    ];
    Ok(format!(
        "# hashpivot demo workspace: SAMPLE DATA served from loopback\n{}",
        cfg.to_toml()?
    ))
}

/// One step of the demo: its title and the command it runs on the workspace in a folder, which
/// returns an exit code.
type Step = (&'static str, fn(&Workspace, &Path) -> anyhow::Result<i32>);

/// The pipeline, in order.
const STEPS: &[Step] = &[
    (
        "crawl: sample feeds, IR releases and SEC filings from a loopback server (then analysis and indexing)",
        crawl,
    ),
    (
        "prices: import the bundled synthetic prices (not market data)",
        prices,
    ),
    ("deals recognised", deals),
    (
        "search: hashpivot search 'lease fluidstack' --limit 3",
        search,
    ),
    (
        "event study on the recognised deals (factor model: market + bitcoin)",
        study,
    ),
    (
        "the AI premium: AI deals vs the same companies' other announcements",
        premium,
    ),
    ("digest for 2025-W45 and dataset export", digest_and_export),
];

fn crawl(ctx: &Workspace, _dir: &Path) -> anyhow::Result<i32> {
    let args = super::crawl::Args {
        sources: vec![],
        force: false,
        no_articles: true,
        no_analyze: false,
        json: false,
    };
    super::crawl::run(&ctx.data_dir, &ctx.config, args)
}

fn prices(ctx: &Workspace, dir: &Path) -> anyhow::Result<i32> {
    let path = dir.join("sample-prices.csv");
    std::fs::write(&path, PRICES).with_context(|| format!("writing {}", path.display()))?;
    let args = super::prices::ImportArgs {
        files: vec![path],
        ticker: None,
        format: crate::market::Format::Long,
    };
    super::prices::run(ctx, super::prices::Command::Import(args))
}

fn deals(ctx: &Workspace, _dir: &Path) -> anyhow::Result<i32> {
    let list = super::deals::ListArgs {
        tickers: vec![],
        since: None,
        until: None,
        deal_type: None,
        kind: None,
        min_confidence: None,
        review: false,
        rejected: false,
        json: false,
    };
    super::deals::run(
        ctx,
        super::deals::Args {
            command: None,
            list,
        },
    )
}

fn search(ctx: &Workspace, _dir: &Path) -> anyhow::Result<i32> {
    let args = super::search::Args {
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
    };
    super::search::run(ctx, args)
}

fn study(ctx: &Workspace, dir: &Path) -> anyhow::Result<i32> {
    let args = super::study::Args {
        opts: Default::default(),
        json: false,
        out: Some(dir.join("study")),
        plot: Some(dir.join("caar.svg")),
    };
    super::study::run(ctx, args)
}

fn premium(ctx: &Workspace, dir: &Path) -> anyhow::Result<i32> {
    let args = super::premium::Args {
        opts: Default::default(),
        json: false,
        plot: Some(dir.join("premium.svg")),
        bootstrap: 2000,
        seed: 20_251_103,
    };
    super::premium::run(ctx, args)
}

fn digest_and_export(ctx: &Workspace, dir: &Path) -> anyhow::Result<i32> {
    let args = super::digest::Args {
        week: Some("2025-W45".into()),
        from: None,
        to: None,
        format: super::digest::Format::Html,
        out: Some(dir.join("digest-2025-W45.html")),
    };
    let code = super::digest::run(ctx, args)?;
    if code != 0 {
        return Ok(code);
    }
    let args = super::export::Args {
        out: dir.join("export"),
        format: crate::report::export::Format::Csv,
        opts: Default::default(),
    };
    super::export::run(ctx, args)
}

/// The demo's folder: the one asked for (which must not hold a workspace yet), or a new one.
fn workspace_dir(asked: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    let dir = asked.unwrap_or_else(|| {
        std::env::temp_dir().join(format!(
            "hashpivot-demo-{}-{}",
            std::process::id(),
            chrono::Utc::now().format("%Y%m%d%H%M%S")
        ))
    });
    if dir.join("hashpivot.db").exists() {
        anyhow::bail!(
            "{} already holds a hashpivot workspace; give the demo an empty folder",
            dir.display()
        );
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

pub fn run(_ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    let started = Instant::now();
    let dir = workspace_dir(a.dir)?;
    let mut out = std::io::stdout();
    writeln!(
        out,
        "hashpivot demo — SAMPLE DATA, offline; workspace: {}",
        dir.display()
    )?;
    let server = serve()?;
    let cfg_path = dir.join("feeds.toml");
    std::fs::write(&cfg_path, config(&server.base)?)
        .with_context(|| format!("writing {}", cfg_path.display()))?;
    let ctx = Workspace {
        data_dir: dir.clone(),
        config: cfg_path.clone(),
        explicit_config: true,
    };
    for (title, step) in STEPS {
        writeln!(out, "\n==> {title}")?;
        out.flush()?;
        let code = step(&ctx, &dir)?;
        if code != 0 {
            // a step that failed leaves nothing for the next ones to show
            eprintln!("hashpivot: the demo stopped: step \"{title}\" exited with {code}");
            return Ok(code);
        }
    }
    writeln!(
        out,
        "\nDone in {:.1} s. Files:",
        started.elapsed().as_secs_f64()
    )?;
    for (what, p) in [
        ("workspace (config, database, index)", dir.clone()),
        ("event-study CSVs", dir.join("study")),
        ("CAAR plot", dir.join("caar.svg")),
        ("premium plot", dir.join("premium.svg")),
        ("weekly digest", dir.join("digest-2025-W45.html")),
        ("dataset export", dir.join("export")),
    ] {
        writeln!(out, "  {what:<36} {}", p.display())?;
    }
    writeln!(
        out,
        "Try: hashpivot --data-dir {} --config {} search '$IREN'",
        dir.display(),
        cfg_path.display()
    )?;
    Ok(0)
}
