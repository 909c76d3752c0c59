//! The `bluebook` command: parses the command line and calls the library.

mod cli;

/// jemalloc: a run makes many small strings and vectors, which it allocates and frees
/// in fewer instructions than the system allocator, at the same peak memory.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
