//! The page's forms reached through the browser's own prototypes, never through properties of
//! the form. A form's named controls shadow its methods and properties (`<input name=submit>`
//! makes `form.submit` that input, `<input name=requestSubmit>` hides `requestSubmit`), and
//! web-sys calls methods by name on the object. `final` makes wasm-bindgen take each function
//! from the prototype (of the extension's own world, which the page cannot replace) and call it
//! on the element.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, HtmlCollection, HtmlElement, HtmlFormElement, Node};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = HTMLFormElement)]
    type Form;
    #[wasm_bindgen(final, method, catch, js_class = "HTMLFormElement", js_name = requestSubmit)]
    fn request_submit(this: &Form, submitter: Option<&HtmlElement>) -> Result<(), JsValue>;
    #[wasm_bindgen(final, method, catch, js_class = "HTMLFormElement", js_name = submit)]
    fn submit(this: &Form) -> Result<(), JsValue>;
    #[wasm_bindgen(final, method, getter, js_class = "HTMLFormElement", js_name = elements)]
    fn elements(this: &Form) -> HtmlCollection;

    #[wasm_bindgen(js_name = Node)]
    type NodeProto;
    #[wasm_bindgen(final, method, getter, js_class = "Node", js_name = isConnected)]
    fn is_connected(this: &NodeProto) -> bool;
    #[wasm_bindgen(final, method, catch, js_class = "Node", js_name = insertBefore)]
    fn insert_before(this: &NodeProto, node: &Node, child: Option<&Node>) -> Result<Node, JsValue>;

    #[wasm_bindgen(js_name = EventTarget)]
    type Target;
    #[wasm_bindgen(final, method, catch, js_class = "EventTarget", js_name = addEventListener)]
    fn add_event_listener(
        this: &Target,
        kind: &str,
        listener: &js_sys::Function,
        capture: bool,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(final, method, catch, js_class = "EventTarget", js_name = removeEventListener)]
    fn remove_event_listener(
        this: &Target,
        kind: &str,
        listener: &js_sys::Function,
        capture: bool,
    ) -> Result<(), JsValue>;
}

/// `HTMLFormElement.prototype.requestSubmit.call(form, submitter)`: the page's own submit
/// handlers run, as for a click on `submitter`.
pub fn request_submit(
    form: &HtmlFormElement,
    submitter: Option<&HtmlElement>,
) -> Result<(), JsValue> {
    form.unchecked_ref::<Form>().request_submit(submitter)
}

/// `HTMLFormElement.prototype.submit.call(form)`: posts without any submit event (last resort).
pub fn submit(form: &HtmlFormElement) -> Result<(), JsValue> {
    form.unchecked_ref::<Form>().submit()
}

/// The form's controls in tree order (`form.elements`, which a control named `elements` hides).
pub fn elements(form: &HtmlFormElement) -> Vec<Element> {
    let list = form.unchecked_ref::<Form>().elements();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Whether a node is in its document (a control named `isConnected` cannot say otherwise).
pub fn is_connected(node: &Node) -> bool {
    node.unchecked_ref::<NodeProto>().is_connected()
}

/// `parent.insertBefore(node, child)` for any parent, a form included.
pub fn insert_before(parent: &Node, node: &Node, child: Option<&Node>) -> Result<Node, JsValue> {
    parent
        .unchecked_ref::<NodeProto>()
        .insert_before(node, child)
}

/// `target.addEventListener(kind, listener, capture)` for any target, a form included.
pub fn listen(
    target: &EventTarget,
    kind: &str,
    listener: &js_sys::Function,
    capture: bool,
) -> Result<(), JsValue> {
    target
        .unchecked_ref::<Target>()
        .add_event_listener(kind, listener, capture)
}

/// The inverse of [`listen`].
pub fn unlisten(target: &EventTarget, kind: &str, listener: &js_sys::Function, capture: bool) {
    let _ = target
        .unchecked_ref::<Target>()
        .remove_event_listener(kind, listener, capture);
}
