//! Who is who: tagged pupils, the school's pupil list, staff codes and first names.

use crate::data::Data;
use crate::entry::Entry;
use crate::hash::{FastMap, FastSet};
use crate::text::tokens::normalise;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

#[derive(Clone, Debug)]
pub struct Person {
    pub full: String,
    /// Lower case: "ellie-mae".
    pub forename: String,
    /// Lower case; `None` for a one-word name.
    pub surname: Option<String>,
    pub tagged: bool,
}

impl Person {
    fn parse(full: &str, tagged: bool) -> Option<Person> {
        let mut parts = full.split_whitespace();
        let forename = normalise(parts.next()?);
        let rest: Vec<&str> = parts.collect();
        let surname = (!rest.is_empty()).then(|| normalise(&rest.join(" ")));
        Some(Person {
            full: full.trim().to_string(),
            forename,
            surname,
            tagged,
        })
    }

    /// The forename as typed in the tag ("Ellie-Mae").
    pub fn display_forename(&self) -> &str {
        self.full.split_whitespace().next().unwrap_or(&self.full)
    }
}

pub struct NameIndex {
    pub people: Vec<Person>,
    pub pupil_list_known: bool,
    pub staff: Vec<String>,
    /// Lookups by key, built once, so a school's whole pupil list (tens of thousands of
    /// names) costs time linear in its length, not in its length times the text's words.
    first_by_forename: FastMap<String, usize>,
    first_by_full: FastMap<(String, String), usize>,
    /// Every forename and surname on the list (lower case).
    name_parts: FastSet<String>,
    staff_by_surname: FastMap<String, Vec<usize>>,
}

/// The fields of an entry a [`NameIndex`] is built from, with the index built from them.
struct Indexed {
    students: Vec<String>,
    linked_students: Vec<String>,
    pupils: Option<Vec<String>>,
    staff: Option<Vec<String>>,
    index: Rc<NameIndex>,
}

impl Indexed {
    fn is_for(&self, e: &Entry) -> bool {
        self.students == e.students
            && self.linked_students == e.linked_students
            && self.pupils == e.pupils
            && self.staff == e.staff
    }
}

thread_local! {
    static LAST: RefCell<Option<Indexed>> = const { RefCell::new(None) };
}

/// The index of an entry's people, kept (per thread) while its tagged pupils, pupil list and
/// staff stay the same: typing changes the text, not the form, so a keystroke's check compares
/// the lists instead of indexing a school's pupil list again.
pub fn index_for(entry: &Entry) -> Rc<NameIndex> {
    if let Some(index) = LAST.with_borrow(|l| {
        l.as_ref()
            .filter(|l| l.is_for(entry))
            .map(|l| Rc::clone(&l.index))
    }) {
        return index;
    }
    let index = Rc::new(NameIndex::new(entry));
    LAST.set(Some(Indexed {
        students: entry.students.clone(),
        linked_students: entry.linked_students.clone(),
        pupils: entry.pupils.clone(),
        staff: entry.staff.clone(),
        index: Rc::clone(&index),
    }));
    index
}

impl NameIndex {
    pub fn new(entry: &Entry) -> NameIndex {
        let mut people: Vec<Person> = entry
            .tagged()
            .filter_map(|n| Person::parse(n, true))
            .collect();
        // A listed pupil already tagged (or listed twice) is one person: de-duplicated by
        // the case-folded full name in one pass.
        let mut seen: FastSet<String> =
            people.iter().map(|p| p.full.to_ascii_lowercase()).collect();
        for p in entry.pupils.iter().flatten() {
            if let Some(p) = Person::parse(p, false) {
                if seen.insert(p.full.to_ascii_lowercase()) {
                    people.push(p);
                }
            }
        }
        // Tagged people come first, so the first with a forename is the tagged one if any.
        let mut first_by_forename = FastMap::default();
        let mut first_by_full = FastMap::default();
        for (k, p) in people.iter().enumerate() {
            first_by_forename.entry(p.forename.clone()).or_insert(k);
            if let Some(surname) = &p.surname {
                first_by_full
                    .entry((p.forename.clone(), surname.clone()))
                    .or_insert(k);
            }
        }
        let name_parts = people
            .iter()
            .flat_map(|p| std::iter::once(&p.forename).chain(p.surname.as_ref()))
            .cloned()
            .collect();
        let staff = entry.staff.clone().unwrap_or_default();
        let mut staff_by_surname: FastMap<String, Vec<usize>> = FastMap::default();
        for (k, code) in staff.iter().enumerate() {
            if let Some((b, _)) = code.char_indices().nth(1) {
                staff_by_surname
                    .entry(normalise(&code[b..]))
                    .or_default()
                    .push(k);
            }
        }
        NameIndex {
            people,
            pupil_list_known: entry.pupils.is_some(),
            staff,
            first_by_forename,
            first_by_full,
            name_parts,
            staff_by_surname,
        }
    }

    pub fn tagged(&self) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(|p| p.tagged)
    }

    /// A pupil (tagged first) with this forename.
    pub fn by_forename(&self, norm: &str) -> Option<&Person> {
        self.first_by_forename.get(norm).map(|&k| &self.people[k])
    }

    pub fn by_full_name(&self, forename: &str, surname: &str) -> Option<&Person> {
        self.first_by_full
            .get(&(forename.to_string(), surname.to_string()))
            .map(|&k| &self.people[k])
    }

    /// Whether a listed or tagged pupil has this forename or surname (lower case): one
    /// lookup, where scanning `people` costs the list's length for every word asked about.
    pub fn has_name_part(&self, norm: &str) -> bool {
        self.name_parts.contains(norm)
    }

    /// Staff codes on the list that end with this surname ("jones" → MJones).
    pub fn staff_with_surname(&self, surname_norm: &str) -> Vec<&String> {
        self.staff_by_surname
            .get(surname_norm)
            .into_iter()
            .flatten()
            .map(|&k| &self.staff[k])
            .collect()
    }
}

/// The first-name lexicon plus any name it could be (lower case).
pub fn first_names(data: &'static Data) -> &'static FastSet<String> {
    static SET: OnceLock<FastSet<String>> = OnceLock::new();
    SET.get_or_init(|| data.first_names.iter().cloned().collect())
}

/// A word without a possessive ending: "derek's" → "derek", "james'" → "james".
pub fn base(norm: &str) -> &str {
    norm.strip_suffix("'s")
        .or_else(|| norm.strip_suffix('\''))
        .unwrap_or(norm)
}

/// `JBloggs`, `KONeill`, `AJones-Smith`: an initial and a surname, no space.
/// Acronyms with a small letter (SENCo, TAs, DSLs) are not codes.
pub fn is_staff_code(raw: &str) -> bool {
    // Called for most tokens by several rules: no allocation.
    let bytes = raw.as_bytes();
    // Most tokens fail on the first byte: a code starts with two or three capitals.
    if bytes.len() < 4
        || !bytes[0].is_ascii_uppercase()
        || !raw
            .chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '\'' | '’'))
    {
        return false;
    }
    let lead_caps = bytes.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let lower = bytes.iter().filter(|b| b.is_ascii_lowercase()).count();
    (2..=3).contains(&lead_caps) && lower >= 2 && bytes[lead_caps].is_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_codes_and_acronyms() {
        for code in [
            "JBloggs",
            "KONeill",
            "AJones-Smith",
            "GBrown",
            "DOkafor",
            "MBanks",
            "JBloggs’s",
        ] {
            assert!(is_staff_code(code), "{code}");
        }
        for word in [
            "SENCo", "TAs", "DSLs", "Derek", "SLT", "CAMHS", "McDonald", "EpiPen", "iPhone", "KS1",
            "HoY", "GCSEs",
        ] {
            assert!(!is_staff_code(word), "{word}");
        }
    }

    #[test]
    fn the_index_is_kept_while_the_form_is_unchanged() {
        let mut e = Entry {
            students: vec!["Derek Smith".into()],
            pupils: Some(vec!["Derek Smith".into(), "Ellie-Mae Fox".into()]),
            ..Entry::from_text("Derek fell.")
        };
        let first = index_for(&e);
        e.text = "Derek fell in the hall.".into(); // a keystroke: same form
        assert!(Rc::ptr_eq(&first, &index_for(&e)));
        e.pupils.as_mut().unwrap().push("Ava Lee".into()); // the pupil list changed
        let second = index_for(&e);
        assert!(!Rc::ptr_eq(&first, &second));
        assert!(second.by_forename("ava").is_some());
        e.staff = Some(vec!["JBloggs".into()]);
        assert!(!Rc::ptr_eq(&second, &index_for(&e)));
    }

    #[test]
    fn people_from_tags_and_list() {
        let e = Entry {
            students: vec!["Derek Smith".into()],
            pupils: Some(vec!["Derek Smith".into(), "Ellie-Mae Fox".into()]),
            ..Entry::default()
        };
        let ix = NameIndex::new(&e);
        assert_eq!(ix.people.len(), 2);
        assert!(ix.by_forename("derek").unwrap().tagged);
        assert_eq!(
            ix.by_forename("ellie-mae").unwrap().surname.as_deref(),
            Some("fox")
        );
        assert_eq!(base("derek's"), "derek");
    }

    #[test]
    fn lookups_agree_with_a_scan_of_the_list() {
        let e = Entry {
            students: vec!["Sam Lee".into()],
            pupils: Some(vec![
                "sam lee".into(),
                "Sam Okafor".into(),
                "Amira Khan".into(),
                "AMIRA KHAN".into(),
                "Jo".into(),
            ]),
            staff: Some(vec!["MJones".into(), "KJones".into(), "GBrown".into()]),
            ..Entry::default()
        };
        let ix = NameIndex::new(&e);
        assert_eq!(ix.people.len(), 4, "case-folded duplicates dropped");
        assert!(ix.by_forename("sam").unwrap().tagged);
        assert_eq!(ix.by_full_name("sam", "okafor").unwrap().full, "Sam Okafor");
        assert!(ix.by_full_name("jo", "").is_none() && ix.by_forename("jo").is_some());
        assert_eq!(ix.staff_with_surname("jones"), ["MJones", "KJones"]);
        assert!(ix.staff_with_surname("smith").is_empty());
        assert!(ix.has_name_part("okafor") && ix.has_name_part("jo") && !ix.has_name_part("lees"));
    }

    #[test]
    fn a_long_pupil_list_is_indexed_in_linear_time() {
        let list: Vec<String> = (0..200_000)
            .map(|i| format!("Pupil{i} Surname{i}"))
            .collect();
        let e = Entry {
            pupils: Some(list.iter().chain(list.iter()).cloned().collect()),
            ..Entry::default()
        };
        let t = std::time::Instant::now();
        let ix = NameIndex::new(&e);
        assert_eq!(ix.people.len(), 200_000);
        assert!(ix.by_full_name("pupil199999", "surname199999").is_some());
        // Quadratic de-duplication took minutes here; linear takes well under a second.
        assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    }
}
