//! The entry's layout: lines, an "Actions:" section, and pasted emails or messages.
//!
//! Staff paste emails into CPOMS. A pasted message that the writer introduces
//! ("Email from mum below") holds someone else's words: like a quotation, it is not the
//! writer's language. A message pasted with no introduction is the writer's own record
//! (they pasted their own email), so only its header and signature lines are set aside.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Text,
    /// "Actions:", "Next steps:" (content after the colon still belongs to the section).
    Heading,
    /// A list item ("- KPatel to phone mum").
    Item,
    /// "From:", "Sent:", "Subject:" … of a pasted email.
    EmailHeader,
}

#[derive(Clone, Debug)]
pub struct Line {
    pub start: usize,
    /// End of the line's text, before the line break.
    pub end: usize,
    pub kind: LineKind,
    pub in_actions: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Regions {
    pub lines: Vec<Line>,
    /// Someone else's words: bodies of introduced pasted messages.
    pub pasted: Vec<(usize, usize)>,
    /// Set aside from the writer's words: email headers, greetings, signatures.
    pub excluded: Vec<(usize, usize)>,
    /// Where the actions section begins, if there is one.
    pub actions_start: Option<usize>,
    /// The entry holds a pasted email (its header lines).
    pub has_email: bool,
}

const HEADER_NAMES: [&str; 11] = [
    "from", "sent", "to", "cc", "bcc", "subject", "date", "received", "fw", "fwd", "re",
];
const SIGN_OFFS: [&str; 14] = [
    "thanks",
    "thank you",
    "many thanks",
    "kind regards",
    "regards",
    "best wishes",
    "best",
    "cheers",
    "warm regards",
    "yours sincerely",
    "yours faithfully",
    "all the best",
    "with thanks",
    "thanks again",
];
const GREETINGS: [&str; 8] = [
    "hi",
    "hello",
    "dear",
    "good morning",
    "good afternoon",
    "morning",
    "afternoon",
    "hiya",
];
const INTRO_WORDS: [&str; 6] = [
    "below",
    "pasted",
    "forwarded",
    "copied",
    "as follows",
    "reads",
];
const MESSAGE_WORDS: [&str; 9] = [
    "email",
    "e-mail",
    "message",
    "text",
    "letter",
    "note",
    "notification",
    "reply",
    "response",
];

fn header_name(line: &str) -> Option<&'static str> {
    let (name, _) = line.trim_start().split_once(':')?;
    let name = name.trim().to_lowercase();
    HEADER_NAMES.iter().copied().find(|h| *h == name)
}

fn is_sign_off(line: &str) -> bool {
    let l = line.trim().trim_end_matches(['.', '!', ',']).to_lowercase();
    SIGN_OFFS.iter().any(|s| {
        l == *s
            || l.strip_prefix(s).is_some_and(|rest| {
                let rest = rest.trim_start_matches([',', ' ']);
                rest.len() < l.len()
                    && rest.split_whitespace().count() <= 2
                    && rest.chars().all(|c| c.is_alphabetic() || c == ' ')
            })
    })
}

fn heading_len(line: &str, headings: &[String]) -> Option<usize> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    for h in headings {
        // Headings are in lower case; compared without lower-casing the whole line.
        let head = t.get(..h.len()).filter(|p| {
            if h.is_ascii() {
                p.eq_ignore_ascii_case(h)
            } else {
                p.to_lowercase() == *h
            }
        });
        if head.is_some() {
            let rest_trim = t[h.len()..].trim_start();
            if rest_trim.is_empty() || rest_trim.starts_with(':') {
                return Some(lead + h.len());
            }
        }
    }
    None
}

fn is_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['-', '•', '*', '–', '—', '·'])
        || t.split_once([')', '.']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit())
        })
}

pub fn find_regions(text: &str, action_headings: &[String]) -> Regions {
    let mut r = Regions::default();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let kind = if body.trim().is_empty() {
            LineKind::Blank
        } else if header_name(body).is_some() {
            LineKind::EmailHeader
        } else if heading_len(body, action_headings).is_some() {
            LineKind::Heading
        } else if is_item(body) {
            LineKind::Item
        } else {
            LineKind::Text
        };
        r.lines.push(Line {
            start,
            end: start + body.len(),
            kind,
            in_actions: false,
        });
        start += raw.len();
    }
    mark_actions(&mut r);
    mark_emails(text, &mut r);
    r
}

fn mark_actions(r: &mut Regions) {
    let mut inside = false;
    for line in &mut r.lines {
        if line.kind == LineKind::Heading {
            inside = true;
            r.actions_start.get_or_insert(line.start);
        } else if line.kind == LineKind::EmailHeader {
            inside = false;
        }
        line.in_actions = inside;
    }
}

/// Words of a line that opens or closes a pasted message when they are all it says
/// ("--- start of email ---", "-----Original Message-----", "[end of text]").
const OPENERS: [&str; 5] = ["start of", "begin", "beginning of", "original", "forwarded"];
const CLOSERS: [&str; 2] = ["end of", "end"];

/// Whether a line is only a marker around a pasted message: its words, punctuation aside,
/// are an opener (or closer) and a message word ("start of email", "end of message").
fn marker(line: &str, openers: &[&str]) -> bool {
    // The longest is "beginning of the forwarded messages below": a line of more words is
    // prose, rejected before any copy (every line of every entry comes here).
    let mut words = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    if words.nth(7).is_some() {
        return false;
    }
    let words: String = line
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = words.strip_suffix(" below").unwrap_or(&words);
    openers.iter().any(|o| {
        words.strip_prefix(o).is_some_and(|rest| {
            let rest = rest.trim_start().trim_start_matches("the ");
            let rest = rest.strip_prefix("forwarded ").unwrap_or(rest);
            MESSAGE_WORDS
                .iter()
                .any(|m| rest == *m || rest.strip_prefix(m) == Some("s"))
        })
    })
}

/// A line drawn across the text ("---", "______", "====="): it sets a pasted message apart.
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '_' | '=' | '~' | '—' | '–'))
}

/// A message pasted between marker lines: its header lines set aside, its body someone
/// else's words when the marker or the line before it says it was received ("Pasted
/// below:", "Forwarded message"). With no closing marker the body ends as an unmarked
/// one does (its sign-off's paragraph, else its first). Returns the line after the body.
fn mark_between_markers(text: &str, r: &mut Regions, open: usize) -> usize {
    let n = r.lines.len();
    // A message between rules ("---") closes at the next rule.
    let ruled = is_rule(line_text(text, r, open));
    let close = (open + 1..n).find(|&k| {
        let line = line_text(text, r, k);
        marker(line, &CLOSERS) || (ruled && is_rule(line))
    });
    r.has_email = true;
    let received = marker(line_text(text, r, open), &["original", "forwarded"])
        || (0..open)
            .rev()
            .filter(|&k| r.lines[k].kind != LineKind::Blank)
            .take(2)
            .any(|k| introduces(text, r, k));
    let end = close.unwrap_or(n);
    let mut first = open + 1;
    while first < end && matches!(r.lines[first].kind, LineKind::EmailHeader | LineKind::Blank) {
        r.excluded.push((r.lines[first].start, r.lines[first].end));
        first += 1;
    }
    for k in [Some(open), close].into_iter().flatten() {
        r.excluded.push((r.lines[k].start, r.lines[k].end));
    }
    let Some(close) = close else {
        return if first < n {
            mark_body(text, r, first, received).max(open + 1)
        } else {
            n
        };
    };
    if first < close {
        let (s, e) = (r.lines[first].start, r.lines[close - 1].end);
        if received {
            r.pasted.push((s, e));
        }
        if let Some(cut) = greeting_len(line_text(text, r, first)) {
            r.excluded.push((s, s + cut));
        }
    }
    close + 1
}

fn mark_emails(text: &str, r: &mut Regions) {
    let n = r.lines.len();
    let mut i = 0;
    while i < n {
        // An opening marker ("--- start of email ---"), or a rule ("---") just after a line
        // that introduces a message ("Email from …, pasted below:").
        let opens = |i: usize| {
            let line = line_text(text, r, i);
            marker(line, &OPENERS)
                || (is_rule(line)
                    && (0..i)
                        .rev()
                        .find(|&k| r.lines[k].kind != LineKind::Blank)
                        .is_some_and(|k| introduces(text, r, k)))
        };
        if matches!(r.lines[i].kind, LineKind::Text | LineKind::Item) && opens(i) {
            i = mark_between_markers(text, r, i);
            continue;
        }
        if r.lines[i].kind != LineKind::EmailHeader {
            // A message pasted without its header, introduced and opening with a greeting:
            // "Email from Sarah Mensah, social worker, copied below in full:" then "Hi Karen,".
            // The greeting (no copy of the line) is tested first: most lines are not followed by one.
            let next = (i + 1..n).find(|&k| r.lines[k].kind != LineKind::Blank);
            i = match next {
                Some(g)
                    if greeting_len(line_text(text, r, g)).is_some() && introduces(text, r, i) =>
                {
                    mark_body(text, r, g, true).max(i + 1)
                }
                _ => i + 1,
            };
            continue;
        }
        // A header run: header lines, allowing blank lines between a "FW:" line and "From:".
        let run_start = i;
        let mut run_end = i;
        let mut count = 0;
        let mut has_from = false;
        let mut j = i;
        while j < n && matches!(r.lines[j].kind, LineKind::EmailHeader | LineKind::Blank) {
            if r.lines[j].kind == LineKind::EmailHeader {
                count += 1;
                has_from |= header_name(line_text(text, r, j)) == Some("from");
                run_end = j;
            }
            j += 1;
        }
        if count < 2 && !has_from {
            i = run_end + 1;
            continue;
        }
        r.has_email = true;
        for k in run_start..=run_end {
            if r.lines[k].kind == LineKind::EmailHeader {
                r.excluded.push((r.lines[k].start, r.lines[k].end));
            }
        }
        let introduced = (0..run_start)
            .rev()
            .filter(|&k| r.lines[k].kind != LineKind::Blank)
            .take(2)
            .any(|k| introduces(text, r, k));
        let Some(body_first) = (run_end + 1..n).find(|&k| r.lines[k].kind != LineKind::Blank)
        else {
            break;
        };
        i = mark_body(text, r, body_first, introduced).max(run_end + 1);
    }
}

fn line_text<'t>(text: &'t str, r: &Regions, i: usize) -> &'t str {
    &text[r.lines[i].start..r.lines[i].end]
}

/// Whether line `k` introduces a pasted message ("Email from mum below", "Text received:").
fn introduces(text: &str, r: &Regions, k: usize) -> bool {
    let l = line_text(text, r, k).to_lowercase();
    let intro = INTRO_WORDS.iter().any(|w| l.contains(w)) || l.trim_end().ends_with(':');
    intro && MESSAGE_WORDS.iter().any(|w| l.contains(w))
}

/// The length of a greeting's opening ("Hi Anna" of "Hi Anna, …"), if the line opens with one.
/// Quotation marks that open and close a message pasted between them.
const OPENING_QUOTES: [char; 4] = ['\'', '"', '‘', '“'];
const CLOSING_QUOTES: [char; 4] = ['\'', '"', '’', '”'];

fn greeting_len(line: &str) -> Option<usize> {
    // A message pasted between quotation marks opens with one: "'Hi all, thanks …".
    let body = line.trim_start_matches(OPENING_QUOTES);
    GREETINGS
        .iter()
        .any(|w| {
            body.get(..w.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(w))
                && body[w.len()..].starts_with([' ', ','])
        })
        .then(|| line.find(',').unwrap_or(line.len()))
}

/// Marks a message's body from line `body_first`: through the paragraph holding a sign-off,
/// else the first paragraph; someone else's words if `introduced`; its greeting and
/// signature set aside. Returns the line after the body.
fn mark_body(text: &str, r: &mut Regions, body_first: usize, introduced: bool) -> usize {
    let n = r.lines.len();
    let stop = (body_first..n)
        .find(|&k| matches!(r.lines[k].kind, LineKind::Heading | LineKind::EmailHeader))
        .unwrap_or(n);
    let sign_off = (body_first..stop).find(|&k| is_sign_off(line_text(text, r, k)));
    let para_end = |from: usize| {
        (from..stop)
            .find(|&k| r.lines[k].kind == LineKind::Blank)
            .unwrap_or(stop)
    };
    // A message pasted between quotation marks ends where they close, whatever follows.
    let quoted_end = line_text(text, r, body_first)
        .trim_start()
        .starts_with(OPENING_QUOTES)
        .then(|| {
            (body_first..stop).find(|&k| {
                line_text(text, r, k)
                    .trim_end()
                    .trim_end_matches('.')
                    .ends_with(CLOSING_QUOTES)
            })
        })
        .flatten();
    let body_end = match (quoted_end, sign_off) {
        (Some(k), _) => k + 1,
        (None, Some(s)) => para_end(s),
        (None, None) => para_end(body_first),
    };
    if body_end <= body_first {
        return body_end;
    }
    let (s, e) = (r.lines[body_first].start, r.lines[body_end - 1].end);
    if introduced {
        r.pasted.push((s, e));
    }
    // Greeting ("Hi Anna," / "Dear Ms O'Neill,"): the name is the addressee.
    if let Some(cut) = greeting_len(line_text(text, r, body_first)) {
        r.excluded
            .push((r.lines[body_first].start, r.lines[body_first].start + cut));
    }
    // Signature: the sign-off line and what follows it in the body; with no sign-off, a
    // last line of one to three capitalised words ("Leanne Fisher").
    match sign_off {
        Some(s) => r
            .excluded
            .push((r.lines[s].start, r.lines[body_end - 1].end)),
        None => {
            let last = line_text(text, r, body_end - 1).trim();
            let words: Vec<&str> = last.split_whitespace().collect();
            if body_end - 1 > body_first
                && (1..=3).contains(&words.len())
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
            {
                r.excluded
                    .push((r.lines[body_end - 1].start, r.lines[body_end - 1].end));
            }
        }
    }
    body_end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings() -> Vec<String> {
        vec!["actions".into(), "next steps".into()]
    }

    #[test]
    fn actions_section_starts_at_its_heading() {
        let t = "Derek left.\nActions:\n- GBrown to inform mum.\n";
        let r = find_regions(t, &headings());
        assert_eq!(r.actions_start, Some(12));
        assert!(r.lines[2].in_actions && r.lines[2].kind == LineKind::Item);
        assert!(!r.lines[0].in_actions);
    }

    #[test]
    fn an_introduced_email_is_someone_elses_words() {
        let t = "Email from mum below\n\nFrom: Leanne Fisher\nSent: 12 November 2024 21:14\nSubject: Kacey\n\nHi, Kacey came home crying. I am sick of it.\nLeanne Fisher\n\nActions:\n- KPatel to call.";
        let r = find_regions(t, &headings());
        assert!(r.has_email);
        assert_eq!(r.pasted.len(), 1);
        let (s, e) = r.pasted[0];
        assert!(t[s..e].starts_with("Hi, Kacey") && t[s..e].ends_with("Leanne Fisher"));
        assert!(r.excluded.iter().any(|&(s, e)| &t[s..e] == "Leanne Fisher"));
    }

    #[test]
    fn a_message_pasted_in_quotation_marks_ends_where_they_close() {
        let t = "Email from Sam's social worker, pasted below:\n'Hi all, minutes attached. Thanks, Sam'\nKAshworth told reception.\nKAshworth will attend.";
        let r = find_regions(t, &headings());
        let (s, e) = r.pasted[0];
        assert_eq!(&t[s..e], "'Hi all, minutes attached. Thanks, Sam'");
    }

    #[test]
    fn a_message_between_markers_is_someone_elses_words_when_introduced() {
        let t = "Notification received by email, pasted below.\n--- start of email ---\nSubject: OPERATION ENCOMPASS\nPolice attended at 23:40.\n\nBoth children were safe.\n--- end of email ---\nKHarris told the DSL.";
        let r = find_regions(t, &headings());
        let (s, e) = r.pasted[0];
        assert_eq!(
            &t[s..e],
            "Police attended at 23:40.\n\nBoth children were safe."
        );
        for set_aside in [
            "--- start of email ---",
            "Subject: OPERATION ENCOMPASS",
            "--- end of email ---",
        ] {
            assert!(
                r.excluded.iter().any(|&(s, e)| &t[s..e] == set_aside),
                "{set_aside}"
            );
        }
        let forwarded = "---------- Forwarded message ---------\nFrom: Sam Reid\nLeo is safe.\n\nKHarris read it.";
        let r = find_regions(forwarded, &headings());
        assert_eq!(r.pasted.len(), 1, "a forwarded message is received");
        assert!(
            !forwarded[r.pasted[0].0..r.pasted[0].1].contains("KHarris"),
            "no closing marker: its paragraph"
        );
        // The writer's own lines are not markers.
        for own in [
            "The start of the email was polite.",
            "End of lunch.",
            "Start of the email from Mum, who rang later to say sorry",
        ] {
            assert!(!marker(own, &OPENERS) && !marker(own, &CLOSERS), "{own}");
        }
        // The longest markers are still markers.
        for line in [
            "--- Beginning of the forwarded messages below ---",
            "***** End of the forwarded email *****",
        ] {
            assert!(marker(line, &OPENERS) || marker(line, &CLOSERS), "{line}");
        }
    }

    #[test]
    fn an_own_email_keeps_its_body_as_the_writers_words() {
        let t = "From: Gemma Lowe\nSent: 14 January 2025 15:52\nTo: Year 8 Team\n\nHi all, Tyler kicked off.\nThanks\nGemma";
        let r = find_regions(t, &headings());
        assert!(r.has_email && r.pasted.is_empty());
        assert!(r.excluded.iter().any(|&(s, e)| &t[s..e] == "Thanks\nGemma"));
    }

    #[test]
    fn a_text_message_body_ends_with_its_paragraph() {
        let t = "Text message received on the attendance line:\nFrom: 07700 900461 (Dad)\nReceived: 13/01/2025 07:48\n\"Marcus wont be in\"\n\nI think he lets him stay off.";
        let r = find_regions(t, &headings());
        let (s, e) = r.pasted[0];
        assert_eq!(&t[s..e], "\"Marcus wont be in\"");
    }

    #[test]
    fn an_introduced_message_without_its_header_is_someone_elses_words() {
        let t = "Email received at 16:42 from Sarah Mensah, social worker, copied below in full:\n\nHi Karen,\n\nMr T is not to have contact. I'd be grateful for a call.\n\nKind regards,\nSarah\n\nKHarris updated the collection list.";
        let r = find_regions(t, &headings());
        assert!(!r.has_email);
        let (s, e) = r.pasted[0];
        assert!(t[s..e].starts_with("Hi Karen,") && t[s..e].ends_with("Kind regards,\nSarah"));
        assert!(r.excluded.iter().any(|&(s, e)| &t[s..e] == "Hi Karen"));
        // Without an introduction, a greeting is the writer's own words.
        let own = "Hi all,\n\nTyler left the room at 10.15.";
        assert!(find_regions(own, &headings()).pasted.is_empty());
    }

    #[test]
    fn an_introduced_message_between_rules_is_someone_elses_words() {
        let t = "Email from Hannah Briggs (social worker), pasted below.\n---\nSubject: Mason\nHi both, I will visit Mason tomorrow.\nKind regards, Hannah\n---\nActions:\n- BFoster to book a room.";
        let r = find_regions(t, &headings());
        let (s, e) = r.pasted[0];
        assert!(
            t[s..e].starts_with("Hi both") && t[s..e].ends_with("Hannah"),
            "{:?}",
            &t[s..e]
        );
        assert!(r.lines.last().is_some_and(|l| l.in_actions));
        // A rule the writer draws under their own notes pastes nothing.
        let own = "Tyler left at 10.15.\n---\nI phoned mum at 10.30.";
        assert!(find_regions(own, &headings()).pasted.is_empty());
    }
}
