//! Image files for `scan` and `verify --image`, and PNG output for `issue --png`.

use std::io::Cursor;
use std::process::ExitCode;

use image::{DynamicImage, GenericImageView, ImageFormat, ImageReader, Limits};
use tirkeu::qr::{self, ScanError};

use super::args::{Args, read_input, unusable};

/// Largest side, in pixels, of an image file the command line decodes at all (a decompression
/// bomb declares a huge size in a tiny file).
const MAX_DECODED_SIDE: u32 = 30_000;

const SCAN_HELP: &str = "\
tirkeu scan [--json] IMAGE...

Finds the QR codes in each image file (PNG, JPEG or WebP; - for standard input) and prints the
text of each, one a line, file after file. Photos, scans and screenshots: small, blurred or
rotated codes are retried at other scales before giving up. A file that cannot be read is one
line on standard error; the others are still scanned. A code whose text holds a line break, or
whose data is not text (Kanji, another character set, GS1, binary), is not printed as text: it is
named on standard error.
--json: one JSON object a line (JSON Lines) for every code, text or not:
  {\"file\": \"a.png\", \"kind\": \"text\", \"text\": \"KZ1:...\"}
  {\"file\": \"b.png\", \"kind\": \"not_text\", \"data\": \"kanji\"|\"eci\"|\"gs1\"|\"bytes\", \"bytes\": \"hex\"}
Exit: 0 at least one code found, 1 none, 2 a file could not be read (the others still printed).";

/// `tirkeu scan [--json] IMAGE...`: every code of every file, in order; see [`SCAN_HELP`].
pub fn scan(argv: Vec<String>) -> ExitCode {
    if super::args::wants_help(&argv) {
        return super::args::help(SCAN_HELP);
    }
    let json = argv.iter().any(|arg| arg == "--json");
    let argv: Vec<String> = argv.into_iter().filter(|arg| arg != "--json").collect();
    let args = match Args::parse(argv, &[]) {
        Ok(args) => args,
        Err(message) => return unusable(message),
    };
    if args.positionals().is_empty() {
        return unusable(
            "`scan` needs at least one image file (PNG, JPEG or WebP; `-` for standard input)",
        );
    }
    let (mut found, mut unreadable) = (false, false);
    for path in args.positionals() {
        let codes = match qr_codes_in_image_file(path) {
            Ok(codes) => codes,
            Err(message) => {
                eprintln!("tirkeu: {message}");
                unreadable = true;
                continue;
            }
        };
        found |= !codes.is_empty();
        for code in codes {
            let line = if json {
                Some(code_json(path, &code))
            } else {
                match code.text() {
                    Some(text) if !text.contains(['\n', '\r']) => Some(text.to_owned()),
                    Some(_) => {
                        eprintln!(
                            "tirkeu: `{path}`: a QR code whose text holds a line break \
                             (--json prints it)"
                        );
                        None
                    }
                    None => {
                        eprintln!("tirkeu: `{path}`: {code}");
                        None
                    }
                }
            };
            if let Some(line) = line
                && let Err(message) = super::args::print_line(&line)
            {
                return unusable(message);
            }
        }
    }
    ExitCode::from(if unreadable {
        super::args::EXIT_UNUSABLE
    } else if found {
        0
    } else {
        1
    })
}

/// A code as one line of JSON: its file, and its text or why it has none.
fn code_json(path: &str, code: &qr::Code) -> String {
    let value = match code {
        qr::Code::NotText { kind, bytes } => {
            let (data, eci) = match kind {
                qr::NotText::Kanji => ("kanji", None),
                qr::NotText::Eci(eci) => ("eci", Some(*eci)),
                qr::NotText::Gs1 => ("gs1", None),
                _ => ("bytes", None),
            };
            let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
            let mut value = serde_json::json!({
                "file": path, "kind": "not_text", "data": data, "bytes": hex,
            });
            if let Some(eci) = eci {
                value["eci"] = eci.into();
            }
            value
        }
        _ => serde_json::json!({ "file": path, "kind": "text", "text": code.text() }),
    };
    value.to_string()
}

/// Every QR code found in the PNG, JPEG or WebP file at `path` (`-` reads standard input), text
/// or not. A photo over [`qr::MAX_PIXELS`] is downscaled to fit first; an image too small to hold
/// a code has none.
///
/// # Errors
///
/// A message when the file cannot be read or decoded as an image.
pub fn qr_codes_in_image_file(path: &str) -> Result<Vec<qr::Code>, String> {
    let bytes = read_input(path)?;
    let image = decode_image(path, bytes)?;
    let image = fit_pixel_limit(image);
    let rgba = image.to_rgba8();
    match qr::scan_rgba_codes(
        rgba.width(),
        rgba.height(),
        rgba.as_raw(),
        qr::ScanEffort::Thorough,
    ) {
        Ok(codes) => Ok(codes),
        Err(ScanError::TooSmall { .. }) => Ok(Vec::new()),
        Err(other) => Err(format!("`{path}`: {other}")),
    }
}

fn decode_image(path: &str, bytes: Vec<u8>) -> Result<DynamicImage, String> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot read `{path}`: {e}"))?;
    match reader.format() {
        Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP) => {}
        _ => return Err(format!("`{path}` is not a PNG, JPEG or WebP image")),
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    reader.limits(limits);
    reader
        .decode()
        .map_err(|e| format!("cannot decode `{path}` as an image: {e}"))
}

/// Shrinks an image over the scanner's pixel limit, keeping its aspect ratio.
fn fit_pixel_limit(image: DynamicImage) -> DynamicImage {
    let (width, height) = image.dimensions();
    let pixels = u64::from(width) * u64::from(height);
    if pixels <= qr::MAX_PIXELS {
        return image;
    }
    let scale = (qr::MAX_PIXELS as f64 / pixels as f64).sqrt();
    let new_width = ((f64::from(width) * scale).floor() as u32).max(1);
    let new_height = ((f64::from(height) * scale).floor() as u32).max(1);
    image.thumbnail_exact(new_width, new_height)
}

/// Writes `text` as a QR code PNG with `module_pixels` pixels a module and a 4-module quiet zone.
///
/// # Errors
///
/// A message when the text cannot be encoded or the file cannot be written.
// Called by `issue --png` once the certificate commands land.
#[allow(dead_code)]
pub fn write_qr_png(text: &str, path: &str, module_pixels: u32) -> Result<(), String> {
    let code = qr::encode(text).map_err(|e| format!("cannot render the QR code: {e}"))?;
    let luma = code
        .to_luma(module_pixels, qr::QUIET_ZONE_MODULES)
        .map_err(|e| format!("cannot render the QR code: {e}"))?;
    let (width, height) = (luma.width(), luma.height());
    let buffer = image::GrayImage::from_raw(width, height, luma.into_pixels())
        .ok_or_else(|| "cannot render the QR code: pixel buffer size mismatch".to_owned())?;
    buffer
        .save_with_format(path, ImageFormat::Png)
        .map_err(|e| format!("cannot write `{path}`: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_path(name: &str) -> String {
        std::env::temp_dir()
            .join(format!("tirkeu-image-input-{}-{name}", std::process::id()))
            .display()
            .to_string()
    }

    #[test]
    fn png_written_is_read_back() {
        let path = temp_path("round-trip.png");
        let text = "KZ1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6";
        write_qr_png(text, &path, 4).unwrap();
        assert_eq!(
            qr_codes_in_image_file(&path).unwrap(),
            [qr::Code::Text(text.to_owned())]
        );
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn unusable_inputs_give_one_message() {
        assert!(
            write_qr_png("KZ1:A", &temp_path("zero.png"), 0)
                .unwrap_err()
                .contains("cannot render")
        );
        assert!(
            write_qr_png("lowercase", &temp_path("lower.png"), 4)
                .unwrap_err()
                .contains("alphanumeric")
        );
        let missing = temp_path("missing.png");
        assert!(
            qr_codes_in_image_file(&missing)
                .unwrap_err()
                .contains("cannot read")
        );
        let text_file = temp_path("not-an-image.txt");
        std::fs::write(&text_file, "KZ1:NOT AN IMAGE").unwrap();
        assert!(
            qr_codes_in_image_file(&text_file)
                .unwrap_err()
                .contains("is not a PNG, JPEG or WebP image")
        );
        std::fs::remove_file(&text_file).unwrap();
    }
}
