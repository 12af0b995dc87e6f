//! `language`: emotive, loaded, judgemental and exaggerated words in the writer's own
//! words. Never inside a quotation or a pasted message from someone else.

use super::util::one_of;
use super::{Ctx, Out, Raw};
use crate::text::{PhraseSet, EXCLUDED};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The built-in phrase table, payload = index of its group in `language.toml`.
fn builtin_phrases() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = PhraseSet::default();
        for (k, p) in crate::data::data().language.phrase.iter().enumerate() {
            for m in &p.patterns {
                set.add(m, k);
            }
        }
        set
    })
}

pub fn check(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let lang = &cx.data.language;
    // Payload: index into the school's and the built-in phrase tables.
    let builtin = lang.phrase.len();
    let with_school;
    let set: &PhraseSet = if cx.policy.extra_phrases.is_empty() {
        builtin_phrases()
    } else {
        let mut s = builtin_phrases().clone();
        for (k, p) in cx.policy.extra_phrases.iter().enumerate() {
            s.add(&p.phrase, builtin + k);
        }
        with_school = s;
        &with_school
    };
    let own = |i: usize| doc.own(i);
    let matches = set.find(doc, own);
    let mut raws: Vec<(usize, usize, Raw)> = matches
        .iter()
        .map(|m| {
            let span = doc.span(m.start, m.end);
            let raw = if m.payload < builtin {
                let p = &lang.phrase[m.payload];
                let rule = super::def(&p.rule).id.as_str();
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
        if !own(i) || !one_of(&ints.words, doc, i) {
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
