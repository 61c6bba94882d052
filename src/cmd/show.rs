use std::io::Write;
use std::path::Path;

/// Show one stored document with its full text, by id or by URL.
///
/// Examples:
///   hashpivot show 42
///   hashpivot show https://www.coindesk.com/business/2025/11/03/... --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Document id (from `search`/`status`) or its URL.
    pub target: String,
    /// The document as one JSON object.
    #[arg(long)]
    pub json: bool,
}

pub fn run(data_dir: &Path, args: Args) -> anyhow::Result<i32> {
    let store = super::open_existing_store(data_dir)?;
    let doc = match args.target.parse::<i64>() {
        Ok(id) => store.document(id)?,
        Err(_) => store.document_by_url(&args.target)?,
    };
    let Some(d) = doc else {
        anyhow::bail!("no stored document '{}'", args.target);
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &d)?;
        writeln!(out)?;
        return Ok(0);
    }
    writeln!(out, "{}", d.title)?;
    writeln!(out, "id:        {}", d.id)?;
    writeln!(out, "source:    {} ({})", d.source, d.kind)?;
    if let Some(u) = &d.url {
        writeln!(out, "url:       {u}")?;
    }
    writeln!(
        out,
        "published: {}",
        d.published_at.as_deref().unwrap_or("unknown")
    )?;
    writeln!(out, "fetched:   {}", d.fetched_at)?;
    if let Some(g) = d.genre {
        writeln!(out, "genre:     {g}")?;
    }
    if let Some(a) = &d.author {
        writeln!(out, "author:    {a}")?;
    }
    if let Some(f) = &d.form_type {
        writeln!(
            out,
            "filing:    {f}{} accession {} (CIK {})",
            d.items
                .as_deref()
                .map(|i| format!(" items {i}"))
                .unwrap_or_default(),
            d.accession_no.as_deref().unwrap_or("?"),
            d.cik.as_deref().unwrap_or("?")
        )?;
    }
    writeln!(out)?;
    match (&d.body, &d.summary) {
        (Some(b), _) => writeln!(out, "{b}")?,
        (None, Some(s)) => writeln!(
            out,
            "{s}\n\n(summary only: the article page was not fetched{})",
            d.article_status
                .as_deref()
                .map(|s| format!(", status {s}"))
                .unwrap_or_default()
        )?,
        (None, None) => writeln!(out, "(no text)")?,
    }
    Ok(0)
}
