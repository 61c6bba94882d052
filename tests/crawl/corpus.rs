//! Coverage of the feed reader on a corpus of real-world feed oddities (not run by default).
//!
//! `HASHPIVOT_FEED_CORPUS=DIR HASHPIVOT_FEED_REFERENCE=ref.json cargo test --test crawl
//! feed_corpus -- --ignored --nocapture` reads every feed file under DIR and compares the items
//! kept with a reference: a JSON object `{"relative/path.xml": N}` of the entries with text that a
//! lenient reader found (`tests/reference/feed_corpus_reference.py` writes it with python
//! feedparser). It prints the share of the feeds with an entry in the reference from which items
//! were kept, and the misses. Nothing of the corpus is stored in the repository.

use std::collections::BTreeMap;
use std::path::Path;

use hashpivot::crawl::feed;
use hashpivot::model::DocKind;

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
#[ignore = "needs HASHPIVOT_FEED_CORPUS and HASHPIVOT_FEED_REFERENCE"]
fn feed_corpus_coverage() {
    let (Ok(dir), Ok(reference)) = (
        std::env::var("HASHPIVOT_FEED_CORPUS"),
        std::env::var("HASHPIVOT_FEED_REFERENCE"),
    ) else {
        eprintln!("note: set HASHPIVOT_FEED_CORPUS and HASHPIVOT_FEED_REFERENCE to run this");
        return;
    };
    let reference: BTreeMap<String, usize> =
        serde_json::from_slice(&std::fs::read(&reference).expect("reference file"))
            .expect("reference JSON");
    let mut files = Vec::new();
    walk(Path::new(&dir), &mut files);
    let (mut positive, mut kept, mut recovered) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for p in files {
        let rel = p
            .strip_prefix(&dir)
            .expect("under the corpus")
            .to_string_lossy()
            .into_owned();
        let Some(&want) = reference.get(&rel) else {
            continue;
        };
        let bytes = std::fs::read(&p).expect("corpus file");
        let got = feed::parse(&bytes, None, "http://example.com/feed", DocKind::News, 0);
        if want == 0 {
            continue;
        }
        positive += 1;
        match got {
            Ok(f) if !f.docs.is_empty() => {
                kept += 1;
                if f.recovery.is_some() {
                    recovered += 1;
                }
            }
            Ok(_) => misses.push(format!("{rel}: no items (reference {want})")),
            Err(e) => misses.push(format!("{rel}: {e}")),
        }
    }
    for m in &misses {
        println!("miss {m}");
    }
    println!(
        "feeds with an entry in the reference: {positive}; items kept from {kept} ({:.1}%), \
         {recovered} of them in recovery mode",
        100.0 * kept as f64 / positive.max(1) as f64
    );
}
