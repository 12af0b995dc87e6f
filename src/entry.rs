//! One CPOMS entry: the text and the form's fields (see `shared/spec/entry-json.md`).

use crate::datetime::LocalDateTime;
use serde_json::Value;
use std::fmt;

/// The entry as the engine sees it, after validation.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub text: String,
    pub incident_at: Option<LocalDateTime>,
    pub recorded_at: Option<LocalDateTime>,
    pub students: Vec<String>,
    pub linked_students: Vec<String>,
    pub categories: Vec<String>,
    /// `None`: the page did not say, so the default CPOMS-style set applies.
    pub available_categories: Option<Vec<String>>,
    pub attachments: Vec<String>,
    /// `None`: the school's pupil list is unknown.
    pub pupils: Option<Vec<String>>,
    pub staff: Option<Vec<String>>,
}

/// How the command-line tool reads its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// An entry object when the input opens like one, else plain text.
    Auto,
    /// Always an entry object.
    Json,
    /// Always plain text, even when it starts with `{`.
    Text,
}

/// `{` followed (after white space) by a key's quote or the closing brace: how every JSON
/// object starts, and how prose rarely does.
fn looks_like_object(s: &str) -> bool {
    s.strip_prefix('{')
        .is_some_and(|rest| matches!(rest.trim_start().chars().next(), Some('"' | '}')))
}

/// Unusable input: which field, and why, in one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(
                f,
                "field `{}`: {}",
                crate::shown::shown(field),
                self.message
            ),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for InputError {}

fn err(field: &str, message: impl Into<String>) -> InputError {
    InputError {
        field: Some(field.to_string()),
        message: message.into(),
    }
}

const FIELDS: [&str; 10] = [
    "text",
    "incident_at",
    "recorded_at",
    "students",
    "linked_students",
    "categories",
    "available_categories",
    "attachments",
    "pupils",
    "staff",
];

impl Entry {
    /// An entry that is only text.
    pub fn from_text(text: impl Into<String>) -> Entry {
        Entry {
            text: text.into(),
            ..Entry::default()
        }
    }

    /// Reads the command-line tool's input: an entry object, or plain text (`InputKind::Auto`).
    pub fn from_input(input: &str) -> Result<Entry, InputError> {
        Entry::from_input_as(input, InputKind::Auto)
    }

    /// Reads the input as the given kind. `Auto` takes it as JSON only when it opens like a
    /// JSON object (`{` then `"` or `}`), so prose that starts with a brace ("{Name removed}
    /// said …") is checked as text; an object that opens like one but is broken is an error,
    /// not silently checked as text.
    pub fn from_input_as(input: &str, kind: InputKind) -> Result<Entry, InputError> {
        let trimmed = input.trim_start_matches('\u{feff}').trim_start();
        let json = match kind {
            InputKind::Text => false,
            InputKind::Json => true,
            InputKind::Auto => looks_like_object(trimmed),
        };
        if !json {
            return Ok(Entry::from_text(input));
        }
        let value: Value = serde_json::from_str(trimmed).map_err(|e| InputError {
            field: None,
            message: match kind {
                InputKind::Auto => {
                    format!(
                        "the input is not valid JSON ({e}); use --input text to check it as text"
                    )
                }
                _ => format!("the input is not valid JSON ({e})"),
            },
        })?;
        Entry::from_value(&value)
    }

    /// Validates a JSON object field by field, so an error can name the field.
    pub fn from_value(value: &Value) -> Result<Entry, InputError> {
        let obj = value.as_object().ok_or_else(|| InputError {
            field: None,
            message: "the entry must be a JSON object with at least a \"text\" field".into(),
        })?;
        Entry::from_fields(obj.keys().map(String::as_str), |name| match obj.get(name) {
            None | Some(Value::Null) => Field::Absent,
            Some(Value::String(s)) => Field::Text(s.clone()),
            Some(Value::Array(items)) => Field::List(
                items
                    .iter()
                    .map(|item| item.as_str().map(str::to_string))
                    .collect(),
            ),
            Some(_) => Field::Other,
        })
    }

    /// Builds an entry from its fields as a reader found them (a JSON object here, a
    /// JavaScript object in the WebAssembly build): one set of checks and messages for both.
    pub fn from_fields<'k>(
        mut keys: impl Iterator<Item = &'k str>,
        mut get: impl FnMut(&str) -> Field,
    ) -> Result<Entry, InputError> {
        if let Some(unknown) = keys.find(|k| !FIELDS.contains(k)) {
            return Err(err(
                unknown,
                format!("is not an entry field (known: {})", FIELDS.join(", ")),
            ));
        }
        let text = match get("text") {
            Field::Text(s) => s,
            Field::Absent => return Err(err("text", "is required")),
            _ => return Err(err("text", "must be a string")),
        };
        let incident_at = date_field(get("incident_at"), "incident_at")?;
        let recorded_at = date_field(get("recorded_at"), "recorded_at")?;
        let mut list = |name: &str| list_field(get(name), name);
        let students = list("students")?.unwrap_or_default();
        let linked_students = list("linked_students")?.unwrap_or_default();
        let categories = list("categories")?.unwrap_or_default();
        let available_categories = list("available_categories")?;
        let attachments = list("attachments")?.unwrap_or_default();
        let pupils = list("pupils")?;
        let staff = list("staff")?;
        Ok(Entry {
            text,
            incident_at,
            recorded_at,
            students,
            linked_students,
            categories,
            available_categories,
            attachments,
            pupils,
            staff,
        })
    }

    /// Every tagged child, main then linked.
    pub fn tagged(&self) -> impl Iterator<Item = &String> {
        self.students.iter().chain(self.linked_students.iter())
    }
}

/// One field of an entry as its reader found it.
pub enum Field {
    /// Missing or null.
    Absent,
    Text(String),
    /// A list; `None` for an item that is not a string.
    List(Vec<Option<String>>),
    /// Any other kind of value.
    Other,
}

fn date_field(v: Field, field: &str) -> Result<Option<LocalDateTime>, InputError> {
    match v {
        Field::Absent => Ok(None),
        Field::Text(s) if s.trim().is_empty() => Ok(None),
        Field::Text(s) => LocalDateTime::parse(&s)
            .map(Some)
            .map_err(|m| err(field, m)),
        _ => Err(err(field, "must be a string such as \"2023-12-07T09:30\"")),
    }
}

fn list_field(v: Field, field: &str) -> Result<Option<Vec<String>>, InputError> {
    match v {
        Field::Absent => Ok(None),
        Field::List(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| match item {
                Some(s) => Ok(s.trim().to_string()),
                None => Err(err(&format!("{field}[{i}]"), "must be a string")),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|list| Some(list.into_iter().filter(|s| !s.is_empty()).collect())),
        _ => Err(err(field, "must be a list of strings")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_an_entry() {
        let e = Entry::from_input("Derek was upset.").unwrap();
        assert_eq!(e.text, "Derek was upset.");
        assert!(e.incident_at.is_none());
    }

    #[test]
    fn errors_name_the_field() {
        let e =
            Entry::from_input(r#"{"text": "x", "incident_at": "2023-02-30T10:00"}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("incident_at"));
        let e = Entry::from_input(r#"{"text": 5}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("text"));
        let e = Entry::from_input(r#"{"text": "x", "students": ["A", 3]}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("students[1]"));
        let e = Entry::from_input(r#"{"text": "x", "studnets": []}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("studnets"));
        let e = Entry::from_input(r#"{"text": "x""#).unwrap_err();
        assert!(e.to_string().contains("not valid JSON"));
        let e = Entry::from_input(r#"{"incident_at": "2023-12-07"}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("text"));
    }

    #[test]
    fn prose_that_starts_with_a_brace_is_text() {
        for prose in [
            "{Name removed} said Derek hit him.",
            "{ redacted } was upset.",
            "{",
            "{{template}}",
        ] {
            assert_eq!(Entry::from_input(prose).unwrap().text, prose);
        }
        let e = Entry::from_input_as(r#"{"text": "x"}"#, InputKind::Text).unwrap();
        assert_eq!(e.text, r#"{"text": "x"}"#);
        assert!(Entry::from_input_as("{Name removed}", InputKind::Json).is_err());
        assert!(Entry::from_input_as("Derek", InputKind::Json).is_err());
        assert_eq!(
            Entry::from_input_as("\u{feff} { \"text\": \"x\" }", InputKind::Auto)
                .unwrap()
                .text,
            "x"
        );
        assert!(Entry::from_input("{}")
            .unwrap_err()
            .to_string()
            .contains("text"));
    }

    #[test]
    fn a_huge_or_hostile_key_is_shown_short_on_one_line() {
        let key = format!("a\\n\\u001b[31m{}", "k".repeat(1_000_000));
        let e = Entry::from_input(&format!(r#"{{"text": "x", "{key}": 1}}"#)).unwrap_err();
        let line = e.to_string();
        assert!(line.len() < 1_000, "{}", line.len());
        assert!(!line.contains('\n') && !line.contains('\x1b'), "{line}");
    }

    #[test]
    fn null_and_empty_mean_absent() {
        let e = Entry::from_input(
            r#"{"text": "x", "incident_at": null, "pupils": null, "recorded_at": ""}"#,
        )
        .unwrap();
        assert!(e.incident_at.is_none() && e.pupils.is_none() && e.recorded_at.is_none());
    }
}
