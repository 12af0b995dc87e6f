//! Charts as inline SVG: no script, no request, and shades that stay apart in greyscale
//! (a dark bar on a light track), so a printed copy reads as well as the screen.

use std::fmt::Write as _;

fn esc(s: &str) -> String {
    super::html::esc(s)
}

/// Horizontal bars, one per row: a label, a share (0–100) and the figure printed beside it.
pub fn bars(title: &str, rows: &[(String, f64, String)]) -> String {
    let (label_w, bar_w, row_h) = (230.0, 330.0, 26.0);
    let height = rows.len() as f64 * row_h + 8.0;
    let mut s = format!(
        "<svg class=chart role=img aria-label=\"{}\" viewBox=\"0 0 660 {height}\" width=660 height={height} xmlns=\"http://www.w3.org/2000/svg\">",
        esc(title)
    );
    for (i, (label, share, figure)) in rows.iter().enumerate() {
        let y = i as f64 * row_h + 4.0;
        let w = bar_w * share.clamp(0.0, 100.0) / 100.0;
        let _ = write!(
            s,
            "<text x={} y={} text-anchor=end class=label>{}</text>\
<rect x={label_w} y={y} width={bar_w} height=18 class=track />\
<rect x={label_w} y={y} width={w:.1} height=18 class=bar />\
<text x={} y={} class=figure>{}</text>",
            label_w - 8.0,
            y + 14.0,
            esc(label),
            label_w + bar_w + 8.0,
            y + 14.0,
            esc(figure)
        );
    }
    s.push_str("</svg>");
    s
}

/// Columns over time: each point a label (a month), a share (0–100) and the entries behind it.
pub fn columns(title: &str, points: &[(String, f64, u64)]) -> String {
    let (left, top, plot_h, col_w) = (40.0, 20.0, 160.0, 44.0);
    let width = left + points.len().max(1) as f64 * col_w + 10.0;
    let height = top + plot_h + 44.0;
    let mut s = format!(
        "<svg class=chart role=img aria-label=\"{}\" viewBox=\"0 0 {width} {height}\" width={width} height={height} xmlns=\"http://www.w3.org/2000/svg\">",
        esc(title)
    );
    for pct in [0, 50, 100] {
        let y = top + plot_h * (1.0 - f64::from(pct) / 100.0);
        let _ = write!(
            s,
            "<line x1={left} x2={} y1={y} y2={y} class=grid /><text x={} y={} text-anchor=end class=axis>{pct}%</text>",
            width - 10.0,
            left - 4.0,
            y + 4.0
        );
    }
    for (i, (label, share, entries)) in points.iter().enumerate() {
        let x = left + i as f64 * col_w + 6.0;
        let h = plot_h * share.clamp(0.0, 100.0) / 100.0;
        let _ = write!(
            s,
            "<rect x={x} y={} width={} height={h:.1} class=bar><title>{}: {share:.0}% of {entries} entries</title></rect>\
<text x={} y={} text-anchor=middle class=figure>{share:.0}%</text>\
<text x={} y={} text-anchor=middle class=axis>{}</text>\
<text x={} y={} text-anchor=middle class=axis>{entries}</text>",
            top + plot_h - h,
            col_w - 12.0,
            esc(label),
            x + (col_w - 12.0) / 2.0,
            top + plot_h - h - 4.0,
            x + (col_w - 12.0) / 2.0,
            top + plot_h + 16.0,
            esc(label),
            x + (col_w - 12.0) / 2.0,
            top + plot_h + 32.0,
        );
    }
    s.push_str("</svg>");
    s
}
