//! A progress bar on standard error, for runs long enough to wonder about: shown only when
//! standard error is a terminal, never under `--quiet`, and only once the work has taken a second.

use std::io::IsTerminal;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long work runs before the bar appears.
const GRACE: Duration = Duration::from_secs(1);

/// When the run's first progress began: every bar of a run counts its grace period from there.
fn run_start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// Progress over a known number of bytes of pages, then a spinner for the steps after reading.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: bool,
}

impl Progress {
    /// A bar over `total` bytes, hidden unless standard error is a terminal and `quiet` is off.
    pub fn new(total: u64, quiet: bool) -> Self {
        let wanted = !quiet && std::io::stderr().is_terminal();
        let bar = wanted.then(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
            let style = ProgressStyle::with_template(
                "{spinner} {msg:<28} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {eta}",
            );
            if let Ok(style) = style {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message("reading pages");
            bar
        });
        Progress {
            bar,
            started: run_start(),
            shown: false,
        }
    }

    /// `bytes` more were read; the bar appears once the grace period is over.
    pub fn advance(&mut self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            if !self.shown && self.started.elapsed() >= GRACE {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                self.shown = true;
            }
        }
    }

    /// The next step, such as "merging 120,000 posts", shown with a spinner.
    pub fn step(&mut self, message: String) {
        if let Some(bar) = &self.bar {
            if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
                bar.set_style(style);
            }
            bar.set_message(message);
            if !self.shown && self.started.elapsed() >= GRACE {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                self.shown = true;
            }
            bar.enable_steady_tick(Duration::from_millis(120));
        }
    }

    /// Removes the bar before the output and any warnings are written.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_runs_have_no_bar_at_all() {
        let mut p = Progress::new(100, true);
        p.advance(50);
        p.step("merging".to_owned());
        assert!(p.bar.is_none());
        assert!(!p.shown);
    }
}
