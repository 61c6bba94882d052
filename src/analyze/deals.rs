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

use super::entities::{CompanyLinker, Hit, Mention, NameMatcher, is_domain_text};
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
    /// An agreement to deploy or buy chips: "OpenAI signed an agreement to deploy 6 gigawatts
    /// of AMD graphics processing units".
    chip_deal: Regex,
    /// Hosting whose hosted thing is bitcoin mining: "a hosting agreement with a bitcoin miner",
    /// "deploy 20 MW of bitcoin mining technology", "to host its ASICs".
    bitcoin_hosting: Regex,
    /// Other companies as a group signing: "while its peers sign AI leases", "rivals such as
    /// IREN have signed", "other miners landed hyperscalers".
    group_signs: Regex,
    rumor: Regex,
    /// a customer's capacity move in Italian, Spanish, Portuguese, French, German (behind
    /// `CAPACITY_MOVE_HINTS`)
    capacity_move_more: Regex,
    /// a price move after a deal in Spanish, Portuguese, French, German, Italian (behind
    /// `ON_NEWS_HINTS`: the pattern is slow and most sentences have none of those words)
    on_news_more: Regex,
    /// "Reportedly, Microsoft has struck a $9.7 billion deal": a finished deal the writer
    /// attributes to a report, not a rumour
    reported_fact: Regex,
    acquisition: Regex,
    expansion: Regex,
    /// What a text tells after what it told before: "CoreWeave subsequently exercised …".
    subsequently: Regex,
    /// The total a new agreement brings the company to: "bringing total contracted revenue to".
    brings_total: Regex,
    gpu_cloud: Regex,
    colocation: Regex,
    hosting: Regex,
    financing: Regex,
    negated: Regex,
    recalled: Regex,
    /// "la reciente extensión del contrato", "the recent $7B deal": a regex of its own (in
    /// `recalled` its repeated word class made the lazy DFA give up on every sentence)
    recalled_recent: Regex,
    recalled_year: Regex,
    recalled_month_year: Regex,
    company_subject: Regex,
    agreements_total: Regex,
    hypothetical: Regex,
    /// "Is on schedule and on budget to deliver": progress on work under way.
    on_schedule: Regex,
    /// The verbs of telling ("announced that", "confirmed"), no signing of their own.
    telling: Regex,
    /// "supported by a $9.7 billion, 5-year Microsoft cloud contract": a contract behind the
    /// company's growth, not the news (asked behind a byte search for " by ").
    supported_by: Regex,
    /// "has an executed lease with": a contract held, not one signed.
    held_contract: Regex,
    /// "We also announced a … lease": a speaker recalls what the company announced before.
    we_announced: Regex,
    /// "miners like Riot Platforms signed …": the company named as an example of a class.
    as_example: Regex,
    /// An example of a trend or a case like the one before ("exemplified this trend by securing",
    /// "the report highlights specific deals: …",
    /// "Similarly, Cipher Mining secured"): not the news (asked behind a byte search).
    example_case: Regex,
    /// A miner or the company referred to without its name ("Bitcoin miner signs ...").
    miner_ref: Regex,
    time_ago: Regex,
    fresh_again: Regex,
    on_success_of: Regex,
    future_expand: Regex,
    /// "최근 … 체결한", "最近 … 締結": a gap of any characters, in a regex of its own (inside
    /// `recalled` it made the lazy DFA give up: 150 µs a sentence)
    recalled_wide: Regex,
    /// what is bought when a business is: its customers, assets, operations, data centres
    business_object: Regex,
    /// a heading of an investment thesis: "Current thesis", "Bull Case", "Bear case"
    thesis_heading: Regex,
    /// an evaluation pegged to the contract it names ("Evaluating Valuation After Securing $5
    /// Billion Hyperscaler Lease"): the part from the signing verb on
    pegged_to_contract: Regex,
    /// an analysts' consensus page: its fair value, its price target and the narrative behind
    /// them ("Consensus Narrative from 10 Analysts", "61.3% undervalued intrinsic discount")
    analyst_page: Regex,
    /// a bid for a whole company, not a stake ("offered to purchase Core Scientific … in an
    /// all-stock deal", "merger", "takeover")
    takeover_bid: Regex,
    /// A heading that lays an article out case by case: "Die Fallstudien: TeraWulf, Cipher und
    /// Hut 8", "Case studies".
    case_studies: Regex,
    /// a signing counted as none: "zero signed leases", "no AI tenant lease signed yet"
    none_signed: Regex,
    /// A total of agreements already made: "has executed over $12.8 billion".
    cumulative: Regex,
    /// A financing for a contract: "secures $1.4B financing for its CoreWeave lease".
    financing_for: Regex,
    /// German's separable announcing verb: "gab … bekannt".
    gab_bekannt: Regex,
    /// A plan carried out, not a contract executed: "executed several strategic initiatives".
    executed_plan: Regex,
    /// Words of a signing verb that sign nothing: "are committed to", "to be confirmed",
    /// "unveiled its … program".
    not_signing: Regex,
    /// "reveals" and the words after it: a signing only where they name the deal ("reveals
    /// $9.7B Microsoft deal"), not in "a closer look at the call reveals a strategic pivot".
    reveal_words: Regex,
    /// A hyperscaler's stake or backing made larger than an earlier one: "boosts its stake to
    /// 14%", "increased its backstop", "eine erweiterte Finanzvereinbarung", "持ち株比率を14%に拡大".
    enlarges_backing: Regex,
    /// A capacity in MW or GW stated in a sentence ("160 MW", "160-megawatt"; unlike `size_or_term`,
    /// no term of years and other scripts' units too).
    states_capacity: Regex,
    /// A sentence whose subject is a funding: "The first funding of $112.5 million was provided …",
    /// "Proceeds will complete the buildout".
    funding_subject: Regex,
    /// An author's rating: "is rated Buy", "a Buy rating upgrade", "I rate".
    rating: Regex,
    /// An analyst's action: "raised its price target", "maintaining a Buy rating", 目標株価.
    analyst_action: Regex,
    /// A partnership to build or convert, with no customer: "partners with Starwood to convert".
    development: Regex,
    /// The company buys or leases a site: "option agreements to purchase or lease three sites".
    site_deal: Regex,
    /// After a site bought, a clause of its own that signs with a named party ("…, and signed a
    /// data center leasing agreement with AMD").
    then_signs_with: Regex,
    /// The company acquires, or merges with, another: "a deal to acquire a 64% stake in Exaion".
    acquires: Regex,
    warrant_shares: Regex,
    commentary: Regex,
    /// "one day after revealing a $3 billion deal": a deal told as the news before this one.
    days_after: Regex,
    /// "guaranteed capacity", "guaranteed demand": guaranteed as an adjective, no backing.
    guaranteed_thing: Regex,
    /// A guarantee of access ("Microsoft garantiza acceso prioritario a los aceleradores", "garante
    /// à gigante da tecnologia acesso"): nobody's backing.
    guaranteed_access: Regex,
    /// A text that calls itself an analysis: "This analysis evaluates the implications".
    self_analysis: Regex,
    deal_subject: Regex,
    power: Regex,
    land: Regex,
    equipment: Regex,
    customer_contract: Regex,
    /// A stake or warrants in a headline ("Google Acquires 5.4% Cipher Stake").
    guarantor_stake: Regex,
    /// The company itself bought or merged ("to acquire Core Scientific", "all-stock deal").
    company_takeover: Regex,
    /// A backstop, guarantee or lease obligations: a guarantor stands behind a tenant.
    backstop_words: Regex,
    /// A Romance "garantir" (to ensure, or to guarantee) and the words that make it a financial
    /// guarantee: an amount, obligations, rent, a lease, a contract, a financing.
    romance_guarantee: Regex,
    guarantee_context: Regex,
    /// What an AI landlord's lease is sized and let in (megawatts, critical IT, hyperscalers).
    hyperscale_terms: Regex,
    /// Bitcoin mining as the business a text describes: "Bitcoin mining and hosting".
    mining_business: Regex,
    /// What lets capacity to AI tenants beyond megawatts: a hyperscaler, critical IT, a lease.
    letting_terms: Regex,
    stake_title: Regex,
    stake_size: Regex,
    cloud_descriptor: Regex,
    guarantor_after: Regex,
    guarantor_before: Regex,
    end_user_before: Regex,
    vendor_after: Regex,
    /// A customer's contract for GPU services named after it: "a Microsoft GPU services
    /// contract" (the GPUs are what the contract serves, not goods the name makes).
    gpu_contract_after: Regex,
    lender: Regex,
    /// The agreement's own terms: an amount, MW, a term in years.
    own_terms: Regex,
    /// deal, contract, agreement, partnership.
    deal_noun: Regex,
    /// A capacity or a term: "160 MW", "15-year".
    /// One contract named with an article ("a customer agreement which provides for …").
    one_contract: Regex,
    size_or_term: Regex,
    /// deal, contract, agreement (a partnership or a tie-up is not one).
    contract_noun: Regex,
    /// A sentence about a financing or a stake, whatever contract it names.
    financing_only: Regex,
    /// A contract signed in the period a results release covers.
    fresh: Regex,
    /// New contracts announced: "following IREN's announcement of new multi-year AI cloud
    /// contracts" (the day's news beside a financing).
    announced_new: Regex,
    /// Another announcement of the same day: "Galaxy also announced that …".
    also_announced: Regex,
    /// A stock page's template telling the company's release of a day: "The company report on
    /// January 10, 2024 at 8:30 AM that Bit Digital, Inc. Announces …".
    company_reported_that: Regex,
    /// A release's own words that it lists its updates: "The Company has provided the following
    /// corporate and site updates", a line "Corporate Highlights:".
    update_list: Regex,
    /// A sentence whose subject is a subsidiary the text does not name: "A wholly owned
    /// subsidiary will provide …".
    subsidiary_subject: Regex,
    /// What a partner is, before its name: "the AI computing company " (Nebius).
    described_partner: Regex,
    /// A results release stating a contract it calls new.
    fresh_results: Regex,
    /// The company takes a lease (from a landlord, of land).
    lessee: Regex,
    /// Planned, discussed, intended: not signed.
    plan: Regex,
    /// Beating or outbidding another for something: a competitor.
    competitor: Regex,
    /// An approval, permit or incentive secured: no customer's agreement.
    approval: Regex,
    /// Results to come: "ahead of earnings".
    upcoming_results: Regex,
    /// The reader's purchase: "is it too late to buy WULF stock".
    reader_buys: Regex,
    /// Where a headline's backdrop begins: "… amidst a challenging landscape for Bitcoin mining
    /// stocks" (see `class_of_headline`).
    backdrop: Regex,
    /// The company buys: a purchase, procurement or supply agreement, equipment from a vendor.
    buyer: Regex,
    /// A verb of buying ("To acquire NVIDIA's Blackwell systems"), not a contract "for" chips.
    buying: Regex,
    /// A page's furniture.
    furniture: Regex,
    /// A line of furniture that must stand alone (short lines only, see `is_furniture`: run into
    /// the story's first sentence, as where line breaks are lost, it is prose): an AI agent's
    /// byline ("Generated by AI Agent…Reviewed by…"), a reading time at the line's end, a dateline
    /// of a weekday, a date with its year and at most a time and a reading time ("Friday, Jan 16,
    /// 2026 10:47 am ET5min read").
    furniture_alone: Regex,
    /// A price move on the news of a contract: "jumps after $7B lease".
    on_news: Regex,
    /// "soared … after the firm said it was adding … through a joint venture with …" (behind a
    /// byte search for its verb)
    on_news_adding: Regex,
    /// A customer taking capacity: "adds 160 MW", "doubles its capacity".
    capacity_move: Regex,
    /// A customer's option exercised or commitment made.
    commitment: Regex,
    /// A customer committing to the power or capacity of a site: "has now committed to using all
    /// the electrical power approved at Galaxy's Helios campus" (an agreement, though no noun).
    site_commitment: Regex,
    /// A new customer signed, unnamed: "Signed a new 8.8 MW customer" (a monthly update's
    /// bullet).
    new_customer: Regex,
    /// The company providing a number of megawatts: "to provide Fluidstack with 168 MW".
    provides_mw: Regex,
    /// Options or extensions that bring a total: "extensions bringing total revenue to $8.7B".
    options_total: Regex,
    /// Bitcoin-mining machines or hashrate hosted or deployed: "10,000 miners", "600 PH/s".
    mining_hosted: Regex,
    /// Agreements with companies in general: "with these companies", "これらの企業と".
    generic_party: Regex,
    /// how such deals go, not one: "In a typical deal, …", "typically signs", "…, an AI cloud
    /// signs the lease, …"
    kind_of_deal: Regex,
    /// the deal as the subject of the sentence, not a signing: "The lease Applied Digital signed
    /// with CoreWeave is …", "IREN's contract with Microsoft could be worth …"
    deal_as_subject: Regex,
    /// the sentence's words given as an analyst's: "…, the analyst said", "…, analysts at B. Riley
    /// wrote on Tuesday", "according to analysts"
    analyst_said: Regex,
    /// a clause describing a customer, which the company is named in: "the AI cloud that leases
    /// capacity at …", "which rents a hall from …" (not a past signing: "which signed a lease
    /// with … on Monday" may be the news)
    describing_clause: Regex,
    /// a signing told in the past tense
    past_signing: Regex,
    /// the company beside a customer's contract with another party, as a source of capacity:
    /// "…, including capacity at a site it leases from …", "… and capacity from …"
    capacity_beside: Regex,
    /// a tenant's standing at a site, in the present tense, opening a "where" clause: "CoreWeave
    /// leases 800 MW", "Fluidstack is the anchor tenant"
    tenant_state: Regex,
    /// a party named after an agreement: "a colocation agreement with Vertex Compute"
    named_party: Regex,
    /// a signing with a party for a capacity, no contract noun: "signed with Fluidstack for 168 MW"
    signs_with_for: Regex,
    /// miners as a class, the subject of a trend ("publicly traded miners are signing leases")
    miners_as_class: Regex,
    /// an agreement to merge or be acquired, beside which the parties sign other agreements
    merger_agreement: Regex,
    /// a sentence that refers back to the deal just stated ("The deal, a 15-year ...")
    deal_again: Regex,
    /// "As part of the deal, …", "Under the agreement, …": a sentence that opens by referring
    /// back to the agreement told before it.
    deal_back: Regex,
    /// "with two hyperscalers", "with several customers": the parties of several agreements.
    several_parties: Regex,
    /// "<word> first signed", "originally agreed", "initially partnered": the word before, to
    /// tell a subject from a determiner.
    first_signed: Regex,
    /// A stock index: the Dow, the S&P 500, the Nasdaq, the Russell 2000 (each its group).
    market_index: Regex,
    /// A word of the market's move: rose, fell, gained, slipped, traded, closed, up, down, mixed.
    market_move: Regex,
    /// a day of the week or "today": the story is about this day's news
    this_day: Regex,
    /// ", while …", ", während …": a clause of contrast that may tell another company's news
    while_clause: Regex,
    /// A sentence that opens with a listed company's name and its ticker ("Meanwhile, Centrus
    /// Energy Group (LEU) surged 12% …"): the name and the ticker.
    listed_subject: Regex,
    /// A sentence that opens a list of what the company has been doing ("has been actively
    /// pursuing significant strategic expansions"): what follows is recalled.
    recap_frame: Regex,
    /// A sentence whose subject is an analysis or a note that frames, argues or cites: a view.
    analysis_subject: Regex,
    /// A sentence telling what someone wrote in a social-media post ("In an X post on June 23,
    /// …'s CIO highlighted that …"; asked behind a byte search for " post").
    social_post: Regex,
    /// A verb of signing or winning an agreement, asked for its subject and its partner.
    signing_act: Regex,
    /// Two named companies as the subject of a signing ("Lancium and Crusoe Energy announced a
    /// multibillion-dollar agreement"), asked of a sentence naming no company of the universe.
    pair_signs: Regex,
    /// An amount and the party it is "with" ("$10 billion with CoreWeave"): three in a sentence
    /// list one buyer's contracts with many.
    amount_with: Regex,
    /// A customer securing access to capacity: "secures access to IREN's AI capacity"; or given
    /// it, "will provide Microsoft access to GPU capacity" (a verb of giving, group 1, and the one
    /// given access, group 2).
    access_to_capacity: Regex,
    /// The company's own debt: notes, an offering, a convertible, a raise.
    issuer_debt: Regex,
    /// A title that is a section's heading: "What's Happening?", "Key Takeaways".
    section_title: Regex,
    /// a cited source's number ("[2]")
    citation: Regex,
    /// A group of bracketed citations and the next point's dash after it, if any.
    citation_group: Regex,
    /// "secures ... data center site"
    site_secured: Regex,
    /// "a new 15-year lease", "a new agreement"
    new_agreement: Regex,
    /// A new agreement with its price: "underscored by a new $7 billion lease agreement with".
    new_priced: Regex,
    /// A sentence that follows the news: "Following the announcement, Needham raised ...".
    after_news: Regex,
    /// A sentence that asks: "… or AI Hype Train?".
    question_end: Regex,
    /// More recalls, kept out of `recalled` (whose lazy DFA they would push past its cache, to the
    /// slow engine): "ever since it announced", "follows a long-term lease agreement with".
    recalled_more: Regex,
    /// A signing told in the past perfect, "Cipher Mining had secured a 10-year … agreement": an
    /// agreement from before the story's time, unless a speaker reports it ("said it had signed").
    past_perfect: Regex,
    /// Miners as a class, not one company: "bitcoin miners", "比特币矿场", "マイナー各社".
    sector_miners: Regex,
    /// Speech or a filing that reports what follows: "said", "announced that", "according to".
    reports_speech: Regex,
    /// A headline on a stock's move over a month: "Why TeraWulf Stock Skyrocketed 83% in August".
    month_move: Regex,
    /// A stock's move told as last week's ("Shares of … skyrocketed 103% last week").
    week_move: Regex,
    /// a sentence whose subject is "the company" the sentence before named
    subject_anaphor: Regex,
    /// two cited sources side by side ("[1][2]")
    citations_stacked: Regex,
    /// a numbered point inside a sentence ("(1)", "2)")
    enumerated: Regex,
    /// a headline's financing that is a guarantor's backing ("Secures $3.7B in Backing from Google")
    backing_title: Regex,
    /// A counterparty named by what it is: "with the technology giant", "con el gigante".
    giant_anaphor: Regex,
    /// Words of AI or HPC compute (not "data center": mining sites are called that too).
    ai_words: Regex,
    /// A results release: "announced financial results for the fourth quarter".
    results_release: Regex,
    /// "acquire access to", "adquirir capacidad de nube": a customer's use of capacity, no purchase.
    access_to: Regex,
    /// Words that put two companies in a relation (a contract, a partner, a rent, "with"): an
    /// English sentence without them names a company as a comparison or a spender, not as a
    /// party.
    relation: Regex,
    headline: Headlines,
}

/// What a headline can be about when it is not a customer contract.
struct Headlines {
    people: Regex,
    market: Regex,
    /// A day's trading-volume ranking ("Surges to 60th in Volume", "Ranks 21st in Market
    /// Activity"): a market piece unless it names a priced deal (`priced_deal`).
    volume_rank: Regex,
    /// "Amid $11B AI Infrastructure Deal": one contract with its amount.
    priced_deal: Regex,
    /// What a headline says just before a priced deal when the deal is its news: "Stock Surges
    /// on", "Signs".
    moves_on_or_signs: Regex,
    legal: Regex,
    analyst: Regex,
    financing: Regex,
    corporate: Regex,
    results: Regex,
    power: Regex,
    /// The company's power business as the subject: a power JV, gas plants, a grid operator's
    /// capacity auction ("Power JV Secures 310 MW of Capacity Contracts"): its capacity
    /// contracts sell power, never a customer capacity to compute.
    power_business: Regex,
    milestone: Regex,
    plan: Regex,
}

/// Compiles the recogniser's patterns now rather than at the first document read: about 0.2 s
/// of regex compilation, once per process (`analyze::warm_up_in_background`).
pub(crate) fn warm_up() {
    pats();
}

/// Words that name a bid for a whole company (not a stake), shared by `company_takeover` and
/// `takeover_bid`.
const TAKEOVER_WORDS: &str = "merger|takeover|buyout|all-stock|tender offer";

fn pats() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let r = |s: &str| Regex::new(s).expect("static regex");
        Patterns {
            miners_as_class: r(r"(?i)\b(?:bitcoin |crypto |publicly[- ]traded |listed |public )?miners\b|\bmining (?:companies|firms|stocks|farms)\b|\b(?:les |des )?mineurs\b|\b(?:los )?mineros\b|\bmineradoras\b|\bBitcoin-Miner\b"),
            merger_agreement: r(r"(?i)\b(?:merger|acquisition|arrangement) agreement\b|\bagreement (?:and plan )?of merger\b|\bFusionsvereinbarung\b|\baccord de fusion\b|\bacuerdo de fusión\b"),
            market_move: r(r"(?i)\b(?:r[io]se|rising|fell|falls?|falling|gain(?:s|ed)?|add(?:s|ed)|lost|los(?:es|ing)|slip(?:s|ped)|drop(?:s|ped)|edged|climb(?:s|ed)|sl(?:id|ides)|trad(?:ed|ing)|closed|ended|finished|up|down|higher|lower|flat|mixed)\b"),
            market_index: r(r"(?i)\b(?:(Dow(?: Jones)?)|(S&P ?500)|(Nasdaq(?: Composite)?)|(Russell 2000))\b"),
            first_signed: r(r"(?i)(?-u:\b)((?-u:\w)+) (?:first|originally|initially) (?:signed|inked|struck|agreed|partnered|teamed up)(?-u:\b)"),
            several_parties: r(r"(?i)(?-u:\b)with (?:two|three|four|five|several|multiple|[2-9]) (?:(?-u:\w)+ ){0,2}(?:hyperscalers|customers|tenants|clients|companies)(?-u:\b)"),
            deal_back: r(r"(?i)^\W*(?:(?:as (?:a )?part of|under|in|through|with|per) )?(?:the|this|that) (?:deal|agreement|contract|lease|pact|transaction)s?\b"),
            deal_again: r(r"(?i)^\W*(?:under )?(?:the|this) (?:deal|agreement|contract|lease|pact)\b"),
            citation: r(r"\[\d{1,3}\]"),
            citation_group: r(r"(?:\[\d{1,3}\])+(\s+[-–•]\s)?"),
            site_secured: r(r"(?i)\bsecur(?:es|ed|ing|e)? (?:[\w'’.-]+ ){0,4}(?:sites?|land|acres|parcels?|property|properties)\b"),
            new_priced: r(r"(?i)(?-u:\b)(?:a|an) new (?:\$|US\$|USD ?)\d[\d.,]* ?(?:billion|million|bn|[BM])?,? (?:(?-u:[\w-])+ ){0,3}(?:contracts?|leases?|agreements?|deals?)(?-u:\b)|(?:'s|’s|(?-u:\b)a) new (?:(?-u:[\w-])+ ){0,3}(?:deal|contract|lease|agreement) to (?:deliver|provide|supply|host) (?:more than |over |up to |about |approximately )?\d[\d.,]* ?(?:MW|megawatts?)(?-u:\b)"),
            after_news: r(r"(?i)^\W*(?:following|after|on the heels of|in the wake of) (?:the|this|that) (?:announcement|news|deal|agreement)(?-u:\b)|^\W*on the news(?-u:\b)"),
            question_end: r(r"\?\W*$"),
            recalled_more: r(r"(?i)(?-u:\b)ever since(?-u:\b)|(?-u:\b)since (?:the |its )?(?:last|previous|prior) (?:quarter(?:'s|’s|ly)? |fiscal )?(?:earnings|results|report|call)(?-u:\b)|(?-u:\b)the original (?:agreement|lease|contract)(?-u:\b)|(?-u:\b)follows? (?:an?|the|its) (?:(?-u:[\w-])+ ){0,3}(?:lease|agreement|contract|deal)s? (?:with|signed)(?-u:\b)"),
            sector_miners: r(r"(?i)\b(?:bitcoin|btc|crypto) (?:miners|mining (?:companies|firms|operators))\b|\bminers (?:like|such as|including)\b|比特币矿(?:场|企|工)|比特幣礦(?:場|企)|(?:各|多家|几家|数家)矿企|マイナー各社|(?:複数|多く)のマイナー|채굴 ?(?:업체|기업)들"),
            past_perfect: r(r"(?i)\bhad (?:previously |already |recently |earlier |just |also )?(?:signed|secured|inked|entered|struck|landed|agreed|executed|won|clinched|sealed|reached|finali[sz]ed)\b"),
            reports_speech: r(r"(?i)\b(?:said|says|say|announc\w*|mention\w*|disclos\w*|report\w*|told|tells|reveal\w*|confirm\w*|stat(?:ed|es|ing)|not(?:ed|es|ing)|explain\w*|added|according to|fil(?:ed|ing|ings?)|shows?|showed|wrote|writes)\b"),
            month_move: r(r"(?i)^\W*why(?-u:\b).*(?-u:\b)(?:stock|shares)(?-u:\b).*(?-u:\b)(?:in|during) (january|february|march|april|may|june|july|august|september|october|november|december)\W*$"),
            week_move: r(r"(?i)\b(?:stock|shares)\b[^.;]{0,80}\b(?:rose|jumped|soared|skyrocketed|surged|climbed|rallied|gained|advanced|fell|dropped|plunged|tumbled|sank|slid|doubled)\b[^.;]{0,60}\blast week\b"),
            new_agreement: r(r"(?i)\b(?:a|its|the) new (?:multi-year |long-term |\d+-year )?(?:contracts?|leases?|agreements?|deals?)\b"),
            subject_anaphor: r(r"^\W*(?:The (?:company|group|tech giant|software giant)|La (?:compañía|empresa|société|società)|El gigante (?:tecnológico|del software)|L['’](?:entreprise|azienda)|Das Unternehmen|Der Konzern|A (?:empresa|companhia)|Le groupe) (?:\w+ ){0,2}(?:signed|firmó|ha firmado|a signé|signe|hat|unterzeichnete|assinou|fechou|ha firmato|firma)\b"),
            citations_stacked: r(r"[^\s\]]\[\d{1,3}\]\s?\[\d{1,3}\]"),
            enumerated: r(r"(?:^|[\s:;,])\(?\d\)\s"),
            backing_title: r(r"(?i)\bbacking\b|\bbackstop\w*|\bguarantee\w*"),
            this_day: r(r"(?i)\b(?:today|monday|tuesday|wednesday|thursday|friday)\b"),
            access_to_capacity: r(r"(?i)\b(?:secur(?:es|ed|ing)|gain(?:s|ed)|(provid(?:e|es|ed|ing)|giv(?:e|es|ing)|gave|grant(?:s|ed|ing)?)|sichert sich|sicherte sich|obtiene|obtuvo|garantiza|s'assure|assicura) ((?:\w+ ){0,3}?)(?:access to|Zugriff auf|Zugang zu|acceso a|accès à|accesso a) (?:[\w'’-]+ ){0,3}?(?:[\w-]*compute|[\w-]*computing capacity|AI capacity|GPU capacity|[\w-]*Rechenkapazität\w*|capacidad de (?:cómputo|computación)|capacité de calcul|capacità di calcolo)"),
            issuer_debt: r(r"(?i)\b(?:issu(?:e|es|ed|ing) [^.;]{0,40}\b(?:bonds?|notes|debt)|(?:investment[- ]grade|secured) bonds|senior (?:secured )?notes|notes? offering|notes due|convertible|debt offering|bond offering|high[- ]yield|rais(?:e|es|ed|ing) (?:up to |about )?\$|pric(?:es|ed|ing) (?:its |an? )?(?:\$[\d.,]+ ?(?:billion|million|bn|b|m)? )?(?:offering|notes)|funding arrangement|Anleihe\w*|obligations? (?:senior|garanties)|bonos|debêntures?|облигаци\w*)\b|可转换|可轉換|转债|轉債|社債|회사채"),
            section_title: r(r"(?i)^(?:what(?:'s| is|’s) happening|what happened|why it(?:'s| is|’s) important|why it matters|key (?:takeaways|points|facts)|summary|overview|background|the bottom line|in brief|at a glance)\s*[?:.]?$"),
            amount_with: r(r"\$[\d.,]+\s?(?:billion|million|bn|B|M)?\s+with\s+(?:[a-z-]+\s+){0,3}[A-Z]"),
            pair_signs: r(r"(?:^|[,;]\s*|\b(?:company|firm|startup|provider|operator|developer|after|when|as)\s+)[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}\s+and\s+(?:[\w-]+\s+){0,3}?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}\s+(?:have\s+|has\s+)?(?:announced|signed|struck|inked|reached|unveiled|entered into)\b(?:[^.;]|\.\s\d){0,60}\b(?:agreement|deal|partnership|contract|pact)\b"),
            signing_act: r(r"\b(?:sign(?:s|ed)|ink(?:s|ed)|land(?:s|ed)|wins|won|bag(?:s|ged)|secur(?:es|ed)|str(?:ikes|uck)|clinch(?:es|ed)|seal(?:s|ed)|snag(?:s|ged))\b"),
            social_post: r(r"(?i)\bin an? (?:X|Twitter|LinkedIn|Threads|Bluesky|social[- ]media) post\b|\bin a post on (?:X|Twitter|LinkedIn|Threads|Bluesky)\b|\b(?:wrote|said|posted) (?:in a post )?on (?:X|Twitter|LinkedIn)\b"),
            analysis_subject: r(r"(?i)^\W*(?:(?:meanwhile|separately|also|elsewhere|in addition|similarly),?\s+)?(?:an?|the|one|another)\s+(?:(?-u:[\w./&'-])+\s+){0,4}(?:analysis|note|research|commentary|column|op-ed|editorial|thesis)\b[^.;]{0,60}?\b(?:frames?|argues?|argued|notes?|noted|highlights?|highlighted|points? (?:to|out)|cites?|cited|citing|suggests?|suggested|describes?|described|casts?|views?|sees|saw)\b"),
            recap_frame: r(r"(?i)(?-u:\b)(?:has|have) been (?:actively |steadily |busy |aggressively |quietly |rapidly )?(?:pursuing|making|executing|building out|stacking up|racking up|lining up)(?-u:\b)"),
            listed_subject: r(r"^\W*(?:(?:Meanwhile|Elsewhere|Separately|Also|Similarly|Likewise|In other news|By contrast|In comparison),?\s+)?((?:[A-Z](?-u:[\w&.'-])*,?\s+){1,5})\((?:(?:NASDAQ|Nasdaq|NYSE(?: American| Arca)?|TSX|TSXV|OTC|OTCQX|CBOE|Cboe)\s*:\s*)?\$?([A-Z]{1,5})\)"),
            while_clause: r(r"(?i),\s*(?:while|whereas|während|wohingegen|mientras(?: que)?|tandis que|alors que|enquanto|mentre)\b"),
            generic_party: r(r"(?i)\bwith (?:these|such|those|several|many|various) (?:companies|firms|miners|operators|providers)\b|\bcon (?:estas|esas|varias) (?:empresas|compañías|mineras)\b|\bavec (?:ces|plusieurs) (?:entreprises|sociétés|mineurs)\b|\bmit (?:diesen|solchen|mehreren) (?:Unternehmen|Firmen|Minern)\b|\b(?:an?|any|every|each) (?:[\w-]+ ){0,2}(?:miner|company|operator|firm|provider|player) (?:that|which|who) (?:signs|secures|lands|inks|wins|strikes)\b|\b(?:miners|companies|operators|firms|providers|players) (?:that|which|who) (?:sign|secure|land|ink|win|strike)\b|\bone of (?:the |several |many |a (?:handful|number) of |\w+ )?(?:[\w-]+ )?(?:miners|companies|operators|firms|providers|players) (?:that|which|who) (?:have |had )?(?:signed|secured|landed|inked|won|struck)\b|\bwith (?:[\w-]+ ){0,2}(?:customers|clients|tenants) (?:such as|like)\b|等(?:超大规模|超大規模|大型|主要|科技)?(?:客户|客戶)|などの(?:顧客|企業)|これらの企業と|これらの会社と|这些公司|這些公司|이들 기업"),
            kind_of_deal: r(r"(?i)\b(?:typically|usually|generally|normally|routinely|commonly)\s+(?:[\w-]+\s+)?(?:signs?|leases?|rents?|hosts?|contracts?|inks?)\b|\bin (?:a|the) (?:typical|standard|usual|common|classic) (?:deal|arrangement|structure|setup|set-up|transaction|contract)\b|\bin (?:such|these|those) (?:deals|arrangements|structures|transactions)\b|(?:^|[,;:]\s*|\band\s+)(?:an?|one) (?:[\w-]+ ){0,2}(?:cloud|tenant|customer|client|hyperscaler|lab|neocloud)s? (?:signs|leases|rents|takes|commits to) (?:the|a|an) (?:[\w-]+ ){0,2}(?:lease|contract|capacity|agreement|space)\b"),
            giant_anaphor: r(r"(?i)\b(?:with|from|to) the (?:(?:U\.S\.|US|American|Redmond-based|Seattle-based|tech|technology|software|cloud|search|internet|AI) ){1,2}(?:giant|titan|behemoth|major|heavyweight)\b|\b(?:con|para) el gigante (?:tecnológico|del software|de la nube)\b|\bavec le géant (?:américain|technologique|du logiciel)\b|\bmit dem (?:Tech|Software|Technologie)-?(?:riesen|konzern|Riesen|Konzern)\b"),
            mining_hosted: r(r"(?i)\b\d[\d.,]*\s?(?:EH/s|PH/s|TH/s|(?:exa|peta|tera)-?hash\w*)|\bhash ?rate\b|\bASIC(?:s|-Miner\w*)?\b|\b\d[\d.,]*\s(?:of (?:its|their|the) )?(?:[\w-]+ ){0,2}(?:miners|mining rigs|mining machines|Bitcoin-Miner\w*|mineurs|mineros|mineradoras|mineradores|minatori)\b|\bhost(?:s|ed|ing)? (?:[\w,.-]+ ){0,3}(?:miners|mining rigs|mining machines)\b|\b(?:co-?location|hosting)[- ]mining\b|\bwith (?:an? )?(?:(?-i:[A-Z])[\w-]* ){0,3}(?:bitcoin|btc|crypto(?:currency)?) (?:miners?|mining (?:compan(?:y|ies)|firms?|customers?|clients?|operators?))(?:\s*(?:[.,;:)]|$)|\s+(?:for|to|at|in|on|that|which|who)\b)|\bmining[- ](?:hosting|colocation|co-location)\b|Bergbaumaschinen|\bmining[- ](?:operations|capacity|capacities|Kapazität\w*)|\b(?:operazioni|capacità) di mining\b|\bMiner-Hosting\w*|\bcapacidad(?:es)? de minería\b|\bopérations de minage\b|\b\d[\d.,]*\s?(?:тыс\.?\s)?майнер|размещени[еяи] майнер|хостинга? майнер|矿机|礦機|マイニングマシン|채굴기"),
            ai_words: r(r"(?i)\b(?:AI|A\.I\.|HPC|GPUs?|KI|IA|artificial intelligence|intelligence artificielle|inteligencia artificial|intelligenza artificiale|inteligência artificial|künstliche\w* Intelligenz|high[- ]performance comput\w*|critical IT|Hochleistungsrechn\w*|calcul haute performance|computación de alto rendimiento|inference|cloud|neocloud|ИИ|искусственн\w*|высокопроизводительн\w*)\b|人工智能|人工知能|인공지능|ＡＩ|高性能计算|高性能計算|高效能運算|关键 ?IT|關鍵 ?IT|لذكاء الاصطناعي|(?:AI|GPU|HPC)[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]|[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}](?:AI|GPU|HPC)"),
            results_release: r(r"(?i)\b(?:announc(?:es|ed|ing)|report(?:s|ed|ing)?|releas(?:es|ed)) (?:its |their )?(?:(?:un)?audited |preliminary |consolidated )?(?:financial |operating |operational |fiscal )?results\b|\b(?:colocation|hosting|HPC|AI|cloud|total|quarterly) revenues? (?:more than |nearly |almost )?(?:doubled|tripled|rose|grew|increased|jumped|climbed|fell|declined|dropped)\b"),
            access_to: r(r"(?i)\b(?:acquir(?:e|es|ed|ing)|buy|buys|bought|purchas(?:e|es|ed|ing)|adquirir|adquiere|adquirió|adquiriu|acquérir|acquiert|acquisire) (?:\w+ ){0,2}(?:access|entry|capacity|capacidad|capacidade|capacité|capacità|compute|computing|cloud|services|servicios|serviços)\b"),
            relation: r(r"(?i)\b(?:contract\w*|partner\w*|rent\w*|contrat\w*|lease\w*|leasing|tenant\w*|customer\w*|clients?|sign\w*|ink\w*|with|con|avec|mit|com|capacit\w*|capacidad|expan\w*|ampli\w*|intes[ae])\b"),
            own_terms: r(r"(?i)(?:\$|US\$|USD ?)\d[\d.,]*\s?(?:billion|million|bn|b|m)\b|\b\d[\d,.]*\s?-?(?:MW|megawatts?)\b|\b(?:\d{1,2}|ten|twelve|fifteen|twenty)[- ]year\b|\d[\d.,]*\s?(?:億|亿|억)\s?(?:美元|ドル|달러)|\d{1,2}\s?(?:年間|년간|年期|年租)|\d[\d,.]*\s?(?:メガワット|메가와트|兆瓦)"),
            one_contract: r(r"(?i)\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:agreement|contract|lease|deal)\b|(?:一项|一項|一份|一个|一個)[^。；;]{0,40}?(?:协议|協議|合同|合約|合约|租约|租約)"),
            size_or_term: r(r"(?i)\b\d[\d,.]*\s?-?(?:MW|megawatts?)\b|\b(?:\d{1,2}|ten|twelve|fifteen|twenty)[- ]year\b"),
            deal_as_subject: r(r"^(?:The|This|That|Its|Their) (?:[\w$.,-]+ ){0,3}(?:lease|contract|deal|agreement|pact)s? (?:that )?(?:[\w.'’-]+ ){1,4}(?:signed|struck|inked|agreed) (?:with|to)\b|^[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}['’]s? (?:[\w$.,-]+ ){0,3}(?:lease|contract|deal|agreement|pact)s? with [A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2} (?:is|are|was|were|could|would|may|might|will|has|have|had|remains?|looks?|seems?)\b"),
            analyst_said: r(r"(?i),\s+(?:the |an |one |two |several |some |many )?analysts?(?: (?:at|from|with) [^,;]{1,40})? (?:said|say|says|wrote|write|writes|noted|note|notes|argued|argue|argues|estimated|estimate|estimates|cautioned|believe|believes|think|thinks)\b[^,;]{0,40}[.!]?\s*$|\baccording to (?:an? |the |some |several )?analysts?\b"),
            describing_clause: r(r"^(?:(?:the|an?) [^,;]{0,60}?\b(?:that|which|who|whose)\b|(?:which|who|whose|that)\b)[^;]*$"),
            past_signing: r(r"\b(?:signed|struck|inked|agreed|entered|announced|secured|won|landed)\b"),
            signs_with_for: r(r"(?i)\b(?:signs?|signed|inks?|inked) with [^.;]{1,60}?\bfor (?:about |approximately |around |up to |over |more than |nearly |roughly )?\d[\d,.]* ?(?:MW|megawatts?|GW|gigawatts?)\b"),
            named_party: r(r"(?:\b(?:agreements?|contracts?|leases?|deals?|pacts?|partnership|arrangements?|MSA|LOI)\s+with|\b(?:to provide|will provide|providing|to supply|will supply|supplying)\s+(?:[\w-]+\s+){0,4}(?:capacity|compute|computing|GPUs|cloud services|services)\s+to)\s+([A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|&)){0,3})"),
            tenant_state: r(r"^(?:[\w.'’&-]+ ){1,4}(?:leases|rents|occupies|uses|takes|operates|runs|is (?:the |an? )?(?:anchor |sole |first )?(?:tenant|customer|lessee))\b"),
            capacity_beside: r(r"(?i)\bincluding\b|\band (?:\w+ )?(?:capacity|space|power|sites?|halls?)\b"),
            contract_noun: r(r"(?i)\b(deal|deals|pact|contract|contracts|müqavilə|müqaviləsi|sözleşme|sözleşmesi|anlaşma|anlaşması|saziş|contractul|contracte|acord|acordul|acorduri|agreement|agreements|kesepakatan|perjanjian|kontrak|kasunduan|accord[oi]|acuerdos?|contratos?|contratt[oi]|[a-zäöü]{0,20}vertr(?:a|ä)ge?s?|Vereinbarung(?:en)?|Abkommens?|contrats?|accords?|acordos?)\b|合约|合約|大单|大單|合同|协议|協議|契約|계약|협약|\b(?:контракт\w*|соглашени\w*|договор\w*|сделк\w*)\b|ดีล|สัญญา|ข้อตกลง|डील|लीज़|लीज|समझौत|अनुबंध|عقد|اتفاقية|اتفاق|صفقة|إيجار|\b(?:smlouv\w*|zmluv\w*|umow\w*|umów|dohod\w*)\b"),
            deal_noun: r(r"(?i)\b(deal|deals|pact|pacts|contract|contracts|müqavilə|müqaviləsi|sözleşme|sözleşmesi|anlaşma|anlaşması|saziş|contractul|contracte|acord|acordul|acorduri|agreement|agreements|partnership|partenariats?|parcerias?|partenariato|Partnerschaft|kasunduan|pakikipagtulungan|tenant|customer|accord[oi]|acuerdos?|contratos?|contratt[oi]|[a-zäöü]{0,20}vertr(?:a|ä)ge?s?|Vereinbarung(?:en)?|Abkommens?|contrats?|accords?|acordos?|Kunde|client|cliente)\b|合约|合約|大单|大單|合同|协议|協議|契約|계약|협약|客户|客戶|顧客|고객|\b(?:контракт\w*|соглашени\w*|договор\w*|сделк\w*|клиент\w*)\b|\b(?:joint venture|Joint Venture|Joint-Venture|coentreprise|joint-venture|empresa conjunta)\b|ดีล|สัญญา|ข้อตกลง|डील|लीज़|लीज|समझौत|अनुबंध|عقد|اتفاقية|اتفاق|صفقة|إيجار|\b(?:smlouv\w*|zmluv\w*|umow\w*|umów|dohod\w*)\b"),
            financing_only: r(r"(?i)\bfinancing\b[^.;]{0,20}\bsecured\b|\b(?:announc|secur|arrang|clos|obtain|rais)\w* \$[\d.,]+\s?(?:billion|million|bn|b|m)? (?:in |of )?(?:new )?(?:GPU |debt |delayed[- ]draw )?(?:financing|funding)\b|\bfinancing\b[^.;]{0,80}\b(?:is|are|was|were|has been|have been) secured\b|\bsecured\b[^.;]{0,30}\bfinancing\b|\b(notes? offering|convertible|senior (?:secured )?notes|bonds?|term loan|credit facility|loan (?:agreement|facility)|project financing|financing (?:deal|package|agreement)|private placement|debt (?:financing|facility)|financing (?:structure|facility)|(?:preferred|common) equity units?|equity units?|convertibles|conversíve(?:l|is)|debêntures?|Wandelanleihen?|конвертируем\w*|облигаци\w*)\b|可转换|可轉換|转债|轉債|票据|票據|债券|債券|私募|転換社債|社債|전환사채|회사채"),
            fresh_results: r(&[
                r"(?i)\b(?:signed|secured|entered into|executed|inked|signs|secures|announced)\b[^.;]{0,80}\b(?:leases?|colocation|hosting|contracts?|agreements?|cloud[- ]services)\b|\bnew (?:multi-year |long-term |\d+-year )?(?:(?:AI|HPC|GPU|cloud|colocation|hosting|lease|customer) )*(?:contracts?|leases?|agreements?|customers?)\b|\btoday (?:announced|signed) (?:a |an |that )?(?:[\w-]+ ){0,5}(?:leases?|contracts?|agreements?|colocation|hosting)\b|\bfinali[sz]ed (?:\w+ ){0,3}agreements?\b|\b(?:first|initial) customer (?:agreement|contract)\b|",
                super::cluster::NOW_AGREED,
                // "敲定了……商业协议", "签署了……租约" (a signing in the period; "与微软签订的合同",
                // the contract signed with Microsoft, names one), "契約を締結した", "계약을 체결했다"
                r"|(?:签署|簽署|签订|簽訂|敲定|达成|達成|签约|簽約)了[^。；;]{0,60}?(?:协议|協議|合同|合約|合约|租约|租約)|契約を締結し|계약을\s?체결했",
            ]
            .concat()),
            fresh: r(r"(?i)\b(signed|secured|entered into|executed|new (?:multi-year |long-term |\d+-year )?(?:contracts?|leases?|agreements?|customers?)|finali[sz]ed|awarded)\b"),
            company_reported_that: r(r"\b[Tt]he company report(?:ed|s)? on (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, (?:19|20)\d\d(?: at \d{1,2}:\d\d ?[AP]M)? that\b"),
            described_partner: r(r"^the (?:[\w-]+ ){0,3}?(?:company|provider|firm|start-?up|lab|developer|operator|giant|platform|specialist) "),
            subsidiary_subject: r(r"(?i)^\W*(?:a|an|the|its|the company(?:'|’)s) (?:(?:wholly[- ]owned|indirect|direct|newly[- ]formed) )*subsidiar(?:y|ies)\b"),
            update_list: r(r"(?i)\bthe following (?:[\w-]+ ){0,4}(?:updates|highlights)\b|^(?:(?:corporate|business|operational|operating|operations|site|key|recent|company|financial)(?: and [\w-]+)? )?(?:highlights|updates)\s*:?$"),
            also_announced: r(r"(?i)\b(?:also|additionally|separately) announced\b|\btambém anunciou\b|\btambién anunció\b|\ba (?:également|aussi) annoncé\b|\bha (?:anche|inoltre) annunciato\b|\bgab (?:außerdem|zudem|auch) bekannt\b|\bkündigte (?:außerdem|zudem|auch) an\b"),
            announced_new: r(r"(?i)\b(?:announcement of|announc(?:ed|es|ing)) (?:\S+ )?new (?:\S+ ){0,4}(?:contracts|agreements|leases|deals)\b"),
            lessee: r(r"(?i)\b(?:leases?|leased|leasing|rents?|rented|renting)\b[^.;]{0,80}?\bfrom\b|\b(?:leases|leased|rents|rented)\b[^.;]{0,60}?\bto (?-i:the Company|the Registrant|us)\b|\bleas(?:e|es|ed|ing) (?:an? )?(?:about |approximately |around |over |more than |almost |some |nearly |roughly |additional |another |further )?\d[\d,.]* (?:more )?(?:acres|hectares)\b|\blease (?:(?:amendments?|agreements?|terms) )?with (?:the )?(?:City|County|Town|Village|Port|State|Municipality|Authority)\b|\bleases?\b[^.;]{0,80}?\bfor (?:about |approximately |around |over |more than |some |nearly |roughly )?\d[\d,.]* (?:acres|hectares)\b|\blease-to-own\b|\b(?:ground|land|site) lease\b|\b(?:3[1-9]|[4-9]\d)[- ]year (?:ground |land |site )?leases?\b|\bas a (?:tenant|lessee)\b|\bhosting customer of\b|\bdeploy(?:s|ed|ing)? (?:[\w,]+ ){0,3}(?:miners|rigs|ASICs|machines) (?:to|at) [A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}(?:'s|’s)|\bbail avec option d.achat\b|\barrendamiento con opci[óo]n (?:de|a) compra\b|\blocação com opção de compra\b|\bMietkauf\w*|土地[^。]{0,20}?(?:リース|賃借|借り)|(?:土地|用地)租(?:赁|賃|用)|賃借|承租|임차"),
            plan: r(r"(?i)\b(plans? (?:is )?to (?:sign|lease|host|offer|develop|build|convert)|strategy to (?:include|add|offer|expand into|pivot|diversify|transition|move into|grow into|repurpose)|announced (?:a |its )(?:strategic |planned )?(?:pivot|shift|transition) (?:toward|towards|to|into)|on the verge of (?:closing|signing|finali[sz]ing)|positioned to|in (?:advanced|early|preliminary|active|ongoing) (?:talks|discussions|negotiations)|preliminary (?:talks|discussions|agreement)|ongoing (?:talks|discussions|negotiations)|discussions with|negotiating with|intends? to (?:sign|lease|enter)|expects? to (?:sign|finali[sz]e|enter into|announce)|aims? to (?:sign|lease|secure)|expect(?:s|ed)? (?:[\w.&'’-]+ ){1,3}to (?:sign|lease|secure|land|ink|finali[sz]e|enter into|announce)|(?:hopes?|hoping|hoped|wants?|wanted|eager|keen|seeks?|seeking|looks?|looking) to (?:sign|lease|secure|land|ink|finali[sz]e|enter into|strike)|den(?:ied|ies|y|ying) (?:\w+ ){0,3}(?:reports?|claims?|rumou?rs?|speculation|media reports)|(?:imagine|what) if|(?:would|will|may|might) (?:need|have) to (?:sign|secure|land)|needs? to (?:sign|secure|land)|(?:strong |significant )?interest from (?:multiple|several|potential|prospective) (?:parties|tenants|customers|hyperscalers)|seeking (?:a |an )?(?:tenant|customer|partner)|looking for (?:a |an )?(?:tenant|customer)|potential (?:tenants?|customers?|clients?|lessees?)|(?:could|would|may|might) (?:sign|lease|host)|to be leased|the plan is to (?:lease|sign|host|rent)|(?:will|would) (?:likely|probably) be leased|yet to (?:sign|secure|announce)|no (?:tenant|customer) has|strategy (?:around|of|for) (?:hosting|leasing|offering|providing)|breaks? ground|breaking ground|groundbreaking|break ground|(?:is|are|has been|have been) executing (?:on )?(?:a|an|its|the|their) (?:[\w-]+ ){0,2}(?:shift|strategy|pivot|transition|roadmap|turnaround))\b"),
            competitor: r(r"(?i)\b(?:beat(?:s|ing)?|defeat(?:s|ed|ing)?|outbid(?:s|ding)?|edg(?:es|ed|ing) out)\b [A-Z]?[\w.&-]+(?: [A-Z][\w.&-]+)? (?:for|to|in|by)\b|\b(?:wins?|won|winning)\b [^.;]{0,80}\bover (?:rivals? |bidders? (?:such as |like |including )?)?(?-i:[A-Z])[\w.&-]+\s*(?:[.,;]|$)|\bedg(?:es|ed|ing) out (?-i:[A-Z])[\w.&-]+\s*(?:[.,;]|$)"),
            approval: r(r"(?i)\b(?:secur|obtain|receiv|win|won|gain|grant)(?:s|ed|ing|e)? (?:\w+ ){0,3}(?:approvals?|authori[sz]ations?|permits?|zoning|rezoning|tax (?:abatements?|incentives?)|incentives?)\b"),
            backdrop: r(r"(?i)\b(?:amid|amidst|despite|in spite of|against (?:a|the) backdrop)\b"),
            reader_buys: r(r"(?i)\b(?:is it )?(?:too late |a good time |the right time |time )?to buy (?:\w+ ){0,2}(?:stocks?|shares)\b|\bshould you buy\b"),
            upcoming_results: r(r"(?i)\b(?:ahead of|before|into|previews?|preview of)\b[^.;]{0,20}\b(?:earnings|results|report)\b"),
            buying: r(r"(?i)\b(?:to (?:acquire|buy|purchase)|acquir(?:es|ed|ing)|purchas(?:e|es|ed|ing)|buy(?:s|ing)?|bought)\b"),
            buyer: r(r"(?i)\b(?:purchase|procurement|supply|purchasing) (?:agreement|order|contract|deal)s?\b|(?-i:\b(?:MIPA |Purchase |Asset |Stock )?Buyer\b)|\bhardware procurement\b|\b(?:for|(?:billion|million|worth|\S*\d\S*) of|to buy|to purchase|purchas(?:e|es|ed|ing)|to acquire|acquir(?:es|ed|ing)) (?:\S+ ){0,3}(?:Blackwell|GB\d00|B\d00|H\d00|GPUs|servers|systems|chips|equipment|miners|rigs|ASICs)\b"),
            furniture: r(r"(?i)^(?:sign in|log in|subscribe|register|share|follow|home|key takeaways|quick takeaways|summary|advertisement|related|read more|listen|min read|\d+ min read|by [A-Z][a-z]+ [A-Z][a-z]+$|photo|image|author|updated|published)\b|^[A-Z]{2,5} \$[\d,.]+ [+-]?[\d.]+%$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2},? \d{4}|^in this (?:file )?(?:photo|picture|illustration)\b|^add us on\b|^\(?(?:photo|photo illustration|image|illustration) (?:by|credit)\b|\bgetty images\b|\bshutterstock\b|^\d+\s?(?:min(?:ute)?s?|Minuten) (?:de lecture|di lettura|de lectura|de leitura|Lesezeit|read)\b|^©|^(?:-\s*)?(?:publicité|pubblicità|publicidad|publicidade|anzeige|werbung)\s*-?$"),
            furniture_alone: r(r"(?i)^(?:generated by|generado por|généré par|generato da|gerado por|generiert von|reviewed by|revisado por)\b|\d\s?min(?:ute)?s? (?:read|de lectura|de lecture|di lettura|de leitura)\s*$|^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),? [^.!?]{0,40}?\b(?:19|20)\d\d\b,?(?: \d{1,2}[:.]\d\d\s?(?:am|pm|a\.m\.|p\.m\.)?(?: ?[A-Z]{2,4})?)?(?:\s*\d+\s?min(?:ute)?s? (?:read|de lectura|de lecture|di lettura|de leitura))?\s*$"),
            on_news_adding: r(r"(?i)\b(?:jump(?:s|ed)?|soar(?:s|ed)?|surg(?:es|ed)|rall(?:ies|ied)|rose|climb(?:s|ed)?|gain(?:s|ed)?|rocket(?:s|ed)?|skyrocket(?:s|ed)?)\b(?:[^.;]|\.\d){0,50}\b(?:after|following)\b(?:[^.;]|\.\d){0,40}\b(?:said|announced|disclosed) (?:it|that it) (?:was|is|would|will) (?:adding|expanding|growing)\b(?:[^.;]|\.\d){0,80}\b(?:lease|deal|contract|agreement|partnership|joint venture|colocation|hosting)\b"),
            on_news: r(r"(?i)\b(?:jump(?:s|ed)?|soar(?:s|ed)?|surg(?:es|ed)|rally|rall(?:ies|ied)|rises|rose|climb(?:s|ed)?|gain(?:s|ed)?|pop(?:s|ped)?|spik(?:es|ed)|rocket(?:s|ed)?|skyrocket(?:s|ed)?|explod(?:es|ed)|(?:higher|up) \d+%|falls?|fell|drop(?:s|ped)?|slid(?:es)?|sink(?:s)?|sank|tumbl(?:es|ed)|sube|subi[óo]|steigt|bondit)\b(?:[^.;]|\.\d){0,50}\b(?:on|after|following|amid|tras|nach|apr[èe]s)\b(?:[^.;]|\.\d){0,60}\b(?:lease|leases|deal|contract|agreement|partnership|joint venture|colocation|hosting|arrendamiento|acuerdo|contrato|accordo|Vertrag)\b|\b(?:lease|deal|contract|agreement|pact)s? (?:sends?|lifts?|drives?|propels?|pushes?|boosts?|sparks?) [^.;]{0,40}?\b(?:stock|shares)\b|\b(?:market|investors?|stock|shares)(?:'|’|'s|’s)? (?:\w+ )?(?:reaction|response) to (?:the |a |an |its |news of )(?:[^.;]|\.\d){0,60}\b(?:lease|deal|contract|agreement|partnership)\b"),
            on_news_more: r(r"(?i)\b(?:sube|suben|subi[óo]|subieron|se dispar(?:a|an|ó|aron)|saltan|saltaron|sobem|subiram|disparou|dispararam|steigt|steigen|stiegen|springt|sprang|bondit|bondissent|grimpe|s'envole|s’envole|vola|volano|balza)\b(?:[^.;]|\.\d){0,50}\b(?:tras|luego de|después de|nach|apr[èe]s|após|depois de|dopo)\b(?:[^.;]|\.\d){0,60}\b(?:lease|leases|deal|contract|agreement|partnership|colocation|hosting|arrendamientos?|acuerdos?|contratos?|accord[oi]|Vertrag|Vereinbarung(?:en)?|accords?|contrats?|acordos?|empresa conjunta|joint venture|alianza|parcerias?|partenariats?|Partnerschaft)\b"),
            capacity_move: r(r"(?i)\b(?:adds?|added|leas(?:es|ed|ing)|takes?|took|doubles?|doubled|triples?|expands?|expanded|increases?|increased|commits? to|committed to|contracts? for|contracted|exercis(?:es|ed) (?:\S+ ){0,3}options?)\b[^.;]{0,40}\b(?:\d[\d,.]*\s?(?:MW|megawatts)|capacity|(?:operations|footprint|presence|deployment) at)\b"),
            capacity_move_more: r(r"(?i)\b(?:affitterà|affitta|prende in affitto|arrendará|arrendaría|arrienda|alquilará|alquilaría|alquila|alugará|aluga|louera|loue|mietet|wird (?:\w+ ){0,3}mieten|a porté|avait porté|porte|relevé|augmenté|elevou|aumentou|ampliou|aumentó|amplió|elevó|erhöht|erhöhte|aumentato|ampliato)\b[^.;]{0,40}\b(?:\d[\d,.]*\s?(?:MW|megawatts|megavatios|megawatt|mégawatts)|capacity|capacidad|capacità|capacité|capacidade|Kapazität|infrastructure|infraestructura|infrastruttura|infraestrutura|Infrastruktur)\b"),
            commitment: r(r"(?i)\bexercis(?:es|ed|ing)\b[^.;]{0,30}\boptions?\b|\b(?:využil[aiy]?|skorzystał[aoy]?) (?:\w+ )?(?:opci|opcj[ięa]|možnosť)\b|\bcommitments?\b|\bcommits? to\b|\bcommitted to\b|\bOption\w*\b[^.;]{0,90}\b(?:ausgeübt|gezogen)\b|\b(?:a|ont) exercé\b[^.;]{0,30}\boptions?\b|\bejerci(?:ó|do)\b[^.;]{0,30}\bopci[óo]n\b|\besercitato\b[^.;]{0,30}\bopzion[ei]\b"),
            site_commitment: r(r"(?i)\bcommit(?:s|ted)? to (?:using|use|taking|take|leasing|lease|occupying|occupy) (?:all |the |an additional |additional |\d[\d,.]* ?(?:MW|megawatts) of )*(?:\w+ ){0,3}?(?:power|capacity|megawatts|MW)\b"),
            new_customer: r(r"(?i)\b(?:signed|signs|signing|added|adds|secured|secures|onboarded|landed) (?:an? |two |three )?new (?:\d[\d,.]* ?(?:MW|megawatts?) )?(?:(?:AI|HPC|hosting|colocation|data cent(?:er|re)) )*(?:customers?|clients?|tenants?)\b|\b(?:ein (?:neuer|weiterer) Kunde|(?:einen )?(?:neuen|weiteren) Kunden) (?:\S+ ){0,3}gewonnen\b"),
            provides_mw: r(r"(?i)\b(?:provide|provides|providing|deliver|delivers|delivering|fornecerá|fornecerão|fornece|proporcionará|suministrará|fornirà|fournira|fournit)\b[^.;]{0,40}?\b\d[\d,.]*\s?-?(?:MW|megawatts?|megavatios|mégawatts?)\b|\b(?:wird|werden)\b[^.;]{0,60}?\b\d[\d,.]*\s?(?:MW|Megawatt)\b[^.;]{0,60}\b(?:zur Verfügung stellen|bereitstellen|liefern)\b"),
            options_total: r(r"(?i)\b(?:extensions?|options?|renewals?)\b[^.;]{0,40}\bbring(?:s|ing)?\b"),
            headline: Headlines {
                people: r(r"(?i)\b(?:appoints?|appointed|hires?|hired|names|named|taps|tapped|promotes|promoted)\b[^.;:]{0,60}\b(?:CEO|CFO|COO|CTO|chief|president|chair(?:man|woman)?|head of|SVP|EVP|vice president|director|officer|executive)\b|\b(?:steps down|resigns|to retire|joins (?:the )?board)\b|\b(?:contrat(?:a|ou|ó)|fich(?:a|ó)|nomeia|nomeou|nombra|nombró|nomme|nommé|recrute|embauche|nomina|ha nominato|ernennt|beruft|holt)\b[^.;:]{0,60}\b(?:CEO|CFO|COO|CTO|vice[- ]?presidente?|vice-président|directeur|director|diretor|direttore|Vorstand|Geschäftsführer|executivo|ejecutivo|dirigeant|dirigente|Manager)\b"),
                market: r(r"(?i)\bstocks? to (?:watch|buy)\b|\btop (?:gainers|losers|movers)\b|\bmarket (?:wrap|update|movers)\b|\b(?:premarket|pre-market|midday|after-hours) movers\b|\bcrypto stocks\b|\bmining stocks\b|\bbitcoin miners? (?:stocks? )?(?:rally|surge|jump|soar|fall|slide|tumble|climb)\b|\bweekly recap\b|\bweek in review\b"),
                volume_rank: r(r"(?i)(?-u:\b)\d+(?:st|nd|rd|th) in (?:(?:daily|dollar|trading) )?volume(?-u:\b)|(?-u:\b)ranks? \d+(?:st|nd|rd|th) in market activity(?-u:\b)|(?-u:\b)\d+(?:st|nd|rd|th) (?:trading )?volume rank(?-u:\b)"),
                moves_on_or_signs: r(r"(?i)\b(?:surges?|soars?|jumps?|rises?|rallies|climbs?|gains?|spikes?|pops?|leaps?|rockets?|signs?|inks?|lands?|secures?|wins?|clinches)(?: \d[\d.]*%)? (?:on |after |a |an )?$"),
                priced_deal: r(r"(?i)\$[\d.,]+\s?(?:B|M|bn|billion|million)(?-u:\b)(?:\s+[\w/-]+){0,4}\s+(?:deal|lease|contract|agreement|pact)(?-u:\b)"),
                legal: r(r"(?i)\bshort (?:report|seller|sellers|attack)\b|\blawsuits?\b|\bsues\b|\bsued\b|class action|\binvestigation\b|\bsuffered losses\b|\blaw firm\b|securities fraud|\binvestors who lost\b"),
                analyst: r(r"(?i)price target|initiates coverage|\b(?:is|are) (?:scheduled|set|slated|due) to report\b|\bto report (?:Q[1-4] |(?:first|second|third|fourth)[- ]quarter )(?:\S+ ){0,3}(?:earnings|results)\b|\bwhat['’]s in store\b|\bearnings preview\b|\b(?:starts|started|begins|began|launches|initiated) coverage\b|\btarget (?:of |to )?\$\d+(?:\.\d+)?(?:/\$?\d+(?:\.\d+)?)?(?:\s|$|[;,)])|\b(?:research |master )?report (?:flags|highlights|warns|reveals|finds|questions|cautions|raises)\b|\b(?:said|says|stated|states|wrote|writes|noted|notes) in (?:a|an|its|their) (?:\w+ ){0,2}(?:report|note)\b|\bupgrades?\b|\bupgraded\b|\bdowngrades?\b|\bdowngraded\b|\banalysts?\b|\brating\b|\breaffirms?\b|\boutperform\b|\boverweight\b|\bhold or fold\b|\bshould you (?:buy|sell|hold)\b|\bdeep dive\b|\bstock forecast\b|\bprice (?:forecast|prediction)s?\b|\bfor investors\b|\bwhat (?:it|this|that) means\b|\bthe good and (?:the )?bad\b|\b(?:revenue|earnings|price|share|stock|valuation|\d+%) upside\b|\bupside (?:potential|case|scenario|to)\b|\bbetter (?:buy|bet|pick)\b|\b(?:advantage|edge) over\b|過小評価|割安|投資機会|買い時|株価予想|投資判断|被低估|低估|투자 ?기회|저평가"),
                financing: r(r"(?i)\bconvertible\b|\bconvertibles\b|\bobbligazioni\b|\b(?:Wandel)?[Aa]nleihe\w*|\b(?:levantou|levanta|captou|capta|arrecadou|recaudó|recauda) (?:US\$|R\$|\$|USD)|可转换|可轉換|转债|轉債|票据|票據|债券|債券|私募|転換社債|社債|전환사채|회사채|\bsenior (?:secured )?notes\b|\bnotes? (?:offering|due)\b|\bbonds?\b|\bpric(?:es|ing|ed) (?:of )?(?:\$[\d.,]+ ?(?:billion|million|bn|b|m)? ?)?(?:of )?(?:\w+ ){0,4}(?:offering|notes)\b|\boffering\b|at-the-market|private placement|\b(?:term )?loan\b|project financing|\bfinancing\b|\bfunding (?:arrangement|package|deal|round|milestone|tranche|draw)\b|\b(?:first|initial|second) (?:funding|draw|tranche)\b|\b(?:secur|rais|obtain|clos)(?:es|ed|ing|e)? (?:\$[\d.,]+\s?(?:billion|million|bn|b|m)? )(?:in )?(?:new )?(?:funding|finance)\b|\$[\d.,]+\s?(?:billion|million|bn|b|m)? (?:in )?(?:new )?funding\b|credit facility|\bdebt\b|\bIPO\b|\bgoes public\b|\bregistration statement\b|\b424B\d\b|\bForm S-1\b|\btaps markets?\b|\brais(?:e|es|ed|ing) (?:up to |about |approximately )?\$|\bsecures? (?:a |an )?\$[\d.,]+\s?(?:M|B|bn|mn|million|billion)? (?:\w+ ){0,3}from\b|\bbacks [A-Z][\w ]{0,30}'s \$[\d.]+[MB] leap\b"),
                corporate: r(r"(?i)\bcommits? (?:up to |about |approximately )?\$[\d.,]+\s?(?:bn|billion|b|m|mn|million)? (?:to|in|into)\b|\binvest(?:s|ed|ing)\b|\binvestment (?:in|of|option|from|by)\b|\bAI investment\b|\b(?:expands?|increases?|boosts?|deepens?|ups) (?:\w+ ){0,3}investment\b|\bequity (?:option|investment|stake)\b|\bwarrants?\b|\bacqui(?:re|res|red|ring|sition|sitions)\b|\bmerger\b|\bmerges?\b|\btakeover\b|\bbuyout\b|\btender offer\b|\b\d+% stake\b|\bstake\b|\bproxy\b|\bspecial meeting\b|\bshareholders? (?:vote|reject|approve)|\bvotes? (?:against|for)\b|\bdirectors\b|\bactivist\b|\bgo public\b|\brelisting\b|\bspin-?off\b|\bbuys\b|\bto buy\b|\bbought\b|\bpurchases?\b|\bpurchased\b|\btakes? over\b|\bsecures? (?:a |an |the )?(?:[\w-]+ ){0,3}(?:site|land|property|acres)\b|\b(?:oferta|offre|offerta|Angebot)\b[^.]{0,40}?\b(?:acciones|actions|azioni|Aktien|ações|compra|rachat|acquisto|Übernahme)|\b(?:accionistas|actionnaires|azionisti|Aktionäre|acionistas)\b[^.]{0,60}?\b(?:rechaz|rejet|respin|lehnen|ablehn|rejeit|aprob|approuv|approv|stimmen)|\bÜbernahme\w*|\bfusi(?:ón|one)\b|\bfusão\b|\bfusion (?:entre|avec|de)\b"),
                results: r(r"(?i)quarterly (?:results|performance)|\bquarter[- ]over[- ]quarter\b|\byear[- ]over[- ]year\b|\bEBITDA\b|\billustrative (?:financials|figures|economics|returns)\b|\bdiscloses (?:\w+ ){0,2}(?:financials|economics|projections)\b|\bresults\b|\breports? (?:first|second|third|fourth|q[1-4])\b|\bearnings\b|business update|monthly update|operational update|production update|production and (?:operations|operating|operational) updates?|operations updates?|bitcoin production|\bQ[1-4]\b|\bfiscal (?:20\d\d|year)\b|shareholder letter|lettre aux actionnaires|annual meeting|\btranscript\b|\b10-[QK]\b|\bnet income\b|\bquarterly revenue\b|\bquarterly report\b|\b(?:revenues?|earnings|net (?:loss|income)) for (?:its|the) (?:first|second|third|fourth) (?:fiscal )?quarter\b|\b(?:total )?(?:revenues?|net (?:loss|income)|adjusted EBITDA)\b(?:[^.;]|\.\d){0,40}\bfor the (?:first|second|third|fourth) (?:fiscal )?quarter\b|決算|财报|財報|业绩|業績|季报|季報|电话会|電話會|실적"),
                power: r(r"(?i)power (?:purchase|supply|capacity) agreement|\b(?:power|interconnection|load|grid) approvals?\b|\bPPA\b|\butility\b|\bgrid\b|\binterconnection\b|\bERCOT\b|\bselects [A-Z]\w+ \b|\bpower capacity\b|\bgas supply\b|\bsubstation\b|\benergy (?:supply|agreement)\b|\bbehind[- ]the[- ]meter\b|\bpower contracts?\b"),
                power_business: r(r"(?i)\bpower (?:JV|joint venture)\b|\bgas[- ](?:fired )?(?:power )?(?:plants?|generation)\b|\bcapacity (?:auction|procurement)\b|\belectricity system operator\b|\bIESO\b"),
                milestone: r(r"(?i)\bcomplet(?:es|ed|ion)\b|\b(?:hits|reaches|tops|surpasses|crosses) \d[\d.,]*\s?(?:GW|MW|EH/s|gigawatts?|megawatts?)\b|\b(?:comes?|came|goes|went|is|now|brought|brings) online\b|\bonline:|\bfinish(?:es|ed)\b|ready for service|\benergi[sz](?:es|ed|ation)\b|\bbreaks? ground\b|\bgroundbreaking\b|\bbegins construction\b|\bstarts construction\b|\bto break ground\b|\bopens\b|\bcommissioning\b|\bgoes live\b|\bfirst phase\b"),
                plan: r(r"(?i)\bplans? (?:to|for)\b|\bplanned\b|\bto convert\b|\bconverts?\b|\bexplor(?:es|ing)\b|\bconsider(?:s|ing)\b|\beyes\b|\bsets? sights\b|\bstrategic alternatives\b|\bwinds? down\b|\bto invest\b|\bto increase\b|\bLOI\b|\bletter of intent\b|\bMOU\b|\bexpands self-mining\b"),
            },
            verb: r(r"(?i)\b(sign(?:s|ed|ing)?|enter(?:s|ed|ing)? into|dated (?:as of )?(?:the date hereof|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}),? (?:(?:by and )?between|among)|has entered|execut(?:es|ed)|agree(?:s|d|ing)?|award(?:s|ed)|secur(?:es|ed|ing)|land(?:s|ed)|wins?|won|strikes?|struck|clinch(?:es|ed)|seal(?:s|ed)|snag(?:s|ged)|bag(?:s|ged)|ink(?:s|ed|ing)?|expand(?:s|ed)?|execution of|announcement of|reach(?:es|ed)? (?:an?|the) (?:[\w$.,-]+ ){0,4}(?:agreement|deal|pact)|lock(?:s|ed)? in|solidif(?:ies|ied)|unveil(?:s|ed)|reveals|(?:has|have) revealed|revealed (?:an?|its|their)|(?:will |to )?provides? (?:\w+ ){0,3}with|(?:will |to )?(?:provides?|suppl(?:y|ies)|gives?|offers?) [A-Z][\w-]* (?:with )?access to|(?:will |to )?provides? (?:up to |approximately |about )?\d[\d,.]*|(?:fornecerá|fornecerão|proporcionará|suministrará|fornirà|fournira) (?:até |hasta |fino a |jusqu'à )?\d[\d,.]*|menandatangani|meneken|menyepakati|inanunsyo|lumagda|exercis(?:es|ed)|exercé|ejerció|ejercieron|esercitato|exerceu|exerceram|acquir(?:e|es|ed|ing)|to buy|buys|merge[sd]?|announc(?:es|ed|ing)|confirm(?:s|ed)|disclos(?:es|ed) (?:an?|two|three|new)|leased|leasing (?:an? )?(?:additional |another |further )?\d[\d,.]*|(?:to|will|would) lease|leases \d[\d,.]*|partners? with|closes|closed|finaliz(?:es|ed)|commits?|committed|adds|added|takes|took|doubles|doubled|firma|firmato|sigla|siglato|amplia|ha ampliato|amplía|ampliou|ha stretto|hanno stretto|stringe|sottoscritto|sottoscrive|firm[óo]|anunci[óo]|schlie(?:ß|ss)t|unterzeichnet|unterzeichnen|Unterzeichnung|ausgeübt|Option(?:en)? (?:\S+ ){0,4}gezogen|getroffen|abgeschlossen|schlie(?:ß|ss)t|vereinbart|sichert sich|kündigt|kündigte|signe|signé|sécuris(?:e|é|ée|er|ait)|a încheiat|au încheiat|încheie|a semnat|au semnat|semnează|imzalayıb|imzaladı|imzaladığını|imzaladılar|imzalanıb|signature|conclu|conclut|(?:a|ont) passé (?:un|deux|trois) (?:accord|contrat)s?|passe (?:un|deux|trois) (?:accord|contrat)s?|annonce|annoncé|anunciou|anunció|décroche|remporte|ha anunciado|anuncia|firmado|alquila|alquilará|alquiló|arrienda|arrendará|arrendó|aluga|alugará|alugou|vermietet|vermieten|vermietete|loue|louera|affitta|affitterà|cierra|cerró|cerrado|pacta|pactan|pactó|pactaron|pactado|booked (?:a|an|its|the)|asegura|aseguró|firmou|assinou|assina|fecha|fechou|annuncia|annunciato)\b|签署|簽署|签订|簽訂|签下|簽下|签约|簽約|签了|簽了|达成|達成|敲定|締結|契約を結|契約を確保|合意し|체결|계약을 맺|서명했|\b(?:подписал[аио]?|подписали|заключил[аио]?|заключили|договорил(?:ась|ись|ся)|объявил[аио]?)\b|\b(?:podepsal[aiy]?|podpísal[aiy]?|podpisał[aoy]?|podpisali|uzavřel[aiy]?|uzavřením|uzavrel[aiy]?|zawarł[aoy]?|zawarli|(?:využil[aiy]?|skorzystał[aoy]?) (?:\w+ )?(?:opci|opcj[ięa]|možnosť))\b|ปิดดีล|ลงนาม|เซ็นสัญญา|ทำสัญญา|हस्ताक्षर|डील पूरी|समझौता किया|समझौते पर|وقّعت|وقعت|وقّع|أبرمت|أبرم"),
            noun: r(r"(?i)\b(lease|leases|pact|kesepakatan|perjanjian|kontrak|sewa|kasunduan|pakikipagtulungan|arrendamientos?|alquiler|alquilará|arrendará|alugará|affitterà|locazion[ei]|affitto|contratt[oi]|contratos?|accord[oi]|acuerdos?|[a-zäöü]{0,20}vertr(?:a|ä)ge?s?|Vereinbarung(?:en)?|Abkommens?|contrats?|accords?|bail|baux|empresa conjunta|parcerias?|partenariats?|partenariato|Partnerschaft|acordos?|arrendamentos?|colocation|co-location|hosting|agreement|agreements|contract|contracts|müqavilə|müqaviləsi|sözleşme|sözleşmesi|anlaşma|anlaşması|saziş|contractul|contracte|acord|acordul|acorduri|MSA|master services|deal|option|merger|acquisition|stake|financing|backstop|partnership|tenant|commitment|engagement|compromisso|compromiso|impegno|takeover|buyout|proposal|bid|offer)\b|合约|合約|大单|大單|合同|协议|協議|租约|租約|租赁|租賃|托管|託管|契約|リース|賃貸|계약|임대|협약|\b(?:контракт\w*|соглашени\w*|договор\w*|аренд\w*|сделк\w*)\b|\b(?:joint venture|Joint Venture|Joint-Venture|coentreprise|joint-venture)\b|ดีล|สัญญา|ข้อตกลง|डील|लीज़|लीज|समझौत|अनुबंध|عقد|اتفاقية|اتفاق|صفقة|إيجار"),
            workload: r(r"(?i)\b(hosting|HPC|KI|IA|inteligencia artificial|intelligence artificielle|intelligenza artificiale|inteligência artificial|künstliche[rn]? Intelligenz|capacidad (?:informática|de cómputo|de computación)|capacité de calcul|capacità di calcolo|capacidade de computação|Rechenkapazität(?:en)?|Rechenzentr\w*|centre de données|centres de données|centro de datos|centros de datos|centro de dados|centri dati|centro dati|high[- ]performance computing|AI|A\.I\.|artificial intelligence|GPUs?|data cent(?:er|re)s?|critical IT|IT load|inference|training|cloud|colocation|hyperscalers?|AI factory|compute|Blackwell|GB300|H100|H200|megawatts?|MW)\b|人工智慧|人工智能|算力|資料中心|数据中心|數據中心|雲端|云端|云计算|雲計算|データセンター|人工知能|데이터센터|데이터 센터|인공지능|\b(?:ИИ|дата-центр\w*|ЦОД\w*|вычислительн\w*|искусственн\w* интеллект\w*)\b"),
            undisclosed: r(r"(?i)(investment[- ]grade|unnamed|undisclosed|confidential)(?:'|’|\x22|”)?\s+(?:[\w.-]+\s+){0,3}(hyperscaler|tenant|customer|client|lessee|counterparty|company|partner)|\b(?:an?|with|dengan) (?:large |leading |major |U\.S\.[- ]based |US-based )*hyperscaler\b|\bthe [\w-]+-based (?:tech|software|cloud|internet) (?:giant|major)\b|\b(?:un|une|uno|una|um|uma|ein|einem|einen) (?:[\w-]+ ){0,2}hyperscaler\b|\b(?:non identifié|non divulgué|no identificado|no revelado|nicht (?:namentlich )?genannt\w*|ungenannt\w*|não identificado|não divulgado|non identificato)\b|\b(?:a|an|one|its (?:first|second|third|new)) (?:\x22|“)?(?:major |large |leading |significant |new )?(?:AI|HPC|cloud|hyperscale|artificial intelligence(?: \(AI\))?) (?:customer|client|tenant)\b|شركة (?:\S+ ){0,2}?hyperscaler\b|ذات (?:ال)?درجة (?:ال)?استثمارية|一[项項][^。]{0,30}?客[户戶][协協][议議]"),
            loi: r(r"(?i)letter of intent|\bnon-binding\b|\bLOI\b|memorandum of understanding|\bMOU\b|term sheet|exclusivity"),
            bitcoin_hosting: r(r"(?i)\b(?:bitcoin|btc|crypto(?:currency)?)[- ]mining (?:technology|machines|rigs|equipment|hardware|fleet|customers?|clients?)\b|\b(?:agreements?|contracts?|deals?|leases?)\s+with\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}(?:bitcoin|btc|crypto(?:currency)?)[- ]miners?\b|\bhost(?:s|ed|ing)? (?:up to |about |approximately |over |some )?(?:[\d,.]+\s?(?:k |thousand )?)?(?:of )?(?:its |their |the )?(?:bitcoin |btc )?(?:mining machines|ASIC miners|ASICs|mining rigs)\b|\b(?:bitcoin|btc) (?:mining )?hosting\b"),
            chip_deal: r(r"(?i)\b(?:sign(?:s|ed)?|ink(?:s|ed)?|strikes?|struck|reach(?:es|ed)?|announc(?:es|ed)|agreed)\b[^.;]{0,60}?\bto (?:deploy|buy|purchase|acquire)\b[^.;]{0,50}?\b(?:GPUs?|graphics processing units?|chips?|accelerators?)\b"),
            group_signs: r(r"(?i)\b(?:(?:its|their|the company's|the company’s) (?:peers|rivals|competitors)|(?:rivals|peers|competitors)(?: (?:such as|like|including) [^,;.]{1,60}?)?|other (?:bitcoin |crypto |listed )?(?:miners|operators|companies))\s+(?:(?:have|had|also|already|recently|all) )*(?:sign(?:s|ed)?|ink(?:s|ed)?|land(?:s|ed)?|win|won|secur(?:e|ed)|str(?:ike|uck)|announc(?:e|ed))\b"),
            termination: r(r"(?i)\bterminat(?:e|es|ed|ing|ion)\b|\b(?:reject(?:s|ed)?|vot(?:e|ed|es) (?:down|against))\b|\bwalk(?:s|ed|ing)? away(?: from (?:the |its |a |an |their )?(?:[\w$.,-]+ ){0,3}(?:deal|agreement|contract|talks|negotiations|bid|offer|merger|acquisition|takeover|lease|pact)s?\b|\s*[.,;)]|\s*$)|\bcancel(?:s|led|ed|lation)?\b|\bscrap(?:s|ped)\b|\b(?:прекра\w+|расторг\w*|разорва\w*)\b|\bзаверш\w* (?:контракт|соглашени|договор)\w*|\b(?:résili(?:er|é|ée|ation)|rescind\w*|rescindir|annull\w+)\b"),
            reported_fact: r(r"(?i)\breportedly,?(?:\s+[\w'’.-]+){0,5}?\s+(?:(?:has|have|had)\s+)?(?:struck|signed|inked|sealed|clinched|entered into|agreed to (?:lease|provide|host|supply))\b"),
            rumor: r(r"(?i)\bin (?:advanced |early )?(?:talks|discussions|negotiations)\b|\btalks (?:to|with)\b|\breportedly\b|\baccording to (?:people|sources|a person)|\bsources said\b|\bexploring\b|\bconsidering\b|\bweighing\b|\bmay sign\b|\bcould sign\b|\brumou?r|\bis said to\b|\bnearing a deal\b|\bpotential deal\b|\bin talks\b|交渉|談判|谈判|협상|\bпереговор\w*"),
            acquisition: r(r"(?i)\b(acquir(?:e|es|ed|ing)|acquisitions?|merger|merge[sd]?|all-stock|buyout|takeover|to buy|stake in|\d+% stake)\b|買収|收购|收購|并购|併購|全股票|인수|\b(?:поглощени\w*|приобретени\w*|слияни\w*)\b|\b(?:Übernahme\w*|übernimmt|Fusion|rachat|fusion|adquisición|fusión|acquisizione|fusione|aquisição|fusão|adquirir|adquiere|adquirió|adquirirá|adquiriu|acquérir|acquiert|racheter|rachète|acquisire|acquisisce|acquisirà|zu übernehmen)\b"),
            brings_total: r(r"(?i)\b(?:bringing|brings|taking|takes|lifting|lifts|raising|raises|pushing|pushes) (?:the |its |their )?(?:company's |company’s )?(?:potential |expected )?total contracted\b"),
            subsequently: r(r"(?i)\b(?:subsequently|thereafter|afterwards|since then|later (?:exercised|added|expanded|signed|took))\b"),
            expansion: r(r"(?i)\b(exercis(?:e|es|ed|ing) (?:of )?(?:[a-z]+ ){0,3}options?|(?:a exercé|ont exercé|ejerció|ejercieron|ha esercitato|hanno esercitato|exerceu|exerceram) (?:\S+ ){0,2}(?:option|opción|opzione|opção)|(?:využil[aiy]?|skorzystał[aoy]?) (?:\w+ )?(?:opci|opcj[ięa]|možnosť)|Option\w* [^.;]{0,90}(?:ausgeübt|gezogen)|erweiterte Vereinbarung|(?:amplia|ha ampliato|amplía|ampliou) (?:il suo |su |seu |o seu |l'|el )?(?:accordo|contratto|acuerdo|contrato|acordo)|expan(?:d|ds|ded|ding|sion of|sion to) (?:its |the |their |an? )?(?:[\w'’-]+ ){0,3}(?:agreement|contract|lease|partnership|relationship|deal|commitment|collaboration)s?|(?:contract|lease|deal|agreement|partnership|commitment|relationship) expansion|expansion (?:lease|agreement|contract|deal|option)s?|additional \d+ ?MW|adds? \d+ ?MW|second phase|phase (?:2|II)|another \d+ ?MW|increase[sd]? (?:its |the )?(?:commitment|contract|capacity at)|(?:has|have) now committed to|commit(?:s|ted)? to (?:using|use|taking|take|leasing|lease) all (?:of )?(?:the )?(?:remaining |approved )?(?:[\w-]+ )?(?:power|capacity))\b"),
            gpu_cloud: r(r"(?i)\b(GPU cloud|cloud[- ]services|AI cloud|cloud contract|GPU-as-a-service|compute contract|cloud capacity|GPU services)\b"),
            colocation: r(r"(?i)\b(colocation|co-location|lease|leases|leased|data cent(?:er|re) lease)\b"),
            hosting: r(r"(?i)\b(hosting|master services agreement|MSA)\b"),
            financing: r(r"(?i)\b(project financing|financing|backstop|credit facility|loan|debt facility)\b|融资|融資|贷款|貸款|대출|\b(?:кредит\w*|финансировани\w*)\b"),
            negated: r(r"(?i)\b(did not|didn't|does not|doesn't|has not|hasn't|have not|no new|not yet|without any|(?:is|was) not (?:the|a|an|any) (?:(?-u:\w)+ )?(?:signed|new|binding)|(?:isn't|wasn't) (?:the|a|an|any) (?:(?-u:\w)+ )?(?:signed|new|binding)|scal(?:es|ed|ing) back|(?:once|when|until|if|as soon as) (?:(?-u:[\w-])+ ){0,4}(?:get|gets|are|is|be|become) (?:signed|inked|executed|finali[sz]ed))\b"),
            recalled_recent: r(r"(?i)\brecientes? (?:extensión|ampliación|contrato|acuerdo)\b|\b(?:extensión|ampliación|contrato|acuerdo) reciente\b|\brécente? (?:extension|contrat|accord)\b|\b(?:contrat|accord) récent\b|\brecente (?:contratto|accordo|contrato|acordo|extensão|estensione)\b|\b(?:contratto|accordo|contrato|acordo) recente\b|\bthe recent (?:[A-Za-z0-9$.,-]+ ){0,4}(?:deal|contract|lease|agreement|extension)\b|\brecently (?:cemented|solidified|sealed|clinched)\b|(?:'s|’s|\bits|\btheir|\bthe) recently (?:unveiled|disclosed|revealed)\b|\b(?:during|on|in|at) (?:a|the|its|their) recent (?:quarterly |earnings |conference |investor )?(?:call|update|presentation|results)\b"),
            on_success_of: r(r"(?i)(?-u:\b)build(?:s|ing)? (?:up)?on (?:the|its|their) (?:(?-u:\w)+ )?success(?:es)? (?:of|at)(?-u:\b)"),
            time_ago: r(r"(?i)(?-u:\b)(?:last (?:week|month)|earlier this (?:week|month)|(?:a|one|two|three|four|\d+) (?:weeks?|months?) ago)(?-u:\b)"),
            fresh_again: r(r"(?i)(?-u:\b)(?:new|another|second|third|additional|further|today|this week|expan(?-u:\w)*|exercis(?-u:\w)*(?: prices?)?)(?-u:\b)"),
            held_contract: r(r"(?i-u)\b(?:has|have|had|holds?|held) (?:an?|one|two|three|\d+) (?:executed|signed) (?:[\w-]+ ){0,3}(?:leases?|contracts?|agreements?)\b"),
            we_announced: r(r"(?i-u)\bwe (?:also |recently |previously |then |had )?announced\b|\bwe had (?:signed|executed|inked)\b"),
            as_example: r(r"(?i-u)\b(?:miners|companies|firms|players|operators|names|peers|stocks)\s*,?\s+(?:like|such as|including)\s+(?:the\s+)?$"),
            supported_by: r(r"(?i-u)\b(?:supported|underpinned|anchored|backed) by (?:(?:a|an|its|the) |(?:[$\d]|US\$|A\$|C\$)[\w$.,-]* )(?:(?:[$\d]|US\$|A\$|C\$)[\w$.,-]* |(?:billion|million|bn|mn),? |[\w-]+-year,? |multi-year |long-term |(?-i:[A-Z])[\w-]* |cloud |AI |GPU |hosting |colocation |data cent(?:er|re) ){0,6}(?:contracts?|leases?|agreements?|deals?)\b"),
            example_case: r(r"(?i-u)\b(?:exemplif(?:y|ies|ied)|illustrat(?:e|es|ed)|epitomi[sz](?:es|ed)) (?:this|the|that) (?:trend|shift|pivot|move|transition)\b|^[\s'*-]*(?:Similarly|Likewise|For example|For instance|As an example),|\b(?:highlights|cites|points to|lists|names|mentions) (?:(?:specific|several|recent|some|two|three|notable|such|these) )+(?:\w+ )?(?:deals|contracts|agreements|examples|cases):|\b(?:news|deals|announcements|moves) such as\b|(?:とのニュース|といったニュース|などのニュース)(?:など)?(?:から|を受け)"),
            miner_ref: r(r"(?i)\bminers?\b|\bminer[oa]s?\b|\bmineurs?\b|\bmineradoras?\b|\bmining (?:company|firm|operator)\b|\bthe (?:company|firm|operator|group)\b|マイナー|マイニング企業|矿企|矿商|礦商|채굴"),
            on_schedule: r(r"(?i)\b(?:is|are|remains?|remained|was|were|stays?|stayed|continues to be|running)\s+(?:firmly\s+)?(?:on|ahead of)\s+(?:schedule|track|budget|target|time)\b"),
            telling: r(r"(?i)\b(?:announc(?:es|ed|ing)|confirm(?:s|ed)|said|says|reported|reports|stated)\b"),
            hypothetical: r(r"(?i)(?-u:\b)(?:if|until|unless|whether)(?-u:\b) (?:[\w'’-]+ ){0,8}(?:secures?|signs?|lands?|wins?|inks?|strikes?|closes?|finali[sz]es?|adds?|executes?|announces?)(?-u:\b)"),
            agreements_total: r(r"(?i)(?-u:\b)(?:agreements|leases|contracts) (?:(?-u:\w)+ ){0,2}total(?:ing|ling|ed)(?-u:\b)|(?-u:\b)(?:agreements|leases|contracts)(?-u:\b)[^.;]{0,30}?, (?:representing|amounting to)(?-u:\b)"),
            // "In 2025, Applied Digital signed long-term leases totaling 400 MW": a year's deals
            // told from its end, not the news of one
            future_expand: r(r"(?i)(?-u:\b)(?:(?:is|are) (?:set|poised|expected|planning|looking|aiming) to|plans? to|aims? to|expects? to|(?:enabl|allow)(?:es|ing|e|s) (?:(?-u:\w)+ ){1,3}to) (?:further )?expand(?-u:\b)|(?-u:\b)expand(?:s|ed|ing)? (?:the company's |the company’s |its |their |(?-u:\w)+(?:'s|’s) )?(?:client|customer|revenue|tenant|investor) bases?(?-u:\b)"),
            recalled_year: r(r"^(?:[-•*] )?In (?:19|20)\d\d, "),
            // "The company signed …", "The miner has secured …": a subject standing for the
            // story's company
            company_subject: r(r"^(?:The|the) (?:company|miner|firm|operator|data cent(?:er|re) (?:operator|developer|company)) (?:has |have |also |today |just )?(?:signed|secured|entered|inked|executed|struck|landed|announced)\b"),
            // "In March 2025, Hut 8 signed …": a month and year dating the signing (recalled
            // when the story is over a week after that month, or undated)
            recalled_month_year: r(r"(?i)\bin (?:early |late |mid-?)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (?:19|20)\d\d,? (?:[\w.&'’-]+ ){0,6}(?:signed|entered|inked|secured|executed|agreed)\b"),
            none_signed: r(r"(?i-u)\b(?:zero|no) (?:[a-z0-9/'-]+ ){0,4}?(?:(?:leases?|contracts?|tenants?|customers?|agreements?) (?:are |is |have been |has been )?(?:yet )?)?(?:signed|executed)\b"),
            takeover_bid: r(&format!(
                r"(?i)\b(?:{TAKEOVER_WORDS}|offer(?:ed|s|ing)? to (?:buy|purchase|acquire))\b"
            )),
            analyst_page: r(r"(?i)\bconsensus narrative from \d+ analysts?\b|\banalyst ?consensus ?target\b|\bintrinsic discount\b"),
            pegged_to_contract: r(r"(?i)^[^:]{2,60}:\s*(?:evaluating|assessing|weighing|reassessing|gauging)\b[^:]{0,40}?\b(?:after|following)\s+((?:securing|signing|landing|inking|winning|clinching|sealing)\b.*\$\s?\d.*)$"),
            thesis_heading: r(r"(?i)^\W*(?:(?:the )?(?:bull|bear)(?:ish)? case|(?:current|investment) thesis|hook\W+thesis|trade (?:idea|setup|plan))\W*$"),
            case_studies: r(r"(?i)^\W*(?:the |die |les |los |as |i )?(?:case stud(?:y|ies)|fallstudien?|fallbeispiele|[ée]tudes? de cas|casos? de estudio|estudos? de caso|casi (?:di )?studio)\b"),
            business_object: r(r"(?i-u)\b(?:customers|customer base|business(?:es)?|assets|operations|data cent(?:er|re)s|portfolio)\b"),
            recalled_wide: r(r"최근[^.。]{0,80}?체결한|체결한[^.。]{0,40}?계약(?:으로|을 통해|에 따라|에 의해)|(?:最近|近期)[^。]{0,80}?(?:締結|签署|签订|簽署|簽訂)|在宣布[^。]{0,80}?(?:后|後)|(?:締結|署名|調印)して(?:い|おり)(?:ました|た)|結んで(?:い|おり)(?:ました|た)|以前から"),
            // an agreement recalled inside another story, not announced by it
            recalled: r(r"(?i)\b(recently (?:signed|agreed|inked|struck|finali[sz]ed|executed)|a (?:principios|comienzos) de(?:l| este)? mes|no in[ií]cio (?:do|deste) m[eê]s|au d[ée]but du mois|all'inizio del mese|Anfang (?:des|dieses) Monats|(?:'s|’s|\bits|\btheir|\bthe|\ban?) recently announced|(?:\b(?:our|its|their|the)|'s|’s) recent announcement\b|\brecently, (?:it|they|the (?:company|firm|miner)) (?:signed|sealed|inked|struck|landed|secured|closed|clinched)\b|\bin other (?:recent )?news\b|previously (?:announced|disclosed|signed)|announced (?:last|earlier)|signed (?:last|earlier|in (?:January|February|March|April|May|June|July|August|September|October|November|December))|\bsince (?:it|they|the (?:miner|company|firm|operator)) (?:first )?(?:signed|inked|struck|secured|landed|announced|unveiled|disclosed|revealed)\b|\bsince (?:its|the) (?:announcement|signing|unveiling|disclosure) of\b|\b(?:signed|inked|struck|secured|landed|agreed|entered into|announced)\b[^.;,]{0,60}\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|several|few|\d{1,2}) (?:weeks|months|years)|a year|an? (?:month|year) and a half) ago\b|last (?:week|month|year|January|February|March|April|May|June|July|August|September|October|November|December)(?:'s)?|earlier this (?:week|month|year)|a (?:week|month) ago|the move is likely part of|follows the company's|back in (?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})|as we (?:learned|reported|noted)|one of (?:the company's|its|[A-Z][\w ]{1,30}'s) (?:largest|biggest|key|main) (?:customers|tenants)|as (?:previously |already )?announced (?:in|on|last|earlier)|has now signed|now has (?:signed|leases|contracts)|(?:it|which|that|company) now (?:leases|has leased|has contracted)|signed [^.;]{0,40}\bin (?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)|(?:fully|already) (?:leased|contracted)|\bfull (?:lease )?commitments? for\b|currently (?:hosts|leases|rents|serves|leased to)|already (?:renting|leasing|hosting|using)|existing (?:[\w-]+ ){0,2}(?:lease|contract|agreement|customer|tenant)s?|already (?:signed|leased|contracted)|initially signed|under (?:its|the) (?:existing|previously announced)|total contracted|\bcontracted backlog\b|\b(?:secured|signed|holds) (?:over |more than |about |approximately |nearly )?\$[\d.,]+\s?(?:B|bn|billion|M|million) (?:in|of|worth of) (?:[\w/-]+ ){0,3}(?:contracts|leases|agreements)\b|\b(?:thus|so) far (?:in |this )(?:20\d\d|year)\b|\bcontracted (?:AI )?(?:ARR|annual(?:ized)? recurring revenue)\b|\bincluding (?:its |the )?(?:deals|contracts|agreements|leases) with\b|(?:noted|highlighted|cited|touted|pointed to) (?:[\w-]+ ){0,3}(?:leases?|contracts?|agreements?)|(?:has|have) (?:now )?executed (?:over|more than|about|approximately)\b|\bto (?:fulfill|fulfil|honou?r|deliver on|service) (?:its |the |a |an )?(?:[\w,-]+ ){0,4}(?:leases?|contracts?|agreements?)\b|\bcontinu(?:es|ing|ed) (?:a|its|the) (?:rally|climb|surge|run|advance)\b|\b(?:highlighted|underscored|headlined) by\b|\bmost recently\b|\bhappened recently\b|\brecently,? when (?:it|the company|they)\b|\bremains? (?:an? |its )?(?:hosting |anchor |key |major )?(?:client|customer|tenant)\b|\bhaving (?:announced|signed|secured|inked|struck)\b|\b(?:has|have) since (?:exercised|signed|expanded|added|agreed|extended|committed)\b|\btrack record\b|\bahead of schedule\b|\bhatten? (?:\w+ ){0,3}(?:im|in) (?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b|\b(?:bekannt ?gegeben|unterzeichnet|abgeschlossen|geschlossen|vereinbart|mitgeteilt|angekündigt|gemeldet) hatten?\b|\bavait déjà\b|\bdéjà conclu\b|\bya hab[íi]a\b|\bjá (?:havia|tinha)\b|\baveva già\b|\b(?:announced|signed|disclosed) in (?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\bfollows? (?:\S+ ){0,3}(?:earlier|previous|prior)\b|\b(?:its|their|the company's|the company’s) (?:earlier|previous|prior) (?:\S+ ){0,5}(?:agreements?|deals?|contracts?|leases?)\b|\b(?:supporting|to support|in support of|to serve|serving) (?:(?:its|their) (?:\S+ ){0,4}|(?-i:[A-Z])\S* (?:\S+ ){0,2})(?:contracts?|leases?|agreements?)\b|\b(?:which|that) (?:is|are) (?:already |currently |fully )?(?:leased|contracted|let) to\b|\b(?:to accommodate|accommodating) (?:an?|its|their|the) (?:\S+ ){0,4}(?:contracts?|leases?|agreements?)\b)\b|先月|先週|昨年|上月|上个月|上個月|上周|上週|去年|此前|合[约同](?:租赁)?收入|지난주|지난달|지난해|지난 ?\d{1,2}월|바 있다|바 있으며|\b(?:ранее|недавно|в прошлом (?:месяце|году))\b|\b(?:a|ont|avait|avaient) récemment\b|\brécemment (?:annoncé|signé|conclu)\b|\brecientemente\b|\brecentemente\b|\bkürzlich\b|\b(?:letzten|vergangenen) (?:Jahres|Monats)\b|\b(?:letzte|vergangene) Woche\b|\bla semana pasada\b|\bla semaine dernière\b|\bla settimana scorsa\b|\bna semana passada\b|\b(?:im|in) (?:letzten|vergangenen) (?:Jahr|Monat)\b|\bl'(?:année|an) derni(?:er|ère)\b|\ble mois dernier\b|\b(?:el|del) (?:año|mes) pasado\b|\b(?:l'|dell')anno scorso\b|\bil mese scorso\b|\b(?:no|do) (?:ano|mês) passado\b|\b(?:stays?|remains?) (?:front and cent(?:er|re)|in (?:focus|the spotlight))\b|\bya (?:firmó|ha firmado|había firmado|cerró)\b|\ba déjà (?:signé|conclu)\b|\bhat(?:te)? bereits\b|\bha già (?:firmato|siglato)\b|\bjá (?:assinou|fechou)\b"),
            cumulative: r(r"(?i)\b(?:has|have) (?:now )?(?:executed|signed|secured|contracted) (?:over|more than|about|approximately|a total of|in total)\b|\bbring(?:s|ing)? (?:its |the )?total\b"),
            rating: r(r"(?i)\b(?:is|are|was|remains?) rated (?:a )?(?:strong )?(?:buy|sell|hold)\b|\bI (?:rate|am rating|reiterate|upgrade|downgrade|initiate)\b|\ba (?:strong )?(?:buy|sell|hold) rating (?:upgrade|downgrade)\b|\b(?:support|supports|justify|justifies|warrant|warrants) a (?:strong )?(?:buy|sell|hold) rating\b"),
            analyst_action: r(r"(?i)\b(?:raise[sd]?|raising|lift(?:s|ed)?|boost(?:s|ed)?|hike[sd]?|cut(?:s|ting)?|lower(?:s|ed)?|trim(?:s|med)?) (?:its |their |the )?(?:\w+ )?price target\b|\b(?:maintain(?:s|ed|ing)?|reiterat(?:es|ed|ing)|keeps?|kept) (?:a|an|its|their) (?:\w+ )?(?:buy|outperform|overweight|neutral|hold|sell|underperform|underweight|market perform|sector perform) rating\b|\binitiat(?:es|ed|ing) coverage\b|格上げ|格下げ|目標株価|目标价|目標價|目标股价|目標股價|评级从|評級從|목표주가|투자의견"),
            financing_for: r(r"(?i)\b(?:financ\w*|loan|debt|facility|funding|raises?|raised) (?:\w+ ){0,2}(?:for|to fund|to finance|backing|behind)\b"),
            gab_bekannt: r(r"\b[Gg]ab(?:en)? (?:\S+ ){0,14}?bekannt\b"),
            reveal_words: r(r"\b[Rr]eveal(?:s|ed|ing)?\b((?:\s+[^\s.;]+){0,6})"),
            not_signing: r(r"(?i)\b(?:is|are|was|were|remains?|remained|stays?|being|be|been) (?:fully |deeply |firmly |strongly )?committed to\b|\b(?:to be|yet to be|being) confirmed\b|\bunveil(?:s|ed|ing)? (?:its|a|an|the|their) (?:new )?(?:[\w-]+ ){0,4}?(?:program(?:me)?|platform|service|offering|product|brand|division|business|strategy|plan|roadmap|vision|initiative)s?\b"),
            executed_plan: r(r"(?i)\bexecut(?:ed|es|ing) (?:on )?(?:\S+ ){0,3}?(?:initiatives?|strateg(?:y|ies)|plans?|priorities|roadmap|projects?|buybacks?|share repurchases?)\b"),
            enlarges_backing: r(r"(?i)\b(?:increas(?:es|ed|ing)|boost(?:s|ed|ing)?|rais(?:es|ed|ing)|lift(?:s|ed|ing)?|expand(?:s|ed|ing)|enlarg(?:es|ed|ing)|ups|upped|doubl(?:es|ed|ing)|erweitert\w*|erhöht\w*|aumenta|aument[óa]|ampl[íi]a|ampli[óo]u?|elev[óa]|augment\w*|rehauss\w*|aumentat[oa]|ampliat[oa]|maggior[ei])\b[^.;:]{0,50}\b(?:stake|backstop|backing|guarantee|ownership|investment|Beteiligung|Anteil|Finanz\w*|Garantie|participación|participação|participation|partecipazione|investimento|inversión|investissement|garant\w*)\b|\b(?:accordo finanziario|acuerdo financiero|accord financier|acordo financeiro|Finanzierungsvereinbarung) (?:ampliat[oa]|ampliad[oa]|élargi|erweitert)\b|\b(?:from|von|de) (?:about |approximately |roughly |etwa |rund )?\d{1,2}(?:[.,]\d)? ?% (?:to|auf|a|para|à) (?:about |approximately |roughly |etwa |rund )?\d{1,2}(?:[.,]\d)? ?%|(?:持ち株|出資|持分|지분|持股)[^。.]{0,20}(?:拡大|引き上げ|확대|늘려|늘렸|提高|增至|增加)"),
            states_capacity: r(r"(?i)\d[\s-]?(?:MW|GW|megawatts?|gigawatts?|mégawatts?|megavatios|メガワット|메가와트|兆瓦|吉瓦)"),
            funding_subject: r(r"(?i)^\W*(?:the |an? |this |its |their )?(?:first |initial |second |new |latest )?(?:funding|financing|draw(?:down)?|proceeds|loan|credit facility|facility|tranche|notes|bonds|capital raise)\b"),
            then_signs_with: r(r"(?i:\b(?:and|while|as well as)\s+(?:also\s+)?(?:signed|inked|entered into|executed|struck)\b[^.;]{0,60}\b(?:lease|leasing|hosting|colocation|agreement|contract)\b[^.;]{0,40}\bwith\s+)(?:the\s+)?[A-Z]"),
            site_deal: r(r"(?i)\b(?:purchase|acquire|buy) or lease\b|\b(?:acquisition|purchase) of (?:a |the |an )?(?:[\w-]+ ){0,3}(?:sites?|land|acres|parcels?|property|properties|campus)\b|\b(?:to|and) (?:purchase|lease|acquire|buy) (?:[\w-]+ ){0,3}(?:sites?|land|acres|parcels?|properties)\b"),
            // "Google received warrants to acquire 41 million shares": the guarantor's
            // consideration, not the company buying
            warrant_shares: r(r"(?i)\b(?:warrants?|rights?|options?) (?:\w+ ){0,2}to (?:acquire|buy|purchase) (?:up to )?(?:approximately |about |roughly |around )?[\d.,]+ ?(?:million |m )?(?:[\w-]+ ){0,4}(?:shares|stock)\b"),
            acquires: r(r"(?i)\b(?:to acquire|acquir(?:es|ed|ing)|agreed to buy|to buy|buys|bought|shell(?:s|ed)? out|takeover of|merger with|merge with|to merge)\b|買収する|買収を|收购|收購|인수(?:한다|했다|하기|를)|\b(?:приобрет(?:ёт|ет|ает|ут)|поглотит)\b|\b(?:zur Übernahme|übernimmt|zu übernehmen|para adquirir|adquiere|adquirió|adquirirá|adquiriu|vai adquirir|pour acquérir|va acquérir|acquiert|rachète|per acquisire|acquisisce|acquisirà)\b"),
            development: r(r"(?i)\bpartner(?:s|ed|ing|ship)? (?:\w+ ){0,8}?to (?:convert|build|develop|co-develop|jointly develop|construct|repurpose)\b"),
            // opinion, analysis and questions about a deal are not its announcement
            self_analysis: r(r"(?i)(?-u:\b)(?:this|our) (?:analysis|article|piece|deep dive|essay|column) (?:(?:will|shall) (?:evaluate|examine|explore|assess|analy[sz]e|look at|consider|break down|review|unpack|delve|dive|weigh)|evaluates|examines|explores|assesses|analy[sz]es|looks at|considers|breaks down|reviews|unpacks|delves|dives|weighs)(?-u:\b)|(?-u:\b)nous analysons(?-u:\b)|(?-u:\b)(?:installment|instalment|edition|issue|episode) of (?:(?-u:[\w'-])+ ){1,4}profiles(?-u:\b)|(?-u:\b)(?:these|they) are (?:not stock recommendations|profile pieces)(?-u:\b)"),
            // "The $7 billion deal not only secures compute capacity": the deal as the subject of
            // what it does, not a signing
            deal_subject: r(r"(?i)^\W*(?:the|this|that) (?:[\w$.,-]+ ){0,4}(?:deal|agreement|contract|lease|pact|partnership) (?:not only |also |further |effectively )?(?:secures|adds|expands|takes|doubles|commits|locks in|lands|wins)(?-u:\b)"),
            guaranteed_thing: r(r"(?i)\bguaranteed (?:capacity|demand|revenue|access|supply|returns?|income|power|compute|growth|profits?)\b"),
            guaranteed_access: r(r"(?i)\b(?:guarantee[sd]?|guaranteeing|garanti(?:za|zará|zó|t|ra|rá|sce|rà|ndo|r|re|zar)|garante|garantizando)\s+(?:[^\s.;]+\s+){0,5}?(?:access|acceso|acesso|accès|l'accès|l’accès|accesso|l'accesso|l’accesso|capacit\w*|capacidad|capacidade|puissance|poder|potencia|potenza|computing|compute|c[oó]mputo|computa\w*|calcul|delivery|deliveries|supply|availability|entrega|livraison|consegna|fornitura|suministro|Lieferung)\b"),
            days_after: r(r"(?i)(?-u:\b)(?:a|one|two|three|four|five|six|\d+) (?:day|days|week|weeks) after (?:revealing|announcing|unveiling|signing|disclosing|inking|striking|landing|securing)(?-u:\b)"),
            commentary: r(r"(?i)核心观点|核心觀點|投资机会|投資機會|展开分析|展開分析|分析如下|の内訳|\bbreakdown of\b|^\s*(?:opinion|analysis|commentary|column|editorial|explainer|pagsusuri|análisis|analisi|analyse|análise|opinión|opinione)\b|\bskeptic|\bcloser look\b|\blook closer\b|\blet's look\b|\bwhat .{3,60} means?\b|\bwhy .{3,60} matters?\b|\bworth the hype\b|\bshould investors\b|\bhere's why\b|\bin this analysis\b|\bthe bull case\b|\bthe bear case\b|\bevaluating\b|^[^:]{2,40}\b(?:vs\.?|versus) [^:]{2,40}:|^\s*(?-i:[A-Z]{2,5}): [^:]{3,120}?\b(?:will|could|should|may|to|set to|poised to|expected to) (?:drive|fuel|power|boost|support|underpin|accelerate|sustain|transform|redefine|reshape|shape|anchor|lift|propel|unlock|cement|strengthen)\b|\bexecution risks?\b|\b(?:best|better|top) (?:[\w-]+ ){0,2}(?:buy|pick|bet)s?\b|\bwhich (?:[\w-]+ ){0,3}(?:stocks?|miners?|shares|companies|one) (?:is|are|should|to)\b|\bstocks? to buy\b|\b(?:lofty|stretched|frothy|sky-high|elevated|rich) valuations?\b|\bvaluation (?:concerns?|questions?|risks?)\b"),
            // a power-supply agreement is not a customer contract
            power: r(r"(?i)\b(power (?:purchase|capacity|supply) agreements?|electric(?:al|ity)? (?:service|supply) agreements?|energy (?:supply|services) agreements?|interconnection agreements?|utility agreements?|PPAs?|agreements? with (?:the|a) (?:local |regional )?utility)\b"),
            land: r(r"(?i)\b(acquir(?:e|es|ed|ing)|purchas(?:e|es|ed|ing)|buys?|bought)\b[^.;]{0,60}?\b(acres?|land|parcels?|property)\b"),
            equipment: r(r"(?i)\b(purchas(?:e|es|ed|ing)|buy|buys|bought|order(?:s|ed)?|compra[rs]?|comprar[áa]|compró|comprou|adquirir|achat|achète|acheter|acquérir|Kauf|kauft|kaufen|erwirbt|erwerben|bestellt|acquisto|acquistare|acquista)\b[^.;]{0,80}?\b(GPUs?|servers?|equipment|hardware|miners|rigs|ASICs?|servidores|equipos|equipamentos|serveurs|équipements|Server|Ausrüstung|Grafikprozessoren|apparecchiature)\b|(?:採購|采购|購買|购买|購入|구매|구입)[^。；]{0,40}?(?:GPU|サーバー|伺服器|服务器|設備|设备|장비|서버|處理器|处理器|プロセッサ)"),
            guarantor_stake: r(r"(?i)\b(?:[\d.]+% )?(?:[\w-]+ ){0,2}(?:equity )?stake\b|\d(?:[.,]\d+)?\s?% (?:(?:das|de las|des|delle|der|dari) )?(?:ações|acciones|actions|azioni|Aktien|saham)\b|\d(?:[.,]\d+)?\s?% (?:da|de la|de l'|della|dell'|of the) (?:empresa|companhia|compañía|société|società|company|firm)\b|\d(?:[.,]\d+)?\s?% din (?:compania|companie|acțiunile|acţiunile|acțiuni|acţiuni)\b|\bwarrants?\b|\b(?:participação|participación|participation|partecipazione|Beteiligung|Anteil|pacchetto azionario)\b|\bдол[юия]\b|지분|持股|股权|股權|株式"),
            company_takeover: r(&format!(r"(?i)\b(?:{TAKEOVER_WORDS}|merges?|to acquire|buys out)\b|\b(?:Übernahme\w*|übernimmt|rachat|adquisición|acquisizione|aquisição)\b|買収|收购|收購|인수|\bпоглощени\w*")),
            mining_business: r(r"(?i)\bbitcoin[- ]mining\b|\bmining and hosting\b|\bhosting and mining\b|\bminer[íi]a de bitcoin\b|\bminera[çc][ãa]o de bitcoin\b|\bminage (?:de |du )?bitcoin\b|\bmining di bitcoin\b"),
            letting_terms: r(r"(?i)hyperscal|critical IT|\bIT load|investment[- ]grade|\bleas(?:e|es|ed|ing)\b|\btenants?\b"),
            hyperscale_terms: r(r"(?i)hyperscal|\bMW\b|\bGW\b|megawatt|mégawatt|megavatio|\bleas(?:e|es|ed|ing)\b|critical IT|\bIT load"),
            romance_guarantee: r(r"(?i)\bgaranti(?:e|es|r|re|ra|rá|rà|t|sce|za|zará)\b|\bgarante\b|\bgarantías?\b"),
            guarantee_context: r(r"(?i)\d|obliga|obbliga|arrend|loca[çc]|locazion|location|loyer|alquiler|alugu|affitt|pag[oa]|paiement|lease|contrat|contrato|contratto|acuerdo|acordo|accordo|\baccord\b|financ|finanz|deuda|dette|debito|d[íi]vida|\brent"),
            backstop_words: r(r"(?i)\bbackstop\w*|\bguarantee\w*|\bguarantor|\blease obligations\b|\bobligations? for\b|保証|担保|擔保|보증|\bgaranti(?:e|es|r|re|ra|rá|rà|t|sce|za|zará)\b|\bgarante\b|\bgarant(?:a|ează|eaza|ia|ie|ii)\b|\bgaranți(?:a|e|ile)\b|\bunderwrit\w*|\bgarantías?\b|\brespald(?:a|ará|ará|o|ando)\b|\bobligations? (?:de location|locatives?)\b|\bobligaciones de arrendamiento\b|\bobbligazioni locative\b|\bobrigações de arrendamento\b|\bгаранти\w*|\bпоручительств\w*|\bBürgschaft\w*|\bbürgt\b|\bMietverpflichtungen\b|ábyrgð|\bsinusuportahan ng\b|\bginagarantiyahan\b"),
            // a stake in the headline ("Google takes 5.4% of Cipher", "raises its stake")
            stake_title: r(r"(?i)\b(?:stake|shareholder|ownership|accionista|acionista|Aktionär|actionnaire|azionista|pemegang saham|eierskap|eierandel|participaci[óo]n|participation|partecipazione|participação|Beteiligung|Anteil\w*|акци\w*|дол[яию]|hlut\w*|invest(?:ment|imento|issement|ition)|inversión)\b|株式|持股|入股|股份|股权|股權|지분|出資|حصة|مساهم"),
            stake_size: r(r"(?i)\d(?:[.,]\d+)?\s?(?:%|percent\b|per cent\b|por ciento\b|pour cent\b|Prozent\b)|\b(?:increases?|raises?|boosts?|ups|lifts|doubles|expands|incrementa|aumenta|augmente|erhöht|eykur|auka)\b"),
            customer_contract: r(r"(?i)\b((?:agreements?|contracts?|deals?|pacts?) (?:with [^.;]{1,60}? )?to host (?:up to |about |roughly |approximately |some )?(?:[\d.,]+\s?(?:MW|megawatts?|GW|gigawatts?)\b|(?:its |their |the customer(?:'|’)s |(?:[A-Z][\w-]* ){0,2}[A-Z][\w-]*(?:'|’)s )?(?:(?:AI|GPU|HPC|Nvidia|compute) )?(?:GPUs|GPU clusters?|servers|compute|computing|clusters?|infrastructure|capacity|workloads|racks|systems))|customer contracts? for (?:\S+ ){0,3}(?:AI|GPU|GPUs|HPC)\b|(?:contract|agreement) with its (?:first |new |second |third |largest |anchor )?(?:AI |GPU |HPC )?customer\b|leases?|leased|(?:data cent(?:er|re) )?leasing (?:agreements?|contracts?|deals?)|(?:\d+|ten|twelve|fifteen|twenty)-year data cent(?:er|re) (?:agreements?|contracts?|deals?)|colocation|co-location|hosting|cloud[- ]services|GPU cloud|GPU-as-a-service|GPUaaS|AI cloud contracts?|(?:AI |GPU )?cloud (?:computing |capacity |compute )?(?:pacts?|deals?)|comput(?:e|ing) contracts?|provide (?:AI |GPU |HPC |cloud )?(?:computing|compute|cloud|hosting|colocation) services|(?:AI|GPU|HPC) (?:(?:compute|computing|cloud|infrastructure|capacity|data cent(?:er|re)) ){1,3}(?:contracts?|agreements?)|(?:AI|GPU|HPC) customer (?:contracts?|agreements?)|(?:AI|GPU|HPC) comput(?:e|ing) deals?|(?:compute |computing |long-term )?capacity contracts?|contratt[oi] di capacità|contratos? de capacidad|contrats? de capacité|MSA|master services|arrendamiento|arrendamento|alquiler|alquilará (?:capacidad|espacio)|locazione|affitto|affitterà (?:spazio|capacità)|Rahmenvertrag|Mietvertrag|Leasingvertrag|Leasing-?[Dd]eals?|Leasingdeals?|Colocation-Vertr\w*|Hosting-Vertr\w*|contrat de location|bail|h[ée]bergement|acuerdos? de alojamiento|hospedagem|sewa|menyewakan)\b|租约|租約|租赁|租賃|托管|託管|GPU即服务|GPU即服務|雲端運算|云计算|雲計算|算力(?:合约|合約|采购|採購)|リース契約|賃貸契約|ホスティング|コロケーション|データセンター契約|計算能力を購入|計算能力の購入|計算基盤契約|クラウド(?:サービス)?契約|데이터센터 계약|数据中心合同|数据中心合约|資料中心合約|數據中心合約|임대 계약|임대계약|임대|코로케이션|호스팅|\b(?:аренд\w*|колокаци\w*|хостинг\w*)\b|تأجير|إيجار|लीज़|लीज|\b(?:hosting(?:u|em|ov\w+)|pronájm\w*|pronájem|prenájm\w*|prenájom|najm[uy]|najem|dzierżaw\w*)\b"),
            cloud_descriptor: r(r"(?i)\bAI cloud (?:provider|platform|company|firm|operator|specialist|start-?up)s?\b|\bhosting (?:over |more than |up to |about |some )?\d[\d,.]*\+?\s?(?:k |thousand )?(?:GPUs|servers|racks|chips)\b|\b(?:colocation|hosting|data cent(?:er|re)) (?:company|companies|firm|firms|provider|providers|business|operator|operators|specialist)\b|\bcloud[- ]services? (?:developer|provider|company|firm|operator|business)s?\b|\b(?:colocation|hosting)-(?:first|focused|centric|heavy|led|driven|based|oriented)\b|\b(?:owner|operator|provider|developer)s? (?:and (?:owner|operator|provider|developer) )?of\b[^.;]{0,100}?\b(?:hosting|colocation)(?: services)?\b|\b(?:an? |the )?(?:industry |global |market )?(?:leader|pioneer|specialist|player)s? in\b[^.;]{0,100}?\b(?:hosting|colocation)(?: services)?\b|(?:데이터센터 |데이터 센터 )?(?:임대|호스팅) ?업체|托管(?:商|公司|服务商)|租赁公司|ホスティング(?:事業者|会社|企業)|\b(?:contracted )?lease (?:book|base|portfolio|backlog)\b"),
            guarantor_after: r(r"(?i)^\s*(?:'s|’s)\s+(?:financial\s+)?(?:backing|backstop|guarantee)\b|^\s*(?:'s\s+|,\s*which\s+)?(?:has |have |will |to )?(?:raises|raised|hikes|hiked|increases|increased|lifts|boosts|buys|bought|takes|took|taken|acquires|acquired|purchased|gets|receives|adds to) (?:its |a |an )?(?:[\d.,]+\s?% )?(?:\w+ )?(?:stake|equity stake|warrants?)\b|^\s*expands (?:its )?investment\b|^(?-i:[^.;A-Z]){0,25}?\b(will backstop|backstops|to backstop|backs\b|will back\b|guarantee(?:s|d|ing)?\s+(?:the\s+|its\s+|their\s+|a\s+portion|part|payments?|obligations?|rent|lease|US\$|\$|up to|approximately|about|\d)|steps in with a backstop|provid(?:es|ing|e) (?:a |the )?(?:financial )?backstop|is providing (?:a |the )?backstop|increased its backstop|raises backstop)|^(?:\s*\(\$?[A-Z]+\))?\s*(?:を|が|は|이|가|은|는)\s*[^.。\n;；,，]{0,30}?(?:連帯保証|保証人|債務保証|担保|擔保|보증)|^(?:\s*\(\$?[A-Z]+\))?\s*(?:의\s*모회사\s*[^\s.,]{1,12}?\s*)?(?:이|가|은|는)\s*[^.。\n;；,，]{0,80}?(?:계약|임대|리스)[을를]?\s*보증|^(?:\s*\(\$?[A-Z]+\))?\s*의\s*(?:재정적\s*|금융\s*|연대\s*|지급\s*)?보증|^\s*提供(?:担保|擔保)|^\s*(?:выступа\w+|станет)\s+(?:гарантом|поручителем)|^\s*(?:приобрел\w*|приобретает|купил\w*|получ\w+)\s+(?:[^\s.;]+\s+){0,2}?(?:акци\w*|дол[юяи])|^\s*(?:が|は)[^。]{0,150}?(?:株式[^。]{0,12}?取得|に出資)|^\s*[^。，,]{0,20}?(?:入股|持股)|^\s*(?:이|가|은|는)\s*[^.]{0,40}?지분|^\s*(?:sichert sich|erhält|übernimmt|erwirbt|erwarb|kauft|prend|acquiert|obtient|adquiere|toma|obtiene|acquisisce|rileva|adquire|ha acquisito|ha rilevato|ha ottenuto|ha preso|adquirió|ha adquirido|adquiriu|a acquis|a pris|a obtenu)\s+[^.;]{0,30}?\b(?:Beteiligung|Anteil|Aktienpaket|Optionsscheine|participation|participación|partecipazione|participação)|^\s*(?:unterstützt|garantiert|bürgt)\b[^.;]{0,40}?\b(?:Finanzierung|Verpflichtungen|Mietverpflichtungen)|^\s*(?:garantit|garantira|garantirait|garantirà|garantisce|garantizará|garantiza|garantizó|garantirá|garante|avalará|avala|respaldará|respalda)\s+(?:[^\s.;]+\s+){0,3}?(?:US\$|\$|€|\d[\d.,]*\s*(?:milliards?|miliardi|mil millones|bilhões|millions?|milioni|millones|milhões|billion|million)\b|(?:les |le |las |los |as |os )?(?:obligations|obbligazioni|obligaciones|obrigações|engagements|impegni|compromisos|compromissos))|^[^.;]{0,60}?\b(?:en garantissant|garantendo|garantizando|garantindo)\b|^\s*(?:,[^,.;]{0,40},\s*)?(?:soutient|soutiendra|sostiene|sosterrà|respalda|respaldará|apoia|apoiará)\s+(?:[^\s.;]+\s+){0,4}?(?:engagements locatifs|obligations locatives|obligations de location|obbligazioni locative|impegni di locazione|obligaciones de arrendamiento|obrigações de arrendamento)|^\s*(?:,[^,.;]{0,40},\s*)?(?:prend|prendra|prenant|prende|prenderà|toma|tomará|toma|adquire|adquirirá)\s+(?:une |una |uma )?(?:participation|partecipazione|participación|participação|\d+(?:[,.]\d+)?\s*%\s+(?:du|del|do|de)\s+capital)"),
            guarantor_before: r(r"(?i)(backed by|bolstered by|backstopped by|guaranteed by|backstop from|backstop by)\s*$|\b(?:supporto|sostegno|apoio|respaldo|soutien)\b[^.;]{0,30}?\b(?:di|de|do|da|del|du)\s*$|(?:保証人|担保人|擔保人|지원 나선|при поддержке|гарант\w*|поручител\w*)\s*$|\b(?:sinusuportahan|suportado|ginagarantiyahan|garantisado) ng\s*$"),
            end_user_before: r(r"(?i)(to support|for use by|on behalf of|serving|for its customer|end user)\s*$"),
            lender: r(r"\b(?:[Ll]ed by|[Aa]rranged by|[Pp]rovided by|[Uu]nderwritten by|[Ll]oan from|[Ff]acility (?:from|with)|[Ff]inancing from|[Ll]enders? (?:including|led by)|[Ll]ead arrangers? (?:were|was|are|is)?)\s+((?:[A-Z][A-Za-z&.'-]*)(?:\s+(?:[A-Z][A-Za-z&.'-]*|&|of))*)"),
            gpu_contract_after: r(r"(?i)^\s*GPUs? (?:cloud )?(?:services?|contracts?|deals?|agreements?)\b"),
            vendor_after: r(r"(?i)^\s*(?:'s|’s)\s+(?:(?:next-generation|new|latest|upcoming|coming)\s+)?(?:Blackwell|Rubin|Hopper|Feynman|Vera|Grace|GB\d00|H\d00|B\d00)\b|^\s*(?:(?:Corp(?:oration)?\.?|Inc\.?)\s*)?(?:\([^)]{0,24}\)\s*)?(?:(?:Blackwell|Rubin|Hopper|Feynman|GB\d00|H\d00|B\d00|GPUs?|graphics processing units?|chips?|servers?|hardware|equipment)\b|,?\s*to (?:purchase|buy)\b[^.;]{0,40}\b(?:GPUs?|servers?|equipment|hardware|chips|systems)\b|,?\s*(?:which|that|who) (?:will |is to )?(?:supply|supplies|deliver|delivers|provide|provides)\b[^.;]{0,40}\b(?:GPUs?|servers?|equipment|hardware|chips|systems)\b)"),
        }
    })
}

/// Whether a character is a letter of a script without capitals: Chinese, Japanese, Korean.
fn uncapitalised_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// Whether text after a stop and a space starts a sentence though it does not start with an
/// ASCII capital: a capital of another script, a letter of a script that has no capitals
/// (Hangul, Chinese, Japanese), or either after a few emoji and spaces.
fn opens_sentence(rest: &str) -> bool {
    for c in rest.chars().take(12) {
        if c.is_alphanumeric() {
            return c.is_uppercase() || c.is_numeric() || !c.is_lowercase() && !c.is_ascii();
        }
        // emoji, their joiners and variation selectors, and spaces between them (a line break
        // ends the sentence by itself)
        if c == '\n' {
            return false;
        }
        let symbol = c.is_whitespace()
            || matches!(c, '\u{200d}' | '\u{fe0f}' | '\u{2600}'..='\u{27bf}' | '\u{1f000}'..='\u{1faff}');
        if !symbol {
            return false;
        }
    }
    false
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
        // (most bytes end nothing: only a dash, an equals sign, a line break, a stop and the
        // first byte of a wide stop, 。！？ and the Devanagari danda ।, are looked at further)
        if !matches!(
            b,
            b'-' | b'=' | b'\n' | b'.' | b'!' | b'?' | 0xE0 | 0xE2 | 0xE3 | 0xEF
        ) {
            i += 1;
            continue;
        }
        // "… Executive Summary • Q3 revenue was …": a bullet inside a line (a list run into one
        // line, as a feed's description flattens it) opens a point of its own; a bullet that
        // opens its line stays with its point
        if b == 0xE2 && bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA2][..]) {
            let before = &text[start..i];
            if i >= 1
                && bytes[i - 1] == b' '
                && !before.rsplit('\n').next().unwrap_or("").trim().is_empty()
            {
                let s = before.trim();
                if !s.is_empty() {
                    out.push(s);
                }
                start = i;
            }
            i += 3;
            continue;
        }
        // "… surge [1][11] - The deal highlights …": a summary's points, each after its citations
        // or its stop ("… at the campus. - Total contracted revenue …": a list of points run
        // into one line)
        // ("公司业绩与业务转型 - 公司第三季度营收 …": in a script without capitals, a dash
        // between spaces before a letter of that script opens a point too)
        if b == b'-' && i >= 2 && bytes[i - 1] == b' ' && bytes.get(i + 1) == Some(&b' ') {
            let cited = matches!(bytes[i - 2], b']' | b'.' | b';');
            let wide_next = || {
                text[i + 2..]
                    .chars()
                    .next()
                    .is_some_and(uncapitalised_script)
            };
            let wide_before = || {
                text[..i - 1]
                    .chars()
                    .next_back()
                    .is_some_and(uncapitalised_script)
            };
            // (or after its citations and a section's heading: "… online [14] Market Data and
            // Key Metrics Changes - The company has …"; the heading, a sentence of its own, ends
            // at the citations' "]")
            // (a heading is a few words: only the last 120 bytes are looked at)
            let heading_at = || {
                let mut from = start.max(i.saturating_sub(121));
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                text[from..i - 1].rfind(']').and_then(|k| {
                    let heading = &text[from + k + 1..i - 1];
                    let mut n = 0;
                    (heading.split_whitespace().all(|w| {
                        n += 1;
                        w.starts_with(|c: char| c.is_ascii_uppercase())
                            // (a heading in a script without capitals: "… [3] 资产收购与资金来源
                            // - Riot以 …")
                            || w.starts_with(uncapitalised_script)
                            || matches!(w, "and" | "of" | "&" | "the" | "for" | "to")
                    }) && (1..=8).contains(&n))
                    .then_some(from + k + 1)
                })
            };
            let upper_next = bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase);
            let heading = if upper_next && !cited {
                heading_at()
            } else {
                None
            };
            if upper_next && (cited || heading.is_some()) || wide_next() && (cited || wide_before())
            {
                for (a, z) in [(start, heading.unwrap_or(i)), (heading.unwrap_or(i), i)] {
                    let s = text[a..z].trim();
                    if !s.is_empty() {
                        out.push(s);
                    }
                }
                start = i + 1;
                i += 1;
                continue;
            }
        }
        // "… summary ===== Issuer: …", "… revenue >$23B ----- - New 15-year lease …": a rule of
        // four or more dashes or equals signs (a text's separator line run into its neighbours)
        // ends what comes before it, and a point's dash after it opens nothing
        if matches!(b, b'-' | b'=')
            && bytes
                .get(i..i + 4)
                .is_some_and(|w| w.iter().all(|&x| x == b))
        {
            let s = text[start..i].trim();
            if !s.is_empty() {
                out.push(s);
            }
            while i < bytes.len() && bytes[i] == b {
                i += 1;
            }
            let rest = &text[i..];
            let after = rest.trim_start();
            let after = after.strip_prefix("- ").unwrap_or(after);
            i += rest.len() - after.len();
            start = i;
            continue;
        }
        let end_here = if b == b'\n' {
            // "… signed its first major hyperscale tenant,\n(AMD), for an initial 25 megawatts":
            // a line that stops at a comma, where a page's link text was dropped, goes on in the
            // next line when that opens with a bracket or a lower-case word
            let line = text[start..i].trim_end();
            let next = text[i + 1..].trim_start().bytes().next();
            !(line.ends_with(',') && next.is_some_and(|c| c == b'(' || c.is_ascii_lowercase())
                // "IREN will supply Microsoft with access to\nBlackwell GB300 GPUs": a line that
                // stops at a preposition or an article (where a link broke it) goes on
                || next.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'$')
                    && line.rsplit(' ').next().is_some_and(|w| {
                        line.len() > w.len()
                            && matches!(
                                w,
                                "to" | "with" | "of" | "the" | "a" | "an" | "by" | "for" | "from"
                            )
                    }))
        } else if b == b'.'
            && i >= 3
            && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_lowercase)
        {
            // "… continues to soar.Several miners …": a stop that lost its space (not "U.S.A",
            // "Amazon.com", "Node.js"): a lower-case word of three letters before it
            bytes[i - 3..i].iter().all(u8::is_ascii_lowercase)
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
                    | "INC"
                    | "Corp"
                    | "CORP"
                    | "Ltd"
                    | "LTD"
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
            ) || prev_word.len() == 1
                // initials: "H.C. Wainwright", "J.P. Morgan" (and "U.K", "U.S")
                || prev_word.len() >= 3
                    && prev_word.bytes().enumerate().all(|(k, c)| {
                        if k % 2 == 0 {
                            c.is_ascii_uppercase()
                        } else {
                            c == b'.'
                        }
                    });
            !abbrev
                && (next.is_ascii_uppercase()
                    || next.is_ascii_digit()
                    || next == b'"'
                    || next == b'('
                    // "... $7 млрд. Компания ...": a capital in another script, a letter of a
                    // script without capitals ("... 계약을 맺었다. 주가는 ..."), or either after
                    // emoji ("... for miners! 🚀🔥 IREN signed ...")
                    || !next.is_ascii() && opens_sentence(&text[i + 2..]))
        } else {
            // the ideographic full stop, and full-width ! and ? (Chinese, Japanese), and the
            // danda that ends a sentence in Hindi
            let wide = &bytes[i..];
            wide.starts_with("。".as_bytes())
                || wide.starts_with("।".as_bytes())
                || wide.starts_with("！".as_bytes())
                || wide.starts_with("？".as_bytes())
        };
        // where the sentence's last character ends (a wide stop is three bytes)
        let stop_len = if end_here && b >= 0x80 { 3 } else { 1 };
        // 'a "major AI customer." Demand ...': the closing quote ends the sentence with it
        let quoted = if end_here || !matches!(b, b'.' | b'!' | b'?') {
            0
        } else {
            let rest = &bytes[i + 1..];
            let q = [
                &b"\""[..],
                b"'",
                "\u{201d}".as_bytes(),
                "\u{2019}".as_bytes(),
            ]
            .into_iter()
            .find(|q| rest.starts_with(q))
            .map_or(0, |q| q.len());
            let after = &rest[q.min(rest.len())..];
            if q > 0
                && after.len() >= 2
                && after[0] == b' '
                && (after[1].is_ascii_uppercase() || after[1].is_ascii_digit())
            {
                q
            } else {
                0
            }
        };
        if end_here || quoted > 0 {
            let s = text[start..i + quoted + stop_len].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = i + quoted + stop_len;
            i += quoted + stop_len - 1;
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
#[derive(Clone, Copy)]
pub struct DocText<'a> {
    pub title: &'a str,
    pub lead: &'a str,
    pub body: &'a str,
    pub is_filing: bool,
    pub items: Option<&'a str>,
    pub filer: Option<&'a str>,
    /// The day the document was published, when its source said.
    pub published: Option<chrono::NaiveDate>,
}

/// A document's title, lead and body with the abbreviations it defines written as names, and
/// the (abbreviation, name) pairs read.
type Expanded = ([String; 3], Vec<(String, String)>);

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

    /// Decide whether a document announces a deal (or an LOI, a termination, or a corporate
    /// transaction), from evidence for and against that is kept with the decision.
    ///
    /// The question asked of each document: does it announce (or report the signing of) a new
    /// agreement in which the company provides capacity, hosting or compute to a customer? The
    /// headline says what the story is about (a financing, an acquisition, a power agreement, a
    /// milestone, results, an analyst's note ...); the sentence that decides is the strongest
    /// sentence naming a customer contract the company signed, near the top of the text.
    pub fn recognize(&self, d: &DocText<'_>, mentions: &[Mention]) -> Option<Detection> {
        self.decide(d, mentions).detection
    }

    /// As `recognize`, with the reasons for the decision when the document is no deal too.
    pub fn decide(&self, d: &DocText<'_>, mentions: &[Mention]) -> Decision {
        let mut reasons = Vec::new();
        // "마이크로소프트(MS)가 … MS는 아이렌과 … 계약을 체결했다": an abbreviation the text defines
        // for a customer stands for it wherever the text uses it
        let expanded = self.expand_abbreviations(d);
        let expanded_doc;
        let d = match &expanded {
            Some(([title, lead, body], aliases)) => {
                for (abbr, name) in aliases {
                    reasons.push(format!("read \"{abbr}\" as {name}, as the text defines it"));
                }
                expanded_doc = DocText {
                    title,
                    lead,
                    body,
                    ..*d
                };
                &expanded_doc
            }
            None => d,
        };
        let detection = self.decide_inner(d, mentions, &mut reasons);
        if let Some(det) = &detection {
            reasons = det.reasons.clone();
        }
        Decision { detection, reasons }
    }

    /// The title, lead and body with each customer abbreviation the text defines in parentheses
    /// after the customer's name ("Microsoft (MS)", "마이크로소프트(MS)": two to five capital
    /// letters, none a ticker of the universe) written as the name; `None` when there is none.
    /// With them, the abbreviations and names read.
    fn expand_abbreviations(&self, d: &DocText<'_>) -> Option<Expanded> {
        // (cheap test first: two to five capitals in parentheses, "(MS)", not "(NASDAQ: WULF)")
        let defined = |inner: &str| parenthesised_abbreviation(inner).is_some();
        // (an ASCII parenthesis is found by memchr; the wide one only where the text has one)
        let defines = |t: &str| {
            t.match_indices('(').any(|(i, _)| defined(&t[i + 1..]))
                || t.contains('\u{ff08}')
                    && t.match_indices('\u{ff08}')
                        .any(|(i, m)| defined(&t[i + m.len()..]))
        };
        if ![d.title, d.lead, d.body].iter().any(|t| defines(t)) {
            return None;
        }
        let mut aliases: Vec<(String, String)> = Vec::new();
        for t in [d.title, d.lead, d.body] {
            for h in self.cp_matcher.find(t, true) {
                let rest = t[h.end..].trim_start_matches(' ');
                let Some(inner) = rest
                    .strip_prefix('(')
                    .or_else(|| rest.strip_prefix('\u{ff08}'))
                else {
                    continue;
                };
                let Some(abbr) = parenthesised_abbreviation(inner) else {
                    continue;
                };
                if self.linker.tickers.iter().any(|t| t == abbr)
                    || aliases.iter().any(|(a, _)| a == abbr)
                {
                    continue;
                }
                aliases.push((abbr.to_string(), self.cps[h.entity].name.clone()));
            }
        }
        if aliases.is_empty() {
            return None;
        }
        let expand = |t: &str| {
            let mut out = t.to_string();
            for (abbr, name) in &aliases {
                let mut next = String::with_capacity(out.len());
                let mut last = 0;
                for (i, _) in out.match_indices(abbr.as_str()) {
                    let before = out[..i].chars().next_back();
                    let after = out[i + abbr.len()..].chars().next();
                    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                    if word(before) || word(after) {
                        continue;
                    }
                    next.push_str(&out[last..i]);
                    next.push_str(name);
                    last = i + abbr.len();
                }
                next.push_str(&out[last..]);
                out = next;
            }
            out
        };
        Some(([expand(d.title), expand(d.lead), expand(d.body)], aliases))
    }

    fn decide_inner(
        &self,
        d: &DocText<'_>,
        mentions: &[Mention],
        reasons: &mut Vec<String>,
    ) -> Option<Detection> {
        if mentions.is_empty() {
            reasons.push("no company of the universe is named".into());
            return None;
        }
        let p = pats();
        // (the title the item came with, before a line of the text stands in for it)
        let given_title = d.title;
        // an item with no title of its own is given its text's first words ("Bit Digital has
        // secured a lease-to-own … web…"): its headline is that first sentence whole, or the
        // words cut off ("… supporting its 5MW colocation contract") would go unread
        let first_sentence = if derived_title(d.title, d.lead) {
            // (the first that is no furniture: "By Mill Chart", "Last update: Nov 11, 2025")
            let s = sentences(d.lead);
            s.iter()
                .copied()
                .find(|s| !is_furniture(s))
                .or_else(|| s.first().copied())
        } else if p.section_title.is_match(d.title.trim()) {
            // a title that is a section's heading ("What's Happening?" over an AI summary, "Key
            // Takeaways"): the text's first sentence that is no furniture is the headline
            sentences(d.lead)
                .into_iter()
                .chain(sentences(d.body))
                .find(|s| !is_furniture(s) && s.trim() != d.title.trim())
        } else {
            None
        };
        let d = &DocText {
            title: first_sentence.unwrap_or(d.title),
            ..*d
        };
        let domain = is_domain_text(d.title) || is_domain_text(d.lead) || is_domain_text(d.body);
        // the text's sentences, furniture and all, then without it
        let all_sents: Vec<&str> = sentences(d.lead)
            .into_iter()
            .chain(sentences(d.body))
            .collect();
        let text_sents: Vec<&str> = all_sents
            .iter()
            .copied()
            .filter(|s| !is_furniture(s))
            .take(60)
            .collect();
        // a title that names no company of the universe may be the page's furniture ("Share
        // this article", a date, a photo credit, another story's headline): the page's own
        // headline is then the first headline-like line of its text that names one
        let title_names_none = self.linker.find(d.title, domain).is_empty();
        let page_headline = (!d.is_filing && title_names_none)
            .then(|| {
                // before the story's prose: a headline-like line after a sentence of the
                // body naming a company is a subhead or a caption, not the page's headline
                // (a sign-up prompt above the headline names none)
                text_sents
                    .iter()
                    .take(6)
                    .take_while(|s| !is_prose(s) || self.linker.find(s, domain).is_empty())
                    .find(|s| headline_like(s) && !self.linker.find(s, domain).is_empty())
            })
            .flatten();
        if let Some(h) = page_headline {
            reasons.push(format!("the page's headline: \"{}\"", clip(h, 120)));
        }
        // where that headline stands among the text's sentences (its position, 0 for none)
        let headline_at = page_headline.map_or(0, |h| {
            text_sents
                .iter()
                .position(|s| std::ptr::eq(s, h))
                .map_or(0, |i| i + 1)
        });
        let d = &DocText {
            title: page_headline.copied().unwrap_or(d.title),
            ..*d
        };
        // the headline, then the text's sentences in order: position 0 is the headline
        let mut cands: Vec<(&str, usize)> = vec![(d.title, 0)];
        cands.extend(text_sents.iter().enumerate().map(|(i, s)| (*s, i + 1)));
        // ("Applied Digital Locks In $7.5B Hyperscaler Lease: What 300 MW of AI Demand Means for
        // Traders", "IREN signs a $9.7bn Microsoft cloud deal: what it means for …": a headline
        // that signs a contract before its colon is the news, classed by that part and not by
        // the commentary after it; the colon is the first outside parentheses, "IREN (NASDAQ:
        // IREN) signs …")
        let title_head = match split_outside_parentheses(d.title, ':') {
            Some((head, _))
                if head.split_whitespace().count() >= 4
                    && p.verb.is_match(head)
                    && (p.contract_noun.is_match(head) || names_contract(head)) =>
            {
                head
            }
            // ("Applied Digital (APLD): Evaluating Valuation After Securing $5 Billion
            // Hyperscaler Lease …": the evaluation is pegged to the contract it names, which is
            // the news; its valuation talk does not make the page commentary)
            _ => match d
                .title
                .contains(':')
                .then(|| p.pegged_to_contract.captures(d.title))
                .flatten()
            {
                Some(c) if p.contract_noun.is_match(&c[1]) || names_contract(&c[1]) => {
                    c.get(1).map_or(d.title, |m| m.as_str())
                }
                _ => d.title,
            },
        };
        let headline = headline_class(title_head);
        // "… stock Initiated by H.C. Wainwright analyst" over "The company report on January 10,
        // 2024 at 8:30 AM that Bit Digital, Inc. Announces …": a stock page's template, whose
        // headline is the page's and whose text tells the company's release (dated, so a release
        // weeks old is still recalled)
        let headline = match headline {
            Some(Against::Analyst)
                if text_sents
                    .iter()
                    .take(3)
                    .any(|s| p.company_reported_that.is_match(s)) =>
            {
                reasons.push(
                    "the headline is a stock page's; its text tells what the company reported"
                        .into(),
                );
                None
            }
            h => h,
        };
        // "Company Reduces Convertible Debt by Over $4 Million" over "The Company has provided the
        // following Corporate and Site Updates.": a copy of a company's update headed by its
        // first highlight; the update is the story, and a new contract among its points is news
        // as in any results release
        let headline = match headline {
            Some(
                Against::Financing
                | Against::Corporate
                | Against::Milestone
                | Against::Power
                | Against::Plan,
            ) if text_sents
                .iter()
                .take(UPDATE_LIST_REACH)
                .any(|s| p.update_list.is_match(s.trim())) =>
            {
                reasons.push("the headline is one point of the update the text lists".into());
                Some(Against::Results)
            }
            h => h,
        };
        // ("… on Friday upped its notes offering, one day after revealing a $3 billion hosting
        // deal": a headline that recalls the contract does not name it as the news)
        let title_contract = self.headline_names_contract(d.title) && !recalls(d.title);
        // the opening says someone backs the tenant's obligations: a stake that party takes is
        // its consideration ("in return for guaranteeing $1.4 billion of Fluidstack's obligations")
        let opening_backstop = cands
            .iter()
            .take(5)
            .any(|(s, _)| p.backstop_words.is_match(s));
        // "Google takes a 5.4% stake in Cipher" over an opening that says it backs the tenant's
        // lease: the stake is taken as part of the tenant's agreement, which is the news, stated
        // near the top with or without a verb ("part of a 10-year hosting agreement with
        // Fluidstack")
        // the text's first sentence that is not the headline again
        let lead_first = text_sents
            .iter()
            .copied()
            // (a bullet's mark alone on its line is no sentence: "-", "•")
            .find(|s| s.trim() != d.title.trim() && s.chars().any(char::is_alphanumeric))
            .unwrap_or("");
        let stake_news = p.stake_title.is_match(d.title)
            && cands
                .iter()
                .take(STAKE_NEWS_REACH + 1)
                .any(|(s, _)| p.backstop_words.is_match(s))
            && (p.stake_size.is_match(d.title)
                || p.stake_title.is_match(lead_first) && p.stake_size.is_match(lead_first))
            && !p.company_takeover.is_match(d.title);
        // the one counterparty the headline names, for a sentence that names it by what it is
        // ("an agreement with the technology giant" under "Microsoft's bet on Iris Energy")
        let title_party = self.sole_party(d.title);
        // with no headline naming a company, the company the opening names first is the story's:
        // a sentence naming only other companies of the universe tells their deals
        // a title that is furniture: it names no company and no line of the text stands in for it
        let furniture_title = page_headline.is_none() && title_names_none;
        let lead_ticker: Option<&str> = furniture_title
            .then(|| {
                text_sents.iter().take(3).find_map(|s| {
                    self.linker
                        .find(s, domain)
                        .iter()
                        .map(|x| self.linker.tickers[x.entity].as_str())
                        .find(|t| !self.customer_ticker(t))
                })
            })
            .flatten();
        let mut best_customer: Option<Cand<'_>> = None;
        // every customer contract read, for when the best is one the text dates weeks back
        let mut customer_cands: Vec<Cand<'_>> = Vec::new();
        let mut best_other: Option<Cand<'_>> = None;
        // the strongest customer contract a results release calls new
        let mut best_fresh: Option<Cand<'_>> = None;
        // what the headline or the text's opening says against a customer contract
        let mut early_against: Option<(&str, usize)> = None;
        // the opening's sentences against a customer contract, and why
        let mut against_sents: Vec<(&str, &str)> = Vec::new();
        // does the opening host bitcoin mining (a sentence passed over as such, near the top)?
        let mut opening_hosts_mining = false;
        // the amounts the opening recalls ("has executed over $12.8 billion in contracts")
        let recalled_amounts: Vec<(f64, &str)> = cands
            .iter()
            .filter(|(s, pos)| {
                (1..=5).contains(pos)
                    && p.cumulative.is_match(s)
                    // "with potential extensions bringing total revenue to $8.7 billion": the
                    // options' total of this agreement, not a total of agreements made
                    && !p.options_total.is_match(s)
            })
            // (the amounts from the total on: "By securing a $9.8 bn contract …, the company
            // brings total contracted revenue to $16.8 bn" recalls the $16.8 bn, not the new
            // contract's $9.8 bn before it)
            .flat_map(|&(s, _)| {
                let from = p.cumulative.find(s).map_or(0, |m| m.start());
                terms::stated_usd(&s[from..])
                    .into_iter()
                    .map(move |a| (a, s))
            })
            .collect();
        // the headline opens with a customer ("CoreWeave posts second-quarter revenue of $1.21
        // billion": it is the story's subject) and names no company of the universe that is not
        // a customer too ("Galaxy closes financing as CoreWeave commits" is Galaxy's story)
        // (asked only of a candidate sentence that names no provider: computed once, on demand)
        let title_all_customers = std::cell::OnceCell::new();
        let title_all_customers = || {
            *title_all_customers.get_or_init(|| {
                let named = self.linker.find(d.title, domain);
                let opens_with_it = named
                    .first()
                    .is_some_and(|x| d.title[..x.start].trim().is_empty());
                opens_with_it
                    && named
                        .iter()
                        .all(|x| self.customer_ticker(&self.linker.tickers[x.entity]))
            })
        };
        // the position of the first sentence of the text that names a company of the universe,
        // when no headline does (None: none does)
        // (asked only of a candidate sentence under such a headline: computed once, on demand)
        let first_company_at = std::cell::OnceCell::new();
        let first_company_at = || {
            *first_company_at.get_or_init(|| {
                text_sents
                    .iter()
                    .position(|s| !self.linker.find(s, domain).is_empty())
                    .map(|i| i + 1)
            })
        };
        // whether the headline names one company of the universe (and no other), for a sentence
        // whose subject is lost (computed once, on demand)
        let title_names_one = std::cell::OnceCell::new();
        let title_names_one =
            || *title_names_one.get_or_init(|| sole(&self.providers_in(d.title, domain)).is_some());
        // for each position, how many of the text's sentences before it are the headline told
        // again or a subhead (position 0, the headline, and position 1 have none before them)
        let mut lead_skips = vec![0usize; 2];
        for s in text_sents.iter().take(8) {
            let last = lead_skips[lead_skips.len() - 1];
            lead_skips.push(last + usize::from(s.trim() == d.title.trim() || is_subhead(s)));
        }
        // the position of the opening sentence that closes a deal (signing verb, contract noun)
        let mut opening_closed: Option<usize> = None;
        for &(s, pos) in &cands {
            // a headline that names a customer contract needs no verb ("Hut 8's $7B lease with
            // Fluidstack"), nor does the news a price move follows ("jumps after $7B lease")
            // "has signed a deal to acquire a 64% stake in Exaion": the party bought into
            // ("Microsoft will acquire access to Nvidia systems": a customer's use, no purchase)
            let s_no_access = p.access_to.replace_all(s, "");
            if (1..=3).contains(&pos)
                && p.acquires.is_match(&s_no_access)
                && !names_contract(s)
                && !p.warrant_shares.is_match(s)
                && !self.guarantor_takes_stake(s, domain, opening_backstop)
            {
                against_sents.push((s, ACQUIRES));
            }
            // (a customer signed is a contract: "Signed a new 8.8 MW customer")
            let new_customer = p.new_customer.is_match(s);
            // (a named customer taking more capacity is a signing told by its verb: "CoreWeave
            // increased its capacity at Galaxy's Helios campus")
            // (the customer its subject, named before the verb; not "may add 118 megawatts")
            let noun_word = p.noun.is_match(s);
            let customer_moves = !noun_word
                && p.capacity_move.find(s).is_some_and(|m| {
                    let before = s[..m.start()].trim_end();
                    ![" may", " might", " could", " would", " will", " to"]
                        .iter()
                        .any(|w| before.ends_with(w))
                        && self.cp_matcher.find(before, true).first().is_some_and(|h| {
                            party_role(before, h.start, h.end) == Role::Counterparty
                        })
                });
            let noun = noun_word || p.site_commitment.is_match(s) || new_customer;
            // ("Cipher wird Fluidstack 168 Megawatt … zur Verfügung stellen", behind a byte search)
            // ("is set to expand HPC colocation capacity to 72.5 MW", "enabling TeraWulf to
            // expand": an expansion to come, not one agreed; a customer that "will expand its
            // operations at" the campus still commits)
            // ("closed-loop cooling", "a closed-end fund": an adjective, no deal closed)
            let own_verb = if s.contains("xpand") {
                p.verb.is_match(&p.future_expand.replace_all(s, ""))
            } else if s.contains("closed-") {
                p.verb.is_match(&s.replace("closed-", "closed_"))
            } else if s.contains("xecut") {
                // ("we executed several strategic initiatives": a plan carried out, no contract)
                p.verb.is_match(&p.executed_plan.replace_all(s, ""))
            } else if s.contains("eveal") && !p.verb.is_match(&p.reveal_words.replace_all(s, "")) {
                // ("CoreWeave's journey … reveals how they became a major hyperscaler", "a closer
                // look at the call reveals a strategic pivot toward HPC hosting": what a story or
                // a look reveals is no signing unless the words after it name a contract)
                p.reveal_words.captures_iter(s).any(|c| {
                    let after = c.get(1).map_or("", |m| m.as_str());
                    p.contract_noun.is_match(after) || after.contains("lease")
                })
            } else if s.contains("committed to") || s.contains("confirmed") || s.contains("nveil") {
                // ("we are committed to getting it right", "for the transaction to be
                // confirmed", "unveiled its GPU-as-a-service program"): an attitude, a passive
                // confirmation or a launch, no agreement
                p.verb.is_match(&p.not_signing.replace_all(s, ""))
            } else {
                p.verb.is_match(s)
            } && !p.deal_subject.is_match(s)
                || (s.contains("wird") || s.contains("werden")) && p.provides_mw.is_match(s);
            // "TeraWulf hat einen Deal abgeschlossen. Im Zentrum steht eine Vereinbarung mit
            // Fluidstack ...": the deal the opening's first sentence closes is the agreement the
            // next one describes
            // (or, two sentences on, one that refers back to it: "said a company has signed a
            // long-term deal to use the facility. ... The deal, a 15-year $7 billion agreement
            // with Fluidstack, ...")
            // (its place counted without the headline told again and the subheads before it:
            // "… Secures Major $5 Billion Contract / … Celebrates New Milestone / … has secured a
            // transformative contract … / The deal … involves a 15-year lease agreement")
            let closed_before = pos >= 2
                && pos - lead_skips[pos.min(lead_skips.len() - 1)] <= 3
                && opening_closed == Some(pos - 1)
                || (3..=4).contains(&pos)
                    && opening_closed == Some(pos - 2)
                    && p.deal_again.is_match(s);
            // whether the sentence announces (not negated, not recalled), asked at most once
            let mut announced: Option<bool> = None;
            let mut announces_here = || {
                *announced
                    .get_or_insert_with(|| !p.negated.is_match(s) && announces_on(s, d.published))
            };
            if pos >= 1 && own_verb && noun && p.contract_noun.is_match(s) && announces_here() {
                opening_closed = Some(pos);
            }
            let verb = own_verb
                || customer_moves
                || new_customer
                || closed_before && noun
                // a results bullet: "New multi-year contracts including Together AI ..."
                || noun && p.fresh_results.is_match(s)
                || pos == 0
                    && title_contract
                    && headline.is_none()
                    && (names_contract(&hosting_as_activity(s)) || p.own_terms.is_match(s))
                || noun && on_news(s)
                // "underscored by a new $7 billion lease agreement with CoreWeave"
                || noun && p.new_priced.is_match(s)
                || stake_news
                    && (1..=STAKE_NEWS_REACH).contains(&pos)
                    && (p.contract_noun.is_match(s) || capacity_move(s));
            let mut score = match (verb, noun) {
                (true, true) => 0.45,
                (false, true) => 0.2,
                (true, false) => 0.1,
                _ => 0.0,
            };
            if score == 0.0 {
                continue;
            }
            // "CoreWeave signed a $9 billion agreement to acquire its rival Core Scientific": an
            // agreement to buy a company of the universe is a takeover, whatever it is called
            let company_bought = p.acquires.find_iter(&s_no_access).any(|m| {
                let after = &s_no_access[m.end()..];
                let cut = after.char_indices().nth(60).map_or(after.len(), |(i, _)| i);
                self.linker.find(&after[..cut], domain).iter().any(|x| {
                    // (the company itself, not a stake or shares in it: "acquire 41 million
                    // shares of TeraWulf", "Acquires 5.4% Cipher Stake")
                    let between = &after[..x.start];
                    !self.customer_ticker(&self.linker.tickers[x.entity])
                        && !between.contains(|c: char| c.is_ascii_digit())
                        && !after[x.start..cut].to_lowercase().contains("stake")
                        && !between.to_lowercase().contains("share")
                        // ("the right to buy a stake in Cipher Mining")
                        && !between.to_lowercase().contains("stake")
                })
            });
            // a company acquiring another firm's colocation customers, staff and equipment: a
            // business bought, its customers with it, is no customer's agreement
            // (asked of the sentence whole: "acquiring the cloud" is no access bought here; not
            // "to acquire capacity for its customers")
            let business_bought = !company_bought
                && p.business_object.is_match(s)
                && p.acquires.find_iter(s).any(|m| {
                    let after = &s[m.end()..];
                    let cut = after.char_indices().nth(60).map_or(after.len(), |(i, _)| i);
                    p.business_object
                        .find(&after[..cut])
                        .is_some_and(|o| !after[..o.start()].contains(" for "))
                });
            if business_bought {
                if pos <= 3 {
                    reasons.push(format!("against: {ACQUIRES}: \"{}\"", clip(s, 120)));
                    against_sents.push((s, ACQUIRES));
                }
                continue;
            }
            if company_bought {
                if pos <= 3 {
                    reasons.push(format!("against: a takeover: \"{}\"", clip(s, 120)));
                    against_sents.push((s, ACQUIRES));
                    if pos <= 2 && early_against.is_none() {
                        early_against = Some((ACQUIRES, pos));
                    }
                }
                continue;
            }
            let not_provider =
                not_provider_or_not_signed(s, |t| !self.linker.find(t, domain).is_empty())
                    // "Fluidstack continues to lease capacity from former miners, signing a
                    // 245 MW deal with Hut 8": the customer is the one leasing
                    // "Microsoft locks a $9.7B IREN deal for Nvidia GB300 cloud power": a customer
                    // named first, the company just before the goods, is the company selling
                    .filter(|why| *why != BUYER || !self.customer_buys_goods_of_company(s, domain))
                    .filter(|why| {
                        *why != LESSEE
                            || !p.lessee.find(s).is_some_and(|m| {
                                let before = &s[..m.start()];
                                self.cp_matcher.find(before, true).iter().any(|h| {
                                    party_role(before, h.start, h.end) == Role::Counterparty
                                })
                            })
                    });
            // the party the opening buys from or leases from, even in a sentence that recalls
            // ("a $1.6bn purchase agreement with Dell ... to support its AI cloud contract")
            if let Some(why) = not_provider
                && pos <= 3
                && (why == BUYER || why == LESSEE)
            {
                against_sents.push((s, why));
            }
            if !announces_here() {
                continue;
            }
            // "signed leases totaling 600 megawatts with two hyperscalers": the agreements of
            // several customers summed, a portfolio and not one new contract
            if (s.contains("total") || s.contains(", represent") || s.contains(", amount"))
                && p.agreements_total.is_match(s)
                && p.several_parties.is_match(s)
            {
                against_near_top(reasons, pos, "several customers' agreements summed", s);
                continue;
            }
            // "… saw shares soar last week following a transformative deal backed by Alphabet.
            // The company has signed two 10-year colocation agreements with Fluidstack": the deal
            // the sentence before dates weeks back, told again (nothing says new, another, today)
            // (or, within the three sentences before, one that tells the deal dates it weeks
            // before the story, and this one refers back to it: "On Monday, June 2, it was
            // announced that the company entered into two 15-year deals … The deal is expected to
            // produce $7 billion … As part of the deal, CoreWeave also received a warrant …", a
            // story of June 17; the sentences between that refer back too are passed over)
            let told_before = || {
                (pos.saturating_sub(3).max(1)..pos).rev().find(|&b| {
                    let t = cands[b].0;
                    (p.contract_noun.is_match(t) || t.contains("lease")) && !p.deal_back.is_match(t)
                })
            };
            if pos >= 2
                // (a warrant's "exercise price" exercises no option)
                && !p
                    .fresh_again
                    .find_iter(s)
                    .any(|m| !m.as_str().ends_with(" price") && !m.as_str().ends_with(" prices"))
                && (p.time_ago.is_match(cands[pos - 1].0)
                    && p.contract_noun.is_match(cands[pos - 1].0)
                    || p.deal_back.is_match(s)
                        && told_before().is_some_and(|b| {
                            recalls_on(cands[b].0, d.published)
                                || d.published
                                    .is_some_and(|day| recalled_on(cands[b].0, day).is_some())
                        }))
            {
                against_near_top(reasons, pos, "the deal the sentence before recalls", s);
                continue;
            }
            // "TeraWulf has been actively pursuing significant strategic expansions. The company
            // secured an 80-year ground lease … Concurrently, TeraWulf finalized a pivotal
            // agreement with Fluidstack": the three sentences after a list's opening recall
            if pos >= 2
                && !p.this_day.is_match(s)
                && !s.contains(" new ")
                && (pos.saturating_sub(3).max(1)..pos).any(|b| p.recap_frame.is_match(cands[b].0))
            {
                against_near_top(reasons, pos, "a list of what the company has been doing", s);
                continue;
            }
            if let Some(why) = not_provider {
                against_near_top(reasons, pos, why, s);
                if pos <= 2 && early_against.is_none() {
                    early_against = Some((why, pos));
                }
                continue;
            }
            // "How will the delivery of 72.5 MW to Core42 affect TeraWulf's revenue? | WULF":
            // a question asks, it tells no agreement
            if is_question(s) {
                against_near_top(reasons, pos, "a question", s);
                continue;
            }
            // "TeraWulf announced that it is on schedule and on budget to deliver 72.5 MW to its
            // client Core42": work under way for a customer, told by a verb of telling alone
            if p.on_schedule.is_match(s) && !p.verb.is_match(&p.telling.replace_all(s, "")) {
                against_near_top(reasons, pos, "progress on work under way", s);
                continue;
            }
            // "| | Revenues | $64.2 million | $34.8 million | +84% |": a table's row
            if s.bytes().filter(|&b| b == b'|').count() >= 4 {
                against_near_top(reasons, pos, "a table's row", s);
                continue;
            }
            // "shares fell 18% on the deal announcement, … for an M&A target": the deal is the
            // company's sale, not a customer's contract
            if s.contains("M&A") && on_news(s) && !p.customer_contract.is_match(s) {
                against_near_top(reasons, pos, "a takeover or a merger", s);
                continue;
            }
            // "today announced financial results for the fourth quarter": a results release
            if p.results_release.is_match(s) {
                against_near_top(reasons, pos, "a results release", s);
                continue;
            }
            // "a second hosting agreement ... to host another 10,000 miners": bitcoin mining
            if mining_words(s) && !p.ai_words.is_match(s) {
                against_near_top(reasons, pos, MINING, s);
                continue;
            }
            if workload(s) {
                score += 0.2;
            }
            let cp_hits = self.cp_matcher.find(s, true);
            // the companies named as the party, and whether one is an AI cloud (its agreements
            // are customer contracts)
            let parties: Vec<usize> = cp_hits
                .iter()
                .filter(|h| party_role(s, h.start, h.end) == Role::Counterparty)
                .map(|h| h.entity)
                .collect();
            // the companies of the universe the sentence names, and those of them that are not
            // also a customer ("CoreWeave executed a lease" names CoreWeave as the customer)
            let companies = self.linker.find(s, domain);
            let providers: Vec<_> = companies
                .iter()
                .filter(|x| !self.customer_ticker(&self.linker.tickers[x.entity]))
                .collect();
            // "Meanwhile, Centrus Energy Group (LEU) surged 12% on a deal to power Meta's data
            // centers": a sentence about a listed company of no interest here (its ticker not
            // the universe's, its name no customer's), naming no company of the universe, is
            // that company's news
            if providers.is_empty() && self.outside_listed_subject(s) {
                against_near_top(reasons, pos, "another listed company's news", s);
                continue;
            }
            // "APLD shares were up 5% … after Oracle stated …, and Nebius Group bagged a
            // multi-billion-dollar AI infrastructure deal from Microsoft": every signing the
            // sentence tells is between two other companies, named, the cause of a move
            // ("Lancium and Crusoe Energy announced a multibillion-dollar agreement to build a
            // 200-megawatt data center": two other companies named as the subject, no company of
            // the universe in the sentence)
            // ("Additional contracts include up to $19.4 billion with Nebius, over $10 billion
            // with CoreWeave, $9.7 billion with Iren, and more than $2 billion with Lambda": one
            // buyer's contracts with many, listed)
            if s.contains(" with ") && p.amount_with.find_iter(s).take(3).count() == 3 {
                against_near_top(reasons, pos, "a list of several parties' contracts", s);
                continue;
            }
            // ("Bitdeer keeps growing its hashrate while its peers sign AI leases": the signing
            // is the group's, and no other verb in the sentence signs for the company)
            // (asked only of a sentence naming such a group: a byte search first)
            if [
                "eer",
                "ival",
                "ompetitor",
                "ther ",
                "EER",
                "IVAL",
                "OMPETITOR",
                "THER ",
            ]
            .iter()
            .any(|w| s.contains(w))
                && let Some(g) = p.group_signs.find(s)
                && !p.verb.is_match(&s[..g.start()])
                && !p.verb.is_match(&s[g.end()..])
            {
                against_near_top(reasons, pos, "other companies' agreements", s);
                continue;
            }
            // ("OpenAI signed an agreement to deploy 6 gigawatts of AMD graphics processing
            // units": a sentence naming no company of the universe whose agreement buys or
            // deploys chips is a customer's or a chip maker's deal)
            if providers.is_empty() && s.contains(" to ") && p.chip_deal.is_match(s) {
                against_near_top(reasons, pos, "another company's chip agreement", s);
                continue;
            }
            // ("Secured 25 MW hosting agreement with a sustainability-focused bitcoin miner",
            // "a hosting agreement which would deploy 20 MW of bitcoin mining technology": the
            // hosting of bitcoin mining, a miner's old business, not AI or HPC)
            // (asked only of a sentence naming miners, mining or ASICs: a byte search first)
            if ["iner", "ining", "INER", "INING", "ASIC"]
                .iter()
                .any(|w| s.contains(w))
                && p.bitcoin_hosting.is_match(s)
                && !p.ai_words.is_match(s)
            {
                against_near_top(reasons, pos, "hosting for bitcoin mining, not AI or HPC", s);
                opening_hosts_mining |= pos <= 3;
                continue;
            }
            if self.others_signing(s, domain)
                || s.contains(" and ")
                    && p.pair_signs.is_match(s)
                    && self.providers_in(s, domain).is_empty()
            {
                against_near_top(reasons, pos, "another company's agreement", s);
                continue;
            }
            // "Meanwhile, a separate Zacks analysis frames IREN's story as less dependent on one
            // customer, citing additional multi-year AI cloud wins": an analysis's view of deals
            if p.analysis_subject.is_match(s) {
                against_near_top(reasons, pos, "an analysis's view", s);
                continue;
            }
            // "In an X post on June 23, a fund's CIO highlighted that Galaxy's transformation
            // accelerated after it signed …": someone's post about the deal, not its news
            if s.contains(" post") && p.social_post.is_match(s) {
                against_near_top(reasons, pos, "a social-media post's view", s);
                continue;
            }
            // "West Texas hosts the Stargate Project, backed by OpenAI, with a $500 billion
            // commitment": a sentence naming no company of the universe whose money is all past
            // any contract's worth tells a sector's or another venture's deal
            if pos >= 1 && providers.is_empty() && terms::sector_figures_only(s) {
                against_near_top(reasons, pos, "a sector's or another venture's figure", s);
                continue;
            }
            // "CoreWeave's critical IT signed with bitcoin miners comes to 653 MW": a customer's
            // agreements with miners as a class, naming none of them, are the sector's deals (a
            // sentence on the story's company, "the company became the first of the bitcoin miners
            // to sign with CoreWeave", names it as a provider and is not one of these)
            if providers.is_empty()
                && (s.contains("iner") || s.contains("ining ") || !s.is_ascii())
                && p.sector_miners.is_match(s)
            {
                against_near_top(reasons, pos, "the sector's deals, with no miner named", s);
                continue;
            }
            // "Iris Energy exemplified this trend by securing a $9.7 billion agreement",
            // "Similarly, Cipher Mining secured a 10-year agreement": a case of a trend, or one
            // like the case before, is an example and not the news
            if pos >= 2
                && [
                    "xempl",
                    "llustrat",
                    "pitomi",
                    "imilarly",
                    "ikewise",
                    "or example",
                    "or instance",
                    "ighlights ",
                    "cites ",
                    "points to ",
                    "lists ",
                    "names ",
                    "mentions ",
                    " such as ",
                    "ニュース",
                ]
                .iter()
                .any(|w| s.contains(w))
                && p.example_case.is_match(s)
            {
                against_near_top(reasons, pos, "an example, not the news", s);
                continue;
            }
            // "CoreWeave posted second-quarter revenue … A $4bn contract expansion with OpenAI
            // helped drive the increase": under a headline whose companies are all customers,
            // a sentence that names no company providing capacity tells the customer's own deals
            if providers.is_empty() && title_all_customers() {
                against_near_top(
                    reasons,
                    pos,
                    "the customer's own agreement, in a story about it",
                    s,
                );
                continue;
            }
            // "Lancium and Crusoe Energy Systems announced a multibillion-dollar deal to build a
            // 200-megawatt data center", under a headline that names no company of the universe
            // and before the text names one: other companies' deal
            // (the headline too, when it is the text's first sentence: an item with no title)
            if furniture_title
                && (pos >= 1 || first_sentence.is_some())
                && first_company_at().is_none_or(|at| at > pos.max(1))
                // ("Miner di Bitcoin firma un accordo AI": the story's miner, not yet named)
                && !p.miner_ref.is_match(s)
            {
                if (1..=3).contains(&pos) {
                    reasons.push(format!(
                        "against: before the text names a company of the universe: \"{}\"",
                        clip(s, 120)
                    ));
                }
                continue;
            }
            // "Hut 8 signed a 15-year lease. TeraWulf has locked in billions. IREN won Microsoft's
            // contract.": under a headline that names no
            // company, one company's signing beside another's, neither dated, is a roundup of
            // the sector's deals, not the news of one
            // ("Iren hat einen Vertrag mit Microsoft abgeschlossen, während Cipher Mining eine
            // Partnerschaft mit Amazon eingegangen ist": the other company's deal in the same
            // sentence, after a "while")
            let other_deal_after_while = || {
                let Some(at) = p.while_clause.find(s).map(|m| m.end()) else {
                    return false;
                };
                let (head, rest) = (&s[..at], &s[at..]);
                let mine = self.providers_in(head, domain);
                !mine.is_empty()
                    && !self.cp_matcher.find(rest, true).is_empty()
                    && self
                        .providers_in(rest, domain)
                        .iter()
                        .any(|e| !mine.contains(e))
            };
            if furniture_title
                && !providers.is_empty()
                && !p.this_day.is_match(s)
                && (pos >= 1 && s.contains(',') && other_deal_after_while()
                    || pos >= 2
                        && [pos - 1, pos + 1].iter().any(|&n| {
                            cands.get(n).is_some_and(|(t, _)| {
                                n >= 1
                                    && !p.this_day.is_match(t)
                                    && p.verb.is_match(t)
                                    && self
                                        .providers_in(t, domain)
                                        .iter()
                                        .any(|&e| providers.iter().all(|y| y.entity != e))
                            })
                        }))
            {
                against_near_top(
                    reasons,
                    pos,
                    "one of several companies' agreements, a roundup",
                    s,
                );
                continue;
            }
            // a sentence about backing lease obligations that names a hyperscaler and an AI cloud
            // ("Google invests 5.4% in Cipher, backs $1.4B of Fluidstack's lease obligations"):
            // the hyperscaler is the guarantor, the AI cloud the tenant
            let party = backed_tenant(s, &parties, |&e| self.cps[e].class)
                .or_else(|| {
                    title_party.filter(|_| cp_hits.is_empty() && p.giant_anaphor.is_match(s))
                })
                // "Microsoft took a bold step. The company signed a $9.7 billion agreement with
                // IREN": the company that signs with one of the universe is the one the sentence
                // before named
                .or_else(|| {
                    if !(cp_hits.is_empty()
                        && pos >= 2
                        && p.subject_anaphor.is_match(s)
                        && !companies.is_empty())
                    {
                        return None;
                    }
                    self.sole_party(cands[pos - 1].0)
                })
                // "Google-Backed $7B AI Deal Sends Hut 8 Crypto Stock Soaring": a headline that
                // names only the deal's backer; its tenant is the first other party the opening
                // names
                .or_else(|| {
                    if !(pos == 0 && parties.is_empty() && p.deal_noun.is_match(s) && on_news(s)) {
                        return None;
                    }
                    // (the backer is a modifier the name matcher passes over: the word before
                    // "-backed")
                    let at = s.to_ascii_lowercase().find("-backed")?;
                    let backer = s[..at]
                        .rsplit(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or("");
                    let backers: Vec<usize> = self
                        .cp_matcher
                        .find(backer, true)
                        .iter()
                        .map(|h| h.entity)
                        .collect();
                    if backers.is_empty() {
                        return None;
                    }
                    text_sents
                        .iter()
                        .filter(|t| t.trim() != s.trim())
                        .take(3)
                        .find_map(|t| {
                            self.cp_matcher
                                .find(t, true)
                                .iter()
                                .filter(|h| party_role(t, h.start, h.end) == Role::Counterparty)
                                .map(|h| h.entity)
                                .find(|e| !backers.contains(e))
                        })
                });
            let cp_named = party.is_some();
            if let Some(lead) = lead_ticker {
                // (a customer that is a listed company too, "CoreWeave executed a lease", is no
                // other company's story)
                let here: Vec<&str> = providers
                    .iter()
                    .map(|x| self.linker.tickers[x.entity].as_str())
                    .collect();
                if !here.is_empty() && here.iter().all(|t| *t != lead) {
                    against_near_top(reasons, pos, "another company's agreement", s);
                    continue;
                }
            }
            // "its path is marked by (1) ..., (2) ..., (3) a Microsoft contract": a summary
            if p.enumerated.find_iter(s).count() >= 3 {
                against_near_top(reasons, pos, "a summary in points", s);
                continue;
            }
            // "miners like Riot Platforms signed HPC deals with AMD": the company an example of
            // its class, the agreements the class's
            if providers
                .first()
                .is_some_and(|x| p.as_example.is_match(&s[..x.start]))
            {
                against_near_top(
                    reasons,
                    pos,
                    "the company named as an example of its class",
                    s,
                );
                continue;
            }
            // "In a typical deal, …", "Cipher typically signs ten-year leases", "…, an AI cloud
            // signs the lease, and a hyperscaler stands behind it": how such deals go, not one
            // (not the headline, whose present tense tells news)
            if pos >= 1 && p.kind_of_deal.is_match(s) {
                against_near_top(reasons, pos, "a kind of deal described, not one signed", s);
                continue;
            }
            // "The lease Applied Digital signed with CoreWeave is the template for the industry,
            // analysts at B. Riley wrote", "IREN's contract with Microsoft could be worth more
            // than $9.7 billion if options are exercised, the analyst said": the deal as the
            // subject of an analyst's words is their view of it, not its news
            if p.deal_as_subject.is_match(s) && p.analyst_said.is_match(s) {
                against_near_top(reasons, pos, "an analyst's words about the deal", s);
                continue;
            }
            // "Galaxy named a former Google executive to lead Helios, where CoreWeave leases 800
            // MW": the site told by the tenant it has, in the present tense, beside a main clause
            // that signs nothing, is described, not signed
            if let Some(at) = s.find(", where ")
                && !p.verb.is_match(&s[..at])
                && p.tenant_state.is_match(&s[at + 8..])
            {
                against_near_top(reasons, pos, "a site described by the tenant it has", s);
                continue;
            }
            // "Fluidstack, the AI cloud that leases capacity at TeraWulf's campus, closed a $700
            // million funding round", "CoreWeave said its backlog grew, helped by a new contract
            // with Meta and capacity from Core Scientific": the company named only where the
            // sentence describes the customer it opens with, or as a source of capacity beside
            // that customer's contract with another party, in the customer's own news
            if !providers.is_empty() && self.customers_own_news(s, &cp_hits, &providers) {
                against_near_top(
                    reasons,
                    pos,
                    "the customer's own news, the company named only beside it",
                    s,
                );
                continue;
            }
            // "signs multi-year leases with these companies": a description of a kind of deal
            if p.generic_party.is_match(s) {
                against_near_top(
                    reasons,
                    pos,
                    "agreements with companies in general, not one",
                    s,
                );
                continue;
            }
            // "publicly traded miners are signing multi-year leases with Google, Amazon and
            // CoreWeave": miners as a class and their customers, a trend and not one deal (or
            // with no customer at all: "public miners have secured more than $70 billion in AI
            // contracts", the sector's total)
            if providers.is_empty() && p.miners_as_class.is_match(s) && {
                let mut es: Vec<usize> = cp_hits.iter().map(|h| h.entity).collect();
                es.sort_unstable();
                es.dedup();
                es.len() >= 2 || es.is_empty()
            } {
                against_near_top(reasons, pos, "miners' agreements in general, not one", s);
                continue;
            }
            // "Des entreprises telles que Cipher, IREN et CleanSpark recherchent activement des
            // contrats …": three companies of the universe in a list are the sector, not one
            // company's deal
            if providers
                .iter()
                .map(|x| x.entity)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                >= 3
                && (providers
                    .first()
                    .is_some_and(|x| in_a_list(s, x.start, x.end))
                    // "WULF (leases worth $12.8B), CIFR (Fluidstack) and IREN (Microsoft) keep
                    // signing": a list whose names each carry an aside in parentheses
                    || s.contains('(') && {
                        let bare = without_parentheses(s);
                        let found = self.linker.find(&bare, domain);
                        found
                            .iter()
                            .find(|x| !self.customer_ticker(&self.linker.tickers[x.entity]))
                            .is_some_and(|x| in_a_list(&bare, x.start, x.end))
                    })
            {
                against_near_top(
                    reasons,
                    pos,
                    "companies in a list, the sector and not one deal",
                    s,
                );
                continue;
            }
            // "concurrent with the merger agreement, the companies also entered into a hosting
            // agreement": an agreement between the merging companies is part of the merger
            if !cp_named && p.merger_agreement.is_match(s) {
                against_near_top(reasons, pos, "part of a merger", s);
                continue;
            }
            // a partnership to build or convert sites, with no customer named: a plan
            if !cp_named
                && s.contains("artner")
                && p.development.is_match(s)
                && !p.undisclosed.is_match(s)
            {
                against_near_top(
                    reasons,
                    pos,
                    "a partnership to build, not a customer's agreement",
                    s,
                );
                continue;
            }
            let cp_neocloud = parties
                .iter()
                .chain(party.iter())
                .any(|&e| self.cps[e].class == crate::config::CounterpartyClass::Neocloud);
            // "struck a $9.7 billion deal, making Microsoft its largest buyer": a hyperscaler's
            // deal with the company stating its own terms buys capacity
            // (or an AI lab, of the class "other": "ha stretto un accordo con Anthropic, che
            // durerà 15 anni per 7 miliardi di dollari")
            let cp_buys_on_terms = parties.iter().chain(party.iter()).any(|&e| {
                matches!(
                    self.cps[e].class,
                    crate::config::CounterpartyClass::Hyperscaler
                        | crate::config::CounterpartyClass::Other
                )
            });
            let undisclosed = p.undisclosed.is_match(s);
            if cp_named {
                score += 0.2;
            } else if undisclosed || !cp_hits.is_empty() {
                score += 0.15;
            }
            // "signed a $5B, 15-year lease for 200MW at Forge 2" (the name was a link the page
            // lost), "The company signed …": in the opening, under a headline that names one
            // company of the universe, the sentence's subject is that company
            let subject_of_headline = || {
                (1..=6).contains(&pos)
                    && (s.starts_with(|c: char| c.is_ascii_lowercase())
                        && p.verb.find(s).is_some_and(|v| v.start() == 0)
                        || p.company_subject.is_match(s))
                    && title_names_one()
            };
            // ("TeraWulf oznámila významné rozšírenie … Fluidstack využila možnosť rozšírenia
            // areálu …": the customer's move, the company the sentence before names alone)
            // (or a subsidiary it does not name: "IREN announced two agreements. A wholly owned
            // subsidiary will provide Microsoft access to GPU capacity …")
            let company_before = || {
                pos >= 2
                    && cp_named
                    && (capacity_move(s)
                        || p.expansion.is_match(s)
                        || p.subsidiary_subject.is_match(s))
                    && sole(&self.providers_in(cands[pos - 1].0, domain)).is_some()
            };
            if !companies.is_empty() || subject_of_headline() || company_before() {
                score += 0.1;
            }
            if pos == 0 {
                score += 0.05;
            }
            // the agreement's own terms stated beside it
            if p.own_terms.is_match(s) {
                score += 0.05;
            }
            // "Google is providing $1.8 billion in financial backing for Fluidstack's lease
            // obligations": the backing, told beside the lease; the lease's own sentence, where
            // the text has one, tells the deal
            // (the backer named first, before the tenant)
            if party.is_some()
                && cp_hits.first().map(|h| h.entity) != party
                && p.backstop_words.is_match(s)
            {
                score -= 0.1;
            }
            // deep in a text, a sentence more often recalls than announces
            if pos > 12 {
                score -= 0.1;
            }
            let contract = names_contract(s);
            let customer = contract
                || new_customer
                || p.deal_noun.is_match(s)
                    && (cp_named || undisclosed)
                    && (workload(s)
                        || pos == 0 && title_contract
                        || on_news(s)
                        || cp_neocloud
                        || cp_buys_on_terms
                            && p.own_terms.is_match(&terms::in_english_units(s)))
                // "Cipher is set to provide Fluidstack with 168 megawatts of computing capacity"
                || cp_named && p.provides_mw.is_match(s)
                // "TeraWulf signed with Fluidstack for 168 MW of critical IT load"
                || cp_named && p.signs_with_for.is_match(s)
                // "Über fünf Jahre sichert sich Microsoft Zugriff auf IRENs KI-Rechenkapazitäten":
                // the customer secures access to the company's capacity
                // (not when the company is the one given access: "Microsoft will provide IREN
                // access to AI capacity")
                || cp_named
                    && p.access_to_capacity.captures_iter(s).any(|c| {
                        let given = c.get(2).expect("a group");
                        c.get(1).is_none()
                            || !companies
                                .iter()
                                .any(|h| h.start >= given.start() && h.start < given.end())
                    })
                // "Fluidstack adds 160 MW", "AMD doubles its capacity", "CoreWeave exercises its
                // option", "a $9.5 billion Fluidstack commitment"
                || (cp_named || undisclosed)
                    && (capacity_move(s) || p.commitment.is_match(s));
            let c = Cand {
                score,
                s,
                pos,
                verb,
                party,
            };
            // "agreed to acquire a stake in Exaion, an AI cloud provider": a purchase
            let buying =
                !contract && p.acquisition.is_match(&s_no_access) && !p.warrant_shares.is_match(s);
            let slot = if customer && !buying && !p.financing_only.is_match(s) {
                &mut best_customer
            } else {
                &mut best_other
            };
            if customer && !buying && !p.financing_only.is_match(s) {
                customer_cands.push(c);
            }
            // a sentence with a signing verb beats a stronger one without
            if slot
                .as_ref()
                .is_none_or(|b| (verb, score) > (b.verb, b.score))
            {
                *slot = Some(c);
            }
            // ("the Company executed long-term data center lease agreements totaling 522
            // critical IT MW": the period's agreements summed, not one new contract)
            if customer
                && !buying
                // (or a named customer taking more of the company's capacity: "CoreWeave increased
                // its capacity at Galaxy's Helios campus")
                && (p.fresh_results.is_match(s) || new_customer || cp_named && capacity_move(s))
                // (or stated as what they represent: "two hyperscale leases in North Dakota,
                // representing 600 megawatts")
                && !((s.contains("total") || s.contains(", represent") || s.contains(", amount"))
                    && p.agreements_total.is_match(s))
                // (one contract, or one naming a customer or stating a size or a term: "a period
                // marked by major new lease agreements" tells none; "a customer agreement which
                // provides for fixed infrastructure payments" does)
                && (c.party.is_some()
                    || new_customer
                    || p.size_or_term.is_match(s)
                    || p.one_contract.is_match(s))
                && best_fresh.as_ref().is_none_or(|b| {
                    (verb, score) > (b.verb, b.score)
                        // "CoreWeave subsequently exercised an option for an additional 150MW"
                        // after the leases it extends: the option is the period's new contract
                        || b.party.is_some()
                            && b.party == party
                            && p.subsequently.is_match(s)
                            && (capacity_move(s) || p.expansion.is_match(s))
                })
            {
                best_fresh = Some(c);
            }
        }
        // "In June, Applied Digital announced two leases with CoreWeave" under a headline that
        // signs a new one: a contract the text dates weeks back gives way to one a sentence of
        // the text signs in words of its own (with none, it is recalled below)
        if let Some(on) = d.published
            && best_customer.is_some_and(|c| c.pos > 0 && recalled_on(c.s, on).is_some())
            && let Some(alt) = strongest(&customer_cands, |c| {
                p.verb.is_match(c.s) && recalled_on(c.s, on).is_none()
            })
        {
            best_customer = Some(alt);
        }
        // a (Korean) headline naming IREN over a text that states IREN's contract and then,
        // stronger, another company's (Cipher's lease with AWS): the headline says whose deal is
        // the story, so the strongest contract of the company it names is the deciding one
        let headline_companies = |t: &str| self.providers_in(t, domain);
        if let Some(best) = best_customer
            && best.pos > 0
            && let named = headline_companies(d.title)
            && !named.is_empty()
            && !headline_companies(best.s).iter().any(|e| named.contains(e))
            && let Some(alt) = strongest(&customer_cands, |c| {
                c.pos > 0
                    && c.verb
                    && c.score >= 0.6
                    && headline_companies(c.s).iter().any(|e| named.contains(e))
            })
        {
            best_customer = Some(alt);
        }
        // "TeraWulf a annoncé un accord … le 14 août 2025. … Le 18 août 2025, Fluidstack a
        // exercé son option …": of two agreements the text dates, the later is the news (one
        // naming no other company of the universe than the first)
        if let Some(on) = d.published
            && let Some(best) = best_customer
            && let Some(first) = stated_date(best.s, on)
            && let best_named = headline_companies(best.s)
            && let Some(alt) = strongest(&customer_cands, |c| {
                c.verb
                    && stated_date(c.s, on).is_some_and(|later| later > first)
                    && headline_companies(c.s)
                        .iter()
                        .all(|e| best_named.contains(e))
            })
        {
            best_customer = Some(alt);
        }
        // an opinion piece or an analysis is not the announcement of a deal
        // ("Shares Are On Fire Tuesday: Here's Why" explains this day's news: a report)
        let commentary = |t: &str| {
            if p.this_day.is_match(t) {
                let t = t.to_lowercase();
                p.commentary
                    .is_match(&t.replace("here's why", "").replace("here’s why", ""))
            } else {
                p.commentary.is_match(t)
            }
        };
        if commentary(title_head)
            || commentary(lead_first)
            || text_sents
                .iter()
                .take(10)
                // (behind a byte search: "this analysis", "our article", "nous analysons", "this
                // week's installment
                // of … profiles", "these are not stock recommendations")
                .any(|s| {
                    (s.contains("his ") || s.contains("ur ") || s.contains("nous "))
                        && p.self_analysis.is_match(s)
                })
            // "案例解析" (cases analysed): a Chinese analysis laid out case by case
            || text_sents
                .iter()
                .take(6)
                .any(|s| s.contains("案例解析") || s.contains("案例分析"))
            // and one in another language under its heading ("Die Fallstudien: TeraWulf, Cipher
            // und Hut 8", "Case studies")
            || all_sents
                .iter()
                .take(24)
                // (behind a byte search: every such heading has "tud" or "eispiel")
                .any(|s| {
                    s.len() < 80
                        && (s.contains("tud") || s.contains("eispiel"))
                        && p.case_studies.is_match(s)
                })
            // an investment thesis laid out under its headings ("Current thesis", "Bull Case")
            // (furniture and all: a heading is a short line)
            || all_sents
                .iter()
                .take(16)
                .any(|s| s.len() < 24 && p.thesis_heading.is_match(s))
        {
            reasons.push("against: commentary (opinion, analysis, a question)".into());
            return None;
        }
        // an encyclopedia's page stacks the sources it cites ("... post-2022 volatility.[1][2][3]"):
        // a reference article, never the news of a deal (a news page citing one source a
        // sentence, "... lease obligations[1].", is still news)
        let opening = &text_sents[..text_sents.len().min(8)];
        if opening.iter().any(|s| p.citations_stacked.is_match(s))
            && opening
                .iter()
                .map(|s| p.citation.find_iter(s).count())
                .sum::<usize>()
                >= 4
            // (a summary's points each end with their sources, "… 大单[1] - 微软将 …[1] - …":
            // most groups of citations are followed by the next point's dash)
            && !points_cite_sources(opening)
        {
            reasons.push("against: a reference article citing its sources".into());
            return None;
        }
        // an author's rating in the opening ("Riot Platforms is rated Buy", "support a Buy
        // rating upgrade"): an investment note that retells the deal
        // (furniture such as "Summary" too: the rating often follows it)
        // (an analyst's action only where the text opens with it: a deal report may end
        // "following the news, Craig-Hallum raised its price target")
        if let Some(s) = all_sents
            .iter()
            .take(8)
            .find(|s| p.rating.is_match(s))
            .or_else(|| {
                all_sents
                    .iter()
                    .take(3)
                    // ("Following the announcement, Needham raised its price target": the
                    // note follows the news, which the text has just told)
                    .find(|s| p.analyst_action.is_match(s) && !p.after_news.is_match(s))
            })
        {
            reasons.push(format!(
                "against: an investment note's rating: \"{}\"",
                clip(s, 120)
            ));
            return None;
        }
        // "Why TeraWulf Stock Skyrocketed 83% in August" in September: a month's recap, whose
        // news the month has already told
        if let (Some(published), Some(c)) = (d.published, p.month_move.captures(d.title))
            && month_of(&c[1].to_lowercase()).is_some_and(|m| {
                use chrono::Datelike;
                m != published.month()
            })
        {
            reasons.push("against: a stock's move over a month gone by, a recap".into());
            return None;
        }
        // "Shares of Applied Digital skyrocketed 103% last week" opening the text: a week's
        // recap, whose news last week has already told (unless the opening tells what the
        // company signed today)
        if [d.title, lead_first]
            .iter()
            .any(|t| p.week_move.is_match(t))
            && !text_sents
                .iter()
                .take(5)
                .any(|s| s.to_ascii_lowercase().contains("today"))
        {
            reasons.push("against: a stock's move over last week, a recap".into());
            return None;
        }
        let item_101 = d
            .items
            .is_some_and(|i| i.split(',').any(|x| x.trim() == "1.01"));
        let results_filing = d.items.is_some_and(|i| {
            let items: Vec<&str> = i.split(',').map(str::trim).collect();
            items.contains(&"2.02") && !items.contains(&"1.01")
        });
        // a filing's headline is generic ("8-K (items ...)"): its lead says what it is about
        // so is a page's whose title is furniture and whose text has no headline of its own
        // ("This article first appeared on ...", then "Revenue: $240 million, up 28% ...")
        let headline = headline.or_else(|| {
            let lead_class = headline_class(lead_first);
            // (a story about results, an analyst's note, a lawsuit, people or the market; not the
            // financing or the stake a contract's text so often opens with)
            let about_story = matches!(
                lead_class,
                Some(
                    Against::Results
                        | Against::Analyst
                        | Against::Legal
                        | Against::People
                        | Against::Market
                )
            );
            if d.is_filing || furniture_title && about_story {
                lead_class
            } else {
                None
            }
        });
        let headline = if results_filing {
            Some(Against::Results)
        } else {
            headline
        };
        // a market summary: its title or its opening gives the indexes' moves ("Indexes: Dow down
        // 0.3%, S&P 500 up 0.2%", "The Dow traded down 0.41% while the NASDAQ rose 0.54%"); a
        // deal in it is one mover's reason, under whatever line stands in for its headline
        let headline = match headline {
            h if (h.is_none() || page_headline.is_some())
                    // (before the text names a company of the universe: "… jumped 31%. The
                    // spike came as the S&P 500 and Nasdaq Composite lost 0.4% and 0.1%" is
                    // the company's story with the market as its backdrop)
                    // (the linker asked only of the lines up to a market line, which is rare)
                    && {
                        let opening = || {
                            std::iter::once(given_title).chain(text_sents.iter().copied().take(6))
                        };
                        opening().position(market_line).is_some_and(|at| {
                            opening()
                                .take(at + 1)
                                .all(|s| self.linker.find(s, domain).is_empty())
                        })
                    } =>
            {
                reasons.push("against: a market summary; its deals are movers' reasons".into());
                Some(Against::Market)
            }
            h => h,
        };
        // a page of analysts' consensus (its fair value and the narrative behind it) under
        // whatever headline: its bullets retell the contracts the analysts count on ("a newly
        // secured 72.5-megawatt lease … is expected to provide over $1 billion"), months on
        let headline = headline.or_else(|| {
            all_sents
                .iter()
                .take(30)
                // (behind a byte search: each such line has "nalyst" or "ntrinsic")
                .any(|s| {
                    s.len() < 120
                        && (s.contains("nalyst") || s.contains("ntrinsic"))
                        && p.analyst_page.is_match(s)
                })
                .then_some(Against::Analyst)
        });
        let strong = |c: &Cand<'_>| c.verb && c.score >= 0.6;
        let customer = best_customer.filter(strong);
        // the headline and opening are about bitcoin mining ("to deploy 600 PH/s of hashrate")
        // and say nothing of AI or HPC: an agreement they lead to is mining's
        // (asked only of a customer contract: the patterns are slow on text that is not ASCII)
        // (not a contract with a hyperscaler or an AI cloud: "Signed 10-year, 168 MW lease with
        // Fluidstack" is one bullet of results whose next bullet is the hashrate)
        let customer = customer.filter(|c| {
            let ai_customer = c.party.is_some_and(|e| {
                matches!(
                    self.cps[e].class,
                    crate::config::CounterpartyClass::Hyperscaler
                        | crate::config::CounterpartyClass::Neocloud
                )
            });
            let mining = !ai_customer
                && !p.ai_words.is_match(c.s)
                && cands.iter().take(4).any(|(s, _)| mining_words(s))
                && !cands.iter().take(4).any(|(s, _)| p.ai_words.is_match(s));
            if mining {
                reasons.push(format!("against: the story is of {MINING}"));
            }
            !mining
        });
        // the headline says the company is the lessee, the buyer, a competitor, or that nothing
        // is signed yet: that is the story, whatever a later sentence adds; the opening saying
        // so outweighs a later contract without a named customer
        let customer = match (customer, early_against) {
            (Some(c), Some((why, pos)))
                if pos == 0 && c.pos != 0 || c.pos > pos && c.party.is_none() =>
            {
                reasons.push(format!(
                    "against: the {} says {why}",
                    if pos == 0 { "headline" } else { "opening" }
                ));
                None
            }
            (c, _) => c,
        };
        // "TeraWulf secures 80-year lease for 400 MW" over an opening in which it executes a
        // ground lease for 183 acres: a headline's lease with no customer is the one the company
        // takes
        let customer = match customer {
            Some(c)
                if c.pos == 0
                    && c.party.is_none()
                    && let Some((s, _)) = against_sents.iter().find(|(_, w)| *w == LESSEE) =>
            {
                reasons.push(format!(
                    "against: the opening says {LESSEE} (\"{}\")",
                    clip(s, 100)
                ));
                None
            }
            c => c,
        };
        // "Big Tech Deal: CoreWeave Expands AI Infrastructure" over "They are acquiring Core
        // Scientific for $9 billion": a headline naming no company of the universe, over an
        // opening that tells a takeover, is the buyer's story
        let customer = match customer {
            Some(c)
                if (c.pos == 0 || c.s.trim() == d.title.trim())
                    && self.providers_in(d.title, domain).is_empty()
                    && let Some((s, _)) = against_sents.iter().find(|(_, w)| *w == ACQUIRES) =>
            {
                reasons.push(format!(
                    "against: a headline naming only other companies over a takeover (\"{}\")",
                    clip(s, 100)
                ));
                None
            }
            c => c,
        };
        // "a $1.6 billion Dell deal" whose opening says the company buys from Dell: the party
        // the opening names in a purchase or a lease taken is a vendor or a landlord; so is the
        // party of a deal whose next sentence is a purchase ("… a $1.6 billion deal with Dell
        // Technologies. The objective? To acquire NVIDIA's Blackwell systems")
        let customer = match customer {
            Some(c)
                if let Some(e) = c.party
                    && let Some((s, why)) = against_sents.iter().find(|(s, why)| {
                        self.cp_matcher.find(s, true).iter().any(|h| h.entity == e)
                            // (not a deal the sentence states as a customer's contract: "…
                            // a GPU cloud contract with Microsoft. Separately, IREN agreed to buy
                            // $5.8 billion of servers from Dell")
                            || *why == BUYER
                                && !names_contract(c.s)
                                && p.buying.is_match(s)
                                && cands
                                    .iter()
                                    .skip(c.pos + 1)
                                    .find(|(n, _)| *n != c.s)
                                    .is_some_and(|(n, _)| std::ptr::eq(*n, *s))
                    }) =>
            {
                reasons.push(format!(
                    "against: {why}, from {} (\"{}\")",
                    self.cps[e].name,
                    clip(s, 100)
                ));
                None
            }
            c => c,
        };
        // what the headline says the story is about, and whether the text overrides it
        let mut confidence_cut = 0.0;
        let loi_customer = customer.filter(|c| p.loi.is_match(c.s)).is_some();
        // a sentence near the top that states a customer's contract under a stake's headline
        let states_contract = |c: &Cand<'_>| {
            (c.pos <= 6 || stake_news && c.pos <= STAKE_NEWS_REACH)
                && c.party.is_some()
                && (names_contract(c.s)
                    || stake_news && (p.contract_noun.is_match(c.s) || capacity_move(c.s))
                    || p.provides_mw.is_match(c.s)
                    || c.pos == 0 && title_contract)
        };
        let customer = match (headline, customer) {
            (_, None) => None,
            (h, Some(c))
                if loi_customer && !matches!(h, Some(Against::Results | Against::Analyst)) =>
            {
                reasons.push("a letter of intent or an MOU, not a signed agreement".into());
                Some(c)
            }
            (None, Some(c)) => Some(c),
            (
                Some(
                    h @ (Against::Financing
                    | Against::Corporate
                    | Against::Power
                    | Against::Milestone
                    | Against::Plan),
                ),
                Some(c),
            ) if title_contract
                // a financing's or an investment's headline names the contract itself, or its
                // terms beside a named customer ("15-year CoreWeave deal"), not just "a deal"
                && (!matches!(h, Against::Financing | Against::Corporate)
                    || names_contract(d.title)
                    || p.size_or_term.is_match(d.title))
                // "secures $1.4B financing for 15-year CoreWeave deal": the financing is the news
                && !(h == Against::Financing && p.financing_for.is_match(d.title))
                // "Power JV Secures 310 MW of Capacity Contracts": power sold, not capacity leased
                && !(h == Against::Power && p.headline.power_business.is_match(d.title))
                // "1.4 GW data center online: ... the $9.7B Microsoft contract": a milestone, a
                // plan or power that names a contract signs it or only recalls it
                && (matches!(h, Against::Financing | Against::Corporate)
                    || p.verb.is_match(d.title))
                // "Core Scientific turned down a buyout proposal from CoreWeave": the contract
                // the headline names is the takeover (unless it states a lease's size or term)
                && !(h == Against::Corporate
                    && p.company_takeover.is_match(d.title)
                    && !p.size_or_term.is_match(d.title)) =>
            {
                reasons.push("for: the headline names a customer contract".into());
                Some(c)
            }
            (Some(_), Some(c)) if d.is_filing && item_101 => Some(c),
            (Some(h @ (Against::Financing | Against::Corporate | Against::Plan)), Some(c)) => {
                // "Google raises its stake ...; Fluidstack adds 160 MW": the contract opens the text
                // (not a sentence whose subject is the funding itself: "The first funding of
                // $112.5 million … supports the campus … leased to CoreWeave")
                let opens = c.pos <= 2 && (p.fresh.is_match(c.s) || capacity_move(c.s));
                // "… wiped out the day's gains following IREN's announcement of new multi-year
                // AI cloud contracts", "Galaxy also announced that … CoreWeave brought its total
                // commitment to a full 800 megawatts": the same day's other news, told beside
                // the financing
                let beside = h == Against::Financing
                    && !recalls(c.s)
                    && (c.pos <= 6 && p.announced_new.is_match(c.s)
                        || c.pos <= 15
                            && p.also_announced.is_match(c.s)
                            && (capacity_move(c.s) || p.commitment.is_match(c.s)));
                if (opens || beside)
                    && !(h == Against::Financing && p.funding_subject.is_match(c.s))
                {
                    reasons.push(if opens {
                        format!(
                            "for: the text opens with a customer contract despite a headline about {}",
                            h.what()
                        )
                    } else {
                        "for: the same day's customer contract, told beside the financing".into()
                    });
                    confidence_cut = 0.1;
                    Some(c)
                } else if h == Against::Financing
                    && c.pos <= 12
                    && c.party.is_some()
                    && c.verb
                    // (the headline itself: "Deal Secures $3.7B in Backing from Google")
                    && (names_contract(c.s) || c.pos == 0 && p.contract_noun.is_match(c.s))
                    && p.backing_title.is_match(d.title)
                    && !p.financing_for.is_match(d.title)
                    && !recalls(d.title)
                    && self.cp_matcher.find(d.title, true).iter().any(|h| {
                        self.cps[h.entity].class == crate::config::CounterpartyClass::Hyperscaler
                    })
                {
                    // "TeraWulf's Fluidstack Deal Secures $3.7B in Backing from Google": a hyperscaler's
                    // backing of the tenant's lease; the lease the text states is the news
                    reasons.push(
                        "for: the financing in the headline is a guarantor's backing; the customer contract is the news"
                            .into(),
                    );
                    confidence_cut = 0.1;
                    Some(c)
                } else if h == Against::Corporate
                    && (p.guarantor_stake.is_match(d.title) || stake_news)
                    && !p.company_takeover.is_match(d.title)
                    && (opening_backstop
                        || p.backstop_words
                            .is_match(&format!("{}\n{}", d.title, d.lead))
                        // "Google has acquired a 5.4% stake in Cipher as part of a 10-year data
                        // center agreement between Cipher and Fluidstack": the stake is taken
                        // inside another party's agreement
                        || cands.iter().take(4).any(|(s, _)| {
                            self.guarantor_takes_stake(s, domain, false) && {
                                let mut es: Vec<usize> =
                                    self.cp_matcher.find(s, true).iter().map(|h| h.entity).collect();
                                es.sort_unstable();
                                es.dedup();
                                es.len() >= 2
                            }
                        }))
                    // the sentence that states the tenant's contract: the strongest, or else the
                    // strongest that names one (a stake's headline, a backing, name none)
                    && let Some(c) = Some(c).filter(states_contract).or_else(|| {
                        strongest(&customer_cands, |x| strong(x) && states_contract(x))
                    })
                {
                    // "Google Acquires 5.4% Cipher Stake in $3 Billion Fluidstack Deal": the
                    // stake is the warrants of the tenant's guarantor; the lease is the news
                    reasons.push(
                        "for: the stake in the headline is the guarantor's warrants; the customer contract is the news"
                            .into(),
                    );
                    confidence_cut = 0.1;
                    Some(c)
                } else if matches!(h, Against::Financing | Against::Corporate)
                    // (a merger's partner is no customer, in any language the acquisition
                    // words cover: "Rejet de la fusion entre Core Scientific et CoreWeave")
                    && !p.acquisition.is_match(d.title)
                    && !p.financing_for.is_match(d.title)
                    && let Some(k) = {
                        // "NVIDIA's IREN Deal Makes the AI Factory a Financing Strategy" over "IREN
                        // says it signed a five-year, $3.4 billion AI cloud services contract to
                        // provide NVIDIA with …": the investor of the headline is the customer of
                        // a contract the text signs within fifteen sentences, and that contract
                        // is the news
                        // (not the company invested in: "after Nvidia invests $2 billion in
                        // CoreWeave" names CoreWeave as the investee)
                        let investors: Vec<usize> = self
                            .cp_matcher
                            .find(d.title, true)
                            .iter()
                            .filter(|h| {
                                let before = d.title[..h.start].trim_end().to_ascii_lowercase();
                                !(before.ends_with(" in") || before.ends_with(" into"))
                            })
                            .map(|h| h.entity)
                            .collect();
                        strongest(&customer_cands, |k| {
                            strong(k)
                                && k.pos <= 15
                                && names_contract(k.s)
                                && !p.acquisition.is_match(k.s)
                                // ("The notes fund the data center that Fluidstack will lease":
                                // the tenant of what a financing funds is no investor)
                                && !p.funding_subject.is_match(k.s)
                                && k.party.is_some_and(|e| investors.contains(&e))
                                && !recalls_on(k.s, d.published)
                        })
                    }
                {
                    reasons.push(
                        "for: the investor in the headline is the customer of the contract the text states; the contract is the news"
                            .into(),
                    );
                    confidence_cut = 0.1;
                    Some(k)
                } else {
                    reasons.push(format!("against: the headline is about {}", h.what()));
                    None
                }
            }
            (Some(Against::Results), Some(_)) => {
                // results that state a new contract signed in the period
                if let Some(c) = best_fresh.filter(|c| strong(c) && c.pos <= 15) {
                    reasons.push(RESULTS_REASON.into());
                    confidence_cut = 0.1;
                    Some(c)
                } else {
                    reasons.push("against: results that recall existing contracts".into());
                    None
                }
            }
            (Some(h), Some(_)) => {
                reasons.push(format!("against: the headline is about {}", h.what()));
                None
            }
        };
        // "OpenAI Strikes a $50 Billion Mega-Deal with AMD" heading a page whose title is
        // furniture, the company's contract told deep in the text: other companies' deal is the
        // story, the company's a side note (unless that headline names its customer)
        let customer = customer.filter(|c| {
            let Some(first) = text_sents.first().copied() else {
                return true;
            };
            let side = furniture_title
                && c.pos > 6
                && headline_like(first)
                && self.linker.find(first, domain).is_empty()
                && p.contract_noun.is_match(first)
                && p.verb.is_match(first)
                && {
                    // (two other companies, one dealing with the other: "Secured $9.7bn AI Cloud
                    // Contract with Microsoft" heading a results release is the company's own)
                    let mut named: Vec<usize> = self
                        .cp_matcher
                        .find(first, true)
                        .iter()
                        .map(|h| h.entity)
                        .collect();
                    named.sort_unstable();
                    named.dedup();
                    named.len() >= 2 && c.party.is_none_or(|e| !named.contains(&e))
                };
            if side {
                reasons.push(format!(
                    "against: the page's headline is other companies' deal: \"{}\"",
                    clip(first, 120)
                ));
            }
            !side
        });
        // a question in the headline: the answer must open the text
        // (the question headline itself is no answer: the opening's strongest sentence is)
        let customer = customer.and_then(|c| {
            // ("IREN Shares Jump on $9.7B Microsoft AI Deal: Can a Miner Become an AI Giant?": a
            // statement, then a question after the colon)
            let stated = d.title.rsplit_once(':').is_some_and(|(head, _)| {
                head.split_whitespace().count() >= 5
                    && !head.contains('?')
                    && p.contract_noun.is_match(head)
            });
            let question = d.title.trim_end().ends_with('?') && !stated;
            // (counted from the page's own headline where the text carries it: "From Bitcoin
            // Mine to AI Goldmine?" and a dateline may stand between)
            // (and past the headline repeated as the text's first line)
            let repeated = usize::from(
                headline_at == 0
                    && text_sents
                        .first()
                        .is_some_and(|s| s.trim() == d.title.trim()),
            );
            let opening = |c: &Cand<'_>| (1..=6 + headline_at + repeated).contains(&c.pos);
            if !question || opening(&c) {
                return Some(c);
            }
            // (the strongest overall may be the headline or a sentence deep in the text: the
            // answer is the opening's strongest either way)
            let answer = strongest(&customer_cands, |k| {
                opening(k) && strong(k) && !p.question_end.is_match(k.s)
            });
            if answer.is_none() {
                reasons.push("against: a question whose text does not open with a deal".into());
            }
            answer
        });
        // "Just Signed $12.8 Billion in Contracts" over "has executed over $12.8 billion": the
        // opening says the amount is a total of agreements already made
        let customer = customer.filter(|c| {
            if recalled_amounts.is_empty() {
                return true;
            }
            // ("announced a new 15-year lease ... valued at $7.5 billion. The deal extends the
            // relationship behind a prior $7.5 billion lease": a new deal the size of a prior one)
            if p.new_agreement.is_match(c.s) {
                return true;
            }
            let Some((a, s)) = terms::stated_usd(c.s).into_iter().find_map(|a| {
                recalled_amounts
                    .iter()
                    .find(|(r, s)| *r == a && *s != c.s)
                    .copied()
            }) else {
                return true;
            };
            reasons.push(format!(
                "against: the opening recalls the same ${} million: \"{}\"",
                a / 1e6,
                clip(s, 120)
            ));
            false
        });
        // "the contract signed on May 7, 2026" in a story of May 23: an agreement recalled
        let customer = customer.filter(|c| {
            let Some(published) = d.published else {
                return true;
            };
            if let Some(why) = recalled_on(c.s, published) {
                reasons.push(format!("against: {why}: \"{}\"", clip(c.s, 120)));
                return false;
            }
            // "IREN Soars 13% on $9.7B Microsoft Contract" over a text that dates that contract
            // weeks back ("its contract with Microsoft, announced November 6") and signs none with
            // Microsoft in words of its own: the headline's contract is the one recalled
            // (the text's own signing asked first: it spares the search for a dated sentence)
            let same = |o: &&Cand<'_>| o.pos > 0 && o.party == c.party;
            if c.pos == 0
                && c.party.is_some()
                && !customer_cands.iter().filter(same).any(|o| {
                    p.verb.is_match(o.s) && recalled_on(o.s, published).is_none()
                })
            {
                let dated = text_sents
                    .iter()
                    .take(12)
                    .filter(|s| {
                        self.cp_matcher
                            .find(s, true)
                            .iter()
                            .any(|h| Some(h.entity) == c.party)
                    })
                    .find_map(|s| recalled_on(s, published).map(|why| (*s, why)));
                if let Some((s, why)) = dated {
                    reasons.push(format!(
                        "against: the headline's contract is the one the text dates back ({why}): \"{}\"",
                        clip(s, 120)
                    ));
                    return false;
                }
            }
            true
        });
        // "Tech giant Google acquired 14% of TeraWulf's shares … as part of a deal between
        // TeraWulf and Fluidstack": with no customer contract read, an opening in which a
        // hyperscaler takes a stake in the company or backs its obligations beside an AI cloud
        // tells that AI cloud's agreement, the guarantor's stake being its consideration (not
        // when the company issues debt: then the financing is the news)
        // (the AI cloud of a guarantor's opening is the tenant, whoever the sentence names first)
        let mut guarantor_tenant: Option<usize> = None;
        let customer = match customer {
            None if matches!(
                headline,
                None | Some(Against::Corporate | Against::Financing)
            ) =>
            {
                // (an agreement the sentence dates weeks back is recalled here too: "Mitte
                // August 2025 gab TeraWulf … bekannt" in a story of October)
                let guarantor = self.guarantor_deal(&cands, domain, headline).filter(|c| {
                    match d.published.and_then(|day| recalled_on(c.s, day)) {
                        Some(why) => {
                            reasons.push(format!("against: {why}: \"{}\"", clip(c.s, 120)));
                            false
                        }
                        None => true,
                    }
                });
                if let Some(c) = guarantor {
                    guarantor_tenant = c.party;
                    reasons.push(
                        "for: a hyperscaler's stake or backing beside an AI cloud's agreement; the agreement is the news"
                            .into(),
                    );
                    confidence_cut = 0.1;
                }
                guarantor
            }
            c => c,
        };
        let (mut score, evidence, has_verb, corporate) = match customer {
            Some(c) => (c.score, c.s, c.verb, None),
            None => {
                // not a customer contract: an acquisition, a stake or a financing of the company
                // is recorded as corporate; an LOI or a termination as such; nothing else
                let Some(other) = best_other.filter(|c| c.score >= 0.3) else {
                    if reasons.is_empty() {
                        reasons.push(
                            "no sentence names a customer contract the company signed".into(),
                        );
                    }
                    return None;
                };
                let ty = classify_opt(&format!("{} {}", d.title, other.s));
                let corp = matches!(headline, Some(Against::Corporate | Against::Financing))
                    || matches!(ty, Some(DealType::Acquisition | DealType::Financing));
                let flagged = p.loi.is_match(other.s)
                    || p.loi.is_match(d.title)
                    || p.termination.is_match(other.s)
                    || p.termination.is_match(d.title);
                if corp && strong(&other) {
                    let ty = match (headline, ty) {
                        (_, Some(t @ (DealType::Acquisition | DealType::Financing))) => t,
                        (Some(Against::Financing), _) => DealType::Financing,
                        _ => DealType::Acquisition,
                    };
                    reasons.push(format!(
                        "against: the company is not providing capacity to a customer ({})",
                        ty.as_str()
                    ));
                    (other.score, other.s, other.verb, Some(ty))
                } else if flagged && !matches!(headline, Some(Against::Results | Against::Analyst))
                {
                    (other.score, other.s, other.verb, None)
                } else {
                    reasons.push(format!(
                        "no customer contract; the strongest other sentence: \"{}\"",
                        clip(other.s, 160)
                    ));
                    return None;
                }
            }
        };
        let loi = p.loi.is_match(evidence) || p.loi.is_match(d.title);
        let termination = p.termination.is_match(evidence) || p.termination.is_match(d.title);
        let rumor = |t: &str| p.rumor.is_match(&p.reported_fact.replace_all(t, ""));
        let rumor = rumor(evidence) || rumor(d.title);
        if d.is_filing && item_101 {
            score += 0.15;
            reasons.push("for: an 8-K entry into a material definitive agreement".into());
        }
        let kind = if termination {
            Kind::Termination
        } else if loi {
            Kind::Loi
        } else if corporate.is_some() {
            Kind::Corporate
        } else {
            Kind::Deal
        };
        if rumor && matches!(kind, Kind::Deal | Kind::Corporate) {
            reasons.push(format!(
                "against: a rumour or talks: \"{}\"",
                clip(evidence, 160)
            ));
            return None;
        }
        // a deal needs a signing verb in its evidence and a strong score; an LOI or a termination
        // is flagged on less (it is recorded so a user can see it, never studied as a deal)
        if matches!(kind, Kind::Deal | Kind::Corporate) && (score < 0.6 || !has_verb) || score < 0.3
        {
            reasons.push(format!("too weak: \"{}\"", clip(evidence, 160)));
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
                // ("… verleiht Bit Digital seine Rechenleistung … Mit dem Anbieter Boosteroid
                // konnte ein weiterer Kunde gewonnen werden"): the evidence names no company, so
                // the one the sentences just before it are about, when they name one alone
                let at = text_sents.iter().position(|s| std::ptr::eq(*s, evidence))?;
                let named = text_sents[at.saturating_sub(EVIDENCE_SUBJECT_REACH)..at]
                    .iter()
                    .rev()
                    .map(|s| self.providers_in(s, domain))
                    .find(|named| !named.is_empty())?;
                sole(&named).map(|e| self.linker.tickers[e].as_str())
            })
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
            });
        let Some(ticker) = ticker.map(str::to_string) else {
            reasons.push("whose deal it is cannot be told".into());
            return None;
        };
        // a passing mention in a round-up of many companies is not the announcement (a page's own
        // headline naming the company is no passing mention)
        let in_page_headline = page_headline.is_some_and(|h| {
            self.linker
                .find(h, domain)
                .iter()
                .any(|x| self.linker.tickers[x.entity] == ticker)
        });
        // nor is a text whose headline is furniture and whose opening states the deal naming it
        // (the one company of the universe it names: "From Core Scientific to Hut 8, miners
        // signed leases" is a round-up)
        // (its first three sentences past the headline, where the text repeats it)
        let repeated = usize::from(
            text_sents
                .first()
                .is_some_and(|s| s.trim() == d.title.trim()),
        );
        let evidence_opens = title_names_none
            && text_sents
                .iter()
                .skip(repeated)
                .take(3)
                .any(|t| *t == evidence)
            && {
                let mut named: Vec<&str> = self
                    .linker
                    .find(evidence, domain)
                    .iter()
                    .map(|x| self.linker.tickers[x.entity].as_str())
                    .filter(|t| !self.customer_ticker(t))
                    .collect();
                named.dedup();
                named == [ticker.as_str()]
            };
        if !in_page_headline
            && !evidence_opens
            && mentions
                .iter()
                .find(|m| m.ticker == ticker)
                .is_some_and(|m| m.relevance <= 25)
        {
            reasons.push(format!("against: {ticker} is only mentioned in passing"));
            return None;
        }
        // a headline about another company of the universe ("Hut 8 raises $150 million")
        // over a sentence naming this one's deal ("... after Core Scientific's hosting deal"): the story is the other company's, the deal a mention
        if evidence != d.title {
            let title_tickers: Vec<&str> = self
                .linker
                .find(d.title, domain)
                .iter()
                .map(|h| self.linker.tickers[h.entity].as_str())
                .filter(|t| !is_cp(t))
                .collect();
            // (a deciding sentence that names the headline's company too, "Bit Digital's
            // WhiteFiber signs ...", is that company's story)
            let evidence_names_it = company_hits
                .iter()
                .any(|h| title_tickers.contains(&self.linker.tickers[h.entity].as_str()));
            if !title_tickers.is_empty()
                && !title_tickers.contains(&ticker.as_str())
                && !evidence_names_it
            {
                reasons.push(format!(
                    "against: the headline is about {}, not {ticker}",
                    title_tickers[0]
                ));
                return None;
            }
        }
        // with whom: the first counterparty of the deciding sentence (the party of the agreement
        // it states), then of the headline, the lead, the body; a name the document gives another
        // role anywhere (a guarantor, an end user, a vendor) is not the counterparty
        // ("Google-backed", "to support Anthropic")
        let own_name = |c: &Counterparty| c.ticker.as_deref() == Some(ticker.as_str());
        let texts = [evidence, d.title, d.lead, d.body];
        let mut roles: Vec<(usize, Role)> = Vec::new();
        for text in texts {
            for h in self.cp_matcher.find(text, true) {
                let mut role = party_role(text, h.start, h.end);
                // "MS는 이미 … G42에 15억달러 지분 투자를 진행한 바 있다" (Microsoft has invested
                // in G42): a stake or a backing in a sentence that names no company of the
                // universe is given to another company, not to this one's tenant
                if role == Role::Guarantor
                    && self
                        .linker
                        .find(around(text, h.start, h.end), domain)
                        .is_empty()
                {
                    role = Role::Counterparty;
                }
                roles.push((h.entity, role));
            }
        }
        let other_role = |e: usize| {
            roles
                .iter()
                .any(|&(x, r)| x == e && r != Role::Counterparty)
        };
        // an evidence that leaves its customer unnamed ("a major AI customer") and a headline
        // that names none: a company the text names later is an example, not the customer
        let unnamed = p.undisclosed.is_match(evidence)
            && !self
                .cp_matcher
                .find(evidence, true)
                .iter()
                .chain(&self.cp_matcher.find(d.title, true))
                .any(|h| !own_name(&self.cps[h.entity]));
        // (past the evidence and the headline, a sentence that recalls an earlier agreement
        // names that agreement's customer: "The company's earlier lease with CoreWeave")
        // (nor does an English one without a word of agreement, customer or letting that
        // names a company of the universe or speaks of no AI: "Applied Digital's pivot put gas
        // in the tank as hedge funds went hunting for the next NVIDIA proxy" names a comparison,
        // "Meta nearly doubled its capex" a spender, not a party; "Microsoft took a bold step into
        // AI" may name the company a next sentence signs for)
        let unrecalled = |t: &str| {
            sentences(t)
                .into_iter()
                .filter(|s| !recalls(s))
                .filter(|s| {
                    !s.is_ascii()
                        || p.deal_noun.is_match(s)
                        || p.customer_contract.is_match(s)
                        || p.relation.is_match(s)
                        || p.ai_words.is_match(s) && self.linker.find(s, domain).is_empty()
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        // (read only when the evidence and the headline name no customer)
        let rest_now = std::cell::OnceCell::new();
        let searched = |i: usize| -> Option<&str> {
            match i {
                0 => Some(evidence),
                1 => Some(d.title),
                2 | 3 if !unnamed => {
                    let [lead, body] =
                        rest_now.get_or_init(|| [unrecalled(d.lead), unrecalled(d.body)]);
                    Some(if i == 2 { lead.as_str() } else { body.as_str() })
                }
                _ => None,
            }
        };
        // a hyperscaler a sentence of the document says backs the lease ("Google will underwrite
        // $1.4 billion of Fluidstack's lease obligations") is the guarantor in every sentence:
        // beside an AI cloud it is never the party ("Google has facilitated a deal with Cipher
        // ... to lease space to Fluidstack"), and alone it is not the tenant
        let guarantors: Vec<usize> = texts[1..]
            .iter()
            .flat_map(|t| sentences(t))
            .filter(|s| {
                // ("a sign of how critical guaranteed capacity has become": guaranteed as an
                // adjective is nobody's backing)
                let s = if s.contains("uaranteed ") {
                    p.guaranteed_thing.replace_all(s, "")
                } else {
                    std::borrow::Cow::Borrowed(*s)
                };
                // ("Microsoft garantiza acceso prioritario a los aceleradores de Nvidia": a
                // guarantee of access is nobody's backing either)
                let s = if (s.contains("arant") || s.contains("uarantee"))
                    && p.guaranteed_access.is_match(&s)
                {
                    std::borrow::Cow::Owned(p.guaranteed_access.replace_all(&s, "").into_owned())
                } else {
                    s
                };
                // ("Le déploiement progressif garantit une intégration": a Romance "garantir"
                // ensures; it guarantees only beside an amount, obligations, rent or a contract)
                // (the context in the words after the guarantee: "per garantire un vantaggio
                // competitivo alle imprese, Microsoft ha siglato un accordo da 9,7 miliardi"
                // ensures an advantage; the agreement's amount later on is not what it backs)
                let backstop = p.backstop_words.is_match(&s)
                    && (!s.contains("arant")
                        || p.romance_guarantee.find_iter(&s).any(|m| {
                            let mut to = (m.end() + 60).min(s.len());
                            while !s.is_char_boundary(to) {
                                to -= 1;
                            }
                            p.guarantee_context.is_match(&s[m.end()..to])
                        })
                        || p.backstop_words
                            .is_match(&p.romance_guarantee.replace_all(&s, "")));
                backstop
                    || p.backing_title.is_match(&s)
                    || s.contains(" backs ")
                    // ("Google will back $1.4 billion of Fluidstack's lease payments")
                    || s.contains(" will back ")
                    // ("The company and Google amended a recognition agreement and warrant
                    // agreement": the warrants are a guarantor's consideration)
                    || s.contains("warrant")
            })
            .flat_map(|s| self.cp_matcher.find(s, true))
            .map(|h| h.entity)
            .filter(|&e| self.cps[e].class == crate::config::CounterpartyClass::Hyperscaler)
            .collect();
        // (in a text about backing lease obligations, a hyperscaler beside an AI cloud is the
        // guarantor: the AI cloud is the tenant)
        let pick = |strict: bool| {
            (0..4).map_while(searched).find_map(|text| {
                let named: Vec<&crate::config::Counterparty> = self
                    .cp_matcher
                    .find(text, true)
                    .iter()
                    .filter(|h| party_role(text, h.start, h.end) == Role::Counterparty)
                    .filter(|h| !strict || !other_role(h.entity))
                    .filter(|h| !in_a_list(text, h.start, h.end))
                    .filter(|h| !guarantors.contains(&h.entity))
                    .map(|h| &self.cps[h.entity])
                    .filter(|c| !own_name(c))
                    .collect();
                backed_tenant(text, &named, |c| c.class)
            })
        };
        // failing one the text never gives another role, one it calls an end user somewhere
        // (never a guarantor or a vendor)
        let cp = pick(true).or_else(|| {
            pick(false).filter(|c| {
                let e = self.cps.iter().position(|x| x.name == c.name);
                !roles
                    .iter()
                    .any(|&(x, r)| Some(x) == e && matches!(r, Role::Guarantor | Role::Vendor))
            })
        });
        // "a $7 billion deal to build a data center complex … for Anthropic" in a text where
        // Google "guarantees payments of the 15-year lease if Fluidstack …": the AI cloud whose
        // lease a sentence backs (a sentence naming no other company of the universe) is the
        // tenant, the lab the campus serves its end user
        // (the lab as the one the deciding sentence builds or serves for, "… for Anthropic", or
        // named beside the AI cloud as partners, "with … Anthropic and … Fluidstack")
        let in_evidence = |name: &str, for_only: bool| {
            self.cp_matcher.find(evidence, true).iter().any(|h| {
                self.cps[h.entity].name == name
                    && (!for_only
                        || evidence[..h.start]
                            .trim_end()
                            .to_ascii_lowercase()
                            .ends_with(" for"))
            })
        };
        let cp = match cp {
            Some(c) if c.class == crate::config::CounterpartyClass::Other => texts[1..]
                .iter()
                .flat_map(|t| sentences(t))
                .filter(|s| p.backstop_words.is_match(s))
                .filter(|s| {
                    self.linker
                        .find(s, domain)
                        .iter()
                        .all(|x| self.linker.tickers[x.entity] == ticker)
                })
                .find_map(|s| {
                    self.cp_matcher
                        .find(s, true)
                        .iter()
                        .filter(|h| party_role(s, h.start, h.end) == Role::Counterparty)
                        .map(|h| &self.cps[h.entity])
                        .find(|x| x.class == crate::config::CounterpartyClass::Neocloud)
                })
                .filter(|x| in_evidence(&c.name, true) || in_evidence(&x.name, false))
                .or(Some(c)),
            other => other,
        };
        let cp = guarantor_tenant.map(|e| &self.cps[e]).or(cp);
        let (counterparty, class) = match cp {
            Some(c) => (c.name.clone(), Some(class_str(c.class).to_string())),
            // "a colocation agreement with Vertex Compute": a customer the text names that is
            // not among the known counterparties is named as written (and clusters as an
            // undisclosed one does, see `UNLISTED_REASON`)
            // (a deciding headline that names nobody: the customer of the text's first
            // sentence that states a customer contract, read as the known ones are)
            None => match self.unlisted_customer(evidence, domain).or_else(|| {
                (1..4).map_while(searched).find_map(|t| {
                    sentences(t)
                        .into_iter()
                        .filter(|s| names_contract(s))
                        .find_map(|s| self.unlisted_customer(s, domain))
                })
            }) {
                Some(name) => {
                    reasons.push(format!("{UNLISTED_REASON}{name}"));
                    (name, None)
                }
                None => ("undisclosed".to_string(), None),
            },
        };
        // the other companies named, each in its role (the first role a name is seen in)
        let mut parties: Vec<Party> = Vec::new();
        for text in [d.title, d.lead, d.body] {
            for h in self.cp_matcher.find(text, true) {
                let c = &self.cps[h.entity];
                let role = match party_role(text, h.start, h.end) {
                    Role::Counterparty => match roles
                        .iter()
                        .find(|&&(x, r)| x == h.entity && r != Role::Counterparty)
                    {
                        Some(&(_, r)) => r,
                        None => continue,
                    },
                    r => r,
                };
                let role = match role {
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
        let deal_type = match corporate {
            Some(t) => t,
            None => customer_type(&format!("{} {}", d.title, evidence))
                .or_else(|| customer_type(&format!("{} {}", d.lead, d.body)))
                .unwrap_or(DealType::Hosting),
        };
        // ("Soluna signs hosting deal with Canaan" over "… to deploy 20 MW of bitcoin mining
        // machines"): a deciding sentence that never says AI, in an opening whose hosting is
        // bitcoin mining, tells that hosting
        if corporate.is_none() && opening_hosts_mining && !p.ai_words.is_match(evidence) {
            reasons.push("against: the hosting the text tells is for bitcoin mining".into());
            return None;
        }
        let all = format!("{}\n{}\n{}", d.title, d.lead, d.body);
        // a hosting agreement with a client the text never names, in a text that never says AI,
        // HPC, GPUs or cloud, nor sizes or lets it as AI landlords do (megawatts, critical IT, a
        // hyperscaler, a lease): "Host desires to provide such Services at the Host Facility" is
        // a hosting business of another kind (bitcoin miners'), not an AI deal
        if corporate.is_none()
            && counterparty == "undisclosed"
            && !p.ai_words.is_match(&all)
            && (!p.hyperscale_terms.is_match(&all)
                // ("a 1 GW development to expand its Bitcoin mining and hosting capabilities":
                // megawatts of the bitcoin mining it hosts, let to no tenant)
                || p.mining_business.is_match(&all) && !p.letting_terms.is_match(&all)
                // ("Applied Digital and Marathon Digital Holdings mutually executed the option
                // for an additional 70MW of hosting": another miner of the universe, named in
                // the deciding sentence or the opening, is the one hosted, its megawatts let to
                // no tenant)
                || !p.letting_terms.is_match(&all)
                    && std::iter::once(&evidence)
                        .chain(text_sents.iter().take(3))
                        .any(|s| {
                            self.linker
                                .find(s, domain)
                                .iter()
                                .any(|h| self.linker.tickers[h.entity] != ticker)
                        }))
        {
            reasons.push(
                "against: the text never says AI, HPC, GPUs or cloud, and names no AI customer"
                    .into(),
            );
            return None;
        }
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
        let (mut t, mut phrases, mut rejected) = terms::extract_checked(
            evidence,
            &all,
            terms::Counts {
                financing: deal_type == DealType::Financing,
                purchase: deal_type == DealType::Acquisition,
                expansion: deal_type == DealType::Expansion,
            },
        );
        // a term read elsewhere in the text from a sentence about another company of the
        // universe is that company's ("Cipher recently signed a 15-year lease with AWS" in a
        // story of IREN's Microsoft contract), and one from a sentence that recalls is an
        // earlier deal's ("on a tear ever since it announced the $3.7 billion lease")
        {
            let others = |phrase: &Option<String>| {
                phrase.as_deref().is_some_and(|ph| {
                    // (without the ellipses a clipped phrase has: the patterns run fastest on
                    // ASCII text)
                    let ph = ph.trim_matches('…').trim();
                    !evidence.contains(ph)
                        // (not an option exercised or capacity added: "exercised a 150 MW
                        // option, boosting total contracted capacity to 400 MW")
                        && (p.recalled_more.is_match(ph)
                            && !capacity_move(ph)
                            // ("Secured $9.7bn contract with Microsoft" in a release whose new
                            // contracts are Together AI's: another customer's contract)
                            || counterparty != "undisclosed" && {
                                let named = self.cp_matcher.find(ph, true);
                                // (a contract "with" another company named alone)
                                !named.is_empty()
                                    && p.contract_noun.is_match(ph)
                                    && named.iter().all(|h| {
                                        let name = self.cps[h.entity].name.as_str();
                                        name != counterparty
                                            && ph[..h.start].trim_end().ends_with(" with")
                                            && !parties.iter().any(|q| q.name == name)
                                            && !self
                                                .cp_matcher
                                                .find(evidence, true)
                                                .iter()
                                                .any(|e| e.entity == h.entity)
                                    })
                            }
                            || {
                            let here = self.linker.find(ph, domain);
                            !here.is_empty()
                                && here.iter().all(|x| {
                                    let tk = self.linker.tickers[x.entity].as_str();
                                    tk != ticker && !self.customer_ticker(tk)
                                })
                        })
                })
            };
            if others(&phrases.term_years)
                && let Some(y) = t.term_years.take()
            {
                rejected.push(format!(
                    "{y} years from a sentence on another company or an earlier deal"
                ));
                phrases.term_years = None;
            }
            if others(&phrases.capacity_mw)
                && let Some(mw) = t.capacity_mw.take()
            {
                rejected.push(format!(
                    "{mw} MW from a sentence on another company or an earlier deal"
                ));
                phrases.capacity_mw = None;
                t.capacity_basis = None;
            }
            if others(&phrases.value_usd)
                && let Some(v) = t.value_usd.take()
            {
                rejected.push(format!(
                    "${} million from a sentence on another company or an earlier deal",
                    v / 1e6
                ));
                phrases.value_usd = None;
            }
        }
        let mut confidence = score - confidence_cut;
        if t.value_usd.is_some() || t.capacity_mw.is_some() {
            confidence += 0.05;
        }
        for r in rejected {
            if r.starts_with(terms::OUT_OF_BAND) {
                confidence -= 0.15;
            }
            reasons.push(format!("{REJECTED_READING}{r}"));
        }
        reasons.insert(0, format!("decided by: \"{}\"", clip(evidence, 200)));
        let reasons = std::mem::take(reasons);
        Some(Detection {
            kind,
            ticker,
            counterparty,
            counterparty_class: class,
            deal_type,
            terms: t,
            confidence: (confidence.clamp(0.05, 0.99) * 100.0).round() / 100.0,
            evidence: evidence.chars().take(600).collect(),
            phrases,
            parties,
            reasons,
        })
    }

    /// The one company a text names as a party (a counterparty, not a guarantor, an end user or
    /// a vendor), if it names exactly one.
    fn sole_party(&self, text: &str) -> Option<usize> {
        let mut es: Vec<usize> = self
            .cp_matcher
            .find(text, true)
            .iter()
            .filter(|h| party_role(text, h.start, h.end) == Role::Counterparty)
            .map(|h| h.entity)
            .collect();
        es.dedup();
        (es.len() == 1).then(|| es[0])
    }

    /// Whether `s` opens with a listed company's name and ticker where neither is known: not a
    /// ticker of the universe or of a customer, not a name of either.
    fn outside_listed_subject(&self, s: &str) -> bool {
        let Some(c) = pats().listed_subject.captures(s) else {
            return false;
        };
        let (name, ticker) = (&c[1], &c[2]);
        !self.linker.tickers.iter().any(|t| t == ticker)
            && !self.customer_ticker(ticker)
            && self.linker.find(name, false).is_empty()
            && self.cp_matcher.find(name, false).is_empty()
    }

    /// Whether every signing `s` tells ("and Nebius Group bagged a deal from Microsoft") has a
    /// named subject that is no company of the universe and a named partner after "from" or
    /// "with" that is none either (not a backer: "with Google's backing").
    fn others_signing(&self, s: &str, domain: bool) -> bool {
        const BEFORE: [&str; 10] = [
            ", and ",
            " and ",
            ", ",
            " after ",
            " as ",
            " while ",
            "; ",
            " when ",
            " because ",
            " since ",
        ];
        let mut any = false;
        for m in pats().signing_act.find_iter(s) {
            let before = &s[..m.start()];
            let subject = BEFORE
                .iter()
                .filter_map(|b| before.rfind(b).map(|at| at + b.len()))
                .max()
                .map_or(before, |at| &before[at..])
                // (a point's bullet before it: "• Microsoft has inked …")
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim();
            // (and its auxiliary after it: "Microsoft has inked")
            let subject = [
                " has also",
                " has just",
                " has",
                " have",
                " had",
                " also",
                " just",
            ]
            .iter()
            .find_map(|w| subject.strip_suffix(w))
            .unwrap_or(subject);
            let first = subject.split_whitespace().next().unwrap_or("");
            let named = first.starts_with(|c: char| c.is_ascii_uppercase())
                && ![
                    "The", "This", "That", "It", "Its", "They", "Their", "He", "She", "We", "Our",
                    "Shares", "Stock",
                ]
                .contains(&first)
                && subject.split_whitespace().count() <= 5
                // (a name: every word capitalised; not "Today the company")
                && subject
                    .split_whitespace()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w == "&" || w == "of")
                && self.linker.find(subject, domain).is_empty();
            let after = &s[m.end()..];
            // (up to the clause's end; a comma inside its amount, "a $17.4 billion, five-year
            // deal with …", ends nothing)
            let object = after
                .find(';')
                .map_or(after, |at| &after[..at])
                .trim_end_matches('.');
            let partner = [" from ", " with "].iter().any(|w| {
                object.find(w).is_some_and(|at| {
                    let rest = &object[at + w.len()..];
                    // (or a name after what the partner is: "with the AI computing company
                    // Nebius")
                    let rest = pats()
                        .described_partner
                        .find(rest)
                        .map_or(rest, |m| &rest[m.end()..]);
                    rest.starts_with(|c: char| c.is_ascii_uppercase())
                        && !rest.starts_with("The ")
                        && !rest.contains("back")
                        && !rest.contains("support")
                })
            });
            if !(named && partner && self.linker.find(object, domain).is_empty()) {
                return false;
            }
            any = true;
        }
        any
    }

    /// Is a listed company one of the customers too ("CoreWeave executed a lease")?
    fn customer_ticker(&self, ticker: &str) -> bool {
        self.cps.iter().any(|c| c.ticker.as_deref() == Some(ticker))
    }

    /// The party an agreement in `evidence` is made with, by its written name, when it is no
    /// company of the universe and no known counterparty: "a colocation agreement with Vertex
    /// Compute for 50 MW" gives "Vertex Compute". None for a generic word ("an AI cloud"), a
    /// possessive ("with Google's backing"), a month or a word of the trade ("with AI …").
    fn unlisted_customer(&self, evidence: &str, domain: bool) -> Option<String> {
        const NOT_A_NAME: &[&str] = &[
            "The",
            "A",
            "An",
            "Its",
            "Their",
            "This",
            "That",
            "These",
            "Those",
            "Each",
            "One",
            "Two",
            "Three",
            "Several",
            "Both",
            "Another",
            "New",
            "AI",
            "HPC",
            "GPU",
            "GPUs",
            "US",
            "U.S.",
            "Our",
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "Bitcoin",
        ];
        // nouns of a kind of party: a word before one describes it ("Canadian university")
        const KINDS_OF_PARTY: &[&str] = &[
            "university",
            "college",
            "company",
            "firm",
            "lab",
            "startup",
            "start-up",
            "bank",
            "client",
            "customer",
            "tenant",
            "hyperscaler",
            "developer",
            "provider",
            "operator",
            "institution",
            "enterprise",
            "government",
            "agency",
            "utility",
            "hospital",
            "insurer",
        ];
        let m = pats().named_party.captures(evidence)?.get(1)?;
        let after = &evidence[m.end()..];
        if after.starts_with("'s") || after.starts_with("’s") {
            return None;
        }
        let mut words: Vec<&str> = m.as_str().split_whitespace().collect();
        while words.last().is_some_and(|w| *w == "of" || *w == "&") {
            words.pop();
        }
        // "a contract with Canadian university", "a deal with Fortune 500 company": a word that
        // describes a kind of party (a place, a ranking) before its noun, not a name
        let noun_after = after
            .split_whitespace()
            .find(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
        if noun_after.is_some_and(|w| KINDS_OF_PARTY.contains(&w)) {
            return None;
        }
        let first = *words.first()?;
        // (a possessive anywhere in the name, "Vertex Compute's parent", names another party)
        let possessive = |w: &&str| w.ends_with("'s") || w.ends_with("’s");
        if NOT_A_NAME.contains(&first) || first.contains("-based") || words.iter().any(possessive) {
            return None;
        }
        let name = words.join(" ");
        let name = name.trim_end_matches([',', '.', ';', ':']).to_string();
        let known = !self.linker.find(&name, domain).is_empty()
            || !self.cp_matcher.find(&name, true).is_empty();
        (name.len() >= 2 && !known).then_some(name)
    }

    /// A sentence that opens with a customer and names a company of the universe that is no
    /// customer (`providers`, the sentence's hits) only (a) in a clause describing that customer ("Fluidstack, the AI cloud that
    /// leases capacity at TeraWulf's campus, closed a funding round"), or (b) after the
    /// customer's contract with another party, as a source of capacity ("CoreWeave signed a new
    /// contract with Meta, including capacity at a site it leases from Galaxy").
    fn customers_own_news(&self, s: &str, cp_hits: &[Hit], providers: &[&Hit]) -> bool {
        let p = pats();
        let Some(c) = cp_hits.first().filter(|h| s[..h.start].trim().is_empty()) else {
            return false;
        };
        let after = &s[c.end..];
        // (a) "C, the … that …, <main clause>": the main clause names no provider
        if let Some(rest) = after.strip_prefix(", ")
            && let Some(end) = rest.find(", ")
        {
            let (clause, main) = (&rest[..end], &rest[end + 2..]);
            let main_at = s.len() - main.len();
            if p.describing_clause.is_match(clause)
                && !p.past_signing.is_match(clause)
                && providers.iter().any(|x| x.start < main_at)
                && providers.iter().all(|x| x.start < main_at)
                && main.split_whitespace().count() >= 3
            {
                return true;
            }
        }
        // (b) "C … <contract> with D …, including capacity … from <provider>"
        let Some(d) = cp_hits
            .iter()
            .find(|h| h.start > c.end && h.entity != c.entity)
        else {
            return false;
        };
        let before = s[c.end..d.start].trim_end();
        let object = ["with", "provide", "providing", "supply", "supplying"]
            .iter()
            .any(|w| before.ends_with(&format!(" {w}")));
        let possessive = s[d.end..].starts_with("'s") || s[d.end..].starts_with("’s");
        if !object || possessive || !p.contract_noun.is_match(before) {
            return false;
        }
        providers
            .iter()
            .map(|x| x.start)
            .min()
            .is_some_and(|first| first > d.end && p.capacity_beside.is_match(&s[d.end..first]))
    }

    /// The companies of the universe `s` names that are not customers too, in order.
    fn providers_in(&self, s: &str, domain: bool) -> Vec<usize> {
        self.linker
            .find(s, domain)
            .iter()
            .filter(|x| !self.customer_ticker(&self.linker.tickers[x.entity]))
            .map(|x| x.entity)
            .collect()
    }

    /// "Google Acquires 5.4% Cipher Stake in $3 Billion Fluidstack Deal": a company of the
    /// counterparty list, named before any of the universe, takes a stake beside a deal with a
    /// backstop or warrants behind it (not the company itself bought).
    fn guarantor_takes_stake(&self, s: &str, domain: bool, opening_backstop: bool) -> bool {
        let p = pats();
        if !p.guarantor_stake.is_match(s) || p.company_takeover.is_match(s) {
            return false;
        }
        let first_cp = self.cp_matcher.find(s, true).first().map(|h| h.start);
        let first_co = self.linker.find(s, domain).first().map(|h| h.start);
        match (first_cp, first_co) {
            (Some(cp), Some(co)) => cp < co && (p.contract_noun.is_match(s) || opening_backstop),
            _ => false,
        }
    }

    /// The AI cloud's agreement an opening tells through its guarantor: a sentence of the
    /// headline and the first four of the text names a hyperscaler with a stake, warrants or a
    /// backing, one names an AI cloud, none is recalled and none tells of the company's own debt.
    /// The deciding sentence is the first that names the AI cloud (one with a contract's noun
    /// first), the AI cloud its party.
    fn guarantor_deal<'s>(
        &self,
        cands: &[(&'s str, usize)],
        domain: bool,
        headline: Option<Against>,
    ) -> Option<Cand<'s>> {
        use crate::config::CounterpartyClass as C;
        let p = pats();
        // the headline and the first four sentences, a subhead between paragraphs not counted
        // ("AI se extinde pe fundația cripto" before the backing's sentence)
        let opening: Vec<(&str, usize)> = cands
            .iter()
            .copied()
            .filter(|&(s, pos)| pos == 0 || !is_subhead(s))
            .take(5)
            .collect();
        let class_in = |s: &str, class: C| {
            self.cp_matcher
                .find(s, true)
                .iter()
                .find(|h| self.cps[h.entity].class == class)
                .map(|h| h.entity)
        };
        let companies = |s: &str| self.providers_in(s, domain);
        // the companies whose stake or backing the opening tells (the headline's, when the
        // sentence names none)
        let mut backed_cos: Vec<usize> = Vec::new();
        let mut backed = false;
        // every stake or backing the opening tells enlarges an earlier one ("Google boosts its
        // stake to 14%", "erweiterte Finanzvereinbarung")
        let mut enlarged = true;
        for &(s, _) in &opening {
            if class_in(s, C::Hyperscaler).is_some()
                && (p.guarantor_stake.is_match(s)
                    || p.stake_title.is_match(s)
                    || p.backstop_words.is_match(s))
                && !recalls(s)
            {
                backed = true;
                enlarged &= p.enlarges_backing.is_match(s);
                backed_cos.extend(companies(s));
            }
        }
        if backed_cos.is_empty() {
            backed_cos = companies(opening[0].0);
        }
        if !backed
            || opening
                .iter()
                .any(|(s, _)| {
                    p.issuer_debt.is_match(s)
                        || recalls(s) && class_in(s, C::Neocloud).is_some()
                })
            // a financing's headline is the guarantor's only when it names the hyperscaler
            || headline == Some(Against::Financing)
                && class_in(opening[0].0, C::Hyperscaler).is_none()
        {
            return None;
        }
        // (the AI cloud a little further: the stake's news first, its reason after)
        let named: Vec<(&str, usize, usize)> = cands[..cands.len().min(8)]
            .iter()
            .filter_map(|&(s, pos)| class_in(s, C::Neocloud).map(|e| (s, pos, e)))
            .collect();
        let &(s, pos, e) = named
            .iter()
            .find(|(s, _, _)| p.contract_noun.is_match(s) || names_contract(s))
            .or(named.first())?;
        // a hyperscaler enlarging its earlier stake or backing, with no capacity stated for the
        // AI cloud's agreement it backs: the agreement is the earlier one, the news a financing
        if enlarged && !p.states_capacity.is_match(s) {
            return None;
        }
        // (not the AI cloud's bid for a company, "CoreWeave offered to purchase Core Scientific
        // earlier this year in an all-stock deal": a takeover is never the backed agreement)
        if p.takeover_bid.is_match(s) {
            return None;
        }
        // (not one of a buyer's contracts with many, listed: "$19.4 billion with Nebius, over
        // $10 billion with CoreWeave, $9.7 billion with Iren")
        if p.amount_with.find_iter(s).take(3).count() == 3 {
            return None;
        }
        // ("TeraWulf set the pattern, where Google raised its backstop … Similarly, Cipher
        // signed …": another company's agreement, an example)
        let cos = companies(s);
        if !cos.is_empty() && !backed_cos.is_empty() && !cos.iter().any(|c| backed_cos.contains(c))
        {
            return None;
        }
        // the company of the universe is named in the opening
        if !opening
            .iter()
            .any(|(s, _)| !self.linker.find(s, domain).is_empty())
        {
            return None;
        }
        Some(Cand {
            score: 0.7,
            s,
            pos,
            verb: true,
            party: Some(e),
        })
    }

    /// "Microsoft locks a $9.7B IREN deal for Nvidia GB300 cloud power": the goods a sentence's
    /// purchase pattern finds ("for … GB300") follow the company's name (within 30 characters)
    /// in a sentence that names a customer before the company — the customer buys from it.
    fn customer_buys_goods_of_company(&self, s: &str, domain: bool) -> bool {
        let Some(m) = pats().buyer.find(s) else {
            return false;
        };
        if !m
            .as_str()
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("for "))
        {
            return false;
        }
        let before = &s[..m.start()];
        let near = before.char_indices().rev().nth(30).map_or(0, |(i, _)| i);
        let company = self.linker.find(before, domain);
        !self.linker.find(&before[near..], domain).is_empty()
            && self
                .cp_matcher
                .find(before, true)
                .first()
                .zip(company.first())
                .is_some_and(|(cp, co)| cp.start < co.start)
    }

    /// Does a headline name a customer contract: a lease, colocation, hosting or cloud services,
    /// or a deal/contract/agreement beside a named counterparty ("15-year CoreWeave deal")?
    fn headline_names_contract(&self, title: &str) -> bool {
        let p = pats();
        let contract = names_contract(&hosting_as_activity(title));
        if contract && p.lessee.find(title).is_none_or(|m| shift_from(m.as_str())) {
            return true;
        }
        let named = self
            .cp_matcher
            .find(title, true)
            .iter()
            .any(|h| party_role(title, h.start, h.end) == Role::Counterparty);
        named && (p.contract_noun.is_match(title) || capacity_move(title))
    }
}

/// The reason a results release is taken as a deal: it states a contract signed in the period.
/// How far into a text a release says it lists its updates.
const UPDATE_LIST_REACH: usize = 8;

pub const RESULTS_REASON: &str = "for: results that state a new contract";

/// The reason that names a customer read from the evidence that is not among the known
/// counterparties (the name follows it). Clustering takes such a report as one of an undisclosed
/// customer: an unlisted name may be spelled several ways, and a known one may be written in a
/// way the list does not know.
pub const UNLISTED_REASON: &str =
    "for: the customer as the text names it, not a known counterparty: ";
/// How a reading of a term rejected with its reason opens among a detection's reasons.
pub const REJECTED_READING: &str = "rejected reading: ";

/// Was a detection's value kept though its USD per MW-year falls out of the plausible band?
pub fn value_out_of_band(d: &Detection) -> bool {
    d.reasons.iter().any(|r| {
        r.strip_prefix(REJECTED_READING)
            .is_some_and(|r| r.starts_with(terms::OUT_OF_BAND))
    })
}

/// A decision about one document: the detection, if any, and why.
#[derive(Debug, Clone, Default)]
pub struct Decision {
    pub detection: Option<Detection>,
    pub reasons: Vec<String>,
}

/// The one company `named` (entities, as `providers_in` gives them) names, however often; none
/// when it names none or several.
fn sole(named: &[usize]) -> Option<usize> {
    let first = *named.first()?;
    named.iter().all(|&e| e == first).then_some(first)
}

/// The strongest of the candidates `keep` accepts: a signing verb first, then the score (the
/// last of equals).
fn strongest<'a>(cands: &[Cand<'a>], keep: impl Fn(&Cand<'a>) -> bool) -> Option<Cand<'a>> {
    cands
        .iter()
        .filter(|c| keep(c))
        .max_by(|a, b| a.verb.cmp(&b.verb).then(a.score.total_cmp(&b.score)))
        .copied()
}

/// A candidate sentence.
#[derive(Debug, Clone, Copy)]
struct Cand<'a> {
    score: f64,
    s: &'a str,
    /// 0 for the headline, else its place in the text (furniture skipped).
    pos: usize,
    verb: bool,
    /// The first company named in it as the counterparty.
    party: Option<usize>,
}

/// What a headline says a story is about, when that is not a customer contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    Financing,
    Corporate,
    Power,
    Milestone,
    Results,
    Analyst,
    Plan,
    Legal,
    People,
    Market,
}

impl Against {
    fn what(self) -> &'static str {
        match self {
            Against::Financing => "a financing",
            Against::Corporate => "an acquisition, a merger or a stake",
            Against::Power => "power or a utility",
            Against::Milestone => "construction or a milestone",
            Against::Results => "results",
            Against::Analyst => "an analyst's view",
            Against::Plan => "a plan",
            Against::Legal => "a short report or a lawsuit",
            Against::People => "an appointment or a departure",
            Against::Market => "the market or several stocks",
        }
    }
}

/// Does a sentence (up to a page title's " | ") open with a question word and end with a
/// question mark: "How will … affect …?", "Is the deal a game changer?"
fn is_question(s: &str) -> bool {
    let s = s.split(" | ").next().unwrap_or(s).trim();
    s.ends_with('?')
        && s.split_whitespace().next().is_some_and(|w| {
            matches!(
                w,
                "How"
                    | "What"
                    | "Why"
                    | "Will"
                    | "Would"
                    | "Is"
                    | "Are"
                    | "Can"
                    | "Could"
                    | "Should"
                    | "Does"
                    | "Do"
                    | "Did"
                    | "Which"
                    | "When"
                    | "Where"
                    | "Who"
            )
        })
}

/// The class of a headline, in order of precedence.
pub fn headline_class(title: &str) -> Option<Against> {
    // "Galaxy Digital Stock Falls After Earnings Miss. Why One Analyst Thinks Shares Should Be
    // Higher.": a headline of two sentences is about what its first says, the second its angle
    if let Some((first, rest)) = title.split_once(". ")
        && first.split_whitespace().count() >= 4
        && rest.starts_with(|c: char| c.is_uppercase())
        && first.rsplit(' ').next().is_some_and(|w| {
            !matches!(
                w,
                "Inc" | "Corp" | "Co" | "Ltd" | "Jr" | "Sr" | "St" | "No" | "vs"
            ) && !w.contains('.')
        })
    {
        return class_of_headline(first).or_else(|| class_of_headline(rest));
    }
    class_of_headline(title)
}

/// The class of a headline of one sentence.
fn class_of_headline(title: &str) -> Option<Against> {
    let p = pats();
    let h = &p.headline;
    // "is it too late to buy WULF stock?" is the reader's purchase, not the company's
    let title = &*p.reader_buys.replace_all(title, "");
    // "rallies on its Microsoft contract ahead of earnings": the news is not the results
    let upcoming = p.upcoming_results.is_match(title);
    [
        (&h.people, Against::People),
        (&h.market, Against::Market),
        (&h.legal, Against::Legal),
        (&h.analyst, Against::Analyst),
        (&h.financing, Against::Financing),
        (&h.corporate, Against::Corporate),
        (&h.results, Against::Results),
        (&h.power, Against::Power),
        (&h.power_business, Against::Power),
        (&h.milestone, Against::Milestone),
        (&h.plan, Against::Plan),
    ]
    .into_iter()
    .filter(|(_, a)| !(upcoming && *a == Against::Results))
    // "Stock Surges on $7 Billion AI Data Center Deal and Fresh Analyst Upgrades": a priced
    // deal the company signs or its stock moves on, named before the analysts, is the news
    // (and the financing named after it: "Hut 8 Secures $7B AI Infrastructure Pact, Bolstered
    // by Google and JPMorgan Financing"; not a priced financing, "secures $1B financing deal")
    .filter(|(re, a)| {
        !(matches!(*a, Against::Analyst | Against::Financing)
            // (a priced deal has a dollar sign: a byte search first)
            && title.contains('$')
            && h.priced_deal.find(title).is_some_and(|d| {
                h.moves_on_or_signs.is_match(&title[..d.start()])
                    && re.find(title).is_some_and(|v| {
                        if *a == Against::Analyst {
                            d.start() < v.start()
                        } else {
                            d.end() <= v.start()
                        }
                    })
            }))
    })
    // ("TeraWulf has announced an expansion of its partnership with Fluidstack, … amidst a
    // challenging landscape for Bitcoin mining stocks": the market after "amid" or "despite" is
    // the backdrop of the news, not the news)
    .find(|(re, a)| {
        if *a == Against::Market {
            let news = p
                .backdrop
                .find(title)
                .map_or(title, |b| &title[..b.start()]);
            re.is_match(news)
        } else {
            re.is_match(title)
        }
    })
    .map(|(_, a)| a)
    .or_else(|| {
        (h.volume_rank.is_match(title) && !h.priced_deal.is_match(title)).then_some(Against::Market)
    })
}

/// The two to five capitals that open `inner` (the text just after an opening parenthesis) when
/// the parenthesis closes right after them: "MS)" → "MS"; "NASDAQ: WULF)" → none.
fn parenthesised_abbreviation(inner: &str) -> Option<&str> {
    let caps = inner.bytes().take_while(|b| b.is_ascii_uppercase()).count();
    ((2..=5).contains(&caps) && inner[caps..].starts_with([')', '\u{ff09}']))
        .then(|| &inner[..caps])
}

/// A sentence the opening's loop passes over: why, kept as a reason when it stands near the top
/// (position 3 or less), where it speaks against the document as a whole.
fn against_near_top(reasons: &mut Vec<String>, pos: usize, why: &str, s: &str) {
    if pos <= 3 {
        reasons.push(format!("against: {why}: \"{}\"", clip(s, 120)));
    }
}

/// The sentence of `text` around `start..end`: back to the previous full stop (a wide one too)
/// or line break, on to the next. (`terms::sentence_around` does not stop at 。: its amounts
/// are read across it, and changing that moves terms on the real sides.)
fn around(text: &str, start: usize, end: usize) -> &str {
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '.' | '\n' | '\u{3002}'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .find(['.', '\n', '\u{3002}'])
        .map_or(text.len(), |i| end + i);
    &text[from..to]
}

/// Do most groups of bracketed citations in `sents` close a summary's point — followed by the
/// next point's dash ("… 大单[1] - 微软将 …[1] - …"), or ending a point split off at it right
/// after its words ("… with IREN[1]") — as an encyclopedia's, set after a sentence's stop
/// ("… volatility.[1][2]") or inside it, never do?
fn points_cite_sources(sents: &[&str]) -> bool {
    let (mut groups, mut points) = (0, 0);
    for s in sents {
        for c in pats().citation_group.captures_iter(s) {
            let whole = c.get(0).expect("match");
            let after_words = s[..whole.start()]
                .chars()
                .next_back()
                .is_some_and(|ch| ch.is_alphanumeric() || ch == '%');
            let closes = s[whole.end()..].trim().is_empty();
            groups += 1;
            points += usize::from(c.get(1).is_some() || closes && after_words);
        }
    }
    groups > 0 && 2 * points > groups
}

/// A line that reads as a headline: no closing full stop, five to thirty words.
fn headline_like(s: &str) -> bool {
    let s = s.trim();
    let words = s.split_whitespace().count();
    (5..=30).contains(&words) && !s.ends_with('.') && !s.ends_with(':')
}

/// A sentence of a text's body: twelve words or more ending in a stop.
fn is_prose(s: &str) -> bool {
    let s = s.trim();
    words_in(s) >= 12 && s.ends_with(['.', '。'])
}

/// A subhead between paragraphs: a line of two to six words (`words_in`) that ends no sentence
/// and holds no figure or colon (a summary's bullet does: "AI拡張:FluidstackがCB‑5(160MW)で…").
fn is_subhead(s: &str) -> bool {
    let s = s.trim();
    if s.contains(|c: char| c.is_ascii_digit() || c == ':' || c == '：') {
        return false;
    }
    (2..=6).contains(&words_in(s)) && !s.ends_with(['.', '!', '?', ':', ';', '。', '！', '？'])
}

/// The words of a line, two Chinese or Japanese characters counted as one (those scripts leave
/// no space between words).
fn words_in(s: &str) -> usize {
    let wide = s
        .chars()
        .filter(|&c| crate::crawl::feed::is_wide(c))
        .count();
    s.split_whitespace().count() + wide / 2
}

/// Lines that are a page's furniture, not its text: sign-in prompts, tickers, bylines, dates,
/// breadcrumbs, "Key Takeaways".
fn is_furniture(s: &str) -> bool {
    let p = pats();
    let words = words_in(s);
    words <= 3 || p.furniture.is_match(s) || words <= 14 && p.furniture_alone.is_match(s.trim())
}

/// Does a sentence recall an earlier agreement ("recently signed", "last year", "최근 … 체결한")?
fn recalls(s: &str) -> bool {
    recalls_on(s, None)
}

/// As `recalls`, for a story published on `published`: a signing dated by its month and year
/// ("In early November 2025, Microsoft … entered into") is recalled only when that month ended
/// over a week before the story (or the story's day is not known).
fn recalls_on(s: &str, published: Option<chrono::NaiveDate>) -> bool {
    let p = pats();
    if s.contains("20")
        && p.recalled_month_year.is_match(s)
        && published.is_none_or(|day| recalled_on(s, day).is_some())
    {
        return true;
    }
    // ("a campus underscored by a new $7 billion lease": what underscores is the news; asked by
    // matching again without that "by", as finding where a match starts is slow)
    p.recalled.is_match(s)
        && !(s.contains(" by a new ")
            && p.new_priced.is_match(s)
            && !p
                .recalled
                .is_match(&s.replace(" by a new ", " with a new ")))
        // ("exercised an option for an additional 150MW, potentially bringing total contracted
        // revenue to $11 billion": the total the capacity the sentence adds brings, not one
        // recalled; "the new lease brings total contracted revenue to $11 billion" adds none)
        // (nor is it when the sentence signs the agreement before the total: "signed a 15-year
        // lease with CoreWeave for 150 MW, bringing total contracted revenue to $11 billion";
        // a signing told within a quarter beside the total is the quarter's recap)
        && !(s.contains("total contracted")
            && p.brings_total.find(s).is_some_and(|m| {
                let before = &s[..m.start()];
                capacity_move(s)
                    || p.expansion.is_match(s)
                    || p.verb.is_match(before)
                        && names_contract(before)
                        && !before.to_ascii_lowercase().contains("quarter")
            })
            && !p.recalled.is_match(&p.brings_total.replace_all(s, "")))
        || (s.contains("ince") || s.contains("ollow") || s.contains("original"))
            && p.recalled_more.is_match(s)
        || ["ecent", "écent", "ecien"].iter().any(|w| s.contains(w))
            && p.recalled_recent.is_match(s)
        || !s.is_ascii() && p.recalled_wide.is_match(s)
        || s.contains(" after ") && p.days_after.is_match(s)
        || s.contains("In ") && p.recalled_year.is_match(s)
        || s.contains("had ")
            && p.past_perfect
                .find(s)
                .is_some_and(|m| !p.reports_speech.is_match(&s[..m.start()]))
        // "The two first signed a Google-backed deal …", "Fluidstack originally agreed to …": the
        // partners' first agreement, told before what they do now (not "its first signed
        // customer", a determiner's adjective)
        || (s.contains("first ") || s.contains("riginally ") || s.contains("nitially "))
            && p.first_signed.captures_iter(s).any(|c| {
                !["its", "the", "a", "an", "their", "our", "his", "her", "your"]
                    .contains(&c[1].to_ascii_lowercase().as_str())
            })
        // "expected to build on the success of Polaris Forge 1, where Applied Digital secured
        // long-term leases with CoreWeave": the earlier site's leases as a track record
        || s.contains("uccess") && p.on_success_of.is_match(s)
        || s.contains(" by ") && p.supported_by.is_match(s)
        // "Polaris Forge 2 … has an executed lease with a U.S. investment-grade hyperscaler": a
        // contract the company holds, not one it signs
        || s.contains("ed ") && p.held_contract.is_match(s)
        // "“We also announced a roughly $5 billion 15-year lease …”": a speaker retelling what
        // the company announced before (unless it was today)
        || (s.contains("we ") || s.contains("We "))
            && p.we_announced.is_match(s)
            && !["today", "Today", "this morning", "tonight"]
                .iter()
                .any(|w| s.contains(w))
}

/// An agreement dated more days than this before the story that states it is recalled, not
/// announced (an 8-K is due within four business days).
const RECALL_DAYS: i64 = 7;

/// Does a line give the stock market's moves: two indexes or more ("the Dow", "the S&P 500",
/// "the Nasdaq", "the Russell 2000") and a change in percent or points?
fn market_line(s: &str) -> bool {
    if !(s.contains('%') || s.contains("points")) {
        return false;
    }
    // (not an exchange that lists a company: "Nasdaq-listed", "(NASDAQ: CIFR)")
    let mut kinds = [false; 4];
    for c in pats().market_index.captures_iter(s) {
        let whole = c.get(0).expect("a match");
        if s[whole.end()..].starts_with(['-', ':']) {
            continue;
        }
        if let Some(k) = (1..=4).find(|&k| c.get(k).is_some()) {
            kinds[k - 1] = true;
        }
    }
    // (and a word of their move: a site's bar of quotes, "DOW 47,369 -0.41% NASDAQ 23,853
    // +0.54%", above any story is furniture, not a summary)
    kinds.iter().filter(|&&k| k).count() >= 2 && pats().market_move.is_match(s)
}

/// Does a sentence date its agreement (a day or a month) over a week before the story?
/// If so, why ("the agreement is dated …, the story …").
fn recalled_on(s: &str, published: chrono::NaiveDate) -> Option<String> {
    if let Some(day) = stated_date(s, published) {
        return ((published - day).num_days() > RECALL_DAYS)
            .then(|| format!("the agreement is dated {day}, the story {published}"));
    }
    // the first of a month and a quarter that dates the signing decides
    let (end, period) = match signed_in_month(s, published) {
        Some(end) => (end, "month"),
        None => match signed_in_quarter(s, published) {
            Some(end) => (end, "quarter"),
            None => (signed_in_year(s)?, "year"),
        },
    };
    ((published - end).num_days() > RECALL_DAYS).then(|| {
        format!(
            "the agreement was signed in a {period} that ended {end}, the story is of {published}"
        )
    })
}

/// Words that date a later step than the signing (an opening, a start, a delivery, a target): a
/// month or a year with one of them between it and the signing verb dates that step.
const LATER_STEP: &[&str] = &[
    "open", "start", "begin", "commenc", "online", "deliver", "energi", "expect", "complet",
    "target",
];

/// The last day of the year a sentence signs its agreement in ("In fiscal 2025 the company
/// signed …", "signed … during 2025"), the year just before the signing verb or just after it:
/// an annual report's or a year's review. A fiscal year ends by the last day of the calendar
/// year it is named by (the few named by the year they begin in are recalled a year late, not
/// early).
fn signed_in_year(s: &str) -> Option<chrono::NaiveDate> {
    if !s.contains("20") {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:in|during|throughout)\s+(?:(?:the\s+)?(?:fiscal|calendar)\s+(?:year\s+)?|FY\s?)?(20\d\d)\b")
            .expect("static regex")
    });
    let verb = pats().verb.find(s)?;
    let c = re.captures_iter(s).find(|c| {
        let m = c.get(0).expect("the match");
        let gap = if m.end() <= verb.start() {
            &s[m.end()..verb.start()]
        } else if m.start() >= verb.end() {
            &s[verb.end()..m.start()]
        } else {
            return false;
        };
        // near the verb, in its clause (not "in 2025 … ; in March 2026 signed", nor a year that
        // dates a start: "signed … to begin in 2027")
        let gap = gap.to_ascii_lowercase();
        gap.len() <= 40
            && !gap.contains(';')
            && !LATER_STEP
                .iter()
                .chain(&["until", "through"])
                .any(|w| gap.contains(w))
    })?;
    let year: i32 = c[1].parse().ok()?;
    chrono::NaiveDate::from_ymd_opt(year, 12, 31)
}

/// The last day of the calendar quarter a sentence signs its agreement in ("In Q2 2025, Galaxy
/// signed …", "signed in the second quarter of 2025"), the quarter before the signing verb or
/// just after it. A quarter with no year is the latest that began by the story's day; a fiscal
/// quarter ("Q2 FY26", "fiscal second quarter") dates nothing (its calendar is the company's).
fn signed_in_quarter(s: &str, published: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    if !(s.contains('Q') || s.contains("quarter")) {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:in|during)\s+(?:the\s+)?(?:(?-i:Q)([1-4])|(first|second|third|fourth)[- ]quarter)\b(?:\s*(?:of\s+|,\s*)?((?:fiscal|FY)\s?)?(\d{4}|\d{2})?)?")
            .expect("static regex")
    });
    let verb = pats().verb.find(s)?;
    let c = re.captures_iter(s).find(|c| {
        let m = c.get(0).expect("the match");
        // (near the verb: "In Q3 the company reported revenue … and announced a lease" dates
        // the results, not the lease)
        m.end() <= verb.start() && verb.start() - m.end() <= 40
            || m.start() >= verb.end() && m.start() - verb.end() <= 40
    })?;
    if c.get(3).is_some() || s.contains("iscal") || s.contains("ISCAL") {
        return None;
    }
    let q: u32 = match (c.get(1), c.get(2)) {
        (Some(n), _) => n.as_str().parse().ok()?,
        (None, Some(w)) => match w.as_str().to_lowercase().as_str() {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            _ => 4,
        },
        _ => return None,
    };
    let year = match c.get(4).map(|y| y.as_str()) {
        Some(y) if y.len() == 4 => y.parse().ok()?,
        Some(_) => return None,
        None if 3 * q - 2 <= published.month() => published.year(),
        None => published.year() - 1,
    };
    let first_next = if q == 4 {
        chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        chrono::NaiveDate::from_ymd_opt(year, 3 * q + 1, 1)
    }?;
    Some(first_next - chrono::Duration::days(1))
}

/// How many sentences before a deal's evidence that names no company are asked whose it is.
const EVIDENCE_SUBJECT_REACH: usize = 4;
/// How far into a text a guarantor's stake headline ("Google Increases Stake in TeraWulf") looks
/// for the tenant's agreement it comes with (an embedded post of bullets often comes first).
const STAKE_NEWS_REACH: usize = 10;

/// The latest full day a sentence states on or before `published` ("May 7, 2026", "2026-05-07",
/// or "May 7" of the story's year); days after it are ignored.
fn stated_date(s: &str, published: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? (\d{1,2})(?:st|nd|rd|th)?\b(?:,? (\d{4})\b)?|\b(20\d\d)-(\d\d)-(\d\d)\b")
            .expect("static regex")
    });
    // the day before the month: "el 14 de agosto de 2025", "le 14 août 2025", "am 14. August
    // 2025", "il 14 agosto 2025"; and "2025年8月14日", "2025년 8월 14일"
    static DAY_FIRST: OnceLock<Regex> = OnceLock::new();
    let day_first = DAY_FIRST.get_or_init(|| {
        Regex::new(&format!(
            r"(?i)\b(\d{{1,2}})(?:\.|º|er)?\s+(?:de\s+)?({MONTH_NAMES})\b(?:,?\s+(?:de\s+|del\s+)?(\d{{4}})\b)?|(20\d\d)\s?(?:年|년)\s?(\d{{1,2}})\s?(?:月|월)\s?(\d{{1,2}})\s?(?:日|일)"
        ))
        .expect("static regex")
    });
    let on_day = |month: u32, day: u32, year: Option<u32>| match year {
        Some(y) => chrono::NaiveDate::from_ymd_opt(y as i32, month, day),
        // a day without a year is this year's; one still to come ("deliveries begin on June 1")
        // is a plan, not an earlier signing
        None => chrono::NaiveDate::from_ymd_opt(published.year(), month, day),
    };
    let month_first = re.captures_iter(s).filter_map(|c| {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        if let (Some(y), Some(m), Some(d)) = (num(4), num(5), num(6)) {
            return chrono::NaiveDate::from_ymd_opt(y as i32, m, d);
        }
        on_day(crate::crawl::dates::month_number(&c[1])?, num(2)?, num(3))
    });
    let day_first = day_first.captures_iter(s).filter_map(|c| {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        if let (Some(y), Some(m), Some(d)) = (num(4), num(5), num(6)) {
            return chrono::NaiveDate::from_ymd_opt(y as i32, m, d);
        }
        // "20 may sign": a modal verb, unless a year follows
        if c[2].eq_ignore_ascii_case("may") && c.get(3).is_none() {
            return None;
        }
        on_day(month_of(&c[2].to_lowercase())?, num(1)?, num(3))
    });
    // "On 29 Aug 2025": an English month shortened after its day, with its year
    static DAY_ABBR: OnceLock<Regex> = OnceLock::new();
    let day_abbr = DAY_ABBR.get_or_init(|| {
        Regex::new(
            r"(?i)\b(\d{1,2}) (jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? (20\d\d)\b",
        )
        .expect("static regex")
    });
    let day_abbr = day_abbr.captures_iter(s).filter_map(|c| {
        chrono::NaiveDate::from_ymd_opt(
            c[3].parse().ok()?,
            crate::crawl::dates::month_number(&c[2])?,
            c[1].parse().ok()?,
        )
    });
    month_first
        .chain(day_first)
        .chain(day_abbr)
        .filter(|d| *d <= published)
        .max()
}

/// Month names in English, Spanish, German, French, Italian and Portuguese, for a regex.
const MONTH_NAMES: &str = "january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro";

/// "In August, TeraWulf signed ...", "firmó en agosto ...", "hat im Juni unterzeichnet": the last
/// day of the month a sentence says its agreement was signed in (the month beside the signing
/// verb: before it, or just after it), in English, Spanish, German, French, Italian or
/// Portuguese. A month later in the year than the story's, with no year, is still to come: none.
fn signed_in_month(s: &str, published: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\b(in|en|im|em|a|ad|в|au mois d[e']|(?:accord|contrat|acuerdo|contrato|accordo|contratto|agreement|deal|lease)s? (?:de|del|di|of|from)|back in|earlier in|early|late|mid-?|a principios de|a finales de|Anfang|Ende|Mitte|début|fin|inizio|fine|no início de|no final de)\s*(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)\b\.?(?:,?\s+(?:de\s+|del\s+)?(\d{4})\b)?")
            .expect("static regex")
    });
    // "6월 초", "6月上旬", "2024年6月": a month in Chinese, Japanese or Korean, with its part
    static WIDE: OnceLock<Regex> = OnceLock::new();
    let wide = WIDE.get_or_init(|| {
        Regex::new(r"(?:(20\d\d)\s?(?:年|년)\s?|^|[^\d])(\d{1,2})\s?(?:月|월)(?:\s?(初|上旬|초|中旬|중순|下旬|末|말))?")
            .expect("static regex")
    });
    // German's separable "gab … bekannt" (announced) stands for the verb where no other does
    let verb = pats().verb.find(s).or_else(|| pats().gab_bekannt.find(s))?;
    // the month before the verb, just after it, or closing the clause of the signing ("signed
    // a colocation agreement with CoreWeave for 150 MW in August 2025"), unless what stands
    // between dates something else (a start, a delivery, a term)
    let beside = |m: regex::Match<'_>| {
        if m.end() <= verb.start() {
            return true;
        }
        if verb.end() > m.start() {
            return false;
        }
        let gap = m.start() - verb.end();
        let between = s[verb.end()..m.start()].to_lowercase();
        // another clause, or what dates a later step (an opening, a start, a delivery), between
        // the verb and the month, however near
        if [";", ". ", "scheduled"]
            .iter()
            .chain(LATER_STEP)
            .any(|w| between.contains(w))
        {
            return false;
        }
        // further off, what bounds a span ("by", "from … until") stands between them too
        gap <= 40
            || gap <= 160
                && ![
                    " by ",
                    "from",
                    "through",
                    "until",
                    "operational",
                    "ab ",
                    "bis ",
                    "à partir",
                    "a partir",
                    "desde",
                    "entro",
                    "dès",
                    "hasta",
                    "até",
                ]
                .iter()
                .any(|w| between.contains(w))
    };
    // the last day the month (or its early or middle part) can mean
    let last_day = |month: u32, year: Option<i32>, part: Option<&str>| {
        // a month after the story's own, no year: the past year's ("signed … in October",
        // a story of January)
        let year = match year {
            Some(y) => y,
            None if month <= published.month() => published.year(),
            None => published.year() - 1,
        };
        let early = [
            "early",
            "a principios de",
            "anfang",
            "début",
            "inizio",
            "no início de",
        ];
        match part.map(|p| p.trim().to_lowercase()) {
            Some(p)
                if early.contains(&p.as_str()) || ["初", "上旬", "초"].contains(&p.as_str()) =>
            {
                return chrono::NaiveDate::from_ymd_opt(year, month, 10);
            }
            Some(p) if ["mid", "mid-", "mitte", "中旬", "중순"].contains(&p.as_str()) => {
                return chrono::NaiveDate::from_ymd_opt(year, month, 20);
            }
            _ => {}
        }
        let first_next = if month == 12 {
            chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            chrono::NaiveDate::from_ymd_opt(year, month + 1, 1)
        }?;
        Some(first_next - chrono::Duration::days(1))
    };
    let latin = re.captures_iter(s).find_map(|c| {
        let m = c.get(0)?;
        let name = &c[2];
        // "in may" is a modal verb's
        if name == "may" || !beside(m) {
            return None;
        }
        let year = c.get(3).and_then(|y| y.as_str().parse::<i32>().ok());
        // an English month cut short ("late Sept 2025") dates only with its year ("en mar" is
        // the sea)
        if year.is_none()
            && [
                "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            ]
            .contains(&name.to_lowercase().as_str())
        {
            return None;
        }
        last_day(month_of(&name.to_lowercase())?, year, Some(&c[1]))
    });
    latin.or_else(|| {
        wide.captures_iter(s).find_map(|c| {
            let m = c.get(0)?;
            if !beside(m) {
                return None;
            }
            let month: u32 = c[2].parse().ok().filter(|m| (1..=12).contains(m))?;
            let year = c.get(1).and_then(|y| y.as_str().parse::<i32>().ok());
            last_day(month, year, c.get(3).map(|p| p.as_str()))
        })
    })
}

/// A month's number from its name in English (the crawler's `month_number`), Spanish, German,
/// French, Italian or Portuguese.
fn month_of(name: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["enero", "januar", "janvier", "gennaio", "janeiro", "январе"],
        &[
            "febrero",
            "februar",
            "février",
            "febbraio",
            "fevereiro",
            "феврале",
        ],
        &["marzo", "märz", "mars", "março", "марте"],
        &["abril", "avril", "aprile", "апреле"],
        &["mayo", "mai", "maggio", "maio", "мае"],
        &["junio", "juni", "juin", "giugno", "junho", "июне"],
        &["julio", "juli", "juillet", "luglio", "julho", "июле"],
        &["agosto", "août", "августе"],
        &[
            "septiembre",
            "setiembre",
            "septembre",
            "settembre",
            "setembro",
            "сентябре",
        ],
        &[
            "octubre",
            "oktober",
            "octobre",
            "ottobre",
            "outubro",
            "октябре",
        ],
        &["noviembre", "novembre", "novembro", "ноябре"],
        &[
            "diciembre",
            "dezember",
            "décembre",
            "dicembre",
            "dezembro",
            "декабре",
        ],
    ];
    crate::crawl::dates::month_number(name).or_else(|| {
        NAMES
            .iter()
            .position(|names| names.contains(&name))
            .map(|i| i as u32 + 1)
    })
}

const ACQUIRES: &str = "an acquisition or a stake, not a customer's agreement";
const MINING: &str = "bitcoin mining machines hosted or deployed, not AI or HPC";
const LESSEE: &str = "the company takes a lease from a landlord";
const BUYER: &str = "the company buys equipment or supplies";

/// The customer a text about backing lease obligations names among `parties`: beside a
/// hyperscaler, the AI cloud ("Google invests 5.4% in Cipher, backs $1.4B of Fluidstack's lease
/// obligations": the hyperscaler is the guarantor); otherwise the first named.
fn backed_tenant<T: Copy>(
    text: &str,
    parties: &[T],
    class: impl Fn(&T) -> crate::config::CounterpartyClass,
) -> Option<T> {
    use crate::config::CounterpartyClass::{Hyperscaler, Neocloud};
    let backed = pats().backstop_words.is_match(text);
    parties
        .iter()
        .find(|e| backed && class(e) == Neocloud && parties.iter().any(|x| class(x) == Hyperscaler))
        .or(parties.first())
        .copied()
}

/// An AI or data-center workload named in a sentence (the Arabic words by a plain search).
fn workload(s: &str) -> bool {
    pats().workload.is_match(s)
        || ["الذكاء الاصطناعي", "مراكز البيانات", "مركز بيانات"]
            .iter()
            .any(|w| s.contains(w))
}

/// A customer adding, leasing or committing to capacity ("Fluidstack adds 160 MW", "Core42
/// affitterà 70 MW", "CoreWeave avait porté son engagement à 800 mégawatts"): the English
/// pattern, then the other languages' behind a byte search for their verbs.
fn capacity_move(s: &str) -> bool {
    const CAPACITY_MOVE_HINTS: &[&str] = &[
        "affitt", "arrend", "alquil", "alug", "loue", "miet", "port", "relev", "augment", "elev",
        "aument", "ampli", "erhöh",
    ];
    let p = pats();
    p.capacity_move.is_match(s)
        || CAPACITY_MOVE_HINTS.iter().any(|h| s.contains(h)) && p.capacity_move_more.is_match(s)
}

/// A price move on the news of a deal ("jumps after $7B lease", "subieron ... después de que ...
/// una nueva empresa conjunta"): the English pattern, then the other languages' behind a byte
/// search for their words for "after".
fn on_news(s: &str) -> bool {
    const ON_NEWS_HINTS: &[&str] = &[
        "tras", "despu", "luego", "nach", "apr", "após", "depois", "dopo",
    ];
    let p = pats();
    p.on_news.is_match(s)
        || ON_NEWS_HINTS.iter().any(|h| s.contains(h)) && p.on_news_more.is_match(s)
        || ["adding", "expanding", "growing"]
            .iter()
            .any(|w| s.contains(w))
            && p.on_news_adding.is_match(s)
}

/// Does a sentence speak of bitcoin-mining machines or hashrate ("10,000 miners", "600 PH/s")?
/// (A plain search for the words the pattern needs comes first: the pattern is slow on text that
/// is not ASCII, and most sentences have none of them.)
fn mining_words(s: &str) -> bool {
    const HINTS: &[&str] = &[
        "iner",
        "H/s",
        "h/s",
        "ash",
        "ASIC",
        "ining",
        "Bergbau",
        "ineur",
        // (French "opérations de minage")
        "minage",
        "inero",
        "inerado",
        "inatori",
        "майнер",
        "Майнер",
        "矿机",
        "礦機",
        "マイニングマシン",
        "채굴기",
    ];
    HINTS.iter().any(|h| s.contains(h)) && pats().mining_hosted.is_match(s)
}

/// `s` without the "hosting" that names an activity rather than a contract: after a preposition,
/// a form of "to be" or a business ("pivots from hosting AI to …", "is hosting AI", "a business
/// hosting …"), unless a contract's noun follows it ("moves to hosting agreements"), and before
/// the miners it hosts ("hosting bitcoin miners"). A headline naming no contract but such an
/// activity has no verb of its own to stand for.
fn hosting_as_activity(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("osting") {
        return s.into();
    }
    const BEFORE: &[&str] = &[
        "from",
        "of",
        "in",
        "into",
        "to",
        "toward",
        "towards",
        "by",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "began",
        "begins",
        "started",
        "starts",
        "continues",
        "keeps",
        "than",
        "business",
        "businesses",
    ];
    const HOSTED: &[&str] = &["bitcoin", "miners", "mining", "crypto", "asics", "rigs"];
    const NOUNS: &[&str] = &[
        "agreement",
        "agreements",
        "contract",
        "contracts",
        "deal",
        "deals",
        "pact",
        "pacts",
        "arrangement",
        "arrangements",
        "customer",
        "customers",
        "services",
        "lease",
        "leases",
    ];
    let words: Vec<(usize, &str)> = s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (k, &(at, w)) in words.iter().enumerate() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !bare.eq_ignore_ascii_case("hosting") {
            continue;
        }
        let prev = k.checked_sub(1).map(|j| {
            words[j]
                .1
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
        let next = words.get(k + 1).map(|&(_, n)| {
            n.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
        if prev.is_some_and(|p| BEFORE.contains(&p.as_str()))
            && next.as_ref().is_none_or(|n| !NOUNS.contains(&n.as_str()))
            || next.is_some_and(|n| HOSTED.contains(&n.as_str()))
        {
            out.push_str(&s[last..at]);
            last = at + w.len();
        }
    }
    if last == 0 {
        return s.into();
    }
    out.push_str(&s[last..]);
    out.into()
}

/// A lease match that ends "… shift from", "pivot from", "transforms it from": the "from" of a
/// change of course.
fn shift_from(m: &str) -> bool {
    let lower = m.to_lowercase();
    let Some(head) = lower.strip_suffix("from") else {
        return false;
    };
    let head = head.trim_end();
    // a verb of change with its object between it and "from" ("transforms it from a miner")
    let object_changed = head.split_whitespace().rev().nth(1).is_some_and(|w| {
        [
            "transform",
            "transforms",
            "transformed",
            "transforming",
            "turns",
            "turned",
            "converts",
            "converted",
            "moves",
            "moved",
            "shifts",
            "shifted",
            "takes",
            "took",
        ]
        .contains(&w)
    });
    object_changed
        || [
            "shift",
            "shifts",
            "pivot",
            "pivots",
            "transition",
            "move",
            "moves",
            "away",
            "switch",
            "turn",
        ]
        .iter()
        .any(|w| head.ends_with(w))
}

/// Does the text after a "from" name a time ("a year ago", "last year", "the prior quarter")?
fn since_a_time(after: &str) -> bool {
    let t = after.trim_start();
    let t = t.get(..t.len().min(30)).unwrap_or(t).to_ascii_lowercase();
    [
        "a year ago",
        "a week ago",
        "a month ago",
        "a quarter ago",
        "a day ago",
        "last ",
        "the prior ",
        "the previous ",
        "the year-ago",
        "the year before",
        "the same period",
        "yesterday",
        "earlier",
        "the start of",
        "the beginning of",
    ]
    .iter()
    .any(|w| t.starts_with(w))
}

/// "IREN signs Microsoft contract, ": what comes before a purchase signs a contract, a deal or
/// an agreement that is no purchase of its own, and ends its clause.
fn signed_before_buying(before: &str) -> bool {
    // (the verb of the purchase itself may stand before what it buys, with the currency of its
    // amount: ", buys $5.8B of GPUs")
    let rest = before.trim_end_matches(|c: char| c == '$' || c == '€' || c.is_whitespace());
    let rest = rest.strip_suffix(" US").unwrap_or(rest);
    let rest = [
        "buys",
        "will buy",
        "to buy",
        "purchases",
        "orders",
        "acquires",
    ]
    .iter()
    .find_map(|w| rest.strip_suffix(w))
    .unwrap_or(rest)
    .trim_end();
    let Some(v) = pats().verb.find(rest) else {
        return false;
    };
    let signed = rest[v.end()..].to_ascii_lowercase();
    [",", ";", " and"].iter().any(|w| rest.ends_with(w))
        && ["contract", "deal", "agreement", "lease"]
            .iter()
            .any(|w| signed.contains(w))
        && ![
            "purchas", "buy", "supply", "order", "financ", "loan", "notes",
        ]
        .iter()
        .any(|w| signed.contains(w))
}

/// Why a sentence does not have the company providing capacity under a signed agreement: it
/// takes a lease from a landlord, or the agreement is planned, discussed or intended.
fn not_provider_or_not_signed(
    s: &str,
    names_company: impl Fn(&str) -> bool,
) -> Option<&'static str> {
    let p = pats();
    if let Some(m) = p.lessee.find(s)
        // "a $7 billion lease marks a shift from mining to AI": a change of course, not a landlord
        && !shift_from(m.as_str())
        // "a lease with Fluidstack increases the load from 168 MW to 207 MW": a quantity's
        // change, not a landlord
        && !s[m.end()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || c == '$')
        // "… sending its shares up 300% from a year ago": a time a change is measured from
        && !since_a_time(&s[m.end()..])
    {
        // "CoreWeave will lease 250 MW from Applied Digital": the company after "from" provides
        let after = &s[m.end()..];
        let after: String = after.chars().take(60).collect();
        // ("a 15-year AI factory lease from a US-based investment grade hyperscaler": a
        // hyperscaler is the tenant outlets name that way, never a miner's landlord)
        if !names_company(&after)
            && !after.to_ascii_lowercase().contains("hyperscaler")
            && !other_subject_rents(&s[..m.start()], m.as_str(), &names_company)
        {
            return Some(LESSEE);
        }
    }
    if p.plan.is_match(s) {
        return Some("planned or discussed, not signed");
    }
    // "a purchase agreement with Dell for Blackwell systems to support its AI cloud contract":
    // the purchase, unless a customer contract comes first in the sentence
    if let Some(b) = p.buyer.find(s)
        // "a capacity deal with IREN, including a prepayment, for access to NVIDIA GB300s": the
        // customer's access to the company's GPUs
        && !b.as_str().contains(" access ")
        // "This deal grants Microsoft access to some of Nvidia's chips": the goods the customer
        // gets access to, just before
        && !terms::last_chars(&s[..b.start()], 30).contains("access to ")
        // "Microsoft signs a contract with IREN for Nvidia chips": the company is the party a
        // customer signs with, the seller
        && !s[..b.start()].rfind(" with ").is_some_and(|w| {
            let after: String = s[w + 6..b.start()].chars().take(40).collect();
            names_company(&after)
        })
        && p.customer_contract
            .find(s)
            .is_none_or(|c| c.start() > b.start())
        // "IREN signs Microsoft contract, buys $5.8B of Dell GPUs": a contract signed first, the
        // purchase a clause of its own after it
        && !signed_before_buying(&s[..b.start()])
        // "Microsoft has signed a $9.7 billion purchase agreement for AI cloud capacity from
        // IREN": capacity, compute or services bought from the company, its seller
        && !{
            let after: String = s[b.end()..].chars().take(100).collect();
            after.find(" from ").is_some_and(|f| {
                let what = after[..f].to_ascii_lowercase();
                ["capacit", "comput", "cloud", "service"]
                    .iter()
                    .any(|w| what.contains(w))
                    && names_company(&after[f + 6..])
            })
        }
    {
        return Some(BUYER);
    }
    if p.competitor.is_match(s) {
        return Some("a competitor for a site or a contract, not a customer");
    }
    // (not where a clause of its own then signs with a named customer: "sold bitcoin to acquire
    // land in Rockdale, and signed a data center leasing agreement with AMD")
    if let Some(m) = p.site_deal.find(s)
        && !p.then_signs_with.is_match(&s[m.end()..])
    {
        return Some("the company buys or leases a site");
    }
    // "Bit Digital secures Saint-Jérôme data center site" (not "secures a lease at its campus")
    // (behind a byte search: the pattern's bounded word class is slow on text that is not ASCII)
    if s.contains("ecur")
        && let Some(m) = p.site_secured.find(s)
        && !p.contract_noun.is_match(m.as_str())
        && !p.noun.is_match(m.as_str())
    {
        return Some("the company buys or leases a site");
    }
    if p.approval.is_match(s) {
        return Some("an approval or a permit, not an agreement with a customer");
    }
    None
}

/// "헛8은 … 플루이드스택(Fluidstack)이 … 용량을 임차하며", "…Fluidstackが…を賃借": the nearest subject
/// (이/가/が) before a Korean or Japanese word for renting is another company's, not the company's:
/// the company is the one renting out.
fn other_subject_rents(before: &str, word: &str, names_company: &impl Fn(&str) -> bool) -> bool {
    static SUBJECT: OnceLock<Regex> = OnceLock::new();
    let subject = SUBJECT.get_or_init(|| {
        Regex::new(r"[)）\p{Hangul}\p{Katakana}\p{Han}A-Za-z0-9](?:이|가|が)\s?")
            .expect("static regex")
    });
    if !["임차", "賃借"].iter().any(|w| word.contains(w)) {
        return false;
    }
    let Some(m) = subject.find_iter(before).last() else {
        return false;
    };
    let mut from = m.start().saturating_sub(40);
    while !before.is_char_boundary(from) {
        from -= 1;
    }
    !names_company(&before[from..m.end()])
}

/// Is `title` only the first words of `lead`, cut with an ellipsis (what the feed reader gives an
/// item with no title of its own: `crawl::feed::first_words`)?
fn derived_title(title: &str, lead: &str) -> bool {
    let Some(core) = title.trim_end().strip_suffix('…') else {
        return false;
    };
    // the lead's words, spaced as the title's are (it may end mid-word in Chinese or Japanese)
    let core = core.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = core.split(' ').count();
    let lead = lead
        .split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ");
    !core.is_empty() && lead.starts_with(&core)
}

/// Does a sentence name a customer contract (a lease, colocation, hosting, cloud services), not
/// just describe a company by its trade ("the bitcoin mining and hosting company", "an AI cloud
/// provider")?
fn names_contract(s: &str) -> bool {
    let p = pats();
    p.customer_contract.is_match(s)
        && p.customer_contract
            .is_match(&p.cloud_descriptor.replace_all(s, ""))
}

fn clip(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// The deal type of a customer contract (never an acquisition or a financing).
fn customer_type(text: &str) -> Option<DealType> {
    let p = pats();
    let text = &p.cloud_descriptor.replace_all(text, "");
    let text: &str = text;
    Some(if p.expansion.is_match(text) {
        DealType::Expansion
    } else if p.gpu_cloud.is_match(text) {
        DealType::GpuCloud
    } else if p.colocation.is_match(text) {
        DealType::Colocation
    } else if p.hosting.is_match(text) {
        DealType::Hosting
    } else {
        return None;
    })
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
    let question = d.title.trim_end().ends_with('?') || lead_first.trim_end().ends_with('?');
    if (question || p.commentary.is_match(d.title) || p.commentary.is_match(lead_first))
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
        .any(|s| p.customer_contract.is_match(s) && recalls(s));
    if recalls {
        return Genre::Mention;
    }
    Genre::Other
}

/// `announces_on` for a story whose day is not known.
#[cfg(test)]
fn announces(s: &str) -> bool {
    announces_on(s, None)
}

/// Does a sentence announce a customer contract? Not when it recalls one from an earlier story
/// (of a story published on `published`: see `recalls_on`), is about a power-supply agreement,
/// a land purchase or an equipment purchase (unless it also names a lease, colocation, hosting
/// or cloud-services contract, for the last two).
fn announces_on(s: &str, published: Option<chrono::NaiveDate>) -> bool {
    let p = pats();
    if recalls_on(s, published) || p.power.is_match(s) {
        return false;
    }
    // "Until CleanSpark … secures concrete AI/HPC hosting contracts", "if Galaxy secures approval
    // … and contracts it": a signing supposed, not told
    if p.hypothetical.is_match(s) {
        return false;
    }
    // "a quarter with zero signed AI leases": a signing counted as none (an ASCII pattern of
    // its own, behind a byte search)
    if (s.contains("signed") || s.contains("executed")) && p.none_signed.is_match(s) {
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

/// `s` split at the first `sep` outside parentheses.
fn split_outside_parentheses(s: &str, sep: char) -> Option<(&str, &str)> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if c == sep && depth == 0 => return Some((&s[..i], &s[i + c.len_utf8()..])),
            _ => {}
        }
    }
    None
}

/// The sentence with its parenthesised asides taken out ("CIFR (Google-backed), IREN" becomes
/// "CIFR, IREN").
fn without_parentheses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => {
                depth += 1;
                // the space before the aside goes with it
                if depth == 1 && out.ends_with(' ') {
                    out.pop();
                }
            }
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Is the name at `start..end` one of a list of three or more names ("Apple, Microsoft and
/// Nvidia", "Google, Amazon, Meta")? Such a list gives examples, not the party to an agreement
/// — unless the agreements are with it ("contracts with Together AI, Fluidstack and Fireworks").
fn in_a_list(text: &str, start: usize, end: usize) -> bool {
    static RE: std::sync::OnceLock<(regex::Regex, regex::Regex)> = std::sync::OnceLock::new();
    let (left, right) = RE.get_or_init(|| {
        let name = r"\p{Lu}[\w.&'’-]*(?: \p{Lu}[\w.&'’-]*)?";
        let sep = r"(?:, and|, or|,| and| or| und| et| y| e| и|、|，)";
        (
            regex::Regex::new(&format!(r"(?:{name}{sep} ?)+$")).expect("static regex"),
            regex::Regex::new(&format!(r"^(?:{sep} ?{name})+")).expect("static regex"),
        )
    });
    // "与CoreWeave等超大规模客户", "CoreWeaveなどの", "코어위브 등": a name followed by "and
    // others" is an example, even alone
    let after = &text[end..];
    if after.starts_with('等') || after.starts_with("など") || after.starts_with(" 등") {
        return true;
    }
    let mut from = start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + 80).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let names = |m: Option<regex::Match<'_>>| {
        m.map_or(0, |m| {
            m.as_str()
                .split([',', '、', '，'])
                .flat_map(|x| x.split(" and "))
                .flat_map(|x| x.split(" or "))
                .flat_map(|x| x.split(" und "))
                .flat_map(|x| x.split(" et "))
                .flat_map(|x| x.split(" y "))
                .flat_map(|x| x.split(" e "))
                .flat_map(|x| x.split(" и "))
                .filter(|x| x.trim().starts_with(char::is_uppercase))
                .count()
        })
    };
    let before = left.find(&text[from..start]);
    let list_start = before.map_or(start, |m| from + m.start());
    // the few characters before the list, lower-cased
    let head = text[..list_start].trim_end();
    let mut cut = head.len().saturating_sub(12);
    while !head.is_char_boundary(cut) {
        cut -= 1;
    }
    let with = format!(" {}", head[cut..].to_lowercase());
    if [" with", " mit", " avec", " con", " com", " to", " for"]
        .iter()
        .any(|w| with.ends_with(w))
    {
        return false;
    }
    // "New multi-year contracts including Together AI, Fluidstack and Fireworks AI": the parties
    // of the agreements listed (not "companies including Google, Amazon and Meta")
    if let Some(h) = head.strip_suffix("including")
        && let h = h.trim_end().trim_end_matches(',')
        && [
            "contracts",
            "agreements",
            "leases",
            "deals",
            "customers",
            "clients",
            "tenants",
        ]
        .iter()
        .any(|w| h.ends_with(w))
    {
        return false;
    }
    // "a large player like Amazon or Meta": examples, even two
    if [" like", " such as"].iter().any(|w| with.ends_with(w)) {
        return true;
    }
    names(before) + names(right.find(&text[end..to])) >= 2
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
    let before = text[from..start].trim_end_matches(['*', '_']);
    let after = text[end..].trim_start_matches(['*', '_']);
    // "Fluidstack, backstopped by Google": the one backstopped is the tenant
    let passive = {
        // (or set off by a dash: "Fluidstack—backstopped by Google—")
        let a = after
            .trim_start_matches([',', ' ', '\u{2014}', '\u{2013}', '('])
            .to_ascii_lowercase();
        // ("Fluidstack, financially backstopped by Google")
        let a = match ["financially ", "fully ", "partly ", "partially "]
            .iter()
            .find_map(|w| a.strip_prefix(w))
        {
            Some(rest) => rest.to_string(),
            None => a,
        };
        [
            "backstopped by",
            "backed by",
            "guaranteed by",
            "supported by",
        ]
        .iter()
        .any(|w| a.starts_with(w))
    };
    if !passive && p.guarantor_after.is_match(after) || p.guarantor_before.is_match(before) {
        return Role::Guarantor;
    }
    // "Google-backed", "Alphabet-backstopped" (any hyphen: "Google‑backed" has U+2011), also
    // with the backer's ticker after its name ("Nvidia Corp NVDA-backed CoreWeave")
    static NAME_TAIL: OnceLock<Regex> = OnceLock::new();
    let name_tail = NAME_TAIL.get_or_init(|| {
        Regex::new(
            r"^(?:,? (?:Corp\.?|Corporation|Inc\.?|Ltd\.?))? \$?[A-Z]{2,5}[-\u{2010}-\u{2013}]",
        )
        .expect("static regex")
    });
    let after_ticker = name_tail.find(after).map_or(after, |m| {
        &after[m.end() - m.as_str().chars().last().map_or(0, char::len_utf8)..]
    });
    let unhyphened =
        after_ticker.trim_start_matches(['-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}']);
    if unhyphened.len() < after_ticker.len()
        && (unhyphened.starts_with("backed") || unhyphened.starts_with("backstopped"))
    {
        return Role::Guarantor;
    }
    if p.end_user_before.is_match(before) {
        return Role::EndUser;
    }
    // "access to Nvidia's GB300 GPUs": the chips' maker, named after the access a customer gets
    let access_to_makers = before
        .trim_end()
        .to_ascii_lowercase()
        .ends_with("access to")
        && ["'s ", "\u{2019}s "]
            .iter()
            .find_map(|s| after.strip_prefix(s))
            .is_some_and(|rest| p.vendor_after.is_match(rest));
    // "l'export dei chip Nvidia", "les puces de Nvidia": the maker named after its chips
    let chips_of_maker = {
        // (the last word before the name, past a preposition, with a word before it; compared
        // without allocating: this runs for every name matched)
        let mut words = before.split_whitespace().rev();
        let mut last = words.next();
        if last.is_some_and(|w| {
            ["de", "di", "von"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
        }) {
            last = words.next();
        }
        // (but "el fabricante de chips AMD", "le fabricant de puces AMD" describe the maker:
        // the chips are its trade, the name is the party's)
        let maker = [
            "fabricante",
            "fabricant",
            "fabbricante",
            "produttore",
            "productor",
        ];
        let mut earlier = words.clone();
        let described = earlier
            .next()
            .filter(|w| {
                !["de", "di", "des"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            })
            .or_else(|| earlier.next())
            .is_some_and(|w| maker.iter().any(|m| w.eq_ignore_ascii_case(m)));
        words.next().is_some()
            && !described
            && last.is_some_and(|w| {
                [
                    "chip",
                    "chips",
                    "gpu",
                    "gpus",
                    "puces",
                    "processori",
                    "processeurs",
                    "procesadores",
                ]
                .iter()
                .any(|c| w.eq_ignore_ascii_case(c))
            })
    };
    if access_to_makers
        || chips_of_maker
        || p.vendor_after.is_match(after) && !p.gpu_contract_after.is_match(after)
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
    fn sentences_end_at_wide_stops_and_before_capitals_of_other_scripts() {
        assert_eq!(
            sentences("Hut 8 签署租约。股价上涨！为什么？Next"),
            ["Hut 8 签署租约。", "股价上涨！", "为什么？", "Next"]
        );
        assert_eq!(
            sentences("Сделка на $7 млрд. Компания Hut 8 подписала аренду. ещё"),
            ["Сделка на $7 млрд.", "Компания Hut 8 подписала аренду. ещё"]
        );
        // the danda ends a sentence in Hindi
        assert_eq!(
            sentences("Hut 8 ने लीज़ की। शेयर चढ़े। Next"),
            ["Hut 8 ने लीज़ की।", "शेयर चढ़े।", "Next"]
        );
    }

    #[test]
    fn a_bullet_inside_a_line_opens_a_point_and_one_opening_its_line_stays() {
        assert_eq!(
            sentences(
                "Earnings Call Summary • Q3 revenue was $52.9M • Hut 8 signed a 10-year lease."
            ),
            [
                "Earnings Call Summary",
                "• Q3 revenue was $52.9M",
                "• Hut 8 signed a 10-year lease."
            ]
        );
        assert_eq!(
            sentences("Key points\n  • Hut 8 signed a lease.\n• Shares rose."),
            ["Key points", "• Hut 8 signed a lease.", "• Shares rose."]
        );
    }

    #[test]
    fn a_line_broken_after_a_preposition_or_an_article_goes_on_in_the_next() {
        assert_eq!(
            sentences(
                "Under the deal, the miner will give Microsoft access to\nNVIDIA GB300 systems in Texas.\nShares rose."
            ),
            [
                "Under the deal, the miner will give Microsoft access to\nNVIDIA GB300 systems in Texas.",
                "Shares rose."
            ]
        );
        assert_eq!(
            sentences("It signed a lease with\n$7 billion of rent over 15 years."),
            ["It signed a lease with\n$7 billion of rent over 15 years."]
        );
        // a line that ends on another word, or a preposition alone on its line, ends there
        assert_eq!(
            sentences("Key Takeaways\nThe miner signed a lease."),
            ["Key Takeaways", "The miner signed a lease."]
        );
        assert_eq!(
            sentences("to\nThe miner signed."),
            ["to", "The miner signed."]
        );
    }

    #[test]
    fn a_lease_announced_in_tagalog_or_hindi_is_signed_with_its_customer() {
        // Tagalog: "announced a partnership with Fluidstack to build a 120 MW AI data center"
        let d = decide(
            "",
            "Inanunsyo ng TeraWulf ang pakikipagtulungan sa Fluidstack upang bumuo ng isang 120-megawatt na AI data center sa Texas.",
        );
        deal_with(&d, "Fluidstack");
        // "IREN signed an agreement with Microsoft for AI cloud services"
        let d = decide(
            "",
            "Lumagda ang IREN sa isang kasunduan sa Microsoft para sa AI cloud services.",
        );
        deal_with(&d, "Microsoft");
        // Hindi: "Hut 8 announced an AI data center lease with Fluidstack"
        let d = decide(
            "",
            "Hut 8 ने Fluidstack के साथ AI डेटा सेंटर लीज़ की घोषणा की, जिसकी अवधि 15 साल है।",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_subsidiary_the_text_does_not_name_signs_for_the_company_the_sentence_before_names() {
        let d = decide(
            "[8-K] Filing summary",
            "IREN disclosed two linked agreements for AI infrastructure in Texas. A wholly owned subsidiary will provide Microsoft access to GPU capacity for five years.",
        );
        deal_with(&d, "Microsoft");
        // after a sentence naming two companies of the universe, whose subsidiary it is is unknown
        let d = decide(
            "[8-K] Filing summary",
            "IREN and Cipher Mining each disclosed agreements for AI infrastructure in Texas. A wholly owned subsidiary will provide Microsoft access to GPU capacity for five years.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn a_company_that_will_supply_a_customer_with_access_to_gpus_signs_with_it() {
        let d = decide(
            "IREN news",
            "Under the five-year contract, IREN will supply Microsoft with access to GB300 GPUs at its Texas campus.",
        );
        deal_with(&d, "Microsoft");
    }

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
        // initials of a name
        assert_eq!(
            sentences("Coverage was initiated by H.C. Wainwright on Monday. J.P. Morgan agrees."),
            [
                "Coverage was initiated by H.C. Wainwright on Monday.",
                "J.P. Morgan agrees."
            ]
        );
        assert_eq!(
            sentences(
                "It serves a \"major AI customer.\" Demand grows. He said \u{201c}yes.\u{201d} Then left."
            ),
            [
                "It serves a \"major AI customer.\"",
                "Demand grows.",
                "He said \u{201c}yes.\u{201d}",
                "Then left."
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
        // the customer expanding its computing, or an "expansion" of the field, is no expansion
        // of an agreement
        assert_eq!(
            classify("Microsoft signs a lease with IREN to expand its AI computing capabilities"),
            DealType::Colocation
        );
        assert_eq!(
            classify("two 15-year leases with CoreWeave amid an Nvidia-backed expansion"),
            DealType::Colocation
        );
        assert_eq!(
            classify("CoreWeave Expands Denton Commitment with Core Scientific"),
            DealType::Expansion
        );
        assert_eq!(
            classify("TeraWulf expands Fluidstack partnership"),
            DealType::Expansion
        );
        // an option exercised, in German
        assert_eq!(
            classify("Fluidstack hat eine Option für weitere Kapazität ausgeübt"),
            DealType::Expansion
        );
        let d = decide(
            "TeraWulf-Aktien steigen",
            "TeraWulf teilte mit, dass Fluidstack eine Option für weitere Kapazität in Lake Mariner ausgeübt hat.",
        );
        deal_with(&d, "Fluidstack");
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
            // a purchase contract in Spanish
            "La empresa cerró un acuerdo con un proveedor para comprar servidores por 2.000 millones.",
            // last month, last August, has signed before, earlier (Japanese, Korean, Chinese, Russian)
            "先月、テラウルフはフルイドスタックとリース契約を結んだ。",
            "테라울프는 지난 3월 플루이드스택과 임대 계약을 체결했다.",
            "헛8은 앞서 임대 계약을 체결한 바 있다.",
            "此前，Cipher与Fluidstack签署了一份十年租约。",
            // so far this year; a lease's contracted revenue locked in (Chinese)
            "Thus far in 2025, the company has struck lease deals with CoreWeave and a hyperscaler for 600 MW.",
            "公司与CoreWeave签订的租约锁定了110亿美元的合约租赁收入。",
            // last week (Chinese, Japanese, Korean)
            "上周，TeraWulf与Fluidstack签署了两份为期十年的租约。",
            "先週、テラウルフはフルイドスタックとリース契約を結んだ。",
            "테라울프는 지난주 플루이드스택과 임대 계약을 체결했다.",
            "Ранее Cipher подписала договор аренды с Fluidstack.",
            // recently (Italian, French, Spanish, German)
            "Recentemente Riot ha firmato un contratto di locazione con AMD.",
            "Hut 8 a récemment signé un bail avec Fluidstack.",
            "TeraWulf firmó recientemente un contrato de arrendamiento con Fluidstack.",
            "TeraWulf hat kürzlich einen Mietvertrag mit Fluidstack unterzeichnet.",
            // last year, already (German, Spanish); recently signed (Japanese)
            "Wichtig bleibt der Mietvertrag mit Core42, der Ende letzten Jahres unterzeichnet wurde.",
            "CoreWeave ya firmó un contrato de 12 años con Core Scientific.",
            "同社は最近、CoreWeaveと15年間のリース契約を締結しました。",
        ] {
            assert!(!announces(s), "{s}");
        }
        // news of the day stays news: "지난 14일" is a day of this month
        assert!(announces(
            "테라울프는 지난 14일 플루이드스택과 10년간의 임대 계약을 체결했다."
        ));
        // a lease announced with a land purchase, a cloud contract before a GPU order
        assert!(announces(
            "Riot signs AMD data center lease at Rockdale, buys 200 acres for $96 million"
        ));
        assert!(announces(
            "IREN signed a GPU cloud contract with Microsoft and agreed to buy GPUs from Dell."
        ));
    }

    #[test]
    fn a_hyperscaler_that_will_back_the_lease_payments_is_not_the_customer() {
        // the signing sentence names nobody; the hyperscaler is named first, the AI cloud it
        // backs later
        let d = decide(
            "Cipher Mining gets a lift from Google",
            "Cipher Mining got a boost from Google on Thursday, part of a large deal with \
             Fluidstack.\nCipher Mining announced a ten-year HPC hosting agreement worth $3 \
             billion.\nGoogle will back $1.4 billion of Fluidstack's lease payments.",
        );
        deal_with(&d, "Fluidstack");
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
        // the chips' maker, however it is named ("Nvidia Corp. (NASDAQ: NVDA) graphics processing
        // units")
        for t in [
            "as AI developers race to deploy Nvidia Corp. (NASDAQ: NVDA) graphics processing units",
            "racks of NVIDIA graphics processing units",
            "servers built on Nvidia (NVDA) GPUs",
        ] {
            assert_eq!(
                role(
                    t,
                    if t.contains("Nvidia") {
                        "Nvidia"
                    } else {
                        "NVIDIA"
                    }
                ),
                Role::Vendor,
                "{t}"
            );
        }
        // the customer of a GPU services contract is no maker of GPUs
        let t = "a five-year Microsoft GPU services contract worth $9.7B, run on Nvidia GPUs";
        assert_eq!(role(t, "Microsoft"), Role::Counterparty);
        assert_eq!(role(t, "Nvidia"), Role::Vendor);
        // a stake taken as a guarantor (German; Japanese with a long clause before the shares)
        assert_eq!(
            role(
                "Google sichert sich eine Beteiligung an TeraWulf.",
                "Google"
            ),
            Role::Guarantor
        );
        assert_eq!(
            role("Google garantiert die Finanzierung des Projekts.", "Google"),
            Role::Guarantor
        );
        let t = "グーグルは、人工知能向けクラウド事業者フルイドスタックとの複数年にわたる大型データセンター契約の一部として、米国のビットコイン採掘企業テラウルフの株式8%を取得した。";
        assert_eq!(role(t, "グーグル"), Role::Guarantor);
        assert_eq!(role(t, "フルイドスタック"), Role::Counterparty);
        assert_eq!(
            role("グーグルがサイファー・マイニングに出資した。", "グーグル"),
            Role::Guarantor
        );
        assert_eq!(
            role("leases backstopped by Google for Fluidstack", "Google"),
            Role::Guarantor
        );
        assert_eq!(
            role("TeraWulf expands Google-backed deal", "Google"),
            Role::Guarantor
        );
        assert_eq!(
            role(
                "a Google\u{2011}backed, multi\u{2011}billion AI lease",
                "Google"
            ),
            Role::Guarantor
        );
        assert_eq!(
            role("Hut 8 wins Google’s backing for its $7B lease", "Google"),
            Role::Guarantor
        );
        assert_eq!(
            role("Cipher gets Google's financial backstop", "Google"),
            Role::Guarantor
        );
        // in French, Italian, Spanish and Portuguese: the guarantee of the tenant's lease
        // obligations, and the stake taken for it
        for (t, g, tenant) in [
            (
                "Google garantira 1,4 milliard de dollars d'obligations de location de Fluidstack.",
                "Google",
                "Fluidstack",
            ),
            (
                "Google garantirà parte delle obbligazioni locative di Fluidstack.",
                "Google",
                "Fluidstack",
            ),
            (
                "Google garantiza las obligaciones de arrendamiento de Fluidstack.",
                "Google",
                "Fluidstack",
            ),
            (
                "Google, par l'intermédiaire d'Alphabet, prend 8 % du capital de TeraWulf et soutient les obligations locatives de Fluidstack.",
                "Google",
                "Fluidstack",
            ),
            (
                "Google appuiera le projet en garantissant une part du loyer de Fluidstack.",
                "Google",
                "Fluidstack",
            ),
        ] {
            assert_eq!(role(t, g), Role::Guarantor, "{t}");
            assert_eq!(role(t, tenant), Role::Counterparty, "{t}");
        }
        // a company that guarantees capacity to its customer is no guarantor
        assert_eq!(
            role("Cipher garantit 168 MW à Fluidstack dès 2026.", "Cipher"),
            Role::Counterparty
        );
        // a stake bought, in English and Russian
        assert_eq!(
            role(
                "Google has acquired a 5.4% equity stake in Cipher Mining.",
                "Google"
            ),
            Role::Guarantor
        );
        assert_eq!(
            role("Google приобрела 5,4% акций Cipher Mining.", "Google"),
            Role::Guarantor
        );
        // in Japanese, Korean, Chinese and Russian
        let t = "Hut 8がGoogleを連帯保証人とする70億ドル規模の契約をFluidstackと締結";
        assert_eq!(role(t, "Google"), Role::Guarantor);
        assert_eq!(role(t, "Fluidstack"), Role::Counterparty);
        let t = "플루이드스택에 임대하며, 구글($GOOGL)이 이 임대 계약에 대한 재무 보증을 제공한다";
        assert_eq!(role(t, "구글"), Role::Guarantor);
        assert_eq!(role(t, "플루이드스택"), Role::Counterparty);
        assert_eq!(
            role("Fluidstack 租约，谷歌提供担保", "谷歌"),
            Role::Guarantor
        );
        assert_eq!(
            role("аренда Fluidstack при поддержке Google", "Google"),
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
                "a $5.8 billion partnership with Dell, which will supply the required GPUs",
                "Dell"
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
            published: None,
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

    /// The decision about a news item of a headline and a lead (the starter universe).
    fn decide(title: &str, lead: &str) -> Decision {
        decide_on(title, lead, None)
    }

    /// As `decide`, for a story published on `published` (YYYY-MM-DD).
    fn decide_on(title: &str, lead: &str, published: Option<&str>) -> Decision {
        decide_doc(title, lead, "", published)
    }

    /// As `decide_on`, for a news item with a body after its lead.
    fn decide_doc(title: &str, lead: &str, body: &str, published: Option<&str>) -> Decision {
        let cfg = crate::config::Config::parse(crate::config::STARTER, "t").unwrap();
        let linker = CompanyLinker::new(&cfg.companies);
        let m = super::super::entities::counterparty_matcher(&cfg.counterparties);
        let r = Recognizer::new(&linker, &cfg.counterparties, &m);
        let mentions = linker.link(&super::super::entities::Zones {
            title,
            lead,
            body,
            cik: None,
        });
        let (doc, _) = news(&linker, title, lead);
        let doc = DocText {
            body,
            published: published.map(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap()),
            ..doc
        };
        r.decide(&doc, &mentions)
    }

    /// A deal, with `cp` as its counterparty.
    fn deal_with(d: &Decision, cp: &str) {
        assert_eq!(
            d.detection
                .as_ref()
                .map(|x| (x.kind, x.counterparty.as_str())),
            Some((crate::model::DealKind::Deal, cp)),
            "{:?}",
            d.reasons
        );
    }

    /// No deal event: nothing, or a corporate action, an LOI or a termination.
    fn not_a_deal(d: &Decision) {
        assert!(
            d.detection
                .as_ref()
                .is_none_or(|x| x.kind != crate::model::DealKind::Deal),
            "{:?}",
            d.detection
        );
    }

    /// No deal, and one of the reasons starts with `why`.
    /// `d` gives exactly this reason among its reasons.
    fn has_reason(d: &Decision, reason: &str) {
        assert!(
            d.reasons.iter().any(|r| r == reason),
            "{reason}: {:?}",
            d.reasons
        );
    }

    /// None of `d`'s reasons starts with `prefix`.
    fn no_reason_starting(d: &Decision, prefix: &str) {
        assert!(
            !d.reasons.iter().any(|r| r.starts_with(prefix)),
            "{prefix}: {:?}",
            d.reasons
        );
    }

    fn no_deal_because(d: &Decision, why: &str) {
        assert!(d.detection.is_none(), "{:?}", d.detection);
        assert!(
            d.reasons.iter().any(|r| r.starts_with(why)),
            "{why}: {:?}",
            d.reasons
        );
    }

    /// The decision on a market note: a headline about the miners, a first line of the day's
    /// move, then `sentence`.
    fn decide_market_note(sentence: &str) -> Decision {
        decide(
            "Bitcoin miners and the AI trade",
            &format!("Miner stocks rose on Tuesday.\n{sentence}"),
        )
    }

    #[test]
    fn fresh7_decisions_from_the_wording_of_real_coverage() {
        // a hyperscaler's deal with the company, stating its own value, buys capacity even where
        // no workload word is near
        let d = decide(
            "A big week for IREN",
            "The Sydney-based operator said on Monday that it closed a $4.1 billion deal that makes Microsoft its biggest buyer.",
        );
        deal_with(&d, "Microsoft");
        // the company to provide a named party with megawatts: the customer's capacity
        let d = decide(
            "Cipher Mining and the AI boom",
            "Under the arrangement, Cipher Mining is set to provide Nscale with 90 megawatts of computing capacity at a west Texas site.",
        );
        deal_with(&d, "Nscale");
        // "confirmed" agreements sign them
        let d = decide(
            "A busy Thursday for TeraWulf",
            "On Thursday TeraWulf confirmed two colocation agreements with AI cloud provider Nscale, worth $2.1 billion over ten years.",
        );
        deal_with(&d, "Nscale");
        // a stake taken in return for backing the tenant's obligations is the guarantor's
        // consideration, even where the stake's sentence names no contract
        let d = decide(
            "",
            "Google has taken a 6% equity stake in Cipher Mining. It comes in return for guaranteeing $900 million of Nscale's lease obligations. Cipher Mining will provide Nscale with 120 megawatts of capacity for ten years.",
        );
        deal_with(&d, "Nscale");
        // a lease amended with a city is the company's lease as tenant, not a customer's
        let d = decide(
            "Core Scientific wins approval of lease amendments with the City of Denton for HPC",
            "Core Scientific said the City of Denton approved amendments to its site lease, allowing 260 MW of high-performance computing at the campus.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.reasons
        );
        // in German, the terms written out ("Fünf-Jahres-Vertrag")
        let d = decide(
            "IREN-Aktie steigt",
            "IREN und Microsoft haben einen Fünf-Jahres-Vertrag unterzeichnet, teilte das Unternehmen mit.",
        );
        deal_with(&d, "Microsoft");
        // the extensions' total beside the base value is no total of agreements already made
        let d = decide(
            "Google backs TeraWulf in $2.4B AI hosting deal",
            "TeraWulf signed two 10-year HPC colocation agreements with Nscale. The agreements represent $2.4 billion in contracted revenue, with optional extensions bringing total revenue to $5.1 billion.",
        );
        deal_with(&d, "Nscale");
        // a company described as the operator of hosting services names no contract
        let d = decide(
            "",
            "Shares of Core Scientific, an owner and operator of digital infrastructure for bitcoin mining and hosting services, jumped 25% on Monday on reports it is in talks to be bought.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
        // journalese for signing: "clinched", "sealed"
        let d = decide(
            "IREN and the AI trade",
            "IREN has just clinched a $6.2 billion, four-year partnership with Microsoft for GPU capacity.",
        );
        deal_with(&d, "Microsoft");
        // "last November": a month named as past
        let d = decide(
            "IREN's year in review",
            "Last November, IREN landed a $9.7 billion deal with Microsoft.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // a company described as a data-center leasing business names no contract: an
        // acquisition of it is M&A
        let d = decide(
            "코어위브, 코어사이언티픽 인수 추진",
            "클라우드 기업 코어위브가 데이터센터 임대업체 코어사이언티픽을 약 60억 달러에 인수하려는 계획이 알려졌다.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
        // the counterparty renting the capacity (임차) makes the company its lessor
        let d = decide(
            "헛8, 대형 AI 데이터센터 계약",
            "헛8은 목요일, 클라우드 기업 플루이드스택(Fluidstack)이 루이지애나 캠퍼스의 180메가와트(MW) 용량을 12년간 임차하는 계약을 체결했다고 밝혔다.",
        );
        deal_with(&d, "Fluidstack");
        // "최근 … 체결한": the contract recently signed, recalled in a Korean note
        let d = decide(
            "갤럭시 디지털 투자 포인트",
            "최근 AI 클라우드 기업 코어위브와 체결한 15년 임대 계약이 재평가의 근거다.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn a_title_that_is_page_furniture_gives_way_to_the_pages_own_headline() {
        // the page's headline is a financing: the lease it funds is not the news
        let d = decide(
            "Scan to download",
            "BTC $91,200.10 -1.20%\nHut 8 prices $2 billion of senior secured notes to fund its Fluidstack campus\n\
             The notes fund the data center that Fluidstack will lease for 15 years under a $7 billion agreement.",
        );
        no_deal_because(&d, "the page's headline: \"Hut 8 prices $2 billion");
        has_reason(&d, "against: the headline is about a financing");
        // the same furniture above a page that announces a lease still gives the deal
        let d = decide(
            "Share this article",
            "TeraWulf signs 10-year lease with Fluidstack for 200 MW at Lake Mariner\n\
             TeraWulf signed a 10-year lease with Fluidstack for 200 MW of critical IT load.",
        );
        assert_eq!(d.detection.unwrap().counterparty, "Fluidstack");
        // a headline-like line after the body's first sentences is a caption or a subhead: it
        // is not taken for the page's headline
        let d = decide(
            "Read on to find out what the financing means for miners",
            "Several crypto infrastructure companies have gained access to large financing backed by a hyperscaler this year.\n\
             TeraWulf was among the first miners to use the program for its campus in New York.\n\
             Cipher adds 56 MW at Barber Lake under a new 10-year hosting agreement with Fluidstack\n\
             The program works as a co-signer for the leases of several miners.",
        );
        no_reason_starting(&d, "the page's headline");
        // a sign-up prompt above the page's headline is no part of the story
        let d = decide(
            "STOCK TITAN",
            "Sign up now and unlock all premium features at an incredible discount.\n\
             [10-Q] WhiteFiber, Inc. Quarterly Earnings Report\n\
             WhiteFiber reported third-quarter revenue from cloud services and colocation.",
        );
        assert!(
            d.reasons
                .iter()
                .any(|r| r.starts_with("the page's headline: \"[10-Q] WhiteFiber")),
            "{:?}",
            d.reasons
        );
    }

    #[test]
    fn an_analysts_action_opening_the_text_makes_it_a_note_not_an_announcement() {
        let d = decide(
            "Broker lifts TeraWulf target",
            "An analyst at a regional bank lifted the price target on TeraWulf to $12 and kept a Buy rating.\n             The change comes after TeraWulf signed a lease with Fluidstack for 200 MW at Lake Mariner.",
        );
        no_deal_because(&d, "against: an investment note's rating");
        // a deal report that ends with the analysts' reaction is still the deal
        let d = decide(
            "TeraWulf signs 10-year lease with Fluidstack",
            "TeraWulf signed a 10-year lease with Fluidstack for 200 MW at Lake Mariner.\n             The lease is worth about $3.7 billion.\nIt covers two buildings.\n             After the announcement, one broker lifted its price target on the shares.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_trade_described_a_land_lease_taken_and_terms_in_other_scripts() {
        // "a hosting-first business" describes a trade, it names no contract
        let d = decide(
            "Soluna profile: a hosting-first business that relies on a few large customers",
            "The company sells energized colocation to miners.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // the company leases land from a port authority (Japanese)
        assert_eq!(
            not_provider_or_not_signed(
                "ビットディアはオハイオ州の工業用地の土地を長期でリースする契約を結んだ。",
                |_| false
            ),
            Some(LESSEE)
        );
        // a hosting agreement in French, Spanish and Portuguese names a contract
        for s in [
            "un accord d'hébergement IA avec Fluidstack",
            "un acuerdo de alojamiento con Fluidstack",
            "um contrato de hospedagem com a Fluidstack",
        ] {
            assert!(names_contract(s), "{s}");
        }
        // a term, a value and a capacity as Chinese, Japanese and Korean write them
        let p = pats();
        for s in [
            "今後10年間の契約",
            "97億ドル規模",
            "15년간 임대",
            "200メガワット",
        ] {
            assert!(p.own_terms.is_match(s), "{s}");
        }
    }

    #[test]
    fn a_name_in_a_list_of_three_or_more_is_an_example() {
        let t = "analysts see Alphabet overtaking Apple, Microsoft und Nvidia this year";
        let at = t.find("Microsoft").unwrap();
        assert!(in_a_list(t, at, at + "Microsoft".len()));
        let t = "Google, Amazon, Meta and Microsoft build data centers";
        let at = t.find("Google").unwrap();
        assert!(in_a_list(t, at, at + "Google".len()));
        // a pair is not a list: "leases with Fluidstack and Google's backing"
        let t = "TeraWulf signed leases with Fluidstack and Google agreed to backstop them";
        let at = t.find("Fluidstack").unwrap();
        assert!(!in_a_list(t, at, at + "Fluidstack".len()));
        // the parties of the agreements listed after "with" are no examples
        let t = "IREN Signs Multi-Year AI Cloud Contracts with Together AI, Fluidstack and Fireworks AI";
        let at = t.find("Together AI").unwrap();
        assert!(!in_a_list(t, at, at + "Together AI".len()));
        // the list's member is not taken for the customer
        let d = decide(
            "Cipher Mining signs a 10-year data center lease",
            "Cipher Mining signed a 10-year lease for 168 MW of critical IT load.\nInvestors now rank it beside Apple, Microsoft and Nvidia.",
        );
        deal_with(&d, "undisclosed");
    }

    #[test]
    fn a_japanese_data_center_contract_under_a_guarantors_stake_is_the_tenants_deal() {
        let d = decide(
            "グーグルは、人工知能向けクラウド事業者フルイドスタックとの30億ドル規模の複数年にわたるデータセンター契約の一部として、米国のビットコイン採掘企業サイファー・マイニングの株式5.4%を取得した。",
            "グーグルはフルイドスタックのリース債務14億ドルを保証する。",
        );
        deal_with(&d, "Fluidstack");
        let det = d.detection.unwrap();
        assert_eq!(det.ticker, "CIFR");
        assert_eq!(det.terms.value_usd, Some(3e9));
    }

    #[test]
    fn a_backer_taking_shares_for_an_obligation_for_the_tenant_is_not_the_customer() {
        let d = decide(
            "Google doubles down on bitcoin miners for AI",
            "Google has taken a 5.4% stake in another bitcoin miner, Cipher Mining, as part of a $3 billion deal built around AI workloads. Announced Thursday, Google will receive 24 million Cipher shares in exchange for a $1.4 billion obligation for AI data centre operator Fluidstack, which has signed a ten-year contract to lease computing power from Cipher.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_signing_by_the_companys_peers_as_a_group_is_not_its_own() {
        let d = decide(
            "Bitdeer: the question hanging over the stock",
            "Bitdeer keeps adding hashrate while its peers sign AI leases.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        let d = decide(
            "Bitdeer: the question hanging over the stock",
            "Bitdeer keeps adding hashrate while rivals have signed AI leases with hyperscalers.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // the company's own signing beside the group's is still news
        let d = decide(
            "Bitdeer signs its first AI lease",
            "While rivals signed leases months ago, Bitdeer today announced its first AI lease with a cloud customer for 50 MW.",
        );
        deal_with(&d, "undisclosed");
    }

    #[test]
    fn what_a_look_at_the_company_reveals_is_no_signing_unless_it_names_a_deal() {
        // (a dateline for a headline; the earlier CoreWeave deal only noted)
        let d = decide(
            "May 11, 2024 - CORZ",
            "Core Scientific is on the cusp of a big change. While the company has long led the mining field in output, a closer look at its first-quarter call reveals a strategic pivot toward HPC hosting, aimed at the AI industry.\nOthers have noted the CoreWeave deal, but few see how far the plan goes.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        let d = decide(
            "Three founders on AI: CoreWeave, Mistral and IREN",
            "CoreWeave's path from crypto mining to AI cloud reveals how it became a large hyperscaler through clever financing and long-term customer relationships.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        let d = decide(
            "IREN reveals a $9.7 billion AI cloud contract with Microsoft",
            "IREN reveals a five-year, $9.7 billion AI cloud contract with Microsoft for GPU capacity in Texas.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn another_companys_agreement_to_deploy_chips_is_not_the_miners_deal() {
        let d = decide(
            "Why Bitfarms stock jumped on Monday",
            "Bitfarms rose 14% on Monday in heavy trading.\nOpenAI signed an agreement to deploy 6 gigawatts of AMD graphics processing units, and the news lifted the whole AI infrastructure group.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn mining_stocks_after_amid_or_despite_are_the_backdrop_not_a_market_headline() {
        // an untitled item headed by its first words
        let d = decide(
            "In a notable turn for the sector, bitcoin miner TeraWulf has announced a wider partnership with…",
            "In a notable turn for the sector, bitcoin miner TeraWulf has announced a wider partnership with Fluidstack, amid a rough week for bitcoin mining stocks. The new joint venture will build 168 MW of critical IT in Texas under a 25-year hosting commitment.",
        );
        deal_with(&d, "Fluidstack");
        assert_eq!(
            headline_class(
                "TeraWulf signs a lease with Fluidstack amid a slump in bitcoin mining stocks"
            ),
            None
        );
        assert_eq!(
            headline_class("Cipher wins an AWS lease despite a rout in crypto stocks"),
            None
        );
        // the market before the backdrop is still the news
        assert_eq!(
            headline_class("Bitcoin mining stocks slide amid a weak week for crypto"),
            Some(Against::Market)
        );
    }

    #[test]
    fn a_volume_ranking_a_power_headline_and_a_sectors_figure_announce_no_contract() {
        // a day's trading-volume ranking is a market piece, whatever leases it names as drivers
        assert_eq!(
            headline_class(
                "Cipher Mining Jumps 9% on $1.2 Billion Trading Volume, Ranks 40th in Market Activity as AI Leases Lift Miners"
            ),
            Some(Against::Market)
        );
        assert_eq!(
            headline_class("IREN Slips 3% Amid 112th Trading Volume Rank as GPU Cloud Deals Cool"),
            Some(Against::Market)
        );
        let d = decide(
            "Cipher Mining Jumps 9% on $1.2 Billion Trading Volume, Ranks 40th in Market Activity as AI Leases Lift Miners",
            "Cipher Mining rose 9% on Friday. Its leases with AWS and Fluidstack keep drawing buyers.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // unless it names one contract with its amount: the day's news it ranks
        let title =
            "Cipher Mining Jumps to 45th in Volume on $900 Million Rush Amid $5B AI Hosting Deal";
        assert_eq!(headline_class(title), None);
        let d = decide(
            title,
            "Cipher Mining rose 20% on Monday after signing a 10-year, $5 billion AI hosting lease with Fluidstack.",
        );
        deal_with(&d, "Fluidstack");
        // power secured behind the meter, or a power contract, is no customer's contract
        assert_eq!(
            headline_class(
                "Core Scientific Lines Up 250MW at a Texas Campus, Eyes Behind-the-Meter Power"
            ),
            Some(Against::Power)
        );
        assert_eq!(
            headline_class("Core Scientific adds a 250 MW power contract at its Texas campus"),
            Some(Against::Power)
        );
        let d = decide(
            "Core Scientific Lines Up 250MW at a Texas Campus, Eyes Behind-the-Meter Power",
            "Key Takeaways\n\
             • Core Scientific adds a 250 MW power contract at the campus\n\
             • Gross capacity planned at 1.2 GW\n\
             • CoreWeave secured as anchor tenant across several sites",
        );
        no_deal_because(&d, "against: the headline is about power or a utility");
        // a sentence naming no company of the universe whose money is all past any contract's
        // worth: another venture's commitment, not the miner's contract
        let d = decide(
            "Tech news from the Texas Panhandle this month",
            "Galaxy's Helios campus in Dickens County keeps growing.\n\
             Meanwhile Abilene hosts a hyperscale AI campus backed by OpenAI and Oracle, with a $400 billion commitment to add AI data center capacity.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        assert!(
            d.reasons
                .iter()
                .any(|r| r.starts_with("against: a sector's or another venture's figure")),
            "{:?}",
            d.reasons
        );
        assert!(terms::sector_figures_only(
            "a $400 billion commitment to AI"
        ));
        assert!(!terms::sector_figures_only(
            "a $400 billion market, and a $3 billion lease"
        ));
        assert!(!terms::sector_figures_only("a 15-year lease for 200 MW"));
    }

    #[test]
    fn a_hyperscaler_that_has_taken_a_stake_is_no_customer() {
        // Italian, French and Spanish perfect tenses of taking a stake name the guarantor
        for s in [
            "Google ha acquisito una partecipazione del 5% in Cipher Mining",
            "Google a pris une participation de 5 % dans Cipher Mining",
            "Google adquirió una participación del 5% en Cipher Mining",
        ] {
            assert_eq!(party_role(s, 0, "Google".len()), Role::Guarantor, "{s}");
        }
        for s in [
            "Google ha acquisito una partecipazione del 5% in Cipher Mining nell'ambito di un importante accordo per l'infrastruttura di intelligenza artificiale. L'accordo coinvolge anche Fluidstack, piattaforma cloud.",
            "Google a pris une participation de 5 % dans Cipher Mining dans le cadre d'un important accord d'infrastructure d'intelligence artificielle. L'accord implique aussi Fluidstack, plateforme cloud.",
            "Google adquirió una participación del 5% en Cipher Mining como parte de un importante acuerdo de infraestructura de inteligencia artificial. El acuerdo incluye también a Fluidstack, plataforma de nube.",
        ] {
            let d = decide("Cipher Mining", s);
            let det = d
                .detection
                .as_ref()
                .unwrap_or_else(|| panic!("{s}: {:?}", d.reasons));
            assert_eq!(det.counterparty, "Fluidstack", "{s}: {:?}", d.reasons);
        }
    }

    #[test]
    fn a_subhead_does_not_push_a_guarantors_backing_out_of_the_opening() {
        // the backing is the opening's fifth sentence once the subhead is not counted: the stake
        // beside the AI cloud's partnership is that cloud's agreement (in Romanian, as real
        // coverage told it; "garanta" is the guarantee, "5,4% din compania" the stake)
        let d = decide(
            "Google pariază pe un nou tip de centre de date",
            "Gigantul american a primit dreptul de a cumpăra 5,4% din compania Cipher Mining, fost miner de bitcoin.\n\
             Înțelegerea ține de un parteneriat mai larg cu Fluidstack, o companie britanică de cloud AI.\n\
             Cipher are deja terenuri și conexiuni la rețea în Texas.\n\
             Centrele de date cripto se schimbă\n\
             Google va garanta credite de 1,4 miliarde de dolari, scrie presa americană.\n\
             Fluidstack a semnat un contract pe 10 ani cu Cipher, de circa 3 miliarde de dolari.",
        );
        deal_with(&d, "Fluidstack");
        let det = d.detection.unwrap();
        assert_eq!(det.ticker, "CIFR");
        assert_eq!(det.terms.value_usd, Some(3e9));
        assert_eq!(det.terms.term_years, Some(10.0));
        // a summary's bullet with a figure or a colon is a line of the text, not a subhead
        assert!(is_subhead("Centrele de date cripto se schimbă"));
        assert!(!is_subhead("AI拡張:FluidstackがCB-5(160MW)で増強"));
        assert!(!is_subhead("Q3 revenue up 40 percent"));
        assert!(!is_subhead("The deal was signed on Monday."));
    }

    #[test]
    fn a_deal_of_a_company_the_headline_does_not_name_is_a_mention_in_another_story() {
        let d = decide(
            "Hut 8 raises $150 million for its AI infrastructure platform",
            "Miner shares rose after Core Scientific signed a 12-year hosting agreement with CoreWeave.",
        );
        no_deal_because(&d, "against: the headline is about HUT, not CORZ");
        // a headline naming a company the deciding sentence names too is that sentence's story
        let d = decide(
            "WhiteFiber signs 10-year colocation lease",
            "Bit Digital said its subsidiary WhiteFiber signed a 10-year colocation lease with Cerebras for 5 MW.",
        );
        deal_with(&d, "Cerebras");
        // a headline naming the tenant but not the miner leaves the miner's deal the news
        let d = decide(
            "CoreWeave signs 12-year hosting deal",
            "Core Scientific signed a 12-year hosting agreement with CoreWeave for 200 MW.",
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn a_headline_against_a_contract_outweighs_a_later_sentence_about_one() {
        // the company takes a ground lease: its terms are no customer's contract
        let d = decide(
            "TeraWulf enters into a long-term ground lease at Lake Mariner",
            "The ground lease runs for 35 years. The consideration for the new lease includes \
             20 million shares of TeraWulf's common stock and $12 million in cash.",
        );
        no_deal_because(
            &d,
            "against: the headline says the company takes a lease from a landlord",
        );
        // a competitor for a site, not a customer
        let d = decide(
            "CleanSpark wins a 100 MW data center site in Cheyenne, beating Microsoft in the process",
            "CleanSpark won a contract for a 100-megawatt site, beating Microsoft for the deal.",
        );
        no_deal_because(&d, "against: a competitor for a site or a contract");
        // "as the tenant exercises": a tenant acting, not the company leasing
        let d = decide(
            "Galaxy Digital's Helios gets a second CoreWeave phase as tenant exercises option for 260 MW",
            "CoreWeave exercised its option for an additional 260 MW of critical IT load at Helios.",
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn an_ai_cloud_party_a_described_customer_or_a_rally_amid_a_partnership_is_a_contract() {
        // an agreement with an AI cloud needs no workload word beside it
        let d = decide(
            "Core Scientific shares jump",
            "Core Scientific announced on Tuesday an expanded partnership with CoreWeave, \
             reaching a $6.7 billion agreement.",
        );
        deal_with(&d, "CoreWeave");
        // the customer named in the headline, described in the sentence that decides
        let d = decide(
            "Microsoft keeps buying AI capacity from IREN",
            "On Monday, the Redmond-based tech giant signed a $9.7 billion, five-year contract \
             with IREN to secure further AI cloud capacity.",
        );
        let det = d.detection.expect("a deal");
        assert_eq!(
            (det.ticker.as_str(), det.counterparty.as_str()),
            ("IREN", "Microsoft")
        );
        // a price move amid a partnership with a named AI cloud
        let d = decide(
            "Applied Digital soars 54% amid major cloud partnership with CoreWeave",
            "The shares closed at a record.",
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn a_dated_recap_or_a_contracted_total_announces_nothing() {
        for s in [
            "In Aug 2025, TeraWulf signed two 10-year AI hosting agreements with Fluidstack worth $3.7 billion.",
            "In late November 2025, IREN signed a five-year GPU cloud contract with Microsoft.",
            "TeraWulf has executed over $12.8 billion of long-term hosting contracts with Fluidstack.",
            "The new lease brings total contracted revenue to $11 billion across its leases.",
            "Its chief executive noted three 15-year leases with CoreWeave that bring $11 billion.",
        ] {
            assert!(!announces(s), "{s}");
        }
        // a date with its day is how an 8-K states a signing
        assert!(announces(
            "On June 2, 2025, Applied Digital entered into two 15-year leases with CoreWeave."
        ));
        assert_eq!(
            headline_class(
                "Soluna secures $30M from Spring Lane Capital to fund Project Dorothy 2"
            ),
            Some(Against::Financing)
        );
    }

    #[test]
    fn headlines_say_what_a_story_is_about() {
        for (t, want) in [
            (
                "IREN prices $875 million convertible notes offering",
                Against::Financing,
            ),
            (
                "Hut 8 closes $3.25 billion of senior secured notes for River Bend",
                Against::Financing,
            ),
            (
                "CoreWeave's $9B Core Scientific acquisition is a bid for more power",
                Against::Corporate,
            ),
            (
                "MARA Holdings secures 64% stake in Exaion",
                Against::Corporate,
            ),
            ("Hut 8 reports first quarter 2024 results", Against::Results),
            // a Chinese summary of a results call, "the second-quarter report's results meeting"
            ("Applied Digital 二季报业绩会总结", Against::Results),
            // a results call in traditional characters, and Korean results
            ("IREN 2026財年第一季度業績電話會", Against::Results),
            ("테라울프 3분기 실적", Against::Results),
            // comparisons and projections are an analyst's view
            (
                "Why Cipher Has a Clear Edge Over TeraWulf in AI Hosting",
                Against::Analyst,
            ),
            ("Better Buy: IREN or Applied Digital?", Against::Analyst),
            ("Cipher's 40% Upside After the AWS Deal", Against::Analyst),
            (
                "Two Miners Win Hyperscaler Contracts: the 2027 Revenue Upside",
                Against::Analyst,
            ),
            (
                "Galaxy shares climb after ERCOT approval to expand Helios power capacity",
                Against::Power,
            ),
            (
                "Applied Digital completes first phase of its North Dakota campus",
                Against::Milestone,
            ),
            (
                "Riot breaks ground on 1 GW data center in Corsicana",
                Against::Milestone,
            ),
            (
                "Galaxy wins interconnection approval for its Texas campus",
                Against::Power,
            ),
            (
                "Galaxy's Texas campus hits 1.6GW of capacity",
                Against::Milestone,
            ),
            (
                "TeraWulf price target raised to $21.50 at Roth",
                Against::Analyst,
            ),
            (
                "Iris Energy tumbles after short seller questions AI plans",
                Against::Legal,
            ),
            (
                "MARA and Starwood plan to convert mining sites to AI data centers",
                Against::Plan,
            ),
        ] {
            assert_eq!(headline_class(t), Some(want), "{t}");
        }
        // a lease's renewal upside is its options, not an analyst's
        assert_eq!(
            headline_class("Miner lands $7B, 15-year AI lease with $17.7B renewal upside"),
            None
        );
        assert_eq!(
            headline_class("Hut 8 signs $7 billion, 15-year lease with Fluidstack"),
            None
        );
    }

    #[test]
    fn a_financing_an_acquisition_or_a_stake_is_corporate_never_a_deal() {
        let d = decide(
            "Hut 8 closes $3.25 billion of senior secured notes for River Bend",
            "Hut 8 Corp. closed a $3.25 billion project financing for its River Bend AI data center campus.",
        );
        let det = d.detection.expect("recorded");
        assert_eq!(det.kind, Kind::Corporate);
        assert_eq!(det.deal_type, DealType::Financing);
        let d = decide(
            "MARA to acquire a majority stake in Exaion",
            "MARA Holdings, Inc. agreed to acquire a 64% stake in Exaion, an AI and HPC cloud provider, for about $168 million.",
        );
        let det = d.detection.expect("recorded");
        assert_eq!(
            (det.kind, det.deal_type),
            (Kind::Corporate, DealType::Acquisition)
        );
        assert!(
            det.reasons.iter().any(|r| r
                == "against: the company is not providing capacity to a customer (acquisition)"),
            "{:?}",
            det.reasons
        );
    }

    #[test]
    fn a_german_customer_won_in_a_results_story_is_the_company_the_sentences_before_are_about() {
        // a results story that opens on other miners, then tells of Bit Digital's HPC business
        // and a customer it won, the customer's sentence naming no company of the universe
        let d = decide(
            "Die Miner legen Zahlen vor",
            "TeraWulf und Cipher legten in der Vorwoche Zahlen vor, TeraWulf mit einem Rekord. \
             Nun folgte Bit Digital. \
             Der Umsatz stieg um gut das Dreifache auf 29 Millionen US-Dollar. \
             Bit Digital vermietet seine GPU-Server an KI-Firmen. \
             Das Management will dieses Geschäft ausbauen. \
             Mit dem Anbieter Boosteroid wurde ein neuer Kunde gewonnen. \
             Rund 20 Millionen US-Dollar soll die Vereinbarung in den kommenden drei Jahren einbringen.",
        );
        let det = d.detection.expect("a deal");
        assert_eq!(
            (
                det.kind,
                det.ticker.as_str(),
                det.counterparty.as_str(),
                det.terms.value_usd,
                det.terms.term_years
            ),
            (
                Kind::Deal,
                "BTBT",
                "Boosteroid",
                Some(20_000_000.0),
                Some(3.0)
            )
        );
        // a share price that gained is no customer won
        let d = decide(
            "Bit Digital legt zu",
            "Die Aktie von Bit Digital hat am Dienstag 12 Prozent gewonnen. Der Kunde Boosteroid bleibt.",
        );
        assert!(d.detection.is_none(), "{:?}", d.reasons);
    }

    #[test]
    fn a_partnership_in_french_or_german_is_a_contract_noun() {
        for (title, text) in [
            (
                "IREN et Microsoft",
                "IREN a annoncé un partenariat de 9,7 milliards de dollars avec Microsoft pour des services de cloud GPU.",
            ),
            (
                "IREN und Microsoft",
                "IREN hat eine Partnerschaft über 9,7 Milliarden US-Dollar mit Microsoft für GPU-Cloud-Dienste unterzeichnet.",
            ),
        ] {
            let det = decide(title, text).detection.expect("a deal");
            assert_eq!(
                (det.kind, det.counterparty.as_str(), det.terms.value_usd),
                (Kind::Deal, "Microsoft", Some(9.7e9)),
                "{text}"
            );
        }
    }

    #[test]
    fn a_closed_loop_or_a_portfolio_of_leases_is_no_deal_closed() {
        for (title, text) in [
            // a project tracker's line: "closed-loop" is an adjective, the lease an existing one
            (
                "Hut 8 River Bend campus compared",
                "Watch items are the utility's milestones, the $16M water-system expansion, closed-loop cooling claims and how much of the 1 GW potential is sold beyond the 245 MW first lease.",
            ),
            // a results summary's leases stated by what they represent
            (
                "Applied Digital Q2 earnings call",
                "Revenue for the quarter was $126.6 million, up 250%. \
                 The company has secured two hyperscale leases in North Dakota, representing 600 megawatts and about $16 billion in lease revenue.",
            ),
            // a plan carried out ("executed … initiatives") in a results release's quote
            (
                "Hut 8 Corp. (Nasdaq: HUT), an operator of energy infrastructure",
                "Hut 8 today announced its financial results for the quarter ended September 30.\n\u{201c}This quarter, we executed several strategic initiatives designed to drive growth in both AI and bitcoin mining,\u{201d} said the chief executive of Hut 8. \u{201c}Key initiatives, including a colocation partnership with a hardware maker and the launch of our GPU-as-a-Service vertical, are projected to add revenue.\u{201d}",
            ),
            // a campus already let
            (
                "Applied Digital update",
                "Applied Digital's 200 MW Polaris Forge 2 campus is currently leased to Oracle under a 15-year lease.",
            ),
            // a campus fully committed is a state of the business, not a signing
            (
                "Applied Digital expands Polaris Forge 2",
                "Applied Digital has secured full lease commitments for its first campus at 400 megawatts, generating about $11 billion in contracted revenue.",
            ),
        ] {
            let d = decide(title, text);
            assert!(d.detection.is_none(), "{text}: {:?}", d.reasons);
        }
        // a notes offering's proceeds for a campus already let
        let d = decide(
            "Applied Digital subsidiary proposes $2.15B senior secured notes",
            "- APLD ComputeCo 2 LLC intends to offer $2.15B of senior secured notes due 2031.\n\
             - Net proceeds to fund 200 MW critical IT load at Polaris Forge 2 AI Factory campus, currently leased to Oracle.",
        );
        assert_eq!(
            d.detection.map(|x| x.kind),
            Some(Kind::Corporate),
            "{:?}",
            d.reasons
        );
    }

    #[test]
    fn a_customers_option_after_a_sentence_naming_the_company_and_a_rally_on_a_joint_venture() {
        // the company's announcement, then the customer's move in a sentence of its own
        let d = decide(
            "Lake Mariner rastie",
            "Spoločnosť TeraWulf oznámila rozšírenie areálu Lake Mariner. \
             AI platforma Fluidstack využila možnosť rozšírenia o novú budovu s výkonom 120 megawattov.",
        );
        let det = d.detection.expect("a deal");
        assert_eq!(
            (
                det.ticker.as_str(),
                det.counterparty.as_str(),
                det.terms.capacity_mw
            ),
            ("WULF", "Fluidstack", Some(120.0))
        );
        // a rally after the company said it was adding capacity through a joint venture
        let d = decide(
            "TeraWulf shares climb",
            "TeraWulf's share price climbed 12% after the Nasdaq-listed company said it was adding more artificial intelligence compute power through a Google-backed joint venture with AI cloud company Fluidstack.",
        );
        assert_eq!(
            d.detection.map(|x| (x.kind, x.counterparty)),
            Some((Kind::Deal, "Fluidstack".to_string())),
            "{:?}",
            d.reasons
        );
    }

    #[test]
    fn of_two_dated_agreements_the_later_is_the_news_and_a_french_option_exercise_signs() {
        let text = "TeraWulf a annoncé un accord d'hébergement HPC de 10 ans avec Fluidstack le 14 août 2025, couvrant plus de 200 MW. \
                    Le 18 août 2025, Fluidstack a exercé son option d'expansion en louant un troisième bâtiment (B-3), ajoutant 160 MW de plus.";
        let det = decide_on("L'accord HPC de TeraWulf", text, Some("2025-08-19"))
            .detection
            .expect("a deal");
        assert_eq!(
            (det.deal_type, det.terms.capacity_mw),
            (DealType::Expansion, Some(160.0))
        );
        // an option exercised is a signing verb in French, Spanish, Italian and Portuguese
        for s in [
            "Fluidstack a exercé son option",
            "Fluidstack ejerció su opción",
            "Fluidstack ha esercitato l'opzione",
            "a Fluidstack exerceu a opção",
        ] {
            assert!(pats().verb.is_match(s), "{s}");
        }
    }

    #[test]
    fn strategies_retellings_analyst_targets_and_denials_are_no_deals() {
        for (title, text) in [
            // a strategy that will include hosting
            (
                "Iris Energy renews its HPC strategy",
                "Iris Energy has announced that it is revamping its strategy to include hosting high-performance computing for AI customers.",
            ),
            // a contract retold as the company's breakthrough
            (
                "IREN stock slides",
                "IREN's breakthrough happened recently when it inked a major deal with Microsoft, which will pay it $9.7 billion over five years.",
            ),
            // a miner that stays a hosting client after buying a site
            (
                "Applied Digital sells its Garden City site",
                "Applied Digital sold its Texas mining site to Marathon for $87 million. \
                 Marathon will remain a hosting client at Applied Digital's North Dakota data center even after acquiring the Texas facility. \
                 Applied Digital keeps its AI cloud work with Together AI.",
            ),
            // an analyst's initiation with targets
            (
                "Bernstein AI Power-Lease Thesis Lifts TeraWulf, Cipher; Target $36/$32",
                "Bernstein started coverage on TeraWulf and Cipher Mining with Outperform ratings.",
            ),
            // a groundbreaking that says it is not the lease
            (
                "Bitdeer's Alberta Site Adds Capacity, But Its Thesis Is Unchanged",
                "What happened\n\
                 Bitdeer broke ground on a 101 MW gas plant and a 100 MW data center in Alberta, adding to its footprint. \
                 The event involved local officials and shows execution on building out capacity, yet it is not the signed AI colocation lease that the bull case requires. \
                 Until a lease is signed, the story remains a wait.",
            ),
        ] {
            let d = decide(title, text);
            assert!(
                d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
                "{text}: {:?}",
                d.reasons
            );
        }
        // a headline whose company targets a figure is still its deal
        let d = decide(
            "IREN secures $9.7B Microsoft deal, targets $3.4B AI cloud ARR by 2026",
            "IREN signed a five-year $9.7 billion GPU cloud contract with Microsoft.",
        );
        assert_eq!(d.detection.map(|x| x.kind), Some(Kind::Deal));
    }

    #[test]
    fn an_earnings_preview_and_mining_farms_as_a_class_are_no_deals_and_ranks_of_miners_buy_nothing()
     {
        // an earnings preview that retells the year's customers
        let d = decide(
            "",
            "Applied Digital is scheduled to report fourth-quarter results on Jul 24. \
             In May, it launched its AI cloud. Following this, the company signed its first AI customer with an agreement worth up to $180 million over 24 months.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.reasons
        );
        // (an earnings preview heads an analyst's view; the company's own headline that signs
        // ahead of its results does not)
        assert_eq!(
            headline_class("Applied Digital is scheduled to report its results on Jul 24"),
            Some(Against::Analyst)
        );
        assert_eq!(
            headline_class("Applied Digital (APLD) to Report Q4 Earnings: What's in Store?"),
            Some(Against::Analyst)
        );
        assert_eq!(
            headline_class("IREN signs $9.7B Microsoft deal ahead of earnings"),
            None
        );
        assert!(
            pats()
                .miners_as_class
                .is_match("the AI shift of crypto mining farms")
        );
        // a research note's stages of mining farms turned AI landlords
        let d = decide(
            "The three stages of AI in crypto mining farms",
            "The AI shift of crypto mining farms comes in stages: in the first, power and halls are leased to AI computing clients.",
        );
        assert!(d.detection.is_none(), "{:?}", d.reasons);
        // "the ranks of miners" is no purchase of mining machines
        let d = decide(
            "Hut 8 signs AI colocation deal with Fluidstack",
            "Hut 8 signed a US$7 billion deal with Fluidstack for 245 MW over 15 years, joining the ranks of miners that pivoted to HPC.",
        );
        let det = d.detection.expect("a deal");
        assert_eq!(
            (det.kind, det.counterparty.as_str()),
            (Kind::Deal, "Fluidstack")
        );
    }

    #[test]
    fn a_pivot_a_plan_a_trade_idea_and_two_other_companies_news_are_no_deals() {
        for (title, text) in [
            // a profile's pivot announced, no customer
            (
                "TeraWulf: mining infrastructure and its HPC pivot",
                "The company has announced a strategic pivot toward HPC and AI hosting, seeking to repurpose its mining halls.",
            ),
            // a forum post's plan and a lease on the verge of closing
            (
                "The case for APLD",
                "Specifically, their plan is to lease out these data centers to tech giants. \
                 They are on the verge of closing a leasing deal in North Dakota worth at least $2 billion over ten years.",
            ),
            (
                "Applied Digital in North Dakota",
                "Applied Digital is on the verge of signing a 15-year lease with a hyperscaler for 200 MW in North Dakota.",
            ),
            // a trade idea under its heading
            (
                "",
                "Hook / Thesis\n\
                 Applied Digital has been one of the year's AI stories: the shares rallied on the promise of long-term hosting contracts.",
            ),
            // a price move after two other companies' news
            (
                "Applied Digital climbs 12%",
                "Applied Digital shares jumped 11.7% on Tuesday. \
                 The gains came after CoreWeave and Nvidia announced on Jan. 26 that they were deepening their partnership.",
            ),
        ] {
            let d = decide(title, text);
            assert!(
                d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
                "{text}: {:?}",
                d.reasons
            );
        }
    }

    #[test]
    fn the_company_must_provide_the_capacity_under_a_signed_agreement() {
        // the company is the tenant
        let d = decide(
            "TeraWulf signs ground lease for its Cayuga site",
            "TeraWulf Inc. signed a ground lease with the town for 100 acres to build an AI data center.",
        );
        no_deal_because(&d, "against: the company takes a lease from a landlord");
        // talks are not a signed lease
        let d = decide(
            "Cipher Mining in advanced discussions with hyperscalers for Barber Lake",
            "Cipher Mining said it is in advanced discussions with several hyperscalers to lease capacity at Barber Lake.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // a customer leasing from the company is the company providing it
        let d = decide(
            "CoreWeave to lease 250 MW from Applied Digital",
            "CoreWeave agreed to lease 250 MW of critical IT load from Applied Digital at Polaris Forge 1 under two 15-year leases.",
        );
        let det = d.detection.expect("a deal");
        assert_eq!((det.kind, det.ticker.as_str()), (Kind::Deal, "APLD"));
    }

    #[test]
    fn a_milestone_or_results_headline_is_no_deal_unless_the_text_states_a_new_contract() {
        let d = decide(
            "Applied Digital completes first 100 MW building at Polaris Forge 1",
            "Applied Digital signed a 15-year lease with CoreWeave for the whole building.",
        );
        no_deal_because(
            &d,
            "against: the headline is about construction or a milestone",
        );
        let recap = decide(
            "Applied Digital reports fiscal first quarter results",
            "Revenue grew on the existing CoreWeave leases at Polaris Forge 1, the company said.",
        );
        assert!(recap.detection.is_none(), "{:?}", recap.detection);
        // results that state a signing in the period report it (clustering links them to the
        // deal they report when it is stored)
        let signed = decide(
            "Applied Digital reports fiscal first quarter results",
            "During the quarter Applied Digital signed a lease with CoreWeave for 150 MW at Polaris Forge 1.",
        );
        let det = signed.detection.expect("a signing in results");
        assert!(det.reasons.iter().any(|r| r == RESULTS_REASON));
        let fresh = decide(
            "IREN reports Q1 FY26 results",
            "IREN signed new multi-year AI cloud contracts with Together AI and Fireworks AI during the quarter.",
        );
        let det = fresh.detection.expect("a new contract in results");
        assert_eq!(det.counterparty, "Together AI");
        assert!(
            det.reasons
                .iter()
                .any(|r| r == "for: results that state a new contract")
        );
        // a period "marked by major new lease agreements" names no one contract; "a customer
        // agreement" with its own terms does
        let vague = decide(
            "Applied Digital reports fiscal fourth quarter results",
            "The quarter was marked by a shift in the business and major new lease agreements for AI data centers.",
        );
        assert!(vague.detection.is_none(), "{:?}", vague.detection);
        let one = decide(
            "Hut 8 reports first quarter results",
            "After the quarter Hut 8 signed a customer agreement for GPU-as-a-service, with fixed infrastructure payments and a revenue share.",
        );
        assert!(one.detection.is_some(), "{:?}", one.reasons);
    }

    #[test]
    fn a_question_is_a_deal_only_when_its_text_opens_with_the_signing() {
        let d = decide(
            "Can Hut 8's $7 billion Fluidstack lease lift the stock further?",
            "Analysts are split on the stock after its run.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        let d = decide(
            "Applied Digital soars 48% on $7B AI deal: is this the next big infrastructure play?",
            "Applied Digital signed two 15-year leases with CoreWeave for 250 MW of critical IT load at Polaris Forge 1, worth about $7 billion.",
        );
        assert_eq!(d.detection.expect("a deal").counterparty, "CoreWeave");
    }

    #[test]
    fn a_purchase_to_support_a_contract_is_the_purchase() {
        let d = decide(
            "IREN secures $1.6B Dell Blackwell deal to scale AI cloud",
            "IREN announced a $1.6 billion purchase agreement with Dell for NVIDIA Blackwell systems to support a five-year AI cloud contract.",
        );
        no_deal_because(&d, "against: the company buys equipment or supplies");
        // the contract first, the purchase after it: the contract is announced
        let d = decide(
            "IREN signs AI cloud contract with Microsoft",
            "IREN signed a five-year AI cloud services contract with Microsoft and a purchase agreement with Dell for GB300 systems.",
        );
        assert_eq!(d.detection.expect("a deal").counterparty, "Microsoft");
        // an investment in the company is corporate
        assert_eq!(
            headline_class("Nvidia commits up to $2.1bn to IREN in 5GW neocloud deal"),
            Some(Against::Corporate)
        );
        // money raised "in funding" is a financing
        assert_eq!(
            headline_class("Galaxy said it has secured $1.4 billion in funding to expand Helios"),
            Some(Against::Financing)
        );
        assert_eq!(
            headline_class("Galaxy secured funding commitments from a hyperscaler tenant"),
            None
        );
        assert_eq!(
            headline_class("Hut 8 Secures $4.25 Billion Finance For Beacon Point Data Center"),
            Some(Against::Financing)
        );
        // shareholders turning down a bid, in Spanish; an investor's explainer; a Japanese note
        // on why a stock is cheap
        assert_eq!(
            headline_class("Los accionistas de Core Scientific rechazaron la oferta de CoreWeave"),
            Some(Against::Corporate)
        );
        assert_eq!(
            headline_class("Galaxy's Texas campus: what it means for investors"),
            Some(Against::Analyst)
        );
        assert_eq!(
            headline_class("ギャラクシー株が割安とされる理由"),
            Some(Against::Analyst)
        );
    }

    #[test]
    fn an_loi_with_a_client_is_flagged_whatever_the_headline() {
        let d = decide(
            "CleanSpark acquires 271 acres near Houston for AI data center",
            "CleanSpark also signed a non-binding letter of intent with a first AI hosting client for the site.",
        );
        assert_eq!(d.detection.expect("flagged").kind, Kind::Loi);
    }

    #[test]
    fn the_tenant_backstopped_by_a_guarantor_is_the_counterparty_across_the_document() {
        let d = decide(
            "TeraWulf signs HPC colocation leases with Fluidstack, backstopped by Google",
            "Google raises its stake in TeraWulf to 14%. TeraWulf signed two ten-year leases with Fluidstack for 200 MW of critical IT load.",
        );
        let det = d.detection.expect("a deal");
        assert_eq!(det.counterparty, "Fluidstack");
        assert_eq!(
            det.parties,
            vec![Party {
                role: PartyRole::Guarantor,
                name: "Alphabet".into()
            }]
        );
    }

    #[test]
    fn an_agreement_dated_weeks_before_the_story_is_recalled() {
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let published = day("2026-05-23");
        assert_eq!(
            stated_date(
                "signed on May 7, 2026, and effective June 30, 2026",
                published
            ),
            Some(day("2026-05-07"))
        );
        // a day without a year is the story's year's; one still to come is no signing date
        assert_eq!(stated_date("deliveries begin on June 1", published), None);
        // a word that starts like a month is none ("aproximadamente 3.200 millones" is no
        // April 3)
        assert_eq!(
            stated_date(
                "elevando su inversión a aproximadamente 3.200 millones; marcha 2 veces más",
                published
            ),
            None
        );
        assert_eq!(
            stated_date("signed Sept. 4, 2025, and announced a day later", published),
            Some(day("2025-09-04"))
        );
        assert_eq!(
            stated_date("signed on May 2", published),
            Some(day("2026-05-02"))
        );
        assert_eq!(
            stated_date("dated 2026-05-20", published),
            Some(day("2026-05-20"))
        );
        assert_eq!(stated_date("in March 2026", published), None);
        // the day before the month, in the languages that write it so
        for (s, d) in [
            ("firmó el 7 de mayo de 2026 un acuerdo", "2026-05-07"),
            ("hat am 7. Mai 2026 unterzeichnet", "2026-05-07"),
            ("annoncé le 7 mai 2026", "2026-05-07"),
            ("annunciato il 7 maggio", "2026-05-07"),
            ("signed on 7 May 2026", "2026-05-07"),
            (
                "On 7 Apr 2026 the company announced it finalised a lease",
                "2026-04-07",
            ),
            ("signed on 7 Mar. 2026", "2026-03-07"),
            ("2026年5月7日に締結", "2026-05-07"),
            ("2026년 5월 7일 체결", "2026-05-07"),
        ] {
            assert_eq!(stated_date(s, published), Some(day(d)), "{s}");
        }
        assert_eq!(stated_date("up to 20 may sign", published), None);
        let title = "Mining farms turn to AI: colocation, bare metal and cloud";
        let lead = "The $3.4 billion AI cloud contract signed between IREN and NVIDIA on May 7, 2026 shows a former miner selling managed GPU cloud services.";
        no_deal_because(
            &decide_on(title, lead, Some("2026-05-23")),
            "against: the agreement is dated 2026-05-07, the story 2026-05-23",
        );
        // within the week an 8-K has, or with no date known, it is the announcement
        deal_with(&decide_on(title, lead, Some("2026-05-11")), "NVIDIA");
        deal_with(&decide_on(title, lead, None), "NVIDIA");
    }

    #[test]
    fn the_party_the_opening_buys_from_is_no_customer() {
        let d = decide(
            "IREN jumps on $1.6 billion Dell deal for its AI cloud",
            "IREN shares rose on Tuesday. The company signed a $1.6bn purchase agreement with Dell for air-cooled Blackwell systems.",
        );
        no_deal_because(
            &d,
            "against: the company buys equipment or supplies, from Dell",
        );
        // the customer's access to the company's GPUs is no purchase by the company
        let d = decide(
            "Microsoft signs $9.7B AI cloud pact with IREN",
            "Microsoft has secured a five-year, $9.7B capacity deal with IREN, including a 20% prepayment for access to NVIDIA GB300 GPUs.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn a_purchase_that_supports_an_existing_contract_names_the_vendor_even_in_a_recalling_sentence()
    {
        // the sentence recalls the cloud contract ("to support its ... contract") and names the
        // purchase: Dell is the vendor, and the headline's "Dell deal" is no customer contract
        let d = decide(
            "IREN climbs on $1.6 billion Dell deal to grow its AI cloud",
            "The agreement lifts IREN's projected revenue.\nIREN signed a $1.6bn purchase agreement with Dell for Blackwell systems to support its multi-year AI cloud services contract.",
        );
        no_deal_because(
            &d,
            "against: the company buys equipment or supplies, from Dell",
        );
    }

    #[test]
    fn a_deal_whose_next_sentence_buys_equipment_is_that_purchase() {
        let text = "In a sign of how fast the sector moves, IREN has announced a $1.6 billion deal with Dell Technologies. The goal? To acquire NVIDIA’s newest Blackwell systems for its AI cloud.";
        let d = decide(
            &crate::crawl::feed::first_words(text, crate::crawl::feed::TITLE_WORDS),
            text,
        );
        no_deal_because(
            &d,
            "against: the company buys equipment or supplies, from Dell",
        );
    }

    #[test]
    fn a_site_or_financing_that_follows_or_supports_an_earlier_contract_announces_none() {
        for s in [
            "The funding follows TeraWulf's earlier $3.7 billion hosting agreement with Fluidstack.",
            "It builds on the company's previous ten-year colocation lease with Fluidstack.",
            "Bit Digital took a site near Montreal to build a data center supporting its 5 MW colocation contract with Cerebras.",
            "The site will serve as a base to serve its existing hosting agreements.",
            "The building will become a Tier 3 data center built to accommodate a 5 MW colocation agreement with Cerebras.",
        ] {
            assert!(!announces(s), "{s}");
        }
        let d = decide(
            "TeraWulf lines up $3 billion funding package with Morgan Stanley",
            "TeraWulf is arranging a $3 billion funding package for its data center build-out. The deal follows TeraWulf's earlier $3.7 billion AI hosting agreement with Fluidstack.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
        // a lease-to-own of a site is the company taking a site
        assert_eq!(
            not_provider_or_not_signed(
                "Bit Digital secured a lease-to-own arrangement for a Quebec building.",
                |_| false
            ),
            Some(LESSEE)
        );
    }

    #[test]
    fn warrants_a_guarantor_receives_are_no_acquisition_by_the_company() {
        let d = decide(
            "TeraWulf and Google strike AI infrastructure partnership",
            "TeraWulf secured a partnership with Google for its AI infrastructure.\n\
             Under the agreement, Google will backstop $1.8 billion of Fluidstack's lease obligations.\n\
             In exchange, Google received warrants to acquire about 41 million shares of TeraWulf common stock.\n\
             The deal supports two ten-year HPC colocation agreements under which TeraWulf will lease 200 MW to Fluidstack for $3.7 billion.",
        );
        deal_with(&d, "Fluidstack");
        // the guarantor's stake taken as part of a term data-center agreement
        let d = decide(
            "Google takes a stake in Cipher Mining",
            "Google has acquired a 5.4% stake in Cipher Mining as part of a $3 billion, 10-year data center agreement between Cipher and Fluidstack.\nCipher will deliver 168 MW at its Barber Lake site.",
        );
        deal_with(&d, "Fluidstack");
        // buying a stake is still an acquisition
        let d = decide(
            "Bit Digital to acquire stake in AI cloud",
            "Bit Digital signed an agreement to acquire a 64% stake in Exaion, an AI cloud provider.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
    }

    #[test]
    fn an_item_titled_with_its_own_first_words_is_headed_by_its_first_sentence_whole() {
        assert!(derived_title(
            "Bit Digital has secured a lease-to-own deal for a site…",
            "Bit Digital has secured a lease-to-own deal for a site in Quebec to support its contract."
        ));
        assert!(!derived_title("Bit Digital signs…", "Hut 8 signs a lease."));
        assert!(!derived_title(
            "Bit Digital signs a lease",
            "Bit Digital signs a lease."
        ));
        // cut at "web…", the title reads as a signing; whole, it is a site for an existing contract
        let d = decide(
            "Bit Digital, Inc. has secured a lease-to-own settlement for a 202,000-square-foot…",
            "Bit Digital, Inc. has secured a lease-to-own settlement for a 202,000-square-foot building in Quebec to develop a Tier 3 data center supporting its 5MW colocation contract with Cerebras.\nThe facility is set to go live by July 2025.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // and a Spanish lead with no title of its own still announces its contract
        let d = decide(
            "Microsoft ha firmado un acuerdo por unos US$9.700 millones con el fin…",
            "Microsoft ha firmado un acuerdo por unos US$9.700 millones con el fin de adquirir capacidad informática de inteligencia artificial de IREN.\nEl acuerdo tiene una vigencia de 5 años.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn a_company_described_by_its_trade_names_no_contract() {
        let d = decide(
            "Core Scientific soars 30% on report that CoreWeave again seeks to acquire the bitcoin mining and hosting company",
            "Both companies are said to be in advanced talks, and a deal could come within weeks.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
        assert!(!names_contract("the bitcoin mining and hosting company"));
        assert!(!names_contract("Fluidstack, an AI cloud provider"));
        assert!(!names_contract(
            "a 320 MW AI factory hosting 100,000+ GPUs, sending its stock up"
        ));
        assert!(names_contract("a hosting agreement with CoreWeave"));
    }

    #[test]
    fn a_total_the_opening_recalls_or_a_contract_to_fulfil_is_no_new_agreement() {
        let d = decide(
            "TeraWulf just landed $12.8 billion in AI data center contracts with Fluidstack",
            "TeraWulf announced it has executed over $12.8 billion in long-term contracted revenue with Fluidstack and a Google-backed joint venture.",
        );
        no_deal_because(&d, "against: the opening recalls the same $12800 million");
        let d = decide(
            "Galaxy raises $1.4 billion for Helios",
            "This financing will enable Galaxy to fulfill its 15-year lease agreement with CoreWeave.",
        );
        assert!(d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal));
        assert!(!announces(
            "Shares are higher, continuing a rally fueled by an expanded lease with CoreWeave."
        ));
    }

    #[test]
    fn a_customer_described_leaves_the_counterparty_undisclosed_and_a_reader_buying_is_no_purchase()
    {
        let d = decide(
            "Why Applied Digital stock rocketed 44% today",
            "Applied Digital said its subsidiary has signed a $180 million, 24-month contract to serve a \"major AI customer.\" Demand for models such as those of Microsoft keeps growing.",
        );
        let det = d.detection.expect("a deal");
        assert_eq!(det.counterparty, "undisclosed", "{:?}", det.reasons);
        assert_eq!(det.terms.term_years, Some(2.0));
        assert_eq!(
            headline_class(
                "TeraWulf soars after Google's AI bet: is it too late to buy WULF stock now"
            ),
            None
        );
        assert_eq!(
            headline_class("Cipher Mining discloses illustrative financials for 244 MW lease"),
            Some(Against::Results)
        );
    }

    #[test]
    fn an_investment_note_that_retells_a_deal_is_no_deal() {
        let d = decide(
            "Riot Platforms: AMD today, many AI players tomorrow",
            "Summary Riot Platforms is rated Buy, driven by its pivot to AI hosting. Riot signed a 10-year, $311 million lease with AMD for 25 MW.",
        );
        no_deal_because(&d, "against: an investment note's rating");
        // a news report that mentions analysts is still the news
        let d = decide(
            "Riot signs $311 million lease with AMD",
            "Riot signed a 10-year, $311 million lease with AMD for 25 MW. Analysts kept their ratings.",
        );
        deal_with(&d, "AMD");
    }

    #[test]
    fn deals_read_in_other_languages() {
        let d = decide(
            "Microsoft signe un contrat de 9,7 milliards de dollars avec IREN pour des capacités cloud d'IA",
            "Le contrat de cinq ans porte sur des GPU NVIDIA au Texas.",
        );
        deal_with(&d, "Microsoft");
        let d = decide(
            "Applied Digital annonce un contrat de 5 milliards de dollars",
            "Applied Digital a annoncé la signature d'un bail de 5 milliards de dollars avec un hyperscaler américain non identifié pour 200 MW.",
        );
        deal_with(&d, "undisclosed");
        // a German compound of "Vertrag" with an unnamed hyperscaler
        let d = decide(
            "Applied-Digital-Aktie schließt tiefer",
            "Die Aktie schloss am Mittwoch tiefer.\nApplied Digital hat am Mittwoch einen milliardenschweren Infrastrukturvertrag mit einem nicht namentlich genannten US-Hyperscaler unterzeichnet.",
        );
        deal_with(&d, "undisclosed");
        // "will rent capacity to AMD" in Spanish
        let d = decide(
            "Riot Platforms se diversifica hacia la IA",
            "Riot Platforms compró el terreno de su campus de Rockdale. Según la prensa, la firma alquilará capacidad de su nuevo centro de datos a AMD.\nLos primeros 25 megavatios estarán disponibles en mayo.",
        );
        deal_with(&d, "AMD");
        // the same in Italian: "will rent space in the new facility to AMD"
        let d = decide(
            "Riot Platforms punta sui centri dati",
            "Riot Platforms ha comprato il terreno del suo campus di Rockdale. Secondo la stampa, la società affitterà spazio nel nuovo centro dati a AMD.\nI primi 25 megawatt saranno pronti a maggio.",
        );
        deal_with(&d, "AMD");
        // German past perfect: "after the company had announced ..." recalls
        assert!(!announces(
            "Die Aktie stieg, nachdem das Unternehmen bekannt gegeben hatte, dass es zwei Colocation-Verträge mit Fluidstack unterzeichnet hat."
        ));
        assert!(!announces(
            "Die Aktie schloss höher, nachdem das Unternehmen mitgeteilt hatte, dass Fluidstack seine Option auf weitere 160 MW ausgeübt hat."
        ));
        // an opening that closes a deal makes the agreement the next sentence describes signed
        let d = decide(
            "TeraWulf macht Schlagzeilen",
            "TeraWulf hat einen zukunftsweisenden Deal abgeschlossen, der für Aufsehen sorgt. Im Zentrum steht eine Vereinbarung mit dem Cloud-Anbieter Fluidstack über mehr als 200 Megawatt Rechenzentrumskapazität im Wert von 3,7 Milliarden US-Dollar.",
        );
        deal_with(&d, "Fluidstack");
        // a takeover in German is no customer's agreement; a customer "acquiring" capacity in
        // Spanish is one
        let d = decide(
            "Der 9-Milliarden-Dollar-Deal von CoreWeave mit Core Scientific",
            "CoreWeave hat eine endgültige Vereinbarung zur Übernahme von Core Scientific in einer reinen Aktientransaktion getroffen.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
        let d = decide(
            "Microsoft firma con IREN",
            "Microsoft ha firmado un acuerdo de unos US$9.700 millones para adquirir capacidad de cómputo de inteligencia artificial de IREN.",
        );
        deal_with(&d, "Microsoft");
        // a joint venture agreed with a named AI cloud to build and serve a data center
        let d = decide(
            "TeraWulf und Fluidstack gründen Joint Venture",
            "Gemeinsam mit der KI-Cloud-Plattform Fluidstack hat TeraWulf ein 25-jähriges Joint Venture im Umfang von rund 9,5 Milliarden US-Dollar für ein Rechenzentrum mit 168 MW vereinbart.",
        );
        deal_with(&d, "Fluidstack");
        // "had signed in June": an agreement recalled
        assert!(!announces(
            "Applied Digital hatte erst im Juni zwei Verträge mit CoreWeave abgeschlossen."
        ));
    }

    #[test]
    fn the_party_of_the_deciding_sentence_comes_before_a_company_the_headline_names() {
        // the headline names the guarantor with no role; the agreement's own sentence its tenant
        let d = decide(
            "Why Google picked a bitcoin miner as its new AI ally",
            "TeraWulf signed two 10-year leases with Fluidstack for 200 MW of critical IT load at Lake Mariner.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_guarantors_stake_in_the_headline_leaves_the_lease_the_news() {
        let d = decide(
            "Google Acquires 5.4% Cipher Stake in $3 Billion Fluidstack Deal",
            "Cipher Mining entered into a 10-year colocation agreement with Fluidstack for 168 MW, worth about $3 billion. Google will backstop $1.4 billion of Fluidstack's lease obligations and receives warrants for about 24 million Cipher shares.",
        );
        deal_with(&d, "Fluidstack");
        // the same headline as the page's first line under a title that is furniture
        let d = decide(
            "Share this article",
            "Google Acquires 5.4% Cipher Stake in $3 Billion Fluidstack Deal\nFluidstack has signed a $3 billion agreement under which Cipher Mining supplies 168 MW of IT load.\nGoogle backstops $1.4 billion of the lease obligations.",
        );
        deal_with(&d, "Fluidstack");
        // a warrant with no backstop behind a tenant is an investment, whatever the headline adds
        let d = decide(
            "Why NVIDIA Took A $2.1B Warrant In IREN, Not Just A Contract",
            "NVIDIA took a warrant for IREN shares worth $2.1 billion beside its $3.4 billion cloud contract.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
        // the company itself bought: still an acquisition
        let d = decide(
            "CoreWeave takes Core Scientific in all-stock deal, ending its stake talks",
            "CoreWeave agreed to acquire Core Scientific in an all-stock transaction; the hosting agreements between them end with the merger and no backstop is needed.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
        // shares taken through a hosting contract, in Japanese: the taker guarantees, not rents
        let t = "GoogleがAIホスティング契約を通じてCipher Miningの株式を取得";
        let start = t.find("Google").unwrap();
        assert_eq!(party_role(t, start, start + 6), Role::Guarantor);
        // a guarantee of money is a guarantor's; an agreement that "guarantees capacity" is not
        let t = "Alphabet took its stake by guaranteeing $900 million of the tenant's rent.";
        assert_eq!(party_role(t, 0, 8), Role::Guarantor);
        let t = "The deal with Nscale guarantees critical IT load capacity of 200 MW.";
        let start = t.find("Nscale").unwrap();
        assert_eq!(party_role(t, start, start + 6), Role::Counterparty);
    }

    #[test]
    fn fresh9_decisions_from_the_wording_of_real_coverage() {
        // hosting bitcoin miners for another company is no AI or HPC deal, in a sentence or as
        // the story's subject; the same words beside AI capacity change nothing
        let d = decide(
            "Bitfarms signs a second hosting agreement",
            "Bitfarms signed a second hosting agreement with an undisclosed partner to host another 10,000 miners in Pennsylvania.",
        );
        no_deal_because(&d, "against: bitcoin mining machines hosted");
        let d = decide(
            "Bitfarms to deploy 600 PH/s of hashrate in Pennsylvania",
            "Bitfarms said it has entered into an agreement with an undisclosed counterparty to develop 120 MW of power capacity in Sharon.",
        );
        no_deal_because(&d, "against: the story is of bitcoin mining");
        let d = decide(
            "TeraWulf signs 10-year HPC colocation lease with Fluidstack",
            "TeraWulf signed a 10-year HPC colocation lease with Fluidstack for 200 MW at Lake Mariner, where it also runs 12 EH/s of hashrate.",
        );
        deal_with(&d, "Fluidstack");
        // a results release describing the company's trade is no contract
        let d = decide(
            "Key Highlights",
            "Core Scientific, a leader in high-density colocation services, today announced financial results for the fourth quarter of 2025.",
        );
        assert!(d.detection.is_none(), "{:?}", d.reasons);
        // "para adquirir" a company is a takeover; "para adquirir capacidad" a customer's purchase
        let d = decide(
            "CoreWeave fecha acordo de US$ 9 bilhões para adquirir a Core Scientific",
            "A CoreWeave fechou um acordo de US$ 9 bilhões para adquirir sua rival Core Scientific, em uma transação totalmente em ações.",
        );
        not_a_deal(&d);
        let d = decide(
            "Microsoft firma un acuerdo con IREN",
            "Microsoft firmó un acuerdo de 9.700 millones de dólares con IREN para adquirir capacidad de nube de IA durante cinco años.",
        );
        deal_with(&d, "Microsoft");
        // a customer signing "with IREN for Nvidia chips" buys from the company
        let d = decide(
            "Microsoft signs $9.7 billion contract with IREN for Nvidia chips",
            "IREN said on Monday it has signed a $9.7 billion cloud services contract with Microsoft, giving it access to Nvidia GB300 processors over five years.",
        );
        deal_with(&d, "Microsoft");
        // the recent extension of a contract, an announcement after which a financing came, and
        // a contract to be ended are no new agreement
        let d = decide(
            "Applied Digital sube tras sus resultados",
            "La reciente extensión del contrato con CoreWeave le asegura 150 megavatios adicionales durante quince años.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        let d = decide(
            "Cipher Mining 上调可转换债券发行规模",
            "Cipher Mining 在宣布与Fluidstack达成约30亿美元的高性能计算托管协议后,将可转换债券的发行规模上调至11亿美元。",
        );
        not_a_deal(&d);
        let d = decide(
            "Galaxy Digital завершит контракт с Argo",
            "Компания Galaxy Digital планирует завершить контракт на размещение оборудования Argo Blockchain на своём объекте Helios.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn fresh9_parties_named_by_what_they_are_and_openings_under_furniture() {
        // a German lessor's verb
        let d = decide(
            "TeraWulf: Deal mit Google",
            "Der Deal sieht vor, dass TeraWulf zehn Jahre lang 200 Megawatt KI-Rechenleistung an Fluidstack vermietet.",
        );
        deal_with(&d, "Fluidstack");
        // "the technology giant" is the one customer the headline names
        let d = decide(
            "Microsoft's big bet on IREN",
            "The announcement of a $9.7 billion five-year agreement with the technology giant sent IREN's shares up 20% before the open.",
        );
        deal_with(&d, "Microsoft");
        // a furniture title over an opening that states the company's deal: no passing mention
        let d = decide(
            "Every time you ask a chatbot a question […]",
            "A hyperscaler just handed a large contract to a former miner.\nIREN secured a $9.7 billion five-year deal to provide Microsoft with access to GPUs at its Texas campus.\nBitcoin miners are turning into AI landlords: Cipher Mining, TeraWulf, Hut 8 and Core Scientific rallied too.",
        );
        deal_with(&d, "Microsoft");
        // ... but an opening naming several companies is a round-up
        let d = decide(
            "A look back at the year miners became AI landlords",
            "From Core Scientific to Hut 8, miners signed long-term leases with AI tenants.\nCore Scientific signed hosting contracts with CoreWeave, and TeraWulf, Cipher Mining and IREN followed.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // with no headline naming a company, a sentence naming only another company of the
        // universe tells that company's deal, not the story's
        let d = decide(
            "",
            "Google has helped strike yet another deal with a miner.\nOn Thursday, Cipher Mining said it had signed a lease with Fluidstack for its Texas site.\nIn August, TeraWulf announced that it had signed a $3.7 billion AI hosting lease with Fluidstack.",
        );
        deal_with(&d, "Fluidstack");
        assert_eq!(
            d.detection.as_ref().map(|x| x.ticker.as_str()),
            Some("CIFR")
        );
    }

    #[test]
    fn sentences_split_a_summarys_cited_points_and_a_stop_that_lost_its_space() {
        assert_eq!(
            sentences(
                "Microsoft signs with IREN [1][11] - The deal eases its power crunch [2] - Shares rose"
            ),
            [
                "Microsoft signs with IREN [1][11]",
                "The deal eases its power crunch [2]",
                "Shares rose"
            ]
        );
        // a section's heading after a point's citations, before the next point
        assert_eq!(
            sentences(
                "Hosting revenue rose 15% [14] Market Data and Key Metrics Changes - The company has two leases [5] - Demand - Rising"
            ),
            [
                "Hosting revenue rose 15% [14]",
                "Market Data and Key Metrics Changes",
                "The company has two leases [5]",
                "Demand - Rising"
            ]
        );
        // ... a heading in a script without capitals, before a point opening with a capital
        assert_eq!(
            sentences("可扩容至200 MW[3] 土地收购 - Riot以9600万美元购地[2] - 交易已完成"),
            [
                "可扩容至200 MW[3]",
                "土地收购",
                "Riot以9600万美元购地[2]",
                "交易已完成"
            ]
        );
        assert_eq!(
            sentences("Demand keeps rising.Several miners moved first. Visit Amazon.com today."),
            [
                "Demand keeps rising.",
                "Several miners moved first.",
                "Visit Amazon.com today."
            ]
        );
    }

    #[test]
    fn a_sentence_opening_with_an_outside_listed_company_and_its_ticker_is_its_news() {
        // a listed company outside the universe and its customers, by name and ticker, with no
        // company of the universe in the sentence: that company's deal, not the miner's
        let d = decide(
            "Soluna Holdings (SLNH) gains as power names rally",
            "Soluna Holdings shares rose 4% in early trading on Tuesday.\n\
             Meanwhile, Oklo Inc. (OKLO) jumped 9% on a deal to supply power to Amazon's data centers.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        assert!(
            d.reasons
                .iter()
                .any(|r| r.starts_with("against: another listed company's news")),
            "{:?}",
            d.reasons
        );
        // the universe's own company by name and ticker is its news
        let d = decide(
            "Miners rally on Tuesday",
            "Shares of bitcoin miners rose in early trading.\n\
             Meanwhile, Cipher Mining (CIFR) signed a 10-year lease with Fluidstack for 168 MW at its Barber Lake site.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_signing_between_two_other_named_companies_is_not_the_companys_deal() {
        // the cause of a move is a deal between two other companies, each named
        let d = decide(
            "Applied Digital climbs with AI names",
            "Applied Digital shares were up 6% on Wednesday after a rally in AI stocks, after a chipmaker raised its outlook, and Nscale landed a multibillion-dollar GPU deal from Microsoft.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        assert!(
            d.reasons
                .iter()
                .any(|r| r.starts_with("against: another company's agreement")),
            "{:?}",
            d.reasons
        );
        // a point of a stock page that tells such a deal (its bullet, a comma inside its amount,
        // the partner named after what it is)
        let d = decide_doc(
            "Why Applied Digital shares jumped this week",
            "Key Points",
            "• Microsoft has signed a $10 billion, four-year compute deal with the cloud company Nebius.\n\n• Investors took it as a sign of strong demand.\n\nShares of Applied Digital rose 20% this week.",
            None,
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // the customer signing with the company, or with a backer's support, is the company's
        let d = decide(
            "Applied Digital climbs",
            "Applied Digital shares were up 6% on Wednesday after CoreWeave signed a 15-year lease with Applied Digital for 150 MW.",
        );
        deal_with(&d, "CoreWeave");
        let d = decide(
            "TeraWulf jumps",
            "TeraWulf shares jumped after Fluidstack signed a 10-year colocation deal with Google's backing for 200 MW at Lake Mariner.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn an_analysis_that_cites_the_companys_deals_is_a_view_not_a_signing() {
        let d = decide(
            "IREN closed the week lower",
            "IREN ended Friday at $41.10, down about 3%.\n\
             Meanwhile, a separate research-desk analysis from Friday casts IREN as less reliant on one anchor customer, citing new multi-year AI cloud contracts signed with Together AI and Fireworks AI.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        assert!(
            d.reasons
                .iter()
                .any(|r| r.starts_with("against: an analysis's view")),
            "{:?}",
            d.reasons
        );
        // a report of the signing is still the news
        let d = decide(
            "IREN signs with Together AI",
            "A report on Friday said IREN signed a multi-year AI cloud contract with Together AI.",
        );
        deal_with(&d, "Together AI");
    }

    #[test]
    fn an_ai_customer_contract_finalized_is_a_customer_contract() {
        // a stock page that quotes a release of four days before: the release's headline is the
        // signing, its customer not named
        let d = decide_on(
            "Bit Digital stock edges higher",
            "Bit Digital shares rose 2% on Friday.\n\
             On Monday the company said that Bit Digital Announces Finalized AI Customer Contract Terms and a Datacenter Location.\n\
             The customer takes the computing power of 1,504 GPUs for three years.",
            Some("2023-11-24"),
        );
        deal_with(&d, "undisclosed");
        assert_eq!(
            d.detection.as_ref().and_then(|x| x.terms.term_years),
            Some(3.0)
        );
    }

    #[test]
    fn the_deal_described_after_its_signing_counts_its_place_without_repeats_and_subheads() {
        // the headline told again and a subhead stand before the signing; the sentence after it
        // describes the deal it closed
        let d = decide(
            "Soluna Secures Major $200 Million Contract",
            "Soluna Secures Major $200 Million Contract\n\n\
             Soluna Marks A New Milestone\n\
             Soluna Holdings has secured a landmark contract at its Project Dorothy site.\n\
             The deal, worth about $200 million, involves a five-year hosting agreement with an AI cloud company.",
        );
        deal_with(&d, "undisclosed");
        assert_eq!(
            d.detection.as_ref().and_then(|x| x.terms.term_years),
            Some(5.0)
        );
    }

    #[test]
    fn an_expansion_confirmed_on_a_recent_earnings_call_is_recalled() {
        let d = decide(
            "Galaxy Secures a $3 Billion Contract",
            "Galaxy has secured a new contract at its Helios campus.\n\
             The deal, valued at $3 billion, involves a 15-year lease agreement with an investment-grade hyperscaler for 150 MW of critical IT.\n\
             This contract is not the company's only recent win.\n\
             During a recent earnings call, the chief executive confirmed the expansion of a long-term lease with CoreWeave to 400 MW.",
        );
        deal_with(&d, "undisclosed");
        assert_eq!(
            d.detection.as_ref().and_then(|x| x.terms.capacity_mw),
            Some(150.0)
        );
    }

    #[test]
    fn revenue_expected_once_leases_get_signed_is_no_signing() {
        let d = decide(
            "CleanSpark slips with bitcoin",
            "CleanSpark shares fell 3% on Monday as bitcoin slid.\n\
             Analysts like the plan to turn its mining sites into AI colocation campuses, with hundreds of millions in recurring revenue once long-term leases get signed.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // a lease signed is signed
        let d = decide(
            "CleanSpark signs an AI lease",
            "CleanSpark signed a 10-year AI colocation lease with Fluidstack for 100 MW at its Georgia campus.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn walking_away_from_mining_is_no_termination_and_an_ai_compute_deal_is_a_contract() {
        let d = decide(
            "Galaxy turns its Texas site to AI",
            "Galaxy Digital walked away from bitcoin mining this week and signed a $4.5 billion AI compute deal for its Helios campus.",
        );
        deal_with(&d, "undisclosed");
        // walking away from a deal ends it
        assert!(
            pats()
                .termination
                .is_match("Cipher walked away from the merger talks.")
        );
        assert!(pats().termination.is_match("The buyer walked away."));
        assert!(
            !pats()
                .termination
                .is_match("Galaxy walked away from bitcoin mining")
        );
    }

    #[test]
    fn a_capacity_contract_is_a_customer_contract_and_access_guaranteed_is_no_backing() {
        // a subhead the customer signs, the body's access "guaranteed" to it (no guarantor)
        let d = decide(
            "Secondo un giornale, IREN è passata dalla crisi a un grande accordo con Microsoft",
            "I fondatori hanno quotato la società nel 2021.\n\
             Microsoft firma un contratto di capacità a lungo termine\n\
             L'accordo dura cinque anni.\n\
             L'accordo garantisce a Microsoft l'accesso a una parte della capacità dell'azienda.",
        );
        deal_with(&d, "Microsoft");
        let d = decide(
            "IREN news",
            "Microsoft signs a long-term capacity contract with IREN for five years.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn capacity_contracts_of_the_companys_power_business_are_power_not_a_customer() {
        // a grid operator's capacity contracts won by the company's power joint venture
        let d = decide(
            "Hut 8's Power JV Wins 250 MW of Three-Year Capacity Contracts in Alberta",
            "The joint venture's three gas plants will be paid a fixed amount per megawatt-day from 2027.\n\
             Hut 8 shares rose 6% on the news.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        has_reason(&d, "against: the headline is about power or a utility");
        // a customer's capacity contract under a plain headline is still one
        let d = decide(
            "Hut 8 Wins 250 MW of Ten-Year Capacity Contracts From a Hyperscaler",
            "The hyperscaler will lease 250 MW of critical IT at the company's campus in Texas.",
        );
        assert!(d.detection.is_some(), "{:?}", d.reasons);
    }

    #[test]
    fn a_social_media_post_about_a_deal_and_what_a_customer_has_since_done_are_no_news() {
        let d = decide(
            "How a rescue became an AI landlord",
            "Galaxy bought a mining site from a distressed miner three years ago.\n\
             In a post on X on Monday, a fund manager highlighted that Galaxy's turn accelerated after it signed a 15-year hosting lease with CoreWeave worth about $4.5 billion.\n\
             The stock has lagged its peers.",
        );
        not_a_deal(&d);
        assert!(
            d.reasons
                .iter()
                .any(|r| r.starts_with("against: a social-media post's view")),
            "{:?}",
            d.reasons
        );
        assert!(!announces(
            "CoreWeave has since exercised options that take up the site's whole 800 MW."
        ));
        // a management's record of leases is its past
        assert!(!announces(
            "Management's track record of signing HPC leases with Fluidstack adds to its credibility."
        ));
        assert!(announces(
            "CoreWeave today exercised options that take up the site's whole 800 MW."
        ));
    }

    #[test]
    fn deals_listed_after_what_the_company_has_been_pursuing_are_recalled() {
        let d = decide(
            "Market mood and Cipher's year so far",
            "Cipher Mining shares fell 2% after a television host called the stock a trade, not an investment.\n\
             Despite the doubts, Cipher has been actively pursuing large expansions.\n\
             The company bought a site in West Texas for its next campus.\n\
             Meanwhile, Cipher finalized an agreement with Fluidstack to deliver 168 MW of colocation capacity at Barber Lake.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // a signing told as today's news after such a sentence is the news
        let d = decide(
            "Cipher signs with Fluidstack",
            "Cipher has been actively pursuing large expansions.\n\
             Today Cipher finalized an agreement with Fluidstack to deliver 168 MW of colocation capacity at Barber Lake.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn an_ai_labs_agreement_with_its_own_terms_is_a_customer_contract() {
        // Italian "ha stretto un accordo" with an AI lab, its term and value stated
        let d = decide(
            "Giornata di festa per gli azionisti di un miner",
            "Le azioni salgono in doppia cifra.\n\
             Il miner Cipher Mining ha stretto un accordo con Anthropic, che durerà 10 anni per 3 miliardi di dollari.",
        );
        deal_with(&d, "Anthropic");
        // an agreement with an AI lab with no terms of its own is no customer contract
        let d = decide(
            "Cipher and Anthropic",
            "Cipher Mining has struck an agreement with Anthropic to study cooling designs.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn an_analysis_headline_in_other_languages_and_a_chinese_target_price_are_views() {
        let d = decide(
            "Pagsusuri: ang $11 bilyong HPC hosting deal ng Applied Digital kasama ang CoreWeave",
            "Ang deal ng Applied Digital (Nasdaq: APLD) ay naglalagay sa kumpanya sa parehong liga ng ibang miners.",
        );
        no_deal_because(&d, "against: commentary");
        let d = decide(
            "Análisis: el acuerdo de Cipher Mining con AWS por 5.500 millones de dólares",
            "El acuerdo de arrendamiento cambia el perfil de la empresa.",
        );
        no_deal_because(&d, "against: commentary");
        let d = decide(
            "券商上调TeraWulf评级",
            "某券商将TeraWulf的评级从中性上调至跑赢大盘,并将其目标股价从10美元提升至20美元。\n\
             报告指出,TeraWulf与Fluidstack签署了为期10年的租约,涉及200兆瓦。",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn a_chinese_all_stock_transaction_is_a_takeover_not_a_hosting_deal() {
        let d = decide(
            "CoreWeave与Core Scientific",
            "CoreWeave宣布与比特币矿企Core Scientific达成一项价值约90亿美元的全股票交易协议,以获得其电力和数据中心资源。",
        );
        not_a_deal(&d);
        assert_eq!(
            d.detection.as_ref().map(|x| x.kind),
            Some(crate::model::DealKind::Corporate)
        );
    }

    #[test]
    fn sentences_split_points_run_into_one_line_in_a_script_without_capitals() {
        // a summary's points in Chinese, each after a dash between spaces (after a letter of
        // the script or a citation); a dash before a Latin name, or between English words,
        // opens nothing
        assert_eq!(
            sentences("业绩回顾 - 第三季度营收增长两成[2] - 托管收入创新高 - Fluidstack 租约"),
            [
                "业绩回顾",
                "第三季度营收增长两成[2]",
                "托管收入创新高 - Fluidstack 租约"
            ]
        );
        assert_eq!(
            sentences("The miner - a former host - signed a lease."),
            ["The miner - a former host - signed a lease."]
        );
    }

    #[test]
    fn a_german_abkommen_and_the_signing_announced_as_a_noun_are_a_contract_signed() {
        // "Abkommen" (agreement) with a neocloud, under a headline about something else
        let d = decide(
            "Google steigt bei Cipher Mining ein",
            "• Cipher Mining schließt ein zwölfjähriges Abkommen mit Fluidstack für ein \
             KI-Rechenzentrum.",
        );
        deal_with(&d, "Fluidstack");
        // "die Unterzeichnung … bekannt gegeben" (announced the signing)
        let d = decide(
            "Cipher Mining meldet neuen Mieter",
            "Cipher Mining hat am Montag die Unterzeichnung eines zwölfjährigen Colocation-Abkommens mit \
             dem KI-Anbieter Fluidstack bekannt gegeben.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn czech_slovak_and_polish_signings_leases_and_options_are_read() {
        // (my own sentences, the shapes of XTB's Czech and Slovak and Polish wire copy)
        for (text, value, years) in [
            (
                "Společnost Cipher Mining podepsala s firmou Fluidstack smlouvu o pronájmu \
                 datového centra pro AI na 10 let v hodnotě 3 miliard dolarů.",
                Some(3e9),
                Some(10.0),
            ),
            (
                "Spoločnosť Hut 8 podpísala s Fluidstack zmluvu o prenájme dátového centra pre AI \
                 na 15 rokov v hodnote 7 miliárd dolárov.",
                Some(7e9),
                Some(15.0),
            ),
            (
                "Hut 8 podpisał z Fluidstack umowę najmu centrum danych AI na 15 lat o wartości \
                 7 mld USD.",
                Some(7e9),
                Some(15.0),
            ),
            (
                "Hut 8 zawarł z Fluidstack umowę dzierżawy centrum danych dla AI.",
                None,
                None,
            ),
            // a hosting contract concluded ("uzavřením … smlouvy o hostingu"), its worth in the
            // next sentence's agreement ("Dohoda přinese …")
            (
                "Společnost Hut 8 posílila byznys s AI uzavřením dvou smluv o výpočetním hostingu \
                 s poskytovatelem cloudu Fluidstack.\nDohoda přinese 2 miliardy USD příjmů.",
                Some(2e9),
                None,
            ),
            // a contract with no lease word, a lease with no contract word
            (
                "Společnost Cipher Mining podepsala s firmou Fluidstack smlouvu na dodávku \
                 výpočetního výkonu pro AI.",
                None,
                None,
            ),
            (
                "Hut 8 podpisał z Fluidstack najem centrum danych dla AI.",
                None,
                None,
            ),
        ] {
            let d = decide("", &format!("{text}\nDalší text."));
            let got = d.detection.as_ref().map(|x| {
                (
                    x.counterparty.as_str(),
                    x.terms.value_usd,
                    x.terms.term_years,
                )
            });
            assert_eq!(
                got,
                Some(("Fluidstack", value, years)),
                "{text}: {:?}",
                d.reasons
            );
        }
        // a customer exercising its option ("využila opci", "skorzystał z opcji") adds capacity
        for text in [
            "Fluidstack využila opci na rozšíření kampusu TeraWulf o novou budovu s výkonem 160 \
             megawattů pro AI.",
            "Fluidstack skorzystał z opcji rozbudowy kampusu TeraWulf o nowy budynek o mocy 160 \
             megawatów dla AI.",
        ] {
            let d = decide("", &format!("{text}\nDalší text."));
            let got = d
                .detection
                .as_ref()
                .map(|x| (x.counterparty.as_str(), x.deal_type, x.terms.capacity_mw));
            assert_eq!(
                got,
                Some(("Fluidstack", DealType::Expansion, Some(160.0))),
                "{text}: {:?}",
                d.reasons
            );
        }
    }

    #[test]
    fn a_guarantee_of_access_makes_no_guarantor_of_the_customer() {
        // a prepayment "to guarantee delivery": the customer paying ahead, no backer; the
        // hardware vendor named beside it is no customer
        let d = decide(
            "Microsoft signs a cloud deal with IREN",
            "Microsoft signed a $9.7 billion cloud-hosting agreement with IREN.\nIt comes with a $5.8 billion hardware deal with Dell for GB300 systems.\nMicrosoft paid about 20% up front to guarantee delivery.",
        );
        deal_with(&d, "Microsoft");
        let d = decide(
            "Microsoft firma con IREN",
            "Microsoft firmó un acuerdo de cinco años con IREN por unos US$ 9.700 millones para \
             usar su nube de IA.\nAsí Microsoft garantiza acceso preferente a los chips de Nvidia \
             instalados en Texas.",
        );
        deal_with(&d, "Microsoft");
        // "pour garantir une capacité", "para garantir o poder da computação": the customer
        // securing capacity, no backer
        let d = decide(
            "",
            "Microsoft a conclu lundi un contrat de cinq ans avec IREN pour garantir une capacité \
             supplémentaire dans le cloud.\nIREN exploite le site au Texas.",
        );
        deal_with(&d, "Microsoft");
        let d = decide(
            "",
            "A Microsoft assinou um acordo de cinco anos com a IREN, para garantir o poder que \
             lhe falta na nuvem.\nA IREN hospedará o hardware no Texas.",
        );
        deal_with(&d, "Microsoft");
        // the same at a sentence's start ("Garantir essa capacidade …"), and a Romance
        // "garantir" of anything but money, rent or a contract ensures, it backs nothing
        let d = decide(
            "",
            "A Microsoft assinou um acordo de cinco anos com a IREN.\nGarantir essa capacidade \
             de um fornecedor especializado é a estratégia da Microsoft.",
        );
        deal_with(&d, "Microsoft");
        let d = decide(
            "",
            "Microsoft a conclu un contrat de cinq ans avec IREN.\nLe déploiement par phases \
             garantit une intégration conforme au calendrier de Microsoft.",
        );
        deal_with(&d, "Microsoft");
        // (a guarantee of rent still backs: the hyperscaler giving it is never the customer)
        let d = decide(
            "",
            "Cipher Mining a conclu un bail de dix ans avec Microsoft pour son campus au Texas.\n\
             Microsoft garantit le loyer du bail.",
        );
        assert_ne!(
            d.detection.map(|x| x.counterparty),
            Some("Microsoft".to_string()),
            "{:?}",
            d.reasons
        );
        // ("Garantiza acceso …" opening a sentence is a guarantee of access too)
        let d = decide(
            "Microsoft firma con IREN",
            "Microsoft firmó un acuerdo de cinco años con IREN para usar su nube de IA.\n\
             Garantiza acceso preferente durante 5 años a los chips de Nvidia para Microsoft.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn the_ai_cloud_whose_lease_is_backed_is_the_tenant_not_the_lab_the_campus_serves() {
        let d = decide(
            "Hut 8 lands a $7 billion AI campus deal",
            "Hut 8 announced a $7 billion deal to build an AI campus in Louisiana for \
             Anthropic.\nGoogle guarantees the payments of the 15-year lease should Fluidstack, \
             the AI cloud renting the campus, fall short.",
        );
        deal_with(&d, "Fluidstack");
        // named beside the AI cloud as partners
        let d = decide(
            "Hut 8 stock jumps on $7 billion AI campus lease",
            "Hut 8 signed a $7 billion lease in a partnership with the AI lab Anthropic and the \
             cloud operator Fluidstack.\nGoogle guarantees the 15-year lease payments of \
             Fluidstack.",
        );
        deal_with(&d, "Fluidstack");
        // a lab that signs with the company is its customer, whatever lease another sentence
        // backs
        let d = decide(
            "Hut 8 signs a $1 billion AI lease with Anthropic",
            "Hut 8 signed a 10-year, $1 billion AI lease with Anthropic.\nElsewhere, Google \
             guarantees the lease payments of Fluidstack.",
        );
        deal_with(&d, "Anthropic");
        // a backed lease of another company of the universe changes nothing
        let d = decide(
            "Hut 8 lands a $7 billion AI campus deal",
            "Hut 8 announced a $7 billion deal to build an AI campus in Louisiana for \
             Anthropic.\nAt Cipher Mining, Google guarantees the lease payments of Fluidstack.",
        );
        deal_with(&d, "Anthropic");
    }

    #[test]
    fn a_headline_naming_only_the_deals_backer_takes_its_tenant_from_the_opening() {
        // the opening in a language the patterns do not read (Polish)
        let d = decide(
            "Google-Backed $3B AI Deal Sends Cipher Mining Stock Soaring",
            "Google-Backed $3B AI Deal Sends Cipher Mining Stock Soaring\nAkcje Cipher Mining \
             wzrosły o 20% po ogłoszeniu dziesięcioletniej umowy z firmą Fluidstack, której \
             płatności gwarantuje Google.",
        );
        deal_with(&d, "Fluidstack");
        // a price move on a deal whose headline names no backer is not read so
        let d = decide(
            "$3B AI Deal Sends Cipher Mining Stock Soaring",
            "$3B AI Deal Sends Cipher Mining Stock Soaring\nAkcje Cipher Mining wzrosły o 20% \
             po ogłoszeniu dziesięcioletniej umowy z firmą Fluidstack.",
        );
        assert_ne!(
            d.detection.as_ref().map(|x| x.counterparty.as_str()),
            Some("Fluidstack"),
            "{:?}",
            d.reasons
        );
    }

    #[test]
    fn a_company_called_a_bitcoin_miner_in_russian_hosts_no_mining_machines() {
        let d = decide(
            "Биткоин-майнер Cipher Mining подписал договор аренды с Fluidstack",
            "Биткоин-майнер Cipher Mining подписал десятилетний договор аренды с Fluidstack на \
             168 МВт.",
        );
        deal_with(&d, "Fluidstack");
        // machines hosted still are
        let d = decide(
            "Cipher Mining разместит майнеры клиента",
            "Cipher Mining подписал договор о размещении 5000 майнеров клиента.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn an_article_laid_out_as_case_studies_is_commentary() {
        let d = decide(
            "Wie Google Bitcoin-Miner finanziert",
            "Google steht hinter dem Umbau der Miner zu KI-Anbietern.\nDie Fallstudien: TeraWulf \
             und Cipher\nTeraWulf unterzeichnete einen 10-jährigen Colocation-Vertrag mit \
             Fluidstack.",
        );
        not_a_deal(&d);
        let d = decide(
            "How hyperscalers pay for miners' AI pivots",
            "Credit from Google made the leases bankable.\nCase studies\nCipher Mining signed a \
             10-year colocation agreement with Fluidstack for 168 MW.",
        );
        not_a_deal(&d);
        // two companies set side by side, or their contracts evaluated, in the headline
        let comparison =
            "TeraWulf's 10-year, 200 MW hosting agreement with Fluidstack is backed by Google.";
        not_a_deal(&decide(
            "TeraWulf vs. Cipher: which AI hosting contract holds up",
            comparison,
        ));
        not_a_deal(&decide(
            "Evaluating TeraWulf's AI hosting contract catalysts for 2026",
            comparison,
        ));
        deal_with(
            &decide(
                "TeraWulf signs AI hosting contract with Fluidstack",
                comparison,
            ),
            "Fluidstack",
        );
    }

    #[test]
    fn a_funding_drawn_for_a_leased_campus_is_no_customer_contract() {
        let title = "Applied Digital and its investor complete the first funding of a $5.0 billion financing partnership";
        let d = decide(
            title,
            "The first funding of $112.5 million was provided by the investor's funds to build the 400 MW campus in Ellendale, which has leased all 400 MW to CoreWeave.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
        // the same headline over an opening whose subject signs the lease is the contract
        let d = decide(
            title,
            "CoreWeave signed a new lease for 150 MW at the Ellendale campus, which the funding will help build.",
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn a_research_report_a_funding_and_a_financing_tied_to_a_contract_are_not_deals() {
        // a headline whose news is a research report's warning, over a recap of the contract
        let d = decide(
            "IREN's Microsoft Deal Lifts AI Hopes, Yet Research Report Flags Valuation Risks",
            "IREN Limited announced a $9.7 billion, five-year contract with Microsoft. However, the report flags high multiples and heavy debt.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        assert_eq!(
            headline_class("Yet DeepValue Report Flags Risks"),
            Some(Against::Analyst)
        );
        // a funding's headline over a risk note that names the company's leases
        let d = decide(
            "Cipher Mining Announces $2B Funding as Stock Falls",
            "Success depends on timely execution of HPC projects like Barber Lake and AWS leases, which lack disclosed economics.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        assert_eq!(
            headline_class("TeraWulf is aiming to raise $3.2 billion to develop Lake Mariner"),
            Some(Against::Financing)
        );
        assert_eq!(
            headline_class("IREN's Strategic Shift Weighs on Quarterly Performance"),
            Some(Against::Results)
        );
        // a financing tied to the contract is the financing, not the contract
        let d = decide(
            "IREN's shift to AI",
            "IREN announced $3.6 billion in GPU financing, linked to its Microsoft contract, with an interest rate of under 6%.",
        );
        assert!(
            d.detection
                .as_ref()
                .is_some_and(|x| x.deal_type == DealType::Financing),
            "{:?}",
            d.detection
        );
        // contracted revenue listed with the deals in it is a total, not one new deal
        let d = decide(
            "IREN Selloff Reflects Execution Risks",
            "A bullish article highlights IREN's secured power of 4.5 GW and contracted AI ARR of $2.3 billion, including deals with Microsoft and a cloud provider in Prince George, targeting $3.4 billion by 2026.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn a_title_that_is_furniture_gives_way_to_the_texts_first_sentence() {
        // "What's Happening?" over a notes offering that recalls the contracts it funds
        let d = decide(
            "What's Happening?",
            "What's Happening?\nTeraWulf is aiming to raise $3.2 billion to develop Lake Mariner, a hybrid data center. The company plans to sell senior secured notes to institutional investors. The notes are due in five years. TeraWulf has signed contracts with Fluidstack, an AI cloud provider, granting access to significant capacity at Lake Mariner.",
        );
        assert!(d.detection.is_none(), "{:?}", d.reasons);
        // the same furniture over a signing: the signing is the headline
        let d = decide(
            "What's Happening?",
            "What's Happening?\nTeraWulf has signed a 10-year lease with Fluidstack for 200 MW of critical IT load at Lake Mariner.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn another_companys_deal_after_a_while_makes_a_sentence_a_roundup() {
        let d = decide(
            "",
            "Meta and Microsoft raise their AI budgets for 2026. Several miners follow the trend. Iren hat einen mehrjährigen Cloud-Service-Vertrag mit Microsoft abgeschlossen, während Cipher Mining eine Partnerschaft mit Amazon eingegangen ist.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // a "while" clause that tells no other company's deal leaves the deal
        let d = decide(
            "",
            "Miners follow the trend. IREN signed a $9.7 billion cloud services contract with Microsoft, while its shares rose 20% premarket.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn a_customer_securing_access_to_the_companys_capacity_is_its_contract() {
        let d = decide(
            "Microsofts Pakt mit IREN",
            "Über fünf Jahre sichert sich Microsoft Zugriff auf IRENs KI-Rechenkapazitäten in Texas.",
        );
        deal_with(&d, "Microsoft");
        let d = decide(
            "Microsoft's bet on IREN",
            "For five years Microsoft secures access to IREN's AI compute in Texas.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn a_hyperscaler_enlarging_its_backing_tells_no_new_agreement() {
        // the stake made larger, the AI cloud's lease named without a capacity: a financing
        let d = decide(
            "Google lifts its TeraWulf stake to 14% with a larger backstop",
            "- Google increased its stake in TeraWulf to 14% through a $3.2 billion backstop of Fluidstack's lease at Lake Mariner.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
        let d = decide(
            "Googles Anteil an TeraWulf wächst",
            "Der Schritt gehört zu einer erweiterten Finanzvereinbarung, in der Google Fluidstacks Mietvertrag mit TeraWulf mit 3,2 Milliarden US-Dollar absichert.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
        // with the new capacity stated, the agreement it backs is news
        let d = decide(
            "Google lifts its TeraWulf stake to 14% with a larger backstop",
            "- Google increased its stake in TeraWulf to 14% through a $3.2 billion backstop of Fluidstack's new 160 MW lease at Lake Mariner.",
        );
        deal_with(&d, "Fluidstack");
        let d = decide(
            "Google lifts its TeraWulf stake to 14% with a larger backstop",
            "Google lifted its stake in TeraWulf to 14% from 8% with a further $1.4 billion backstop. Fluidstack has also taken a further 160-megawatt lease at Lake Mariner.",
        );
        deal_with(&d, "Fluidstack");
        // "raises the stakes" is an idiom, no stake enlarged
        let d = decide(
            "Big Tech raises the stakes on AI hosting: Google guarantees $1.4 billion of Fluidstack's bonds at Cipher",
            "Cipher Mining shares rose 8% on Thursday. The ten-year agreement between Cipher and Fluidstack is worth $3 billion.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_hyperscalers_stake_beside_an_ai_clouds_deal_tells_the_ai_clouds_deal() {
        // the stake is the news of the opening; the AI cloud's agreement its reason
        let d = decide(
            "Google becomes TeraWulf's largest shareholder",
            "Tech giant Google acquired 14% of TeraWulf's shares, becoming its largest shareholder. The move came as Google raised its financial support by $3.2 billion as part of a deal between TeraWulf and AI cloud Fluidstack. Under a 10-year lease, Google may buy 73 million shares.",
        );
        deal_with(&d, "Fluidstack");
        // in Indonesian: the largest shareholder ("pemegang saham terbesar")
        let d = decide(
            "Google jadi pemegang saham terbesar TeraWulf",
            "Google telah menjadi pemegang saham terbesar TeraWulf dengan kepemilikan 14%. Fluidstack memperluas sewa pusat data di Lake Mariner.",
        );
        deal_with(&d, "Fluidstack");
        // a percentage of the shares, in Indonesian and Portuguese
        let d = decide(
            "Google umumkan investasi di Cipher Mining",
            "Google resmi mengakuisisi 5,4% saham Cipher Mining. Langkah ini disertai kesepakatan US$3 miliar dengan Fluidstack.",
        );
        deal_with(&d, "Fluidstack");
        let d = decide(
            "Google deve adquirir 14% da empresa de mineração de bitcoin",
            "A TeraWulf está ampliando sua parceria com a Fluidstack em Lake Mariner.",
        );
        deal_with(&d, "Fluidstack");
        let d = decide(
            "Google poderá deter até 14% de empresa de mineração",
            "Em uma reviravolta no contrato entre a TeraWulf e a Fluidstack, o Google poderá deter até 14% das ações da companhia.",
        );
        deal_with(&d, "Fluidstack");
        // the company's own notes are a financing, whoever backs the tenant
        let d = decide(
            "TeraWulf's busy week",
            "TeraWulf said it will raise $3.2 billion through senior secured notes to build out Lake Mariner. Google, which raised its stake to 14%, backs Fluidstack's lease obligations at the campus.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
        // nor when the company issues bonds to build the campus its guarantor's tenant takes
        let d = decide(
            "Hut 8 issues $3 billion in investment-grade bonds for AI data centers tied to Google",
            "Hut 8 is issuing investment-grade secured bonds to fund the campus. Google backs the lease of Fluidstack, the campus's tenant.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
        // a stake recalled is no news of an agreement
        let d = decide(
            "TeraWulf's busy week",
            "TeraWulf shares rose 5%. Google, which raised its stake to 14% earlier this month, backs the company's tenant. Fluidstack is the campus's tenant.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
    }

    #[test]
    fn a_line_stopping_at_a_comma_goes_on_into_a_bracket_or_a_lower_case_word() {
        assert_eq!(
            sentences(
                "Riot signed its first big tenant,\n(AMD), for 25 MW. Shares rose.\nNext,\nThe end"
            ),
            [
                "Riot signed its first big tenant,\n(AMD), for 25 MW.",
                "Shares rose.",
                "Next,",
                "The end"
            ]
        );
        let d = decide(
            "Riot's bet on AI",
            "The validation came swiftly. Riot signed its first major hyperscale tenant,\n(AMD), for an initial 25 megawatts of critical IT load. The lease has a 10-year initial term.",
        );
        deal_with(&d, "AMD");
    }

    #[test]
    fn sentences_end_at_a_rule_of_dashes_and_at_points_run_into_one_line() {
        assert_eq!(
            sentences(
                "Filings digest ===== Filer: Example Corp. (APLD) Form: 8-K Applied Digital \
                 adds a tenant ---------- - New 10-year lease for 100 MW at the campus. - Backlog \
                 grows to $9 billion; most of it rated. - Opens in 2028."
            ),
            [
                "Filings digest",
                "Filer: Example Corp. (APLD) Form: 8-K Applied Digital adds a tenant",
                "New 10-year lease for 100 MW at the campus.",
                "Backlog grows to $9 billion; most of it rated.",
                "Opens in 2028."
            ]
        );
        // a dash between words, a range and three dashes stay inside
        assert_eq!(
            sentences("A 10-year term - the longest yet --- and 5-7 MW more."),
            ["A 10-year term - the longest yet --- and 5-7 MW more."]
        );
    }

    #[test]
    fn a_filing_summary_run_into_one_line_finds_its_new_lease() {
        // the summary's furniture, its headline and its points on one line, apart by rules; a
        // feed item without a title is headed by its first words
        let d = decide(
            "filings.example — 8-K digest ========== Filer: Applied Digital Corp. (APLD) CIK:…",
            "filings.example — 8-K digest ========== Filer: Applied Digital Corp. (APLD) CIK: \
             0001144879 Form: 8-K Filed: 2026-04-23T22:00:00+00:00 Kind: material event Tone: \
             upbeat Weight: 0.8 Items: 7.01, 9.01 Summarised by: a language model Applied Digital \
             books $7.5B hyperscaler lease, contracted backlog >$23B ---------- - New 15-year \
             lease with a U.S. investment-grade hyperscaler for 300 MW of IT load at the Delta \
             Forge 1 campus. - Total contracted lease revenue \
             climbs past $23 billion. - The campus opens in mid-2027.",
        );
        let det = d.detection.as_ref().expect("a deal");
        assert_eq!(det.ticker, "APLD");
        // decided by the point that states the lease, not by the whole line of furniture
        assert_eq!(
            det.evidence,
            "New 15-year lease with a U.S. investment-grade hyperscaler for 300 MW of IT load at \
             the Delta Forge 1 campus."
        );
        assert_eq!(det.terms.capacity_mw, Some(300.0));
        assert_eq!(det.terms.term_years, Some(15.0));
        // the lease's own value, not the running total of the next point
        assert_eq!(det.terms.value_usd, Some(7.5e9));
    }

    #[test]
    fn a_guarantors_stake_headline_finds_the_tenants_lease_further_into_the_text() {
        // no size in the headline, the lease after an embedded list of bullets
        let d = decide(
            "Google lifts its TeraWulf stake as Lake Mariner grows with Fluidstack",
            "Google is now TeraWulf's largest holder after raising its backstop to $3.2 billion.\nThe step comes with more AI capacity at the Lake Mariner campus.\nHighlights\n✔ Contracted load now tops 360 MW\n✔ Same economics as the earlier halls\n✔ More to come\nAt a holder call TeraWulf said the backstop covers lease obligations under a 10-year colocation agreement with Fluidstack.\nFluidstack has exercised its option to add a new 160 MW hall.",
        );
        deal_with(&d, "Fluidstack");
        // in Portuguese, the backstop ("garante") four sentences on, the stake "participação"
        let d = decide(
            "O Google passou a ser o maior acionista da TeraWulf ao elevar sua participação para 14%.",
            "O Google passou a ser o maior acionista da TeraWulf ao elevar sua participação para 14%.\nA fatia vem de um contrato de arrendamento de colocation de 10 anos entre a TeraWulf e a Fluidstack.\nO Google recebeu o direito de comprar mais ações.\nA diretora de estratégia falou em validação.\nO apoio do Google garante as obrigações de arrendamento da Fluidstack no novo prédio.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_contract_the_text_dates_weeks_back_never_hides_the_one_the_headline_signs() {
        let d = decide_on(
            "Applied Digital signs a $5B AI lease with U.S. based hyperscaler",
            "The company told investors it had signed a new lease worth $5 billion with an American hyperscaler.\nIn June, Applied Digital announced a pair of long leases with CoreWeave covering 250 megawatts.",
            Some("2025-10-22"),
        );
        deal_with(&d, "undisclosed");
    }

    #[test]
    fn a_customers_pact_for_chips_is_its_access_to_them_not_the_company_buying() {
        let d = decide(
            "IREN and Microsoft: the software giant inks a $9.7 billion AI cloud pact for Nvidia chips",
            "Microsoft has agreed a five-year, $9.7 billion cloud services deal with IREN that gives it access to Nvidia chips.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn a_deal_the_company_reveals_is_announced_one_revealed_in_a_source_is_not() {
        let d = decide(
            "Market Pulse",
            "On Monday IREN revealed an AI cloud computing deal with Microsoft worth $9.7 billion, and the stock rose 30%.",
        );
        deal_with(&d, "Microsoft");
        not_a_deal(&decide(
            "Miners pivot to AI compute",
            "A $920 million monthly deal between Google and SpaceX for GPU access, revealed in a newsletter, shows compute is scarce, said Core Scientific's chief.",
        ));
    }

    #[test]
    fn a_second_ai_customer_is_an_undisclosed_party() {
        let d = decide(
            "APLD slips even as it secures its second AI customer",
            "Applied Digital fell in early trade although it has secured its second artificial intelligence (AI) customer, under a contract of up to $460 million for three years.",
        );
        deal_with(&d, "undisclosed");
    }

    #[test]
    fn a_summary_citing_a_source_per_point_is_news_not_a_reference_article() {
        let d = decide(
            "微软的算力赌注",
            "Key points - Microsoft has signed a $9.7 billion, five-year GPU cloud contract with IREN [1][11] - Power, not chips, is what Microsoft lacks [2][4] - The miner now sells AI cloud capacity [10][15]",
        );
        deal_with(&d, "Microsoft");
        // its points' sources set right after their words, one point citing two
        let d = decide(
            "微软的算力赌注",
            "Key points - Microsoft has signed a $9.7 billion, five-year GPU cloud contract with IREN[1] - Microsoft pays 20% up front[1] - IREN builds 200 MW of liquid-cooled halls for it[1][11] Why it matters - Power, not chips, is what Microsoft lacks[2] - The miner now sells AI cloud capacity[10]",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn an_agreement_signed_last_year_or_a_deal_that_stays_in_focus_is_recalled() {
        not_a_deal(&decide(
            "TeraWulf y su estrategia",
            "TeraWulf busca entre 250 y 500 MW de nuevos contratos de HPC al año. Core42 sigue entre sus clientes con un arrendamiento de 72,5 MW firmado a finales del año pasado.",
        ));
        not_a_deal(&decide(
            "IREN stock climbs 11% as its Microsoft AI cloud deal stays front and center",
            "By Friday noon IREN was up 10.6% after a filing disclosed its $9.7 billion GPU cloud contract with Microsoft.",
        ));
        not_a_deal(&decide(
            "By: A. Writer",
            "Core Scientific shares jumped 30% this week.\nIn Texas Core Scientific currently hosts the servers of CoreWeave and has expanded the hosting it sells them.",
        ));
        not_a_deal(&decide(
            "Buying data centers beats building them",
            "A newsletter on cloud infrastructure.\nOwning the sites, CoreWeave would control the AI hosting capacity it is already renting from Core Scientific and could expand it.",
        ));
    }

    #[test]
    fn a_tenants_obligations_in_korean_make_it_no_guarantor() {
        // "Fluidstack의 리스 의무 … 보증": Google guarantees Fluidstack's obligations
        let d = decide(
            "Google takes 5.4% of Cipher Mining",
            "Cipher Mining signed a 10-year HPC colocation agreement with Fluidstack worth about $3 billion.\n구글이 Fluidstack의 리스 의무 가운데 14억 달러를 보증한다.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_strategy_a_secured_financing_or_a_takeover_announces_no_contract() {
        not_a_deal(&decide(
            "Iris Energy renews its strategy around hosting HPC beside bitcoin mining",
            "Iris Energy is returning to a strategy around hosting HPC for AI customers, it said.",
        ));
        not_a_deal(&decide(
            "IREN rebounds after a weak week",
            "The financing for its Microsoft contract is secured, the company says, yet investors want new AI customers.",
        ));
        not_a_deal(&decide(
            "Buying data centers beats building them",
            "Inside: CoreWeave has shelled out $9 billion in shares for Core Scientific.\nCoreWeave signs for direct control of the 840 MW it leases from Core Scientific.",
        ));
    }

    #[test]
    fn a_hosting_agreement_that_never_says_ai_with_an_unnamed_client_is_no_ai_deal() {
        no_deal_because(
            &decide(
                "EX-10.4 Hosting Services Agreement",
                "Under this agreement Greenidge South Carolina LLC, as host, signs to give a client whose name is withheld rack space, power, hosting and colocation for the client's equipment at its facility.",
            ),
            "against: the text never says AI",
        );
    }

    #[test]
    fn deals_read_in_indonesian() {
        let d = decide(
            "Applied Digital teken sewa AI",
            "Untuk kapasitas AI di North Dakota, Applied Digital menandatangani kesepakatan senilai $5 miliar selama 15 tahun dengan hyperscaler berbasis AS.",
        );
        deal_with(&d, "undisclosed");
        let t = &d.detection.as_ref().unwrap().terms;
        assert_eq!((t.value_usd, t.term_years), (Some(5e9), Some(15.0)));
    }

    #[test]
    fn deals_read_in_filipino() {
        // "Sinusuportahan ng Google ang …": Google backs the deal, so it is its guarantor, and the
        // amount it backs is no value; "bilyon" is billion, "10-taong" ten years
        let d = decide(
            "Google at TeraWulf: Malaking HPC Hosting Deal",
            "Sinusuportahan ng Google ang $3.2 bilyong HPC hosting deal ng TeraWulf kasama ang Fluidstack. Pumirma ang TeraWulf ng 10-taong HPC hosting agreement kasama ang Fluidstack na nagkakahalaga ng $3.7 bilyon.",
        );
        deal_with(&d, "Fluidstack");
        let x = d.detection.as_ref().unwrap();
        assert_eq!(
            (x.terms.value_usd, x.terms.term_years),
            (Some(3.7e9), Some(10.0))
        );
        assert_eq!(
            x.parties,
            [Party {
                role: PartyRole::Guarantor,
                name: "Alphabet".into()
            }]
        );
    }

    #[test]
    fn critical_it_load_is_ai_capacity_and_mining_colocation_is_mining() {
        // a lease of critical IT load in a story that opens on mining machines
        let d = decide(
            "Riot 卖币换地: 矿机之外的新生意",
            "Riot Platforms 与 AMD 签署了一份数据中心租赁协议, 首批 25 兆瓦关键 IT 负载年中上线。",
        );
        deal_with(&d, "AMD");
        // "Co-Location-Mining-Dienstleistungen": bitcoin miners hosted
        not_a_deal(&decide(
            "Riot verlegt einen Teil seiner Bitcoin-Produktion",
            "Riot Blockchain hat einen Vertrag über Co-Location-Mining-Dienstleistungen mit dem Rechenzentrum Coinmint abgeschlossen. Die KI-Pläne ruhen.",
        ));
    }

    #[test]
    fn a_contract_korean_or_chinese_calls_signed_before_is_recalled() {
        // "체결한 … 계약으로": through the contract signed (an analysis of results)
        not_a_deal(&decide(
            "채굴에서 AI로",
            "Galaxy Digital의 2분기 실적 요약.\nCoreWeave와 체결한 526MW 계약으로 회사는 해마다 10억 달러가 넘는 매출을 기대합니다.",
        ));
        // "近期签署": recently signed, by another company's customer
        not_a_deal(&decide(
            "Bitfarms: 适合风险偏好投资者的AI机会",
            "CoreWeave 的大客户有微软, 还有近期签署了142亿美元协议的Meta。",
        ));
    }

    #[test]
    fn a_company_supporting_or_backstopping_in_other_words_is_the_guarantor() {
        // "con il supporto … di Google"
        let d = decide(
            "TeraWulf entra nell'AI",
            "TeraWulf ha firmato un contratto decennale di hosting per l'intelligenza artificiale con il supporto finanziario di Google. Il cliente è Fluidstack, che affitterà oltre 200 MW.",
        );
        deal_with(&d, "Fluidstack");
        // "Fluidstack, financially backstopped by Google": Fluidstack is the tenant
        let d = decide(
            "Hut 8 signs a $7B AI lease",
            "Hut 8 said it signed a 15-year, $7.0 billion lease of 245 MW at River Bend with Fluidstack, financially backstopped by Google.",
        );
        deal_with(&d, "Fluidstack");
        assert!(
            d.detection
                .as_ref()
                .unwrap()
                .parties
                .iter()
                .all(|p| p.name != "Fluidstack"),
            "{:?}",
            d.detection
        );
    }

    #[test]
    fn a_company_that_recently_announced_a_lease_reports_it_its_recently_announced_lease_is_recalled()
     {
        let d = decide(
            "Market analysis, 18 December 2025",
            "Hut 8 has recently announced that it signed a $7 billion lease of 245 MW with Fluidstack, running fifteen years.",
        );
        deal_with(&d, "Fluidstack");
        not_a_deal(&decide(
            "Hut 8 shares rise",
            "Investors stayed focused on Hut 8's recently announced $7.0 billion lease with Fluidstack for 245 MW.",
        ));
    }

    #[test]
    fn a_company_that_will_provide_megawatts_to_a_customer_in_other_languages_signs() {
        let d = decide(
            "Google aposta na mineração",
            "O Google vai garantir US$ 1,4 bilhão em obrigações da Fluidstack.\nDurante dez anos, a Cipher Mining fornecerá 168 megawatts de capacidade à Fluidstack em Barber Lake.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_headline_signing_before_its_colon_is_no_commentary() {
        let d = decide(
            "Applied Digital Signs a $7.5B Hyperscaler Lease: What 300 MW Means for Option Traders",
            "Applied Digital has signed a 15-year lease with an investment-grade hyperscaler for 300 MW, worth about $7.5 billion.",
        );
        deal_with(&d, "undisclosed");
    }

    #[test]
    fn a_tenant_guessed_from_a_list_joined_by_or_is_no_party() {
        let d = decide(
            "Key Takeaways",
            "Applied Digital secured a $7.5B, 15-year hyperscaler lease covering 300 MW of AI capacity.\nThe unnamed tenant (likely Microsoft, AWS, or Google) shows big-tech spending goes on.",
        );
        deal_with(&d, "undisclosed");
    }

    #[test]
    fn an_earnings_story_tells_a_customers_commitment_to_a_sites_power_as_an_expansion() {
        // a headline of two sentences is about its first (the results), not its angle (an
        // analyst's view); the customer's commitment to the site's power is the period's news
        let title =
            "Galaxy Digital Stock Slides After Earnings Miss. Why One Analyst Still Sees Upside.";
        assert_eq!(headline_class(title), Some(Against::Results));
        assert_eq!(
            headline_class("Why One Analyst Still Sees Upside"),
            Some(Against::Analyst)
        );
        let d = decide(
            title,
            "Galaxy posted second-quarter earnings below the consensus. Digital-asset sales, by far its largest revenue source, dropped to $8.6 billion in the second quarter from $12.8 billion in the first quarter. The print held better news for the data-center side. CoreWeave has now committed to using all the electrical power approved at Galaxy's Helios campus in Texas, the company said.",
        );
        deal_with(&d, "CoreWeave");
        let x = d.detection.unwrap();
        assert_eq!(x.deal_type, DealType::Expansion);
        // the quarter's sales are a period's figure, not the contract's value
        assert_eq!(x.terms.value_usd, None, "{:?}", x.reasons);
        // "has now committed to" a share of the site is the customer's latest option
        assert_eq!(
            classify_opt("CoreWeave has now committed to a further 133 MW at Helios"),
            Some(DealType::Expansion)
        );
        assert_ne!(
            classify_opt("CoreWeave committed to a further 133 MW at Helios"),
            Some(DealType::Expansion)
        );
        // without "now", a commitment to a site's power is still an agreement (a noun of its
        // own), but a results story asks for one it calls new
        let d = decide(
            "Galaxy Digital and CoreWeave",
            "CoreWeave committed to using all the power approved at Galaxy Digital's Helios campus, the company said.",
        );
        deal_with(&d, "CoreWeave");
        // the same sentence that commits to nothing at the site is no agreement
        let d = decide(
            "Galaxy Digital and CoreWeave",
            "CoreWeave uses power from Galaxy Digital's Helios campus, the company said.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn a_customer_signed_in_a_monthly_update_or_taking_more_capacity_in_results_is_a_deal() {
        // a monthly update's bullet: a new customer, unnamed, of a size
        let d = decide(
            "Soluna Holdings Posts Its Monthly Business Update, Plans Capital for an AI Venture",
            "Corporate Highlights:\n\nSigned a new 8.8 MW customer as part of a plan to lift site margins.",
        );
        deal_with(&d, "undisclosed");
        assert_eq!(d.detection.unwrap().terms.capacity_mw, Some(8.8));
        // a results story in which a named customer took more of the company's capacity
        let d = decide(
            "Galaxy Digital reports first-quarter loss of $295 million",
            "Galaxy reported a net loss for the first quarter. Meanwhile, AI cloud firm CoreWeave increased its capacity at Galaxy Digital's Helios data center campus.",
        );
        assert_eq!(
            headline_class("Galaxy Digital reports first-quarter loss of $295 million"),
            Some(Against::Results)
        );
        deal_with(&d, "CoreWeave");
        assert_eq!(d.detection.unwrap().deal_type, DealType::Expansion);
        // the company that "may add" megawatts for the customer is no customer taking them
        let d = decide(
            "Galaxy Digital expands its work with CoreWeave",
            "In all, Galaxy Digital plans to deliver about 382 megawatts of capacity to CoreWeave by 2026 and may add 118 megawatts at other sites.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn a_results_releases_new_contracts_listed_after_including_are_the_deal_not_an_earlier_one() {
        let d = decide(
            "IREN Reports Q1 FY26 Results",
            "IREN today reported its results for the quarter.\nHighlights\n- Secured $9.7bn AI cloud contract with Microsoft\n- New multi-year contracts including Together AI, Fluidstack and Fireworks AI, supporting a target AI Cloud ARR of >$500m by the end of the first quarter",
        );
        deal_with(&d, "Together AI");
        let x = d.detection.unwrap();
        // neither the Microsoft contract's value nor the ARR target is this deal's value
        assert_eq!(x.terms.value_usd, None, "{:?}", x.reasons);
        assert!(
            x.reasons.iter().any(|r| r
                == "rejected reading: $9700 million from a sentence on another company or an earlier deal"),
            "{:?}",
            x.reasons
        );
        // companies "including" after a word for companies are examples still
        let t = "hyperscalers including Google, Amazon and Meta are leasing space";
        let at = t.find("Amazon").unwrap();
        assert!(in_a_list(t, at, at + "Amazon".len()));
        let t = "New contracts including Together AI, Fluidstack and Fireworks AI";
        let at = t.find("Fluidstack").unwrap();
        assert!(!in_a_list(t, at, at + "Fluidstack".len()));
    }

    #[test]
    fn a_name_followed_by_and_others_is_an_example_and_customers_such_as_it_a_kind_of_deal() {
        // "与CoreWeave等超大规模客户": CoreWeave and other hyperscale customers
        let t = "与CoreWeave等超大规模客户签订的长期租赁协议";
        let at = t.find("CoreWeave").unwrap();
        assert!(in_a_list(t, at, at + "CoreWeave".len()));
        let t = "与CoreWeave签订的长期租赁协议";
        let at = t.find("CoreWeave").unwrap();
        assert!(!in_a_list(t, at, at + "CoreWeave".len()));
        // a research page's bullet on leases signed with customers such as CoreWeave
        let d = decide(
            "Applied Digital Corporation: HPC and AI infrastructure",
            "• 容量扩张与新合同:与CoreWeave等超大规模客户签订的长期租赁协议,使未来收入更可预见。",
        );
        not_a_deal(&d);
        let d = decide(
            "Applied Digital research summary",
            "Long-term leases signed with hyperscale customers such as CoreWeave give the revenue visibility.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn megawatts_of_bitcoin_mining_the_company_hosts_are_no_ai_deal() {
        let d = decide(
            "Riot starts a 1 GW build in Navarro County",
            "- Riot began a 1 GW development to expand its Bitcoin mining and hosting capabilities in Navarro County, Texas.\n- The first phase develops 400 MW of capacity.",
        );
        no_deal_because(
            &d,
            "against: the text never says AI, HPC, GPUs or cloud, and names no AI customer",
        );
        // a lease of the megawatts to a tenant is what AI landlords do, whatever else the text
        // says of bitcoin mining
        let d = decide(
            "Bitcoin mining firm Hut 8 signs 200 MW lease",
            "Hut 8, the bitcoin mining company, signed a 15-year lease for 200 MW with an investment-grade tenant.",
        );
        assert!(d.detection.is_some(), "{:?}", d.reasons);
    }

    #[test]
    fn deals_read_in_arabic() {
        // an unnamed investment-grade hyperscaler ("a US company, a hyperscaler of investment
        // grade") leasing AI infrastructure
        let d = decide(
            "",
            "وقعت Hut 8 اليوم صفقة بقيمة 7 مليارات دولار مع شركة Hyperscaler أمريكية ذات درجة استثمارية لتأجير مركز بيانات للذكاء الاصطناعي.",
        );
        deal_with(&d, "undisclosed");
        assert_eq!(d.detection.unwrap().terms.value_usd, Some(7e9));
        // the hyperscaler unnamed, no lease word: the deal is with that unnamed company
        let d = decide(
            "",
            "وقعت Hut 8 اليوم صفقة بقيمة 7 مليارات دولار مع شركة Hyperscaler أمريكية للذكاء الاصطناعي.",
        );
        deal_with(&d, "undisclosed");
        // a lease of an AI data center, no party named: a customer contract still
        let d = decide(
            "",
            "وقعت Hut 8 اليوم عقد تأجير مركز بيانات للذكاء الاصطناعي بقيمة 7 مليارات دولار.",
        );
        deal_with(&d, "undisclosed");
    }

    #[test]
    fn a_configured_customer_outside_ai_labs_is_the_counterparty_of_an_ai_agreement() {
        let d = decide(
            "Bit Digital Grows Its AI Footprint, Signs $700 Million Agreement With Boosteroid",
            "Bit Digital said it signed a binding term sheet with Boosteroid, a cloud gaming company.",
        );
        deal_with(&d, "Boosteroid");
        assert_eq!(d.detection.unwrap().terms.value_usd, Some(7e8));
    }

    #[test]
    fn fresh16_decisions_from_the_wording_of_real_coverage() {
        // land the company leased is the company as lessee
        not_a_deal(&decide(
            "Core Scientific's Denton deal with the city grows",
            "Under its new agreement with the city, Core Scientific leased about 30 acres of land there and had access to 300 megawatts for AI computing.",
        ));
        // and what was done "under the original agreement" is recalled
        not_a_deal(&decide(
            "Core Scientific's Denton deal grows",
            "Under the original agreement, Core Scientific leased 200 megawatts of AI computing capacity to CoreWeave at Denton.",
        ));
        // a value stated in a sentence that only cites the deal as a rally's high point is
        // still the deal's (a cue such as "highlighted by" dates nothing)
        let d = decide(
            "Cipher Mining soars on its AWS lease",
            "Cipher Mining shares jumped 22% after its new AI lease with Amazon Web Services. The gain was highlighted by a reported lease agreement worth $5.5 billion with Amazon Web Services.",
        );
        let x = d.detection.expect("a deal");
        assert_eq!(x.terms.value_usd, Some(5.5e9), "{:?}", x.reasons);
    }

    #[test]
    fn fresh15_decisions_from_the_wording_of_real_coverage() {
        // "announced on December 17, 2025" the day before the story is the news; weeks before it,
        // an agreement recalled
        let lead = "Hut 8 announced on December 17, 2025, that it has signed a 15-year lease with the AI cloud Fluidstack worth about $7 billion.";
        deal_with(
            &decide_on("Hut 8's big AI lease", lead, Some("2025-12-18")),
            "Fluidstack",
        );
        not_a_deal(&decide_on("Hut 8's big AI lease", lead, Some("2026-02-10")));
        // a question over a dateline and the page's own question headline: the answer is the
        // first sentence after them, counted from that headline
        let d = decide(
            "Miners and the cloud giants: who wins?",
            "Miners and the cloud giants: who wins?\n2025-11-04 09:24 Markets desk\nIREN's $9.7B Microsoft Deal: Bold AI Bet or Bubble?\nFrom Mining Rigs to GPU Racks?\nIREN, once a bitcoin miner, has inked a $9.7 billion deal with Microsoft for GPU cloud services.",
        );
        deal_with(&d, "Microsoft");
        // a stock's move over a month gone by is a recap of that month's news
        let lead =
            "TeraWulf signed a ten-year colocation lease with Fluidstack worth $3.7 billion.";
        no_deal_because(
            &decide_on(
                "Why TeraWulf Shares Jumped 80% in August",
                lead,
                Some("2025-09-04"),
            ),
            "against: a stock's move over a month gone by",
        );
        // (within the month it is still that month's news)
        deal_with(
            &decide_on(
                "Why TeraWulf Shares Jumped 80% in August",
                lead,
                Some("2025-08-29"),
            ),
            "Fluidstack",
        );
        // "the plan is to lease" is a plan
        not_a_deal(&decide(
            "Parish clears the way for Hut 8's AI campus",
            "According to a Hut 8 executive, the plan is to lease the $2.5 billion facility to an undisclosed tenant once it is built.",
        ));
        // a lease agreement the growth follows is an earlier one
        not_a_deal(&decide(
            "Galaxy's Helios keeps growing",
            "Galaxy keeps enlarging Helios in Texas for AI. This work follows a long-term lease agreement with CoreWeave, the AI cloud, now committed to the whole 800 MW.",
        ));
        // a council letting the company lease more acres makes it the lessee
        not_a_deal(&decide(
            "Council backs Core Scientific's AI shift",
            "Council members also approved allowing Core Scientific to lease an additional 42.9 acres at the site to expand its high-performance computing operations and build offices, plus 6.7 acres for a waste station.",
        ));
        // an analyst's target raised "following the announcement" follows the news it reports
        let d = decide(
            "Applied Digital lands another hyperscaler",
            "Applied Digital agreed a 15-year lease worth billions with an investment-grade U.S. hyperscaler for a third campus. Following the announcement, one broker lifted its price target to $66.",
        );
        deal_with(&d, "undisclosed");
        // Spanish: the customer "ha cerrado un contrato" with the company
        let d = decide(
            "",
            "Microsoft ha cerrado un contrato de cinco años con IREN por unos 9.700 millones de dólares para usar su nube de GPU.",
        );
        deal_with(&d, "Microsoft");
        // "booked a new … deal with Fluidstack—backstopped by Google—": the tenant set off by
        // dashes is still the party
        let d = decide(
            "",
            "Hut 8 stock climbed once the company booked a new 15-year, $7 billion agreement with Fluidstack—backstopped by Google—for AI computing in Louisiana.",
        );
        deal_with(&d, "Fluidstack");
        // (and "booked a … deal" is signing one)
        let d = decide(
            "",
            "Hut 8 booked a 15-year AI hosting deal with Fluidstack for its Louisiana campus.",
        );
        deal_with(&d, "Fluidstack");
        // ("pactan un contrato": agree on one)
        let d = decide(
            "",
            "Microsoft e IREN pactan un contrato de nube de IA de 9.700 millones de dólares por cinco años.",
        );
        deal_with(&d, "Microsoft");
        // a customer expanding its operations at the company's campus
        let d = decide(
            "",
            "Fluidstack will expand its operations at TeraWulf's New York campus, taking a further building of roughly 160 MW.",
        );
        deal_with(&d, "Fluidstack");
        // German: "wird Fluidstack 168 Megawatt … zur Verfügung stellen"
        let d = decide(
            "Google steigt bei Cipher ein",
            "Für zehn Jahre wird Cipher Mining dem Kunden Fluidstack 168 Megawatt an Kapazität zur Verfügung stellen.",
        );
        deal_with(&d, "Fluidstack");
        // a new priced lease with a named tenant is the news, even where it underscores
        let d = decide(
            "How one prairie town became an AI hub",
            "The North Dakota build-out of Applied Digital, underscored by a new $7 billion lease agreement with CoreWeave, says much about where AI is going.",
        );
        deal_with(&d, "CoreWeave");
        // the backer's sentence, the backer named first, gives way to the signing
        let d = decide(
            "TeraWulf's AI turn",
            "TeraWulf has landed a large deal with the AI cloud Fluidstack, backed by Google. Its base value is roughly $3.7 billion, and two optional five-year renewals could push the total to $8.7 billion. Alphabet will put up $1.8 billion in financial backing for Fluidstack's lease obligations and is acquiring 8% of TeraWulf as the miner turns to AI hosting.",
        );
        deal_with(&d, "Fluidstack");
        let x = d.detection.unwrap();
        assert!(
            x.evidence.starts_with("TeraWulf has landed"),
            "{}",
            x.evidence
        );
        assert_eq!(
            (x.terms.value_usd, x.terms.value_with_options_usd),
            (Some(3.7e9), Some(8.7e9))
        );
    }

    #[test]
    fn terms_from_another_companys_or_an_earlier_deals_sentence_are_left_empty() {
        // the 15 years are Cipher's lease, in a story of IREN's contract
        let d = decide(
            "IREN and Microsoft",
            "IREN signed a $9.7 billion cloud services contract with Microsoft. Cipher Mining recently signed a 15-year lease with Amazon Web Services.",
        );
        deal_with(&d, "Microsoft");
        let x = d.detection.unwrap();
        assert_eq!((x.terms.value_usd, x.terms.term_years), (Some(9.7e9), None));
        assert!(
            x.reasons.iter().any(
                |r| r == "rejected reading: 15 years from a sentence on another company or an earlier deal"
            ),
            "{:?}",
            x.reasons
        );
        // the $3.7 billion and ten years are the deal the stock has risen on "ever since"
        let d = decide(
            "",
            "Fluidstack has exercised an option to expand at TeraWulf's Lake Mariner campus. The stock has been climbing ever since TeraWulf announced its $3.7 billion, 10-year hosting deal.",
        );
        deal_with(&d, "Fluidstack");
        let x = d.detection.unwrap();
        assert_eq!((x.terms.value_usd, x.terms.term_years), (None, None));
        // (an option exercised, told with the total it brings, keeps its megawatts)
        let d = decide(
            "Applied Digital jumps after CoreWeave widens its AI lease, taking the contract total to $11 billion",
            "The shares rose 30% on Thursday. The company said CoreWeave exercised a 150 MW lease option, boosting total contracted capacity to 400 MW.",
        );
        deal_with(&d, "CoreWeave");
        let x = d.detection.unwrap();
        assert_eq!(x.terms.capacity_mw, Some(150.0), "{:?}", x.reasons);
    }

    #[test]
    fn fresh11_decisions_from_the_wording_of_real_coverage() {
        // "reportedly" before a finished signing attributes it; it is no rumour
        let d = decide(
            "Microsoft widens its AI capacity",
            "Reportedly, Microsoft has struck a $9.7 billion deal with data-center operator IREN for access to GPU cloud capacity over five years.",
        );
        deal_with(&d, "Microsoft");
        // while "reportedly in talks" still is one
        no_deal_because(
            &decide(
                "Microsoft and IREN",
                "Microsoft is reportedly in talks to sign a $9.7 billion deal with data-center operator IREN for GPU cloud capacity.",
            ),
            "against: a rumour",
        );
        // miners as a class signing with a list of customers: a trend, not a deal
        not_a_deal(&decide(
            "News & analysis · 7 June 2026",
            "Bitcoin miners turn into AI landlords\nListed miners, once the most loyal holders of bitcoin, are signing multi-year leases with Google, Amazon, Microsoft and CoreWeave for their sites, contracts of five years and more. Analysts count 17 deals worth more than $110 billion. Cipher Mining and TeraWulf are the best placed, the analysts say.",
        ));
        // an agreement the merging companies sign beside their merger is part of it
        not_a_deal(&decide(
            "With the deal, CleanSpark adds 400 MW in Tennessee",
            "CleanSpark and GRIID said today that they have entered into a definitive merger agreement under which CleanSpark will buy all of GRIID's stock. Alongside the merger agreement, the two companies also signed an exclusive hosting agreement for all available power, 20 MW of which goes to CleanSpark at once.",
        ));
        // a sentence two on that refers back to the deal the opening closed carries its party
        let d = decide(
            "date 2025-12-17 An AI company is coming to the parish's data center",
            "Hut 8, which is building an AI data center in the parish, said on Wednesday that a company has signed a long-term deal to use it. Anthropic will be the end user, working with Hut 8 and Fluidstack on the site. The deal, a 15-year $7 billion agreement with Fluidstack, lets Anthropic use the campus.",
        );
        deal_with(&d, "Fluidstack");
        // a hyperscaler the text says backs the tenant's lease is never the party, even where a
        // sentence has it arrange the deal
        let d = decide(
            "Google helps a miner into AI",
            "Google has brokered a large deal with Cipher Mining, which will lease space at its Texas site to the AI cloud startup Fluidstack for ten years. Under the agreement, Google will underwrite $1.4 billion of Fluidstack's lease obligations.",
        );
        deal_with(&d, "Fluidstack");
        // (in Italian: "garantire")
        let d = decide(
            "Google entra in Cipher Mining",
            "Secondo Cipher, Google si è impegnata a garantire 1,4 miliardi di dollari delle obbligazioni di Fluidstack nel contratto di locazione di dieci anni firmato tra Fluidstack e Cipher.",
        );
        deal_with(&d, "Fluidstack");
        // a financing headline that is a hyperscaler's backing of the lease the text opens with
        let d = decide(
            "TeraWulf's Fluidstack Deal Secures $3.7B in Backing from Google",
            "TeraWulf AI deal with Fluidstack worth $3.7B gets $1.8B backing from Google.\nQuick Take\nTeraWulf inks a 10-year, $3.7B AI hosting deal with Fluidstack.\nThe agreement covers more than 200 MW.\nGoogle backs the deal with $1.8B and takes an 8% stake.",
        );
        deal_with(&d, "Fluidstack");
        assert!(
            d.reasons
                .iter()
                .any(|r| r.contains("a guarantor's backing")),
            "{:?}",
            d.reasons
        );
        // (a loan's headline stays a financing)
        not_a_deal(&decide(
            "TeraWulf Secures $1.8B Loan from Morgan Stanley",
            "TeraWulf signs a 10-year, $3.7B AI hosting deal with Fluidstack.\nThe loan funds the build.",
        ));
        // French: "a passé un accord avec" concludes an agreement; "l'an passé" is no verb
        let d = decide(
            "TeraWulf et Fluidstack : un accord pour l'IA",
            "Le mineur TeraWulf a passé un accord de colocation de dix ans avec Fluidstack, un fournisseur de cloud d'IA.",
        );
        deal_with(&d, "Fluidstack");
        // an agreement to acquire a company of the universe is a takeover
        not_a_deal(&decide(
            "",
            "The data center company CoreWeave signed a $9 billion agreement to acquire its rival Core Scientific, removing $10 billion of lease costs.",
        ));
        not_a_deal(&decide(
            "",
            "A empresa de data centers CoreWeave fechou um acordo de US$ 9 bilhões para adquirir sua rival Core Scientific.",
        ));
        // a news page citing one source a sentence is still news
        let d = decide(
            "AInvest Newsletter",
            "Google has entered into a partnership with Cipher Mining. Cipher Mining signed a $3 billion, 10-year lease with Fluidstack for 168 MW at its Barber Lake site.[1] Google agreed to backstop $1.4 billion of Fluidstack's lease obligations[2]. Two five-year options could raise the value to $7 billion[3].",
        );
        deal_with(&d, "Fluidstack");
        // a site secured is bought or leased, whatever colocation it is meant for
        not_a_deal(&decide(
            "Bit Digital secures a Quebec data center site; a 5MW Cerebras colocation is planned there for mid-2025",
            "Development costs are about CAD $55 million for the retrofit.",
        ));
        // (a lease secured at a site is not)
        let d = decide(
            "Applied Digital secures lease with CoreWeave for its Ellendale site",
            "Applied Digital signed a 15-year lease with CoreWeave for 250 MW at its Ellendale campus.",
        );
        deal_with(&d, "CoreWeave");
        // a stake "to 14 percent" over an opening that says the taker backs the tenant's lease
        let d = decide(
            "Google's TeraWulf stake reaches 14 percent, shares climb",
            "Google has raised its investment in TeraWulf and is now its largest shareholder, the company said. The move followed more backstop support for a long-term lease agreement between TeraWulf and the AI cloud Fluidstack. Fluidstack had exercised an option to expand at the Lake Mariner campus.",
        );
        deal_with(&d, "Fluidstack");
        // a price move after a joint venture with a named AI cloud, in Spanish
        let d = decide(
            "",
            "Las acciones de TeraWulf subieron un 22 % el martes después de que la empresa anunciara una nueva empresa conjunta valorada en 9.500 millones de dólares con la plataforma en la nube Fluidstack.",
        );
        deal_with(&d, "Fluidstack");
        // Arabic: "signed a lease contract worth 7 billion dollars for 15 years with Fluidstack
        // ... 245 megawatts"
        let d = decide(
            "",
            "أبرمت Hut 8 اتفاقية إيجار مع Fluidstack لمدة 15 عاماً بقيمة 7 مليارات دولار تشمل 245 ميغاواط في مراكز البيانات.",
        );
        deal_with(&d, "Fluidstack");
        let t = &d.detection.as_ref().unwrap().terms;
        assert_eq!(
            (t.value_usd, t.capacity_mw, t.term_years),
            (Some(7e9), Some(245.0), Some(15.0))
        );
        // Arabic names: "Google has the right to buy 5.4% of Cipher Mining within a multi-year
        // data-center agreement with Fluidstack ... Fluidstack holds a ten-year contract to rent
        // capacity from Cipher"
        let d = decide(
            "",
            "وقّعت \"سيفر ماينينج\" عقد إيجار لمدة 10 سنوات مع \"فلويدستاك\" بقيمة 3 مليارات دولار لمراكز البيانات، بينما وافقت \"جوجل\" على ضمان التزامات بقيمة 1.4 مليار دولار.",
        );
        deal_with(&d, "Fluidstack");
        assert_eq!(d.detection.as_ref().unwrap().ticker, "CIFR");
        // a customer raising its commitment to a capacity, in French and Portuguese
        let d = decide(
            "",
            "Galaxy Digital a annoncé que CoreWeave a porté son engagement à 800 mégawatts au Texas.",
        );
        deal_with(&d, "CoreWeave");
        let d = decide(
            "",
            "Segundo a Galaxy Digital, a CoreWeave elevou seu compromisso para 800 megawatts no Texas, anunciou a empresa.",
        );
        deal_with(&d, "CoreWeave");
        // the customer as the subject of a future lease, in Italian and Spanish
        let d = decide(
            "",
            "TeraWulf ha detto che il fornitore di cloud Core42 affitterà 70 MW di infrastruttura presso il sito di Lake Mariner di TeraWulf.",
        );
        deal_with(&d, "Core42");
        let d = decide(
            "",
            "TeraWulf dijo que el proveedor de nube Core42 arrendará 70 MW de capacidad en su sitio de Lake Mariner.",
        );
        deal_with(&d, "Core42");
        // "the company" that signs with a company of the universe is the one named just before
        let d = decide(
            "",
            "Microsoft took a bold new step into artificial intelligence. La compañía firmó un acuerdo por USD 9.700 millones con IREN, una gran minera de Bitcoin, para usar su infraestructura de GPU durante cinco años.",
        );
        deal_with(&d, "Microsoft");
        // a new lease the size of a prior one the opening recalls is still new
        let d = decide(
            "Why Applied Digital Stock Soared Today",
            "Applied Digital said it has a new 15-year lease of 300 MW at a third North Dakota campus, worth about $7.5 billion. The tenant is the same unnamed hyperscaler behind a prior $7.5 billion, 15-year lease in Texas, bringing the total of its leases to $31 billion.",
        );
        assert!(d.detection.is_some(), "{:?}", d.reasons);
        // a headline that states the deal and then asks a question after a colon
        let d = decide(
            "IREN Shares Jump on $9.7B Microsoft AI Deal: Can a Miner Become an AI Giant?",
            "Shares of the former bitcoin miner jumped on Monday.",
        );
        deal_with(&d, "Microsoft");
        no_deal_because(
            &decide(
                "From bitcoin miner to AI power: can Cipher Mining's 297% rally last?",
                "Cipher Mining shares rose 297% in six months. Riot Platforms gained 42% over the same months. Marathon Digital lost 27% in the period. Bitfarms rose 215%, still well short of it. Is such a fast rise justified by the business? The answer lies in what now drives the shares. It is no longer only the mining of bitcoin. The company signed a 10-year AI hosting agreement with Fluidstack, adding $3 billion of revenue.",
            ),
            "against: a question",
        );
        no_deal_because(
            &decide(
                "WhiteFiber (WYFI): Is the $865M Nscale AI Data Center Deal a Game-Changer?",
                "Shares have been volatile lately. Here is what the valuation says.",
            ),
            "against: a question",
        );
        // a sentence of numbered points sums up a history; a page citing sources is a reference
        not_a_deal(&decide(
            "What is IREN today?",
            "Its recent path is marked by: (1) a big expansion of its sites, (2) record results for FY2025, (3) a change of story driven by a Microsoft contract announced at $9.7 billion over 5 years.",
        ));
        no_deal_because(
            &decide(
                "Bitcoin miners and AI infrastructure",
                "Miners repurpose their sites to host AI workloads.[1][2] Core Scientific signed long-term hosting deals with CoreWeave worth $7 billion.[3] Hut 8 signed a $7 billion lease in Louisiana.[4]",
            ),
            "against: a reference article",
        );
        // "Here's Why" under a headline about this day's move explains the day's news
        let d = decide(
            "Applied Digital Shares Jump Tuesday: Here's Why",
            "Applied Digital shares are up on Tuesday after its AI cloud unit bagged its first major AI customer with a deal of up to $180 million over 24 months.",
        );
        assert!(d.detection.is_some(), "{:?}", d.reasons);
        // without a day it is still an explainer
        no_deal_because(
            &decide(
                "Applied Digital Stock Doubled This Year: Here's Why",
                "Applied Digital signed its first major AI customer under a contract worth up to $180 million over 24 months.",
            ),
            "against: commentary",
        );
    }

    #[test]
    fn fresh10_decisions_from_the_wording_of_real_coverage() {
        // a customer's deal "to buy cloud capacity from" the company is no takeover
        let d = decide(
            "Microsoft bets $9.7 billion on AI capacity",
            "Microsoft is doubling down on AI with a $9.7 billion deal to buy cloud capacity from IREN over five years.",
        );
        deal_with(&d, "Microsoft");
        // the customer is the one leasing from former miners
        let d = decide(
            "Hut 8 signs AI data center deal with Fluidstack",
            "Fluidstack keeps leasing capacity from former bitcoin miners, signing a 245 MW AI data center deal with Hut 8 in Louisiana.",
        );
        deal_with(&d, "Fluidstack");
        // a kind of deal described, not one signed
        let d = decide(
            "How Google backs the miners' AI turn",
            "Fluidstack signs multi-year AI colocation leases with these companies, and Google guarantees the rent.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // interest from several parties is no tenant; last week's deal is recalled
        let d = decide(
            "Applied Digital to build Polaris Forge 2",
            "Applied Digital said it already has strong interest from multiple parties to lease AI capacity at the 280 MW campus.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        let d = decide(
            "Applied Digital im Aufwind",
            "Letzte Woche gab Applied Digital bekannt, dass CoreWeave einen weiteren KI-Mietvertrag über 150 MW unterzeichnet hat.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // a hyperscaler beside an AI cloud in a sentence about lease obligations is the
        // guarantor; an analysis's "core points" are commentary
        let d = decide(
            "Back",
            "• Nag-invest ang Google sa Cipher, suporta sa $1.4B na Fluidstack lease obligations\n• Magdadagdag ang Cipher ng AI capacity sa Texas",
        );
        deal_with(&d, "Fluidstack");
        let d = decide(
            "文章核心观点 - Cipher Mining 正在转型",
            "Cipher Mining 与 Fluidstack 签署了30亿美元的AI托管协议。",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // "leasing an additional 160 MW": a signing verb before a number of more than one digit
        let d = decide(
            "TeraWulf shares jump as Google lifts its stake to 14%",
            "TeraWulf's shares rose 10% after Google lifted its stake to 14%, as Fluidstack is leasing an additional 160 MW of AI data center capacity at Lake Mariner.",
        );
        deal_with(&d, "Fluidstack");
        assert!(pats().verb.is_match("Hut 8 leases 245 MW to Fluidstack"));
        // a breakdown of a deal, an investment-opportunity summary: commentary
        for (title, lead) in [
            (
                "A breakdown of Applied Digital's $11 billion CoreWeave leases",
                "Applied Digital signed 15-year AI leases with CoreWeave worth $11 billion.",
            ),
            (
                "Applied DigitalとCoreWeaveのHPC契約の内訳",
                "Applied DigitalはCoreWeaveと110億ドルのHPCホスティング契約を締結した。",
            ),
            (
                "行业趋势与投资机会 - Applied Digital",
                "Applied Digital 与 CoreWeave 签署了多年期AI租赁合同。",
            ),
        ] {
            let d = decide(title, lead);
            assert!(d.detection.is_none(), "{title}: {:?}", d.detection);
        }
        // a Thai headline's deal
        let d = decide(
            "Cipher Mining ปิดดีล 3 พันล้านดอลลาร์กับ Fluidstack สำหรับศูนย์ข้อมูล AI",
            "Cipher Mining ลงนามสัญญาเช่า 10 ปีกับ Fluidstack สำหรับศูนย์ข้อมูล AI ขนาด 168 เมกะวัตต์",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_shift_from_mining_is_no_landlord() {
        let d = decide(
            "Hut 8's $7 Billion AI Campus Lease Marks Shift From Bitcoin Mining to AI",
            "Hut 8 signed a lease worth about $7 billion for its Louisiana AI campus.",
        );
        let det = d.detection.expect("a deal");
        assert_eq!(
            (det.ticker.as_str(), det.terms.value_usd),
            ("HUT", Some(7e9))
        );
        // the landlord's "from" still makes the company the tenant
        assert!(shift_from("lease marks a shift from"));
        assert!(!shift_from("leases 20 MW from"));
        // a summary's point: the lease changes what the company is, it has no landlord
        assert!(shift_from("lease with Fluidstack transforms it from"));
        let d = decide(
            "Hut 8's $7B AI Compute Lease with Fluidstack: What It Means",
            "Summary\n- Hut 8's $7B triple-net lease with Fluidstack transforms it from a miner to an infrastructure platform.\n- Google backstops the lease.",
        );
        no_reason_starting(&d, "against: the company takes a lease from a landlord");
        let d = decide(
            "Hut 8 leases a data hall from a landlord in Texas",
            "Hut 8 leases a 20 MW data hall from a Dallas landlord for its own miners.",
        );
        assert!(d.detection.is_none());
    }

    #[test]
    fn an_agreement_signed_in_an_earlier_month_is_recalled() {
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let on = day("2025-11-12");
        assert_eq!(
            signed_in_month(
                "En agosto, TeraWulf firmó dos contratos con Fluidstack.",
                on
            ),
            Some(day("2025-08-31"))
        );
        assert_eq!(
            signed_in_month(
                "TeraWulf signed two leases with Fluidstack in August 2024.",
                on
            ),
            Some(day("2024-08-31"))
        );
        assert_eq!(
            signed_in_month("TeraWulf hat im Oktober einen Vertrag unterzeichnet.", on),
            Some(day("2025-10-31"))
        );
        // German's separable "gab … bekannt" announces, with the month before it
        assert_eq!(
            signed_in_month(
                "Mitte August 2025 gab TeraWulf zwei KI-Hosting-Verträge mit Fluidstack bekannt.",
                on
            ),
            Some(day("2025-08-20"))
        );
        // Russian, the month in its prepositional case
        assert_eq!(
            signed_in_month(
                "В августе TeraWulf подписала два контракта с Fluidstack.",
                on
            ),
            Some(day("2025-08-31"))
        );
        // an agreement named by its month ("un accord de septembre", "its deal from September")
        assert_eq!(
            signed_in_month(
                "Dans le cadre d'un accord de septembre avec Fluidstack, Cipher louera 168 MW.",
                on
            ),
            Some(day("2025-09-30"))
        );
        assert_eq!(
            signed_in_month(
                "Under its deal from September, Fluidstack will lease 168 MW from Cipher.",
                on
            ),
            Some(day("2025-09-30"))
        );
        // a month after the story's, no year: the past year's, however far along the clause
        // of the signing it stands
        assert_eq!(
            signed_in_month(
                "Applied Digital signed a $5 billion, 15-year lease with a U.S.-based hyperscaler for 200 megawatts at its campus in North Dakota in October, Reuters reported.",
                day("2026-01-04")
            ),
            Some(day("2025-10-31"))
        );
        // a month past another clause, one a later step is expected in, or far from the verb:
        // not its date
        assert_eq!(
            signed_in_month("TeraWulf signed a lease; the hall opens in December.", on),
            None
        );
        assert_eq!(
            signed_in_month("TeraWulf signed a lease expected in December.", on),
            None
        );
        assert_eq!(
            signed_in_month(
                "TeraWulf signed a lease with Fluidstack for the site it bought from the county in March.",
                on
            ),
            None
        );
        assert_eq!(
            signed_in_month("TeraWulf may sign a lease in may.", on),
            None
        );
        // the month closing the clause of the signing, unless a start or a delivery is dated
        assert_eq!(
            signed_in_month(
                "- The company signed a colocation agreement with AI hyperscaler CoreWeave for an additional 150 MW of critical IT capacity in August 2025.",
                on
            ),
            Some(day("2025-08-31"))
        );
        assert_eq!(
            signed_in_month(
                "The company signed a colocation agreement with CoreWeave for 150 MW of critical IT capacity, expected online in August.",
                on
            ),
            None
        );
        // the early or middle part of the story's own month, and months in Korean, Japanese and
        // Chinese
        assert_eq!(
            signed_in_month("In early November TeraWulf signed a lease.", on),
            Some(day("2025-11-10"))
        );
        assert_eq!(
            signed_in_month(
                "테라울프는 11월 초 플루이드스택과 임대 계약을 체결했다.",
                on
            ),
            Some(day("2025-11-10"))
        );
        assert_eq!(
            signed_in_month("テラウルフは2024年8月に契約を締結した。", on),
            Some(day("2024-08-31"))
        );
        assert_eq!(
            signed_in_month("泰拉沃尔夫于8月中旬签署了租约。", on),
            Some(day("2025-08-20"))
        );
        // in a story of the month's first days, last month's signing is news
        let d = decide_on(
            "TeraWulf y el auge de la IA",
            "En agosto, TeraWulf firmó dos contratos de arrendamiento de HPC con Fluidstack por 360 MW.",
            Some("2025-11-12"),
        );
        no_deal_because(
            &d,
            "against: the agreement was signed in a month that ended 2025-08-31, the story is of 2025-11-12",
        );
        let d = decide_on(
            "TeraWulf firma con Fluidstack",
            "En agosto, TeraWulf firmó dos contratos de arrendamiento de HPC con Fluidstack por 360 MW.",
            Some("2025-09-03"),
        );
        deal_with(&d, "Fluidstack");
        // the same month check where the agreement is read from a guarantor's backing beside it
        let recap = "Im Überblick: Mitte August 2025 gab TeraWulf zwei KI-Hosting-Verträge über zehn Jahre mit Fluidstack bekannt, abgesichert durch eine Garantie von Google.";
        let d = decide_on(
            "Googles Garantie treibt TeraWulf",
            recap,
            Some("2025-10-09"),
        );
        no_deal_because(
            &d,
            "against: the agreement was signed in a month that ended 2025-08-20, the story is of 2025-10-09",
        );
        let d = decide_on(
            "Googles Garantie treibt TeraWulf",
            recap,
            Some("2025-08-22"),
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn deals_read_in_chinese_japanese_korean_and_russian() {
        // the guarantor beside the tenant, in Japanese; the company's name in katakana-free Latin
        let d = decide(
            "Hut 8、Googleを連帯保証人として70億ドルのデータセンターリース契約を締結",
            "Hut 8はFluidstackに245メガワットを15年間リースする。",
        );
        deal_with(&d, "Fluidstack");
        // the customer buys compute from the company, in traditional Chinese
        let d = decide(
            "微軟向 IREN 採購 AI 算力",
            "微軟與資料中心營運商 IREN 簽署一份約97億美元的五年合約，採購雲端運算能力。",
        );
        deal_with(&d, "Microsoft");
        // "signed a big order": 簽了 and 大單, without 合約 or 協議
        let d = decide(
            "微軟這次是真下重注了",
            "11月3號凌晨,微軟和算力運營商 IREN 簽了一份為期五年的合作大單,總金額達 97 億美元。",
        );
        deal_with(&d, "Microsoft");
        assert!(pats().verb.is_match("微軟和 IREN 簽了一份合約"));
        assert!(pats().verb.is_match("微软和 IREN 签了一份合约"));
        // Korean names of both parties
        let d = decide(
            "헛8, 플루이드스택과 70억 달러 임대 계약 체결",
            "헛8은 플루이드스택에 데이터센터 용량을 15년간 임대하는 계약을 체결했다.",
        );
        deal_with(&d, "Fluidstack");
        // Russian
        let d = decide(
            "Hut 8 подписала 15-летнюю аренду с Fluidstack на $7 млрд",
            "Компания сдаст в аренду 245 МВт мощности дата-центра.",
        );
        deal_with(&d, "Fluidstack");
        // acquisition talks in Japanese are a rumour, not a deal
        let d = decide(
            "Core Scientific株が急騰",
            "CoreWeaveがCore Scientificを買収する交渉を行っているとの報道を受け、株価が急騰した。",
        );
        assert!(d.detection.is_none(), "{:?}", d.reasons);
    }

    #[test]
    fn a_lease_with_an_option_to_buy_a_site_makes_the_company_the_lessee() {
        let d = decide(
            "Accord de Bit Digital à Saint-Jérôme",
            "Bit Digital a conclu un accord de bail avec option d'achat pour un site à Saint-Jérôme, au Québec, afin d'y développer un centre de données.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn chips_named_before_their_maker_and_a_romance_guarantee_of_an_advantage_make_no_party() {
        // "to keep Nvidia chips at home and ensure American firms an edge, Microsoft signed a
        // five-year $9.7 billion agreement with IREN"
        let d = decide(
            "Microsoft e IREN: accordo da 9,7 miliardi",
            "Per tenere in patria i chip Nvidia e garantire un vantaggio alle imprese americane, Microsoft ha siglato un accordo quinquennale da 9,7 miliardi di dollari con IREN.",
        );
        deal_with(&d, "Microsoft");
        assert_eq!(party_role("le puces de Nvidia", 12, 18), Role::Vendor);
        // the maker of a chip generation named by its possessive, not a tenant's own GPUs
        assert_eq!(
            party_role("demand aligned with Nvidia's Rubin Ultra rollout", 20, 26),
            Role::Vendor
        );
        assert_eq!(
            party_role("Fluidstack's GPUs will run at the campus", 0, 10),
            Role::Counterparty
        );
        assert_eq!(
            party_role("un accordo con Nvidia", 15, 21),
            Role::Counterparty
        );
    }

    #[test]
    fn a_customers_own_deals_takeovers_lists_and_cutbacks_are_not_the_companys_deal() {
        // two other companies as the subject of a signing, after the sector's miners
        let d = decide(
            "Abilene to host a 200 MW AI data center",
            "- Miners like Bit Digital, Hut 8 and Core Scientific are moving into AI.\n\
             Recently, Texas developer Lancium and cloud startup Crusoe Energy announced a multibillion-dollar agreement to build a 200 MW data center near Abilene.",
        );
        not_a_deal(&d);
        // a headline naming only a customer over an opening that tells it buys the company
        let d = decide(
            "Big Tech Deal: CoreWeave Expands Its AI Footprint",
            "CoreWeave is making a bold move. They are acquiring Core Scientific for $9 billion in stock.",
        );
        not_a_deal(&d);
        // one buyer's contracts with many, listed
        let d = decide(
            "",
            "Microsoft is stepping up its AI race with a $60 billion investment in neocloud data center providers.\n\
             The multi-year commitments are among its largest.\n\
             Its largest pledge, about $23 billion, goes to Nscale, which gives Microsoft access to Nvidia chips in Texas.\n\
             Other contracts include up to $19.4 billion with Nebius, over $10 billion with CoreWeave, $9.7 billion with Australian firm Iren, and more than $2 billion with Lambda, securing long-term access to critical GPU capacity.",
        );
        not_a_deal(&d);
        // a customer scaling back another company's deal
        let d = decide(
            "Core Scientific Falls 18% After Microsoft Scales Back CoreWeave AI Deal",
            "Investors sold the miner's shares on the news.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn an_unnamed_customer_in_chinese_signs_and_ai_beside_han_characters_is_ai() {
        // "after the quarter we finalized agreements under a GPU-as-a-service model, among them a
        // customer agreement with fixed payments"
        let d = decide(
            "Hut 8 公布第一季度业绩",
            "Hut 8 今天公布了第一季度业绩。\n\
             本季度结束后,我们在GPU即服务模式下敲定了AI业务的商业协议,其中包括一项规定固定付款的客户协议。",
        );
        deal_with(&d, "undisclosed");
        // "Applied Digital signed a 15-year lease with an investment-grade hyperscaler"
        let d = decide(
            "Applied Digital 签署新租约",
            "Applied Digital 与一家投资级超大规模企业签署了为期15年的AI数据中心租约。",
        );
        deal_with(&d, "undisclosed");
        // a hosting agreement with an unnamed customer that never says AI stays another kind
        let d = decide("Hut 8 新闻", "Hut 8与一家客户签署了托管协议。");
        not_a_deal(&d);
    }

    #[test]
    fn a_priced_pact_the_headline_signs_before_its_financing_is_the_news() {
        // the financing and the backer that bolster the pact come after it
        let d = decide(
            "Hut 8 Secures $7B AI Infrastructure Pact, Bolstered by Google and JPMorgan Financing",
            "Bitcoin miner Hut 8 has secured a $7 billion deal to develop AI data center capacity. The agreement, a 15-year lease for 245 megawatts of IT capacity, is anchored by Fluidstack and backed by Google.",
        );
        deal_with(&d, "Fluidstack");
        // a priced financing is still a financing
        let d = decide(
            "Hut 8 secures $1B financing deal for River Bend campus",
            "Hut 8 closed a $1 billion project loan from JPMorgan to build its River Bend campus, which is leased to Fluidstack under a 15-year lease.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn hosting_another_miner_of_the_universe_in_a_text_that_never_says_ai_is_no_ai_deal() {
        let d = decide(
            "Applied Digital and Marathon extend their hosting agreement",
            "Applied Digital and Marathon Digital Holdings executed the option for an additional 70 MW of hosting at Ellendale, bringing the capacity contracted with Marathon to 276 MW.",
        );
        not_a_deal(&d);
        has_reason(
            &d,
            "against: the text never says AI, HPC, GPUs or cloud, and names no AI customer",
        );
    }

    #[test]
    fn hosting_for_bitcoin_mining_is_no_ai_deal() {
        // a results bullet: a hosting agreement whose customer is a bitcoin miner
        let d = decide(
            "Soluna reports first quarter results",
            "Soluna Holdings reported results for the quarter. Project Sophie: Secured a 25 MW hosting agreement with\na sustainability-focused bitcoin miner.",
        );
        not_a_deal(&d);
        // a headline's signing over a lead that hosts mining machines
        let d = decide(
            "Soluna signs hosting deal with Canaan",
            "Soluna Holdings signed a hosting agreement with Canaan to deploy 20 MW of bitcoin mining machines at its Texas wind site.",
        );
        not_a_deal(&d);
        has_reason(
            &d,
            "against: the hosting the text tells is for bitcoin mining",
        );
        // AI hosting stays a deal, whoever the customer was before, and a host called a miner
        // still signs
        let d = decide(
            "Soluna signs AI hosting deal",
            "Soluna Holdings signed a hosting agreement with a former bitcoin miner to host 20 MW of AI GPUs at its Texas wind site.",
        );
        deal_with(&d, "undisclosed");
        let d = decide(
            "TeraWulf signs lease with Fluidstack",
            "TeraWulf, a bitcoin miner, signed two 10-year colocation leases with Fluidstack for 200 MW.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn land_bought_then_a_lease_signed_with_a_named_customer_in_one_sentence_is_that_lease() {
        let d = decide(
            "Riot sells bitcoin for land and an AI tenant",
            "On Friday Riot Platforms said it sold 1,000 bitcoins for about $90 million to acquire land in Texas, and signed a data center leasing agreement with AMD for an initial 25 MW of critical IT.",
        );
        deal_with(&d, "AMD");
        let x = d.detection.as_ref().expect("a deal");
        assert_eq!((x.terms.value_usd, x.terms.capacity_mw), (None, Some(25.0)));
        // the land bought alone is no deal
        let d = decide(
            "Riot sells bitcoin for land",
            "On Friday Riot Platforms said it sold 1,000 bitcoins for about $90 million to acquire land in Texas for a data center.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn miners_deployed_at_anothers_site_make_the_company_the_hosting_customer() {
        let d = decide(
            "Bitfarms speeds up its hashrate by 2.2 EH/s",
            "Bitfarms has secured a second hosting agreement, deploying 10,000 miners to Stronghold's Scrubgrass site.",
        );
        no_deal_because(&d, "against: the company takes a lease from a landlord");
    }

    #[test]
    fn a_furniture_title_over_a_results_or_analyst_opening_is_that_story() {
        let d = decide(
            "This article first appeared on GuruFocus.",
            "This article first appeared on GuruFocus.\nRevenue: $240 million, up 28% quarter over quarter and 355% year over year. AI Cloud Contract with Microsoft: IREN signed a $9.7 billion contract expected to generate $1.94 billion in annual recurring revenue.",
        );
        no_deal_because(&d, "against: results that recall existing contracts");
        // a stake the opening states is no reason to doubt a later contract under such a title
        let d = decide(
            "Photo: Getty Images",
            "Google raises its stake in TeraWulf to 14%. TeraWulf signed a lease with Fluidstack for another 160 MW of critical IT load.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn computing_services_for_a_new_customer_is_a_contract_and_a_recent_one_elsewhere_is_recalled()
    {
        let d = decide(
            "Why Applied Digital stock is soaring again today",
            "Applied Digital announced that it has won a $460 million contract to provide AI computing services for a new customer.",
        );
        deal_with(&d, "undisclosed");
        assert!(!announces(
            "Most recently, CoreWeave signed a 200 MW deal with another miner."
        ));
        assert!(!announces(
            "The miner is coming off a summer, having announced a 10-year hosting agreement with Fluidstack."
        ));
        assert!(!announces(
            "Core Scientific signed a 16-megawatt agreement with CoreWeave in Austin, completed 30 days ahead of schedule."
        ));
        assert_eq!(
            headline_class(
                "Nvidia expands AI infrastructure investment through its partnership with IREN"
            ),
            Some(Against::Corporate)
        );
        // the company as the defined Buyer of a purchase agreement
        let d = decide(
            "CleanSpark 8-K",
            "On September 10, 2024, CleanSpark, through its subsidiary (the \u{201c}MIPA Buyer\u{201d}), entered into definitive agreements to host 85 MW of capacity.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn a_headline_lease_over_an_opening_ground_lease_is_the_land_the_company_takes() {
        let d = decide(
            "Hut 8 secures long lease for 300 MW campus",
            "Hut 8 Corp., which gained 8% last week, has signed a 50-year ground lease for about 240 acres near a retired gas plant in Ohio. The land can carry up to 300 MW of data center capacity.",
        );
        no_deal_because(&d, "against: the opening says the company takes a lease");
        // the same headline over an opening that signs a tenant stays a deal
        let d = decide(
            "Hut 8 secures 15-year lease for 300 MW campus",
            "Hut 8 Corp. has signed a 15-year lease with CoreWeave for 300 MW of critical IT at its Ohio campus.",
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn a_text_calling_itself_an_analysis_is_commentary() {
        let d = decide(
            "Market Brief",
            "Markets keep rewarding power and compute.\nThe AI build-out keeps moving capital toward power-rich sites. Applied Digital sits at the centre of that move. This analysis examines what its lease with CoreWeave means for the sector. The lease covers 150 MW of critical IT at Ellendale for 15 years.",
        );
        no_deal_because(&d, "against: commentary");
    }

    #[test]
    fn a_headline_contract_the_text_dates_weeks_back_is_recalled() {
        let title = "IREN Jumps 9% on $9.7B Microsoft Contract: Is the Rally Real?";
        let lead = "Shares of IREN rose 9% on Monday. The move follows the cloud contract with Microsoft announced on November 3, plus two analyst upgrades.";
        let d = decide_on(title, lead, Some("2025-11-24"));
        no_deal_because(
            &d,
            "against: the headline's contract is the one the text dates back",
        );
        // told the day after, the same contract is the news
        let d = decide_on(title, lead, Some("2025-11-04"));
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn convertible_notes_in_chinese_are_a_financing() {
        // "Cipher completes a $1.1 billion convertible senior notes offering" over "... the basis
        // for its roughly $3 billion hosting contract with Google and Fluidstack"
        let d = decide(
            "Cipher Mining完成11亿美元可转换高级票据发行",
            "Cipher Mining宣布完成11亿美元零息可转换高级票据私募发行。资金将用于Barber Lake数据中心建设,是与谷歌及Fluidstack达成约30亿美元托管合同的扩展基础。",
        );
        not_a_deal(&d);
        // a bullet of key terms: "plans a private placement of $800 million of convertible
        // senior notes for its Barber Lake hosting data center with Fluidstack"
        let d = decide(
            "融资要点",
            "Cipher Mining宣布拟私募发行8亿美元可转换优先票据,用于与Fluidstack签署托管协议的Barber Lake数据中心。",
        );
        not_a_deal(&d);
    }

    #[test]
    fn a_convertible_bond_or_a_capital_increase_in_german_is_a_financing() {
        // "TeraWulf raises $850 million of convertible bonds to expand", over a background
        // paragraph: "the listing follows the signing of a 10-year contract with Fluidstack"
        let d = decide(
            "TeraWulf platziert Wandelanleihen über 850 Millionen US-Dollar für den Ausbau",
            "Die Aktie gab nach der Ankündigung nach.\n\
             Der Kupon liegt bei 1 Prozent, die Laufzeit endet 2031.\n\
             Der Erlös dient dem Ausbau der Rechenzentren.\n\
             Die Platzierung folgt auf die Unterzeichnung eines 10-Jahres-Vertrags mit Fluidstack für den Campus in New York.",
        );
        not_a_deal(&d);
        assert_eq!(
            headline_class("Cipher colloca obbligazioni per 1 miliardo"),
            Some(Against::Financing)
        );
    }

    #[test]
    fn a_customer_locking_a_deal_with_the_company_for_chips_buys_from_the_company() {
        let d = decide(
            "",
            "Meta secures a $4B Cipher Mining deal for Nvidia B300 compute, signing a four-year cloud services contract for capacity in Texas. Cipher Mining separately agreed with Dell to procure servers worth $2 billion.",
        );
        deal_with(&d, "Meta");
        // a customer's purchase agreement for capacity from the company buys from it
        let d = decide(
            "",
            "Microsoft has signed a $9.7 billion purchase agreement for AI cloud capacity from \
             the cloud firm IREN.",
        );
        deal_with(&d, "Microsoft");
        // the company buying chips for a customer's deal stays a buyer
        let d = decide(
            "",
            "Cipher Mining signed a $2 billion deal for Nvidia B300 servers with Dell.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn guaranteed_as_an_adjective_makes_no_guarantor() {
        let d = decide(
            "Microsoft signs $9.7B cloud contract with IREN",
            "Microsoft signed a five-year $9.7 billion cloud services contract with IREN. IREN also agreed with Dell Technologies to buy GPUs and gear worth about $5.8 billion. Microsoft has lately chased guaranteed capacity wherever it can find it.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn a_question_headline_is_answered_past_photo_captions_and_the_headline_repeated() {
        let title = "Why Is Hut 8 Stock Climbing 10% Today?";
        let lead = "Why Is Hut 8 Stock Climbing 10% Today?\nUnder the agreement, Hut 8 will supply 50 MW of critical IT at its Texas site.\nIn this photo illustration, a Hut 8 sign is seen on a phone screen.\n(Photo Illustration by A. Person/Getty Images)\nAdd us on Google News\n• The lease should bring about $900 million over ten years.\n• It carries two five-year renewal options.\n• Google will backstop $300 million of the tenant's lease obligations.\n• The site will run AI training workloads.\nHut 8 Corp. announced on Wednesday that it has signed a 10-year colocation lease with Fluidstack for 50 MW of critical IT.";
        let d = decide(title, lead);
        deal_with(&d, "Fluidstack");
        assert!(is_furniture(
            "In this photo illustration, a Hut 8 sign is seen on a phone screen."
        ));
        assert!(is_furniture(
            "(Photo Illustration by A. Person/Getty Images)"
        ));
        assert!(is_furniture("Add us on Google News"));
    }

    #[test]
    fn an_ai_agents_byline_and_a_weekday_dateline_do_not_push_the_answer_out_of_the_opening() {
        let title = "Riot Platforms: Is the AMD Lease Rally a Rerating or an Overreaction?";
        let lead = "Generated by AI AgentJane RowReviewed byMarkets Desk\nFriday, Jan 16, 2026 6:44 pm ET4min read\nThe stock's rise is a direct reaction to an agreement announced this week. Riot took bold steps to turn its main mining site into a data center. First, it bought 200 acres at its Rockdale site in Texas. The purchase was paid for by selling about 1,080 bitcoin. Second, and more important, Riot signed a ten-year lease for its data center with AMD.";
        let d = decide(title, lead);
        deal_with(&d, "AMD");
        for line in [
            "Generated by AI AgentJane RowReviewed byMarkets Desk",
            "Generado por agente de IAJane RowRevisado porMarkets Desk",
            "Friday, Jan 16, 2026 6:44 pm ET4min read",
            "viernes, 16 de enero de 2026, 6:44 pm ET4 min de lectura",
            "Monday, March 3, 2025",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        // run into the story's first sentence (line breaks lost), a byline is prose
        assert!(!is_furniture(
            "Generated by AI AgentJane RowReviewed byMarkets Desk Friday, Jan 16, 2026 6:44 pm ET4min read The stock's rise is a direct reaction to the agreement Riot signed with AMD"
        ));
        // a sentence that opens with its day is prose
        assert!(!is_furniture(
            "Friday, Jan 16, 2026: Riot Platforms signed a ten-year lease with AMD for 25 MW."
        ));
    }

    #[test]
    fn a_party_described_as_a_chip_maker_in_spanish_is_the_customer_not_a_vendor() {
        let d = decide(
            "Riot Platforms firma con AMD",
            "Riot Platforms dio un paso hacia los centros de datos de IA. Firmó un contrato de arrendamiento a diez años para su centro de datos de Rockdale con el fabricante de chips AMD.",
        );
        deal_with(&d, "AMD");
        // the chips of a maker are still its goods: "las GPU de Nvidia", "les puces de Nvidia"
        assert_eq!(party_role("les puces de Nvidia", 12, 18), Role::Vendor);
    }

    #[test]
    fn reading_times_credits_and_ad_markers_in_other_languages_are_furniture() {
        for line in [
            "4 Minutes de lecture",
            "3 min di lettura",
            "5 Minuten Lesezeit",
            "© Photo : une agence d'images",
            "- Publicité -",
            "Pubblicità",
            "Quick Takeaways",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        assert!(!is_furniture(
            "Cipher signe un bail de dix ans avec Fluidstack."
        ));
        // past a byline, a reading time, a credit and an ad marker, the AI cloud a
        // guarantor's stake serves is still in the opening
        let d = decide(
            "Google prend une participation dans Cipher Mining pour accélérer dans l'IA",
            "Google va prendre 5 % de Cipher Mining dans le cadre d'un accord d'IA de 2 milliards de dollars sur dix ans.\n\
             Par\nUn Pigiste\n\
             Un pigiste qui couvre la technologie et les marchés depuis bientôt dix ans, de Paris à Montréal.\n\
             4 Minutes de lecture\n© Photo : une agence d'images\n\
             Google prend une participation de 5 % dans Cipher Mining dans le cadre d'un grand accord.\n\
             Cette opération marque un tournant pour le géant américain.\n\
             L'accord conclu mercredi attribue à Google des bons de souscription sur des actions de Cipher Mining.\n\
             Cette participation a une valeur importante.\n- Publicité -\n\
             Une alliance avec Fluidstack\n\
             Google garantit 1 milliard de dollars d'obligations locatives de Fluidstack, une jeune pousse londonienne.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_production_update_recalling_our_recent_announcement_and_other_recent_news_recall() {
        let d = decide(
            "Core Scientific reports June production",
            "Core Scientific today released unaudited production figures for June.\n\
             \u{201c}Our hosting business keeps growing, as shown by our recent announcement of new 12-year hosting contracts for 100 megawatts with CoreWeave,\u{201d} the chief executive said.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        let d = decide(
            "Oil prices slip as inventories build",
            "A director of Applied Digital sold 10,000 shares on Monday, a Form 4 filing shows.\n\
             In other recent news, Applied Digital announced a new lease agreement with CoreWeave for an additional 100MW at its North Dakota campus.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        assert!(recalls(
            "In other news, Hut 8 signed a lease with Fluidstack."
        ));
        assert!(!recalls("Hut 8 signed a lease with Fluidstack on Monday."));
    }

    #[test]
    fn a_lease_raising_a_load_from_one_figure_to_another_and_a_warrant_holder() {
        // "from 120 MW to 150 MW" is a quantity's change, not a landlord; the hyperscaler whose
        // warrant agreement is amended is the guarantor, the AI cloud the tenant
        let d = decide(
            "Cipher Mining, Google amend agreements as Barber Lake adds 30 MW",
            "Cipher Mining announced linked agreements for its Barber Lake data center.\n\
             An amended lease with Fluidstack raises the critical IT load from 120 MW to 150 MW by adding a 30 MW second phase.\n\
             The company and Google amended a warrant agreement on 20 million shares.",
        );
        deal_with(&d, "Fluidstack");
        assert!(
            !d.reasons
                .iter()
                .any(|r| r.contains("takes a lease from a landlord")),
            "{:?}",
            d.reasons
        );
    }

    #[test]
    fn mining_capacity_hosted_in_other_languages_and_a_lease_book_are_no_ai_contract() {
        // hosting for the company's bitcoin mining operations, in Italian and German
        for (title, text) in [
            (
                "Marathon amplia l'hosting",
                "Marathon Digital Holdings si è assicurata circa 150 megawatt di nuovi accordi di hosting per le sue operazioni di mining di Bitcoin.",
            ),
            (
                "Bitfarms étend son hébergement",
                "Bitfarms a signé un contrat d'hébergement de 50 mégawatts pour ses opérations de minage au Texas.",
            ),
            (
                "Bitfarms erweitert",
                "Bitfarms hat die Erweiterung seiner Mining-Kapazitäten durch einen Hosting-Vertrag mit Stronghold angekündigt.",
            ),
        ] {
            let d = decide(title, text);
            no_deal_because(&d, &format!("against: {MINING}"));
        }
        // a lease book is the company's contracted leases together, not one contract: a
        // headline securing a loan beside it is a financing
        let d = decide(
            "Hut 8 Secures Bank Loan and $12B AI Lease Book",
            "Hut 8 refinanced a bitcoin-backed credit facility with a $150 million loan, and its contracted lease base across two campuses now stands at $12 billion.",
        );
        assert!(
            d.detection.as_ref().is_none_or(|x| x.kind != Kind::Deal),
            "{:?}",
            d.detection
        );
    }

    #[test]
    fn a_contract_the_company_disclosed_is_told() {
        let d = decide(
            "NVIDIA and IREN partner on AI infrastructure",
            "The companies announced a partnership to deploy AI infrastructure across IREN's sites.\n\
             On the same day, IREN also disclosed a four-year AI cloud services contract with NVIDIA worth up to $2.5 billion.",
        );
        deal_with(&d, "NVIDIA");
        assert_eq!(d.detection.unwrap().terms.term_years, Some(4.0));
        // disclosed before is recalled, and a filing that disclosed "its" contract tells one
        // the company had
        let d = decide(
            "IREN shares rise",
            "IREN shares rose on Tuesday. As previously disclosed, IREN signed a four-year AI cloud services contract with NVIDIA.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn an_italian_lease_of_capacity_to_host_ai_is_a_contract() {
        let d = decide(
            "TeraWulf e l'intelligenza artificiale",
            "TeraWulf ha annunciato l'affitto di 60 megawatt per ospitare attività di intelligenza artificiale.",
        );
        deal_with(&d, "undisclosed");
        assert_eq!(d.detection.unwrap().terms.capacity_mw, Some(60.0));
    }

    #[test]
    fn a_lease_from_a_hyperscaler_is_the_companys_tenant_not_its_landlord() {
        let d = decide(
            "Applied Digital rises after a $4 billion lease",
            "Applied Digital rose 5% premarket after it announced a $4 billion, 15-year AI factory lease from a \u{201c}US based investment grade hyperscaler\u{201d} at its Polaris Forge 2 campus.",
        );
        deal_with(&d, "undisclosed");
        // a landlord named after "from" is still the company's landlord
        let d = decide(
            "Applied Digital takes a ground lease",
            "Applied Digital leased 300 acres from a local landowner for a new AI data center campus.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn a_stake_taken_as_part_of_a_tenants_deal_in_portuguese_leaves_the_deal() {
        // "Google took a 6% stake in Cipher Mining as part of a $2 billion deal with the AI
        // cloud Fluidstack. Under it Cipher Mining will supply 100 megawatts to Fluidstack."
        let d = decide(
            "",
            "O Google adquiriu uma participação de 6% na Cipher Mining como parte de um acordo de US$ 2 bilhões com a empresa de nuvem de IA Fluidstack. Pelo acordo, a Cipher Mining fornecerá 100 megawatts para a Fluidstack em seu campus no Texas.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_backstop_named_after_the_tenant_does_not_make_the_tenant_a_backer() {
        // "Google covers Fluidstack's obligations by means of a $1 billion backstop"
        let t =
            "O Google cobre as obrigações da Fluidstack por meio de um backstop de US$ 1 bilhão.";
        let start = t.find("Fluidstack").unwrap();
        assert_eq!(
            party_role(t, start, start + "Fluidstack".len()),
            Role::Counterparty
        );
        let t = "Google backs Fluidstack's lease.";
        assert_eq!(party_role(t, 0, 6), Role::Guarantor);
    }

    #[test]
    fn an_abbreviation_the_text_defines_for_a_customer_stands_for_it() {
        // "Microsoft (MS) keeps buying compute. On the 3rd MS signed a five-year cloud services
        // contract worth about $9.7 billion with IREN."
        let d = decide(
            "MS의 컴퓨팅 확보 경쟁",
            "마이크로소프트(MS)가 외부 컴퓨팅 자원 확보를 서두르고 있다. MS는 3일 아이렌(IREN)과 5년간 약 97억달러 규모의 클라우드 서비스 계약을 체결했다.",
        );
        deal_with(&d, "Microsoft");
        has_reason(&d, "read \"MS\" as Microsoft, as the text defines it");
    }

    #[test]
    fn a_stake_a_customer_takes_in_another_company_does_not_make_it_a_guarantor() {
        // "Microsoft signed a $9.7 billion cloud services contract with IREN. Earlier, Microsoft
        // invested $1.5 billion for a stake in G42."
        let d = decide(
            "마이크로소프트, 아이렌과 97억달러 계약",
            "마이크로소프트는 아이렌(IREN)과 5년간 97억달러 규모의 클라우드 서비스 계약을 체결했다. 마이크로소프트는 이어 람다(Lambda)와도 GPU 사용 계약을 맺었다. 마이크로소프트는 앞서 G42에 15억달러 지분 투자를 진행했다.",
        );
        deal_with(&d, "Microsoft");
        // a sentence ending in a wide full stop before the name is cut there (no panic)
        let t = "ハット8が契約を締結。Googleが保証する。";
        let g = t.find("Google").unwrap();
        assert_eq!(around(t, g, g + 6), "Googleが保証する");
    }

    #[test]
    fn iren_as_australian_papers_write_it_counts_in_a_text_about_the_field() {
        let d = decide(
            "Sydney operator lands $14.8b AI deal with Microsoft",
            "Microsoft signed a five-year deal to buy AI cloud computing capacity from Iren, the Sydney-founded data centre company.",
        );
        deal_with(&d, "Microsoft");
        assert_eq!(
            d.detection.as_ref().map(|x| x.ticker.as_str()),
            Some("IREN")
        );
        // an Italian utility of the same name, in a text about something else, is not IREN
        let d = decide(
            "Iren, utile in crescita",
            "Iren ha chiuso il trimestre con ricavi in aumento grazie alle reti idriche.",
        );
        no_deal_because(&d, "no company of the universe is named");
    }

    #[test]
    fn a_financing_headline_that_recalls_a_deal_days_old_is_a_financing() {
        let d = decide(
            "Cipher Mining raised its convertible notes offering on Friday, one day after revealing a $3 billion hosting deal backstopped by Google",
            "The notes are now priced at $1.1 billion. They fall due in 2031. Shares rose 5% on Friday. The company on Thursday announced that it signed a 10-year, $3 billion colocation agreement with Fluidstack.",
        );
        not_a_deal(&d);
        assert!(recalls("two days after announcing a lease with CoreWeave"));
    }

    #[test]
    fn a_financing_structure_in_equity_units_is_no_lease() {
        let d = decide(
            "Key Points",
            "Applied Digital entered a $5 billion preferred equity financing facility with Macquarie. The financing structure includes preferred and common equity units, with Macquarie investing $2.25 million per executed lease for each 1 MW of capacity.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn an_expansion_to_come_is_no_signing_and_reaching_an_agreement_is_one() {
        // a filing summary's plan to grow colocation capacity
        let d = decide(
            "Quarterly filing digest",
            "- TeraWulf's Lake Mariner campus runs 245 MW of energized capacity and is set to expand HPC colocation capacity to 72.5 MW by the end of the year.",
        );
        not_a_deal(&d);
        // "reached an agreement" signs
        let d = decide(
            "Skip to main content",
            "Microsoft has reached a $9.7 billion agreement with IREN to expand its AI computing capacity over five years.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn a_deal_recalled_by_its_year_or_as_recently_unveiled_is_no_news() {
        let d = decide(
            "Applied Digital: the year in data centers",
            "In 2025, Applied Digital signed long-term leases totaling 400 MW of capacity for CoreWeave at its North Dakota campus.",
        );
        not_a_deal(&d);
        let d = decide(
            "IREN shares in focus",
            "IREN's recently unveiled $9.7 billion contract with Microsoft to provide GPU cloud capacity is seen as a turning point.",
        );
        not_a_deal(&d);
        // and the deal, as the subject of what it does, signs nothing afresh
        // (titled, as the feed reader titles an item that has none, with its first twelve words)
        let d = decide(
            "Applied Digital recently cemented its standing in AI hosting with a landmark 250",
            "Applied Digital recently cemented its standing in AI hosting with a landmark 250 MW, 15-year lease agreement with CoreWeave at its Ellendale campus. The $7 billion deal not only secures compute capacity but shows how far CoreWeave reaches.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn a_funding_milestone_is_a_financing_and_a_profile_is_commentary() {
        let d = decide(
            "Applied Digital and Macquarie Reach First Funding Milestone in $5.0 Billion Partnership",
            "Applied Digital received the first draw from its preferred equity facility with Macquarie. More draws are expected this year. The first funding of $112.5 million came from Macquarie's funds to build the 400 MW campus in Ellendale, which has leased the 400 MW under construction to CoreWeave.",
        );
        not_a_deal(&d);
        let d = decide(
            "Data Center Diaries: Applied Digital",
            "This week's installment of Data Center Diaries profiles a company that turned from mining to AI. Applied Digital has signed a 15-year lease with CoreWeave for 150 MW.",
        );
        no_deal_because(&d, "against: commentary (opinion, analysis, a question)");
    }

    #[test]
    fn a_new_deal_to_deliver_megawatts_to_a_customer_is_the_news() {
        let d = decide(
            "TeraWulf Stock Slides As Bitcoin Falls",
            "Shares of TeraWulf fell 13% on Monday. Bitcoin slipped under $95,000. TeraWulf's new deal to deliver more than 70 MW of data center capacity to Core42 was no match for the slide in bitcoin.",
        );
        deal_with(&d, "Core42");
    }

    #[test]
    fn agreements_summed_a_track_record_or_a_list_of_miners_announce_no_deal() {
        // a year's agreements summed in a results release
        let d = decide(
            "TeraWulf Reports Fourth Quarter and Full Year Results",
            "Fiscal year 2025 was a turning point for TeraWulf as the Company executed long-term lease agreements totaling 500 critical IT MW with AI tenants.",
        );
        not_a_deal(&d);
        // an earlier site's leases as the new site's track record
        let d = decide(
            "Applied Digital plans a second campus",
            "The new campus should build on the success of Polaris Forge 1, where Applied Digital secured long-term leases with CoreWeave covering 400 MW.",
        );
        not_a_deal(&d);
        // three companies of the universe in a list are the sector
        let d = decide(
            "Les mineurs se tournent vers l'IA",
            "Des mineurs de bitcoin comme Cipher, IREN et CleanSpark cherchent des contrats d'IA, IREN ayant signé un accord de 9,7 milliards de dollars avec Microsoft.",
        );
        not_a_deal(&d);
        // a Chinese analysis "in three dimensions below" is commentary
        let d = decide(
            "比特币矿商IREN与CIFR近期股价飙升,以下从三个维度展开分析:",
            "客户背书:IREN与微软签订97亿美元、为期五年的云服务协议。",
        );
        no_deal_because(&d, "against: commentary (opinion, analysis, a question)");
    }

    #[test]
    fn a_signing_right_after_a_deal_dated_last_week_is_that_deal_told_again() {
        let d = decide(
            "TeraWulf shares in focus",
            "Shares of TeraWulf soared last week after a landmark deal backed by Google. The company has signed two 10-year colocation agreements with Fluidstack for 200 MW.",
        );
        not_a_deal(&d);
        // unless the sentence says it is another
        let d = decide(
            "TeraWulf shares in focus",
            "Shares of TeraWulf soared last week after a landmark deal backed by Google. Today the company signed a new 10-year lease with Core42 for 70 MW.",
        );
        deal_with(&d, "Core42");
    }

    #[test]
    fn a_hosting_contract_secured_in_japanese_is_signed() {
        // "…契約を確保したと発表した": announced it secured a 25-year hosting contract
        let d = decide(
            "テラウルフの株価が急騰",
            "テラウルフはフルイドスタック(Fluidstack)と組み、168MW規模のデータセンターについて25年のホスティング契約を確保したと発表した。",
        );
        deal_with(&d, "Fluidstack");
        let t = &d.detection.as_ref().unwrap().terms;
        assert_eq!((t.capacity_mw, t.term_years), (Some(168.0), Some(25.0)));
    }

    #[test]
    fn a_signing_supposed_a_merger_vote_results_in_japanese_and_examples_after_like_are_no_deal() {
        // a signing supposed, not told
        let d = decide(
            "CleanSpark's Texas campus raises the stakes",
            "Until CleanSpark shows steady cash flow or secures firm AI hosting contracts for its 300 MW, the build-out adds risk.",
        );
        not_a_deal(&d);
        // a merger in a French headline
        assert_eq!(
            headline_class("Rejet de la fusion entre Core Scientific et CoreWeave"),
            Some(Against::Corporate)
        );
        // a Japanese results review
        assert_eq!(
            headline_class("Galaxy Digital の第2四半期決算を読む"),
            Some(Against::Results)
        );
        // "a large player like Amazon or Meta" names examples, not the customer
        let d = decide(
            "Can Applied Digital Stock Reach $18?",
            "Applied Digital signed two 15-year leases with CoreWeave for 250 MW, to support CoreWeave's AI operations. Analysts had expected a large player like Amazon or Meta to sign instead.",
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn a_generic_signer_a_sector_total_and_a_roundup_of_several_companies_deals_are_no_deal() {
        // what a miner that signs gains, said of any miner
        let d = decide(
            "3-Line Briefing",
            "- Cipher Mining is a U.S. bitcoin miner now priced on what its power could earn from AI and HPC.\n- The bull case rests on contracted compute; the bear case is dilution.\nWhat Changes\nThe debate about Cipher Mining is less about its hash rate than about its sites. A miner that signs colocation or HPC contracts earns steadier dollar revenue, and investors pay a higher multiple for that.",
        );
        not_a_deal(&d);
        // the sector's total, with no company and no customer named
        let d = decide(
            "Home Crypto How bitcoin miners became AI landlords",
            "While bitcoin fell this year, the miners' shares rose by half.\nSummary\n- Listed bitcoin miners have secured over $60 billion of AI and high-performance computing contracts while the industry leans less on mining income.\n- The miners' shares beat bitcoin this year.\nThe figures are large. Hut 8 signed a 15-year lease for a 300 MW campus in Texas. IREN won a $9.7 billion contract from Microsoft.",
        );
        not_a_deal(&d);
        // under a headline naming no company, several companies' signings in a row
        let d = decide(
            "How bitcoin miners turned into landlords",
            "Mining margins fell through the year. Hut 8 signed a 15-year lease for a 300 MW campus in Texas. TeraWulf signed two leases worth $3.7 billion. Cipher Mining secured a $5.5 billion lease with Amazon.",
        );
        not_a_deal(&d);
        // one company's signing dated today is the news, whatever the next sentence recalls
        let d = decide(
            "How bitcoin miners turned into landlords",
            "Mining margins fell through the year. Hut 8 today signed a 15-year lease with Fluidstack for 245 MW in Louisiana. TeraWulf signed two leases with Fluidstack in August.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_stake_stated_under_a_headline_repeated_as_the_first_line_is_the_guarantors() {
        // the page repeats its headline as the text's first line; the stake's size comes in the
        // sentence after it, and the backing of the tenant's contract is the news
        let title = "Google eyes a bitcoin miner stake in the AI build-out";
        let d = decide_on(
            title,
            &format!(
                "{title}\n\n(Wire) — Under a multi-year data center agreement between Fluidstack, an AI cloud startup, and Cipher Mining, Google gains warrants for a 5% stake in Cipher.\n\nThe data center operator said Google is to guarantee $1.2 billion of Fluidstack's payments under its contract with Cipher."
            ),
            Some("2025-09-25"),
        );
        deal_with(&d, "Fluidstack");
        // with no size to the stake, the sentence that states the tenant's contract is the news,
        // not the stronger one about the backing
        let d = decide_on(
            title,
            "Google will get the right to buy a stake in Cipher Mining under a data center agreement with Fluidstack, an AI cloud startup.\n\nThe data center operator said Google is to guarantee $1.2 billion of Fluidstack's payments under its contract with Cipher.\n\nThe first term of Fluidstack's deal to lease capacity from Cipher is ten years, worth roughly $3 billion in revenue.",
            Some("2025-09-25"),
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_deal_that_sends_the_stock_up_is_the_news() {
        // the headline says the deal moved the stock: the deal is the day's news
        let d = decide(
            "Microsoft deal sends IREN shares soaring",
            "Shares of IREN jumped 20% on Monday.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn land_leased_a_contract_that_supports_growth_and_another_companies_deal_are_no_deal() {
        // the company leases land ("leased around 31 acres"): it is the lessee
        let d = decide(
            "DFW crypto mine set for a $6 billion makeover",
            "Core Scientific is set to spend $6.1 billion turning its Denton site into an AI data center. On November 19, the city council approved changes to a power purchase agreement and land lease with Core Scientific, worth about $194 million in property tax over ten years. Under the first deal, Core Scientific leased around 31 acres that came with 297 megawatts of power.",
        );
        not_a_deal(&d);
        // a contract that supports the company's growth is the background, not the news (an
        // item titled with its text's first words, as the feed reader titles one with none)
        let text = "IREN is growing toward 150,000 GPUs in its AI cloud, supported by a $9.7 billion, 5-year Microsoft cloud contract. Management also points to up to $3.7 billion in annual recurring revenue. The main risk is dilution.";
        let d = decide(
            &crate::crawl::feed::first_words(text, crate::crawl::feed::TITLE_WORDS),
            text,
        );
        not_a_deal(&d);
        // an item with no title whose first sentence tells two other companies' deal, before
        // the text names any company of the universe
        let d = decide(
            "",
            "Two private firms, Lancium of Houston and Crusoe Energy Systems of Denver, unveiled a multibillion-dollar deal for a 200-megawatt AI data center outside Abilene, Texas. It is the first phase of a larger build-out. Miners such as Bit Digital are turning to AI hosting too.",
        );
        not_a_deal(&d);
        // the story's miner, named only further on, signing in a headline-like line (Italian)
        let d = decide(
            "Verificato",
            "Un miner di Bitcoin firma un accordo AI da 3,7 miliardi di dollari sostenuto da Google\n2 min\nIn breve\n• TeraWulf e Fluidstack completano un'intesa da 3,7 miliardi per un centro dati AI; Google ne garantisce 1,8.\n• TeraWulf porterà 200 MW nel centro dati di Fluidstack a New York.",
        );
        deal_with(&d, "Fluidstack");
        // an upsized agreement in a monthly update's bullet, with an AI lab the configuration
        // names
        let d = decide(
            "April Monthly Investor Update",
            "IREN today published its monthly investor update for April.\nKey Highlights\n• 816 NVIDIA H100 GPUs\n• AI cloud services agreement with Poolside doubled to 504 GPUs and extended",
        );
        deal_with(&d, "Poolside");
    }

    #[test]
    fn an_example_of_a_trend_a_customers_own_deals_and_a_volume_ranking_are_no_deal() {
        // a company's deal given as the example of a trend
        let d = decide(
            "Bitcoin miners turn into AI power suppliers",
            "Miners are moving into AI infrastructure, using the power and sites they already have.\nSummary\nAfter the halving squeezed margins, mining companies began to remake their business. IREN exemplified this trend with a $9.7 billion agreement it secured to supply Microsoft with data center capacity. Rivals' shares rallied too.",
        );
        not_a_deal(&d);
        // a case like the one before it
        let d = decide(
            "How Google backs the miners' AI build-out",
            "Google has been backing the miners' move into AI with credit support. TeraWulf set the pattern at Lake Mariner, where Google raised its backstop to $3.2 billion. Similarly, Cipher Mining signed an agreement to host Fluidstack's AI servers on 168 MW for ten years, Google standing behind $1.4 billion of the rent.",
        );
        not_a_deal(&d);
        // deals that illustrate a trend
        let d = decide(
            "Cloud spending lifts the miners",
            "Two cloud giants raised their capital budgets again.\n\
             Miners hit by the halving moved into AI hosting.\n\
             Recent deals illustrate the trend: IREN signed a five-year cloud contract with Microsoft.",
        );
        not_a_deal(&d);
        // a wrap's list of the deals a report cites
        let d = decide(
            "Big tech keeps spending on AI; miners host the machines",
            "Two cloud giants raised their capital budgets again this week.\n\
             Bitcoin miners that moved into AI hosting were among last year's best stocks.\n\
             Many turned their mining sites into data centers to survive the halving.\n\
             The survey cites two recent deals: IREN signed a five-year cloud contract with Microsoft, and Cipher Mining agreed to deliver 300 MW to Amazon.",
        );
        not_a_deal(&d);
        // a customer's quarter: its own contract with an AI lab is not a miner's deal
        let text = "CoreWeave, the AI cloud provider, reported $1.21 billion of revenue for the second quarter, triple the year before. The shares fell after hours. Demand looks strong: CoreWeave's backlog grew to $30.1 billion at the end of June. A $4 billion contract expansion with OpenAI and new hyperscaler deals lifted the backlog, while contracted power grew by 600 MW to 2.2 GW. CoreWeave agreed in July to buy Core Scientific in an all-stock deal.";
        let d = decide(
            &crate::crawl::feed::first_words(text, crate::crawl::feed::TITLE_WORDS),
            text,
        );
        not_a_deal(&d);
        // a customer's deployment at a miner's site, for a customer of its own
        let d = decide(
            "CoreWeave switches on 16,000 GPUs in Texas for OpenAI",
            "CoreWeave has started running GPUs at Core Scientific's site in Denton, Texas, after construction delays.\nMore than 16,000 GPUs are now online there, internal messages show.\nThe site is part of CoreWeave's wider build-out for OpenAI, which has signed multi-year compute contracts with CoreWeave worth billions.",
        );
        not_a_deal(&d);
        // a trading-volume ranking is a market page
        assert_eq!(
            headline_class(
                "TeraWulf Climbs to 412th in Trading Volume Amid $3.7 Billion Hosting Deals"
            ),
            Some(Against::Market)
        );
    }

    #[test]
    fn sentences_split_before_letters_without_capitals_and_past_emoji() {
        // Hangul has no capitals: a stop and a space end the sentence
        assert_eq!(
            sentences("헛8이 새 계약을 맺었다. 주가는 크게 올랐다."),
            ["헛8이 새 계약을 맺었다.", "주가는 크게 올랐다."]
        );
        // emoji between the stop and the next capital
        assert_eq!(
            sentences("What a week for miners! 🚀🔥 IREN signed a cloud deal."),
            ["What a week for miners!", "🚀🔥 IREN signed a cloud deal."]
        );
        // an emoji closing a line stays with it; a lower-case word after emoji goes on
        assert_eq!(
            sentences("Quite the show! 🍿\nNext line. 🚀 and more"),
            ["Quite the show! 🍿", "Next line. 🚀 and more"]
        );
    }

    #[test]
    fn fresh25_decisions_from_the_wording_of_real_coverage() {
        // a signing counted as none yet ("zero signed leases") is no signing
        let d = decide(
            "Watchlist note: Keel Infrastructure",
            "We would exit on a weekly close under $5, or after a quarter with zero signed AI leases across Bitfarms' sites in Pennsylvania and Washington.",
        );
        not_a_deal(&d);
        // an item with no title whose first sentence reports a quarter's revenue: results,
        // whose lease of months before is recalled
        // (the lease told far down, after the period's figures and plans)
        let text = "Applied Digital has reported a steep rise in revenue for its second fiscal quarter of 2026, helped by its data center leasing. Revenue came to $126.6 million. The net loss was $31.2 million. Adjusted EBITDA was $20.2 million. The cloud unit is to be spun off. It will merge with a listed partner. The parent keeps most of the new entity. The deal should close next year. Growth rests on new sites. A southern campus broke ground in January. It is planned for 430 MW. Operations start in 2027. The first northern campus is fully running. Its 100 MW are in service. Capital spending rose. Cash on hand fell. At the Polaris Forge 2 campus under construction, Applied Digital has secured a 15-year lease with an investment-grade hyperscaler covering 200 MW.";
        let d = decide(
            &crate::crawl::feed::first_words(text, crate::crawl::feed::TITLE_WORDS),
            text,
        );
        not_a_deal(&d);
        // a business bought, its customers with it
        let d = decide(
            "Hut 8 widens its reach",
            "Under the agreement, Hut 8 is acquiring the cloud hosting and colocation customers of a regional network operator, with its staff and equipment.",
        );
        not_a_deal(&d);
        // a "pact" with a hyperscaler, its value stated, is the company's deal
        let d = decide(
            "Miners turn AI landlords",
            "IREN signed a five-year pact with Microsoft worth $9.7 billion, a first for a former miner.",
        );
        deal_with(&d, "Microsoft");
        // the headline says whose deal is the story: the text's stronger sentence about another
        // company's lease gives way to the strongest contract of the company it names (Korean)
        let d = decide(
            "아이렌, 마이크로소프트와 대형 계약",
            "아이렌이 마이크로소프트와 5년간 97억 달러의 클라우드 계약을 체결했다고 현지 언론이 보도했다. 한편 사이퍼 마이닝도 아마존웹서비스와 15년 임대 계약을 맺고 텍사스 데이터센터를 내주었다.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn an_untitled_item_under_a_byline_is_headed_by_its_first_sentence_of_text() {
        // the byline and the date line are furniture: the results sentence is the headline, and
        // the quarter's lease revenue is no contract
        let text = "By Jane Roe\nLast update: Nov 11, 2025\nTeraWulf has reported its results for the third quarter of 2025, short of estimates on revenue.\nRevenue: $50.6 million\nThe rise was driven mainly by a higher bitcoin price, added mining capacity and the commencement of HPC lease revenue, which brought in $7.2 million in the quarter.\nThe company has executed over 520 MW of long-term HPC leases, more than $17 billion of contracted revenue.";
        let d = decide(
            &crate::crawl::feed::first_words(text, crate::crawl::feed::TITLE_WORDS),
            text,
        );
        not_a_deal(&d);
    }

    #[test]
    fn a_summary_whose_subject_was_a_lost_link_answers_the_question_its_headline_asks() {
        // the company's name was a link the page dropped; the customer is unnamed, and the
        // customer of an earlier lease the text recalls is not this one's
        let title = "Applied Digital's $5B Lease: Is the Selloff Overdone?";
        let text = format!(
            "{title}\nWritten by an AI agent\nMonday, Jan 12, 2026 9:30 am ET3min read\nSummary\n-\nsigned a $5B, 15-year lease for 200MW at its second North Dakota campus, lifting its leased capacity to 600MW.\n- Shares fell 7% as investors weighed the cost of the build.\nThe event is plain.\nThe company's earlier lease with CoreWeave had already shown the demand.\nShares dropped more than 7% on the news, and analysts kept their targets.\nThe stock had slumped for a week.\nApplied Digital signed the 15-year lease with an investment-grade hyperscaler for 200 MW at the campus."
        );
        let d = decide(title, &text);
        deal_with(&d, "undisclosed");
        assert_eq!(
            d.detection.as_ref().map(|x| x.terms.value_usd),
            Some(Some(5e9))
        );
        // "The company signed …" as well
        let d = decide(
            title,
            &text.replace("\n-\nsigned a", "\nThe company signed a"),
        );
        deal_with(&d, "undisclosed");
        // under a headline that names two companies, whose subject it is cannot be told
        let d = decide(
            "Applied Digital and Hut 8: Is the Selloff Overdone?",
            &text.replace(title, "Applied Digital and Hut 8: Is the Selloff Overdone?"),
        );
        not_a_deal(&d);
    }

    #[test]
    fn a_question_heading_over_a_lease_the_company_solidified_is_a_deal() {
        let d = decide(
            "#How large is Hut 8's lease with Fluidstack?",
            "#How large is Hut 8's lease with Fluidstack?\nHut 8 has solidified a 15-year lease with Fluidstack for 245 MW of IT capacity at River Bend, valued at $7 billion.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn access_granted_to_a_customer_to_some_of_a_vendors_chips_is_no_purchase() {
        let d = decide(
            "Microsoft has entered into a $9.7 billion cloud services contract with IREN, an AI cloud provider",
            "Microsoft has entered into a $9.7 billion cloud services contract with IREN, an AI cloud provider. The deal gives Microsoft access to some of Nvidia's newest chips.",
        );
        deal_with(&d, "Microsoft");
        // buying the chips is still a purchase
        let d = decide(
            "IREN buys GPUs",
            "IREN has agreed to the purchase of some of Nvidia's newest chips for $5.8 billion.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn the_chip_maker_whose_chips_a_customer_gets_access_to_is_a_vendor() {
        let text = "Iren is up 12% after inking a deal to give Anthropic access to Nvidia's B300 GPUs for $2 billion.";
        let at = |name: &str| {
            let s = text.find(name).unwrap();
            party_role(text, s, s + name.len())
        };
        assert_eq!(at("Nvidia"), Role::Vendor);
        assert_eq!(at("Anthropic"), Role::Counterparty);
        // access to a company's capacity, not its chips, names no vendor
        let text = "Iren shares rose after it signed access to Nvidia's new cloud capacity.";
        let s = text.find("Nvidia").unwrap();
        assert_eq!(party_role(text, s, s + 6), Role::Counterparty);
    }

    #[test]
    fn a_stock_move_over_last_week_opening_the_text_is_a_recap() {
        let rest = "The rally came from a newly signed 15-year lease of 245 MW to Fluidstack, worth $7 billion.";
        let d = decide(
            "Hut 8 Soars After Fluidstack Deal",
            &format!("Shares of Hut 8 surged 64% last week, closing at $19.70 on Friday.\n{rest}"),
        );
        no_deal_because(&d, "against: a stock's move over last week, a recap");
        // the day's move is the news, and so is what the opening says was signed today
        let d = decide(
            "Hut 8 Soars After Fluidstack Deal",
            &format!("Shares of Hut 8 surged 20% on Wednesday.\n{rest}"),
        );
        deal_with(&d, "Fluidstack");
        let d = decide(
            "Hut 8 Soars After Fluidstack Deal",
            "Shares of Hut 8 surged 64% last week.\nToday it signed a second lease, of 100 MW, with Anthropic.",
        );
        deal_with(&d, "Anthropic");
    }

    #[test]
    fn a_company_named_as_a_comparison_in_the_lead_is_not_the_unnamed_customer() {
        let title = "Applied Digital jumps 25% in a day";
        let comparison = "Traders chasing the next Nvidia proxy in AI piled into Applied Digital. Meta nearly doubled its capex this year.";
        let news = "Applied Digital said its tenant exercised a lease option for another 150 MW at its North Dakota campus.";
        let d = decide_doc(title, &format!("{comparison}\n{news}"), "", None);
        deal_with(&d, "undisclosed");
        // a sentence that puts the company in a relation still names the customer
        let d = decide_doc(
            title,
            &format!("{comparison}\n{news}\nIts partner there is CoreWeave."),
            "",
            None,
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn an_option_a_customer_exercised_in_the_quarter_is_the_new_contract_of_a_results_summary() {
        let d = decide(
            "Cipher Mining Q2 2026 results summary",
            "Cipher Mining reported Q2 2026 results: revenue of $61M, up 18% QoQ, and a net loss of $0.12 per share.\n- Campus build-out: Fluidstack exercised a second-phase option for ~120MW at the Barber Lake site.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn an_option_a_results_summary_says_was_exercised_after_the_leases_it_extends_is_the_deal() {
        // the quarter's leases told first, then the option the customer took up since: the
        // option is the summary's new contract, and the total it brings the company to recalls
        // nothing
        let d = decide(
            "Applied Digital reports fiscal third quarter results",
            "Applied Digital reported fiscal third quarter results, with revenue up 30% on the year.\nThe company signed two 180MW leases with CoreWeave during the quarter, worth about $5 billion over 15 years. CoreWeave subsequently exercised an option for an additional 90MW, potentially bringing total contracted revenue to $7 billion.",
        );
        deal_with(&d, "CoreWeave");
        let det = d.detection.as_ref().unwrap();
        assert_eq!(det.terms.capacity_mw, Some(90.0));
        assert_eq!(
            det.evidence,
            "CoreWeave subsequently exercised an option for an additional 90MW, potentially bringing total contracted revenue to $7 billion."
        );
        // a total the text says was already contracted still recalls
        assert!(recalls(
            "The company has total contracted revenue of $7 billion across its leases."
        ));
        assert!(!recalls(
            "CoreWeave exercised an option for 90MW more, bringing total contracted revenue to $7 billion."
        ));
    }

    #[test]
    fn a_backers_enlarged_stake_told_in_italian_is_a_financing_and_a_takeover_bid_no_backed_deal() {
        // Google enlarging its investment and its financing agreement ("accordo finanziario
        // ampliato") for a project the company runs with an AI cloud: the agreement it backs is
        // the earlier one, so the news is a financing, not a new hosting deal
        let d = decide(
            "",
            "Google ha aumentato il suo investimento in TeraWulf, diventando il maggiore azionista con una partecipazione del 14%. La mossa fa parte di un accordo finanziario ampliato in cui Google fornirà un sostegno finanziario di 3,2 miliardi di dollari per il progetto che TeraWulf realizza con Fluidstack.\nIn cambio di questa maggiore garanzia finanziaria, Google ha ricevuto warrant su altre azioni di TeraWulf.",
        );
        not_a_deal(&d);
        // an AI cloud's bid for the company, beside a hyperscaler's name, is no agreement a
        // hyperscaler backs
        let d = decide(
            "The Failed $9 Billion Merger",
            "And what a cloud outage says about crypto.\nHappy Friday!\nAn AWS outage hit crypto applications this week, forcing token holders to face that their digital ownership runs on an AWS-facing API.\nAlso this week, Core Scientific's shareholder vote on the CoreWeave acquisition failed.\nPlus, the headlines you missed.\nCore Scientific shareholders vote no on CoreWeave acquisition\nCore Scientific shareholders voted against a proposed acquisition by CoreWeave, its main AI partner. CoreWeave offered to purchase Core Scientific earlier this year in an all-stock deal valued at $9 billion.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn a_signing_in_the_past_perfect_is_recalled_unless_someone_reports_it() {
        // a story on who backs the miners' leases: the lease it names in the past perfect was
        // signed before the story's time
        let d = decide(
            "How a search giant quietly underwrites the miners",
            "Lenders now treat some miners as infrastructure sponsors.\nThe structure is simple: the miner brings power and buildings, and a hyperscaler stands behind the rent.\nTeraWulf had signed a 10-year, 200 MW colocation agreement with Fluidstack at Lake Mariner, and Google backed $1.8 billion of the payments.",
        );
        not_a_deal(&d);
        // the same tense reported by the company is the news
        let d = decide(
            "TeraWulf lands AI hosting customer",
            "TeraWulf said on Thursday it had signed a 10-year colocation agreement with Fluidstack for 200 MW of critical IT load at Lake Mariner.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_customers_agreements_with_miners_as_a_class_are_the_sectors_not_a_deal() {
        // an industry report: the AI cloud's capacity signed with bitcoin miners, no miner named
        // in the sentence that counts it
        let d = decide(
            "行业跟踪:矿企转向AI算力",
            "本报告梳理比特币矿企向AI数据中心转型的进展。\n据我们测算,CoreWeave与比特币矿场签署的关键IT负载合计约650MW,约占其合同电力的两成。\n其中Core Scientific是其最大的合作方之一。",
        );
        not_a_deal(&d);
        // the same in English
        let d = decide(
            "Sector note: the miners' AI turn",
            "This note tracks how miners are turning their sites into AI data centers.\nBy our count, CoreWeave has signed about 650 MW of critical IT with bitcoin miners under 12-year contracts.\nCore Scientific remains its largest partner.",
        );
        not_a_deal(&d);
        // the story's own company among the miners is its own signing
        let d = decide(
            "Core Scientific hosting news",
            "The company became the first of the bitcoin miners to sign a 12-year, 200 MW hosting agreement with CoreWeave.",
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn a_deal_cited_as_one_piece_of_news_behind_a_sector_trend_is_an_example() {
        // a market column: the second reason the miners rose is news such as one company's
        // contract, told as evidence of the sector's turn
        let d = decide(
            "",
            "今週のビットコイン関連株は上昇しました。\n第1に、ビットコイン価格が反発しました。\n第2に、CleanSpark社がAnthropic社とAI向けホスティング契約を結んだとのニュースなどから、マイナー各社の事業転換が改めて注目されました。",
        );
        not_a_deal(&d);
        let d = decide(
            "",
            "Mining stocks rose this week.\nFirst, bitcoin bounced off its lows.\nSecond, news such as CleanSpark's hosting contract with Anthropic reminded investors that the miners are becoming AI landlords.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn a_signing_dated_months_or_years_ago_or_since_which_time_has_passed_is_recalled() {
        for body in [
            "Bitdeer signed a hosting contract with CoreWeave two years ago, and the halls are now full.",
            "Bitdeer signed a $900 million hosting contract with CoreWeave 18 months ago.",
            "Bitdeer's shares have doubled since it signed its first hosting contract with CoreWeave.",
        ] {
            let d = decide_market_note(body);
            assert!(d.detection.is_none(), "{body}: {:?}", d.detection);
        }
        // a change measured from a year ago, after a comma, dates no signing; nor is the year
        // ago a landlord the company leases from
        let d = decide(
            "Bitdeer signs hosting contract with CoreWeave",
            "Bitdeer signed a $900 million hosting contract with CoreWeave, sending its shares up 80% from a year ago.",
        );
        deal_with(&d, "CoreWeave");
        assert_eq!(d.detection.as_ref().unwrap().terms.value_usd, Some(9e8));
    }

    #[test]
    fn a_deal_the_shares_have_moved_since_it_was_announced_is_recalled() {
        // a question over a stock's run since its lease was announced: the lease is not the news
        let d = decide(
            "Hut 8 stock: is the Fluidstack deal priced in?",
            "Hut 8 shares have tripled since the company announced its River Bend lease with Fluidstack. We look at whether the market is already pricing in the $7 billion contract.",
        );
        assert!(d.detection.is_none(), "{:?}", d.reasons);
        for body in [
            "Bitdeer's shares have doubled since it unveiled its hosting contract with CoreWeave.",
            "Bitdeer's shares have doubled since the announcement of its hosting contract with CoreWeave.",
        ] {
            let d = decide_market_note(body);
            assert!(d.detection.is_none(), "{body}: {:?}", d.reasons);
        }
        // a signing that the shares moved on stays the news
        let d = decide_market_note(
            "Bitdeer's shares doubled after it signed a hosting contract with CoreWeave on Monday.",
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn a_campus_backed_by_a_deal_recalls_the_deal() {
        // the news is the campus; the deal is what stands behind it
        let d = decide(
            "IREN unveils 1.6 GW Oklahoma AI campus, backed by $9.7B Microsoft deal",
            "The campus covers 2,000 acres, with power to ramp up from 2028. IREN recently signed a $9.7 billion agreement with Microsoft for AI cloud services.",
        );
        assert!(d.detection.is_none(), "{:?}", d.reasons);
        // a lease signed today stays the news beside a campus it backs
        let d = decide(
            "Hut 8 signs $7B Fluidstack lease",
            "Hut 8 today signed a 15-year, $7 billion lease with Fluidstack at its River Bend campus in Louisiana.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_stock_note_on_an_authorization_a_miner_secured_is_no_deal() {
        // what it secured is a permit for a site, to extend an arrangement it already has
        let d = decide_market_note(
            "Bit Digital recently secured authorization for a new Quebec data center to extend its 5 MW colocation arrangement with Cerebras Systems, a project costing about $40 million.",
        );
        assert!(d.detection.is_none(), "{:?}", d.reasons);
        // a valuation piece the day after a signing: "recently secured" is the news
        let d = decide_on(
            "WhiteFiber looks undervalued after its Nscale contract",
            "WhiteFiber has recently secured a 10-year, 40 MW colocation agreement with Nscale, worth about $865 million, and its shares still trade below the value of that contract.",
            Some("2025-12-19"),
        );
        deal_with(&d, "Nscale");
    }

    #[test]
    fn hosting_for_a_customer_that_is_a_bitcoin_miner_is_mining() {
        // a results bullet: the customer is named only as a kind of bitcoin miner
        no_deal_because(
            &decide(
                "Soluna reports first quarter results",
                "Operating highlights:\n- Project Sophie: signed a 20 MW hosting agreement with Green-powered Bitcoin Miner.\n- Revenue of $3.1 million.",
            ),
            "against: bitcoin mining machines hosted or deployed, not AI or HPC",
        );
        // a bitcoin miner named before its name is the company, not its customer
        let d = decide(
            "CoreWeave signs with bitcoin miner Core Scientific",
            "CoreWeave signed a 12-year hosting agreement with bitcoin miner Core Scientific for 200 MW of AI capacity.",
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn a_lease_a_filing_names_by_its_date_and_parties_is_signed_on_that_date() {
        // an exhibit filed with the lease: the lease it refers to is dated the day before
        let body = "Reference is made to the Lease dated as of August 13, 2025 between Lake Mariner Data LLC, as landlord, and Fluidstack USA I Inc., as tenant, for 200 MW of critical IT load.";
        let d = decide_on(
            "TeraWulf Inc. exhibit 10.2: guaranty",
            body,
            Some("2025-08-14"),
        );
        deal_with(&d, "Fluidstack");
        // "dated as of the date hereof": the day of the document itself
        let d = decide_on(
            "TeraWulf Inc. exhibit 10.3: letter agreement",
            "Reference is made to that certain Lease, dated as of the date hereof, by and between Lake Mariner Data LLC, as landlord, and Fluidstack USA I Inc., as tenant, for 200 MW of critical IT load.",
            Some("2025-08-14"),
        );
        deal_with(&d, "Fluidstack");
        // months later the same words recall the lease
        let d = decide_on(
            "TeraWulf Inc. exhibit 10.1: amendment",
            body,
            Some("2025-12-01"),
        );
        assert!(d.detection.is_none(), "{:?}", d.reasons);
    }

    #[test]
    fn a_signing_dated_by_a_year_gone_by_is_recalled() {
        // an annual report's account of the year's contracts, in the next year
        for lead in [
            "In fiscal 2025 the company signed its first HPC lease, a 10-year agreement with Fluidstack for 168 MW at Barber Lake.",
            "During 2025 the company signed a 10-year agreement with Fluidstack for 168 MW at Barber Lake.",
        ] {
            let d = decide_on("Cipher Digital annual report", lead, Some("2026-02-20"));
            assert!(d.detection.is_none(), "{lead}: {:?}", d.reasons);
        }
        // the year still running, or a year that dates the start of service, recalls nothing
        let d = decide_on(
            "Cipher signs lease with Fluidstack",
            "During 2025 the company signed a 10-year agreement with Fluidstack for 168 MW at Barber Lake.",
            Some("2025-09-25"),
        );
        deal_with(&d, "Fluidstack");
        let d = decide_on(
            "Cipher signs lease with Fluidstack",
            "Cipher today signed a 10-year lease with Fluidstack for 168 MW, with service to begin in 2025.",
            Some("2026-02-20"),
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_customer_the_company_provides_capacity_to_is_named() {
        // a name no list knows, after "to provide … to"
        let d = decide(
            "Cipher signs colocation agreement",
            "Cipher Mining signed a 10-year colocation agreement to provide capacity to Orion Neural at Barber Lake, for 40 MW.",
        );
        deal_with(&d, "Orion Neural");
        let d = decide(
            "HIVE signs GPU cloud contract",
            "HIVE Digital signed a two-year GPU cloud contract to provide compute to Telus, worth about $20 million.",
        );
        deal_with(&d, "Telus");
        // a kind of party there names nobody
        let d = decide(
            "HIVE signs GPU cloud contract",
            "HIVE Digital signed a two-year GPU cloud contract to provide compute to a Canadian university, worth about $20 million.",
        );
        deal_with(&d, "undisclosed");
    }

    #[test]
    fn a_headline_that_signs_a_contract_and_then_buys_the_gpus_is_the_contract() {
        let d = decide(
            "IREN signs Microsoft contract, buys $5.8B of Dell GPUs",
            "IREN signed a five-year, $9.7 billion AI cloud contract with Microsoft. It also agreed to buy about $5.8 billion of GPUs and equipment from Dell to serve it.",
        );
        deal_with(&d, "Microsoft");
        // a purchase agreement signed, then the goods: the purchase
        no_deal_because(
            &decide(
                "IREN signs purchase agreement, buys $5.8B of Dell GPUs",
                "IREN agreed to buy about $5.8 billion of GPUs and equipment from Dell.",
            ),
            "against: the company buys equipment or supplies",
        );
        assert!(signed_before_buying(
            "IREN signs Microsoft contract, buys $"
        ));
        assert!(!signed_before_buying(
            "IREN signs supply deal with Dell, buys $"
        ));
        assert!(!signed_before_buying("IREN buys $"));
    }

    #[test]
    fn an_agreement_expanded_in_italian_spanish_or_portuguese_is_an_expansion() {
        for (title, lead) in [
            (
                "Core Scientific e CoreWeave",
                "• Core Scientific amplia il suo accordo di intelligenza artificiale con CoreWeave.",
            ),
            (
                "Core Scientific y CoreWeave",
                "Core Scientific amplía su acuerdo con CoreWeave por 70 MW adicionales.",
            ),
            (
                "Core Scientific e CoreWeave",
                "A Core Scientific ampliou o seu acordo com a CoreWeave em 70 MW.",
            ),
        ] {
            let d = decide(title, lead);
            deal_with(&d, "CoreWeave");
            assert_eq!(
                d.detection.as_ref().unwrap().deal_type,
                DealType::Expansion,
                "{lead}"
            );
        }
        // capacity expanded with no customer signs nothing
        assert!(
            decide(
                "Cipher amplia la sua capacità",
                "Cipher Mining amplia la sua capacità in Texas con un nuovo sito da 300 MW."
            )
            .detection
            .is_none()
        );
    }

    #[test]
    fn a_financing_or_a_site_for_a_lease_already_held_recalls_the_lease() {
        // the notes fund a building the text says is leased: the lease is held, not signed
        let d = decide(
            "TeraWulf closes $3.2 billion secured notes to fund CB-5 for Fluidstack",
            "TeraWulf closed a $3.2 billion offering of senior secured notes due 2030. Proceeds fund construction of CB-5 at Lake Mariner, which is leased to Fluidstack under a 10-year agreement backed by Google.",
        );
        assert!(d.detection.is_none(), "{:?}", d.reasons);
        // a headline's site bought "to support AWS lease", the article dropped
        let d = decide(
            "Cipher buys 195-acre site to support AWS lease",
            "Cipher Mining acquired a 195-acre parcel next to Black Pearl to support its previously announced 15-year lease with Amazon Web Services.",
        );
        assert!(d.detection.is_none(), "{:?}", d.reasons);
    }

    #[test]
    fn a_place_or_ranking_before_a_kind_of_party_names_no_customer() {
        // the headline drops the article: "with Canadian university" describes the customer
        let d = decide(
            "HIVE Digital signs GPU cloud contract with Canadian university",
            "HIVE Digital Technologies said its subsidiary Buzz HPC signed a two-year GPU cloud contract with a Canadian research university for 504 Nvidia H200 GPUs, worth about $16 million.",
        );
        deal_with(&d, "undisclosed");
        let d = decide(
            "HIVE Digital signs GPU cloud deal with Fortune 500 company",
            "HIVE Digital Technologies signed a two-year GPU cloud contract worth about $16 million.",
        );
        deal_with(&d, "undisclosed");
        // a name no list knows is still named
        let d = decide(
            "HIVE Digital signs GPU cloud contract with Orion Neural",
            "HIVE Digital Technologies signed a two-year GPU cloud contract with Orion Neural worth about $16 million.",
        );
        deal_with(&d, "Orion Neural");
    }

    #[test]
    fn a_headline_asking_which_stock_to_buy_is_commentary() {
        // three companies' contracts told to compare the stocks: no announcement
        for title in [
            "Cipher Mining, TeraWulf, IREN: Which AI Miner Is the Best Buy?",
            "3 AI Data Center Stocks to Buy in December",
            "TeraWulf or Cipher Mining: The Better Buy After Their AI Leases",
        ] {
            no_deal_because(
                &decide(
                    title,
                    "Cipher Mining recently signed a 10-year lease with AWS for 300 MW. TeraWulf has its Fluidstack leases, and IREN signed a $9.7 billion deal with Microsoft.",
                ),
                "against: commentary",
            );
        }
    }

    #[test]
    fn hosting_a_count_of_a_customers_mining_machines_is_mining() {
        // "10,000 of its Avalon miners": machines counted with "of its" between
        no_deal_because(
            &decide(
                "Canaan strikes hosting deal",
                "Canaan said it had signed an agreement with Cipher Mining to host 10,000 of its Avalon miners at Cipher's Odessa facility in Texas.",
            ),
            "against: the story is of bitcoin mining machines",
        );
    }

    #[test]
    fn a_results_bullet_that_signs_with_an_ai_cloud_beside_the_hashrate_is_a_deal() {
        // one bullet of a quarter's highlights signs a lease with an AI cloud; the hashrate two
        // bullets on does not make it mining's, and the revenue bullet is no contract value
        let d = decide(
            "TeraWulf Q3 2025 highlights",
            "Highlights:\n• Signed 10-year, 168 MW lease with Fluidstack at the CB-5 site\n• Revenue of $50.6 million\n• Hashrate of 12.8 EH/s",
        );
        deal_with(&d, "Fluidstack");
        let t = &d.detection.as_ref().unwrap().terms;
        assert_eq!(
            (t.value_usd, t.capacity_mw, t.term_years),
            (None, Some(168.0), Some(10.0))
        );
        // a customer that is no AI cloud, with the same bullets, stays mining's
        no_deal_because(
            &decide(
                "TeraWulf Q3 2025 highlights",
                "Highlights:\n• Signed 3-year hosting agreement with Canaan at the Lake Mariner site\n• Revenue of $50.6 million\n• Hashrate of 12.8 EH/s",
            ),
            "against: the story is of bitcoin mining machines",
        );
    }

    #[test]
    fn a_signing_imagined_or_needed_or_one_of_a_class_is_none() {
        for (body, why) in [
            (
                "Imagine if Bitdeer signed a hosting contract with CoreWeave for its Tydal site.",
                "against: planned or discussed, not signed",
            ),
            (
                "Bitdeer would need to sign a lease with a hyperscaler to earn its valuation.",
                "against: planned or discussed, not signed",
            ),
            (
                "Bitdeer is one of several miners that have signed leases with AI clouds.",
                "against: agreements with companies in general, not one",
            ),
        ] {
            no_deal_because(&decide_market_note(body), why);
        }
        // the company's own signing, with the class of miners in an apposition, stays its deal
        let d = decide_market_note(
            "Bitdeer signed a 10-year hosting contract with CoreWeave, the first of the miners that signed with a chipmaker's cloud.",
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn a_signing_expected_hoped_for_or_denied_is_none() {
        // what others expect the company to sign, what it hopes to sign, and a report it denies
        for (body, why) in [
            (
                "Analysts expect Cipher Mining to sign another lease with Fluidstack before the summer.",
                "against: planned or discussed, not signed",
            ),
            (
                "Bitdeer hopes to sign a hosting contract with a hyperscaler for its Clarington site.",
                "against: planned or discussed, not signed",
            ),
            (
                "CleanSpark denied media reports that it had signed a lease with OpenAI.",
                "against: planned or discussed, not signed",
            ),
        ] {
            no_deal_because(&decide_market_note(body), why);
        }
        // a signing that the analysts expect to grow is still signed
        let d = decide(
            "Cipher Mining signs lease with Fluidstack",
            "Cipher Mining signed a 10-year lease with Fluidstack for 120 MW, which analysts expect to expand next year.",
        );
        deal_with(&d, "Fluidstack");
    }

    #[test]
    fn a_kind_of_deal_described_is_no_deal_signed() {
        // an explainer of how the miners' AI leases are put together: the company, a customer
        // in general and a backer, in the present tense of how things go
        for body in [
            "The model is simple.\nIREN builds the halls and brings the power, a GPU cloud signs the lease, and a hyperscaler backs the rent.",
            "Here is how the money flows.\nIn a typical deal, a miner such as Cipher Mining provides the site and power, an AI lab takes the capacity for ten years, and Google backstops the payments.",
            "Here is how the money flows.\nCipher Mining typically signs ten-year leases with AI clouds, and a hyperscaler guarantees the rent.",
        ] {
            let d = decide("How the miners' AI leases work", body);
            no_deal_because(&d, "against: a kind of deal described, not one signed");
        }
        // a signing told in the past, beside a general remark, is still the news
        let d = decide(
            "IREN signs GPU cloud contract with Anthropic",
            "IREN said on Monday it signed a five-year, $2.1 billion GPU cloud contract with Anthropic.\nSuch contracts usually include a prepayment.",
        );
        deal_with(&d, "Anthropic");
    }

    #[test]
    fn an_analysts_words_about_a_deal_named_as_their_subject_are_no_deal() {
        // the deal as the subject of what an analyst said or wrote: their view of a deal, not
        // its news
        for (title, body) in [
            (
                "Why Applied Digital is the name to watch",
                "The lease Applied Digital signed with CoreWeave is the model for the whole sector, analysts at a regional bank wrote on Tuesday.",
            ),
            (
                "IREN shares slip",
                "IREN's contract with Microsoft could be worth well over $9.7 billion once its options are exercised, the analyst said.",
            ),
        ] {
            let d = decide(title, body);
            no_deal_because(&d, "against: an analyst's words about the deal");
        }
        // a signing the company tells, which analysts then size, is the news
        let d = decide(
            "IREN signs with Microsoft",
            "IREN signed a five-year, $9.7 billion contract with Microsoft on Monday, a deal that could lift its revenue fourfold, analysts said.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn a_customer_not_among_the_known_ones_is_named_as_the_text_writes_it() {
        for (body, cp) in [
            (
                "Hut 8 signed a colocation agreement with Vertex Compute for 50 MW at its Vega campus.",
                "Vertex Compute",
            ),
            (
                "Cipher Mining entered into a 10-year lease with Blue Sky AI for 40 MW of critical IT at its Stingray site.",
                "Blue Sky AI",
            ),
        ] {
            let d = decide("A new tenant", body);
            deal_with(&d, cp);
            assert!(
                d.reasons
                    .iter()
                    .any(|r| *r == format!("{UNLISTED_REASON}{cp}")),
                "{:?}",
                d.reasons
            );
        }
        // an unnamed customer, and a party in the possessive, name no one
        for body in [
            "Hut 8 signed a colocation agreement with an investment-grade customer for 50 MW at its Vega campus.",
            "Hut 8 signed a colocation agreement with Acme's partner Vertex Compute for 50 MW at its Vega campus.",
            "Hut 8 signed a colocation agreement with Vertex Compute's parent for 50 MW at its Vega campus.",
        ] {
            let d = decide("A new tenant", body);
            deal_with(&d, "undisclosed");
        }
    }

    #[test]
    fn a_signing_with_a_customer_for_a_capacity_needs_no_contract_noun() {
        let d = decide(
            "A new tenant at Abernathy",
            "TeraWulf signed with Fluidstack for 168 MW of critical IT load at its Abernathy campus.",
        );
        deal_with(&d, "Fluidstack");
        assert_eq!(d.detection.as_ref().unwrap().terms.capacity_mw, Some(168.0));
        // a supplier signed with for equipment is bought from
        let d = decide(
            "IREN and Dell",
            "IREN signed with Dell for 100 MW worth of Nvidia GPUs and servers.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn a_purchase_told_after_a_customers_contract_leaves_the_contract_a_deal() {
        // the contract's own sentence, then the company's purchase from another party
        let d = decide(
            "IREN's week",
            "IREN signed a $9.7 billion, five-year GPU cloud contract with Microsoft, which includes a 20% prepayment. Separately, IREN agreed to buy $5.8 billion of GPUs and servers from Dell.",
        );
        deal_with(&d, "Microsoft");
        assert_eq!(d.detection.as_ref().unwrap().terms.value_usd, Some(9.7e9));
        // a deal that names no contract of a customer, followed by what it buys, is a purchase
        let d = decide(
            "IREN's week",
            "IREN struck a $1.6 billion deal with Dell Technologies. The goal is to acquire Nvidia Blackwell systems for its Texas campus.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn a_signing_that_brings_the_companys_total_is_the_deal_without_the_total() {
        for title in [
            "Applied Digital Signs 15-Year Lease with CoreWeave, Bringing Total Contracted Revenue to $11 Billion",
            "A new lease at Polaris Forge",
        ] {
            let d = decide(
                title,
                "Applied Digital signed a 15-year lease with CoreWeave for 150 MW at Polaris Forge 1, bringing total contracted revenue to about $11 billion.",
            );
            deal_with(&d, "CoreWeave");
            let x = d.detection.as_ref().unwrap();
            assert_eq!(
                (x.terms.value_usd, x.terms.capacity_mw, x.terms.term_years),
                (None, Some(150.0), Some(15.0)),
                "{title}"
            );
        }
        // the total told of a lease the sentence does not sign is recalled, and so is a signing
        // told within a quarter beside the company's total
        for body in [
            "The new lease brings total contracted revenue to about $11 billion, the company said in its quarterly report.",
            "In the quarter Applied Digital signed another lease with CoreWeave at Polaris Forge 1, bringing total contracted lease revenue to about $11 billion.",
        ] {
            not_a_deal(&decide("A quarter at Polaris Forge", body));
        }
    }

    #[test]
    fn an_agreement_to_host_a_customers_machines_is_a_hosting_contract() {
        // a customer no list knows, the agreement told only by what the company will host
        let d = decide(
            "HIVE Digital signs a hosting agreement",
            "HIVE Digital said on Tuesday it signed a five-year agreement with Orion Neural to host 12 MW of GPUs at its Quebec site.",
        );
        deal_with(&d, "Orion Neural");
        let x = d.detection.as_ref().unwrap();
        assert_eq!(
            (x.terms.capacity_mw, x.terms.term_years, x.deal_type),
            (Some(12.0), Some(5.0), DealType::Hosting)
        );
        let d = decide(
            "A cluster for Orion Neural",
            "HIVE Digital signed a deal with Orion Neural to host its GPU cluster in Sweden for three years.",
        );
        deal_with(&d, "Orion Neural");
        // the customer's own machines, named by its possessive
        let d = decide(
            "HIVE hosts Orion",
            "HIVE Digital signed a three-year agreement with Orion Neural to host Orion Neural's GPU clusters in Sweden.",
        );
        deal_with(&d, "Orion Neural");
        // equipment bought to power the company's own campus hosts nobody, and an event hosted
        // is no customer's machines ("this" is no possessive)
        for (title, body) in [
            (
                "Turbines for Texas",
                "Cipher Mining signed an agreement with Siemens Energy for turbines to power its GPU campus in Texas.",
            ),
            (
                "Riot news",
                "Riot Platforms signed an agreement with the county to host this AI computing expo at its Rockdale data center.",
            ),
        ] {
            not_a_deal(&decide(title, body));
        }
    }

    #[test]
    fn a_lease_of_acres_or_with_a_port_makes_the_company_the_lessee() {
        for body in [
            "IREN signed a 30-year lease with the Port of Corpus Christi for 200 acres to build a data center campus.",
            "Cipher Mining signed a lease with a rancher for about 320 acres next to its Texas substation.",
        ] {
            let d = decide("A new campus", body);
            no_deal_because(&d, "against: the company takes a lease from a landlord");
        }
    }

    #[test]
    fn a_site_described_by_the_tenant_it_has_is_no_deal() {
        // a hire at a site, the site told by its tenant in the present tense
        let d = decide(
            "Galaxy hires",
            "Galaxy appointed a former Google data-center executive to run Helios, where CoreWeave leases 800 MW.",
        );
        no_deal_because(&d, "against: a site described by the tenant it has");
        // the signing in the main clause is the deal, whatever the clause after it says
        let d = decide(
            "Galaxy and CoreWeave",
            "Galaxy signed a lease with CoreWeave for Helios, where CoreWeave uses 800 MW.",
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn a_customers_own_news_naming_the_company_only_beside_it_is_no_deal() {
        for (title, body) in [
            // the company only in the clause that describes the customer
            (
                "Fluidstack raises $700 million",
                "Fluidstack, the AI cloud that rents capacity at TeraWulf's Lake Mariner campus and Cipher Mining's Barber Lake site, closed a $700 million funding round on Thursday.",
            ),
            // the company only as a source of capacity beside the customer's own contract with
            // another party
            (
                "CoreWeave results",
                "CoreWeave said its backlog rose to $55.6 billion, helped by a new contract with Meta and capacity from Core Scientific and Galaxy.",
            ),
            (
                "Nscale's Microsoft deal",
                "Nscale signed a deal to provide Microsoft with 200,000 Nvidia GPUs in four countries, including capacity at a North Carolina site it rents from WhiteFiber.",
            ),
        ] {
            let d = decide(title, body);
            no_deal_because(
                &d,
                "against: the customer's own news, the company named only beside it",
            );
        }
        // the customer's signing with the company, told from its side, is the deal
        for (body, cp) in [
            (
                "Fluidstack, the AI cloud backed by Google, signed a 10-year lease with TeraWulf for 168 MW at Lake Mariner.",
                "Fluidstack",
            ),
            (
                "Anthropic signed a deal with Fluidstack to use 245 MW at Hut 8's River Bend campus for fifteen years.",
                "Anthropic",
            ),
            (
                "Fluidstack, which rents halls across Europe, signed a 10-year lease with Cipher Mining on Monday.",
                "Fluidstack",
            ),
        ] {
            let d = decide("AI clouds and the miners", body);
            deal_with(&d, cp);
        }
    }

    #[test]
    fn a_price_move_on_news_of_a_deal_whose_amount_has_a_decimal_point_is_the_news() {
        // the stock's move on the news names the deal by its amount: the amount's decimal point
        // ends no sentence
        let d = decide(
            "",
            "Hut 8, a bitcoin miner turned data center developer, saw its shares climb 14% on news of a $4.6 billion hosting deal with Anthropic.\nThe lease would run for fifteen years.",
        );
        deal_with(&d, "Anthropic");
        assert_eq!(d.detection.as_ref().unwrap().terms.value_usd, Some(4.6e9));
        // the same with a whole amount was read before
        let d = decide(
            "",
            "Hut 8, a bitcoin miner turned data center developer, saw its shares climb 14% on news of a $4 billion hosting deal with Anthropic.",
        );
        deal_with(&d, "Anthropic");
    }

    #[test]
    fn a_company_that_provides_a_customer_access_to_its_capacity_signs_with_it() {
        // a filing summary: the company gives the customer access to its GPU capacity
        let d = decide(
            "8-K: material agreement",
            "IREN will provide Microsoft access to GPU capacity at its Texas data centers over a five-year term.",
        );
        deal_with(&d, "Microsoft");
        assert_eq!(d.detection.as_ref().unwrap().terms.term_years, Some(5.0));
        // access given to something that is no capacity (a marketplace) is no contract
        assert!(
            decide(
                "IREN update",
                "Microsoft will provide IREN access to its Azure marketplace for a year.",
            )
            .detection
            .is_none()
        );
        // nor is capacity the company is given access to: it is the customer there
        assert!(
            decide(
                "IREN update",
                "Microsoft will provide IREN access to AI capacity in its cloud for a year.",
            )
            .detection
            .is_none()
        );
    }

    #[test]
    fn a_market_reaction_to_a_deal_with_a_customer_is_the_news() {
        // the day after: the move was the market's answer to the lease (no verb of moving in the
        // clause that names it)
        let d = decide(
            "Key points",
            "Applied Digital did more than ride the AI wave. Monday's 45% leap in its shares was no accident; it was the market's swift reaction to a $7 billion, 15-year lease deal with CoreWeave.",
        );
        deal_with(&d, "CoreWeave");
        // the customer's backer, named with its ticker before "-backed", is not the party
        let d = decide(
            "Key points",
            "Applied Digital did more than ride the AI wave. Monday's 45% leap in its shares was no accident; it was the market's swift reaction to a $7 billion lease deal with chipmaker Nvidia Corp NVDA-backed CoreWeave.",
        );
        deal_with(&d, "CoreWeave");
        assert_eq!(d.detection.as_ref().unwrap().terms.value_usd, Some(7e9));
        // a reaction to something else names no deal
        assert!(
            decide(
                "Key points",
                "Applied Digital's 45% jump on Monday was the market's reaction to a short squeeze. The CoreWeave lease has been known since spring.",
            )
            .detection
            .is_none()
        );
    }

    #[test]
    fn an_analysts_consensus_page_retelling_a_contract_in_its_takeaways_is_no_deal() {
        // a fair-value page: furniture for a headline, the consensus, then bullets that count on
        // a lease signed months before
        let d = decide_on(
            "Menu",
            "Data Centers And New Miners Will Lift Revenue\nConsensus Narrative from 8 Analysts\nFair Value US$9.10\n44.0% undervalued intrinsic discount\nKey Takeaways\n• The HPC hosting business, including TeraWulf's newly secured 60 MW data center lease with Core42, is expected to bring in over $900 million over 10 years.\n• Higher network difficulty may weigh on TeraWulf's mining margins.",
            Some("2025-05-02"),
        );
        no_deal_because(&d, "against: the headline is about an analyst's view");
    }

    #[test]
    fn an_evaluation_pegged_to_the_contract_its_headline_names_is_the_report_of_that_contract() {
        // a valuation piece whose headline hangs on the contract ("after securing …") and whose
        // text opens with it is the day's report of the contract
        let d = decide(
            "TeraWulf (WULF): Evaluating Valuation After Securing $3.2 Billion Lease With Fluidstack",
            "Market Digest\nTeraWulf has landed a $3.2 billion, 10-year lease with Fluidstack for 160 megawatts of critical IT load at its Lake Mariner campus. The shares have doubled this year.",
        );
        deal_with(&d, "Fluidstack");
        let terms = &d.detection.as_ref().unwrap().terms;
        assert_eq!(
            (terms.value_usd, terms.capacity_mw, terms.term_years),
            (Some(3.2e9), Some(160.0), Some(10.0))
        );
        // the same valuation talk pegged to anything else is still commentary
        no_deal_because(
            &decide(
                "TeraWulf (WULF): Evaluating Valuation After A 40% Rally",
                "Market Digest\nTeraWulf has landed a $3.2 billion, 10-year lease with Fluidstack for 160 megawatts of critical IT load at its Lake Mariner campus.",
            ),
            "against: commentary (opinion, analysis, a question)",
        );
    }

    #[test]
    fn a_signing_dated_by_the_storys_own_month_is_the_news_and_an_older_month_recalls_it() {
        let text = "In early November 2025, Microsoft said it has entered into a large cloud services contract with IREN, an AI cloud provider.";
        // the story of that week tells the news
        deal_with(
            &decide_on("The AI race and its suppliers", text, Some("2025-11-04")),
            "Microsoft",
        );
        // two months on, or undated, the same words recall it
        not_a_deal(&decide_on(
            "The AI race and its suppliers",
            text,
            Some("2026-01-20"),
        ));
        not_a_deal(&decide("The AI race and its suppliers", text));
    }

    #[test]
    fn an_opening_that_brings_a_total_up_recalls_only_the_total_not_the_new_contract_before_it() {
        let d = decide(
            "Hut 8 Signs a 15-Year, $9.8bn Lease at Its Texas Campus",
            "By securing a 15-year, $9.8 bn contract for 352 MW at the campus, the company is bringing total contracted value to $16.8 bn.",
        );
        deal_with(&d, "undisclosed");
        assert_eq!(
            d.detection.as_ref().map(|x| x.terms.value_usd),
            Some(Some(9.8e9))
        );
    }

    #[test]
    fn a_filed_lease_between_a_subsidiary_named_for_the_ticker_and_its_tenant_is_a_deal() {
        // a contracts site's heading over a filed exhibit: the landlord is the company's
        // subsidiary, named for its ticker, and "datacenter" is written as one word
        let d = decide(
            "Datacenter Lease (Building 2) between APLD ELN-07 LLC and CoreWeave, Inc. dated March 3, 2025",
            "Contract Categories: Real Estate Leases\nSummary\nThis lease is between APLD ELN-07 LLC (Landlord) and CoreWeave, Inc. (Tenant) for the use of Building 2 within a datacenter campus.",
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn a_list_of_tickers_with_asides_and_an_investment_thesis_are_no_deal() {
        // three companies named by their tickers, each with an aside in parentheses: the sector
        let d = decide(
            "A hot week for the miners",
            "Leaders of the move: WULF (leases worth $12.8B), CIFR (Fluidstack at Barber Lake) and IREN (a Microsoft cloud contract) keep signing large HPC leases.",
        );
        not_a_deal(&d);
        // a thesis page under its headings retells deals
        let d = decide(
            "Skip to content",
            "Watchlist dossier\nCurrent thesis\nThe move into AI hosting keeps lifting the group, and the basket owns its leaders.\nBull Case\n• Cipher Mining (the top holding): a $3B, 10-year HPC colocation deal with Fluidstack for 168 MW; Google backstops $1.4B of the lease and takes about 5.4% of the equity through warrants.",
        );
        not_a_deal(&d);
    }

    #[test]
    fn fresh26_decisions_from_the_wording_of_real_coverage() {
        // "at the start of the month" (Spanish) dates the agreement back
        let d = decide(
            "Los mineros encuentran en la IA una salida",
            "A principios de mes Core Scientific cerró un acuerdo para alquilar a CoreWeave 270 MW por doce años.",
        );
        not_a_deal(&d);
        // a lease "recently finalized" is recalled
        let d = decide(
            "Applied Digital widens its AI campus",
            "Part of the money comes from the $5 billion, 15-year hyperscaler lease agreement it recently finalized.",
        );
        not_a_deal(&d);
        // money raised (Portuguese) is a financing headline: a contract told later is background
        let d = decide(
            "Com aporte de uma gestora, Galaxy Digital capta US$ 460 milhões para o Helios",
            "O aporte veio de um grande gestor de ativos. Os recursos terão fins corporativos gerais. A empresa firmou um contrato de 15 anos com a CoreWeave para o campus.",
        );
        not_a_deal(&d);
        // a Chinese analysis laid out case by case retells deals
        let d = decide(
            "矿企转型AI的几个方向",
            "本文把矿企与AI公司的合作逐一拆开来看。\n案例解析：矿企如何与AI公司绑定\nCore Scientific同CoreWeave签下一份长期托管协议，金额逾35亿美元。",
        );
        not_a_deal(&d);
        // a headline that signs a priced deal before its colon (the colon inside "(NASDAQ:
        // IREN)" aside) is the news, whatever the commentary after it
        let d = decide(
            "IREN (NASDAQ: IREN) signs $9.7bn Microsoft AI cloud deal: a closer look",
            "IREN signed a five-year, $9.7 billion cloud contract with Microsoft on Monday.",
        );
        deal_with(&d, "Microsoft");
        // and is classed by that part: "what this means" after the colon is no analyst's headline
        let d = decide(
            "IREN signs $9.7bn Microsoft AI cloud deal: what this means for GPU stocks",
            "IREN signed a five-year, $9.7 billion cloud contract with Microsoft on Monday.",
        );
        deal_with(&d, "Microsoft");
    }

    #[test]
    fn a_deal_three_sentences_past_a_repeated_headline_opens_a_roundup_text() {
        // a headline naming no company, repeated as the text's first line; the company's deal
        // in the third sentence after it; three more miners named further on (a round-up by
        // count): the deal opens the text, it is not a passing mention
        let title = "Bitcoin miners become AI lords!";
        let lead = "Bitcoin miners become AI lords!\nWhat a turnaround this has been for the sector. Nobody saw it coming two years ago. IREN signed a five-year pact with Microsoft worth $9.7 billion.";
        let body = "Riot Platforms, TeraWulf and Cipher Mining have followed the same road since the halving.";
        let d = decide_doc(title, lead, body, None);
        deal_with(&d, "Microsoft");
        assert_eq!(d.detection.unwrap().ticker, "IREN");
    }

    #[test]
    fn romance_contract_nouns_count_in_the_plural() {
        // "des contrats", "des accords", "contratos", "contratti": a signing of several contracts
        // with the customer is a deal as much as one contract is
        for lead in [
            "Core Scientific a signé des contrats de 12 ans avec CoreWeave.",
            "Core Scientific a conclu des accords avec CoreWeave pour 3,5 milliards de dollars.",
            "Core Scientific firmó contratos de 12 años con CoreWeave.",
            "Core Scientific ha firmato contratti di 12 anni con CoreWeave.",
        ] {
            deal_with(&decide("", lead), "CoreWeave");
        }
    }

    #[test]
    fn a_hire_headline_in_portuguese_or_spanish_is_an_appointment() {
        // a new executive's past "closed key partnerships with cloud giants (Microsoft)" is the
        // hire's story, not the company's contract
        let d = decide(
            "CleanSpark contratou John Doe como Vice-Presidente Sénior de Centros de Dados de IA",
            "CleanSpark contratou John Doe como Vice-Presidente Sénior de Centros de Dados de IA.\nO que importa: Doe fechou parcerias-chave com gigantes do cloud como a Microsoft.",
        );
        no_deal_because(
            &d,
            "against: the headline is about an appointment or a departure",
        );
        let d = decide(
            "CleanSpark ficha a John Doe como director de centros de datos de IA",
            "CleanSpark ficha a John Doe como director de centros de datos de IA.\nAntes, Doe firmó contratos de colocation con Microsoft.",
        );
        no_deal_because(
            &d,
            "against: the headline is about an appointment or a departure",
        );
    }

    #[test]
    fn analysts_after_a_priced_deal_in_a_headline_are_its_addendum() {
        // the stock moves on the priced deal the headline names first; the analysts' upgrades
        // after it do not make the story an analyst's
        let title = "Hut 8 Stock Surges on $7 Billion Google-Backed AI Data Center Deal and Fresh Analyst Upgrades";
        assert_eq!(headline_class(title), None);
        let d = decide(
            title,
            "Hut 8 shares jumped 15% on Wednesday after the company signed a 15-year lease with Fluidstack at its Louisiana campus.",
        );
        deal_with(&d, "Fluidstack");
        // a deal named only as the subject of a research note's view is the note's
        assert_eq!(
            headline_class(
                "IREN's $9.7B Microsoft Deal Amplifies AI Hype, But Research Report Flags Overvaluation"
            ),
            Some(Against::Analyst)
        );
        // analysts named first are the news: a note on the deal
        assert_eq!(
            headline_class("Analysts Upgrade Hut 8 After $7 Billion AI Data Center Deal"),
            Some(Against::Analyst)
        );
    }

    #[test]
    fn romanian_agreements_and_a_french_securing_sign() {
        // Romanian "a încheiat un acord" / "a semnat un contract", the customer or the company
        // as subject
        let d = decide(
            "",
            "Microsoft a încheiat un acord în valoare de 9,7 miliarde de dolari cu IREN, operator de centre de date.",
        );
        deal_with(&d, "Microsoft");
        assert_eq!(d.detection.unwrap().terms.value_usd, Some(9.7e9));
        deal_with(
            &decide(
                "",
                "IREN a semnat un contract de 9,7 miliarde de dolari cu Microsoft.",
            ),
            "Microsoft",
        );
        // French "a sécurisé deux accords" with the AI cloud
        deal_with(
            &decide(
                "",
                "TeraWulf a sécurisé deux accords d'hébergement avec Fluidstack pour 3,7 milliards de dollars.",
            ),
            "Fluidstack",
        );
    }

    #[test]
    fn a_company_described_as_a_leader_in_hosting_announces_no_hosting_contract() {
        // the release's dateline describes the company ("an industry leader in bitcoin mining
        // and data center hosting") before what it announces: its month's production
        let lead = "Castle Rock, CO, March 03, 2023 (GLOBE NEWSWIRE) -- Riot Platforms, Inc. (NASDAQ: RIOT) (“Riot” or “the Company”), an industry leader in bitcoin mining and data center hosting, announces its unaudited updates for February 2023.\nThe company keeps studying AI and HPC uses for its sites.";
        let d = decide("", lead);
        assert!(d.detection.is_none(), "{:?}", d.detection);
        assert_eq!(
            headline_class("Riot Announces February 2023 Production and Operations Updates"),
            Some(Against::Results)
        );
    }

    #[test]
    fn a_lease_of_more_than_thirty_years_is_the_companys_ground_lease() {
        // no hosting contract runs 35 years: a site's new 35-year lease is land the company takes
        let d = decide(
            "Highlights:",
            "- TeraWulf's $350M notes aim to fund stock buybacks and corporate expenses.\n- Bitcoin mining difficulty hits a record, squeezing small miners.\n- TeraWulf expands the Lake Mariner facility with a new 35-year lease, focusing on sustainable mining solutions.\nTeraWulf plans to raise $350 million through a convertible notes offering to buy back stock and fund AI and HPC growth.",
        );
        no_deal_because(&d, "against: the company takes a lease from a landlord");
    }

    #[test]
    fn what_the_company_now_leases_is_its_leases_together() {
        // "it now leases 600 MW across two sites": the total of its leases, told in an update
        let d = decide(
            "NEW YORK, Jan 10, 2026, 07:00 EST — Market closed",
            "- Shares jumped nearly 18% on Friday after the company's update on its AI data centers.\nApplied Digital shares surged 18% on Friday, closing at $37.68.\nApplied Digital reported in its fiscal Q2 update that it now leases 600 MW across two North Dakota sites to CoreWeave and a hyperscaler.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn a_page_of_results_line_items_under_a_furniture_title_is_results() {
        // bullets' marks alone on their lines, then "Total Revenue: $95.4 million for the third
        // quarter": the page summarises results; "contracted all 500 megawatts" recalls
        let d = decide(
            "In This Article:",
            "-\nTotal Revenue: $95.4 million for the third quarter.\n-\nBitcoin Mined: 1,115 bitcoin in the third quarter.\n-\nHPC Hosting Revenue: $10.3 million.\n-\nNet Loss: $455.3 million.\nCore Scientific Inc (NASDAQ:CORZ) successfully contracted all 500 megawatts of critical IT load for HPC hosting, securing significant revenue potential.",
        );
        no_deal_because(&d, "against: results that recall existing contracts");
        assert_eq!(
            headline_class("Total Revenue: $95.4 million for the third quarter."),
            Some(Against::Results)
        );
    }

    #[test]
    fn agreements_told_as_contracted_backlog_are_recalled() {
        // "already translating into contracted backlog: initial Core42 agreements …": the
        // agreements the company holds, told as its backlog
        let d = decide(
            "TL;DR Overview",
            "Core Insight: TeraWulf is pivoting from bitcoin self-mining to AI and HPC colocation at its campuses.\nThis infrastructure is already translating into contracted backlog: initial Core42 agreements for 72.5 MW have been joined by Fluidstack, which has expanded to about 360 MW of critical IT.",
        );
        assert!(
            d.detection
                .as_ref()
                .is_none_or(|x| x.kind != crate::model::DealKind::Deal),
            "{:?}",
            d.detection
        );
    }

    #[test]
    fn azerbaijani_and_turkish_contracts_signed() {
        // the customer signs a contract with the company: "müqavilə imzalayıb", "sözleşmesi
        // imzaladı"
        let d = decide(
            "",
            "Microsoft korporasiyası bulud xidmətləri provayderi IREN ilə ümumi dəyəri 9,7 milyard dollar olan beşillik müqavilə imzalayıb.",
        );
        deal_with(&d, "Microsoft");
        assert_eq!(d.detection.unwrap().terms.value_usd, Some(9.7e9));
        let d = decide(
            "",
            "Microsoft, IREN ile 9,7 milyar dolarlık beş yıllık bir bulut hizmetleri sözleşmesi imzaladı.",
        );
        deal_with(&d, "Microsoft");
        assert_eq!(d.detection.unwrap().terms.value_usd, Some(9.7e9));
    }

    #[test]
    fn questions_revenue_growth_and_contract_totals_tell_no_new_agreement() {
        // a question-and-answer page's question asks, it tells no agreement
        let d = decide(
            "How will the delivery of 72.5 MW of HPC hosting infrastructure to Core42 affect TeraWulf's revenue outlook for 2025? | WULF (Aug 08, 2025) | Answers",
            "TeraWulf said it delivered 72.5 MW of HPC capacity to Core42 this quarter, the first revenue from its AI hosting.",
        );
        no_deal_because(&d, "against: a question");
        assert!(is_question("Is the deal a game changer?"));
        assert!(!is_question("IREN signs $9.7bn deal: is the rally real?"));
        // a segment's revenue that doubled is the period's results
        let d = decide(
            "Core Scientific's Strategic Transition and the Future of Colocation-Driven Growth",
            "- Colocation revenue doubled to $10.6M, driven by Texas retrofits for AI workloads for CoreWeave, while liquidity supports its power expansion.",
        );
        no_deal_because(&d, "against: a results release");
        // "secured $8.5B in AI/HPC lease contracts": the contracts' total
        let d = decide(
            "Cipher Mining's 1.17% Gain: A Tactical Trade or a False Signal?",
            "- The company secured $8.5B in AI/HPC lease contracts but relies on one tenant.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn progress_on_work_under_way_tells_no_new_agreement() {
        // "said it is on track and on budget to deliver … to its client": the work for a
        // customer the company already has
        let d = decide(
            "TeraWulf outlook for the year",
            "TeraWulf said it is on track and on budget to deliver 40 MW of HPC hosting capacity to its client Core42 during the year.",
        );
        no_deal_because(&d, "against: progress on work under way");
        // a signing in the same sentence still signs
        let d = decide(
            "TeraWulf outlook for the year",
            "TeraWulf signed a ten-year HPC hosting agreement with Core42 for 40 MW and is on schedule to deliver it during the year.",
        );
        deal_with(&d, "Core42");
    }

    #[test]
    fn a_tenant_added_if_ever_and_a_client_base_expanded_sign_nothing() {
        // "… if it adds at least one tenant beyond its anchor": a condition, not a signing
        let d = decide(
            "Core Scientific",
            "Turning powered mining sites into contracted AI/HPC colocation could re-rate the stock, if Core Scientific adds one more sizeable tenant beyond its anchor.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // "The Core42 deal expands TeraWulf's client base": what the deal does for the company
        let d = decide(
            "How does the Core42 work change TeraWulf's outlook?",
            "Revenue diversification – The Core42 deal expands TeraWulf's client base beyond its mining customers.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn a_korean_parent_company_that_guarantees_the_lease_is_its_guarantor() {
        // "구글(Google)의 모회사 알파벳은 … 임대 계약을 보증했다": Google's parent guarantees the
        // company's lease, however long the clause before the verb
        let t = "구글(Google)의 모회사 알파벳은 텍사스 캠퍼스 건설 자금 조달을 돕기 위해 사이퍼 마이닝의 장기 임대 계약을 보증했다.";
        let at = t.find("구글").unwrap();
        assert_eq!(party_role(t, at, at + "구글".len()), Role::Guarantor);
    }

    #[test]
    fn forecasts_narratives_and_valuation_worries_are_views_not_news() {
        // a price forecast heads an analyst's view of a deal weeks old
        let d = decide(
            "IREN Stock Price Forecast - 3 GW Of AI Power And A $9.7B Microsoft Deal Reprice The Story",
            "IREN shares trade near $40 after a volatile month; the stock has tripled this year.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // "TICKER: … Will Drive …": an investment narrative's thesis
        let d = decide(
            "CIFR: Long Term Hyperscaler Lease Will Drive Future AI Power Leadership",
            "Cipher Mining shares rose 4% this week.",
        );
        no_deal_because(&d, "against: commentary");
        // a deal set against a lofty valuation and execution risk
        let d = decide(
            "IREN's $9.7B Microsoft Deal Spotlights AI Pivot Amid Lofty Valuation and High Execution Risk",
            "IREN shares trade near $40 after a volatile month.",
        );
        no_deal_because(&d, "against: commentary");
        // (a valuation checked right after the deal is the deal's price story)
        let d = decide(
            "WhiteFiber (WYFI): Valuation Check After $865 Million, 10-Year AI Colocation Deal With Nscale",
            "WhiteFiber just landed a ten-year, roughly $865 million colocation deal with Nscale at its North Carolina campus.",
        );
        deal_with(&d, "Nscale");
    }

    #[test]
    fn a_strategy_to_diversify_into_hosting_is_a_plan() {
        let d = decide(
            "CleanSpark Expands Texas Footprint",
            "CleanSpark's January update announces a land and power agreement for a 600 MW data center site in Texas. This step fits management's strategy to diversify beyond bitcoin mining into AI and HPC hosting.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn a_launch_a_passive_confirmation_and_a_commitment_of_intent_sign_nothing() {
        // "unveiled its GPU-as-a-service program in partnership with": a product launched
        let d = decide(
            "",
            "Recently, Hut 8 unveiled its GPU-as-a-service program in partnership with AI developer AdvizeX.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // "for the trade to be confirmed": a blockchain's confirmation
        let d = decide(
            "core scientific",
            "Photo: Core Scientific\n\nCore Scientific, a blockchain hosting company, plans to open a new 300-megawatt data center in Denton after agreements with the city and a power company.\n\nWhen a trade in cryptocurrency is made on a blockchain, it gets a timestamp, and computers hosting the currency must solve hard equations for the trade to be confirmed.",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        // "we are committed to getting it right": an attitude, no commitment signed
        let p = pats();
        let s = "Daily work with Core42 settles specifications for the hosting halls (\u{201c}we are committed to getting it right the first time\u{201d}).";
        assert!(p.verb.is_match(s));
        assert!(!p.verb.is_match(&p.not_signing.replace_all(s, "")));
        // (a customer that committed capacity still commits)
        let s = "Core42 committed to 72.5 MW of hosting capacity at the campus.";
        assert!(p.verb.is_match(&p.not_signing.replace_all(s, "")));
        // (nor is a lease confirmed in a filing unsigned)
        let s = "Hut 8's lease with Fluidstack was confirmed in a filing on Wednesday.";
        assert!(p.verb.is_match(&p.not_signing.replace_all(s, "")));
    }

    #[test]
    fn an_agreement_signed_in_a_quarter_long_past_is_recalled() {
        let on = chrono::NaiveDate::from_ymd_opt(2025, 9, 3).unwrap();
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            signed_in_quarter(
                "In Q2 2025, Galaxy signed a 15-year lease with CoreWeave.",
                on
            ),
            day(2025, 6, 30)
        );
        assert_eq!(
            signed_in_quarter(
                "Core Scientific signed the lease in the third quarter of 2024.",
                on
            ),
            day(2024, 9, 30)
        );
        // no year: the latest such quarter begun by the story's day
        assert_eq!(
            signed_in_quarter(
                "In Q4, Hut 8 signed a lease with a cloud.",
                chrono::NaiveDate::from_ymd_opt(2026, 2, 10).unwrap()
            ),
            day(2025, 12, 31)
        );
        // a fiscal quarter is the company's calendar; a quarter far from the verb dates the
        // results
        assert_eq!(
            signed_in_quarter("In Q2 FY26, IREN signed a cloud contract.", on),
            None
        );
        // (a quarter a delivery is for is no signing's)
        assert_eq!(
            signed_in_quarter("IREN signed a contract for Q4 2024 deliveries.", on),
            None
        );
        assert_eq!(
            signed_in_quarter(
                "In Q3 the company reported revenue of $72 million, beat the estimates of analysts by a wide margin and announced a lease with AWS.",
                on
            ),
            None
        );
        let lead = "In Q2 2025, Galaxy signed a 15-year anchor lease with CoreWeave covering 800 MW of approved power.";
        let d = decide_on(
            "Galaxy Digital at a turning point",
            lead,
            Some("2025-09-03"),
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
        let d = decide_on(
            "Galaxy Digital at a turning point",
            lead,
            Some("2025-07-02"),
        );
        deal_with(&d, "CoreWeave");
    }

    #[test]
    fn a_move_on_a_takeover_and_a_table_row_tell_no_customer_contract() {
        // the stock's fall on "the deal announcement" of the company's own sale
        let d = decide(
            "Advertisement|Remove ads.",
            "\u{201c}We are alone,\u{201d} the fund added, noting that Core Scientific shares dropped 18% on the deal announcement, among the steepest one-day falls for an M&A target in decades. \u{201c}CoreWeave can and should pay more,\u{201d} the letter said.",
        );
        no_deal_because(&d, "against: a takeover or a merger");
        // a results table's row
        let d = decide(
            "Applied Digital (APLD) - Quarterly Results",
            "| | Revenues | $64.2 million | $34.8 million | +84% | | New lease with CoreWeave | 150 MW | signed | |",
        );
        assert!(d.detection.is_none(), "{:?}", d.detection);
    }

    #[test]
    fn an_agreement_announced_since_the_last_earnings_is_recalled() {
        // "Since last quarter's earnings release, shares are up 180% after … announced": a
        // preview of the next results, recalling what came since the last
        assert!(recalls(
            "Since last quarter's earnings release, shares are up 180% after Applied Digital announced a 15-year lease with CoreWeave."
        ));
        assert!(recalls(
            "since its previous results the company has signed a lease with a hyperscaler"
        ));
        assert!(!recalls(
            "Applied Digital announced a 15-year lease with CoreWeave since demand is high."
        ));
    }

    #[test]
    fn a_japanese_agreement_told_as_long_concluded_is_recalled() {
        // "以前から … 契約を締結していました": had concluded, for some time
        assert!(recalls(
            "CoreWeaveは以前からCore Scientificと協力関係にあり、同社の施設を使うため12年契約を締結していました。"
        ));
        assert!(recalls("IRENはMicrosoftとクラウド契約を結んでいた。"));
        // the signing told as done today is no recall
        assert!(!recalls("IRENはMicrosoftとクラウド契約を締結しました。"));
    }

    #[test]
    fn new_contracts_announced_beside_a_financing_are_the_days_deal() {
        let lead = "Hut 8 shares lost 4% late Tuesday after the miner priced $500 million of senior notes. \
            The notes pay 7% and mature in 2030. \
            Proceeds go to general corporate purposes. \
            The slide erased gains made earlier in the session after Hut 8's announcement of new long-term HPC colocation agreements.";
        let d = decide("Hut 8 Shares Slip After $500 Million Notes Offering", lead);
        deal_with(&d, "undisclosed");
        // the same agreements called previously announced are what the notes fund, not news
        let recalled = lead.replace(
            "after Hut 8's announcement of new",
            "after Hut 8 recalled its previously announced new",
        );
        not_a_deal(&decide(
            "Hut 8 Shares Slip After $500 Million Notes Offering",
            &recalled,
        ));
    }

    #[test]
    fn a_customer_contract_for_the_companys_ai_line_is_a_customer_contract() {
        let d = decide(
            "Cipher Mining Announces Larger Customer Contract for Cipher AI",
            "Cipher Mining said its customer will take more of its capacity.",
        );
        deal_with(&d, "undisclosed");
        // a contract with its first customer, told as signed
        let d = decide(
            "Cipher Mining stock news",
            "Cipher Mining signed a contract with its first AI customer on Monday.",
        );
        deal_with(&d, "undisclosed");
    }

    #[test]
    fn a_stock_pages_analyst_headline_gives_way_to_the_release_its_text_tells() {
        let title = "Hut 8 Corp [HUT] stock Initiated by Benchmark analyst, price target now $30";
        let lead = "Hut 8 Corp [NASDAQ: HUT] rose 3.1 percent to $24.10. \
            The company report on March 3, 2025 at 7:00 AM that Hut 8 Announces Customer Contract for Hut 8 AI Cloud.";
        let d = decide_on(title, lead, Some("2025-03-06"));
        deal_with(&d, "undisclosed");
        // the same page two months after the release: the release is recalled
        not_a_deal(&decide_on(title, lead, Some("2025-05-20")));
        // without the template's sentence the analyst's headline decides
        not_a_deal(&decide_on(
            title,
            "Hut 8 Corp [NASDAQ: HUT] rose 3.1 percent to $24.10. Hut 8 Announces Customer Contract for Hut 8 AI Cloud.",
            Some("2025-03-06"),
        ));
    }

    #[test]
    fn a_customers_commitment_also_announced_beside_a_financing_is_the_days_deal() {
        let title = "Hut 8 closes $900 million loan for its River Bend campus";
        let lead = |last: &str| {
            format!(
                "Hut 8 closed a $900 million term loan for the first phase of River Bend. \
                 The loan covers most of the construction costs. \
                 It matures in 2029. \
                 The capital funds the buildout under a long-term agreement with Fluidstack. \
                 {last}"
            )
        };
        let d = decide(
            title,
            &lead(
                "Hut 8 also announced that Fluidstack raised its total commitment to 600 megawatts of capacity at the campus.",
            ),
        );
        deal_with(&d, "Fluidstack");
        has_reason(
            &d,
            "for: the same day's customer contract, told beside the financing",
        );
        // the same move told as last month's is what the loan funds, not news
        not_a_deal(&decide(
            title,
            &lead(
                "Hut 8 also announced last month that Fluidstack raised its total commitment to 600 megawatts of capacity at the campus.",
            ),
        ));
    }

    #[test]
    fn a_contract_the_company_holds_or_a_speaker_announced_before_is_recalled() {
        // a lease the campus has is held, one the company has executed is signed
        assert!(recalls(
            "The second campus broke ground and has an executed lease with an investment-grade hyperscaler for 200 MW."
        ));
        assert!(!recalls(
            "The company has executed a lease with an investment-grade hyperscaler for 200 MW."
        ));
        // an executive retelling what the company announced, unless it was today
        assert!(recalls(
            "The chief executive said, “We also announced a $5 billion, 15-year lease with a hyperscaler for 200 megawatts.”"
        ));
        assert!(!recalls(
            "The chief executive said, “Today we announced a $5 billion, 15-year lease with a hyperscaler for 200 megawatts.”"
        ));
        // a contract that underpins the period, in a currency written with its country
        assert!(recalls(
            "Last week the miner reported quarterly results underpinned by its multi-year US$9.70 billion Microsoft contract."
        ));
        let call = |quote: &str| {
            decide_on(
                "Applied Digital fiscal second quarter: what management said on the call",
                &format!(
                    "Applied Digital's chairman opened the call with the campus milestones. {quote} He said the project is on schedule."
                ),
                Some("2026-01-08"),
            )
        };
        not_a_deal(&call(
            "He noted, “We also announced a roughly $5 billion 15-year lease with a U.S.-based investment-grade hyperscaler for 200 megawatts.”",
        ));
        not_a_deal(&call(
            "Harwood broke ground and has an executed lease with a U.S.-based investment-grade hyperscaler for 200 megawatts over 15 years.",
        ));
    }

    #[test]
    fn a_company_named_as_an_example_of_its_class_signs_nothing() {
        let title = "Listed bitcoin miners add $11 billion of market value in January";
        let d = decide(
            title,
            "Mining stocks beat the index. The mood was lifted by strategic shifts: miners like Riot Platforms signed HPC deals with AMD and are turning sites toward AI.",
        );
        no_deal_because(
            &d,
            "against: the company named as an example of its class: \"The mood was lifted",
        );
        // the company as the subject itself signs
        deal_with(
            &decide(
                "Riot Platforms signs HPC lease with AMD",
                "Bitcoin miner Riot Platforms signed an HPC data center lease with AMD for 25 MW at its Rockdale site.",
            ),
            "AMD",
        );
    }

    #[test]
    fn a_takeover_headline_names_no_customer_contract() {
        let lead = "The board rejected the offer of $5.75 a share as too low. The two companies have worked together for a year. The Austin data center provides 16 megawatts of capacity for CoreWeave's AI computing.";
        let d = decide(
            "Core Scientific turns down a surprise buyout proposal from CoreWeave, a provider of AI cloud services",
            lead,
        );
        not_a_deal(&d);
        assert!(
            !d.reasons
                .iter()
                .any(|r| r == "for: the headline names a customer contract"),
            "{:?}",
            d.reasons
        );
    }

    #[test]
    fn a_strategy_being_executed_is_no_signing_and_a_pivot_made_by_signing_is() {
        let d = decide(
            "Applied Digital: the long road to AI data centers",
            "Applied Digital is executing a multiyear shift from crypto hosting to AI data centers, backed by long-term leases.",
        );
        no_deal_because(
            &d,
            "against: planned or discussed, not signed: \"Applied Digital is executing",
        );
        deal_with(
            &decide(
                "Hut 8's River Bend turns to AI",
                "Hut 8 executed a sweeping strategic pivot, signing a $7 billion, 15-year lease with Fluidstack for its River Bend capacity.",
            ),
            "Fluidstack",
        );
    }

    #[test]
    fn an_investor_in_the_headline_who_is_the_customer_of_a_contract_the_text_states_makes_it_the_news()
     {
        let title = "NVIDIA's IREN deal turns the AI factory into a financing plan";
        let lead = |contract: &str| {
            format!(
                "The key word in the announcement is the right, not the gigawatts. NVIDIA won a five-year right to buy up to 30 million IREN shares at $70 each, a possible $2.1 billion investment. That is the real change. The AI factory has been a metaphor for a year. This deal shows its next phase. NVIDIA now helps decide who builds it. It also helps decide how it is paid for. The partnership is meant to support up to 5 gigawatts of AI infrastructure across IREN's pipeline. The flagship is a 2-gigawatt campus in Texas. {contract}"
            )
        };
        let d = decide(
            title,
            &lead(
                "Separately, IREN says it signed a five-year, $3.4 billion AI cloud services contract to provide NVIDIA with managed GPU capacity at Childress, Texas.",
            ),
        );
        deal_with(&d, "NVIDIA");
        has_reason(
            &d,
            "for: the investor in the headline is the customer of the contract the text states; the contract is the news",
        );
        // a contract of the investor's that the text recalls is not the news
        not_a_deal(&decide(
            title,
            &lead(
                "Last year IREN signed a five-year, $3.4 billion AI cloud services contract to provide NVIDIA with managed GPU capacity at Childress, Texas.",
            ),
        ));
        // nor one with another customer: the investment is the story
        not_a_deal(&decide(
            title,
            &lead(
                "IREN says it signed a five-year, $3.4 billion AI cloud services contract with Anthropic at Childress, Texas.",
            ),
        ));
        // nor the company another invests in
        not_a_deal(&decide(
            "Applied Digital jumps 14% after Nvidia invests $2 billion in CoreWeave",
            "Applied Digital rose 14% in late trading. Applied Digital has inked two 15-year leases with CoreWeave, a direct line to the expansion Nvidia backs.",
        ));
        // nor a merger's partner named in a sentence about a contract, in any language
        not_a_deal(&decide(
            "Core Scientific holders reject the CoreWeave merger",
            "Core Scientific's shareholders voted down the all-stock merger with CoreWeave on Thursday. The company said the two keep their 12-year colocation agreement for 590 MW.",
        ));
        not_a_deal(&decide(
            "Les actionnaires de Core Scientific rejettent la fusion avec CoreWeave",
            "Les actionnaires ont voté contre l'accord de fusion entièrement en actions. « Core Scientific, un leader des services de colocation à haute densité, a annoncé aujourd'hui que l'accord de fusion avec CoreWeave n'a pas été approuvé », selon un communiqué.",
        ));
        // nor the stake a company buys in the customer it names
        not_a_deal(&decide(
            "MARA completes the acquisition of a 64% stake in Exaion",
            "MARA has completed the acquisition of a 64% controlling stake in Exaion, a French computing operator. The acquisition gives MARA immediate access to Exaion's client base and its secure cloud services.",
        ));
    }

    #[test]
    fn other_companies_deal_heading_a_page_makes_the_companys_contract_told_deep_in_it_a_side_note()
    {
        let lead = |headline: &str| {
            format!(
                "{headline}\n\
                 OpenAI agreed to buy $50 billion of AMD chips, with an option on a tenth of its shares. \
                 AMD's stock rose 37% at the open. \
                 Nvidia's shares slipped in early trading. \
                 The chips add up to 6 gigawatts of computing power. \
                 Mining stocks that have turned to AI rose up to 12%. \
                 Galaxy Digital rode the wave, securing an 800 MW contract with CoreWeave."
            )
        };
        let d = decide(
            "Crypto exchange / Square / Newsroom",
            &lead("OpenAI strikes a $50 billion deal with AMD as the chipmaker's stock soars 37%"),
        );
        no_deal_because(
            &d,
            "against: the page's headline is other companies' deal: \"OpenAI strikes",
        );
        // a headline naming one company, the company's customer, is the company's own
        let d = decide(
            "Source: a wire (NZ-AU)",
            "Secured $9.7bn AI cloud contract with Microsoft
             Targeting $3.4bn of AI cloud revenue by the end of 2026
             IREN Limited today reported its results for the three months ended September 30, 2025.
             Highlights
             - Targeting $3.4bn of annualized AI cloud revenue by the end of 2026
             - Phased deployments for Microsoft at Childress through 2026
             - Revenue rose to a record $240.3m in the quarter
             - New multi-year contracts signed with Together AI, Fluidstack and Fireworks AI",
        );
        no_reason_starting(&d, "against: the page's headline is other companies' deal");
        // the company's contract told in the opening is news of its own
        deal_with(
            &decide(
                "Crypto exchange / Square / Newsroom",
                "OpenAI strikes a $50 billion deal with AMD as the chipmaker's stock soars 37%
                 Galaxy Digital also secured an 800 MW contract with CoreWeave on Monday.",
            ),
            "CoreWeave",
        );
    }

    #[test]
    fn a_company_name_in_capitals_keeps_its_abbreviation_and_heads_a_results_page() {
        assert_eq!(
            sentences("Please sign in.\nTERAWULF INC. (WULF) Q4 2024 Results Recap\nKey points"),
            [
                "Please sign in.",
                "TERAWULF INC. (WULF) Q4 2024 Results Recap",
                "Key points"
            ]
        );
        let page = |point: &str| {
            decide(
                "Sign in",
                &format!(
                    "You are signed out. Sign in for full access to the recap.\n\
                     TW\n\
                     TERAWULF INC. (WULF)·Q4 2024 Results Recap\n\
                     Summary\n\
                     • Fourth-quarter revenue rose to about $35 million while adjusted EBITDA fell to $2.5 million.\n\
                     {point}"
                ),
            )
        };
        // a quarter's recap that tells a lease as done: results recalling a contract
        let d = page(
            "• The AI pivot moved ahead: a 10-year, 72.5 MW Core42 HPC lease was executed, expected to bring over $1 billion of revenue.",
        );
        no_deal_because(&d, "against: results that recall existing contracts");
        has_reason(
            &d,
            "the page's headline: \"TERAWULF INC. (WULF)·Q4 2024 Results Recap\"",
        );
        // results that sign a new one are still the deal
        deal_with(
            &page(
                "• TeraWulf signed a new 10-year HPC lease with Core42 for 72.5 MW, expected to bring over $1 billion of revenue.",
            ),
            "Core42",
        );
    }

    #[test]
    fn a_signing_dated_by_a_month_cut_short_is_recalled_weeks_on() {
        let s = "In late Sept 2025 it signed a 10-year, 168 MW hosting deal with Fluidstack.";
        let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
        assert!(recalls_on(s, day("2025-12-19")));
        assert_eq!(
            recalled_on(s, day("2025-12-19").unwrap()).as_deref(),
            Some(
                "the agreement was signed in a month that ended 2025-09-30, the story is of 2025-12-19"
            )
        );
        // two days after the month, the news
        assert!(!recalls_on(s, day("2025-10-02")));
        // with a stop after the month, and a comma after the year
        assert!(recalls_on(
            "In Sept. 2025, Cipher signed a 10-year hosting deal with Fluidstack.",
            day("2025-12-19")
        ));
        // a month cut short with no year dates nothing
        assert_eq!(
            recalled_on(
                "Cipher signed a hosting deal with Fluidstack in Sept.",
                day("2025-12-19").unwrap()
            ),
            None
        );
    }

    #[test]
    fn an_option_drawn_in_german_by_a_customer_named_by_its_cashtag_is_an_expansion() {
        // "seine finale Option gezogen" (drawn its final option), the customer as "$CRWV"
        let d = decide(
            "Galaxy sichert Finanzierung für Helios",
            "Galaxy meldete eine neue Kreditlinie. Daneben hat der Mieter $CRWV (+2 %) seine letzte Option gezogen und belegt damit 800 MW auf dem Gelände.",
        );
        deal_with(&d, "CoreWeave");
        let x = d.detection.as_ref().unwrap();
        assert_eq!(x.deal_type, DealType::Expansion);
        assert_eq!(x.terms.capacity_mw, Some(800.0));
        // "gezogen" without an option draws nothing
        assert!(
            decide(
                "Galaxy zieht Bilanz",
                "Galaxy meldete eine neue Kreditlinie. Der Mieter $CRWV hat Bilanz gezogen und 800 MW auf dem Gelände geprüft.",
            )
            .detection
            .is_none_or(|x| x.kind != crate::model::DealKind::Deal)
        );
    }

    #[test]
    fn hosting_that_names_an_activity_is_no_contract_in_a_headline() {
        // a short seller's opening: "a business hosting bitcoin miners", "pivot from hosting"
        for title in [
            "Applied Digital pivots from hosting bitcoin miners to AI",
            "Applied Digital pivots to hosting AI",
            "Applied Digital, a failed miner, claims a pivot from a business hosting bitcoin miners to an AI Cloud",
        ] {
            assert!(
                decide(title, "The company has changed its story many times.")
                    .detection
                    .is_none(),
                "{title}"
            );
        }
        assert_eq!(
            hosting_as_activity("pivots from hosting AI to cloud"),
            "pivots from  AI to cloud"
        );
        assert_eq!(
            hosting_as_activity("moves to hosting agreements for AI"),
            "moves to hosting agreements for AI"
        );
        // a hosting deal named so stays one
        deal_with(
            &decide(
                "Applied Digital signs AI hosting deal with CoreWeave",
                "Applied Digital signed a 15-year AI hosting deal with CoreWeave for 250 MW.",
            ),
            "CoreWeave",
        );
    }

    #[test]
    fn hosting_secured_for_bitcoin_mining_is_no_ai_deal_in_other_languages() {
        // German: "für sein Bitcoin-Mining" (hyphenated), the miner a hosting customer
        no_deal_because(
            &decide(
                "Marathon sichert sich 254 MW",
                "Marathon Digital hat bei mehreren Betreibern Hosting-Verträge über rund 250 Megawatt für sein Bitcoin-Mining abgeschlossen. Damit seien genug Hosting-Verträge vereinbart, so das Unternehmen.",
            ),
            "against: the text never says AI",
        );
        // Portuguese: hashrate written out ("2,2 exahashes por segundo"), machines as
        // "mineradores", in a text that names AI elsewhere
        for lead in [
            "A Bitfarms fechou um acordo de hospedagem com a Stronghold para ligar mais 2,0 exahashes por segundo. A empresa também citou planos de HPC/AI.",
            "A Bitfarms fechou um acordo de hospedagem com a Stronghold para 8.000 mineradores novos. A empresa também citou planos de HPC/AI.",
        ] {
            no_deal_because(
                &decide("Bitfarms fecha acordo com a Stronghold", lead),
                "against: bitcoin mining machines hosted or deployed",
            );
        }
    }

    #[test]
    fn a_recent_announcement_an_existing_agreement_and_a_recent_sealing_are_recalled() {
        for (title, lead) in [
            (
                "Applied Digital shares fall 13%",
                "Applied Digital stock lost 9% on Friday. The company’s recent announcement of a 150MW lease with CoreWeave should have cheered investors.",
            ),
            (
                "Core Scientific shares plummet",
                "Core Scientific stock slid 12%. Recently, it sealed a $100 million deal with CoreWeave, which investors ignored.",
            ),
            (
                "Applied Digital update",
                "Applied Digital provides Marathon with 200 MW of AI capacity under their existing colocation hosting agreement.",
            ),
        ] {
            assert!(decide(title, lead).detection.is_none(), "{lead}");
        }
    }

    #[test]
    fn a_site_won_over_a_rival_and_land_leased_to_the_company_are_no_customer_contracts() {
        no_deal_because(
            &decide(
                "CleanSpark wins Wyoming AI site",
                "CleanSpark won the 100 MW AI data center site near Cheyenne over Microsoft.",
            ),
            "against: a competitor for a site or a contract",
        );
        no_deal_because(
            &decide(
                "Cipher Mining 10-Q: leases",
                "The site agreement with a power utility leases a plot to the Company for its Texas data center and substation, for five years.",
            ),
            "against: the company takes a lease from a landlord",
        );
        // (a lease the company signs with its customer still signs)
        deal_with(
            &decide(
                "Cipher signs AI lease",
                "Cipher Mining signed a 10-year lease with Fluidstack for 168 MW at Barber Lake.",
            ),
            "Fluidstack",
        );
    }

    #[test]
    fn an_article_that_says_it_will_delve_into_results_is_an_analysis() {
        for lead in [
            "This article will delve into Galaxy's second-quarter numbers.\nThe AI bet: signed a 15-year deal with CoreWeave for 500MW.",
            "Dans ce billet, nous analysons les chiffres trimestriels de Galaxy.\nLe pari de l'IA : un contrat de 15 ans et 500 mégawatts signé avec CoreWeave.",
        ] {
            no_deal_because(
                &decide("From mining coins to mining intelligence", lead),
                "against: commentary (opinion, analysis, a question)",
            );
        }
    }

    #[test]
    fn a_customer_called_investment_grade_in_quotes_is_an_undisclosed_one() {
        let d = decide(
            "",
            "Applied Digital's new Texas site (a 400 MW campus) leased 280 MW to a 'high investment-grade' hyperscaler, $7B over 15 years.",
        );
        deal_with(&d, "undisclosed");
        assert_eq!(d.detection.unwrap().terms.capacity_mw, Some(280.0));
    }

    #[test]
    fn an_update_headed_by_its_first_point_states_the_new_customer_among_its_points() {
        // a copy of a monthly update whose headline is its first point, a debt paydown, and
        // whose new customer is a point told further down
        let title = "Company Cuts Its Convertible Notes by $3 Million";
        let text = |lead: &str, heading: &str| {
            let body = format!(
                "The chief executive of Soluna thanked the team for a strong year.\n\n{heading}\n\nNoteholders converted $3 million of principal into shares.\n\nThe company answered investor questions in a video.\n\nA study found its sites emit less carbon than peers.\n\nSigned a new 12 MW customer at its Texas data center."
            );
            decide_doc(title, lead, &body, Some("2024-02-20"))
        };
        let d = text(
            "Soluna said it has shared the following corporate and site updates.",
            "Corporate Highlights:",
        );
        deal_with(&d, "undisclosed");
        assert!(
            d.reasons
                .iter()
                .any(|r| r == "the headline is one point of the update the text lists"),
            "{:?}",
            d.reasons
        );
        assert_eq!(
            d.detection.unwrap().terms.capacity_mw,
            Some(12.0),
            "the new customer's size"
        );
        // the same headline over a text that lists no updates is a financing
        let d = text(
            "Soluna said noteholders converted part of the principal.",
            "Meanwhile:",
        );
        no_deal_because(&d, "against: the headline is about a financing");
    }

    #[test]
    fn fresh79_decisions_from_the_wording_of_real_coverage() {
        // a company described as a cloud services developer names no contract: a customer's
        // stake in it is an investment
        not_a_deal(&decide(
            "",
            "Nvidia has disclosed a new investment in Applied Digital (APLD), a data center and cloud services developer.",
        ));
        deal_with(
            &decide(
                "IREN signs cloud services contract with Microsoft",
                "IREN signed a five-year cloud services contract with Microsoft.",
            ),
            "Microsoft",
        );
        // a sentence that refers back to a deal the text dates weeks before the story
        let recap = "Applied Digital is a name to watch. On Tuesday, June 3, it was announced that Applied Digital entered into two 15-year leases with CoreWeave at its North Dakota campus. The leases should bring in about $7 billion. That is more than twice its yearly revenue. Under the deal, CoreWeave also received a warrant to buy 13 million Applied Digital shares at an exercise price of $7.19 each.";
        no_reason_starting(
            &decide_on("", recap, Some("2025-06-04")),
            "against: the agreement is dated",
        );
        deal_with(&decide_on("", recap, Some("2025-06-04")), "CoreWeave");
        not_a_deal(&decide_on("", recap, Some("2025-06-20")));
        // a market summary: the indexes' moves open it, and a deal is one mover's reason
        let summary = "Stocks end mixed as factory data disappoints\nU.S. stocks closed mixed on Monday.\nThe Dow slipped 0.3% while the Nasdaq added 0.5%.\nMovers\n• Cipher Mining (CIFR) shares jumped 20% after the company announced a $5.5 billion, 15-year lease with Amazon Web Services.";
        no_deal_because(
            &decide("", summary),
            "against: a market summary; its deals are movers' reasons",
        );
        no_deal_because(
            &decide(
                "Indexes: Dow down 0.2%, S&P 500 up 0.1%, Nasdaq up 0.4%",
                "Iren jumps after $9.7 billion contract with Microsoft\nStocks edged higher on Monday.",
            ),
            "against: a market summary",
        );
        // (a site's bar of quotes above the story is furniture, no summary)
        deal_with(
            &decide(
                "DOW 47,369.42 -0.41% NASDAQ 23,853.68 +0.54% S&P 500 6,855.42 +0.22%",
                "Cipher Mining signed a $5.5 billion, 15-year lease with Amazon Web Services.",
            ),
            "Amazon",
        );
        // (the market as the backdrop of the company's own story is no summary)
        deal_with(
            &decide(
                "Why Applied Digital stock jumped today",
                "Shares of Applied Digital jumped 30% on Thursday. The rise came as the S&P 500 and the Nasdaq Composite slipped 0.4% and 0.1%. Applied Digital said CoreWeave exercised its option for another 150 MW of capacity.",
            ),
            "CoreWeave",
        );
        // a bank's report opening the text: the deal it cites is a driver of its view
        no_deal_because(
            &decide(
                "",
                "Morgan Stanley said in a monthly report that listed bitcoin miners had a strong January. The rally was partly driven by news of Riot Platforms signing an HPC lease with AMD.",
            ),
            "against: the headline is about an analyst's view",
        );
        // partners' first agreement told as what they first did, not a determiner's adjective
        not_a_deal(&decide(
            "TeraWulf and Fluidstack: what comes next",
            "TeraWulf and Fluidstack first signed a 25-year hosting agreement for a site in Texas.",
        ));
        deal_with(
            &decide(
                "TeraWulf lands its first AI tenant",
                "TeraWulf announced its first signed AI hosting agreement, a 10-year lease with Fluidstack.",
            ),
            "Fluidstack",
        );
        // several customers' leases summed are a portfolio; one customer's two leases are a deal
        no_deal_because(
            &decide(
                "Applied Digital shares rise",
                "Applied Digital signed leases totaling 600 MW with two hyperscalers, its filing shows.",
            ),
            "against: several customers' agreements summed",
        );
        deal_with(
            &decide(
                "Applied Digital signs leases with CoreWeave",
                "Applied Digital signed two leases totaling 400 MW with CoreWeave.",
            ),
            "CoreWeave",
        );
    }
}
