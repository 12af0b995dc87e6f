//! Which column of the export holds which entry field: found by header name (CPOMS exports
//! and school spreadsheets name them differently), changed with `--columns field=Header`.

use cpoms_check::shown::shown;

/// The fields an audit reads: the entry-json.md names, then the export's own extras.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Field {
    Text,
    IncidentAt,
    IncidentTime,
    RecordedAt,
    Students,
    LinkedStudents,
    Categories,
    Attachments,
    RecordedBy,
    YearGroup,
}

pub const FIELDS: [Field; 10] = [
    Field::Text,
    Field::IncidentAt,
    Field::IncidentTime,
    Field::RecordedAt,
    Field::Students,
    Field::LinkedStudents,
    Field::Categories,
    Field::Attachments,
    Field::RecordedBy,
    Field::YearGroup,
];

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::IncidentAt => "incident_at",
            Field::IncidentTime => "incident_time",
            Field::RecordedAt => "recorded_at",
            Field::Students => "students",
            Field::LinkedStudents => "linked_students",
            Field::Categories => "categories",
            Field::Attachments => "attachments",
            Field::RecordedBy => "recorded_by",
            Field::YearGroup => "year_group",
        }
    }

    /// Header names (lower case) taken to mean this field.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Text => &[
                "text",
                "incident",
                "details",
                "description",
                "incident details",
                "entry",
                "concern",
            ],
            Field::IncidentAt => &[
                "incident_at",
                "incident date",
                "date",
                "date/time",
                "incident date/time",
                "occurred",
            ],
            Field::IncidentTime => &["incident_time", "time", "incident time"],
            Field::RecordedAt => &[
                "recorded_at",
                "recorded",
                "created",
                "created at",
                "date recorded",
                "logged",
                "date logged",
            ],
            Field::Students => &["students", "student", "pupil", "pupils", "student name"],
            Field::LinkedStudents => &["linked_students", "linked students", "linked"],
            Field::Categories => &["categories", "category"],
            Field::Attachments => &["attachments", "files", "documents"],
            Field::RecordedBy => &[
                "recorded_by",
                "recorded by",
                "staff",
                "author",
                "reported by",
                "created by",
                "user",
            ],
            Field::YearGroup => &["year_group", "year group", "year", "nc year", "yr"],
        }
    }

    /// The criteria that would fail (or be measured wrongly) for every entry without it.
    pub fn needed_by(self) -> &'static [&'static str] {
        match self {
            Field::IncidentAt => &["datetime", "timely"],
            Field::RecordedAt => &["timely"],
            Field::Categories => &["categories"],
            Field::Students => &["tagging"],
            Field::Attachments => &["documents"],
            _ => &[],
        }
    }
}

/// The column each field is read from (an index into the header), if any.
#[derive(Debug)]
pub struct Mapping {
    pub header: Vec<String>,
    columns: [Option<usize>; FIELDS.len()],
}

impl Mapping {
    /// Matches the header, then applies `--columns`. Only the text column is required.
    pub fn new(header: Vec<String>, overrides: &[(String, String)]) -> Result<Mapping, String> {
        let lower: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
        let mut columns = [None; FIELDS.len()];
        for (i, f) in FIELDS.iter().enumerate() {
            columns[i] = lower.iter().position(|h| f.headers().contains(&h.as_str()));
        }
        for (field, name) in overrides {
            let i = FIELDS
                .iter()
                .position(|f| f.name() == field)
                .ok_or_else(|| {
                    format!(
                        "--columns: no field `{}` (fields: {})",
                        shown(field),
                        FIELDS.map(Field::name).join(", ")
                    )
                })?;
            columns[i] = if name.is_empty() {
                None
            } else {
                Some(
                    lower
                        .iter()
                        .position(|h| *h == name.to_lowercase())
                        .ok_or_else(|| {
                            format!(
                                "--columns: the export has no column “{}” (it has {})",
                                shown(name),
                                quoted_list(&header)
                            )
                        })?,
                )
            };
        }
        let mapping = Mapping { header, columns };
        if mapping.column(Field::Text).is_none() {
            return Err(format!(
                "line 1: no column holds the entry text; the header reads {} (name the text column with --columns text=Header)",
                quoted_list(&mapping.header)
            ));
        }
        Ok(mapping)
    }

    pub fn column(&self, f: Field) -> Option<usize> {
        self.columns[FIELDS.iter().position(|g| *g == f).unwrap_or(0)]
    }

    /// The header as the export writes it, for messages.
    pub fn header_of(&self, f: Field) -> &str {
        self.column(f).map_or(f.name(), |c| self.header[c].trim())
    }

    /// `text ← “Incident”` for each field found.
    pub fn used(&self) -> Vec<(&'static str, String)> {
        FIELDS
            .iter()
            .filter_map(|f| Some((f.name(), self.header[self.column(*f)?].trim().to_string())))
            .collect()
    }

    pub fn missing(&self) -> Vec<Field> {
        FIELDS
            .into_iter()
            .filter(|f| self.column(*f).is_none())
            .collect()
    }

    /// Criteria left out of the audit, each with the field whose column is missing.
    pub fn left_out(&self) -> Vec<(&'static str, Field)> {
        let mut out: Vec<(&'static str, Field)> = Vec::new();
        for f in self.missing() {
            for c in f.needed_by() {
                if !out.iter().any(|(d, _)| d == c) {
                    out.push((c, f));
                }
            }
        }
        out
    }
}

fn quoted_list(header: &[String]) -> String {
    header
        .iter()
        .take(12)
        .map(|h| format!("“{}”", shown(h)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(s: &str) -> Vec<String> {
        s.split(',').map(String::from).collect()
    }

    #[test]
    fn finds_columns_by_name_and_by_override() {
        let m = Mapping::new(header("Date,Student,Incident,Staff"), &[]).unwrap();
        assert_eq!(m.column(Field::Text), Some(2));
        assert_eq!(m.header_of(Field::IncidentAt), "Date");
        assert_eq!(
            m.left_out().iter().map(|l| l.0).collect::<Vec<_>>(),
            ["timely", "categories", "documents"]
        );
        let m = Mapping::new(
            header("When,Notes,Who"),
            &[
                ("text".into(), "notes".into()),
                ("incident_at".into(), "When".into()),
            ],
        )
        .unwrap();
        assert_eq!(
            (m.column(Field::Text), m.column(Field::IncidentAt)),
            (Some(1), Some(0))
        );
        assert!(Mapping::new(header("a;b;c"), &[])
            .unwrap_err()
            .contains("“a;b;c”"));
        assert!(Mapping::new(header("Notes"), &[("txt".into(), "Notes".into())]).is_err());
    }
}
