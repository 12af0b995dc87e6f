//! `names`: staff as JBloggs, children by forename, professionals as full name and role.

use super::{Ctx, Out, Raw};
use crate::names::{base, first_names, is_staff_code};
use crate::policy::StaffNameFormat;
use crate::text::{Doc, Kind, EXCLUDED};

/// How far after a title a family word makes it a parent ("Mrs Ahmed (mum)", "Mr Lee, Kai's dad").
const RELATION_WINDOW: usize = 5;

/// How far after a professional's name, past a comma or dash, a role may stand.
const ROLE_AFTER_WINDOW: usize = 8;

/// How many words before a family doctor's role a verb of going may stand ("take her to see the GP").
const VISIT_WINDOW: usize = 4;

mod staff;

pub fn check(cx: &Ctx, out: &mut Out) {
    staff_titles(cx, out);
    if cx.policy.staff_name_format == StaffNameFormat::Code {
        staff_format(cx, out);
        first_person(cx, out);
        staff::initials(cx, out);
    }
    staff::roles(cx, out);
    staff::by_place(cx, out);
    child_surnames(cx, out);
    professionals(cx, out);
}

/// A capitalised word that could be part of a name. The pronoun "I" ("I", "I'd", "I’m") is
/// never one: "… I asked Callum I needed to …" names nobody "Callum I".
fn capital_word(doc: &Doc, i: usize) -> bool {
    let n = doc.norm(i);
    doc.is_word(i)
        && doc.tokens[i].kind == Kind::Word
        && doc.capitalised(i)
        && !(n == "i" || n.starts_with("i'") || n.starts_with("i’"))
}

/// "Mrs Patel", "Mr Davies'", "Miss", "Sir".
fn staff_titles(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    for i in 0..doc.len() {
        if !doc.own(i) || !doc.capitalised(i) || !cx.k.names_staff_titles.has(doc, i) {
            continue;
        }
        let mut j = i + 1;
        if j < doc.len() && doc.norm(j) == "." && doc.tokens[j].start == doc.tokens[i].end {
            j += 1; // "Mr. Jones"
        }
        let next = (j < doc.len() && doc.sentence_of[j] == doc.sentence_of[i]).then_some(j);
        match next {
            Some(s) if capital_word(doc, s) => {
                if doc
                    .next_in_sentence(s)
                    .is_some_and(|t| capital_word(doc, t))
                {
                    continue; // "Mrs Jane Doe": a full name, looked at with professionals
                }
                // "Mrs Ahmed (mum)", "Mr Lee, Kai's dad": a parent or carer, not staff.
                let relation = (s + 1..(s + RELATION_WINDOW).min(doc.len()))
                    .take_while(|&k| doc.sentence_of[k] == doc.sentence_of[s])
                    .any(|k| {
                        cx.k.speech_family.has(doc, k)
                            || cx.k.names_professional_roles_words.has(doc, k)
                    });
                if relation
                    && doc
                        .next_in_sentence(s)
                        .is_some_and(|k| matches!(doc.norm(k), "(" | "," | "-" | "–"))
                {
                    continue;
                }
                let surname = base(doc.norm(s));
                let codes = cx.names.staff_with_surname(surname);
                let (a, b) = (doc.tokens[i].start, super::tagging::name_span(doc, s).1);
                let mut r = Raw::at("names.staff_title", (a, b));
                if let [code] = codes.as_slice() {
                    r = r.suggest((*code).clone()).detail(format!(" Use {code}."));
                } else if codes.len() > 1 {
                    let list: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
                    r = r.detail(format!(
                        " The school has {}: which one?",
                        list.join(" and ")
                    ));
                }
                out.push(r);
            }
            _ if cx.k.names_bare_staff_titles.has(doc, i) => {
                out.push(Raw::at("names.staff_title", doc.span(i, i + 1)));
            }
            _ => {}
        }
    }
}

/// "J. Bloggs", "J Bloggs", "Joe Bloggs", "jbloggs" for a known code; "J. Bloggs" for any.
fn staff_format(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    for i in 0..doc.len() {
        if !doc.own(i) || doc.has(i, EXCLUDED) {
            continue;
        }
        let raw = doc.raw(i);
        // jbloggs → JBloggs
        if let Some(code) = cx
            .names
            .staff
            .iter()
            .find(|c| c.as_str() != raw && c.eq_ignore_ascii_case(raw))
        {
            out.push(Raw::at("names.staff_format", doc.span(i, i + 1)).suggest(code.clone()));
            continue;
        }
        let single_initial = raw.len() == 1 && raw.chars().all(|c| c.is_ascii_uppercase());
        if single_initial {
            let mut j = i + 1;
            let dotted = j < doc.len() && doc.norm(j) == ".";
            if dotted {
                j += 1;
            }
            // Not "Priya S. Jones", not a unit ("mmol/L."), not before a code ("L. TMorgan").
            let after_name = i > 0
                && ((capital_word(doc, i - 1) && doc.sentence_of[i - 1] == doc.sentence_of[i])
                    || doc.tokens[i - 1].end == doc.tokens[i].start);
            if j < doc.len() && is_staff_code(doc.raw(j)) {
                continue;
            }
            if (raw != "I" || dotted)
                && !after_name
                && j < doc.len()
                && doc.sentence_of[j] == doc.sentence_of[i]
                && capital_word(doc, j)
            {
                let surname = base(doc.norm(j));
                let known = cx
                    .names
                    .staff_with_surname(surname)
                    .into_iter()
                    .find(|c| c.starts_with(raw));
                if dotted || known.is_some() {
                    let code = known.cloned().unwrap_or_else(|| {
                        format!(
                            "{raw}{}",
                            &doc.raw(j)
                                [..super::tagging::name_span(doc, j).1 - doc.tokens[j].start]
                        )
                    });
                    out.push(
                        Raw::at(
                            "names.staff_format",
                            (doc.tokens[i].start, super::tagging::name_span(doc, j).1),
                        )
                        .suggest(code),
                    );
                }
            }
            continue;
        }
        // Joe Bloggs when the school knows JBloggs (and Joe Bloggs is not a pupil).
        if capital_word(doc, i)
            && i + 1 < doc.len()
            && capital_word(doc, i + 1)
            && doc.sentence_of[i + 1] == doc.sentence_of[i]
        {
            let surname = base(doc.norm(i + 1));
            if cx.names.by_full_name(doc.norm(i), surname).is_some() {
                continue;
            }
            let initial = raw.chars().next().unwrap_or(' ');
            if let Some(code) = cx
                .names
                .staff_with_surname(surname)
                .into_iter()
                .find(|c| c.starts_with(initial))
            {
                if first_names(cx.data).contains(doc.norm(i)) {
                    out.push(
                        Raw::at(
                            "names.staff_format",
                            (doc.tokens[i].start, super::tagging::name_span(doc, i + 1).1),
                        )
                        .suggest(code.clone()),
                    );
                }
            }
        }
    }
}

/// "I", "me": advice while a staff code says who was involved; a problem when the entry
/// names no member of staff at all, so no later reader can tell who acted. A writer who
/// gives their code beside the first person ("I (HMcLeod) was on the door", "asked to speak
/// to me (ARahman)") or signs the entry ("Logged by DOkafor") has said who "I" is for the
/// whole entry.
fn first_person(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let anyone_named = (0..doc.len()).any(|i| doc.own(i) && is_staff_code(doc.raw(i)));
    // "I (HMcLeod) was on the door" introduces the writer; "Logged by DOkafor (Head of
    // Year 11)." signs the entry: either way its "I" is that member of staff.
    let introduces = |i: usize| {
        cx.k.names_first_person.has(doc, i)
            && i + 3 < doc.len()
            && doc.norm(i + 1) == "("
            && is_staff_code(doc.raw(i + 2))
    };
    let signs = |i: usize| {
        const SIGNING: [&str; 7] = [
            "logged",
            "written",
            "recorded",
            "entered",
            "completed",
            "added",
            "compiled",
        ];
        i > 0
            && i + 1 < doc.len()
            && doc.norm(i) == "by"
            && is_staff_code(doc.raw(i + 1))
            && SIGNING.contains(&doc.norm(i - 1))
    };
    if (0..doc.len()).any(|i| doc.own(i) && (introduces(i) || signs(i))) {
        return;
    }
    // "coded I (illness)", "marked as I": a register's attendance code, not the writer.
    let attendance_code = |i: usize| {
        let before = |k: usize| doc.prev_in_sentence(k).map(|p| (p, doc.norm(p)));
        match before(i) {
            Some((_, "coded" | "code" | "marked" | "mark")) => true,
            Some((p, "as")) => {
                before(p).is_some_and(|(_, w)| matches!(w, "coded" | "code" | "marked" | "mark"))
            }
            _ => false,
        }
    };
    for i in 0..doc.len() {
        if doc.own(i) && cx.k.names_first_person.has(doc, i) && !attendance_code(i) {
            out.push(Raw::at("names.first_person", doc.span(i, i + 1)).escalate(!anyone_named));
        }
    }
}

/// "Leo Fitzgerald" for a tagged child → "Leo". Where the tag holds more than two words
/// ("Xin Yi Wang"), all of the rest must follow: "Xin Yi" may be the whole forename.
fn child_surnames(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    for p in cx.names.tagged() {
        let Some(surname) = &p.surname else { continue };
        let words: Vec<&str> = surname.split_whitespace().collect();
        for i in 0..doc.len().saturating_sub(words.len()) {
            let follows = words.iter().enumerate().all(|(k, w)| {
                let t = i + 1 + k;
                doc.own(t)
                    && if k + 1 == words.len() {
                        base(doc.norm(t)) == *w
                    } else {
                        doc.norm(t) == *w
                    }
            });
            if doc.norm(i) == p.forename && follows && doc.own(i) {
                let end = super::tagging::name_span(doc, i + 1).1;
                out.push(
                    Raw::at("names.child_surname", (doc.tokens[i].start, end))
                        .suggest(doc.raw(i).to_string()),
                );
            }
        }
    }
}

/// Whether a job role follows the full name ending at token `last` ("Jane Doe, social
/// worker", "Jane Doe (social worker)", "Lisa Grey - school nurse") or comes just before it.
fn role_near(cx: &Ctx, doc: &Doc, first: usize, last: usize) -> bool {
    let is_role = |k: usize| {
        cx.k.names_role_words.has(doc, k) || cx.k.names_professional_roles_words.has(doc, k)
    };
    let after = last + 1;
    if after < doc.len() {
        match doc.norm(after) {
            "(" => return true,
            "," | "-" | "–" | "—" | "|" => {
                let end = (after + ROLE_AFTER_WINDOW).min(doc.len());
                if (after + 1..end)
                    .take_while(|&k| !matches!(doc.norm(k), "." | ";"))
                    .any(is_role)
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    // A signature: the name on its own line and the role on the next ("Dr Priya Nair" /
    // "Clinical Psychologist").
    if after < doc.len() && doc.has(after, crate::text::LINE_START) {
        let end = (after + ROLE_AFTER_WINDOW).min(doc.len());
        if (after..end)
            .take_while(|&k| k == after || !doc.has(k, crate::text::LINE_START))
            .any(is_role)
        {
            return true;
        }
    }
    // "the school nurse Priya Shah", "the school nurse, Priya Shah": the role before.
    let before = match doc.prev_in_sentence(first) {
        Some(p) if doc.norm(p) == "," => doc.prev_in_sentence(p),
        p => p,
    };
    before.is_some_and(|p| is_role(p) || cx.k.names_professional_titles.has(doc, p))
}

fn professionals(cx: &Ctx, out: &mut Out) {
    let doc = cx.doc;
    let n = &cx.data.names;
    let lexicon = first_names(cx.data);
    // Full names: a capitalised first name (from the lexicon, or after a title) and surname;
    // with whether a role is given beside it.
    let full_name = |i: usize| -> Option<((String, String), bool)> {
        if !capital_word(doc, i) || !capital_word(doc, i + 1) {
            return None;
        }
        if doc.sentence_of[i + 1] != doc.sentence_of[i]
            || doc.tokens[i + 1].start > doc.tokens[i].end + 1
        {
            return None;
        }
        // "TYRESE MUST NOT …": a line in capitals is shouting, not a name; and an
        // abbreviation is not a surname ("to offer Kayden ELSA sessions").
        if (doc.all_capitals(i) && doc.all_capitals(i + 1)) || cx.k.names_acronyms.has(doc, i + 1) {
            return None;
        }
        let after_title = i > 0
            && n.professional_titles
                .iter()
                .chain(&n.staff_titles)
                .any(|t| t == doc.norm(i - 1))
            && doc.capitalised(i - 1);
        let (first, last) = (doc.norm(i), base(doc.norm(i + 1)));
        if !(after_title || lexicon.contains(first))
            || is_staff_code(doc.raw(i + 1))
            || cx.names.by_full_name(first, last).is_some()
        {
            return None;
        }
        if i > 0
            && capital_word(doc, i - 1)
            && !after_title
            && !doc.has(i, crate::text::SENTENCE_START)
        {
            return None; // part of a longer proper name
        }
        let initial = doc.raw(i).chars().next().unwrap_or(' ');
        if cx
            .names
            .staff_with_surname(last)
            .iter()
            .any(|c| c.starts_with(initial))
        {
            return None; // a member of staff in full: staff_format's concern
        }
        let role_title = after_title && n.role_titles.iter().any(|t| t == doc.norm(i - 1));
        let role = role_title || role_near(cx, doc, if after_title { i - 1 } else { i }, i + 1);
        Some(((first.to_string(), last.to_string()), role))
    };
    // Introduced with a role anywhere, a signature or a pasted message included ("Dr Priya
    // Nair / Consultant Psychiatrist, CAMHS" under an email): the name needs no role again.
    let full_names: Vec<(usize, (String, String), bool)> = (0..doc.len().saturating_sub(1))
        .filter_map(|i| full_name(i).map(|(key, role)| (i, key, role)))
        .collect();
    let introduced: Vec<&(String, String)> = full_names
        .iter()
        .filter(|(_, _, role)| *role)
        .map(|(_, key, _)| key)
        .collect();
    let mut flagged: Vec<(String, String)> = Vec::new();
    let mut named_roles = false;
    for &(i, ref key, role) in &full_names {
        if !doc.own(i) || doc.has(i, EXCLUDED) {
            continue;
        }
        if role {
            named_roles = true;
            continue;
        }
        if introduced.contains(&key) || flagged.contains(key) {
            continue;
        }
        flagged.push(key.clone());
        out.push(Raw::at(
            "names.professional_name",
            (doc.tokens[i].start, super::tagging::name_span(doc, i + 1).1),
        ));
    }
    // A professional by title and surname only: "PC Smith", "Dr Patel".
    for i in 0..doc.len().saturating_sub(1) {
        if !doc.own(i) || !doc.capitalised(i) || !cx.k.names_professional_titles.has(doc, i) {
            continue;
        }
        let j = i + 1;
        // "PC Lloyd" after "PC Gareth Lloyd": the full name was given once (and judged there).
        let named_before = introduced
            .iter()
            .copied()
            .chain(&flagged)
            .any(|(_, last)| *last == base(doc.norm(j)));
        if capital_word(doc, j)
            && !named_before
            && doc.sentence_of[j] == doc.sentence_of[i]
            && !doc
                .next_in_sentence(j)
                .is_some_and(|k| capital_word(doc, k))
        {
            out.push(Raw::at(
                "names.professional_role",
                (doc.tokens[i].start, super::tagging::name_span(doc, j).1),
            ));
        }
    }
    // A professional by role alone: "the school nurse", "the duty social worker".
    let roles = &cx.k.names_professional_roles;
    let mut lower_text: Option<String> = None;
    let mut not_yet_named: Option<Vec<usize>> = None;
    for m in roles.find(doc, |k| doc.own(k)) {
        if doc.is_word(m.end) && cx.k.names_role_compounds.has(doc, m.end) {
            continue;
        }
        let det = m
            .start
            .checked_sub(1)
            .filter(|&d| doc.sentence_of[d] == doc.sentence_of[m.start]);
        let determiner = det.is_some_and(|det| {
            let d = doc.norm(det);
            matches!(
                d,
                "the" | "a" | "an" | "their" | "her" | "his" | "my" | "your" | "our"
            ) || d.ends_with("'s")
        });
        // Note style drops the article: "Social worker says things are improving."
        let opens_note = det.is_none()
            && doc.has(m.start, crate::text::SENTENCE_START)
            && doc.is_word(m.end)
            && !doc.capitalised(m.end)
            && doc.sentence_of[m.end] == doc.sentence_of[m.start];
        // "Bev (school nurse)", "Sam, social worker": the role, but only a first name.
        if let Some(p) = staff::first_name_before(cx, doc, m.start) {
            let end = staff::through_bracket(doc, m.end);
            out.push(Raw::at("names.professional_role", doc.span(p, end)));
            continue;
        }
        if !determiner && !opens_note {
            continue;
        }
        let det = det.filter(|_| determiner).unwrap_or(m.start);
        // The role in brackets after the name: "Sandra Okafor (Kayden's social worker)".
        if det >= 3
            && doc.norm(det - 1) == "("
            && capital_word(doc, det - 2)
            && capital_word(doc, det - 3)
        {
            continue;
        }
        // Named in apposition: "the school nurse, Priya Shah" / "the school nurse Priya Shah".
        let k = if m.end < doc.len() && doc.norm(m.end) == "," {
            m.end + 1
        } else {
            m.end
        };
        if k + 1 < doc.len() && capital_word(doc, k) && capital_word(doc, k + 1) {
            continue;
        }
        // "… the allocated social worker once their name is known": no name to give yet.
        let unknown = not_yet_named.get_or_insert_with(|| {
            let found = cx.k.names_not_yet_named.find(doc, |k| doc.own(k));
            found.iter().map(|f| f.start).collect()
        });
        if unknown
            .iter()
            .any(|&u| u >= m.end && doc.sentence_of[u] == doc.sentence_of[m.start])
        {
            continue;
        }
        // "Mum will take her to see the GP on Friday": the family's doctor, as a place to go.
        let visited =
            cx.k.names_visited_roles
                .match_at(doc, m.start)
                .is_some_and(|v| v.end <= m.end);
        let first = doc.sentence(m.start).first;
        if visited
            && (det.saturating_sub(VISIT_WINDOW).max(first)..det)
                .any(|k| cx.k.names_visit_words.match_at(doc, k).is_some())
        {
            continue;
        }
        let role_text =
            doc.text[doc.tokens[m.start].start..doc.tokens[m.end - 1].end].to_lowercase();
        if named_roles
            && lower_text
                .get_or_insert_with(|| doc.text.to_lowercase())
                .matches(&role_text)
                .count()
                > 1
        {
            continue; // the professional was named with this role elsewhere
        }
        out.push(Raw::at("names.professional_role", doc.span(det, m.end)));
    }
}
