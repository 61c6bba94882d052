//! Argument groups shared by several commands, and their mapping onto the stages' own types.

use std::path::PathBuf;

use crate::UsageError;
use crate::config::Config;
use crate::study::{self, Model};

/// The expected-return model, as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModelArg {
    /// OLS on the market benchmark and the factor (bitcoin): the AI premium is what neither explains.
    Factor,
    /// OLS on the market benchmark.
    Market,
    /// AR = R − R_market, no estimation of betas.
    MarketAdjusted,
    /// Constant mean return.
    Mean,
}

impl From<ModelArg> for Model {
    fn from(m: ModelArg) -> Model {
        match m {
            ModelArg::Factor => Model::Factor,
            ModelArg::Market => Model::Market,
            ModelArg::MarketAdjusted => Model::MarketAdjusted,
            ModelArg::Mean => Model::Mean,
        }
    }
}

/// The study options shared by `study`, `export` and `premium`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct StudyOptions {
    /// Expected-return model [default: [study] model, factor].
    #[arg(long, value_enum)]
    pub model: Option<ModelArg>,
    /// Market benchmark ticker; its sessions are the calendar [default: [study] market, SPY].
    #[arg(long)]
    pub market: Option<String>,
    /// Factor ticker for the factor model, or "none" [default: [study] factor, BTC-USD].
    #[arg(long)]
    pub factor: Option<String>,
    /// Estimation window START:END [default: -120:-11].
    #[arg(long, allow_hyphen_values = true)]
    pub estimation: Option<String>,
    /// Event window START:END (repeatable) [default: -1:1, 0:1, 0:5, -5:5].
    #[arg(long = "window", allow_hyphen_values = true)]
    pub windows: Vec<String>,
    /// Minimum valid returns in the estimation window [default: 60].
    #[arg(long)]
    pub min_estimation: Option<usize>,
    /// Log returns instead of simple returns.
    #[arg(long)]
    pub log_returns: bool,
    /// Events CSV: event_id,ticker,date[,time][,counterparty].
    #[arg(long)]
    pub events: Option<PathBuf>,
    /// Only events of these tickers (repeatable).
    #[arg(long = "ticker")]
    pub tickers: Vec<String>,
    /// Only deals of this type (stored deals).
    #[arg(long = "type")]
    pub deal_type: Option<String>,
    /// Only events on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<chrono::NaiveDate>,
    /// Only events on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<chrono::NaiveDate>,
    /// Leave out automatic deals recognised with less confidence (0 to 1; reviewed and hand-made
    /// deals always count) [default: [study] min_confidence, 0.5].
    #[arg(long)]
    pub min_confidence: Option<f64>,
    /// Only deals reviewed (`deals accept`) or made by hand.
    #[arg(long)]
    pub reviewed: bool,
}

impl StudyOptions {
    /// The engine's setup: the options over `[study]` in the configuration, checked.
    pub fn setup(&self, cfg: &Config) -> Result<study::Setup, UsageError> {
        study::Setup::resolve(
            &cfg.study,
            &study::Overrides {
                model: self.model.map(Model::from),
                market: self.market.clone(),
                factor: self.factor.clone(),
                estimation: self.estimation.clone(),
                windows: self.windows.clone(),
                min_estimation: self.min_estimation,
                log_returns: self.log_returns,
            },
        )
    }

    /// Which events the options select; `cfg` gives the default confidence.
    pub fn selection(&self, cfg: &Config) -> Result<study::Selection, UsageError> {
        if let Some(c) = self.min_confidence
            && !(0.0..=1.0).contains(&c)
        {
            return Err(UsageError(format!(
                "--min-confidence {c}: expected a number from 0 to 1"
            )));
        }
        Ok(study::Selection {
            min_confidence: self.min_confidence.unwrap_or(cfg.study.min_confidence),
            reviewed: self.reviewed,
            events_file: self.events.clone(),
            tickers: self
                .tickers
                .iter()
                .map(|t| t.to_ascii_uppercase())
                .collect(),
            deal_type: self
                .deal_type
                .as_deref()
                .map(super::deals::parse_type)
                .transpose()?,
            since: self.since,
            until: self.until,
        })
    }
}
