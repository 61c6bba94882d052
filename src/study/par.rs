//! Work spread over the cores by index. Each thread takes the next index not yet taken, so a
//! thread slowed by other work (the rank tests run beside r̄) simply takes fewer, where a fixed
//! share per thread would leave the whole waiting for it. Results come back in index order, so
//! whatever is summed over them does not depend on the number of threads or on who took what.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `work(i, scratch)` for every i in 0..n, in index order, on every core (the calling thread
/// included); each thread keeps one `scratch` from item to item.
pub fn map_with<S: Default, T: Send>(n: usize, work: impl Fn(usize, &mut S) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |t| t.get())
        .min(n)
        .max(1);
    if threads == 1 {
        let mut scratch = S::default();
        return (0..n).map(|i| work(i, &mut scratch)).collect();
    }
    let next = AtomicUsize::new(0);
    let take = || {
        let mut scratch = S::default();
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= n {
                return done;
            }
            done.push((i, work(i, &mut scratch)));
        }
    };
    let mut all: Vec<(usize, T)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(take)).collect();
        let mut all = take();
        for h in helpers {
            all.extend(h.join().expect("study worker panicked"));
        }
        all
    });
    all.sort_unstable_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, t)| t).collect()
}

/// `map_with` without a scratch.
pub fn map<T: Send>(n: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    map_with(n, |i, _: &mut ()| work(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_index_order_and_each_thread_keeps_its_scratch() {
        // items of very different cost, so the threads finish them out of order
        let cost = |i: usize| {
            let mut x = i as u64;
            for _ in 0..(i % 7) * 2_000 {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            }
            x
        };
        let want: Vec<(usize, u64)> = (0..200).map(|i| (i, cost(i))).collect();
        assert_eq!(map(200, |i| (i, cost(i))), want);
        assert!(map(0, |i| i).is_empty());
        // a scratch counts the items its thread took: one thread took at least its share, so its
        // count reaches 200 / threads, and each thread's first item counts 1
        let threads = std::thread::available_parallelism().map_or(1, |t| t.get());
        let counts = map_with(200, |_, taken: &mut usize| {
            *taken += 1;
            *taken
        });
        assert!(*counts.iter().max().unwrap() >= 200usize.div_ceil(threads));
        let firsts = counts.iter().filter(|c| **c == 1).count();
        assert!((1..=threads).contains(&firsts), "{firsts} first items");
    }
}
