use std::io::Write;
use std::path::Path;

/// Show one stored document with its full text, by id or by URL.
///
/// Examples:
///   hashpivot show 42
///   hashpivot show 42 --tone          its tone, sentence by sentence, and each company's
///   hashpivot show https://www.coindesk.com/business/2025/11/03/... --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Document id (from `search`/`status`) or its URL.
    pub target: String,
    /// The document as one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Its tone instead of its text: the score, each sentence's score and the phrases that
    /// decided it, and the stored tone about each company it mentions (with --json: one object).
    #[arg(long)]
    pub tone: bool,
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
    if args.tone {
        let body = d.body.as_deref().unwrap_or("");
        let (lead, rest) = crate::analyze::lead_and_rest(d.summary.as_deref(), body);
        let tone = crate::analyze::tone::lexicon().text(Some(&d.title), lead, rest);
        let companies = store.company_tones(d.id)?;
        if args.json {
            let mut v = serde_json::to_value(&tone)?;
            if let Some(o) = v.as_object_mut() {
                o.insert("document_id".into(), d.id.into());
                o.insert("companies".into(), serde_json::to_value(&companies)?);
            }
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
            return Ok(0);
        }
        writeln!(out, "{} [{}]", d.title, d.id)?;
        super::tone::print(&mut out, &tone)?;
        for (t, tone) in companies {
            match tone {
                Some(x) => writeln!(out, "{t}: {x:+.2}")?,
                None => writeln!(out, "{t}: not scored (run `hashpivot analyze --all`)")?,
            }
        }
        return Ok(0);
    }
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
    if !d.deal_reasons.is_empty() {
        writeln!(
            out,
            "deal?      (why the analysis did or did not take it as a deal)"
        )?;
        for r in &d.deal_reasons {
            writeln!(out, "  {r}")?;
        }
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
