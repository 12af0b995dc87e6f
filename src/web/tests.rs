//! The page layer's units in a real browser (wasm-bindgen-test; run by
//! scripts/web-unit-tests.sh in Chromium and in Firefox). Each test builds its own page
//! fragment.

use super::editor::{self, Editor, TextMap};
use super::{checklist, fields, notes};
use crate::policy::ChecklistRows;
use crate::{check, Entry, LocalDateTime, Policy};
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Puts `html` in a fixture element of its own (the test runner reports through the rest of
/// the body, which must stay).
pub(super) fn page(html: &str) -> Document {
    let document = super::document_of_page().unwrap();
    if let Some(old) = document.get_element_by_id("fixture") {
        old.remove();
    }
    let fixture = document.create_element("div").unwrap();
    fixture.set_id("fixture");
    fixture.set_inner_html(html);
    document.body().unwrap().append_child(&fixture).unwrap();
    document
}

fn by_id(document: &Document, id: &str) -> Element {
    document.get_element_by_id(id).unwrap()
}

pub(super) fn no_selectors() -> BTreeMap<String, String> {
    BTreeMap::new()
}

#[wasm_bindgen_test]
fn a_rich_editor_reads_as_lines_and_maps_offsets_back_to_its_nodes() {
    let document = page(
        "<div id=e contenteditable=true><div>Derek said \u{201c}no\u{201d}.</div><div>Then <b>he</b>\u{a0}left.<br>Bye</div></div>",
    );
    let root = by_id(&document, "e");
    let map = TextMap::of(&root);
    assert_eq!(
        map.text,
        "Derek said \u{201c}no\u{201d}.\nThen he left.\nBye"
    );
    let at = |s: &str| {
        map.text.encode_utf16().count()
            - map.text[map.text.find(s).unwrap()..].encode_utf16().count()
    };
    let he = at("he left");
    let range = map.range(&document, he, he + 2).unwrap();
    assert_eq!(String::from(range.to_string()), "he");
    // Across a line made by two blocks: the range covers the words either side, no more.
    let no = at("no\u{201d}.");
    let range = map.range(&document, no, at("Then") + 4).unwrap();
    assert_eq!(String::from(range.to_string()), "no\u{201d}.Then");
    // The caret in a text node, and at an element point.
    let left = by_id(&document, "e")
        .last_element_child()
        .unwrap()
        .child_nodes()
        .item(2)
        .unwrap();
    assert_eq!(map.offset_of(&left, 1), at("left"));
    let second_div: web_sys::Node = by_id(&document, "e").last_element_child().unwrap().into();
    assert_eq!(map.offset_of(&root, 1), at("Then"));
    assert_eq!(map.offset_of(&second_div, 0), at("Then"));
}

#[wasm_bindgen_test]
fn the_editor_is_the_named_or_largest_editable_field_or_the_schools_choice() {
    let document = page(
        "<form><textarea name=notes style='width:600px;height:300px'></textarea>\
         <textarea id=d name='incident[description]' style='width:300px;height:80px'></textarea>\
         <textarea name='incident[body]' disabled style='width:700px;height:400px'></textarea></form>",
    );
    let found = editor::find(&document, None).unwrap();
    assert!(
        matches!(&found, Editor::Plain(t) if t.id() == "d"),
        "the field named for the incident"
    );
    let chosen = editor::find(&document, Some("textarea[name=notes]")).unwrap();
    assert!(
        matches!(&chosen, Editor::Plain(t) if t.name() == "notes"),
        "a school's selector wins"
    );
    let fallback = editor::find(&document, Some("#nothing-here")).unwrap();
    assert!(
        matches!(&fallback, Editor::Plain(t) if t.id() == "d"),
        "a selector that matches nothing is ignored"
    );

    let document = page(
        "<form><textarea id=hidden name='incident[description]' style='display:none'></textarea>\
         <div id=rich contenteditable=true style='width:500px;height:200px'><p contenteditable=true>inner</p></div></form>",
    );
    let found = editor::find(&document, None).unwrap();
    assert!(
        matches!(&found, Editor::Rich { root, frame: None } if root.id() == "rich"),
        "the editing host, not a hidden textarea"
    );
    assert_eq!(
        found.form(),
        document
            .query_selector("form")
            .unwrap()
            .map(|f| f.unchecked_into())
    );
    assert!(editor::find(&page("<p>No form here</p>"), None).is_none());
}

#[wasm_bindgen_test]
fn token_pickers_text_dates_and_category_groups_are_read() {
    let document = page(
        "<form><label for=s>Student</label><div class=picker><ul><li>Derek Smith<button type=button>\u{d7}</button><input type=hidden value=1></li>\
         <li>Amira Khan <span role=button aria-label=Remove>x</span></li></ul><input id=s role=combobox></div>\
         <label for=l>Linked students</label><div><ul><li>Ellie-Mae Fox<button type=button>\u{d7}</button></li></ul><input id=l role=combobox aria-autocomplete=list></div>\
         <label for=d>Date of incident</label><input id=d type=text value='07/12/2023'>\
         <label for=t>Time</label><input id=t type=text value='9:30am'>\
         <fieldset id=c><legend>Categories</legend><label><input type=checkbox name=x1 checked> Behaviour</label><label><input type=checkbox name=x2> Medical</label></fieldset>\
         <input type=file id=f></form>",
    );
    let got = fields::read(&document, "text".into(), &no_selectors());
    assert_eq!(got.entry.students, vec!["Derek Smith", "Amira Khan"]);
    assert_eq!(got.entry.linked_students, vec!["Ellie-Mae Fox"]);
    assert_eq!(
        got.entry.pupils, None,
        "a typeahead's chips are not the school's pupil list"
    );
    assert_eq!(
        got.entry.incident_at,
        LocalDateTime::parse("2023-12-07T09:30").ok()
    );
    assert_eq!(got.entry.categories, vec!["Behaviour"]);
    assert_eq!(
        got.entry.available_categories,
        Some(vec!["Behaviour".into(), "Medical".into()])
    );
    let anchors: Vec<(&str, String)> = got.anchors.iter().map(|(f, e)| (*f, e.id())).collect();
    assert!(anchors.contains(&("incident_at", "d".into())));
    assert!(anchors.contains(&("categories", "c".into())));
    assert!(anchors.contains(&("attachments", "f".into())));
}

#[wasm_bindgen_test]
fn native_pickers_give_the_pupil_list_and_selectors_override_the_search() {
    let document = page(
        "<form><label for=p>Student</label><select id=p name='incident[student_ids][]' multiple>\
         <option value=1 selected>Derek Smith</option><option value=2>Amira Khan</option></select>\
         <input type=date value='2026-11-28'><input type=time value='08:05'>\
         <input id=other type=date value='2026-11-20'></form>",
    );
    let got = fields::read(&document, String::new(), &no_selectors());
    assert_eq!(got.entry.students, vec!["Derek Smith"]);
    assert_eq!(
        got.entry.pupils,
        Some(vec!["Derek Smith".into(), "Amira Khan".into()])
    );
    assert_eq!(
        got.entry.incident_at,
        LocalDateTime::parse("2026-11-28T08:05").ok()
    );
    let mut chosen = no_selectors();
    chosen.insert("incident_date".into(), "#other".into());
    let got = fields::read(&document, String::new(), &chosen);
    assert_eq!(
        got.entry.incident_at,
        LocalDateTime::parse("2026-11-20T08:05").ok()
    );
}

#[wasm_bindgen_test]
fn field_notes_sit_after_their_field_and_follow_the_verdict() {
    let document = page("<form><input id=d type=date><textarea></textarea></form>");
    let date = by_id(&document, "d");
    let mut shown = notes::Notes::default();
    let now = LocalDateTime::parse("2026-11-26T12:00").unwrap(); // a Thursday
    let missing = check(
        &Entry {
            text: "Derek fell over.".into(),
            ..Entry::default()
        },
        &Policy::default(),
        now,
    );
    shown.render(&[("incident_at", date.clone())], &missing);
    let note = date.next_element_sibling().unwrap();
    assert_eq!(
        note.get_attribute("data-cpoms-check").as_deref(),
        Some("field-note")
    );
    assert_eq!(
        note.get_attribute("data-field").as_deref(),
        Some("incident_at")
    );
    assert_eq!(
        note.get_attribute("data-rule").as_deref(),
        Some("datetime.missing")
    );
    let inner = note
        .shadow_root()
        .unwrap()
        .query_selector("[data-rule]")
        .unwrap()
        .unwrap();
    assert!(inner.text_content().unwrap().contains("date"));
    // The same verdict again leaves the note as it is (no flicker while typing).
    shown.render(&[("incident_at", date.clone())], &missing);
    assert_eq!(date.next_element_sibling(), Some(note.clone()));
    // A verdict with nothing about the field removes it.
    let dated = Entry {
        text: "Derek fell over.".into(),
        incident_at: LocalDateTime::parse("2026-11-26T11:00").ok(),
        ..Entry::default()
    };
    shown.render(
        &[("incident_at", date.clone())],
        &check(&dated, &Policy::default(), now),
    );
    assert!(date
        .next_element_sibling()
        .is_some_and(|e| e.local_name() == "textarea"));
}

#[wasm_bindgen_test]
fn the_checklist_has_a_row_per_criterion_and_keeps_focus_inside() {
    let document = page("<form></form>");
    let now = LocalDateTime::parse("2026-11-28T12:00").unwrap();
    let verdict = check(
        &Entry {
            text: "Derek was kicking off!".into(),
            ..Entry::default()
        },
        &Policy::default(),
        now,
    );
    let host = checklist::show(
        &document,
        &verdict,
        checklist::Mode::Submit,
        ChecklistRows::Compact,
    )
    .unwrap();
    let shadow = host.shadow_root().unwrap();
    assert_eq!(
        shadow
            .query_selector_all("[data-criterion][data-status]")
            .unwrap()
            .length(),
        12
    );
    assert_eq!(
        shadow
            .query_selector("[data-criterion=language]")
            .unwrap()
            .unwrap()
            .get_attribute("data-status")
            .as_deref(),
        Some("not_met")
    );
    let submit: HtmlElement = shadow
        .query_selector("[data-action=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        shadow.active_element(),
        Some(submit.clone().into()),
        "Submit has the focus"
    );
    // Tab from the last control goes back to the first.
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Tab");
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let tab = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    submit.dispatch_event(&tab).unwrap();
    let first = shadow.query_selector("button, input").unwrap().unwrap();
    assert_eq!(shadow.active_element(), Some(first));
    host.remove();

    let review = checklist::show(
        &document,
        &verdict,
        checklist::Mode::Review,
        ChecklistRows::Compact,
    )
    .unwrap();
    let shadow = review.shadow_root().unwrap();
    assert!(
        shadow
            .query_selector("[data-action=submit]")
            .unwrap()
            .is_none(),
        "reading the list submits nothing"
    );
    assert!(shadow
        .query_selector("[data-action=back]")
        .unwrap()
        .is_some());
    review.remove();

    // The school's full list: every row in the one list, nothing folded away.
    let full = checklist::show(
        &document,
        &verdict,
        checklist::Mode::Submit,
        ChecklistRows::Full,
    )
    .unwrap();
    let shadow = full.shadow_root().unwrap();
    assert!(shadow.query_selector("details").unwrap().is_none());
    assert_eq!(
        shadow
            .query_selector_all(".dialog > ul > [data-criterion]")
            .unwrap()
            .length(),
        12
    );
    full.remove();
}

#[wasm_bindgen_test]
fn a_long_text_is_drawn_in_blocks_cut_after_line_breaks_never_inside_an_underline() {
    use super::overlay::{placed, slices};
    let now = LocalDateTime::parse("2026-11-26T12:00").unwrap();
    let line = "Derek was kicking off and was really frightened, time and time again.\n";
    let text = format!(
        "{}Nothing to see on this line.\nNor on this one.",
        line.repeat(400)
    );
    let verdict = check(&Entry::from_text(text.clone()), &Policy::default(), now);
    let marks = placed(&verdict);
    assert!(marks.len() > 100);
    let blocks = slices::plan(text.clone(), &marks, 1).layout();
    assert!(blocks.len() > 2, "{} blocks", blocks.len());
    let mut at = 0;
    for &(start, end, _) in &blocks {
        assert_eq!(start, at, "blocks follow one another");
        assert!(
            text[..end].ends_with('\n'),
            "a block ends after a line break"
        );
        assert!(
            marks
                .iter()
                .all(|f| f.end.unwrap() <= end || f.start.unwrap() >= end),
            "no block ends inside an underline"
        );
        at = end;
    }
    // Every underline is in a block; the lines after the last one are left out.
    assert_eq!(blocks.iter().map(|b| b.2).sum::<usize>(), marks.len());
    assert!(text[at..].starts_with("Nothing to see"));
}
