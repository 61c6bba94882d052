//! The `hashpivot` binary: parse arguments, run, print the error chain once, choose the exit code.
//! Exit codes: 0 success, 1 failure (or some sources failed), 2 usage or configuration error.

use clap::Parser;
use hashpivot::UsageError;
use hashpivot::cmd::{Cli, run};

fn main() {
    hashpivot::tune_allocator();
    let cli = Cli::parse();
    let code = match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // `hashpivot ... | head` closes the pipe early: that is a normal end, not an error.
            // (serde_json reports a failed write as its own error, carrying the io error's kind)
            let broken_pipe = |c: &(dyn std::error::Error + 'static)| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                    || c.downcast_ref::<serde_json::Error>()
                        .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
            };
            if e.chain().any(broken_pipe) {
                std::process::exit(0);
            }
            eprintln!("hashpivot: {}", hashpivot::error_chain(&e));
            if e.chain().any(|c| c.is::<UsageError>()) {
                2
            } else {
                1
            }
        }
    };
    std::process::exit(code);
}
