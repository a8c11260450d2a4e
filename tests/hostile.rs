#![cfg(not(target_arch = "wasm32"))]
use marginalia::content::markdown::parse_markdown;
use marginalia::model::text::blocks_text;
use std::time::Instant;

fn run(name: &str, s: &str) {
    let t = Instant::now();
    let p = parse_markdown(s);
    let t1 = t.elapsed();
    let txt = blocks_text(&p.blocks);
    eprintln!(
        "{name}: parse {t1:?} total {:?} blocks {} text {}",
        t.elapsed(),
        p.blocks.len(),
        txt.len()
    );
}

#[test]
fn scratch() {
    let n = 10_000;
    run("bq", &format!("{}x", ">".repeat(n)));
    run(
        "list",
        &(0..n)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect::<String>(),
    );
    run("list2", &format!("{}x", "- ".repeat(n)));
    run("em", &format!("{}x{}", "*".repeat(n), "*".repeat(n)));
    run("em2", &format!("{}x{}", "*a ".repeat(n), " a*".repeat(n)));
    run("links", &format!("{}x{}", "[".repeat(n), "](#)".repeat(n)));
    run("img", &format!("{}x{}", "![".repeat(n), "](#)".repeat(n)));
    run("brackets", &"[".repeat(1_000_000));
    run("stars", &"*".repeat(1_000_000));
    run("lt", &"<".repeat(1_000_000));
    run("backticks", &"`".repeat(1_000_000));
    run("underscore", &"_a".repeat(500_000));
}
