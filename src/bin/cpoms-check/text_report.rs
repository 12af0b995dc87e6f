//! The verdict as text for a terminal: what must reach the DSL today first, then the
//! checklist, then findings grouped by criterion with each excerpt marked in its line.

use cpoms_check::text::byte_offset as byte_at;
use cpoms_check::{Finding, Severity, Status, Verdict};
use std::fmt::Write;

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

/// The excerpt's line, shortened around it, with the excerpt marked.
fn in_context(text: &str, f: &Finding, st: &Style) -> Option<String> {
    let (s, e) = (byte_at(text, f.start?), byte_at(text, f.end?));
    let line_start = text[..s].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[e..].find('\n').map_or(text.len(), |p| e + p);
    let line_no = text[..s].matches('\n').count() + 1;
    let mut before = &text[line_start..s];
    let mut after = &text[e..line_end];
    const SIDE: usize = 40;
    let mut pre = String::new();
    if before.chars().count() > SIDE {
        let cut = before
            .char_indices()
            .rev()
            .nth(SIDE - 1)
            .map_or(0, |(b, _)| b);
        before = &before[cut..];
        pre.push('…');
    }
    let mut post = String::new();
    if after.chars().count() > SIDE {
        let cut = after
            .char_indices()
            .nth(SIDE)
            .map_or(after.len(), |(b, _)| b);
        after = &after[..cut];
        post.push('…');
    }
    let excerpt = if st.on {
        st.paint("1;4;31", &text[s..e])
    } else {
        format!("»{}«", &text[s..e])
    };
    Some(format!(
        "line {line_no}: {pre}{before}{excerpt}{after}{post}"
    ))
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
    // The school's instruction comes before everything else (entry-json.md: priority first).
    let urgent: Vec<&Finding> = v.findings.iter().filter(|f| f.priority).collect();
    if !urgent.is_empty() {
        let _ = writeln!(out, "{}", st.paint("1;31", "Tell the DSL today"));
        for f in &urgent {
            write_finding(&mut out, text, f, &st);
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
            r.summary
        );
    }
    if v.findings.is_empty() {
        let _ = writeln!(out, "\nNo findings.");
        return out;
    }
    let _ = writeln!(out, "\n{}", st.paint("1", "Findings"));
    for row in &v.checklist {
        let fs: Vec<&Finding> = v
            .findings
            .iter()
            .filter(|f| f.criterion == row.criterion && !f.priority)
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
        for f in fs {
            write_finding(&mut out, text, f, &st);
        }
    }
    out
}

fn write_finding(out: &mut String, text: &str, f: &Finding, st: &Style) {
    let sev = match f.severity {
        Severity::Problem => st.paint("31", "problem"),
        Severity::Advice => st.paint("36", "advice"),
    };
    let place = match (&f.field, in_context(text, f, st)) {
        (_, Some(ctx)) => ctx,
        (Some(field), None) => format!("field {field}"),
        (None, None) => "the entry as a whole".to_string(),
    };
    let _ = writeln!(out, "    [{sev}] {} ({place})", f.rule);
    let _ = writeln!(out, "      {}", f.message);
    if let Some(s) = &f.suggestion {
        let _ = writeln!(out, "      Suggestion: {s}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cpoms_check::{check, Entry, LocalDateTime, Policy};

    #[test]
    fn marks_excerpts_and_groups_by_criterion() {
        let e = Entry::from_text("Derek was kicking off in class.");
        let v = check(
            &e,
            &Policy::default(),
            LocalDateTime::parse("2024-01-01T10:00").unwrap(),
        );
        let t = render(&v, &e.text, false);
        assert!(t.contains("»kicking off«"), "{t}");
        assert!(t.contains("  language · not met"));
        assert!(!t.contains('\x1b'));
        assert!(render(&v, &e.text, true).contains('\x1b'));
        assert!(!t.contains("Tell the DSL today"));
    }

    #[test]
    fn a_priority_finding_comes_before_the_checklist() {
        let e = Entry::from_text("In the hall, Amy said “My dad hit me.” Derek was kicking off.");
        let v = check(
            &e,
            &Policy::default(),
            LocalDateTime::parse("2024-01-01T10:00").unwrap(),
        );
        let t = render(&v, &e.text, false);
        let urgent = t.find("Tell the DSL today").expect("a priority section");
        let checklist = t.find("timely").expect("the checklist");
        assert!(urgent < checklist, "{t}");
        assert_eq!(t.matches("loop.priority").count(), 1, "{t}");
    }
}
