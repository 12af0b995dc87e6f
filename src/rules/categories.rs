//! `categories`: is a category chosen, and does the text point to one that is missing?

use super::util::{negated, NEGATION_WINDOW};
use super::{Ctx, Out, Raw};
use crate::data::CategoryGroup;
use crate::text::{Doc, Kind, Match, PhraseSet, ACTIONS, EXCLUDED, QUOTED, SENTENCE_START};
use std::sync::{Arc, Mutex, OnceLock};

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

/// The school's labels through `label_words`, and the label each built-in group maps to.
struct Offered {
    norm: Vec<String>,
    builtin: Vec<Option<(usize, usize)>>,
}

/// `Offered` for the school's labels, remembered: the page sends the same list with every
/// keystroke. (This cache depends on the entry's labels, so it is not in `Compiled`: it
/// holds one list, compared by value, and leaks nothing.)
fn offered(labels: &[String], builtin: &CategorySets) -> Arc<Offered> {
    static LAST: Mutex<Option<(Vec<String>, Arc<Offered>)>> = Mutex::new(None);
    let mut last = LAST.lock().unwrap_or_else(|p| p.into_inner());
    match last.as_ref() {
        Some((raw, offered)) if raw.as_slice() == labels => offered.clone(),
        _ => {
            let norm: Vec<String> = labels.iter().map(|a| label_words(a)).collect();
            let builtin = builtin.groups.iter().map(|g| resolve(g, &norm)).collect();
            let offered = Arc::new(Offered { norm, builtin });
            *last = Some((labels.to_vec(), offered.clone()));
            offered
        }
    }
}

/// The school's most specific label for a group (its labels are tried in order): the
/// index of the school's label and of the group's.
fn resolve(g: &GroupSlots, offered: &[String]) -> Option<(usize, usize)> {
    g.labels.iter().enumerate().find_map(|(t, (term, _))| {
        offered
            .iter()
            .position(|a| a.contains(term.as_str()))
            .map(|a| (a, t))
    })
}

/// `DEFAULT_CATEGORIES` as owned labels, made once.
fn default_labels() -> &'static [String] {
    static LABELS: OnceLock<Vec<String>> = OnceLock::new();
    LABELS.get_or_init(|| DEFAULT_CATEGORIES.iter().map(|s| s.to_string()).collect())
}

pub fn check(cx: &Ctx, out: &mut Out) {
    let entry = cx.entry;
    if entry.categories.is_empty() {
        out.push(Raw::field("categories.none", "categories"));
    }
    // Borrowed, not copied: an audit checks every entry against the default list.
    let available: &[String] = match &entry.available_categories {
        Some(list) if !list.is_empty() => list,
        _ => default_labels(),
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
            censored: Vec::new(),
        })
        .collect();
    let school_sets = compile(&school, &cx.data.categories.umbrella);
    let chosen: Vec<String> = entry.categories.iter().map(|c| label_words(c)).collect();
    let offered = offered(available, &cx.k.categories);
    // Whether the text quotes anyone: if not, the second (quoted) pass is the first.
    let quotes = (0..cx.doc.len()).any(|i| cx.doc.has(i, QUOTED));
    let mut suggested: Vec<String> = Vec::new();
    for (groups, sets, builtin) in [
        (&cx.data.categories.group, &cx.k.categories, true),
        (&school, &school_sets, false),
    ] {
        let mut signals = Signals::new(cx.doc, sets, quotes);
        for (n, (g, slots)) in groups.iter().zip(&sets.groups).enumerate() {
            let resolved = if builtin {
                offered.builtin[n]
            } else {
                resolve(slots, &offered.norm)
            };
            let Some((a, t)) = resolved else {
                continue;
            };
            let (label, (term, general)) = (&available[a], &slots.labels[t]);
            // Most groups have no signal in the text: that is looked up first.
            let Some((span, quoted)) = signals
                .of(slots)
                .or_else(|| censored(cx.doc, &g.censored))
                .or_else(|| (!general).then(|| signals.referred(term)).flatten())
            else {
                continue;
            };
            // An umbrella label ("Safeguarding") covers the group only when the school has
            // no label of its own for it: a school that offers "Domestic Abuse" wants it.
            let covered = chosen.iter().any(|c| {
                c.contains(term.as_str())
                    || slots.covered_by.iter().any(|(t, is_umbrella)| {
                        (*general || !is_umbrella) && c.contains(t.as_str())
                    })
            });
            if covered
                || suggested.contains(label)
                || entry
                    .categories
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(label))
            {
                continue;
            }
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

/// Every group's signal words and co-occurrence lists in one phrase set (one pass over
/// the text for all of them), and each group's labels through `label_words`: compiled
/// once, since the check runs on every keystroke.
pub struct CategorySets {
    all: PhraseSet,
    lists: usize,
    groups: Vec<GroupSlots>,
}

/// One group: which lists of `CategorySets::all` are its own.
struct GroupSlots {
    words: usize,
    together: Vec<Vec<usize>>,
    /// Each label, and whether it is an umbrella label.
    labels: Vec<(String, bool)>,
    /// Each label that covers the group, and whether it is an umbrella label.
    covered_by: Vec<(String, bool)>,
}

pub fn compile(groups: &[CategoryGroup], umbrella: &[String]) -> CategorySets {
    if groups.is_empty() {
        // The usual school list of signals: nothing to compile on each keystroke.
        return CategorySets {
            all: PhraseSet::default(),
            lists: 0,
            groups: Vec::new(),
        };
    }
    let umbrella_words: Vec<String> = umbrella.iter().map(|u| label_words(u)).collect();
    let mut lists: Vec<&[String]> = Vec::new();
    let mut slots = Vec::new();
    for g in groups {
        let words = lists.len();
        lists.push(&g.signals);
        let together = g
            .together
            .iter()
            .map(|sets| {
                sets.iter()
                    .map(|l| {
                        lists.push(l);
                        lists.len() - 1
                    })
                    .collect()
            })
            .collect();
        slots.push(GroupSlots {
            words,
            together,
            labels: g
                .labels
                .iter()
                .map(|t| {
                    let t = label_words(t);
                    let general = umbrella_words.contains(&t);
                    (t, general)
                })
                .collect(),
            covered_by: g
                .covered_by
                .iter()
                .map(|t| (label_words(t), umbrella.contains(t)))
                .collect(),
        });
    }
    CategorySets {
        all: PhraseSet::new(
            lists
                .iter()
                .enumerate()
                .flat_map(|(p, l)| l.iter().map(move |w| (w.as_str(), p))),
        ),
        lists: lists.len(),
        groups: slots,
    }
}

/// The lists' matches in the incident (not the plans), first outside quotations, then,
/// only when asked, including them.
struct Signals<'a> {
    doc: &'a Doc<'a>,
    sets: &'a CategorySets,
    passes: [Option<Vec<Vec<Match>>>; 2],
    /// Whether the text has a quotation at all (if not, the second pass is the first).
    quotes: bool,
    /// The plans' lines that make a referral, lower case, with where each starts: made
    /// once, when a group with no signal first asks.
    referrals: Option<Vec<(usize, String)>>,
}

impl<'a> Signals<'a> {
    fn new(doc: &'a Doc<'a>, sets: &'a CategorySets, quotes: bool) -> Self {
        Signals {
            doc,
            sets,
            passes: [None, None],
            quotes,
            referrals: None,
        }
    }

    /// A referral in the plans to a service named as the school's label for the group ("a
    /// Young Carers referral", "refer to Prevent"): the concern is the one the plans
    /// answer. Plans are otherwise left out ("an online safety lesson for the class" is not
    /// what happened).
    fn referred(&mut self, term: &str) -> Option<((usize, usize), bool)> {
        let term = term.trim();
        if term.is_empty() {
            return None;
        }
        let doc = self.doc;
        let lines = self.referrals.get_or_insert_with(|| {
            let lines = doc.regions.lines.iter().filter(|l| l.in_actions);
            lines
                .map(|l| (l.start, doc.text[l.start..l.end].to_ascii_lowercase()))
                .filter(|(_, lower)| {
                    lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
                        matches!(
                            w,
                            "refer"
                                | "refers"
                                | "referred"
                                | "referral"
                                | "referrals"
                                | "referring"
                        )
                    })
                })
                .collect()
        });
        lines.iter().find_map(|(start, lower)| {
            // The label as whole words, or its plural ("Young Carers" for "Young Carer").
            lower.match_indices(term).find_map(|(at, _)| {
                let rest = &lower[at + term.len()..];
                let len = term.len() + usize::from(rest.starts_with('s'));
                let before = lower[..at].chars().next_back();
                let after = lower[at + len..].chars().next();
                (!before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric))
                .then_some(((start + at, start + at + len), false))
            })
        })
    }

    fn pass(&mut self, quoted: bool) -> &[Vec<Match>] {
        let (doc, sets) = (self.doc, self.sets);
        self.passes[quoted as usize].get_or_insert_with(|| {
            let keep =
                |i: usize| !doc.has(i, EXCLUDED | ACTIONS) && (quoted || !doc.has(i, QUOTED));
            sets.all.find_each(doc, sets.lists, keep)
        })
    }

    /// Where the text points to the group, and whether only inside a quotation.
    fn of(&mut self, g: &GroupSlots) -> Option<((usize, usize), bool)> {
        let doc = self.doc;
        for quoted in [false, true] {
            if quoted && !self.quotes {
                break;
            }
            let found = self.pass(quoted);
            if let Some(m) = found[g.words].iter().find(|m| {
                !doubted(doc, m.start)
                    && !in_proper_name(doc, m.start, m.end)
                    && !in_role(doc, m.start)
            }) {
                return Some((doc.span(m.start, m.end), quoted));
            }
            for lists in &g.together {
                if lists.iter().any(|&l| found[l].is_empty()) {
                    continue;
                }
                // A sentence counts when every list has a match in it.
                for n in 0..doc.sentences.len() {
                    let hits: Vec<_> = lists
                        .iter()
                        .map(|&l| found[l].iter().find(|m| doc.sentence_of[m.start] == n))
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
}

/// A word written with asterisks for some of its letters ("p***", "f*g", "n*****") that
/// fits one of `words` letter for letter: where, and whether inside a quotation.
fn censored(doc: &Doc, words: &[String]) -> Option<((usize, usize), bool)> {
    if words.is_empty() || !doc.text.contains('*') {
        return None;
    }
    let joined = |a: usize, b: usize| doc.tokens[a].end == doc.tokens[b].start;
    let n = doc.len();
    for i in 0..n {
        let starts = doc.tokens[i].kind == Kind::Word
            && (i == 0 || !joined(i - 1, i) || doc.tokens[i - 1].kind == Kind::Punct)
            && i + 1 < n
            && doc.norm(i + 1) == "*"
            && joined(i, i + 1)
            && !doc.has(i, EXCLUDED | ACTIONS);
        if !starts {
            continue;
        }
        // The letters shown, the stars, and any letters after them, with no space between.
        let mut end = i + 1;
        while end < n && doc.norm(end) == "*" && joined(end - 1, end) {
            end += 1;
        }
        if end < n && doc.tokens[end].kind == Kind::Word && joined(end - 1, end) {
            end += 1;
        }
        if end < n && joined(end - 1, end) && doc.tokens[end].kind != Kind::Punct {
            continue;
        }
        let shown: Vec<char> = (i..end).flat_map(|k| doc.norm(k).chars()).collect();
        let fits = |w: &String| {
            w.chars().count() == shown.len()
                && w.chars().zip(&shown).all(|(a, &b)| b == '*' || a == b)
        };
        if words.iter().any(fits) {
            return Some((doc.span(i, end), doc.has(i, QUOTED)));
        }
    }
    None
}

/// Inside the bracketed role after a full name or a staff code: "Ayesha Patel (domestic
/// abuse advocate, Safenet)" names her job, not what happened. (A child goes by forename:
/// "Amira (who disclosed self-harm)" is not a role.)
fn in_role(doc: &Doc, i: usize) -> bool {
    let first = doc.sentence(i).first;
    let open = (first..i)
        .rev()
        .take_while(|&k| doc.norm(k) != ")")
        .find(|&k| doc.norm(k) == "(");
    let name = |k: usize| doc.capitalised(k) && doc.tokens[k].kind == Kind::Word;
    open.and_then(|o| o.checked_sub(1))
        .filter(|&p| p >= first && name(p))
        .is_some_and(|p| crate::names::is_staff_code(doc.raw(p)) || (p > first && name(p - 1)))
}

/// One capitalised word inside a longer name ("Royal Preston Hospital", "Snap Fitness"):
/// a place or a business, not the thing itself. A capital that only opens the sentence
/// makes no name ("Possible FGM risk.").
fn in_proper_name(doc: &Doc, start: usize, end: usize) -> bool {
    end == start + 1
        && doc.capitalised(start)
        && !doc.has(start, SENTENCE_START)
        && doc.prev_in_sentence(start).is_some_and(|p| {
            let raw = doc.raw(p);
            doc.capitalised(p)
                && !doc.has(p, SENTENCE_START)
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
