//! The progress bar: on a terminal only, drawn at once and then four times a second with the
//! entries read, the rate and the time left (from the bytes read of the file's size).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub struct Progress {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Progress {
    /// `read` counts bytes of the file read; `rows` the records handed to the checkers.
    pub fn start(size: u64, read: Arc<AtomicU64>, rows: Arc<AtomicU64>) -> Progress {
        let stop = Arc::new(AtomicBool::new(false));
        if !std::io::stderr().is_terminal() {
            return Progress { stop, thread: None };
        }
        let bar = ProgressBar::with_draw_target(Some(size), ProgressDrawTarget::stderr_with_hz(4));
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {percent:>3}%  {msg}  ETA {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.set_message("starting");
        bar.tick();
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let began = Instant::now();
            while !flag.load(Ordering::Relaxed) {
                let n = rows.load(Ordering::Relaxed);
                let secs = began.elapsed().as_secs_f64().max(0.001);
                bar.set_position(read.load(Ordering::Relaxed).min(size));
                bar.set_message(format!("{n} entries, {:.0}/s", n as f64 / secs));
                std::thread::sleep(Duration::from_millis(250));
            }
            bar.finish_and_clear();
        });
        Progress {
            stop,
            thread: Some(thread),
        }
    }

    pub fn finish(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
