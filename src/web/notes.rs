//! Field notes: a short note beside the date and time, the categories, the student picker or
//! the file input when the engine has a finding about that field or its criterion (a missing
//! date, a time that is "now", a category to consider, a child named but not tagged, a
//! document mentioned but not attached). Each note is a host `[data-cpoms-check=field-note][data-field][data-rule]`
//! placed right after the field, so it reads in order with the form.

use crate::verdict::{Finding, Severity, Verdict};
use web_sys::{Element, HtmlElement};

const STYLE: &str = "
  .note { font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; background: #fff8e1; border-left: 4px solid #8a4b00;
          padding: 4px 8px; margin: 4px 0; border-radius: 3px; max-width: 640px; }
  .note.problem { border-left-color: #b3261e; background: #fdecea; }
  .kind { font-weight: 700; }
";

#[derive(Default)]
pub struct Notes {
    shown: Vec<HtmlElement>,
    /// What is shown, so an unchanged set of notes is not redrawn on every keystroke.
    key: String,
}

impl Notes {
    /// Removes every note (the popup's switch turned the checker off).
    pub fn clear(&mut self) {
        for host in self.shown.drain(..) {
            host.remove();
        }
        self.key.clear();
    }

    pub fn render(&mut self, anchors: &[(&'static str, Element)], verdict: &Verdict) {
        let notes: Vec<(&Element, Vec<&Finding>)> = anchors
            .iter()
            .map(|(field, el)| {
                let about: Vec<&Finding> = verdict
                    .findings
                    .iter()
                    .filter(|f| field_of(f) == Some(*field))
                    .collect();
                (el, about)
            })
            .filter(|(_, about)| !about.is_empty())
            .collect();
        let key = notes
            .iter()
            .flat_map(|(_, fs)| {
                fs.iter()
                    .map(|f| format!("{}|{}|{}\n", f.field.unwrap_or(""), f.rule, f.message))
            })
            .collect::<String>();
        if key == self.key {
            return;
        }
        self.clear();
        self.key = key;
        let Some(document) = super::document_of_page() else {
            return;
        };
        for (anchor, about) in notes {
            let field = field_of(about[0]).unwrap_or("");
            let Ok((host, shadow)) = super::shadow_host(&document, "field-note", "display: block")
            else {
                continue;
            };
            let _ = host.set_attribute("data-field", field);
            let _ = host.set_attribute("data-rule", about[0].rule);
            let body: String = about
                .iter()
                .map(|f| {
                    let (class, kind) = match f.severity {
                        Severity::Problem => ("note problem", "To fix"),
                        Severity::Advice => ("note", "To consider"),
                    };
                    format!(
                        "<div class=\"{class}\" data-field=\"{field}\" data-rule=\"{rule}\"><span class=kind>{kind}:</span> {msg}</div>",
                        rule = f.rule,
                        msg = super::escape(&f.message),
                    )
                })
                .collect();
            shadow.set_inner_html(&format!(
                "<style>{STYLE}</style><div role=note aria-label=\"About this field\">{body}</div>"
            ));
            // After the whole control: never inside its label, which would split the row.
            let anchor = anchor
                .closest("label")
                .ok()
                .flatten()
                .unwrap_or(anchor.clone());
            if anchor.after_with_node_1(&host).is_ok() {
                self.shown.push(host);
            }
        }
    }
}

/// The field a finding is about: its own `field`, else the field its criterion concerns (a
/// child named but not tagged is about the student picker, even though it points at words).
fn field_of(f: &Finding) -> Option<&'static str> {
    f.field.or(match f.criterion {
        "datetime" | "timely" => Some("incident_at"),
        "categories" => Some("categories"),
        "tagging" => Some("students"),
        "documents" => Some("attachments"),
        _ => None,
    })
}
