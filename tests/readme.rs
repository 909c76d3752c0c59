//! The README's load recipes are the files the client test runs (`examples/load`,
//! `examples/spark`), shown as they are, and its schema commands print what it says.

use std::path::Path;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

#[test]
fn the_readme_shows_the_recipes_the_client_test_runs() {
    let readme = read("README.md");
    for recipe in [
        "examples/load/duckdb_load.py",
        "examples/load/polars_load.py",
        "examples/load/pandas_load.py",
        "examples/load/trade_by_partner.sql",
        "examples/load/people_by_office.sql",
        "examples/spark/pipe.py",
    ] {
        let text = read(recipe);
        assert!(
            readme.contains(&format!("```{}\n{text}```", fence(recipe))),
            "README.md does not show {recipe} as it is"
        );
        let check = read("tests/clients/check.py");
        let module = Path::new(recipe)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        assert!(
            check.contains(module),
            "tests/clients/check.py does not use {recipe}"
        );
    }
}

fn fence(path: &str) -> &'static str {
    if path.ends_with(".sql") {
        "sql"
    } else {
        "python"
    }
}
