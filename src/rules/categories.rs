//! `categories`: is a category chosen, and does the text point to one that is missing?

use super::util::negated;
use super::{Ctx, Out, Raw};
use crate::data::CategoryGroup;
use crate::text::{PhraseSet, ACTIONS, EXCLUDED};

/// The categories assumed when the page does not list the school's own.
pub const DEFAULT_CATEGORIES: [&str; 14] = [
    "Safeguarding", "Child Protection", "Behaviour", "Bullying", "Racist/Prejudice", "Online Safety", "Self-harm",
    "Attendance", "Medical", "SEND", "Physical Intervention", "Domestic Abuse", "Parental Contact", "Mental Health",
];

/// " racist prejudice ": lower case, punctuation (but hyphens) as spaces, padded.
fn label_words(s: &str) -> String {
    let cleaned: String = s
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' { c } else { ' ' })
        .collect();
    format!(" {} ", cleaned.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn label_has(label: &str, term: &str) -> bool {
    label_words(label).contains(&label_words(term))
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
    let mut groups: Vec<CategoryGroup> = cx.data.categories.group.clone();
    for (label, words) in &cx.policy.category_signals {
        groups.push(CategoryGroup {
            name: label.clone(),
            labels: vec![label.clone()],
            covered_by: vec![label.clone()],
            signals: words.clone(),
            together: Vec::new(),
        });
    }
    let mut suggested: Vec<String> = Vec::new();
    for g in &groups {
        let covered = entry.categories.iter().any(|c| g.covered_by.iter().chain(&g.labels).any(|t| label_has(c, t)));
        if covered {
            continue;
        }
        let Some(label) = g.labels.iter().find_map(|t| available.iter().find(|a| label_has(a, t))) else { continue };
        if suggested.contains(label) || entry.categories.iter().any(|c| c.eq_ignore_ascii_case(label)) {
            continue;
        }
        if let Some(span) = signal(cx, g) {
            suggested.push(label.clone());
            out.push(Raw::at("categories.suggest", span).detail(format!("{}: consider choosing the “{label}” category too", g.name)));
        }
    }
}

/// The first place in the text that clearly points to the group.
fn signal(cx: &Ctx, g: &CategoryGroup) -> Option<(usize, usize)> {
    let doc = cx.doc;
    // The incident, not the plans: the actions section does not count.
    let keep = |i: usize| !doc.has(i, EXCLUDED | ACTIONS);
    let words = PhraseSet::new(g.signals.iter().map(|w| (w.as_str(), 0)));
    if let Some(m) = words.find(doc, keep).into_iter().find(|m| !negated(doc, m.start, 3)) {
        return Some(doc.span(m.start, m.end));
    }
    for lists in &g.together {
        let sets: Vec<PhraseSet> = lists.iter().map(|l| PhraseSet::new(l.iter().map(|w| (w.as_str(), 0)))).collect();
        for s in &doc.sentences {
            let hits: Vec<_> = sets.iter().map(|set| set.any_in(doc, s.first, s.last, keep)).collect();
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

    #[test]
    fn labels_match_as_whole_words() {
        assert!(label_has("SEND", "send"));
        assert!(!label_has("Absent", "sen"));
        assert!(label_has("Racist/Prejudice", "racist/prejudice"));
        assert!(label_has("Self-harm", "self-harm"));
        assert!(!label_has("Self harm", "self-harm"));
    }
}
