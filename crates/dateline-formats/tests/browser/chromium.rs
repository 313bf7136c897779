//! Headless Chromium and a loopback web server for the browser tests.
//!
//! Nothing here installs anything: `.ci/run` installs Debian's `chromium` and the
//! `@knight-lab/timelinejs` npm package. When one is missing, [`require`] fails the test under `CI`
//! and otherwise skips it, with the reason shown by the runner.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How long one Chromium run may take before the test gives up on it.
const CHROMIUM_LIMIT: Duration = Duration::from_secs(60);

/// A tool a browser test needs, or why the test cannot run (a failure under `CI`).
pub fn require<T>(found: Result<T, String>) -> Result<T, crate::skip::Skipped> {
    found.map_err(crate::skip::missing)
}

/// The Chromium executable: `DATELINE_CHROMIUM`, else `chromium` on `PATH`.
pub fn chromium() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("DATELINE_CHROMIUM") {
        return Ok(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromium"))
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| {
            "Chromium was not found: install it (`apt-get install -y chromium`) or set DATELINE_CHROMIUM"
                .to_owned()
        })
}

/// The `@knight-lab/timelinejs` package folder (with `dist/js/timeline.js`): `DATELINE_TIMELINEJS_DIR`,
/// else `target/timelinejs/node_modules/@knight-lab/timelinejs` in the workspace, where `.ci/run`
/// installs it.
pub fn timelinejs() -> Result<PathBuf, String> {
    let dir = match std::env::var_os("DATELINE_TIMELINEJS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../target/timelinejs/node_modules/@knight-lab/timelinejs"),
    };
    if dir.join("dist/js/timeline.js").is_file() && dir.join("dist/css/timeline.css").is_file() {
        Ok(dir)
    } else {
        Err(format!(
            "TimelineJS was not found in {}: run `npm install --prefix target/timelinejs @knight-lab/timelinejs@3.9.11` \
             in the workspace, or set DATELINE_TIMELINEJS_DIR to the package folder",
            dir.display()
        ))
    }
}

/// What Chromium left after running a page: the DOM after its scripts ran, and every console line.
#[derive(Debug)]
pub struct Rendered {
    pub dom: String,
    pub console: Vec<String>,
    pub took: Duration,
}

/// Loads `url` in headless Chromium with a fresh profile and returns the DOM once the page's
/// scripts have run (five seconds of virtual time) and what the page wrote to the console.
pub fn render(chromium: &Path, url: &str) -> Rendered {
    render_with(chromium, url, &[])
}

/// Like [`render`], with more command-line switches for Chromium.
pub fn render_with(chromium: &Path, url: &str, switches: &[&str]) -> Rendered {
    let profile = tempfile::tempdir().expect("a temporary profile folder");
    let started = Instant::now();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-extensions",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(switches)
        .args(["--dump-dom", url])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Chromium starts");
    // Read both pipes on threads, so a full pipe never stalls Chromium.
    let stdout = child.stdout.take().expect("piped stdout");
    let stderr = child.stderr.take().expect("piped stderr");
    let out = thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let err = thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    loop {
        match child.try_wait().expect("waiting for Chromium") {
            Some(_) => break,
            None if started.elapsed() > CHROMIUM_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("Chromium took more than {CHROMIUM_LIMIT:?} on {url}");
            }
            None => thread::sleep(Duration::from_millis(20)),
        }
    }
    let dom = out.join().unwrap_or_default();
    let console = err
        .join()
        .unwrap_or_default()
        .lines()
        .filter(|line| line.contains(":CONSOLE"))
        .map(str::to_owned)
        .collect();
    Rendered {
        dom,
        console,
        took: started.elapsed(),
    }
}

/// Files to serve: a path such as `/page.html` to a content type and the bytes.
pub type Files = HashMap<String, (&'static str, Vec<u8>)>;

/// A web server on 127.0.0.1 that serves fixed files until it is dropped.
pub struct Server {
    pub addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves `files` (path such as `/page.html` to content type and bytes); anything else is a 404.
    pub fn new(files: Files) -> Server {
        Server::with_header(files, None)
    }

    /// Like [`Server::new`], with one more header line (`Name: value`) on every file.
    pub fn with_header(files: Files, header: Option<&'static str>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        listener
            .set_nonblocking(true)
            .expect("a non-blocking listener");
        let addr = listener.local_addr().expect("the listener's address");
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            while !stopped.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => serve(stream, &files, header),
                    Err(_) => thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server {
            addr,
            stop,
            thread: Some(thread),
        }
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Answers one HTTP/1.1 request and closes the connection.
fn serve(stream: TcpStream, files: &Files, header: Option<&str>) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(&stream);
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // Skip the headers.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split('?').next().unwrap_or(path);
    let mut stream = &stream;
    let response = match files.get(path) {
        Some((kind, body)) => {
            let extra = header.map(|h| format!("{h}\r\n")).unwrap_or_default();
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
                body.len()
            );
            stream
                .write_all(head.as_bytes())
                .and_then(|()| stream.write_all(body))
        }
        None => stream
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    };
    let _ = response.and_then(|()| stream.flush());
}

/// The text of the element `<pre id="ID">` in a dumped DOM, with the character references that
/// a serialised text node holds (`&amp;`, `&lt;`, `&gt;`) decoded.
pub fn pre_text(dom: &str, id: &str) -> Option<String> {
    let open = format!("<pre id=\"{id}\">");
    let start = dom.find(&open)? + open.len();
    let end = dom[start..].find("</pre>")? + start;
    Some(
        dom[start..end]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&nbsp;", "\u{a0}")
            .replace("&amp;", "&"),
    )
}
