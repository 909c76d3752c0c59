//! What the unit tests share: the fixtures, and a check of case-folding expressions.

/// Each `.txt` fixture's path and text, in the order of their names.
pub(crate) fn fixture_texts() -> Vec<(std::path::PathBuf, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

/// The lines of every fixture.
pub(crate) fn fixture_lines() -> Vec<String> {
    fixture_texts()
        .iter()
        .flat_map(|(_, t)| t.lines().map(String::from))
        .collect()
}

/// Asserts that no character beyond ASCII matches `class` (a one-character class such
/// as `(?i)^[chapter]$`): then a byte look for the ASCII letters of a case-insensitive
/// expression finds every place the expression can match.
pub(crate) fn assert_no_char_beyond_ascii_matches(class: &str) {
    let letters = regex::Regex::new(class).unwrap();
    let mut buf = [0u8; 4];
    for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
        assert!(!letters.is_match(c.encode_utf8(&mut buf)), "{c:?}");
    }
}
