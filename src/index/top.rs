//! The top documents by score, ties broken by document id, with block-max pruning.
//!
//! tantivy's `TopDocs` prunes (block-max WAND: whole blocks of postings whose best possible score
//! cannot enter the top are skipped) only when it sorts by the score alone, and then breaks ties
//! by where a document sits in the index's segments, so that an incremental index and a rebuilt
//! one could list tied documents in another order. This collector keeps both: it asks the query's
//! weight for `for_each_pruning`, keeps the best `k` by (score, lower id first), and tells the
//! weight to skip only what scores strictly below the k-th best — a document that ties it may
//! still enter on its id.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::Weight;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// One hit: its score, its document id (the `id` fast field) and where it is.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub score: Score,
    pub id: u64,
    pub addr: DocAddress,
}

impl Scored {
    /// Better first: the higher score, then the lower id.
    fn rank(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(self.id.cmp(&other.id))
    }
}

/// Heap entries ordered so that the heap's top is the worst kept hit.
struct Worst(Scored);

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Worst {}
impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.rank(&other.0)
    }
}

/// The best `k` hits seen, and the score below which nothing can enter any more.
struct Best {
    k: usize,
    heap: BinaryHeap<Worst>,
}

impl Best {
    fn new(k: usize) -> Best {
        Best {
            k,
            heap: BinaryHeap::with_capacity(k + 1),
        }
    }

    fn push(&mut self, hit: Scored) {
        if self.heap.len() < self.k {
            self.heap.push(Worst(hit));
        } else if let Some(mut worst) = self.heap.peek_mut()
            && hit.rank(&worst.0) == Ordering::Less
        {
            *worst = Worst(hit);
        }
    }

    /// Scores at or below this cannot enter: just under the k-th best score, so that a tie may
    /// still win on its id.
    fn threshold(&self) -> Score {
        match self.heap.peek() {
            Some(w) if self.heap.len() == self.k => w.0.score.next_down(),
            _ => Score::MIN,
        }
    }

    fn into_sorted(self) -> Vec<Scored> {
        let mut v: Vec<Scored> = self.heap.into_iter().map(|w| w.0).collect();
        v.sort_by(Scored::rank);
        v
    }
}

/// The top `k` documents by score, then by id (lower first).
pub struct TopByScoreThenId {
    pub k: usize,
}

/// The per-segment half, for the (unpruned) path tantivy takes when it does not call
/// `collect_segment`.
pub struct SegmentTop {
    best: Best,
    ids: Column<u64>,
    segment: SegmentOrdinal,
}

impl SegmentCollector for SegmentTop {
    type Fruit = Vec<Scored>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let id = self.ids.first(doc).unwrap_or(0);
        self.best.push(Scored {
            score,
            id,
            addr: DocAddress::new(self.segment, doc),
        });
    }

    fn harvest(self) -> Vec<Scored> {
        self.best.into_sorted()
    }
}

fn id_column(reader: &SegmentReader) -> tantivy::Result<Column<u64>> {
    reader.fast_fields().u64("id")
}

impl Collector for TopByScoreThenId {
    type Fruit = Vec<Scored>;
    type Child = SegmentTop;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTop> {
        Ok(SegmentTop {
            best: Best::new(self.k),
            ids: id_column(reader)?,
            segment,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Scored>>) -> tantivy::Result<Vec<Scored>> {
        let mut all: Vec<Scored> = fruits.into_iter().flatten().collect();
        all.sort_by(Scored::rank);
        all.truncate(self.k);
        Ok(all)
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Vec<Scored>> {
        if self.k == 0 {
            return Ok(Vec::new());
        }
        let ids = id_column(reader)?;
        let alive = reader.alive_bitset();
        let mut best = Best::new(self.k);
        let mut threshold = Score::MIN;
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            if alive.is_some_and(|a| a.is_deleted(doc)) {
                return threshold;
            }
            best.push(Scored {
                score,
                id: ids.first(doc).unwrap_or(0),
                addr: DocAddress::new(segment, doc),
            });
            threshold = best.threshold();
            threshold
        })?;
        Ok(best.into_sorted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(score: Score, id: u64) -> Scored {
        Scored {
            score,
            id,
            addr: DocAddress::new(0, id as DocId),
        }
    }

    #[test]
    fn the_best_k_are_kept_by_score_then_lower_id_and_the_threshold_lets_ties_in() {
        let mut b = Best::new(3);
        assert_eq!(b.threshold(), Score::MIN);
        for (s, id) in [(1.0, 9), (3.0, 5), (2.0, 7), (2.0, 4), (3.0, 8), (0.5, 1)] {
            b.push(hit(s, id));
        }
        // kept: (3,5) (3,8) (2,4); (2,7) lost its tie to id 4
        assert_eq!(b.threshold(), 2.0f32.next_down());
        let kept: Vec<(Score, u64)> = b.into_sorted().iter().map(|h| (h.score, h.id)).collect();
        assert_eq!(kept, [(3.0, 5), (3.0, 8), (2.0, 4)]);
    }
}
