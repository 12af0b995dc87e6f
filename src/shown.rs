//! A value from the input as an error message shows it: on one line, with control
//! characters escaped (no raw terminal escape sequence reaches the terminal) and cut short,
//! so a one-megabyte key or a pasted paragraph does not flood the message.

/// The most characters of a value an error message repeats.
pub const MAX_SHOWN: usize = 80;

/// `s` escaped and shortened to at most [`MAX_SHOWN`] characters (then `…`).
pub fn shown(s: &str) -> String {
    one_line(s, MAX_SHOWN)
}

/// A whole message on one line: control characters escaped, and past `max` characters cut
/// with `…`. The last line of defence for text that reaches stderr.
pub fn one_line(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (n, c) in s.chars().enumerate() {
        if n == max {
            out.push('…');
            break;
        }
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        // C0, DEL, C1 (ESC and CSI start terminal sequences), and the line and paragraph
        // separators and bidirectional controls that reorder or break a line on screen.
        c if c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c) =>
        {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
        c => out.push(c),
    }
}

/// 199812 → "199,812": a count as a person reads it (in the chip and the audit's report).
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_in_threes() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(199_812), "199,812");
        assert_eq!(thousands(100_000_000), "100,000,000");
    }

    #[test]
    fn escapes_control_characters_and_shortens() {
        assert_eq!(shown("a\nb\x1b[31mc"), "a\\nb\\u{1b}[31mc");
        assert_eq!(shown("Derek"), "Derek");
        let long = "x".repeat(1_000_000);
        let s = shown(&long);
        assert_eq!(s.chars().count(), MAX_SHOWN + 1);
        assert!(s.ends_with('…'));
        assert_eq!(one_line("one\r\ntwo\u{2028}", 100), "one\\r\\ntwo\\u{2028}");
        assert_eq!(one_line("abcdef", 3), "abc…");
    }
}
