//! The `sysctl-lint` binary: parse arguments, run the command, set the exit code.

mod cli;

use std::process::ExitCode;

/// glibc raises its mmap threshold each time a big block is freed, and then keeps
/// later big blocks in its heaps after they are freed too: the rules' tables on a
/// million-line file would add up (about 15 MiB more at the peak). A fixed
/// threshold returns every block of 128 KiB or more to the system when it is freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    // SAFETY: mallopt only sets an allocator parameter; called before any thread
    // exists. A failure (0) leaves the default, which is only less frugal.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}

fn main() -> ExitCode {
    tune_allocator();
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(cli::EXIT_ERROR)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    cli::run(cli)
}
