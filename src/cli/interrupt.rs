//! Interruption: SIGINT (Ctrl-C) and SIGTERM end the run at once, with status 130 or 143
//! (128 + the signal's number, as shells report it), and never leave a temporary output
//! file behind.
//!
//! A thread waits for the signals (signal-hook's iterator: the handler itself only
//! writes to a pipe, everything else runs on that thread, where removing a file and
//! exiting are safe). An output file is written as a [`Temporary`], registered here (a
//! Parquet output writes several at once); the lock that guards the registrations is
//! held while a temporary is created, renamed into place or removed, so a signal either
//! finds a temporary to remove or finds none left — never a half-renamed state. The
//! signal's thread keeps the lock from the removal until the process exits, so no
//! temporary can be created in between.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The temporary output files being written.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The registered temporaries, locked: a signal waits until the guard is dropped.
fn temporaries() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARIES.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A temporary file that becomes an output file whole, or is removed: when an
/// interruption comes, or when it is dropped (an error, a panic) before
/// [`persist`](Self::persist).
pub(super) struct Temporary {
    path: PathBuf,
}

impl Temporary {
    /// Creates the file at `path` and registers it.
    pub(super) fn create(path: PathBuf) -> std::io::Result<(Self, std::fs::File)> {
        let mut registered = temporaries();
        let file = std::fs::File::create(&path)?;
        registered.push(path.clone());
        Ok((Self { path }, file))
    }

    /// Creates and registers the temporary of the output file `dest`, beside it:
    /// `.NAME.PID.tmp`, so that renaming it into place stays on one file system.
    pub(super) fn beside(dest: &Path) -> std::io::Result<(Self, std::fs::File)> {
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Self::create(dest.with_file_name(format!(".{name}.{}.tmp", std::process::id())))
    }

    /// Renames the file to `dest`: it is the output now, and no longer removed.
    pub(super) fn persist(self, dest: &Path) -> std::io::Result<()> {
        let mut registered = temporaries();
        std::fs::rename(&self.path, dest)?;
        registered.retain(|p| *p != self.path);
        Ok(())
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        let mut registered = temporaries();
        if let Some(at) = registered.iter().position(|p| *p == self.path) {
            let _ = std::fs::remove_file(&self.path);
            registered.remove(at);
        }
    }
}

/// Removes every registered temporary and returns the registrations still locked. The
/// signal's thread exits holding them: a temporary created after the removal (a
/// Parquet run opens its files one by one) would otherwise be left behind.
fn remove_all() -> MutexGuard<'static, Vec<PathBuf>> {
    let registered = temporaries();
    for tmp in registered.iter() {
        let _ = std::fs::remove_file(tmp);
    }
    registered
}

/// Starts the thread that answers SIGINT and SIGTERM. Without it (if the handlers cannot
/// Where an output file goes: a special file (a pipe, a device) written in place, or
/// a temporary beside a regular destination, renamed into place at the end.
pub(super) enum Destination {
    /// A special file, opened for writing.
    Special(std::fs::File),
    /// A temporary file and its handle.
    Temporary(Temporary, std::fs::File),
}

impl Destination {
    /// Opens `dest` for an output written whole or not at all; a directory is an
    /// error naming it.
    pub(super) fn open(dest: &Path) -> anyhow::Result<Destination> {
        use anyhow::Context;
        if dest.is_dir() {
            anyhow::bail!("{}: cannot write: it is a directory", dest.display());
        }
        if std::fs::metadata(dest).is_ok_and(|m| !m.is_file()) {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(dest)
                .with_context(|| format!("{}: cannot write", dest.display()))?;
            return Ok(Destination::Special(file));
        }
        let (tmp, file) =
            Temporary::beside(dest).with_context(|| format!("{}: cannot write", dest.display()))?;
        Ok(Destination::Temporary(tmp, file))
    }
}

/// be installed) the signals keep their default action.
#[cfg(unix)]
pub(super) fn install() -> std::io::Result<()> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])?;
    std::thread::Builder::new()
        .name("signals".to_string())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let name = if signal == SIGINT {
                    "SIGINT"
                } else {
                    "SIGTERM"
                };
                let _held = remove_all();
                eprintln!("\nbluebook: interrupted by {name}");
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Signals keep their default action where signal-hook's iterator is not available.
#[cfg(not(unix))]
pub(super) fn install() -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Once the temporaries are removed, none can be created until the process is
    /// gone: creating one waits on the registrations the removal keeps locked. (The
    /// registrations are the process's: no other test of this binary registers one.)
    #[test]
    fn no_temporary_is_created_after_the_removal() {
        let dir = std::env::temp_dir().join(format!("bluebook-remove-all-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let (first, _file) = Temporary::create(dir.join("first.tmp")).expect("first");
        let held = remove_all();
        assert!(
            !dir.join("first.tmp").exists(),
            "a registered temporary is removed"
        );
        let later = dir.join("later.tmp");
        let creating = {
            let later = later.clone();
            std::thread::spawn(move || Temporary::create(later).map(|(t, _)| t))
        };
        std::thread::sleep(Duration::from_millis(200));
        assert!(!later.exists(), "a temporary was created after the removal");
        // Let go (the process does not exit here) and let the waiting creation end.
        drop(held);
        let later_tmp = creating
            .join()
            .expect("thread")
            .expect("created once let go");
        assert!(later.exists());
        drop(later_tmp);
        drop(first);
        assert!(!later.exists(), "a dropped temporary is removed");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
