//! The summary printed on standard output.

use super::{pct, rule_title, title, Report};
use cpoms_check::shown::shown;
use cpoms_check::CRITERIA;
use std::fmt::Write as _;

pub fn render(r: &Report) -> String {
    let t = &r.tally;
    let mut s = String::new();
    let _ = write!(s, "{} entries checked", t.all.entries);
    if let Some(range) = r.date_range() {
        let _ = write!(s, " ({range})");
    }
    let _ = writeln!(s, "\n{}.", r.headline());
    let skipped = t.skipped_total();
    if skipped > 0 {
        let _ = writeln!(s, "{skipped} rows skipped (exit status 3):");
        for (reason, n) in &t.skipped {
            let _ = writeln!(s, "  {n:>6}  {}", reason.label());
        }
    }
    let _ = writeln!(s, "\nCriterion                       not met");
    for (i, c) in CRITERIA.iter().enumerate() {
        if !r.included[i] {
            let _ = writeln!(s, "  {:<28}   left out (no column)", title(c));
            continue;
        }
        let n = t.all.not_met[i];
        let p = pct(n, t.all.entries);
        let _ = writeln!(
            s,
            "  {:<28} {n:>6}  {p:>5.1}%  {}",
            title(c),
            "█".repeat((p / 5.0).round() as usize)
        );
    }
    let _ = writeln!(
        s,
        "\nBy member of staff, most in need first (criteria not met per entry)"
    );
    for (name, g) in r.staff().into_iter().take(30) {
        let _ = writeln!(
            s,
            "  {:<20} {:>6} entries  {:>4.1}",
            shown(&name),
            g.entries,
            g.need()
        );
    }
    if t.staff.len() > 30 {
        let _ = writeln!(s, "  … {} more in the reports", t.staff.len() - 30);
    }
    let mut top: Vec<(&&str, &u64)> = t.rules.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    // Plain titles: a person reads this; the ids are in the --json summary for tools.
    let _ = writeln!(s, "\nMost frequent findings (entries with each)");
    for (rule, n) in top.into_iter().take(10) {
        let _ = writeln!(s, "  {n:>6}  {}", rule_title(rule));
    }
    s
}
