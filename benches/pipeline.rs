//! Whole-pipeline throughput on the fixtures, in bytes of input per second.

use bluebook::{Config, Document, extract, write_jsonl};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name),
    )
    .expect("fixture")
}

fn pipeline(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("pipeline");
    for name in ["diplomatic-bluebook-2020.txt", "communist-review-2021.txt"] {
        let raw = fixture(name);
        group.throughput(Throughput::Bytes(raw.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let doc = Document::from_bytes(name, raw.clone()).expect("text");
                let records = extract(&doc, &config);
                let mut out = Vec::new();
                write_jsonl(&records, &mut out);
                black_box(out)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
