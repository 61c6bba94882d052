//! Test statistics across events. Each is a pure function of per-event numbers; p-values are
//! two-sided, from t(N − 1) for the cross-sectional t and from N(0, 1) for the others.
//!
//! - cross-sectional t = √N · mean(X) / sd(X), sd with N − 1 (X = CAR_i per window, AR_iτ per day);
//! - Patell (1976): per day Z = Σ_i SAR_iτ / √(Σ_i Q_i); per window
//!   Z = (1/√N) · Σ_i CSAR_i / √(L_i · Q_i), with Q_i = (M_i − k)/(M_i − k − 2);
//! - BMP (Boehmer, Musumeci & Poulsen 1991): √N · mean(S) / sd(S) with S = SAR_iτ per day and
//!   S = SCAR_i = CAR_i/√Var(CAR_i) per window;
//! - Kolari & Pynnönen (2010): BMP · √((1 − r̄)/(1 + (N − 1) · r̄)), r̄ the mean pairwise correlation of
//!   the events' estimation-window residuals aligned in event time (pairwise-complete days; a pair with
//!   fewer than 30 common days counts as 0);
//! - Corrado (1989) rank test with Corrado & Zivney (1992) uniform ranks U_it = rank(AR_it)/(n_i + 1)
//!   over each event's n_i non-missing ARs in D = estimation window ∪ test days (average ranks for
//!   ties); K_t = Σ_i (U_it − ½)/√N_t; S_U = √((1/T) Σ_{t∈D} K_t²) over the T days of D with data; per
//!   window Z = Σ_{t∈W} K_t / (√L · S_U), per day Z = K_τ / S_U;
//! - sign Z = (w − N/2)/√(N/4); generalized sign (Cowan 1992) Z = (w − N·p̂)/√(N·p̂·(1 − p̂)), w the number
//!   of positive CARs (per day: ARs), p̂ the mean over events of each one's share of positive
//!   estimation-window residuals.

use serde::Serialize;
use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// A statistic and its two-sided p-value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Stat {
    pub stat: f64,
    pub p: f64,
}

pub fn normal_p(z: f64) -> f64 {
    let n = Normal::new(0.0, 1.0).expect("standard normal");
    2.0 * n.sf(z.abs())
}

pub fn t_p(t: f64, dof: f64) -> f64 {
    match StudentsT::new(0.0, 1.0, dof) {
        Ok(d) => 2.0 * d.sf(t.abs()),
        Err(_) => f64::NAN,
    }
}

/// The q-quantile of Student's t with `dof` degrees of freedom (NaN when dof < 1).
pub fn t_quantile(q: f64, dof: f64) -> f64 {
    match StudentsT::new(0.0, 1.0, dof) {
        Ok(d) => d.inverse_cdf(q),
        Err(_) => f64::NAN,
    }
}

fn finite(s: Stat) -> Option<Stat> {
    (s.stat.is_finite() && s.p.is_finite()).then_some(s)
}

/// The arithmetic mean; None for no values. The one mean of the code base.
pub fn mean(x: &[f64]) -> Option<f64> {
    (!x.is_empty()).then(|| x.iter().sum::<f64>() / x.len() as f64)
}

/// Sample standard deviation (N − 1).
pub fn sd(x: &[f64]) -> f64 {
    let m = mean(x).unwrap_or(f64::NAN);
    (x.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (x.len() as f64 - 1.0)).sqrt()
}

/// √N · mean / sd, p from t(N − 1).
pub fn cross_sectional_t(x: &[f64]) -> Option<Stat> {
    if x.len() < 2 {
        return None;
    }
    let n = x.len() as f64;
    let t = n.sqrt() * mean(x).unwrap_or(f64::NAN) / sd(x);
    finite(Stat {
        stat: t,
        p: t_p(t, n - 1.0),
    })
}

/// Σ SAR_i / √(Σ Q_i) over the events with a SAR that day.
pub fn patell_day(sar_q: &[(f64, f64)]) -> Option<Stat> {
    if sar_q.is_empty() {
        return None;
    }
    let z = sar_q.iter().map(|(s, _)| s).sum::<f64>()
        / sar_q.iter().map(|(_, q)| q).sum::<f64>().sqrt();
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

/// (1/√N) Σ CSAR_i / √(L_i Q_i).
pub fn patell_window(csar_l_q: &[(f64, usize, f64)]) -> Option<Stat> {
    if csar_l_q.is_empty() {
        return None;
    }
    let n = csar_l_q.len() as f64;
    let z = csar_l_q
        .iter()
        .map(|(c, l, q)| c / (*l as f64 * q).sqrt())
        .sum::<f64>()
        / n.sqrt();
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

/// √N · mean(S) / sd(S), p from N(0,1).
pub fn bmp(s: &[f64]) -> Option<Stat> {
    if s.len() < 2 {
        return None;
    }
    let n = s.len() as f64;
    let z = n.sqrt() * mean(s).unwrap_or(f64::NAN) / sd(s);
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

/// BMP adjusted for cross-correlation: BMP · √((1 − r̄)/(1 + (N − 1) r̄)).
pub fn kolari_pynnonen(bmp: Stat, n: usize, r_bar: f64) -> Option<Stat> {
    let n = n as f64;
    let factor = ((1.0 - r_bar) / (1.0 + (n - 1.0) * r_bar)).sqrt();
    let z = bmp.stat * factor;
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

/// Pearson correlation over the days both series have; `None` below `min_common` such days.
pub fn pairwise_corr(a: &[Option<f64>], b: &[Option<f64>], min_common: usize) -> Option<f64> {
    let (mut n, mut sa, mut sb, mut saa, mut sbb, mut sab) = (0usize, 0.0, 0.0, 0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        if let (Some(x), Some(y)) = (x, y) {
            n += 1;
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }
    }
    if n < min_common.max(2) {
        return None;
    }
    corr_from_sums(n, sa, sb, saa, sbb, sab)
}

/// Pearson correlation from the sums over `n` common days; `None` with no variance.
fn corr_from_sums(n: usize, sa: f64, sb: f64, saa: f64, sbb: f64, sab: f64) -> Option<f64> {
    let nf = n as f64;
    let cov = sab - sa * sb / nf;
    let va = saa - sa * sa / nf;
    let vb = sbb - sb * sb / nf;
    (va > 0.0 && vb > 0.0).then(|| cov / (va * vb).sqrt())
}

/// r̄: mean over all pairs of the estimation-residual correlations (pairwise-complete days; pairs
/// with fewer than 30 common days count as 0). Zero for fewer than two events.
///
/// Two complete series (no missing day) correlate as the dot product of their standardized rows, so
/// all their pairs are summed in one pass ((|Σz|² − Σ|z|²)/2). For the pairs with a missing day,
/// series of one length are zero-filled rows of a matrix X; a product vanishes wherever either
/// value is missing, so X·Xᵀ holds every pair's sum of products over its common days. That Gram
/// matrix is computed in blocks of tiles of eight by eight series (`gram_tiles`: the quadratic
/// part, at the machine's floating-point speed, on every core); the other sums over a pair's common
/// days are each series' totals minus its values on the few days the other one misses. Series of
/// different lengths (rare: windows cut short) are correlated pair by pair. Blocks are summed in a
/// fixed order, so the result does not depend on the number of threads. A series missing one day
/// correlates with every complete series through one product per missing day, not per pair
/// (`single_vs_complete`): on the study bench that takes a third of the pairs out of the Gram
/// blocks.
pub fn mean_pairwise_corr(resid: &[&[Option<f64>]]) -> f64 {
    let n = resid.len();
    if n < 2 {
        return 0.0;
    }
    let mut by_len: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, r) in resid.iter().enumerate() {
        by_len.entry(r.len()).or_default().push(i);
    }
    let groups: Vec<Vec<usize>> = by_len.into_values().collect();
    let mut sum = 0.0;
    for (g, members) in groups.iter().enumerate() {
        let series: Vec<&[Option<f64>]> = members.iter().map(|&i| resid[i]).collect();
        sum += same_length_corr_sum(&series, GRAM_ROWS, GRAM_COLS);
        for other in &groups[g + 1..] {
            for &i in members {
                for &j in other {
                    sum += pairwise_corr(resid[i], resid[j], 30).unwrap_or(0.0);
                }
            }
        }
    }
    sum / (n * (n - 1) / 2) as f64
}

/// One series made ready for the Gram method: totals over its own days, the days it misses, and
/// for a series with every day, 1/√(its sum of squared deviations) (0 with no variance).
struct Prepped {
    s1: f64,
    s2: f64,
    missing: Vec<usize>,
    inv_sd: f64,
}

impl Prepped {
    /// From a series' values, zero-filled on the days it misses.
    fn new(row: &[f64], missing: Vec<usize>) -> Prepped {
        let s1: f64 = row.iter().sum();
        let s2: f64 = row.iter().map(|v| v * v).sum();
        let var = s2 - s1 * s1 / row.len() as f64;
        Prepped {
            s1,
            s2,
            inv_sd: if missing.is_empty() && var > 0.0 {
                1.0 / var.sqrt()
            } else {
                0.0
            },
            missing,
        }
    }
}

/// The series of one length laid out for the Gram blocks: `x` holds them as zero-filled rows
/// (row-major), `panels` the same in panels of eight series for the Gram tiles, `xt` the same
/// values day by day (so one day of many series is contiguous), and `miss` every series' missing
/// days k-major (`miss[k * m + j]` is series j's k-th missing day, padded with `len`, an index
/// whose value is always 0).
struct GramData<'a> {
    prep: &'a [Prepped],
    x: &'a [f64],
    /// the same rows in panels of eight series (see `pack_panels`), for the Gram tiles
    panels: &'a [f64],
    xt: &'a [f64],
    miss: &'a [u32],
    /// per series: Σ and Σ² of its values, and how many days it misses
    s1: Vec<f64>,
    s2: Vec<f64>,
    missing: Vec<f64>,
    m: usize,
    len: usize,
}

/// Sum over all pairs of series of equal length of their pairwise-complete correlations.
fn same_length_corr_sum(series: &[&[Option<f64>]], block_rows: usize, block_cols: usize) -> f64 {
    let m = series.len();
    let len = series.first().map_or(0, |s| s.len());
    if m < 2 || len < 30 {
        return 0.0;
    }
    // One pass over the series (each is read once: they lie apart on the heap, and a second
    // pass over them cost as much as the first): their values zero-filled, in the order given,
    // and the days each misses.
    let mut raw = spare_buffer(m * len);
    let mut raw_missing: Vec<u32> = Vec::new();
    let mut missing_end = Vec::with_capacity(m);
    for (r, row) in series.iter().zip(raw.chunks_exact_mut(len)) {
        for (d, (v, out)) in r.iter().zip(row.iter_mut()).enumerate() {
            match v {
                Some(v) => *out = *v,
                None => {
                    *out = 0.0;
                    raw_missing.push(d as u32);
                }
            }
        }
        missing_end.push(raw_missing.len());
    }
    let missing_days = |i: usize| {
        let start = if i == 0 { 0 } else { missing_end[i - 1] };
        &raw_missing[start..missing_end[i]]
    };
    // the series with a missing day first, most missing days first (their pairs go through the
    // Gram blocks, and a block of columns then gathers at most as many days per pair as its
    // first series misses), then the complete ones (their pairs with each other are summed in
    // one pass, below)
    let mut order: Vec<(usize, usize)> = (0..m).map(|i| (missing_days(i).len(), i)).collect();
    order.sort_by_key(|&(missing, i)| (std::cmp::Reverse(missing), i));
    let incomplete = order
        .iter()
        .take_while(|&&(missing, _)| missing > 0)
        .count();
    let max_missing = order[0].0;
    let mut x = spare_buffer(m * len);
    let mut miss = vec![len as u32; max_missing * m];
    let prep: Vec<Prepped> = order
        .iter()
        .zip(x.chunks_exact_mut(len))
        .enumerate()
        .map(|(i, (&(_, from), row))| {
            row.copy_from_slice(&raw[from * len..(from + 1) * len]);
            let missing: Vec<usize> = missing_days(from).iter().map(|&d| d as usize).collect();
            for (k, &d) in missing.iter().enumerate() {
                miss[k * m + i] = d as u32;
            }
            Prepped::new(row, missing)
        })
        .collect();
    give_back(raw);
    // the transpose by blocks of 64 series (a write per value straight from each row would
    // touch a cache line per value)
    let mut xt = spare_buffer(len * m);
    for i0 in (0..m).step_by(64) {
        let i1 = (i0 + 64).min(m);
        for d in 0..len {
            for (i, v) in (i0..i1).zip(&mut xt[d * m + i0..d * m + i1]) {
                *v = x[i * len + d];
            }
        }
    }
    // Two complete series correlate as the dot product of their standardized rows z (centred,
    // divided by the root of their sum of squares), so the sum over all their pairs is
    // (|Σ z|² − Σ |z|²) / 2: linear in the series, not quadratic.
    let complete_pairs = {
        let mut total = vec![0.0f64; len];
        let mut squares = 0.0;
        for (i, a) in prep.iter().enumerate().skip(incomplete) {
            if a.inv_sd == 0.0 {
                continue;
            }
            let mean = a.s1 / len as f64;
            for (t, v) in total.iter_mut().zip(&x[i * len..(i + 1) * len]) {
                let z = (v - mean) * a.inv_sd;
                *t += z;
                squares += z * z;
            }
        }
        (total.iter().map(|t| t * t).sum::<f64>() - squares) / 2.0
    };
    let mut panels = spare_buffer(m.div_ceil(PANEL) * PANEL * len);
    pack_panels(&x, len, &mut panels);
    let data = GramData {
        prep: &prep,
        x: &x,
        panels: &panels,
        xt: &xt,
        miss: &miss,
        s1: prep.iter().map(|p| p.s1).collect(),
        s2: prep.iter().map(|p| p.s2).collect(),
        missing: prep.iter().map(|p| p.missing.len() as f64).collect(),
        m,
        len,
    };
    // Pairs of a series missing exactly one day with a complete one are summed per missing day
    // (`single_vs_complete`), not pair by pair; the Gram blocks take every other pair with a
    // missing day: the rows missing two days or more against every later row, and the rows
    // missing one day against the later rows that miss one day.
    let multi = order
        .iter()
        .take_while(|&&(missing, _)| missing > 1)
        .count();
    let blocks: Vec<(usize, usize, usize)> = (0..multi)
        .step_by(block_rows)
        .map(|i0| (i0, multi, m))
        .chain(
            (multi..incomplete)
                .step_by(block_rows)
                .map(|i0| (i0, incomplete, incomplete)),
        )
        .collect();
    // job 0 is the singles against the complete series, the blocks follow; they are taken in
    // order by whichever thread is free (the first, with the most work, go first) and summed in
    // block order
    let sums = super::par::map_with(1 + blocks.len(), |b, scratch: &mut GramScratch| {
        if b == 0 {
            return single_vs_complete(&prep, &x, len, multi..incomplete, incomplete..m);
        }
        let (i0, row_end, col_end) = blocks[b - 1];
        gram_block_sum(
            &data,
            (i0, block_rows, block_cols, row_end, col_end),
            scratch,
        )
    });
    let (singles_complete, block_sums) = (sums[0], &sums[1..]);
    let sum = complete_pairs + singles_complete + block_sums.iter().sum::<f64>();
    drop(data);
    give_back(x);
    give_back(xt);
    give_back(panels);
    sum
}

/// r̄'s three largest buffers, kept from call to call (at most three, of up to 32 MB each). A
/// process that runs several studies (the premium runs three) then reuses them; otherwise the
/// allocator may map them afresh each time: on the 2,000-event bench 1,170 page faults a call, a
/// seventh of r̄'s time.
static SPARE: std::sync::Mutex<Vec<Vec<f64>>> = std::sync::Mutex::new(Vec::new());

/// A buffer of `len` values, reusing a kept one when there is one: what it holds is left from
/// before (no pass to zero it), so the caller writes every value.
fn spare_buffer(len: usize) -> Vec<f64> {
    let mut v = SPARE
        .lock()
        .ok()
        .and_then(|mut kept| kept.pop())
        .unwrap_or_default();
    v.truncate(len);
    v.resize(len, 0.0);
    v
}

/// Keep a buffer for the next `spare_buffer`, if it is not too large and fewer than three are
/// kept.
fn give_back(v: Vec<f64>) {
    if v.capacity() <= (32 << 20) / std::mem::size_of::<f64>()
        && let Ok(mut kept) = SPARE.lock()
        && kept.len() < 3
    {
        kept.push(v);
    }
}

/// Σ of the correlations of every series missing exactly one day (`singles`, rows of `x`) with
/// every complete series (`completes`), without a product per pair.
///
/// Standardize each series over its own days (z: centred, Σz² = 1; a missing day 0). A series i
/// missing day p and a complete series j have the common days all but p: there i's z still sums
/// to 0 with Σz² = 1, and j's z sums to −z_jp with Σz² = 1 − z_jp², so their correlation is
/// z_i·z_j / √v_jp with v_jp = 1 − z_jp²·len/(len − 1), j's variance over those days. The sum
/// over the pairs is then Σ_p T_p·W_p, with T_p = Σ z_i over the series missing day p and
/// W_p = Σ_j z_j/√v_jp over the complete ones: one product of a (days × complete) matrix with
/// the (complete × days) matrix of z, whatever the number of series missing each day. Pairs with
/// fewer than 30 common days, or no variance on either side, count 0, as in `pairwise_corr`.
fn single_vs_complete(
    prep: &[Prepped],
    x: &[f64],
    len: usize,
    singles: std::ops::Range<usize>,
    completes: std::ops::Range<usize>,
) -> f64 {
    if singles.is_empty() || completes.is_empty() || len - 1 < 30 {
        return 0.0;
    }
    // T_p, for the days some series misses alone
    let mut t = vec![0.0f64; len * len];
    let mut used = vec![false; len];
    let own = (len - 1) as f64;
    for i in singles {
        let a = &prep[i];
        let p = a.missing[0];
        let mean = a.s1 / own;
        let ss = a.s2 - a.s1 * mean;
        if ss <= 0.0 {
            continue;
        }
        let inv = 1.0 / ss.sqrt();
        used[p] = true;
        for (d, (tv, v)) in t[p * len..(p + 1) * len]
            .iter_mut()
            .zip(&x[i * len..(i + 1) * len])
            .enumerate()
        {
            if d != p {
                *tv += (v - mean) * inv;
            }
        }
    }
    let days: Vec<usize> = (0..len).filter(|&p| used[p]).collect();
    // z of the complete series (row-major), and their weights 1/√v_jp per used day (day-major)
    let rows: Vec<usize> = completes.filter(|&j| prep[j].inv_sd > 0.0).collect();
    if days.is_empty() || rows.is_empty() {
        return 0.0;
    }
    let n = rows.len();
    let mut z = vec![0.0f64; n * len];
    for (r, &j) in rows.iter().enumerate() {
        let a = &prep[j];
        let mean = a.s1 / len as f64;
        for (zv, v) in z[r * len..(r + 1) * len]
            .iter_mut()
            .zip(&x[j * len..(j + 1) * len])
        {
            *zv = (v - mean) * a.inv_sd;
        }
    }
    let scale = len as f64 / own;
    let mut w = vec![0.0f64; days.len() * n];
    for (k, &p) in days.iter().enumerate() {
        for (r, wv) in w[k * n..(k + 1) * n].iter_mut().enumerate() {
            let zp = z[r * len + p];
            let v = 1.0 - zp * zp * scale;
            *wv = if v > 0.0 { 1.0 / v.sqrt() } else { 0.0 };
        }
    }
    // W = w · z: (used days × complete) times (complete × days)
    let mut big_w = vec![0.0f64; days.len() * len];
    // SAFETY: A is days.len() × n in w (row stride n), B is n × len in z (row stride len), C is
    // days.len() × len in big_w; all three lie inside their vectors.
    unsafe {
        matrixmultiply::dgemm(
            days.len(),
            n,
            len,
            1.0,
            w.as_ptr(),
            n as isize,
            1,
            z.as_ptr(),
            len as isize,
            1,
            0.0,
            big_w.as_mut_ptr(),
            len as isize,
            1,
        );
    }
    days.iter()
        .enumerate()
        .map(|(k, &p)| {
            t[p * len..(p + 1) * len]
                .iter()
                .zip(&big_w[k * len..(k + 1) * len])
                .map(|(a, b)| a * b)
                .sum::<f64>()
        })
        .sum()
}

/// Series per panel of `pack_panels`, and rows and columns of a Gram tile.
const PANEL: usize = 8;

/// The zero-filled rows `x` (each `len` values) in panels of `PANEL` series: panel p holds
/// series PANEL·p.. day by day, `out[(p·len + d)·PANEL + lane]`, zeros past the last series.
/// A tile of the Gram matrix then reads two panels front to back.
fn pack_panels(x: &[f64], len: usize, out: &mut [f64]) {
    for (p, panel) in out.chunks_exact_mut(len * PANEL).enumerate() {
        for lane in 0..PANEL {
            let i = p * PANEL + lane;
            let row = x.get(i * len..(i + 1) * len);
            for d in 0..len {
                panel[d * PANEL + lane] = row.map_or(0.0, |r| r[d]);
            }
        }
    }
}

/// The Gram products Σ_d x_id·x_jd of rows `i0..i1` with columns `j0..j1` into `gram`
/// (row-major, `j1 − j0` per row), for the pairs j > i only: tiles of eight by eight series
/// whose columns all come before their rows are skipped, and a tile at a block's edge writes
/// only its pairs inside the block. Each sum runs over the days in order, one multiply-add per
/// day (fused where the CPU has FMA).
fn gram_tiles(
    panels: &[f64],
    len: usize,
    rows: (usize, usize),
    cols: (usize, usize),
    gram: &mut [f64],
) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("fma")
        {
            // SAFETY: the CPU has AVX-512F and FMA (checked just above)
            return unsafe { gram_tiles_avx512(panels, len, rows, cols, gram) };
        }
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
        {
            // SAFETY: the CPU has AVX2 and FMA (checked just above)
            return unsafe { gram_tiles_avx2(panels, len, rows, cols, gram) };
        }
    }
    gram_tiles_body::<false, 4>(panels, len, rows, cols, gram)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,fma")]
unsafe fn gram_tiles_avx512(
    panels: &[f64],
    len: usize,
    rows: (usize, usize),
    cols: (usize, usize),
    gram: &mut [f64],
) {
    gram_tiles_body::<true, 8>(panels, len, rows, cols, gram)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn gram_tiles_avx2(
    panels: &[f64],
    len: usize,
    rows: (usize, usize),
    cols: (usize, usize),
    gram: &mut [f64],
) {
    gram_tiles_body::<true, 4>(panels, len, rows, cols, gram)
}

/// `R` rows of a tile at a time: eight fill the 32 vector registers of AVX-512 (eight
/// accumulators of eight values), four the 16 of AVX2 (eight of four values).
#[inline(always)]
fn gram_tiles_body<const FMA: bool, const R: usize>(
    panels: &[f64],
    len: usize,
    (i0, i1): (usize, usize),
    (j0, j1): (usize, usize),
    gram: &mut [f64],
) {
    let width = j1 - j0;
    let panel = |p: usize| &panels[p * len * PANEL..(p + 1) * len * PANEL];
    for p in i0 / PANEL..i1.div_ceil(PANEL) {
        let (r0, r1) = ((p * PANEL).max(i0), ((p + 1) * PANEL).min(i1));
        // the first panel of columns with a column after the tile's first row
        let q0 = (j0 / PANEL).max((r0 + 1) / PANEL);
        for q in q0..j1.div_ceil(PANEL) {
            let (c0, c1) = ((q * PANEL).max(j0), ((q + 1) * PANEL).min(j1));
            for h in (0..PANEL).step_by(R) {
                let (h0, h1) = ((p * PANEL + h).max(r0), (p * PANEL + h + R).min(r1));
                if h0 >= h1 {
                    continue;
                }
                let acc = tile::<FMA, R>(panel(p), h, panel(q));
                for i in h0..h1 {
                    let at = (i - i0) * width + (c0 - j0);
                    let row = &acc[i - p * PANEL - h];
                    if c1 - c0 == PANEL {
                        // a whole row of the tile: a copy of known length (a few vector moves,
                        // where a length known only at run time calls memcpy)
                        gram[at..at + PANEL].copy_from_slice(row);
                    } else {
                        gram[at..at + c1 - c0]
                            .copy_from_slice(&row[c0 - q * PANEL..c1 - q * PANEL]);
                    }
                }
            }
        }
    }
}

/// Rows `h..h + R` of one tile: their dot products with the eight series of panel `b` over all
/// the days.
#[inline(always)]
fn tile<const FMA: bool, const R: usize>(a: &[f64], h: usize, b: &[f64]) -> [[f64; PANEL]; R] {
    let mut acc = [[0.0f64; PANEL]; R];
    for (ad, bd) in a
        .as_chunks::<PANEL>()
        .0
        .iter()
        .zip(b.as_chunks::<PANEL>().0)
    {
        for (row, &av) in acc.iter_mut().zip(&ad[h..h + R]) {
            for (c, &bv) in row.iter_mut().zip(bd) {
                *c = if FMA {
                    av.mul_add(bv, *c)
                } else {
                    *c + av * bv
                };
            }
        }
    }
    acc
}

/// Rows per Gram block, and columns per pass of the tiles (bounds each buffer to 128 × 128
/// values). Measured on the study bench with a dgemm in place of the tiles (r̄ alone, 100 calls,
/// 2026-12-06): 128 × 128 and 128 × 256 took 6.8–8.1 and 7.3–7.6 ms, 64 × 256 8.3–8.6, 256 × 256
/// 7.9–8.8, 128 × 512 8.3–8.8.
const GRAM_ROWS: usize = 128;
const GRAM_COLS: usize = 128;

/// A worker's buffers, kept from block to block: the Gram tiles' output, one row's values and
/// missing-day marks (with the zero at index `len`), and per column of a block the sums over
/// the pair's common days that the Gram product does not give.
#[derive(Default)]
struct GramScratch {
    gram: Vec<f64>,
    /// the block's rows, each padded with a 0 at index `len` (the pad of `miss`), and 1 where
    /// the row misses the day (0 elsewhere and at the pad)
    rows: Vec<f64>,
    rows_missing: Vec<f64>,
    /// Σ and Σ² of the row's values on the days the column misses, and how many of those days
    /// the row misses too (left empty when no column of the block misses a day)
    sa: Vec<f64>,
    saa: Vec<f64>,
    both: Vec<f64>,
    /// Σ and Σ² of the column's values on the days the row misses
    sb: Vec<f64>,
    sbb: Vec<f64>,
    /// zeros standing for sa, saa and both when no column of the block misses a day
    zeros: Vec<f64>,
}

/// The correlations of rows `i0..i0 + block_rows` (none from `row_end` on) with every later row
/// before `col_end`, `block_cols` columns at a time. Every row here misses a day; for a pair
/// (a, b) the sums over
/// their common days are a's and b's totals minus their values on the days the other misses,
/// gathered per block of columns in flat passes, and the correlations are then computed for the
/// whole block row at once (no branch per pair).
fn gram_block_sum(
    g: &GramData<'_>,
    block: (usize, usize, usize, usize, usize),
    s: &mut GramScratch,
) -> f64 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked just above)
        return unsafe { gram_block_sum_avx2(g, block, s) };
    }
    gram_block_sum_body(g, block, s)
}

/// The same code compiled for AVX2 (four lanes per vector instead of two; the same operations in
/// the same order, so the same result to the last bit: Rust never fuses a multiply and an add).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn gram_block_sum_avx2(
    g: &GramData<'_>,
    block: (usize, usize, usize, usize, usize),
    s: &mut GramScratch,
) -> f64 {
    gram_block_sum_body(g, block, s)
}

#[inline(always)]
fn gram_block_sum_body(
    g: &GramData<'_>,
    (i0, block_rows, block_cols, row_end, col_end): (usize, usize, usize, usize, usize),
    s: &mut GramScratch,
) -> f64 {
    let (m, len) = (g.m, g.len);
    let i1 = (i0 + block_rows).min(row_end);
    let rows = i1 - i0;
    let stride = len + 1;
    // each row's padded values and missing-day marks, once for all its blocks of columns
    s.rows.clear();
    s.rows_missing.clear();
    s.rows_missing.resize(rows * stride, 0.0);
    for (r, i) in (i0..i1).enumerate() {
        s.rows.extend_from_slice(&g.x[i * len..(i + 1) * len]);
        s.rows.push(0.0);
        for &d in &g.prep[i].missing {
            s.rows_missing[r * stride + d] = 1.0;
        }
    }
    if s.zeros.len() < block_cols {
        s.zeros.resize(block_cols, 0.0);
    }
    let mut sum = 0.0;
    let mut j0 = i0;
    while j0 < col_end {
        let j1 = (j0 + block_cols).min(col_end);
        let cols = j1 - j0;
        // (the tiles write every value a pair below reads: the buffer needs no zeroing)
        if s.gram.len() < rows * cols {
            s.gram.resize(rows * cols, 0.0);
        }
        gram_tiles(
            g.panels,
            len,
            (i0, i1),
            (j0, j1),
            &mut s.gram[..rows * cols],
        );
        // columns are ordered by falling missing days: none misses more than the first
        let gather = g.prep[j0].missing.len();
        for r in 0..rows {
            let i = i0 + r;
            let c0 = (i + 1).max(j0) - j0;
            if c0 >= cols {
                continue;
            }
            let a = &g.prep[i];
            let (row_v, row_m) = (
                &s.rows[r * stride..(r + 1) * stride],
                &s.rows_missing[r * stride..(r + 1) * stride],
            );
            // a's values on the days each column misses (a zero-filled day subtracts nothing):
            // the first of those days sets the sums, the others add to them
            for k in 0..gather {
                let days = &g.miss[k * m + j0 + c0..k * m + j1];
                if k == 0 {
                    // sized first and written through slices: a push per value reloads and
                    // checks each vector's length and capacity (a third of this function's
                    // time on the study bench)
                    let w = days.len();
                    s.sa.resize(w, 0.0);
                    s.saa.resize(w, 0.0);
                    s.both.resize(w, 0.0);
                    for (((&d, sa), saa), both) in days
                        .iter()
                        .zip(&mut s.sa[..w])
                        .zip(&mut s.saa[..w])
                        .zip(&mut s.both[..w])
                    {
                        let v = row_v[d as usize];
                        *sa = v;
                        *saa = v * v;
                        *both = row_m[d as usize];
                    }
                    continue;
                }
                for (((&d, sa), saa), both) in days
                    .iter()
                    .zip(s.sa.iter_mut())
                    .zip(s.saa.iter_mut())
                    .zip(s.both.iter_mut())
                {
                    let v = row_v[d as usize];
                    *sa += v;
                    *saa += v * v;
                    *both += row_m[d as usize];
                }
            }
            // each column's values on the days a misses (the first sets the sums)
            if a.missing.is_empty() {
                s.sb.clear();
                s.sb.resize(cols - c0, 0.0);
                s.sbb.clear();
                s.sbb.resize(cols - c0, 0.0);
            }
            for (k, &d) in a.missing.iter().enumerate() {
                let day = &g.xt[d * m + j0 + c0..d * m + j1];
                if k == 0 {
                    s.sb.clear();
                    s.sbb.clear();
                    s.sb.extend_from_slice(day);
                    s.sbb.extend(day.iter().map(|v| v * v));
                    continue;
                }
                for ((&v, sb), sbb) in day.iter().zip(s.sb.iter_mut()).zip(s.sbb.iter_mut()) {
                    *sb += v;
                    *sbb += v * v;
                }
            }
            let width = cols - c0;
            let (sa, saa, both): (&[f64], &[f64], &[f64]) = if gather == 0 {
                (&s.zeros[..width], &s.zeros[..width], &s.zeros[..width])
            } else {
                (&s.sa, &s.saa, &s.both)
            };
            let cs = j0 + c0..j1;
            sum += corr_sum(
                [a.s1, a.s2, (len - a.missing.len()) as f64],
                &s.gram[r * cols + c0..(r + 1) * cols],
                [sa, saa, both, &s.sb, &s.sbb],
                [&g.s1[cs.clone()], &g.s2[cs.clone()], &g.missing[cs]],
            );
        }
        j0 = j1;
    }
    sum
}

/// Σ over one block row of the pairwise-complete correlations of row a with the columns b:
/// `row` = a's Σ, Σ² and days, `gram` the Σ ab over common days, `minus` per column a's Σ and Σ²
/// on the days b misses, the days both miss, b's Σ and Σ² on the days a misses; `col` = b's
/// Σ, Σ² and missing days. Four lanes at a time, no branch (a pair with fewer than 30 common
/// days or no variance counts 0), so the compiler can vectorise it; the lanes are summed in a
/// fixed order.
#[inline(always)]
fn corr_sum(row: [f64; 3], gram: &[f64], minus: [&[f64]; 5], col: [&[f64]; 3]) -> f64 {
    /// four pairs at once: arrays of four, every step the same for each lane and no branch
    #[inline(always)]
    fn lanes(row: [f64; 3], gram: [f64; 4], minus: [[f64; 4]; 5], col: [[f64; 4]; 3]) -> [f64; 4] {
        let mut out = [0.0; 4];
        for l in 0..4 {
            let n = row[2] - col[2][l] + minus[2][l];
            let sa = row[0] - minus[0][l];
            let saa = row[1] - minus[1][l];
            let sb = col[0][l] - minus[3][l];
            let sbb = col[1][l] - minus[4][l];
            // the co-moments times n, so one division and one square root per pair (each costs
            // as much as several multiplications)
            let cov = n * gram[l] - sa * sb;
            let va = n * saa - sa * sa;
            let vb = n * sbb - sb * sb;
            let corr = cov / (va * vb).sqrt();
            let keep = (n >= 30.0) & (va > 0.0) & (vb > 0.0);
            out[l] = if keep { corr } else { 0.0 };
        }
        out
    }
    let width = gram.len();
    let (g4, g_rest) = gram.as_chunks::<4>();
    let m4 = minus.map(|v| v[..width].as_chunks::<4>());
    let c4 = col.map(|v| v[..width].as_chunks::<4>());
    let mut acc = [0.0f64; 4];
    for (k, g) in g4.iter().enumerate() {
        let out = lanes(row, *g, m4.map(|(v, _)| v[k]), c4.map(|(v, _)| v[k]));
        for (a, o) in acc.iter_mut().zip(out) {
            *a += o;
        }
    }
    // the last pairs, padded to four lanes with pairs that count 0 (fewer than 30 days)
    if !g_rest.is_empty() {
        let pad = |v: &[f64], fill: f64| {
            let mut a = [fill; 4];
            a[..v.len()].copy_from_slice(v);
            a
        };
        let out = lanes(
            row,
            pad(g_rest, 0.0),
            m4.map(|(_, v)| pad(v, 0.0)),
            c4.map(|(_, v)| pad(v, f64::INFINITY)),
        );
        for (a, o) in acc.iter_mut().zip(out) {
            *a += o;
        }
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3])
}

/// `tied_ranks` giving each position 2r − 2 instead of its rank r (an index, ties included).
fn tied_ranks_doubled(
    n: usize,
    equal: impl Fn(usize, usize) -> bool,
    mut rank: impl FnMut(usize, usize),
) {
    let mut lo = 0;
    while lo < n {
        let mut hi = lo;
        while hi + 1 < n && equal(hi + 1, lo) {
            hi += 1;
        }
        for i in lo..=hi {
            rank(i, lo + hi);
        }
        lo = hi + 1;
    }
}

/// A key whose unsigned order is `f64::total_cmp`'s order (the same transform it uses).
fn total_order_key(v: f64) -> u64 {
    let bits = v.to_bits() as i64;
    ((bits ^ (((bits >> 63) as u64) >> 1) as i64) as u64) ^ (1 << 63)
}

/// The days that have a value (days of `parts[0]`, then of `parts[1]`), in the `f64::total_cmp`
/// order of their values, into `days`
/// (`keys` and `packed` are scratch). It sorts plain integers: each value's order key with its
/// low bits replaced by its day. Values that differ only in those bits can then come out in day
/// order, so the full keys are checked, and sorted with their days when one is out of order.
fn days_in_value_order(
    parts: [&[Option<f64>]; 2],
    days: &mut Vec<u32>,
    keys: &mut Vec<u64>,
    packed: &mut Vec<u64>,
) {
    let values = parts[0].iter().chain(parts[1]);
    let low = u64::BITS - ((parts[0].len() + parts[1].len()) as u64).leading_zeros();
    let day_mask = (1u64 << low) - 1;
    keys.clear();
    packed.clear();
    for (d, v) in values.enumerate() {
        // (a day without a value keeps a key that is never read)
        let k = v.map_or(0, total_order_key);
        keys.push(k);
        if v.is_some() {
            packed.push((k & !day_mask) | d as u64);
        }
    }
    packed.sort_unstable();
    days.clear();
    days.extend(packed.iter().map(|p| (p & day_mask) as u32));
    let key = |d: &u32| keys[*d as usize];
    if days.windows(2).any(|w| key(&w[0]) > key(&w[1])) {
        days.sort_unstable_by_key(|d| (key(d), *d));
    }
}

/// Ranks 1..n of the values with ties averaged.
pub fn average_ranks(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut ranks = vec![0.0; x.len()];
    tied_ranks(
        idx.len(),
        |a, b| x[idx[a]] == x[idx[b]],
        |i, r| ranks[idx[i]] = r,
    );
    ranks
}

/// For `n` values in ascending order (`equal(a, b)`: positions a and b hold the same value), call
/// `rank(i, r)` with each position's rank 1..n, ties given their average rank.
fn tied_ranks(n: usize, equal: impl Fn(usize, usize) -> bool, mut rank: impl FnMut(usize, f64)) {
    tied_ranks_doubled(n, equal, |i, twice| rank(i, twice as f64 / 2.0 + 1.0));
}

/// The Corrado–Zivney day statistics K_t over D and their scale S_U. `series[i][d]` is event i's AR
/// (or estimation residual) on day d of D. `None` when no event has data.
pub fn corrado_k(series: &[Vec<Option<f64>>]) -> Option<(Vec<Option<f64>>, f64)> {
    let days = series.first()?.len();
    let parts: Vec<[&[Option<f64>]; 2]> = series.iter().map(|s| [s.as_slice(), &[]]).collect();
    let all_days = vec![true; days];
    let all_events = vec![true; series.len()];
    corrado_k_sets(
        &parts,
        &[RankSet {
            days: &all_days,
            events: &all_events,
        }],
    )
    .pop()
    .flatten()
}

/// One D of a rank test: which days of the full series (`days[d]`) and which events (`events[i]`)
/// it takes.
/// One event's series for the rank tests: estimation residuals, then the event span's ARs.
type EventSeries<'a> = [&'a [Option<f64>]; 2];
/// A chunk's sums for each D: Σ (U − ½) per day, and how many events had the day.
type RankSums = (Vec<Vec<f64>>, Vec<Vec<usize>>);

/// Events per chunk of the rank tests' sums (chunks run on every core, added in order).
const RANK_CHUNK: usize = 128;

pub struct RankSet<'a> {
    pub days: &'a [bool],
    pub events: &'a [bool],
}

/// `corrado_k` for several D at once, each a subset of the days and events of one set of series
/// (event i's series is `series[i][0]` followed by `series[i][1]`: estimation residuals, then the
/// event span's ARs). Each event's values are sorted once (as integers: `days_in_value_order`);
/// the ranks within each D then come from one pass over that order that counts the values of D
/// below each one (an event with tied values takes the pass that gives ties their average rank
/// within D), so k sets cost one sort and k linear passes instead of k sorts. The K_t of a set are
/// indexed by the position of day t among the days of that D, as `corrado_k` indexes them.
pub fn corrado_k_sets(
    series: &[[&[Option<f64>]; 2]],
    sets: &[RankSet<'_>],
) -> Vec<Option<(Vec<Option<f64>>, f64)>> {
    corrado_k_sets_in(series, sets, RANK_CHUNK)
}

/// `corrado_k_sets` with `chunk` events per chunk.
fn corrado_k_sets_in(
    series: &[[&[Option<f64>]; 2]],
    sets: &[RankSet<'_>],
    chunk: usize,
) -> Vec<Option<(Vec<Option<f64>>, f64)>> {
    // position of each full-series day within each D (None: not in D)
    let pos: Vec<Vec<Option<usize>>> = sets
        .iter()
        .map(|s| {
            let mut next = 0;
            s.days
                .iter()
                .map(|&inside| {
                    inside.then(|| {
                        next += 1;
                        next - 1
                    })
                })
                .collect()
        })
        .collect();
    let sizes: Vec<usize> = pos.iter().map(|p| p.iter().flatten().count()).collect();
    // a D equal to an earlier one (the widest window is often the whole span) is ranked once
    let same_as: Vec<usize> = (0..sets.len())
        .map(|s| {
            (0..s)
                .find(|&e| sets[e].days == sets[s].days && sets[e].events == sets[s].events)
                .unwrap_or(s)
        })
        .collect();
    // events in fixed chunks, each summed on its own and the chunks added in order: the result
    // does not depend on the number of threads
    // per D, each full-series day's position in it, or the spare slot `sizes[s]` (past its
    // end) for a day it leaves out: the pass for values without ties adds there and never reads
    let slots: Vec<Vec<u32>> = pos
        .iter()
        .zip(&sizes)
        .map(|(p, &n)| p.iter().map(|q| q.unwrap_or(n) as u32).collect())
        .collect();
    // per D, how many of the full series' first L days it holds (`held[s][L]`)
    let held: Vec<Vec<usize>> = pos
        .iter()
        .map(|p| {
            std::iter::once(0)
                .chain(p.iter().scan(0, |n, q| {
                    *n += usize::from(q.is_some());
                    Some(*n)
                }))
                .collect()
        })
        .collect();
    let chunk_sums = |first: usize, chunk: &[EventSeries<'_>]| -> RankSums {
        let mut k_num: Vec<Vec<f64>> = sizes.iter().map(|&n| vec![0.0; n + 1]).collect();
        // how many events have a value on each day of D, counted without a pass over the days:
        // `cover[s][c]` events whose series reaches the first c days of D, `lacking[s][p]` those
        // of them without a value on day p (the spare slot takes the days D leaves out)
        let mut cover: Vec<Vec<usize>> = sizes.iter().map(|&n| vec![0; n + 1]).collect();
        let mut lacking: Vec<Vec<usize>> = sizes.iter().map(|&n| vec![0; n + 1]).collect();
        // the days with a value in value order, and each day's value
        let mut present: Vec<u32> = Vec::new();
        let mut missing: Vec<u32> = Vec::new();
        let mut values: Vec<f64> = Vec::new();
        let (mut keys, mut packed) = (Vec::new(), Vec::new());
        let mut kept: Vec<(f64, usize)> = Vec::new();
        // U − ½ = r/(n + 1) − ½ for each rank r of n values, by 2r − 2 (a tied rank is a half;
        // one entry more, 2n, that only the spare slot reads): computed once per n, the same
        // division each time
        let mut u_of: Vec<Vec<f64>> = Vec::new();
        for (off, [a, b]) in chunk.iter().enumerate() {
            let i = first + off;
            values.clear();
            missing.clear();
            for (d, v) in a.iter().chain(b.iter()).enumerate() {
                values.push(v.unwrap_or(f64::NAN));
                if v.is_none() {
                    missing.push(d as u32);
                }
            }
            days_in_value_order([a, b], &mut present, &mut keys, &mut packed);
            let ties = present
                .windows(2)
                .any(|w| values[w[0] as usize] == values[w[1] as usize]);
            for (s, set) in sets.iter().enumerate() {
                if same_as[s] != s || !set.events.get(i).copied().unwrap_or(false) {
                    continue;
                }
                let spare = sizes[s] as u32;
                let slots_s: &[u32] = &slots[s];
                let slot = |d: u32| slots_s.get(d as usize).copied().unwrap_or(spare);
                // the days of D in this series, less those without a value
                let within = (a.len() + b.len()).min(slots_s.len());
                cover[s][held[s][within]] += 1;
                for &d in &missing {
                    lacking[s][slot(d) as usize] += 1;
                }
                let ni = held[s][within] - missing.iter().filter(|&&d| slot(d) != spare).count();
                if ni == 0 {
                    continue;
                }
                if u_of.len() <= ni {
                    u_of.resize(ni + 1, Vec::new());
                }
                if u_of[ni].is_empty() {
                    u_of[ni] = (0..=2 * ni)
                        .map(|twice| (twice as f64 / 2.0 + 1.0) / (ni as f64 + 1.0) - 0.5)
                        .collect();
                }
                let u: &[f64] = &u_of[ni];
                let k_s: &mut [f64] = &mut k_num[s];
                if !ties {
                    // rank = 1 + the values of D below it: one pass, no branch per value
                    let mut below = 0;
                    for &d in &present {
                        let p = slot(d);
                        k_s[p as usize] += u[2 * below];
                        below += usize::from(p != spare);
                    }
                    continue;
                }
                kept.clear();
                kept.extend(present.iter().filter_map(|&d| {
                    let p = slot(d);
                    (p != spare).then(|| (values[d as usize], p as usize))
                }));
                tied_ranks_doubled(
                    ni,
                    |a, b| kept[a].0 == kept[b].0,
                    |i, twice| k_s[kept[i].1] += u[twice],
                );
            }
        }
        let n_t = cover
            .iter()
            .zip(&lacking)
            .map(|(cover, lacking)| {
                let mut reaching: usize = cover.iter().sum();
                // (the last entry, the spare slot, is not a day of D)
                cover[..cover.len() - 1]
                    .iter()
                    .zip(lacking)
                    .map(|(ending, lack)| {
                        // the events reaching day p: all less those that end before it
                        reaching -= ending;
                        reaching - lack
                    })
                    .collect()
            })
            .collect();
        (k_num, n_t)
    };
    let chunks: Vec<(usize, &[EventSeries<'_>])> = series
        .chunks(chunk.max(1))
        .enumerate()
        .map(|(c, part)| (c * chunk.max(1), part))
        .collect();
    let parts: Vec<RankSums> =
        super::par::map(chunks.len(), |c| chunk_sums(chunks[c].0, chunks[c].1));
    let mut k_num: Vec<Vec<f64>> = sizes.iter().map(|&n| vec![0.0; n]).collect();
    let mut n_t: Vec<Vec<usize>> = sizes.iter().map(|&n| vec![0; n]).collect();
    // (zip stops before the spare slot that ends each chunk's k_num)
    for (kn, nt) in parts {
        for (total, part) in k_num.iter_mut().zip(kn) {
            for (t, v) in total.iter_mut().zip(part) {
                *t += v;
            }
        }
        for (total, part) in n_t.iter_mut().zip(nt) {
            for (t, v) in total.iter_mut().zip(part) {
                *t += v;
            }
        }
    }
    for (s, &e) in same_as.iter().enumerate() {
        if e != s {
            k_num[s] = k_num[e].clone();
            n_t[s] = n_t[e].clone();
        }
    }
    k_num
        .into_iter()
        .zip(n_t)
        .map(|(num, n)| {
            let k: Vec<Option<f64>> = num
                .iter()
                .zip(&n)
                .map(|(&v, &c)| (c > 0).then(|| v / (c as f64).sqrt()))
                .collect();
            let with_data: Vec<f64> = k.iter().flatten().copied().collect();
            if with_data.is_empty() {
                return None;
            }
            let s_u =
                (with_data.iter().map(|v| v * v).sum::<f64>() / with_data.len() as f64).sqrt();
            Some((k, s_u))
        })
        .collect()
}

/// The rank statistic for the days `test_days` of D from `corrado_k`'s output:
/// Σ K_t / (√L · S_U) over the L tested days with data (one day: K_τ/S_U).
pub fn corrado_z(k: &[Option<f64>], s_u: f64, test_days: &[usize]) -> Option<Stat> {
    let tested: Vec<f64> = test_days
        .iter()
        .filter_map(|&d| k.get(d).copied().flatten())
        .collect();
    if tested.is_empty() || s_u == 0.0 {
        return None;
    }
    let z = tested.iter().sum::<f64>() / ((tested.len() as f64).sqrt() * s_u);
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

/// The Corrado–Zivney rank statistic over D for the tested days (see `corrado_k`).
pub fn corrado(series: &[Vec<Option<f64>>], test_days: &[usize]) -> Option<Stat> {
    let (k, s_u) = corrado_k(series)?;
    corrado_z(&k, s_u, test_days)
}

/// (w − N/2)/√(N/4).
pub fn sign_test(positive: usize, n: usize) -> Option<Stat> {
    if n == 0 {
        return None;
    }
    let nf = n as f64;
    let z = (positive as f64 - nf / 2.0) / (nf / 4.0).sqrt();
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

/// (w − N p̂)/√(N p̂ (1 − p̂)).
pub fn generalized_sign(positive: usize, n: usize, p_hat: f64) -> Option<Stat> {
    if n == 0 || p_hat <= 0.0 || p_hat >= 1.0 {
        return None;
    }
    let nf = n as f64;
    let z = (positive as f64 - nf * p_hat) / (nf * p_hat * (1.0 - p_hat)).sqrt();
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_mean_pairwise_corr_equals_the_direct_pairwise_complete_formula() {
        // 5 series of 40 days with scattered gaps, one too sparse (< 30 common days with anyone)
        let mut series: Vec<Vec<Option<f64>>> = (0..5)
            .map(|i| {
                (0..40)
                    .map(|d| {
                        Some(
                            ((d * (i + 3) * 7919) % 101) as f64 / 50.0 - 1.0
                                + 0.3 * ((d % 5) as f64),
                        )
                    })
                    .collect()
            })
            .collect();
        series[1][3] = None;
        series[2][3] = None;
        series[2][17] = None;
        series[3][0] = None;
        for v in &mut series[4][..15] {
            *v = None;
        }
        let refs: Vec<&[Option<f64>]> = series.iter().map(|v| v.as_slice()).collect();
        let mut direct = 0.0;
        for i in 0..5 {
            for j in i + 1..5 {
                direct += pairwise_corr(refs[i], refs[j], 30).unwrap_or(0.0);
            }
        }
        direct /= 10.0;
        let fast = mean_pairwise_corr(&refs);
        assert!((fast - direct).abs() < 1e-12, "{fast} vs {direct}");
        assert!(direct != 0.0);
    }

    /// Direct pairwise-complete sum over all pairs, the definition the Gram method must reproduce.
    fn direct_sum(refs: &[&[Option<f64>]]) -> f64 {
        let mut sum = 0.0;
        for i in 0..refs.len() {
            for j in i + 1..refs.len() {
                sum += pairwise_corr(refs[i], refs[j], 30).unwrap_or(0.0);
            }
        }
        sum
    }

    fn gappy_series(count: usize, len: usize) -> Vec<Vec<Option<f64>>> {
        (0..count)
            .map(|i| {
                (0..len)
                    .map(|d| {
                        let v = ((d * (i % 7 + 3) * 7919 + i * 31) % 101) as f64 / 50.0 - 1.0
                            + 0.3 * ((d % 5) as f64);
                        // every third series misses a day of its own; every eleventh a long stretch
                        let gap = (i % 3 == 0 && d == (i * 13) % len) || (i % 11 == 5 && d < 20);
                        (!gap).then_some(v)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn pairs_of_complete_series_summed_in_one_pass_give_the_direct_sum() {
        // 9 gappy series and 8 complete ones (one without variance), in mixed order
        let gappy = gappy_series(9, 50);
        let mut series: Vec<Vec<Option<f64>>> = Vec::new();
        for (i, g) in gappy.into_iter().enumerate() {
            series.push(g);
            series.push(
                (0..50)
                    .map(|d| {
                        Some(((d * (i + 2) * 7907 + 13 * i) % 97) as f64 / 40.0 + 0.01 * d as f64)
                    })
                    .collect(),
            );
        }
        series[3] = vec![Some(1.5); 50];
        series.pop();
        let refs: Vec<&[Option<f64>]> = series.iter().map(|v| v.as_slice()).collect();
        // (some of the gappy series happen to have no gap: 13 complete, 4 with a missing day)
        assert_eq!(
            refs.iter()
                .filter(|r| r.iter().all(Option::is_some))
                .count(),
            13
        );
        let direct = direct_sum(&refs);
        for (rows, cols) in [(4, 5), (128, 4096)] {
            let got = same_length_corr_sum(&refs, rows, cols);
            assert!((got - direct).abs() < 1e-10, "{got} vs {direct}");
        }
        // every series complete: no Gram block at all
        let complete: Vec<&[Option<f64>]> = refs
            .iter()
            .copied()
            .filter(|r| r.iter().all(Option::is_some))
            .collect();
        let got = same_length_corr_sum(&complete, 4, 5);
        assert!((got - direct_sum(&complete)).abs() < 1e-10);
        assert!(direct_sum(&complete).abs() > 0.5);
    }

    #[test]
    fn series_missing_one_day_against_complete_ones_sum_per_day_to_the_direct_sum() {
        // lengths 31 (the pairs have exactly 30 common days: they count) and 30 (29: they don't)
        for len in [31usize, 30, 60] {
            let value = |i: usize, d: usize| {
                ((d * (i % 5 + 2) * 7919 + i * 17) % 89) as f64 / 40.0 + 0.02 * (d % 7) as f64
            };
            // six series missing one day (three of them the same day 4), five complete ones
            let missing_day = [4usize, 4, 4, 0, len - 1, 11];
            let mut series: Vec<Vec<Option<f64>>> = missing_day
                .iter()
                .enumerate()
                .map(|(i, &p)| (0..len).map(|d| (d != p).then(|| value(i, d))).collect())
                .collect();
            for i in 6..11 {
                series.push((0..len).map(|d| Some(value(i, d))).collect());
            }
            // no variance: a single (its other days all alike) and a complete series
            series[5] = (0..len).map(|d| (d != 11).then_some(2.0)).collect();
            series[10] = vec![Some(-1.0); len];
            let refs: Vec<&[Option<f64>]> = series.iter().map(|v| v.as_slice()).collect();
            let mut direct = 0.0;
            for i in 0..6 {
                for j in 6..11 {
                    direct += pairwise_corr(refs[i], refs[j], 30).unwrap_or(0.0);
                }
            }
            let x: Vec<f64> = refs
                .iter()
                .flat_map(|r| r.iter().map(|v| v.unwrap_or(0.0)))
                .collect();
            let prep: Vec<Prepped> = refs
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let missing = (0..len).filter(|&d| r[d].is_none()).collect();
                    Prepped::new(&x[i * len..(i + 1) * len], missing)
                })
                .collect();
            let got = single_vs_complete(&prep, &x, len, 0..6, 6..11);
            assert!((got - direct).abs() < 1e-12, "len {len}: {got} vs {direct}");
            if len == 30 {
                assert_eq!(direct, 0.0);
            } else {
                assert!(direct.abs() > 0.1, "len {len}: {direct}");
            }
        }
    }

    #[test]
    fn gram_blocks_of_any_size_and_threads_give_the_direct_sum() {
        // 37 series of 45 days: blocks of 4 rows and 5 columns cut pairs across every boundary
        // ... and a complete series with no variance (its pairs count 0) among them
        let mut series = gappy_series(37, 45);
        series[10] = vec![Some(0.25); 45];
        let refs: Vec<&[Option<f64>]> = series.iter().map(|v| v.as_slice()).collect();
        let direct = direct_sum(&refs);
        for (rows, cols) in [(4, 5), (1, 1), (128, 4096), (37, 2), (5, 37)] {
            let gram = same_length_corr_sum(&refs, rows, cols);
            assert!(
                (gram - direct).abs() < 1e-10,
                "blocks {rows}x{cols}: {gram} vs {direct}"
            );
        }
        assert!(
            direct.abs() > 1.0,
            "the set must have real correlation: {direct}"
        );
    }

    #[test]
    fn gram_tiles_of_every_width_give_each_later_pair_its_sum_of_products() {
        // 21 series of 13 days (three panels, the last padded); blocks starting and ending
        // inside panels, on the diagonal and off it
        let (m, len) = (21usize, 13usize);
        let x: Vec<f64> = (0..m * len)
            .map(|v| ((v * 7919) % 97) as f64 / 13.0 - 3.5)
            .collect();
        let mut panels = vec![f64::NAN; m.div_ceil(PANEL) * PANEL * len];
        pack_panels(&x, len, &mut panels);
        // the sums each variant must give, in the same order: day 0 first, from +0.0
        let plain =
            |i: usize, j: usize| (0..len).fold(0.0, |acc, d| acc + x[i * len + d] * x[j * len + d]);
        let fused = |i: usize, j: usize| {
            (0..len).fold(0.0, |acc: f64, d| {
                x[i * len + d].mul_add(x[j * len + d], acc)
            })
        };
        type Tiles = fn(&[f64], usize, (usize, usize), (usize, usize), &mut [f64]);
        let variants: [(Tiles, bool); 3] = [
            (gram_tiles_body::<false, 4>, false),
            (gram_tiles_body::<true, 4>, true),
            (gram_tiles_body::<true, 8>, true),
        ];
        for (tiles, fma) in variants {
            for (rows, cols) in [((0, 21), (0, 21)), ((3, 11), (5, 21)), ((9, 10), (17, 19))] {
                let width = cols.1 - cols.0;
                let mut gram = vec![f64::NAN; (rows.1 - rows.0) * width];
                tiles(&panels, len, rows, cols, &mut gram);
                for i in rows.0..rows.1 {
                    for j in (i + 1).max(cols.0)..cols.1 {
                        let want = if fma { fused(i, j) } else { plain(i, j) };
                        let got = gram[(i - rows.0) * width + (j - cols.0)];
                        assert_eq!(got, want, "fma {fma}, pair ({i}, {j})");
                    }
                }
            }
        }
    }

    #[test]
    fn rank_sums_in_chunks_on_every_core_equal_one_pass() {
        // 600 events of 12 + 5 days with ties and gaps; D2 = some days, every other event
        let series: Vec<Vec<Option<f64>>> = (0..600)
            .map(|i| {
                (0..17)
                    .map(|d| {
                        let v = ((d * 13 + i * 7) % 11) as f64 * 0.25 - 1.0;
                        (!(d == (i * 3) % 17 && i % 4 == 1)).then_some(v)
                    })
                    .collect()
            })
            .collect();
        let parts: Vec<[&[Option<f64>]; 2]> = series.iter().map(|s| [&s[..12], &s[12..]]).collect();
        let all_days = vec![true; 17];
        let all_events = vec![true; 600];
        let some_days: Vec<bool> = (0..17).map(|d| d < 12 || d == 13).collect();
        let some_events: Vec<bool> = (0..600).map(|i| i % 2 == 0).collect();
        let sets = [
            RankSet {
                days: &all_days,
                events: &all_events,
            },
            RankSet {
                days: &some_days,
                events: &some_events,
            },
        ];
        let one_pass = corrado_k_sets_in(&parts, &sets, 10_000);
        for chunk in [1, 7, 256] {
            let got = corrado_k_sets_in(&parts, &sets, chunk);
            for (g, w) in got.iter().zip(&one_pass) {
                let ((gk, gs), (wk, ws)) = (g.as_ref().unwrap(), w.as_ref().unwrap());
                assert!((gs - ws).abs() < 1e-12, "chunk {chunk}: {gs} vs {ws}");
                for (a, b) in gk.iter().zip(wk) {
                    assert!((a.unwrap() - b.unwrap()).abs() < 1e-12, "chunk {chunk}");
                }
            }
        }
        assert!(one_pass[1].as_ref().unwrap().1 > 0.1);
    }

    #[test]
    fn ranks_for_several_day_sets_at_once_equal_each_set_ranked_alone() {
        // 6 events of 8 estimation days + 5 span days, with gaps and ties; D1 = all, D2 = the
        // estimation days and span days 1..=2 for events 0, 2, 3, 5
        let series: Vec<Vec<Option<f64>>> = (0..6)
            .map(|i| {
                (0..13)
                    .map(|d| {
                        let v = ((d * 7 + i * 3) % 5) as f64 * 0.5 - 1.0; // many ties
                        (!(d == (i * 5) % 13 && i % 2 == 1)).then_some(v)
                    })
                    .collect()
            })
            .collect();
        let parts: Vec<[&[Option<f64>]; 2]> = series.iter().map(|s| [&s[..8], &s[8..]]).collect();
        let all_days = vec![true; 13];
        let all_events = vec![true; 6];
        let some_days: Vec<bool> = (0..13).map(|d| d < 8 || d == 9 || d == 10).collect();
        let some_events = vec![true, false, true, true, false, true];
        let got = corrado_k_sets(
            &parts,
            &[
                RankSet {
                    days: &all_days,
                    events: &all_events,
                },
                RankSet {
                    days: &some_days,
                    events: &some_events,
                },
                // the same D again (ranked once, given twice), and its days with other events
                RankSet {
                    days: &some_days,
                    events: &some_events,
                },
                RankSet {
                    days: &some_days,
                    events: &all_events,
                },
            ],
        );
        assert_eq!(got[0], corrado_k(&series));
        assert_eq!(got[2], got[1]);
        // the events kept, each with the days of D2 alone
        let d2_of = |events: &[bool]| -> Vec<Vec<Option<f64>>> {
            series
                .iter()
                .zip(events)
                .filter(|(_, keep)| **keep)
                .map(|(s, _)| {
                    s.iter()
                        .zip(&some_days)
                        .filter(|(_, keep)| **keep)
                        .map(|(v, _)| *v)
                        .collect()
                })
                .collect()
        };
        assert_eq!(got[3], corrado_k(&d2_of(&all_events)));
        assert_ne!(got[3], got[1]);
        assert_eq!(got[1], corrado_k(&d2_of(&some_events)));
        // and corrado_k itself against a hand count: two series of three days
        // a = [1, 2, 2] -> ranks 1, 2.5, 2.5 (of 3: U = r/4) -> U - 1/2 = -0.25, 0.125, 0.125
        // b = [3, -, 1] -> ranks 2, -, 1 (of 2: U = r/3)        -> U - 1/2 = 1/6, -, -1/6
        let (k, s_u) = corrado_k(&[
            vec![Some(1.0), Some(2.0), Some(2.0)],
            vec![Some(3.0), None, Some(1.0)],
        ])
        .unwrap();
        let want = [
            (-0.25 + 1.0 / 6.0) / 2f64.sqrt(),
            0.125,
            (0.125 - 1.0 / 6.0) / 2f64.sqrt(),
        ];
        for (g, w) in k.iter().zip(want) {
            assert!((g.unwrap() - w).abs() < 1e-15, "{k:?}");
        }
        let su = (want.iter().map(|v| v * v).sum::<f64>() / 3.0).sqrt();
        assert!((s_u - su).abs() < 1e-15);
    }

    #[test]
    fn series_of_different_lengths_pair_over_their_shared_prefix() {
        // 6 series of 45 days and 4 of 60: cross-length pairs go pair by pair
        let mut series = gappy_series(6, 45);
        series.extend(gappy_series(4, 60));
        let refs: Vec<&[Option<f64>]> = series.iter().map(|v| v.as_slice()).collect();
        let expected = direct_sum(&refs) / 45.0;
        let got = mean_pairwise_corr(&refs);
        assert!((got - expected).abs() < 1e-12, "{got} vs {expected}");
    }

    #[test]
    fn days_come_in_value_order_even_when_values_differ_only_in_their_last_bits() {
        // 1 + 2ε before 1 + ε by day, both sharing their upper bits: the check must reorder them
        let (one, eps) = (1.0f64, f64::EPSILON);
        let first = [Some(one + 2.0 * eps), None];
        let second = [Some(one + eps), Some(0.0), Some(-0.0), Some(-3.5)];
        let (mut days, mut keys, mut packed) = (Vec::new(), Vec::new(), Vec::new());
        days_in_value_order([&first, &second], &mut days, &mut keys, &mut packed);
        assert_eq!(days, vec![5, 4, 3, 2, 0]);
        // and without near values the packed sort alone is the order
        let plain = [Some(0.25), Some(-1.0), None, Some(7.0)];
        days_in_value_order([&plain, &[]], &mut days, &mut keys, &mut packed);
        assert_eq!(days, vec![1, 0, 3]);
    }

    #[test]
    fn ranks_without_ties_equal_average_ranks_of_each_set_computed_directly() {
        // 40 events of 30 estimation days + 7 span days, distinct values, gaps; one event has two
        // values one bit apart with the larger on the earlier day
        let series: Vec<Vec<Option<f64>>> = (0..40)
            .map(|i| {
                (0..37)
                    .map(|d| {
                        let v = ((i * 37 + d) as f64 * 0.618_033_988_7).sin() * 0.02;
                        (!(d == (i * 7) % 37 && i % 3 == 1)).then_some(v)
                    })
                    .collect()
            })
            .collect::<Vec<_>>();
        let mut series = series;
        series[4][10] = Some(0.5 + f64::EPSILON / 2.0);
        series[4][12] = Some(0.5);
        let per_event_ties = series.iter().any(|s| {
            let mut v: Vec<f64> = s.iter().flatten().copied().collect();
            v.sort_by(f64::total_cmp);
            v.windows(2).any(|w| w[0] == w[1])
        });
        assert!(!per_event_ties, "the test needs values without ties");
        let parts: Vec<[&[Option<f64>]; 2]> = series.iter().map(|s| [&s[..30], &s[30..]]).collect();
        let all_days = vec![true; 37];
        let all_events = vec![true; 40];
        let some_days: Vec<bool> = (0..37).map(|d| d < 30 || (32..=34).contains(&d)).collect();
        let some_events: Vec<bool> = (0..40).map(|i| i % 3 != 0).collect();
        let one_day: Vec<bool> = (0..37).map(|d| d < 30 || d == 35).collect();
        let sets = [
            (&all_days, &all_events),
            (&some_days, &some_events),
            (&one_day, &all_events),
        ];
        let got = corrado_k_sets(&parts, &sets.map(|(days, events)| RankSet { days, events }));
        for ((days, events), got) in sets.iter().zip(&got) {
            // directly: each event's values in D ranked alone, U − ½ = r/(n + 1) − ½ summed per day
            let size = days.iter().filter(|d| **d).count();
            let (mut num, mut count) = (vec![0.0; size], vec![0usize; size]);
            for (s, _) in series.iter().zip(events.iter()).filter(|(_, e)| **e) {
                let in_d: Vec<Option<f64>> = s
                    .iter()
                    .zip(days.iter())
                    .filter(|(_, keep)| **keep)
                    .map(|(v, _)| *v)
                    .collect();
                let present: Vec<(usize, f64)> = in_d
                    .iter()
                    .enumerate()
                    .filter_map(|(p, v)| v.map(|v| (p, v)))
                    .collect();
                let values: Vec<f64> = present.iter().map(|(_, v)| *v).collect();
                let ranks = average_ranks(&values);
                let n = values.len() as f64;
                for ((p, _), r) in present.iter().zip(ranks) {
                    num[*p] += r / (n + 1.0) - 0.5;
                    count[*p] += 1;
                }
            }
            let k: Vec<f64> = num
                .iter()
                .zip(&count)
                .map(|(v, c)| v / (*c as f64).sqrt())
                .collect();
            let s_u = (k.iter().map(|v| v * v).sum::<f64>() / k.len() as f64).sqrt();
            let (gk, gs) = got.as_ref().unwrap();
            assert_eq!(gk.len(), size);
            for (g, w) in gk.iter().zip(&k) {
                assert!((g.unwrap() - w).abs() < 1e-13, "{g:?} vs {w}");
            }
            assert!((gs - s_u).abs() < 1e-13, "{gs} vs {s_u}");
        }
    }

    #[test]
    fn a_buffer_kept_from_an_earlier_call_leaves_no_trace() {
        // a long set first leaves its buffers full of values; a shorter set with gaps (zeros on
        // its missing days) must not see them
        let long = gappy_series(40, 90);
        let long_refs: Vec<&[Option<f64>]> = long.iter().map(|v| v.as_slice()).collect();
        let _ = mean_pairwise_corr(&long_refs);
        let short = gappy_series(12, 50);
        let refs: Vec<&[Option<f64>]> = short.iter().map(|v| v.as_slice()).collect();
        let expected = direct_sum(&refs) / 66.0;
        for _ in 0..3 {
            let got = mean_pairwise_corr(&refs);
            assert!((got - expected).abs() < 1e-12, "{got} vs {expected}");
        }
    }
}
