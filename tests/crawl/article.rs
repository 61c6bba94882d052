//! Article extraction on hand-labelled pages (`tests/fixtures/crawl/articles/*.html` with the main
//! text written out in the matching `.txt`): every word of the article is kept (recall 1.0) and
//! little boilerplate gets in (precision ≥ 0.85 on each page, ≥ 0.95 on average).

use crate::common;

use std::collections::HashMap;

fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

#[test]
fn extraction_keeps_the_article_and_drops_the_boilerplate() {
    let dir = common::fixtures_dir().join("crawl/articles");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.with_extension("html").exists())
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 6);
    let mut precision_sum = 0.0;
    for txt in &pages {
        let html = std::fs::read_to_string(txt.with_extension("html")).unwrap();
        let want = words(&std::fs::read_to_string(txt).unwrap());
        let got_text =
            hashpivot::crawl::main_text::extract(&html, "http://example.test/a").unwrap();
        let got = words(&got_text);
        let inter: usize = got
            .iter()
            .map(|(k, n)| (*n).min(*want.get(k).unwrap_or(&0)))
            .sum();
        let recall = inter as f64 / want.values().sum::<usize>() as f64;
        let precision = inter as f64 / got.values().sum::<usize>() as f64;
        assert_eq!(
            recall,
            1.0,
            "{}: article words lost:\n{got_text}",
            txt.display()
        );
        assert!(
            precision >= 0.85,
            "{}: precision {precision:.3}:\n{got_text}",
            txt.display()
        );
        precision_sum += precision;
    }
    let mean = precision_sum / pages.len() as f64;
    assert!(mean >= 0.95, "mean precision {mean:.3}");
}

#[test]
fn a_page_without_an_article_gives_none() {
    let html = "<html><body><nav>Home | News</nav><p>Login</p></body></html>";
    assert_eq!(
        hashpivot::crawl::main_text::extract(html, "http://example.test/"),
        None
    );
}
