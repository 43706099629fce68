//! Duplicate detection: every document gets a cluster id; exact copies (same normalized text)
//! and near copies (wire stories reprinted with a new headline, trimmed or lightly edited)
//! join the cluster of the first document seen. Duplicates are marked, never dropped.
//!
//! Near copies are found with MinHash over word 5-shingles and banded LSH (our own small
//! implementation), then confirmed by the estimated *containment* of the smaller shingle set
//! in the larger, so a trimmed copy (a prefix of the original) still matches.

use std::collections::HashMap;

const HASHES: usize = 64;
const BANDS: usize = 32;
const ROWS: usize = HASHES / BANDS;
const SHINGLE: usize = 5;
/// Fewer shingles than this: too short for a near-duplicate verdict (exact match only).
const MIN_SHINGLES: usize = 8;

/// 64-bit FNV-1a: a small, stable hash (ids, exact-duplicate keys).
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

fn mix(mut x: u64) -> u64 {
    // splitmix64 finalizer: turns one hash into many independent-looking ones.
    x = x.wrapping_add(0x9e3779b97f4a7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d049bb133111eb);
    x ^ (x >> 31)
}

/// Lower-cased words of letters and digits: what "the same text" means here.
pub fn normalize(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// How a document relates to its cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DupKind {
    /// First document of its cluster.
    Original,
    /// Same normalized text as the cluster's first document.
    Exact,
    /// Mostly the same text (containment at or above the threshold).
    Near,
}

/// The verdict for one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DedupInfo {
    /// Cluster id: the ordinal (0-based) of the cluster's first document.
    pub cluster: usize,
    pub kind: DupKind,
    /// Id of the cluster's first document.
    pub duplicate_of: Option<String>,
    /// Estimated share of the smaller text's shingles found in the other (1.0 for exact).
    pub similarity: f64,
}

struct Entry {
    id: String,
    cluster: usize,
    sig: [u32; HASHES],
    shingles: usize,
}

/// Assigns cluster ids to a stream of documents. Memory grows by about 1 KB per document
/// (signature and band keys), not with text size.
pub struct Deduper {
    threshold: f64,
    exact: HashMap<u64, usize>,
    bands: Vec<HashMap<u64, Vec<u32>>>,
    entries: Vec<Entry>,
    seen: usize,
}

impl Default for Deduper {
    fn default() -> Self {
        Deduper::new(0.8)
    }
}

impl Deduper {
    /// `threshold`: minimum estimated containment for a near duplicate (0.8 is a good default).
    pub fn new(threshold: f64) -> Self {
        Deduper {
            threshold,
            exact: HashMap::new(),
            bands: (0..BANDS).map(|_| HashMap::new()).collect(),
            entries: Vec::new(),
            seen: 0,
        }
    }

    /// Adds one document and returns its cluster.
    pub fn add(&mut self, id: &str, text: &str) -> DedupInfo {
        let ordinal = self.seen;
        self.seen += 1;
        let words = normalize(text);
        let key = fnv64(words.join(" ").as_bytes()) ^ (words.len() as u64).rotate_left(48);
        if let Some(&e) = self.exact.get(&key) {
            let first = &self.entries[e];
            return DedupInfo {
                cluster: first.cluster,
                kind: DupKind::Exact,
                duplicate_of: Some(first.id.clone()),
                similarity: 1.0,
            };
        }
        let (sig, n) = signature(&words);
        let mut best: Option<(usize, f64)> = None;
        if n >= MIN_SHINGLES {
            let mut checked = std::collections::HashSet::new();
            for b in 0..BANDS {
                let bkey = band_key(&sig, b);
                if let Some(cands) = self.bands[b].get(&bkey) {
                    for &c in cands {
                        if !checked.insert(c) {
                            continue;
                        }
                        let other = &self.entries[c as usize];
                        // A short text inside a much longer one (a quoted paragraph) is
                        // not a copy of it: require comparable sizes.
                        let (lo, hi) = (n.min(other.shingles), n.max(other.shingles));
                        if lo * 5 < hi {
                            continue;
                        }
                        let sim = containment(&sig, n, &other.sig, other.shingles);
                        if sim >= self.threshold && best.is_none_or(|(_, s)| sim > s) {
                            best = Some((c as usize, sim));
                        }
                    }
                }
            }
        }
        let idx = self.entries.len();
        let (cluster, info) = match best {
            Some((c, sim)) => {
                let first = &self.entries[c];
                let cluster = first.cluster;
                // Point at the cluster's first document, not at the matched member.
                let first_id = self
                    .entries
                    .iter()
                    .find(|e| e.cluster == cluster)
                    .map(|e| e.id.clone());
                (
                    cluster,
                    DedupInfo {
                        cluster,
                        kind: DupKind::Near,
                        duplicate_of: first_id,
                        similarity: sim,
                    },
                )
            }
            None => (
                ordinal,
                DedupInfo {
                    cluster: ordinal,
                    kind: DupKind::Original,
                    duplicate_of: None,
                    similarity: 1.0,
                },
            ),
        };
        self.exact.insert(key, idx);
        if n >= MIN_SHINGLES {
            for b in 0..BANDS {
                self.bands[b]
                    .entry(band_key(&sig, b))
                    .or_default()
                    .push(idx as u32);
            }
        }
        self.entries.push(Entry {
            id: id.to_string(),
            cluster,
            sig,
            shingles: n,
        });
        info
    }
}

fn band_key(sig: &[u32; HASHES], b: usize) -> u64 {
    let mut h = b as u64;
    for r in 0..ROWS {
        h = mix(h ^ sig[b * ROWS + r] as u64);
    }
    h
}

/// MinHash signature over the distinct word 5-shingles, and their number.
fn signature(words: &[String]) -> ([u32; HASHES], usize) {
    let mut sig = [u32::MAX; HASHES];
    let mut distinct = std::collections::HashSet::new();
    if words.len() >= SHINGLE {
        for w in words.windows(SHINGLE) {
            let mut h = 0u64;
            for word in w {
                h = mix(h ^ fnv64(word.as_bytes()));
            }
            if !distinct.insert(h) {
                continue;
            }
            for (i, slot) in sig.iter_mut().enumerate() {
                let v = (mix(h ^ (i as u64).wrapping_mul(0x9e3779b97f4a7c15)) >> 32) as u32;
                if v < *slot {
                    *slot = v;
                }
            }
        }
    }
    (sig, distinct.len())
}

/// Estimated |A∩B| / min(|A|,|B|) from the Jaccard estimate and the set sizes.
fn containment(a: &[u32; HASHES], na: usize, b: &[u32; HASHES], nb: usize) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    let j = same as f64 / HASHES as f64;
    let inter = j * (na + nb) as f64 / (1.0 + j);
    (inter / na.min(nb).max(1) as f64).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> String {
        let mut s = String::from("GENEVA (Wire) - Negotiators from the two governments ");
        for i in 0..40 {
            s.push_str(&format!(
                "agreed on point number {i} of the draft accord after talks that lasted {} hours. ",
                i + 3
            ));
        }
        s
    }

    #[test]
    fn exact_near_and_distinct() {
        let mut d = Deduper::default();
        let a = d.add("a", &story());
        assert_eq!(a.kind, DupKind::Original);
        // Same text, different spacing and case: exact.
        let b = d.add("b", &story().to_uppercase().replace(". ", ".\n\n"));
        assert_eq!(b.kind, DupKind::Exact);
        assert_eq!(b.cluster, a.cluster);
        // New headline and trimmed to its first two thirds: near.
        let full = story();
        let trimmed: String = full.chars().take(full.len() * 2 / 3).collect();
        let c = d.add("c", &format!("Deal in sight at Geneva talks\n{trimmed}"));
        assert_eq!(c.kind, DupKind::Near, "{c:?}");
        assert_eq!(c.cluster, a.cluster);
        assert_eq!(c.duplicate_of.as_deref(), Some("a"));
        // An unrelated story: its own cluster.
        let other = "Farmers in the northern provinces reported a record wheat harvest this season, \
            with exports expected to rise sharply as prices on world markets climbed for a third month \
            while storage capacity at the ports remained short.";
        let e = d.add("e", other);
        assert_eq!(e.kind, DupKind::Original);
        assert_ne!(e.cluster, a.cluster);
    }
}
