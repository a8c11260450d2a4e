//! `marginalia`: the one native command (see [`marginalia_cli::cli`] for its subcommands and
//! exit statuses). It parses the command line and hands it to the subcommand; a usage error is
//! clap's, with exit status 2.

use clap::Parser;
use marginalia_cli::cli::{Cli, Command};
use marginalia_cli::cmd;
use std::process::ExitCode;

/// mimalloc, not the system's allocator: a build of a large site makes and drops millions of
/// small strings on two threads (each article's actors, quotes, events), where glibc's
/// per-thread arenas spent a third of a rebuild growing and faulting in their heaps. Built
/// without transparent huge pages (crates/cli/Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let status = match Cli::parse().command {
        Command::New { slug, content } => cmd::new::run(&slug, &content),
        Command::Check { paths } => cmd::check::run(&paths),
        Command::Build {
            viewer,
            content,
            out,
            examples,
            drafts,
            no_single_files,
        } => {
            let drafts = if drafts {
                marginalia_content::Drafts::Preview
            } else {
                marginalia_content::Drafts::Refuse
            };
            cmd::build::run(
                viewer.as_deref(),
                &content,
                &out,
                examples.as_deref(),
                drafts,
                !no_single_files,
            )
        }
        Command::Serve {
            out,
            port,
            base,
            headers,
            gzip,
            watch,
            viewer,
            content,
            examples,
            drafts,
        } => {
            let site = watch.then(|| cmd::serve::Site {
                viewer,
                content,
                out: out.clone(),
                examples,
                drafts: if drafts {
                    marginalia_content::Drafts::Preview
                } else {
                    marginalia_content::Drafts::Refuse
                },
            });
            cmd::serve::run(cmd::serve::Options {
                out,
                port,
                base,
                headers,
                gzip,
                watch: site,
            })
        }
        Command::Draft { folder, compare } => cmd::draft::run(&folder, compare),
        Command::Generate { times, out, seed } => cmd::generate::run(times, out.as_deref(), &seed),
    };
    status.into()
}
