//! Writing the report without harming anything: never over the export, never over a file
//! that `audit` did not write (unless `--force`), and through a temporary file renamed into
//! place, so an interrupted run leaves the old report whole.

use crate::show_path;
use std::io::{Read, Write};
use std::path::Path;

/// Marks a file as written by `audit` (in the HTML's `<meta name=generator>`, the JSON's
/// `generator`), so a second run may replace it.
pub const GENERATOR: &str = "cpoms-check audit";

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) if x == y => return true,
        _ => {}
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

/// Whether `out` may be written: checked before the audit starts, so a long run does not end
/// in a refusal.
pub fn may_write(out: &Path, export: &Path, force: bool) -> Result<(), String> {
    if same_file(out, export) {
        return Err(format!(
            "will not write the report to {}: it is the export being audited",
            show_path(out)
        ));
    }
    let folder = out.parent().filter(|p| !p.as_os_str().is_empty());
    if folder.is_some_and(|f| !f.is_dir()) {
        return Err(format!(
            "cannot write {}: its folder does not exist",
            show_path(out)
        ));
    }
    if !out.exists() || force {
        return Ok(());
    }
    let mut head = Vec::new();
    let ours = std::fs::File::open(out)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .is_ok()
        && String::from_utf8_lossy(&head).contains(GENERATOR);
    if ours {
        Ok(())
    } else {
        Err(format!(
            "{} already exists and was not written by audit; choose another name, or add --force to replace it",
            show_path(out)
        ))
    }
}

pub fn write(out: &Path, contents: &str) -> Result<(), String> {
    let cannot = |e: std::io::Error| format!("cannot write {}: {e}", show_path(out));
    let mut tmp_name = out.file_name().unwrap_or_default().to_os_string();
    tmp_name.push(".cpoms-check-partial");
    let tmp = out.with_file_name(tmp_name);
    let mut f = std::fs::File::create(&tmp).map_err(cannot)?;
    let written = f
        .write_all(contents.as_bytes())
        .and_then(|()| f.sync_all())
        .and_then(|()| std::fs::rename(&tmp, out));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(cannot)
}
