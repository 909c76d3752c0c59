//! Interruption: SIGINT or SIGTERM during `extract -o FILE` (or `--format parquet -o
//! DIR`, several temporaries at once) removes the temporary output and exits 130 or
//! 143; neither the output nor a temporary is left behind.
#![cfg(unix)]

mod common;

use common::{TempDir, bluebook};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// The files of `dir`, by name.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Starts `extract -o` (with `extra` options) on a large batch, sends `signal` once the
/// temporary output has bytes in it, and checks the exit status and that nothing is
/// left in the output directory.
fn interrupt(signal: &str, status: i32, extra: &[&str]) {
    let tmp = TempDir::new(&format!("interrupt-{signal}-{}", extra.len()));
    let inputs = tmp.path().join("inputs");
    std::fs::create_dir(&inputs).expect("inputs dir");
    let fixture = common::fixture("diplomatic-bluebook-2020.txt");
    for i in 0..400 {
        std::fs::copy(&fixture, inputs.join(format!("{i:03}.txt"))).expect("copy");
    }
    let out_dir = tmp.path().join("out");
    std::fs::create_dir(&out_dir).expect("out dir");
    let dest = if extra.is_empty() {
        out_dir.join("records.jsonl")
    } else {
        out_dir.clone()
    };
    let mut child = bluebook(&["extract", "-q"])
        .args(extra)
        .arg("-o")
        .arg(&dest)
        .arg(&inputs)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");

    // Mid-way: the temporary output exists and holds records.
    let start = Instant::now();
    loop {
        let has_records = std::fs::read_dir(&out_dir)
            .expect("out dir")
            .filter_map(Result::ok)
            .any(|e| {
                // Parquet files are written a row group at a time: that they
                // exist is enough.
                e.file_name().to_string_lossy().ends_with(".tmp")
                    && (!extra.is_empty() || e.path().metadata().is_ok_and(|m| m.len() > 0))
            });
        if has_records {
            break;
        }
        assert!(
            child.try_wait().expect("wait").is_none(),
            "the run ended before it could be interrupted"
        );
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "no records written"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let sent = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(status), "{signal}: {stderr}");
    assert!(
        stderr.contains(&format!("interrupted by SIG{signal}")),
        "{stderr}"
    );
    assert_eq!(
        names(&out_dir),
        Vec::<String>::new(),
        "{signal}: neither the output nor a temporary is left"
    );
}

#[test]
fn sigint_removes_the_temporary_output_and_exits_130() {
    interrupt("INT", 130, &[]);
}

#[test]
fn sigint_removes_every_temporary_parquet_file() {
    interrupt("INT", 130, &["--format", "parquet"]);
}

#[test]
fn sigterm_removes_the_temporary_output_and_exits_143() {
    interrupt("TERM", 143, &[]);
}
