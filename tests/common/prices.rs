//! Synthetic price series.

/// A deterministic wiggle in [-1, 1] for synthetic price series.
pub fn wiggle(i: usize, k: u64) -> f64 {
    let x = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15 ^ k);
    let x = (x ^ (x >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    ((x >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
}
