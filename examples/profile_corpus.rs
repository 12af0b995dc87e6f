//! Checks every entry of a corpus (JSON lines) many times, whole (fields and pupil lists as
//! given), for a profiler: `profile_corpus CORPUS [ROUNDS]`; with `DOCS=1` only the text
//! model (`Doc::new`) is built.
use cpoms_check::{check, Entry, LocalDateTime, Policy};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a corpus");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(200);
    let entries: Vec<Entry> = std::fs::read_to_string(path)
        .expect("the corpus")
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Entry::from_value(v.get("entry").unwrap_or(&v)).ok()
        })
        .collect();
    if std::env::var("DOCS").is_ok() {
        docs_only(&entries, n);
        return;
    }
    let now = LocalDateTime::parse("2023-12-07T11:05").unwrap();
    let policy = Policy::default();
    let t = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..n {
        for e in &entries {
            findings += check(e, &policy, now).findings.len();
        }
    }
    let per = t.elapsed().as_secs_f64() * 1e6 / (n * entries.len()) as f64;
    println!("{findings} findings, {per:.1} µs per entry");
}

fn docs_only(entries: &[Entry], n: usize) {
    let h = &cpoms_check::data::data().loop_.action_headings;
    let t = std::time::Instant::now();
    let mut k = 0;
    for _ in 0..n {
        for e in entries {
            k += cpoms_check::text::Doc::new(&e.text, h).len();
        }
    }
    let per = t.elapsed().as_secs_f64() * 1e6 / (n * entries.len()) as f64;
    println!("{k} tokens, Doc::new {per:.1} µs per entry");
}
