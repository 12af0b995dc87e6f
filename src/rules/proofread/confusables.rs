//! Words that sound alike and are swapped in typing (their/there/they're, its/it's,
//! your/you're, whose/who's, to/too, passed/past, lose/loose, advice/advise, were/where).
//! Harper's and LanguageTool's public rule lists name these pairs as the common ones; the
//! tests here are our own. Each looks at the words around the suspect and flags only the
//! patterns where one reading is impossible, so a correct sentence is never flagged.

use super::words::{
    adjective, auxiliary, conjunction, determiner, finite_verb, possessive, preposition, pronoun,
    read, subject, time_noun,
};
use crate::names::{first_names, is_staff_code};
use crate::rules::{Ctx, Out, Raw};
use crate::text::{Doc, Kind};

/// A suspect word, the words that show it is wrong, and the word meant.
pub struct Hit {
    /// Token range that shows the mistake (it includes the suspect).
    pub from: usize,
    pub to: usize,
    /// The suspect token and the word meant.
    pub word: usize,
    pub meant: &'static str,
}

pub fn check(cx: &Ctx, doc: &Doc, out: &mut Out) {
    for i in 0..doc.len() {
        if !own_word(doc, i) {
            continue;
        }
        let hit = match doc.norm(i) {
            "there" => there(cx, doc, i),
            "their" => their(doc, i),
            "it's" => it_is(cx, doc, i),
            "its" => its(doc, i),
            "your" => your(doc, i),
            "you're" | "they're" => you_are(cx, doc, i),
            "who's" => who_is(cx, doc, i),
            "whose" => whose(doc, i),
            "to" => to(doc, i),
            "past" => past(doc, i),
            "loose" => loose(doc, i),
            "lose" => lose(doc, i),
            "advise" => advise(doc, i),
            "advice" => advice(doc, i),
            "were" => were(doc, i),
            "where" => where_(doc, i),
            _ => None,
        };
        if let Some(h) = hit {
            push(doc, out, "proofread.confusable", &h);
        }
    }
}

/// Reports a hit: the span runs from the evidence to the end of the phrase (two more
/// words at most, not past punctuation), and the suggestion is that span corrected.
pub fn push(doc: &Doc, out: &mut Out, rule: &'static str, h: &Hit) {
    let mut end = h.to;
    while end < h.to + 2 && own_word(doc, end) && doc.sentence_of[end] == doc.sentence_of[h.word] {
        end += 1;
    }
    let (s, e) = doc.span(h.from, end);
    let t = &doc.tokens[h.word];
    let typed = doc.raw(h.word);
    let meant = if typed.starts_with(char::is_uppercase) {
        let mut c = h.meant.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        h.meant.to_string()
    };
    let fixed = format!("{}{}{}", &doc.text[s..t.start], meant, &doc.text[t.end..e]);
    out.push(
        Raw::at(rule, (s, e))
            .detail(format!(
                "did you mean “{fixed}”? (“{typed}” and “{meant}” are easily swapped.)"
            ))
            .suggest(fixed),
    );
}

/// A word of the writer's own (not quoted or pasted).
pub fn own_word(doc: &Doc, k: usize) -> bool {
    k < doc.len() && doc.tokens[k].kind == Kind::Word && doc.own(k)
}

/// The lower-case word at `k` in the same sentence as `i`, if it is the writer's.
pub fn word_at<'d>(doc: &'d Doc, i: usize, k: usize) -> Option<&'d str> {
    (own_word(doc, k) && doc.sentence_of[k] == doc.sentence_of[i]).then(|| doc.norm(k))
}

fn next<'d>(doc: &'d Doc, i: usize) -> Option<&'d str> {
    word_at(doc, i, i + 1)
}

fn after<'d>(doc: &'d Doc, i: usize, n: usize) -> Option<&'d str> {
    word_at(doc, i, i + n)
}

fn prev<'d>(doc: &'d Doc, i: usize) -> Option<&'d str> {
    i.checked_sub(1).and_then(|p| word_at(doc, i, p))
}

/// The end of a sentence or a punctuation mark right after token `k`.
fn ends_after(doc: &Doc, k: usize) -> bool {
    doc.next_in_sentence(k)
        .is_none_or(|n| doc.tokens[n].kind == Kind::Punct)
}

/// Whether token `i` starts a clause: the sentence's first word, after punctuation, or
/// after a conjunction.
fn clause_start(doc: &Doc, i: usize) -> bool {
    match doc.prev_in_sentence(i) {
        None => true,
        Some(p) if doc.tokens[p].kind == Kind::Punct => {
            matches!(doc.norm(p), "," | ";" | ":" | "(" | "–" | "—" | "-")
        }
        Some(p) => conjunction(doc.norm(p)) && doc.norm(p) != "where",
    }
}

/// A noun that can follow a possessive: "their kids", "its lid". A capitalised word is
/// taken as a noun only when it is not a first name ("there Grace was" stays unflagged).
fn possessed_noun(cx: &Ctx, doc: &Doc, k: usize) -> bool {
    if !own_word(doc, k) {
        return false;
    }
    let w = doc.norm(k);
    if doc.capitalised(k) && first_names(cx.data).contains(w) {
        return false;
    }
    let r = read(w);
    if !r.noun
        || time_noun(w)
        || doc
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == Kind::Number)
    {
        return false;
    }
    // "There remains a risk", "there lies the problem": a verb taking an object.
    !(r.verb && after(doc, k, 1).is_some_and(|n| determiner(n) || possessive(n) || pronoun(n)))
}

fn hit(from: usize, to: usize, word: usize, meant: &'static str) -> Option<Hit> {
    Some(Hit {
        from,
        to,
        word,
        meant,
    })
}

/// "there bags" → their; "there going to" → they're.
fn there(cx: &Ctx, doc: &Doc, i: usize) -> Option<Hit> {
    let n = next(doc, i)?;
    let start = clause_start(doc, i);
    if start && n == "going" && after(doc, i, 2) == Some("to") {
        return hit(i, i + 3, i, "they're");
    }
    if start && n == "both" && after(doc, i, 2).is_some() && !possessed_noun(cx, doc, i + 2) {
        return hit(i, i + 2, i, "they're");
    }
    if !possessed_noun(cx, doc, i + 1) {
        return None;
    }
    let p = prev(doc, i);
    let owner_slot = match p {
        // "was there food?": the existential there, inverted.
        Some(p) if auxiliary(p) => false,
        // "spoke to there mum": these prepositions cannot take the place adverb "there".
        Some(p) if preposition(p) => matches!(
            p,
            "to" | "with" | "for" | "of" | "about" | "at" | "into" | "onto" | "towards" | "like"
        ),
        // "took there bags" (object) but not "got there mum was waiting" (a new clause).
        Some(p) if read(p).verb || finite_verb(p) => {
            !after(doc, i, 2).is_some_and(finite_verb) && !ends_after(doc, i)
        }
        _ => start,
    };
    owner_slot.then(|| Hit {
        from: i,
        to: i + 2,
        word: i,
        meant: "their",
    })
}

/// "their is" → there; "over their." → there.
fn their(doc: &Doc, i: usize) -> Option<Hit> {
    if let Some(n) = next(doc, i) {
        let be = matches!(
            n,
            "is" | "are" | "was" | "were" | "isn't" | "aren't" | "wasn't" | "weren't"
        );
        let perfect = matches!(n, "has" | "have" | "had") && after(doc, i, 2) == Some("been");
        return (be || perfect).then(|| Hit {
            from: i,
            to: i + 2,
            word: i,
            meant: "there",
        });
    }
    let place = prev(doc, i).is_some_and(|p| matches!(p, "over" | "from" | "near" | "in" | "out"));
    (place && ends_after(doc, i)).then(|| Hit {
        from: i - 1,
        to: i + 1,
        word: i,
        meant: "there",
    })
}

/// "on it's side" → its; "It's lid was broken" → Its; "it's own" → its.
fn it_is(cx: &Ctx, doc: &Doc, i: usize) -> Option<Hit> {
    let n = next(doc, i)?;
    if n == "own" {
        return hit(i, i + 2, i, "its");
    }
    if !possessed_noun(cx, doc, i + 1) {
        return None;
    }
    let after_prep = prev(doc, i).is_some_and(|p| {
        preposition(p) && !matches!(p, "like" | "since" | "till" | "until" | "than")
    });
    let subject_of_verb = clause_start(doc, i) && after(doc, i, 2).is_some_and(finite_verb);
    (after_prep || subject_of_verb).then(|| Hit {
        from: i.saturating_sub(usize::from(after_prep)),
        to: i + 2,
        word: i,
        meant: "its",
    })
}

/// "its a", "its not", "its been" → it's.
fn its(doc: &Doc, i: usize) -> Option<Hit> {
    let n = next(doc, i)?;
    matches!(n, "a" | "an" | "the" | "not" | "been" | "going" | "because").then(|| Hit {
        from: i,
        to: i + 2,
        word: i,
        meant: "it's",
    })
}

/// "your going to", "your not", "your on" → you're.
fn your(doc: &Doc, i: usize) -> Option<Hit> {
    let n = next(doc, i)?;
    // "your on-call", "your so-called": a hyphenated word is one token, so this is a word.
    let wrong = match n {
        "going" => after(doc, i, 2) == Some("to"),
        "welcome" => ends_after(doc, i + 1),
        "not" | "on" | "a" | "an" | "the" | "allowed" | "supposed" | "always" | "never" | "too"
        | "gonna" => true,
        _ => false,
    };
    wrong.then(|| Hit {
        from: i,
        to: i + 2,
        word: i,
        meant: "you're",
    })
}

/// "you're own", "you're mum said" → your (and the same for they're → their).
fn you_are(cx: &Ctx, doc: &Doc, i: usize) -> Option<Hit> {
    let meant = if doc.norm(i) == "you're" {
        "your"
    } else {
        "their"
    };
    let n = next(doc, i)?;
    let wrong = n == "own"
        || (possessed_noun(cx, doc, i + 1)
            && !n.ends_with('s')
            && after(doc, i, 2).is_some_and(finite_verb));
    wrong.then(|| Hit {
        from: i,
        to: i + 2,
        word: i,
        meant,
    })
}

/// "who's phone" → whose.
fn who_is(cx: &Ctx, doc: &Doc, i: usize) -> Option<Hit> {
    // "who's friends with…" is "who is friends with".
    let wrong = possessed_noun(cx, doc, i + 1) && after(doc, i, 2) != Some("with");
    wrong.then(|| Hit {
        from: i,
        to: i + 2,
        word: i,
        meant: "whose",
    })
}

/// "whose been", "whose going" → who's.
fn whose(doc: &Doc, i: usize) -> Option<Hit> {
    matches!(next(doc, i)?, "been" | "going" | "not" | "gonna").then(|| Hit {
        from: i,
        to: i + 2,
        word: i,
        meant: "who's",
    })
}

/// "to upset to speak", "was to late.", "ate to much." → too.
fn to(doc: &Doc, i: usize) -> Option<Hit> {
    let n = next(doc, i)?;
    let degree = adjective(n) || matches!(n, "much" | "many");
    if !degree {
        return None;
    }
    let then = after(doc, i, 2);
    let before_to = then == Some("to") && after(doc, i, 3).is_some();
    let linking = prev(doc, i).is_some_and(|p| {
        matches!(
            p,
            "is" | "are"
                | "was"
                | "were"
                | "been"
                | "be"
                | "felt"
                | "feels"
                | "feel"
                | "seemed"
                | "seems"
                | "looked"
                | "looks"
                | "got"
                | "gets"
                | "became"
                | "far"
                | "way"
        )
    });
    let closes = ends_after(doc, i + 1) || matches!(then, Some("for" | "and"));
    let quantity = matches!(n, "much" | "many") && ends_after(doc, i + 1);
    (before_to && adjective(n) || linking && closes || quantity).then(|| Hit {
        from: i,
        to: i + 2,
        word: i,
        meant: "too",
    })
}

/// "has past away", "I past the concern" → passed.
fn past(doc: &Doc, i: usize) -> Option<Hit> {
    let p = i.checked_sub(1).filter(|&p| own_word(doc, p))?;
    let pw = doc.norm(p);
    let n = next(doc, i)?;
    let object = determiner(n)
        || possessive(n)
        || matches!(
            n,
            "it" | "him" | "them" | "me" | "us" | "on" | "away" | "over" | "round"
        );
    let have = matches!(pw, "has" | "had" | "have" | "having" | "'ve");
    let subject = matches!(pw, "i" | "he" | "she" | "we" | "they") || is_staff_code(doc.raw(p));
    let passive = matches!(pw, "was" | "were" | "been" | "being" | "be" | "is" | "are")
        && matches!(n, "on" | "onto");
    ((have || subject) && object || passive).then(|| Hit {
        from: p,
        to: i + 2,
        word: i,
        meant: "passed",
    })
}

/// "to loose his temper", "didn't loose it" → lose.
fn loose(doc: &Doc, i: usize) -> Option<Hit> {
    let n = next(doc, i)?;
    let object = possessive(n)
        || matches!(
            n,
            "it" | "control" | "track" | "patience" | "interest" | "focus" | "sight"
        );
    let verb_slot = prev(doc, i).is_some_and(|p| {
        matches!(
            p,
            "will"
                | "would"
                | "could"
                | "should"
                | "might"
                | "may"
                | "can"
                | "must"
                | "did"
                | "didn't"
                | "don't"
                | "doesn't"
                | "won't"
                | "'ll"
                | "to"
        )
    });
    (object && (verb_slot || n != "it")).then(|| Hit {
        from: i,
        to: i + 2,
        word: i,
        meant: "lose",
    })
}

/// "came lose", "a lose tooth" → loose.
fn lose(doc: &Doc, i: usize) -> Option<Hit> {
    let p = i.checked_sub(1).filter(|&p| own_word(doc, p))?;
    let wrong = matches!(
        doc.norm(p),
        "come"
            | "comes"
            | "came"
            | "coming"
            | "broke"
            | "broken"
            | "break"
            | "breaking"
            | "worked"
            | "working"
            | "shook"
            | "hanging"
            | "a"
            | "very"
            | "quite"
            | "slightly"
            | "bit"
            | "is"
            | "was"
            | "were"
            | "are"
            | "been"
    );
    wrong.then(|| Hit {
        from: p,
        to: i + 1,
        word: i,
        meant: "loose",
    })
}

/// "some advise", "the advise" → advice.
fn advise(doc: &Doc, i: usize) -> Option<Hit> {
    let p = i.checked_sub(1).filter(|&p| own_word(doc, p))?;
    let pw = doc.norm(p);
    // Not "her" or "that": "let her advise", "services that advise families".
    let noun_slot = matches!(
        pw,
        "the"
            | "some"
            | "any"
            | "this"
            | "his"
            | "their"
            | "my"
            | "your"
            | "our"
            | "its"
            | "no"
            | "more"
            | "further"
            | "much"
            | "of"
            | "for"
            | "medical"
            | "professional"
            | "good"
            | "expert"
            | "legal"
    );
    noun_slot.then(|| Hit {
        from: p,
        to: i + 1,
        word: i,
        meant: "advice",
    })
}

/// "will advice him", "advice them to" → advise.
fn advice(doc: &Doc, i: usize) -> Option<Hit> {
    let modal = prev(doc, i).is_some_and(|p| {
        matches!(
            p,
            "will"
                | "would"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "must"
                | "please"
                | "did"
                | "didn't"
        )
    });
    let object = next(doc, i).is_some_and(|n| matches!(n, "him" | "them" | "me" | "us"));
    (modal || object).then(|| Hit {
        from: i,
        to: i + 2,
        word: i,
        meant: "advise",
    })
}

/// "the front were he sat" → where.
fn were(doc: &Doc, i: usize) -> Option<Hit> {
    let p = i.checked_sub(1).filter(|&p| own_word(doc, p))?;
    let n = next(doc, i)?;
    if !subject(n) || !after(doc, i, 2).is_some_and(finite_verb) {
        return None;
    }
    let pw = doc.norm(p);
    // A singular noun cannot be the subject of "were"; "to/from were" cannot be a verb.
    // "the back", "the front": after a determiner the word is a noun whatever else it is.
    let noun = read(pw).noun || (p > 0 && own_word(doc, p - 1) && determiner(doc.norm(p - 1)));
    // "The family were, they said, …": a collective noun starting the clause is the subject.
    let subject_np = p >= 1 && determiner(doc.norm(p - 1)) && clause_start(doc, p - 1);
    let place = (noun && !pw.ends_with('s') && !doc.capitalised(p) && !subject_np)
        || matches!(pw, "to" | "from" | "near");
    let question = doc.sentence(i).last < doc.len() && doc.norm(doc.sentence(i).last) == "?";
    (place && !question).then(|| Hit {
        from: p,
        to: i + 2,
        word: i,
        meant: "where",
    })
}

/// "they where sent" → were; "There where two boys" → were.
fn where_(doc: &Doc, i: usize) -> Option<Hit> {
    let p = i.checked_sub(1).filter(|&p| own_word(doc, p))?;
    let pw = doc.norm(p);
    let n = next(doc, i);
    let after_subject = matches!(pw, "they" | "we" | "you");
    let existential = pw == "there"
        && clause_start(doc, p)
        && (n.is_some_and(|n| determiner(n) || number_word(n) || matches!(n, "lots" | "loads"))
            || doc
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == Kind::Number));
    (after_subject || existential).then(|| Hit {
        from: p,
        to: i + 1,
        word: i,
        meant: "were",
    })
}

fn number_word(w: &str) -> bool {
    matches!(
        w,
        "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "twenty"
    )
}
