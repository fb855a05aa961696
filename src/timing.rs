//! Instrumentation: stage timings (`LEERNET_TIMINGS=1 leernet build` prints how long each
//! pipeline stage took, so anyone can see where the time goes; costs nothing when the variable
//! is not set) and a page counter the command line reads to draw its progress bar.

use std::sync::Mutex;
use std::sync::OnceLock;
use std::time::Instant;

static ENABLED: OnceLock<bool> = OnceLock::new();
static LOG: Mutex<Vec<(&'static str, f64)>> = Mutex::new(Vec::new());

pub fn enabled() -> bool {
    *ENABLED.get_or_init(|| std::env::var_os("LEERNET_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0"))
}

/// Runs `f`, recording its wall time under `name` when timings are on.
pub fn stage<T>(name: &'static str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let t = Instant::now();
    let out = f();
    LOG.lock().unwrap_or_else(|e| e.into_inner()).push((name, t.elapsed().as_secs_f64() * 1000.0));
    out
}

/// The recorded stages (name, milliseconds), emptying the log.
pub fn take() -> Vec<(&'static str, f64)> {
    std::mem::take(&mut *LOG.lock().unwrap_or_else(|e| e.into_inner()))
}

static PAGES_DONE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Counts one rendered page (read by the progress bar).
pub fn page_done() {
    PAGES_DONE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

/// Pages rendered since the process started.
pub fn pages_done() -> usize {
    PAGES_DONE.load(std::sync::atomic::Ordering::Relaxed)
}
