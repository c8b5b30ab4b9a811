//! `tirkeu serve [--port P] [--root DIR]`: serves the built page (`www/`) on 127.0.0.1 only, with
//! the security headers of the page's specification. A development and demonstration server; the
//! production example with the same headers is `deploy/nginx.conf`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::args::{self, Args, unusable};

const DEFAULT_PORT: u16 = 8080;

/// Headers sent with every response. `deploy/nginx.conf` sends the same (a test compares them).
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    (
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; worker-src 'self'; \
         manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'",
    ),
    (
        "Permissions-Policy",
        "camera=(self), microphone=(), geolocation=(), payment=(), usb=()",
    ),
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
];

/// The media type for a file name, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "cose" => "application/cose",
        "txt" | "md" => "text/plain; charset=utf-8",
        "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Maps a request target to an existing file below `root` (a canonical path), or `None` when it
/// leaves the root (by `..` or by a symbolic link), names a hidden file, does not exist or is not
/// valid percent-encoded UTF-8.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path)?;
    let mut resolved = root.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) if !part.to_string_lossy().starts_with('.') => {
                resolved.push(part)
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    if resolved.is_dir() {
        resolved.push("index.html");
    }
    // A symbolic link is followed only when it stays inside the root.
    let canonical = resolved.canonicalize().ok()?;
    (canonical.starts_with(root) && canonical.is_file()).then_some(canonical)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    (!decoded.contains('\0')).then_some(decoded)
}

pub const HELP: &str = "\
tirkeu serve [--port P] [--root DIR]

Serves the built page on http://127.0.0.1:P/ (default port 8080) with the page's security
headers, for development and demonstration: only this machine can reach it. DIR is the page's
directory (default: `www` in the current directory; `make build` builds its package).
For production, serve the same files with deploy/nginx.conf, which sends the same headers.";

/// Connections served at once; a connection beyond them is answered 503 and closed.
const MAX_CONNECTIONS: usize = 64;
/// Idle keep-alive connections are closed after this long.
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// A request's line and headers must all arrive within this time of its first byte, so that a
/// client trickling a byte at a time cannot hold a connection for ever.
const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// Longest request line and headers, together, in bytes; anything longer ends the connection.
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// The page's directory: `--root`, or `www` in the current directory. Never a path compiled into
/// the binary, which would name the build machine's checkout.
fn page_root(given: Option<&str>) -> Result<PathBuf, String> {
    let root = PathBuf::from(given.unwrap_or("www"));
    if !root.join("index.html").is_file() {
        return Err(match given {
            Some(_) => format!("no index.html in `{}`", root.display()),
            None => "no `www/index.html` in the current directory: run `tirkeu serve` from the \
                     project's directory or give --root DIR"
                .to_owned(),
        });
    }
    // Canonical, so that a file is served only when its own canonical path lies below it.
    root.canonicalize()
        .map_err(|e| format!("cannot open `{}`: {e}", root.display()))
}

pub fn run(argv: Vec<String>) -> ExitCode {
    if args::wants_help(&argv) {
        return args::help(HELP);
    }
    let args = match Args::parse(argv, &["port", "root"]) {
        Ok(args) => args,
        Err(message) => return unusable(message),
    };
    if let Some(extra) = args.positionals().first() {
        return unusable(format!("unexpected argument `{extra}`"));
    }
    let port = match args.option("port").map(str::parse::<u16>) {
        None => DEFAULT_PORT,
        Some(Ok(port)) => port,
        Some(Err(_)) => return unusable("--port takes a number from 0 to 65535"),
    };
    let root = match page_root(args.option("root")) {
        Ok(root) => root,
        Err(message) => return unusable(message),
    };
    if !root.join("pkg").join("tirkeu_bg.wasm").is_file() {
        eprintln!(
            "tirkeu: warning: `{}/pkg` is not built; run `make build`",
            root.display()
        );
    }
    let listener = match std::net::TcpListener::bind(("127.0.0.1", port)) {
        Ok(listener) => listener,
        Err(e) => return unusable(format!("cannot listen on 127.0.0.1:{port}: {e}")),
    };
    let port = listener.local_addr().map_or(port, |a| a.port());
    let announced = args::print_line(&format!(
        "Serving {} at http://127.0.0.1:{port}/ (Ctrl-C stops)",
        root.display()
    ));
    if let Err(message) = announced {
        return unusable(message);
    }
    let site = Arc::new(Site { root, port });
    let open = Arc::new(AtomicUsize::new(0));
    // A thread per connection, up to MAX_CONNECTIONS: a browser opens six connections at once and
    // keeps idle ones (preconnects, keep-alive) open, so a small fixed pool would leave later
    // requests waiting behind them; the deadlines above bound how long any one is held.
    for mut stream in listener.incoming().flatten() {
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            let _ = stream.write_all(&plain_response("503 Service Unavailable", "busy\n", true));
            continue;
        }
        let (site, open_for_thread) = (Arc::clone(&site), Arc::clone(&open));
        let spawned = std::thread::Builder::new().spawn(move || {
            serve_connection(&site, stream);
            open_for_thread.fetch_sub(1, Ordering::SeqCst);
        });
        // No thread to be had (the system's limit): the connection is dropped, the server goes on.
        if spawned.is_err() {
            open.fetch_sub(1, Ordering::SeqCst);
        }
    }
    ExitCode::SUCCESS
}

/// What every connection needs to know.
struct Site {
    /// The canonical page directory.
    root: PathBuf,
    /// The port listened on, for the `Host` check.
    port: u16,
}

impl Site {
    /// Whether a `Host` header names this server. Anything else is refused, so that a web page
    /// whose own name an attacker has pointed at 127.0.0.1 (DNS rebinding) cannot read the
    /// server's answers.
    fn is_own_host(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        let (name, port) = match host.rsplit_once(':') {
            Some((name, port)) => (name, port.parse::<u16>().ok()),
            None => (host.as_str(), Some(80)),
        };
        matches!(name, "127.0.0.1" | "localhost") && port == Some(self.port)
    }
}

/// One request's line and headers, as far as the server needs them.
struct RequestHead {
    method: String,
    target: String,
    close: bool,
    has_body: bool,
    host: Option<String>,
}

/// Reads one request's line and headers within [`HEAD_DEADLINE`] and [`MAX_HEAD_BYTES`]; `None`
/// when the client closes, goes quiet, is too slow or sends too much.
fn read_head(reader: &mut BufReader<TcpStream>) -> Option<RequestHead> {
    let mut started: Option<Instant> = None;
    let mut budget = MAX_HEAD_BYTES;
    let mut read_line = |reader: &mut BufReader<TcpStream>| -> Option<String> {
        let timeout = match started {
            // Waiting for the next request of a keep-alive connection.
            None => IDLE_TIMEOUT,
            Some(start) => HEAD_DEADLINE.checked_sub(start.elapsed())?,
        };
        reader
            .get_ref()
            .set_read_timeout(Some(timeout.max(Duration::from_millis(1))))
            .ok()?;
        let mut line = Vec::new();
        let read = reader
            .by_ref()
            .take(budget as u64)
            .read_until(b'\n', &mut line)
            .ok()?;
        started.get_or_insert_with(Instant::now);
        budget = budget.checked_sub(read)?;
        if read == 0 || line.last() != Some(&b'\n') {
            return None;
        }
        String::from_utf8(line).ok()
    };
    let request_line = read_line(reader)?;
    let mut parts = request_line.split_whitespace();
    let (method, target, version) = (parts.next(), parts.next(), parts.next());
    let mut head = RequestHead {
        method: method.unwrap_or_default().to_owned(),
        target: target.unwrap_or_default().to_owned(),
        close: version != Some("HTTP/1.1"),
        has_body: false,
        host: None,
    };
    loop {
        let header = read_line(reader)?;
        if header.trim().is_empty() {
            return Some(head);
        }
        let Some((name, value)) = header.split_once(':') else {
            head.close = true;
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "connection" => head.close = value.to_ascii_lowercase().contains("close"),
            "content-length" => head.has_body |= value != "0",
            "transfer-encoding" => head.has_body = true,
            "host" => head.host = Some(value.to_owned()),
            _ => {}
        }
    }
}

/// Answers the requests of one connection (HTTP/1.1 keep-alive) until the client closes it, asks
/// to close, sends a body, breaks a limit, or goes quiet.
fn serve_connection(site: &Site, stream: TcpStream) {
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    let mut writer = stream;
    while let Some(head) = read_head(&mut reader) {
        // A request with a body is never one we serve; not reading it, we close afterwards.
        let close = head.close || head.has_body;
        let response = if head.method.is_empty() || head.target.is_empty() {
            plain_response("400 Bad Request", "bad request\n", true)
        } else if !head
            .host
            .as_deref()
            .is_some_and(|host| site.is_own_host(host))
        {
            plain_response("421 Misdirected Request", "unknown host\n", true)
        } else {
            respond(&site.root, &head.method, &head.target, close)
        };
        if writer.write_all(&response).is_err() || close {
            return;
        }
    }
}

/// A short plain-text response with the security headers.
fn plain_response(status: &str, body: &str, close: bool) -> Vec<u8> {
    response(
        status,
        &[],
        "text/plain; charset=utf-8",
        body.as_bytes(),
        true,
        close,
    )
}

/// The whole response (status line, headers, body) to one request.
fn respond(root: &Path, method: &str, target: &str, close: bool) -> Vec<u8> {
    let with_body = method != "HEAD";
    if !matches!(method, "GET" | "HEAD") {
        return response(
            "405 Method Not Allowed",
            &[("Allow", "GET, HEAD")],
            "text/plain; charset=utf-8",
            b"method not allowed\n",
            with_body,
            close,
        );
    }
    match resolve(root, target).and_then(|path| Some((std::fs::read(&path).ok()?, path))) {
        Some((bytes, path)) => {
            response("200 OK", &[], content_type(&path), &bytes, with_body, close)
        }
        None => response(
            "404 Not Found",
            &[],
            "text/plain; charset=utf-8",
            b"not found\n",
            with_body,
            close,
        ),
    }
}

/// A response with the security headers, `extra` headers and the body (sent only when
/// `with_body`: HEAD gets the headers alone).
fn response(
    status: &str,
    extra: &[(&str, &str)],
    kind: &str,
    body: &[u8],
    with_body: bool,
    close: bool,
) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {status}\r\n");
    for (name, value) in SECURITY_HEADERS.iter().chain(extra) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    // The page checks for fresh lists and a new version on every load; the service worker keeps
    // the offline copy, so the HTTP cache need not.
    head.push_str(&format!(
        "Content-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: {}\r\n\r\n",
        body.len(),
        if close { "close" } else { "keep-alive" }
    ));
    let mut bytes = head.into_bytes();
    if with_body {
        bytes.extend_from_slice(body);
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page directory with an index, a file inside, and links in and out of it, of its own for
    /// each `test` (the tests run in parallel, and each removes its directory at the end).
    fn page_with_links(test: &str) -> (PathBuf, PathBuf) {
        let base = std::env::temp_dir().join(format!("tirkeu-serve-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let root = base.join("www");
        std::fs::create_dir_all(root.join("demo")).unwrap();
        std::fs::write(root.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(root.join("demo/list.cose"), [1, 2, 3]).unwrap();
        std::fs::write(base.join("secret.txt"), "outside").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.join("secret.txt"), root.join("out.txt")).unwrap();
            std::os::unix::fs::symlink(&base, root.join("up")).unwrap();
            std::os::unix::fs::symlink(root.join("demo/list.cose"), root.join("in.cose")).unwrap();
        }
        (base, root.canonicalize().unwrap())
    }

    #[test]
    fn resolves_only_inside_the_root() {
        let (base, root) = page_with_links("inside");
        assert!(resolve(&root, "/../secret.txt").is_none());
        assert!(resolve(&root, "/%2e%2e/secret.txt").is_none());
        assert!(resolve(&root, "/.git/config").is_none());
        assert!(resolve(&root, "/a%00b").is_none());
        assert!(resolve(&root, "/%zz").is_none());
        assert!(resolve(&root, "/missing.js").is_none());
        assert_eq!(
            resolve(&root, "/demo/list.cose?v=1"),
            Some(root.join("demo/list.cose"))
        );
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        let _ = std::fs::remove_dir_all(base);
    }

    #[cfg(unix)]
    #[test]
    fn follows_no_symbolic_link_out_of_the_root() {
        let (base, root) = page_with_links("links");
        assert!(resolve(&root, "/out.txt").is_none());
        assert!(resolve(&root, "/up/secret.txt").is_none());
        assert!(resolve(&root, "/up/www/index.html").is_some_and(|p| p.starts_with(&root)));
        assert_eq!(
            resolve(&root, "/in.cose"),
            Some(root.join("demo/list.cose"))
        );
        let _ = std::fs::remove_dir_all(base);
    }

    #[test]
    fn answers_only_its_own_host_names() {
        let site = Site {
            root: PathBuf::new(),
            port: 8080,
        };
        assert!(site.is_own_host("127.0.0.1:8080"));
        assert!(site.is_own_host("localhost:8080"));
        assert!(site.is_own_host("LOCALHOST:8080"));
        assert!(!site.is_own_host("attacker.example"));
        assert!(!site.is_own_host("attacker.example:8080"));
        assert!(!site.is_own_host("127.0.0.1:8081"));
        assert!(!site.is_own_host("127.0.0.1"));
        assert!(!site.is_own_host("localhost.attacker.example:8080"));
    }

    #[test]
    fn media_types() {
        assert_eq!(content_type(Path::new("a.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("a.JS")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("trust-list.cose")),
            "application/cose"
        );
    }
}
