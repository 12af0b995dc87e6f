//! One record of the export made into an entry, or the reason it cannot be: the line it
//! starts on, the header of the cell at fault and the text as written.

use super::columns::{Field, Mapping};
use super::dates::{parse_date, parse_time, Order};
use super::source::{decode, Encoding};
use crate::limits::{megabytes, CHECK_BYTES};
use cpoms_check::shown::shown;
use cpoms_check::{Entry, LocalDateTime};

/// A record as read, with the line it starts on.
pub struct Record {
    pub line: u64,
    pub cells: csv::ByteRecord,
}

/// Why a row was skipped, in the order the summary lists them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Reason {
    MergedRows,
    ShortRow,
    LongRow,
    Date,
    Time,
    TooLong,
}

impl Reason {
    pub fn label(self) -> &'static str {
        match self {
            Reason::MergedRows => "rows run together by a stray quotation mark",
            Reason::ShortRow => "rows with fewer cells than the header",
            Reason::LongRow => "rows with more cells than the header",
            Reason::Date => "dates that could not be read",
            Reason::Time => "times that could not be read",
            Reason::TooLong => "entries over the size limit for one entry",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Reason::MergedRows => "merged_rows",
            Reason::ShortRow => "short_row",
            Reason::LongRow => "long_row",
            Reason::Date => "date",
            Reason::Time => "time",
            Reason::TooLong => "too_long",
        }
    }
}

#[derive(Clone, Debug)]
pub struct BadRow {
    pub line: u64,
    pub reason: Reason,
    pub message: String,
}

/// A row ready to check.
pub struct Row {
    pub line: u64,
    pub entry: Entry,
    pub staff: Option<String>,
    pub year_group: Option<String>,
    /// A cell of a UTF-8 file that was not UTF-8 (read as Windows-1252).
    pub recoded: bool,
}

pub struct Reading<'a> {
    pub mapping: &'a Mapping,
    pub encoding: Encoding,
    pub delimiter: u8,
    pub order: Order,
}

impl Reading<'_> {
    pub fn row(&self, rec: &Record) -> Result<Row, BadRow> {
        let line = rec.line;
        let bad = |reason, message: String| BadRow {
            line,
            reason,
            message: format!("line {line}: {message}"),
        };
        let width = self.mapping.header.len();
        let cells = rec.cells.len();
        // Lines the record runs over: the line breaks inside its cells (a quote left open
        // to the end of the file takes the last line break too, which ends no row).
        let span = rec
            .cells
            .iter()
            .map(|c| c.trim_ascii_end().iter().filter(|&&b| b == b'\n').count() as u64)
            .sum::<u64>();
        // A trailing delimiter gives an extra empty cell: harmless.
        let extra_empty = rec
            .cells
            .iter()
            .skip(width)
            .all(|c| c.trim_ascii().is_empty());
        if (cells != width && !(cells > width && extra_empty)) || self.swallowed_rows(rec) {
            if span > 0 {
                return Err(bad(Reason::MergedRows, format!(
                    "a quotation mark opened on this line runs on to line {}, so the rows between ran together into one ({cells} cells where the header has {width}); check the quotes on line {line}",
                    line + span
                )));
            }
            let delimiter = self.delimiter;
            let swallowed = rec.cells.iter().any(|c| c.contains(&delimiter));
            let (reason, what) = if cells < width && swallowed {
                (
                    Reason::ShortRow,
                    "a cell holds delimiters: is a quotation mark at its start never closed?",
                )
            } else if cells < width {
                (Reason::ShortRow, "a short row")
            } else {
                (
                    Reason::LongRow,
                    "a long row: is a delimiter inside an unquoted cell?",
                )
            };
            return Err(bad(
                reason,
                format!("{cells} cells where the header has {width} ({what})"),
            ));
        }
        let mut recoded = false;
        let mut cell = |f: Field| -> Option<String> {
            let bytes = rec.cells.get(self.mapping.column(f)?)?;
            let (text, re) = decode(bytes, self.encoding);
            recoded |= re;
            let text = text.trim();
            // Most cells have no CR: one copy, not a search-and-copy.
            (!text.is_empty()).then(|| {
                if text.contains('\r') {
                    text.replace("\r\n", "\n")
                } else {
                    text.to_string()
                }
            })
        };
        let text = cell(Field::Text).unwrap_or_default();
        if text.len() as u64 > CHECK_BYTES {
            return Err(bad(
                Reason::TooLong,
                format!(
                    "column “{}”: the entry is larger than the {} limit for one entry",
                    self.mapping.header_of(Field::Text),
                    megabytes(CHECK_BYTES)
                ),
            ));
        }
        let date = |f: Field, raw: Option<String>| -> Result<Option<LocalDateTime>, BadRow> {
            raw.map(|r| parse_date(&r, self.order))
                .transpose()
                .map_err(|e| bad(Reason::Date, self.in_column(f, &e)))
        };
        let mut incident_at = date(Field::IncidentAt, cell(Field::IncidentAt))?;
        if let (Some(at), Some(t)) = (incident_at.as_mut(), cell(Field::IncidentTime)) {
            if at.minute_of_day.is_none() {
                let m = parse_time(&t)
                    .map_err(|e| bad(Reason::Time, self.in_column(Field::IncidentTime, &e)))?;
                at.minute_of_day = Some(m);
            }
        }
        let recorded_at = date(Field::RecordedAt, cell(Field::RecordedAt))?;
        let mut list = |f: Field| -> Vec<String> {
            cell(f)
                .map(|s| {
                    s.split([';', '|', '\n'])
                        .map(|p| p.trim().to_string())
                        .filter(|p| !p.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let entry = Entry {
            text,
            incident_at,
            recorded_at,
            students: list(Field::Students),
            linked_students: list(Field::LinkedStudents),
            categories: list(Field::Categories),
            available_categories: None,
            attachments: list(Field::Attachments),
            pupils: None,
            staff: None,
        };
        let staff = cell(Field::RecordedBy);
        let year_group = cell(Field::YearGroup);
        Ok(Row {
            line,
            entry,
            staff,
            year_group,
            recoded,
        })
    }

    fn in_column(&self, f: Field, e: &str) -> String {
        format!("column “{}”: {e}", shown(self.mapping.header_of(f)))
    }

    /// A quoted cell that holds whole rows of the file: a line inside it splits into a full
    /// row whose date cell reads as a date. Prose with many commas is not mistaken for rows.
    fn swallowed_rows(&self, rec: &Record) -> bool {
        let width = self.mapping.header.len();
        let Some(date_col) = self.mapping.column(Field::IncidentAt) else {
            return false;
        };
        if width < 3 {
            return false;
        }
        rec.cells.iter().filter(|c| c.contains(&b'\n')).any(|c| {
            c.split(|&b| b == b'\n').skip(1).any(|line| {
                let parts: Vec<&[u8]> = line.split(|&b| b == self.delimiter).collect();
                parts.len() >= width
                    && parts.get(date_col).is_some_and(|d| {
                        let d = String::from_utf8_lossy(d);
                        parse_date(d.trim_matches('"'), self.order).is_ok()
                    })
            })
        })
    }
}
