//! Throughput of the structure stages, in bytes of input per second: decoding and
//! repair ([`View::build`]), [`Sentences::split`], [`Sections::build`] and
//! [`Reference::find`], each on the results of the stages before it, and all of them
//! together. Inputs: the bluebook fixture; 160 copies of it in one text (24.8 MB); and
//! the same as a single line, its line ends made spaces (what a PDF-to-text tool that
//! drops line ends gives, and the worst case for rules that read whole lines).

use bluebook::gazetteer::Gazetteers;
use bluebook::repair::CaptionRules;
use bluebook::{Document, Reference, Sections, Sentences, View};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name),
    )
    .expect("fixture")
}

/// The inputs: a name, the bytes, and whether the input is large (fewer samples).
fn inputs() -> Vec<(&'static str, Vec<u8>, bool)> {
    let one = fixture("diplomatic-bluebook-2020.txt");
    let copies = one.repeat(160);
    let line: Vec<u8> = copies
        .iter()
        .map(|&b| if b == b'\n' { b' ' } else { b })
        .collect();
    vec![
        ("bluebook", one, false),
        ("bluebook-x160", copies, true),
        ("bluebook-x160-one-line", line, true),
    ]
}

fn structure(c: &mut Criterion) {
    let rules = CaptionRules::embedded();
    for (name, raw, large) in inputs() {
        let mut group = c.benchmark_group(format!("structure/{name}"));
        group.throughput(Throughput::Bytes(raw.len() as u64));
        if large {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(20));
        }
        let doc = Document::from_bytes(name, raw.clone()).expect("text");
        let view = View::build(&doc, rules);
        let sentences = Sentences::split(&view, Gazetteers::embedded());
        let sections = Sections::build(&view, &sentences);
        group.bench_function("decode+view", |b| {
            b.iter_batched(
                || raw.clone(),
                |raw| {
                    let doc = Document::from_bytes(name, raw).expect("text");
                    let view = View::build(&doc, rules);
                    black_box((doc, view))
                },
                BatchSize::LargeInput,
            )
        });
        group.bench_function("sentences", |b| {
            b.iter(|| black_box(Sentences::split(&view, Gazetteers::embedded())))
        });
        group.bench_function("sections", |b| {
            b.iter(|| black_box(Sections::build(&view, &sentences)))
        });
        group.bench_function("reference", |b| {
            b.iter(|| black_box(Reference::find(&doc, &view, &sections, None, None)))
        });
        group.bench_function("all", |b| {
            b.iter_batched(
                || raw.clone(),
                |raw| {
                    let doc = Document::from_bytes(name, raw).expect("text");
                    let view = View::build(&doc, rules);
                    let sentences = Sentences::split(&view, Gazetteers::embedded());
                    let sections = Sections::build(&view, &sentences);
                    let reference = Reference::find(&doc, &view, &sections, None, None);
                    black_box((doc, view, sentences, sections, reference))
                },
                BatchSize::LargeInput,
            )
        });
        group.finish();
    }
}

criterion_group!(benches, structure);
criterion_main!(benches);
