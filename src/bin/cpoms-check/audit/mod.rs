//! `cpoms-check audit`: the engine over a CSV export of many entries, read as a stream and
//! checked in parallel, summarised per criterion, month, category, year group and member of
//! staff, with an HTML report to hand over and a JSON summary for other tools.

mod charts;
mod columns;
mod dates;
mod html;
mod json;
mod output;
mod progress;
mod report;
mod rows;
mod source;
mod tally;
mod text;

use crate::show_path;
use columns::{Field, Mapping};
use cpoms_check::shown::shown;
use cpoms_check::{check, LocalDateTime, Policy, CRITERIA};
use rayon::iter::{ParallelBridge, ParallelIterator};
use rows::{Reading, Record};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tally::Tally;

pub use dates::Order;
use report::Report;
pub use report::{pct, rule_title, title, uk_date};

pub struct Options<'a> {
    pub file: &'a Path,
    pub html: Option<&'a Path>,
    pub json: Option<&'a Path>,
    pub force: bool,
    pub order: Order,
    pub columns: &'a [(String, String)],
    pub anonymise: bool,
    pub policy: &'a Policy,
    pub now: LocalDateTime,
}

/// Runs the audit; `Ok(true)` when rows were skipped (exit status 3).
pub fn run(o: &Options) -> Result<bool, String> {
    let outputs: Vec<&Path> = [o.html, o.json]
        .into_iter()
        .flatten()
        .filter(|p| p.as_os_str() != "-")
        .collect();
    if let [a, b] = outputs[..] {
        if a == b {
            return Err("--html and --json name the same file".into());
        }
    }
    for out in &outputs {
        output::may_write(out, o.file, o.force)?;
    }
    let path = show_path(o.file);
    let mut src = source::open(o.file)?;
    let mut header = csv::ByteRecord::new();
    loop {
        let more = src
            .reader
            .read_byte_record(&mut header)
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        if !more {
            return Err(format!("{path}: the file is empty"));
        }
        if header.iter().any(|c| !c.trim_ascii().is_empty()) {
            break;
        }
    }
    let header_text: Vec<String> = header
        .iter()
        .map(|c| source::decode(c, src.encoding).0.into_owned())
        .collect();
    let mapping = Mapping::new(header_text, o.columns).map_err(|e| format!("{path}: {e}"))?;
    let left_out = mapping.left_out();
    let included = CRITERIA.map(|c| !left_out.iter().any(|(l, _)| *l == c));
    announce(&path, &src, &mapping, &left_out);

    let rows = Arc::new(AtomicU64::new(0));
    let progress = progress::Progress::start(src.size, Arc::clone(&src.read), Arc::clone(&rows));
    let read_error: Mutex<Option<String>> = Mutex::new(None);
    let reading = Reading {
        mapping: &mapping,
        encoding: src.encoding,
        delimiter: src.delimiter,
        order: o.order,
    };
    let reader = &mut src.reader;
    let records = std::iter::from_fn(|| {
        let mut cells = csv::ByteRecord::new();
        match reader.read_byte_record(&mut cells) {
            Ok(true) => {
                rows.fetch_add(1, Ordering::Relaxed);
                let line = cells.position().map_or(0, |p| p.line());
                Some(Record { line, cells })
            }
            Ok(false) => None,
            Err(e) => {
                *read_error.lock().unwrap_or_else(|p| p.into_inner()) =
                    Some(format!("cannot read {path}: {e}"));
                None
            }
        }
    });
    // Records are parsed in order on one thread and checked on every core; the totals are
    // per worker and merged, so nothing grows with the file.
    let tally = records
        .par_bridge()
        .fold(Tally::default, |mut t, rec| {
            if rec.cells.iter().all(|c| c.trim_ascii().is_empty()) {
                return t;
            }
            match reading.row(&rec) {
                Ok(row) => {
                    let verdict = check(&row.entry, o.policy, o.now);
                    t.add(row, &verdict, &included);
                }
                Err(bad) => t.skip(bad),
            }
            t
        })
        .reduce(Tally::default, Tally::merge);
    progress.finish();
    if let Some(e) = read_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e);
    }
    let report = Report {
        source: o.file.to_string_lossy().into_owned(),
        tally,
        mapping: &mapping,
        encoding: src.encoding,
        delimiter: src.delimiter,
        included,
        left_out,
        anonymise: o.anonymise,
        now: o.now,
    };
    warn_skipped(&report);
    if report.tally.all.entries == 0 && report.tally.skipped_total() == 0 {
        eprintln!("cpoms-check: warning: {path} has a header but no entries below it");
    }
    let json_to_stdout = o.json.is_some_and(|p| p.as_os_str() == "-");
    if json_to_stdout {
        crate::print_out(&json::render(&report))?;
    } else {
        crate::print_out(&text::render(&report))?;
    }
    if let Some(out) = o.json.filter(|_| !json_to_stdout) {
        output::write(out, &json::render(&report))?;
    }
    if let Some(out) = o.html {
        output::write(out, &html::render(&report))?;
    }
    Ok(report.tally.skipped_total() > 0)
}

/// The first lines on stderr: how the file was read, so a wrong guess is seen at once.
fn announce(path: &str, src: &source::Source, mapping: &Mapping, left_out: &[(&str, Field)]) {
    let used: Vec<String> = mapping
        .used()
        .iter()
        .map(|(f, h)| format!("{f} ← “{}”", shown(h)))
        .collect();
    eprintln!(
        "cpoms-check: reading {path} as {}, {}-separated",
        src.encoding.label(),
        source::delimiter_name(src.delimiter)
    );
    eprintln!(
        "cpoms-check: columns: {} (change with --columns field=Header)",
        used.join(", ")
    );
    for (criterion, field) in left_out {
        eprintln!(
            "cpoms-check: warning: no {} column, so “{}” is left out of the audit rather than failed for every entry",
            field.name(),
            title(criterion)
        );
    }
}

/// Skipped rows on stderr, the first few one by one.
fn warn_skipped(r: &Report) {
    const SHOWN: usize = 20;
    for b in r.tally.bad.iter().take(SHOWN) {
        eprintln!("cpoms-check: skipped {}", b.message);
    }
    let total = r.tally.skipped_total();
    if total as usize > SHOWN {
        eprintln!(
            "cpoms-check: … and {} more skipped rows (every one is listed in the --json summary, up to {})",
            total as usize - SHOWN,
            tally::LISTED_BAD
        );
    }
    if r.tally.recoded > 0 {
        eprintln!(
            "cpoms-check: warning: {} rows had text that was not UTF-8 and was read as Windows-1252",
            r.tally.recoded
        );
    }
}
