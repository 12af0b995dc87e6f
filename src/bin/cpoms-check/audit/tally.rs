//! The audit's running totals: one per worker, merged at the end. Every map is keyed by
//! something a school has few of (months, categories, year groups, staff), and capped, so
//! memory stays flat however many rows the export has.

use super::rows::{BadRow, Reason, Row};
use cpoms_check::{LocalDateTime, Status, Verdict, CRITERIA};
use std::collections::{BTreeMap, HashMap};

pub const N: usize = CRITERIA.len();
/// The entries most in need shown in the report.
pub const EXAMPLES: usize = 8;
/// Skipped rows listed one by one (all are counted).
pub const LISTED_BAD: usize = 1000;
/// Distinct values kept per breakdown; the rest are counted under "(others)".
const DISTINCT: usize = 500;
/// The most of an entry's text an example keeps.
const EXAMPLE_CHARS: usize = 2500;

#[derive(Default, Clone)]
pub struct Group {
    pub entries: u64,
    pub met_all: u64,
    pub not_met: [u64; N],
}

impl Group {
    fn add(&mut self, not_met: &[bool; N], met_all: bool) {
        self.entries += 1;
        self.met_all += u64::from(met_all);
        for (n, hit) in self.not_met.iter_mut().zip(not_met) {
            *n += u64::from(*hit);
        }
    }

    fn merge(&mut self, o: &Group) {
        self.entries += o.entries;
        self.met_all += o.met_all;
        for (n, m) in self.not_met.iter_mut().zip(o.not_met) {
            *n += m;
        }
    }

    /// Criteria not met per entry: how a group's need is ranked.
    pub fn need(&self) -> f64 {
        self.not_met.iter().sum::<u64>() as f64 / self.entries.max(1) as f64
    }
}

/// An entry shown in full, with the spans of its findings (byte offsets into `text`).
#[derive(Clone)]
pub struct Example {
    pub line: u64,
    pub not_met: Vec<&'static str>,
    pub priority: bool,
    pub staff: Option<String>,
    pub incident_at: Option<LocalDateTime>,
    pub categories: Vec<String>,
    /// The pupils it names: those tagged, and those the checker found named but untagged.
    pub pupils: Vec<String>,
    pub text: String,
    pub marks: Vec<(usize, usize, String)>,
    pub messages: Vec<String>,
}

impl Example {
    /// Most criteria not met first; then a priority finding; then the earlier line.
    fn rank(&self) -> (std::cmp::Reverse<usize>, std::cmp::Reverse<bool>, u64) {
        (
            std::cmp::Reverse(self.not_met.len()),
            std::cmp::Reverse(self.priority),
            self.line,
        )
    }
}

#[derive(Default)]
pub struct Tally {
    pub all: Group,
    pub status: [[u64; 4]; N],
    pub months: BTreeMap<(i32, u32), Group>,
    pub undated: u64,
    pub categories: HashMap<String, Group>,
    pub years: HashMap<String, Group>,
    pub staff: HashMap<String, Group>,
    /// How many entries each rule found something in.
    pub rules: HashMap<&'static str, u64>,
    pub priority: u64,
    pub first: Option<LocalDateTime>,
    pub last: Option<LocalDateTime>,
    pub examples: Vec<Example>,
    pub skipped: BTreeMap<Reason, u64>,
    pub bad: Vec<BadRow>,
    pub recoded: u64,
}

fn status_index(s: Status) -> usize {
    match s {
        Status::Met => 0,
        Status::NotMet => 1,
        Status::Check => 2,
        Status::NotApplicable => 3,
    }
}

fn bump(map: &mut HashMap<String, Group>, key: &str, not_met: &[bool; N], met_all: bool) {
    let key = if map.len() >= DISTINCT && !map.contains_key(key) {
        "(others)"
    } else {
        key
    };
    match map.get_mut(key) {
        Some(g) => g.add(not_met, met_all),
        None => {
            let mut g = Group::default();
            g.add(not_met, met_all);
            map.insert(key.to_string(), g);
        }
    }
}

impl Tally {
    /// Counts one checked row. `included` leaves out criteria whose column is missing.
    pub fn add(&mut self, row: Row, verdict: &Verdict, included: &[bool; N]) {
        let mut not_met = [false; N];
        for r in &verdict.checklist {
            let Some(i) = CRITERIA.iter().position(|c| *c == r.criterion) else {
                continue;
            };
            self.status[i][status_index(r.status)] += 1;
            not_met[i] = r.status == Status::NotMet && included[i];
        }
        let met_all = !not_met.contains(&true);
        self.all.add(&not_met, met_all);
        let when = row.entry.incident_at.or(row.entry.recorded_at);
        match when {
            Some(w) => {
                self.months
                    .entry((w.date.year, w.date.month))
                    .or_default()
                    .add(&not_met, met_all);
                if self.first.is_none_or(|f| w.date < f.date) {
                    self.first = Some(w);
                }
                if self.last.is_none_or(|l| w.date > l.date) {
                    self.last = Some(w);
                }
            }
            None => self.undated += 1,
        }
        if row.entry.categories.is_empty() {
            bump(&mut self.categories, "(none chosen)", &not_met, met_all);
        }
        for c in &row.entry.categories {
            bump(&mut self.categories, c, &not_met, met_all);
        }
        if let Some(y) = &row.year_group {
            bump(&mut self.years, y, &not_met, met_all);
        }
        let staff = row.staff.as_deref().unwrap_or("(not given)");
        bump(&mut self.staff, staff, &not_met, met_all);
        let mut priority = false;
        // Entries with each rule: a point repeated in one entry (every "I"/"me") counts once.
        let mut seen: Vec<&'static str> = Vec::new();
        for f in &verdict.findings {
            if !seen.contains(&f.rule) {
                seen.push(f.rule);
                *self.rules.entry(f.rule).or_default() += 1;
            }
            priority |= f.priority;
        }
        self.priority += u64::from(priority);
        self.recoded += u64::from(row.recoded);
        let missed: Vec<&'static str> = CRITERIA
            .iter()
            .zip(not_met)
            .filter(|(_, n)| *n)
            .map(|(c, _)| *c)
            .collect();
        let worth_keeping = !missed.is_empty()
            && (self.examples.len() < EXAMPLES
                || self.examples.last().is_some_and(|w| {
                    (missed.len(), priority, std::cmp::Reverse(row.line))
                        > (w.not_met.len(), w.priority, std::cmp::Reverse(w.line))
                }));
        if worth_keeping {
            self.examples.push(example(row, verdict, missed, priority));
            self.trim_examples();
        }
    }

    pub fn skip(&mut self, bad: BadRow) {
        *self.skipped.entry(bad.reason).or_default() += 1;
        self.bad.push(bad);
        if self.bad.len() > 2 * LISTED_BAD {
            self.trim_bad();
        }
    }

    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }

    fn trim_examples(&mut self) {
        self.examples.sort_by_key(Example::rank);
        self.examples.truncate(EXAMPLES);
    }

    fn trim_bad(&mut self) {
        self.bad.sort_by_key(|b| b.line);
        self.bad.truncate(LISTED_BAD);
    }

    pub fn merge(mut self, o: Tally) -> Tally {
        self.all.merge(&o.all);
        for (s, t) in self.status.iter_mut().zip(o.status) {
            for (a, b) in s.iter_mut().zip(t) {
                *a += b;
            }
        }
        for (k, g) in o.months {
            self.months.entry(k).or_default().merge(&g);
        }
        self.undated += o.undated;
        for (mine, theirs) in [
            (&mut self.categories, o.categories),
            (&mut self.years, o.years),
            (&mut self.staff, o.staff),
        ] {
            for (k, g) in theirs {
                mine.entry(k).or_default().merge(&g);
            }
        }
        for (k, n) in o.rules {
            *self.rules.entry(k).or_default() += n;
        }
        self.priority += o.priority;
        self.first = [self.first, o.first]
            .into_iter()
            .flatten()
            .min_by_key(|d| d.date);
        self.last = [self.last, o.last]
            .into_iter()
            .flatten()
            .max_by_key(|d| d.date);
        self.examples.extend(o.examples);
        self.trim_examples();
        for (k, n) in o.skipped {
            *self.skipped.entry(k).or_default() += n;
        }
        self.bad.extend(o.bad);
        self.trim_bad();
        self.recoded += o.recoded;
        self
    }
}

fn example(row: Row, verdict: &Verdict, not_met: Vec<&'static str>, priority: bool) -> Example {
    let mut text = row.entry.text;
    if let Some((cut, _)) = text.char_indices().nth(EXAMPLE_CHARS) {
        text.truncate(cut);
        text.push('…');
    }
    // The engine's offsets are UTF-16 code units; the report slices bytes.
    let mut byte_at = Vec::with_capacity(text.len() + 1);
    for (b, c) in text.char_indices() {
        for _ in 0..c.len_utf16() {
            byte_at.push(b);
        }
    }
    byte_at.push(text.len());
    let mut marks = Vec::new();
    let mut messages: Vec<String> = Vec::new();
    let mut pupils = row.entry.students.clone();
    pupils.extend(row.entry.linked_students.iter().cloned());
    pupils.extend(
        verdict
            .findings
            .iter()
            .filter(|f| f.criterion == "tagging")
            .filter_map(|f| f.excerpt.clone()),
    );
    for f in &verdict.findings {
        if f.severity.as_str() == "problem" && !messages.contains(&f.message) {
            messages.push(f.message.clone());
        }
        if let (Some(s), Some(e)) = (f.start, f.end) {
            if let (Some(&s), Some(&e)) = (byte_at.get(s), byte_at.get(e)) {
                marks.push((s, e, f.message.clone()));
            }
        }
    }
    Example {
        line: row.line,
        not_met,
        priority,
        staff: row.staff,
        incident_at: row.entry.incident_at,
        categories: row.entry.categories,
        pupils,
        text,
        marks,
        messages,
    }
}
