//! # cpoms-check
//!
//! Checks one CPOMS safeguarding entry against a school's recording guidance
//! (`shared/guidance/cpoms-report-guidance.txt`) and says, criterion by criterion, what
//! a careful Designated Safeguarding Lead would point out: the entry's timeliness, its
//! date and time, categories, tagged children, language, the child's own words,
//! evidence for interpretations, names and roles, proof-reading, documents, the
//! safeguarding loop, and who/what/where/when/why.
//!
//! The engine is plain Rust with no browser or clock dependency, so the same code runs
//! natively (the `cpoms-check` command), in Node, and in the browser extension (WASM).
//!
//! ```
//! use cpoms_check::{check, Entry, Policy, LocalDateTime};
//! let entry = Entry::from_input(r#"{"text": "Last week Derek was kicking off!", "incident_at": "2023-12-12T19:24"}"#).unwrap();
//! let now = LocalDateTime::parse("2023-12-12T19:30").unwrap();
//! let verdict = check(&entry, &Policy::default(), now);
//! assert_eq!(verdict.status("language"), Some(cpoms_check::Status::NotMet));
//! ```
//!
//! Rules are data: `data/*.toml` hold the word lists, the rule table (ids, messages,
//! the guidance line each serves, tested examples). A school's settings (`Policy`)
//! change thresholds, lists and which rules run. See `DESIGN.md`.

pub mod css;
pub mod data;
pub mod datetime;
#[cfg(not(target_arch = "wasm32"))]
pub mod docs;
pub mod entry;
pub mod hash;
pub mod names;
pub mod order;
pub mod policy;
/// The examples of docs/rollout.md (native only: the docs generator and its tests use them).
#[cfg(not(target_arch = "wasm32"))]
pub mod rollout;
pub mod rules;
pub mod shown;
pub mod spell;
pub mod text;
pub mod unread;
pub mod verdict;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use datetime::LocalDateTime;
pub use entry::{Entry, InputError, InputKind};
pub use policy::{Policy, PolicyError};
pub use verdict::{ChecklistRow, Finding, Severity, Status, Verdict, CRITERIA};

/// The engine's version, as reported by `cpoms-check --version` and the WASM `version()`.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Checks an entry. `now` is the time of recording when the entry has no `recorded_at`.
/// Never panics on any text.
pub fn check(entry: &Entry, policy: &Policy, now: LocalDateTime) -> Verdict {
    let now = entry.recorded_at.unwrap_or(now);
    rules::run(entry, policy, now)
}
