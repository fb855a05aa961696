//! Instrumentation: stage timings (`LEERNET_TIMINGS=1 leernet build` prints how long each
//! pipeline stage took, so anyone can see where the time goes; costs nothing when the variable
//! is not set) and a page counter the command line reads to draw its progress bar.

use std::sync::Mutex;
use std::sync::OnceLock;
use std::time::Instant;

static ENABLED: OnceLock<bool> = OnceLock::new();
static LOG: Mutex<Vec<(&'static str, f64)>> = Mutex::new(Vec::new());
/// Resident memory (MB) at the end of each logged stage and the CPU time (ms, all threads) it
/// took, in the same order as `LOG`.
static MEMORY: Mutex<Vec<(f64, f64)>> = Mutex::new(Vec::new());

pub fn enabled() -> bool {
    *ENABLED.get_or_init(|| std::env::var_os("LEERNET_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0"))
}

/// Runs `f`, recording its wall time under `name` when timings are on.
pub fn stage<T>(name: &'static str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let (t, cpu) = (Instant::now(), cpu_ms());
    let out = f();
    LOG.lock().unwrap_or_else(|e| e.into_inner()).push((name, t.elapsed().as_secs_f64() * 1000.0));
    MEMORY.lock().unwrap_or_else(|e| e.into_inner()).push((resident_mb(), cpu_ms() - cpu));
    out
}

/// CPU time of all this process's threads so far, in ms (Linux: /proc/self/task/*/schedstat;
/// threads that have ended are not counted, which rayon's long-lived workers make rare).
pub fn cpu_ms() -> f64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else { return 0.0 };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()))
        .sum::<f64>()
        / 1e6
}

/// This process's resident memory in MB (Linux; 0 elsewhere).
pub fn resident_mb() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0.0);
    pages * 4096.0 / 1e6
}

/// The recorded stages with the resident memory after each and the CPU time each took (name,
/// milliseconds, MB, CPU milliseconds).
pub fn take_with_memory() -> Vec<(&'static str, f64, f64, f64)> {
    let memory = std::mem::take(&mut *MEMORY.lock().unwrap_or_else(|e| e.into_inner()));
    take()
        .into_iter()
        .zip(memory.into_iter().chain(std::iter::repeat((0.0, 0.0))))
        .map(|((n, ms), (mb, cpu))| (n, ms, mb, cpu))
        .collect()
}

/// The recorded stages (name, milliseconds), emptying the log.
pub fn take() -> Vec<(&'static str, f64)> {
    MEMORY.lock().unwrap_or_else(|e| e.into_inner()).clear();
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
