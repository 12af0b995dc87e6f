//! Repeated words and unbalanced quotation marks and brackets.

use crate::rules::{Ctx, Out, Raw};
use crate::text::{Doc, Kind};

pub fn repeated_words(cx: &Ctx, doc: &Doc, out: &mut Out) {
    for i in 0..doc.len().saturating_sub(1) {
        let j = i + 1;
        if doc.is_word(i)
            && doc.tokens[i].kind == Kind::Word
            && doc.norm(i) == doc.norm(j)
            && doc.own(i)
            && doc.own(j)
            && doc.sentence_of[i] == doc.sentence_of[j]
            && doc.text[doc.tokens[i].end..doc.tokens[j].start]
                .chars()
                .all(char::is_whitespace)
            && !cx.k.proofread_repeat_ok.has(doc, i)
        {
            out.push(
                Raw::at("proofread.repeated_word", doc.span(i, j + 1))
                    .suggest(doc.raw(i).to_string()),
            );
        }
    }
}

pub fn unbalanced(doc: &Doc, out: &mut Out) {
    // Someone else's words and quotations are not the writer's to balance. One sorted list
    // of those spans, walked once alongside the text, keeps this linear in the length.
    let mut shielded: Vec<(usize, usize)> = doc
        .regions
        .pasted
        .iter()
        .chain(&doc.regions.excluded)
        .copied()
        .collect();
    let others = shielded.clone();
    shielded.extend(doc.quotes.iter().map(|q| (q.start, q.end)));
    crate::order::sort(&mut shielded);
    for s in &doc.strays {
        if !others.iter().any(|&(a, e)| (a..e).contains(&s.pos)) {
            let detail =
                "This quotation mark has no partner. Close the quotation after the last word said.";
            out.push(
                Raw::at("proofread.unbalanced", (s.pos, s.pos + s.ch.len_utf8())).detail(detail),
            );
        }
    }
    let mut next_span = 0;
    for line in &doc.regions.lines {
        let text = &doc.text[line.start..line.end];
        let mut open: Vec<usize> = Vec::new();
        for (k, c) in text.char_indices() {
            if c != '(' && c != ')' {
                continue;
            }
            let pos = line.start + k;
            while next_span < shielded.len() && shielded[next_span].1 <= pos {
                next_span += 1;
            }
            if shielded[next_span..]
                .iter()
                .take_while(|&&(a, _)| a <= pos)
                .any(|&(a, e)| a <= pos && pos < e)
            {
                continue;
            }
            if c == '(' {
                open.push(pos);
            } else {
                // "1)" or "a)" at the start of a line is a list marker.
                let before = text[..k].trim_start();
                let marker = before.len() <= 2 && before.chars().all(char::is_alphanumeric);
                if open.pop().is_none() && !marker {
                    out.push(
                        Raw::at("proofread.unbalanced", (pos, pos + 1))
                            .detail("This bracket closes but never opens."),
                    );
                }
            }
        }
        for pos in open {
            out.push(
                Raw::at("proofread.unbalanced", (pos, pos + 1))
                    .detail("This bracket is never closed."),
            );
        }
    }
}
