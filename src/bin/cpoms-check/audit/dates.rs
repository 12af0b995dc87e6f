//! Dates and times as exports write them: UK day-first (16/01/2024, 16.01.24, 16 Jan 2024),
//! ISO (2024-01-16T09:30), or US month-first (01/16/2024) when asked; 24-hour clocks
//! (09:30, 09.30, 09:30:00) and 12-hour ones (9:30 AM, 2:15pm).

use cpoms_check::datetime::{days_in_month, Date, MONTHS};
use cpoms_check::shown::shown;
use cpoms_check::LocalDateTime;

#[derive(Clone, Copy, PartialEq)]
pub enum Order {
    DayFirst,
    MonthFirst,
}

/// A date cell, with its own time if it has one, else the time cell's.
pub fn parse_date(raw: &str, order: Order) -> Result<LocalDateTime, String> {
    let s = raw.trim();
    let (date, time) = split_date_time(s);
    let date = parse_day(date, s, order)?;
    let minute_of_day = match time {
        Some(t) => Some(parse_time(t).map_err(|_| not_a_date(s))?),
        None => None,
    };
    Ok(LocalDateTime {
        date,
        minute_of_day,
    })
}

/// "09:30", "9.30", "09:30:00", "2:15 PM", "2:15pm", "12 noon" is not one.
pub fn parse_time(raw: &str) -> Result<u32, String> {
    let s = raw.trim().to_ascii_lowercase();
    let bad = || format!("“{}” is not a time such as 14:15 or 2:15 PM", shown(raw));
    let (clock, half) = if let Some(c) = s.strip_suffix("am").or(s.strip_suffix("a.m.")) {
        (c.trim_end(), Some(0))
    } else if let Some(c) = s.strip_suffix("pm").or(s.strip_suffix("p.m.")) {
        (c.trim_end(), Some(12))
    } else {
        (s.as_str(), None)
    };
    let mut parts = clock.split([':', '.']);
    let h: u32 = number(parts.next(), 1..=2).ok_or_else(bad)?;
    let m: u32 = number(parts.next(), 2..=2).ok_or_else(bad)?;
    if let Some(sec) = parts.next() {
        number(Some(sec), 2..=2)
            .filter(|s| *s < 60)
            .ok_or_else(bad)?;
    }
    if parts.next().is_some() || m > 59 {
        return Err(bad());
    }
    let h = match half {
        None if h < 24 => h,
        Some(add) if (1..=12).contains(&h) => h % 12 + add,
        _ => return Err(bad()),
    };
    Ok(h * 60 + m)
}

fn not_a_date(s: &str) -> String {
    format!("“{}” is not a date such as 16/01/2024 09:30", shown(s))
}

/// ASCII digits, as many as `len` allows.
fn number(s: Option<&str>, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    let s = s?;
    (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// ISO's `T`, else the first space or comma after a numeric date; a written month
/// ("16 Jan 2024 09:30") keeps its three words together.
fn split_date_time(s: &str) -> (&str, Option<&str>) {
    if s.len() > 10 && s.as_bytes()[10] == b'T' {
        return (&s[..10], Some(&s[11..]));
    }
    let words: Vec<(usize, &str)> = s
        .split([' ', ','])
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let date_words = if words.len() >= 3 && month_number(words[1].1).is_some() {
        3
    } else {
        1
    };
    match words.get(date_words) {
        Some(&(at, _)) => {
            let (d, t) = s.split_at(at);
            (d.trim_end_matches([' ', ',']), Some(t.trim()))
        }
        None => (s, None),
    }
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    (w.len() >= 3)
        .then(|| {
            MONTHS
                .iter()
                .position(|m| m.to_ascii_lowercase().starts_with(&w))
        })
        .flatten()
        .map(|i| i as u32 + 1)
}

fn parse_day(date: &str, whole: &str, order: Order) -> Result<Date, String> {
    let parts: Vec<&str> = date.split(['/', '.', '-', ' ']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(not_a_date(whole));
    };
    let (y, m, d) = if a.len() == 4 {
        let y = number(Some(a), 4..=4);
        (y, number(Some(b), 1..=2), number(Some(c), 1..=2))
    } else {
        let year = number(Some(c), 2..=4).map(|y| if y < 100 { 2000 + y } else { y });
        let (day, month) = match order {
            Order::DayFirst => (a, b),
            Order::MonthFirst => (b, a),
        };
        let month_num = number(Some(month), 1..=2).or_else(|| month_number(month));
        (year, month_num, number(Some(day), 1..=2))
    };
    let (Some(y), Some(m), Some(d)) = (y, m, d) else {
        return Err(not_a_date(whole));
    };
    if order == Order::DayFirst && m > 12 && (1..=12).contains(&d) {
        return Err(format!(
            "“{}” has no month {m}: it reads as a US date (month first); run audit with --us-dates if the export writes dates that way",
            shown(whole)
        ));
    }
    if !(1..=12).contains(&m) {
        return Err(format!("“{}” has no month {m}", shown(whole)));
    }
    Date::new(y as i32, m, d).ok_or_else(|| {
        format!(
            "“{}” is not a real date ({} has {} days)",
            shown(whole),
            MONTHS[m as usize - 1],
            days_in_month(y as i32, m)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uk(s: &str) -> Result<String, String> {
        parse_date(s, Order::DayFirst).map(|d| d.to_string())
    }

    #[test]
    fn reads_the_forms_exports_write() {
        for (raw, want) in [
            ("16/01/2024 09:00", "2024-01-16T09:00"),
            ("16.01.24", "2024-01-16"),
            ("2024-01-16T14:15", "2024-01-16T14:15"),
            ("2024-01-16 14:15:59", "2024-01-16T14:15"),
            ("16/01/2024 2:15 PM", "2024-01-16T14:15"),
            ("16/01/2024, 12:05am", "2024-01-16T00:05"),
            ("16 Jan 2024 09:30", "2024-01-16T09:30"),
            ("5/9/2024", "2024-09-05"),
        ] {
            assert_eq!(uk(raw).as_deref(), Ok(want), "{raw}");
        }
        assert_eq!(
            parse_date("01/16/2024 9:05 am", Order::MonthFirst)
                .unwrap()
                .to_string(),
            "2024-01-16T09:05"
        );
    }

    #[test]
    fn says_why_a_date_is_refused() {
        assert!(uk("31/09/2024")
            .unwrap_err()
            .contains("September has 30 days"));
        assert!(uk("12/31/2024").unwrap_err().contains("--us-dates"));
        assert!(uk("yesterday").unwrap_err().contains("not a date"));
        assert!(uk("16/01/2024 25:00").is_err());
        assert!(uk("16/01/2024 13:00 PM").is_err());
        assert_eq!(parse_time("12:00 pm"), Ok(720));
        assert_eq!(parse_time("12:30am"), Ok(30));
        assert!(parse_time("9").is_err());
    }
}
