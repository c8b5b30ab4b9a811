//! `tirkeu serve [--port P] [--root DIR]`: serves the built page (`www/`) on 127.0.0.1 only, with
//! the security headers of the page's specification. A development and demonstration server; the
//! production example with the same headers is `deploy/nginx.conf`.

use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use super::args::{Args, unusable};

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

/// Maps a request target to a file below `root`, or `None` when it leaves the root, names a
/// hidden file or is not valid percent-encoded UTF-8.
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
    Some(resolved)
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

fn default_root() -> PathBuf {
    let here = PathBuf::from("www");
    if here.join("index.html").is_file() {
        here
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("www")
    }
}

pub fn run(argv: Vec<String>) -> ExitCode {
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
    let root = args.option("root").map_or_else(default_root, PathBuf::from);
    if !root.join("index.html").is_file() {
        return unusable(format!("no index.html in `{}`", root.display()));
    }
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
    let address = listener
        .local_addr()
        .map_or_else(|_| format!("127.0.0.1:{port}"), |a| a.to_string());
    println!(
        "Serving {} at http://{address}/ (Ctrl-C stops)",
        root.display()
    );
    // One thread per connection: a browser opens six connections at once and keeps idle ones
    // (preconnects, keep-alive) open; a fixed pool would leave later requests waiting behind them.
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        std::thread::spawn(move || serve_connection(&root, stream));
    }
    ExitCode::SUCCESS
}

/// Idle keep-alive connections are closed after this long.
const IDLE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);
/// Longest request line or header line read; anything longer ends the connection.
const MAX_LINE: u64 = 8192;

/// Answers the requests of one connection (HTTP/1.1 keep-alive) until the client closes it, asks
/// to close, sends a body, or goes quiet.
fn serve_connection(root: &Path, stream: std::net::TcpStream) {
    use std::io::{BufRead, BufReader, Read, Write};

    let _ = stream.set_read_timeout(Some(IDLE_TIMEOUT));
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    let mut writer = stream;
    let read_line = |reader: &mut BufReader<std::net::TcpStream>| {
        let mut line = String::new();
        match reader.by_ref().take(MAX_LINE).read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) if !line.ends_with('\n') => None,
            Ok(_) => Some(line),
        }
    };
    loop {
        let Some(request_line) = read_line(&mut reader) else {
            return;
        };
        let mut parts = request_line.split_whitespace();
        let (method, target, version) = (parts.next(), parts.next(), parts.next());
        let mut close = version == Some("HTTP/1.0");
        let mut has_body = false;
        loop {
            let Some(header) = read_line(&mut reader) else {
                return;
            };
            if header.trim().is_empty() {
                break;
            }
            let lower = header.to_ascii_lowercase();
            if lower.starts_with("connection:") {
                close = lower.contains("close");
            }
            has_body |= lower
                .strip_prefix("content-length:")
                .is_some_and(|length| length.trim() != "0")
                || lower.starts_with("transfer-encoding:");
        }
        let (Some(method), Some(target)) = (method, target) else {
            let _ = writer.write_all(
                b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
            return;
        };
        // A request with a body is never one we serve; not reading it, we close afterwards.
        close |= has_body;
        let response = respond(root, method, target, close);
        if writer.write_all(&response).is_err() || close {
            return;
        }
    }
}

/// The whole response (status line, headers, body) to one request.
fn respond(root: &Path, method: &str, target: &str, close: bool) -> Vec<u8> {
    let method_ok = matches!(method, "GET" | "HEAD");
    let file = resolve(root, target).filter(|p| p.is_file());
    let mut extra = Vec::new();
    let (status, body, kind) = match (method_ok, file) {
        (false, _) => {
            extra.push(("Allow", "GET, HEAD"));
            (
                "405 Method Not Allowed",
                b"method not allowed\n".to_vec(),
                "text/plain; charset=utf-8",
            )
        }
        (true, None) => (
            "404 Not Found",
            b"not found\n".to_vec(),
            "text/plain; charset=utf-8",
        ),
        (true, Some(path)) => match std::fs::read(&path) {
            Ok(bytes) => ("200 OK", bytes, content_type(&path)),
            Err(_) => (
                "404 Not Found",
                b"not found\n".to_vec(),
                "text/plain; charset=utf-8",
            ),
        },
    };
    let mut head = format!("HTTP/1.1 {status}\r\n");
    for (name, value) in SECURITY_HEADERS.iter().chain(&extra) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    // The page checks for fresh lists and a new version on every load; the service worker keeps
    // the offline copy, so the HTTP cache need not.
    head.push_str(&format!(
        "Content-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: {}\r\n\r\n",
        body.len(),
        if close { "close" } else { "keep-alive" }
    ));
    let mut response = head.into_bytes();
    if method != "HEAD" {
        response.extend_from_slice(&body);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_only_inside_the_root() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
        assert!(resolve(&root, "/../Cargo.toml").is_none());
        assert!(resolve(&root, "/%2e%2e/Cargo.toml").is_none());
        assert!(resolve(&root, "/.git/config").is_none());
        assert!(resolve(&root, "/a%00b").is_none());
        assert!(resolve(&root, "/%zz").is_none());
        assert_eq!(
            resolve(&root, "/pkg/tirkeu.js?v=1"),
            Some(root.join("pkg/tirkeu.js"))
        );
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
