//! Image files for `scan` and `verify --image`, and PNG output for `issue --png`.
//!
//! Placeholder signatures; the QR workstream fills in the bodies.

use std::process::ExitCode;

/// `tirkeu scan IMAGE...`.
pub fn scan(_argv: Vec<String>) -> ExitCode {
    super::args::unusable("`scan` is not built yet")
}

/// Every QR text found in the PNG, JPEG or WebP file at `path`.
///
/// # Errors
///
/// A message when the file cannot be read or decoded as an image.
pub fn qr_texts_in_image_file(path: &str) -> Result<Vec<String>, String> {
    Err(format!(
        "cannot read `{path}`: image input is not built yet"
    ))
}

/// Writes `text` as a QR code PNG with `module_pixels` pixels a module and a 4-module quiet zone.
///
/// # Errors
///
/// A message when the text cannot be encoded or the file cannot be written.
pub fn write_qr_png(_text: &str, path: &str, _module_pixels: u32) -> Result<(), String> {
    Err(format!(
        "cannot write `{path}`: PNG output is not built yet"
    ))
}
