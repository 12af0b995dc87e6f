#!/usr/bin/env python3
"""What each part of the engine's WebAssembly costs: a size table by crate (and by module of
this crate), from `twiggy top` over the wasm cargo built (it keeps function names; the
extension's copy, shrunk by wasm-opt, does not). Sizes are the unoptimised build's, so they
are relative weights; the total line gives the shipped file's raw and gzip size.

Usage: scripts/wasm-sizes.py [NAMED.wasm] [SHIPPED.wasm]   (defaults: the paths build.sh uses)
Needs: twiggy (cargo install twiggy).
"""
import collections
import csv
import gzip
import io
import re
import subprocess
import sys

named = sys.argv[1] if len(sys.argv) > 1 else "target/wasm32-unknown-unknown/wasm/cpoms_check.wasm"
shipped = sys.argv[2] if len(sys.argv) > 2 else "target/extension/cpoms_check_bg.wasm"
rows = csv.DictReader(io.StringIO(subprocess.run(
    ["twiggy", "top", "-n", "1000000", "--format", "csv", named],
    check=True, capture_output=True, text=True).stdout))


def part(name):
    """The crate an item belongs to (this crate's by module), from its demangled name; None for
    what wasm-bindgen removes (its descriptors and custom section) and the names themselves."""
    if name.startswith(("custom section", '"function names"', "__wbindgen_describe",
                        'export "__wbindgen_describe')):
        return None
    if name.startswith("data segment"):
        return "static data (.rodata: rule data, word lists, strings)"
    if name.startswith(("import ", "export ", "elem", "table", "memory", "type[", "global")):
        return "(imports, exports, tables)"
    # The first path in the name: `<serde_json::Value as ...>` is serde_json's, `core::...` core's.
    m = re.search(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::(?:([a-z_][a-z0-9_]*)::)?", name)
    if not m:
        return "(other)"
    crate, module = m.group(1), m.group(2)
    if crate == "cpoms_check" and module:
        return f"cpoms_check::{module}"
    return crate


sizes = collections.Counter()
for r in rows:
    key = part(r["Name"])
    if key is not None:
        sizes[key] += int(r["ShallowSize"])
total = sum(sizes.values())
print(f"| part | bytes (unoptimised) | share |\n| --- | ---: | ---: |")
for name, size in sizes.most_common(30):
    print(f"| {name} | {size:,} | {100 * size / total:.1f}% |")
rest = total - sum(s for _, s in sizes.most_common(30))
print(f"| (the rest) | {rest:,} | {100 * rest / total:.1f}% |")
data = open(shipped, "rb").read()
print(f"\nShipped ({shipped}): {len(data):,} bytes, {len(gzip.compress(data, 9)):,} gzip -9.")


def leb(b, i):
    value = shift = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


sections, i = {}, 8
while i < len(data):
    size, j = leb(data, i + 1)
    name = {10: "code", 11: "data"}.get(data[i], "other sections")
    sections[name] = sections.get(name, b"") + data[j:j + size]
    i = j + size
print("\n| shipped section | raw | gzip -9 alone |\n| --- | ---: | ---: |")
for name, b in sections.items():
    print(f"| {name} | {len(b):,} | {len(gzip.compress(b, 9)):,} |")


def gz(b):
    return len(gzip.compress(b, 9))


# What the static data holds, and the file beside the engine.
import glob  # noqa: E402
import os  # noqa: E402

bundle = max(glob.glob("target/wasm32-unknown-unknown/wasm/build/cpoms-check-*/out/data.postcard"),
             key=os.path.getmtime, default=None)
print("\n| in the static data | raw | gzip -9 |\n| --- | ---: | ---: |")
blobs = [("the rule data (data/*.toml, postcard form from build.rs)", bundle),
         ("data/inflections.txt", "data/inflections.txt"),
         ("data/first_names.txt", "data/first_names.txt"),
         ("data/subjective.txt", "data/subjective.txt")]
for label, path in blobs:
    if path:
        b = open(path, "rb").read()
        print(f"| {label} | {len(b):,} | {gz(b):,} |")
dic = "dist/chrome/dictionary.bin.gz"
if os.path.exists(dic):
    b = open(dic, "rb").read()
    print(f"\nBeside it: {dic} (the en-GB dictionary, SCOWL extras and WordNet word classes, front-coded): "
          f"{len(gzip.decompress(b)):,} bytes, {len(b):,} gzip.")
