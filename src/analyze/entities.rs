//! Entity linking: which companies of the universe (and which counterparties) a text names, where,
//! and how prominently.
//!
//! Names are matched case-sensitively on word boundaries, longest match first, so "Core Scientific"
//! never matches "scientific core", "Applied Digital" and "Galaxy Digital" never share the word
//! "Digital", lower-case "riot", "hive" or "cipher" are never companies, and a person called Mara is
//! not MARA. A name ending in a number ("Hut 8") must not run into a unit ("Hut 8 hours"). Short
//! brand words that are also ordinary words ("Riot", "Cipher") count only when the next word is not
//! a common-noun continuation ("Riot police", "Cipher suites") and the document is about the
//! industry at all. Tickers count in context only: "(Nasdaq: IREN)", "(CIFR)", "$WULF".

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::config::{Company, Counterparty};

/// Words that turn a preceding short brand word into an ordinary phrase.
const NOT_AFTER_SHORT: &[&str] = &[
    "police",
    "gear",
    "act",
    "squad",
    "shield",
    "shields",
    "control",
    "suite",
    "suites",
    "text",
    "texts",
    "block",
    "blocks",
    "key",
    "keys",
    "mode",
    "machine",
    "games",
    "game",
    "fest",
    // a tablet, a watch, a phone ("Galaxy Tab")
    "tab",
    "note",
    "watch",
    "buds",
    "phone",
    "phones",
    "smartphone",
    "smartphones",
];

/// Units that make "Hut 8" into a quantity.
const UNITS: &[&str] = &[
    "hours",
    "hour",
    "hrs",
    "minutes",
    "minute",
    "days",
    "day",
    "weeks",
    "miles",
    "mile",
    "km",
    "kilometers",
    "percent",
    "%",
    "times",
    "years",
    "months",
    "people",
    "feet",
];

/// Words that show a text is about miners, data centers or markets (anchors for short names).
const DOMAIN_WORDS: &[&str] = &[
    "bitcoin",
    "比特币",
    "比特幣",
    "ビットコイン",
    "비트코인",
    "биткоин",
    "майнинг",
    "Bitcoin",
    "miner",
    "miners",
    "mining",
    "Mining",
    "data center",
    "data centre",
    // (one word, as the AI clouds and filed leases write it: "Datacenter Lease", "DATACENTER")
    "datacenter",
    "Datacenter",
    "DATACENTER",
    "HPC",
    "AI ",
    "hashrate",
    "Nasdaq",
    "NASDAQ",
    "shares",
    "stock",
    "megawatt",
    "MW",
    "colocation",
    "GPU",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameKind {
    Full,
    Short,
}

/// Case-sensitive, word-bounded, longest-first matching of a list of entities' names.
pub struct NameMatcher {
    ac: AhoCorasick,
    /// pattern → (entity index, kind)
    meta: Vec<(usize, NameKind)>,
    /// The distinctive names (several words, seven letters or more, or an acronym) matched
    /// whatever their case, with their own spelling: a headline made from a URL slug ("applied
    /// digital soars amid coreweave deal") gets its names back.
    folded: AhoCorasick,
    folded_names: Vec<String>,
    /// Skip "Google-backed", "Anthropic-linked": a name used as a modifier is not the party.
    pub skip_modifiers: bool,
}

/// One name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entity: usize,
    pub start: usize,
    pub end: usize,
}

/// "Terawulf", "TERAWULF" and "Tera Wulf" for "TeraWulf": the other spellings of a one-word
/// ASCII name with a capital after its first letter and a lower-case letter before it; "Hive
/// Digital Technologies" for "HIVE Digital Technologies" and "Mara Holdings" for "MARA Holdings":
/// a name of several words led by a word in capitals, as presses that write only acronyms so
/// spell it (the words after keep it distinctive); none for other names.
fn spelling_variants(name: &str) -> Vec<String> {
    if let Some((first, rest)) = name.split_once(' ')
        && first.len() >= 3
        && first.bytes().all(|b| b.is_ascii_uppercase())
        && rest.starts_with(|c: char| c.is_ascii_uppercase())
        && rest.chars().any(|c| c.is_ascii_lowercase())
    {
        return vec![format!(
            "{}{} {rest}",
            &first[..1],
            first[1..].to_ascii_lowercase()
        )];
    }
    let camel = name.is_ascii()
        && !name.contains(' ')
        && name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name
            .as_bytes()
            .windows(2)
            .skip(1)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    if !camel {
        return Vec::new();
    }
    let capitalised = format!("{}{}", &name[..1], name[1..].to_ascii_lowercase());
    // ("Tera Wulf", as filing services split a registrant's name written in capitals)
    let mut split = String::with_capacity(name.len() + 2);
    for (i, c) in name.char_indices() {
        if i > 0 && c.is_ascii_uppercase() && name.as_bytes()[i - 1].is_ascii_lowercase() {
            split.push(' ');
        }
        split.push(c);
    }
    vec![capitalised, name.to_ascii_uppercase(), split]
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl NameMatcher {
    /// `entities[i]` = (full names, short names).
    pub fn new(entities: &[(Vec<String>, Vec<String>)]) -> NameMatcher {
        let mut pats = Vec::new();
        let mut meta = Vec::new();
        for (i, (full, short)) in entities.iter().enumerate() {
            for n in full.iter().filter(|n| !n.trim().is_empty()) {
                pats.push(n.trim().to_string());
                meta.push((i, NameKind::Full));
                // a one-word name with a capital inside ("TeraWulf", "CleanSpark") is written
                // "Terawulf" and "TERAWULF" too; the other spellings are as distinctive
                for v in spelling_variants(n.trim()) {
                    pats.push(v);
                    meta.push((i, NameKind::Full));
                }
            }
            for n in short.iter().filter(|n| !n.trim().is_empty()) {
                pats.push(n.trim().to_string());
                meta.push((i, NameKind::Short));
                // ("Hive Digital" for the alias "HIVE Digital"; a one-word alias keeps its case)
                if n.trim().contains(' ') {
                    for v in spelling_variants(n.trim()) {
                        pats.push(v);
                        meta.push((i, NameKind::Short));
                    }
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .expect("names build an automaton");
        let distinctive = |n: &str| {
            let letters = n.chars().filter(|c| c.is_alphabetic()).count();
            n.contains(' ') || letters >= 7 || letters >= 3 && n.chars().all(|c| !c.is_lowercase())
        };
        let folded_names: Vec<String> = pats.iter().filter(|n| distinctive(n)).cloned().collect();
        let folded = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&folded_names)
            .expect("names build an automaton");
        NameMatcher {
            ac,
            meta,
            folded,
            folded_names,
            skip_modifiers: false,
        }
    }

    /// `text` with each distinctive name, in whatever case, given its own spelling (for a
    /// headline that `slug_like` says has lost its capitals).
    pub fn recase(&self, text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for m in self.folded.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if s > 0 && is_word_byte(bytes[s - 1]) || e < bytes.len() && is_word_byte(bytes[e]) {
                continue;
            }
            out.push_str(&text[last..s]);
            out.push_str(&self.folded_names[m.pattern().as_usize()]);
            last = e;
        }
        out.push_str(&text[last..]);
        out
    }

    /// Every accepted name in `text`, in order. `domain` says whether the whole document is about the
    /// industry (short names need it).
    pub fn find(&self, text: &str, domain: bool) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        for m in self.ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            // "Zugriff auf IRENs KI-Rechenkapazitäten": a German genitive's "s" after a name in
            // capitals
            let genitive = bytes.get(e) == Some(&b's')
                && bytes[e - 1].is_ascii_uppercase()
                && bytes.get(e + 1).is_none_or(|&b| !is_word_byte(b));
            if s > 0 && is_word_byte(bytes[s - 1])
                || e < bytes.len() && is_word_byte(bytes[e]) && !genitive
            {
                continue;
            }
            // "Foo, Inc." is fine; "Foo-based" is fine; but not part of a longer hyphenated word
            if s > 0 && bytes[s - 1] == b'-' && s > 1 && is_word_byte(bytes[s - 2]) {
                continue;
            }
            // "Google-backed", and in a headline's capitals "Google-Backed"
            if self.skip_modifiers
                && bytes.get(e) == Some(&b'-')
                && bytes.get(e + 1).is_some_and(|b| {
                    b.is_ascii_lowercase()
                        || b.is_ascii_uppercase() && {
                            let w = next_word(&text[e + 1..]).to_ascii_lowercase();
                            MODIFIERS.contains(&w.as_str())
                        }
                })
            {
                continue;
            }
            let (entity, kind) = self.meta[m.pattern().as_usize()];
            let next = next_word(&text[e..]);
            if bytes[e - 1].is_ascii_digit() && UNITS.contains(&next.to_ascii_lowercase().as_str())
            {
                continue;
            }
            // a phone's model after a short name ("Galaxy S25", "Galaxy Z7", "Galaxy A56")
            let model = next.len() >= 2
                && next.starts_with(['S', 'Z', 'A'])
                && next[1..].bytes().all(|b| b.is_ascii_digit());
            if kind == NameKind::Short
                && (!domain
                    || model
                    || NOT_AFTER_SHORT.contains(&next.to_ascii_lowercase().as_str()))
            {
                continue;
            }
            out.push(Hit {
                entity,
                start: s,
                end: e,
            });
        }
        out
    }
}

/// Words that make a name before them a modifier when joined by a hyphen ("Google-Backed").
const MODIFIERS: &[&str] = &[
    "backed",
    "linked",
    "led",
    "owned",
    "affiliated",
    "supported",
    "funded",
    "based",
    "related",
    "sponsored",
    "guaranteed",
    "powered",
    "designed",
    "made",
    "built",
];

fn next_word(s: &str) -> &str {
    let t = s.trim_start_matches([' ', '\u{a0}']);
    let end = t
        .find(|c: char| !(c.is_alphanumeric() || c == '%'))
        .unwrap_or(t.len());
    &t[..end]
}

/// A headline written without capitals, at most its first letter one, as a URL slug turned into
/// a title is ("Why applied digital stock rocketed 44 today").
pub fn slug_like(title: &str) -> bool {
    title.chars().filter(|c| c.is_uppercase()).count() <= 1 && title.split_whitespace().count() >= 4
}

/// Does the text talk about the industry at all?
pub fn is_domain_text(text: &str) -> bool {
    DOMAIN_WORDS.iter().any(|w| text.contains(w))
}

/// The universe as a matcher, plus ticker-in-context patterns.
pub struct CompanyLinker {
    pub tickers: Vec<String>,
    ciks: Vec<String>,
    names: NameMatcher,
    ticker_ctx: Regex,
}

/// A document's link to one company.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub ticker: String,
    /// 0–100: headline > lead > body > passing mention in a round-up; 100 for the filer of a filing.
    pub relevance: u8,
    pub in_title: bool,
    pub count: usize,
}

/// The parts of a document, for relevance.
pub struct Zones<'a> {
    pub title: &'a str,
    pub lead: &'a str,
    pub body: &'a str,
    pub cik: Option<&'a str>,
}

impl CompanyLinker {
    pub fn new(companies: &[Company]) -> CompanyLinker {
        let entities: Vec<(Vec<String>, Vec<String>)> = companies
            .iter()
            .map(|c| {
                let mut full = vec![c.name.clone()];
                full.extend(c.aliases.iter().cloned());
                full.extend(c.former_names.iter().cloned());
                (full, c.short_names.clone())
            })
            .collect();
        // a ticker of four or five letters that is none of its company's words ("CIFR", "WULF",
        // not "RIOT" or "HIVE") stands for the company by itself in industry text ("CIFR
        // (Google-backed), IREN and WULF all signed leases")
        let bare: Vec<String> = companies
            .iter()
            .filter(|c| {
                (4..=5).contains(&c.ticker.len())
                    && c.ticker.bytes().all(|b| b.is_ascii_uppercase())
                    && !std::iter::once(&c.name)
                        .chain(&c.aliases)
                        .chain(&c.former_names)
                        .chain(&c.short_names)
                        .flat_map(|n| n.split(|ch: char| !ch.is_alphanumeric()))
                        .any(|w| w.eq_ignore_ascii_case(&c.ticker))
            })
            .map(|c| regex::escape(&c.ticker))
            .collect();
        let bare = if bare.is_empty() {
            String::new()
        } else {
            // (ASCII word boundaries: the tickers are ASCII, and the lazy DFA keeps to them on
            // text that is not)
            format!(r"|(?-u:\b)({})(?-u:\b)", bare.join("|"))
        };
        CompanyLinker {
            tickers: companies.iter().map(|c| c.ticker.clone()).collect(),
            ciks: companies.iter().map(|c| c.cik10()).collect(),
            names: NameMatcher::new(&entities),
            ticker_ctx: Regex::new(&format!(
                r"(?:(?:Nasdaq|NASDAQ|NYSE|Nyse|TSX|TSXV|TSX-V|NYSE American|OTC)(?:\s+\w+)?\s*:\s*([A-Z]{{2,5}})\b)|\(([A-Z]{{2,5}})\)|\$([A-Z]{{2,5}})\b{bare}",
            ))
            .expect("regex of the universe's tickers"),
        }
    }

    /// `text` with the universe's names spelled as they are (see `NameMatcher::recase`).
    pub fn recase(&self, text: &str) -> String {
        self.names.recase(text)
    }

    /// Company indexes named in `text` (names and tickers in context), with positions.
    pub fn find(&self, text: &str, domain: bool) -> Vec<Hit> {
        let mut hits = self.names.find(text, domain);
        for c in self.ticker_ctx.captures_iter(text) {
            let Some(m) = c
                .get(1)
                .or_else(|| c.get(2))
                .or_else(|| c.get(3))
                .or_else(|| {
                    // (a bare ticker only in industry text)
                    c.get(4).filter(|_| domain)
                })
            else {
                continue;
            };
            if let Some(i) = self.tickers.iter().position(|t| t == m.as_str()) {
                hits.push(Hit {
                    entity: i,
                    start: m.start(),
                    end: m.end(),
                });
            }
        }
        hits.sort_by_key(|h| h.start);
        hits
    }

    /// Link a document to the universe with a relevance per company.
    pub fn link(&self, z: &Zones<'_>) -> Vec<Mention> {
        let domain = is_domain_text(z.title) || is_domain_text(z.lead) || is_domain_text(z.body);
        let n = self.tickers.len();
        let mut title = vec![0usize; n];
        let mut lead = vec![0usize; n];
        let mut body = vec![0usize; n];
        for h in self.find(z.title, domain) {
            title[h.entity] += 1;
        }
        for h in self.find(z.lead, domain) {
            lead[h.entity] += 1;
        }
        for h in self.find(z.body, domain) {
            body[h.entity] += 1;
        }
        let filer = z
            .cik
            .and_then(|cik| self.ciks.iter().position(|c| c == cik));
        let linked: Vec<usize> = (0..n)
            .filter(|&i| title[i] + lead[i] + body[i] > 0 || Some(i) == filer)
            .collect();
        // a round-up: many companies, none of them in the headline
        let roundup = linked.len() >= 4;
        linked
            .into_iter()
            .map(|i| {
                let count = title[i] + lead[i] + body[i];
                let base: u32 = if Some(i) == filer {
                    100
                } else if title[i] > 0 {
                    90
                } else if lead[i] > 0 {
                    70
                } else {
                    40
                };
                let bonus = 5 * (count.saturating_sub(1)).min(2) as u32;
                let mut rel = (base + bonus).min(100);
                if roundup && title[i] == 0 && Some(i) != filer {
                    rel = rel.min(25);
                }
                Mention {
                    ticker: self.tickers[i].clone(),
                    relevance: rel as u8,
                    in_title: title[i] > 0,
                    count,
                }
            })
            .collect()
    }
}

/// The counterparties as a matcher (names, aliases and cashtags, case-sensitive, longest first).
pub fn counterparty_matcher(cps: &[Counterparty]) -> NameMatcher {
    let entities: Vec<(Vec<String>, Vec<String>)> = cps
        .iter()
        .map(|c| {
            let mut full = vec![c.name.clone()];
            full.extend(c.aliases.iter().cloned());
            // its cashtag ("$CRWV"): a ticker with its sign is the company wherever it stands
            full.extend(c.ticker.iter().map(|t| format!("${t}")));
            (full, vec![])
        })
        .collect();
    let mut m = NameMatcher::new(&entities);
    m.skip_modifiers = true;
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, STARTER};

    fn linker() -> CompanyLinker {
        CompanyLinker::new(&Config::parse(STARTER, "feeds.toml").unwrap().companies)
    }

    fn tickers(text: &str) -> Vec<String> {
        let l = linker();
        let mut t: Vec<String> = l
            .link(&Zones {
                title: text,
                lead: "",
                body: "",
                cik: None,
            })
            .into_iter()
            .map(|m| m.ticker)
            .collect();
        t.sort();
        t
    }

    #[test]
    fn a_bare_ticker_that_is_none_of_its_companys_words_links_in_industry_text() {
        // "CIFR" and "WULF" stand for Cipher Mining and TeraWulf in text about the industry
        assert_eq!(
            tickers("CIFR and WULF signed AI data center leases"),
            ["CIFR", "WULF"]
        );
        // a filed lease's heading is industry text: "datacenter" is one word there
        assert_eq!(
            tickers("DATACENTER LEASE between APLD ELN-07 LLC and a Tenant"),
            ["APLD"]
        );
        assert_eq!(
            tickers("Datacenter lease of APLD ELN-07 LLC, the landlord"),
            ["APLD"]
        );
        // not outside it, nor in lower case, nor a ticker that is its company's own word
        assert!(tickers("APLD ELN-07 LLC, the landlord, signed a lease").is_empty());
        assert!(tickers("CIFR and WULF are odd spellings").is_empty());
        assert!(tickers("cifr signed an AI data center lease").is_empty());
        assert!(tickers("RIOT of colour at the AI data center").is_empty());
    }

    #[test]
    fn a_german_genitive_s_after_a_name_in_capitals_links() {
        assert_eq!(
            tickers("Microsoft sichert sich Zugriff auf IRENs KI-Rechenkapazitäten"),
            ["IREN"]
        );
        // not a longer word that starts with the name
        assert!(tickers("IRENSTEIN Holdings sichert sich Rechenkapazitäten").is_empty());
    }

    #[test]
    fn traps_do_not_link() {
        assert!(tickers("Riot police fired tear gas as bitcoin protesters gathered").is_empty());
        assert!(tickers("Mara Wilson says she never owned bitcoin").is_empty());
        assert!(tickers("New cipher suites harden TLS for bitcoin nodes").is_empty());
        assert!(tickers("Cipher suites in TLS 1.3 and the bitcoin network").is_empty());
        assert!(tickers("Reaching the hut 8 hours later, the bitcoin miners rested").is_empty());
        assert!(tickers("Hut 8 hours of downtime hit the bitcoin pool").is_empty());
        assert!(tickers("The scientific core of the AI data center debate").is_empty());
        assert!(
            tickers("a hive of activity around the bitcoin halving; riot of colour").is_empty()
        );
        assert!(tickers("Samsung Galaxy S25 owners can now buy bitcoin in the app").is_empty());
        assert!(
            tickers("The Galaxy Tab gets an AI assistant from Nasdaq-listed Samsung").is_empty()
        );
    }

    #[test]
    fn names_aliases_former_names_and_tickers_in_context_link() {
        assert_eq!(tickers("Applied Digital signs lease"), ["APLD"]);
        assert_eq!(tickers("Galaxy Digital signs lease"), ["GLXY"]);
        // the short name, in a text about the field
        assert_eq!(
            tickers("Galaxy, the Nasdaq-listed digital asset firm, secured AI data center funding"),
            ["GLXY"]
        );
        // names as Korean and Japanese news write them
        assert_eq!(tickers("헛8은 비트코인 채굴 기업이다"), ["HUT"]);
        assert_eq!(tickers("사이퍼마이닝 주가가 올랐다"), ["CIFR"]);
        // a name with a capital inside, as other presses spell it
        assert_eq!(tickers("Il miner Terawulf ha firmato"), ["WULF"]);
        assert_eq!(tickers("TERAWULF SIGNS LEASE"), ["WULF"]);
        assert_eq!(tickers("Cleanspark buys a site"), ["CLSK"]);
        assert_eq!(tickers("Tera Wulf Inc. reports a material event"), ["WULF"]);
        // and as machine translation misspells it
        assert_eq!(tickers("Terra Wolf's stock hit a record"), ["WULF"]);
        assert_eq!(tickers("Terrawolf signs a lease"), ["WULF"]);
        assert_eq!(
            spelling_variants("CoreWeave"),
            ["Coreweave", "COREWEAVE", "Core Weave"]
        );
        assert_eq!(
            tickers("Bell, Cohere and BUZZ HPC announce a deal"),
            ["HIVE"]
        );
        // a name led by an acronym, as presses that capitalise only acronyms write it
        assert_eq!(
            tickers("Hive Digital Technologies will provide AI cloud services"),
            ["HIVE"]
        );
        assert_eq!(tickers("Mara Holdings buys a wind farm"), ["MARA"]);
        assert_eq!(spelling_variants("BUZZ HPC"), Vec::<String>::new());
        assert!(tickers("a hive of activity in digital assets").is_empty());
        assert_eq!(spelling_variants("Core Scientific"), Vec::<String>::new());
        assert_eq!(spelling_variants("Bitfarms"), Vec::<String>::new());
        assert_eq!(tickers("아이렌은 데이터센터 계약을 체결했다"), ["IREN"]);
        assert_eq!(tickers("アプライド・デジタルの株価が上昇した"), ["APLD"]);
        assert_eq!(
            tickers("テラウルフはビットコインのマイニング企業"),
            ["WULF"]
        );
        assert_eq!(tickers("Iris Energy expands Childress"), ["IREN"]);
        assert_eq!(tickers("Marathon Digital buys more bitcoin"), ["MARA"]);
        assert_eq!(
            tickers("Riot leases Rockdale capacity to AMD for its AI data center"),
            ["RIOT"]
        );
        assert_eq!(tickers("Hut 8 signs River Bend lease"), ["HUT"]);
        assert_eq!(tickers("Shares of the miner (Nasdaq: WULF) rose"), ["WULF"]);
        assert_eq!(
            tickers("The miner (CIFR) fell; $BTDR rose; NASDAQ:CLSK flat"),
            ["BTDR", "CIFR", "CLSK"]
        );
        assert_eq!(
            tickers("Core Scientific, Inc. and CoreWeave"),
            ["CORZ", "CRWV"]
        );
    }

    #[test]
    fn relevance_ranks_headline_over_lead_over_body_and_roundups_are_passing() {
        let l = linker();
        let m = l.link(&Zones {
            title: "IREN signs $9.7 billion contract with Microsoft",
            lead: "The bitcoin miner IREN said on Monday...",
            body: "Peers such as Cipher Mining also rose. IREN will deploy GB300s.",
            cik: None,
        });
        let rel = |t: &str| m.iter().find(|x| x.ticker == t).map(|x| x.relevance);
        assert_eq!(rel("IREN"), Some(100)); // 90 + 2 extra mentions
        assert_eq!(rel("CIFR"), Some(40));
        let m = l.link(&Zones {
            title: "Bitcoin miners rally",
            lead: "Core Scientific led gains.",
            body: "TeraWulf, Cipher Mining, IREN and Hut 8 followed.",
            cik: None,
        });
        assert_eq!(m.iter().find(|x| x.ticker == "CORZ").unwrap().relevance, 25);
        assert_eq!(m.iter().find(|x| x.ticker == "HUT").unwrap().relevance, 25);
        // the filer of a filing
        let m = l.link(&Zones {
            title: "8-K",
            lead: "",
            body: "",
            cik: Some("0001839341"),
        });
        assert_eq!(
            m,
            vec![Mention {
                ticker: "CORZ".into(),
                relevance: 100,
                in_title: false,
                count: 0
            }]
        );
    }

    #[test]
    fn a_headline_made_from_a_slug_gets_its_names_back() {
        let l = linker();
        let cps =
            counterparty_matcher(&Config::parse(STARTER, "feeds.toml").unwrap().counterparties);
        let t = "Applied digital soars 54 amid major cloud partnership with coreweave";
        assert!(slug_like(t));
        assert_eq!(
            cps.recase(&l.recase(t)),
            "Applied Digital soars 54 amid major cloud partnership with CoreWeave"
        );
        assert_eq!(
            l.recase("why terawulf stock rocketed today"),
            "why TeraWulf stock rocketed today"
        );
        // a short, common word is left alone, and a headline with its capitals is no slug
        assert_eq!(
            l.recase("a riot of colour in the galaxy"),
            "a riot of colour in the galaxy"
        );
        assert!(!slug_like("Applied Digital Soars on CoreWeave Deal"));
        assert!(!slug_like("Stock news"));
    }

    #[test]
    fn a_capitalised_modifier_is_no_party() {
        let cps =
            counterparty_matcher(&Config::parse(STARTER, "feeds.toml").unwrap().counterparties);
        let found = |t: &'static str| -> Vec<&'static str> {
            cps.find(t, true)
                .iter()
                .map(|h| &t[h.start..h.end])
                .collect()
        };
        assert_eq!(
            found(
                "TeraWulf Stock Surges After $9.5B Google-Backed AI Compute Deal With Fluidstack"
            ),
            ["Fluidstack"]
        );
        // a name before another name is no modifier
        assert_eq!(found("the CoreWeave-Fluidstack agreement"), ["CoreWeave"]);
    }
}
