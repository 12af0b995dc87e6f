//! A school's settings: thresholds and lists that the guidance leaves to the school.
//!
//! Every field has a default that matches the guidance, so `{}` is a valid policy.
//! The same JSON is the CLI's `--policy` file, the options page's export, and the
//! managed-policy object. `docs/policy.md` documents it; keep the two in step.

use crate::datetime::parse_clock;
use crate::rules::is_rule;
use crate::verdict::{Severity, CRITERIA};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffNameFormat {
    /// First initial and surname, no space: `JBloggs` (the guidance's rule).
    Code,
    /// Full name followed by job role, as some schools ask.
    FullNameRole,
}

/// How the pre-submit checklist shows its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChecklistRows {
    /// What needs a look first; met and not applicable rows folded away (a good entry gets
    /// the compact "every criterion is met" state).
    Compact,
    /// Every row in full, for a school that wants the whole list on every submission.
    Full,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExtraPhrase {
    pub phrase: String,
    pub replacement: Option<String>,
    pub message: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    pub timeliness_hours: f64,
    pub entry_time_minutes: u32,
    pub school_day_start: u32,
    pub school_day_end: u32,
    pub staff_name_format: StaffNameFormat,
    /// School category label → extra words that signal it.
    pub category_signals: BTreeMap<String, Vec<String>>,
    pub extra_phrases: Vec<ExtraPhrase>,
    /// Words and phrases never flagged (lower-cased), e.g. a pupil called Summer.
    pub never_flag: Vec<String>,
    pub disabled_rules: Vec<String>,
    pub disabled_criteria: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    /// Whether the extension shows the checklist on every submission or only with a `not_met` row.
    pub checklist_always: bool,
    /// Whether the checklist folds away what is met (the compact state) or shows every row.
    pub checklist_rows: ChecklistRows,
    pub hosts: Vec<String>,
    /// Field → CSS selector for pages where the form's fields are not found on their own.
    pub selectors: BTreeMap<String, String>,
}

/// The fields whose place on the page a school can give as a CSS selector.
pub const SELECTOR_FIELDS: [&str; 7] = [
    "editor",
    "incident_date",
    "incident_time",
    "students",
    "linked_students",
    "categories",
    "attachments",
];

impl Default for Policy {
    fn default() -> Self {
        Policy {
            timeliness_hours: 24.0,
            entry_time_minutes: 10,
            school_day_start: 8 * 60 + 30,
            school_day_end: 15 * 60 + 30,
            staff_name_format: StaffNameFormat::Code,
            category_signals: BTreeMap::new(),
            extra_phrases: Vec::new(),
            never_flag: Vec::new(),
            disabled_rules: Vec::new(),
            disabled_criteria: Vec::new(),
            severity: BTreeMap::new(),
            checklist_always: true,
            checklist_rows: ChecklistRows::Compact,
            hosts: vec!["*.cpoms.net".to_string()],
            selectors: BTreeMap::new(),
        }
    }
}

/// A setting that cannot be used: which key, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyError {
    pub key: String,
    pub message: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "policy: {}", self.message)
        } else {
            write!(
                f,
                "policy setting `{}`: {}",
                crate::shown::shown(&self.key),
                self.message
            )
        }
    }
}

impl std::error::Error for PolicyError {}

fn perr(key: &str, message: impl Into<String>) -> PolicyError {
    PolicyError {
        key: key.to_string(),
        message: message.into(),
    }
}

pub const KEYS: [&str; 14] = [
    "timeliness_hours",
    "entry_time_minutes",
    "school_day",
    "staff_name_format",
    "category_signals",
    "extra_phrases",
    "never_flag",
    "disabled_rules",
    "disabled_criteria",
    "severity",
    "checklist",
    "checklist_rows",
    "hosts",
    "selectors",
];

impl Policy {
    pub fn from_json(json: &str) -> Result<Policy, PolicyError> {
        let value: Value =
            serde_json::from_str(json).map_err(|e| perr("", format!("not valid JSON ({e})")))?;
        Policy::from_value(&value)
    }

    /// Every key is checked; the first unusable one is reported.
    pub fn from_value(value: &Value) -> Result<Policy, PolicyError> {
        let obj = value
            .as_object()
            .ok_or_else(|| perr("", "must be a JSON object"))?;
        let mut p = Policy::default();
        for (key, v) in obj {
            match key.as_str() {
                "timeliness_hours" => {
                    p.timeliness_hours = number(v, key).and_then(|n| {
                        (n > 0.0 && n <= 24.0 * 60.0).then_some(n).ok_or_else(|| perr(key, "must be between 0 and 1440 hours"))
                    })?
                }
                "entry_time_minutes" => {
                    p.entry_time_minutes = number(v, key).and_then(|n| {
                        (0.0..=240.0).contains(&n).then_some(n as u32).ok_or_else(|| perr(key, "must be between 0 and 240 minutes"))
                    })?
                }
                "school_day" => {
                    let o = v.as_object().ok_or_else(|| perr(key, "must be an object like {\"start\": \"08:30\", \"end\": \"15:30\"}"))?;
                    let clock = |k: &str| -> Result<Option<u32>, PolicyError> {
                        match o.get(k) {
                            None => Ok(None),
                            Some(Value::String(s)) => parse_clock(s).map(Some).ok_or_else(|| perr(&format!("school_day.{k}"), format!("“{s}” is not a time such as \"08:30\""))),
                            Some(_) => Err(perr(&format!("school_day.{k}"), "must be a string such as \"08:30\"")),
                        }
                    };
                    if let Some(bad) = o.keys().find(|k| *k != "start" && *k != "end") {
                        return Err(perr(&format!("school_day.{bad}"), "unknown; use \"start\" and \"end\""));
                    }
                    p.school_day_start = clock("start")?.unwrap_or(p.school_day_start);
                    p.school_day_end = clock("end")?.unwrap_or(p.school_day_end);
                    if p.school_day_start >= p.school_day_end {
                        return Err(perr(key, "the start must be before the end"));
                    }
                }
                "staff_name_format" => {
                    p.staff_name_format = match v.as_str() {
                        Some("code") => StaffNameFormat::Code,
                        Some("full_name_role") => StaffNameFormat::FullNameRole,
                        _ => return Err(perr(key, "must be \"code\" (JBloggs) or \"full_name_role\" (Joe Bloggs, class teacher)")),
                    }
                }
                "category_signals" => {
                    let o = v.as_object().ok_or_else(|| perr(key, "must be an object of category label → list of words"))?;
                    for (label, words) in o {
                        let k = format!("category_signals.{label}");
                        let words = strings(words, &k)?;
                        // The options page reads a line without `Label:` as words with an
                        // empty label; either way the words would point to no category.
                        if label.trim().is_empty() {
                            return Err(perr(key, format!("“{}” has no category label: write the label, a colon, then its words, as in “E-safety: tiktok, group chat”", crate::shown::shown(&words.join(", ")))));
                        }
                        if words.is_empty() {
                            return Err(perr(&k, "has no words: write the label, a colon, then its words, as in “E-safety: tiktok, group chat”"));
                        }
                        for (i, w) in words.iter().enumerate() {
                            check_pattern(w).map_err(|m| perr(&format!("{k}[{i}]"), m))?;
                        }
                        p.category_signals.insert(label.clone(), words);
                    }
                }
                "extra_phrases" => p.extra_phrases = extra_phrases(v, key)?,
                "never_flag" => p.never_flag = strings(v, key)?.into_iter().map(|s| s.to_lowercase()).collect(),
                "disabled_rules" => {
                    p.disabled_rules = strings(v, key)?;
                    if let Some(bad) = p.disabled_rules.iter().find(|r| !is_rule(r)) {
                        return Err(perr(key, format!("“{bad}” is not a rule id (the options page lists each rule with its id, as does docs/rules.md)")));
                    }
                }
                "disabled_criteria" => {
                    p.disabled_criteria = strings(v, key)?;
                    if let Some(bad) = p.disabled_criteria.iter().find(|c| !CRITERIA.contains(&c.as_str())) {
                        return Err(perr(key, format!("“{bad}” is not a criterion (one of {})", CRITERIA.join(", "))));
                    }
                }
                "severity" => {
                    let o = v.as_object().ok_or_else(|| perr(key, "must be an object of rule id → \"problem\" or \"advice\""))?;
                    p.severity = severities(o)?;
                }
                "checklist" => {
                    p.checklist_always = match v.as_str() {
                        Some("always") => true,
                        Some("when_not_met") => false,
                        _ => return Err(perr(key, "must be \"always\" or \"when_not_met\"")),
                    }
                }
                "checklist_rows" => {
                    p.checklist_rows = match v.as_str() {
                        Some("compact") => ChecklistRows::Compact,
                        Some("full") => ChecklistRows::Full,
                        _ => return Err(perr(key, "must be \"compact\" (what is met folded away) or \"full\" (every row shown)")),
                    }
                }
                "hosts" => {
                    p.hosts = strings(v, key)?;
                    if let Some(bad) = p.hosts.iter().find(|h| !valid_host_pattern(h)) {
                        return Err(perr(key, format!("“{}” is not a host name such as \"*.cpoms.net\" or \"myschool.cpoms.net\" (no https:// and no path)", crate::shown::shown(bad))));
                    }
                    if let Some(bad) = p.hosts.iter().find(|h| !cpoms_host(h)) {
                        return Err(perr(key, format!("“{}” is not a CPOMS address: give your school's, such as \"myschool.cpoms.net\", or \"*.cpoms.net\" for every one", crate::shown::shown(bad))));
                    }
                }
                "selectors" => {
                    let o = v.as_object().ok_or_else(|| perr(key, format!("must be an object of field → CSS selector (fields: {})", SELECTOR_FIELDS.join(", "))))?;
                    for (field, sel) in o {
                        let k = format!("selectors.{field}");
                        if !SELECTOR_FIELDS.contains(&field.as_str()) {
                            return Err(perr(&k, format!("unknown field (one of {})", SELECTOR_FIELDS.join(", "))));
                        }
                        match sel.as_str().map(str::trim) {
                            Some(css) if !css.is_empty() && css.len() <= 500 => {
                                crate::css::check_selector(css).map_err(|why| perr(&k, format!("“{}” is not a CSS selector a browser can use: {why}", crate::shown::shown(css))))?;
                                p.selectors.insert(field.clone(), css.to_string());
                            }
                            _ => return Err(perr(&k, "must be a CSS selector such as \"#incident_description\"")),
                        }
                    }
                }
                _ => return Err(perr(key, format!("is not a setting (known: {})", KEYS.join(", ")))),
            }
        }
        Ok(p)
    }

    /// The settings as the JSON `from_value` reads (every key, defaults included): what the
    /// options page shows and exports.
    pub fn to_value(&self) -> Value {
        let clock = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
        serde_json::json!({
            "timeliness_hours": self.timeliness_hours,
            "entry_time_minutes": self.entry_time_minutes,
            "school_day": {"start": clock(self.school_day_start), "end": clock(self.school_day_end)},
            "staff_name_format": match self.staff_name_format {
                StaffNameFormat::Code => "code",
                StaffNameFormat::FullNameRole => "full_name_role",
            },
            "category_signals": self.category_signals,
            "extra_phrases": self.extra_phrases.iter().map(|p| {
                let mut o = Map::new();
                o.insert("phrase".into(), p.phrase.clone().into());
                if let Some(r) = &p.replacement { o.insert("replacement".into(), r.clone().into()); }
                if let Some(m) = &p.message { o.insert("message".into(), m.clone().into()); }
                Value::Object(o)
            }).collect::<Vec<_>>(),
            "never_flag": self.never_flag,
            "disabled_rules": self.disabled_rules,
            "disabled_criteria": self.disabled_criteria,
            "severity": self.severity.iter().map(|(k, v)| (k.clone(), Value::from(v.as_str()))).collect::<Map<_, _>>(),
            "checklist": if self.checklist_always { "always" } else { "when_not_met" },
            "checklist_rows": match self.checklist_rows {
                ChecklistRows::Compact => "compact",
                ChecklistRows::Full => "full",
            },
            "hosts": self.hosts,
            "selectors": self.selectors,
        })
    }

    pub fn rule_enabled(&self, rule: &str) -> bool {
        let criterion = rule.split('.').next().unwrap_or(rule);
        !self.disabled_rules.iter().any(|r| r == rule)
            && !self.disabled_criteria.iter().any(|c| c == criterion)
    }

    pub fn never_flagged(&self, excerpt: &str) -> bool {
        if self.never_flag.is_empty() {
            return false;
        }
        let e = excerpt.to_lowercase();
        self.never_flag.contains(&e)
    }
}

/// Where a setting came from: the school's managed browser policy, or what was saved in the
/// options page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Managed,
    Saved,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Managed => "managed",
            Source::Saved => "saved",
        }
    }
}

/// The settings in force, from what was saved and what the school manages.
#[derive(Clone, Debug, PartialEq)]
pub struct Layered {
    pub policy: Policy,
    /// The usable settings as one JSON object (managed keys win over saved ones).
    pub json: Map<String, Value>,
    /// The keys the school's managed policy fixes (the options page shows them locked).
    pub managed_keys: Vec<String>,
    /// Settings that could not be used, each left out so its default applies.
    pub errors: Vec<(Source, PolicyError)>,
}

/// Combines saved and managed settings key by key: a managed key wins; a key whose value is
/// unusable is reported and left out, so one bad value never costs the others (or the checks).
pub fn layered(saved: Option<&Value>, managed: Option<&Value>) -> Layered {
    let mut json = Map::new();
    let mut errors = Vec::new();
    let mut managed_keys = Vec::new();
    for (source, layer) in [(Source::Saved, saved), (Source::Managed, managed)] {
        let Some(layer) = layer.filter(|v| !v.is_null()) else {
            continue;
        };
        let Some(obj) = layer.as_object() else {
            errors.push((source, perr("", "must be a JSON object")));
            continue;
        };
        for (key, value) in obj {
            let one = Value::Object(Map::from_iter([(key.clone(), value.clone())]));
            match Policy::from_value(&one) {
                Ok(_) => {
                    json.insert(key.clone(), value.clone());
                    if source == Source::Managed {
                        managed_keys.push(key.clone());
                    }
                }
                Err(e) => errors.push((source, e)),
            }
        }
    }
    // Keys valid alone can still clash (a school day set in two layers cannot, but keep the
    // promise): drop the clashing key and report it.
    let policy = loop {
        match Policy::from_value(&Value::Object(json.clone())) {
            Ok(p) => break p,
            Err(e) => {
                let top = e.key.split(['.', '[']).next().unwrap_or("").to_string();
                if json.remove(&top).is_none() {
                    errors.push((Source::Saved, e));
                    json.clear();
                    break Policy::default();
                }
                let source = if managed_keys.contains(&top) {
                    Source::Managed
                } else {
                    Source::Saved
                };
                errors.push((source, e));
            }
        }
    };
    Layered {
        policy,
        json,
        managed_keys,
        errors,
    }
}

fn number(v: &Value, key: &str) -> Result<f64, PolicyError> {
    v.as_f64().ok_or_else(|| perr(key, "must be a number"))
}

fn strings(v: &Value, key: &str) -> Result<Vec<String>, PolicyError> {
    let arr = v
        .as_array()
        .ok_or_else(|| perr(key, "must be a list of strings"))?;
    arr.iter()
        .enumerate()
        .map(|(i, s)| match s.as_str() {
            Some(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
            _ => Err(perr(&format!("{key}[{i}]"), "must be a non-empty string")),
        })
        .collect()
}

fn extra_phrases(v: &Value, key: &str) -> Result<Vec<ExtraPhrase>, PolicyError> {
    let arr = v
        .as_array()
        .ok_or_else(|| perr(key, "must be a list of {\"phrase\": …, \"replacement\": …}"))?;
    arr.iter()
        .enumerate()
        .map(|(i, item)| {
            let k = format!("{key}[{i}]");
            let o = item
                .as_object()
                .ok_or_else(|| perr(&k, "must be an object with a \"phrase\""))?;
            let text = |name: &str| -> Result<Option<String>, PolicyError> {
                match o.get(name) {
                    None | Some(Value::Null) => Ok(None),
                    Some(Value::String(s)) if !s.trim().is_empty() => {
                        Ok(Some(s.trim().to_string()))
                    }
                    _ => Err(perr(&format!("{k}.{name}"), "must be a non-empty string")),
                }
            };
            if let Some(bad) = o
                .keys()
                .find(|n| !["phrase", "replacement", "message"].contains(&n.as_str()))
            {
                return Err(perr(
                    &format!("{k}.{bad}"),
                    "unknown; use \"phrase\", \"replacement\", \"message\"",
                ));
            }
            let phrase =
                text("phrase")?.ok_or_else(|| perr(&format!("{k}.phrase"), "is required"))?;
            check_pattern(&phrase).map_err(|m| perr(&format!("{k}.phrase"), m))?;
            Ok(ExtraPhrase {
                phrase,
                replacement: text("replacement")?,
                message: text("message")?,
            })
        })
        .collect()
}

/// The longest phrase a school may add: a phrase to avoid is a few words, and the bound keeps
/// matching cheap however the policy was made.
pub const MAX_PATTERN_CHARS: usize = 200;

/// A school's phrase must pin down at least one word. The matcher reads `*` as any word and
/// `a|b` as either word (an empty alternative, as in `a|`, is any word too), so a pattern made
/// only of such slots, or of nothing the tokeniser keeps, would match every word or none.
pub fn check_pattern(pattern: &str) -> Result<(), String> {
    use crate::text::tokens::tokenize;
    if pattern.chars().count() > MAX_PATTERN_CHARS {
        return Err(format!(
            "is longer than {MAX_PATTERN_CHARS} characters; give a short phrase"
        ));
    }
    // A slot is definite when none of its alternatives is the wildcard or empty.
    let definite = |w: &str| w != "*" && !tokenize(w).is_empty();
    let pins_a_word = pattern
        .split_whitespace()
        .any(|chunk| chunk.split('|').all(definite));
    if pins_a_word {
        Ok(())
    } else {
        Err(format!(
            "“{}” would match any word: give at least one word (`*` stands for any word)",
            crate::shown::shown(pattern)
        ))
    }
}

fn severities(o: &Map<String, Value>) -> Result<BTreeMap<String, Severity>, PolicyError> {
    let mut out = BTreeMap::new();
    for (rule, v) in o {
        let k = format!("severity.{rule}");
        if !is_rule(rule) {
            return Err(perr(&k, "is not a rule id (the options page lists each rule with its id, as does docs/rules.md)"));
        }
        let s = match v.as_str() {
            Some("problem") => Severity::Problem,
            Some("advice") => Severity::Advice,
            _ => return Err(perr(&k, "must be \"problem\" or \"advice\"")),
        };
        out.insert(rule.clone(), s);
    }
    Ok(out)
}

fn valid_host_pattern(h: &str) -> bool {
    let rest = h.strip_prefix("*.").unwrap_or(h);
    !rest.is_empty()
        && rest.split('.').count() >= 2
        && rest.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// A CPOMS address: `cpoms.net` or a name under it (`*.` standing for every name under one),
/// in any case, as browsers compare host names.
fn cpoms_host(h: &str) -> bool {
    let rest = h.strip_prefix("*.").unwrap_or(h).to_ascii_lowercase();
    rest == "cpoms.net" || rest.ends_with(".cpoms.net")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_policy_is_the_default() {
        assert_eq!(Policy::from_json("{}").unwrap(), Policy::default());
    }

    #[test]
    fn reads_every_setting() {
        let p = Policy::from_json(
            r#"{"timeliness_hours": 12, "entry_time_minutes": 5, "school_day": {"start": "08:00", "end": "16:00"},
                "staff_name_format": "full_name_role", "category_signals": {"E-safety": ["tiktok"]},
                "extra_phrases": [{"phrase": "lost it", "replacement": "shouted"}], "never_flag": ["Grace"],
                "disabled_rules": ["names.first_person"], "disabled_criteria": ["five_w"],
                "severity": {"tagging.unmentioned": "problem"}, "checklist": "when_not_met", "checklist_rows": "full", "hosts": ["myschool.cpoms.net"],
                "selectors": {"editor": "div.details .ql-editor"}}"#,
        )
        .unwrap();
        assert_eq!(p.timeliness_hours, 12.0);
        assert_eq!(p.school_day_start, 480);
        assert_eq!(p.staff_name_format, StaffNameFormat::FullNameRole);
        assert_eq!(p.never_flag, vec!["grace"]);
        assert!(
            !p.rule_enabled("names.first_person")
                && !p.rule_enabled("five_w.why")
                && p.rule_enabled("names.staff_title")
        );
        assert!(!p.checklist_always);
        assert_eq!(p.checklist_rows, ChecklistRows::Full);
        assert_eq!(p.selectors["editor"], "div.details .ql-editor");
    }

    #[test]
    fn the_checklist_rows_are_compact_unless_the_school_asks_for_the_full_list() {
        assert_eq!(Policy::default().checklist_rows, ChecklistRows::Compact);
        let full = Policy::from_json(r#"{"checklist_rows": "full"}"#).unwrap();
        assert_eq!(full.checklist_rows, ChecklistRows::Full);
        assert_eq!(full.to_value()["checklist_rows"], "full");
        for bad in [r#""all""#, r#"true"#, r#""Full""#] {
            let e = Policy::from_json(&format!(r#"{{"checklist_rows": {bad}}}"#)).unwrap_err();
            assert_eq!(e.key, "checklist_rows", "{bad}");
            assert!(
                e.message.contains("\"compact\"") && e.message.contains("\"full\""),
                "{e}"
            );
        }
        // A bad value, saved or managed, is left out with a message; the others still apply.
        let saved: Value =
            serde_json::from_str(r#"{"checklist_rows": "everything", "timeliness_hours": 12}"#)
                .unwrap();
        let l = layered(Some(&saved), None);
        assert_eq!(l.policy.checklist_rows, ChecklistRows::Compact);
        assert_eq!(l.policy.timeliness_hours, 12.0);
        assert_eq!(l.errors.len(), 1);
        assert_eq!(
            (l.errors[0].0, l.errors[0].1.key.as_str()),
            (Source::Saved, "checklist_rows")
        );
        assert!(!l.json.contains_key("checklist_rows"));
        let managed: Value = serde_json::from_str(r#"{"checklist_rows": "full"}"#).unwrap();
        let l = layered(Some(&saved), Some(&managed));
        assert_eq!(
            l.policy.checklist_rows,
            ChecklistRows::Full,
            "the school's value wins"
        );
        assert_eq!(l.managed_keys, ["checklist_rows"]);
        assert_eq!(l.errors.len(), 1, "the saved bad value is still reported");
    }

    #[test]
    fn layers_combine_key_by_key_and_a_bad_value_costs_only_itself() {
        let saved: Value = serde_json::from_str(
            r#"{"timeliness_hours": 12, "never_flag": ["Summer"], "checklist": "sometimes"}"#,
        )
        .unwrap();
        let managed: Value = serde_json::from_str(
            r#"{"timeliness_hours": 48, "staff_name_format": "full_name_role", "school_day": {"start": "25:00"}}"#,
        )
        .unwrap();
        let l = layered(Some(&saved), Some(&managed));
        assert_eq!(l.policy.timeliness_hours, 48.0, "the school's value wins");
        assert_eq!(l.policy.never_flag, vec!["summer"]);
        assert_eq!(l.policy.staff_name_format, StaffNameFormat::FullNameRole);
        assert!(
            l.policy.checklist_always,
            "the unusable saved value falls back to the default"
        );
        assert_eq!(
            l.managed_keys,
            vec!["staff_name_format", "timeliness_hours"]
        );
        let errs: Vec<(Source, &str)> =
            l.errors.iter().map(|(s, e)| (*s, e.key.as_str())).collect();
        assert_eq!(
            errs,
            vec![
                (Source::Saved, "checklist"),
                (Source::Managed, "school_day.start")
            ]
        );
        assert!(!l.json.contains_key("school_day") && !l.json.contains_key("checklist"));
        assert_eq!(layered(None, None).policy, Policy::default());
        let not_object = Value::from(3);
        assert_eq!(layered(Some(&not_object), None).errors.len(), 1);
    }

    #[test]
    fn settings_written_out_read_back_the_same() {
        let p = Policy::from_json(
            r#"{"timeliness_hours": 12.5, "school_day": {"start": "08:05", "end": "16:00"}, "staff_name_format": "full_name_role",
                "category_signals": {"E-safety": ["tiktok"]}, "extra_phrases": [{"phrase": "lost it", "replacement": "shouted"}, {"phrase": "hyper", "message": "Say what he did."}],
                "never_flag": ["grace"], "disabled_rules": ["names.first_person"], "disabled_criteria": ["five_w"],
                "severity": {"tagging.unmentioned": "problem"}, "checklist": "when_not_met", "checklist_rows": "full", "hosts": ["a.cpoms.net"], "selectors": {"editor": "textarea"}}"#,
        )
        .unwrap();
        assert_eq!(Policy::from_value(&p.to_value()).unwrap(), p);
        assert_eq!(
            Policy::from_value(&Policy::default().to_value()).unwrap(),
            Policy::default()
        );
        assert_eq!(
            Policy::default().to_value().as_object().unwrap().len(),
            KEYS.len()
        );
    }

    #[test]
    fn a_phrase_must_pin_down_a_word() {
        for good in [
            "played up",
            "lost * temper",
            "kick|kicked off",
            "* off",
            "(attached)",
            "!!",
            "b*tch",
        ] {
            assert_eq!(check_pattern(good), Ok(()), "{good}");
        }
        for bad in ["*", "* *", "|", "a|*", "*|*", "kick| *", "", "   "] {
            assert!(check_pattern(bad).is_err(), "{bad:?}");
        }
        assert!(check_pattern(&"word ".repeat(100)).is_err());
        for json in [
            r#"{"extra_phrases": [{"phrase": "*"}]}"#,
            r#"{"extra_phrases": [{"phrase": "lost it"}, {"phrase": "* | *"}]}"#,
            r#"{"category_signals": {"E-safety": ["tiktok", "*"]}}"#,
        ] {
            let e = Policy::from_json(json).unwrap_err();
            assert!(e.message.contains("any word"), "{json}: {e}");
        }
        assert_eq!(
            Policy::from_json(r#"{"extra_phrases": [{"phrase": "lost it"}, {"phrase": "* | *"}]}"#)
                .unwrap_err()
                .key,
            "extra_phrases[1].phrase"
        );
    }

    #[test]
    fn a_huge_or_hostile_key_is_shown_short_on_one_line() {
        let key = format!("\u{1b}[2J\n{}", "k".repeat(1_000_000));
        let mut o = Map::new();
        o.insert(key, Value::from(1));
        let line = Policy::from_value(&Value::Object(o))
            .unwrap_err()
            .to_string();
        assert!(line.len() < 2_000 && !line.contains('\n') && !line.contains('\u{1b}'));
    }

    #[test]
    fn a_value_the_browser_could_not_use_is_refused_naming_it() {
        let refused = |json: &str| Policy::from_json(json).unwrap_err();
        for host in [
            "google.com",
            "evilcpoms.net",
            "cpoms.net.example.com",
            "*.google.com",
        ] {
            let e = refused(&format!(r#"{{"hosts": ["myschool.cpoms.net", "{host}"]}}"#));
            assert_eq!(e.key, "hosts");
            assert!(
                e.message
                    .starts_with(&format!("“{host}” is not a CPOMS address")),
                "{e}"
            );
        }
        let p = Policy::from_json(
            r#"{"hosts": ["cpoms.net", "*.cpoms.net", "MySchool.CPOMS.net", "*.eu.cpoms.net"]}"#,
        )
        .unwrap();
        assert_eq!(p.hosts.len(), 4);

        for (css, why) in [
            ("#a[", "the [ at character 3 is never closed"),
            ("..x", "a class name must follow the . at character 1"),
            ("div >", "nothing follows the > at character 5"),
        ] {
            let e = refused(&format!(r#"{{"selectors": {{"editor": "{css}"}}}}"#));
            assert_eq!(e.key, "selectors.editor");
            assert_eq!(
                e.message,
                format!("“{css}” is not a CSS selector a browser can use: {why}")
            );
        }
        assert!(Policy::from_json(
            r#"{"selectors": {"editor": "textarea[name=\"record[text]\"]"}}"#
        )
        .is_ok());

        let e = refused(r#"{"category_signals": {" ": ["tiktok", "group chat"]}}"#);
        assert_eq!(e.key, "category_signals");
        assert!(
            e.message
                .starts_with("“tiktok, group chat” has no category label"),
            "{e}"
        );
        let e = refused(r#"{"category_signals": {"E-safety": []}}"#);
        assert_eq!(e.key, "category_signals.E-safety");
        assert!(e.message.starts_with("has no words"), "{e}");
    }

    #[test]
    fn errors_name_the_setting() {
        for (json, key) in [
            (r#"{"timeliness_hours": "24"}"#, "timeliness_hours"),
            (r#"{"timeliness_hours": -1}"#, "timeliness_hours"),
            (r#"{"school_day": {"start": "25:00"}}"#, "school_day.start"),
            (
                r#"{"school_day": {"start": "16:00", "end": "09:00"}}"#,
                "school_day",
            ),
            (r#"{"staff_name_format": "initials"}"#, "staff_name_format"),
            (r#"{"disabled_rules": ["language.rude"]}"#, "disabled_rules"),
            (
                r#"{"severity": {"language.emotive": "warning"}}"#,
                "severity.language.emotive",
            ),
            (
                r#"{"extra_phrases": [{"replacement": "x"}]}"#,
                "extra_phrases[0].phrase",
            ),
            (r#"{"hosts": ["https://x.cpoms.net/"]}"#, "hosts"),
            (r#"{"timeliness": 24}"#, "timeliness"),
            (r#"{"selectors": {"body": "textarea"}}"#, "selectors.body"),
            (r#"{"selectors": {"editor": ""}}"#, "selectors.editor"),
        ] {
            assert_eq!(Policy::from_json(json).unwrap_err().key, key, "{json}");
        }
        assert_eq!(Policy::from_json("[1]").unwrap_err().key, "");
        assert!(Policy::from_json("{")
            .unwrap_err()
            .to_string()
            .contains("not valid JSON"));
    }
}
