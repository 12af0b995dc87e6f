//! What every report shows, derived from the totals: the headline, the date range,
//! staff ranked by need (named or anonymised), groups in order, criteria by need.

use super::columns::{Field, Mapping};
use super::source;
use super::tally::{Group, Tally, N};
use cpoms_check::LocalDateTime;
use std::path::PathBuf;

/// Everything the reports show.
pub struct Report<'a> {
    pub source: String,
    pub tally: Tally,
    pub mapping: &'a Mapping,
    pub encoding: source::Encoding,
    pub delimiter: u8,
    pub included: [bool; N],
    pub left_out: Vec<(&'static str, Field)>,
    pub anonymise: bool,
    pub now: LocalDateTime,
}

/// A criterion as a person names it ("Professional language").
pub fn title(criterion: &str) -> &str {
    cpoms_check::data::data()
        .rules
        .criteria
        .get(criterion)
        .map_or(criterion, |t| t.title.as_str())
}

/// A rule as a person names it, with its criterion ("Capitals — Proof-read"): a title alone
/// can be vague ("No outcome"). An id the rules data does not hold is shown as it is.
pub fn rule_title(rule: &str) -> String {
    match cpoms_check::rules::def(rule) {
        Some(d) => format!(
            "{} — {}",
            d.title,
            title(rule.split('.').next().unwrap_or(rule))
        ),
        None => rule.to_string(),
    }
}

pub fn pct(n: u64, of: u64) -> f64 {
    if of == 0 {
        0.0
    } else {
        100.0 * n as f64 / of as f64
    }
}

impl Report<'_> {
    /// Staff codes by need (criteria not met per entry, most first).
    pub fn staff_codes(&self) -> Vec<&String> {
        let mut staff: Vec<(&String, &Group)> = self.tally.staff.iter().collect();
        staff.sort_by(|a, b| b.1.need().total_cmp(&a.1.need()).then(a.0.cmp(b.0)));
        staff.into_iter().map(|(code, _)| code).collect()
    }

    /// Staff by need, named or anonymised.
    pub fn staff(&self) -> Vec<(String, &Group)> {
        self.staff_codes()
            .into_iter()
            .enumerate()
            .map(|(i, code)| (self.staff_label(code, i), &self.tally.staff[code]))
            .collect()
    }

    pub fn staff_label(&self, name: &str, rank: usize) -> String {
        if !self.anonymise {
            return name.to_string();
        }
        let mut label = String::new();
        let mut n = rank;
        loop {
            label.insert(0, (b'A' + (n % 26) as u8) as char);
            if n < 26 {
                break;
            }
            n = n / 26 - 1;
        }
        format!("Staff {label}")
    }

    /// The label a staff code has in this report.
    pub fn staff_name(&self, code: Option<&str>) -> String {
        let code = code.unwrap_or("(not given)");
        let rank = self.staff_codes().iter().position(|c| c.as_str() == code);
        self.staff_label(code, rank.unwrap_or(0))
    }

    /// Groups (categories, year groups) by entries, most first.
    pub fn by_size(map: &std::collections::HashMap<String, Group>) -> Vec<(&String, &Group)> {
        let mut v: Vec<_> = map.iter().collect();
        v.sort_by(|a, b| b.1.entries.cmp(&a.1.entries).then(a.0.cmp(b.0)));
        v
    }

    /// Year groups in school order: by the number in the name ("Year 7" before "Year 10").
    pub fn in_year_order(map: &std::collections::HashMap<String, Group>) -> Vec<(&String, &Group)> {
        let number = |s: &str| -> u32 {
            let digits: String = s
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().unwrap_or(u32::MAX)
        };
        let mut v: Vec<_> = map.iter().collect();
        v.sort_by(|a, b| number(a.0).cmp(&number(b.0)).then(a.0.cmp(b.0)));
        v
    }

    /// Criteria in the audit, by share not met, most first.
    pub fn criteria_by_need(&self) -> Vec<(usize, u64)> {
        let mut v: Vec<(usize, u64)> = (0..N)
            .filter(|&i| self.included[i])
            .map(|i| (i, self.tally.all.not_met[i]))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    pub fn headline(&self) -> String {
        let a = &self.tally.all;
        format!(
            "{:.0}% of entries met every criterion",
            pct(a.met_all, a.entries)
        )
    }

    pub fn date_range(&self) -> Option<String> {
        let (f, l) = (self.tally.first?, self.tally.last?);
        Some(format!("{} – {}", uk_date(f), uk_date(l)))
    }

    pub fn file_name(&self) -> String {
        PathBuf::from(&self.source)
            .file_name()
            .map_or(self.source.clone(), |n| n.to_string_lossy().into_owned())
    }
}

pub fn uk_date(d: LocalDateTime) -> String {
    format!("{:02}/{:02}/{}", d.date.day, d.date.month, d.date.year)
}
