//! What the unit tests share: the fixtures.

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
