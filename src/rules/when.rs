//! Times and dates written in the text: "12.40", "8.35am", "14:25", "Monday 3rd March",
//! "12/03". Shared by the `timely`, `datetime` and `five_w` rules.

use crate::datetime::{Date, MONTHS, WEEKDAYS};
use crate::text::{Doc, Kind};

/// A clock time in the text: tokens `start..end`, minutes after midnight.
#[derive(Clone, Copy, Debug)]
pub struct TimeMention {
    pub start: usize,
    pub end: usize,
    pub minute: u32,
    /// No am or pm and an hour of 1 to 12 ("3.30"): staff write afternoon times this way, so
    /// it may be 12 hours on from `minute` too.
    pub either_half: bool,
}

impl TimeMention {
    /// Minutes between this time and `minute` of the day, the nearer reading of a time
    /// that may be morning or afternoon ("at 3.30" against a field of 15:30 is 0).
    pub fn minutes_from(&self, minute: u32) -> i64 {
        let gap = |m: u32| (i64::from(m) - i64::from(minute)).abs();
        let other = (self.minute + 12 * 60) % (24 * 60);
        if self.either_half {
            gap(self.minute).min(gap(other))
        } else {
            gap(self.minute)
        }
    }
}

/// A day in the text: any of weekday, day of month, month, year.
#[derive(Clone, Copy, Debug, Default)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub weekday: Option<usize>,
    pub day: Option<u32>,
    pub month: Option<u32>,
    pub year: Option<i32>,
}

impl DateMention {
    /// The calendar date, taking the year from `year_hint` when the text gives none.
    pub fn date(&self, year_hint: i32) -> Option<Date> {
        Date::new(self.year.unwrap_or(year_hint), self.month?, self.day?)
    }
}

fn weekday_of(norm: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(norm))
}

/// The weekday at token `j`, written in full or shortened as staff write them ("Tues 14th
/// Oct", "Wed 5/11", "Thurs"). "Wed", "Sat" and "Sun" are words too, so they count only
/// with a capital and a day's number after them.
fn weekday_at(doc: &Doc, j: usize) -> Option<usize> {
    let norm = doc.norm(j);
    if let Some(w) = weekday_of(norm) {
        return Some(w);
    }
    const SHORT: [(&str, usize, bool); 11] = [
        ("mon", 0, true),
        ("tue", 1, true),
        ("tues", 1, true),
        ("wed", 2, false),
        ("weds", 2, true),
        ("thu", 3, true),
        ("thur", 3, true),
        ("thurs", 3, true),
        ("fri", 4, true),
        ("sat", 5, false),
        ("sun", 6, false),
    ];
    let &(_, w, alone) = SHORT.iter().find(|(s, _, _)| *s == norm)?;
    let number_after = || {
        let mut k = j + 1;
        if k < doc.len() && doc.norm(k) == "." {
            k += 1;
        }
        k < doc.len() && doc.raw(k).starts_with(|c: char| c.is_ascii_digit())
    };
    (doc.capitalised(j) && (alone || number_after())).then_some(w)
}

fn month_of(norm: &str) -> Option<u32> {
    let m = MONTHS.iter().position(|m| {
        m.eq_ignore_ascii_case(norm)
            || (norm.len() == 3 && m.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(norm)))
            || (norm == "sept" && *m == "September")
    })?;
    Some(m as u32 + 1)
}

fn day_number(norm: &str) -> Option<u32> {
    let digits = norm.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &norm[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
}

/// "12.40", "8.35am", "14:25", "10am", "3 pm".
pub fn times(doc: &Doc) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for i in 0..doc.len() {
        if doc.tokens[i].kind != Kind::Number {
            continue;
        }
        let norm = doc.norm(i);
        let (num, mut suffix) = norm.split_at(
            norm.find(|c: char| c.is_ascii_alphabetic())
                .unwrap_or(norm.len()),
        );
        let mut end = i + 1;
        if suffix.is_empty() {
            if let Some(n) = doc
                .next_in_sentence(i)
                .filter(|&n| matches!(doc.norm(n), "am" | "pm"))
            {
                suffix = if doc.norm(n) == "am" { "am" } else { "pm" };
                end = n + 1;
            }
        }
        if !matches!(suffix, "" | "am" | "pm") {
            continue;
        }
        let (h, m) = match num.split_once(['.', ':']) {
            Some((h, m)) if m.len() == 2 && !m.contains(['.', ':']) => {
                match (h.parse::<u32>(), m.parse::<u32>()) {
                    (Ok(h), Ok(m))
                        if h < 24 && m < 60 && (1..=2).contains(&h.to_string().len()) =>
                    {
                        (h, m)
                    }
                    _ => continue,
                }
            }
            None if !suffix.is_empty() => match num.parse::<u32>() {
                Ok(h) if (1..=12).contains(&h) => (h, 0),
                _ => continue,
            },
            _ => continue,
        };
        let either_half = suffix.is_empty() && (1..=12).contains(&h);
        let h = match suffix {
            "pm" if h < 12 => h + 12,
            "am" if h == 12 => 0,
            "am" | "pm" if h > 12 => continue,
            _ => h,
        };
        out.push(TimeMention {
            start: i,
            end,
            minute: h * 60 + m,
            either_half,
        });
    }
    out
}

/// Whether a past time phrase starting at token `start` is a span or a comparison rather
/// than when the incident happened: "same jumper as all of last week", "off since last
/// week", "like last week", "all last week", "has been wearing short skirts lately".
pub fn span_or_comparison(doc: &Doc, start: usize) -> bool {
    let mut k = doc.prev_in_sentence(start);
    if let Some(p) = k.filter(|&p| doc.norm(p) == "of") {
        k = doc.prev_in_sentence(p);
    }
    let before = k.is_some_and(|p| {
        matches!(
            doc.norm(p),
            "all" | "as" | "like" | "than" | "since" | "throughout"
        )
    });
    // "She's been wearing short skirts lately": a habit over a span, not when it happened.
    let first = doc.sentence(start).first;
    let habit = matches!(doc.norm(start), "lately" | "recently")
        && (first + 1..start)
            .any(|k| doc.norm(k - 1) == "been" && doc.is_word(k) && doc.norm(k).ends_with("ing"));
    before || habit
}

/// Weekdays and dates: "Monday", "Monday 3rd March", "3 March 2025", "12/03", "03/03/25".
pub fn dates(doc: &Doc) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        let mut m = DateMention {
            start: i,
            end: i,
            ..DateMention::default()
        };
        let mut j = i;
        if let Some(w) = weekday_at(doc, j) {
            m.weekday = Some(w);
            j += 1;
            // "Monday, 3rd March"
            if j + 1 < doc.len() && doc.norm(j) == "," && day_number(doc.norm(j + 1)).is_some() {
                j += 1;
            }
        }
        // dd/mm or dd/mm/yy(yy)
        if j + 2 < doc.len() && doc.norm(j + 1) == "/" && doc.tokens[j].kind == Kind::Number {
            if let (Some(d), Ok(mo)) = (day_number(doc.norm(j)), doc.norm(j + 2).parse::<u32>()) {
                if (1..=12).contains(&mo) && doc.tokens[j + 1].start == doc.tokens[j].end {
                    m.day = Some(d);
                    m.month = Some(mo);
                    j += 3;
                    if j + 1 < doc.len() && doc.norm(j) == "/" {
                        if let Ok(y) = doc.norm(j + 1).parse::<i32>() {
                            m.year = Some(if y < 100 { 2000 + y } else { y });
                            j += 2;
                        }
                    }
                }
            }
        } else if j < doc.len() {
            // 3rd March [2025] / March 3rd
            if let Some(d) = day_number(doc.norm(j)) {
                if let Some(mo) = doc
                    .tokens
                    .get(j + 1)
                    .and_then(|_| month_of(doc.norm(j + 1)))
                {
                    m.day = Some(d);
                    m.month = Some(mo);
                    j += 2;
                    if j < doc.len() {
                        if let Ok(y) = doc.norm(j).parse::<i32>() {
                            if (1990..2200).contains(&y) {
                                m.year = Some(y);
                                j += 1;
                            }
                        }
                    }
                }
            }
        }
        if m.weekday.is_some() || m.day.is_some() {
            m.end = j.max(i + 1);
            out.push(m);
            i = m.end;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(t: &str) -> Doc<'_> {
        Doc::new(t, &[])
    }

    #[test]
    fn finds_clock_times() {
        let d = doc("At 12.40, then 8.35am, 14:25, 10am and 3 pm; not 1:1, 12.12.2023 or 2.5.");
        let mins: Vec<u32> = times(&d).iter().map(|t| t.minute).collect();
        assert_eq!(mins, [760, 515, 865, 600, 900]);
    }

    #[test]
    fn a_time_without_am_or_pm_may_be_either_half_of_the_day() {
        let d = doc("At 3.30, 3.30am, 3.30pm, 15:30 and 12.10.");
        let gaps: Vec<i64> = times(&d)
            .iter()
            .map(|t| t.minutes_from(15 * 60 + 30))
            .collect();
        assert_eq!(gaps, [0, 720, 0, 0, 200]);
        // Twelve o'clock's other reading is just after midnight.
        assert_eq!(times(&d)[4].minutes_from(10), 0);
    }

    #[test]
    fn finds_dates_and_weekdays() {
        let d = doc(
            "On Monday 3rd March, then 12/03 and 03/03/25, Friday and 8 May 2024, Friday, 9 May.",
        );
        type Parts = (Option<usize>, Option<u32>, Option<u32>, Option<i32>);
        let found: Vec<Parts> = dates(&d)
            .iter()
            .map(|m| (m.weekday, m.day, m.month, m.year))
            .collect();
        assert_eq!(
            found,
            [
                (Some(0), Some(3), Some(3), None),
                (None, Some(12), Some(3), None),
                (None, Some(3), Some(3), Some(2025)),
                (Some(4), None, None, None),
                (None, Some(8), Some(5), Some(2024)),
                (Some(4), Some(9), Some(5), None),
            ]
        );
    }
}
