//! Writes `docs/rules.md` and the README's rule table from `data/rules.toml`, and the
//! examples of `docs/rollout.md` from one sample of a school's settings (`src/rollout.rs`).
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
    let rollout_path = format!("{root}/docs/rollout.md");
    let rollout = std::fs::read_to_string(&rollout_path).unwrap_or_default();
    let new_rollout = match cpoms_check::rollout::fill(&rollout) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("gen-docs: {e}");
            return ExitCode::from(2);
        }
    };
    let stale = std::fs::read_to_string(&rules_path).ok().as_deref() != Some(new_rules.as_str())
        || readme != new_readme
        || rollout != new_rollout;
    if check {
        if stale {
            eprintln!("gen-docs: docs/rules.md, the README's rule table or docs/rollout.md's examples are stale: run `cargo run --bin gen-docs`");
            return ExitCode::from(1);
        }
        return ExitCode::SUCCESS;
    }
    std::fs::create_dir_all(format!("{root}/docs")).expect("create docs/");
    std::fs::write(&rules_path, new_rules).expect("write docs/rules.md");
    std::fs::write(&readme_path, new_readme).expect("write README.md");
    std::fs::write(&rollout_path, new_rollout).expect("write docs/rollout.md");
    ExitCode::SUCCESS
}
