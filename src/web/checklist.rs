//! The pre-submit checklist: one row per criterion, shown when the person submits.
//! It never blocks: "Submit" (focused) submits exactly as the page would have, with the
//! same submit button; "Go back" and Escape return to the form.

use crate::verdict::{Status, Verdict};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement};

const STYLE: &str = "
  .backdrop { position: fixed; inset: 0; background: #0007; display: flex; align-items: center; justify-content: center; }
  .dialog { background: #fff; color: #1b1b1b; font: 15px/1.45 system-ui, sans-serif; max-width: 640px; width: 92vw;
            max-height: 86vh; overflow: auto; border-radius: 10px; padding: 20px 24px; box-shadow: 0 8px 30px #0006; }
  h2 { margin: 0 0 12px; font-size: 19px; }
  ul { list-style: none; margin: 0; padding: 0; }
  li.row { border-top: 1px solid #ddd; padding: 8px 0; }
  .status { display: inline-block; min-width: 8.5em; font-weight: 600; }
  .not_met .status { color: #a4161a; } .met .status { color: #1b5e20; } .check .status { color: #7a4a00; } .not_applicable .status { color: #555; }
  .point { margin: 4px 0 0 8.5em; font-size: 14px; }
  .buttons { display: flex; gap: 12px; justify-content: flex-end; margin-top: 16px; }
  button { font: 600 15px system-ui, sans-serif; padding: 8px 16px; border-radius: 6px; border: 2px solid #1d4f91; cursor: pointer; }
  button[data-action=submit] { background: #1d4f91; color: #fff; }
  button[data-action=back] { background: #fff; color: #1d4f91; }
  button:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
  @media (prefers-reduced-motion: no-preference) { .dialog { animation: rise .12s ease-out; } }
  @keyframes rise { from { transform: translateY(8px); opacity: .6; } }
";

fn label(status: Status) -> &'static str {
    match status {
        Status::Met => "✓ Met",
        Status::NotMet => "✗ Not met",
        Status::Check => "? Please check",
        Status::NotApplicable => "– Not applicable",
    }
}

fn human(criterion: &str) -> &'static str {
    match criterion {
        "timely" => "Logged promptly",
        "datetime" => "Incident date and time",
        "categories" => "Categories",
        "tagging" => "Children tagged",
        "language" => "Professional language",
        "child_voice" => "The child's own words",
        "evidence" => "Evidence for interpretations",
        "names" => "Names and roles",
        "proofread" => "Proof-read",
        "documents" => "Documents attached",
        "loop" => "Safeguarding loop closed",
        "five_w" => "Who, what, where, when, why",
        _ => "Other",
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Builds and shows the checklist; returns its host so the caller can wire the buttons and remove it.
pub fn show(document: &Document, verdict: &Verdict) -> Result<HtmlElement, JsValue> {
    let (host, shadow) = super::shadow_host(
        document,
        "checklist",
        "position: fixed; inset: 0; z-index: 2147483002",
    )?;
    let mut rows = String::new();
    for row in &verdict.checklist {
        let c = row.criterion;
        let mut points = String::new();
        for f in verdict.findings.iter().filter(|f| f.criterion == c) {
            let at = f
                .excerpt
                .as_deref()
                .map(|e| format!("“{}”: ", escape(e)))
                .unwrap_or_default();
            points.push_str(&format!(
                "<div class=point data-rule=\"{}\">{at}{}</div>",
                f.rule,
                escape(&f.message)
            ));
        }
        if row.status == Status::Check {
            points.push_str("<label class=point><input type=checkbox data-confirm> I have read the entry through once.</label>");
        }
        rows.push_str(&format!(
            "<li class=\"row {s}\" data-criterion=\"{c}\" data-status=\"{s}\"><span class=status>{l}</span> <strong>{h}</strong> — {summary}{points}</li>",
            s = row.status.as_str(),
            l = label(row.status),
            h = human(c),
            summary = escape(&row.summary),
        ));
    }
    let open = verdict
        .checklist
        .iter()
        .filter(|r| r.status == Status::NotMet)
        .count();
    let title = match open {
        0 => "Before you submit: nothing is flagged".to_string(),
        1 => "Before you submit: 1 point to look at".to_string(),
        n => format!("Before you submit: {n} points to look at"),
    };
    shadow.set_inner_html(&format!(
        "<style>{STYLE}</style><div class=backdrop><div class=dialog role=dialog aria-modal=true aria-labelledby=t aria-describedby=d>\
         <h2 id=t>{title}</h2><p id=d>You can submit now or go back and change the entry. Nothing has been sent yet.</p>\
         <ul>{rows}</ul><div class=buttons><button type=button data-action=back>Go back</button>\
         <button type=button data-action=submit>Submit</button></div></div></div>"
    ));
    document.body().ok_or("no body")?.append_child(&host)?;
    if let Some(b) = shadow
        .query_selector("[data-action=submit]")?
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        b.focus()?;
    }
    Ok(host)
}
