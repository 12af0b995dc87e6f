// Layout shifts with no scroll, no window resize and no change to the body's size, shared by
// the Chromium and Firefox tests: each is page code (one expression, giving a value or a
// promise) that moves the editor, and the code that undoes it. After each, the underlines
// must be back over their words within SETTLE_MS.
export const SETTLE_MS = 500;

/** Run once per page: the body gets a fixed height (as in an app-shell layout), so the body's
 * ResizeObserver the page layer already has does not see these shifts. */
export const prepare = (editorSel) => `(() => {
  const s = document.createElement('style');
  s.textContent = '.cpc-margin { margin-top: 160px !important } .cpc-offset { position: relative; top: 120px }'
    + ' .cpc-font { font: 22px/1.3 LateFont, "Liberation Sans", Arial, sans-serif; width: 320px }';
  document.head.append(s);
  document.body.style.height = '3000px';
  const ed = document.querySelector(${JSON.stringify(editorSel)});
  window.__cpcEditor = () => document.querySelector(${JSON.stringify(editorSel)});
  if (ed.isContentEditable) ed.scrollTop = 0;
  // At the top of the page: the browser's scroll anchoring (a scroll, which the page layer
  // already follows) would otherwise hide the shifts by keeping the editor still on screen.
  window.scrollTo(0, 0);
  return true;
})()`;

const main = "document.querySelector('main')";
const waitTransition = (to) => `new Promise((ok) => {
  const m = ${main};
  m.style.transition = 'transform 400ms ease-in-out';
  // How far the overlay is from the editor after each frame, while the transition runs.
  let worst = 0, done = false;
  const host = () => document.querySelector('[data-cpoms-check="overlay"]');
  const sample = () => { if (done) return; setTimeout(() => {
    const e = window.__cpcEditor().getBoundingClientRect();
    // Only while the editor is on screen: off it, the overlay need not follow frame by frame.
    if (e.bottom > 0 && e.top < innerHeight) worst = Math.max(worst, Math.abs(host().getBoundingClientRect().top - e.top));
    requestAnimationFrame(sample); }, 0); };
  // Only the ancestor's own transform: an editor's UI (CKEditor's) has transitions of its
  // own, whose transitionend bubbles up through it.
  const end = (e) => { if (e.target !== m || e.propertyName !== 'transform') return;
    m.removeEventListener('transitionend', end); done = true; ok(worst); };
  m.addEventListener('transitionend', end);
  requestAnimationFrame(() => { m.style.transform = '${to}'; requestAnimationFrame(sample); });
})`;

export const cases = [
  { name: 'padding on the body', apply: "document.body.style.paddingTop = '200px'", revert: "document.body.style.paddingTop = ''" },
  { name: 'a class giving the heading above the form a margin', apply: "document.querySelector('h1').classList.add('cpc-margin')", revert: "document.querySelector('h1').classList.remove('cpc-margin')" },
  { name: 'a class offsetting an ancestor (position: relative)', apply: `${main}.classList.add('cpc-offset')`, revert: `${main}.classList.remove('cpc-offset')` },
  {
    name: 'an image above the form that loads late',
    apply: `new Promise((ok) => { const img = document.createElement('img'); img.id = 'cpc-img'; img.alt = '';
      img.onload = () => ok(true); img.src = '/slow/image.svg?ms=400&h=150'; document.querySelector('h1').after(img); })`,
    revert: "document.getElementById('cpc-img').remove()",
  },
  { name: 'a CSS transform on an ancestor', apply: `${main}.style.transform = 'translate(30px, -90px)'`, revert: `${main}.style.transform = ''` },
  { name: 'a CSS scale on an ancestor', apply: `(${main}.style.transformOrigin = '0 0', ${main}.style.transform = 'scale(0.8)')`, revert: `${main}.style.transform = ''` },
  { name: 'CSS zoom on an ancestor', apply: `${main}.style.zoom = '1.2'`, revert: `${main}.style.zoom = ''` },
  { name: 'a CSS transition of an ancestor\'s transform', transition: true, apply: waitTransition('translateY(-140px)'), revert: waitTransition('none') },
  {
    name: 'a web font that loads late above the form',
    font: true,
    apply: `new Promise((ok) => {
      const s = document.createElement('style'); s.id = 'cpc-face';
      s.textContent = '@font-face { font-family: LateFont; src: url(/slow/font.ttf?ms=400); font-display: swap }';
      document.head.append(s);
      const p = document.createElement('p'); p.id = 'cpc-font'; p.className = 'cpc-font';
      p.textContent = 'Mmm www WWW mmm www MMM mmm www WWW mmm www MMM mmm www WWW mmm www MMM mmm www WWW';
      document.querySelector('h1').after(p);
      // Placed with the fallback font first; the late font then rewraps it: resolves with how
      // far the font alone moved the editor.
      setTimeout(() => {
        const was = window.__cpcEditor().getBoundingClientRect().top;
        document.fonts.load('22px LateFont').then(() => ok(Math.abs(window.__cpcEditor().getBoundingClientRect().top - was)));
      }, 50);
    })`,
    revert: "(document.getElementById('cpc-font').remove(), document.getElementById('cpc-face').remove())",
  },
];

/** The loaded phrases of the guidance's bad example (tests/fixtures/guidance-bad.json), each of
 * which the checker underlines as the writer's language. */
export const loaded = ['kicking off', 'time and time again', 'really frightened', 'flew out', 'not bothered', 'really upset me', 'absolutely wild'];

/** Page code: '' when the overlay sits over the editor and the first box of the underline over
 * each phrase is over that phrase's words (probed with the caret position at its middle, which
 * in a textarea is the field and an offset into its value); else what is wrong. Phrases whose underline is scrolled out of the editor or the window are not probed, but at least
 * `need` (three, or all if fewer) must be. */
export const overWords = (editorSel, phrases) => `(() => {
  const phrases = ${JSON.stringify([].concat(phrases))};
  const need = Math.min(3, phrases.length);
  const host = document.querySelector('[data-cpoms-check="overlay"]');
  const ed = document.querySelector(${JSON.stringify(editorSel)});
  if (!host || !ed) return 'no overlay or editor';
  const h = host.getBoundingClientRect(), e = ed.getBoundingClientRect();
  if (Math.abs(h.top - e.top) > 1 || Math.abs(h.left - e.left) > 1) return 'overlay off the editor by ' + (h.left - e.left).toFixed(1) + ', ' + (h.top - e.top).toFixed(1);
  if (Math.abs(h.width - e.width) > 1 || Math.abs(h.height - e.height) > 1) return 'overlay ' + h.width.toFixed(1) + '×' + h.height.toFixed(1) + ', editor ' + e.width.toFixed(1) + '×' + e.height.toFixed(1);
  const field = ed.localName === 'textarea';
  const framed = ed.localName === 'iframe';
  const doc = framed ? ed.contentDocument : document;
  const root = framed ? doc.body : ed;
  const text = field ? ed.value : root.innerText;
  const ox = framed ? e.left + ed.clientLeft : 0, oy = framed ? e.top + ed.clientTop : 0;
  const marks = [...host.shadowRoot.querySelectorAll('[data-rule]')].filter((m) => m.dataset.criterion === 'language');
  let seen = 0;
  for (const phrase of phrases) {
    const at = text.indexOf(phrase);
    const mark = marks.find((m) => m.textContent && (m.textContent.includes(phrase) || (phrase.includes(m.textContent) && m.textContent.length > 3)))
      ?? marks.find((m) => +m.dataset.start <= at && at < +m.dataset.end);
    // A rich editor's underline holds its line boxes; a textarea's is the mirror's inline text.
    const b = mark && (mark.children[0] ?? mark).getClientRects()[0];
    if (!b) return 'no underline over “' + phrase + '”';
    // Only what can be seen can be probed: inside the editor's box and the window.
    if (b.top < Math.max(e.top, 0) - 1 || b.bottom > Math.min(e.bottom, innerHeight) + 1) continue;
    seen += 1;
    const x = b.left + b.width / 2 - ox, y = b.top + b.height / 2 - oy;
    let node, offset;
    if (doc.caretPositionFromPoint) { const p = doc.caretPositionFromPoint(x, y); node = p?.offsetNode; offset = p?.offset; }
    else { const r = doc.caretRangeFromPoint(x, y); node = r?.startContainer; offset = r?.startOffset; }
    // In a textarea the caret position is the field with an offset into its value.
    const data = field ? (node === ed ? ed.value : null) : (node?.nodeType === 3 ? node.data : null);
    if (data === null) return 'no text under the underline of “' + phrase + '”';
    const i = field ? at : data.indexOf(phrase);
    if (!(i >= 0 && offset >= i && offset <= i + phrase.length)) return 'the underline of “' + phrase + '” is over “' + data.slice(Math.max(0, offset - 8), offset + 8) + '”';
  }
  return seen >= need ? '' : 'only ' + seen + ' of the phrases were in view to probe';
})()`;

/** Page code resolving to {wrong, ms}: polls `check` (page code returning '' when right) every
 * 10 ms for up to SETTLE_MS. */
export const settle = (check) => `new Promise((ok) => {
  const t0 = performance.now();
  const tick = () => { const wrong = ${check}; const ms = performance.now() - t0;
    if (!wrong || ms > ${SETTLE_MS}) ok({ wrong, ms: Math.round(ms) }); else setTimeout(tick, 10); };
  tick();
})`;

/** Page code: the editor's box (to tell that a shift did move it). */
export const editorBox = (editorSel) => `(() => { const r = document.querySelector(${JSON.stringify(editorSel)}).getBoundingClientRect(); return { x: r.left, y: r.top }; })()`;

/** Page code: a sticky header (a school's banner) at the top of the page, scrolled so that it
 * covers the editor's first lines; resolves with the header's and the editor's boxes. */
export const stickyHeader = (editorSel) => `new Promise((ok) => {
  const h = document.createElement('header');
  h.id = 'cpc-sticky';
  h.textContent = 'School banner';
  h.style.cssText = 'position: sticky; top: 0; height: 120px; padding: 10px; background: #234; color: #fff; z-index: 10';
  document.body.prepend(h);
  document.body.style.minHeight = '3000px';
  const ed = document.querySelector(${JSON.stringify(editorSel)});
  scrollBy(0, ed.getBoundingClientRect().top - 60);
  const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
  // Two frames: the scroll's own, then the overlay's placing after it.
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => ok({ header: box(h), editor: box(ed), width: innerWidth }), 100)));
})`;

/** Page code: how many strongly coloured pixels (the underlines' colours, not the page's greys,
 * whites and the banner's dark blue) a PNG screenshot (base64) has inside each box. */
export const colouredPixels = (png, boxes, width) => `new Promise((ok, fail) => {
  const img = new Image();
  img.onerror = () => fail(new Error('screenshot did not decode'));
  img.onload = () => {
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const k = img.width / ${width};
    ok(${JSON.stringify(boxes)}.map((b) => {
      const x = Math.max(0, Math.floor(b.left * k)), y = Math.max(0, Math.floor(b.top * k));
      const w = Math.min(img.width, Math.ceil(b.right * k)) - x, h = Math.min(img.height, Math.ceil(b.bottom * k)) - y;
      if (w <= 0 || h <= 0) return 0;
      const d = g.getImageData(x, y, w, h).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 70) n += 1;
      return n;
    }));
  };
  img.src = 'data:image/png;base64,${png}';
})`;

/** The boxes to look in: the banner's part over the editor, and the editor below the banner. */
export const stickyBoxes = ({ header, editor }) => [
  { left: editor.left, right: editor.right, top: Math.max(editor.top, 0), bottom: header.bottom - 1 },
  { left: editor.left, right: editor.right, top: header.bottom + 1, bottom: editor.bottom },
];
