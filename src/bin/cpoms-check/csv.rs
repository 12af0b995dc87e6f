//! A small RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes.

/// Rows with the line number each starts on. An unclosed quotation is an error naming its line.
pub fn parse(input: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let input = input.trim_start_matches('\u{feff}');
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = input.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            ',' => {
                row.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                if !(row.len() == 1 && row[0].is_empty()) {
                    rows.push((row_line, std::mem::take(&mut row)));
                }
                row.clear();
                line += 1;
                row_line = line;
                at_field_start = true;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err(format!("line {row_line}: a quoted field is never closed"));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push((row_line, row));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_newlines() {
        let rows =
            parse("text,staff\n\"Derek said \"\"no\"\", then\nleft\",JBloggs\r\nplain,GBrown\n")
                .unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[1],
            (
                2,
                vec![
                    "Derek said \"no\", then\nleft".to_string(),
                    "JBloggs".to_string()
                ]
            )
        );
        assert_eq!(rows[2].0, 4);
        assert!(parse("a\n\"open").unwrap_err().contains("line 2"));
    }
}
