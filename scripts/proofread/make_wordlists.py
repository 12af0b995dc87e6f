#!/usr/bin/env python3
"""Generate the proof-reading word lists in data/dictionary/ from maintained public lists.

Inputs (Debian packages, installed or unpacked with `dpkg -x`):
  - `scowl` (SCOWL, Kevin Atkinson; permissive licence, see data/dictionary/LICENSE-scowl):
    the word lists by size and variant in /usr/share/dict/scowl/.
  - `wordnet-base` (WordNet 3.0, Princeton; WordNet licence, see LICENSE-wordnet):
    index.noun/verb/adj/adv in /usr/share/wordnet/.
  - `hunspell` (the command) to learn which SCOWL words the bundled en-GB dictionary
    already accepts, so only the missing ones are stored.

  - `wordfreq` (PyPI, Robyn Speer; word frequencies across Wikipedia, subtitles, news,
    books, the web): which of SCOWL's size-70 words are in real use.

Outputs:
  - data/dictionary/scowl-extra.txt: the British English words of SCOWL up to size 60 (the
    size SCOWL recommends for spell checking), and those of size 70 (Debian's
    wbritish-large) that wordfreq finds at least once in 100 million words (Zipf 2.0:
    "homophobe", "undercooked", "corticosteroids"), that the en-GB Hunspell dictionary does
    not accept, front-coded (each line: the length shared with the previous word, then the
    rest). The rest of size 70 ("absquatulating", "titanothere", "coirs") is left out: such
    words are far likelier to be a slip of the keys in a school record than meant, and the
    list was 40,000 words (98 KB of the extension's download) where it is now about 7,000.
  - data/dictionary/word-classes.txt: for the common words (SCOWL up to size 50) that
    are not only nouns, the word classes WordNet gives them: n (noun), v (verb), a and r
    (adjective and adverb, only when WordNet's sense-tagged corpus uses the word that way,
    so that "mum" is not an adjective for a proof-reader), p (an irregular verb form from
    verb.exc). Front-coded like scowl-extra.txt.

Usage: scripts/proofread/make_wordlists.py [--scowl DIR] [--wordnet DIR] [--hunspell CMD]
       [--extras-only]   (pip install wordfreq==3.1.1 first)
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "data", "dictionary")
# SCOWL's spellings accepted in British English: the common ones, British-only ones, the
# Oxford -ize ones, and the listed variants (lengthways beside lengthwise).
FAMILIES = ["english", "british", "british_z", "variant_1", "variant_2",
            "british_variant_1", "british_variant_2"]
SIZES = [10, 20, 35, 40, 50, 55, 60, 70]
# SCOWL's size-70 words kept only when this common (wordfreq's Zipf scale: 2.0 is once in
# 100 million words).
FREQUENT_AT_70 = 2.0
# wordfreq's English is mostly American, so a British spelling is as common as the most
# common of its American forms ("hypoglycaemia" 1.97, "hypoglycemia" 2.68): each pattern
# is tried alone and with the others, on words of six letters or more (shorter ones are
# mostly Latin plurals and dialect words: "alae", "froe").
AMERICAN_FORMS = [(r"(?<=[a-z])ae(?=[a-z])", "e"), (r"(?<=[a-z])oe(?=[a-z])", "e"),
                  (r"(?<=[a-z])our(s|ed|ing|ings|er|ers|ful|less|able|ite|ites)?$", r"or\1"),
                  (r"is(e|ed|es|ing|ation|ations)$", r"iz\1"), (r"ys(e|ed|es|ing)$", r"yz\1"),
                  (r"tre(s?)$", r"ter\1"), (r"ll(ed|ing|er|ers)$", r"l\1"), (r"ogue(s?)$", r"og\1"),
                  (r"ence(s?)$", r"ense\1")]


def frequency(word):
    """The Zipf frequency of a word, or of its American form when that is commoner."""
    from wordfreq import zipf_frequency
    forms = {word}
    if len(word) < 6:
        return zipf_frequency(word, "en")
    for pattern, repl in AMERICAN_FORMS:
        forms |= {re.sub(pattern, repl, f) for f in forms}
    return max(zipf_frequency(f, "en") for f in forms)


def scowl_words(d, max_size):
    words = set()
    for fam in FAMILIES:
        for size in SIZES:
            if size > max_size:
                continue
            for kind in ("words", "contractions"):
                p = os.path.join(d, f"{fam}-{kind}.{size}")
                if not os.path.exists(p):
                    continue
                with open(p, encoding="latin-1") as f:
                    for w in f:
                        w = w.strip()
                        # Lower-case words only: names and acronyms are not the checker's
                        # business (capitalised words are never flagged).
                        if w and w[0].islower() and all(c.isalpha() or c in "'-" for c in w):
                            words.add(w)
    return words


def not_in_hunspell(words, hunspell):
    cmd = hunspell.split() + ["-d", os.path.join(OUT, "en-GB"), "-l"]
    r = subprocess.run(cmd, input="\n".join(sorted(words)), capture_output=True,
                       text=True, check=True)
    return sorted(set(r.stdout.split()))


def front_code(words):
    out, prev = [], ""
    for w in words:
        n = 0
        while n < min(len(w), len(prev), 9) and w[n] == prev[n]:
            n += 1
        out.append(f"{n}{w[n:]}")
        prev = w
    return out


def word_classes(wordnet, common):
    classes = {}
    for pos, letter in (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")):
        with open(os.path.join(wordnet, f"index.{pos}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                p = line.split()
                lemma, senses, p_cnt = p[0], int(p[2]), int(p[3])
                tagged = int(p[5 + p_cnt])
                if lemma not in common:
                    continue
                # An adjective or adverb use counts when the tagged corpus shows it more than
                # once or in more than one sense: "mum" (keep mum) stays a noun.
                if letter in "ar" and not (tagged >= 2 or (tagged >= 1 and senses >= 2)):
                    continue
                classes.setdefault(lemma, set()).add(letter)
    # Irregular verb forms (went, told, taken) are verb forms whatever else they are.
    with open(os.path.join(wordnet, "verb.exc"), encoding="latin-1") as f:
        for line in f:
            form, *lemmas = line.split()
            if form in common and any(l in common for l in lemmas):
                classes.setdefault(form, set()).add("p")
    # A word that is only a noun is left out: the reader takes any word it does not list
    # as a noun, which also covers new nouns WordNet lacks (username, screenshot).
    rows = [w + " " + "".join(c for c in "nvarp" if c in classes[w])
            for w in sorted(classes) if classes[w] != {"n"}]
    return front_code(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scowl", default="/usr/share/dict/scowl")
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--hunspell", default="hunspell")
    ap.add_argument("--extras-only", action="store_true")
    a = ap.parse_args()
    chosen = scowl_words(a.scowl, 60) | {
        w for w in scowl_words(a.scowl, 70) if frequency(w) >= FREQUENT_AT_70}
    extra = not_in_hunspell(chosen, a.hunspell)
    with open(os.path.join(OUT, "scowl-extra.txt"), "w") as f:
        f.write("# Source: SCOWL (wordlist.aspell.net, Debian package `scowl`), British English\n"
                "# up to size 60, and size 70 where wordfreq (PyPI) finds the word at Zipf 2.0 or\n"
                "# more; words the en-GB Hunspell dictionary lacks. Licence: LICENSE-scowl.\n"
                "# Generated by scripts/proofread/make_wordlists.py; front-coded.\n")
        f.write("\n".join(front_code(extra)) + "\n")
    if a.extras_only:
        print(f"{len(extra)} extra words", file=sys.stderr)
        return
    common = scowl_words(a.scowl, 50)
    with open(os.path.join(OUT, "word-classes.txt"), "w") as f:
        f.write("# Source: WordNet 3.0 (Princeton, Debian package `wordnet-base`), classes of the\n"
                "# SCOWL size-50 words: n noun, v verb, a adjective, r adverb (a and r only where\n"
                "# WordNet's tagged corpus has that use), p irregular verb form; words that are only\n"
                "# nouns are left out. Licence: LICENSE-wordnet.\n"
                "# Generated by scripts/proofread/make_wordlists.py; front-coded.\n")
        f.write("\n".join(word_classes(a.wordnet, common)) + "\n")
    print(f"{len(extra)} extra words; classes written", file=sys.stderr)


if __name__ == "__main__":
    main()
