//! A batch processes small inputs in groups (each whole-document stage over the group's
//! documents one after another, then each document's parts): every input still gets
//! exactly the records it gets alone, its own outcome, in input order, whatever the
//! number of threads, and a failed input in a group fails alone.

mod common;

use bluebook::batch::{self, Input, Outcome, Sink};
use bluebook::{Config, Document, extract_each, write_record};
use std::ops::ControlFlow;

/// Each input's bytes and whether it succeeded, in the order the batch finished them.
#[derive(Default)]
struct Collect {
    current: Vec<u8>,
    done: Vec<(String, bool, Vec<u8>)>,
}

impl Sink for Collect {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.current.extend_from_slice(bytes);
        Ok(())
    }

    fn finish(&mut self, outcome: Outcome) -> ControlFlow<()> {
        let bytes = std::mem::take(&mut self.current);
        self.done
            .push((outcome.name, outcome.result.is_ok(), bytes));
        ControlFlow::Continue(())
    }
}

/// The JSON Lines of one document extracted alone.
fn alone(name: &str, text: &str, config: &Config) -> Vec<u8> {
    let doc = Document::from_bytes(name, text.as_bytes().to_vec()).expect("a text");
    let mut out = Vec::new();
    let _ = extract_each(&doc, config, &mut |r| {
        write_record(r, &mut out);
        ControlFlow::Continue(())
    });
    out
}

#[test]
fn grouped_inputs_get_the_records_they_get_alone_in_order() {
    let config = Config::default();
    // The fixtures, pieces of them small enough for many to share a group, and a file
    // that is not there in the middle.
    let mut texts: Vec<(String, String)> = Vec::new();
    for name in common::FIXTURES {
        let text = std::fs::read_to_string(common::fixture(name)).expect("fixture");
        for (k, piece) in text
            .split("\n\n")
            .collect::<Vec<_>>()
            .chunks(15)
            .enumerate()
        {
            texts.push((format!("{name}.{k}"), piece.join("\n\n")));
        }
        texts.push((name.to_string(), text));
    }
    let missing = std::env::temp_dir().join("bluebook-no-such-input-7c2e.txt");
    let half = texts.len() / 2;
    let inputs = || {
        let mut inputs: Vec<Result<Input, bluebook::Error>> = texts
            .iter()
            .map(|(name, text)| {
                Ok(Input::Text {
                    name: name.clone(),
                    text: text.clone(),
                })
            })
            .collect();
        inputs.insert(half, Ok(Input::File(missing.clone())));
        inputs
    };
    assert!(texts.len() > 20, "{} inputs", texts.len());
    for threads in [1, 2, 3] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a pool");
        let mut sink = Collect::default();
        pool.install(|| batch::run(inputs(), &config, &mut sink))
            .expect("the sink does not fail");
        assert_eq!(sink.done.len(), texts.len() + 1, "{threads} threads");
        let (missing_name, ok, bytes) = &sink.done[half];
        assert!(missing_name.contains("bluebook-no-such-input-7c2e"));
        assert!(!ok && bytes.is_empty(), "the missing file fails alone");
        let rest = sink.done[..half].iter().chain(&sink.done[half + 1..]);
        for ((name, text), (got_name, ok, bytes)) in texts.iter().zip(rest) {
            assert_eq!(got_name, name, "{threads} threads: input order");
            assert!(ok, "{name}");
            assert!(
                *bytes == alone(name, text, &config),
                "{threads} threads: {name}'s records differ from its records alone"
            );
        }
    }
}
