//! The span property every record keeps, checked on any input: used by the fuzz target
//! (`fuzz/fuzz_targets/extract.rs`) and the regression tests of what it found.

use bluebook::{Config, Document, Span};

/// Runs `input` through `Document::from_bytes` and `extract` (an input refused as not
/// text gives nothing) and checks every record: its text is the lossy decoding of
/// `raw[span]`, and its span and its sentence's lie on character boundaries of the
/// decoding. Panics if any does not, or if the pipeline panics. Gives the number of
/// records.
pub fn check_records(input: &[u8], config: &Config) -> usize {
    let Ok(doc) = Document::from_bytes("fuzz.txt", input.to_vec()) else {
        return 0;
    };
    let raw = doc.raw();
    let boundaries = boundaries(raw);
    let records = bluebook::extract(&doc, config);
    for r in &records {
        let c = r.common();
        check(&boundaries, raw, c.span, "span");
        assert_eq!(
            c.text,
            String::from_utf8_lossy(&raw[c.span.0..c.span.1]),
            "text of {:?}",
            c.span
        );
        if let Some(sentence) = c.sentence {
            check(&boundaries, raw, sentence, "sentence");
        }
    }
    let mut jsonl = Vec::new();
    bluebook::write_jsonl(&records, &mut jsonl);
    records.len()
}

/// Whether each raw offset is a character boundary of the lossy decoding: the start of
/// a character, of an invalid sequence (one U+FFFD), or the end.
fn boundaries(raw: &[u8]) -> Vec<bool> {
    let mut at = vec![false; raw.len() + 1];
    let mut pos = 0;
    for chunk in raw.utf8_chunks() {
        for (i, _) in chunk.valid().char_indices() {
            at[pos + i] = true;
        }
        pos += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            at[pos] = true;
            pos += chunk.invalid().len();
        }
    }
    at[raw.len()] = true;
    at
}

fn check(boundaries: &[bool], raw: &[u8], span: Span, what: &str) {
    let (a, b) = (span.0, span.1);
    assert!(
        a <= b && b <= raw.len(),
        "{what} {span:?} outside 0..{}",
        raw.len()
    );
    assert!(
        boundaries[a] && boundaries[b],
        "{what} {span:?} cuts a character: {:?}",
        String::from_utf8_lossy(&raw[a.saturating_sub(4)..(b + 4).min(raw.len())])
    );
}
