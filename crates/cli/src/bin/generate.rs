//! A synthetic article N times the seed's length, for testing large input:
//!
//! ```sh
//! cargo run --release --bin generate -- --times 100 --out target/synthetic-100
//! cargo run --release --bin check -- target/synthetic-100
//! cargo run --release -p marginalia-cli --bin site -- target/viewer target/synthetic-100-site dist-100  # (folder holding the article)
//! ```
//!
//! Options: `--times N` (default 100), `--out DIR` (default `target/synthetic-N`), `--seed DIR`
//! (default `content/putin-kim-pact`). The article is built by
//! `marginalia_content::synthetic` and checked before it is written; it fails the size
//! limits of `marginalia_content::limits` when N is large (1000 does), which is reported,
//! and the files are written anyway so that the error can be seen with the checker.
//! Native only: on wasm32 this compiles to an empty stub.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use marginalia_content::{build_article, report, synthetic, Sources};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::time::Instant;

    let mut times = 100usize;
    let mut out: Option<PathBuf> = None;
    let mut seed = PathBuf::from("content/putin-kim-pact");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next().unwrap_or_else(|| {
                eprintln!("error: {name} needs a value");
                std::process::exit(2)
            })
        };
        match arg.as_str() {
            "--times" => match value("--times").parse() {
                Ok(n) if n >= 1 => times = n,
                _ => {
                    eprintln!("error: --times needs a whole number of at least 1");
                    return ExitCode::from(2);
                }
            },
            "--out" => out = Some(PathBuf::from(value("--out"))),
            "--seed" => seed = PathBuf::from(value("--seed")),
            _ => {
                eprintln!("usage: generate [--times N] [--out DIR] [--seed DIR]");
                return ExitCode::from(2);
            }
        }
    }
    let out = out.unwrap_or_else(|| PathBuf::from(format!("target/synthetic-{times}")));
    let sources = match Sources::read_dir(&seed) {
        Ok(s) => s,
        Err(errors) => {
            eprintln!("{}", report(&errors));
            return ExitCode::from(1);
        }
    };
    let synthetic = match synthetic::synthesize(&sources, times) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return ExitCode::from(1);
    }
    for file in [
        &synthetic.meta,
        &synthetic.article,
        &synthetic.actors,
        &synthetic.events,
        &synthetic.quotes,
    ] {
        let path = out.join(Path::new(&file.name));
        if let Err(e) = std::fs::write(&path, &file.text) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
    }
    let bytes = synthetic.article.text.len();
    println!(
        "wrote {} ({times} × {}): article.md {bytes} bytes",
        out.display(),
        seed.display()
    );
    let started = Instant::now();
    match build_article(&synthetic) {
        Ok(a) => {
            let elapsed = started.elapsed();
            let data = marginalia_model::data::encode("synthetic", &a).len();
            println!(
                "checked in {elapsed:.2?}: {} actors, {} events, {} quotes, {} paragraphs, {} words; {data} bytes of article data",
                a.actors.len(),
                a.events.len(),
                a.quotes.len(),
                a.blocks.len(),
                a.meta.word_count
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            let first: Vec<_> = errors.iter().take(5).cloned().collect();
            eprintln!("{}", report(&first));
            eprintln!(
                "the synthetic article does not pass the checks ({} error(s); first ones above)",
                errors.len()
            );
            ExitCode::from(1)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
