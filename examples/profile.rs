//! Checks the benchmark's 2,000-character entry many times, for a profiler
//! (`perf record`, `valgrind --tool=callgrind`).
use cpoms_check::{check, Entry, LocalDateTime, Policy};

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let e = Entry {
        text: common::text_of_length(2_000),
        students: vec!["Derek Smith".into()],
        ..Entry::default()
    };
    let now = LocalDateTime::parse("2023-12-07T11:05").unwrap();
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let mut findings = 0;
    for _ in 0..n {
        findings += check(&e, &Policy::default(), now).findings.len();
    }
    println!("{findings}");
}
