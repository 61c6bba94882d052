//! Deal terms from text: contract value (base and with options), a per-MW rate, capacity in MW
//! (critical IT preferred over gross), and term in years.
//!
//! The cautions of the beat are rules here: a value "rising to" a larger one "with extensions" is
//! the with-options value, the smaller the base; "$1.5 million per MW per year" is a rate, not a
//! total; annual figures (ARR, "per year", "average annual") are not totals; amounts next to
//! "backstop", "convertible", "notes" or "offering" are financing amounts, not contract values;
//! "two five-year extensions" is not the term.

use std::sync::OnceLock;

use regex::Regex;

pub use crate::model::DealTerms as Terms;
use crate::model::{CapacityBasis, TermPhrases};

struct Res {
    /// "in new deals with Nebius and IREN": several parties' agreements, after an amount.
    several_deals: Regex,
    life_of_several: Regex,
    money: Regex,
    moves_to: Regex,
    mw: Regex,
    term: Regex,
    /// A contract's term in decades: "over the next decade".
    term_decade: Regex,
    /// "a 24-month contract": a term in months, when whole years.
    term_months: Regex,
}

/// Compiles the term readers' patterns now rather than at the first document read.
pub(crate) fn warm_up() {
    res();
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| Res {
        several_deals: Regex::new(
            r"^\s*(?:in|of|worth of)\s+(?:[\w-]+\s+){0,3}?(?:deals|contracts|agreements|leases)\s+with\s+[\w.&-]+(?:\s+[\w.&-]+)?(?:,\s*[\w.&-]+(?:\s+[\w.&-]+)?)*,?\s+and\s+[\w.&-]",
        )
        .expect("static regex"),
        life_of_several: Regex::new(
            r"(?i)^[^.;]{0,120}?\b(?:over|during|across) the (?:life|lives|terms?|duration) of (?:its|their|all(?: of)?(?: its| the)?|the) (?:[\w-]+ ){0,2}(?:agreements|leases|contracts)\b",
        )
        .expect("static regex"),
        money: Regex::new(
            r"(?i)(?:(\bUS|\bCA|\bAU|\bC|\bA)?\$\s?(US|AU|A|C)?\s?|\bUSD\s?)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(billion|bn|b|million|mn|mm|m|thousand|k)?\b",
        )
        .expect("static regex"),
        moves_to: Regex::new(
            r"(?i)\b(?:bringing|brings|taking|takes|lifting|lifts|raising|raises|increasing|increases|pushing|pushes)\b[^$]{0,60}\bto (?:about |approximately |roughly |nearly |more than |over |around )?$",
        )
        .expect("static regex"),
        mw: Regex::new(r"(?i)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?-?\s?(MW|megawatts?|megawattov|m[ée]gawatts?|megavatios?|megavati|megawat|GW|gigawatts?|gigavatios?|gigawat)(?-u:\b)")
            .expect("static regex"),
        term_months: Regex::new(
            r"(?i)\b(\d{2,3})[-\u{2010}\u{2011}\u{2013} ]months?\b(?: (?:\w+ ){0,3}(?:contract|lease|agreement|term|deal)s?\b)|\$[\d.,]+ (?:million|billion|[mb]n?) (?:over|for) (\d{2,3}) months\b",
        )
        .expect("static regex"),
        term_decade: Regex::new(
            r"(?i)(?:(?-u:\b)(?:contracts?|leases?|agreements?|deals?|revenue)(?-u:\b)|\$[\d.,]+ ?(?:billion|million|bn|[bm])(?-u:\b))[^.;$]{0,50}?(?-u:\b)(?:over|for|across|spanning) (?:the next |the following |the coming |a |one )?(?:(two) decades|decade)(?-u:\b)|(?-u:\b)(?:a|an|its|the) decade-long (?:\w+ ){0,2}?(?:contracts?|leases?|agreements?|deals?|partnerships?)(?-u:\b)",
        )
        .expect("static regex"),
        term: Regex::new(
            r"(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-five|thirty)[-\u{2010}\u{2011}\u{2013} ](?:year|yr)s?\b",
        )
        .expect("static regex"),
    })
}

pub fn word_number(w: &str) -> Option<f64> {
    let n = match w.to_ascii_lowercase().as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "twenty-five" => 25,
        "thirty" => 30,
        other => return other.parse::<f64>().ok(),
    };
    Some(n as f64)
}

/// The last `n` characters of `s`.
pub(crate) fn last_chars(s: &str, n: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if n == 0 { &s[s.len()..] } else { &s[start..] }
}

fn num(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
}

fn before(text: &str, at: usize, n: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    text[start..at].to_ascii_lowercase()
}

fn after(text: &str, at: usize, n: usize) -> String {
    let end = text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i);
    text[at..end].to_ascii_lowercase()
}

/// One amount of money with what surrounds it: the role it plays in its sentence.
#[derive(Debug, Clone, PartialEq)]
struct Amount {
    usd: f64,
    rate: bool,
    annual: bool,
    /// A backstop or guarantee, warrants, notes, a loan or an offering.
    financing: bool,
    /// A notes offering, a loan, a bond: a figure that is never a contract's anywhere in the text.
    strong_financing: bool,
    /// A running total across contracts.
    running: bool,
    with_options: bool,
    /// "valued at up to $9.7 billion" with no option, extension or renewal in its sentence: a
    /// ceiling, the contract's value when the text states no other.
    ceiling: bool,
    /// A purchase price: land, a site, equipment, a stake.
    purchase: bool,
    /// Net operating income, capital expenditure, project cost: not revenue of the contract.
    other: bool,
    /// Named as a contract's value where it stands: "a $5 billion lease agreement".
    contract: bool,
    /// Where it stands in its text.
    span: (usize, usize),
}

/// One money match in USD, with its unit's scale (1 when it has none); `None` for another
/// currency (C$, A$, $A, CA$) or no number.
fn usd(c: &regex::Captures<'_>) -> Option<(f64, f64)> {
    let foreign = [c.get(1), c.get(2)]
        .into_iter()
        .flatten()
        .any(|m| !m.as_str().eq_ignore_ascii_case("us"));
    let v = c.get(3).and_then(|m| num(m.as_str()))?;
    if foreign {
        return None;
    }
    let scale = match c.get(4).map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
        Some("billion" | "bn" | "b") => 1e9,
        Some("million" | "mn" | "mm" | "m") => 1e6,
        Some("thousand" | "k") => 1e3,
        _ => 1.0,
    };
    Some((v * scale, scale))
}

/// The amounts in millions or billions of US dollars a text states ("$12.8 billion", "US$300
/// million", "$1.6bn"), whatever role each plays.
pub fn stated_usd(text: &str) -> Vec<f64> {
    res()
        .money
        .captures_iter(text)
        .filter_map(|c| usd(&c))
        .filter(|&(_, scale)| scale >= 1e6)
        .map(|(v, _)| v)
        .collect()
}

/// Does `s` state money, all of it past any contract's worth (`MAX_CONTRACT_USD`): "a $500
/// billion commitment", a sector's or another venture's figure?
pub fn sector_figures_only(s: &str) -> bool {
    if !s.contains("illion") && !s.contains("B ") && !s.contains("bn") {
        return false;
    }
    let s = in_english_units(s);
    let a = amounts(&s);
    !a.is_empty() && a.iter().all(|a| !a.rate && a.usd > MAX_CONTRACT_USD)
}

fn amounts(text: &str) -> Vec<Amount> {
    let mut out = Vec::new();
    let matches: Vec<regex::Captures<'_>> = res().money.captures_iter(text).collect();
    for (k, c) in matches.iter().enumerate() {
        let Some((mut v, _)) = usd(c) else {
            continue;
        };
        let whole = c.get(0).expect("match");
        // the words around an amount belong to it only as far as the neighbouring amounts
        let prev_end = k
            .checked_sub(1)
            .map_or(0, |j| matches[j].get(0).expect("match").end());
        let next_start = matches
            .get(k + 1)
            .map_or(text.len(), |m| m.get(0).expect("match").start());
        let pre_full = before(text, whole.start(), 60);
        let keep = pre_full
            .len()
            .min(whole.start() - prev_end.min(whole.start()));
        let pre = pre_full[pre_full.len() - keep..].to_string();
        // a headline and the line after it are not one sentence
        let pre = match pre.rfind('\n') {
            Some(i) => pre[i + 1..].to_string(),
            None => pre,
        };
        let post_full = after(text, whole.end(), 50);
        let post =
            post_full[..post_full.len().min(next_start.saturating_sub(whole.end()))].to_string();
        let post = match post.find('\n') {
            Some(i) => post[..i].to_string(),
            None => post,
        };
        let rate = post.trim_start().starts_with("per mw")
            || post.trim_start().starts_with("per megawatt")
            || post.trim_start().starts_with("/mw")
            || post.trim_start().starts_with("per kw")
            || post.trim_start().starts_with("/kw");
        let per_kw =
            post.trim_start().starts_with("per kw") || post.trim_start().starts_with("/kw");
        if per_kw {
            // $125 per kW per month → per MW per year
            v = v * 1000.0 * if post.contains("month") { 12.0 } else { 1.0 };
        }
        let annual = !rate
            && (post_words_early(&post)
                .iter()
                .any(|w| {
                    // (and "Jahresumsatz", "ingresos anuales", "revenus annuels")
                    ["annual", "jahres", "anual", "annuel"]
                        .iter()
                        .any(|a| w.starts_with(a))
                        || *w == "arr"
                })
                || post.trim_start().starts_with("per year")
                || post.trim_start().starts_with("a year")
                || post.trim_start().starts_with("annually")
                // "ARR" as a word, not "arrendamiento"
                || post
                    .match_indices(" arr")
                    .any(|(i, _)| !post[i + 4..].starts_with(char::is_alphabetic))
                || post.trim_start().starts_with("of arr")
                || post.trim_start().starts_with("in annual")
                || post.trim_start().starts_with("in average annual")
                || post.trim_start().starts_with("of annual")
                || pre.ends_with("annual revenue of ")
                || pre.contains("average annual")
                || pre.contains("annualized")
                || pre.trim_end_matches(['>', '~', '+', ' ']).ends_with("arr of")
                // "jährlich knapp 1,94 Milliarden Dollar", "por año", "par an" (a word that
                // starts so: "un acuerdo plurianual por valor de" is multi-year, not annual)
                || last_chars(&pre, 24)
                    .split(|c: char| !c.is_alphabetic())
                    .any(|word| {
                        ["jährlich", "annuel", "anual", "annuale", "annui", "anuais"]
                            .iter()
                            .any(|w| word.starts_with(w))
                    })
                || last_chars(&pre, 24).contains("pro jahr")
                || [
                    "pro jahr", "im jahr", "jährlich", "par an", "al año", "por año", "all'anno",
                    "ao ano", "por ano",
                ]
                .iter()
                .any(|w| post.trim_start().starts_with(w)));
        let near_pre = last_chars(&pre, 40);
        // "• Revenue of $50.6 million", "Total revenue: $50.6 million": a line or sentence that
        // opens with the revenue and its amount is a period's figure (a results bullet), never a
        // contract's (which a clause introduces: "will generate revenue of", "contracted revenue
        // of"); asked only where the line's or sentence's start is in view
        let revenue_opens = {
            let from = pre.rfind(". ").map_or(0, |i| i + 2);
            let start_in_view = from > 0 || pre.len() < pre_full.len() || pre_full.len() < 60;
            let opening = pre[from..]
                .trim_start_matches(|c: char| c.is_whitespace() || "•*·–—-".contains(c))
                .trim_end()
                .trim_end_matches(':')
                .trim_end();
            start_in_view
                && [
                    "revenue",
                    "revenue of",
                    "revenues",
                    "revenues of",
                    "total revenue",
                    "total revenue of",
                    "total revenues of",
                    "net revenue",
                    "net revenue of",
                    "quarterly revenue of",
                    "revenue was",
                    "revenues were",
                    "total revenue was",
                    "revenue came to",
                ]
                .contains(&opening)
        };
        let post_words: Vec<&str> = post.split_whitespace().take(5).collect();
        // what follows the amount up to the next one, in its sentence ("$3.7 billion in
        // contracted revenue, with potential extensions bringing total revenue to $8.7 billion")
        let post_to_next = {
            let wide = after(text, whole.end(), 120);
            let wide = &wide[..wide.len().min(next_start.saturating_sub(whole.end()))];
            let wide = wide.split('\n').next().unwrap_or("");
            wide.split(". ").next().unwrap_or("").to_string()
        };
        // "Google's backstop within the agreement has now risen to $3.2 billion": a backstop's
        // total, the amount its clause raises the backstop to (that figure is never the
        // contract's, wherever else the text states it)
        let backstop_total = {
            // (`pre` is the 60 characters before the amount, back to the previous amount)
            let wide = pre.as_str();
            ["backstop", "guarante", "garant"]
                .iter()
                .filter_map(|w| wide.rfind(w))
                .max()
                .is_some_and(|at| {
                    let between = &wide[at..];
                    // (one clause: no figure, comma or relative pronoun between)
                    !between.contains(|c: char| c.is_ascii_digit() || c == '$' || c == ',')
                        && !between.contains(" which ")
                        && !between.contains(" that ")
                        && [" to ", " total of ", " totaling ", " totalling "]
                            .iter()
                            .any(|t| last_chars(&pre, 20).contains(t))
                })
        };
        // "by backing $1.4 billion in lease commitments", "guaranteeing $1.8 billion of": the
        // amount the verb just before it backs (that wherever the figure stands)
        let backing_verb = {
            // (`pre` is lower-cased already)
            let tail = last_chars(pre.trim_end(), 14);
            [
                "backing",
                "backstopping",
                "guaranteeing",
                "to backstop",
                "to guarantee",
            ]
            .iter()
            .any(|w| tail.ends_with(w))
        };
        // "supports Fluidstack's lease obligations worth $1.4 billion" (Indonesian "mendukung
        // kewajiban sewa … senilai 1,4 miliar"): the obligations the clause names, then what
        // they are worth
        let obligations_worth = {
            let clause = pre.rsplit([',', ';']).next().unwrap_or_default();
            let t = clause.trim_end();
            [
                "worth",
                "senilai",
                "sebesar",
                "valued at",
                "totaling",
                "totalling",
            ]
            .iter()
            .any(|w| t.ends_with(w))
                && ["obligation", "kewajiban"]
                    .iter()
                    .any(|w| clause.contains(w))
        };
        let financing = backing_verb
            || obligations_worth
            || [
            "backstop",
            "convertible",
            "notes",
            "offering",
            "loan",
            "financing",
            "raise",
            "raised",
            "placement",
            "warrant",
            // a financing in German, French, Spanish, Italian, Portuguese
            "finanzierung",
            "financement",
            "financiaci",
            "financiamient",
            "finanziament",
            // ("un sostegno finanziario di 3,2 miliardi", a backing)
            "finanziari",
            "absicher",
            "bürgschaft",
            "proceeds",
            " ipo",
            "bond",
            "debt",
            "term loan",
            "credit",
            "equity",
            "investment",
            "invest ",
        ]
        .iter()
        .any(|w| {
            // ("an investment-grade hyperscaler" is the tenant's rating, no investment)
            let graded = |t: &str| t.contains("investment-grade") || t.contains("investment grade");
            (near_pre.contains(w) && !(w.starts_with("invest") && graded(near_pre)))
                || post_words.iter().take(4).any(|p| p.starts_with(w.trim()))
                    && !(w.starts_with("invest") && graded(&post_words.join(" ")))
        })
            // a guarantee or backing (in Spanish, French, Italian, Portuguese too), unless what
            // is guaranteed is revenue ("the agreements guarantee $3.7 billion in revenue")
            || ["guarante", "garant", "menjamin", "jaminan", "mendukung", "kewajiban", "suporta", "support with", "supports with", "respald", "soutien", "souten", "supporter", "suporte financ", "apoio financ", "financial support", "financial backing", "finanzielle unterstützung", "rückendeckung", "sostegno finanz"]
                .iter()
                .any(|w| near_pre.contains(w) || post_words.iter().take(4).any(|p| p.starts_with(w)))
                && !post_words.iter().take(3).any(|p| {
                    ["revenue", "ingreso", "receita", "revenu", "entrate", "umsatz"]
                        .iter()
                        .any(|r| p.starts_with(r))
                })
                // nor capacity ("The $3.7 billion agreement with Fluidstack guarantees critical IT
                // load capacity")
                && !(post_words.iter().any(|p| p.starts_with("guarantee")) && {
                    let rest = post_to_next.split("guarantee").nth(1).unwrap_or("");
                    ["capacity", "access", "power", "load", "compute"]
                        .iter()
                        .any(|w| rest.contains(w))
                })
            // "a $500 million facility", not "its Lake Mariner facility, valued at $3.7 billion"
            || post_words.iter().take(2).any(|p| p.starts_with("facilit"))
            // an amount in a sentence about notes, bonds or a loan is the financing's
            || {
                let sent = sentence_of(text, whole.start(), whole.end()).to_ascii_lowercase();
                [
                    "convertible",
                    "senior notes",
                    "senior secured",
                    "notes offering",
                    "private offering",
                    "private placement",
                    "credit facility",
                    "term loan",
                    " bond",
                ]
                .iter()
                .any(|w| sent.contains(w))
            }
            // "Google backs $1.3 billion of Fluidstack's lease obligations" ("is supporting $1.8
            // billion of Fluidstack's lease commitments", "soutient 1,8 milliard $
            // d'engagements locatifs")
            || post_words.iter().any(|p| {
                [
                    "obligation",
                    "obligaci",
                    "obbligazion",
                    "obrigaç",
                    "verpflichtung",
                    "commitment",
                    "d'engagements",
                    "d’engagements",
                    "engagements",
                    "compromisos",
                    "impegni",
                ]
                    .iter()
                    .any(|w| p.to_lowercase().starts_with(w))
            })
            // "$1.4 billion の債務を保証" (guarantees $1.4 billion of obligations), 보증, 채무
            || {
                let head: String = post.chars().take(12).collect();
                ["債務", "债务", "义务", "義務", "保証", "保证", "担保", "擔保", "後盾", "后盾", "보증", "채무", "지원", "支援", "支持", "обязательств"]
                    .iter()
                    .any(|w| head.contains(w))
            }
            // Arabic: "ضمان التزامات بقيمة 1.4 مليار دولار" (a guarantee of obligations worth …),
            // "دعمها المالي" (its financial support)
            || ["ضمان", "التزامات", "دعمها المالي", "الدعم المالي", "دعم مالي"]
                .iter()
                .any(|w| pre.contains(w))
            // "Este movimiento, valorado en $1.4 billion, forma parte de un acuerdo de hospedaje":
            // an amount that is part of an agreement is one of its parts (a backing, a stake)
            || {
                let p = post.trim_start_matches([',', ' ']).to_lowercase();
                ["is part of", "forms part of", "forma parte de", "fait partie d", "fa parte d", "faz parte d", "ist teil"]
                    .iter()
                    .any(|w| p.starts_with(w))
            }
            // "$1.8 billion in financial backing for", "committed to underwrite $1.4 billion of"
            || post_words.iter().take(4).any(|p| p.starts_with("backing"))
            || last_chars(&pre, 20).contains("underwrit")
            || near_pre.contains(" backs ")
            // (Filipino: "Sinusuportahan ng Google ang $3.2 bilyong …", Google backs $3.2 billion)
            || near_pre.to_lowercase().contains("sinusuportahan ng")
            || near_pre.contains(" will back ")
            || backstop_total
            // "a $1.8B-backed hosting deal": the amount backs the deal
            || post.starts_with("-backed")
            // "backed by Google" is a backstop; "backed by a $311 million contract" is the contract
            || near_pre.contains("backed")
                && (!post_words.iter().take(3).any(|w| {
                    ["contract", "lease", "agreement", "deal"]
                        .iter()
                        .any(|c| w.starts_with(c))
                })
                    // "backed by a $1.8B Google support agreement": the backing's own agreement
                    || post_words.iter().take(3).any(|w| {
                        ["support", "guarant", "backstop"]
                            .iter()
                            .any(|c| w.to_lowercase().starts_with(c))
                    }));
        // what is bought: land, a site, equipment, a stake (the value of an acquisition deal)
        let clause = &wide_clause(text, whole.start(), prev_end);
        let bought = [
            "purchase",
            " buy ",
            " buys ",
            " bought ",
            "acquire",
            "acquiring",
            " order",
            // acquisì, adquirió, erwirbt, achète, comprou ...
            "acquisi",
            "acquist",
            "adquir",
            "compr",
            "erwirb",
            "erwarb",
            "kauf",
            "achat",
            "achète",
        ]
        .iter()
        .any(|w| clause.contains(w));
        let goods = [
            "acre",
            " land",
            " site",
            "property",
            "parcel",
            "gpu",
            "server",
            "equipment",
            "hardware",
            "miners",
            " rigs",
            "asic",
            "stake",
            // a stake in German, Spanish, French, Italian, Portuguese ("erwirbt einen 8%-Anteil
            // an TeraWulf für $1.8 Mrd.")
            "anteil",
            "beteiligung",
            "participaci",
            "participation",
            "partecipazion",
            "participaç",
            // (Italian "una quota del 5,4%", Portuguese "uma fatia")
            " quota",
            " fatia",
            "acri",
            "terreno",
            "terrain",
            "grundstück",
            "hectárea",
        ];
        let lead_in = post_words.join(" ");
        // "will purchase $5.8 billion worth of GPUs from Dell": the goods follow the amount (a
        // customer buying "$9.7 billion of GPU cloud capacity" buys no goods)
        let goods_after = post_words.iter().any(|w| {
            let w = w.to_lowercase();
            goods.iter().any(|g| w.starts_with(g.trim()))
        }) && !post_words.iter().any(|w| {
            let w = w.to_lowercase();
            [
                "cloud",
                "capacity",
                "comput",
                "service",
                "hosting",
                "colocation",
            ]
            .iter()
            .any(|c| w.starts_with(c))
        });
        // "acquired a 5.4% stake ... as part of a $3 billion AI hosting deal": the amount names
        // a customer contract of its own (not "a $5.8 billion purchase agreement")
        let contract_after = {
            // (words, not a comma: "a $3 billion, 10-year data center agreement")
            let head: Vec<String> = post_words
                .iter()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .take(4)
                .map(|w| w.to_lowercase())
                .collect();
            head.iter().any(|w| {
                [
                    "hosting",
                    "colocation",
                    "lease",
                    "cloud",
                    "agreement",
                    "deal",
                    "contract",
                    "pact",
                ]
                .iter()
                .any(|c| w.starts_with(c))
            }) && !head.iter().any(|w| {
                ["purchas", "supply", "order", "acquisi", "buy"]
                    .iter()
                    .any(|c| w.starts_with(c))
            })
        };
        // "una partecipazione del 5,4% … attraverso un accordo di hosting AI del valore di 3
        // miliardi": the amount is the worth of an agreement named just before it
        let contract_before = {
            let n = near_pre.trim_end().to_lowercase();
            [
                "valued at",
                "worth",
                "value of",
                "del valore di",
                "valorado en",
                "del valor de",
                "d'une valeur de",
                "im wert von",
                "no valor de",
                "avaliado em",
            ]
            .iter()
            .any(|w| n.ends_with(w))
                && [
                    "agreement",
                    "deal",
                    "contract",
                    "lease",
                    "hosting",
                    "accordo",
                    "acuerdo",
                    "acordo",
                    "contrat",
                    "contratto",
                    "contrato",
                    "vertrag",
                ]
                .iter()
                .any(|w| n.contains(w))
                // the contract's noun just before its amount: "un accordo da 3 miliardi", "un
                // contrato de 3.000 millones", "un contrat de 3 milliards"
                || [
                    "accordo da",
                    "accordo di",
                    "contratto da",
                    "contratto di",
                    "acuerdo de",
                    "acuerdo por",
                    "contrato de",
                    "contrato por",
                    "contrat de",
                    "accord de",
                    "acordo de",
                    "vertrag über",
                ]
                .iter()
                .any(|w| n.ends_with(w))
        };
        // "paid $65 million for something unfashionable at the time: a distressed mining site":
        // a price paid for goods named further on in the sentence
        let paid_for_goods = [" paid", " pays", " paying"]
            .iter()
            .any(|w| clause.trim_end().ends_with(w))
            && post_to_next.trim_start().starts_with("for ")
            // (`after` has lower-cased it already)
            && goods.iter().any(|w| post_to_next.contains(w));
        // "spending some $96 million to acquire land near the site": money raised or
        // spent to buy goods named right after it
        let spent_on_goods = {
            let next = post_to_next.trim_start();
            [
                "to acquire ",
                "to buy ",
                "to purchase ",
                "for the purchase of ",
            ]
            .iter()
            .any(|w| next.starts_with(w))
                && goods
                    .iter()
                    .any(|w| next.split([',', ';']).next().unwrap_or("").contains(w))
        };
        // "a $96 million deal for 200 acres", "un accordo da 96 milioni per 200 acri", "um
        // acordo de US$ 96 milhões por 200 acres": an
        // agreement whose amount is the price of land or equipment named right after it
        let deal_for_goods = {
            let next: Vec<&str> = post_to_next.split_whitespace().take(8).collect();
            next.iter()
                .position(|w| ["for", "per", "por", "para", "pour", "für"].contains(w))
                .is_some_and(|i| {
                    // (a space before it, so that " land" is a word's start there too)
                    let rest = format!(
                        " {}",
                        next[i + 1..]
                            .join(" ")
                            .split([',', ';'])
                            .next()
                            .unwrap_or("")
                    );
                    [
                        "acre",
                        "acri",
                        " land",
                        "terreno",
                        "terra",
                        "terrain",
                        "grundstück",
                        "hectárea",
                        "parcel",
                        "property",
                        "gpu",
                        "server",
                        "equipment",
                        "hardware",
                    ]
                    .iter()
                    .any(|g| rest.contains(g))
                        && ![
                            "mw",
                            "megawatt",
                            "capacit",
                            "host",
                            "coloc",
                            "lease",
                            "comput",
                            "cloud",
                            "data cent",
                        ]
                        .iter()
                        .any(|w| rest.contains(w))
                })
        };
        let purchase = (!contract_after && !contract_before || deal_for_goods)
            && (bought && (goods.iter().any(|w| clause.contains(w)) || goods_after)
                || paid_for_goods
                || spent_on_goods
                || deal_for_goods)
            || [
                "of dell",
                "of equipment",
                "of hardware",
                "of servers",
                "of gpus",
                "in equipment",
                // "a $96 million land purchase"
                "land purchase",
                "land acquisition",
                "site purchase",
                "site acquisition",
                "property purchase",
                "property acquisition",
                "equipment purchase",
                "gpu purchase",
                "hardware purchase",
                "purchase of",
                "acquisition of",
            ]
            .iter()
            .any(|w| lead_in.starts_with(w))
            // "amounting to a transaction value of $96 million"
            || ["transaction value", "purchase price", "acquisition price", "consideration of"]
                .iter()
                .any(|w| near_pre.contains(w))
            // "Dell is supplying the hardware for $5.8 billion" ("Dell liefert Hardware für")
            || [" suppl", " liefer", "suministr", " fourni", " fornisc", " fornir"]
                .iter()
                .any(|w| clause.contains(w))
                && ["hardware", "equipment", "server", "gpu", "ausrüstung", "equipo", "équipement", "serveur"]
                    .iter()
                    .any(|w| clause.contains(w))
            // "向戴爾採購 $5.8 billion 的 GPU 伺服器": a purchase verb before
            // the amount, the goods after it
            || ["採購", "采购", "購買", "购买", "購入", "買入", "买入", "구매", "구입", "매입"]
                .iter()
                .any(|w| near_pre.trim_end().ends_with(w))
                && [
                    "gpu", "處理器", "处理器", "設備", "设备", "伺服器", "服务器", "サーバー",
                    "装置", "機器", "장비", "서버", "晶片", "芯片", "土地", "用地", "부지", "토지",
                ]
                .iter()
                .any(|w| post.contains(w));
        // a price, not an amount of a contract: per share, an exercise or strike price, a share
        // price ("rose 16% to $18.54", "closed at $10.54"), a market value
        let post_trim = post.trim_start();
        let price = ["per share", "a share", "/share", "per unit", "per warrant"]
            .iter()
            .any(|w| post_trim.starts_with(w))
            || [
                "exercise price",
                "strike price",
                "exercisable at",
                "price of",
                "closed at",
                "trading at",
                "traded at",
                "trades at",
                "shares at",
                "stock at",
                "opened at",
                "high of",
                "low of",
                "price target",
                "target to",
                "target of",
            ]
            .iter()
            .any(|w| near_pre.contains(w))
            || near_pre.trim_end().ends_with("% to")
            || near_pre.trim_end().ends_with("% at")
            || near_pre.contains("market cap")
            || near_pre.contains("market value")
            || near_pre.contains("currently valued at")
            || near_pre.contains("company valued at")
            || near_pre.contains("valuation of")
            // "analysts valuing the asset north of $20 billion"
            || near_pre.contains("valuing the")
            || near_pre.contains("value the")
            || post_words
                .iter()
                .take(3)
                .any(|w| w.starts_with("market") || *w == "valuation")
            // the money a stock traded: "on $3.11 billion trading volume", "a volume of $290
            // million", "turnover of $1.2 billion"
            || post_words
                .iter()
                .take(3)
                .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == "volume")
            || ["volume of", "turnover of", "volume to", "volume rush"]
                .iter()
                .any(|w| near_pre.contains(w))
            // "Volume Drop to $960M", "volume jumped 40% to $1.2 billion": the day's volume
            // moved to it
            || near_pre.trim_end().ends_with(" to")
                && near_pre
                    .split_whitespace()
                    .rev()
                    .take(5)
                    .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == "volume");
        // "= $5.5B": a sum of other amounts
        let sum = near_pre.trim_end().ends_with('=') || near_pre.trim_end().ends_with("equals");
        // "reported fiscal first quarter revenue of $64 million": the period's results
        let results = [
            "quarter",
            "fiscal",
            // "Im dritten Quartal machte Microsoft 77,7 Milliarden Dollar Umsatz"
            "quartal",
            "trimestre",
            "geschäftsjahr",
            // the period's revenue as it rose: "Der Umsatz stieg um das Dreifache auf 29
            // Millionen", "revenue grew 40% to $71 million"
            "umsatz stieg",
            "umsatz wuchs",
            "umsatz kletterte",
            "erlöse stiegen",
            "erlöse auf",
            // "收入增加了2.4亿美元" (revenue rose by $240 million), "营收" (revenue), "売上高"
            // (sales), "매출" (sales): a period's revenue in Chinese, Japanese and Korean
            "收入增加",
            "收入增长",
            "收入增長",
            "营收",
            "營收",
            "季度收入",
            "売上高",
            "매출",
            "revenue rose",
            "revenue grew",
            "revenue increased",
            "revenue climbed",
            "revenue jumped",
            "revenue surged",
            "reported revenue",
            "reported net",
            // "Revenue hit $64.2 million", "generated revenue of $64.2 million, surpassing
            // expectations of $50 million": the period's revenue and the analysts' estimate
            // (a contract "is expected to generate revenue of" its value: not these)
            "revenue hit",
            "revenue came in",
            "revenue reached",
            "revenue totaled",
            "revenue totalled",
            "generated revenue",
            "expectations of",
            "estimates of",
            "consensus of",
            // "GAAP revenue of $38.0 million", "non-GAAP net loss"
            "gaap",
            "net income",
            "ebitda",
            // the balance sheet: "working capital at $170 million", "cash of $330 million"
            "working capital",
            "cash reserve",
            "cash position",
            "in cash",
            "cash of",
            "liquidity",
            "balance sheet",
        ]
        .iter()
        .any(|w| near_pre.contains(w))
            || revenue_opens
            // "the company reported $72.0 million of revenue": the period's, named after it
            || ["reported", "posted", "recorded", "booked"]
                .iter()
                .any(|w| near_pre.trim_end().ends_with(w))
                && post_words.iter().take(3).any(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    w.starts_with("revenue") || w == "sales"
                })
            // a quarter's or a year's revenue by its code ("Q2 revenue $126.6M", "FY2025
            // revenue of"), or a figure set against the year before ("$126.6M (+250% YoY)")
            || near_pre.contains("revenue") && near_pre.split_whitespace().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                let b = w.as_bytes();
                matches!(b, [b'q', b'1'..=b'4'] | [b'h', b'1' | b'2'])
                    || w.starts_with("fy") && b[2..].iter().all(u8::is_ascii_digit)
            })
            // "above the $50 million analysts expected": an estimate
            || [
                "analysts expected",
                "analysts had expected",
                "analysts estimated",
                "analysts forecast",
                "expected by analysts",
                // "(vs. a $79.1m consensus)"
                "consensus",
                "street estimate",
                "analyst estimate",
                "analysts' estimate",
            ]
            .iter()
            .any(|w| post.trim_start().starts_with(w))
            // "the $50 million analysts expected", "$9 million above what analysts polled by a data
            // firm looked for": an estimate, or a beat measured against one
            || {
                let p = post.trim_start();
                let p = [
                    "more than ",
                    "less than ",
                    "higher than ",
                    "lower than ",
                    "better than ",
                    "above what ",
                    "above ",
                    "below ",
                    "ahead of ",
                    "short of ",
                ]
                .iter()
                .find_map(|w| p.strip_prefix(w))
                .unwrap_or(p);
                let p = p.strip_prefix("what ").unwrap_or(p);
                ["analysts", "wall street", "the street"]
                    .iter()
                    .any(|w| p.starts_with(w))
                    && {
                        let head: String = p.chars().take(60).collect();
                        ["expect", "estimat", "forecast", "looking for", "predict", "anticipat", "surveyed", "polled"]
                            .iter()
                            .any(|w| head.contains(w))
                    }
            }
            // "contributed $41.6 million in revenue, up 15% compared to the prior year"
            || post.trim_start().starts_with("in revenue")
                && [
                    "prior year",
                    "prior-year",
                    "year-over-year",
                    "year over year",
                    "a year earlier",
                    "a year ago",
                ]
                .iter()
                .any(|w| post_to_next.contains(w))
            || {
                let p = post.trim_start();
                (p.starts_with("(+") || p.starts_with("(up ") || p.starts_with("(-"))
                    && ["yoy", "y/y", "year"].iter().any(|w| p.contains(w))
            };
        // "the $2.5 billion data center stewarded by Hut 8": what the site costs, unless the words
        // after it name the contract ("a $2.5 billion data center lease")
        let project_cost = {
            let words: Vec<&str> = post_words
                .iter()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
                .skip_while(|w| *w == "ai")
                .collect();
            words.first().is_some_and(|w| {
                matches!(
                    *w,
                    "data" | "campus" | "facility" | "project" | "plant" | "build-out" | "buildout"
                )
            }) && !words.iter().take(4).any(|w| {
                matches!(
                    *w,
                    "lease"
                        | "leases"
                        | "contract"
                        | "contracts"
                        | "agreement"
                        | "agreements"
                        | "deal"
                        | "deals"
                        | "colocation"
                        | "hosting"
                        | "partnership"
                        | "pact"
                        | "tenant"
                        | "customer"
                )
            })
        };
        let other = price
            || sum
            || results
            || project_cost
            || [
                " noi",
                "net operating income",
                "capex",
                "capital expenditure",
                "project cost",
                "cost of",
            ]
            .iter()
            .any(|w| lead_in.contains(w.trim()) || near_pre.contains(w.trim()));
        let with_options = [
            "rising to",
            "rise to",
            "push the total",
            "pushing the total",
            "could reach",
            "could rise",
            "could total",
            "could balloon",
            "could exceed",
            // "un contrat qui pourrait dépasser au total les 8 milliards", "podría superar"
            "pourrait dépasser",
            "pourrait atteindre",
            "podría superar",
            "podría alcanzar",
            "potrebbe superare",
            "potrebbe raggiungere",
            "balloon to",
            "up to",
            "increase to",
            "increasing to",
            // "could reach $8.7 billion", not "has reached a $9.7 billion agreement"
            "reach ",
            "reaching ",
            "grow to",
            "if all",
            "with extension",
            "including extension",
            "including renewal",
            "with renewal",
            "extensions to",
            "extension to",
            "renewals to",
            // "podrían elevar su valor total hasta unos 17.700 millones", "fino a", "bis zu"
            "hasta",
            "fino a",
            "bis zu",
            "jusqu'à",
            "jusqu’à",
            "até",
        ]
        .iter()
        // (as words: "estratégico" holds "até")
        .any(|w| contains_word(near_pre, w))
            // "合約還附帶兩個…延長選項，若全數執行，合約總收入可達87億美元": options in the amount's
            // own sentence before it
            || {
                let own = pre.rsplit(['。', '！', '？']).next().unwrap_or("");
                ["延长", "延長", "연장", "オプション", "选项", "選項", "옵션", "продлени"]
                    .iter()
                    .any(|w| own.contains(w))
            }
            || post.contains("extension") && post.find("extension").is_some_and(|i| i < 45)
            || post.contains("renewal") && post.find("renewal").is_some_and(|i| i < 45)
            // "if all options are exercised", "se tutti i termini saranno rispettati", "si se
            // ejercen todas", "wenn alle"
            || [
                "if all", "if both", "if the option", "se tutti", "se tutte", "si todos",
                "si todas", "si tous", "si toutes", "se todos", "se todas", "wenn alle",
                "falls alle",
            ]
            .iter()
            .any(|w| post.contains(w))
            // "for $1B in total potential revenue"
            || ["in total potential", "of total potential", "in potential total"]
                .iter()
                .any(|w| post.trim_start().starts_with(w));
        // "... from $311 million initially", "$3 billion over the initial term": the base
        // "$3.7 billion with potential extensions to $8.7 billion": the amount extended is the base
        let extended_to = post_to_next
            .find("extension")
            .or_else(|| post_to_next.find("renewal"))
            .is_some_and(|i| {
                let rest = &post_to_next[i..];
                let rest = rest.trim_start_matches(|c: char| c.is_alphabetic());
                // the next amount cuts `post` short: "... extensions to" is all that is left, or
                // what they bring a total to ("… extensions bringing total revenue to")
                let r = rest.trim();
                r == "to" || r.ends_with(" to") || r.starts_with("to $") || r.starts_with("to us$")
            });
        // "$3.7 billion, with options for two five-year extensions that could push the total
        // to $8.7 billion": the amount the options push to a total is the base
        let pushed_on = {
            let wide = after(text, whole.end(), 100);
            let wide = &wide[..wide.len().min(next_start.saturating_sub(whole.end()))];
            ["extension", "option", "renewal"]
                .iter()
                .any(|w| wide.contains(w))
                && wide.len() < 100
                && {
                    let r = wide.trim_end();
                    [
                        " total to",
                        " push it to",
                        " as much as",
                        " could reach",
                        " to reach",
                    ]
                    .iter()
                    .any(|e| r.ends_with(e))
                }
        };
        // ("The initial 10-year term is valued at approximately $3.7 billion, with two five-year
        // extension options that could raise total potential revenue to $8.7 billion")
        let base_cue = near_pre.trim_end().ends_with("from")
            || pre
                .rsplit(". ")
                .next()
                .is_some_and(|p| p.contains("initial"))
                && !has_prev_in_sentence(&out, text, prev_end, whole.start())
            || extended_to
            || pushed_on
            || post.trim_start().starts_with("initially")
            || post.contains("initial term")
            || post.contains("base term")
            // "a base contract worth $7.5 billion, with additional renewal options that could
            // generate an extra $18.2 billion"
            || [
                "base contract",
                "base lease",
                "base agreement",
                "base term",
                "base-term",
                "base period",
                "base value",
            ]
            .iter()
            .any(|w| near_pre.contains(w));
        let with_options = with_options && !base_cue;
        // a running total across contracts ("bringing total revenue to", "is now about") is not
        // this deal's value
        let wide_full = before(text, whole.start(), 140);
        let wide = &wide_full[wide_full.len()
            - wide_full
                .len()
                .min(whole.start() - prev_end.min(whole.start()))..];
        let running = (wide.contains("bring")
            || wide.contains("lift")
            || wide.contains("rais")
            || wide.contains("across")
            || wide.contains("increas")
            || wide.contains(" now ")
            || wide.contains("to date"))
            && wide.contains("total")
            || near_pre.contains("is now")
            || near_pre.contains("now about")
            || near_pre.contains("now approximately")
            || near_pre.contains("now exceeds")
            // "contracted backlog has expanded to $31 billion": the company's agreements together
            || near_pre.contains("backlog")
            // "after the new lease, the company has about $11 billion in expected lease
            // revenue": what the company holds in all, not what the deal is worth
            || {
                let held = near_pre
                    .trim_end()
                    .trim_end_matches(|c: char| !c.is_alphanumeric());
                let held = [
                    " about",
                    " approximately",
                    " roughly",
                    " nearly",
                    " around",
                    " some",
                    " over",
                    " more than",
                ]
                .iter()
                .find_map(|w| held.strip_suffix(w))
                .unwrap_or(held);
                (held.ends_with(" has") || held.ends_with(" have"))
                    && post.trim_start().starts_with("in ")
            };
        // "taking contracted revenue to about $11 billion", "lifting its total to $6.7 billion":
        // a new total, unless extension options are what it rises by
        let moves_to = res().moves_to.is_match(near_pre)
            && !["extension", "renewal", "option"]
                .iter()
                .any(|w| post.contains(w));
        // "$10B in fresh neocloud deals with IREN and Lambda": the sum of several parties'
        // agreements (plural, with two parties or more), not one contract's value
        let several = res().several_deals.is_match(&post)
            // "$11 billion in contracted lease revenue from Polaris Forge 1 over the life of its
            // agreements": a site's agreements summed
            || {
                let wide = after(text, whole.end(), 160);
                let wide = &wide[..wide.len().min(next_start.saturating_sub(whole.end()))];
                [" of its ", " of their ", " of all ", " of the "]
                    .iter()
                    .any(|w| wide.contains(w))
                    && res().life_of_several.is_match(wide)
            };
        // "two 15-year leases at two campuses, worth a combined $12.7 billion": agreements
        // summed, which may be deals of their own
        let several = several
            || near_pre.trim_end().ends_with("combined")
                && ["leases", "agreements", "contracts", "deals"]
                    .iter()
                    .any(|w| wide.contains(w));
        let running = running || moves_to || several;
        // "extension options that could raise total potential revenue to $8.7 billion": the
        // options' total of this agreement, not a running total across agreements
        let options_total = running
            && !several
            && !wide.contains("across")
            && ["extension", "renewal", "option"]
                .iter()
                .any(|w| wide.contains(w));
        let running = running && !options_total;
        let with_options = with_options || options_total;
        // "... is now $6.7 billion, with the potential to reach $16 billion": the running total
        // with options is a running total too
        let after_running = out.last().is_some_and(|p: &Amount| p.running)
            && !text[prev_end.min(whole.start())..whole.start()].contains(". ");
        // "... by $1.4 billion to a total of $3.2 billion": the total of the amount before it
        let total_of = has_prev_in_sentence(&out, text, prev_end, whole.start())
            && near_pre.trim_end().ends_with("total of");
        let running = running || (with_options && after_running) || total_of;
        // "$20B → $50B", "$20B to $50B": a second figure of the same thing
        let between = text[prev_end.min(whole.start())..whole.start()].trim();
        let same_thing = k > 0 && ["→", "->", "to", "-", "–", "and"].contains(&between);
        let prev = out.last().filter(|_| same_thing).cloned();
        // a notes offering, a loan or a bond: the same figure is that wherever it stands
        let strong_financing = backstop_total
            || backing_verb
            || financing
                && [
                    "convertible",
                    "notes",
                    "offering",
                    "loan",
                    "bond",
                    "debt",
                    "placement",
                    "proceeds",
                    "facilit",
                ]
                .iter()
                .any(|w| {
                    // "its Lake Mariner facility, valued at": a data center, not a loan facility
                    (*w != "facilit" && near_pre.contains(w))
                        || post_words.iter().take(4).any(|p| p.starts_with(w))
                });
        let ceiling = with_options && near_pre.trim_end().ends_with("up to") && {
            let sent = sentence_of(text, whole.start(), whole.end()).to_ascii_lowercase();
            ![
                "option",
                "extension",
                "renewal",
                "exercis",
                "if all",
                "expand",
                // "up to $1B in total potential revenue": what options could bring
                "potential",
            ]
            .iter()
            .any(|w| sent.contains(w))
        };
        out.push(Amount {
            usd: v,
            ceiling,
            rate: rate && !other,
            annual: annual || prev.as_ref().is_some_and(|p| p.annual),
            financing: financing || prev.as_ref().is_some_and(|p| p.financing),
            strong_financing,
            running,
            with_options,
            purchase: purchase || prev.as_ref().is_some_and(|p| p.purchase),
            other: other || prev.as_ref().is_some_and(|p| p.other),
            contract: !financing
                && post_words.iter().take(3).any(|w| {
                    [
                        "lease",
                        "contract",
                        "agreement",
                        "colocation",
                        "hosting",
                        // not "deal": "the $96 million deal encompasses 200 acres"
                    ]
                    .iter()
                    .any(|c| w.starts_with(c))
                }),
            span: (whole.start(), whole.end()),
        });
    }
    out
}

/// The sentence around `start..end` (back to the previous ". " or line break, on to the next).
fn sentence_of(text: &str, start: usize, end: usize) -> &str {
    let from = text[..start]
        .rfind(". ")
        .map(|i| i + 2)
        .max(text[..start].rfind('\n').map(|i| i + 1))
        .unwrap_or(0);
    let to = [text[end..].find(". "), text[end..].find('\n')]
        .into_iter()
        .flatten()
        .min()
        .map_or(text.len(), |i| end + i);
    &text[from..to.max(end)]
}

/// The first four words after an amount, without punctuation.
fn post_words_early(post: &str) -> Vec<&str> {
    post.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4)
        .collect()
}

/// Is there an amount before this one in the same sentence?
fn has_prev_in_sentence(out: &[Amount], text: &str, prev_end: usize, start: usize) -> bool {
    !out.is_empty() && !text[prev_end.min(start)..start].contains(". ")
}

/// The clause before an amount: back to the previous amount or the start of its sentence, at most
/// 120 characters, lower-cased with a space in front (so word tests can start with a space).
/// Does `hay` hold `w` as a word or words, not inside a longer one ("até" is not in
/// "estratégico")? (A `w` ending in a space needs no boundary after it.)
fn contains_word(hay: &str, w: &str) -> bool {
    hay.match_indices(w).any(|(i, m)| {
        let before_ok = !hay[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after_ok = m.ends_with(' ')
            || !hay[i + m.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        before_ok && after_ok
    })
}

fn wide_clause(text: &str, at: usize, prev_end: usize) -> String {
    let pre = before(text, at, 120);
    let keep = pre.len().min(at - prev_end.min(at));
    let pre = &pre[pre.len() - keep..];
    let start = pre
        .rfind(". ")
        .map(|i| i + 2)
        .max(pre.rfind('\n').map(|i| i + 1))
        .max(pre.rfind(['。', '！', '？']).map(|i| i + 3))
        .unwrap_or(0);
    format!(" {}", &pre[start..])
}

/// Capacity mentions: (MW, basis, where).
/// Every capacity figure of a text in MW (gigawatts counted as a thousand), with where it
/// stands.
fn mw_figures(text: &str) -> impl Iterator<Item = (f64, regex::Match<'_>)> {
    res().mw.captures_iter(text).filter_map(|c| {
        let v = c.get(1).and_then(|m| num(m.as_str()))?;
        let mw = if c[2].to_ascii_lowercase().starts_with('g') {
            v * 1000.0
        } else {
            v
        };
        Some((mw, c.get(0).expect("match")))
    })
}

fn capacities(text: &str) -> Vec<(f64, Option<CapacityBasis>, (usize, usize))> {
    let mut out = Vec::new();
    let mut phases = Vec::new();
    for (mw, whole) in mw_figures(text) {
        let pre = before(text, whole.start(), 12);
        // an amount per a capacity ("$1.5 million per 1 MW"), not Italian "per" (for: "Fluidstack
        // per 245 megawatt")
        let per_amount = pre.trim_end().strip_suffix("per").is_some_and(|head| {
            let word = head.split_whitespace().last().unwrap_or("");
            word.starts_with('$')
                || word.ends_with(|c: char| c.is_ascii_digit())
                || [
                    "million", "billion", "m", "mn", "bn", "b", "k", "thousand", "usd", "dollars",
                ]
                .contains(&word.trim_end_matches('.').to_lowercase().as_str())
        });
        if per_amount || pre.ends_with('/') {
            continue;
        }
        let post = after(text, whole.end(), 40);
        let pre_wide = before(text, whole.start(), 30);
        // the size of the campus or site ("its 750 MW campus", "its 800 MW Helios campus", "a
        // campus of 1 GW") is not the contract's capacity
        // (a campus after "nel", "at", "in" is where the capacity stands, not its size: "un
        // centro dati di 245 megawatt (MW) nel campus River Bend")
        let site_words: Vec<&str> = post
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .take(3)
            .take_while(|w| {
                ![
                    "nel", "nello", "presso", "at", "in", "en", "dans", "au", "im", "am", "no",
                    "na", "em",
                ]
                .contains(w)
            })
            .collect();
        let site = |w: &&str| {
            matches!(
                *w,
                "campus"
                    | "campuses"
                    // Czech and Slovak: "s kampusem … kapacitou 827,5 MW"
                    | "kampus"
                    | "kampusem"
                    | "kampusu"
                    | "site"
                    | "sites"
                    | "park"
                    | "hub"
                    | "portfolio"
                    | "pipeline"
                    | "grid"
                    | "interconnection"
                    | "interconnect"
                    | "utility"
                    | "substation"
                    | "energized"
                    // "245MW operating, 510MW in 2024": the company's fleet in service
                    | "operating"
                    | "operational"
                    | "approved"
                    | "footprint"
                    // "its 104 MW bitcoin mining data center": a mining site's power
                    | "bitcoin"
                    | "mining"
                    | "self-mining"
                    | "hashrate"
            ) || [
                // "750MW급 데이터센터" (a 750 MW-class data center), a campus or site in Korean,
                // Japanese or Chinese
                "급",
                "캠퍼스",
                "부지",
                "キャンパス",
                "拠点",
                "园区",
                "園區",
            ]
            .iter()
            .any(|k| w.starts_with(k))
        };
        let pre_t = pre_wide.trim_end();
        // power to the site, a campus or a company total, an option or a path beyond the
        // contract: not the capacity the contract covers
        let beyond = [
            "up to",
            "expandable to",
            "expand to",
            "expansion to",
            "scale to",
            "scaling to",
            "scale up to",
            "path to",
            "potential to",
            "potential for",
            // "Exclusivity for CB-5, Adding Potential 160 MW": capacity that may come
            "adding potential",
            "a potential",
            "possibility to",
            "option for",
            "option to",
            "right of first",
            "rofr on",
            "rofo on",
            "total of",
            "total to",
            "bringing",
            "brings",
            "increases",
            "hasta",
            "fino a",
            "bis zu",
            "jusqu'à",
            "additional",
            "ulteriori",
            "another",
            "remaining",
            "crossing",
            "surpassing",
            // "最大244メガワット", "최대 244MW": up to (Japanese, Korean)
            "最大",
            "최대",
        ];
        // "총 244MW 가운데 168MW": the whole of which a part is the contract's (but "총 245MW
        // 규모의" is the contract's own total)
        if post.trim_start().starts_with("가운데")
            || post.trim_start().starts_with("중 ")
            || [
                "of contracted",
                "contracted capacity",
                "of total",
                "in total",
                "total",
                "across",
            ]
            .iter()
            .any(|w| post.trim_start().starts_with(w))
        {
            continue;
        }
        // "662 MW of critical IT load available", "remaining", "uncontracted": capacity still
        // to let, not this contract's
        let clause = post.split(['.', ';', ',']).next().unwrap_or("");
        if [
            "available",
            "remaining",
            "uncontracted",
            "unleased",
            "to be leased",
        ]
        .iter()
        .any(|w| clause.contains(w))
        {
            continue;
        }
        let power_words = [
            "of power",
            "of utility",
            "utility power",
            "of grid",
            "grid connection",
            "interconnection",
            "of approved",
            "approved power",
            "of renewable",
            "of generation",
            "power capacity",
        ];
        // "an additional 160 MW" is an expansion's own capacity; "a first right of refusal for an
        // additional 800 MW" (or an option on it) is capacity beyond the contract
        let additional_only = (pre_t.ends_with("an additional") || pre_t.ends_with("additional"))
            && !["refusal", "right of first", "rofr", "rofo", "option"]
                .iter()
                .any(|w| pre_t.contains(w));
        // "bringing total contracted capacity to over 360 MW", "capacity increases to >360 MW",
        // "hikes critical IT load to more than 360 MW": a figure the news raises something to
        // (the verb looked for further back than the total, only after such a "to")
        let to_total = [
            "to",
            "to over",
            "to more than",
            "to about",
            "to approximately",
            "to nearly",
        ]
        .iter()
        .any(|w| {
            pre_t
                .trim_end_matches(['>', '~', '≈'])
                .trim_end()
                .ends_with(&format!(" {w}"))
        }) && (pre_wide.contains("total") || {
            let pre_long = before(text, whole.start(), 60);
            [
                "bringing",
                "brings",
                "increases",
                "increased",
                "raises",
                "raised",
                "hikes",
                "lifts",
                "lifted",
                "boosts",
                "boosted",
                "boosting",
                // "Fluidstack expanded its Lake Mariner contract to 360MW"
                "expanded",
                "expands",
                "expanding",
            ]
            .iter()
            .any(|w| pre_long.contains(w))
        });
        // "the combined contracted capacity of its two campuses now stands at 600 MW": a total
        // the company's agreements come to
        let stands_total = [
            "stands at",
            "now at",
            "totals",
            "now reaches",
            "amounts to",
            "comes to",
            "sits at",
        ]
        .iter()
        // (`before` has lower-cased both already)
        .any(|w| pre_wide.contains(w))
            && {
                let pre_long = before(text, whole.start(), 160);
                ["combined", "total", "aggregate", "cumulative"]
                    .iter()
                    .any(|w| pre_long.contains(w))
            };
        if to_total
            || stands_total
            || site_words.iter().any(site) && !post.trim_start().starts_with("of")
            // "a campus of 1 GW", "el campus de 750 MW", "un emplazamiento de 750 MW", "un sito
            // di 1 GW"
            || [
                "campus of",
                "site of",
                "campus de",
                "campus di",
                "emplazamiento de",
                "sitio de",
                "sito di",
                "site de",
                "complejo de",
                "complexo de",
            ]
            .iter()
            .any(|w| pre_t.ends_with(w))
            // its owner or place between ("le campus d'IREN de 750 mégawatts", "il sito di
            // Childress di 750 MW")
            || [" de", " di"].iter().any(|w| pre_t.ends_with(w)) && {
                let site = |w: &str| {
                    ["campus", "site", "sito", "emplazamiento", "complejo", "complexo"].contains(&w)
                };
                let words: Vec<&str> = pre_t.split_whitespace().rev().skip(1).take(3).collect();
                match words[..] {
                    [owner, place, ..] if owner.starts_with("d'") || owner.starts_with("d’") => {
                        site(place)
                    }
                    [_, "de" | "di", place] => site(place),
                    _ => false,
                }
            }
            || !additional_only && beyond.iter().any(|w| pre_t.ends_with(w))
        {
            continue;
        }
        // power to the site ("800 MW of approved power"): the contract's capacity only when no
        // critical-IT figure is stated, and then as gross
        let power = power_words.iter().any(|w| post.trim_start().starts_with(w));
        // what the figure is of, up to the next figure ("750兆瓦,合約使用約200兆瓦的關鍵IT容量":
        // the critical IT is the second's)
        let post = post
            .find(|c: char| c.is_ascii_digit())
            .map_or(post.as_str(), |i| &post[..i]);
        let basis = if power {
            Some(CapacityBasis::Gross)
        } else if post.contains("critical it")
            || post.contains("it load")
            || post.contains("it capacity")
            || post.starts_with(" of it")
            || pre_wide.contains("critical it")
            // "200 MW de carga crítica de TI", "carga computacional crítica", "carico IT
            // critico", "charge IT critique", "kritische IT-Last"
            || [
                "carga crítica",
                "carga computacional crítica",
                "carga informática crítica",
                "carga de ti crítica",
                "carico it critico",
                "charge it critique",
                "charge informatique critique",
                "charge critique",
                "capacità it",
                "kritische it",
                "關鍵it",
                "关键it",
            ]
            .iter()
            .any(|w| post.contains(w))
        {
            Some(CapacityBasis::CriticalIt)
        } else if post.contains("gross") || pre_wide.contains("gross") {
            Some(CapacityBasis::Gross)
        } else {
            None
        };
        // "Phase one (40 MW) in the first half of 2026, more than 200 MW by year end": a phase's
        // capacity comes after every figure for the whole contract
        let phase = [
            "phase",
            "first ",
            "initial",
            "premier",
            "première",
            "primer",
            "primeir",
            "erste",
        ]
        .iter()
        .any(|w| last_chars(&pre_wide, 20).contains(w));
        if phase {
            phases.push((mw, basis, (whole.start(), whole.end())));
        } else {
            out.push((mw, basis, (whole.start(), whole.end())));
        }
    }
    out.extend(phases);
    out
}

fn terms_years(text: &str) -> Vec<(f64, (usize, usize))> {
    let mut out = Vec::new();
    for c in res().term.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let post = after(text, whole.end(), 25);
        // "two five-year extensions", "5-year renewal options", "a 3-year history"
        let w = post.trim_start();
        let w_lower = w.to_lowercase();
        // "a 3-year high", but not "12-year high-performance computing agreements"
        let extreme = (w.starts_with("high") || w.starts_with("low"))
            && ![
                "high-performance",
                "high performance",
                "high-density",
                "high density",
                "low-latency",
                "low latency",
            ]
            .iter()
            .any(|p| w.starts_with(p));
        // a financing's tenor: "a 6-year Wandelanleihe", "5-year senior notes", "a 3-year loan"
        let tenor = [
            "convertible",
            "senior",
            "notes",
            "note ",
            "bond",
            "loan",
            "term loan",
            "credit",
            "debt",
            "wandelanleihe",
            "anleihe",
            "kredit",
            "obligation",
            "bono",
            "prêt",
            "préstamo",
            "prestito",
            "empréstimo",
        ]
        .iter()
        .any(|f| w.starts_with(f))
            // "the debt facility, secured at 80% loan to cost with a 36-month term": a term or a
            // maturity said of the financing just named
            || ["term", "tenor", "maturity"].iter().any(|t| w.starts_with(t))
                && financing_named_before(text, whole.start());
        // "deux options de prolongation de 5-year", "due estensioni opzionali di 5-year": the
        // option's span, named before it in the Romance languages
        let pre = before(text, whole.start(), 45);
        let optional_span = [
            "prolongation",
            "renouvellement",
            "estension",
            "rinnov",
            "extensión",
            "extensiones",
            "prórroga",
            "prorroga",
            "prorrogaç",
            "renovaci",
            "renovaç",
            "verlängerung",
        ]
        .iter()
        .filter_map(|k| pre.rfind(k))
        .max()
        .is_some_and(|at| !pre[at..].contains(['.', ';']));
        if w.starts_with("extension")
            || optional_span
            || w.starts_with("renewal")
            || w.starts_with("option")
            || tenor
            || extreme
            || w.starts_with("history")
            // "a three year total shareholder return of 2,513%", "a 5-year CAGR": a span a
            // stock's or a business's figure is measured over
            || [
                "total shareholder return",
                "total return",
                "shareholder return",
                "return",
                "tsr",
                "cagr",
                "growth rate",
                "track record",
                "performance",
                "chart",
                "share price",
                "stock price",
            ]
            .iter()
            .any(|f| w_lower.starts_with(f))
            // ("a 38-year-old founder")
            || post.trim_start().trim_start_matches(['-', '\u{2010}', '\u{2011}']).starts_with("old")
            || post.trim_start().starts_with("anniversary")
            // "Three years ago, he broke a rib": a time gone by, not a term
            || post.trim_start().starts_with("ago")
            || post.trim_start().starts_with("earlier")
            // "power now, not five years from now": a time to come, not a term
            || post.trim_start().starts_with("from now")
            // "For much of the past two years, attention …": a span gone by
            || {
                let p = pre.trim_end().to_lowercase();
                ["past", "last", "previous", "prior"]
                    .iter()
                    .any(|w| p.ends_with(&format!(" {w}")) || p == *w)
            }
        {
            continue;
        }
        if let Some(n) = word_number(&c[1]) {
            out.push((n, (whole.start(), whole.end())));
        }
    }
    // "$3.7 billion in contracted revenue over the next decade", "a $3 billion contract with
    // Cipher over a decade": a contract's decade
    for c in res().term_decade.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let n = if c.get(1).is_some() { 20.0 } else { 10.0 };
        // "for a decade and a half": fifteen years
        let n = if text[whole.end()..].starts_with(" and a half") {
            n + 5.0
        } else {
            n
        };
        out.push((n, (whole.start(), whole.end())));
    }
    for c in res().term_months.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let months: f64 = c
            .get(1)
            .or(c.get(2))
            .map_or(0.0, |m| m.as_str().parse().unwrap_or(0.0));
        // (a financing's "36-month term")
        let financing_term = whole.as_str().to_lowercase().ends_with("term")
            && financing_named_before(text, whole.start());
        if months >= 12.0 && months % 12.0 == 0.0 && !financing_term {
            out.push((months / 12.0, (whole.start(), whole.end())));
        }
    }
    out.sort_by_key(|&(_, (start, _))| start);
    out
}

/// Is a financing named just before `at` with no lease or agreement after it ("the debt facility,
/// secured at 80% loan to cost with a 36-month term")? Then a term there is the financing's, not a
/// contract's ("a credit backstop for its lease with a 10-year term" is the lease's).
fn financing_named_before(text: &str, at: usize) -> bool {
    let p = before(text, at, 45).to_lowercase();
    ["loan", "debt", "facility", "notes", "financing", "credit"]
        .iter()
        .filter_map(|f| p.rfind(f))
        .max()
        .is_some_and(|at| {
            !["lease", "agreement", "contract", "deal"]
                .iter()
                .any(|l| p[at..].contains(l))
        })
}

/// A text with amounts and terms written in German, French, Spanish, Portuguese, Italian or
/// Chinese units put in English ones, so that one reading serves all: "9,7 Milliarden US-Dollar"
/// → "$9.7 billion", "9.500 millones de dólares" → "$9500 million", "97億美元" → "$9.7 billion",
/// "15 Jahre" → "15-year" (and Chinese, Japanese, Korean and Russian ones: see
/// `in_english_units_other_scripts`). Any other text unchanged.
pub fn in_english_units(text: &str) -> std::borrow::Cow<'_, str> {
    match in_english_units_other_scripts(text) {
        std::borrow::Cow::Borrowed(t) => in_english_units_latin(t),
        std::borrow::Cow::Owned(t) => in_english_units_latin(&t).into_owned().into(),
    }
}

/// The Latin-script half of `in_english_units` (the wide-script units are rewritten before it).
fn in_english_units_latin(text: &str) -> std::borrow::Cow<'_, str> {
    static RE: OnceLock<[Regex; 5]> = OnceLock::new();
    let [money, years, grouped_mw, span_words, decimal_mw] = RE.get_or_init(|| {
        [
            Regex::new(r"(?i)(?:(US\$|U\$S|\$|USD)\s?|\s?\b)(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?:\s|-)?(Milliarden|Mrd\.?|milliards?|mil millones|miliardi|miliard(?:y|ů|ach|ów|e)?|miliárd[ay]?|mld\.?|miliar|milioane|bilh(?:õ|o)es|mil milh(?:õ|o)es|bilyong?|milyard|milyar|milyon|Millionen|Mio\.?|millions|millones|milioni|milh(?:õ|o)es|milyong?|juta|billion|million)((?:\s|-)*(?:(?:de |di )?(?:US-?)?(?:Dollars?|dollars?|d[óo]lares|dollari|dolar(?:ů|y|ów|u|i|lık)?|dolárov|USD)\b|\$))?")
                .expect("static regex"),
            Regex::new(r"(?i)(?-u:\b)(\d{1,2}|zwei|deux|dos|dois|due|drei|trois|tres|três|tre|vier|quatre|cuatro|quatro|quattro|sieben|sept|siete|sete|sette|cinq|cinco|cinque|fünf|dix|diez|dez|dieci|zehn|douze|doce|dodici|zwölf|quinze|quince|quindici|fünfzehn|vingt|veinte|vinte|venti|zwanzig|doi|două|trei|patru|cinci|șapte|zece|cincisprezece|douăzeci)[- ]?(?:Jahres(?:vertrag|vertrags|mietvertrag|laufzeit|vereinbarung|abkommen|pakt|deal)|Jahre[ns]?|jährige[nmrs]?|jährig|ans|años|anos|anni|tahun|taong?|let|lat|lata|rokov|roků|roky|jaar|år|ani)(?-u:\b)")
                .expect("static regex"),
            // "2.910 Megawatt", "1.200 megavatios": thousands grouped by dots
            Regex::new(r"(?i)\b(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?\s?-?(?:Megawatt|MW|m[ée]gawatts?|megavatios?|megawatts?)\b")
                .expect("static regex"),
            // "un accordo decennale", "un contrat décennal": ten years (five: quinquennal)
            Regex::new(r"(?i)\b(d[ée]cenn?al|decennal|quinquenn?al)(?:e|es|i)?\b")
                .expect("static regex"),
            // "72,5 MW": a decimal comma (thousands have three digits after theirs)
            Regex::new(r"(?i)(^|[^\d.,])(\d{1,4}),(\d{1,2})\s?-?(?:Megawatt|MW|m[ée]gawatts?|megavatios?|megawatts?)\b")
                .expect("static regex"),
        ]
    });
    // most texts are English: a byte search for the foreign words first
    static WORDS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "milliard",
                "mrd",
                "dollar",
                "dolar",
                "megawatt",
                "megavatio",
                "mégawatt",
                "millon",
                "millionen",
                "mio",
                "millions",
                "milion",
                "milioane",
                "miliar",
                "milyar",
                "milyon",
                "miliár",
                "mld",
                "juta",
                "bilyon",
                "milyon",
                "milh",
                "bilh",
                "jahr",
                "jähr",
                " let",
                " lat",
                " rok",
                "jaar",
                " år",
                "ans",
                "años",
                "anos",
                "anni",
                " ani",
                "tahun",
                "taon",
                "cennal",
                "cenal",
                "quennal",
                "quenal",
            ])
            .expect("static words")
    });
    let decimal = text.contains(',') && decimal_mw.is_match(text);
    if !decimal && !words.is_match(text)
        || !decimal
            && !money.is_match(text)
            && !years.is_match(text)
            && !grouped_mw.is_match(text)
            && !span_words.is_match(text)
    {
        return text.into();
    }
    let text = decimal_mw.replace_all(text, |c: &regex::Captures<'_>| {
        format!("{}{}.{} MW", &c[1], &c[2], &c[3])
    });
    let text = grouped_mw.replace_all(&text, |c: &regex::Captures<'_>| {
        let int = c[1].replace('.', "");
        match c.get(2) {
            Some(frac) => format!("{int}.{} MW", frac.as_str()),
            None => format!("{int} MW"),
        }
    });
    let text = money.replace_all(&text, |c: &regex::Captures<'_>| {
        let currency = c.get(1).is_some() || c.get(4).is_some();
        // "a 3 billion dollar agreement": English units only with the dollar after them ("$3
        // billion" is read as it is)
        let english = matches!(c[3].to_lowercase().as_str(), "billion" | "million");
        if english && (c.get(1).is_some() || c.get(4).is_none()) {
            return c[0].to_string();
        }
        // "9.500" and "1.800,5" group thousands with dots; "9,7" and "9.7" are decimals
        let grouped = {
            let int = c[2].split(',').next().unwrap_or("");
            int.contains('.') && int.split('.').skip(1).all(|g| g.len() == 3)
        };
        // "9,700 millones" groups them with commas, as Latin American and English texts do (a
        // decimal is not written with three digits after its comma)
        let comma_grouped = {
            let mut parts = c[2].split(',');
            let head = parts.next().unwrap_or("");
            !c[2].contains('.')
                && c[2].contains(',')
                && head.len() <= 3
                && parts.all(|g| g.len() == 3)
        };
        let unit = c[3].to_lowercase();
        let billions = [
            "milliard",
            "mrd",
            "mil millones",
            "miliardi",
            // (Indonesian, Malay; Czech, Slovak, Polish: "miliard", "miliárd", "mld")
            "miliar",
            "miliár",
            "mld",
            // (Filipino; Turkish, Azerbaijani)
            "bilyon",
            "milyar",
            "bilh",
            "mil milh",
            "billion",
        ]
        .iter()
        .any(|u| unit.starts_with(u));
        // "3,700 milliards" is a decimal comma: a thousand billions is no contract's figure
        let n: Option<f64> = if grouped {
            c[2].replace('.', "").replace(',', ".").parse().ok()
        } else if comma_grouped && !billions {
            c[2].replace(',', "").parse().ok()
        } else {
            c[2].replace(',', ".").parse().ok()
        };
        match (currency, n) {
            (true, Some(n)) => {
                // "7.000 millones" is $7 billion (the English reading wants a short number)
                if !billions && n >= 1000.0 {
                    format!(" ${} billion", n / 1000.0)
                } else {
                    format!(" ${n} {}", if billions { "billion" } else { "million" })
                }
            }
            _ => c[0].to_string(),
        }
    });
    let text = years.replace_all(&text, |c: &regex::Captures<'_>| {
        let n = match c[1].to_lowercase().as_str() {
            "zwei" | "deux" | "dos" | "dois" | "due" | "doi" | "două" => "2",
            "drei" | "trois" | "tres" | "três" | "tre" | "trei" => "3",
            "vier" | "quatre" | "cuatro" | "quatro" | "quattro" | "patru" => "4",
            "cinq" | "cinco" | "cinque" | "fünf" | "cinci" => "5",
            "sieben" | "sept" | "siete" | "sete" | "sette" | "șapte" => "7",
            "dix" | "diez" | "dez" | "dieci" | "zehn" | "zece" => "10",
            "douze" | "doce" | "dodici" | "zwölf" => "12",
            "quinze" | "quince" | "quindici" | "fünfzehn" | "cincisprezece" => "15",
            "vingt" | "veinte" | "vinte" | "venti" | "zwanzig" | "douăzeci" => "20",
            _ => return format!("{}-year", &c[1]),
        };
        format!("{n}-year")
    });
    let text = span_words.replace_all(&text, |c: &regex::Captures<'_>| {
        if c[1].to_lowercase().starts_with("quin") {
            "5-year"
        } else {
            "10-year"
        }
    });
    text.into_owned().into()
}

/// The amounts, capacities and terms of Chinese, Japanese, Korean and Russian text in English
/// units: "70億ドル", "70억 달러", "97亿美元" → "$7 billion"; "$7 млрд" → "$7 billion"; "245 МВт",
/// "200兆瓦" → "245 MW"; "15년", "十五年", "15-летнюю" → "15-year". A number glued to a digit
/// before it ("2025年") is a date, not a term. Any other text unchanged.
fn in_english_units_other_scripts(text: &str) -> std::borrow::Cow<'_, str> {
    static WORDS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        aho_corasick::AhoCorasick::new([
            "億",
            "亿",
            "억",
            "млрд",
            "млн",
            "миллиард",
            "миллион",
            "МВт",
            "ГВт",
            "мегаватт",
            "гигаватт",
            "瓦",
            "瓩",
            "ワット",
            "와트",
            "年",
            "년",
            "лет",
            "ล้าน",
            "बिलियन",
            "मिलियन",
            "เมกะวัตต์",
            "กิกะวัตต์",
            "मेगावाट",
            "गीगावाट",
            "ปี",
            "साल",
            "वर्ष",
            "مليار",
            "مليون",
            "ميغاواط",
            "ميجاواط",
            "عام",
            "سنوات",
            "سنة",
            "أعوام",
        ])
        .expect("static words")
    });
    static RE: OnceLock<[Regex; 6]> = OnceLock::new();
    let [yi, rub, power, years, thai_hindi, arabic_years] = RE.get_or_init(|| {
        [
            Regex::new(r"(\d+(?:\.\d+)?)\s?(?:億|亿|억)\s?(?:美元|美金|米ドル|ドル|달러|\$)")
                .expect("static regex"),
            Regex::new(r"(?i)(US\$|\$)?\s?(\d+(?:[.,]\d+)?)\s?(млрд|млн|миллиард\w*|миллион\w*)\.?(\s?(?:долл\w*|\$))?")
                .expect("static regex"),
            Regex::new(
                r"(\d+(?:[.,]\d+)?)\s?(兆瓦|千瓩|メガワット|메가와트|МВт|мегаватт\w*|гигаватт\w*|เมกะวัตต์|मेगावाट|ميغاواط|ميجاواط|吉瓦|ギガワット|기가와트|ГВт|กิกะวัตต์|गीगावाट)",
            )
            .expect("static regex"),
            Regex::new(
                // (not glued to a Latin letter: "FY26年" is a fiscal year)
                r"(^|[^\d.,A-Za-z])(\d{1,2}|五|十|十二|十五|二十)\s?(?:年期|年間|年|년|-?летн\w*|лет|ปี|साल|वर्ष)",
            )
            .expect("static regex"),
            // Thai, Hindi and Arabic amounts: "3 พันล้านดอลลาร์", "$3.7 बिलियन", "7 مليارات دولار"
            Regex::new(r"(US\$|\$)?\s?(\d+(?:[.,]\d+)?)\s?(พันล้าน|ล้าน|बिलियन|मिलियन|مليارات|مليار|ملايين|مليون)\s?(ดอลลาร์|डॉलर|دولار)?")
                .expect("static regex"),
            // "لمدة 15 عاماً" (for 15 years), "10 سنوات", "لعشر سنوات" (for ten years)
            Regex::new(r"(^|[^\d.,])(\d{1,2}|خمسة عشر|خمس عشرة|عشرة|عشر|خمسة|خمس)\s?(?:عاماً|عاما|عامًا|سنوات|سنة|أعوام)")
                .expect("static regex"),
        ]
    });
    if !words.is_match(text) {
        return text.into();
    }
    let mut out: std::borrow::Cow<'_, str> = text.into();
    if yi.is_match(&out) {
        out = yi
            .replace_all(&out, |c: &regex::Captures<'_>| {
                let n: f64 = c[1].parse().unwrap_or(0.0);
                format!(" ${} billion ", n / 10.0)
            })
            .into_owned()
            .into();
    }
    if rub.is_match(&out) {
        out = rub
            .replace_all(&out, |c: &regex::Captures<'_>| {
                let n: Option<f64> = c[2].replace(',', ".").parse().ok();
                match (c.get(1).is_some() || c.get(4).is_some(), n) {
                    (true, Some(n)) => {
                        let unit = c[3].to_lowercase();
                        let unit = if unit == "млрд" || unit.starts_with("миллиард") {
                            "billion"
                        } else {
                            "million"
                        };
                        format!(" ${n} {unit} ")
                    }
                    _ => c[0].to_string(),
                }
            })
            .into_owned()
            .into();
    }
    if thai_hindi.is_match(&out) {
        out = thai_hindi
            .replace_all(&out, |c: &regex::Captures<'_>| {
                let n: Option<f64> = c[2].replace(',', ".").parse().ok();
                match (c.get(1).is_some() || c.get(4).is_some(), n) {
                    (true, Some(n)) => {
                        let unit = match &c[3] {
                            "พันล้าน" | "बिलियन" | "مليارات" | "مليار" => {
                                "billion"
                            }
                            _ => "million",
                        };
                        format!(" ${n} {unit} ")
                    }
                    _ => c[0].to_string(),
                }
            })
            .into_owned()
            .into();
    }
    if power.is_match(&out) {
        out = power
            .replace_all(&out, |c: &regex::Captures<'_>| {
                let unit = match &c[2] {
                    "吉瓦" | "ギガワット" | "기가와트" | "ГВт" | "กิกะวัตต์" | "गीगावाट" => {
                        "GW"
                    }
                    u if u.starts_with("гигаватт") => "GW",
                    _ => "MW",
                };
                format!(" {} {unit} ", c[1].replace(',', "."))
            })
            .into_owned()
            .into();
    }
    if arabic_years.is_match(&out) {
        out = arabic_years
            .replace_all(&out, |c: &regex::Captures<'_>| {
                let n = match &c[2] {
                    "خمسة عشر" | "خمس عشرة" => "15",
                    "عشرة" | "عشر" => "10",
                    "خمسة" | "خمس" => "5",
                    d => d,
                };
                format!("{} {n}-year ", &c[1])
            })
            .into_owned()
            .into();
    }
    if years.is_match(&out) {
        out = years
            .replace_all(&out, |c: &regex::Captures<'_>| {
                // "几十年", "數十年": several decades, no term
                if matches!(&c[1], "几" | "幾" | "数" | "數") {
                    return c[0].to_string();
                }
                let n = match &c[2] {
                    "五" => "5",
                    "十" => "10",
                    "十二" => "12",
                    "十五" => "15",
                    "二十" => "20",
                    d => d,
                };
                format!("{} {n}-year ", &c[1])
            })
            .into_owned()
            .into();
    }
    out
}

/// The sentence of `text` around `span`: from the last full stop or line break before it to the
/// next after it.
fn sentence_around(text: &str, span: (usize, usize)) -> &str {
    let head = &text[..span.0];
    // a summary's point ends at its citations ("… over 15 years [5][7] - The net loss …") or at
    // the next bullet, where a page runs its points together on one line
    let start = head
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            c == '\n'
                || c == '•'
                || matches!(c, '。' | '！' | '？')
                || matches!(c, '.' | '!' | '?') && head[i + 1..].starts_with(char::is_whitespace)
                || c == ']'
                    && head[..i].ends_with(|d: char| d.is_ascii_digit())
                    && head[i + 1..].starts_with(char::is_whitespace)
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    // a full stop between digits ("$75.6") does not end the sentence
    let rest = &text[span.1..];
    let end = rest
        .char_indices()
        .find(|&(i, c)| {
            c == '\n'
                || c == '•'
                || matches!(c, '。' | '！' | '？')
                || matches!(c, '.' | '!' | '?')
                    && !rest[i + 1..].starts_with(|d: char| d.is_ascii_digit())
                || c == '[' && rest[i + 1..].starts_with(|d: char| d.is_ascii_digit())
        })
        .map_or(text.len(), |(i, _)| span.1 + i);
    &text[start..end]
}

/// Does a sentence speak of an agreement or its worth? In scripts without spaces between words
/// ("将近97億美元的合約", "契約金額は30億ドル") the agreement's word stands anywhere.
fn about_agreement(s: &str) -> bool {
    static WIDE: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let wide = WIDE.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "合約",
                "合约",
                // a deal (交易), not trading ("盘前交易中上涨": rose in pre-market trading)
                "这笔交易",
                "這筆交易",
                "此交易",
                "该交易",
                "該交易",
                "交易金额",
                "交易金額",
                "交易额",
                "交易額",
                "合同",
                "協議",
                "协议",
                "租約",
                "租约",
                "租赁",
                "租賃",
                "契約",
                "リース",
                "계약",
                // (a lease, 리스, is read by its contract, 계약: "리스크" is a risk)
                "임대",
                "соглашени",
                "контракт",
                "договор",
                "аренд",
                "сделк",
                "عقد",
                "اتفاق",
                "صفقة",
                "สัญญา",
                "समझौत",
                "अनुबंध",
                // Czech, Slovak, Polish: a contract, an agreement ("smluvních příjmů", "Dohoda
                // zajišťuje", "zmluvy", "umowy")
                "smlouv",
                "smluv",
                "dohod",
                "zmluv",
                "umow",
                "umów",
            ])
            .expect("static words")
    });
    if !s.is_ascii() && wide.is_match(s) {
        return true;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:leases?|leased|contracts?|contracted|agreements?|deals?|pacts?|Pakt|pacte|pacto|patto|colocation|hosting|worth|valued?|revenue|TCV|tenant|customer|commitment|backlog|MSA|extensions?|renewals?|options?|terms?|(?:\d+|five|ten|twelve|fifteen|twenty)[- ]years?|MW|megawatts?|bail|baux|contrats?|accords?|acuerdos?|arrendamientos?|contratos?|acordos?|arrendamentos?|contratt[oi]|accord[oi]|locazion[ei]|Vertr(?:a|ä)ge?\w*|Mietvertrag|Vereinbarung(?:en)?|Wert|valeur|valor|valore|ingresos|receita|Umsatz|revenus)\b")
            .expect("static regex")
    })
    .is_match(s)
}

/// Does a sentence report a period's results ("Revenue reached $64.2 million", "beating
/// expectations", "for the quarter", "over the last twelve months") with no agreement named in
/// it?
fn period_figure(s: &str) -> bool {
    static RE: OnceLock<[Regex; 2]> = OnceLock::new();
    let [period, agreement] = RE.get_or_init(|| {
        [
            Regex::new(r"(?i)(?-u:\b)(?:(?:revenues?|sales|net (?:income|loss)|EBITDA|earnings) (?:reached|rose|grew|fell|declined|came in|came to|totaled|totalled|climbed|jumped|increased|decreased)|(?:beating|missing|topping|above|below|versus|vs\.?) (?:(?:Wall Street's|Wall Street’s|analysts'|analysts’|the) )?(?:expectations|estimates|consensus|forecasts?)|for the (?:quarter|three months|six months|nine months|fiscal (?:year|quarter))|(?:revenues?|sales) for (?:the )?(?:Q[1-4]|(?:first|second|third|fourth) (?:fiscal )?quarter)(?: (?:of )?(?:fiscal )?(?:20)?\d\d)? (?:reached|rose|grew|climbed|jumped|increased|totaled|totalled|came in)|(?:revenues?|sales) (?:soaring|surging|rising|climbing|jumping) to|year[- ]over[- ]year|quarter[- ]over[- ]quarter|QoQ|YoY|sequentially|(?:over|in|for|during) the (?:last|past|trailing|prior) (?:twelve|12) months|(?:in|during) the (?:first|second|third|fourth) (?:fiscal )?quarter|(?-u:\b)a year (?:ago|earlier)|trailing[- ]twelve[- ]months?|EBITDA|net (?:income|loss) attributable|(?:posted|reported|recorded) a net (?:income|loss))(?-u:\b)|^\W*(?:total |net )?revenues?:")
                .expect("static regex"),
            Regex::new(r"(?i)(?-u:\b)(?:leases?|contracts?|contracted|agreements?|deals?)(?-u:\b)")
                .expect("static regex"),
        ]
    });
    period.is_match(s) && !agreement.is_match(s)
}

/// Extract the terms of a deal. `focus` (the evidence sentence) is searched first; the rest of the
/// document fills what it does not say.
pub fn extract(focus: &str, doc: &str) -> Terms {
    extract_with(focus, doc, Counts::default())
}

/// Which amounts a deal of some type counts as its value: a financing deal's value is the
/// financing, an acquisition's the purchase price; an expansion's capacity is the capacity it
/// adds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub financing: bool,
    pub purchase: bool,
    pub expansion: bool,
}

/// Capacity an expansion adds: "exercising an option for another 160 MW", "an additional 160
/// megawatts", "a further 150 MW" (never past `MAX_CONTRACT_MW`).
fn added_capacities(text: &str) -> Vec<(f64, (usize, usize))> {
    let mut out = Vec::new();
    for (mw, whole) in mw_figures(text) {
        let pre = before(text, whole.start(), 30);
        let pre = pre.trim_end();
        // (capacity that may be added is not added: "provisions to expand by an additional 135
        // MW", "a right of first refusal on an additional 800 MW", "the potential to expand by
        // another 200 MW")
        let wide = before(text, whole.start(), 70);
        let may = [
            "potential",
            "right of",
            "refusal",
            "rofr",
            "rofo",
            "provision",
            "option to",
            "could",
            "may ",
            "would",
            "up to",
        ]
        .iter()
        .any(|w| wide.contains(w));
        if mw <= MAX_CONTRACT_MW
            && !may
            && [
                "another",
                "additional",
                "a further",
                "option for",
                "options for",
            ]
            .iter()
            .any(|w| pre.ends_with(w))
        {
            out.push((mw, (whole.start(), whole.end())));
        }
    }
    out
}

/// As `extract`, counting the amounts `counts` allows.
pub fn extract_with(focus: &str, doc: &str, counts: Counts) -> Terms {
    extract_phrased(focus, doc, counts).0
}

/// The smallest contract value read as one: anything less is a price or a fee.
pub const MIN_CONTRACT_USD: f64 = 1e6;
/// The largest contract value read as one: past it, a market's or a sector's spending ("US tech
/// giants are expected to spend over $700 billion on AI this year"); the largest hosting and AI
/// cloud contracts of the field run to tens of billions.
pub const MAX_CONTRACT_USD: f64 = 100e9;
/// The largest capacity read as one contract's: past it, a framework, a campus or a company total.
pub const MAX_CONTRACT_MW: f64 = 1200.0;
/// The longest term read as a hosting contract's: past it, a ground lease or a site's life
/// ("an 80-year ground lease at the Cayuga site"); the longest real ones run 25 years.
pub const MAX_CONTRACT_YEARS: f64 = 30.0;
/// How a value out of `RATE_BAND` is said among the rejected readings (the deal's confidence
/// and clustering look for it).
pub const OUT_OF_BAND: &str = "out of band";

/// The band of USD per MW-year a contract's value, capacity and term imply (outside it the
/// reading is kept, flagged and the deal's confidence lowered).
pub const RATE_BAND: (f64, f64) = (0.3e6, 20e6);

/// As `extract_phrased`, with the readings rejected as implausible and why: a contract value
/// under $1 million, a capacity past 1,200 MW, a term past 30 years; a value whose USD per
/// MW-year falls outside `RATE_BAND` is kept and said to be out of band.
pub fn extract_checked(
    focus: &str,
    doc: &str,
    counts: Counts,
) -> (Terms, TermPhrases, Vec<String>) {
    let mut rejected = Vec::new();
    let (t, ph) = extract_inner(focus, doc, counts, &mut rejected);
    if let (Some(v), Some(mw), Some(y)) = (t.value_usd, t.capacity_mw, t.term_years)
        && mw > 0.0
        && y > 0.0
    {
        let rate = v / (mw * y);
        if rate < RATE_BAND.0 || rate > RATE_BAND.1 {
            rejected.push(format!(
                "{OUT_OF_BAND}: ${:.2} million per MW-year from {} over {mw} MW and {y} years",
                rate / 1e6,
                crate::report::text::usd(Some(v))
            ));
        }
    }
    (t, ph, rejected)
}

/// As `extract_with`, with the phrase each term was read from.
pub fn extract_phrased(focus: &str, doc: &str, counts: Counts) -> (Terms, TermPhrases) {
    extract_inner(focus, doc, counts, &mut Vec::new())
}

/// Is `x` the figure `v` (within 1% of it), as one text gives an amount twice?
fn same_figure(v: f64, x: f64) -> bool {
    (v - x).abs() <= 0.01 * v
}

fn extract_inner(
    focus: &str,
    doc: &str,
    counts: Counts,
    rejected: &mut Vec<String>,
) -> (Terms, TermPhrases) {
    let (focus, doc) = (&*in_english_units(focus), &*in_english_units(doc));
    let financing = counts.financing;
    let mut t = Terms::default();
    let mut ph = TermPhrases::default();
    // an amount the text calls a financing or a purchase price anywhere ("a $1.4 billion project
    // financing" and then "Galaxy's $1.4B Helios expansion") is that wherever it stands
    let doc_amounts = amounts(doc);
    let known_not_contract: Vec<f64> = doc_amounts
        .iter()
        .filter(|a| a.strong_financing && !counts.financing || a.purchase && !counts.purchase)
        .map(|a| a.usd)
        .collect();
    // an amount the text calls the value with options anywhere ("optional extensions
    // potentially raising total value to $8.7 billion") is that too where a headline calls it
    // the revenue the deal will deliver
    // (only where, outside the deciding sentence, the text never gives that figure as a plain
    // value and gives a smaller one as the base)
    // (the deciding sentence may stand twice: a headline repeated as the text's first line)
    let focus_at: Vec<(usize, usize)> = if focus.is_empty() {
        Vec::new()
    } else {
        doc.match_indices(focus)
            .map(|(i, _)| (i, i + focus.len()))
            .collect()
    };
    let outside = |a: &Amount| {
        focus_at
            .iter()
            .all(|&(s, e)| a.span.1 <= s || a.span.0 >= e)
    };
    let plain = |a: &Amount| {
        outside(a) && !(a.with_options || a.other || a.financing || a.annual || a.rate || a.running)
    };
    let known_with_options: Vec<f64> = doc_amounts
        .iter()
        .filter(|a| a.with_options && outside(a))
        .map(|a| a.usd)
        .filter(|&v| {
            !doc_amounts
                .iter()
                .any(|b| plain(b) && same_figure(v, b.usd))
                && doc_amounts
                    .iter()
                    .any(|b| plain(b) && b.usd >= MIN_CONTRACT_USD && b.usd < v)
        })
        .collect();
    // an expansion's capacity is what it adds, wherever the text also recalls the first
    // agreement's ("Fluidstack exercising an option for another 160 MW" beside "over 200
    // megawatts")
    if counts.expansion
        && let Some((text, (mw, span))) = [focus, doc]
            .into_iter()
            .find_map(|text| added_capacities(text).first().map(|&c| (text, c)))
    {
        t.capacity_mw = Some(mw);
        ph.capacity_mw = Some(phrase_around(text, span.0, span.1));
    }
    for text in [focus, doc] {
        let at = |span: (usize, usize)| Some(phrase_around(text, span.0, span.1));
        let mut amts = if std::ptr::eq(text, doc) {
            doc_amounts.clone()
        } else {
            amounts(text)
        };
        let in_doc = std::ptr::eq(text, doc) && !std::ptr::eq(focus, doc);
        for a in &mut amts {
            // elsewhere in the document, only an amount in a sentence about an agreement's worth
            // ("working capital at $170 million", "$75.6 million held in restricted cash" are not)
            if in_doc && !about_agreement(sentence_around(text, a.span)) {
                a.other = true;
            }
            // nor a quarter's figure ("Revenue reached $64.2 million, beating expectations of $50
            // million"), unless the sentence names an agreement
            if in_doc && period_figure(sentence_around(text, a.span)) {
                a.other = true;
            }
            // the same figure a financing elsewhere, unless here it is called a contract's
            if !a.contract && known_not_contract.iter().any(|&v| same_figure(v, a.usd)) {
                a.other = true;
            }
            if !a.with_options && known_with_options.iter().any(|&v| same_figure(v, a.usd)) {
                a.with_options = true;
            }
        }
        if t.rate_usd_per_mw_year.is_none()
            && let Some(a) = amts.iter().find(|a| a.rate)
        {
            t.rate_usd_per_mw_year = Some(a.usd);
            ph.rate_usd_per_mw_year = at(a.span);
        }
        for a in amts
            .iter()
            .filter(|a| !a.rate && a.usd < MIN_CONTRACT_USD && !a.other)
        {
            let r = format!("${} is under $1 million: not a contract value", a.usd);
            if !rejected.contains(&r) {
                rejected.push(r);
            }
        }
        for a in amts
            .iter()
            .filter(|a| !a.rate && a.usd > MAX_CONTRACT_USD && !a.other)
        {
            let r = format!(
                "{} is past $100 billion: a market's or a sector's figure",
                crate::report::text::usd(Some(a.usd))
            );
            if !rejected.contains(&r) {
                rejected.push(r);
            }
        }
        let totals: Vec<&Amount> = amts
            .iter()
            .filter(|a| {
                a.usd >= MIN_CONTRACT_USD
                    && a.usd <= MAX_CONTRACT_USD
                    && !a.rate
                    && !a.annual
                    && !a.running
                    && !a.other
                    && (financing || !a.financing)
                    && (counts.purchase || !a.purchase)
            })
            .collect();
        if t.value_usd.is_none()
            && let Some(a) = totals.iter().find(|a| !a.with_options)
        {
            t.value_usd = Some(a.usd);
            ph.value_usd = at(a.span);
        }
        // a ceiling is the value when no figure before it is ("valued at up to $9.7 billion"; a
        // larger one after it with options is the value with options)
        if t.value_usd.is_none()
            && let Some(a) = totals.first()
            && a.ceiling
        {
            t.value_usd = Some(a.usd);
            ph.value_usd = at(a.span);
        }
        if t.value_with_options_usd.is_none()
            && let Some(a) = totals
                .iter()
                .find(|a| a.with_options && t.value_usd.is_none_or(|v| a.usd > v))
        {
            t.value_with_options_usd = Some(a.usd);
            ph.value_with_options_usd = at(a.span);
        }
        if t.capacity_mw.is_none() {
            let mut caps = capacities(text);
            for c in caps.iter().filter(|c| c.0 > MAX_CONTRACT_MW) {
                let r = format!(
                    "{} MW is past {MAX_CONTRACT_MW} MW: a framework, a campus or a company total",
                    c.0
                );
                if !rejected.contains(&r) {
                    rejected.push(r);
                }
            }
            caps.retain(|c| c.0 <= MAX_CONTRACT_MW);
            if let Some((mw, basis, span)) = caps
                .iter()
                .find(|c| c.1 == Some(CapacityBasis::CriticalIt))
                .or(caps.iter().find(|c| c.1.is_none()))
                .or(caps.first())
            {
                t.capacity_mw = Some(*mw);
                t.capacity_basis = *basis;
                ph.capacity_mw = at(*span);
            }
        }
        if t.term_years.is_none() {
            let mut years = terms_years(text);
            for (n, _) in years.iter().filter(|y| y.0 > MAX_CONTRACT_YEARS) {
                let r = format!(
                    "{n} years is past {MAX_CONTRACT_YEARS} years: a ground lease or a site's life"
                );
                if !rejected.contains(&r) {
                    rejected.push(r);
                }
            }
            years.retain(|y| y.0 <= MAX_CONTRACT_YEARS);
            if let Some((n, span)) = years.first() {
                t.term_years = Some(*n);
                ph.term_years = at(*span);
            }
        }
    }
    (t, ph)
}

/// The words a term was read from: its sentence, or at most about 160 characters of it around
/// the term, cut at word boundaries.
pub fn phrase_around(text: &str, start: usize, end: usize) -> String {
    let bytes = text.as_bytes();
    let mut s = start;
    while s > 0 {
        let b = bytes[s - 1];
        if b == b'\n' || (s >= 2 && matches!(bytes[s - 2], b'.' | b'!' | b'?' | b';') && b == b' ')
        {
            break;
        }
        s -= 1;
    }
    let mut e = end;
    while e < bytes.len() {
        let b = bytes[e];
        if b == b'\n' {
            break;
        }
        // the sentence's own punctuation belongs to it
        if matches!(b, b'.' | b'!' | b'?' | b';') && bytes.get(e + 1).is_none_or(|n| *n == b' ') {
            e += 1;
            break;
        }
        e += 1;
    }
    // at most 80 characters either side of the term
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let ceil = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let (mut cut_s, mut cut_e) = (false, false);
    if start - s > 80 {
        let from = floor(start - 80);
        s = text[from..start].find(' ').map_or(from, |i| from + i + 1);
        cut_s = true;
    }
    if e - end > 80 {
        let to = ceil(end + 80);
        e = text[end..to].rfind(' ').map_or(to, |i| end + i);
        cut_e = true;
    }
    format!(
        "{}{}{}",
        if cut_s { "…" } else { "" },
        text[s..e].trim(),
        if cut_e { "…" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(s: &str) -> Terms {
        extract(s, "")
    }

    #[test]
    fn amounts_in_other_scripts_and_currency_marks_read_as_dollars() {
        // "70億米ドル" (Japanese US dollars), Russian words for billions, "u$s" (Argentina)
        assert_eq!(
            x("FluidStackとの契約は70億米ドルの価値があり、15年間のリース契約を含んでいます")
                .value_usd,
            Some(7e9)
        );
        assert_eq!(
            x("через соглашение о хостинге на 3 миллиарда долларов с Fluidstack").value_usd,
            Some(3e9)
        );
        assert_eq!(
            x("соглашение об аренде с доходами около $3 миллиардов").value_usd,
            Some(3e9)
        );
        assert_eq!(
            x("firmó un acuerdo de u$s9.700 millones con la compañía IREN").value_usd,
            Some(9.7e9)
        );
        // a comma before three digits and billions is a decimal comma (a thousand billions is
        // no contract's figure); before millions it groups thousands, as before
        assert_eq!(
            x("des revenus initiaux d'environ 3,700 milliards de dollars").value_usd,
            Some(3.7e9)
        );
        assert_eq!(
            x("un contrato de US$ 9,700 millones").value_usd,
            Some(9.7e9)
        );
    }

    #[test]
    fn a_stake_bought_or_an_amount_part_of_an_agreement_is_no_contract_value() {
        let t = x(
            "Google erwirbt einen 8%-Anteil an TeraWulf für 1,8 Milliarden Dollar im Rahmen eines 3,7-Milliarden-Dollar-Deals mit Fluidstack.",
        );
        assert_eq!(t.value_usd, Some(3.7e9));
        assert_eq!(
            x("Google compró una participación del 5% por 1.400 millones de dólares.").value_usd,
            None
        );
        // (the worth of an agreement named just before the amount is its value)
        assert_eq!(
            x("Google ha acquisito una partecipazione del 5,4% in Cipher attraverso un accordo di hosting del valore di 3 miliardi di dollari.").value_usd,
            Some(3e9)
        );
        assert_eq!(
            x("Este movimiento, valorado en 1.400 millones de dólares, forma parte de un acuerdo de hospedaje con Fluidstack.").value_usd,
            None
        );
        assert_eq!(
            x("The backing, worth $1.4 billion, is part of a ten-year hosting deal.").value_usd,
            None
        );
    }

    #[test]
    fn an_expansions_capacity_is_what_it_adds() {
        let expansion = Counts {
            expansion: true,
            ..Counts::default()
        };
        let focus = "TeraWulf will expand its campus to provide over 200 megawatts to Fluidstack.";
        let doc = "Monday's news lifts critical IT load past 360 MW, with Fluidstack exercising an \
                   option for another 160 MW at the campus.";
        assert_eq!(extract_with(focus, doc, expansion).capacity_mw, Some(160.0));
        assert_eq!(
            extract_with(
                "Fluidstack took an additional 160 megawatts.",
                "",
                expansion
            )
            .capacity_mw,
            Some(160.0)
        );
        // (capacity that may be added is none)
        for doc in [
            "The lease includes provisions to expand hosting capacity by an additional 135 MW.",
            "It includes a right of first refusal on an additional 800 MW.",
            "It leases 25 MW to AMD, with the potential to expand by another 200 MW.",
        ] {
            assert_eq!(
                extract_with("Fluidstack signed for 70 MW.", doc, expansion).capacity_mw,
                Some(70.0),
                "{doc}"
            );
        }
        // (any other deal keeps the capacity it states)
        assert_eq!(
            extract_with(focus, doc, Counts::default()).capacity_mw,
            Some(200.0)
        );
    }

    #[test]
    fn the_base_before_extensions_that_bring_a_total_and_a_pact_or_agreement_after_a_stake() {
        // what the text calls the base is the base, whatever options follow it
        let t = x(
            "The partnership includes a base contract worth $7.5 billion, with additional renewal options that could generate an extra $18.2 billion.",
        );
        assert_eq!(t.value_usd, Some(7.5e9));
        // extensions that bring the total to the next amount make this one the base
        let t = x(
            "The agreements represent $3.7 billion in contracted revenue, with potential extensions bringing total revenue to $8.7 billion.",
        );
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(3.7e9), Some(8.7e9))
        );
        // an agreement that guarantees capacity is no backing
        let t = extract(
            "Fluidstack signed.",
            "The $3.7 billion agreement with Fluidstack guarantees critical IT load capacity of over 200 megawatts.",
        );
        assert_eq!(t.value_usd, Some(3.7e9));
        // a stake taken as part of an agreement whose worth follows the amount
        assert_eq!(
            x("Google has acquired a 5.4% stake in Cipher as part of a $3 billion, 10-year data center agreement with Fluidstack.").value_usd,
            Some(3e9)
        );
        // a pact elsewhere in the text is an agreement
        assert_eq!(
            extract(
                "Microsoft signed.",
                "Ein 9,7-Milliarden-Dollar-Pakt mit IREN soll helfen."
            )
            .value_usd,
            Some(9.7e9)
        );
    }

    #[test]
    fn terms_of_years_in_more_words_and_languages() {
        // German plural dative, Czech, Polish, Dutch, Swedish
        for (text, years) in [
            (
                "Der Basisvertrag hat eine Laufzeit von 15 Jahren und drei Optionen.",
                15.0,
            ),
            ("smlouvu o pronájmu datového centra na 15 let", 15.0),
            ("umowa najmu na 10 lat z Fluidstack", 10.0),
            ("een huurovereenkomst van 15 jaar", 15.0),
            ("ett hyresavtal på 10 år", 10.0),
            // Slovak
            ("zmluva o prenájme na 15 rokov", 15.0),
            // a German compound: "Der Fünfjahresvertrag" (the five-year contract)
            (
                "Der Fünfjahresvertrag ermöglicht es Microsoft, Systeme zu nutzen.",
                5.0,
            ),
            // Arabic number words: "for ten years", "fifteen years"
            ("عقدًا أوليًا يمتد لعشر سنوات لاستئجار سعة", 10.0),
            ("عقد إيجار لمدة خمسة عشر عاما", 15.0),
            ("عقد لمدة خمس سنوات", 5.0),
            // "a decade and a half" is fifteen years
            (
                "a $9.8 billion lease, locking in the customer for a decade and a half",
                15.0,
            ),
        ] {
            assert_eq!(x(text).term_years, Some(years), "{text}");
        }
    }

    #[test]
    fn an_amount_elsewhere_in_text_without_spaces_is_read_in_its_own_sentence() {
        let focus = "微軟與IREN簽署的這份五年合約，將提供微軟使用權。";
        // the amount's sentence names the agreement (合約) …
        let doc = "微軟3日與IREN簽署一份將近97億美元的合約，將向這家公司採購運算能力。";
        assert_eq!(extract(focus, doc).value_usd, Some(9.7e9));
        assert_eq!(
            extract(
                "AIクラウドのFluidstackが関与している。",
                "契約金額は30億ドルの複数年契約である。"
            )
            .value_usd,
            Some(3e9)
        );
        // (a risk is no lease: "리스크" holds "리스")
        assert_eq!(
            extract(focus, "주요 리스크는 시가총액 150억 달러의 변동성이다.").value_usd,
            None
        );
        // (trading is no deal: a market value after a pre-market move is none)
        assert_eq!(
            extract(focus, "IREN股價在盤前交易中上漲20%，市值達到150億美元。").value_usd,
            None
        );
        // … which ends at a wide full stop: the next sentence's market value is none
        assert_eq!(
            extract(focus, "IREN簽署了合約。IREN的市值為97億美元。").value_usd,
            None
        );
        assert_eq!(
            extract(focus, "IREN的市值為97億美元。IREN簽署了合約。").value_usd,
            None
        );
        // a deal's revenue (交易) is its value, the total its extension options reach is the
        // value with options
        let t = extract(
            focus,
            "對TeraWulf而言，此交易將帶來37億美元收入，未來還有成長空間。合約還附帶兩個各為期五年的延長選項，若全數執行，合約總收入可達87億美元。",
        );
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(3.7e9), Some(8.7e9))
        );
        // a backer's support (지원) or guarantee (ضمان) is no contract value
        assert_eq!(
            extract(
                focus,
                "이 프로젝트는 구글로부터 13억 달러의 임대 지원을 받았으며, 약 95억 달러의 계약 수익을 창출할 것으로 예상된다.",
            )
            .value_usd,
            Some(9.5e9)
        );
        assert_eq!(
            extract(
                focus,
                "قالت الشركة إن جوجل وافقت على ضمان التزامات بقيمة 1.4 مليار دولار في العقد المبرم مع الشركة.",
            )
            .value_usd,
            None
        );
        assert_eq!(
            extract(
                focus,
                "وقالت الشركة إن جوجل زادت دعمها المالي للعقد بقيمة 1.4 مليار دولار.",
            )
            .value_usd,
            None
        );
        for backing in [
            "谷歌为该合同提供14亿美元支持。",
            "グーグルは契約に14億ドルの支援を行う。",
            "وقدمت جوجل الدعم المالي للعقد بقيمة 1.4 مليار دولار.",
            "وتقدم جوجل دعم مالي للعقد بقيمة 1.4 مليار دولار.",
        ] {
            assert_eq!(extract(focus, backing).value_usd, None, "{backing}");
        }
        // (support for a purpose is no backing: "لدعم" before the amount)
        assert_eq!(
            x("وقعت الشركة عقدا لدعم الذكاء الاصطناعي بقيمة 9.7 مليار دولار").value_usd,
            Some(9.7e9)
        );
    }

    #[test]
    fn money_phrasings() {
        assert_eq!(x("a $9.7 billion contract").value_usd, Some(9.7e9));
        assert_eq!(x("worth US$5.5bn over 15 years").value_usd, Some(5.5e9));
        assert_eq!(x("a $311.0 million contract").value_usd, Some(311.0e6));
        assert_eq!(
            x("approximately $3.7 billion in cumulative revenue over 12-year terms").value_usd,
            Some(3.7e9)
        );
        assert_eq!(x("about $865M of revenue").value_usd, Some(865e6));
        assert_eq!(x("$1,250,000,000 in revenue").value_usd, Some(1.25e9));
    }

    #[test]
    fn year_over_year_does_not_make_a_sentence_about_an_agreement() {
        // elsewhere in the document, a hyperscaler's capex is no figure of the deal
        let t = extract(
            "CoreWeave exercised a lease option for an additional 150 MW.",
            "CoreWeave exercised a lease option for an additional 150 MW.\nAnother group grew its spending year over year and plans to increase that to $30 billion next quarter.",
        );
        assert_eq!(t.value_usd, None);
        let t = extract(
            "CoreWeave signed a lease for 150 MW.",
            "CoreWeave signed a lease for 150 MW.\nThe lease runs 15 years and is worth about $4 billion.",
        );
        assert_eq!(t.value_usd, Some(4e9));
    }

    #[test]
    fn a_financings_tenor_is_no_contract_term() {
        assert_eq!(
            x("TeraWulf also announced a 6-year Wandelanleihe of $400 million").term_years,
            None
        );
        assert_eq!(x("it priced 5-year senior notes").term_years, None);
        assert_eq!(
            x("a 10-year lease with Fluidstack, funded in part by a 6-year convertible note")
                .term_years,
            Some(10.0)
        );
    }

    #[test]
    fn a_guarantee_or_a_financing_in_other_languages_is_no_contract_value() {
        assert_eq!(
            x("Alphabet stellt 1,4 Milliarden Dollar für die Finanzierung des Campus bereit.")
                .value_usd,
            None
        );
        assert_eq!(x("グーグルは14億ドルの債務を保証する。").value_usd, None);
        assert_eq!(x("谷歌提供18億美元後盾。").value_usd, None);
        // the lease commitments a guarantor supports, in English and French
        assert_eq!(
            x("Google will be supporting $1.8 billion of the tenant's lease commitments").value_usd,
            None
        );
        assert_eq!(
            x("Google soutient 1,8 milliard $ d’engagements locatifs du locataire, dont le bail d’hébergement IA vaut 3,7 milliards $ sur 10 ans").value_usd,
            Some(3.7e9)
        );
        assert_eq!(
            x("Google soutiendra avec 1.800 millions USD le bail de Fluidstack chez TeraWulf")
                .value_usd,
            None
        );
        // revenue an agreement guarantees is its value
        assert_eq!(
            x("The agreements guarantee $3.7 billion in revenue over ten years").value_usd,
            Some(3.7e9)
        );
    }

    #[test]
    fn hardware_a_vendor_supplies_or_the_company_buys_is_no_contract_value() {
        let t = x(
            "Under the five-year contract the customer gets GB300 capacity, and Dell is supplying servers and hardware worth $5.8 billion.",
        );
        assert_eq!(t.value_usd, None);
        // 向戴爾採購 $5.8B 的 GPU 伺服器 (buys GPU servers from Dell for $5.8B)
        let t = x("IREN將向戴爾採購58億美元的GPU伺服器。");
        assert_eq!(t.value_usd, None);
        // 向IREN採購算力 (buys compute from IREN): the customer's contract, not a purchase of goods
        let t = x("微軟和IREN簽了97億美元的合約，向IREN採購雲端算力。");
        assert_eq!(t.value_usd, Some(9.7e9));
    }

    #[test]
    fn what_a_site_costs_is_no_contract_value() {
        assert_eq!(
            x("Construction is underway at the $2.5 billion data center Hut 8 is building for an undisclosed client.").value_usd,
            None
        );
        assert_eq!(x("a $10 billion AI campus in Louisiana").value_usd, None);
        // the words after it name the contract
        assert_eq!(
            x("Hut 8 signed a $2.5 billion data center lease with Fluidstack.").value_usd,
            Some(2.5e9)
        );
        assert_eq!(
            x("Hut 8 and Anthropic Ink $7B AI Data Center Partnership").value_usd,
            Some(7e9)
        );
    }

    #[test]
    fn base_and_with_options_values_are_kept_apart() {
        // the initial term's value, and what options could lift the total to
        let t = x(
            "The initial 12-year term is worth about $2.4 billion, and two renewal options could lift total potential revenue to $5.1 billion.",
        );
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(2.4e9), Some(5.1e9))
        );
        let t = x(
            "approximately $3.7 billion of contracted revenue, rising to about $8.7 billion with two five-year extensions",
        );
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(3.7e9), Some(8.7e9))
        );
        let t = x(
            "valued at about $7 billion, and roughly $17.7 billion if all three renewal options are exercised",
        );
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(7e9), Some(17.7e9))
        );
        assert_eq!(
            x("it will deploy more than 200 megawatts at Lake Mariner; it has around 662 megawatts of critical IT load available")
                .capacity_mw,
            Some(200.0)
        );
        let t = x(
            "TeraWulf (WULF) secured two 10-year AI hosting deals with Fluidstack at its Lake Mariner facility, valued at $3.7 billion with potential extensions to $8.7 billion, featuring 85% net operating income margins and annual escalators, while project costs range from $8-$10 million per megawatt.",
        );
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(3.7e9), Some(8.7e9))
        );
        // a ceiling with no option in sight is the contract's value
        let t = x("a five-year agreement with IREN, valued at up to $9.7 billion");
        assert_eq!((t.value_usd, t.value_with_options_usd), (Some(9.7e9), None));
        let t = extract(
            "The deal includes a prepayment.",
            "A five-year agreement with Microsoft worth up to $9.7 billion. With renewals the \
             deal could rise to $12 billion.",
        );
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(9.7e9), Some(12e9))
        );
        let t = x("a lease worth up to $1 billion if AMD exercises its options");
        assert_eq!((t.value_usd, t.value_with_options_usd), (None, Some(1e9)));
        let t = x("Riot inks AI hosting deal with AMD for $1B in total potential revenue");
        assert_eq!((t.value_usd, t.value_with_options_usd), (None, Some(1e9)));
        // "up to" what it could bring in is no ceiling of the base: the text's own figure is
        let t = extract(
            "Riot lands an AMD hosting deal, up to $1B in total potential revenue",
            "Riot lands an AMD hosting deal, up to $1B in total potential revenue\nRiot has signed a 10-year hosting agreement with AMD worth $311 million.",
        );
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(311e6), Some(1e9))
        );
        let t = x("valued at $3.7 billion with potential extensions to $8.7 billion");
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(3.7e9), Some(8.7e9))
        );
        // reaching an agreement is not a value reaching a ceiling
        let t = x("The customer has reached a $9.7 billion agreement with the miner");
        assert_eq!((t.value_usd, t.value_with_options_usd), (Some(9.7e9), None));
        let t = x("the contract could reach $8.7 billion");
        assert_eq!((t.value_usd, t.value_with_options_usd), (None, Some(8.7e9)));
        let t = x("$311 million over the initial term, or about $1.0 billion including extensions");
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(311e6), Some(1e9))
        );
    }

    #[test]
    fn rates_annual_figures_and_financing_amounts_are_not_totals() {
        // goods named after the amount make it a purchase; cloud capacity bought is a contract
        let doc = "Under the five-year contract, Microsoft gets access to GB300 systems in Texas.\nIREN will purchase $5.8 billion worth of GPUs from Dell to serve the deal.";
        assert_eq!(
            super::extract(
                "Under the five-year contract, Microsoft gets access to GB300 systems in Texas.",
                doc
            )
            .value_usd,
            None
        );
        assert_eq!(
            x("Microsoft agreed to buy $9.7 billion of GPU cloud capacity from IREN under the deal").value_usd,
            Some(9.7e9)
        );
        let t = x("rent of about $1.5 million per MW per year with a 3% escalator");
        assert_eq!(t.value_usd, None);
        assert_eq!(t.rate_usd_per_mw_year, Some(1.5e6));
        let t = x("$125 per kW per month");
        assert_eq!(t.rate_usd_per_mw_year, Some(1.5e6));
        assert_eq!(x("adds $1.94 billion of ARR").value_usd, None);
        // a quarter's results in German or Spanish
        assert_eq!(
            x("Im zweiten Quartal erzielte der Konzern 41,2 Milliarden Dollar Umsatz").value_usd,
            None
        );
        assert_eq!(
            x("en el último trimestre facturó 3.400 millones de dólares").value_usd,
            None
        );
        // revenue that rose to a figure is the period's, in German or English
        assert_eq!(
            x("Der Umsatz stieg um gut das Dreifache auf 29 Millionen US-Dollar").value_usd,
            None
        );
        assert_eq!(x("Revenue grew sharply to $71 million").value_usd, None);
        assert_eq!(
            x("The hosting segment contributed $41.6 million in revenue, up 15% compared to the prior year").value_usd,
            None
        );
        assert_eq!(
            x("The lease brings $41.6 million in revenue a year").value_usd,
            Some(41.6e6)
        );
        // the quarter's revenue, said as it came in, and the estimate it beat
        assert_eq!(
            x("Revenue hit $64.2 million, well above the $50 million analysts expected").value_usd,
            None
        );
        assert_eq!(
            x("The company generated revenue of $64.2 million, beating expectations of $50 million").value_usd,
            None
        );
        // the revenue a company reported, named after its amount; a lease reported stays one
        assert_eq!(
            x("In Q3 the company reported $72.0 million of revenue and announced a 15-year lease")
                .value_usd,
            None
        );
        assert_eq!(
            x("It beat on sales (vs. a $79.1m consensus) and signed a 15-year lease").value_usd,
            None
        );
        assert_eq!(
            x("The company reported $5.5 billion in new lease agreements").value_usd,
            Some(5.5e9)
        );
        // a results bullet or sentence that opens with the revenue
        assert_eq!(x("• Revenue of $50.6 million").value_usd, None);
        assert_eq!(
            x("Our first HPC tenant. Revenue was $180 million").value_usd,
            None
        );
        assert_eq!(
            x("Highlights. Total revenue: $50.6 million").value_usd,
            None
        );
        assert_eq!(
            x("The contracted revenue of $3.7 billion covers 15 years").value_usd,
            Some(3.7e9)
        );
        assert_eq!(
            x("The leases are expected to generate revenue of $7 billion over 15 years").value_usd,
            Some(7e9)
        );
        assert_eq!(
            (
                last_chars("jährlich", 4),
                last_chars("ab", 5),
                last_chars("ab", 0)
            ),
            ("lich", "ab", "")
        );
        // a yearly figure in German, Spanish, French
        assert_eq!(
            x("Der Vertrag soll jährlich rund 2,3 Milliarden Dollar Umsatz bringen").value_usd,
            None
        );
        assert_eq!(
            x("un contrato que aportará 800 millones de dólares por año").value_usd,
            None
        );
        assert_eq!(
            x("over $1 billion in average annual revenue").value_usd,
            None
        );
        let t =
            x("Google will backstop $1.8 billion of lease obligations under a $3.7 billion lease");
        assert_eq!(t.value_usd, Some(3.7e9));
        assert_eq!(
            x("priced an offering of $800 million of convertible senior notes").value_usd,
            None
        );
    }

    #[test]
    fn a_capacity_that_brings_a_total_to_a_figure_is_the_total_not_the_contracts() {
        assert_eq!(
            x("Fluidstack adds a 160 MW hall, bringing total contracted capacity to over 360 MW")
                .capacity_mw,
            Some(160.0)
        );
        assert_eq!(
            x("Contracted load in total now increases to >360 MW").capacity_mw,
            None
        );
        // a contract expanded to a figure: the figure is the new total
        assert_eq!(
            x("Fluidstack expanded its Lake Mariner contract to 360MW").capacity_mw,
            None
        );
    }

    #[test]
    fn financial_support_is_a_backing_and_a_hosting_deal_after_a_stake_keeps_its_value() {
        assert_eq!(
            x("pelo contrato, o Google dá à TeraWulf um suporte financeiro de US$ 3,2 bilhões")
                .value_usd,
            None
        );
        assert_eq!(
            x("Google has taken a 5.4% stake in Cipher Mining as part of a $3 billion AI hosting deal with Fluidstack").value_usd,
            Some(3e9)
        );
        // (a purchase agreement is still a purchase)
        assert_eq!(
            x("Cipher agreed to acquire 40,000 GPUs under a $1.2 billion purchase agreement")
                .value_usd,
            None
        );
    }

    #[test]
    fn megawatts_before_a_wide_script_and_indonesian_amounts_and_years() {
        // Slovak and Czech megawatts
        assert_eq!(
            x("nová budova s výkonom 160 megawattov").capacity_mw,
            Some(160.0)
        );
        assert_eq!(
            x("nová budova s výkonem 160 megawattů").capacity_mw,
            Some(160.0)
        );
        assert_eq!(
            x("Fluidstackは、Cipherに対し、重要なIT負荷168MWを提供する契約を締結しました。")
                .capacity_mw,
            Some(168.0)
        );
        let t = x("kesepakatan senilai $5 miliar selama 15 tahun");
        assert_eq!((t.value_usd, t.term_years), (Some(5e9), Some(15.0)));
        // "supporterà con USD 1.800 milioni": a backing
        assert_eq!(
            x("Google supporterà con USD 1.800 milioni il contratto di Fluidstack").value_usd,
            None
        );
    }

    #[test]
    fn a_decade_long_agreement_is_ten_years_and_a_chinese_guarantee_is_no_value() {
        assert_eq!(
            x("Cipher signed a decade-long partnership with Fluidstack for 168 MW").term_years,
            Some(10.0)
        );
        // "为Fluidstack担保14亿美元的租赁义务": a guarantee of lease obligations
        assert_eq!(x("谷歌为Fluidstack担保14亿美元的租赁义务").value_usd, None);
    }

    #[test]
    fn a_total_raised_to_and_a_sites_whole_capacity_are_not_the_contracts_mw() {
        // a running total the news raises, the word "total" further back than before
        assert_eq!(
            x("Fluidstack has exercised its option to expand the campus with a new 160 MW data center. Total contracted capacity increases to >360 MW of critical IT load.").capacity_mw,
            Some(160.0)
        );
        assert_eq!(
            x("Fluidstack takes a new 160 MW hall at Lake Mariner. The announcement hikes critical IT load to more than 360 MW.").capacity_mw,
            Some(160.0)
        );
        // the site's whole capacity before the contract's, in Japanese, Korean and Russian
        assert_eq!(
            x("サイファーは最大244メガワット(MW)の総容量に支えられた168メガワットの計算能力をフルイドスタックに提供する。").capacity_mw,
            Some(168.0)
        );
        assert_eq!(
            x("사이퍼는 바버 레이크 부지에서 총 244MW 가운데 168MW를 플루이드스택에 공급한다.")
                .capacity_mw,
            Some(168.0)
        );
        // the contract's own total
        assert_eq!(
            x("플루이드스택이 총 245메가와트(MW) 규모의 AI 데이터센터 용량을 임차한다.")
                .capacity_mw,
            Some(245.0)
        );
        assert_eq!(
            x("Cipher предоставит Fluidstack 168 мегаватт при максимальной общей мощности 244 МВт.").capacity_mw,
            Some(168.0)
        );
    }

    #[test]
    fn the_past_two_years_are_a_span_gone_by_not_a_term() {
        let t = x(
            "For much of the past two years, attention has gone to chatbots. The 15-year agreement covers 210 MW.",
        );
        assert_eq!(t.term_years, Some(15.0));
        assert_eq!(
            x("Over the last three years the company grew.").term_years,
            None
        );
        // a span ahead is the contract's: "over the next ten years"
        assert_eq!(
            x("Fluidstack will pay $3.7 billion over the next ten years for 200 MW.").term_years,
            Some(10.0)
        );
    }

    #[test]
    fn a_span_a_stocks_return_is_measured_over_is_no_term() {
        assert_eq!(
            x("Shares are up 250% this year, and the three year total shareholder return is 2,500%. The lease with the hyperscaler runs 15 years.").term_years,
            Some(15.0)
        );
        assert_eq!(
            x("Its 5-year CAGR tops 40%, and a 10-year chart shows the climb.").term_years,
            None
        );
        // a contract's average term is its term
        assert_eq!(
            x("Key details: a $9.7bn AI cloud contract, a 5-year average term, 200MW.").term_years,
            Some(5.0)
        );
    }

    #[test]
    fn billions_of_dollars_in_words_are_usd() {
        assert_eq!(
            x("The 3 billion dollar agreement has a ten-year duration.").value_usd,
            Some(3e9)
        );
        assert_eq!(
            x("Fluidstack will pay 1.8 billion dollars over ten years for 200 MW.").value_usd,
            Some(1.8e9)
        );
        // no currency, no value
        assert_eq!(
            x("The 3 billion agreement has a ten-year term.").value_usd,
            None
        );
        // German and Italian words for a financial backing
        assert_eq!(
            x("Google stellt eine finanzielle Rückendeckung in Höhe von 3,2 Milliarden US-Dollar für den Mietvertrag bereit.").value_usd,
            None
        );
        assert_eq!(
            x("Google fornisce un sostegno finanziario di 3,2 miliardi di dollari al contratto.")
                .value_usd,
            None
        );
        // in Indonesian: "dolar", and a guarantee ("menjamin") is no value
        assert_eq!(
            x("kesepakatan pusat data AI senilai 3 miliar dolar AS").value_usd,
            Some(3e9)
        );
        assert_eq!(
            x("Google akan menjamin dana sebesar $1,4 miliar dari kontrak 10 tahun").value_usd,
            None
        );
    }

    #[test]
    fn a_backing_in_other_words_and_languages_is_no_value() {
        for t in [
            "Google's 8% stake in TeraWulf via a $1.8B-backed hosting deal reflects a deeper move",
            "The communications giant will support with USD 1.8 billion an agreement between TeraWulf and Fluidstack",
            "Google unterstützt diesen Deal, indem es 1,8 Milliarden US-Dollar der Leasingverpflichtungen absichert",
            "Google juga mendukung kewajiban sewa Fluidstack senilai 1,4 miliar dolar AS",
            // (the obligations named further back in the clause, then what they are worth)
            "Google juga mendukung kewajiban sewa platform cloud AI Fluidstack senilai 1,4 miliar dolar AS",
            "Google also stands behind the AI cloud's lease obligations at the campus worth $1.4 billion",
            "Ang proyekto ay nakatanggap ng $1.3 billion na suporta sa lease mula sa Google",
        ] {
            assert_eq!(x(t).value_usd, None, "{t}");
        }
    }

    #[test]
    fn an_amount_a_verb_of_backing_takes_is_the_backing_not_the_value() {
        // the backer takes on an amount of the tenant's lease, named by its verb
        assert_eq!(
            x("Google deepens its AI push by backing $1.4 billion in lease commitments linked to Fluidstack's colocation agreement with Cipher Mining").value_usd,
            None
        );
        assert_eq!(
            x("Alphabet is guaranteeing $1.8 billion of Fluidstack's lease at the site").value_usd,
            None
        );
        // (the contract's own amount beside it keeps its value)
        assert_eq!(
            x("Google is backing $1.4 billion of the $3 billion lease Cipher signed with Fluidstack").value_usd,
            Some(3e9)
        );
        // and the backed figure is a backing wherever the text names it: a headline calling it
        // the deal's does not make it the value
        let focus = "Google deepens its AI push by backing $1.4 billion in lease commitments linked to Fluidstack's colocation agreement with Cipher Mining.";
        let doc = format!(
            "Google Gets Cipher Stake Through $1.4B Fluidstack Deal\n{focus}\nCipher signed a 10-year agreement with Fluidstack for 168 MW, worth about $3 billion."
        );
        assert_eq!(super::extract(focus, &doc).value_usd, Some(3e9));
    }

    #[test]
    fn a_headline_figure_the_text_calls_the_value_with_options_is_not_the_base() {
        // a market brief's headline folds the backing and the with-options total into one line
        // (and its text repeats it as its first line)
        let head = "Miner Gains as Google Backs $1.8B Hosting Deal Set to Bring $8.7B in Revenue Over 10 Years";
        let doc = format!(
            "{head}\n{head}\nTeraWulf signed a 10-year hosting agreement with Fluidstack for 200 MW. It brings $3.7 billion of contracted revenue over the initial term, and two optional extensions could lift the total to $8.7 billion."
        );
        let t = super::extract(head, &doc);
        assert_eq!(t.value_usd, Some(3.7e9), "{t:?}");
        assert_eq!(t.value_with_options_usd, Some(8.7e9), "{t:?}");
        // nor where the text also gives the figure as the plain value (a total "to reach" it
        // read as one with options)
        let head = "Applied Digital Inks $7B Lease With CoreWeave";
        let doc = format!(
            "{head}\nThe 15-year lease is set to generate approximately $7 billion in revenue, $2 billion of it from the first building. With its options, revenue over the term could reach $7 billion."
        );
        assert_eq!(super::extract(head, &doc).value_usd, Some(7e9));
        // with no with-options figure in the text, the headline's figure is the value
        let head = "Miner Gains as Google Backs $1.8B Hosting Deal Set to Bring $8.7B in Revenue Over 10 Years";
        let doc = format!("{head}\nTeraWulf signed a 10-year hosting agreement with Fluidstack.");
        assert_eq!(super::extract(head, &doc).value_usd, Some(8.7e9));
    }

    #[test]
    fn a_backing_or_an_underwriting_is_no_value_and_a_decade_is_ten_years() {
        // "$1.8 billion in financial backing for …" is the backer's
        assert_eq!(
            x("Alphabet is putting up $1.8 billion in financial backing for the tenant's lease obligations").value_usd,
            None
        );
        // "committed to underwrite $1.4 billion of … $3 billion contract": the contract's value
        let t = x(
            "Alphabet agreed to underwrite $1.4 billion of a $3 billion Fluidstack lease at Cipher's Texas site running over a decade.",
        );
        assert_eq!((t.value_usd, t.term_years), (Some(3e9), Some(10.0)));
        assert_eq!(
            x("securing some $3.7 billion of contracted revenue over the next decade").term_years,
            Some(10.0)
        );
        assert_eq!(
            x("a lease that brings $5 billion of revenue over the next two decades").term_years,
            Some(20.0)
        );
        // (a decade with no agreement or amount before it is no term)
        assert_eq!(
            x("AI demand may grow tenfold over the next decade").term_years,
            None
        );
        // the amount options "push the total" from is the base
        let t = x(
            "Its base value is roughly $3.7 billion, and two optional five-year renewals could push the total to $8.7 billion.",
        );
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(3.7e9), Some(8.7e9))
        );
    }

    #[test]
    fn a_backings_own_support_agreement_is_no_contract_value() {
        assert_eq!(
            x("Fluidstack's ten-year AI hosting lease, backed by a $1.8B Google support agreement, should bring about $3.7B of contracted revenue").value_usd,
            Some(3.7e9)
        );
        // (a contract that backs a financing keeps its value)
        assert_eq!(
            x("the new hall is backed by a $311 million lease with AMD").value_usd,
            Some(311e6)
        );
    }

    #[test]
    fn what_a_contract_could_exceed_is_its_potential_not_its_value() {
        let t = x(
            "Au total, l'accord pourrait dépasser 8 milliards de dollars; sa base reste de 3,7 milliards de dollars de revenus sur dix ans.",
        );
        assert_eq!(t.value_usd, Some(3.7e9));
    }

    #[test]
    fn running_totals_are_not_this_deals_value() {
        // a sum over agreements with several parties; one party's two leases keep their value
        assert_eq!(
            x("the hyperscaler booked $12 billion in new capacity deals with Nebius and IREN")
                .value_usd,
            None
        );
        assert_eq!(
            x("agreed $4 billion of contracts with CoreWeave, Lambda and Crusoe").value_usd,
            None
        );
        assert_eq!(
            x("signed $3.7 billion in leases with Fluidstack for two buildings").value_usd,
            Some(3.7e9)
        );
        // leases at two campuses summed
        assert_eq!(
            x("It signed two 15-year leases for its two newest campuses, worth a combined $12.7 billion").value_usd,
            None
        );
        let t = x(
            "adds about $2.0 billion, bringing total potential revenue across all contracts to approximately $8.7 billion",
        );
        assert_eq!((t.value_usd, t.value_with_options_usd), (Some(2.0e9), None));
        assert_eq!(
            x("total revenue across its agreements is now about $8.7 billion").value_usd,
            None
        );
        let t = x("could grow to about $1 billion with extensions from $311 million initially");
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(311e6), Some(1e9))
        );
        assert_eq!(x("two ten-year leases").term_years, Some(10.0));
        assert_eq!(
            x("Three years ago the 38-year-old founder nearly lost the company; now he leases 50 MW.")
                .term_years,
            None
        );
        assert_eq!(
            x("Tenants want power today, not five years from now, so it leases 50 MW.").term_years,
            None
        );
    }

    #[test]
    fn a_campus_size_and_critical_it_are_read_in_spanish_and_its_neighbours() {
        // the site's size is not the contract's; the critical IT load is, and says so
        let t = x(
            "Las GPU irán al campus de 750 MW que la empresa tiene en Texas, donde nuevos \
             edificios sumarán 200 MW de carga crítica de TI.",
        );
        assert_eq!(
            (t.capacity_mw, t.capacity_basis),
            (Some(200.0), Some(CapacityBasis::CriticalIt))
        );
        assert_eq!(
            x("en Childress, un emplazamiento de 750 MW").capacity_mw,
            None
        );
        let t = x("Cipher liefert 168 MW kritische IT-Last");
        assert_eq!(t.capacity_basis, Some(CapacityBasis::CriticalIt));
        // French "charge critique TI", Italian "capacità IT", Chinese 關鍵IT: critical IT over
        // the site's figure before it
        for text in [
            "Ce site, doté de 750 MW, accueillera des centres capables de soutenir 200 MW de charge critique TI.",
            "Il campus ha 750 MW; il contratto con Fluidstack per 200 megawatt (MW) di capacità IT.",
            "德州校區有750兆瓦,合約使用約200兆瓦的關鍵IT容量",
        ] {
            let t = x(text);
            assert_eq!(
                (t.capacity_mw, t.capacity_basis),
                (Some(200.0), Some(CapacityBasis::CriticalIt)),
                "{text}"
            );
        }
        // "Adding Potential 160 MW of Critical IT Load": capacity that may come
        assert_eq!(
            x("Two leases for 200 MW signed; exclusivity for a new building, adding potential 160 MW of critical IT load").capacity_mw,
            Some(200.0)
        );
        assert_eq!(x("a potential 160 MW building").capacity_mw, None);
        // "per un massimo di ulteriori 1000 MW": further capacity, not the contract's
        assert_eq!(
            x("un diritto di prelazione per un massimo di ulteriori 1000 MW").capacity_mw,
            None
        );
    }

    #[test]
    fn capacity_prefers_critical_it_over_gross_and_ignores_rates() {
        let t = x("72.5 MW of gross capacity, or 60 MW of critical IT load");
        assert_eq!(
            (t.capacity_mw, t.capacity_basis),
            (Some(60.0), Some(CapacityBasis::CriticalIt))
        );
        // a gigawatt-scale figure is a framework, a campus or a company total (#20)
        let t = x("a 1.3 GW facility");
        assert_eq!(t.capacity_mw, None);
        let t = x("a 0.5 GW facility");
        assert_eq!(t.capacity_mw, Some(500.0));
        assert_eq!(
            x("rent of $1.5 million per 1 MW per year").capacity_mw,
            None
        );
        assert_eq!(x("rent of $1.5M per 1 MW per year").capacity_mw, None);
        let t = x("$2 million per MW and 40 megawatts");
        assert_eq!(t.capacity_mw, Some(40.0));
        let t = x("244 MW gross");
        assert_eq!(
            (t.capacity_mw, t.capacity_basis),
            (Some(244.0), Some(CapacityBasis::Gross))
        );
        assert_eq!(x("a 200-MW facility").capacity_mw, Some(200.0));
    }

    #[test]
    fn terms_in_words_and_digits_but_not_extension_lengths() {
        assert_eq!(x("a ten-year lease").term_years, Some(10.0));
        assert_eq!(x("a $180 million, 24-month contract").term_years, Some(2.0));
        assert_eq!(x("a 36 month lease term").term_years, Some(3.0));
        // months that are no whole years, or no contract's, are not a term
        assert_eq!(x("an 18-month contract").term_years, None);
        assert_eq!(x("within 24 months of signing").term_years, None);
        assert_eq!(x("12-year contracts").term_years, Some(12.0));
        assert_eq!(x("a 15 year lease").term_years, Some(15.0));
        assert_eq!(
            x("two five-year extensions of a 10-year lease").term_years,
            Some(10.0)
        );
        assert_eq!(x("with 5-year renewal options").term_years, None);
        assert_eq!(
            x("shares hit a 52-week high, the 3-year high").term_years,
            None
        );
        assert_eq!(
            x("a twenty-five-year hosting commitment").term_years,
            Some(25.0)
        );
    }

    #[test]
    fn money_as_wires_and_news_write_it() {
        assert_eq!(
            x("a USD 4 billion cloud-services agreement").value_usd,
            Some(4e9)
        );
        assert_eq!(x("worth USD 9.7 billion").value_usd, Some(9.7e9));
        assert_eq!(x("valued at US$300 million").value_usd, Some(300e6));
        assert_eq!(x("valued at $9.70 Billion").value_usd, Some(9.7e9));
        assert_eq!(x("approximately $11B in revenue").value_usd, Some(11e9));
        // another currency alone is no USD value; a dollar of another country is not a US one
        assert_eq!(x("a contract of EUR 1.2 billion").value_usd, None);
        assert_eq!(x("worth C$150 million").value_usd, None);
        assert_eq!(
            x("Microsoft will pay $US9.7bn ($A14.8bn) over five years").value_usd,
            Some(9.7e9)
        );
    }

    #[test]
    fn each_amount_plays_its_role() {
        // a land purchase announced with the lease
        let t = x(
            "signed a $311 million lease with AMD and acquired 200 acres of land for $96 million",
        );
        assert_eq!(t.value_usd, Some(311e6));
        assert_eq!(x("buys 200 acres for $96 million").value_usd, None);
        // equipment from a vendor
        assert_eq!(
            x("agreed to buy GPUs and servers from Dell for about USD 5.8 billion").value_usd,
            None
        );
        assert_eq!(
            x("requires about $5.8 billion of Dell equipment").value_usd,
            None
        );
        // a backstop, however it is said
        assert_eq!(
            x("Google backs about $1.3 billion of its lease obligations").value_usd,
            None
        );
        assert_eq!(
            x("Google increased its backstop by $1.4 billion to a total of $3.2 billion").value_usd,
            None
        );
        assert_eq!(
            x("Google's backstop within the agreement has now risen to $3.2 billion in all")
                .value_usd,
            None
        );
        // ... and so is the same figure later in the document
        let doc = "Google's backstop within the agreement has now risen to $3.2 billion. If the tenant failed to pay, Google would step in with the $3.2 billion.";
        assert_eq!(extract(doc, doc).value_usd, None);
        // (the lease a backstop is part of keeps its value)
        assert_eq!(
            x("Google's backstop is part of the lease, which grows to $3.2 billion over ten years")
                .value_usd,
            Some(3.2e9)
        );
        // NOI and capex
        assert_eq!(x("about $6.9 billion of cumulative NOI").value_usd, None);
        assert_eq!(
            x("expects $6.9 billion of net operating income").value_usd,
            None
        );
        let t = x("a project cost of $9 million per MW of critical IT");
        assert_eq!((t.value_usd, t.rate_usd_per_mw_year), (None, None));
        // running totals, and their with-options figure
        assert_eq!(
            x("Total contracted value now exceeds $10 billion.").value_usd,
            None
        );
        let t = x(
            "Total contracted revenue across the leases is now $6.7 billion, with the potential to reach $16 billion through extensions.",
        );
        assert_eq!((t.value_usd, t.value_with_options_usd), (None, None));
        let t = x(
            "The lease adds approximately $4 billion and increases total anticipated contracted lease revenue to approximately $11B.",
        );
        assert_eq!(t.value_usd, Some(4e9));
        // an acquisition's value is its purchase price
        let t = extract_with(
            "agreed to acquire a 64% stake for $168 million",
            "",
            Counts {
                purchase: true,
                ..Counts::default()
            },
        );
        assert_eq!(t.value_usd, Some(168e6));
    }

    #[test]
    fn the_campus_is_not_the_contract() {
        assert_eq!(
            x("deployed in phases at its 750 MW campus in Texas").capacity_mw,
            None
        );
        assert_eq!(
            x("at Helios, its 800 MW data center campus").capacity_mw,
            None
        );
        assert_eq!(x("at its 800 MW Helios campus").capacity_mw, None);
        assert_eq!(x("part of a planned 1 GW campus").capacity_mw, None);
        assert_eq!(x("a campus of 600 MW").capacity_mw, None);
        // "to be placed in a 750 MW-class data center in Texas"
        assert_eq!(x("텍사스 750MW급 데이터센터에 배치한다").capacity_mw, None);
        assert_eq!(x("200MW 캠퍼스").capacity_mw, None);
        let t = x("for 200 MW of critical IT load at its 1 GW campus");
        assert_eq!(t.capacity_mw, Some(200.0));
        assert_eq!(x("a 180 MW AI data center").capacity_mw, Some(180.0));
        // a mining site's power is not a hosting contract's capacity
        assert_eq!(
            x("Core Scientific's 104 megawatt Bitcoin mining data center in Marble").capacity_mw,
            None
        );
        assert_eq!(x("its 300 MW self-mining fleet").capacity_mw, None);
        // the fleet in service
        assert_eq!(x("245MW operating").capacity_mw, None);
    }

    #[test]
    fn terms_with_words_between_the_term_and_the_noun() {
        assert_eq!(
            x("two major 12-year high-performance computing (HPC) hosting agreements").term_years,
            Some(12.0)
        );
        assert_eq!(
            x("two 12-year high-density AI hosting contracts").term_years,
            Some(12.0)
        );
        assert_eq!(x("the stock hit a 3-year high on Monday").term_years, None);
        assert_eq!(x("a 2-year low").term_years, None);
    }

    #[test]
    fn a_term_keeps_the_words_it_was_read_from() {
        let (t, p) = extract_phrased(
            "",
            "Shares rose. IREN signed a five-year contract worth USD 9.7 billion; Dell supplies the GPUs.",
            Counts::default(),
        );
        assert_eq!(t.value_usd, Some(9.7e9));
        assert_eq!(
            p.value_usd.as_deref(),
            Some("IREN signed a five-year contract worth USD 9.7 billion;")
        );
        assert_eq!(
            p.term_years.as_deref(),
            Some("IREN signed a five-year contract worth USD 9.7 billion;")
        );
        // a long sentence is cut to about 80 characters either side, at word boundaries
        let long = format!(
            "{} a $3 billion lease {}",
            "word ".repeat(40),
            "more ".repeat(40)
        );
        let p = phrase_around(&long, long.find('$').unwrap(), long.find(" lease").unwrap());
        assert!(p.starts_with("…word ") && p.ends_with(" more…"), "{p}");
        assert!(p.chars().count() <= 2 + 80 + 12 + 80, "{p}");
        assert!(p.contains("a $3 billion lease"));
    }

    #[test]
    fn focus_sentence_first_then_the_document() {
        let t = extract(
            "IREN signed a five-year contract with Microsoft.",
            "The contract is worth $9.7 billion for 200 MW of critical IT load.",
        );
        assert_eq!(t.term_years, Some(5.0));
        assert_eq!(t.value_usd, Some(9.7e9));
        assert_eq!(t.capacity_mw, Some(200.0));
    }

    fn checked(focus: &str, doc: &str) -> (Terms, Vec<String>) {
        let (t, _, r) = extract_checked(focus, doc, Counts::default());
        (t, r)
    }

    #[test]
    fn a_price_paid_for_a_site_named_later_in_the_sentence_is_no_contract_value() {
        let doc = "In 2022 the firm paid $40 million for an odd thing then: an idle mining site in Ohio.\nThat $40 million bet now earns lease revenue.\nThe firm leased the site to CoreWeave.";
        let (t, _) = checked("The firm leased the site to CoreWeave.", doc);
        assert_eq!(t.value_usd, None);
        // paying for a lease's capacity is no purchase of goods
        let (t, _) = checked(
            "Microsoft pays $900 million for 60 MW of hosted capacity under the lease.",
            "",
        );
        assert_eq!(t.value_usd, Some(900e6));
    }

    #[test]
    fn prices_per_share_exercise_prices_and_market_values_are_never_a_contract_value() {
        // an exercise price, a share price after a move, a market value: none is the value
        for text in [
            "NVIDIA may buy up to 30 million shares at an exercise price of $70 per share.",
            "Shares rose 16% to $18.54 after the lease.",
            "The company, currently valued at $9.3 billion, signed the lease.",
            "Market cap has gone from $20B → $50B.",
            "Total deal value: $2.1B equity option + $3.4B cloud revenue = $5.5B.",
            "Applied Digital reported fiscal first quarter revenue of $64 million.",
            "The campus earns rent from a lease, with analysts valuing the asset at $20 billion.",
        ] {
            let (t, _) = checked(text, "");
            assert!(
                t.value_usd.is_none() || t.value_usd == Some(3.4e9),
                "{text}: {:?}",
                t.value_usd
            );
        }
        // an amount under $1 million is named as rejected
        let (t, _) = checked("The warrants are exercisable at $0.01.", "");
        assert_eq!(t.value_usd, None);
        let (t, r) = checked("The customer will pay $500,000 under the agreement.", "");
        assert_eq!(t.value_usd, None);
        assert_eq!(r, ["$500000 is under $1 million: not a contract value"]);
    }

    #[test]
    fn a_revenue_line_of_results_is_no_contract_value() {
        // a summary's "Revenue:" line, and a quarter's revenue soaring to a figure
        for doc in [
            "- Revenue: $126.6 million (up 250% on last year)\n- A 15-year lease with a hyperscaler for 200 MW.",
            "The quarter's revenues soaring to $64.2 million.\nA 15-year lease with a hyperscaler for 200 MW.",
            "Revenues for Q1 2026 reached $64.2 million.\nA 15-year lease with a hyperscaler for 200 MW.",
        ] {
            let (t, _) = checked("A 15-year lease with a hyperscaler for 200 MW.", doc);
            assert_eq!((t.value_usd, t.capacity_mw), (None, Some(200.0)), "{doc}");
        }
        // a filing summary's headline: the quarter's revenue by its code, or set against the
        // year before, beside the leases it reports
        for head in [
            "Miner Q3 revenue $88.1M; signs 200 MW lease with a hyperscaler",
            "Miner revenue of $88.1M (+140% YoY) as it signs a 200 MW lease with a hyperscaler",
            "Miner FY2026 revenue $88.1M; signs a 200 MW lease with a hyperscaler",
        ] {
            let (t, _) = checked(head, "");
            assert_eq!((t.value_usd, t.capacity_mw), (None, Some(200.0)), "{head}");
        }
        // a GAAP revenue line
        let (t, _) = checked(
            "The company reported GAAP revenue of $41.2 million and signed a 15-year lease for 200 MW",
            "",
        );
        assert_eq!(t.value_usd, None);
        // a backlog is the company's agreements together
        let (t, _) = checked(
            "Its contracted backlog has grown to $31 billion after a 15-year lease for 200 MW",
            "",
        );
        assert_eq!((t.value_usd, t.capacity_mw), (None, Some(200.0)));
        // a lease's own value still reads where a quarter is named
        let (t, _) = checked(
            "In Q3 the miner signed a $2 billion lease with a hyperscaler for 200 MW",
            "",
        );
        assert_eq!(t.value_usd, Some(2e9));
    }

    #[test]
    fn a_quarters_revenue_or_a_sites_agreements_summed_are_no_contract_value() {
        // elsewhere in the text, a quarter's revenue beating estimates
        let (t, _) = checked(
            "The highlight was a new lease with CoreWeave for a further 150 MW.",
            "Quarterly revenue reached $64.2 million, beating expectations of $50 million. The highlight was a new lease with CoreWeave for a further 150 MW.",
        );
        assert_eq!((t.value_usd, t.capacity_mw), (None, Some(150.0)));
        // a financing's term is not the lease's, a lease's term after its backing is
        let (t, _) = checked(
            "CoreWeave has signed a lease for the second phase, covering 260 MW of critical IT load.",
            "The debt facility, at 80% loan to cost with a 36-month term, funds the campus. CoreWeave has signed a lease for the second phase, covering 260 MW of critical IT load.",
        );
        assert_eq!(t.term_years, None);
        let (t, _) = checked(
            "Fluidstack has signed a lease covering 200 MW of critical IT load.",
            "The company closed a $500 million credit facility with a 5-year term. Fluidstack has signed a lease covering 200 MW of critical IT load.",
        );
        assert_eq!(t.term_years, None);
        let (t, _) = checked(
            "Google gives a credit backstop for its lease with a 10-year term.",
            "",
        );
        assert_eq!(t.term_years, Some(10.0));
        // a revenue line compared with the quarter before
        let (t, _) = checked(
            "CoreWeave exercised a Phase II option for ~260MW.",
            "- Lending: the loan book grew to ~$874M and interest revenue to ~$23M (+25% QoQ).\n- CoreWeave exercised a Phase II option for ~260MW.",
        );
        assert_eq!((t.value_usd, t.capacity_mw), (None, Some(260.0)));
        // a year's revenue, trailing twelve months
        let (t, _) = checked(
            "CoreWeave has signed a lease for the second phase, covering 260 MW of critical IT load.",
            "The company reported $3.2 billion in revenue over the last twelve months. CoreWeave has signed a lease for the second phase, covering 260 MW of critical IT load.",
        );
        assert_eq!((t.value_usd, t.capacity_mw), (None, Some(260.0)));
        // a site's agreements summed over their lives
        let (t, _) = checked(
            "With the new lease signed, the company expects about $11 billion in contracted lease revenue from the campus over the life of its agreements.",
            "",
        );
        assert_eq!(t.value_usd, None);
        // one agreement's own life is its value
        let (t, _) = checked(
            "The lease is worth about $7 billion over the life of the agreement.",
            "",
        );
        assert_eq!(t.value_usd, Some(7e9));
    }

    #[test]
    fn a_sectors_spending_past_a_hundred_billion_is_no_contract_value() {
        let (t, r) = checked(
            "The deal lands as US tech giants are expected to spend over $700 billion on AI this year.",
            "",
        );
        assert_eq!(t.value_usd, None);
        assert_eq!(
            r,
            ["$700.00B is past $100 billion: a market's or a sector's figure"]
        );
        // the largest contracts of the field are read
        let (t, r) = checked("The five-year agreement is worth $17.4 billion.", "");
        assert_eq!(t.value_usd, Some(17.4e9));
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn gigawatt_frameworks_campus_power_and_options_are_not_the_contract_capacity() {
        let (t, r) = checked(
            "A strategic partnership to deploy up to 5 GW of AI infrastructure; the lease covers 25 MW of critical IT load.",
            "",
        );
        assert_eq!(t.capacity_mw, Some(25.0));
        assert!(r.is_empty(), "{r:?}");
        let (t, r) = checked("NVIDIA and IREN will deploy 5 GW of AI infrastructure.", "");
        assert_eq!(t.capacity_mw, None);
        assert_eq!(
            r,
            ["5000 MW is past 1200 MW: a framework, a campus or a company total"]
        );
        // a term past 30 years is a ground lease or a site's life, not a hosting contract's
        let (t, r) = checked(
            "The hosting deal comes with a 99-year ground lease that lets the miner grow the site to 300 MW.",
            "",
        );
        assert_eq!(t.term_years, None);
        assert_eq!(
            r,
            ["99 years is past 30 years: a ground lease or a site's life"]
        );
        let (t, r) = checked("A 25-year lease of 100 MW.", "");
        assert_eq!(t.term_years, Some(25.0));
        assert!(r.is_empty(), "{r:?}");
        // a portfolio is not a contract either
        let (t, _) = checked("The company's 1.7 GW portfolio", "");
        assert_eq!(t.capacity_mw, None);
        // site power is the contract's capacity only when nothing else is stated, and then gross
        let (t, _) = checked(
            "CoreWeave committed to all 800 MW of approved power at Helios.",
            "",
        );
        assert_eq!(
            (t.capacity_mw, t.capacity_basis),
            (Some(800.0), Some(CapacityBasis::Gross))
        );
        let (t, _) = checked(
            "The 300 MW of critical IT is supported by about 430 MW of utility power.",
            "",
        );
        assert_eq!(t.capacity_mw, Some(300.0));
        // an option or a path beyond the contract
        let (t, _) = checked(
            "AMD leases 25 MW, expandable to 200 MW, with a right of first refusal on another 100 MW.",
            "",
        );
        assert_eq!(t.capacity_mw, Some(25.0));
        // a refusal right on "an additional" block is not an expansion's own capacity
        let (t, _) = checked(
            "The lease covers 200 MW of critical IT load. The tenant holds a first right of refusal for an additional 800 MW of critical IT load.",
            "",
        );
        assert_eq!(t.capacity_mw, Some(200.0));
        let (t, _) = checked(
            "Fluidstack takes an additional 160 MW of critical IT load.",
            "",
        );
        assert_eq!(t.capacity_mw, Some(160.0));
    }

    #[test]
    fn a_value_whose_rate_per_mw_year_is_out_of_band_is_kept_and_flagged() {
        // $1.4 billion over 800 MW and 15 years is $0.12 million per MW-year
        let (t, r) = checked(
            "A $1.4 billion contract for 800 MW of critical IT over 15 years.",
            "",
        );
        assert_eq!(t.value_usd, Some(1.4e9));
        assert_eq!(
            r,
            ["out of band: $0.12 million per MW-year from $1.40B over 800 MW and 15 years"]
        );
        // $7 billion over 245 MW and 15 years is $1.9 million per MW-year: in band
        let (_, r) = checked(
            "A $7 billion lease for 245 MW of critical IT over 15 years.",
            "",
        );
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn amounts_capacity_and_terms_in_other_scripts_are_read() {
        // "for decades to come" is no term; "a ten-year lease" is one
        assert_eq!(x("我们的战略将在未来几十年内带来回报。").term_years, None);
        assert_eq!(x("签署了十年租约。").term_years, Some(10.0));
        // a quarter's revenue is no contract value
        assert_eq!(
            x("公司季度业绩强劲，收入增加了2.4亿美元，并与微软签订了97亿美元的合同。").value_usd,
            Some(9.7e9)
        );
        // a fiscal year is no term
        assert_eq!(
            x("管理层在FY26年第一季度电话会上谈到与微软的97亿美元合同。").term_years,
            None
        );
        // Japanese, Korean, simplified Chinese, Russian
        let t = x("Hut 8は70億ドル規模、15年間のリース契約を締結し、245メガワットを提供する");
        assert_eq!(
            (t.value_usd, t.term_years, t.capacity_mw),
            (Some(7e9), Some(15.0), Some(245.0))
        );
        let t = x("헛8은 70억 달러 규모의 15년 임대 계약을 체결했다");
        assert_eq!((t.value_usd, t.term_years), (Some(7e9), Some(15.0)));
        let t = x("微软与IREN签署一份97亿美元的五年合约");
        assert_eq!((t.value_usd, t.term_years), (Some(9.7e9), Some(5.0)));
        let t = x("Hut 8 подписала 15-летнюю аренду с Fluidstack на $7 млрд, 245 МВт");
        assert_eq!(
            (t.value_usd, t.term_years, t.capacity_mw),
            (Some(7e9), Some(15.0), Some(245.0))
        );
        // a year of the calendar is not a term; a count of millions without a currency no amount
        // a data center's capacity, then the campus it stands on
        assert_eq!(
            x("un contratto di locazione di 15 anni per un centro dati di 210 megawatt (MW) nel campus di Baton Rouge").capacity_mw,
            Some(210.0)
        );
        // Traditional Chinese writes a megawatt as a thousand kilowatts: "200千瓩（MW）"
        assert_eq!(
            x("該公司與客戶簽下十年租約，規模合計120千瓩（MW）").capacity_mw,
            Some(120.0)
        );
        let t = x("2025年11月3日，IREN签署合约，租约200兆瓦");
        assert_eq!(
            (t.value_usd, t.term_years, t.capacity_mw),
            (None, None, Some(200.0))
        );
        assert_eq!(x("выручка 5 млн акций").value_usd, None);
        // Thai and Hindi
        let t = x("Cipher Mining ปิดดีล 3 พันล้านดอลลาร์ กับ Fluidstack 168 เมกะวัตต์ ระยะเวลา 10 ปี");
        assert_eq!(
            (t.value_usd, t.term_years, t.capacity_mw),
            (Some(3e9), Some(10.0), Some(168.0))
        );
        let t = x("TeraWulf ने Fluidstack के साथ $3.7 बिलियन की 10 साल की डील की, 200 मेगावाट");
        assert_eq!(
            (t.value_usd, t.term_years, t.capacity_mw),
            (Some(3.7e9), Some(10.0), Some(200.0))
        );
    }

    #[test]
    fn amounts_and_terms_in_other_languages_are_read() {
        let t = x(
            "Hut 8 kündigte einen Mietvertrag im Wert von 7 Milliarden Dollar mit Fluidstack an, über 15 Jahre",
        );
        assert_eq!((t.value_usd, t.term_years), (Some(7e9), Some(15.0)));
        assert_eq!(
            x("un contrat de 9,7 milliards de dollars").value_usd,
            Some(9.7e9)
        );
        assert_eq!(
            x("generar 9.500 millones de dólares en ingresos").value_usd,
            Some(9.5e9)
        );
        assert_eq!(x("Google erwirbt für 1,8 Mrd. USD").value_usd, Some(1.8e9));
        // a compound noun ("9,7-Mrd.-USD-Deal"), and the hardware a vendor delivers
        assert_eq!(
            x("IREN erhält 9,7-Mrd.-USD-Deal von Microsoft, Dell liefert Hardware für 5,8 Mrd. USD").value_usd,
            Some(9.7e9)
        );
        // "estratégico" is no "até" (up to): the amount is the base value
        assert_eq!(
            x("IREN cerró con Microsoft un contrato estratégico de cinco años por 9.700 millones de dólares").value_usd,
            Some(9.7e9)
        );
        // thousands grouped with a comma, as Latin American texts write them
        assert_eq!(
            x("Microsoft firmó un contrato de 9,700 millones de dólares con IREN").value_usd,
            Some(9.7e9)
        );
        assert_eq!(
            x("un contrato de 2,5 millones de dólares").value_usd,
            Some(2.5e6)
        );
        // a backing of the tenant's lease obligations is no contract value, in any language
        assert_eq!(
            x("Google aportará 1.800 millones de dólares de las obligaciones de arrendamiento de Fluidstack").value_usd,
            None
        );
        // a decimal point where the text writes one, thousands grouped by dots where it groups
        assert_eq!(
            x("firmó un contrato valorado en 9.7 mil millones de dólares").value_usd,
            Some(9.7e9)
        );
        assert_eq!(
            x("un acuerdo de US$ 1.800,5 millones por 10 años").value_usd,
            Some(1.8005e9)
        );
        // a value "over 24 months" states the term
        assert_eq!(
            x("a deal of up to $180 million over 24 months").term_years,
            Some(2.0)
        );
        assert_eq!(x("shares rose over 24 months").term_years, None);
        // a campus's size with its owner or place between, in French or Italian
        assert_eq!(
            x("des halls deviennent opérationnels sur le campus d'IREN de 750 mégawatts à Childress").capacity_mw,
            None
        );
        assert_eq!(
            x("il contratto riguarda il sito di Childress di 750 MW").capacity_mw,
            None
        );
        // a phase's capacity gives way to the whole contract's
        assert_eq!(
            x("Une première phase (40 MW) doit démarrer en 2026, puis le site livrera plus de 200 MW au total.").capacity_mw,
            Some(200.0)
        );
        assert_eq!(
            x("The first 40 MW go live in 2026 under the lease.").capacity_mw,
            Some(40.0)
        );
        // (in the plural too: "los primeros 5 megavatios", "les premiers 5 MW")
        assert_eq!(
            x("Los primeros 5 megavatios estarán disponibles en enero. Para mayo, el cliente usará 25 megavatios.").capacity_mw,
            Some(25.0)
        );
        assert_eq!(
            x("Les premiers 5 MW seront livrés en janvier, puis 25 MW en mai.").capacity_mw,
            Some(25.0)
        );
        // "plurianual" is multi-year: the amount after it is the contract's total, not annual
        assert_eq!(
            x("IREN y Microsoft pactaron un contrato plurianual por valor de 9.700 millones de dólares").value_usd,
            Some(9.7e9)
        );
        assert_eq!(
            x("un contrat pluriannuel d'une valeur de 9,7 milliards de dollars").value_usd,
            Some(9.7e9)
        );
        // the River Plate's "U$S"
        assert_eq!(
            x("firmó un acuerdo con IREN por aproximadamente U$S 9.700 millones").value_usd,
            Some(9.7e9)
        );
        assert_eq!(x("簽署一份價值高達97億美元的合約").value_usd, Some(9.7e9));
        // a base value and one with options, in Spanish; megawatts in Spanish and French
        let t = x(
            "El pacto, valuado en USD 7.000 millones, es un arrendamiento de 245 megavatios (MW). Tres opciones de renovación podrían elevar su valor total hasta unos 17.700 millones de dólares.",
        );
        assert_eq!(
            (t.value_usd, t.value_with_options_usd, t.capacity_mw),
            (Some(7e9), Some(17.7e9), Some(245.0))
        );
        assert_eq!(x("un bail de 200 mégawatts").capacity_mw, Some(200.0));
        // thousands grouped by dots: 2,910 MW (a company's total, past any one lease), not 2.91
        assert_eq!(
            in_english_units("Mit 2.910 Megawatt Strom aus Wind und Sonne ist die Firma groß"),
            "Mit 2910 MW Strom aus Wind und Sonne ist die Firma groß"
        );
        assert_eq!(
            in_english_units("der 72,5 MW Core42-Mietvertrag"),
            "der 72.5 MW Core42-Mietvertrag"
        );
        assert_eq!(in_english_units("a 1,200 MW campus"), "a 1,200 MW campus");
        assert_eq!(
            in_english_units("un contrato de 1.200,5 megavatios por 10 años"),
            "un contrato de 1200.5 MW por 10-year"
        );
        // terms written out in words
        for (text, years) in [
            (
                "un contrat de services cloud sur une période de cinq ans",
                5.0,
            ),
            ("un acuerdo de cinco años con Microsoft", 5.0),
            ("ein Mietvertrag über fünfzehn Jahre", 15.0),
            ("einen Fünf-Jahres-Vertrag mit Microsoft", 5.0),
            ("un contratto di dieci anni", 10.0),
            // the span named by an adjective; an option's span named before it is no term
            ("un accordo decennale con Fluidstack", 10.0),
            (
                "un contrat décennal, avec deux options de prolongation de cinq ans",
                10.0,
            ),
            (
                "accords d'une durée de 10 ans, et deux options de prolongation de cinq ans",
                10.0,
            ),
            (
                "un contrato a diez años y dos prórrogas opcionales de cinco años",
                10.0,
            ),
        ] {
            assert_eq!(x(text).term_years, Some(years), "{text}");
        }
        // Romanian: "miliarde"/"milioane de dolari", "ani"
        assert_eq!(
            in_english_units("un contract pe 12 ani, de 2,5 miliarde de dolari"),
            "un contract pe 12-year, de $2.5 billion"
        );
        assert_eq!(
            in_english_units("o chirie de 450 milioane de dolari"),
            "o chirie de $450 million"
        );
        // a number of years with no currency stays a number
        assert_eq!(
            in_english_units("7 Milliarden Menschen"),
            "7 Milliarden Menschen"
        );
        // a short term spelled out, in German, French, Spanish, Portuguese, Italian
        assert_eq!(
            in_english_units(
                "in den kommenden drei Jahren; un bail de sept ans; dos años; quatro anos; due anni"
            ),
            "in den kommenden 3-year; un bail de 7-year; 2-year; 4-year; 2-year"
        );
        // and in Romanian ("cu o durată de cinci ani")
        assert_eq!(
            in_english_units("cu o durată de cinci ani; un contract pe zece ani"),
            "cu o durată de 5-year; un contract pe 10-year"
        );
    }

    #[test]
    fn romance_stakes_conditions_and_contract_nouns_before_the_amount() {
        // the worth of a stake bought ("una quota del 5,4% … per un valore di") is no contract's
        assert_eq!(
            x("Google acquista una quota del 5,4% in Cipher per un valore di 1,4 milioni di dollari")
                .value_usd,
            None
        );
        // what the deal brings "if all its terms are met" is its value with options
        let t = x(
            "Fluidstack pagherà 3 miliardi di dollari in dieci anni; l'intesa potrebbe valere 7 miliardi di dollari se tutti i termini saranno rispettati",
        );
        assert_eq!(
            (t.value_usd, t.value_with_options_usd),
            (Some(3e9), Some(7e9))
        );
        // a contract's noun just before its amount names the amount, beside a stake bought
        assert_eq!(
            x("Google ha acquistato una partecipazione del 5% in Cipher come parte di un accordo da 3 miliardi di dollari con Fluidstack")
                .value_usd,
            Some(3e9)
        );
    }

    #[test]
    fn an_investment_grade_tenant_makes_no_amount_an_investment() {
        for text in [
            "The company announced a 15-year lease described as roughly $5 billion with a “U.S.-based investment-grade hyperscaler” for 200 megawatts.",
            "a 15-year lease worth $5 billion with an investment grade hyperscaler",
            "an investment-grade hyperscaler signed a $5 billion lease",
        ] {
            assert_eq!(x(text).value_usd, Some(5e9), "{text}");
        }
        // an investment is still one
        assert_eq!(
            x("Google made a $5 billion investment in the company").value_usd,
            None
        );
    }

    #[test]
    fn the_money_a_stock_traded_is_no_contract_value() {
        for text in [
            "Applied Digital rose 18% on $3.1 billion trading volume after its lease news",
            "the shares closed lower with a trading volume of $290 million",
            "a turnover of $1.2 billion made it the day's busiest miner",
            "TeraWulf Surges 2.99% Despite 56.94% Volume Drop to $960M as Google Backs $1.8B AI Hosting Deal",
            "trading volume jumped 40% to $1.2 billion on the news",
        ] {
            assert_eq!(x(text).value_usd, None, "{text}");
        }
        assert_eq!(
            x("Applied Digital signed a $3.1 billion lease with CoreWeave").value_usd,
            Some(3.1e9)
        );
    }

    /// The value read for the evidence sentence `focus` of `doc`.
    fn value_in(focus: &str, doc: &str) -> Option<f64> {
        checked(focus, doc).0.value_usd
    }

    #[test]
    fn a_land_deal_balance_sheet_or_cash_figure_is_no_contract_value() {
        let lease = "The company secured a ten-year lease agreement with AMD for 25 MW.";
        for before in [
            "Riot sold 1,080 bitcoin to finance a $96 million land purchase in Rockdale.",
            "Riot sold bitcoin to finance a $96 million land purchase.\nThe $96 million deal encompasses 200 acres of land.",
            "This acquisition was financed by selling bitcoin, amounting to a transaction value of $96 million.",
            "Riot reported working capital at $170 million.",
            "It holds $75.6 million in restricted cash accounts.",
        ] {
            assert_eq!(
                value_in(lease, &format!("{before}\n{lease}")),
                None,
                "{before}"
            );
        }
        // an amount elsewhere that is the agreement's worth is still read
        let doc = format!("{lease}\nThe lease is worth $311 million over ten years.");
        assert_eq!(value_in(lease, &doc), Some(311e6));
        // a decimal point neither starts nor ends the sentence an amount stands in
        let text = "Revenue was put at $3.7 billion, rising to $8.7 billion. Next.";
        let at = text.find("$8.7").unwrap();
        assert_eq!(
            sentence_around(text, (at, at + 12)),
            "Revenue was put at $3.7 billion, rising to $8.7 billion"
        );
        let lease = "Riot ha firmato un contratto con AMD per 25 MW.";
        let doc = format!(
            "L'azienda ha acquisito circa 200 acri di terreno a Rockdale per 96 milioni di dollari.\n{lease}"
        );
        assert_eq!(value_in(lease, &doc), None);
    }

    #[test]
    fn a_figure_named_a_lease_is_its_value_whatever_a_financing_of_the_same_size() {
        let doc = "Applied Digital announced a US$5 billion lease agreement with a hyperscaler for 200 MW.\nIt also secured a $5 billion preferred equity facility with Macquarie.";
        let (t, _) = checked(
            "Applied Digital announced a US$5 billion lease agreement with a hyperscaler for 200 MW.",
            doc,
        );
        assert_eq!(t.value_usd, Some(5e9));
    }

    #[test]
    fn a_figure_the_text_calls_a_financing_is_not_the_value_elsewhere() {
        let doc = "Galaxy's $1.4B Helios expansion\nGalaxy closed a $1.4 billion project financing facility. CoreWeave committed to 260 MW more.";
        let (t, _) = checked("CoreWeave committed to 260 MW more.", doc);
        assert_eq!(t.value_usd, None);
        // a guarantee is not: "Google backs ... for $3B" does not hide the contract's $3 billion
        let doc = "Google backs Cipher for $3B AI infrastructure\nThe deal is valued at roughly $3 billion over ten years.";
        let (t, _) = checked(
            "The deal is valued at roughly $3 billion over ten years.",
            doc,
        );
        assert_eq!(t.value_usd, Some(3e9));
    }

    #[test]
    fn a_summarys_points_on_one_line_end_at_their_citations_and_a_results_metric_is_no_value() {
        // a page that runs a summary's points together: the lease's point, then the net loss's
        let focus = "The company signed a new lease for 150 MW at its campus, bringing total expected lease revenue to about $11 billion over 15 years [5][7]";
        let doc = format!(
            "Core Insights - Revenue for the first quarter rose 84% to $64.2 million [6][22] - {focus} - The net loss attributable to common stockholders was $27.8 million, against a net income of $15.9 million the year before [27][28] Outlook - The second campus is under construction"
        );
        assert_eq!(
            sentence_around(&doc, {
                let at = doc.find("$27.8").unwrap();
                (at, at + 5)
            }),
            " - The net loss attributable to common stockholders was $27.8 million, against a net income of $15.9 million the year before "
        );
        let (t, _) = checked(focus, &doc);
        assert_eq!(t.value_usd, None);
        // a results metric beside a word of leases is no contract's value either
        let doc = "The miner now leases 600 MW across two sites.\nAdjusted EBITDA, which leaves out some items, came in at $20.2 million, the company said of its leasing business.";
        let (t, _) = checked("The miner now leases 600 MW across two sites.", doc);
        assert_eq!(t.value_usd, None);
    }

    #[test]
    fn estimates_holdings_backings_and_annual_revenue_in_other_languages_are_not_values() {
        // an estimate, or a beat measured against one
        assert_eq!(
            x("Sales beat the $40 million analysts were expecting, and the company signed a 150 MW lease").value_usd,
            None
        );
        assert_eq!(
            x("revenue of $58 million, $7.5 million more than analysts polled by a data firm were looking for").value_usd,
            None
        );
        // what the company holds in all after the deal
        assert_eq!(
            x("After its latest lease, the company has about $9 billion in expected lease revenue over 15 years").value_usd,
            None
        );
        // (a deal that has its value stated so keeps it)
        assert_eq!(
            x("The new lease has a value of $5 billion over 15 years").value_usd,
            Some(5e9)
        );
        // a year's revenue in German: "Jahresumsatz"
        assert_eq!(
            x("Die Firma erwartet gut 2 Mrd. USD Jahresumsatz aus dem Vertrag").value_usd,
            None
        );
        // a financial backing in Italian
        assert_eq!(
            x("Google fornisce un supporto finanziario di 3,2 miliardi di dollari all'accordo")
                .value_usd,
            None
        );
        // a total the company's contracted capacity stands at is not the lease's
        let doc = "The campus will initially provide 200 MW of critical IT capacity.\nAfter this lease, the firm's combined contracted capacity at its two campuses stands at 600 MW.";
        assert_eq!(
            super::extract(
                "After this lease, the firm's combined contracted capacity at its two campuses stands at 600 MW.",
                doc
            )
            .capacity_mw,
            Some(200.0)
        );
    }

    #[test]
    fn an_agreement_priced_for_land_or_equipment_named_after_it_is_a_purchase() {
        for s in [
            "the $80 million deal for 150 acres of land near the campus was paid in cash",
            "l'accordo da 80 milioni di dollari per l'acquisto di 150 acri di terreno è stato pagato in contanti",
            "o acordo de US$ 80 milhões por 150 acres de terra perto do campus foi pago à vista",
            "the company signed a $120 million deal for GPU servers from Supermicro",
        ] {
            assert_eq!(x(s).value_usd, None, "{s}");
        }
        // a deal for capacity at a site is the contract
        assert_eq!(
            x("Riot signed a $311 million deal for 25 MW of capacity at its Rockdale site with AMD").value_usd,
            Some(311e6)
        );
        assert_eq!(
            x("un accordo da 311 milioni di dollari per 25 MW di capacità nel sito di Rockdale")
                .value_usd,
            Some(311e6)
        );
    }
}
