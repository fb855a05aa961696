//! The preview server's HTTP side: serves the workspace's in-memory files, answers `..` and
//! other escapes with 404, injects the live-reload script into HTML (only here, never into
//! `leernet build` output) and streams reload/problem events to browsers (Server-Sent Events).

use crate::diagnostics::Diagnostic;
use crate::pipeline::Workspace;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Duration;
use tiny_http::{Header, Request, Response};

pub const EVENTS_PATH: &str = "/__leernet/events";

/// What browsers are told: a counter that grows with every event, and the latest event.
#[derive(Default)]
pub struct Events {
    state: Mutex<(u64, String)>,
    changed: Condvar,
}

impl Events {
    /// Broadcasts an SSE event (`reload`, `problems` with JSON data, or `ok`).
    pub fn send(&self, event: &str, data: &str) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.0 += 1;
        s.1 = format!("event: {event}\ndata: {data}\n\n");
        self.changed.notify_all();
    }

    fn generation(&self) -> u64 {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).0
    }
}

/// The problems as JSON for the overlay, paths relative to the site root.
pub fn problems_json(root: &Path, diags: &[Diagnostic]) -> String {
    let list: Vec<_> = diags.iter().map(|d| d.to_json(root)).collect();
    crate::escape::to_script_json(&list)
}

const RELOAD_SCRIPT: &str = r#"<script id="leernet-live">(()=>{
const box=document.createElement("div");box.id="leernet-overlay";box.setAttribute("role","alert");
box.style.cssText="position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:99999;background:#1d2330;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;border-left:6px solid #f97316;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.4)";
function show(list){box.textContent="";const h=document.createElement("strong");h.textContent="leernet: the last change has "+list.length+" problem(s); showing the last good build";box.appendChild(h);
for(const p of list){const d=document.createElement("div");d.textContent=p.file+(p.line?":"+p.line+":"+p.column:"")+" "+p.message+(p.suggestion?" ("+p.suggestion+")":"");box.appendChild(d);}
if(!box.isConnected)document.body.appendChild(box);}
const initial=__PROBLEMS__;if(initial.length)show(initial);
const es=new EventSource("/__leernet/events");
es.addEventListener("reload",()=>location.reload());
es.addEventListener("problems",e=>show(JSON.parse(e.data)));
es.addEventListener("ok",()=>box.remove());
})();</script>"#;

/// The web form as served for a local checkout: its config gets Decap's `local_backend`, so
/// with `npx decap-server` running the form reads and writes the files of this site; the page
/// gets no reload script (a rebuild after saving must not reload a half-filled form).
fn admin(rel: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    if rel == "admin/config.yml" {
        out.extend_from_slice(b"local_backend: true\n");
    }
    out
}

/// An HTML page with the live-reload script (and the current problems) added before `</body>`.
pub fn inject(html: &[u8], problems: &str) -> Vec<u8> {
    let script = RELOAD_SCRIPT.replace("__PROBLEMS__", problems);
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{}{}", &text[..i], script, &text[i..]).into_bytes(),
        None => format!("{text}{script}").into_bytes(),
    }
}

/// Maps a request path to a file of the output, or `None` for anything that tries to leave it.
pub fn resolve(url_path: &str) -> Option<String> {
    let path = url_path.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    if decoded.contains('\0') || decoded.contains('\\') || !decoded.starts_with('/') {
        return None;
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s if s.contains(':') => return None,
            s => parts.push(s),
        }
    }
    let mut rel = parts.join("/");
    if decoded.ends_with('/') || rel.is_empty() {
        if !rel.is_empty() {
            rel.push('/');
        }
        rel.push_str("index.html");
    }
    Some(rel)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = |c: u8| (c as char).to_digit(16);
            let (h, l) = (hex(*b.get(i + 1)?)?, hex(*b.get(i + 2)?)?);
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "txt" => "text/plain; charset=utf-8",
        "yml" | "yaml" => "text/yaml; charset=utf-8",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

fn header(k: &str, v: &str) -> Header {
    Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("static header")
}

/// Streams events to one browser tab until it goes away: the first event at once, then each
/// new one; a comment every 15 s notices closed tabs. Runs on its own thread.
fn stream_events(mut out: Box<dyn Write + Send>, events: &Events, first: String) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n";
    let mut seen = events.generation();
    if out.write_all(head.as_bytes()).and_then(|()| out.write_all(first.as_bytes())).and_then(|()| out.flush()).is_err()
    {
        return;
    }
    loop {
        let msg = {
            let s = events.state.lock().unwrap_or_else(|e| e.into_inner());
            let (s, _) = events
                .changed
                .wait_timeout_while(s, Duration::from_secs(15), |s| s.0 == seen)
                .unwrap_or_else(|e| e.into_inner());
            if s.0 == seen {
                ": ping\n\n".to_string()
            } else {
                seen = s.0;
                s.1.clone()
            }
        };
        if out.write_all(msg.as_bytes()).and_then(|()| out.flush()).is_err() {
            return;
        }
    }
}

/// Answers one request.
pub fn handle(req: Request, ws: &RwLock<Workspace>, events: &Arc<Events>) {
    let url = req.url().to_string();
    if url.split('?').next() == Some(EVENTS_PATH) {
        let ws = ws.read().unwrap_or_else(|e| e.into_inner());
        let first = if ws.errors.is_empty() {
            "event: hello\ndata: {}\n\n".to_string()
        } else {
            format!("event: problems\ndata: {}\n\n", problems_json(&ws.root, &ws.errors))
        };
        drop(ws);
        let events = events.clone();
        // Each open tab holds one thread while it listens.
        std::thread::spawn(move || stream_events(req.into_writer(), &events, first));
        return;
    }
    let ws = ws.read().unwrap_or_else(|e| e.into_inner());
    let not_found = |ws: &Workspace| {
        let body = ws.files.get("404.html").cloned().unwrap_or_else(|| b"404 Not Found".to_vec());
        Response::from_data(inject(&body, &problems_json(&ws.root, &ws.errors)))
            .with_status_code(404)
            .with_header(header("Content-Type", "text/html; charset=utf-8"))
    };
    let response = match resolve(&url) {
        None => not_found(&ws),
        Some(rel) => match ws.files.get(&rel) {
            Some(bytes) => {
                let body = if rel.starts_with("admin/") {
                    admin(&rel, bytes)
                } else if rel.ends_with(".html") {
                    inject(bytes, &problems_json(&ws.root, &ws.errors))
                } else {
                    bytes.clone()
                };
                Response::from_data(body)
                    .with_header(header("Content-Type", content_type(&rel)))
                    .with_header(header("Cache-Control", "no-store"))
            }
            None if ws.files.contains_key(&format!("{rel}/index.html")) => {
                let location = format!("{}/", url.split('?').next().unwrap_or(""));
                Response::from_data(Vec::new()).with_status_code(301).with_header(header("Location", &location))
            }
            None => not_found(&ws),
        },
    };
    drop(ws);
    let _ = req.respond(response);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_gets_the_local_backend_and_no_reload_script() {
        let yml = admin("admin/config.yml", b"locale: nl\n");
        assert_eq!(String::from_utf8(yml).unwrap(), "locale: nl\nlocal_backend: true\n");
        assert_eq!(admin("admin/index.html", b"<html></html>"), b"<html></html>");
        assert_eq!(content_type("admin/config.yml"), "text/yaml; charset=utf-8");
    }

    #[test]
    fn traversal_attempts_resolve_to_nothing() {
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/lessen/%2E%2E/%2e%2e/x",
            "/a/..%2f..%2fetc",
            "//etc/passwd/..",
            "/%5c..%5cx",
            "/C:/x",
            "/%00",
        ] {
            assert_eq!(resolve(bad), None, "{bad}");
        }
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(resolve("/lessen/x/?q=1").as_deref(), Some("lessen/x/index.html"));
        assert_eq!(resolve("/style.css").as_deref(), Some("style.css"));
        assert_eq!(resolve("/zoeken/index.html#x").as_deref(), Some("zoeken/index.html"));
    }

    #[test]
    fn script_goes_before_body_end() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>", "[]")).unwrap();
        assert!(out.ends_with("</script></body></html>"));
        assert!(out.contains("const initial=[];"));
    }
}
