//! `loop`: is the safeguarding loop closed? What staff did, the outcome, who was
//! informed, and what happens next, each its own finding.

use super::util::negated;
use super::{Ctx, Out, Raw};
use crate::names::{base, is_staff_code};
use crate::text::regions::LineKind;
use crate::text::{Doc, PhraseSet};

/// How many words before a contact with a party may deny it ("could not reach mum").
const CONTACT_NEGATION_WINDOW: usize = 5;

/// How many words after a verb are read for the party told ("passed this information to the DSL").
const OBJECT_STEPS: usize = 8;

/// How far ahead of a capitalised word its possessive ending may stand ("Leo Fitzgerald's").
const POSSESSOR_WINDOW: usize = 3;

pub fn check(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let own = |i: usize| doc.own(i);
    let response = cx.k.loop_response.any_in(doc, 0, doc.len(), own).is_some();
    let outcome = cx.k.loop_outcome.any_in(doc, 0, doc.len(), own).is_some();
    let informed = informed(cx, doc);
    let actions = has_actions(cx, doc);
    if !response {
        out.push(Raw::whole("loop.response"));
    }
    if !informed {
        out.push(Raw::whole("loop.informed"));
    }
    // An outcome or a next step closes the incident; missing both is a problem,
    // missing one is advice (a settled incident may need no next step).
    if !outcome && !actions {
        out.push(Raw::whole("loop.outcome"));
        out.push(Raw::whole("loop.actions"));
    }
}

/// Whether token `i` begins a person who can be informed: a party ("mum", "the DSL"),
/// a staff code, or an adult's full name.
fn party_at(cx: &Ctx, doc: &Doc, parties: &PhraseSet, i: usize) -> bool {
    if i >= doc.len() {
        return false;
    }
    if parties.match_at(doc, i).is_some() || is_staff_code(doc.raw(i)) {
        return true;
    }
    let full_name = i + 1 < doc.len()
        && doc.capitalised(i)
        && doc.capitalised(i + 1)
        && doc.is_word(i + 1)
        && cx
            .names
            .by_full_name(doc.norm(i), base(doc.norm(i + 1)))
            .is_none()
        && cx.names.by_forename(doc.norm(i)).is_none_or(|p| !p.tagged);
    full_name
}

/// After a verb at `i`, skip filler and possessive names ("passed this information to
/// the", "phoned Leo Fitzgerald's") and look for a party.
fn object_is_party(cx: &Ctx, doc: &Doc, parties: &PhraseSet, i: usize) -> bool {
    let mut k = i + 1;
    let s = doc.sentence_of[i];
    let mut steps = 0;
    while k < doc.len() && doc.sentence_of[k] == s && steps < OBJECT_STEPS {
        if party_at(cx, doc, parties, k) {
            return true;
        }
        // "Leo Fitzgerald's dad", "both girls' parents": skip the possessor.
        let possessive = |p: usize| {
            doc.norm(p).ends_with("'s")
                || doc.norm(p).ends_with('\'')
                || (p + 1 < doc.len()
                    && doc.norm(p + 1) == "'"
                    && doc.tokens[p + 1].start == doc.tokens[p].end)
        };
        let named_possessor = (k..(k + POSSESSOR_WINDOW).min(doc.len()))
            .find(|&p| possessive(p))
            .filter(|_| doc.capitalised(k));
        if let Some(p) = named_possessor {
            k = p + if doc.norm(p).ends_with('s') && !doc.norm(p).ends_with("'s") {
                2
            } else {
                1
            };
        } else if possessive(k) {
            k += if doc.norm(k).contains('\'') { 1 } else { 2 };
        } else if cx.k.loop_filler.has(doc, k) {
            k += 1;
        } else {
            return false;
        }
        steps += 1;
    }
    false
}

fn informed(cx: &Ctx, doc: &Doc) -> bool {
    let l = &cx.data.loop_;
    let parties = &cx.k.loop_parties;
    let verbs = &l.informed_verbs;
    for i in 0..doc.len() {
        if !doc.own(i) {
            continue;
        }
        let w = doc.norm(i);
        // The hash set rules out most words at once (it has no false negatives); the
        // list still decides.
        if cx.k.loop_informed_verbs.has(doc, i) && verbs.iter().any(|v| v == w) {
            // "phoned Leo's mum", "passed this information to the school nurse"
            if object_is_party(cx, doc, parties, i) && !(w == "called" && called_a_name(doc, i)) {
                return true;
            }
            // "Dad was phoned by …", "MBanks (first aid lead) informed.", "informed by RKhan"
            let passive = doc
                .prev_in_sentence(i)
                .is_some_and(|p| matches!(doc.norm(p), "was" | "were" | "been" | "is" | "are"))
                || doc.next_in_sentence(i).is_none_or(|n| {
                    matches!(doc.norm(n), "." | "," | ";" | "by" | "at" | "on" | "and")
                });
            let s = doc.sentence(i);
            let party_before = (s.first..i).any(|k| party_at(cx, doc, parties, k) && doc.own(k));
            if passive && party_before {
                return true;
            }
        }
    }
    if contact_with_party(cx, doc, parties) {
        return true;
    }
    // Planned: "GBrown to inform Derek's mum", "will phone dad", "Jane Doe (social worker) to be informed".
    let plans = &cx.k.loop_informing_plans;
    for i in 0..doc.len() {
        if !doc.own(i) || !matches!(doc.norm(i), "to" | "will") {
            continue;
        }
        if i + 1 >= doc.len() {
            continue;
        }
        let Some(m) = plans.match_at(doc, i + 1) else {
            continue;
        };
        let before = doc.prev_in_sentence(i).map(|p| doc.norm(p));
        if before.is_some_and(|b| {
            matches!(
                b,
                "him" | "her" | "them" | "me" | "us" | "you" | "asked" | "told"
            )
        }) {
            continue; // "told him to tell his HOY": the child is asked, nobody is informed
        }
        let passive = doc.norm(m.start) == "be";
        let s = doc.sentence(i);
        if passive && (s.first..i).any(|k| party_at(cx, doc, parties, k)) {
            return true;
        }
        if !passive && object_is_party(cx, doc, parties, m.end - 1) {
            return true;
        }
    }
    false
}

/// A meeting, call or notification in the same sentence as a party: "Attendance meeting:
/// PWhitfield (attendance officer) and mum", "Phone call from Jane Doe (youth worker)",
/// "Operation Encompass notification received". Both sides of a meeting or call know.
fn contact_with_party(cx: &Ctx, doc: &Doc, parties: &PhraseSet) -> bool {
    let contacts = &cx.k.loop_contact_events;
    contacts.find(doc, |i| doc.own(i)).into_iter().any(|m| {
        let s = doc.sentence(m.start);
        !negated(doc, m.start, CONTACT_NEGATION_WINDOW)
            && (s.first..s.last)
                .filter(|&k| k < m.start || k >= m.end)
                .any(|k| doc.own(k) && party_at(cx, doc, parties, k))
    })
}

fn called_a_name(doc: &Doc, i: usize) -> bool {
    let s = doc.sentence(i);
    (i..s.last).any(|k| matches!(doc.norm(k), "name" | "names"))
}

fn has_actions(cx: &Ctx, doc: &Doc) -> bool {
    let in_section = doc.regions.lines.iter().any(|l| {
        l.in_actions && (l.kind == LineKind::Item || (l.kind == LineKind::Text && l.end > l.start))
    }) || doc.regions.lines.iter().any(|l| {
        // "Next steps: review on 18/02." on one line
        l.kind == LineKind::Heading
            && doc.text[l.start..l.end]
                .split_once(':')
                .is_some_and(|(_, rest)| rest.trim().len() > 3)
    });
    if in_section {
        return true;
    }
    let acts = &cx.k.loop_actions;
    let pupil_will = cx.names.by_forename("will").is_some();
    acts.find(doc, |i| doc.own(i)).into_iter().any(|m| {
        // "Will" the pupil is not "will" the verb.
        if pupil_will && doc.raw(m.start) == "Will" {
            return false;
        }
        // "KPatel to phone mum" plans; "I had to call for SLT" does not.
        if doc.norm(m.start) == "to" {
            let prev = doc.prev_in_sentence(m.start);
            // "School report to be done by TBrook": a thing to be done is a plan too.
            let to_be = m.start + 1 < doc.len() && doc.norm(m.start + 1) == "be";
            if to_be {
                return prev.is_none_or(|p| !cx.k.loop_not_plans_before_to_be.has(doc, p));
            }
            return prev.is_none_or(|p| {
                is_staff_code(doc.raw(p))
                    || doc.capitalised(p)
                    || cx.k.loop_parties_words.has(doc, p)
            });
        }
        true
    })
}
