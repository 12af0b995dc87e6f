//! `gen-export`: a synthetic CPOMS export for tests, demos and the benchmark. No real data:
//! names, staff codes and incidents are drawn from small invented lists by a seeded
//! generator, so the same seed always gives the same file.
//!
//! ```text
//! gen-export [--rows N] [--seed S] [--delimiter comma|semicolon|tab]
//!            [--encoding utf-8|utf-8-bom|windows-1252] [--line-endings lf|crlf|cr]
//!            [--entries ENTRIES.jsonl] [--out EXPORT.csv]
//! ```
//! `--entries` also writes each row as an entry of `entry-json.md`, one per line, so a test
//! can check them one by one and compare with the audit.

use serde_json::json;
use std::io::Write;

const FORENAMES: [&str; 24] = [
    "Derek", "Amira", "Kai", "Olivia", "Tomasz", "Priya", "Jayden", "Sofia", "Callum", "Aisha",
    "Noah", "Evie", "Reuben", "Maya", "Harvey", "Zara", "Finley", "Leah", "Oscar", "Imogen",
    "Yusuf", "Ruby", "Mason", "Chloe",
];
const SURNAMES: [&str; 16] = [
    "Smith", "Khan", "Nowak", "Patel", "Jones", "Okafor", "Taylor", "Brown", "Wilson", "Ahmed",
    "Evans", "Murphy", "Hughes", "Walker", "Lewis", "Price",
];
const STAFF: [&str; 14] = [
    "JBloggs", "GBrown", "AKhan", "SPatel", "RJones", "MOkafor", "LTaylor", "HWilson", "DEvans",
    "CMurphy", "THughes", "PWalker", "NLewis", "EPrice",
];
const PLACES: [&str; 10] = [
    "in Maths",
    "in the dining hall",
    "on the playground",
    "in English",
    "at the school gate",
    "in the corridor by the library",
    "in Science",
    "during registration",
    "in PE",
    "in the Year office",
];
const CATEGORIES: [&str; 6] = [
    "Behaviour",
    "Safeguarding",
    "Attendance",
    "Medical",
    "SEND",
    "Bullying",
];
const SAID: [&str; 8] = [
    "I don't want to go home tonight.",
    "He pushed me into the wall.",
    "Mum wasn't there this morning so I had no breakfast.",
    "They keep calling me names on the group chat.",
    "I hurt my arm at the weekend.",
    "I'm fine, I just didn't sleep.",
    "Nobody picked me up yesterday.",
    "I don't want to talk about it.",
];
const OBSERVED: [&str; 8] = [
    "{F} put their head on the desk and did not respond when {S} spoke to them",
    "{F} had a bruise about 3 cm across on the left forearm",
    "{F} left the classroom without permission and sat on the stairs",
    "{F} was crying and holding their stomach",
    "{F} threw a chair, which hit the wall; nobody was hurt",
    "{F} arrived 40 minutes late without a coat or bag",
    "{F} refused to change for PE and kept their sleeves pulled down",
    "{F} told {S} that another pupil had taken their phone",
];
const POOR: [&str; 10] = [
    "{F} was kicking off again and being really naughty.",
    "I think {F} is probably attention seeking as usual.",
    "{F} was very aggressive and clearly lying about it.",
    "Mrs Smith said {F} had been acting weird all day.",
    "{F} seemed upset, not sure why. Will keep an eye on it.",
    "{F} had a meltdown in class, typical behaviour for this child.",
    "{F} was being silly with {O} and wouldnt listen to anyone.",
    "Appears {F} is neglected at home. Very concerning.",
    "{F} kicked off at lunch, I dealt with it.",
    "{F} was rude and disrespectful to staff, obviously.",
];
const ACTIONS: [&str; 6] = [
    "{S} informed the DSL (JBloggs) at {T}.",
    "{S} phoned mum at {T} and she will collect {F} at 3.15.",
    "{S} passed this to the Head of Year, GBrown, at {T}; no further action was needed today.",
    "The school nurse, Jane Doe, saw {F} at {T}. {S} informed the DSL.",
    "{S} spoke with {F} at {T} and agreed a time-out card with them.",
    "{S} emailed the SENCo (AKhan) at {T} and logged the call to dad.",
];

const NEXT: [&str; 4] = [
    " {S} will check in with {F} at the start of tomorrow's first lesson and add the outcome here.",
    " The DSL will call home tomorrow morning; {S} will update this record by Friday.",
    " {F} will meet the school counsellor on Monday, and {S} will let the DSL know how it went.",
    " GBrown (Head of Year) will review {F}'s support plan with parents next week.",
];

const TRIGGER: [&str; 4] = [
    " The trigger is not known.",
    " This followed an argument at break, when {F} was left out of a game.",
    " It started because {F} had been told to move seats.",
    " {F} said this was because of messages sent overnight.",
];
const CONTEXT: [&str; 6] = [
    "Earlier in the lesson {F} had been working quietly beside {O} and had finished the starter task.",
    "{F} had arrived on time this morning and was with {O} at break, where staff on duty saw nothing of concern.",
    "This was during a group task; the class teacher, {S}, was at the front of the room going through the answers.",
    "{F} had been moved seat at the start of the lesson after a disagreement with {O} about a shared calculator.",
    "It was wet break, so the class was indoors, and about fifteen pupils were in the room with {S}.",
    "{F} had asked twice to go to the toilet during the previous lesson and had come back after about ten minutes each time.",
];

/// SplitMix64: small, fast and the same everywhere, which is all a test file needs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

struct Options {
    rows: usize,
    seed: u64,
    delimiter: u8,
    encoding: String,
    newline: &'static str,
    entries: Option<String>,
    out: Option<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        rows: 1000,
        seed: 1,
        delimiter: b',',
        encoding: "utf-8".into(),
        newline: "\n",
        entries: None,
        out: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--rows" => o.rows = value()?.parse().map_err(|_| "--rows takes a number")?,
            "--seed" => o.seed = value()?.parse().map_err(|_| "--seed takes a number")?,
            "--delimiter" => {
                o.delimiter = match value()?.as_str() {
                    "comma" => b',',
                    "semicolon" => b';',
                    "tab" => b'\t',
                    other => return Err(format!("--delimiter comma|semicolon|tab, not {other}")),
                }
            }
            "--encoding" => o.encoding = value()?,
            "--line-endings" => {
                o.newline = match value()?.as_str() {
                    "lf" => "\n",
                    "crlf" => "\r\n",
                    "cr" => "\r",
                    other => return Err(format!("--line-endings lf|crlf|cr, not {other}")),
                }
            }
            "--entries" => o.entries = Some(value()?),
            "--out" => o.out = Some(value()?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if !["utf-8", "utf-8-bom", "windows-1252"].contains(&o.encoding.as_str()) {
        return Err("--encoding utf-8|utf-8-bom|windows-1252".into());
    }
    Ok(o)
}

/// A day of the school year 2024–25 (September to July), weekdays only.
fn school_day(rng: &mut Rng) -> (i32, u32, u32) {
    loop {
        let month = [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7][rng.below(11)];
        let year = if month >= 9 { 2024 } else { 2025 };
        let day = 1 + rng.below(28) as u32;
        let d = cpoms_check::datetime::Date::new(year, month, day);
        if d.is_some_and(|d| d.weekday() < 5) {
            return (year, month, day);
        }
    }
}

fn fill(template: &str, f: &str, s: &str, o: &str, t: &str) -> String {
    template
        .replace("{F}", f)
        .replace("{S}", s)
        .replace("{O}", o)
        .replace("{T}", t)
}

/// One entry's fields: text, students, categories, staff and the two times.
fn entry(rng: &mut Rng) -> serde_json::Value {
    let forename = rng.pick(&FORENAMES);
    let student = format!("{forename} {}", rng.pick(&SURNAMES));
    let other = rng.pick(&FORENAMES);
    let staff = rng.pick(&STAFF);
    let (y, m, d) = school_day(rng);
    let (h, mi) = (8 + rng.below(8) as u32, 5 * rng.below(12) as u32);
    let time = format!("{h:02}:{mi:02}");
    let later = format!("{:02}:{mi:02}", (h + 1).min(17));
    let good = rng.chance(55);
    let mut text = String::new();
    if good {
        let place = rng.pick(&PLACES);
        if rng.chance(75) {
            text.push_str(&fill(rng.pick(&CONTEXT), forename, staff, other, &time));
            text.push(' ');
        }
        text.push_str(&format!("At {time} {place}, "));
        text.push_str(&fill(rng.pick(&OBSERVED), forename, staff, other, &time));
        text.push_str(". ");
        if rng.chance(70) {
            text.push_str(&format!("{forename} said “{}” ", rng.pick(&SAID)));
        }
        if rng.chance(70) {
            text.push_str(&fill(rng.pick(&TRIGGER), forename, staff, other, &later));
            text.push(' ');
        }
        text.push_str(&fill(rng.pick(&ACTIONS), forename, staff, other, &later));
        if rng.chance(85) {
            text.push_str(&fill(rng.pick(&NEXT), forename, staff, other, &later));
        }
    } else {
        text.push_str(&fill(rng.pick(&POOR), forename, staff, other, &time));
        for _ in 0..1 + rng.below(3) {
            text.push(' ');
            text.push_str(&fill(rng.pick(&POOR), forename, staff, other, &time));
        }
        if rng.chance(40) {
            text.push(' ');
            text.push_str(&fill(rng.pick(&ACTIONS), forename, staff, other, &later));
        }
    }
    if rng.chance(8) {
        text.push_str("\n\nFollow-up: ");
        text.push_str(&fill(rng.pick(&ACTIONS), forename, staff, other, &later));
    }
    // A careful author tags every child the text names; a hurried one may tag none.
    let mut tagged = if good || rng.chance(60) {
        vec![student]
    } else {
        vec![]
    };
    if good && other != forename && text.contains(other) {
        tagged.push(format!("{other} {}", rng.pick(&SURNAMES)));
    }
    let categories = if good || rng.chance(70) {
        vec![rng.pick(&CATEGORIES).to_string()]
    } else {
        vec![]
    };
    let delay_days = if rng.chance(85) {
        0
    } else {
        1 + rng.below(6) as u32
    };
    let recorded = cpoms_check::datetime::Date::new(y, m, d)
        .map(|date| date.days_since_epoch() + i64::from(delay_days))
        .unwrap_or_default();
    let (ry, rm, rd) = civil(recorded);
    let has_time = good || rng.chance(60);
    json!({
        "text": text,
        "incident_at": if has_time { format!("{y:04}-{m:02}-{d:02}T{time}") } else { format!("{y:04}-{m:02}-{d:02}") },
        "recorded_at": format!("{ry:04}-{rm:02}-{rd:02}T{later}"),
        "students": tagged,
        "categories": categories,
        "attachments": if rng.chance(10) { vec!["meeting-notes.pdf"] } else { vec![] },
        "recorded_by": staff,
        "year_group": format!("Year {}", 7 + rng.below(7)),
    })
}

/// Days since 1970-01-01 back to a date (Howard Hinnant's civil_from_days).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// "2024-09-16T09:30" as a UK export writes it: "16/09/2024 09:30".
fn uk(iso: &str) -> String {
    let (date, time) = iso.split_once('T').unwrap_or((iso, ""));
    let p: Vec<&str> = date.split('-').collect();
    let d = format!("{}/{}/{}", p[2], p[1], p[0]);
    if time.is_empty() {
        d
    } else {
        format!("{d} {time}")
    }
}

fn cell(s: &str, delimiter: u8) -> String {
    if s.contains(['"', '\n', '\r', delimiter as char]) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn main() {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("gen-export: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = write(&o) {
        eprintln!("gen-export: {e}");
        std::process::exit(1);
    }
}

fn write(o: &Options) -> std::io::Result<()> {
    let sink: Box<dyn Write> = match &o.out {
        Some(p) => Box::new(std::fs::File::create(p)?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::new(sink);
    let mut entries = match &o.entries {
        Some(p) => Some(std::io::BufWriter::new(std::fs::File::create(p)?)),
        None => None,
    };
    let d = (o.delimiter as char).to_string();
    let mut emit = |line: String| -> std::io::Result<()> {
        if o.encoding == "windows-1252" {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&line);
            out.write_all(&bytes)
        } else {
            out.write_all(line.as_bytes())
        }
    };
    if o.encoding == "utf-8-bom" {
        emit("\u{feff}".into())?;
    }
    let header = [
        "Incident Date",
        "Student",
        "Year Group",
        "Category",
        "Recorded By",
        "Date Recorded",
        "Incident",
        "Attachments",
    ];
    emit(header.join(&d) + o.newline)?;
    let mut rng = Rng(o.seed);
    for _ in 0..o.rows {
        let e = entry(&mut rng);
        let list = |k: &str| -> String {
            e[k].as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default()
        };
        let text = e["text"]
            .as_str()
            .unwrap_or_default()
            .replace('\n', o.newline);
        let cells = [
            uk(e["incident_at"].as_str().unwrap_or_default()),
            list("students"),
            e["year_group"].as_str().unwrap_or_default().to_string(),
            list("categories"),
            e["recorded_by"].as_str().unwrap_or_default().to_string(),
            uk(e["recorded_at"].as_str().unwrap_or_default()),
            text,
            list("attachments"),
        ];
        let row: Vec<String> = cells.iter().map(|c| cell(c, o.delimiter)).collect();
        emit(row.join(&d) + o.newline)?;
        if let Some(w) = entries.as_mut() {
            let mut entry = e.clone();
            if let Some(map) = entry.as_object_mut() {
                map.remove("recorded_by");
                map.remove("year_group");
            }
            writeln!(w, "{entry}")?;
        }
    }
    out.flush()?;
    if let Some(mut w) = entries {
        w.flush()?;
    }
    Ok(())
}
