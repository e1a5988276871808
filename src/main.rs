//! The `transcheck` binary: parse the command line, call the library, map the outcome to an
//! exit code (0 clean, 1 findings at or above `--fail-on`, 2 usage or input error).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("transcheck: error: {error:#}");
            ExitCode::from(cli::EXIT_ERROR)
        }
    }
}
