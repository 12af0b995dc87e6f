//! Direct quotations: the child's (or anyone's) own words, which rules on the writer's
//! language must never flag. Straight and curly quotes; apostrophes (`Derek’s`,
//! `don’t`, `boys’`) are not quotes.

/// A quotation: byte span including its marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
}

/// A mark with no partner, for proof-reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stray {
    pub pos: usize,
    pub ch: char,
}

#[derive(Clone, Copy, PartialEq)]
enum Open {
    Straight,
    Curly,
}

/// Finds quotations line by line (a quotation never runs past a line break).
pub fn find_quotes(text: &str) -> (Vec<Quote>, Vec<Stray>) {
    let mut quotes = Vec::new();
    let mut strays = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        scan_line(line, line_start, &mut quotes, &mut strays);
        line_start += line.len();
    }
    crate::order::sort_by_key(&mut quotes, |q| q.start);
    // Keep only outermost quotations (a single quote inside a double one is nested).
    let mut outer: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes {
        match outer.last() {
            Some(last) if q.start < last.end => {}
            _ => outer.push(q),
        }
    }
    (outer, strays)
}

fn scan_line(line: &str, base: usize, quotes: &mut Vec<Quote>, strays: &mut Vec<Stray>) {
    // Only the marks matched below open or close anything: a line without one has nothing.
    if !line.contains(['“', '„', '”', '"', '‘', '\'', '’']) {
        return;
    }
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut double: Option<(usize, Open)> = None;
    let mut single: Option<usize> = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|p| p.1);
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        match c {
            '“' | '„' => {
                if let Some((p, kind)) = double {
                    strays.push(Stray {
                        pos: base + p,
                        ch: if kind == Open::Curly {
                            line[p..].chars().next().unwrap_or('“')
                        } else {
                            '"'
                        },
                    });
                }
                double = Some((i, Open::Curly));
            }
            '”' => match double.take() {
                Some((p, _)) => quotes.push(Quote {
                    start: base + p,
                    end: base + i + c.len_utf8(),
                }),
                None => strays.push(Stray {
                    pos: base + i,
                    ch: c,
                }),
            },
            '"' => match double.take() {
                Some((p, _)) => quotes.push(Quote {
                    start: base + p,
                    end: base + i + 1,
                }),
                None => double = Some((i, Open::Straight)),
            },
            '‘' | '\'' | '’' => {
                if word(prev) && word(next) {
                    continue; // don't, Derek’s
                }
                let opens = !word(prev) && word(next) && c != '’';
                if opens && single.is_none() {
                    single = Some(i);
                } else if let Some(p) = single {
                    if !opens {
                        quotes.push(Quote {
                            start: base + p,
                            end: base + i + c.len_utf8(),
                        });
                        single = None;
                    }
                }
                // Otherwise a lone apostrophe (boys’ toilets, ’cause).
            }
            _ => {}
        }
    }
    if let Some((p, kind)) = double {
        strays.push(Stray {
            pos: base + p,
            ch: line[p..].chars().next().unwrap_or('"'),
        });
        if kind == Open::Curly {
            // An unclosed curly quotation still holds someone's words: protect them.
            let end = line.trim_end_matches(['\n', '\r']).len();
            quotes.push(Quote {
                start: base + p,
                end: base + end,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(t: &str) -> Vec<&str> {
        find_quotes(t)
            .0
            .iter()
            .map(|q| &t[q.start..q.end])
            .collect()
    }

    #[test]
    fn curly_straight_and_single_quotes() {
        assert_eq!(
            quoted("Derek said “My mum’s here” and left."),
            ["“My mum’s here”"]
        );
        assert_eq!(
            quoted(r#"Ethan said "You did that on purpose" and Jayden replied "So what?""#),
            [r#""You did that on purpose""#, r#""So what?""#]
        );
        assert_eq!(
            quoted("an account called 'y9_truths'. The girls' toilets"),
            ["'y9_truths'"]
        );
        assert_eq!(quoted("she is ‘enjoying art’ and"), ["‘enjoying art’"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("Derek’s mum didn’t know; the boys’ bags; Mr Davies' lesson").is_empty());
        assert!(find_quotes("Derek’s mum didn’t know").1.is_empty());
    }

    #[test]
    fn nested_single_inside_double_is_one_quotation() {
        assert_eq!(
            quoted("said: “They call me ‘smelly’ every day.” Then"),
            ["“They call me ‘smelly’ every day.”"]
        );
    }

    #[test]
    fn unbalanced_marks_are_reported() {
        let (q, s) = find_quotes("Derek said “I want to go home.\nNext line.");
        assert_eq!(s.len(), 1);
        assert_eq!(
            q.len(),
            1,
            "the unclosed curly quotation still protects the words"
        );
        let (_, s) = find_quotes("He said ” twice");
        assert_eq!(s.len(), 1);
    }
}
