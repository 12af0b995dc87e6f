//! Who is who: tagged pupils, the school's pupil list, staff codes and first names.

use crate::data::Data;
use crate::entry::Entry;
use crate::text::tokens::normalise;
use std::collections::HashSet;
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
}

impl NameIndex {
    pub fn new(entry: &Entry) -> NameIndex {
        let mut people: Vec<Person> = entry
            .tagged()
            .filter_map(|n| Person::parse(n, true))
            .collect();
        for p in entry.pupils.iter().flatten() {
            if let Some(p) = Person::parse(p, false) {
                if !people.iter().any(|q| q.full.eq_ignore_ascii_case(&p.full)) {
                    people.push(p);
                }
            }
        }
        NameIndex {
            people,
            pupil_list_known: entry.pupils.is_some(),
            staff: entry.staff.clone().unwrap_or_default(),
        }
    }

    pub fn tagged(&self) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(|p| p.tagged)
    }

    /// A pupil (tagged first) with this forename.
    pub fn by_forename(&self, norm: &str) -> Option<&Person> {
        self.people
            .iter()
            .filter(|p| p.forename == norm)
            .min_by_key(|p| !p.tagged)
    }

    pub fn by_full_name(&self, forename: &str, surname: &str) -> Option<&Person> {
        self.people
            .iter()
            .find(|p| p.forename == forename && p.surname.as_deref() == Some(surname))
    }

    /// Staff codes on the list that end with this surname ("jones" → MJones).
    pub fn staff_with_surname(&self, surname_norm: &str) -> Vec<&String> {
        self.staff
            .iter()
            .filter(|c| {
                c.char_indices()
                    .nth(1)
                    .is_some_and(|(b, _)| normalise(&c[b..]) == surname_norm)
            })
            .collect()
    }
}

/// The first-name lexicon plus any name it could be (lower case).
pub fn first_names(data: &'static Data) -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
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
    if bytes.len() < 4
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
}
