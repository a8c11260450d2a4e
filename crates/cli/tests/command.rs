//! `marginalia` itself: its help lists the subcommands and the exit statuses, a usage error
//! exits with 2, and `build` without a viewer build says how to make one.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::{Command, Output};

fn marginalia(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(args)
        .current_dir(common::workspace_root())
        .output()
        .expect("marginalia runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn help_lists_the_subcommands_and_the_exit_statuses() {
    let out = marginalia(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for line in [
        "Usage: marginalia <COMMAND>",
        "  new       ",
        "  check     ",
        "  build     ",
        "  serve     ",
        "  generate  ",
        "Exit status:",
        "  0  done",
        "  1  content errors",
        "  2  bad usage",
    ] {
        assert!(help.contains(line), "{line:?} in:\n{help}");
    }
}

#[test]
fn usage_errors_exit_with_two_and_say_so_on_stderr() {
    for args in [
        &[][..],
        &["publish"],
        &["build", "content", "dist", "more"],
        &["new"],
    ] {
        let out = marginalia(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&out.stdout), "", "{args:?}");
        assert!(text(&out.stderr).contains("Usage: marginalia"), "{args:?}");
    }
}

#[test]
fn build_without_a_viewer_build_says_how_to_make_one() {
    let out = marginalia(&[
        "build",
        "--viewer",
        "target/no-viewer",
        "content",
        "target/no-site",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("site: cannot read target/no-viewer/marginalia-viewer.js: ")
            && err.ends_with("(build the viewer first: `make viewer`)\n"),
        "{err}"
    );
    assert!(!common::workspace_root().join("target/no-site").exists());
}

/// Built without the viewer inside (`cargo test` does not turn the `embedded-viewer` feature
/// on), `build` without `--viewer` says where to find one.
#[cfg(not(feature = "embedded-viewer"))]
#[test]
fn build_without_a_viewer_inside_names_both_ways_to_one() {
    let out = marginalia(&["build", "content", "target/no-site"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("has no viewer inside")
            && err.contains("--viewer target/viewer")
            && err.contains("make binary"),
        "{err}"
    );
    assert!(!common::workspace_root().join("target/no-site").exists());
}
