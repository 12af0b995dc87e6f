//! `loop.priority`: the entry reports something the DSL must hear today (a disclosure of
//! harm, sexual abuse, FGM, a risk to life, a weapon, a child going missing, an allegation
//! against an adult in school). Advice, never a problem on its own: the loop is closed by
//! the DSL being told, which the other `loop` rules judge. The finding is marked
//! `priority` so that every list a person reads puts it first.

use super::util::{negated, NEGATION_WINDOW};
use super::{Ctx, Out, Raw};
use crate::names::{base, first_names, is_staff_code};
use crate::text::{Doc, PhraseSet, EXCLUDED, QUOTED};

/// How far back from a harm verb its doer may stand ("my mum's boyfriend has been hitting").
const DOER_WINDOW: usize = 6;

/// How many words back a person may stand before "missing", past auxiliaries ("she had been").
const PERSON_WINDOW: usize = 3;

/// Who did the harm, found searching back from the verb.
#[derive(Clone, Copy, PartialEq)]
enum Doer {
    Home,
    School,
}

pub fn check(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let p = &cx.data.priority;
    let mut found: Vec<(String, String, (usize, usize))> = Vec::new();

    let (patterns, phrases) = (&cx.k.priority_patterns, &cx.k.priority_phrases);
    // Quoted words count: a disclosure is usually quoted. Form headers do not.
    for m in phrases.find(doc, |i| !doc.has(i, EXCLUDED)) {
        let (k, pattern) = patterns[m.payload];
        let g = &p.group[k];
        if negated(doc, m.start, NEGATION_WINDOW) || found.iter().any(|(k, _, _)| *k == g.kind) {
            continue;
        }
        // "reported her missing": the matcher may let a person stand inside the phrase.
        let person_inside = (m.start..m.end).any(|t| matches!(doc.norm(t), "her" | "him" | "them"));
        if g.person_before.iter().any(|w| w == pattern)
            && !person_inside
            && !person_before(cx, doc, m.start)
        {
            continue;
        }
        found.push((g.kind.clone(), g.extra.clone(), (m.start, m.end)));
    }
    for (doer, span) in harm_by_adult(cx, doc) {
        let (kind, extra) = match doer {
            Doer::Home => ("harm to the child by an adult", ""),
            Doer::School => {
                let g = p.group.iter().find(|g| g.kind == "an allegation");
                (
                    "an allegation against an adult in school",
                    g.map_or("", |g| g.extra.as_str()),
                )
            }
        };
        if !found.iter().any(|(k, _, _)| k == kind) {
            found.push((kind.to_string(), extra.to_string(), span));
        }
    }
    if found.is_empty() {
        return;
    }
    // One finding about the entry as a whole, naming its words: the words themselves are
    // often exactly right ("at risk of sexual exploitation") and must not look wrong.
    let what: Vec<String> = found
        .iter()
        .map(|(kind, _, (a, b))| {
            let (s, e) = doc.span(*a, *b);
            format!("{kind} (“{}”)", &doc.text[s..e])
        })
        .collect();
    let what = match what.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => what.join(""),
    };
    let mut detail = if dsl_told(cx, doc) {
        format!("This entry reports {what}, and says the DSL has been told. Make sure they have it today.")
    } else {
        format!("This entry reports {what}. Tell the DSL today, in person or by phone: the record alone is not enough.")
    };
    for (_, extra, _) in &found {
        if !extra.is_empty() && !detail.contains(extra.as_str()) {
            detail.push(' ');
            detail.push_str(extra);
        }
    }
    out.push(Raw::whole("loop.priority").detail(detail).prioritise());
}

/// "my dad hit me", "Mum's boyfriend grabbed her", "she said Mr Jones pushed her": a harm
/// verb done to the child by an adult at home (anywhere), or by an adult in school when
/// the words are quoted or reported (a member of staff's own account of holding a child
/// is a physical intervention, not an allegation).
fn harm_by_adult(cx: &Ctx, doc: &Doc) -> Vec<(Doer, (usize, usize))> {
    let home = &cx.k.priority_home_adults;
    let school = &cx.k.priority_school_adults;
    let verbs = &cx.k.priority_harm_verbs;
    let reporting = &cx.k.priority_reporting;
    let mut out = Vec::new();
    for v in 0..doc.len() {
        let Some(verb) = verbs.match_at(doc, v) else {
            continue;
        };
        if doc.has(v, EXCLUDED) || negated(doc, v, NEGATION_WINDOW) {
            continue;
        }
        let o = verb.end;
        if o >= doc.len() || doc.sentence_of[o] != doc.sentence_of[v] {
            continue;
        }
        let child = cx.k.priority_harm_objects.has(doc, o)
            || (doc.capitalised(o) && cx.names.by_forename(doc.norm(o)).is_some());
        if !child {
            continue;
        }
        let first = doc.sentence(v).first;
        let mut k = v;
        let mut doer = None;
        for _ in 0..DOER_WINDOW {
            let Some(b) = doc.prev_in_sentence(k) else {
                break;
            };
            k = b;
            if cx.k.priority_other_doers.has(doc, b) {
                // "My stepdad … then he slapped me": in the child's quoted words, "he"
                // after the child's own parent or carer is that adult.
                let pronoun = matches!(doc.norm(b), "he" | "she" | "they");
                if pronoun
                    && doc.norm(o) == "me"
                    && doc.has(o, QUOTED)
                    && own_adult_before(doc, home, b)
                {
                    doer = Some((Doer::Home, b));
                }
                break;
            }
            if reporting.match_at(doc, b).is_some() {
                break;
            }
            if doc.capitalised(b) && cx.names.by_forename(doc.norm(b)).is_some() {
                break; // a pupil does it: "Amy hit me"
            }
            let starts = |s: &PhraseSet| s.match_at(doc, b).is_some_and(|m| m.end <= v);
            if starts(home) {
                doer = Some((Doer::Home, b));
                break;
            }
            if starts(school) || is_staff_code(doc.raw(b)) {
                let reported =
                    doc.has(b, QUOTED) || (first..b).any(|r| reporting.match_at(doc, r).is_some());
                if reported {
                    doer = Some((Doer::School, b));
                }
                break;
            }
        }
        if let Some((d, at)) = doer {
            out.push((d, (at, o + 1)));
        }
    }
    out
}

/// Whether a person stands just before token `i` ("Tia went missing", "she was reported
/// missing"): a pronoun, a known pupil or a first name, past one or two auxiliaries.
fn person_before(cx: &Ctx, doc: &Doc, i: usize) -> bool {
    let mut k = i;
    for _ in 0..PERSON_WINDOW {
        let Some(b) = doc.prev_in_sentence(k) else {
            return false;
        };
        let w = doc.norm(b);
        if matches!(w, "was" | "were" | "had" | "has" | "been" | "is") {
            k = b;
            continue;
        }
        return matches!(w, "he" | "she" | "they" | "him" | "her" | "them")
            || cx.names.by_forename(base(w)).is_some()
            || first_names(cx.data).contains(base(w));
    }
    false
}

/// Whether the quoted sentence of token `i` names the child's own adult ("my dad") before it.
fn own_adult_before(doc: &Doc, home: &PhraseSet, i: usize) -> bool {
    let first = doc.sentence(i).first;
    (first + 1..i)
        .any(|k| doc.has(k, QUOTED) && doc.norm(k - 1) == "my" && home.match_at(doc, k).is_some())
}

/// Whether the writer says the DSL (or the headteacher, the LADO) has been told: a sentence
/// in the writer's words with one of them and a verb of informing that is done, not planned.
fn dsl_told(cx: &Ctx, doc: &Doc) -> bool {
    let dsl = &cx.k.priority_dsl;
    dsl.find(doc, |i| doc.own(i)).into_iter().any(|m| {
        let s = doc.sentence(m.start);
        (s.first..s.last).any(|i| {
            let planned = doc
                .prev_in_sentence(i)
                .is_some_and(|p| matches!(doc.norm(p), "be" | "will" | "to"));
            doc.own(i)
                && cx.k.loop_informed_verbs.has(doc, i)
                && !planned
                && !negated(doc, i, NEGATION_WINDOW)
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::{check, Entry, LocalDateTime, Policy};

    fn priority(text: &str) -> Vec<String> {
        let v = check(
            &Entry::from_text(text),
            &Policy::default(),
            LocalDateTime::parse("2024-06-03T12:00").unwrap(),
        );
        v.findings
            .iter()
            .filter(|f| f.priority)
            .map(|f| f.message.clone())
            .collect()
    }

    #[test]
    fn the_data_parses_and_every_group_has_patterns() {
        assert!(crate::data::data()
            .priority
            .group
            .iter()
            .all(|g| !g.patterns.is_empty()));
    }

    #[test]
    fn an_adult_at_home_harming_the_child_is_priority_but_a_child_hitting_a_child_is_not() {
        assert_eq!(priority("Amy said “My dad hit me last night.”").len(), 1);
        assert!(priority("Amy said “Ben hit me at break.”").is_empty());
        assert!(priority("He started hitting me, so SLT were called.").is_empty());
        assert!(priority("Mum said he hit her in the playground.").is_empty());
    }

    #[test]
    fn the_message_acknowledges_a_dsl_already_told() {
        let m = priority("Leah said “I want to die.” RKhan (DSL) informed at 10.40.");
        assert!(m[0].contains("has been told"), "{m:?}");
        let m = priority("Leah said “I want to die.” RKhan (DSL) to be informed.");
        assert!(m[0].contains("Tell the DSL today"), "{m:?}");
    }

    #[test]
    fn missing_means_a_person_missing_not_a_thing() {
        assert_eq!(
            priority("Mum rang at 8.30: Tia went missing overnight.").len(),
            1
        );
        assert!(priority("At break Tia's phone went missing from her bag.").is_empty());
    }

    #[test]
    fn an_allegation_against_staff_needs_the_childs_account_not_the_staff_narration() {
        let m = priority("At 11.20 Leo said that Mr Grant pushed him in PE.");
        assert!(m[0].contains("headteacher"), "{m:?}");
        assert!(priority("At 2.10 JBloggs grabbed him by the sleeve at the kerb.").is_empty());
    }

    #[test]
    fn priority_comes_first_and_alone_leaves_the_loop_met() {
        let e = Entry::from_value(&serde_json::json!({
            "text": "At 10.15 in the library, Kayla said “My stepdad hit me.” KPatel reassured her; she returned to class. RKhan (DSL) informed at 10.30 and will phone the social worker tomorrow.",
            "incident_at": "2024-06-03T10:15",
            "students": ["Kayla Brown"],
        }))
        .unwrap();
        let v = check(
            &e,
            &Policy::default(),
            LocalDateTime::parse("2024-06-03T12:00").unwrap(),
        );
        assert!(v.findings[0].priority, "{:#?}", v.findings);
        assert_eq!(v.findings[0].rule, "loop.priority");
        assert_eq!(v.status("loop"), Some(crate::Status::Met));
        assert!(v.to_json().contains("\"priority\": true"));
        assert_eq!(v.findings.iter().filter(|f| f.priority).count(), 1);
    }

    #[test]
    fn a_negated_signal_is_not_priority() {
        assert!(priority("Bag searched by JBloggs; no weapon was found.").is_empty());
    }
}
