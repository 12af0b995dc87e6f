//! `categories`: is a category chosen, and does the text point to one that is missing?

use super::util::negated;
use super::{Ctx, Out, Raw};
use crate::data::CategoryGroup;
use crate::text::{PhraseSet, ACTIONS, EXCLUDED};
use std::sync::{Mutex, OnceLock};

/// The categories assumed when the page does not list the school's own.
pub const DEFAULT_CATEGORIES: [&str; 14] = [
    "Safeguarding",
    "Child Protection",
    "Behaviour",
    "Bullying",
    "Racist/Prejudice",
    "Online Safety",
    "Self-harm",
    "Attendance",
    "Medical",
    "SEND",
    "Physical Intervention",
    "Domestic Abuse",
    "Parental Contact",
    "Mental Health",
];

/// " racist prejudice ": lower case, punctuation (but hyphens) as spaces, padded.
fn label_words(s: &str) -> String {
    let cleaned: String = s
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect();
    format!(
        " {} ",
        cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// The school's labels through `label_words`, remembered: the page sends the same list
/// with every keystroke.
fn normalised_labels(labels: &[String]) -> Vec<String> {
    static LAST: Mutex<Option<(Vec<String>, Vec<String>)>> = Mutex::new(None);
    let mut last = LAST.lock().unwrap_or_else(|p| p.into_inner());
    match last.as_ref() {
        Some((raw, norm)) if raw.as_slice() == labels => norm.clone(),
        _ => {
            let norm: Vec<String> = labels.iter().map(|a| label_words(a)).collect();
            *last = Some((labels.to_vec(), norm.clone()));
            norm
        }
    }
}

/// Whether a label holds any of the terms (both already through `label_words`).
fn holds_any(label_norm: &str, terms_norm: &[String]) -> bool {
    terms_norm.iter().any(|t| label_norm.contains(t.as_str()))
}

pub fn check(cx: &Ctx, out: &mut Out) {
    let entry = cx.entry;
    if entry.categories.is_empty() {
        out.push(Raw::field("categories.none", "categories"));
    }
    let available: Vec<String> = match &entry.available_categories {
        Some(list) if !list.is_empty() => list.clone(),
        _ => DEFAULT_CATEGORIES.iter().map(|s| s.to_string()).collect(),
    };
    // The school's own words for its labels join the built-in groups.
    let school: Vec<CategoryGroup> = cx
        .policy
        .category_signals
        .iter()
        .map(|(label, words)| CategoryGroup {
            name: label.clone(),
            labels: vec![label.clone()],
            covered_by: vec![label.clone()],
            signals: words.clone(),
            together: Vec::new(),
        })
        .collect();
    let chosen: Vec<String> = entry.categories.iter().map(|c| label_words(c)).collect();
    let available_norm = normalised_labels(&available);
    let school_sets: Vec<Compiled> = school.iter().map(compile).collect();
    let groups = cx
        .data
        .categories
        .group
        .iter()
        .zip(builtin_sets())
        .chain(school.iter().zip(&school_sets));
    let mut suggested: Vec<String> = Vec::new();
    for (g, sets) in groups {
        let covered = chosen
            .iter()
            .any(|c| holds_any(c, &g.covered_by) || holds_any(c, &g.labels));
        if covered {
            continue;
        }
        let Some(label) = g.labels.iter().find_map(|t| {
            let t = label_words(t);
            available
                .iter()
                .zip(&available_norm)
                .find(|(_, a)| a.contains(&t))
                .map(|(a, _)| a)
        }) else {
            continue;
        };
        if suggested.contains(label)
            || entry
                .categories
                .iter()
                .any(|c| c.eq_ignore_ascii_case(label))
        {
            continue;
        }
        if let Some(span) = signal(cx, sets) {
            suggested.push(label.clone());
            out.push(Raw::at("categories.suggest", span).detail(format!(
                "{}: consider choosing the “{label}” category too",
                g.name
            )));
        }
    }
}

/// A group's signal words and co-occurrence lists, as phrase sets.
struct Compiled {
    words: PhraseSet,
    together: Vec<Vec<PhraseSet>>,
}

fn compile(g: &CategoryGroup) -> Compiled {
    let set = |l: &[String]| PhraseSet::new(l.iter().map(|w| (w.as_str(), 0)));
    Compiled {
        words: set(&g.signals),
        together: g
            .together
            .iter()
            .map(|lists| lists.iter().map(|l| set(l)).collect())
            .collect(),
    }
}

fn builtin_sets() -> &'static [Compiled] {
    static SETS: OnceLock<Vec<Compiled>> = OnceLock::new();
    SETS.get_or_init(|| {
        crate::data::data()
            .categories
            .group
            .iter()
            .map(compile)
            .collect()
    })
}

/// The first place in the text that clearly points to the group.
fn signal(cx: &Ctx, g: &Compiled) -> Option<(usize, usize)> {
    let doc = cx.doc;
    // The incident, not the plans: the actions section does not count.
    let keep = |i: usize| !doc.has(i, EXCLUDED | ACTIONS);
    if let Some(m) = g
        .words
        .find(doc, keep)
        .into_iter()
        .find(|m| !negated(doc, m.start, 3))
    {
        return Some(doc.span(m.start, m.end));
    }
    for sets in &g.together {
        for s in &doc.sentences {
            let hits: Vec<_> = sets
                .iter()
                .map(|set| set.any_in(doc, s.first, s.last, keep))
                .collect();
            if hits.iter().all(Option::is_some) {
                let first = hits.iter().flatten().map(|m| m.start).min()?;
                let last = hits.iter().flatten().map(|m| m.end).max()?;
                if !negated(doc, first, 3) {
                    return Some(doc.span(first, last));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label_has(label: &str, term: &str) -> bool {
        holds_any(&label_words(label), &[label_words(term)])
    }

    #[test]
    fn labels_match_as_whole_words() {
        assert!(label_has("SEND", "send"));
        assert!(!label_has("Absent", "sen"));
        assert!(label_has("Racist/Prejudice", "racist/prejudice"));
        assert!(label_has("Self-harm", "self-harm"));
        assert!(!label_has("Self harm", "self-harm"));
    }
}
