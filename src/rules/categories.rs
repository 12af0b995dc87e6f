//! `categories`: is a category chosen, and does the text point to one that is missing?

use super::util::{negated, NEGATION_WINDOW};
use super::{Ctx, Out, Raw};
use crate::data::CategoryGroup;
use crate::text::{Doc, Kind, PhraseSet, ACTIONS, EXCLUDED, QUOTED, SENTENCE_START};
use std::sync::Mutex;

/// How many words before "if" a verb of asking makes it a question ("asked if she …").
const ASKED_WINDOW: usize = 3;

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
/// (This cache depends on the entry's labels, not on the built-in data, so it is not in
/// `Compiled`: it holds one list, compared by value, and leaks nothing.)
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
    let school_sets: Vec<GroupSets> = school.iter().map(compile).collect();
    let groups = cx
        .data
        .categories
        .group
        .iter()
        .zip(&cx.k.category_groups)
        .chain(school.iter().zip(&school_sets));
    let mut suggested: Vec<String> = Vec::new();
    let umbrella = &cx.data.categories.umbrella;
    for (g, sets) in groups {
        // The school's most specific label for the group (labels are tried in order).
        let Some((label, term)) = g.labels.iter().find_map(|t| {
            let t = label_words(t);
            available
                .iter()
                .zip(&available_norm)
                .find(|(_, a)| a.contains(&t))
                .map(|(a, _)| (a, t))
        }) else {
            continue;
        };
        // An umbrella label ("Safeguarding") covers the group only when the school has no
        // label of its own for it: a school that offers "Domestic Abuse" wants it chosen.
        let general = umbrella.iter().any(|u| label_words(u) == term);
        let covered = chosen.iter().any(|c| {
            c.contains(&term)
                || g.covered_by.iter().any(|t| {
                    let is_umbrella = umbrella.iter().any(|u| u == t);
                    (general || !is_umbrella) && c.contains(&label_words(t))
                })
        });
        if covered {
            continue;
        }
        if suggested.contains(label)
            || entry
                .categories
                .iter()
                .any(|c| c.eq_ignore_ascii_case(label))
        {
            continue;
        }
        if let Some((span, quoted)) = signal(cx, sets) {
            suggested.push(label.clone());
            let detail = format!(
                "“{}” points to {}: consider choosing the “{label}” category too.",
                &cx.doc.text[span.0..span.1],
                g.name
            );
            // A child's quoted words are never underlined: the finding goes on the field.
            let raw = if quoted {
                Raw::field("categories.suggest", "categories")
            } else {
                Raw::at("categories.suggest", span)
            };
            out.push(raw.detail(detail));
        }
    }
}

/// A group's signal words and co-occurrence lists, as phrase sets.
pub struct GroupSets {
    words: PhraseSet,
    together: Vec<Vec<PhraseSet>>,
}

pub fn compile(g: &CategoryGroup) -> GroupSets {
    let set = |l: &[String]| PhraseSet::new(l.iter().map(|w| (w.as_str(), 0)));
    GroupSets {
        words: set(&g.signals),
        together: g
            .together
            .iter()
            .map(|lists| lists.iter().map(|l| set(l)).collect())
            .collect(),
    }
}

/// One capitalised word inside a longer name ("Royal Preston Hospital", "Snap Fitness"):
/// a place or a business, not the thing itself.
fn in_proper_name(doc: &Doc, start: usize, end: usize) -> bool {
    end == start + 1
        && doc.capitalised(start)
        && !doc.has(start, SENTENCE_START)
        && doc.prev_in_sentence(start).is_some_and(|p| {
            let raw = doc.raw(p);
            doc.capitalised(p)
                && doc.tokens[p].kind == Kind::Word
                && !raw.ends_with("'s")
                && !raw.ends_with("’s")
                && !crate::names::is_staff_code(raw)
        })
}

/// Whether the signal at `i` is only asked about ("asked whether she had thought of
/// hurting herself") or denied ("no bruises"): not a sign of the concern.
fn doubted(doc: &Doc, i: usize) -> bool {
    let first = doc.sentence(i).first;
    let asked = |k: usize| {
        (k.saturating_sub(ASKED_WINDOW).max(first)..k).any(|j| {
            matches!(
                doc.norm(j),
                "asked" | "ask" | "asking" | "checked" | "check" | "wondered" | "know"
            )
        })
    };
    negated(doc, i, NEGATION_WINDOW)
        || (first..i).any(|k| doc.norm(k) == "whether" || (doc.norm(k) == "if" && asked(k)))
}

/// The first place in the text that clearly points to the group: the writer's own words
/// first, then quotations (they are part of what happened). `true` with a quotation.
fn signal(cx: &Ctx, g: &GroupSets) -> Option<((usize, usize), bool)> {
    let doc = cx.doc;
    for quoted in [false, true] {
        // The incident, not the plans: the actions section does not count.
        let keep = |i: usize| !doc.has(i, EXCLUDED | ACTIONS) && (quoted || !doc.has(i, QUOTED));
        if let Some(m) = g
            .words
            .find(doc, keep)
            .into_iter()
            .find(|m| !doubted(doc, m.start) && !in_proper_name(doc, m.start, m.end))
        {
            return Some((doc.span(m.start, m.end), quoted));
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
                    if !doubted(doc, first) {
                        return Some((doc.span(first, last), quoted));
                    }
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
        label_words(label).contains(&label_words(term))
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
