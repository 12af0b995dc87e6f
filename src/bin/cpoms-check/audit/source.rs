//! Opening an export as it comes: the encoding (UTF-8 with or without a byte-order mark, or
//! Excel's Windows-1252) and the delimiter (`,` `;` or tab) are found from the first 64 KB,
//! and every line-ending convention (LF, CRLF, CR alone) is read. The file is then read
//! record by record, never whole.

use crate::show_path;
use std::borrow::Cow;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

const SAMPLE_BYTES: usize = 64 * 1024;

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Windows1252,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with a byte-order mark",
            Encoding::Windows1252 => "Windows-1252 (Excel's “CSV”)",
        }
    }
}

pub struct Source {
    pub encoding: Encoding,
    pub delimiter: u8,
    pub size: u64,
    /// Bytes read so far, for the progress bar.
    pub read: Arc<AtomicU64>,
    pub reader: csv::Reader<Box<dyn Read + Send>>,
}

pub fn delimiter_name(d: u8) -> &'static str {
    match d {
        b';' => "semicolon",
        b'\t' => "tab",
        _ => "comma",
    }
}

pub fn open(path: &Path) -> Result<Source, String> {
    let name = show_path(path);
    let cannot = |e: std::io::Error| format!("cannot read {name}: {e}");
    let mut file = File::open(path).map_err(cannot)?;
    let size = file.metadata().map_err(cannot)?.len();
    let mut sample = Vec::new();
    (&mut file)
        .take(SAMPLE_BYTES as u64)
        .read_to_end(&mut sample)
        .map_err(cannot)?;
    if sample.starts_with(&[0xff, 0xfe]) || sample.starts_with(&[0xfe, 0xff]) {
        return Err(format!(
            "{name} is UTF-16 text; save it as “CSV UTF-8” (or plain CSV) and run audit again"
        ));
    }
    let bom = sample.starts_with(&[0xef, 0xbb, 0xbf]);
    let encoding = if bom {
        Encoding::Utf8Bom
    } else {
        match std::str::from_utf8(&sample) {
            Ok(_) => Encoding::Utf8,
            // Cut mid-character at the end of the sample: still UTF-8.
            Err(e) if e.error_len().is_none() => Encoding::Utf8,
            Err(_) => Encoding::Windows1252,
        }
    };
    let delimiter = sniff_delimiter(&sample);
    let cr_only = sample.contains(&b'\r') && !sample.contains(&b'\n');
    let read = Arc::new(AtomicU64::new(0));
    let body = std::io::Cursor::new(sample).chain(file);
    let counted = Counted {
        inner: body,
        read: Arc::clone(&read),
    };
    let mut input: Box<dyn Read + Send> = Box::new(BufReader::with_capacity(256 * 1024, counted));
    if bom {
        let mut skip = [0; 3];
        input.read_exact(&mut skip).map_err(cannot)?;
    }
    if cr_only {
        // The reader counts lines by LF; an old-Mac file's CRs become LFs so line numbers hold.
        input = Box::new(CrToLf { inner: input });
    }
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    Ok(Source {
        encoding,
        delimiter,
        size,
        read,
        reader,
    })
}

/// The delimiter that occurs most on the first line outside quotes; a comma when none does.
fn sniff_delimiter(sample: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in sample {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// A cell's text: UTF-8 as it is; otherwise (Windows-1252 files, or a stray byte in a
/// UTF-8 one) decoded as Windows-1252, where every byte is a character, so nothing is lost.
/// The flag says whether a UTF-8 file's cell had to be read so.
/// Borrowed when the bytes are already the text (nearly every cell): the caller trims it
/// and copies it once.
pub fn decode(bytes: &[u8], encoding: Encoding) -> (Cow<'_, str>, bool) {
    if encoding != Encoding::Windows1252 {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return (Cow::Borrowed(s), false);
        }
    } else if bytes.is_ascii() {
        return (String::from_utf8_lossy(bytes), false);
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    (text, encoding != Encoding::Windows1252)
}

struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

struct CrToLf<R> {
    inner: R,
}

impl<R: Read> Read for CrToLf<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for b in &mut buf[..n] {
            if *b == b'\r' {
                *b = b'\n';
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_delimiter_on_the_first_line() {
        assert_eq!(sniff_delimiter(b"Date;Incident;Staff\n1,2;3"), b';');
        assert_eq!(sniff_delimiter(b"Date\tIncident\r\n"), b'\t');
        assert_eq!(sniff_delimiter(b"\"a;b\",c\n"), b',');
        assert_eq!(sniff_delimiter(b"Incident\n"), b',');
    }

    #[test]
    fn decodes_windows_1252_without_loss() {
        assert_eq!(
            decode(b"caf\xe9 \x93hi\x94", Encoding::Windows1252).0,
            "café “hi”"
        );
        assert_eq!(
            decode(b"caf\xe9", Encoding::Utf8),
            (Cow::Borrowed("café"), true)
        );
        assert_eq!(
            decode("café".as_bytes(), Encoding::Utf8),
            (Cow::Borrowed("café"), false)
        );
    }
}
