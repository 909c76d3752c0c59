//! The `bluebook` command: parses the command line and calls the library.

mod cli;

/// jemalloc: a run makes many small strings and vectors, which it allocates and frees
/// in fewer instructions than the system allocator, at the same peak memory.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read as it starts: [`bluebook::batch::JEMALLOC_OPTIONS`].
#[cfg(not(target_env = "msvc"))]
// SAFETY: jemalloc's configuration string, named and typed as `tikv-jemalloc-sys`
// declares it (`Option<&'static c_char>`, a NUL-terminated string that lives forever).
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: Option<&std::ffi::c_char> =
    // SAFETY: the pointer of a `'static` C string, valid for the program's life.
    Some(unsafe { &*bluebook::batch::JEMALLOC_OPTIONS.as_ptr() });

fn main() -> std::process::ExitCode {
    cli::main()
}
