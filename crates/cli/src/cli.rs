//! The command line of `marginalia`: one [`Cli`] with a subcommand each (as zola's
//! `src/cli.rs`), parsed by clap. `main` parses it and calls the subcommand's `run` in
//! [`crate::cmd`]; [`EXIT_STATUS`] is the one set of exit statuses they share, shown under
//! `--help`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// The exit statuses, shown after every help text (`crate::cmd::Status`).
pub const EXIT_STATUS: &str = "\
Exit status:
  0  done: every article is fine, what was asked for is written
  1  content errors (each as file:line:column: message, with a hint); or a folder that `new`
     finds taken, or that `new` or `generate` cannot write
  2  bad usage: a wrong argument, a folder that is not there or holds no article, no viewer
     build, a bad MARGINALIA_SITE_URL, an output folder `build` cannot write, or a port
     `serve` cannot listen on (`serve` runs until stopped)";

/// marginalia: articles with cross-linked panels for their actors, timeline, quotes and
/// relations, built into a static site.
#[derive(Parser, Debug)]
#[command(name = "marginalia", version, after_help = EXIT_STATUS)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Write a new article's skeleton (five small files that pass the checker)
    #[command(
        long_about = "Write a new article's skeleton: <CONTENT>/<SLUG>/ with the five files of a \
small article that passes the checker; replace its text and annotations with yours \
(docs/authoring.md). An existing folder is never written over.",
        after_help = EXIT_STATUS
    )]
    New {
        /// The article's address: lowercase letters, digits and hyphens (not first or last, not
        /// two in a row), such as harbour-lights-2025
        #[arg(allow_hyphen_values = true)]
        slug: String,
        /// The folder of articles to write it in
        #[arg(long, value_name = "DIR", default_value = "content")]
        content: PathBuf,
    },
    /// Check articles and print every error with its file, line, column and a hint
    #[command(
        long_about = "Check articles (meta.toml, article.md, actors.toml, events.toml, \
quotes.toml) and print every error with its file, line, column and a hint, or \
`ok: <n> actors, <n> events, <n> quotes` for an article without errors. A folder that holds \
none of an article's files is a folder of articles: each article in it is checked.",
        after_help = EXIT_STATUS
    )]
    Check {
        /// Article folders, or folders of articles
        #[arg(value_name = "PATH", default_value = "content")]
        paths: Vec<PathBuf>,
    },
    /// Build the site: every article's page, data and single file, and the contents page
    #[command(
        long_about = "Build the site: the viewer's shared files, every article's page, data \
and single file, the contents page, and with MARGINALIA_SITE_URL (an absolute http(s) address) \
canonical links, sitemap.xml and feed.atom. Every article is checked first; on any content \
error nothing is written, so the last good site stays.",
        after_help = EXIT_STATUS
    )]
    Build {
        /// The viewer's build (`make viewer` writes it to target/viewer) [default: the viewer
        /// inside this marginalia, if it was built with one: `make binary`]
        #[arg(long, value_name = "DIR")]
        viewer: Option<PathBuf>,
        /// The folder of articles
        #[arg(default_value = "content")]
        content: PathBuf,
        /// Where to write the site
        #[arg(default_value = "dist")]
        out: PathBuf,
        /// A folder of example articles, built under examples/articles/ and listed nowhere
        #[arg(long, value_name = "DIR")]
        examples: Option<PathBuf>,
        /// Preview drafts: build unconfirmed suggestions of `draft` too, shown as suggestions
        /// (what `make dev` does), instead of refusing them. Never for publishing.
        #[arg(long)]
        drafts: bool,
        /// Leave out each article's single file (`<slug>/<slug>.html`, the page that works
        /// from disk: it carries its own copy of the viewer, about 640 KB). For large sites.
        #[arg(long)]
        no_single_files: bool,
    },
    /// Serve the site on 127.0.0.1; with --watch, build it and rebuild it on every save
    #[command(
        long_about = "Serve the site on 127.0.0.1 (and nowhere else) and print its address. \
With --watch, build it first (as `build` does, from --viewer, --content and --examples into \
--out), then rebuild it on every save in the content folders and reload the open pages; a \
content error is shown in the page, as text, over the last good build, which stays served. \
Only a page of this machine is answered: a request whose Host is not 127.x.y.z, localhost or \
[::1] gets 421; no file outside the folder, and no dotfile, is served; no CORS header is sent.",
        after_help = EXIT_STATUS
    )]
    Serve {
        /// The site to serve (with --watch: where it is built)
        #[arg(long, value_name = "DIR", default_value = "dist")]
        out: PathBuf,
        /// The port on 127.0.0.1; 0 picks a free one (the address is printed)
        #[arg(long, value_name = "N", default_value_t = 8080)]
        port: u16,
        /// Serve the site under this path, as a host that puts it in a sub-folder
        #[arg(long, value_name = "PATH", default_value = "/", value_parser = base_path)]
        base: String,
        /// Add a header to every file, such as 'Content-Security-Policy: default-src self'
        /// (repeatable)
        #[arg(long = "header", value_name = "NAME: VALUE", value_parser = header)]
        headers: Vec<(String, String)>,
        /// Compress text, JSON, SVG and wasm when the browser accepts gzip, as a static host
        /// would
        #[arg(long)]
        gzip: bool,
        /// Build the site, rebuild it on every save under --content (and --examples), and
        /// reload the open pages
        #[arg(long)]
        watch: bool,
        /// With --watch: the viewer's build (`make viewer` writes it to target/viewer)
        /// [default: the viewer inside this marginalia, if it was built with one]
        #[arg(long, value_name = "DIR", requires = "watch")]
        viewer: Option<PathBuf>,
        /// With --watch: the folder of articles
        #[arg(
            long,
            value_name = "DIR",
            default_value = "content",
            requires = "watch"
        )]
        content: PathBuf,
        /// With --watch: a folder of example articles, built under examples/articles/
        #[arg(long, value_name = "DIR", requires = "watch")]
        examples: Option<PathBuf>,
        /// With --watch: preview drafts (unconfirmed suggestions shown as suggestions)
        #[arg(long, requires = "watch")]
        drafts: bool,
    },
    /// Draft an article's marks, actors, quotes and dated events from its text, as suggestions
    #[command(
        long_about = "Draft an article's annotations from its text: the folder holds article.md \
as pasted and meta.toml (its [source] date anchors \"on Wednesday\"). Writes a mark on every \
mention, and actors.toml, events.toml and quotes.toml with every entry a suggestion \
(status = \"suggested\", a confidence, the pattern behind it) that the build refuses until \
the writer confirms it. Drafting again keeps what the writer confirmed, edited or deleted \
(draft.toml remembers what was suggested). With --compare, drafts a hand-annotated article \
from its text alone and prints precision and recall against its annotations.",
        after_help = EXIT_STATUS
    )]
    Draft {
        /// The article folder
        #[arg(value_name = "ARTICLE")]
        folder: PathBuf,
        /// Score the drafter against this annotated article instead of writing anything
        #[arg(long)]
        compare: bool,
    },
    /// Write a synthetic article N times the seed's length, for tests of size
    #[command(after_help = EXIT_STATUS)]
    Generate {
        /// How many copies of the seed
        #[arg(long, value_name = "N", default_value_t = 100, value_parser = at_least_one)]
        times: usize,
        /// Where to write it [default: target/synthetic-N]
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// The article to copy
        #[arg(long, value_name = "DIR", default_value = "content/putin-kim-pact")]
        seed: PathBuf,
    },
}

/// `--base`: a path that starts and ends with `/`, with no query, fragment or control
/// character.
fn base_path(value: &str) -> Result<String, String> {
    let fine = value.starts_with('/')
        && value.ends_with('/')
        && !value.contains(['?', '#', '\\'])
        && !value.chars().any(char::is_control);
    if fine {
        Ok(value.to_string())
    } else {
        Err("a path that starts and ends with /, such as /sub/path/".to_string())
    }
}

/// `--header`: `Name: value`, the name an HTTP token, the value printable ASCII. Headers that
/// frame the response (its length, encoding, connection) cannot be set.
fn header(value: &str) -> Result<(String, String), String> {
    let usage = || {
        "a header as 'Name: value', such as 'Content-Security-Policy: default-src \'self\''"
            .to_string()
    };
    let (name, value) = value.split_once(':').ok_or_else(usage)?;
    let (name, value) = (name.trim(), value.trim());
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty()
        || !name.chars().all(token)
        || !value.chars().all(|c| c == ' ' || c.is_ascii_graphic())
    {
        return Err(usage());
    }
    let framing = [
        "content-length",
        "transfer-encoding",
        "connection",
        "content-encoding",
    ];
    if framing.contains(&name.to_ascii_lowercase().as_str()) {
        return Err(format!("{name} is the server's to set"));
    }
    Ok((name.to_string(), value.to_string()))
}

fn at_least_one(value: &str) -> Result<usize, String> {
    match value.parse() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("needs a whole number of at least 1".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// As mdBook's `verify_app`: clap checks the definition itself (no two arguments of one
    /// name, defaults that parse, …).
    #[test]
    fn verify_app() {
        Cli::command().debug_assert();
    }

    #[test]
    fn help_lists_the_subcommands_and_the_exit_statuses() {
        let help = Cli::command().render_long_help().to_string();
        for name in ["new", "check", "build", "serve", "draft", "generate"] {
            assert!(
                help.lines()
                    .any(|l| l.trim_start().starts_with(&format!("{name} "))),
                "{name}: {help}"
            );
        }
        for status in ["  0  done", "  1  content errors", "  2  bad usage"] {
            assert!(help.contains(status), "{status}: {help}");
        }
    }

    #[test]
    fn check_defaults_to_content_and_takes_several_folders() {
        let parse = |args: &[&str]| match Cli::try_parse_from(args).unwrap().command {
            Command::Check { paths } => paths,
            other => panic!("{other:?}"),
        };
        assert_eq!(parse(&["marginalia", "check"]), [PathBuf::from("content")]);
        assert_eq!(
            parse(&["marginalia", "check", "a", "b"]),
            [PathBuf::from("a"), PathBuf::from("b")]
        );
    }

    #[test]
    fn usage_errors_exit_with_two() {
        for args in [
            &["marginalia"][..],
            &["marginalia", "publish"],
            &["marginalia", "new"],
            &["marginalia", "new", "a", "b"],
            &["marginalia", "build", "content", "dist", "more"],
            &["marginalia", "build", "--viewer"],
            &["marginalia", "generate", "--times", "0"],
            &["marginalia", "generate", "--times", "many"],
            &["marginalia", "serve", "--port", "65536"],
            &["marginalia", "serve", "--drafts"],
            &["marginalia", "serve", "--content", "c"],
            &["marginalia", "serve", "--base", "sub"],
            &["marginalia", "serve", "--base", "/sub"],
            &["marginalia", "serve", "--header", "no colon"],
            &["marginalia", "serve", "--header", "Bad Name: x"],
            &["marginalia", "serve", "--header", "Content-Length: 1"],
        ] {
            let error = Cli::try_parse_from(args).expect_err("a usage error");
            assert_eq!(error.exit_code(), 2, "{args:?}");
        }
    }

    #[test]
    fn serve_defaults_to_dist_on_8080_and_takes_its_options() {
        let parse = |args: &[&str]| match Cli::try_parse_from(args).unwrap().command {
            command @ Command::Serve { .. } => command,
            other => panic!("{other:?}"),
        };
        let Command::Serve {
            out,
            port,
            base,
            headers,
            watch,
            ..
        } = parse(&["marginalia", "serve"])
        else {
            unreachable!()
        };
        assert_eq!(
            (out, port, base.as_str()),
            (PathBuf::from("dist"), 8080, "/")
        );
        assert!(headers.is_empty() && !watch);
        let Command::Serve {
            port,
            headers,
            watch,
            drafts,
            examples,
            ..
        } = parse(&[
            "marginalia",
            "serve",
            "--port",
            "0",
            "--header",
            "Content-Security-Policy: default-src 'self'",
            "--header",
            "X-A:b",
            "--watch",
            "--drafts",
            "--examples",
            "examples/articles",
        ])
        else {
            unreachable!()
        };
        assert_eq!(port, 0);
        assert_eq!(
            headers,
            [
                (
                    "Content-Security-Policy".into(),
                    "default-src 'self'".into()
                ),
                ("X-A".into(), "b".into())
            ]
        );
        assert!(watch && drafts);
        assert_eq!(examples, Some(PathBuf::from("examples/articles")));
    }

    #[test]
    fn a_slug_may_start_with_a_hyphen_so_that_new_refuses_it_itself() {
        let Command::New { slug, content } = Cli::try_parse_from(["marginalia", "new", "-x"])
            .unwrap()
            .command
        else {
            panic!("not new")
        };
        assert_eq!((slug.as_str(), content), ("-x", PathBuf::from("content")));
        let Command::New { slug, content } =
            Cli::try_parse_from(["marginalia", "new", "--content", "drafts", "story"])
                .unwrap()
                .command
        else {
            panic!("not new")
        };
        assert_eq!((slug.as_str(), content), ("story", PathBuf::from("drafts")));
    }
}
