use std::io::Write;

use super::Workspace;

/// Score the tone of a text and say why: each sentence's score and the phrases that decided it.
///
/// The text's score is the weighted mean of its evaluative sentences (a first line given with
/// --headline weighs double), in [-1, 1]; a sentence scored within the neutral band is neutral.
/// The method is hashpivot-tone/<lexicon version> (data/tone-lexicon.tsv).
///
/// Examples:
///   hashpivot tone "Operating loss narrowed to EUR 2.1m from EUR 3.5m."
///   hashpivot tone --json "Costs rose 12%, while net sales increased by 5.2% to EUR 205.5m."
///   hashpivot tone --headline "IMI posts drop in organic revenue; warns on full year" "Shares fell 9%."
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The text (several arguments are joined with spaces; "-" reads standard input).
    #[arg(required = true)]
    pub text: Vec<String>,
    /// A headline to score with the text (weighs double).
    #[arg(long)]
    pub headline: Option<String>,
    /// One JSON object: score, label, method, and every sentence with its phrases.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    let text = if a.text == ["-"] {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)?;
        s
    } else {
        a.text.join(" ")
    };
    let tone = crate::analyze::tone::lexicon().text(a.headline.as_deref(), &text, "");
    let mut out = std::io::stdout().lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &tone)?;
        writeln!(out)?;
        return Ok(0);
    }
    print(&mut out, &tone)?;
    Ok(0)
}

/// The human form of a tone: the score, then each sentence and its phrases.
pub fn print(out: &mut impl Write, tone: &crate::analyze::tone::Tone) -> std::io::Result<()> {
    writeln!(
        out,
        "tone {:+.2} ({}), {}",
        tone.score,
        tone.label.as_str(),
        tone.method
    )?;
    for s in &tone.sentences {
        writeln!(
            out,
            "{:+.2} {:<8} ×{} {}",
            s.score,
            s.label.as_str(),
            s.weight,
            s.text
        )?;
        for p in &s.phrases {
            if p.rule == "hedge" {
                writeln!(out, "        hedge ×{}: \"{}\"", p.score, p.text)?;
            } else {
                writeln!(out, "        {:+.2} {}: \"{}\"", p.score, p.rule, p.text)?;
            }
        }
    }
    Ok(())
}
