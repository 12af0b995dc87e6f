//! Staff the guidance wants as JBloggs but the text names another way: by role alone
//! ("the dinner lady", "Class teacher") or by initials alone ("HB said"). Dotted
//! initials ("J.M.", "J. Bloggs") are `staff_format`'s.

use super::super::{Ctx, Out, Raw};
use crate::names::{first_names, is_staff_code};
use crate::text::{Doc, Kind, EXCLUDED, SENTENCE_START};

/// Whether token `i` names a person the reader can identify: a staff code or a full name
/// ("KPatel", "Jane Doe").
fn named(doc: &Doc, i: usize) -> bool {
    is_staff_code(doc.raw(i))
        || (doc.capitalised(i)
            && doc.tokens[i].kind == Kind::Word
            && doc
                .next_in_sentence(i)
                .is_some_and(|k| doc.capitalised(k) && doc.tokens[k].kind == Kind::Word))
}

/// "the TA", "a lunchtime supervisor", "Class teacher to …", "told the caretaker".
pub fn roles(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let matches =
        cx.k.names_staff_roles
            .find(doc, |k| doc.own(k) && !doc.has(k, EXCLUDED));
    // Roles the text ties to a code somewhere ("KPatel (TA)", "the TA, KPatel"): a later
    // "the TA" is then that person.
    let tied = |m: &crate::text::Match| {
        // "Head of Year 10 (TMorgan)": the year's number belongs to the role.
        let last = match doc.next_in_sentence(m.end - 1) {
            Some(k) if doc.tokens[k].kind == Kind::Number => k,
            _ => m.end - 1,
        };
        let after = match doc.next_in_sentence(last) {
            Some(k) if matches!(doc.norm(k), "," | "(" | "-" | "–") => doc.next_in_sentence(k),
            k => k,
        };
        // "CAdebayo (Sofia's form tutor)": a determiner or a child's name may open the role.
        let before = match doc.prev_in_sentence(m.start) {
            Some(p) if matches!(doc.norm(p), "the" | "a" | "an") || doc.norm(p).ends_with("'s") => {
                doc.prev_in_sentence(p)
            }
            p => p,
        };
        let before = match before {
            Some(p) if matches!(doc.norm(p), "," | "(" | "-" | "–") => doc.prev_in_sentence(p),
            _ => None,
        };
        after.is_some_and(|k| named(doc, k))
            || before.is_some_and(|p| {
                is_staff_code(doc.raw(p))
                    || (doc.capitalised(p) && bare_first_name(cx, doc, p).is_none())
            })
    };
    let text_of = |m: &crate::text::Match| {
        (m.start..m.end)
            .map(|k| doc.norm(k))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let introduced: Vec<String> = matches.iter().filter(|m| tied(m)).map(text_of).collect();
    for m in &matches {
        // "Sarah (TA)": a first name alone does not say which Sarah.
        if let Some(p) = first_name_before(cx, doc, m.start) {
            let end = through_bracket(doc, m.end);
            out.push(Raw::at("names.staff_role", doc.span(p, end)));
            continue;
        }
        if tied(m) || introduced.contains(&text_of(m)) {
            continue;
        }
        if doc.is_word(m.end)
            && doc.sentence_of[m.end] == doc.sentence_of[m.start]
            && (cx.k.names_staff_role_compounds.has(doc, m.end)
                || cx.k.names_role_compounds.has(doc, m.end))
        {
            continue; // "TA support", "tutor time"
        }
        let prev = doc.prev_in_sentence(m.start);
        // "where a TA can help him": any TA, not one who did something.
        let generic = prev.is_some_and(|p| matches!(doc.norm(p), "a" | "an"))
            && doc.is_word(m.end)
            && matches!(
                doc.norm(m.end),
                "can" | "could" | "will" | "would" | "may" | "might" | "should"
            );
        if generic {
            continue;
        }
        let start = match prev {
            Some(p) => {
                let d = doc.norm(p);
                if matches!(
                    d,
                    "the" | "a" | "an" | "their" | "her" | "his" | "my" | "our" | "your"
                ) || d.ends_with("'s")
                {
                    p
                } else if matches!(
                    d,
                    "to" | "with" | "by" | "from" | "for" | "and" | "told" | "informed" | "asked"
                    // an action line or a list: "- Class teacher to …"
                    | "-" | "–" | "•" | "*" | ":"
                ) {
                    m.start
                } else {
                    continue;
                }
            }
            // A role at the start of a sentence or an action line: "Class teacher to …".
            None if doc.has(m.start, SENTENCE_START) || m.start == 0 => m.start,
            None => continue,
        };
        out.push(Raw::at("names.staff_role", doc.span(start, m.end)));
    }
}

/// The first name standing alone before a role that starts at `role`, after a bracket or
/// comma: "Sarah (TA)", "Jane, social worker".
pub(super) fn first_name_before(cx: &Ctx, doc: &Doc, role: usize) -> Option<usize> {
    doc.prev_in_sentence(role)
        .filter(|&p| matches!(doc.norm(p), "(" | ","))
        .and_then(|p| doc.prev_in_sentence(p))
        .and_then(|p| bare_first_name(cx, doc, p))
}

/// `end`, or past the bracket that closes there: the finding covers "Sarah (TA)" whole.
pub(super) fn through_bracket(doc: &Doc, end: usize) -> usize {
    if end < doc.len() && doc.norm(end) == ")" {
        end + 1
    } else {
        end
    }
}

/// Token `p` as a member of staff's first name standing alone: a first name from the
/// lexicon, not a pupil's on the form, not the end of a full name or a title ("Miss Patel").
fn bare_first_name(cx: &Ctx, doc: &Doc, p: usize) -> Option<usize> {
    let alone = doc
        .prev_in_sentence(p)
        .is_none_or(|q| !(doc.capitalised(q) && doc.tokens[q].kind == Kind::Word));
    (alone
        && doc.capitalised(p)
        && doc.tokens[p].kind == Kind::Word
        && first_names(cx.data).contains(doc.norm(p))
        && cx.names.by_forename(doc.norm(p)).is_none())
    .then_some(p)
}

/// A member of staff by first name and where they work: "Sarah in the office", "Dave from
/// the site team". A first name of a pupil on the form is a child, not staff.
pub fn by_place(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let places = &cx.k.names_staff_places;
    for i in 0..doc.len().saturating_sub(2) {
        if !doc.own(i)
            || doc.has(i, EXCLUDED)
            || !doc.capitalised(i)
            || doc.tokens[i].kind != Kind::Word
            || !first_names(cx.data).contains(doc.norm(i))
            || cx.names.by_forename(doc.norm(i)).is_some()
            || !matches!(doc.norm(i + 1), "in" | "from" | "on" | "at")
        {
            continue;
        }
        let mut k = i + 2;
        if matches!(doc.norm(k), "the" | "our") {
            k += 1;
        }
        if let Some(m) = places.match_at(doc, k) {
            out.push(Raw::at("names.staff_role", doc.span(i, m.end)));
        }
    }
}

/// Two or three capitals that are not a known abbreviation.
fn bare_initials(cx: &Ctx, doc: &Doc, i: usize) -> bool {
    let raw = doc.raw(i);
    doc.tokens[i].kind == Kind::Word
        && (2..=3).contains(&raw.len())
        && raw.chars().all(|c| c.is_ascii_uppercase())
        && !cx.k.names_acronyms.has(doc, i)
}

/// The abbreviations the entry spells out as capitalised words, so that they are ones it
/// defines: "Individual Healthcare Plan … IHP", "Young Carers Service (YCS)". A person's
/// name is not one ("Harry Brown … HB" are initials). Found in one pass over the text.
fn spelt_out(cx: &Ctx, doc: &Doc) -> Vec<String> {
    let capital = |t: usize| {
        doc.tokens[t].kind == Kind::Word
            && doc.raw(t).len() > 1
            && doc.raw(t).starts_with(|c: char| c.is_ascii_uppercase())
    };
    let mut out = Vec::new();
    for start in 0..doc.len() {
        if !capital(start) || first_names(cx.data).contains(doc.norm(start)) {
            continue;
        }
        let mut caps = String::new();
        for t in start..(start + 3).min(doc.len()) {
            if !capital(t) || doc.sentence_of[t] != doc.sentence_of[start] {
                break;
            }
            caps.push(char::from(doc.raw(t).as_bytes()[0]));
            if caps.len() >= 2 && !out.contains(&caps) {
                out.push(caps.clone());
            }
        }
    }
    out
}

/// The staff codes whose capitals are these initials ("HB" → HBrennan, "KON" → KONeill).
fn codes_for<'a>(cx: &'a Ctx, initials: &str) -> Vec<&'a String> {
    cx.names
        .staff
        .iter()
        .filter(|c| {
            let caps: String = c.chars().filter(char::is_ascii_uppercase).collect();
            caps == initials
                || (initials.len() == 2
                    && c.starts_with(&initials[..1])
                    && caps.ends_with(&initials[1..])
                    && caps.len() == 3)
        })
        .collect()
}

/// Whether token `k` stands for a person in a list of people ("HB, KP, mum and …").
fn person_like(cx: &Ctx, doc: &Doc, k: usize) -> bool {
    is_staff_code(doc.raw(k))
        || cx.k.speech_family.has(doc, k)
        || bare_initials(cx, doc, k)
        || (doc.capitalised(k) && first_names(cx.data).contains(doc.norm(k)))
}

/// "HB said", "told KP", "Present: HB, KP, mum", "HB (DSL)".
pub fn initials(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let mut defined: Option<Vec<String>> = None;
    for i in 0..doc.len() {
        if !doc.own(i) || doc.has(i, EXCLUDED) || !bare_initials(cx, doc, i) {
            continue;
        }
        if defined
            .get_or_insert_with(|| spelt_out(cx, doc))
            .iter()
            .any(|d| d == doc.raw(i))
        {
            continue;
        }
        let raw = doc.raw(i);
        let next = doc.next_in_sentence(i);
        let mut prev = doc.prev_in_sentence(i);
        // "HE WAS TOLD TO STOP": a word in a run of capitals is shouting, not initials.
        if prev.is_some_and(|k| doc.all_capitals(k)) || next.is_some_and(|k| doc.all_capitals(k)) {
            continue;
        }
        if prev.is_some_and(|p| doc.norm(p) == ":") {
            prev = prev.and_then(|p| doc.prev_in_sentence(p));
        }
        let verb_after = next.is_some_and(|k| cx.k.names_person_next.has(doc, k));
        let word_before = prev.is_some_and(|p| cx.k.names_person_before.has(doc, p));
        let listed = prev.is_some_and(|p| {
            matches!(doc.norm(p), "," | "and")
                && doc
                    .prev_in_sentence(p)
                    .is_some_and(|q| person_like(cx, doc, q))
        }) || next.is_some_and(|k| {
            matches!(doc.norm(k), "," | "and")
                && doc
                    .next_in_sentence(k)
                    .is_some_and(|q| person_like(cx, doc, q))
        });
        let staff_match = !codes_for(cx, raw).is_empty();
        if verb_after
            || word_before
            || listed
            || (staff_match && next.is_some_and(|k| doc.norm(k) == "("))
        {
            push(cx, out, doc, i, i + 1, raw);
        }
    }
}

fn push(cx: &Ctx, out: &mut Out, doc: &Doc, a: usize, b: usize, initials: &str) {
    let mut r = Raw::at("names.initials", doc.span(a, b));
    if let [code] = codes_for(cx, initials).as_slice() {
        r = r
            .suggest((*code).clone())
            .detail(format!(" Is this {code}?"));
    }
    out.push(r);
}
