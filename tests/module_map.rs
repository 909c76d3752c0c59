//! The library's module map: no import cycle between its top-level modules, and the
//! README's layout names every one of them.
//!
//! A module's imports are the `crate::<module>` paths of its code, tests left out: a
//! file named `tests.rs`, and everything from a `#[cfg(test)] mod tests {` to the end
//! of its file (where the crate keeps its unit tests). Comments are left out too, so a
//! documentation link is no import. The command line (`main.rs`, `cli/`) is a crate of
//! its own that reaches the library through `bluebook::`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules of the library and the source files of each.
fn modules() -> BTreeMap<String, Vec<PathBuf>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut map = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("src") {
        let path = entry.expect("src entry").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 name");
        if matches!(name, "lib" | "main" | "cli") {
            continue;
        }
        let files = if path.is_dir() {
            rust_files(&path)
        } else if path.extension().is_some_and(|e| e == "rs") {
            vec![path.clone()]
        } else {
            continue;
        };
        map.insert(name.to_string(), files);
    }
    map
}

/// The `.rs` files under `dir`, test files left out.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("module dir") {
        let path = entry.expect("module entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A file's code: its unit tests and comments left out.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t == "#[cfg(test)]" && lines.peek().is_some_and(|l| l.trim() == "mod tests {") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The modules `code` names after `crate::`, alone or in a `crate::{...}` group.
fn imports(code: &str, known: &BTreeMap<String, Vec<PathBuf>>) -> BTreeSet<String> {
    let word = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            // Each item of the group starts after `{` or a comma.
            for item in group.split(',') {
                out.insert(word(item.trim_start()));
            }
        } else {
            out.insert(word(rest));
        }
    }
    out.retain(|m| known.contains_key(m));
    out
}

/// Each module's imports of the others.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    modules
        .iter()
        .map(|(name, files)| {
            let mut deps = BTreeSet::new();
            for file in files {
                let text = std::fs::read_to_string(file).expect("source file");
                deps.extend(imports(&code(&text), &modules));
            }
            deps.remove(name);
            (name.clone(), deps)
        })
        .collect()
}

/// A cycle of `graph`, as the modules along it, if it has one (depth-first search).
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(node.to_string(), Mark::Open);
        path.push(node.to_string());
        for next in &graph[node] {
            match marks[next] {
                Mark::Open => {
                    let from = path.iter().position(|n| n == next).expect("on the path");
                    let mut found = path[from..].to_vec();
                    found.push(next.clone());
                    return Some(found);
                }
                Mark::New => {
                    if let Some(found) = visit(next, graph, marks, path) {
                        return Some(found);
                    }
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks: BTreeMap<String, Mark> = graph.keys().map(|k| (k.clone(), Mark::New)).collect();
    for node in graph.keys() {
        if marks[node] == Mark::New {
            if let Some(found) = visit(node, graph, &mut marks, &mut Vec::new()) {
                return Some(found);
            }
        }
    }
    None
}

#[test]
fn the_reader_finds_imports_and_cycles() {
    let known: BTreeMap<String, Vec<PathBuf>> = ["a", "b", "c"]
        .iter()
        .map(|m| (m.to_string(), Vec::new()))
        .collect();
    let text = "use crate::a::X;\n/// [`crate::c`]\nuse crate::{b::Y, z};\n\
                #[cfg(test)]\nmod tests {\n    use crate::c;\n}\n";
    assert_eq!(
        imports(&code(text), &known),
        BTreeSet::from(["a".to_string(), "b".to_string()])
    );
    let edges = |pairs: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> =
            known.keys().map(|k| (k.clone(), BTreeSet::new())).collect();
        for (from, to) in pairs {
            g.get_mut(*from).unwrap().insert(to.to_string());
        }
        g
    };
    assert_eq!(cycle(&edges(&[("a", "b"), ("b", "c")])), None);
    assert_eq!(
        cycle(&edges(&[("a", "b"), ("b", "c"), ("c", "b")])),
        Some(vec!["b".to_string(), "c".to_string(), "b".to_string()])
    );
}

#[test]
fn no_import_cycle_between_modules() {
    let graph = graph();
    // The map is read from the sources: a few of the modules everything rests on.
    for base in ["document", "text", "scan", "record"] {
        assert!(graph.contains_key(base), "{base} not found in src/");
    }
    assert!(graph["pipeline"].contains("extractors"));
    if let Some(found) = cycle(&graph) {
        panic!(
            "modules import each other in a cycle: {}",
            found.join(" -> ")
        );
    }
}

#[test]
fn the_readme_layout_names_every_module() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let layout = &readme[readme.find("\n## Layout").expect("a Layout section")..];
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for name in modules().keys() {
        let entry = if src.join(name).is_dir() {
            format!("src/{name}/")
        } else {
            format!("src/{name}.rs")
        };
        assert!(
            layout.contains(&entry),
            "README's layout does not name {entry}"
        );
    }
}
