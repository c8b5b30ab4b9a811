//! QR codes, natively and in WebAssembly, without another crate: an encoder and SVG renderer,
//! and a scanner that finds codes in camera frames and photos.
//!
//! **Rendering** ([`encode`], [`render_svg`], [`QrCode::to_luma`]): a text of the QR
//! alphanumeric set becomes one alphanumeric segment at error correction level Q, in the
//! smallest version that holds it, with a 4-module quiet zone. The SVG is one `<path>` of runs
//! over a white rectangle, in module units, with `role="img"` and an `aria-label`.
//!
//! **Scanning** ([`scan_luma`], [`scan_rgba`]) is a pipeline of separate pieces:
//!
//! - `image`: greyscale buffers, RGBA conversion, resampling, blur;
//! - `binarize`: a locally adaptive threshold (8 x 8 blocks), compared as pixels are read;
//! - `finder`: finder patterns and their grouping into symbols;
//! - `fit`: the module grid fitted to the finder rings' corners and the alignment patterns
//!   (perspective), and sampled;
//! - `decode`: the grid size (version information), the fits tried in order of cost, and a
//!   plausibility check on each sampled grid;
//! - `grid`, `reed_solomon`, `segments`: the grid decoder (format information, unmasking,
//!   codeword placement, Reed-Solomon correction over GF(256), data segments), over `symbol`,
//!   the structure it shares with the encoder;
//! - `scan`: the retry ladder over variations of the image (inverted, rescaled, blurred);
//! - `camera`: [`FrameScanner`], a camera loop's region of interest carried from frame to frame.
//!
//! Any buffer is safe to pass: sizes are checked ([`ScanError`]), images over [`MAX_PIXELS`]
//! are refused rather than copied, and the detector's loops and geometry are bounded and
//! checked, so no input reaches a panic.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod binarize;
mod camera;
mod code;
mod decode;
mod encode;
mod error;
mod finder;
mod fit;
mod geometry;
mod grid;
mod image;
mod lattice;
mod reed_solomon;
mod render;
mod scan;
mod segments;
// Public for tirkeu, which sorts with it too (one sort in the module); not part of this crate's
// API.
#[doc(hidden)]
pub mod sort;
mod symbol;

pub use camera::{FULL_RESOLUTION_PIXELS, FrameScanner, FrameView, Region};
pub use code::{Code, NotText};
pub use error::{QrError, ScanError};
pub use image::{LumaImage, MAX_PIXELS, MIN_SIDE};
pub use render::{QUIET_ZONE_MODULES, QrCode, SvgOptions, encode, render_svg, render_svg_with};
pub use scan::ScanEffort;

fn check_scannable(width: u32, height: u32) -> Result<(), ScanError> {
    if width < MIN_SIDE || height < MIN_SIDE {
        return Err(ScanError::TooSmall { width, height });
    }
    Ok(())
}

/// Finds every QR code in an 8-bit greyscale image (row-major, 0 black) and returns the
/// distinct texts, top to bottom then left to right, trying the whole retry ladder
/// ([`ScanEffort::Thorough`]). Codes whose data is not text are left out ([`scan_luma_codes`]
/// gives them).
///
/// # Errors
///
/// [`ScanError::BufferSize`] when `luma.len() != width * height`; [`ScanError::TooLarge`] past
/// [`MAX_PIXELS`]; [`ScanError::TooSmall`] when a side is under [`MIN_SIDE`].
///
/// # Example
///
/// ```
/// let image = tirkeu_qr::encode("KZ1:NCFOXN%TS3DH")?.to_luma(4, 4)?;
/// let texts = tirkeu_qr::scan_luma(image.width(), image.height(), image.pixels()).unwrap();
/// assert_eq!(texts, ["KZ1:NCFOXN%TS3DH"]);
/// assert!(tirkeu_qr::scan_luma(0, 0, &[]).is_err());
/// # Ok::<(), tirkeu_qr::QrError>(())
/// ```
pub fn scan_luma(width: u32, height: u32, luma: &[u8]) -> Result<Vec<String>, ScanError> {
    scan_luma_with(width, height, luma, ScanEffort::Thorough)
}

/// [`scan_luma`] with a chosen effort ([`ScanEffort::Quick`] for live camera frames).
///
/// # Errors
///
/// As [`scan_luma`].
///
/// # Example
///
/// ```
/// use tirkeu_qr::{encode, scan_luma_with, ScanEffort};
/// let image = encode("KZ1:ABC")?.to_luma(3, 4)?;
/// let texts = scan_luma_with(image.width(), image.height(), image.pixels(), ScanEffort::Quick).unwrap();
/// assert_eq!(texts, ["KZ1:ABC"]);
/// # Ok::<(), tirkeu_qr::QrError>(())
/// ```
pub fn scan_luma_with(
    width: u32,
    height: u32,
    luma: &[u8],
    effort: ScanEffort,
) -> Result<Vec<String>, ScanError> {
    Ok(texts_of(scan_luma_codes(width, height, luma, effort)?))
}

/// Every QR code in an 8-bit greyscale image, text or not ([`Code`]), in the order of
/// [`scan_luma`], with a chosen effort.
///
/// # Errors
///
/// As [`scan_luma`].
///
/// # Example
///
/// ```
/// use tirkeu_qr::{encode, scan_luma_codes, Code, ScanEffort};
/// let image = encode("KZ1:ABC")?.to_luma(3, 4)?;
/// let codes = scan_luma_codes(image.width(), image.height(), image.pixels(), ScanEffort::Quick).unwrap();
/// assert_eq!(codes, [Code::Text("KZ1:ABC".to_owned())]);
/// # Ok::<(), tirkeu_qr::QrError>(())
/// ```
pub fn scan_luma_codes(
    width: u32,
    height: u32,
    luma: &[u8],
    effort: ScanEffort,
) -> Result<Vec<Code>, ScanError> {
    image::check_dimensions(width, height, luma.len(), 1)?;
    check_scannable(width, height)?;
    let view = image::Luma {
        width: width as usize,
        height: height as usize,
        pixels: luma,
    };
    Ok(scan::scan(&view, effort).codes)
}

/// Finds every QR code in an RGBA image (4 bytes a pixel, as a browser's `ImageData`) and
/// returns the distinct texts, as [`scan_luma`]. Transparent pixels count as white.
///
/// # Errors
///
/// [`ScanError::BufferSize`] when `rgba.len() != width * height * 4`; [`ScanError::TooLarge`]
/// past [`MAX_PIXELS`]; [`ScanError::TooSmall`] when a side is under [`MIN_SIDE`].
///
/// # Example
///
/// ```
/// let luma = tirkeu_qr::encode("KZ1:ABC")?.to_luma(3, 4)?;
/// let rgba: Vec<u8> = luma.pixels().iter().flat_map(|&v| [v, v, v, 255]).collect();
/// assert_eq!(tirkeu_qr::scan_rgba(luma.width(), luma.height(), &rgba).unwrap(), ["KZ1:ABC"]);
/// assert!(tirkeu_qr::scan_rgba(2, 2, &[0; 15]).is_err());
/// # Ok::<(), tirkeu_qr::QrError>(())
/// ```
pub fn scan_rgba(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<String>, ScanError> {
    scan_rgba_with(width, height, rgba, ScanEffort::Thorough)
}

/// [`scan_rgba`] with a chosen effort ([`ScanEffort::Quick`] for live camera frames).
///
/// # Errors
///
/// As [`scan_rgba`].
///
/// # Example
///
/// ```
/// use tirkeu_qr::{encode, scan_rgba_with, ScanEffort};
/// let luma = encode("KZ1:ABC")?.to_luma(3, 4)?;
/// let rgba: Vec<u8> = luma.pixels().iter().flat_map(|&v| [v, v, v, 255]).collect();
/// assert_eq!(scan_rgba_with(luma.width(), luma.height(), &rgba, ScanEffort::Quick).unwrap(), ["KZ1:ABC"]);
/// # Ok::<(), tirkeu_qr::QrError>(())
/// ```
pub fn scan_rgba_with(
    width: u32,
    height: u32,
    rgba: &[u8],
    effort: ScanEffort,
) -> Result<Vec<String>, ScanError> {
    Ok(texts_of(scan_rgba_codes(width, height, rgba, effort)?))
}

/// Every QR code in an RGBA image, text or not ([`Code`]), in the order of [`scan_rgba`], with a
/// chosen effort.
///
/// # Errors
///
/// As [`scan_rgba`].
///
/// # Example
///
/// ```
/// use tirkeu_qr::{encode, scan_rgba_codes, ScanEffort};
/// let luma = encode("KZ1:ABC")?.to_luma(3, 4)?;
/// let rgba: Vec<u8> = luma.pixels().iter().flat_map(|&v| [v, v, v, 255]).collect();
/// let codes = scan_rgba_codes(luma.width(), luma.height(), &rgba, ScanEffort::Thorough).unwrap();
/// assert_eq!(codes[0].text(), Some("KZ1:ABC"));
/// # Ok::<(), tirkeu_qr::QrError>(())
/// ```
pub fn scan_rgba_codes(
    width: u32,
    height: u32,
    rgba: &[u8],
    effort: ScanEffort,
) -> Result<Vec<Code>, ScanError> {
    image::check_dimensions(width, height, rgba.len(), 4)?;
    check_scannable(width, height)?;
    Ok(scan::scan_rgba(width as usize, height as usize, rgba, effort).codes)
}

/// Finds every QR code in a [`LumaImage`], as [`scan_luma_with`].
///
/// # Errors
///
/// [`ScanError::TooSmall`] when a side is under [`MIN_SIDE`].
///
/// # Example
///
/// ```
/// use tirkeu_qr::{encode, scan_image, ScanEffort};
/// let image = encode("KZ1:ABC")?.to_luma(2, 4)?;
/// assert_eq!(scan_image(&image, ScanEffort::Thorough).unwrap(), ["KZ1:ABC"]);
/// # Ok::<(), tirkeu_qr::QrError>(())
/// ```
pub fn scan_image(image: &LumaImage, effort: ScanEffort) -> Result<Vec<String>, ScanError> {
    check_scannable(image.width(), image.height())?;
    Ok(texts_of(scan::scan(&image.view(), effort).codes))
}

/// The texts of `codes`, in order, leaving out data that is not text.
fn texts_of(codes: Vec<Code>) -> Vec<String> {
    codes.into_iter().filter_map(Code::into_text).collect()
}
