//! Shared by the benches: a size from the environment, and peak memory.
#![allow(dead_code)] // each bench uses what it needs

/// `var` as a count (digits, `_` or `,` allowed), else `default`; a value that is no number ends
/// the bench with a one-line error.
pub fn size_from_env(var: &str, default: usize) -> usize {
    match std::env::var(var) {
        Ok(v) => v.replace(['_', ','], "").parse().unwrap_or_else(|_| {
            eprintln!("error: {var}={v:?} is not a number");
            std::process::exit(2)
        }),
        Err(_) => default,
    }
}

/// Whose peak resident set: this process's or its finished children's.
pub enum Who {
    Process,
    Children,
}

/// The peak resident set so far, in MB: this process's from `/proc/self/status` (`VmHWM`:
/// `getrusage` would report the larger peak of the cargo process it was executed from), its
/// finished children's from `getrusage`.
pub fn peak_rss_mb(who: Who) -> f64 {
    match who {
        Who::Process => std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|status| {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))?
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<f64>()
                    .ok()
            })
            .map_or(f64::NAN, |kb| kb / 1024.0),
        // SAFETY: getrusage only writes the zeroed struct it is given.
        Who::Children => unsafe {
            let mut u: libc::rusage = std::mem::zeroed();
            libc::getrusage(libc::RUSAGE_CHILDREN, &mut u);
            u.ru_maxrss as f64 / 1024.0
        },
    }
}
