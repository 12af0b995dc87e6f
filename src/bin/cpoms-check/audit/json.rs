//! `--json`: the summary for other tools. Criteria by their ids (criteria.md), with titles.

use super::output::GENERATOR;
use super::{title, uk_date, Report};
use cpoms_check::CRITERIA;
use serde_json::{json, Map, Value};

pub fn render(r: &Report) -> String {
    let t = &r.tally;
    let criteria: Vec<Value> = CRITERIA
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let [met, not_met, check, na] = t.status[i];
            json!({
                "criterion": c,
                "title": title(c),
                "included": r.included[i],
                "met": met, "not_met": not_met, "check": check, "not_applicable": na,
            })
        })
        .collect();
    let group = |g: &super::tally::Group| {
        let not_met: Map<String, Value> = CRITERIA
            .iter()
            .enumerate()
            .filter(|(i, _)| r.included[*i])
            .map(|(i, c)| (c.to_string(), json!(g.not_met[i])))
            .collect();
        json!({ "entries": g.entries, "met_every_criterion": g.met_all, "not_met": not_met })
    };
    let named = |v: Vec<(&String, &super::tally::Group)>| -> Vec<Value> {
        v.into_iter()
            .map(|(k, g)| {
                let mut o = group(g);
                o["name"] = json!(k);
                o
            })
            .collect()
    };
    let months: Vec<Value> = t
        .months
        .iter()
        .map(|((y, m), g)| {
            let mut o = group(g);
            o["month"] = json!(format!("{y:04}-{m:02}"));
            o
        })
        .collect();
    let staff: Vec<Value> = r
        .staff()
        .iter()
        .map(|(name, g)| {
            let mut o = group(g);
            o["name"] = json!(name);
            o
        })
        .collect();
    let skipped: Map<String, Value> = t
        .skipped
        .iter()
        .map(|(k, n)| (k.key().to_string(), json!(n)))
        .collect();
    let bad: Vec<Value> = t
        .bad
        .iter()
        .map(|b| json!({ "line": b.line, "reason": b.reason.key(), "message": b.message }))
        .collect();
    let mut rules: Vec<(&&str, &u64)> = t.rules.iter().collect();
    rules.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let summary = json!({
        "version": cpoms_check::version(),
        "source": r.file_name(),
        "encoding": r.encoding.label(),
        "delimiter": super::source::delimiter_name(r.delimiter),
        "columns": r.mapping.used().into_iter().map(|(f, h)| (f.to_string(), json!(h))).collect::<Map<String, Value>>(),
        "left_out": r.left_out.iter().map(|(c, f)| json!({ "criterion": c, "missing_column": f.name() })).collect::<Vec<_>>(),
        "first_date": t.first.map(uk_date),
        "last_date": t.last.map(uk_date),
        "entries": t.all.entries,
        "met_every_criterion": t.all.met_all,
        "with_priority_finding": t.priority,
        "criteria": criteria,
        "months": months,
        "undated": t.undated,
        "categories": named(Report::by_size(&t.categories)),
        "year_groups": named(Report::in_year_order(&t.years)),
        "staff": staff,
        "rules": rules.into_iter().map(|(k, n)| json!({ "rule": k, "entries": n })).collect::<Vec<_>>(),
        "skipped": t.skipped_total(),
        "skipped_by_reason": skipped,
        "skipped_rows": bad,
    });
    // The generator key first (serde_json sorts the rest), where a later run looks for it
    // before replacing the file.
    let body = serde_json::to_string_pretty(&summary).unwrap_or_default();
    format!(
        "{{\n  \"generator\": \"{GENERATOR}\",{}\n",
        body.strip_prefix('{').unwrap_or(&body)
    )
}
