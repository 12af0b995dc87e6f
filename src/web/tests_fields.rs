//! The form's fields as real widgets draw them (markup as flatpickr, tom-select, Choices.js
//! and hand-made token and toggle widgets leave it), and fields that cannot be read.

use super::fields;
use super::tests::{no_selectors, page};
use crate::verdict::Status;
use crate::{check, LocalDateTime, Policy};
use wasm_bindgen_test::*;

fn ids(got: &fields::Fields) -> Vec<(&'static str, String)> {
    got.anchors.iter().map(|(f, e)| (*f, e.id())).collect()
}

#[wasm_bindgen_test]
fn a_widget_hidden_input_gives_the_date_and_its_visible_control_the_note() {
    // flatpickr with altInput: the named input is hidden; a nameless one shows the date.
    let document = page(
        "<form><label for=d>Date of incident</label>\
         <input id=d name='incident[occurred_at]' type=hidden class=flatpickr-input value='2023-12-07 09:30'>\
         <input id=alt class='flatpickr-input form-control' placeholder='Select date' readonly value='December 7, 2023 9:30'></form>",
    );
    let got = fields::read(&document, String::new(), &no_selectors());
    assert_eq!(
        got.entry.incident_at,
        LocalDateTime::parse("2023-12-07T09:30").ok()
    );
    assert!(!got.unread.contains(&"incident_at"), "{:?}", got.unread);
    assert!(ids(&got).contains(&("incident_at", "alt".into())));
}

#[wasm_bindgen_test]
fn an_empty_date_field_is_empty_and_a_missing_or_odd_one_is_unread() {
    let empty = page("<form><label for=d>Incident date</label><input id=d type=text></form>");
    let got = fields::read(&empty, String::new(), &no_selectors());
    assert_eq!(got.entry.incident_at, None);
    assert!(!got.unread.contains(&"incident_at"), "found, and empty");

    let odd = page(
        "<form><label for=d>Incident date</label><input id=d value='last week sometime'></form>",
    );
    assert!(fields::read(&odd, String::new(), &no_selectors())
        .unread
        .contains(&"incident_at"));

    let none = page("<form><textarea></textarea></form>");
    let got = fields::read(&none, String::new(), &no_selectors());
    for field in ["incident_at", "categories", "students"] {
        assert!(got.unread.contains(&field), "{field}: {:?}", got.unread);
    }
}

#[wasm_bindgen_test]
fn one_combined_date_and_time_field_is_read() {
    let document = page(
        "<form><label for=w>Date and time of incident</label><input id=w value='07/12/2023 14:05'>\
         <label for=t>Time taken</label><input id=t type=number value=5></form>",
    );
    let got = fields::read(&document, String::new(), &no_selectors());
    assert_eq!(
        got.entry.incident_at,
        LocalDateTime::parse("2023-12-07T14:05").ok()
    );
}

#[wasm_bindgen_test]
fn categories_as_a_select_multiple_checkboxes_without_a_fieldset_or_toggle_buttons() {
    let select = page(
        "<form><label for=c>Categories</label><select id=c name='incident[category_ids][]' multiple>\
         <option value=''>Choose</option><option value=1 selected>Behaviour</option><option value=2>Medical</option></select></form>",
    );
    let got = fields::read(&select, String::new(), &no_selectors());
    assert_eq!(got.entry.categories, vec!["Behaviour"]);
    assert_eq!(
        got.entry.available_categories,
        Some(vec!["Behaviour".into(), "Medical".into()])
    );

    // Choices.js hides the select and keeps it up to date.
    let choices = page(
        "<form><label for=c>Category</label><div class=choices><div class=choices__inner>\
         <select id=c name='incident[category_ids][]' multiple hidden><option value=3 selected>Online Safety</option></select>\
         <div class=choices__list><div class=choices__item data-item>Online Safety<button class=choices__button aria-label=\"Remove item: 'Online Safety'\">Remove item</button></div></div>\
         </div></div></form>",
    );
    let got = fields::read(&choices, String::new(), &no_selectors());
    assert_eq!(got.entry.categories, vec!["Online Safety"]);

    let loose = page(
        "<form><h3>Categories</h3><div id=cats><label><input type=checkbox value=1 checked> Behaviour</label>\
         <label><input type=checkbox value=2> Bullying</label></div>\
         <h3>Alert staff</h3><div><label><input type=checkbox value=9 checked> JBloggs</label></div></form>",
    );
    let got = fields::read(&loose, String::new(), &no_selectors());
    assert_eq!(got.entry.categories, vec!["Behaviour"]);
    assert_eq!(
        got.entry.available_categories,
        Some(vec!["Behaviour".into(), "Bullying".into()]),
        "the staff to alert are not categories"
    );
    assert!(
        ids(&got).contains(&("categories", "cats".into())),
        "the note goes after the whole group, not inside a label: {:?}",
        ids(&got)
    );

    let toggles = page(
        "<form><div role=group aria-label=Categories><button type=button aria-pressed=true>Behaviour</button>\
         <button type=button aria-pressed=false>Medical</button></div></form>",
    );
    let got = fields::read(&toggles, String::new(), &no_selectors());
    assert_eq!(got.entry.categories, vec!["Behaviour"]);
    assert!(!got.unread.contains(&"categories"), "{:?}", got.unread);
}

#[wasm_bindgen_test]
fn pickers_under_tom_select_and_aria_1_1_comboboxes_with_link_remove_controls() {
    // tom-select: the select is hidden, the label now names the control's input, and each
    // chip's remove control is a link.
    let tom = page(
        "<form><select id=s name='incident[student_ids][]' multiple hidden class=tomselected>\
         <option value=1 selected>Derek Smith</option><option value=2>Amira Khan</option></select>\
         <div class='ts-wrapper multi'><div class=ts-control role=combobox>\
         <div class=item data-value=1>Derek Smith<a href='javascript:void(0)' class=remove tabindex=-1 title=Remove>\u{d7}</a></div>\
         <input id=s-ts-control></div></div><label for=s-ts-control>Students</label></form>",
    );
    let got = fields::read(&tom, String::new(), &no_selectors());
    assert_eq!(got.entry.students, vec!["Derek Smith"]);

    // A hand-made widget: the role on the wrapper (ARIA 1.1), no native select.
    let aria = page(
        "<form><span id=sl>Student</span><div id=w role=combobox aria-labelledby=sl>\
         <ul><li>Amira Khan<a class=remove>\u{d7}</a></li><li>Derek Smith<span role=button aria-label='Remove Derek Smith'>x</span></li></ul>\
         <input type=text aria-autocomplete=list></div></form>",
    );
    let got = fields::read(&aria, String::new(), &no_selectors());
    assert_eq!(got.entry.students, vec!["Amira Khan", "Derek Smith"]);
    assert!(!got.unread.contains(&"students"));
}

#[wasm_bindgen_test]
fn an_unread_field_is_never_called_empty() {
    let none = page("<form><textarea></textarea></form>");
    let got = fields::read(&none, "Derek was upset at break.".into(), &no_selectors());
    let now = LocalDateTime::parse("2023-12-07T11:05").unwrap();
    let mut verdict = check(&got.entry, &Policy::default(), now);
    let row = |v: &crate::Verdict, c: &str| {
        v.checklist
            .iter()
            .find(|r| r.criterion == c)
            .unwrap()
            .clone()
    };
    assert_eq!(
        row(&verdict, "datetime").status,
        Status::NotMet,
        "the engine alone says missing"
    );
    fields::without_unread(&mut verdict, &got.unread);
    for c in ["datetime", "categories", "tagging"] {
        let r = row(&verdict, c);
        assert_eq!(r.status, Status::Check, "{c}: {}", r.summary);
        assert!(r.summary.starts_with("Couldn't read"), "{c}: {}", r.summary);
    }
    assert!(!verdict.findings.iter().any(|f| matches!(
        f.rule,
        "datetime.missing" | "categories.none" | "tagging.untagged"
    )));
}

#[wasm_bindgen_test]
fn the_page_check_names_each_field_how_it_was_found_and_a_selector_that_matched_nothing() {
    let document = page(
        "<form><textarea id=e name='incident[description]'></textarea>\
         <label for=d>Date of incident</label><input id=d type=date value='2023-12-07'>\
         <label for=s>Student</label><select id=s multiple><option value=1 selected>Derek Smith</option></select></form>",
    );
    let mut selectors = no_selectors();
    selectors.insert("categories".into(), "#no-such-group".into());
    let read = fields::read(&document, String::new(), &selectors);
    let editor = document.get_element_by_id("e").unwrap();
    let host = super::page_check::show(
        &document,
        &read,
        &editor,
        "the largest editable field",
        "0 words",
    )
    .unwrap();
    let shadow = host.shadow_root().unwrap();
    let row = |field: &str| {
        shadow
            .query_selector(&format!("[data-field={field}]"))
            .unwrap()
            .unwrap_or_else(|| panic!("a row for {field}"))
    };
    let attr = |field: &str, a: &str| row(field).get_attribute(a).unwrap_or_default();
    assert_eq!(attr("editor", "data-found"), "true");
    assert_eq!(attr("incident_at", "data-found"), "true");
    assert!(row("incident_at")
        .text_content()
        .unwrap()
        .contains("07/12/2023 (no time)"));
    assert_eq!(attr("students", "data-found"), "true");
    assert!(row("students")
        .text_content()
        .unwrap()
        .contains("Derek Smith"));
    assert_eq!(attr("categories", "data-found"), "false");
    assert!(
        attr("categories", "data-how").contains("matched nothing"),
        "{}",
        attr("categories", "data-how")
    );
    // Each element read is outlined on the page.
    assert!(shadow.query_selector_all(".box").unwrap().length() >= 3);
    host.remove();
}

#[wasm_bindgen_test]
fn pick_mode_widens_a_click_to_its_group_and_writes_a_selector_that_finds_only_it() {
    let document = page(
        "<form id=f><h3>Type of concern</h3><div class=flags><label><input type=checkbox> Safeguarding</label>\
         <label id=b><input type=checkbox> Behaviour</label></div>\
         <div><div><label><input type=checkbox> A</label><label><input type=checkbox> B</label></div></div>\
         <div><div><label id=x><input type=checkbox> C</label><label><input type=checkbox> D</label></div></div></form>",
    );
    let clicked = document.get_element_by_id("b").unwrap();
    let group = super::pick::widen(&clicked, "categories");
    assert_eq!(
        group.class_name(),
        "flags",
        "the whole group, not the label"
    );
    let sel = super::pick::selector_for(&document, &group).unwrap();
    assert_eq!(sel, "div.flags");
    // No id, name or class: a path from the nearest ancestor with an id, finding only it.
    let plain = super::pick::widen(&document.get_element_by_id("x").unwrap(), "categories");
    let sel = super::pick::selector_for(&document, &plain).unwrap();
    assert!(sel.starts_with("#f > "), "{sel}");
    assert_eq!(document.query_selector_all(&sel).unwrap().length(), 1);
    assert_eq!(document.query_selector(&sel).unwrap().unwrap(), plain);
}
