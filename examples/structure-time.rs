//! Times the structure stages (decoding, repair, sentences, sections, reference) on
//! each input, on one thread, and prints their throughput in MB/s of input.
//!
//! Usage: `structure-time [-n ROUNDS] PATH...`.
use bluebook::repair::CaptionRules;
use bluebook::{Document, Reference, Sections, Sentences, View};
use std::hint::black_box;
use std::time::{Duration, Instant};

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
    println!(
        "{:<40} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "input", "MB", "decode", "view", "sentences", "sections", "reference", "v+s+s+r"
    );
    for path in paths {
        let raw = std::fs::read(&path).expect("readable input");
        let mut t = [Duration::ZERO; 5];
        for _ in 0..rounds {
            let a = Instant::now();
            let doc = Document::from_bytes(path.as_str(), raw.clone()).expect("text input");
            let b = Instant::now();
            let view = View::build(&doc, CaptionRules::embedded());
            let c = Instant::now();
            let sentences = Sentences::split(&view);
            let d = Instant::now();
            let sections = Sections::build(&view, &sentences);
            let e = Instant::now();
            let reference = Reference::find(&doc, &view, &sections, None, None);
            let f = Instant::now();
            for (k, (x, y)) in [(a, b), (b, c), (c, d), (d, e), (e, f)]
                .into_iter()
                .enumerate()
            {
                t[k] += y - x;
            }
            black_box((view, sentences, sections, reference));
        }
        let mb = raw.len() as f64 * rounds as f64 / 1e6;
        let rate = |d: Duration| mb / d.as_secs_f64();
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        println!(
            "{:<40} {:>9.2} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>9.1}",
            name,
            raw.len() as f64 / 1e6,
            rate(t[0]),
            rate(t[1]),
            rate(t[2]),
            rate(t[3]),
            rate(t[4]),
            rate(t[1] + t[2] + t[3] + t[4]),
        );
    }
}
