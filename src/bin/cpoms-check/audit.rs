//! `cpoms-check audit`: the engine over a CSV export of many entries, summarised per
//! criterion and per member of staff, with an optional HTML report.

use crate::csv;
use crate::limits::{megabytes, read_text, AUDIT_BYTES, CHECK_BYTES};
use crate::show_path;
use cpoms_check::{check, Entry, LocalDateTime, Policy, Status, CRITERIA};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Header names (lower case) accepted for each entry field; CPOMS exports vary.
const COLUMNS: [(&str, &[&str]); 9] = [
    (
        "text",
        &[
            "text",
            "incident",
            "details",
            "description",
            "incident details",
            "entry",
            "concern",
        ],
    ),
    (
        "incident_at",
        &[
            "incident_at",
            "incident date",
            "date",
            "date/time",
            "incident date/time",
            "occurred",
        ],
    ),
    ("incident_time", &["time", "incident time"]),
    (
        "recorded_at",
        &[
            "recorded_at",
            "recorded",
            "created",
            "created at",
            "date recorded",
            "logged",
        ],
    ),
    (
        "students",
        &["students", "student", "pupil", "pupils", "student name"],
    ),
    (
        "linked_students",
        &["linked_students", "linked students", "linked"],
    ),
    ("categories", &["categories", "category"]),
    ("attachments", &["attachments", "files", "documents"]),
    (
        "recorded_by",
        &[
            "recorded_by",
            "recorded by",
            "staff",
            "author",
            "reported by",
            "created by",
            "user",
        ],
    ),
];

#[derive(Default)]
struct Tally {
    entries: usize,
    not_met: BTreeMap<&'static str, usize>,
    status: BTreeMap<(&'static str, &'static str), usize>,
}

pub fn run(
    file: &Path,
    html: Option<&Path>,
    policy: &Policy,
    now: LocalDateTime,
) -> Result<(), String> {
    let path = show_path(file);
    let input = read_text(Some(file), AUDIT_BYTES)?;
    let rows = csv::parse(&input).map_err(|e| format!("{path}: {e}"))?;
    drop(input);
    let Some(((_, header), body)) = rows.split_first() else {
        return Err(format!("{path}: the file is empty"));
    };
    let col = |field: &str| -> Option<usize> {
        let names = COLUMNS.iter().find(|(f, _)| *f == field)?.1;
        header
            .iter()
            .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
    };
    let text_col = col("text").ok_or_else(|| {
        format!("{path}: line 1: no column holds the entry text (name one `text`)")
    })?;
    let progress = std::io::stderr().is_terminal();
    let mut all = Tally::default();
    let mut by_staff: BTreeMap<String, Tally> = BTreeMap::new();
    let mut rules: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (k, (line, row)) in body.iter().enumerate() {
        let cell = |field: &str| {
            col(field)
                .and_then(|c| row.get(c))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
        };
        let list = |field: &str| -> Vec<String> {
            cell(field)
                .map(|s| {
                    s.split([';', '|'])
                        .map(|p| p.trim().to_string())
                        .filter(|p| !p.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let date = |field: &str, time: Option<&str>| -> Result<Option<LocalDateTime>, String> {
            let Some(raw) = cell(field) else {
                return Ok(None);
            };
            parse_date(raw, time)
                .map(Some)
                .map_err(|e| format!("{path}: line {line}: column `{field}`: {e}"))
        };
        let text = row.get(text_col).cloned().unwrap_or_default();
        if text.len() as u64 > CHECK_BYTES {
            return Err(format!(
                "{path}: line {line}: the entry is larger than the {} limit for one entry",
                megabytes(CHECK_BYTES)
            ));
        }
        let entry = Entry {
            text,
            incident_at: date("incident_at", cell("incident_time"))?,
            recorded_at: date("recorded_at", None)?,
            students: list("students"),
            linked_students: list("linked_students"),
            categories: list("categories"),
            available_categories: None,
            attachments: list("attachments"),
            pupils: None,
            staff: None,
        };
        let verdict = check(&entry, policy, now);
        let staff = cell("recorded_by").unwrap_or("(not given)").to_string();
        for t in [&mut all, by_staff.entry(staff).or_default()] {
            t.entries += 1;
            for r in &verdict.checklist {
                *t.status
                    .entry((r.criterion, r.status.as_str()))
                    .or_default() += 1;
                if r.status == Status::NotMet {
                    *t.not_met.entry(r.criterion).or_default() += 1;
                }
            }
        }
        for f in &verdict.findings {
            *rules.entry(f.rule).or_default() += 1;
        }
        if progress {
            let done = (k + 1) * 30 / body.len().max(1);
            // Progress is a courtesy: a closed stderr does not stop the audit.
            let _ = write!(
                std::io::stderr(),
                "\r[{}{}] {}/{}",
                "#".repeat(done),
                " ".repeat(30 - done),
                k + 1,
                body.len()
            );
        }
    }
    if progress {
        let _ = writeln!(std::io::stderr());
    }
    crate::print_out(&summary_text(&all, &by_staff, &rules))?;
    if let Some(out) = html {
        let page = summary_html(&file.to_string_lossy(), &all, &by_staff, &rules);
        let cannot = |e: std::io::Error| format!("cannot write {}: {e}", show_path(out));
        let mut f = std::fs::File::create(out).map_err(cannot)?;
        f.write_all(page.as_bytes()).map_err(cannot)?;
    }
    Ok(())
}

/// ISO (`2024-01-16T09:00`), or UK `16/01/2024 09:00` / `16.01.2024`, with an optional time column.
fn parse_date(raw: &str, time: Option<&str>) -> Result<LocalDateTime, String> {
    if let Ok(d) = LocalDateTime::parse(raw) {
        return match (d.minute_of_day, time) {
            (None, Some(t)) => LocalDateTime::parse(&format!("{raw}T{t}")),
            _ => Ok(d),
        };
    }
    let (date, clock) = match raw.split_once(' ') {
        Some((d, t)) => (d, Some(t.trim())),
        None => (raw, time),
    };
    let parts: Vec<&str> = date.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return Err(format!(
            "“{}” is not a date such as 16/01/2024 09:00",
            cpoms_check::shown::shown(raw)
        ));
    };
    let y = if y.len() == 2 {
        format!("20{y}")
    } else {
        y.to_string()
    };
    let iso = format!("{y:0>4}-{m:0>2}-{d:0>2}");
    let iso = match clock {
        Some(t) if !t.is_empty() => format!("{iso}T{:0>5}", t.replace('.', ":")),
        _ => iso,
    };
    LocalDateTime::parse(&iso)
}

fn pct(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        100.0 * n as f64 / of as f64
    }
}

fn summary_text(
    all: &Tally,
    by_staff: &BTreeMap<String, Tally>,
    rules: &BTreeMap<&str, usize>,
) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} entries checked\n\nCriterion      not met",
        all.entries
    );
    for c in CRITERIA {
        let n = all.not_met.get(c).copied().unwrap_or(0);
        let _ = writeln!(
            s,
            "  {c:<12} {n:>5}  {:>5.1}%  {}",
            pct(n, all.entries),
            "█".repeat((pct(n, all.entries) / 5.0).round() as usize)
        );
    }
    let _ = writeln!(s, "\nBy member of staff (criteria not met per entry)");
    for (name, t) in by_staff {
        let total: usize = t.not_met.values().sum();
        let _ = writeln!(
            s,
            "  {:<20} {:>4} entries  {:>4.1}",
            cpoms_check::shown::shown(name),
            t.entries,
            total as f64 / t.entries.max(1) as f64
        );
    }
    let mut top: Vec<(&&str, &usize)> = rules.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let _ = writeln!(s, "\nMost frequent findings");
    for (rule, n) in top.into_iter().take(10) {
        let _ = writeln!(s, "  {rule:<30} {n:>5}");
    }
    s
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn summary_html(
    source: &str,
    all: &Tally,
    by_staff: &BTreeMap<String, Tally>,
    rules: &BTreeMap<&str, usize>,
) -> String {
    let mut rows = String::new();
    for c in CRITERIA {
        let n = all.not_met.get(c).copied().unwrap_or(0);
        let p = pct(n, all.entries);
        let _ = write!(rows, "<tr><th scope=row>{c}</th><td>{n}</td><td><div class=bar style=\"width:{p:.1}%\"></div><span>{p:.1}%</span></td></tr>");
    }
    let mut staff = String::new();
    for (name, t) in by_staff {
        let total: usize = t.not_met.values().sum();
        let _ = write!(
            staff,
            "<tr><th scope=row>{}</th><td>{}</td><td>{:.1}</td></tr>",
            esc(name),
            t.entries,
            total as f64 / t.entries.max(1) as f64
        );
    }
    let mut top: Vec<(&&str, &usize)> = rules.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let max = top.first().map_or(1, |t| *t.1).max(1);
    let mut rule_rows = String::new();
    for (rule, n) in top.into_iter().take(15) {
        let _ = write!(rule_rows, "<tr><th scope=row>{rule}</th><td>{n}</td><td><div class=bar style=\"width:{:.1}%\"></div></td></tr>", 100.0 * *n as f64 / max as f64);
    }
    format!(
        "<!doctype html><html lang=en-GB><meta charset=utf-8><title>CPOMS entry audit</title>\
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1b1b}}table{{border-collapse:collapse;margin:1rem 0}}\
th,td{{padding:.3rem .8rem;text-align:left;border-bottom:1px solid #ccc}}td:last-child{{width:24rem}}\
.bar{{display:inline-block;height:.9rem;background:#1d4f91;vertical-align:middle;margin-right:.5rem}}</style>\
<h1>CPOMS entry audit</h1><p>{} entries from <code>{}</code>. Checked on this machine; nothing was sent anywhere.</p>\
<h2>Criteria not met</h2><table><thead><tr><th>Criterion<th>Entries<th>Share</thead><tbody>{rows}</tbody></table>\
<h2>By member of staff</h2><table><thead><tr><th>Recorded by<th>Entries<th>Criteria not met per entry</thead><tbody>{staff}</tbody></table>\
<h2>Most frequent findings</h2><table><thead><tr><th>Rule<th>Count<th></thead><tbody>{rule_rows}</tbody></table></html>\n",
        all.entries,
        esc(source)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_uk_and_iso_dates() {
        assert_eq!(
            parse_date("16/01/2024 09:00", None).unwrap().to_string(),
            "2024-01-16T09:00"
        );
        assert_eq!(
            parse_date("16.01.24", Some("9.05")).unwrap().to_string(),
            "2024-01-16T09:05"
        );
        assert_eq!(
            parse_date("2024-01-16", Some("09:00")).unwrap().to_string(),
            "2024-01-16T09:00"
        );
        assert!(parse_date("31/02/2024", None).is_err());
        assert!(parse_date("yesterday", None).is_err());
    }
}
