//! The report to hand over: one self-contained HTML file (no script, no request), in plain
//! words, that prints on A4 with no chart or table row split across a page.

use super::charts;
use super::output::GENERATOR;
use super::{pct, title, uk_date, Report};
use cpoms_check::datetime::MONTHS;
use cpoms_check::shown::thousands;
use cpoms_check::CRITERIA;
use std::fmt::Write as _;

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "
:root{--ink:#1b1b1b;--muted:#505a64;--bar:#1d4f91;--track:#e3e8ee;--line:#c9d0d8}
body{font:15px/1.5 system-ui,'Segoe UI',sans-serif;color:var(--ink);max-width:60rem;margin:2rem auto;padding:0 1.5rem}
h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin:2.2rem 0 .5rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
.meta{color:var(--muted);margin:0}
.headline{font-size:1.6rem;font-weight:650;margin:1.2rem 0 .3rem}
.lede{margin:.2rem 0 1rem}
figure{margin:1rem 0;break-inside:avoid;page-break-inside:avoid}
figcaption{color:var(--muted);font-size:.9rem}
.chart{max-width:100%;height:auto;display:block}
.chart .bar{fill:var(--bar)}.chart .track{fill:var(--track)}.chart .grid{stroke:var(--line)}
.chart text{font:12px system-ui,sans-serif;fill:var(--ink)}.chart .axis{fill:var(--muted);font-size:11px}
table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}
th,td{padding:.25rem .55rem;text-align:left;border-bottom:1px solid var(--line);vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr{break-inside:avoid;page-break-inside:avoid}
.grid-table{width:100%;table-layout:fixed;font-size:.8rem}
.grid-table th,.grid-table td{padding:.2rem .25rem}
.grid-table th.who{width:7.5rem}.grid-table th.count{width:3.6rem}
.grid-table thead th{vertical-align:bottom}
.grid-table th.c{font-size:.75rem;font-weight:600;writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;white-space:nowrap;height:11.5rem;padding:.3rem 0}
.heat{text-align:right;font-variant-numeric:tabular-nums;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.example{border:1px solid var(--line);border-radius:4px;padding:.6rem .9rem;margin:.8rem 0;break-inside:avoid;page-break-inside:avoid}
.example .text{white-space:pre-wrap;margin:.4rem 0}
mark{background:#ffe08a;border-bottom:2px solid #8a6100;padding:0 1px}
.example ul{margin:.3rem 0 0;padding-left:1.2rem;font-size:.9rem}
.note{color:var(--muted);font-size:.9rem}
@page{size:A4;margin:16mm 14mm}
@media print{
 body{margin:0;max-width:none;font-size:10.5pt;padding:0}
 h2{break-after:avoid;page-break-after:avoid}
 .page{break-before:page;page-break-before:always}
 .chart .bar{fill:#333}.chart .track{fill:#ddd}
 .grid-table{font-size:7pt}.grid-table th.who{width:5.5rem}.grid-table th.count{width:2.8rem}
 mark{background:none;border-bottom:2px solid #000;font-weight:600}
 a{color:inherit;text-decoration:none}
}
";

pub fn render(r: &Report) -> String {
    let t = &r.tally;
    let mut s = String::new();
    let _ = write!(
        s,
        "<!doctype html><html lang=en-GB><head><meta charset=utf-8><meta name=generator content=\"{GENERATOR} {}\">\
<meta name=viewport content=\"width=device-width,initial-scale=1\"><title>Safeguarding records audit</title><style>{STYLE}</style></head><body>",
        cpoms_check::version()
    );
    let _ = write!(
        s,
        "<header><h1>Safeguarding records audit</h1><p class=meta>{} entries from <b>{}</b>{}. Produced {} by cpoms-check {} on this computer; nothing was sent anywhere.</p></header>",
        thousands(t.all.entries),
        esc(&r.file_name()),
        r.date_range()
            .map(|d| format!(", dated {d}"))
            .unwrap_or_default(),
        uk_date(r.now),
        cpoms_check::version()
    );
    headline(&mut s, r);
    criteria(&mut s, r);
    trend(&mut s, r);
    groups(&mut s, r);
    staff(&mut s, r);
    examples(&mut s, r);
    about(&mut s, r);
    s.push_str("</body></html>\n");
    s
}

fn headline(s: &mut String, r: &Report) {
    let t = &r.tally;
    let _ = write!(s, "<p class=headline>{}.</p>", esc(&r.headline()));
    let mut lede = Vec::new();
    if let Some(&(i, n)) = r.criteria_by_need().first() {
        if n > 0 {
            lede.push(format!(
                "The criterion most often not met is <b>{}</b> ({:.0}% of entries).",
                esc(title(CRITERIA[i])),
                pct(n, t.all.entries)
            ));
        }
    }
    if t.priority > 0 {
        lede.push(format!(
            "{} entries raised something that must reach the DSL the same day (a disclosure, a risk, an allegation).",
            t.priority
        ));
    }
    let skipped = t.skipped_total();
    if skipped > 0 {
        lede.push(format!(
            "{skipped} rows of the export could not be read and are not counted (see <a href=\"#about\">About this audit</a>)."
        ));
    }
    if !r.left_out.is_empty() {
        let names: Vec<String> = r.left_out.iter().map(|(c, _)| esc(title(c))).collect();
        lede.push(format!(
            "Left out, for want of a column in the export: {}.",
            names.join(", ")
        ));
    }
    let _ = write!(s, "<p class=lede>{}</p>", lede.join(" "));
}

fn criteria(s: &mut String, r: &Report) {
    let t = &r.tally;
    let rows: Vec<(String, f64, String)> = (0..CRITERIA.len())
        .filter(|&i| r.included[i])
        .map(|i| {
            let met = t.all.entries - t.all.not_met[i];
            let p = pct(met, t.all.entries);
            (title(CRITERIA[i]).to_string(), p, format!("{p:.0}% met"))
        })
        .collect();
    let _ = write!(
        s,
        "<section><h2>Criterion by criterion</h2><figure>{}<figcaption>Share of entries meeting each criterion of the school's recording guidance (an entry that asks only to be checked, such as proof-reading, counts as met).</figcaption></figure></section>",
        charts::bars("Share of entries meeting each criterion", &rows)
    );
}

fn trend(s: &mut String, r: &Report) {
    let t = &r.tally;
    if t.months.is_empty() {
        return;
    }
    let points: Vec<(String, f64, u64)> = t
        .months
        .iter()
        .map(|((y, m), g)| {
            (
                format!("{} {:02}", &MONTHS[*m as usize - 1][..3], y % 100),
                pct(g.met_all, g.entries),
                g.entries,
            )
        })
        .collect();
    let _ = write!(
        s,
        "<section><h2>Month by month</h2><figure>{}<figcaption>Share of each month's entries that met every criterion; the number under each month is how many entries it had{}.</figcaption></figure></section>",
        charts::columns("Share of entries meeting every criterion, by month", &points),
        if t.undated > 0 {
            format!(" ({} entries had no date)", t.undated)
        } else {
            String::new()
        }
    );
}

/// Category and year group tables: entries, share meeting every criterion, the criterion most missed.
fn groups(s: &mut String, r: &Report) {
    for (heading, groups, what) in [
        (
            "By category",
            Report::by_size(&r.tally.categories),
            "Category",
        ),
        (
            "By year group",
            Report::in_year_order(&r.tally.years),
            "Year group",
        ),
    ] {
        if groups.is_empty() {
            continue;
        }
        let _ = write!(
            s,
            "<section><h2>{heading}</h2><table><thead><tr><th>{what}<th class=n>Entries<th class=n>Met every criterion<th>Most often not met</thead><tbody>"
        );
        for (name, g) in groups.into_iter().take(40) {
            let worst = (0..CRITERIA.len())
                .filter(|&i| r.included[i] && g.not_met[i] > 0)
                .max_by_key(|&i| (g.not_met[i], std::cmp::Reverse(i)))
                .map(|i| {
                    format!(
                        "{} ({:.0}%)",
                        esc(title(CRITERIA[i])),
                        pct(g.not_met[i], g.entries)
                    )
                })
                .unwrap_or_else(|| "—".into());
            let _ = write!(
                s,
                "<tr><th scope=row>{}</th><td class=n>{}</td><td class=n>{:.0}%</td><td>{worst}</td></tr>",
                esc(name),
                g.entries,
                pct(g.met_all, g.entries)
            );
        }
        s.push_str("</tbody></table></section>");
    }
}

fn staff(s: &mut String, r: &Report) {
    let crit: Vec<usize> = (0..CRITERIA.len()).filter(|&i| r.included[i]).collect();
    let _ = write!(
        s,
        "<section class=page><h2>By member of staff</h2><p class=note>Share of each person's entries not meeting each criterion, most in need first{}. Darker is more often not met.</p>\
<table class=grid-table><thead><tr><th class=who>Recorded by<th class=\"n count\">Entries",
        if r.anonymise { " (names withheld)" } else { "" }
    );
    for &i in &crit {
        let _ = write!(s, "<th class=\"c n\">{}", esc(title(CRITERIA[i])));
    }
    s.push_str("</thead><tbody>");
    for (name, g) in r.staff().into_iter().take(60) {
        let _ = write!(
            s,
            "<tr><th scope=row>{}</th><td class=n>{}</td>",
            esc(&name),
            g.entries
        );
        for &i in &crit {
            let p = pct(g.not_met[i], g.entries);
            let ink = if p > 55.0 { "#fff" } else { "#1b1b1b" };
            let _ = write!(
                s,
                "<td class=heat style=\"background:rgba(29,79,145,{:.2});color:{ink}\">{p:.0}%</td>",
                p / 100.0 * 0.9
            );
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    if r.tally.staff.len() > 60 {
        let _ = write!(
            s,
            "<p class=note>… and {} more (all in the --json summary).</p>",
            r.tally.staff.len() - 60
        );
    }
    s.push_str("</section>");
}

fn examples(s: &mut String, r: &Report) {
    let t = &r.tally;
    if t.examples.is_empty() {
        return;
    }
    let _ = write!(
        s,
        "<section class=page><h2>The entries most in need</h2><p class=note>The {} entries that missed the most criteria, with what the checker found marked in the text.</p>",
        t.examples.len()
    );
    for e in &t.examples {
        let missed: Vec<String> = e.not_met.iter().map(|c| esc(title(c))).collect();
        let _ = write!(
            s,
            "<article class=example><p class=meta>Line {} of the export · {} · recorded by {}{}</p><p><b>Not met:</b> {}</p><div class=text>",
            e.line,
            e.incident_at.map(uk_date).unwrap_or_else(|| "no date".into()),
            esc(&r.staff_name(e.staff.as_deref())),
            if e.categories.is_empty() {
                String::new()
            } else {
                format!(" · {}", esc(&e.categories.join(", ")))
            },
            missed.join(", ")
        );
        let mut at = 0;
        let mut marks = e.marks.clone();
        marks.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
        for (start, end, message) in marks {
            if start < at
                || end <= start
                || !e.text.is_char_boundary(start)
                || !e.text.is_char_boundary(end)
            {
                continue;
            }
            let _ = write!(
                s,
                "{}<mark title=\"{}\">{}</mark>",
                redact(r, e, &e.text[at..start]),
                redact(r, e, &message),
                redact(r, e, &e.text[start..end])
            );
            at = end;
        }
        s.push_str(&redact(r, e, &e.text[at..]));
        s.push_str("</div><ul>");
        for m in &e.messages {
            let _ = write!(s, "<li>{}</li>", redact(r, e, m));
        }
        s.push_str("</ul></article>");
    }
    s.push_str("</section>");
}

/// Escaped text; with `--anonymise`, the pupils the entry names become “[pupil]” and every
/// staff code its label in this report.
fn redact(r: &Report, e: &super::tally::Example, text: &str) -> String {
    let mut out = esc(text);
    if r.anonymise {
        let mut names: Vec<&str> = e.pupils.iter().map(String::as_str).collect();
        names.extend(e.pupils.iter().filter_map(|n| n.split_whitespace().next()));
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        for n in names.into_iter().filter(|n| n.len() > 1) {
            out = out.replace(&esc(n), "[pupil]");
        }
        for (rank, code) in r.staff_codes().iter().enumerate() {
            if code.len() > 1 && out.contains(code.as_str()) {
                out = out.replace(&esc(code), &esc(&r.staff_label(code, rank)));
            }
        }
    }
    out
}

fn about(s: &mut String, r: &Report) {
    let t = &r.tally;
    let columns: Vec<String> = r
        .mapping
        .used()
        .iter()
        .map(|(f, h)| format!("<li><code>{f}</code> from “{}”</li>", esc(h)))
        .collect();
    let _ = write!(
        s,
        "<section id=about class=page><h2>About this audit</h2><p>The export was read as {}, {}-separated. Columns used:</p><ul>{}</ul>",
        esc(r.encoding.label()),
        super::source::delimiter_name(r.delimiter),
        columns.join("")
    );
    for (c, f) in &r.left_out {
        let _ = write!(
            s,
            "<p>“{}” is left out: the export has no <code>{}</code> column.</p>",
            esc(title(c)),
            f.name()
        );
    }
    let skipped = t.skipped_total();
    if skipped > 0 {
        let _ = write!(s, "<p>{skipped} rows were skipped:</p><ul>");
        for (reason, n) in &t.skipped {
            let _ = write!(s, "<li>{n} {}</li>", esc(reason.label()));
        }
        s.push_str("</ul><table><thead><tr><th>Why (first rows)</thead><tbody>");
        for b in t.bad.iter().take(30) {
            let _ = write!(s, "<tr><td>{}</td></tr>", esc(&b.message));
        }
        s.push_str("</tbody></table>");
    }
    let _ = write!(
        s,
        "<p class=note>Each entry was checked by the same engine as the browser extension, against the school's recording guidance. The checker points out what a careful reader would; it does not replace one.</p></section>"
    );
}
