// Replaces HTMLFormElement.prototype.requestSubmit and submit (and Node.prototype.insertBefore)
// with functions that throw: a page's own polyfill gone wrong.
for (const [proto, name] of [[HTMLFormElement.prototype, 'requestSubmit'], [HTMLFormElement.prototype, 'submit'], [Node.prototype, 'insertBefore']]) {
  proto[name] = function hostile() { throw new Error(`hostile ${name}`); };
}
