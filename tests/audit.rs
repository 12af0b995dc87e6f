//! `cpoms-check audit` on generated exports (`gen-export`): every encoding, delimiter and
//! line ending read alike, bad rows skipped and counted, outputs that would harm the export
//! refused, and the per-criterion counts equal to checking each entry one by one.

use cpoms_check::{check, Entry, LocalDateTime, Policy, Status, CRITERIA};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2025-07-30T12:00";

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cpoms-audit-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn generate(out: &Path, rows: usize, extra: &[&str]) {
    let o = Command::new(env!("CARGO_BIN_EXE_gen-export"))
        .args(["--rows", &rows.to_string(), "--seed", "11", "--out"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn audit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cpoms-check"))
        .arg("audit")
        .args(args)
        .args(["--now", NOW])
        .output()
        .unwrap()
}

fn summary(csv: &Path) -> (Value, Output) {
    let o = audit(&[csv.to_str().unwrap(), "--json", "-"]);
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
    (v, o)
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn counts_equal_checking_each_entry_by_itself() {
    let d = dir("equal");
    let (csv, jsonl) = (d.join("export.csv"), d.join("entries.jsonl"));
    generate(&csv, 600, &["--entries", jsonl.to_str().unwrap()]);
    let (s, o) = summary(&csv);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let now = LocalDateTime::parse(NOW).unwrap();
    let mut not_met = [0u64; CRITERIA.len()];
    let mut met_all = 0;
    let mut entries = 0;
    let mut multiline = 0;
    // Entries with each rule: a point repeated within one entry counts once.
    let mut with_rule: std::collections::BTreeMap<String, u64> = Default::default();
    for line in std::fs::read_to_string(&jsonl).unwrap().lines() {
        let entry = Entry::from_input(line).unwrap();
        multiline += u64::from(entry.text.contains('\n'));
        let v = check(&entry, &Policy::default(), now);
        let mut all = true;
        for (i, c) in CRITERIA.iter().enumerate() {
            if v.status(c) == Some(Status::NotMet) {
                not_met[i] += 1;
                all = false;
            }
        }
        met_all += u64::from(all);
        entries += 1;
        let mut rules: Vec<&str> = v.findings.iter().map(|f| f.rule).collect();
        rules.sort_unstable();
        rules.dedup();
        for r in rules {
            *with_rule.entry(r.to_string()).or_default() += 1;
        }
    }
    assert_eq!(s["entries"], entries);
    assert_eq!(s["met_every_criterion"], met_all);
    for (i, c) in CRITERIA.iter().enumerate() {
        let row = &s["criteria"][i];
        assert_eq!(row["criterion"], *c);
        assert_eq!(row["not_met"], not_met[i], "{c}");
    }
    let reported: std::collections::BTreeMap<String, u64> = s["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rule"].as_str().unwrap().to_string(),
                r["entries"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(reported, with_rule);
    // Quoted cells with line breaks were read as one entry each.
    assert!(multiline > 0);
    // Not a degenerate export: some entries meet everything, some miss several criteria.
    assert!(met_all > 0 && met_all < entries);
}

#[test]
fn reads_every_encoding_delimiter_and_line_ending_alike() {
    let d = dir("variants");
    let reference = d.join("ref.csv");
    generate(&reference, 300, &[]);
    let (want, _) = summary(&reference);
    for (name, args, encoding, delimiter) in [
        (
            "1252",
            &["--encoding", "windows-1252"][..],
            "Windows-1252",
            "comma",
        ),
        (
            "bom",
            &["--encoding", "utf-8-bom", "--line-endings", "crlf"][..],
            "byte-order mark",
            "comma",
        ),
        (
            "semi",
            &["--delimiter", "semicolon"][..],
            "UTF-8",
            "semicolon",
        ),
        (
            "tab",
            &["--delimiter", "tab", "--line-endings", "crlf"][..],
            "UTF-8",
            "tab",
        ),
        ("cr", &["--line-endings", "cr"][..], "UTF-8", "comma"),
    ] {
        let csv = d.join(format!("{name}.csv"));
        generate(&csv, 300, args);
        let (got, o) = summary(&csv);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", err(&o));
        assert!(
            got["encoding"].as_str().unwrap().contains(encoding),
            "{name}: {}",
            got["encoding"]
        );
        assert_eq!(got["delimiter"], delimiter, "{name}");
        for key in [
            "entries",
            "met_every_criterion",
            "criteria",
            "months",
            "staff",
            "categories",
            "skipped",
        ] {
            assert_eq!(got[key], want[key], "{name}: {key}");
        }
    }
}

#[test]
fn bad_rows_are_named_skipped_and_counted() {
    let d = dir("bad");
    let csv = d.join("export.csv");
    std::fs::write(
        &csv,
        "Incident Date,Student,Recorded By,Incident\n\
         16/01/2024 2:15 PM,Derek Smith,JBloggs,At 14:15 in Maths Derek said “no”.\n\
         31/09/2024 09:00,Amira Khan,GBrown,At 9.00 Amira was upset.\n\
         12/31/2024,Kai Nowak,GBrown,Kai was upset.\n\
         17/01/2024 09:00,Kai Nowak\n\
         18/01/2024 09:00,\"Kai Nowak,GBrown,Kai was upset.\n\
         19/01/2024 09:00,Derek Smith,JBloggs,\"Derek said \"\"stop\"\".\"\n\
         20/01/2024 09:00,Derek Smith,JBloggs,Derek was upset.\n",
    )
    .unwrap();
    let o = audit(&[
        csv.to_str().unwrap(),
        "--json",
        d.join("s.json").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", err(&o));
    let e = err(&o);
    assert!(
        !e.contains('\r') && !e.contains('\u{1b}'),
        "no progress bar when piped: {e:?}"
    );
    assert!(
        e.contains("line 3: column “Incident Date”: “31/09/2024 09:00” is not a real date"),
        "{e}"
    );
    assert!(e.contains("line 4:") && e.contains("--us-dates"), "{e}");
    assert!(e.contains("line 5: 2 cells where the header has 4"), "{e}");
    // The stray quote on line 6 swallows line 7's row: one merged record, named by both lines.
    assert!(
        e.contains("line 6: a quotation mark") && e.contains("line 7"),
        "{e}"
    );
    let s: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("s.json")).unwrap()).unwrap();
    assert_eq!(s["entries"], 2, "{s}");
    assert_eq!(s["skipped"], 4);
    assert_eq!(s["skipped_by_reason"]["date"], 2);
    assert_eq!(s["skipped_by_reason"]["short_row"], 1);
    assert_eq!(s["skipped_by_reason"]["merged_rows"], 1);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("4 rows skipped"), "{out}");

    // A quote never closed runs to the end of the file: named by the line it opens on.
    let open = d.join("open.csv");
    std::fs::write(
        &open,
        "Incident Date,Student,Recorded By,Incident\n\
         16/01/2024 09:00,Derek Smith,JBloggs,\"Derek was upset.\n\
         17/01/2024 09:00,Amira Khan,GBrown,Amira cried.\n",
    )
    .unwrap();
    let o = audit(&[open.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        err(&o).contains("line 2: a quotation mark opened on this line runs on to line 3"),
        "{}",
        err(&o)
    );

    // With --us-dates the month-first date on line 4 reads, and the day-first ones do not.
    let o = audit(&[csv.to_str().unwrap(), "--us-dates", "--json", "-"]);
    let s: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        err(&o).contains("line 2:") && !err(&o).contains("line 4:"),
        "{}",
        err(&o)
    );
    assert_eq!(s["entries"], 1);
}

#[test]
fn never_writes_over_the_export_or_a_file_it_did_not_write() {
    let d = dir("outputs");
    let csv = d.join("export.csv");
    generate(&csv, 20, &[]);
    let before = std::fs::read(&csv).unwrap();
    let o = audit(&[csv.to_str().unwrap(), "--html", csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("export being audited"), "{}", err(&o));
    let o = audit(&[
        csv.to_str().unwrap(),
        "--json",
        d.join("./export.csv").to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(2), "--force never covers the export");
    assert_eq!(std::fs::read(&csv).unwrap(), before);

    let o = audit(&[
        csv.to_str().unwrap(),
        "--html",
        d.join("no/such/folder.html").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("folder does not exist"), "{}", err(&o));

    let notes = d.join("notes.html");
    std::fs::write(&notes, "my notes").unwrap();
    let o = audit(&[csv.to_str().unwrap(), "--html", notes.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--force"), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes");
    let o = audit(&[
        csv.to_str().unwrap(),
        "--html",
        notes.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    // A report or summary audit wrote may be replaced by the next run.
    let json = d.join("summary.json");
    for _ in 0..2 {
        let o = audit(&[
            csv.to_str().unwrap(),
            "--html",
            notes.to_str().unwrap(),
            "--json",
            json.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    }
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(s["entries"], 20);
    let page = std::fs::read_to_string(&notes).unwrap();
    assert!(page.contains("<svg") && page.contains("met every criterion"));
    assert!(!page.contains("five_w") && page.contains("Professional language"));
    assert!(!page.contains("src=\"http") && !page.contains("href=\"http"));

    // --anonymise: no staff code and no pupil's name anywhere in the report.
    let o = audit(&[
        csv.to_str().unwrap(),
        "--html",
        notes.to_str().unwrap(),
        "--anonymise",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let page = std::fs::read_to_string(&notes).unwrap();
    assert!(page.contains("Staff A") && page.contains("[pupil]"));
    for code in [
        "GBrown", "AKhan", "SPatel", "RJones", "MOkafor", "LTaylor", "HWilson",
    ] {
        assert!(
            !page.contains(code),
            "{code} named in the anonymised report"
        );
    }
}

#[test]
fn a_missing_column_is_warned_and_its_criterion_left_out() {
    let d = dir("missing");
    let csv = d.join("export.csv");
    std::fs::write(
        &csv,
        "Incident Date;Student;Incident\n16/01/2024 09:00;Derek Smith;At 09:00 in Maths Derek cried.\n",
    )
    .unwrap();
    let (s, o) = summary(&csv);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let e = err(&o);
    assert!(
        e.contains("semicolon") && e.contains("text ← “Incident”"),
        "{e}"
    );
    assert!(
        e.contains("no recorded_at column, so “Logged promptly” is left out"),
        "{e}"
    );
    let timely = &s["criteria"][0];
    assert_eq!(
        (&timely["criterion"], &timely["included"]),
        (&Value::from("timely"), &Value::from(false))
    );
    assert_eq!(
        s["left_out"].as_array().unwrap().len(),
        3,
        "{}",
        s["left_out"]
    );

    // --columns names a column the header matching missed.
    std::fs::write(&csv, "When,Notes\n16/01/2024 09:00,Derek cried.\n").unwrap();
    let o = audit(&[csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("“When”, “Notes”"), "{}", err(&o));
    let o = audit(&[
        csv.to_str().unwrap(),
        "--columns",
        "text=Notes,incident_at=When",
        "--json",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let s: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["columns"]["incident_at"], "When");
}

#[test]
fn the_reports_are_the_same_byte_for_byte_on_one_thread_or_many() {
    let d = dir("determinism");
    let csv = d.join("export.csv");
    generate(&csv, 400, &[]);
    let mut runs = Vec::new();
    for threads in ["1", "4"] {
        let (html, json) = (
            d.join(format!("r{threads}.html")),
            d.join(format!("s{threads}.json")),
        );
        let o = Command::new(env!("CARGO_BIN_EXE_cpoms-check"))
            .args(["audit", csv.to_str().unwrap(), "--now", NOW, "--html"])
            .arg(&html)
            .arg("--json")
            .arg(&json)
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        runs.push((
            o.stdout,
            std::fs::read(html).unwrap(),
            std::fs::read(json).unwrap(),
        ));
    }
    assert!(
        runs[0] == runs[1],
        "the reports differ with the thread count"
    );
}

#[test]
fn the_text_summary_reads_in_plain_words_and_the_json_keeps_the_ids() {
    let d = dir("plain");
    let csv = d.join("export.csv");
    generate(&csv, 300, &[]);
    let o = audit(&[csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let findings = text
        .split("Most frequent findings (entries with each)\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{text}"));
    assert!(findings.lines().count() >= 3, "{text}");
    // No rule id (`language.intensifier`) nor criterion id (`five_w`) where a person reads.
    for r in cpoms_check::rules::rule_defs() {
        assert!(!text.contains(&r.id), "{} in:\n{text}", r.id);
    }
    for c in CRITERIA.iter().filter(|c| c.contains('_')) {
        assert!(!text.contains(c), "{c} in:\n{text}");
    }
    // Each finding by its rule's title and its criterion's.
    let (s, _) = summary(&csv);
    let top = &s["rules"][0]["rule"];
    let id = top.as_str().unwrap_or_else(|| panic!("{s}"));
    let rule = cpoms_check::rules::def(id).unwrap();
    let criterion = &cpoms_check::data::data().rules.criteria[id.split('.').next().unwrap()];
    let first = findings.lines().next().unwrap();
    assert!(
        first.ends_with(&format!("  {} — {}", rule.title, criterion.title)),
        "{first}"
    );
    assert!(
        first
            .trim_start()
            .starts_with(&s["rules"][0]["entries"].to_string()),
        "{first}"
    );
    std::fs::remove_dir_all(&d).unwrap();
}
