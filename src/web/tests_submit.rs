//! The checklist's re-submission in a real browser (run with the other page-layer units by
//! scripts/web-unit-tests.sh): the page's own handler runs once, and the body it would post
//! is the person's, whatever the page did to the form meanwhile.

use super::submit::{resubmit, Submitter};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, HtmlFormElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    /// `new FormData(form, submitter)`: the body a submission with `submitter` posts.
    type FormData;
    #[wasm_bindgen(constructor, catch)]
    fn new(form: &HtmlFormElement, submitter: Option<&HtmlElement>) -> Result<FormData, JsValue>;
}

/// A form in a fixture of its own, with controls that shadow the form's `submit`,
/// `requestSubmit` and `elements`, and two submit buttons.
fn form() -> HtmlFormElement {
    let document = super::document_of_page().unwrap();
    if let Some(old) = document.get_element_by_id("fixture") {
        old.remove();
    }
    let fixture = document.create_element("div").unwrap();
    fixture.set_id("fixture");
    fixture.set_inner_html(
        "<form id=f action='/never' method=post><input type=hidden name=submit value=s>\
         <input type=hidden name=requestSubmit value=r><input type=hidden name=elements value=e>\
         <textarea name=text>Derek fell.</textarea>\
         <p id=buttons><input type=submit name=draft value='Save draft'><input type=submit name=commit value='Add Incident'></p>\
         <input type=hidden name=last value=z></form>",
    );
    document.body().unwrap().append_child(&fixture).unwrap();
    document.get_element_by_id("f").unwrap().unchecked_into()
}

/// The page's own handler: records each body it would post (`name=value` pairs) and stops
/// the navigation, so the test page stays.
fn record(form: &HtmlFormElement) -> Rc<RefCell<Vec<Vec<String>>>> {
    let bodies: Rc<RefCell<Vec<Vec<String>>>> = Rc::default();
    let seen = bodies.clone();
    let handler = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        e.prevent_default();
        let form: HtmlFormElement = e.target().unwrap().unchecked_into();
        let submitter = e
            .dyn_ref::<web_sys::SubmitEvent>()
            .and_then(|s| s.submitter());
        let data = FormData::new(&form, submitter.as_ref()).unwrap();
        let pairs = js_sys::try_iter(&data)
            .unwrap()
            .unwrap()
            .map(|p| {
                let p: js_sys::Array = p.unwrap().unchecked_into();
                format!(
                    "{}={}",
                    p.get(0).as_string().unwrap(),
                    p.get(1).as_string().unwrap()
                )
            })
            .collect();
        seen.borrow_mut().push(pairs);
    });
    super::native::listen(form, "submit", handler.as_ref().unchecked_ref(), false).unwrap();
    handler.forget();
    bodies
}

/// The person's click on "Add Incident", held as the checklist holds it: the submitter as seen then.
fn held(form: &HtmlFormElement) -> Submitter {
    let slot: Rc<RefCell<Option<Submitter>>> = Rc::default();
    let put = slot.clone();
    let hold = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        let form: HtmlFormElement = e.target().unwrap().unchecked_into();
        *put.borrow_mut() = Some(Submitter::of(&e, &form));
        e.prevent_default();
        e.stop_immediate_propagation();
    });
    let window = web_sys::window().unwrap();
    let f = hold.as_ref().unchecked_ref::<js_sys::Function>();
    super::native::listen(&window, "submit", f, true).unwrap();
    let button: HtmlElement = form
        .query_selector("[name=commit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    super::native::unlisten(&window, "submit", f, true);
    slot.take().expect("the click submitted")
}

const WITH_COMMIT: [&str; 6] = [
    "submit=s",
    "requestSubmit=r",
    "elements=e",
    "text=Derek fell.",
    "commit=Add Incident",
    "last=z",
];

#[wasm_bindgen_test]
fn resubmitting_runs_the_pages_handler_once_with_the_persons_button_despite_shadowing_controls() {
    let form = form();
    let bodies = record(&form);
    let who = held(&form);
    assert!(
        bodies.borrow().is_empty(),
        "held: the page's handler has not run"
    );
    resubmit(&form, &who);
    assert_eq!(
        *bodies.borrow(),
        vec![WITH_COMMIT.map(String::from).to_vec()]
    );
}

#[wasm_bindgen_test]
fn a_button_re_rendered_while_the_checklist_is_open_is_found_again_by_type_name_and_value() {
    let form = form();
    let bodies = record(&form);
    let who = held(&form);
    let buttons = form.query_selector("#buttons").unwrap().unwrap();
    buttons.set_inner_html(&buttons.inner_html()); // new elements, same attributes
    resubmit(&form, &who);
    assert_eq!(
        *bodies.borrow(),
        vec![WITH_COMMIT.map(String::from).to_vec()]
    );
}

#[wasm_bindgen_test]
fn a_button_gone_from_the_form_is_stood_in_for_at_its_place_and_the_stand_in_removed() {
    let form = form();
    let bodies = record(&form);
    let who = held(&form);
    let buttons = form.query_selector("#buttons").unwrap().unwrap();
    buttons.set_inner_html("<input type=submit name=draft value='Save draft'><input type=submit name=commit value='Saving…'>");
    resubmit(&form, &who);
    assert_eq!(
        *bodies.borrow(),
        vec![WITH_COMMIT.map(String::from).to_vec()]
    );
    assert!(
        form.query_selector("[data-cpoms-check=submitter]")
            .unwrap()
            .is_none(),
        "the stand-in is gone once the body is built"
    );
}
