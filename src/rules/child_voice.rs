//! `child_voice`: where someone's words are reported, are they quoted directly?

use super::{Applies, Ctx, Out, Raw};
use crate::names::{first_names, is_staff_code};
use crate::text::{Doc, Kind, SENTENCE_START};

/// How far after a verb like "told" a "that" is looked for past a time or place ("told DM at the start of period 3 that").
const THAT_WINDOW: usize = 9;

/// How many words from the start of the reported clause are read for it at most.
const REPORTED_WORDS: usize = 6;

/// One place where the writer reports what someone said.
pub struct Reported {
    /// Tokens from the reporting verb to the end of the excerpt.
    pub start: usize,
    pub end: usize,
    /// The speaker's word just before the verb, if any ("Grace", "she").
    pub speaker: Option<usize>,
}

fn is_speech_verb(cx: &Ctx, i: usize) -> bool {
    cx.k.speech_verbs.has(cx.doc, i)
}

/// The writer (or staff) is the speaker: their own words need no quotation.
fn staff_speaker(cx: &Ctx, doc: &Doc, i: usize) -> bool {
    let raw = doc.raw(i);
    let n = doc.norm(i);
    is_staff_code(raw)
        || matches!(n, "i" | "we" | "staff" | "school")
        || cx.names.staff.iter().any(|c| c.eq_ignore_ascii_case(raw))
        || doc
            .prev_in_sentence(i)
            .is_some_and(|p| cx.k.names_staff_titles.has(doc, p))
        || cx.data.names.bare_staff_titles.iter().any(|t| t == n)
}

/// A professional speaking ("the social worker", "Rachel Kaye (youth worker)"): their
/// words are theirs to report, not the child's voice. Family words are not roles here.
fn professional(cx: &Ctx, doc: &Doc, i: usize) -> bool {
    let role = |k: usize| {
        (cx.k.names_role_words.has(doc, k) || cx.k.names_professional_roles_words.has(doc, k))
            && !cx.k.speech_family.has(doc, k)
    };
    if doc.norm(i) == ")" {
        // Back to the bracket: "Jane Doe (social worker) said …".
        let s = doc.sentence(i).first;
        return (s..i).rev().take_while(|&k| doc.norm(k) != "(").any(role);
    }
    role(i)
}

/// The sentence's subject before token `end`: its first person (a staff code, a family
/// word, a capitalised name), past an opening time or place ("At 8.40 KPatel phoned …");
/// otherwise its first word.
fn subject(cx: &Ctx, doc: &Doc, end: usize) -> Option<usize> {
    let first = doc.sentence(end).first;
    (first..end)
        .find(|&k| {
            staff_speaker(cx, doc, k)
                || cx.k.speech_family.has(doc, k)
                || (doc.capitalised(k)
                    && (cx.names.by_forename(doc.norm(k)).is_some()
                        || first_names(cx.data).contains(doc.norm(k))))
        })
        .or_else(|| (first..end).find(|&k| doc.is_word(k)))
}

/// A clause with its "that" left out: a subject, then a verb within a few words ("admitted
/// he had been selling", "mentioned her uncle had visited", "claimed Jo hit her"). Without
/// the verb it is an object: "mentioned the trip", "shared her work".
fn reported_clause(cx: &Ctx, doc: &Doc, j: usize) -> bool {
    const SUBJECTS: [&str; 14] = [
        "he", "she", "they", "i", "we", "there", "someone", "some", "the", "a", "two", "people",
        "everyone", "nobody",
    ];
    let w = doc.norm(j);
    // "mentioned something about a cousin": the gist of what was said, in the writer's words.
    if w == "something" && j + 1 < doc.len() && doc.norm(j + 1) == "about" {
        return true;
    }
    let family = |k: usize| cx.k.speech_family.has(doc, k);
    let named = |k: usize| {
        doc.capitalised(k)
            && !is_staff_code(doc.raw(k))
            && (cx.names.by_forename(doc.norm(k)).is_some()
                || first_names(cx.data).contains(doc.norm(k)))
    };
    let subject_ends = if SUBJECTS.contains(&w) || family(j) || named(j) {
        j
    } else if matches!(w, "her" | "his" | "their" | "my") && j + 1 < doc.len() && family(j + 1) {
        j + 1
    } else {
        return false;
    };
    let last = doc.sentence(j).last;
    // "some Year 13 boys had been …": a few words of the subject, numbers among them.
    (subject_ends + 1..(subject_ends + 5).min(last))
        .take_while(|&k| doc.is_word(k) || doc.tokens[k].kind == Kind::Number)
        .any(|k| super::proofread::words::finite_verb(doc.norm(k)))
}

/// A clause from `j` in which the speaker says what they will do ("(that) he would talk
/// to Harvey", "she'll bring the form"): a parent's arrangement, not an account to quote.
fn own_promise(doc: &Doc, j: usize) -> bool {
    let k = if doc.norm(j) == "that" { j + 1 } else { j };
    if k + 1 >= doc.len() {
        return false;
    }
    match doc.norm(k) {
        // Not "she'd": that is as often "she had" ("she'd been hit").
        "he'll" | "she'll" | "they'll" | "we'll" => true,
        "he" | "she" | "they" | "we" => matches!(doc.norm(k + 1), "would" | "will"),
        _ => false,
    }
}

/// A word that opens the person told ("told KPatel", "told me", "told the DSL", "told mum").
fn opens_hearer(cx: &Ctx, doc: &Doc, k: usize) -> bool {
    matches!(
        doc.norm(k),
        "me" | "him" | "her" | "them" | "us" | "you" | "staff" | "the"
    ) || cx.k.speech_family.has(doc, k)
        || (doc.capitalised(k) && doc.tokens[k].kind == Kind::Word)
}

/// A "that" within a few words from `from`, before any comma or quotation mark: the
/// reported clause past a hearer, time or place.
fn that_within(doc: &Doc, from: usize, last: usize) -> Option<usize> {
    (from..(from + THAT_WINDOW).min(last))
        .take_while(|&k| !matches!(doc.norm(k), "," | ";" | "“" | "\""))
        .find(|&k| doc.norm(k) == "that")
}

/// Reported speech in the writer's own words, quoted or not.
pub fn reported_speech(cx: &Ctx) -> Vec<Reported> {
    let doc = cx.doc;
    let sp = &cx.data.speech;
    let mut out = Vec::new();
    for i in 0..doc.len() {
        if !doc.own(i) || !is_speech_verb(cx, i) {
            continue;
        }
        let prev = doc.prev_in_sentence(i);
        if prev.is_some_and(|p| cx.k.speech_passive.has(doc, p)) {
            continue; // "was told he would need to …"
        }
        // The speaker: the word before the verb, looking past "who" and commas; after
        // "and" ("KONeill phoned … and shared …"), the sentence's first word.
        let mut speaker = prev;
        let (mut relative, mut chained, mut joined) = (false, false, false);
        while let Some(p) = speaker {
            match doc.norm(p) {
                "who" | "," | "then" | "also" | "later" | "had" | "has" | "have" => {
                    relative |= doc.norm(p) == "who";
                    chained |= doc.norm(p) == ",";
                    speaker = doc.prev_in_sentence(p)
                }
                // "and told …", "phoned … to say that …": the sentence's subject speaks.
                "and" | "to" => {
                    joined = doc.norm(p) == "and";
                    speaker = subject(cx, doc, p);
                    break;
                }
                _ => break,
            }
        }
        // "TByrne reassured Kian, told him …": a chain of the subject's own verbs.
        let staff_chain =
            chained && !relative && subject(cx, doc, i).is_some_and(|k| staff_speaker(cx, doc, k));
        if staff_chain
            || speaker.is_some_and(|s| {
                staff_speaker(cx, doc, s)
                    || professional(cx, doc, s)
                    || cx.k.speech_non_speakers.has(doc, s)
            })
        {
            continue;
        }
        let mut j = doc.next_in_sentence(i);
        // A note that opens with the telling of a child or parent ("Told her she would have
        // a detention.", "Informed mum that …") has the writer as its unwritten subject; one
        // that tells the writer or staff ("Told me dad hit him") reports the child.
        // So does a note that opens with another verb of the writer's and joins this one
        // with "and" ("Gave her the figures and told her the DSL would ring").
        let first = doc.sentence(i).first;
        let opens_note = (speaker.is_none() && doc.has(i, SENTENCE_START))
            || (joined
                && first < i
                && doc.capitalised(first)
                && super::proofread::words::finite_verb(doc.norm(first))
                && !cx.k.speech_object_verbs.has(doc, first));
        let tells_child_or_family = j.is_some_and(|k| {
            matches!(doc.norm(k), "him" | "her" | "them")
                || cx.k.speech_family.has(doc, k)
                || cx.names.by_forename(doc.norm(k)).is_some()
        });
        if opens_note && cx.k.speech_object_verbs.has(doc, i) && tells_child_or_family {
            continue;
        }
        if cx.k.speech_object_verbs.has(doc, i) {
            // "told KPatel that …", "told me …"; with no person after it, "told" is
            // passive ("… and told that Harvey has a detention"): not the speaker's words.
            let person = j.is_some_and(|k| opens_hearer(cx, doc, k));
            if !person {
                continue;
            }
            j = j
                .and_then(|k| {
                    if doc.norm(k) == "the" {
                        doc.next_in_sentence(k)
                    } else {
                        Some(k)
                    }
                })
                .and_then(|k| doc.next_in_sentence(k));
        } else if let Some(to) = j.filter(|&k| doc.norm(k) == "to") {
            // "mentioned to KPatel that …", "explained to her form tutor at break that …":
            // the hearer may take a few words; without a "that", one word ("said to me he …").
            // Only a hearer, not an infinitive ("said to go to the office so that …").
            let hearer = doc.next_in_sentence(to).is_some_and(|k| {
                opens_hearer(cx, doc, k)
                    || matches!(
                        doc.norm(k),
                        "a" | "an" | "his" | "their" | "my" | "another" | "one"
                    )
            });
            let that = || that_within(doc, to + 1, doc.sentence(i).last);
            j = hearer.then(that).flatten().or_else(|| {
                doc.next_in_sentence(to)
                    .and_then(|k| doc.next_in_sentence(k))
            });
        }
        let Some(mut j) = j else { continue };
        // "told DMcAllister at the start of period 3 that …": a time or place between.
        if cx.k.speech_object_verbs.has(doc, i) && cx.k.speech_adverbial_starts.has(doc, j) {
            if let Some(t) = that_within(doc, j, doc.sentence(i).last) {
                j = t;
            }
        }
        if speaker.is_some_and(|s| cx.k.speech_family.has(doc, s)) && own_promise(doc, j) {
            continue; // "dad said he would talk to Harvey at home": an arrangement
        }
        let w = doc.norm(j);
        if cx.k.speech_that_only.has(doc, i) && w != "that" && !reported_clause(cx, doc, j) {
            continue;
        }
        let starts_clause = doc.tokens[j].kind != Kind::Punct
            && (sp.clause_starters.iter().any(|s| s == w)
                || sp.family.iter().any(|s| s == w)
                || w.chars().any(|c| c.is_ascii_digit())
                || (doc.capitalised(j) && !is_staff_code(doc.raw(j))));
        if !starts_clause || !doc.own(j) {
            continue;
        }
        let sentence_end = doc.sentence(i).last;
        let mut end = (j + REPORTED_WORDS).min(sentence_end);
        if let Some(stop) =
            (j..end).find(|&k| matches!(doc.norm(k), "," | "." | ";" | "!" | "?" | "“" | "\""))
        {
            end = stop.max(j + 1);
        }
        // One word and the sentence or clause ends: an object, not a clause ("when she
        // said it.", "told her.").
        if end == j + 1 && doc.norm(j) != "that" {
            continue;
        }
        out.push(Reported {
            start: i,
            end,
            speaker,
        });
    }
    out
}

pub fn check(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let reported = cx.reported();
    let any_quote = doc.quotes.iter().any(|q| q.end > q.start + 2);
    if reported.is_empty() && !any_quote {
        out.set("child_voice", Applies::NotApplicable);
        return;
    }
    for r in reported {
        let s = doc.sentence_of[r.start];
        if doc.sentence_has_quote(s) {
            continue; // the words are quoted in the same sentence
        }
        // "Grace reported … that a boy had made a comment. Grace said “Kyle told me …”"
        if let (Some(sp), Some(next)) = (r.speaker, doc.sentences.get(s + 1)) {
            let speaker = doc.norm(sp);
            // The next sentence opens with the same speaker and a speech verb.
            let opens_with_speaker = doc.norm(next.first) == speaker
                || (matches!(speaker, "he" | "she" | "they")
                    && doc.capitalised(next.first)
                    && doc.tokens[next.first].kind == Kind::Word);
            let then_speaks = next.first + 1 < next.last && is_speech_verb(cx, next.first + 1);
            if opens_with_speaker && then_speaks && doc.sentence_has_quote(s + 1) {
                continue;
            }
        }
        out.push(Raw::at(
            "child_voice.reported_speech",
            doc.span(r.start, r.end),
        ));
    }
}
