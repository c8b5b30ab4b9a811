//! QR codes: rendering the certificate's text as a code, and finding codes in pixels.
//!
//! Placeholder signatures; the QR workstream fills in the bodies.

use core::fmt;

/// A rendered QR symbol: a square of modules, without the quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    version: u8,
    width: usize,
    dark: Vec<bool>,
}

impl QrCode {
    /// The QR version, 1-40.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// Modules per side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the module at column `x`, row `y` is dark (false outside the symbol).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }
}

/// Why a text cannot be rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum QrError {
    /// The text does not fit a version 40 code at level Q.
    TooLong {
        /// Characters in the text.
        len: usize,
    },
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QrError::TooLong { len } => {
                write!(f, "{len} characters do not fit a QR code at level Q")
            }
        }
    }
}

impl std::error::Error for QrError {}

/// Why pixels cannot be scanned.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScanError {
    /// The buffer length does not match width x height (x channels).
    BufferSize {
        /// Bytes expected.
        expected: u64,
        /// Bytes received.
        actual: usize,
    },
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScanError::BufferSize { expected, actual } => {
                write!(f, "pixel buffer holds {actual} bytes, expected {expected}")
            }
        }
    }
}

impl std::error::Error for ScanError {}

/// Encodes `text` as one alphanumeric segment at level Q.
///
/// # Errors
///
/// [`QrError`] when the text cannot be encoded.
pub fn encode(text: &str) -> Result<QrCode, QrError> {
    Err(QrError::TooLong { len: text.len() })
}

/// Renders `text` as an SVG document with a 4-module quiet zone.
///
/// # Errors
///
/// [`QrError`] when the text cannot be encoded.
pub fn render_svg(text: &str) -> Result<String, QrError> {
    encode(text).map(|_| String::new())
}

/// Finds every QR code in an 8-bit greyscale image and returns the texts.
///
/// # Errors
///
/// [`ScanError::BufferSize`] when `luma.len() != width * height`.
pub fn scan_luma(width: u32, height: u32, luma: &[u8]) -> Result<Vec<String>, ScanError> {
    let expected = u64::from(width) * u64::from(height);
    if luma.len() as u64 != expected {
        return Err(ScanError::BufferSize {
            expected,
            actual: luma.len(),
        });
    }
    Ok(Vec::new())
}

/// Finds every QR code in an RGBA image (4 bytes a pixel) and returns the texts.
///
/// # Errors
///
/// [`ScanError::BufferSize`] when `rgba.len() != width * height * 4`.
pub fn scan_rgba(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<String>, ScanError> {
    let expected = u64::from(width) * u64::from(height) * 4;
    if rgba.len() as u64 != expected {
        return Err(ScanError::BufferSize {
            expected,
            actual: rgba.len(),
        });
    }
    Ok(Vec::new())
}
