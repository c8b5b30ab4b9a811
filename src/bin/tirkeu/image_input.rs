//! Image files for `scan` and `verify --image`, and PNG output for `issue --png`.

use std::io::{Cursor, Write};
use std::process::ExitCode;

use image::{DynamicImage, GenericImageView, ImageFormat, ImageReader, Limits};
use tirkeu::qr::{self, ScanError};

use super::args::{Args, read_input, unusable};

/// Largest side, in pixels, of an image file the command line decodes at all (a decompression
/// bomb declares a huge size in a tiny file).
const MAX_DECODED_SIDE: u32 = 30_000;

const SCAN_HELP: &str = "\
tirkeu scan IMAGE...

Finds the QR codes in each image file (PNG, JPEG or WebP; - for standard input) and prints the
text of each, one a line. Photos, scans and screenshots: small, blurred or rotated codes are
retried at other scales before giving up.
Exit: 0 at least one code found, 1 none, 2 an image could not be read.";

/// `tirkeu scan IMAGE...`: prints each QR text found, one per line, file after file; exit 0 when
/// at least one was found, 1 when none, 2 (one line on stderr) when a file cannot be read or
/// decoded as an image.
pub fn scan(argv: Vec<String>) -> ExitCode {
    if super::args::wants_help(&argv) {
        return super::args::help(SCAN_HELP);
    }
    let args = match Args::parse(argv, &[]) {
        Ok(args) => args,
        Err(message) => return unusable(message),
    };
    if args.positionals().is_empty() {
        return unusable(
            "`scan` needs at least one image file (PNG, JPEG or WebP; `-` for standard input)",
        );
    }
    // Read every file before printing, so that an unusable file leaves no partial output.
    let mut texts = Vec::new();
    for path in args.positionals() {
        match qr_texts_in_image_file(path) {
            Ok(found) => texts.extend(found),
            Err(message) => return unusable(message),
        }
    }
    if texts.is_empty() {
        return ExitCode::from(1);
    }
    let mut out = std::io::stdout().lock();
    for text in &texts {
        // A closed pipe (`tirkeu scan x.png | head -1`) is not an error worth reporting.
        if writeln!(out, "{text}").is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

/// Every QR text found in the PNG, JPEG or WebP file at `path` (`-` reads standard input).
/// A photo over [`qr::MAX_PIXELS`] is downscaled to fit first; an image too small to hold a
/// code has none.
///
/// # Errors
///
/// A message when the file cannot be read or decoded as an image.
pub fn qr_texts_in_image_file(path: &str) -> Result<Vec<String>, String> {
    let bytes = read_input(path)?;
    let image = decode_image(path, bytes)?;
    let image = fit_pixel_limit(image);
    let rgba = image.to_rgba8();
    match qr::scan_rgba(rgba.width(), rgba.height(), rgba.as_raw()) {
        Ok(texts) => Ok(texts),
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
        assert_eq!(qr_texts_in_image_file(&path).unwrap(), [text]);
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
            qr_texts_in_image_file(&missing)
                .unwrap_err()
                .contains("cannot read")
        );
        let text_file = temp_path("not-an-image.txt");
        std::fs::write(&text_file, "KZ1:NOT AN IMAGE").unwrap();
        assert!(
            qr_texts_in_image_file(&text_file)
                .unwrap_err()
                .contains("is not a PNG, JPEG or WebP image")
        );
        std::fs::remove_file(&text_file).unwrap();
    }
}
