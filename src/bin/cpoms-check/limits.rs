//! How much the tool reads: every input has a documented ceiling, checked while reading, so
//! `check /dev/zero` or a runaway pipe stops with a clear error instead of filling memory.
//! The figures behind the ceilings (time and memory per input byte) are in RELIABILITY.md.

use crate::show_path;
use std::io::Read;
use std::path::Path;

/// One entry's input (text or JSON). The extension caps an entry at 100,000 characters
/// (at most 400,000 bytes of UTF-8); the command line allows 25 times that for pasted
/// exports and tests, and no more, so the engine's memory stays bounded.
pub const CHECK_BYTES: u64 = 10_000_000;

/// A policy file: settings are a few kilobytes.
pub const POLICY_BYTES: u64 = 1_000_000;

/// "10 MB": a limit as a person reads it.
pub fn megabytes(limit: u64) -> String {
    format!("{} MB", limit / 1_000_000)
}

/// Reads a file (or standard input for `None` or `-`) as UTF-8 text, at most `limit` bytes.
pub fn read_text(path: Option<&Path>, limit: u64) -> Result<String, String> {
    let stdin = path.is_none_or(|p| p.as_os_str() == "-");
    let name = match path {
        Some(p) if !stdin => show_path(p),
        _ => "standard input".to_string(),
    };
    let mut bytes = Vec::new();
    let read = if stdin {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path.unwrap_or(Path::new("-")))
            .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{name} is larger than the {} limit for this input; check one entry at a time",
            megabytes(limit)
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_at_the_limit_with_a_reason() {
        let dir = std::env::temp_dir().join(format!("cpoms-limits-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("big.txt");
        std::fs::write(&f, "x".repeat(11)).unwrap();
        assert_eq!(read_text(Some(&f), 11).unwrap().len(), 11);
        let e = read_text(Some(&f), 10).unwrap_err();
        assert!(e.contains("limit"), "{e}");
        std::fs::write(&f, [b'a', 0xff]).unwrap();
        assert!(read_text(Some(&f), 10).unwrap_err().contains("byte 1"));
        assert!(read_text(Some(&dir.join("none")), 10)
            .unwrap_err()
            .starts_with("cannot read"));
    }
}
