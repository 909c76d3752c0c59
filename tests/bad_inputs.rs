//! Every bad input answered: each kind is given to the built binary beside a good file,
//! by name and, where it can be met there, inside a directory. Each case checks the
//! message (naming the input's path), the exit status, and that the good file of the
//! same batch still gets its records.

mod common;

use common::{TempDir, bluebook};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

const GOOD: &str = "CHAPTER ONE\n\nTHE LANDSCAPE\n\nI. The global economy\n\n\
                    In November 2020, Viet Nam and Laos signed an agreement in Hanoi.\n";

/// What a run of `bluebook extract` gave.
struct Run {
    code: Option<i32>,
    stderr: String,
    records: Vec<Value>,
}

impl Run {
    fn of(out: Output) -> Self {
        let records = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        Self {
            code: out.status.code(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            records,
        }
    }

    /// The records of the document named `doc`.
    fn of_doc(&self, doc: &Path) -> Vec<&Value> {
        let doc = doc.display().to_string();
        self.records.iter().filter(|r| r["doc"] == doc).collect()
    }

    /// Asserts the exit status, that stderr holds each of `said`, and that the good file
    /// got its records.
    fn expect(&self, code: i32, said: &[&str], good: &Path) {
        assert_eq!(
            self.code,
            Some(code),
            "exit status; stderr:\n{}",
            self.stderr
        );
        for s in said {
            assert!(
                self.stderr.contains(s),
                "{s:?} not in stderr:\n{}",
                self.stderr
            );
        }
        assert!(
            self.of_doc(good).len() >= 2,
            "the good file still gets its records: {:?}",
            self.records
        );
    }
}

fn extract(paths: &[&Path]) -> Run {
    let mut cmd = bluebook(&["extract"]);
    cmd.args(paths);
    Run::of(cmd.output().expect("bluebook runs"))
}

fn show(p: &Path) -> String {
    p.display().to_string()
}

/// Every record's text is the lossy decoding of `raw[span]`.
fn assert_spans(records: &[&Value], raw: &[u8]) {
    for r in records {
        let span = r["span"].as_array().expect("span");
        let (a, b) = (
            span[0].as_u64().expect("start") as usize,
            span[1].as_u64().expect("end") as usize,
        );
        assert_eq!(
            r["text"].as_str().expect("text"),
            String::from_utf8_lossy(&raw[a..b]),
            "{r}"
        );
    }
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mut units: Vec<u16> = text.encode_utf16().collect();
    if bom {
        units.insert(0, 0xFEFF);
    }
    units
        .into_iter()
        .flat_map(|u| {
            if little_endian {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

#[test]
fn invalid_utf8_is_read_lossily_with_a_warning_naming_file_and_offset() {
    let dir = TempDir::new("bad-utf8");
    let good = dir.write("good.txt", GOOD.as_bytes());
    let raw = b"CHAPTER ONE\n\nTHE L\xFFANDSCAPE\n".to_vec();
    let bad = dir.write("latin1.txt", &raw);
    let run = extract(&[&bad, &good]);
    run.expect(
        0,
        &[&format!(
            "warning: {}: invalid UTF-8 at byte offset 18",
            show(&bad)
        )],
        &good,
    );
    let records = run.of_doc(&bad);
    assert_eq!(records.len(), 1);
    assert_spans(&records, &raw);
}

#[test]
fn utf16_with_a_bom_is_decoded_and_spans_count_its_utf8_decoding() {
    let dir = TempDir::new("utf16");
    let good = dir.write("good.txt", GOOD.as_bytes());
    // Beyond ASCII too: spans count the bytes of the UTF-8 decoding, not of the file.
    let text = GOOD.replace("Viet Nam", "Việt Nam");
    for (name, little, label) in [("le.txt", true, "UTF-16LE"), ("be.txt", false, "UTF-16BE")] {
        let bad = dir.write(name, &utf16(&text, little, true));
        let run = extract(&[&bad, &good]);
        let warning = format!(
            "warning: {}: decoded from {label}; spans are offsets into its UTF-8 decoding",
            show(&bad)
        );
        run.expect(0, &[&warning], &good);
        assert_eq!(run.stderr.matches(&warning).count(), 1, "once per file");
        let records = run.of_doc(&bad);
        let plain = run.of_doc(&good);
        assert_eq!(records.len(), plain.len(), "{name}: the same records");
        assert_spans(&records, text.as_bytes());
        assert!(
            records.iter().any(|r| r["text"] == "Việt Nam"),
            "{records:?}"
        );
    }
}

#[test]
fn utf16_without_a_bom_is_an_error_saying_how_to_convert_it() {
    let dir = TempDir::new("utf16-nobom");
    let good = dir.write("good.txt", GOOD.as_bytes());
    for (name, little, label) in [("le.txt", true, "UTF-16LE"), ("be.txt", false, "UTF-16BE")] {
        let bad = dir.write(name, &utf16(GOOD, little, false));
        let run = extract(&[&bad, &good]);
        run.expect(
            1,
            &[
                &format!("error: {}: looks like {label} text", show(&bad)),
                &format!("iconv -f {label} -t UTF-8"),
            ],
            &good,
        );
        assert!(run.of_doc(&bad).is_empty());
    }
}

#[test]
fn other_binary_input_is_an_error_naming_it() {
    let dir = TempDir::new("binary");
    let good = dir.write("good.txt", GOOD.as_bytes());
    let bad = dir.write("scan.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\x90");
    let run = extract(&[dir.path()]);
    run.expect(
        1,
        &[&format!(
            "error: {}: binary file (NUL byte at byte offset 8)",
            show(&bad)
        )],
        &good,
    );
}

#[test]
fn an_empty_file_gives_no_records_and_no_error() {
    let dir = TempDir::new("empty-file");
    let good = dir.write("good.txt", GOOD.as_bytes());
    let empty = dir.write("empty.txt", b"");
    let run = extract(&[&empty, &good]);
    run.expect(0, &[], &good);
    assert!(run.of_doc(&empty).is_empty());
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
}

#[test]
fn a_directory_without_txt_files_is_a_warning_and_exit_status_2() {
    let dir = TempDir::new("no-txt");
    let good = dir.write("good.txt", GOOD.as_bytes());
    let nothing = dir.path().join("scans");
    dir.write("scans/page1.pdf", b"%PDF-1.4");
    let run = extract(&[&nothing, &good]);
    run.expect(
        2,
        &[&format!(
            "warning: {}: no .txt files in this directory",
            show(&nothing)
        )],
        &good,
    );
    // A failed input is what the status tells first.
    let missing = dir.path().join("missing.txt");
    let run = extract(&[&nothing, &missing, &good]);
    run.expect(1, &[&show(&nothing), &show(&missing)], &good);
}

#[test]
fn an_unreadable_file_is_an_error_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("unreadable");
    let good = dir.write("good.txt", GOOD.as_bytes());
    let locked = dir.write("locked.txt", GOOD.as_bytes());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::File::open(&locked).is_ok() {
        common::skipped(&format!(
            "an_unreadable_file_is_an_error_naming_it: {} is still readable after chmod 000 \
             (running as root?)",
            show(&locked)
        ));
        return;
    }
    let run = extract(&[&locked, &good]);
    run.expect(
        1,
        &[&format!(
            "error: {}: cannot read: Permission denied",
            show(&locked)
        )],
        &good,
    );
}

#[test]
fn symbolic_link_loops_and_dangling_links_are_errors_naming_them() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("links");
    let good = dir.write("good.txt", GOOD.as_bytes());
    let looping = dir.path().join("loop.txt");
    symlink(&looping, &looping).expect("symlink");
    let dangling = dir.path().join("gone.txt");
    symlink(dir.path().join("nowhere.txt"), &dangling).expect("symlink");
    // Given by name.
    let run = extract(&[&looping, &dangling, &good]);
    run.expect(
        1,
        &[
            &format!("error: {}: cannot read: symbolic link to", show(&looping)),
            &format!(
                "error: {}: cannot read: dangling symbolic link",
                show(&dangling)
            ),
        ],
        &good,
    );
    // Met while walking, with a link back up the tree that is not followed.
    let up = dir.path().join("sub/up");
    dir.write("sub/.keep", b"");
    symlink("..", &up).expect("symlink");
    let run = extract(&[dir.path()]);
    run.expect(
        1,
        &[
            &format!("error: {}: cannot read: symbolic link to", show(&looping)),
            &format!(
                "error: {}: cannot read: dangling symbolic link",
                show(&dangling)
            ),
            &format!("error: {}: cannot read: symbolic link loop", show(&up)),
        ],
        &good,
    );
    assert_eq!(run.of_doc(&good).len(), extract(&[&good]).records.len());
    assert!(
        run.records
            .iter()
            .all(|r| !r["doc"].as_str().unwrap_or_default().contains("/up/")),
        "the loop is not followed"
    );
}

/// Runs `extract` on `paths`; fails if it does not end within a minute.
fn extract_within_a_minute(paths: &[&Path]) -> Run {
    let mut cmd = bluebook(&["extract"]);
    cmd.args(paths)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().ok();
            panic!("bluebook blocked on {paths:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Run::of(child.wait_with_output().expect("output"))
}

#[test]
fn a_fifo_or_a_device_is_refused_without_blocking() {
    let dir = TempDir::new("fifo");
    let good = dir.write("good.txt", GOOD.as_bytes());
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let device = PathBuf::from("/dev/null");
    let mut said = vec![format!(
        "error: {}: not a regular file (a character device)",
        show(&device)
    )];
    let mut paths = vec![device.as_path()];
    if made {
        said.push(format!(
            "error: {}: not a regular file (a FIFO)",
            show(&fifo)
        ));
        paths.push(&fifo);
    } else {
        common::skipped("a_fifo_or_a_device_is_refused_without_blocking: the FIFO (no mkfifo)");
    }
    paths.push(&good);
    let said: Vec<&str> = said.iter().map(String::as_str).collect();
    extract_within_a_minute(&paths).expect(1, &said, &good);
    if made {
        // Met while walking a directory, too.
        extract_within_a_minute(&[dir.path()]).expect(1, &said[1..], &good);
    }
}

#[test]
fn a_file_that_vanishes_between_listing_and_reading_is_an_error_naming_it() {
    let dir = TempDir::new("vanish");
    let good = dir.write("good.txt", GOOD.as_bytes());
    let vanishing = dir.write("vanishing.txt", GOOD.as_bytes());
    // One thread reads the inputs in order: standard input first, which waits until the
    // file has been removed.
    let mut cmd = bluebook(&["extract", "-j", "1", "-"]);
    cmd.arg(&vanishing)
        .arg(&good)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    // The paths are listed before anything is read: once it reads standard input, they
    // have been listed.
    wait_until_reading_stdin(child.id());
    std::fs::remove_file(&vanishing).expect("remove");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(GOOD.as_bytes()).expect("write");
    }
    let run = Run::of(child.wait_with_output().expect("output"));
    run.expect(
        1,
        &[&format!(
            "error: {}: cannot read: No such file or directory (os error 2); it was there \
             when the inputs were listed",
            show(&vanishing)
        )],
        &good,
    );
    assert!(run.of_doc(Path::new("-")).len() >= 2, "stdin was read");
}

/// Waits until a thread of process `pid` is blocked reading standard input (Linux's
/// `/proc/PID/task/*/syscall` reads `0 0x0 ...`: `read` on descriptor 0); elsewhere,
/// waits a few seconds.
fn wait_until_reading_stdin(pid: u32) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
            std::thread::sleep(Duration::from_secs(5));
            return;
        };
        let reading = tasks.filter_map(Result::ok).any(|t| {
            std::fs::read_to_string(t.path().join("syscall")).is_ok_and(|s| s.starts_with("0 0x0 "))
        });
        if reading {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("bluebook never read standard input");
}

/// One line of about `len` bytes: `sentence` again and again, no line end.
fn long_line(sentence: &str, len: usize) -> String {
    sentence.repeat(len / sentence.len())
}

#[test]
fn extremely_long_lines_and_control_character_noise_give_valid_records() {
    let dir = TempDir::new("noise");
    let good = dir.write("good.txt", GOOD.as_bytes());
    // A line of 1 MB: countries, organizations and dates, one endless sentence.
    let long = long_line(
        "The delegation of Viet Nam met officials of Japan and the ASEAN Secretariat in \
         Tokyo and Hanoi on 4 December 2020, discussing cooperation; ",
        1_000_000,
    );
    let long_path = dir.write("long.txt", long.as_bytes());
    // Control characters (no NUL) strewn through text, a form feed on every page.
    let mut noise = Vec::new();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for (i, b) in GOOD.repeat(200).bytes().enumerate() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        if seed % 5 == 0 {
            noise.push(1 + (seed >> 8) as u8 % 31);
        }
        if i % 500 == 0 {
            noise.push(0x0C);
        }
        noise.push(b);
    }
    let noise_path = dir.write("noise.txt", &noise);
    let run = extract(&[&long_path, &noise_path, &good]);
    run.expect(0, &[], &good);
    let long_records = run.of_doc(&long_path);
    assert!(long_records.len() > 10_000, "{}", long_records.len());
    assert_spans(&long_records, long.as_bytes());
    let noise_records = run.of_doc(&noise_path);
    assert!(!noise_records.is_empty());
    assert_spans(&noise_records, &noise);
}

#[test]
fn the_views_go_on_past_bad_inputs_too() {
    let dir = TempDir::new("views");
    let good = dir.write("good.txt", GOOD.as_bytes());
    let bad = dir.write("scan.txt", b"abc\0def");
    for view in [
        &["sections"][..],
        &["people"],
        &["timeline"],
        &["review"],
        &["table", "events"],
    ] {
        let mut cmd = bluebook(view);
        cmd.arg(&bad).arg(&good);
        let out = cmd.output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{view:?}: {stderr}");
        assert!(
            stderr.contains(&format!("error: {}: binary file", show(&bad))),
            "{view:?}: {stderr}"
        );
        assert!(!out.stdout.is_empty(), "{view:?}: the good file is shown");
    }
}
