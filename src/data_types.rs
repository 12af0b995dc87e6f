// The shapes of the rule data files in `data/*.toml`, shared by `build.rs` (which reads the
// TOML when the crate is built and stores it in a compact binary form) and `src/data.rs`
// (which reads that form back). Included with `include!`, so it is plain items only.
// Fields a file has but no struct names (a rule's `flag` and `pass` examples, `sources`) are
// left out of the build: they are for the tests and the docs, which read the TOML itself.

#[derive(Deserialize, Serialize)]
pub struct RulesFile {
    pub criteria: BTreeMap<String, CriterionText>,
    pub rule: Vec<RuleDef>,
}

#[derive(Deserialize, Serialize)]
pub struct CriterionText {
    /// What a person calls the criterion ("Professional language").
    pub title: String,
    pub guidance: String,
    pub met: String,
    pub not_applicable: Option<String>,
    pub check: Option<String>,
}

#[derive(Deserialize, Serialize)]
pub struct RuleDef {
    pub id: String,
    /// What a person calls the rule, beside its switch in the options page ("Recorded late").
    pub title: String,
    pub severity: String,
    /// When an advice rule's finding counts as a problem (the rule's code escalates it).
    #[serde(default)]
    pub escalates: Option<String>,
    pub message: String,
    pub what: String,
    pub why: String,
    pub instead: String,
}

#[derive(Deserialize, Serialize)]
pub struct LanguageFile {
    /// Hyphenated nouns made by the inflector from a phrasal verb ("kick-off").
    pub nouns: Vec<String>,
    pub phrase: Vec<PhraseDef>,
    pub intensifiers: Intensifiers,
    pub mock_praise: MockPraise,
    pub subjective: Subjective,
    /// Words an entry must mention for a group with `context` to apply.
    pub contexts: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize, Serialize)]
pub struct Subjective {
    pub factual: Vec<String>,
    pub examples: Vec<String>,
    pub pass: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct MockPraise {
    pub words: Vec<String>,
    pub fillers: Vec<String>,
    pub examples: Vec<String>,
    pub pass: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct PhraseDef {
    pub rule: String,
    #[serde(rename = "match")]
    pub patterns: Vec<String>,
    pub instead: String,
    pub suggestion: Option<String>,
    pub examples: Vec<String>,
    #[serde(default)]
    pub pass: Vec<String>,
    pub source: String,
    pub context: Option<String>,
    /// The group does not apply when the next word is one of these ("a domestic abuse …").
    #[serde(default)]
    pub unless_next: Vec<String>,
    /// … or when one of the few words before it is one of these ("the match kicked off").
    #[serde(default)]
    pub unless_after: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct Intensifiers {
    pub words: Vec<String>,
    pub so_only_before: Vec<String>,
    pub harmless_next: Vec<String>,
    pub examples: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct EvidenceFile {
    pub strong: Vec<String>,
    pub hearsay: Vec<String>,
    pub soft: Vec<String>,
    pub diagnoses: Vec<String>,
    pub diagnosed: Vec<String>,
    pub must_have_possession: Vec<String>,
    pub manner_adverbs: Vec<String>,
    pub manner_heads: Vec<String>,
    pub connectors: Vec<String>,
    pub observations: Vec<String>,
    pub examples: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct SpeechFile {
    pub verbs: Vec<String>,
    pub that_only: Vec<String>,
    pub object_verbs: Vec<String>,
    pub clause_starters: Vec<String>,
    pub family: Vec<String>,
    pub passive: Vec<String>,
    pub non_speakers: Vec<String>,
    pub adverbial_starts: Vec<String>,
    pub examples: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct NamesFile {
    pub staff_titles: Vec<String>,
    pub bare_staff_titles: Vec<String>,
    pub professional_titles: Vec<String>,
    pub role_titles: Vec<String>,
    pub professional_roles: Vec<String>,
    pub role_compounds: Vec<String>,
    pub not_yet_named: Vec<String>,
    pub visited_roles: Vec<String>,
    pub visit_words: Vec<String>,
    pub role_words: Vec<String>,
    pub relative_titles: Vec<String>,
    pub word_name_contexts: Vec<String>,
    pub first_person: Vec<String>,
    pub staff_roles: Vec<String>,
    pub staff_places: Vec<String>,
    pub adult_ties: Vec<String>,
    pub parent_words: Vec<String>,
    pub staff_role_compounds: Vec<String>,
    pub acronyms: Vec<String>,
    pub person_next: Vec<String>,
    pub person_before: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct CategoriesFile {
    pub umbrella: Vec<String>,
    pub group: Vec<CategoryGroup>,
}

#[derive(Deserialize, Serialize, Clone)]
pub struct CategoryGroup {
    pub name: String,
    pub labels: Vec<String>,
    pub covered_by: Vec<String>,
    pub signals: Vec<String>,
    #[serde(default)]
    pub together: Vec<Vec<Vec<String>>>,
    /// Words that count when written with asterisks for letters ("p***", "f*g"): a
    /// censored word in a record is almost always an offensive one.
    #[serde(default)]
    pub censored: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct DocumentsFile {
    pub mentions: Vec<String>,
    pub kind_heads: Vec<String>,
    pub kinds: Vec<String>,
    pub not_documents_after: Vec<String>,
    pub email_words: Vec<String>,
    pub not_email_after: Vec<String>,
    pub negations: Vec<String>,
    pub future: Vec<String>,
    pub kept_elsewhere: Vec<String>,
    pub never_attach: Vec<String>,
    pub in_entry: Vec<String>,
    pub spoken: Vec<String>,
    pub sent_with: Vec<String>,
    pub standing: Vec<String>,
    pub made_now: Vec<String>,
    pub not_yet: Vec<String>,
    pub not_yet_after: Vec<String>,
    pub plan_verbs: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct LoopFile {
    pub response: Vec<String>,
    pub outcome: Vec<String>,
    pub informed_verbs: Vec<String>,
    pub informing_plans: Vec<String>,
    pub filler: Vec<String>,
    pub parties: Vec<String>,
    pub action_headings: Vec<String>,
    pub actions: Vec<String>,
    pub not_plans_before_to_be: Vec<String>,
    pub contact_events: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct FiveWFile {
    pub places: Vec<String>,
    pub times: Vec<String>,
    pub why: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct TimeFile {
    pub vague_past: Vec<String>,
    pub earlier_day: Vec<String>,
    pub part_of_day: Vec<PartOfDay>,
    pub out_of_hours_context: Vec<String>,
    pub before_other_day: Vec<String>,
    pub planned: Vec<String>,
    pub other_event: Vec<String>,
    pub recurring_next: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct PartOfDay {
    pub words: Vec<String>,
    pub windows: Vec<[u32; 2]>,
}

#[derive(Deserialize, Serialize)]
pub struct ProofreadFile {
    pub text_speak: BTreeMap<String, String>,
    pub repeat_ok: Vec<String>,
    pub vocabulary: Vec<String>,
    pub medical_send: Vec<String>,
    pub safeguarding_terms: Vec<String>,
    pub acronym_words: Vec<String>,
    pub closed: ClosedClasses,
}

/// Closed word classes the confusable-word checks read around a word.
#[derive(Deserialize, Serialize)]
pub struct ClosedClasses {
    pub determiners: Vec<String>,
    pub possessives: Vec<String>,
    pub pronouns: Vec<String>,
    pub subjects: Vec<String>,
    pub prepositions: Vec<String>,
    pub conjunctions: Vec<String>,
    pub auxiliaries: Vec<String>,
    pub adverbs: Vec<String>,
    pub time_nouns: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct MatchingFile {
    pub pronouns: Vec<Vec<String>>,
    pub insertable: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct PriorityFile {
    pub group: Vec<PriorityGroup>,
    pub harm_verbs: Vec<String>,
    pub harm_objects: Vec<String>,
    pub home_adults: Vec<String>,
    pub school_adults: Vec<String>,
    pub reporting: Vec<String>,
    pub other_doers: Vec<String>,
    pub dsl: Vec<String>,
}

#[derive(Deserialize, Serialize)]
pub struct PriorityGroup {
    pub kind: String,
    #[serde(default)]
    pub extra: String,
    pub patterns: Vec<String>,
    /// Patterns that count only after a person ("Tia went missing", not "her phone").
    #[serde(default)]
    pub person_before: Vec<String>,
}

/// Every TOML file of `data/`, as `build.rs` stores it.
#[derive(Deserialize, Serialize)]
pub struct Bundle {
    pub rules: RulesFile,
    pub language: LanguageFile,
    pub evidence: EvidenceFile,
    pub speech: SpeechFile,
    pub names: NamesFile,
    pub categories: CategoriesFile,
    pub documents: DocumentsFile,
    pub loop_: LoopFile,
    pub five_w: FiveWFile,
    pub time: TimeFile,
    pub proofread: ProofreadFile,
    pub matching: MatchingFile,
    pub priority: PriorityFile,
}
