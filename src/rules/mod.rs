//! The rules: one module per criterion, each reading the shared text model and
//! reporting raw findings; this module turns them into the verdict.

mod categories;
mod child_voice;
pub mod compiled;
mod datetime;
mod documents;
mod evidence;
mod five_w;
mod language;
mod loop_;
mod names;
mod priority;
mod proofread;
mod tagging;
mod timely;
mod when;

pub use categories::DEFAULT_CATEGORIES;

use crate::data::{compiled, data, Data, RuleDef};
use crate::datetime::LocalDateTime;
use crate::entry::Entry;
use crate::names::NameIndex;
use crate::policy::Policy;
use crate::text::{utf16_offsets, Doc};
use crate::verdict::{ChecklistRow, Finding, Severity, Status, Verdict, CRITERIA};
use compiled::Compiled;
use std::cell::OnceCell;
use std::collections::BTreeMap;

/// Everything a rule may read.
pub struct Ctx<'a> {
    pub doc: &'a Doc<'a>,
    pub entry: &'a Entry,
    pub policy: &'a Policy,
    pub data: &'static Data,
    /// The data's lists compiled into matchers, built once.
    pub k: &'static Compiled,
    pub names: &'a NameIndex,
    /// When the entry is being recorded.
    pub now: LocalDateTime,
    /// Scans more than one rule reads, done once per check on first use.
    times: OnceCell<Vec<when::TimeMention>>,
    dates: OnceCell<Vec<when::DateMention>>,
    reported: OnceCell<Vec<child_voice::Reported>>,
}

impl Ctx<'_> {
    /// Clock times written in the text (`datetime`, `five_w`).
    pub fn times(&self) -> &[when::TimeMention] {
        self.times.get_or_init(|| when::times(self.doc))
    }

    /// Dates written in the text (`datetime`, `evidence`).
    pub fn dates(&self) -> &[when::DateMention] {
        self.dates.get_or_init(|| when::dates(self.doc))
    }

    /// Reported speech in the writer's words (`child_voice`, `five_w`).
    pub fn reported(&self) -> &[child_voice::Reported] {
        self.reported
            .get_or_init(|| child_voice::reported_speech(self))
    }
}

/// A finding before severity, guidance and offsets are filled in.
#[derive(Clone, Debug)]
pub struct Raw {
    pub rule: &'static str,
    /// Byte span in the text.
    pub span: Option<(usize, usize)>,
    pub field: Option<&'static str>,
    /// Fills `{detail}` in the rule's message.
    pub detail: String,
    pub suggestion: Option<String>,
    /// Raises an advice rule to a problem for this finding (a school's setting still wins).
    pub escalated: bool,
    /// Must reach the DSL today; listed first.
    pub priority: bool,
}

impl Raw {
    fn new(rule: &'static str, span: Option<(usize, usize)>, field: Option<&'static str>) -> Raw {
        Raw {
            rule,
            span,
            field,
            detail: String::new(),
            suggestion: None,
            escalated: false,
            priority: false,
        }
    }
    pub fn at(rule: &'static str, span: (usize, usize)) -> Raw {
        Raw::new(rule, Some(span), None)
    }
    pub fn field(rule: &'static str, field: &'static str) -> Raw {
        Raw::new(rule, None, Some(field))
    }
    pub fn whole(rule: &'static str) -> Raw {
        Raw::new(rule, None, None)
    }
    pub fn detail(mut self, d: impl Into<String>) -> Raw {
        self.detail = d.into();
        self
    }
    pub fn escalate(mut self, yes: bool) -> Raw {
        self.escalated = yes;
        self
    }
    pub fn prioritise(mut self) -> Raw {
        self.priority = true;
        self
    }
    pub fn suggest(mut self, s: impl Into<String>) -> Raw {
        self.suggestion = Some(s.into());
        self
    }
}

/// Whether a criterion applies to this entry when nothing is found against it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    Yes,
    NotApplicable,
    /// The person is asked to confirm (proof-reading).
    Confirm,
}

pub struct Out {
    pub findings: Vec<Raw>,
    pub applies: BTreeMap<&'static str, Applies>,
}

impl Out {
    pub fn push(&mut self, r: Raw) {
        self.findings.push(r);
    }
    pub fn set(&mut self, criterion: &'static str, a: Applies) {
        self.applies.insert(criterion, a);
    }
}

pub fn rule_defs() -> &'static [RuleDef] {
    &data().rules.rule
}

pub fn is_rule(id: &str) -> bool {
    def(id).is_some()
}

/// The rule's entry in `data/rules.toml`. Rules only name ids that the table holds
/// (tests/provenance.rs checks every id in the code); an unknown id is dropped from the
/// verdict rather than stopping the check on a page.
pub fn def(id: &str) -> Option<&'static RuleDef> {
    let k = *compiled().rule_index.get(id)?;
    rule_defs().get(k)
}

fn criterion_of(rule: &str) -> Option<&'static str> {
    let c = rule.split('.').next().unwrap_or(rule);
    CRITERIA.iter().copied().find(|k| *k == c)
}

/// Runs every rule and builds the verdict.
pub fn run(entry: &Entry, policy: &Policy, now: LocalDateTime) -> Verdict {
    let data = data();
    let doc = Doc::new(&entry.text, &data.loop_.action_headings);
    let names = crate::names::index_for(entry);
    let cx = Ctx {
        doc: &doc,
        entry,
        policy,
        data,
        k: compiled(),
        names: &names,
        now,
        times: OnceCell::new(),
        dates: OnceCell::new(),
        reported: OnceCell::new(),
    };
    let mut out = Out {
        findings: Vec::new(),
        applies: BTreeMap::new(),
    };
    timely::check(&cx, &mut out);
    datetime::check(&cx, &mut out);
    categories::check(&cx, &mut out);
    tagging::check(&cx, &mut out);
    language::check(&cx, &mut out);
    child_voice::check(&cx, &mut out);
    evidence::check(&cx, &mut out);
    names::check(&cx, &mut out);
    proofread::check(&cx, &mut out);
    documents::check(&cx, &mut out);
    loop_::check(&cx, &mut out);
    priority::check(&cx, &mut out);
    five_w::check(&cx, &mut out);
    assemble(&cx, out)
}

fn assemble(cx: &Ctx, out: Out) -> Verdict {
    let text = cx.doc.text;
    let mut raws: Vec<Raw> = out
        .findings
        .into_iter()
        .filter(|r| cx.policy.rule_enabled(r.rule))
        .filter(|r| {
            let known = def(r.rule).is_some() && criterion_of(r.rule).is_some();
            debug_assert!(known, "rule {} is not in data/rules.toml", r.rule);
            known
        })
        .filter(|r| {
            // A span that does not slice the text is a rule's bug: drop it rather than fail the page.
            let sound = r
                .span
                .is_none_or(|(s, e)| s <= e && text.get(s..e).is_some());
            debug_assert!(sound, "{} reported an unsound span {:?}", r.rule, r.span);
            sound
        })
        .filter(|r| {
            r.span
                .is_none_or(|(s, e)| !cx.policy.never_flagged(&text[s..e]))
        })
        .collect();
    // One finding per rule and place.
    crate::order::sort_by(&mut raws, |a, b| (a.span, a.rule).cmp(&(b.span, b.rule)));
    raws.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.field == b.field);

    let bytes: Vec<usize> = raws
        .iter()
        .flat_map(|r| r.span.map(|(s, e)| [s, e]).unwrap_or([0, 0]))
        .collect();
    let units = utf16_offsets(text, &bytes);
    let mut findings: Vec<Finding> = raws
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let d = def(r.rule).expect("unknown rules were dropped above");
            let severity = cx.policy.severity.get(r.rule).copied().unwrap_or(
                if d.severity == "advice" && !r.escalated {
                    Severity::Advice
                } else {
                    Severity::Problem
                },
            );
            let excerpt = r.span.map(|(s, e)| text[s..e].to_string());
            let message = fill(
                &d.message,
                [
                    ("{excerpt}", excerpt.as_deref().unwrap_or("")),
                    ("{detail}", &r.detail),
                    ("{suggestion}", r.suggestion.as_deref().unwrap_or("")),
                ],
            );
            let criterion = criterion_of(r.rule).expect("unknown rules were dropped above");
            Finding {
                criterion,
                rule: d.id.as_str(),
                severity,
                start: r.span.map(|_| units[2 * k]),
                end: r.span.map(|_| units[2 * k + 1]),
                excerpt,
                field: r.field,
                message,
                suggestion: r.suggestion.clone(),
                priority: r.priority,
                guidance: cx.data.rules.criteria[criterion].guidance.as_str(),
                group: None,
            }
        })
        .collect();
    // What must reach the DSL today first (entry-json.md), then field findings, then
    // whole-entry ones, then by position and rule.
    crate::order::sort_by(&mut findings, |a, b| {
        let key = |f: &Finding| {
            (
                !f.priority,
                f.start.is_some(),
                f.field.is_none(),
                f.start,
                f.rule,
                f.end,
            )
        };
        key(a).cmp(&key(b))
    });
    group_repeats(&mut findings);

    let checklist = CRITERIA
        .iter()
        .map(|&c| {
            let texts = &cx.data.rules.criteria[c];
            let first_problem = findings
                .iter()
                .find(|f| f.criterion == c && f.severity == Severity::Problem);
            let disabled = cx.policy.disabled_criteria.iter().any(|d| d == c);
            let (status, summary) = if disabled {
                (
                    Status::NotApplicable,
                    "Turned off in the school's settings.".to_string(),
                )
            } else if let Some(f) = first_problem {
                (Status::NotMet, f.message.clone())
            } else {
                match out.applies.get(c).copied().unwrap_or(Applies::Yes) {
                    Applies::Yes => (Status::Met, texts.met.clone()),
                    Applies::NotApplicable => (
                        Status::NotApplicable,
                        texts
                            .not_applicable
                            .clone()
                            .unwrap_or_else(|| "Does not apply to this entry.".into()),
                    ),
                    Applies::Confirm => (
                        Status::Check,
                        texts
                            .check
                            .clone()
                            .unwrap_or_else(|| "Please confirm.".into()),
                    ),
                }
            };
            ChecklistRow {
                criterion: c,
                status,
                // Without its dictionary the engine checks all but spelling and word use, and
                // says so.
                summary: if c == "proofread" && !disabled && crate::spell::left_out() {
                    format!("{summary} Spelling and word use were not checked: the dictionary did not load.")
                } else {
                    summary
                },
            }
        })
        .collect();
    Verdict {
        checklist,
        findings,
    }
}

/// The message with each placeholder replaced in turn (as chained `str::replace` would),
/// copying the text only for placeholders it holds: most messages hold one or none.
fn fill(message: &str, values: [(&str, &str); 3]) -> String {
    let mut out: Option<String> = None;
    for (key, value) in values {
        let current = out.as_deref().unwrap_or(message);
        if current.contains(key) {
            out = Some(current.replace(key, value));
        }
    }
    out.unwrap_or_else(|| message.to_string())
}

/// Gives a shared `group` key to findings of one rule that say the same thing about
/// different spans (the same message once its quoted excerpt is set aside, the same
/// suggestion): "“I”/“me” 6 times" is read once. A finding alone keeps no key.
fn group_repeats(findings: &mut [Finding]) {
    // Borrowed from the findings: no copy of each message and suggestion.
    type Reason<'a> = (&'static str, &'a str, Option<&'a str>);
    let groups: Vec<Option<String>> = {
        fn key(f: &Finding) -> Option<Reason<'_>> {
            f.excerpt.as_ref()?;
            let rest = f.after_excerpt().unwrap_or(&f.message);
            let rest = rest.trim_start_matches([':', ' ']);
            Some((f.rule, rest, f.suggestion.as_deref()))
        }
        let keys: Vec<Option<Reason>> = findings.iter().map(key).collect();
        // Each reason numbered within its rule in order of first appearance, with its count.
        let mut numbered: crate::hash::FastMap<&Reason, (usize, usize)> = Default::default();
        let mut per_rule: crate::hash::FastMap<&str, usize> = Default::default();
        for key in keys.iter().flatten() {
            numbered
                .entry(key)
                .or_insert_with(|| {
                    let n = per_rule.entry(key.0).or_default();
                    *n += 1;
                    (*n, 0)
                })
                .1 += 1;
        }
        keys.iter()
            .map(|key| {
                let key = key.as_ref()?;
                let (n, count) = numbered.get(key)?;
                (*count > 1).then(|| format!("{}/{n}", key.0))
            })
            .collect()
    };
    for (f, group) in findings.iter_mut().zip(groups) {
        if group.is_some() {
            f.group = group;
        }
    }
}

/// Helpers the rule modules share.
pub mod util {
    use crate::text::Doc;

    /// How many words before a match `negated` usually reads ("no bruises", "did not hit").
    pub const NEGATION_WINDOW: usize = 3;

    /// Whether one of the few words before token `i` (same sentence) is a negation.
    pub fn negated(doc: &Doc, i: usize, window: usize) -> bool {
        const NEG: [&str; 12] = [
            "no", "not", "never", "without", "didn't", "doesn't", "wasn't", "isn't", "none",
            "whether", "if", "nothing",
        ];
        let mut j = i;
        for _ in 0..window {
            match doc.prev_in_sentence(j) {
                Some(p) => {
                    if NEG.contains(&doc.norm(p)) || doc.norm(p).ends_with("n't") {
                        return true;
                    }
                    j = p;
                }
                None => break,
            }
        }
        false
    }
}
