//! Times the structure stages (decoding, repair, sentences, sections, reference) on
//! each input, on one thread, and prints their throughput in MB/s of input: the mean
//! over a number of rounds, and the best round, which other work on the machine
//! disturbs least.
//!
//! Usage: `structure-time [-n ROUNDS] PATH...`.
use bluebook::gazetteer::Gazetteers;
use bluebook::repair::CaptionRules;
use bluebook::{Document, Reference, Sections, Sentences, View};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The stages timed, and their sum after decoding.
const STAGES: [&str; 6] = [
    "decode",
    "view",
    "sentences",
    "sections",
    "reference",
    "v+s+s+r",
];

fn main() {
    let mut rounds = 5;
    let mut args = std::env::args().skip(1);
    let mut paths = Vec::new();
    while let Some(a) = args.next() {
        if a == "-n" {
            rounds = args.next().and_then(|n| n.parse().ok()).expect("-n ROUNDS");
        } else {
            paths.push(a);
        }
    }
    print!("{:<32} {:>6} {:>5}", "input", "MB", "");
    for s in STAGES {
        print!(" {s:>9}");
    }
    println!();
    for path in paths {
        let raw = std::fs::read(&path).expect("readable input");
        let mut best = [Duration::MAX; 6];
        let mut total = [Duration::ZERO; 6];
        // One round first, untimed: the patterns are compiled on first use.
        for round in 0..=rounds {
            let a = Instant::now();
            let doc = Document::from_bytes(path.as_str(), raw.clone()).expect("text input");
            let b = Instant::now();
            let view = View::build(&doc, CaptionRules::embedded());
            let c = Instant::now();
            let sentences = Sentences::split(&view, Gazetteers::embedded());
            let d = Instant::now();
            let sections = Sections::build(&view, &sentences);
            let e = Instant::now();
            let reference = Reference::find(&doc, &view, &sections, None, None);
            let f = Instant::now();
            let spans = [(a, b), (b, c), (c, d), (d, e), (e, f), (b, f)];
            for (k, (x, y)) in spans.into_iter().enumerate().filter(|_| round > 0) {
                best[k] = best[k].min(y - x);
                total[k] += y - x;
            }
            black_box((view, sentences, sections, reference));
        }
        let mb = raw.len() as f64 / 1e6;
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        for (what, times, n) in [("mean", total, rounds), ("best", best, 1)] {
            print!("{name:<32} {mb:>6.2} {what:>5}");
            for t in times {
                print!(" {:>9.1}", mb * n as f64 / t.as_secs_f64());
            }
            println!();
        }
    }
}
