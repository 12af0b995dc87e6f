//! Writes `docs/rules.md` and the README's rule table from `data/rules.toml`.
//! `--check` only reports whether they are current (exit 1 when stale).

use cpoms_check::docs::{readme_with_rules, rules_markdown};
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let root = env!("CARGO_MANIFEST_DIR");
    let rules_path = format!("{root}/docs/rules.md");
    let readme_path = format!("{root}/README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap_or_default();
    let Some(new_readme) = readme_with_rules(&readme) else {
        eprintln!("gen-docs: README.md has no rules:start / rules:end markers");
        return ExitCode::from(2);
    };
    let new_rules = rules_markdown();
    let stale = std::fs::read_to_string(&rules_path).ok().as_deref() != Some(new_rules.as_str())
        || readme != new_readme;
    if check {
        if stale {
            eprintln!("gen-docs: docs/rules.md or the README's rule table is stale: run `cargo run --bin gen-docs`");
            return ExitCode::from(1);
        }
        return ExitCode::SUCCESS;
    }
    std::fs::create_dir_all(format!("{root}/docs")).expect("create docs/");
    std::fs::write(&rules_path, new_rules).expect("write docs/rules.md");
    std::fs::write(&readme_path, new_readme).expect("write README.md");
    ExitCode::SUCCESS
}
