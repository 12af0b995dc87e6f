//! The native figures for `bench/run.sh`, printed as one JSON object: time per entry (median
//! of many runs) for the guidance's examples, a whole labelled corpus in one batch, a
//! 2,000-character entry, 20 KB and 1 MB texts; the peak memory a check allocates; and the
//! ratio of a full check to a bare Aho-Corasick scan of the phrase list over the same text
//! (how far from the floor of one pass the engine is).
//!
//! `cargo bench --bench figures -- [CORPUS.jsonl]`

use aho_corasick::{AhoCorasick, MatchKind};
use cpoms_check::{check, Entry, LocalDateTime, Policy};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

mod common;
use common::{fixture, text_of_length};

/// Counts the bytes allocated now and at the peak.
struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Milliseconds per run of `f`: the median of `runs` runs, in three rounds, the lowest round
/// kept (the machine is shared: another process's burst slows a whole round, never speeds one).
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..3)
        .map(|_| {
            let mut t: Vec<f64> = (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    f();
                    start.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            t.sort_by(|a, b| a.total_cmp(b));
            t[t.len() / 2]
        })
        .fold(f64::INFINITY, f64::min)
}

/// Peak bytes allocated while `f` runs, above what was allocated before it.
fn peak_bytes(f: impl FnOnce()) -> usize {
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    f();
    PEAK.load(Ordering::Relaxed) - base
}

fn main() {
    let corpus = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let policy = Policy::default();
    let now = LocalDateTime::parse("2023-12-07T11:05").expect("a time");
    let start = Instant::now();
    let _ = check(&Entry::from_text("warm up"), &policy, now);
    let first_check_ms = start.elapsed().as_secs_f64() * 1000.0;
    let one = |e: &Entry| {
        black_box(check(black_box(e), &policy, now));
    };

    let mut out = serde_json::Map::new();
    out.insert("first_check_ms".into(), first_check_ms.into());
    for name in ["guidance-bad", "guidance-good"] {
        let e = fixture(&format!("{name}.json"));
        out.insert(format!("{name}_ms"), median_ms(200, || one(&e)).into());
    }
    if let Some(path) = corpus {
        let entries: Vec<Entry> = std::fs::read_to_string(&path)
            .expect("the corpus")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).ok()?;
                Entry::from_value(v.get("entry").unwrap_or(&v)).ok()
            })
            .collect();
        out.insert("corpus_entries".into(), entries.len().into());
        out.insert(
            "corpus_batch_ms".into(),
            median_ms(20, || entries.iter().for_each(&one)).into(),
        );
    }

    // The floor: one Aho-Corasick pass over the text with every listed phrase.
    let phrases: Vec<String> = cpoms_check::data::data()
        .language
        .phrase
        .iter()
        .flat_map(|p| p.patterns.iter().cloned())
        .collect();
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&phrases)
        .expect("the phrase automaton");
    for (label, len, runs) in [
        ("2k", 2_000, 200),
        ("20k", 20_000, 50),
        ("1m", 1_000_000, 5),
    ] {
        let e = Entry {
            text: text_of_length(len),
            students: vec!["Derek Smith".into()],
            ..Entry::default()
        };
        let full = median_ms(runs, || one(&e));
        let floor = median_ms(runs.max(20), || {
            black_box(ac.find_iter(black_box(&e.text)).count());
        });
        out.insert(format!("text_{label}_ms"), full.into());
        out.insert(format!("floor_{label}_ms"), floor.into());
        out.insert(format!("peak_{label}_bytes"), peak_bytes(|| one(&e)).into());
    }
    println!("{}", serde_json::Value::Object(out));
}
