//! Local wall-clock dates and times, as CPOMS shows them (no time zone).
//!
//! Only what the rules need: parsing the entry's `YYYY-MM-DDTHH:MM` form,
//! minutes between two moments, and the weekday of a date.

use std::fmt;

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// A date with an optional time of day (minutes after midnight).
/// A date alone means the form's time field was empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalDateTime {
    pub date: Date,
    pub minute_of_day: Option<u32>,
}

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Builds a date, or `None` when it does not exist (31 April, 29 February 2023).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil algorithm).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as usize
    }
}

/// Exactly `len` ASCII digits (no sign, no space), as a number.
fn digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl LocalDateTime {
    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (seconds, and a
    /// fraction of them, ignored). Strict: a four-digit year from 0001 to 9999 and two digits
    /// in every other field, ASCII digits only (no sign, no space), so `+202-01-01` and
    /// `2023-+1-+1T+9:+5` are refused rather than read as something else.
    pub fn parse(s: &str) -> Result<LocalDateTime, String> {
        let s = s.trim();
        let bad = || {
            format!(
                "“{}” is not a date and time in the form YYYY-MM-DDTHH:MM",
                crate::shown::shown(s)
            )
        };
        let (date_part, time_part) = match s.split_once(['T', ' ']) {
            Some((d, t)) => (d, Some(t)),
            None => (s, None),
        };
        let mut it = date_part.split('-');
        let (y, m, d) = match (it.next(), it.next(), it.next(), it.next()) {
            (Some(y), Some(m), Some(d), None) => (
                digits(y, 4).ok_or_else(bad)?,
                digits(m, 2).ok_or_else(bad)?,
                digits(d, 2).ok_or_else(bad)?,
            ),
            _ => return Err(bad()),
        };
        if y == 0 {
            return Err(format!(
                "“{}” is not a real date (years run from 0001)",
                crate::shown::shown(s)
            ));
        }
        let date = Date::new(y as i32, m, d)
            .ok_or_else(|| format!("“{}” is not a real date", crate::shown::shown(s)))?;
        let minute_of_day = match time_part {
            None | Some("") => None,
            Some(t) => {
                let mut parts = t.split(':');
                let (h, mi) = match (parts.next(), parts.next()) {
                    (Some(h), Some(mi)) => (
                        digits(h, 2).ok_or_else(bad)?,
                        digits(mi, 2).ok_or_else(bad)?,
                    ),
                    _ => return Err(bad()),
                };
                if let Some(sec) = parts.next() {
                    let (whole, fraction) = match sec.split_once('.') {
                        Some((w, f)) => (w, Some(f)),
                        None => (sec, None),
                    };
                    let fraction_ok = fraction.is_none_or(|f| {
                        !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit())
                    });
                    if digits(whole, 2).is_none_or(|n| n >= 60)
                        || !fraction_ok
                        || parts.next().is_some()
                    {
                        return Err(bad());
                    }
                }
                if h > 23 || mi > 59 {
                    return Err(format!(
                        "“{}” is not a real time of day",
                        crate::shown::shown(s)
                    ));
                }
                Some(h * 60 + mi)
            }
        };
        Ok(LocalDateTime {
            date,
            minute_of_day,
        })
    }

    /// Minutes since the epoch; a date alone counts as the given minute of that day.
    pub fn minutes(self, default_minute: u32) -> i64 {
        self.date.days_since_epoch() * 1440
            + i64::from(self.minute_of_day.unwrap_or(default_minute))
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.date.year, self.date.month, self.date.day
        )?;
        if let Some(m) = self.minute_of_day {
            write!(f, "T{:02}:{:02}", m / 60, m % 60)?;
        }
        Ok(())
    }
}

impl LocalDateTime {
    /// A date and an optional time as a form shows them: ISO (`2026-11-28`, what date inputs
    /// give) or UK (`28/11/2026`, `28-11-26`, `28.11.2026`), a time as `14:05`, `14.05`,
    /// `2:05pm` or `2:05 PM`; a date field may also hold the time after a space.
    pub fn parse_form(date: &str, time: Option<&str>) -> Option<LocalDateTime> {
        let date = date.trim();
        let (day, rest) = match date.split_once(['T', ' ']) {
            Some((d, r)) => (d, Some(r.trim()).filter(|r| !r.is_empty())),
            None => (date, None),
        };
        let time = time.map(str::trim).filter(|t| !t.is_empty()).or(rest);
        let date = parse_day(day)?;
        let minute_of_day = match time {
            Some(t) => Some(parse_time_of_day(t)?),
            None => None,
        };
        Some(LocalDateTime {
            date,
            minute_of_day,
        })
    }
}

/// `2026-11-28`, or day first: `28/11/2026`, `28-11-26`, `28.11.2026`.
fn parse_day(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let n = |t: &str| {
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = if a.len() == 4 {
        (n(a)?, n(b)?, n(c)?)
    } else {
        let y = match c.len() {
            4 => n(c)?,
            2 => 2000 + n(c)?,
            _ => return None,
        };
        (y, n(b)?, n(a)?)
    };
    if y == 0 {
        return None;
    }
    Date::new(y as i32, m, d)
}

/// `14:05`, `14.05`, `14:05:30`, `2:05pm`, `2:05 PM`, `2pm` → minutes after midnight.
fn parse_time_of_day(s: &str) -> Option<u32> {
    let lower = s.trim().to_ascii_lowercase();
    let (clock, pm) = if let Some(c) = lower.strip_suffix("pm") {
        (c.trim(), Some(true))
    } else if let Some(c) = lower.strip_suffix("am") {
        (c.trim(), Some(false))
    } else {
        (lower.as_str(), None)
    };
    let mut parts = clock.split([':', '.']);
    let h = parts
        .next()
        .and_then(|h| digits(h, 2).or_else(|| digits(h, 1)))?;
    let m = match parts.next() {
        Some(m) => digits(m, 2)?,
        None if pm.is_some() => 0,
        _ => return None,
    };
    if parts
        .next()
        .is_some_and(|sec| digits(sec, 2).is_none_or(|s| s >= 60))
    {
        return None;
    }
    let h = match pm {
        Some(pm) if (1..=12).contains(&h) => h % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => h,
    };
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// "09:30" → minutes after midnight.
pub fn parse_clock(s: &str) -> Option<u32> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// "2 days", "5 hours", "40 minutes": a duration a busy reader takes in at a glance.
pub fn describe_minutes(mins: i64) -> String {
    let plural = |n: i64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    if mins < 120 {
        plural(mins, "minute")
    } else if mins < 48 * 60 {
        plural(mins / 60, "hour")
    } else {
        plural(mins / 1440, "day")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_and_times_as_forms_show_them() {
        let at = |d: &str, t: Option<&str>| LocalDateTime::parse_form(d, t).map(|x| x.to_string());
        assert_eq!(
            at("28/11/2026", Some("14:05")).as_deref(),
            Some("2026-11-28T14:05")
        );
        assert_eq!(
            at("2026-11-28", Some("09:30")).as_deref(),
            Some("2026-11-28T09:30")
        );
        assert_eq!(at("28-11-26", None).as_deref(), Some("2026-11-28"));
        assert_eq!(
            at("28.11.2026 2:05pm", None).as_deref(),
            Some("2026-11-28T14:05")
        );
        assert_eq!(
            at("1/2/2026", Some("12:15 AM")).as_deref(),
            Some("2026-02-01T00:15")
        );
        assert_eq!(
            at("28/11/2026", Some("14.05")).as_deref(),
            Some("2026-11-28T14:05")
        );
        assert_eq!(at("28/11/2026", Some("  ")).as_deref(), Some("2026-11-28"));
        for bad in [
            "31/02/2026",
            "11/28",
            "28/11/2026x",
            "",
            "2026/13/01",
            "0000-01-01",
            "01/01/0000",
            "+1/01/2026",
        ] {
            assert_eq!(at(bad, None), None, "{bad}");
        }
        for bad in [
            "25:00", "14:5", "13pm", "14:05:75", "noon", "+9:+5", "14:+5", "014:05",
        ] {
            assert_eq!(at("28/11/2026", Some(bad)), None, "{bad}");
        }
    }

    #[test]
    fn weekdays_match_the_calendar() {
        assert_eq!(
            WEEKDAYS[Date::new(2023, 12, 7).unwrap().weekday()],
            "Thursday"
        );
        assert_eq!(
            WEEKDAYS[Date::new(2024, 5, 16).unwrap().weekday()],
            "Thursday"
        );
        assert_eq!(
            WEEKDAYS[Date::new(2000, 2, 29).unwrap().weekday()],
            "Tuesday"
        );
        assert_eq!(
            WEEKDAYS[Date::new(1969, 12, 31).unwrap().weekday()],
            "Wednesday"
        );
    }

    #[test]
    fn parses_the_entry_forms() {
        let d = LocalDateTime::parse("2023-12-07T09:30").unwrap();
        assert_eq!(d.minute_of_day, Some(570));
        assert_eq!(
            LocalDateTime::parse("2023-12-07").unwrap().minute_of_day,
            None
        );
        assert!(LocalDateTime::parse("2023-12-07T09:30:15").is_ok());
        assert_eq!(d.to_string(), "2023-12-07T09:30");
    }

    #[test]
    fn rejects_impossible_dates_and_times() {
        for bad in [
            "2023-02-29T10:00",
            "2023-13-01",
            "2023-04-31",
            "2023-12-07T24:00",
            "07/12/2023",
            "",
            "2023-12-07T9:30",
            "+202-01-01",
            "2023-+1-+1T+9:+5",
            "0000-01-01",
            "0000-01-01T10:00",
            "-023-01-01",
            "2023-01-01T10:00:+1",
            "2023-01-01T10:00:5",
            "2023-01-01T10:00:00.",
            "2023-01-01T10:00:00.x",
            "２０２３-01-01",
            "2023-01-01T10:00:00:00",
            "20231-01-01",
        ] {
            assert!(LocalDateTime::parse(bad).is_err(), "{bad}");
        }
        assert!(LocalDateTime::parse("2024-02-29").is_ok());
        assert!(LocalDateTime::parse("0001-01-01T00:00").is_ok());
        assert!(LocalDateTime::parse("9999-12-31T23:59:59.5").is_ok());
        let long = format!("{}\n\x1b[31m", "9".repeat(10_000));
        let e = LocalDateTime::parse(&long).unwrap_err();
        assert!(
            e.chars().count() < 200 && !e.contains('\n') && !e.contains('\x1b'),
            "{e}"
        );
    }

    #[test]
    fn minutes_between_moments() {
        let a = LocalDateTime::parse("2023-12-31T23:30").unwrap();
        let b = LocalDateTime::parse("2024-01-01T00:15").unwrap();
        assert_eq!(b.minutes(0) - a.minutes(0), 45);
        assert_eq!(describe_minutes(45), "45 minutes");
        assert_eq!(describe_minutes(60 * 30), "30 hours");
        assert_eq!(describe_minutes(60 * 24 * 5 + 7), "5 days");
    }
}
