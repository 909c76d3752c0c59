//! Whole-pipeline throughput, in bytes of input per second, on one core, with the
//! records serialized to a sink — and, in the same run, one Aho-Corasick pass over the
//! same bytes (the embedded gazetteer phrases, a DFA, all matches) to compare with.
//!
//! Inputs: the bluebook fixture; one file of 160 copies of it (24.8 MB); a directory
//! of 160 copies; a directory of 16 files of 10 copies (the same bytes in fewer
//! documents: against the 160, what a document costs beyond its bytes); one file of 10
//! copies (for the time per MB against 160); and the bluebook's text on one single
//! line, 10 copies long; and that line with its sentence ends made commas (a run of
//! text without a stop, whose sentences are all the splitter's longest). The files are
//! written to a temporary directory and read through the batch, as the command line
//! does.
//!
//! After the Criterion groups the bench prints, for each input, the pipeline's MB/s and
//! the pass's, best and median of seven rounds (each round a run of the pipeline, then
//! one of the pass), their ratio best to best, and the median of the rounds' ratios.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use bluebook::batch::{self, Input, Outcome, Sink};
use bluebook::{Config, Error};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The command's allocator, so that the bench measures what the command runs.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// The command's allocator options ([`batch::JEMALLOC_OPTIONS`]).
#[cfg(not(target_env = "msvc"))]
// SAFETY: jemalloc's configuration string, named and typed as `tikv-jemalloc-sys`
// declares it.
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: Option<&std::ffi::c_char> =
    // SAFETY: the pointer of a `'static` C string, valid for the program's life.
    Some(unsafe { &*batch::JEMALLOC_OPTIONS.as_ptr() });

/// Counts the bytes and records a batch hands over.
#[derive(Default)]
struct Counter {
    bytes: usize,
    failed: usize,
}

impl Sink for Counter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.bytes += black_box(bytes).len();
        Ok(())
    }

    fn finish(&mut self, outcome: Outcome) -> ControlFlow<()> {
        self.failed += usize::from(outcome.result.is_err());
        ControlFlow::Continue(())
    }
}

/// One bench input: its files and their total size.
struct Case {
    name: &'static str,
    paths: Vec<PathBuf>,
    bytes: Vec<u8>,
}

fn fixture() -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/diplomatic-bluebook-2020.txt"),
    )
    .expect("fixture")
}

fn cases(dir: &Path) -> Vec<Case> {
    let one = fixture();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("bench input");
        path
    };
    let copies = |n: usize, sep: &[u8]| -> Vec<u8> {
        let mut v = Vec::with_capacity(one.len() * n);
        for _ in 0..n {
            v.extend_from_slice(&one);
            v.extend_from_slice(sep);
        }
        v
    };
    let line: Vec<u8> = copies(10, b" ")
        .into_iter()
        .map(|b| if b == b'\n' || b == b'\r' { b' ' } else { b })
        .collect();
    // The same line with no sentence end (a dump without stops): every sentence is the
    // splitter's longest, and readers that look over a mention's sentence pay for it.
    let run_on: Vec<u8> = line
        .iter()
        .map(|&b| {
            if matches!(b, b'.' | b'?' | b'!') {
                b','
            } else {
                b
            }
        })
        .collect();
    // A directory of `n` files, each holding `bytes`.
    let files = |name: &str, n: usize, bytes: &[u8]| -> Vec<PathBuf> {
        let sub = dir.join(name);
        std::fs::create_dir_all(&sub).expect("bench dir");
        (0..n)
            .map(|i| {
                let path = sub.join(format!("{name}-{i:03}.txt"));
                std::fs::write(&path, bytes).expect("bench input");
                path
            })
            .collect()
    };
    let x10 = copies(10, b"\n");
    let x160 = copies(160, b"\n");
    let many_paths = files("copy", 160, &one);
    // The same bytes as 16 documents of 10 copies: against the directory of 160, what
    // a document costs beyond its bytes.
    let ten_paths = files("ten", 16, &x10);
    vec![
        Case {
            name: "bluebook",
            paths: vec![write("bluebook.txt", &one)],
            bytes: one.clone(),
        },
        Case {
            name: "10 copies in one file",
            paths: vec![write("x10.txt", &x10)],
            bytes: x10,
        },
        Case {
            name: "160 copies in one file",
            paths: vec![write("x160.txt", &x160)],
            bytes: x160.clone(),
        },
        Case {
            name: "directory of 160 copies",
            paths: many_paths,
            bytes: x160.clone(),
        },
        Case {
            name: "16 files of 10 copies",
            paths: ten_paths,
            bytes: x160,
        },
        Case {
            name: "10 copies on one line",
            paths: vec![write("line.txt", &line)],
            bytes: line,
        },
        Case {
            name: "10 copies, no stops",
            paths: vec![write("run-on.txt", &run_on)],
            bytes: run_on,
        },
    ]
}

/// Runs the batch over a case's files on the current (one-thread) pool.
fn pipeline(case: &Case, config: &Config) -> usize {
    let inputs: Vec<Result<Input, Error>> = case
        .paths
        .iter()
        .map(|p| Ok(Input::File(p.clone())))
        .collect();
    let mut sink = Counter::default();
    batch::run(inputs, config, &mut sink).expect("the sink does not fail");
    assert_eq!(sink.failed, 0);
    sink.bytes
}

/// The comparison: one Aho-Corasick pass over the bytes, every match of the embedded
/// gazetteer phrases (as in the one search of the analysis), with the fastest
/// automaton for it (a DFA without prefilter).
fn pass_automaton() -> AhoCorasick {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
    let mut phrases = Vec::new();
    for (file, column) in [
        ("country-names.tsv", 1),
        ("offices.tsv", 2),
        ("organizations.tsv", 1),
    ] {
        let text = std::fs::read_to_string(dir.join(file)).expect("gazetteer");
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            if let Some(p) = line.split('\t').nth(column) {
                phrases.push(p.trim().to_string());
            }
        }
    }
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(&phrases)
        .expect("automaton")
}

fn pass(ac: &AhoCorasick, bytes: &[u8]) -> usize {
    ac.find_overlapping_iter(bytes).count()
}

/// Rounds of the closing table.
const ROUNDS: usize = 7;

/// Seconds one run of `f` takes.
fn time(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64()
}

/// `v` in ascending order (rates and ratios: finite and positive).
fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    v
}

fn benches(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("bluebook-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let cases = cases(&dir);
    let config = Config::default();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("one-thread pool");
    let ac = pass_automaton();
    // Warm up: build the automata and regexes once, as a long batch does.
    pool.install(|| pipeline(&cases[2], &config));

    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    for case in &cases {
        group.throughput(Throughput::Bytes(case.bytes.len() as u64));
        group.bench_function(case.name, |b| {
            b.iter(|| pool.install(|| black_box(pipeline(case, &config))))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("aho-corasick pass");
    group.sample_size(10);
    for case in &cases {
        group.throughput(Throughput::Bytes(case.bytes.len() as u64));
        group.bench_function(case.name, |b| b.iter(|| black_box(pass(&ac, &case.bytes))));
    }
    group.finish();

    // The pipeline and the pass take turns, so that a host busier for a while slows
    // both: the ratio of each round is the steadier figure on a shared machine.
    println!(
        "\nwhole pipeline against one Aho-Corasick pass (one core, {ROUNDS} rounds, each \
         a run of both; MB/s best and median, ratio best/best and median of the rounds'):"
    );
    println!(
        "{:<26} {:>6} {:>8} {:>8} {:>7} {:>8} {:>8} {:>8}",
        "input", "MB", "pipeline", "(median)", "pass", "(median)", "ratio", "(median)"
    );
    for case in &cases {
        let mb = case.bytes.len() as f64 / 1e6;
        let (mut p, mut a, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            let tp = time(|| {
                pool.install(|| black_box(pipeline(case, &config)));
            });
            let ta = time(|| {
                black_box(pass(&ac, &case.bytes));
            });
            p.push(mb / tp);
            a.push(mb / ta);
            ratios.push(ta / tp);
        }
        let (p, a, ratios) = (sorted(p), sorted(a), sorted(ratios));
        let (best, median) = (ROUNDS - 1, ROUNDS / 2);
        println!(
            "{:<26} {:>6.2} {:>8.1} {:>8.1} {:>7.1} {:>8.1} {:>8.3} {:>8.3}",
            case.name,
            mb,
            p[best],
            p[median],
            a[best],
            a[median],
            p[best] / a[best],
            ratios[median]
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(pipeline_benches, benches);
criterion_main!(pipeline_benches);
