//! The subcommands of `marginalia`, one module each: [`new`], [`check`], [`build`],
//! [`serve`], [`draft`] (with [`compare`]) and [`generate`]. Each `run` takes its parsed arguments (see [`crate::cli`]), prints its
//! progress and errors, and returns one of the [`Status`]es every subcommand shares.

pub mod build;
pub mod check;
pub mod compare;
pub mod draft;
pub mod generate;
pub mod new;
pub mod serve;

use std::process::ExitCode;

/// How a subcommand ended: the exit statuses listed in `marginalia --help`
/// ([`crate::cli::EXIT_STATUS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// 0: done; every article is fine and what was asked for is written.
    Fine,
    /// 1: content errors (or `new` and `generate`: a folder they cannot write).
    Failed,
    /// 2: bad usage: a wrong argument, a folder that is not there, no viewer build (or
    /// `build`: an output folder it cannot write). clap's own usage errors exit 2 too.
    Usage,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(match status {
            Status::Fine => 0,
            Status::Failed => 1,
            Status::Usage => 2,
        })
    }
}
