// Reading a settings file for the options page's "Import JSON…": anything that is not a
// settings object is refused with the reason, before anything is parsed deeply or saved.
// No browser API here, so the checks run in Node's tests as they do in the page.

/** Larger than any settings file the options page exports (a few KB). */
export const MAX_BYTES = 1024 * 1024;
/** Settings nest three levels at most (severity: {rule: level}); anything deeper is not settings. */
export const MAX_DEPTH = 16;

/** A value from the file, safe to show in one line: quoted, control characters escaped, shortened. */
export function shown(value, max = 60) {
  const s = JSON.stringify(String(value)).replace(/[\u0080-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s.length > max ? `${s.slice(0, max - 2)}…"` : s;
}

/** A file's name for a message: control and direction characters replaced, shortened. */
export function fileLabel(name, max = 80) {
  const s = String(name).replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, '?');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** How deeply `text`'s arrays and objects nest (strings skipped), stopping once past `limit`. */
export function depthOf(text, limit = MAX_DEPTH) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      deepest = Math.max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c === '}' || c === ']') {
      depth--;
    }
  }
  return deepest;
}

/** Why a file of `bytes` is refused unread, or null. */
export function sizeError(bytes) {
  return bytes > MAX_BYTES ? `it is larger than a settings file can be (${MAX_BYTES / 1024} KB)` : null;
}

const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? 'a text'
  : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? `${v}` : typeof v);

/**
 * The settings object in a file's text, or why it is not one: `{settings}` or `{error}`.
 * `known` lists the setting names this version has; any other key is refused by name.
 */
export function parseSettings(text, known) {
  const large = sizeError(text.length);
  if (large) return { error: large };
  if (depthOf(text) > MAX_DEPTH) return { error: `it nests more than ${MAX_DEPTH} levels deep, which no settings file does` };
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `it is not JSON (${String(e?.message ?? e).slice(0, 120)})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: `it holds ${kind(value)}, not a settings object ({"setting": value, …})` };
  }
  const unknown = Object.keys(value).filter((k) => !known.includes(k));
  if (unknown.length) {
    const names = unknown.slice(0, 5).map((k) => shown(k, 40)).join(', ');
    const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : '';
    return { error: `${unknown.length === 1 ? 'this is not a setting' : 'these are not settings'} of this version: ${names}${more}` };
  }
  return { settings: value };
}
