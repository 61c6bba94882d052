//! Deal recognition: does a document announce an AI/HPC deal by a company of the universe, with
//! whom, of what kind, and on what terms? Every decision carries a confidence and its evidence
//! sentence.
//!
//! Each sentence is scored for contract language (a signing verb with a contract noun), workload
//! language (AI, HPC, GPU, data center, critical IT), a named counterparty (or an undisclosed one,
//! "an investment-grade hyperscaler") and a company of the universe. The best sentence is the
//! evidence. Documents whose evidence is a rumour, a non-binding LOI/MOU, a termination, or whose
//! headline is about production, rig purchases, analyst ratings, note offerings or short reports
//! are not deals (LOIs and terminations are flagged as such). An 8-K with Item 1.01 is strong
//! evidence; 6-K filers have no items, so their text decides.

use std::sync::OnceLock;

use regex::Regex;

use super::entities::{CompanyLinker, Mention, NameMatcher, is_domain_text};
use super::terms;
use crate::config::{Counterparty, CounterpartyClass};
use crate::model::{Genre, Party, PartyRole};

pub use crate::model::{DealKind as Kind, DealType, DetectionRecord as Detection};

struct Patterns {
    verb: Regex,
    noun: Regex,
    workload: Regex,
    undisclosed: Regex,
    loi: Regex,
    termination: Regex,
    rumor: Regex,
    noise_title: Regex,
    acquisition: Regex,
    expansion: Regex,
    gpu_cloud: Regex,
    colocation: Regex,
    hosting: Regex,
    financing: Regex,
    negated: Regex,
    recalled: Regex,
    commentary: Regex,
    power: Regex,
    land: Regex,
    equipment: Regex,
    customer_contract: Regex,
    cloud_descriptor: Regex,
    guarantor_after: Regex,
    guarantor_before: Regex,
    end_user_before: Regex,
    vendor_after: Regex,
    lender: Regex,
}

fn pats() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let r = |s: &str| Regex::new(s).expect("static regex");
        Patterns {
            verb: r(r"(?i)\b(sign(?:s|ed|ing)?|enter(?:s|ed)? into|execut(?:es|ed)|agree(?:s|d|ing)?|award(?:s|ed)|secur(?:es|ed)|land(?:s|ed)|wins?|won|strikes?|struck|inks?|inked|expand(?:s|ed)?|exercis(?:es|ed)|acquir(?:e|es|ed|ing)|to buy|buys|merge[sd]?|announc(?:es|ed)|leases?|leased|partners? with|closes|closed|finaliz(?:es|ed)|commits?|committed)\b"),
            noun: r(r"(?i)\b(lease|leases|colocation|co-location|hosting|agreement|agreements|contract|contracts|MSA|master services|deal|option|merger|acquisition|stake|financing|backstop|partnership|tenant|commitment|takeover|buyout|proposal|bid|offer)\b"),
            workload: r(r"(?i)\b(HPC|high[- ]performance computing|AI|A\.I\.|artificial intelligence|GPUs?|data cent(?:er|re)s?|critical IT|IT load|inference|training|cloud|colocation|hyperscalers?|AI factory|compute|Blackwell|GB300|H100|H200|megawatts?|MW)\b"),
            undisclosed: r(r"(?i)(investment[- ]grade|unnamed|undisclosed|confidential)\s+(?:[\w.-]+\s+){0,3}(hyperscaler|tenant|customer|counterparty|company|partner)|\ban? (?:large |leading |major |U\.S\.-based |US-based )*hyperscaler\b"),
            loi: r(r"(?i)letter of intent|\bnon-binding\b|\bLOI\b|memorandum of understanding|\bMOU\b|term sheet|exclusivity"),
            termination: r(r"(?i)\bterminat(?:e|es|ed|ing|ion)\b|\b(?:reject(?:s|ed)?|vot(?:e|ed|es) (?:down|against))\b|\bwalk(?:s|ed)? away\b|\bcancel(?:s|led|ed|lation)?\b|\bscrap(?:s|ped)\b"),
            rumor: r(r"(?i)\bin (?:advanced |early )?(?:talks|discussions|negotiations)\b|\btalks (?:to|with)\b|\breportedly\b|\baccording to (?:people|sources|a person)|\bsources said\b|\bexploring\b|\bconsidering\b|\bweighing\b|\bmay sign\b|\bcould sign\b|\brumou?r|\bis said to\b|\bnearing a deal\b|\bpotential deal\b|\bin talks\b"),
            noise_title: r(r"(?i)production update|bitcoin production|monthly update|operational update|hashrate|exahash|EH/s|price target|initiates coverage|\bupgrades?\b|\bdowngrades?\b|\banalyst|\brating\b|convertible|senior (?:secured )?notes|\bnotes due\b|\bpricing of\b|\boffering\b|at-the-market|private placement|short report|short[- ]seller|\bminers? from\b|\bS21\b|\bS19\b|\bASICs?\b|\brigs?\b|purchase order|quarterly results|results for the|reports (?:first|second|third|fourth)|\bearnings\b|\bresults\b|business update|\bQ[1-4] (?:20\d\d|FY)|shareholder letter|annual meeting|to present at|conference"),
            acquisition: r(r"(?i)\b(acquir(?:e|es|ed|ing|ition)|merger|merge[sd]?|all-stock|buyout|takeover|to buy|stake in|\d+% stake)\b"),
            expansion: r(r"(?i)\b(exercis(?:e|es|ed|ing) (?:of )?(?:[a-z]+ ){0,3}options?|expan(?:d|ds|ded|sion)|additional \d+ ?MW|adds? \d+ ?MW|second phase|phase 2|another \d+ ?MW|increase[sd]? (?:its |the )?(?:commitment|contract))\b"),
            gpu_cloud: r(r"(?i)\b(GPU cloud|cloud[- ]services|AI cloud|cloud contract|GPU-as-a-service|compute contract|cloud capacity|GPU services)\b"),
            colocation: r(r"(?i)\b(colocation|co-location|lease|leases|leased|data cent(?:er|re) lease)\b"),
            hosting: r(r"(?i)\b(hosting|master services agreement|MSA)\b"),
            financing: r(r"(?i)\b(project financing|financing|backstop|credit facility|loan|debt facility)\b"),
            negated: r(r"(?i)\b(did not|didn't|does not|doesn't|has not|hasn't|have not|no new|not yet|without any)\b"),
            // an agreement recalled inside another story, not announced by it
            recalled: r(r"(?i)\b(recently (?:announced|signed|agreed|inked|struck)|previously (?:announced|disclosed|signed)|announced (?:last|earlier)|signed (?:last|earlier|in (?:January|February|March|April|May|June|July|August|September|October|November|December))|since the (?:miner|company) signed|last (?:week|month|year)(?:'s)?|earlier this (?:week|month|year)|a (?:week|month) ago|the move is likely part of|follows the company's)\b"),
            // opinion, analysis and questions about a deal are not its announcement
            commentary: r(r"(?i)\?\s*$|^\s*(?:opinion|analysis|commentary|column|editorial|explainer)\b|\bskeptic|\bcloser look\b|\blook closer\b|\blet's look\b|\bwhat .{3,60} means?\b|\bwhy .{3,60} matters?\b|\bworth the hype\b|\bshould investors\b|\bhere's why\b|\bin this analysis\b|\bthe bull case\b|\bthe bear case\b"),
            // a power-supply agreement is not a customer contract
            power: r(r"(?i)\b(power (?:purchase|capacity|supply) agreements?|electric(?:al|ity)? (?:service|supply) agreements?|energy (?:supply|services) agreements?|interconnection agreements?|utility agreements?|PPAs?|agreements? with (?:the|a) (?:local |regional )?utility)\b"),
            land: r(r"(?i)\b(acquir(?:e|es|ed|ing)|purchas(?:e|es|ed|ing)|buys?|bought)\b[^.;]{0,60}?\b(acres?|land|parcels?|property)\b"),
            equipment: r(r"(?i)\b(purchas(?:e|es|ed|ing)|buy|buys|bought|order(?:s|ed)?)\b[^.;]{0,80}?\b(GPUs?|servers?|equipment|hardware|miners|rigs|ASICs?)\b"),
            customer_contract: r(r"(?i)\b(leases?|leased|colocation|co-location|hosting|cloud[- ]services|GPU cloud|AI cloud contract|MSA|master services)\b"),
            cloud_descriptor: r(r"(?i)\bAI cloud (?:provider|platform|company|firm|operator|specialist|start-?up)s?\b"),
            guarantor_after: r(r"(?i)^[^.;]{0,25}?\b(will backstop|backstops?|to backstop|backs|will back|guarantee[sd]?|steps in with a backstop|provid(?:es|ing|e) (?:a |the )?(?:financial )?backstop|is providing (?:a |the )?backstop|increased its backstop|raises backstop)"),
            guarantor_before: r(r"(?i)(backed by|backstopped by|guaranteed by|backstop from|backstop by)\s*$"),
            end_user_before: r(r"(?i)(to support|for use by|on behalf of|serving|for its customer|end user)\s*$"),
            lender: r(r"\b(?:[Ll]ed by|[Aa]rranged by|[Pp]rovided by|[Uu]nderwritten by|[Ll]oan from|[Ff]acility (?:from|with)|[Ff]inancing from|[Ll]enders? (?:including|led by)|[Ll]ead arrangers? (?:were|was|are|is)?)\s+((?:[A-Z][A-Za-z&.'-]*)(?:\s+(?:[A-Z][A-Za-z&.'-]*|&|of))*)"),
            vendor_after: r(r"(?i)^\s*(?:(?:Blackwell|GB\d00|H\d00|B\d00|GPUs?|chips?|servers?|hardware|equipment)\b|,?\s*to (?:purchase|buy)\b[^.;]{0,40}\b(?:GPUs?|servers?|equipment|hardware|chips|systems)\b)"),
        }
    })
}

/// Split text into sentences (on . ! ? followed by a space and a capital or digit, and on line
/// breaks), keeping abbreviations like "Inc." and "U.S." inside.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end_here = if b == b'\n' {
            true
        } else if matches!(b, b'.' | b'!' | b'?') && i + 2 < bytes.len() && bytes[i + 1] == b' ' {
            let next = bytes[i + 2];
            let prev_word: String = text[start..i]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("")
                .to_string();
            let abbrev = matches!(
                prev_word.as_str(),
                "Inc"
                    | "Corp"
                    | "Ltd"
                    | "Co"
                    | "Mr"
                    | "Ms"
                    | "Dr"
                    | "St"
                    | "U.S"
                    | "No"
                    | "approx"
                    | "vs"
                    | "Jan"
                    | "Feb"
                    | "Aug"
                    | "Sept"
                    | "Sep"
                    | "Oct"
                    | "Nov"
                    | "Dec"
            ) || prev_word.len() == 1;
            !abbrev
                && (next.is_ascii_uppercase()
                    || next.is_ascii_digit()
                    || next == b'"'
                    || next == b'(')
        } else {
            false
        };
        if end_here {
            let s = text[start..=i].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = i + 1;
        }
        i += 1;
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// The parts of a document the recogniser reads.
pub struct DocText<'a> {
    pub title: &'a str,
    pub lead: &'a str,
    pub body: &'a str,
    pub is_filing: bool,
    pub items: Option<&'a str>,
    pub filer: Option<&'a str>,
}

pub struct Recognizer<'a> {
    linker: &'a CompanyLinker,
    cps: &'a [Counterparty],
    cp_matcher: &'a NameMatcher,
}

impl<'a> Recognizer<'a> {
    /// `cp_matcher` is `entities::counterparty_matcher(cps)`, built once (building the automaton
    /// costs more than recognising a document).
    pub fn new(
        linker: &'a CompanyLinker,
        cps: &'a [Counterparty],
        cp_matcher: &'a NameMatcher,
    ) -> Recognizer<'a> {
        Recognizer {
            linker,
            cps,
            cp_matcher,
        }
    }

    /// Decide whether a document announces a deal (or an LOI or a termination).
    pub fn recognize(&self, d: &DocText<'_>, mentions: &[Mention]) -> Option<Detection> {
        if mentions.is_empty() {
            return None;
        }
        let p = pats();
        let domain = is_domain_text(d.title) || is_domain_text(d.lead) || is_domain_text(d.body);
        let mut cands: Vec<(&str, bool)> = vec![(d.title, true)];
        cands.extend(sentences(d.lead).into_iter().map(|s| (s, false)));
        // the body: its first 60 sentences carry the announcement
        cands.extend(sentences(d.body).into_iter().take(60).map(|s| (s, false)));
        let mut best: Option<(f64, &str)> = None;
        for (s, is_title) in &cands {
            if p.negated.is_match(s) || !announces(s) {
                continue;
            }
            let verb = p.verb.is_match(s);
            let noun = p.noun.is_match(s);
            let mut score = match (verb, noun) {
                (true, true) => 0.45,
                (false, true) => 0.2,
                (true, false) => 0.1,
                _ => 0.0,
            };
            if score == 0.0 {
                continue;
            }
            if p.workload.is_match(s) {
                score += 0.2;
            }
            let cp_hits = self.cp_matcher.find(s, true);
            if !cp_hits.is_empty() {
                score += 0.2;
            } else if p.undisclosed.is_match(s) {
                score += 0.15;
            }
            if !self.linker.find(s, domain).is_empty() {
                score += 0.1;
            }
            if *is_title {
                score += 0.05;
            }
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, s));
            }
        }
        let (mut score, evidence) = best?;
        // a headline about a power-supply agreement alone announces no customer
        if p.power.is_match(d.title) && !p.customer_contract.is_match(d.title) {
            return None;
        }
        // an opinion piece, an analysis or a question about a deal is not its announcement
        let lead_first = sentences(d.lead).into_iter().next().unwrap_or("");
        if p.commentary.is_match(d.title) || p.commentary.is_match(lead_first) {
            return None;
        }
        // a filing's headline is generic ("8-K (items ...)"): its lead says what it is about
        let title_noise = p.noise_title.is_match(d.title)
            || d.is_filing && p.noise_title.is_match(d.lead)
            || d.items.is_some_and(|i| {
                let items: Vec<&str> = i.split(',').map(str::trim).collect();
                items.contains(&"2.02") && !items.contains(&"1.01")
            });
        let has_verb = p.verb.is_match(evidence);
        let loi = p.loi.is_match(evidence) || p.loi.is_match(d.title);
        let termination = p.termination.is_match(evidence) || p.termination.is_match(d.title);
        let rumor = p.rumor.is_match(evidence) || p.rumor.is_match(d.title);
        let item_101 = d
            .items
            .is_some_and(|i| i.split(',').any(|x| x.trim() == "1.01"));
        if d.is_filing && item_101 {
            score += 0.15;
        }
        let kind = if termination {
            Kind::Termination
        } else if loi {
            Kind::Loi
        } else {
            Kind::Deal
        };
        if rumor && kind == Kind::Deal {
            return None;
        }
        if title_noise && kind == Kind::Deal && !(d.is_filing && item_101) {
            // a results release or an offering may mention a lease in passing; it is not the
            // announcement of one unless its headline says so
            let title_has_deal = p.noun.is_match(d.title)
                && p.verb.is_match(d.title)
                && p.workload.is_match(d.title);
            if !title_has_deal {
                return None;
            }
        }
        // a deal needs a signing verb in its evidence and a strong score; an LOI or a termination
        // is flagged on less (it is recorded so a user can see it, never studied as a deal)
        if kind == Kind::Deal && (score < 0.6 || !has_verb) || score < 0.3 {
            return None;
        }
        // whose deal: a company named in the evidence (not the counterparty), else the filer, else
        // the most relevant company
        let cp_hits = self.cp_matcher.find(evidence, true);
        let cp_title = self.cp_matcher.find(d.title, true);
        let company_hits = self.linker.find(evidence, domain);
        let cp_names: Vec<&str> = cp_hits
            .iter()
            .chain(&cp_title)
            .map(|h| self.cps[h.entity].name.as_str())
            .collect();
        let is_cp = |ticker: &str| {
            self.cps
                .iter()
                .any(|c| c.ticker.as_deref() == Some(ticker) && cp_names.contains(&c.name.as_str()))
        };
        let ticker = company_hits
            .iter()
            .map(|h| self.linker.tickers[h.entity].as_str())
            .find(|t| !is_cp(t))
            .or(d.filer)
            .or_else(|| {
                // a company named as a counterparty anywhere in the document (CoreWeave leasing
                // from a miner) is not the one whose deal it is, while another is in question
                let in_text: Vec<&str> = self
                    .cp_matcher
                    .find(&format!("{}\n{}", d.lead, d.body), true)
                    .iter()
                    .map(|h| self.cps[h.entity].name.as_str())
                    .collect();
                let named_cp = |t: &str| {
                    self.cps.iter().any(|c| {
                        c.ticker.as_deref() == Some(t) && in_text.contains(&c.name.as_str())
                    })
                };
                let mut others: Vec<&Mention> =
                    mentions.iter().filter(|m| !is_cp(&m.ticker)).collect();
                if others.iter().any(|m| !named_cp(&m.ticker)) {
                    others.retain(|m| !named_cp(&m.ticker));
                }
                if others.len() == 1 {
                    return Some(others[0].ticker.as_str());
                }
                let mut ms: Vec<&Mention> =
                    others.into_iter().filter(|m| m.relevance >= 70).collect();
                ms.sort_by_key(|m| std::cmp::Reverse(m.relevance));
                ms.first().map(|m| m.ticker.as_str())
            })?
            .to_string();
        // a passing mention in a round-up of many companies is not the announcement
        if mentions
            .iter()
            .find(|m| m.ticker == ticker)
            .is_some_and(|m| m.relevance <= 25)
        {
            return None;
        }
        // with whom: the first counterparty of the headline, then of the evidence, the lead, the body
        // ("Google-backed" and other modifiers are not parties)
        // a guarantor, an end user or an equipment vendor is kept apart from the counterparty
        let own_name = |c: &Counterparty| c.ticker.as_deref() == Some(ticker.as_str());
        let cp = [d.title, evidence, d.lead, d.body].iter().find_map(|text| {
            self.cp_matcher
                .find(text, true)
                .iter()
                .filter(|h| party_role(text, h.start, h.end) == Role::Counterparty)
                .map(|h| &self.cps[h.entity])
                .find(|c| !own_name(c))
        });
        let (counterparty, class) = match cp {
            Some(c) => (c.name.clone(), Some(class_str(c.class).to_string())),
            None => ("undisclosed".to_string(), None),
        };
        // the other companies named, each in its role (the first role a name is seen in)
        let mut parties: Vec<Party> = Vec::new();
        for text in [d.title, d.lead, d.body] {
            for h in self.cp_matcher.find(text, true) {
                let c = &self.cps[h.entity];
                let role = match party_role(text, h.start, h.end) {
                    Role::Counterparty => continue,
                    Role::Guarantor => PartyRole::Guarantor,
                    Role::EndUser => PartyRole::EndUser,
                    Role::Vendor => PartyRole::Vendor,
                };
                if c.name != counterparty
                    && !own_name(c)
                    && !parties.iter().any(|p| p.name == c.name)
                {
                    parties.push(Party {
                        role,
                        name: c.name.clone(),
                    });
                }
            }
        }
        let deal_type = classify_opt(&format!("{} {}", d.title, evidence))
            .or_else(|| classify_opt(&format!("{} {}", d.lead, d.body)))
            .unwrap_or(DealType::Hosting);
        let all = format!("{}\n{}\n{}", d.title, d.lead, d.body);
        // lenders of a project financing, by the words that introduce them
        for text in [d.title, d.lead, d.body] {
            for c in p.lender.captures_iter(text) {
                let mut from = c.get(0).map_or(0, |m| m.start()).saturating_sub(80);
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                let around = &text[from..c.get(0).map_or(text.len(), |m| m.end())];
                let name = c[1].trim_end_matches(['.', ',']).to_string();
                if p.financing.is_match(around) && !parties.iter().any(|q| q.name == name) {
                    parties.push(Party {
                        role: PartyRole::Lender,
                        name,
                    });
                }
            }
        }
        let (t, phrases) = terms::extract_phrased(
            evidence,
            &all,
            terms::Counts {
                financing: deal_type == DealType::Financing,
                purchase: deal_type == DealType::Acquisition,
            },
        );
        let mut confidence = score;
        if t.value_usd.is_some() || t.capacity_mw.is_some() {
            confidence += 0.05;
        }
        Some(Detection {
            kind,
            ticker,
            counterparty,
            counterparty_class: class,
            deal_type,
            terms: t,
            confidence: (confidence.min(0.99) * 100.0).round() / 100.0,
            evidence: evidence.chars().take(600).collect(),
            phrases,
            parties,
        })
    }
}

fn class_str(c: CounterpartyClass) -> &'static str {
    match c {
        CounterpartyClass::Hyperscaler => "hyperscaler",
        CounterpartyClass::Neocloud => "neocloud",
        CounterpartyClass::Chipmaker => "chipmaker",
        CounterpartyClass::Other => "other",
    }
}

/// What kind of story a document is: an announcement when it announces a deal (or an LOI or a
/// termination), else commentary (opinion, analysis, a question), a round-up (four or more
/// companies, none in the headline), a mention (a sentence recalling an earlier agreement), or
/// other.
pub fn genre(d: &DocText<'_>, mentions: &[Mention], detection: Option<&Detection>) -> Genre {
    let p = pats();
    if detection.is_some() {
        return Genre::Announcement;
    }
    let lead_first = sentences(d.lead).into_iter().next().unwrap_or("");
    let about_deal = |s: &str| p.noun.is_match(s) || p.customer_contract.is_match(s);
    if (p.commentary.is_match(d.title) || p.commentary.is_match(lead_first))
        && (about_deal(d.title) || about_deal(d.lead) || about_deal(d.body))
    {
        return Genre::Commentary;
    }
    if mentions.len() >= 4 && !mentions.iter().any(|m| m.in_title) {
        return Genre::Roundup;
    }
    let recalls = [d.title, d.lead, d.body]
        .iter()
        .flat_map(|t| sentences(t).into_iter().take(60))
        .any(|s| p.recalled.is_match(s) && p.customer_contract.is_match(s));
    if recalls {
        return Genre::Mention;
    }
    Genre::Other
}

/// Does a sentence announce a customer contract? Not when it recalls one from an earlier story,
/// is about a power-supply agreement, a land purchase or an equipment purchase (unless it also
/// names a lease, colocation, hosting or cloud-services contract, for the last two).
fn announces(s: &str) -> bool {
    let p = pats();
    if p.recalled.is_match(s) || p.power.is_match(s) {
        return false;
    }
    let contract = p.customer_contract.find(s).map(|m| m.start());
    if p.land.is_match(s) && contract.is_none() {
        return false;
    }
    // an equipment purchase, unless the sentence names a customer contract first ("signed a
    // cloud contract with Microsoft and agreed to buy GPUs from Dell")
    match p.equipment.find(s) {
        Some(e) => contract.is_some_and(|c| c < e.start()),
        None => true,
    }
}

/// What a named company is to the deal, from the words around its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Counterparty,
    /// It backstops or guarantees the counterparty's obligations.
    Guarantor,
    /// The counterparty serves it ("to support Anthropic").
    EndUser,
    /// It sells the equipment ("NVIDIA Blackwell GPUs", "servers from Dell").
    Vendor,
}

/// The role of the name at `start..end` of `text`.
pub fn party_role(text: &str, start: usize, end: usize) -> Role {
    let p = pats();
    let mut from = start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..start];
    let after = &text[end..];
    if p.guarantor_after.is_match(after) || p.guarantor_before.is_match(before) {
        return Role::Guarantor;
    }
    // "Google-backed", "Alphabet-backstopped"
    if after.starts_with("-backed") || after.starts_with("-backstopped") {
        return Role::Guarantor;
    }
    if p.end_user_before.is_match(before) {
        return Role::EndUser;
    }
    if p.vendor_after.is_match(after)
        || before.trim_end().to_ascii_lowercase().ends_with("from")
            && p.equipment.is_match(&text[..start])
    {
        return Role::Vendor;
    }
    Role::Counterparty
}

/// The deal type a text states, by precedence: acquisition > expansion > GPU cloud > colocation
/// lease > hosting > financing; `None` when it states none. "AI cloud provider Fluidstack"
/// describes a tenant: it does not make a lease a GPU-cloud deal.
pub fn classify_opt(text: &str) -> Option<DealType> {
    let p = pats();
    let text = &p.cloud_descriptor.replace_all(text, "");
    let text: &str = text;
    let lease = p.colocation.is_match(text) || p.hosting.is_match(text);
    Some(if p.acquisition.is_match(text) && !lease {
        DealType::Acquisition
    } else if p.expansion.is_match(text) {
        DealType::Expansion
    } else if p.gpu_cloud.is_match(text) {
        DealType::GpuCloud
    } else if p.colocation.is_match(text) {
        DealType::Colocation
    } else if p.hosting.is_match(text) {
        DealType::Hosting
    } else if p.financing.is_match(text) {
        DealType::Financing
    } else {
        return None;
    })
}

/// As `classify_opt`, hosting when the text states no type.
pub fn classify(text: &str) -> DealType {
    classify_opt(text).unwrap_or(DealType::Hosting)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_abbreviations() {
        let s = sentences(
            "Core Scientific, Inc. signed a deal. Shares rose 5%. The U.S. market was open.\nNext line",
        );
        assert_eq!(
            s,
            [
                "Core Scientific, Inc. signed a deal.",
                "Shares rose 5%.",
                "The U.S. market was open.",
                "Next line"
            ]
        );
    }

    #[test]
    fn deal_types() {
        assert_eq!(
            classify("TeraWulf signs ten-year colocation lease"),
            DealType::Colocation
        );
        assert_eq!(
            classify("IREN signs GPU cloud services contract"),
            DealType::GpuCloud
        );
        assert_eq!(
            classify("CoreWeave exercises final option for 120 MW"),
            DealType::Expansion
        );
        assert_eq!(
            classify("MARA to acquire 64% stake in Exaion"),
            DealType::Acquisition
        );
        assert_eq!(classify("HPC hosting agreement"), DealType::Hosting);
        assert_eq!(
            classify("closes $1.4 billion project financing"),
            DealType::Financing
        );
    }

    #[test]
    fn a_sentence_that_recalls_or_is_about_power_land_or_equipment_announces_nothing() {
        assert!(announces(
            "TeraWulf signed a ten-year lease with Fluidstack."
        ));
        for s in [
            "The move is likely part of a recently announced joint venture with Fluidstack.",
            "Cipher intends to use the proceeds at Barber Lake, where it recently signed a lease with Fluidstack.",
            "Core Scientific's hosting contracts with CoreWeave, signed in June, set a benchmark.",
            "The company entered into a power capacity agreement with the local utility for 285 MW.",
            "Bitfarms signs power purchase agreement for 120 MW.",
            "Riot acquired approximately 200 acres of land for $96 million.",
            "IREN agreed to purchase GPUs and servers from Dell for $5.8 billion.",
            "IREN announced an agreement with Dell to purchase GPUs in support of its AI cloud contract with Microsoft.",
        ] {
            assert!(!announces(s), "{s}");
        }
        // a lease announced with a land purchase, a cloud contract before a GPU order
        assert!(announces(
            "Riot signs AMD data center lease at Rockdale, buys 200 acres for $96 million"
        ));
        assert!(announces(
            "IREN signed a GPU cloud contract with Microsoft and agreed to buy GPUs from Dell."
        ));
    }

    #[test]
    fn guarantors_end_users_and_vendors_are_not_the_counterparty() {
        let role = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            party_role(text, start, start + name.len())
        };
        let t = "TeraWulf signed leases with Fluidstack; Google will backstop $1.8 billion of the obligations.";
        assert_eq!(role(t, "Fluidstack"), Role::Counterparty);
        assert_eq!(role(t, "Google"), Role::Guarantor);
        assert_eq!(
            role("leases backstopped by Google for Fluidstack", "Google"),
            Role::Guarantor
        );
        assert_eq!(
            role("TeraWulf expands Google-backed deal", "Google"),
            Role::Guarantor
        );
        assert_eq!(
            role("a lease with Fluidstack to support Anthropic", "Anthropic"),
            Role::EndUser
        );
        assert_eq!(
            role(
                "with an unnamed customer for NVIDIA Blackwell GPUs",
                "NVIDIA"
            ),
            Role::Vendor
        );
        assert_eq!(
            role(
                "agreed to buy GPUs and servers from Dell for $5.8 billion",
                "Dell"
            ),
            Role::Vendor
        );
        assert_eq!(
            role("a data center lease with AMD", "AMD"),
            Role::Counterparty
        );
    }

    #[test]
    fn a_lease_to_an_ai_cloud_is_colocation_and_selling_compute_is_gpu_cloud() {
        assert_eq!(
            classify("signed two leases with AI cloud platform Fluidstack"),
            DealType::Colocation
        );
        assert_eq!(
            classify("a USD 3.4 billion cloud-services agreement"),
            DealType::GpuCloud
        );
        assert_eq!(
            classify("IREN lands Microsoft as AI cloud customer"),
            DealType::GpuCloud
        );
    }

    /// A news document of a headline and a lead, and the companies it links to.
    fn news<'a>(
        linker: &CompanyLinker,
        title: &'a str,
        lead: &'a str,
    ) -> (DocText<'a>, Vec<Mention>) {
        let mentions = linker.link(&super::super::entities::Zones {
            title,
            lead,
            body: "",
            cik: None,
        });
        let doc = DocText {
            title,
            lead,
            body: "",
            is_filing: false,
            items: None,
            filer: None,
        };
        (doc, mentions)
    }

    #[test]
    fn lenders_are_named_by_the_words_that_introduce_them() {
        let cfg = crate::config::Config::parse(crate::config::STARTER, "t").unwrap();
        let linker = CompanyLinker::new(&cfg.companies);
        let m = super::super::entities::counterparty_matcher(&cfg.counterparties);
        let r = Recognizer::new(&linker, &cfg.counterparties, &m);
        let title = "Galaxy closes $1.4 billion project financing for Helios as CoreWeave commits to full campus";
        let lead = "Galaxy Digital Inc. (Nasdaq: GLXY) closed a $1.4 billion project financing led by Morgan Stanley and signed a lease with CoreWeave for the remaining 260 MW of critical IT load.";
        let (doc, mentions) = news(&linker, title, lead);
        let d = r.recognize(&doc, &mentions).expect("a deal");
        assert_eq!(d.counterparty, "CoreWeave");
        assert_eq!(
            d.parties,
            vec![Party {
                role: PartyRole::Lender,
                name: "Morgan Stanley".into()
            }]
        );
        assert_eq!(genre(&doc, &mentions, Some(&d)), Genre::Announcement);
        // the same words without a financing are not a lender
        let lead = "The lease was led by Mike Novogratz.";
        let doc = DocText { lead, ..doc };
        let d = r.recognize(&doc, &mentions).expect("a deal");
        assert!(d.parties.is_empty(), "{:?}", d.parties);
    }

    #[test]
    fn a_story_is_an_announcement_commentary_a_roundup_a_mention_or_other() {
        let cfg = crate::config::Config::parse(crate::config::STARTER, "t").unwrap();
        let linker = CompanyLinker::new(&cfg.companies);
        let g = |title: &str, lead: &str| {
            let (doc, mentions) = news(&linker, title, lead);
            genre(&doc, &mentions, None)
        };
        assert_eq!(
            g(
                "Is TeraWulf's Fluidstack lease worth the hype?",
                "A closer look."
            ),
            Genre::Commentary
        );
        assert_eq!(
            g(
                "Bitcoin miners rally",
                "Shares of IREN, Cipher Mining, TeraWulf and Hut 8 rose on Monday."
            ),
            Genre::Roundup
        );
        assert_eq!(
            g(
                "TeraWulf shares extend rally",
                "The move is likely part of a recently announced lease with Fluidstack."
            ),
            Genre::Mention
        );
        assert_eq!(
            g("IREN Reports October Production", "IREN mined 600 bitcoin."),
            Genre::Other
        );
    }
}
