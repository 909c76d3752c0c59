//! The `bluebook` command: parses the command line and calls the library.

mod cli;

/// jemalloc: a run makes many small strings and vectors, which it allocates and frees
/// in fewer instructions than the system allocator, at the same peak memory.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read as it starts: pages freed are kept for the next document
/// instead of handed back to the system (`dirty_decay_ms:-1,muzzy_decay_ms:-1`). A
/// large document's text, view and maps are allocated anew for the next one; handed
/// back, their pages were faulted in again for each (four 25 MB documents: 104,000
/// page faults and 0.20 s of system time; kept, 39,000 and 0.08 s, at the same peak
/// of 158 MB). The process stays at its peak memory until it exits.
#[cfg(not(target_env = "msvc"))]
// SAFETY: jemalloc's configuration string, named and typed as `tikv-jemalloc-sys`
// declares it (`Option<&'static c_char>`, a NUL-terminated string that lives forever).
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: Option<&std::ffi::c_char> =
    // SAFETY: the pointer of a C string literal, valid for the program's life.
    Some(unsafe { &*c"dirty_decay_ms:-1,muzzy_decay_ms:-1".as_ptr() });

fn main() -> std::process::ExitCode {
    cli::main()
}
