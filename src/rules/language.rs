//! `language`: emotive, loaded, judgemental and exaggerated words in the writer's own
//! words. Never inside a quotation or a pasted message from someone else.

use super::{Ctx, Out, Raw};
use crate::text::{Doc, Kind, PhraseSet, EXCLUDED};
use std::collections::{BTreeMap, HashMap};

/// How many words before a phrase `unless_after` reads ("the football match kicked off").
const UNLESS_AFTER_WINDOW: usize = 3;

/// An adult's age written as one token ("22-year-old"): 18 or over.
const ADULT_AGE: u32 = 18;

/// Whether the entry mentions the context (in any words, quoted or not).
fn has_context(cx: &Ctx, doc: &Doc, name: &str) -> bool {
    let in_words =
        cx.k.language_contexts
            .get(name)
            .is_some_and(|set| set.any_in(doc, 0, doc.len(), |_| true).is_some());
    in_words || name == "exploitation" && (0..doc.len()).any(|i| adult_age(doc, i))
}

/// "22-year-old", "19 year old": an age of 18 or more.
fn adult_age(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.kind != Kind::Number {
        return false;
    }
    let n = doc.norm(i);
    let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
    let rest = &n[digits.len()..];
    let aged = rest == "-year-old"
        || rest.is_empty() && i + 2 < doc.len() && doc.norm(i + 1).starts_with("year");
    aged && digits
        .parse::<u32>()
        .is_ok_and(|a| (ADULT_AGE..100).contains(&a))
}

pub fn check(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let lang = &cx.data.language;
    // Payload: index into the school's and the built-in phrase tables.
    let builtin = lang.phrase.len();
    let with_school;
    let set: &PhraseSet = if cx.policy.extra_phrases.is_empty() {
        &cx.k.language_phrases
    } else {
        let mut s = cx.k.language_phrases.clone();
        for (k, p) in cx.policy.extra_phrases.iter().enumerate() {
            s.add(&p.phrase, builtin + k);
        }
        with_school = s;
        &with_school
    };
    let own = |i: usize| doc.own(i);
    let mut contexts: BTreeMap<&str, bool> = BTreeMap::new();
    let matches: Vec<_> = set
        .find(doc, own)
        .into_iter()
        .filter(|m| {
            let Some(group) = lang.phrase.get(m.payload) else {
                return true;
            };
            if m.end < doc.len() && group.unless_next.iter().any(|w| w == doc.norm(m.end)) {
                return false;
            }
            if m.end == m.start + 1 && lang.nouns.iter().any(|n| n == doc.norm(m.start)) {
                return false; // "kick-off 10.00"
            }
            let before = m.start.saturating_sub(UNLESS_AFTER_WINDOW)..m.start;
            if before
                .filter(|&k| doc.sentence_of[k] == doc.sentence_of[m.start])
                .any(|k| group.unless_after.iter().any(|w| w == doc.norm(k)))
            {
                return false;
            }
            let Some(name) = group.context.as_deref() else {
                return true;
            };
            *contexts
                .entry(name)
                .or_insert_with(|| has_context(cx, doc, name))
        })
        .collect();
    let mut raws: Vec<(usize, usize, Raw)> = matches
        .iter()
        .map(|m| {
            let span = doc.span(m.start, m.end);
            let raw = if m.payload < builtin {
                let p = &lang.phrase[m.payload];
                let rule = super::def(&p.rule).map_or("language.emotive", |d| d.id.as_str());
                let r = Raw::at(rule, span).detail(p.instead.clone());
                match &p.suggestion {
                    Some(s) => r.suggest(s.clone()),
                    None => r,
                }
            } else {
                let p = &cx.policy.extra_phrases[m.payload - builtin];
                let r = Raw::at("language.emotive", span).detail(
                    p.message
                        .clone()
                        .unwrap_or_else(|| "Your school asks for neutral wording here.".into()),
                );
                match &p.replacement {
                    Some(s) => r.suggest(s.clone()),
                    None => r,
                }
            };
            (m.start, m.end, raw)
        })
        .collect();

    // Intensifiers: "really frightened". Before a listed phrase, the phrase's finding
    // grows to take the intensifier in ("really upset me").
    let ints = &lang.intensifiers;
    // Which raw starts at a token, and which tokens some raw covers: looked up, not scanned
    // for, so an entry dense with findings costs time linear in its length.
    let mut starting: HashMap<usize, usize> =
        raws.iter().enumerate().map(|(k, r)| (r.0, k)).collect();
    let mut covered = vec![false; doc.len()];
    for (s, e, _) in &raws {
        covered[*s..*e].fill(true);
    }
    for i in 0..doc.len() {
        if !own(i) || !cx.k.language_intensifiers.has(doc, i) {
            continue;
        }
        let Some(j) = doc
            .next_in_sentence(i)
            .filter(|&j| doc.is_word(j) && own(j))
        else {
            continue;
        };
        let next = doc.norm(j);
        if ints.harmless_next.iter().any(|w| w == next)
            || ints.words.iter().any(|w| w == next) && next != "so"
        {
            continue;
        }
        if doc.norm(i) == "so" && !ints.so_only_before.iter().any(|w| w == next) {
            continue;
        }
        if let Some(k) = starting.remove(&j) {
            let r = &mut raws[k];
            r.0 = i;
            r.2.span = Some(doc.span(i, r.1));
            r.2.suggestion = None;
            starting.insert(i, k);
            covered[i..j].fill(true);
            continue;
        }
        if covered[i] {
            continue;
        }
        let r = Raw::at("language.intensifier", doc.span(i, j + 1)).suggest(doc.raw(j).to_string());
        starting.insert(i, raws.len());
        covered[i..=j].fill(true);
        raws.push((i, j + 1, r));
    }

    mock_praise(cx, &mut raws, &mut covered);
    subjective(cx, &mut raws, &covered);

    // Exclamation marks, a run at a time ("!!", "?!").
    let mut i = 0;
    while i < doc.len() {
        let is_mark = |k: usize| {
            matches!(doc.norm(k), "!" | "?") && doc.tokens[k].kind == crate::text::Kind::Punct
        };
        if doc.norm(i) == "!" && own(i) && !doc.has(i, EXCLUDED) {
            let mut a = i;
            while a > 0 && is_mark(a - 1) && doc.tokens[a - 1].end == doc.tokens[a].start {
                a -= 1;
            }
            let mut b = i + 1;
            while b < doc.len() && is_mark(b) && doc.tokens[b].start == doc.tokens[b - 1].end {
                b += 1;
            }
            let question = (a..b).any(|k| doc.norm(k) == "?");
            let r = Raw::at("language.exclamation", doc.span(a, b)).suggest(if question {
                "?"
            } else {
                "."
            });
            raws.push((a, b, r));
            i = b;
        } else {
            i += 1;
        }
    }
    for (_, _, r) in raws {
        out.push(r);
    }
}

/// A sentence that is nothing but a word of praise ("Lovely.") or "Typical!" in the
/// writer's own words, after an earlier sentence: mock praise about the incident.
fn mock_praise(cx: &Ctx, raws: &mut Vec<(usize, usize, Raw)>, covered: &mut [bool]) {
    let doc = cx.doc;
    for s in doc.sentences.iter().skip(1) {
        // At most three words: read a fourth only to know there are too many.
        let words: Vec<usize> = (s.first..s.last)
            .filter(|&i| doc.is_word(i))
            .take(4)
            .collect();
        if words.is_empty() || words.len() > 3 || !words.iter().all(|&i| doc.own(i)) {
            continue;
        }
        let Some(&w) = words
            .iter()
            .find(|&&i| cx.k.language_mock_praise.has(doc, i))
        else {
            continue;
        };
        if words
            .iter()
            .all(|&i| i == w || cx.k.language_mock_praise_fillers.has(doc, i))
        {
            let (a, b) = (words[0], words[words.len() - 1] + 1);
            if !covered[a..b].contains(&true) {
                covered[a..b].fill(true);
                raws.push((a, b, Raw::at("language.sarcasm", doc.span(a, b))));
            }
        }
    }
}

/// A judgement adjective from the subjectivity lexicon ("cruel", "stupid") in the writer's
/// own words, where no other language finding already covers it.
fn subjective(cx: &Ctx, raws: &mut Vec<(usize, usize, Raw)>, covered: &[bool]) {
    let doc = cx.doc;
    for (i, &taken) in covered.iter().enumerate() {
        if taken || !doc.own(i) || !doc.is_word(i) || !cx.k.subjective.has(doc, i) {
            continue;
        }
        raws.push((i, i + 1, Raw::at("language.subjective", doc.span(i, i + 1))));
    }
}
