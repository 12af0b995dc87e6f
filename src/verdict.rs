//! The verdict: one checklist row per criterion and the findings behind them.

use serde::Serialize;

/// The twelve criteria of `shared/spec/criteria.md`, in that table's order.
pub const CRITERIA: [&str; 12] = [
    "timely",
    "datetime",
    "categories",
    "tagging",
    "language",
    "child_voice",
    "evidence",
    "names",
    "proofread",
    "documents",
    "loop",
    "five_w",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Check,
    NotApplicable,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not_met",
            Status::Check => "check",
            Status::NotApplicable => "not_applicable",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Problem,
    Advice,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Problem => "problem",
            Severity::Advice => "advice",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChecklistRow {
    pub criterion: &'static str,
    pub status: Status,
    pub summary: String,
}

/// One point: a place in the text (`start`/`end`, UTF-16), a form field, or the entry as a whole.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub criterion: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    pub guidance: &'static str,
    /// Must reach the DSL today (a disclosure, a risk to life, FGM, an allegation against
    /// staff): listed first wherever findings are shown. Absent from the JSON when false.
    #[serde(skip_serializing_if = "is_false")]
    pub priority: bool,
    /// Shared by the findings of one rule and reason that a person reads once (every
    /// "I"/"me" of an entry): shown once, with a count, wherever findings are listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    pub checklist: Vec<ChecklistRow>,
    pub findings: Vec<Finding>,
}

impl Finding {
    /// The message after its opening quotation of the excerpt (`“me”: write …` → `: write …`,
    /// `“Last week” is vague …` → ` is vague …`), if it opens with one: what a list that shows
    /// the words itself goes on with, and what makes two findings the same point.
    pub fn after_excerpt(&self) -> Option<&str> {
        let excerpt = self.excerpt.as_deref()?;
        self.message
            .strip_prefix('“')?
            .strip_prefix(excerpt)?
            .strip_prefix('”')
    }
}

impl Verdict {
    /// The words of `f`'s group (or `f`'s own, if it has none), each once with how often it
    /// occurs, in order of first appearance: `[("me", 4), ("I", 2)]`.
    pub fn group_words<'a>(&'a self, f: &'a Finding) -> Vec<(&'a str, usize)> {
        let mut seen: Vec<(&str, usize)> = Vec::new();
        let members = self.findings.iter().filter(|g| match &f.group {
            Some(group) => g.group.as_ref() == Some(group),
            None => std::ptr::eq(*g, f),
        });
        for g in members {
            let w = g.excerpt.as_deref().unwrap_or("");
            match seen.iter_mut().find(|(x, _)| *x == w) {
                Some((_, n)) => *n += 1,
                None => seen.push((w, 1)),
            }
        }
        seen
    }

    pub fn status(&self, criterion: &str) -> Option<Status> {
        self.checklist
            .iter()
            .find(|r| r.criterion == criterion)
            .map(|r| r.status)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a verdict always serialises")
    }
}

/// Counted words as a person reads them: `“me” ×4, “I” ×2`, each word passed through `show`
/// (an HTML escape, or none).
pub fn counted(words: &[(&str, usize)], show: impl Fn(&str) -> String) -> String {
    words
        .iter()
        .map(|(w, n)| match n {
            1 => format!("“{}”", show(w)),
            _ => format!("“{}” ×{n}", show(w)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
