//! Time to check an entry natively: the guidance's two examples, a 2,000-character entry,
//! and 20 KB / 100 KB texts (to see that time grows linearly with length).
//! `cargo bench --bench check`; figures are printed, not asserted.

use cpoms_check::{check, Entry, LocalDateTime, Policy};
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

mod common;
use common::{fixture, text_of_length};

fn bench(c: &mut Criterion) {
    let policy = Policy::default();
    let now = LocalDateTime::parse("2023-12-07T11:05").unwrap();
    // Warm the data, phrase sets and dictionary once, as the extension does at start-up.
    let _ = check(&Entry::from_text("warm up"), &policy, now);

    let mut g = c.benchmark_group("guidance");
    for name in ["guidance-bad.json", "guidance-good.json"] {
        let e = fixture(name);
        g.throughput(Throughput::Bytes(e.text.len() as u64));
        g.bench_function(name.trim_end_matches(".json"), |b| {
            b.iter(|| check(black_box(&e), &policy, now))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("length");
    g.sample_size(20);
    for len in [2_000usize, 20_000, 100_000] {
        let e = Entry {
            text: text_of_length(len),
            students: vec!["Derek Smith".into()],
            ..Entry::default()
        };
        g.throughput(Throughput::Bytes(len as u64));
        g.bench_with_input(BenchmarkId::from_parameter(len), &e, |b, e| {
            b.iter(|| check(black_box(e), &policy, now))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
