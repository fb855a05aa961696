//! `leernet serve`: builds the site into memory, serves it over HTTP on 127.0.0.1, watches the
//! content, templates, static files and config with notify (debounced, so an editor's
//! save-as-rename or a burst of writes is one rebuild), has the pipeline's `Workspace` re-make
//! what the change reaches, and tells open browsers to reload — or shows the problems as an
//! overlay while serving the last good build. A server and a watcher: no rendering of its own.

pub mod http;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::pipeline::{Outcome, Workspace};
use http::Events;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock, mpsc};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub interface: String,
    pub port: u16,
    pub open: bool,
    pub portable: bool,
}

/// One line for the console about a rebuild.
pub fn describe(outcome: &Outcome, root: &Path) -> String {
    match outcome {
        Outcome::Rebuilt { pages, removed, full, millis } => {
            let what = if *full { crate::tr!("serve-everything") } else { crate::tr!("serve-files", n = pages.len()) };
            let mut shown: Vec<String> = pages.iter().take(6).cloned().collect();
            if pages.len() > 6 {
                shown.push(crate::tr!("serve-more", n = pages.len() - 6));
            }
            let mut line = crate::tr!("serve-rebuilt", what = what, ms = *millis as u64, pages = shown.join(", "));
            if !removed.is_empty() {
                line.push_str(&crate::tr!("serve-removed", pages = removed.join(", ")));
            }
            line
        }
        Outcome::Failed(d) => {
            let mut s = crate::tr!("serve-failed", problems = crate::tr!("count-problems", n = d.len()));
            for x in d {
                s.push_str("\n  ");
                s.push_str(&x.render(root));
            }
            s
        }
        Outcome::Unchanged => crate::tr!("serve-unchanged"),
    }
}

type Debouncer = notify_debouncer_full::Debouncer<notify::RecommendedWatcher, notify_debouncer_full::RecommendedCache>;

/// Starts the server; returns when interrupted (Ctrl-C) or when `stop` is set.
pub fn serve(opts: &ServeOptions, stop: Arc<AtomicBool>, ready: Option<mpsc::Sender<u16>>) -> Result<(), Diagnostics> {
    let (server, port, url) = listen(opts)?;
    let started = std::time::Instant::now();
    // Watch events carry absolute paths: work with the absolute root.
    let root = opts
        .root
        .canonicalize()
        .map_err(|e| Diagnostic::file(&opts.root, crate::msg!("serve-cannot-open", error = e.to_string())))?;
    let ws = Workspace::open(&root, opts.portable, Some(&url))?;
    eprintln!("{}", crate::tr!("serve-built", files = ws.files.len(), ms = started.elapsed().as_millis() as u64));
    let ws = Arc::new(RwLock::new(ws));
    let events = Arc::new(Events::default());
    let server = Arc::new(server);
    let (debouncer, rx) = watch(&root)?;
    let workers = answer_requests(&server, &ws, &events, &stop);
    eprintln!("{}", crate::tr!("serve-serving", root = root.display().to_string(), url = &url));
    if ws.read().is_ok_and(|w| w.files.contains_key("admin/index.html")) {
        eprintln!("{}", crate::tr!("serve-admin", url = &url));
    }
    if let Some(r) = ready {
        let _ = r.send(port);
    }
    if opts.open {
        let _ = std::process::Command::new("xdg-open").arg(format!("{url}/")).spawn();
    }
    let root = ws.read().unwrap_or_else(|e| e.into_inner()).root.clone();
    while !stop.load(Ordering::SeqCst) {
        let Ok(result) = rx.recv_timeout(Duration::from_millis(200)) else { continue };
        let Some(paths) = changed_paths(result, &rx, &root) else { continue };
        rebuild(&ws, &events, &root, &paths);
    }
    drop(debouncer);
    server.unblock();
    for w in workers {
        let _ = w.join();
    }
    eprintln!("{}", crate::tr!("serve-stopped"));
    Ok(())
}

/// The HTTP server on the chosen interface and port (port 0: any free one), the port it got and
/// its URL.
fn listen(opts: &ServeOptions) -> Result<(tiny_http::Server, u16, String), Diagnostics> {
    let addr = format!("{}:{}", opts.interface, opts.port);
    let server = tiny_http::Server::http(&addr).map_err(|e| {
        Diagnostic::file(&opts.root, crate::msg!("serve-cannot-listen", addr = addr.to_string(), error = e.to_string()))
    })?;
    let port = server.server_addr().to_ip().map(|a| a.port()).unwrap_or(opts.port);
    let host = if opts.interface.contains(':') { format!("[{}]", opts.interface) } else { opts.interface.clone() };
    Ok((server, port, format!("http://{host}:{port}")))
}

/// Watches what the site is made of: the folders of `content::load::SITE_DIRS` that exist, with
/// everything in them, and the site folder itself (for `config.toml`).
fn watch(root: &Path) -> Result<(Debouncer, mpsc::Receiver<DebounceEventResult>), Diagnostics> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let cannot =
        |p: &Path, e: notify::Error| Diagnostic::file(p, crate::msg!("serve-cannot-watch", error = e.to_string()));
    let mut debouncer = new_debouncer(Duration::from_millis(120), None, tx).map_err(|e| cannot(root, e))?;
    for dir in crate::content::load::SITE_DIRS {
        let p = root.join(dir);
        if p.is_dir() {
            debouncer.watch(&p, RecursiveMode::Recursive).map_err(|e| cannot(&p, e))?;
        }
    }
    debouncer.watch(root, RecursiveMode::NonRecursive).map_err(|e| cannot(root, e))?;
    Ok((debouncer, rx))
}

/// Four threads answering HTTP requests from the workspace's files until `stop` is set.
fn answer_requests(
    server: &Arc<tiny_http::Server>,
    ws: &Arc<RwLock<Workspace>>,
    events: &Arc<Events>,
    stop: &Arc<AtomicBool>,
) -> Vec<std::thread::JoinHandle<()>> {
    (0..4)
        .map(|_| {
            let (server, ws, events, stop) = (server.clone(), ws.clone(), events.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    match server.recv_timeout(Duration::from_millis(200)) {
                        Ok(Some(req)) => http::handle(req, &ws, &events),
                        Ok(None) => {}
                        Err(_) => break,
                    }
                }
            })
        })
        .collect()
}

/// The paths one batch of watch events changed, with every batch that arrived meanwhile (one
/// rebuild for them all); `None` when nothing that makes the site changed. Reading files (as
/// every rebuild does) raises access events: only changes count. In the site folder itself only
/// `config.toml` counts.
fn changed_paths(
    first: DebounceEventResult,
    rx: &mpsc::Receiver<DebounceEventResult>,
    root: &Path,
) -> Option<Vec<PathBuf>> {
    let changes = |evs: Vec<notify_debouncer_full::DebouncedEvent>| {
        evs.into_iter().filter(|e| !e.event.kind.is_access()).flat_map(|e| e.event.paths)
    };
    let mut paths: Vec<PathBuf> = match first {
        Ok(evs) => changes(evs).collect(),
        Err(errs) => {
            eprintln!("{}", crate::tr!("serve-watch-error", error = format!("{errs:?}")));
            return None;
        }
    };
    while let Ok(Ok(more)) = rx.try_recv() {
        paths.extend(changes(more));
    }
    paths.retain(|p| p.parent() != Some(root) || p.file_name().is_some_and(|n| n == "config.toml"));
    (!paths.is_empty()).then_some(paths)
}

/// Has the workspace re-make what `paths` reach, says so on the console, and tells the open
/// browsers to reload (or shows them the problems).
fn rebuild(ws: &RwLock<Workspace>, events: &Events, root: &Path, paths: &[PathBuf]) {
    let outcome = ws.write().unwrap_or_else(|e| e.into_inner()).apply(paths);
    if outcome != Outcome::Unchanged {
        eprintln!("{}", describe(&outcome, root));
    }
    match &outcome {
        Outcome::Rebuilt { .. } => {
            events.send("reload", "{}");
            // The elasticlunr export (sites up to 1,000 documents) follows a moment later.
            ws.write().unwrap_or_else(|e| e.into_inner()).settle();
        }
        Outcome::Failed(d) => events.send("problems", &http::problems_json(root, d)),
        Outcome::Unchanged => {}
    }
}
