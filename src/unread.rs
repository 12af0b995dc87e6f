//! Fields a page could not read. The page layer (and the strict-CSP fallback, through the
//! background) reads the form's date, categories and students; one it cannot find or
//! understand must never be reported as empty. The verdict is then corrected here, in one
//! place for both: findings that rely on the field are dropped and its row asks the person
//! to check that field. Field names are the entry's keys: `incident_at`, `categories`,
//! `students`.

use crate::verdict::{Severity, Status, Verdict};

/// The fields a page may fail to read, by their entry key.
pub const FIELDS: [&str; 3] = ["incident_at", "categories", "students"];

/// Findings that would say something false about a field the extension could not read (that
/// it is empty, that a child is not tagged, that the date is late or out of hours) are
/// removed; their criterion asks the person to check that field instead.
pub fn without_unread(v: &mut Verdict, unread: &[&str]) {
    if unread.is_empty() {
        return;
    }
    let about = |rule: &str| match rule {
        r if r.starts_with("datetime.") || r == "timely.late" => Some("incident_at"),
        "categories.none" => Some("categories"),
        "tagging.untagged" | "tagging.unmentioned" => Some("students"),
        _ => None,
    };
    v.findings
        .retain(|f| !about(f.rule).is_some_and(|field| unread.contains(&field)));
    for row in &mut v.checklist {
        let field = match row.criterion {
            "datetime" | "timely" => "incident_at",
            "categories" => "categories",
            "tagging" => "students",
            _ => continue,
        };
        if !unread.contains(&field) {
            continue;
        }
        let problems = v
            .findings
            .iter()
            .find(|f| f.criterion == row.criterion && f.severity == Severity::Problem);
        match problems {
            Some(f) => row.summary = f.message.clone(),
            None => {
                row.status = Status::Check;
                row.summary = format!(
                    "Couldn't read the {} on this page: check {} yourself.",
                    field_name(field),
                    if field == "students" { "them" } else { "it" }
                );
            }
        }
    }
}

/// A field as a person would name it.
pub fn field_name(field: &str) -> &'static str {
    match field {
        "incident_at" => "incident date and time",
        "categories" => "categories",
        "students" => "tagged students",
        _ => "field",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, Entry, LocalDateTime, Policy};

    fn verdict() -> Verdict {
        let entry = Entry::from_value(&serde_json::json!({
            "text": "Derek said \"he hit me\" at break in the playground. JBloggs informed the DSL.",
            "available_categories": ["Behaviour", "Bullying"],
        }))
        .unwrap();
        let now = LocalDateTime::parse("2023-12-07T10:00").unwrap();
        check(&entry, &Policy::default(), now)
    }

    fn row<'a>(v: &'a Verdict, criterion: &str) -> &'a crate::ChecklistRow {
        v.checklist
            .iter()
            .find(|r| r.criterion == criterion)
            .unwrap()
    }

    #[test]
    fn an_unread_field_is_never_reported_empty() {
        let mut v = verdict();
        for c in ["datetime", "categories", "tagging"] {
            assert_eq!(row(&v, c).status, Status::NotMet, "{c} before");
        }
        without_unread(&mut v, &FIELDS);
        for c in ["datetime", "categories", "tagging"] {
            let r = row(&v, c);
            assert_eq!(r.status, Status::Check, "{c}: {}", r.summary);
            assert!(
                r.summary.starts_with("Couldn't read the "),
                "{c}: {}",
                r.summary
            );
        }
        assert!(!v.findings.iter().any(|f| f.rule == "datetime.missing"
            || f.rule == "categories.none"
            || f.rule == "tagging.untagged"));
    }

    #[test]
    fn read_fields_keep_their_findings() {
        let before = verdict();
        let mut v = verdict();
        without_unread(&mut v, &[]);
        assert_eq!(v, before);
        without_unread(&mut v, &["categories"]);
        assert_eq!(row(&v, "datetime").status, Status::NotMet);
        assert_eq!(row(&v, "tagging").status, Status::NotMet);
        assert_eq!(row(&v, "categories").status, Status::Check);
    }
}
