//! The rule data's word lists compiled into matchers, once, in one place: every rule
//! reads its matchers from here (`cx.k`) rather than compiling a list on first use.
//!
//! Each list keeps the matching it has always had: `phrases` (exact phrases, payload =
//! index in the list), `inflected` (each entry covering its words' other forms) or
//! `words` (a set of single, lower-case words, `WordSet`).

use super::categories::{self, CategorySets};
use super::proofread;
use crate::data::Data;
use crate::hash::{FastMap, FastSet};
use crate::text::tokens::{normalise, word_hash, PrehashedBuild};
use crate::text::{Doc, PhraseSet};
use std::collections::{BTreeMap, HashSet};

/// Single lower-case words of a data list, looked up by a token's hash.
pub struct WordSet(HashSet<u64, PrehashedBuild>);

impl WordSet {
    fn new(words: &[String]) -> WordSet {
        WordSet(words.iter().map(|w| word_hash(&normalise(w))).collect())
    }

    /// Whether token `i` is one of the words.
    pub fn has(&self, doc: &Doc, i: usize) -> bool {
        doc.tokens.get(i).is_some_and(|t| self.0.contains(&t.hash))
    }
}

/// Exact phrases, payload = index in the list.
fn phrases(words: &[String]) -> PhraseSet {
    PhraseSet::new(words.iter().enumerate().map(|(k, w)| (w.as_str(), k)))
}

/// Phrases covering their words' other forms, payload = index in the list.
fn inflected(words: &[String]) -> PhraseSet {
    PhraseSet::inflected(words.iter().enumerate().map(|(k, w)| (w.as_str(), k)))
}

fn words(words: &[String]) -> WordSet {
    WordSet::new(words)
}

/// Every compiled list, one field each, named after its data file and list.
pub struct Compiled {
    // time.toml
    pub time_vague_past: PhraseSet,
    pub time_out_of_hours_context: PhraseSet,
    pub time_earlier_day: PhraseSet,
    pub time_planned: PhraseSet,
    pub time_other_event: PhraseSet,
    pub time_recurring_next: WordSet,
    /// `part_of_day`'s phrases, payload = index of the group.
    pub time_part_of_day: PhraseSet,
    // speech.toml
    pub speech_verbs: WordSet,
    pub speech_family: WordSet,
    pub speech_passive: WordSet,
    pub speech_non_speakers: WordSet,
    pub speech_object_verbs: WordSet,
    pub speech_adverbial_starts: WordSet,
    pub speech_that_only: WordSet,
    // names.toml
    pub names_staff_roles: PhraseSet,
    pub names_staff_places: PhraseSet,
    pub names_staff_roles_words: WordSet,
    pub names_professional_roles: PhraseSet,
    pub names_professional_roles_words: WordSet,
    pub names_staff_titles: WordSet,
    pub names_bare_staff_titles: WordSet,
    pub names_professional_titles: WordSet,
    pub names_role_words: WordSet,
    pub names_parent_words: WordSet,
    pub names_adult_ties: WordSet,
    pub names_staff_role_compounds: WordSet,
    pub names_role_compounds: WordSet,
    pub names_not_yet_named: PhraseSet,
    pub names_visited_roles: PhraseSet,
    pub names_visit_words: PhraseSet,
    pub names_acronyms: WordSet,
    pub names_person_next: WordSet,
    pub names_person_before: WordSet,
    pub names_first_person: WordSet,
    pub names_word_name_contexts: WordSet,
    // evidence.toml
    pub evidence_connectors: PhraseSet,
    pub evidence_observations: PhraseSet,
    pub evidence_strong: PhraseSet,
    pub evidence_hearsay: PhraseSet,
    pub evidence_soft: PhraseSet,
    pub evidence_diagnoses: PhraseSet,
    pub evidence_must_have_possession: WordSet,
    pub evidence_manner_adverbs: WordSet,
    pub evidence_manner_heads: WordSet,
    pub evidence_diagnosed: WordSet,
    // language.toml, subjective.txt
    /// The built-in phrase table, payload = index of its group.
    pub language_phrases: PhraseSet,
    /// Per context name, its words (payload unused).
    pub language_contexts: BTreeMap<String, PhraseSet>,
    pub language_intensifiers: WordSet,
    pub language_mock_praise: WordSet,
    pub language_mock_praise_fillers: WordSet,
    pub subjective: WordSet,
    // categories.toml
    /// The built-in groups' signal words, co-occurrence lists and labels.
    pub categories: CategorySets,
    // documents.toml
    pub documents_kinds: PhraseSet,
    pub documents_future: PhraseSet,
    pub documents_mentions: PhraseSet,
    pub documents_kind_heads: PhraseSet,
    /// "to make|complete|…": the action-list way of writing a plan.
    pub documents_plans: PhraseSet,
    pub documents_not_documents_after: WordSet,
    pub documents_not_email_after: WordSet,
    pub documents_negations: WordSet,
    pub documents_kept_elsewhere: PhraseSet,
    pub documents_never_attach: PhraseSet,
    pub documents_in_entry: PhraseSet,
    pub documents_spoken: PhraseSet,
    pub documents_sent_with: PhraseSet,
    pub documents_standing: PhraseSet,
    pub documents_made_now: PhraseSet,
    pub documents_not_yet: WordSet,
    pub documents_not_yet_after: WordSet,
    // loop.toml
    pub loop_response: PhraseSet,
    pub loop_outcome: PhraseSet,
    pub loop_parties: PhraseSet,
    pub loop_parties_words: WordSet,
    pub loop_informing_plans: PhraseSet,
    pub loop_contact_events: PhraseSet,
    pub loop_actions: PhraseSet,
    pub loop_filler: WordSet,
    pub loop_not_plans_before_to_be: WordSet,
    pub loop_informed_verbs: WordSet,
    // five_w.toml
    pub five_w_places: PhraseSet,
    pub five_w_times: PhraseSet,
    pub five_w_why: PhraseSet,
    // proofread.toml
    pub proofread_repeat_ok: WordSet,
    /// School, SEND, medical and safeguarding vocabulary as written.
    pub proofread_vocabulary: FastSet<String>,
    /// The same in lower case.
    pub proofread_vocabulary_lower: FastSet<String>,
    /// Text-speak and its words in full ("w/" → "with").
    pub proofread_text_speak: FastMap<String, String>,
    // priority.toml
    /// Every pattern as (group, pattern); `priority_phrases`' payload indexes it.
    pub priority_patterns: Vec<(usize, &'static str)>,
    pub priority_phrases: PhraseSet,
    pub priority_home_adults: PhraseSet,
    pub priority_school_adults: PhraseSet,
    pub priority_harm_verbs: PhraseSet,
    pub priority_reporting: PhraseSet,
    pub priority_dsl: PhraseSet,
    pub priority_harm_objects: WordSet,
    pub priority_other_doers: WordSet,
    /// Every word of proofread.toml's closed classes but the subjects and time nouns.
    pub proofread_function_words: FastSet<String>,
    // rules.toml
    /// Each rule id's place in the table (a finding looks its rule up twice).
    pub rule_index: FastMap<&'static str, usize>,
}

impl Compiled {
    pub fn new(d: &'static Data) -> Compiled {
        let p = &d.priority;
        let priority_patterns: Vec<(usize, &'static str)> = p
            .group
            .iter()
            .enumerate()
            .flat_map(|(k, g)| g.patterns.iter().map(move |w| (k, w.as_str())))
            .collect();
        let priority_phrases = PhraseSet::inflected(
            priority_patterns
                .iter()
                .enumerate()
                .map(|(n, (_, w))| (*w, n)),
        );
        let pf = &d.proofread;
        let vocabulary = || {
            pf.vocabulary
                .iter()
                .chain(&pf.medical_send)
                .chain(&pf.safeguarding_terms)
        };
        let (t, sp, n, ev, lang, doc, l, f) = (
            &d.time,
            &d.speech,
            &d.names,
            &d.evidence,
            &d.language,
            &d.documents,
            &d.loop_,
            &d.five_w,
        );
        Compiled {
            time_vague_past: phrases(&t.vague_past),
            time_out_of_hours_context: phrases(&t.out_of_hours_context),
            time_earlier_day: phrases(&t.earlier_day),
            time_planned: phrases(&t.planned),
            time_other_event: phrases(&t.other_event),
            time_recurring_next: words(&t.recurring_next),
            time_part_of_day: PhraseSet::new(
                t.part_of_day
                    .iter()
                    .enumerate()
                    .flat_map(|(k, g)| g.words.iter().map(move |w| (w.as_str(), k))),
            ),
            speech_verbs: words(&sp.verbs),
            speech_family: words(&sp.family),
            speech_passive: words(&sp.passive),
            speech_non_speakers: words(&sp.non_speakers),
            speech_object_verbs: words(&sp.object_verbs),
            speech_adverbial_starts: words(&sp.adverbial_starts),
            speech_that_only: words(&sp.that_only),
            names_staff_roles: phrases(&n.staff_roles),
            names_staff_places: phrases(&n.staff_places),
            names_staff_roles_words: words(&n.staff_roles),
            names_professional_roles: phrases(&n.professional_roles),
            names_professional_roles_words: words(&n.professional_roles),
            names_staff_titles: words(&n.staff_titles),
            names_bare_staff_titles: words(&n.bare_staff_titles),
            names_professional_titles: words(&n.professional_titles),
            names_role_words: words(&n.role_words),
            names_parent_words: words(&n.parent_words),
            names_adult_ties: words(&n.adult_ties),
            names_staff_role_compounds: words(&n.staff_role_compounds),
            names_role_compounds: words(&n.role_compounds),
            names_not_yet_named: phrases(&n.not_yet_named),
            names_visited_roles: phrases(&n.visited_roles),
            names_visit_words: inflected(&n.visit_words),
            names_acronyms: words(&n.acronyms),
            names_person_next: words(&n.person_next),
            names_person_before: words(&n.person_before),
            names_first_person: words(&n.first_person),
            names_word_name_contexts: words(&n.word_name_contexts),
            evidence_connectors: inflected(&ev.connectors),
            evidence_observations: inflected(&ev.observations),
            evidence_strong: inflected(&ev.strong),
            evidence_hearsay: inflected(&ev.hearsay),
            evidence_soft: inflected(&ev.soft),
            evidence_diagnoses: inflected(&ev.diagnoses),
            evidence_must_have_possession: words(&ev.must_have_possession),
            evidence_manner_adverbs: words(&ev.manner_adverbs),
            evidence_manner_heads: words(&ev.manner_heads),
            evidence_diagnosed: words(&ev.diagnosed),
            language_phrases: PhraseSet::inflected(
                lang.phrase
                    .iter()
                    .enumerate()
                    .flat_map(|(k, p)| p.patterns.iter().map(move |m| (m.as_str(), k))),
            ),
            language_contexts: lang
                .contexts
                .iter()
                .map(|(name, words)| {
                    let set = PhraseSet::inflected(words.iter().map(|w| (w.as_str(), 0)));
                    (name.clone(), set)
                })
                .collect(),
            language_intensifiers: words(&lang.intensifiers.words),
            language_mock_praise: words(&lang.mock_praise.words),
            language_mock_praise_fillers: words(&lang.mock_praise.fillers),
            subjective: words(&d.subjective),
            categories: categories::compile(&d.categories.group, &d.categories.umbrella),
            documents_kinds: phrases(&doc.kinds),
            documents_future: phrases(&doc.future),
            documents_mentions: phrases(&doc.mentions),
            documents_kind_heads: phrases(&doc.kind_heads),
            documents_plans: {
                let verbs = doc.plan_verbs.join("|");
                PhraseSet::new([(format!("to {verbs}"), 0)])
            },
            documents_not_documents_after: words(&doc.not_documents_after),
            documents_not_email_after: words(&doc.not_email_after),
            documents_negations: words(&doc.negations),
            documents_kept_elsewhere: phrases(&doc.kept_elsewhere),
            documents_never_attach: phrases(&doc.never_attach),
            documents_in_entry: phrases(&doc.in_entry),
            documents_spoken: phrases(&doc.spoken),
            documents_sent_with: phrases(&doc.sent_with),
            documents_standing: phrases(&doc.standing),
            documents_made_now: phrases(&doc.made_now),
            documents_not_yet: words(&doc.not_yet),
            documents_not_yet_after: words(&doc.not_yet_after),
            loop_response: phrases(&l.response),
            loop_outcome: phrases(&l.outcome),
            loop_parties: phrases(&l.parties),
            loop_parties_words: words(&l.parties),
            loop_informing_plans: phrases(&l.informing_plans),
            loop_contact_events: phrases(&l.contact_events),
            loop_actions: phrases(&l.actions),
            loop_filler: words(&l.filler),
            loop_not_plans_before_to_be: words(&l.not_plans_before_to_be),
            loop_informed_verbs: words(&l.informed_verbs),
            five_w_places: phrases(&f.places),
            five_w_times: phrases(&f.times),
            five_w_why: phrases(&f.why),
            proofread_repeat_ok: words(&pf.repeat_ok),
            proofread_vocabulary: vocabulary().cloned().collect(),
            proofread_vocabulary_lower: vocabulary().map(|w| w.to_lowercase()).collect(),
            proofread_text_speak: pf.text_speak.clone().into_iter().collect(),
            priority_patterns,
            priority_phrases,
            priority_home_adults: phrases(&p.home_adults),
            priority_school_adults: phrases(&p.school_adults),
            priority_harm_verbs: phrases(&p.harm_verbs),
            priority_reporting: phrases(&p.reporting),
            priority_dsl: phrases(&p.dsl),
            priority_harm_objects: words(&p.harm_objects),
            priority_other_doers: words(&p.other_doers),
            proofread_function_words: proofread::words::function_words(&pf.closed),
            rule_index: d
                .rules
                .rule
                .iter()
                .enumerate()
                .map(|(k, r)| (r.id.as_str(), k))
                .collect(),
        }
    }
}
