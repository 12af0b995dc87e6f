//! The verdict as text for a terminal: what must reach the DSL today first, then the
//! checklist, then findings grouped by criterion with each excerpt marked in its line.

use cpoms_check::shown::one_line;
use cpoms_check::{Finding, Severity, Status, Verdict};
use std::fmt::Write;

/// The entry's words as the terminal shows them: a control character typed or pasted into
/// the entry (an escape sequence, a carriage return) is shown escaped, never obeyed.
fn safe(s: &str) -> String {
    one_line(s, usize::MAX)
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

fn mark(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Met => ("✓", "32"),
        Status::NotMet => ("✗", "31;1"),
        Status::Check => ("?", "33"),
        Status::NotApplicable => ("–", "2"),
    }
}

/// Where each finding's excerpt sits, found in one pass over the text so the report stays
/// linear in the input however many findings there are.
struct Places<'t> {
    text: &'t str,
    /// Byte offsets of every line break.
    breaks: Vec<usize>,
    /// Per finding, its excerpt's byte span.
    spans: Vec<Option<(usize, usize)>>,
}

impl<'t> Places<'t> {
    fn new(text: &'t str, findings: &[Finding]) -> Places<'t> {
        // Every UTF-16 offset asked for, in order, mapped to bytes in one walk.
        let mut wanted: Vec<usize> = findings
            .iter()
            .flat_map(|f| [f.start, f.end])
            .flatten()
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut to_byte = Vec::with_capacity(wanted.len());
        let mut next = wanted.iter().peekable();
        let mut units = 0;
        for (b, c) in text.char_indices() {
            while next.next_if(|&&w| w <= units).is_some() {
                to_byte.push(b);
            }
            units += c.len_utf16();
        }
        to_byte.resize(wanted.len(), text.len());
        let byte = |u: usize| to_byte[wanted.binary_search(&u).unwrap_or(0)];
        let spans = findings
            .iter()
            .map(|f| Some((byte(f.start?), byte(f.end?))))
            .collect();
        let breaks = text.match_indices('\n').map(|(b, _)| b).collect();
        Places {
            text,
            breaks,
            spans,
        }
    }

    /// The excerpt's line, shortened around it, with the excerpt marked.
    fn in_context(&self, k: usize, st: &Style) -> Option<String> {
        let text = self.text;
        let (s, e) = self.spans[k]?;
        let line = self.breaks.partition_point(|&b| b < s);
        let line_start = line.checked_sub(1).map_or(0, |i| self.breaks[i] + 1);
        let line_end = self
            .breaks
            .get(self.breaks.partition_point(|&b| b < e))
            .copied()
            .unwrap_or(text.len());
        // A line number helps only when there is more than one line to count.
        let line_no = if self.breaks.is_empty() {
            String::new()
        } else {
            format!("line {}: ", line + 1)
        };
        let mut before = &text[line_start..s];
        let mut after = &text[e..line_end];
        // Only SIDE characters are looked at on either side: a long line costs no more.
        const SIDE: usize = 40;
        // Cut at a word boundary within those characters, so no word is shown in part.
        let mut pre = String::new();
        if let Some((cut, _)) = before.char_indices().rev().nth(SIDE) {
            let keep = before[cut..]
                .find(' ')
                .map_or(before.len(), |i| cut + i + 1);
            before = &before[keep..];
            pre.push('…');
        }
        let mut post = String::new();
        if let Some((cut, _)) = after.char_indices().nth(SIDE) {
            after = after[..cut].rfind(' ').map_or("", |i| &after[..i]);
            post.push('…');
        }
        let excerpt = if st.on {
            st.paint("1;4;31", &safe(&text[s..e]))
        } else {
            format!("»{}«", safe(&text[s..e]))
        };
        Some(format!(
            "{line_no}{pre}{}{excerpt}{}{post}",
            safe(before),
            safe(after)
        ))
    }
}

pub fn render(v: &Verdict, text: &str, colour: bool) -> String {
    let st = Style { on: colour };
    let mut out = String::new();
    let not_met = v
        .checklist
        .iter()
        .filter(|r| r.status == Status::NotMet)
        .count();
    let to_check = v
        .checklist
        .iter()
        .filter(|r| r.status == Status::Check)
        .count();
    let _ = writeln!(
        out,
        "{}",
        st.paint(
            "1",
            &format!(
                "CPOMS check: {not_met} of {} criteria not met, {to_check} to confirm",
                v.checklist.len()
            )
        )
    );
    let _ = writeln!(out);
    let places = Places::new(text, &v.findings);
    // The school's instruction comes before everything else (entry-json.md: priority first).
    let urgent: Vec<(usize, &Finding)> = v
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.priority)
        .collect();
    if !urgent.is_empty() {
        let _ = writeln!(out, "{}", st.paint("1;31", "Tell the DSL today"));
        for (k, f) in urgent {
            write_finding(&mut out, &places, k, f, &st);
        }
        let _ = writeln!(out);
    }
    for r in &v.checklist {
        let (m, code) = mark(r.status);
        let _ = writeln!(
            out,
            "  {} {:<12} {}",
            st.paint(code, m),
            r.criterion,
            safe(&r.summary)
        );
    }
    if v.findings.is_empty() {
        let _ = writeln!(out, "\nNo findings.");
        return out;
    }
    let _ = writeln!(out, "\n{}", st.paint("1", "Findings"));
    for row in &v.checklist {
        let fs: Vec<(usize, &Finding)> = v
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.criterion == row.criterion && !f.priority)
            .collect();
        if fs.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n  {} · {}",
            st.paint("1", row.criterion),
            row.status.as_str().replace('_', " ")
        );
        for (k, f) in fs {
            // A group (the same rule and reason for several spans) is written once, at its first.
            let Some(group) = &f.group else {
                write_finding(&mut out, &places, k, f, &st);
                continue;
            };
            if v.findings[..k]
                .iter()
                .any(|g| g.group.as_ref() == Some(group))
            {
                continue;
            }
            write_finding(&mut out, &places, k, f, &st);
            let _ = writeln!(out, "      {}", safe(&times(v, f)));
        }
    }
    out
}

/// 6 times in all: “me” ×4, “I” ×2 — the words of `f`'s group and how often each occurs.
fn times(v: &Verdict, f: &Finding) -> String {
    let words = v.group_words(f);
    let total: usize = words.iter().map(|(_, n)| n).sum();
    let each = cpoms_check::verdict::counted(&words, str::to_string);
    format!("{total} times in all: {each}")
}

fn write_finding(out: &mut String, places: &Places, k: usize, f: &Finding, st: &Style) {
    let sev = match f.severity {
        Severity::Problem => st.paint("31", "problem"),
        Severity::Advice => st.paint("36", "advice"),
    };
    let place = match (&f.field, places.in_context(k, st)) {
        (_, Some(ctx)) => ctx,
        (Some(field), None) => format!("field {field}"),
        (None, None) => "the entry as a whole".to_string(),
    };
    let _ = writeln!(out, "    [{sev}] {} ({place})", f.rule);
    let _ = writeln!(out, "      {}", safe(&f.message));
    if let Some(s) = &f.suggestion {
        let _ = writeln!(out, "      Suggestion: {}", safe(s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cpoms_check::{check, Entry, LocalDateTime, Policy};

    /// The entry checked with the default policy on 1 January 2024, and its plain report.
    fn report(text: &str) -> (Verdict, String) {
        let e = Entry::from_text(text);
        let v = check(
            &e,
            &Policy::default(),
            LocalDateTime::parse("2024-01-01T10:00").unwrap(),
        );
        let t = render(&v, &e.text, false);
        (v, t)
    }

    #[test]
    fn marks_excerpts_and_groups_by_criterion() {
        let (v, t) = report("Derek was kicking off in class.");
        assert!(t.contains("»kicking off«"), "{t}");
        assert!(t.contains("  language · not met"));
        assert!(!t.contains('\x1b'));
        assert!(render(&v, "Derek was kicking off in class.", true).contains('\x1b'));
        assert!(!t.contains("Tell the DSL today"));
    }

    #[test]
    fn a_priority_finding_comes_before_the_checklist() {
        let (_, t) = report("In the hall, Amy said “My dad hit me.” Derek was kicking off.");
        let urgent = t.find("Tell the DSL today").expect("a priority section");
        let checklist = t.find("timely").expect("the checklist");
        assert!(urgent < checklist, "{t}");
        assert_eq!(t.matches("loop.priority").count(), 1, "{t}");
    }

    #[test]
    fn control_characters_in_the_entry_are_shown_not_obeyed() {
        let text = "Derek was kicking off\u{1b}[2J\rin class. \u{1b}]0;title\u{7}";
        let (_, t) = report(text);
        assert!(t.contains("»kicking off«\\u{1b}[2J\\r"), "{t}");
        assert!(!t.chars().any(|c| c.is_control() && c != '\n'), "{t:?}");
    }

    #[test]
    fn places_match_a_scan_of_the_text() {
        // Offsets in UTF-16 past emoji and line breaks land where a direct scan puts them.
        let text = "😀 Line one.\nDerek was kicking off.\n\n👩‍👧 Amira was kicking off too.";
        let (_, t) = report(text);
        assert!(t.contains("line 2: Derek was »kicking off«."), "{t}");
        // Both are one reason of one rule: written once, with the count.
        assert!(t.contains("2 times in all: “kicking off” ×2"), "{t}");
        assert!(
            !t.contains("Amira was »kicking off«"),
            "a group is written once: {t}"
        );
    }

    #[test]
    fn one_line_has_no_line_numbers_and_excerpts_keep_whole_words() {
        let text = "At break in the playground this morning after a long wait Derek was kicking off \
                    near the benches beside the fence where the younger children were playing football.";
        let (_, t) = report(text);
        let line = t
            .lines()
            .find(|l| l.contains("»kicking off«"))
            .expect("the excerpt");
        assert!(!line.contains("line 1"), "{t}");
        let shown = &line[line.find('(').unwrap() + 1..];
        let (before, after) = shown.split_once("»kicking off«").unwrap();
        let first = before.trim_start_matches('…').split(' ').next().unwrap();
        let last = after
            .trim_end_matches([')', '…'])
            .rsplit(' ')
            .next()
            .unwrap();
        assert!(
            text.contains(&format!(" {first} ")),
            "“{first}” is a whole word: {line}"
        );
        assert!(
            text.contains(&format!(" {last} ")),
            "“{last}” is a whole word: {line}"
        );
    }

    #[test]
    fn a_group_is_written_once_with_its_count() {
        let (_, t) =
            report("I saw Derek at break. He shouted at me. I asked him to stop and he pushed me.");
        assert_eq!(t.matches("names.first_person").count(), 1, "{t}");
        assert!(t.contains("4 times in all: “I” ×2, “me” ×2"), "{t}");
    }
}
