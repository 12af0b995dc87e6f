//! A syntax check for the CSS selectors a school gives in its settings (`selectors`), so a
//! selector that cannot parse is refused when it is entered rather than silently finding
//! nothing on the CPOMS page. The engine has no browser to ask, so this follows the
//! Selectors Level 4 grammar for what a page's fields are found by: type and `*`, `#id`,
//! `.class`, `[attr]` with its operators, quoted values and `i`/`s` flags, pseudo-classes
//! (`:not()`, `:is()`, `:where()`, `:has()`, `:nth-*()` with `An+B [of S]`, …), the four
//! combinators and `,`. Namespaces (`svg|a`), comments and the column combinator are refused:
//! no CPOMS form needs them, and refusing is safer than guessing what a browser accepts.
//! Pseudo-elements (`::before`) are refused too: `querySelector` never returns one. It is
//! stricter than a browser in one way on purpose: a bracket left open at the end (`a[href`),
//! a lone `\` at the end, or a broken selector inside `:is()`, which a browser closes or
//! forgives silently, is a typing slip here.

/// Pseudo-classes every current browser's `querySelector` accepts without arguments.
const PSEUDO_CLASSES: &[&str] = &[
    "active",
    "any-link",
    "autofill",
    "checked",
    "default",
    "defined",
    "disabled",
    "empty",
    "enabled",
    "first-child",
    "first-of-type",
    "focus",
    "focus-visible",
    "focus-within",
    "fullscreen",
    "hover",
    "in-range",
    "indeterminate",
    "invalid",
    "last-child",
    "last-of-type",
    "link",
    "modal",
    "only-child",
    "only-of-type",
    "optional",
    "out-of-range",
    "placeholder-shown",
    "read-only",
    "read-write",
    "required",
    "root",
    "scope",
    "target",
    "user-invalid",
    "user-valid",
    "valid",
    "visited",
];

/// Names CSS 2 let a single colon take for a pseudo-element.
const LEGACY_PSEUDO_ELEMENTS: &[&str] = &["before", "after", "first-line", "first-letter"];

/// `Ok` when `selector` parses as a selector list; otherwise why not, naming the place
/// (characters counted from 1) so the person can find it.
pub fn check_selector(selector: &str) -> Result<(), String> {
    let chars: Vec<char> = selector.chars().collect();
    let mut p = Parser { s: &chars, i: 0 };
    p.list(false, None)?;
    match p.peek() {
        None => Ok(()),
        Some(c) => Err(p.unexpected(c)),
    }
}

struct Parser<'a> {
    s: &'a [char],
    i: usize,
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || !c.is_ascii()
}

fn is_name(c: char) -> bool {
    is_name_start(c) || c.is_ascii_digit() || c == '-'
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn at(&self, n: usize) -> Option<char> {
        self.s.get(self.i + n).copied()
    }

    /// Skips whitespace; whether there was any.
    fn ws(&mut self) -> bool {
        let from = self.i;
        while self.peek().is_some_and(is_ws) {
            self.i += 1;
        }
        self.i > from
    }

    /// 1-based place of the character at `i`, as the person counts.
    fn place(i: usize) -> usize {
        i + 1
    }

    fn unexpected(&self, c: char) -> String {
        format!("unexpected {c} at character {}", Self::place(self.i))
    }

    /// A backslash escape starts here (a backslash then anything but a line break).
    fn escape_here(&self) -> bool {
        self.peek() == Some('\\') && self.at(1).is_some_and(|c| c != '\n' && c != '\r')
    }

    fn escape(&mut self) {
        self.i += 1; // the backslash
        let hex = self.s[self.i..]
            .iter()
            .take(6)
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        if hex == 0 {
            self.i += 1;
        } else {
            self.i += hex;
            if self.peek().is_some_and(is_ws) {
                self.i += 1;
            }
        }
    }

    /// An identifier (`-`? then a name start or escape, or `--`, then name characters),
    /// returned lower-cased without escapes resolved; `None` (and nothing consumed) if none
    /// starts here.
    fn ident(&mut self) -> Option<String> {
        let from = self.i;
        let start_ok = |p: &Self, n: usize| {
            p.at(n).is_some_and(is_name_start)
                || (p.at(n) == Some('\\') && p.at(n + 1).is_some_and(|c| c != '\n' && c != '\r'))
        };
        let ok = if self.peek() == Some('-') {
            self.at(1) == Some('-') || start_ok(self, 1)
        } else {
            start_ok(self, 0)
        };
        if !ok {
            return None;
        }
        loop {
            if self.escape_here() {
                self.escape();
            } else if self.peek().is_some_and(is_name) {
                self.i += 1;
            } else {
                break;
            }
        }
        Some(
            self.s[from..self.i]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase(),
        )
    }

    /// A selector list up to the `)` that closes `open`, or to the end of the text. `relative` lets each
    /// selector start with a combinator, as inside `:has()`.
    fn list(&mut self, relative: bool, open: Option<usize>) -> Result<(), String> {
        let mut after = open.map(|o| ('(', o));
        loop {
            self.complex(relative, after)?;
            self.ws();
            if self.peek() == Some(',') {
                after = Some((',', self.i));
                self.i += 1;
                continue;
            }
            break;
        }
        if let Some(open) = open {
            if self.peek() != Some(')') {
                return Err(match self.peek() {
                    None => format!("the ( at character {} is never closed", Self::place(open)),
                    Some(c) => self.unexpected(c),
                });
            }
            self.i += 1;
        }
        Ok(())
    }

    /// Compound selectors joined by combinators. `after` is the `,` or `(` just before, for
    /// the message when nothing follows it.
    fn complex(&mut self, relative: bool, after: Option<(char, usize)>) -> Result<(), String> {
        self.ws();
        let mut after = after;
        if relative && matches!(self.peek(), Some('>' | '+' | '~')) {
            after = Some((self.peek().unwrap_or(' '), self.i));
            self.i += 1;
            self.ws();
        }
        self.compound(after)?;
        loop {
            let spaced = self.ws();
            match self.peek() {
                Some(c @ ('>' | '+' | '~')) => {
                    let at = self.i;
                    self.i += 1;
                    self.ws();
                    self.compound(Some((c, at)))?;
                }
                None | Some(',' | ')') => return Ok(()),
                Some(_) if spaced => self.compound(Some((' ', self.i)))?,
                Some(c) => return Err(self.unexpected(c)),
            }
        }
    }

    fn compound(&mut self, after: Option<(char, usize)>) -> Result<(), String> {
        let from = self.i;
        if self.peek() == Some('*') {
            self.i += 1;
        } else {
            self.ident();
        }
        if self.peek() == Some('|') && self.i > from {
            return Err(format!(
                "namespaces (| at character {}) are not supported; leave the namespace out",
                Self::place(self.i)
            ));
        }
        loop {
            match self.peek() {
                Some(c @ ('#' | '.')) => {
                    let at = self.i;
                    self.i += 1;
                    if self.ident().is_none() {
                        let what = if c == '#' { "an id" } else { "a class name" };
                        return Err(format!(
                            "{what} must follow the {c} at character {}",
                            Self::place(at)
                        ));
                    }
                }
                Some('[') => self.attribute()?,
                Some(':') => self.pseudo()?,
                _ => break,
            }
        }
        if self.i > from {
            return Ok(());
        }
        match (self.peek(), after) {
            (None | Some(',' | ')'), Some((c, at))) if c != ' ' => Err(format!(
                "nothing follows the {c} at character {}",
                Self::place(at)
            )),
            (None, _) => Err("is empty".to_string()),
            (Some(','), None) => Err(format!(
                "nothing comes before the , at character {}",
                Self::place(self.i)
            )),
            (Some('/'), _) => Err(format!(
                "comments (/ at character {}) are not supported",
                Self::place(self.i)
            )),
            (Some(c), _) => Err(self.unexpected(c)),
        }
    }

    /// `[name]`, `[name op value]`, `[name op value i]`.
    fn attribute(&mut self) -> Result<(), String> {
        let open = self.i;
        let unclosed = || format!("the [ at character {} is never closed", Self::place(open));
        self.i += 1;
        self.ws();
        if self.ident().is_none() {
            return Err(match self.peek() {
                None => unclosed(),
                Some(_) => format!(
                    "an attribute name must follow the [ at character {}",
                    Self::place(open)
                ),
            });
        }
        self.ws();
        match (self.peek(), self.at(1)) {
            (Some(']'), _) => {
                self.i += 1;
                return Ok(());
            }
            (Some('='), _) => self.i += 1,
            (Some('~' | '|' | '^' | '$' | '*'), Some('=')) => self.i += 2,
            (None, _) => return Err(unclosed()),
            (Some(c), _) => return Err(self.unexpected(c)),
        }
        self.ws();
        match self.peek() {
            Some(q @ ('"' | '\'')) => self.string(q)?,
            _ => {
                if self.ident().is_none() {
                    return Err(match self.peek() {
                        None => unclosed(),
                        Some(_) => format!(
                            "the value at character {} needs quotation marks",
                            Self::place(self.i)
                        ),
                    });
                }
            }
        }
        let spaced = self.ws();
        if spaced
            && matches!(self.peek(), Some('i' | 's' | 'I' | 'S'))
            && !self.at(1).is_some_and(is_name)
        {
            self.i += 1;
            self.ws();
        }
        match self.peek() {
            Some(']') => {
                self.i += 1;
                Ok(())
            }
            None => Err(unclosed()),
            Some(c) => Err(self.unexpected(c)),
        }
    }

    fn string(&mut self, quote: char) -> Result<(), String> {
        let open = self.i;
        self.i += 1;
        loop {
            match self.peek() {
                None | Some('\n' | '\r' | '\u{c}') => {
                    return Err(format!(
                        "the quotation mark at character {} is never closed",
                        Self::place(open)
                    ))
                }
                Some('\\') => self.i += 2,
                Some(c) if c == quote => {
                    self.i += 1;
                    return Ok(());
                }
                Some(_) => self.i += 1,
            }
        }
    }

    /// `:name` or `:name(…)`.
    fn pseudo(&mut self) -> Result<(), String> {
        let colon = self.i;
        self.i += 1;
        if self.peek() == Some(':') {
            return Err(format!(
                "the pseudo-element at character {} is never a field (querySelector cannot return one)",
                Self::place(colon)
            ));
        }
        let Some(name) = self.ident() else {
            return Err(format!(
                "a pseudo-class name must follow the : at character {}",
                Self::place(colon)
            ));
        };
        let vendor = name.starts_with("-webkit-") || name.starts_with("-moz-");
        if LEGACY_PSEUDO_ELEMENTS.contains(&name.as_str()) {
            return Err(format!(
                "“:{name}” at character {} is a pseudo-element, never a field (querySelector cannot return one)",
                Self::place(colon)
            ));
        }
        if self.peek() != Some('(') {
            return if PSEUDO_CLASSES.contains(&name.as_str()) || vendor {
                Ok(())
            } else {
                Err(format!(
                    "“:{name}” at character {} is not a pseudo-class",
                    Self::place(colon)
                ))
            };
        }
        let open = self.i;
        self.i += 1;
        self.ws();
        match name.as_str() {
            "not" | "is" | "where" | "has" => self.list(name == "has", Some(open)),
            "nth-child" | "nth-last-child" | "nth-of-type" | "nth-last-of-type" => {
                self.nth(&name, open)
            }
            "lang" | "dir" => self.languages(&name, open),
            _ if vendor => self.balanced(open),
            _ => Err(format!(
                "“:{name}()” at character {} is not a pseudo-class",
                Self::place(colon)
            )),
        }
    }

    /// `An+B`, `odd` or `even`, and for `:nth-child` an optional `of S`, then `)`.
    fn nth(&mut self, name: &str, open: usize) -> Result<(), String> {
        let from = self.i;
        let word = self.ident();
        let ok = match word.as_deref() {
            Some("odd" | "even") => true,
            _ => {
                // Rewind: `n`, `-n+2` and `n-1` start like identifiers.
                self.i = from;
                let anb = |c: char| c.is_ascii_digit() || matches!(c, 'n' | 'N' | '+' | '-');
                while let Some(c) = self.peek() {
                    // A space belongs to An+B only inside it: stop before `of` or `)`.
                    let inside = is_ws(c)
                        && self.s[self.i..]
                            .iter()
                            .find(|c| !is_ws(**c))
                            .is_some_and(|c| anb(*c));
                    if !(anb(c) || inside) {
                        break;
                    }
                    self.i += 1;
                }
                an_plus_b(&self.s[from..self.i].iter().collect::<String>())
            }
        };
        if !ok {
            return Err(format!(
                "“:{name}()” at character {} needs a position such as 2, odd, even or 2n+1",
                Self::place(open)
            ));
        }
        self.ws();
        if name.ends_with("child") && self.peek().is_some_and(|c| c == 'o' || c == 'O') {
            let at = self.i;
            if self.ident().as_deref() == Some("of") && self.ws() {
                return self.list(false, Some(open));
            }
            self.i = at;
        }
        match self.peek() {
            Some(')') => {
                self.i += 1;
                Ok(())
            }
            None => Err(format!(
                "the ( at character {} is never closed",
                Self::place(open)
            )),
            Some(c) => Err(self.unexpected(c)),
        }
    }

    /// `:lang()`'s languages (names or quoted, separated by commas) or `:dir()`'s direction,
    /// then `)`.
    fn languages(&mut self, name: &str, open: usize) -> Result<(), String> {
        loop {
            match self.peek() {
                Some(q @ ('"' | '\'')) if name == "lang" => self.string(q)?,
                _ => {
                    if self.ident().is_none() {
                        return Err(format!(
                            "“:{name}()” at character {} needs a {} such as {}",
                            Self::place(open),
                            if name == "lang" {
                                "language"
                            } else {
                                "direction"
                            },
                            if name == "lang" { "en-GB" } else { "ltr" }
                        ));
                    }
                }
            }
            self.ws();
            match self.peek() {
                Some(',') if name == "lang" => {
                    self.i += 1;
                    self.ws();
                }
                Some(')') => {
                    self.i += 1;
                    return Ok(());
                }
                None => {
                    return Err(format!(
                        "the ( at character {} is never closed",
                        Self::place(open)
                    ))
                }
                Some(c) => return Err(self.unexpected(c)),
            }
        }
    }

    /// Anything with balanced brackets and closed strings up to the `)` that closes `open`,
    /// not empty: the arguments of vendor pseudo-classes.
    fn balanced(&mut self, open: usize) -> Result<(), String> {
        let mut stack = vec![(')', open)];
        let from = self.i;
        while let Some(c) = self.peek() {
            match c {
                '"' | '\'' => {
                    self.string(c)?;
                    continue;
                }
                '\\' => self.i += 1,
                '(' => stack.push((')', self.i)),
                '[' => stack.push((']', self.i)),
                ')' | ']' => {
                    if stack.last().map(|s| s.0) != Some(c) {
                        return Err(self.unexpected(c));
                    }
                    stack.pop();
                    if stack.is_empty() {
                        self.i += 1;
                        return if self.s[from..self.i - 1].iter().all(|c| is_ws(*c)) {
                            Err(format!(
                                "nothing is inside the ( at character {}",
                                Self::place(open)
                            ))
                        } else {
                            Ok(())
                        };
                    }
                }
                _ => {}
            }
            self.i += 1;
        }
        let (close, at) = stack.last().copied().unwrap_or((')', open));
        let bracket = if close == ')' { '(' } else { '[' };
        Err(format!(
            "the {bracket} at character {} is never closed",
            Self::place(at)
        ))
    }
}

/// `An+B` as CSS writes a position: `3`, `-n+3`, `2n`, `2n + 1`, `n- 1`.
fn an_plus_b(text: &str) -> bool {
    let t = text.trim();
    let integer = |s: &str| {
        let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
    };
    if integer(t) {
        return true;
    }
    let Some(n) = t.find(['n', 'N']) else {
        return false;
    };
    let (a, b) = (&t[..n], t[n + 1..].trim_start());
    let a_ok = a
        .strip_prefix(['+', '-'])
        .unwrap_or(a)
        .chars()
        .all(|c| c.is_ascii_digit());
    let b_ok = b.is_empty()
        || b.strip_prefix(['+', '-']).is_some_and(|rest| {
            integer(rest.trim_start()) && !rest.trim_start().starts_with(['+', '-'])
        });
    a_ok && b_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_selectors_a_school_writes() {
        for good in [
            "textarea",
            "*",
            "#incident_details",
            "#incident_details .ql-editor",
            "div.details .ql-editor",
            "textarea[name=\"record[text]\"]",
            "input[name='a\\'b']",
            "[data-field=categories] > label:nth-of-type(2)",
            "form > div:nth-of-type(3) > select",
            "body > div:nth-of-type(1) > input:nth-of-type(2)",
            "li:nth-child(2n + 1)",
            "li:nth-child(-n+3 of .item)",
            "li:nth-last-child(odd)",
            "li:nth-child( even )",
            "input[type=checkbox]:checked",
            "select:not([multiple]), input:is(.a, .b)",
            "div:has(> label.students) select",
            "div:where(.x) ~ p + span",
            "[class^=\"ql\" i]",
            "[ data-x ]",
            "a[href$='.pdf' s]",
            ".-foo",
            ".--x",
            ".a\\:b",
            "#\\31 23",
            "#école",
            ":lang(en-GB)",
            ":lang(en, \"*-GB\")",
            "p:dir(rtl)",
            "input:-webkit-autofill",
            "my-widget[aria-pressed=true]",
            "  div  >  p  ",
            "div\n  p",
        ] {
            assert_eq!(check_selector(good), Ok(()), "{good:?}");
        }
    }

    #[test]
    fn refuses_what_a_browser_cannot_parse_and_says_where() {
        for (bad, why) in [
            ("#a[", "the [ at character 3 is never closed"),
            ("..x", "a class name must follow the . at character 1"),
            ("div >", "nothing follows the > at character 5"),
            ("div,", "nothing follows the , at character 4"),
            (", div", "nothing comes before the , at character 1"),
            ("#", "an id must follow the # at character 1"),
            ("#1a", "an id must follow the # at character 1"),
            ("a[href", "the [ at character 2 is never closed"),
            (
                "a[href=\"x]",
                "the quotation mark at character 8 is never closed",
            ),
            ("a[href=x y]", "unexpected y at character 10"),
            (
                "a[=x]",
                "an attribute name must follow the [ at character 2",
            ),
            (
                "a[href=1px]",
                "the value at character 8 needs quotation marks",
            ),
            ("div)", "unexpected ) at character 4"),
            ("div > > p", "unexpected > at character 7"),
            (":not(.a", "the ( at character 5 is never closed"),
            (":not()", "nothing follows the ( at character 5"),
            (":nth-child(x)", "needs a position"),
            (":nth-child(2 n)", "needs a position"),
            (":hoverr", "“:hoverr” at character 1 is not a pseudo-class"),
            (":", "a pseudo-class name must follow the : at character 1"),
            ("p::before", "pseudo-element at character 2"),
            ("p:after", "pseudo-element"),
            ("svg|a", "namespaces"),
            ("div /* x */", "comments"),
            ("a || b", "unexpected |"),
            ("div*", "unexpected * at character 4"),
            ("a\\", "unexpected \\ at character 2"),
            (":-webkit-any()", "nothing is inside the ( at character 13"),
            (
                ":lang()",
                "“:lang()” at character 6 needs a language such as en-GB",
            ),
            (":lang(1)", "needs a language"),
            (":lang(.y)", "needs a language"),
            (":lang(en >)", "unexpected > at character 10"),
            (":dir(ltr, rtl)", "unexpected , at character 9"),
            ("", "is empty"),
            ("   ", "is empty"),
        ] {
            let got = check_selector(bad);
            assert!(
                got.as_ref().is_err_and(|e| e.contains(why)),
                "{bad:?}: {got:?}, wanted {why:?}"
            );
        }
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        assert_eq!(
            check_selector("#école >"),
            Err("nothing follows the > at character 8".to_string())
        );
    }
}

/// Property tests: native only (proptest is not a dependency of the wasm32 test build,
/// where the page layer's unit tests run).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A selector built from the grammar's pieces, so it must be accepted.
    fn valid_selector() -> impl Strategy<Value = String> {
        let simple = prop::sample::select(vec![
            "#incident_details",
            ".ql-editor",
            "[name=\"record[text]\"]",
            "[data-x]",
            "[class~='a b' i]",
            ":checked",
            ":nth-of-type(2)",
            ":not(.a, #b)",
            ":has(> label)",
        ]);
        let compound = (
            prop::sample::select(vec!["", "div", "*", "textarea", "my-widget"]),
            prop::collection::vec(simple, 0..4),
        )
            .prop_filter_map("a compound is not empty", |(t, parts)| {
                let c = format!("{t}{}", parts.concat());
                (!c.is_empty()).then_some(c)
            });
        let combinator = prop::sample::select(vec![" ", " > ", "+", " ~ ", "\n"]);
        (
            compound.clone(),
            prop::collection::vec((combinator, compound), 0..4),
        )
            .prop_map(|(first, rest)| {
                rest.into_iter()
                    .fold(first, |s, (c, part)| format!("{s}{c}{part}"))
            })
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(text in any::<String>()) {
            let _ = check_selector(&text);
        }

        #[test]
        fn never_panics_on_near_selectors(text in "[#.:\\[\\]()\"'=~^$*|>+, a-z0-9\\\\-]{0,24}") {
            let _ = check_selector(&text);
        }

        #[test]
        fn accepts_what_the_grammar_builds(list in prop::collection::vec(valid_selector(), 1..3)) {
            let s = list.join(", ");
            prop_assert_eq!(check_selector(&s), Ok(()), "{}", s);
        }
    }

    #[test]
    fn an_plus_b_forms() {
        for good in [
            "1", "+5", "-2", "n", "-n", "+n", "2n", "2n+1", "2n + 1", "-n+3", "n- 1", "10N-3",
        ] {
            assert!(an_plus_b(good), "{good}");
        }
        for bad in [
            "", "x", "2 n", "n+", "n + + 1", "1.5", "2n+1n", "+ 2n", "n 1",
        ] {
            assert!(!an_plus_b(bad), "{bad}");
        }
    }
}
