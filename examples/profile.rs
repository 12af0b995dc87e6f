//! Checks a 2,000-character entry many times, for a profiler (`perf record`, `valgrind --tool=callgrind`).
use cpoms_check::{check, Entry, LocalDateTime, Policy};

fn main() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/guidance-good.json"
    ))
    .unwrap();
    let good = Entry::from_input(&json).unwrap();
    let mut text = String::new();
    while text.len() < 2000 {
        text.push_str(&good.text);
        text.push('\n');
    }
    let e = Entry { text, ..good };
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
