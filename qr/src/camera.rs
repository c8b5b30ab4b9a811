//! Camera frames scanned one after another: where the last code was seen (or nearly decoded) is
//! looked at first, cropped with a margin, before the whole frame.
//!
//! A phone held over a certificate sees the code in about the same place frame after frame; a
//! region around it is a fraction of the frame, so it costs a fraction of a full pass and can
//! afford the rungs that help with a camera still focusing (blur, enlargement). A miss there
//! falls back to the whole frame at [`ScanEffort::Quick`].

use super::code::Code;
use super::image::{self, OwnedLuma};
use super::scan::{self, Bounds};
use super::{ScanEffort, ScanError, check_scannable};

/// A rectangle of a frame, in pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Region {
    /// Column of the leftmost pixel.
    pub left: u32,
    /// Row of the topmost pixel.
    pub top: u32,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Frames larger than this, in pixels, are searched at half their size when no region is carried
/// over (1280 x 960 and smaller frames at full size).
pub const FULL_RESOLUTION_PIXELS: u64 = 1_300_000;

/// Frames in a row without a code before the region is forgotten (a blurred frame or two while
/// the camera refocuses should not lose it).
const MAX_MISSES: u32 = 2;
/// The margin around the code on each side: a quarter of its larger side, at least 16 pixels
/// (the code moves a little in the eighth of a second between frames of a hand-held phone).
const MARGIN_DIVISOR: f64 = 4.0;
const MIN_MARGIN: f64 = 16.0;

/// Scans the frames of a camera, one after another, looking first where the last code was.
/// ([`Default`] is [`FrameScanner::new`].)
///
/// The state is small (a region and two counters) and the scanner is a plain value: a page
/// keeps one per camera stream. Frames of another size start afresh.
///
/// # Example
///
/// ```
/// use tirkeu_qr::{encode, FrameScanner};
///
/// // A 200 x 150 grey frame with the code pasted at (`left`, `top`).
/// let code = encode("KZ1:ABC")?.to_luma(3, 4)?;
/// let frame = |left: u32, top: u32| -> Vec<u8> {
///     let mut rgba = vec![200u8; 200 * 150 * 4];
///     for y in 0..code.height() {
///         for x in 0..code.width() {
///             let value = code.pixel(x, y).unwrap_or(255);
///             let at = (((top + y) * 200 + left + x) * 4) as usize;
///             rgba[at..at + 4].copy_from_slice(&[value, value, value, 255]);
///         }
///     }
///     rgba
/// };
/// let mut scanner = FrameScanner::new();
/// assert_eq!(scanner.scan_rgba(200, 150, &frame(10, 10)).unwrap(), ["KZ1:ABC"]);
/// assert!(!scanner.tracked() && scanner.region().is_some());
/// // The code moved a little: found in the region carried over.
/// assert_eq!(scanner.scan_rgba(200, 150, &frame(16, 14)).unwrap(), ["KZ1:ABC"]);
/// assert!(scanner.tracked());
/// # Ok::<(), tirkeu_qr::QrError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameScanner {
    frame: (u32, u32),
    region: Option<Region>,
    misses: u32,
    tracked: bool,
}

impl Default for FrameScanner {
    fn default() -> FrameScanner {
        FrameScanner::new()
    }
}

impl FrameScanner {
    /// A scanner that has seen no frame yet.
    ///
    /// # Example
    ///
    /// ```
    /// let scanner = tirkeu_qr::FrameScanner::new();
    /// assert_eq!(scanner.region(), None);
    /// ```
    pub const fn new() -> FrameScanner {
        FrameScanner {
            frame: (0, 0),
            region: None,
            misses: 0,
            tracked: false,
        }
    }

    /// Every QR text in an RGBA frame (4 bytes a pixel, as a browser's `ImageData`), as
    /// [`scan_rgba_with`](super::scan_rgba_with) at [`ScanEffort::Quick`], after looking first
    /// in the region where the previous frame's code was. Codes whose data is not text are left
    /// out ([`FrameScanner::scan_rgba_codes`] gives them).
    ///
    /// # Errors
    ///
    /// As [`scan_rgba`](super::scan_rgba): [`ScanError::BufferSize`], [`ScanError::TooLarge`],
    /// [`ScanError::TooSmall`]. The state is kept.
    ///
    /// # Example
    ///
    /// ```
    /// let mut scanner = tirkeu_qr::FrameScanner::new();
    /// let blank = vec![255u8; 64 * 48 * 4];
    /// assert_eq!(scanner.scan_rgba(64, 48, &blank).unwrap(), Vec::<String>::new());
    /// assert!(scanner.scan_rgba(64, 48, &blank[4..]).is_err());
    /// ```
    pub fn scan_rgba(
        &mut self,
        width: u32,
        height: u32,
        rgba: &[u8],
    ) -> Result<Vec<String>, ScanError> {
        Ok(super::texts_of(self.scan_rgba_codes(width, height, rgba)?))
    }

    /// Every QR code in an RGBA frame, text or not ([`Code`]), as [`FrameScanner::scan_rgba`].
    ///
    /// A frame of more than [`FULL_RESOLUTION_PIXELS`] pixels (a phone's 1920 x 1080) is
    /// searched at half its size when no region is carried over, and read at full resolution
    /// only around where a code was seen (a dense code that does not read at half size, from
    /// the next frame on): such a frame costs about what a quarter of it would.
    ///
    /// # Errors
    ///
    /// As [`FrameScanner::scan_rgba`].
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu_qr::{encode, Code, FrameScanner};
    /// let code = encode("KZ1:ABC")?.to_luma(3, 4)?;
    /// let rgba: Vec<u8> = code.pixels().iter().flat_map(|&v| [v, v, v, 255]).collect();
    /// let found = FrameScanner::new().scan_rgba_codes(code.width(), code.height(), &rgba).unwrap();
    /// assert_eq!(found, [Code::Text("KZ1:ABC".to_owned())]);
    /// # Ok::<(), tirkeu_qr::QrError>(())
    /// ```
    pub fn scan_rgba_codes(
        &mut self,
        width: u32,
        height: u32,
        rgba: &[u8],
    ) -> Result<Vec<Code>, ScanError> {
        image::check_dimensions(width, height, rgba.len(), 4)?;
        check_scannable(width, height)?;
        if self.frame != (width, height) {
            *self = FrameScanner {
                frame: (width, height),
                ..FrameScanner::new()
            };
        }
        self.tracked = false;
        if let Some(region) = self.region.filter(|r| worth_a_pass(r, width, height)) {
            let found = scan_crop(rgba, width, region);
            if !found.codes.is_empty() {
                self.tracked = true;
                self.remember(found.bounds);
                return Ok(found.codes);
            }
        }
        let found = if u64::from(width) * u64::from(height) > FULL_RESOLUTION_PIXELS {
            // A grid that looks like a symbol without decoding here (a dense code) leaves its
            // region, which the next frame reads at full resolution.
            // One pixel of each 2 x 2 block: a quarter of the frame converted, with the blocks'
            // black points gathered in the same pass, as a frame of half the size would be (a
            // mean of each block cost four times the conversion and read no more codes).
            let (w, h) = (width as usize, height as usize);
            let mut found = scan::scan_rgba_sampled(rgba, w, 2, w / 2, h / 2, ScanEffort::Quick);
            found.bounds = found.bounds.map(|b| b.scaled(2.0));
            found
        } else {
            scan::scan_rgba(width as usize, height as usize, rgba, ScanEffort::Quick)
        };
        self.remember(found.bounds);
        Ok(found.codes)
    }

    /// The region the next frame is looked at first, if any: around the last code found (or
    /// the last grid that looked like a code), with a margin, inside the frame.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu_qr::FrameScanner::new().region(), None);
    /// ```
    pub fn region(&self) -> Option<Region> {
        self.region
    }

    /// Whether the last frame's codes were found in the region carried over from the frames
    /// before it (rather than by a pass over the whole frame).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!tirkeu_qr::FrameScanner::new().tracked());
    /// ```
    pub fn tracked(&self) -> bool {
        self.tracked
    }

    /// Forgets the region and the frame size, as a new scanner.
    ///
    /// # Example
    ///
    /// ```
    /// let mut scanner = tirkeu_qr::FrameScanner::new();
    /// scanner.reset();
    /// assert_eq!(scanner, tirkeu_qr::FrameScanner::new());
    /// ```
    pub fn reset(&mut self) {
        *self = FrameScanner::new();
    }

    /// Keeps the region around `bounds` (frame pixels), or counts a miss.
    fn remember(&mut self, bounds: Option<Bounds>) {
        let (width, height) = self.frame;
        match bounds.and_then(|b| region_around(b, width, height)) {
            Some(region) => {
                self.region = Some(region);
                self.misses = 0;
            }
            None => {
                self.misses = self.misses.saturating_add(1);
                if self.misses > MAX_MISSES {
                    self.region = None;
                }
            }
        }
    }
}

/// The codes in `region` of an RGBA frame `width` pixels wide, at full resolution, with bounds
/// in frame pixels.
fn scan_crop(rgba: &[u8], width: u32, region: Region) -> scan::Scanned {
    let crop: OwnedLuma = image::rgba_region_to_luma(rgba, width as usize, region);
    let mut found = scan::scan_region(&crop.view());
    found.bounds = found
        .bounds
        .map(|b| b.offset(f64::from(region.left), f64::from(region.top)));
    found
}

/// `bounds` with the margin, clipped to the frame; `None` when too small to hold a code.
fn region_around(bounds: Bounds, width: u32, height: u32) -> Option<Region> {
    let side = (bounds.right - bounds.left).max(bounds.bottom - bounds.top);
    let margin = (side / MARGIN_DIVISOR).max(MIN_MARGIN);
    let clip = |value: f64, limit: u32| {
        if value.is_finite() {
            value.clamp(0.0, f64::from(limit)) as u32
        } else {
            0
        }
    };
    let left = clip((bounds.left - margin).floor(), width);
    let top = clip((bounds.top - margin).floor(), height);
    let right = clip((bounds.right + margin).ceil(), width);
    let bottom = clip((bounds.bottom + margin).ceil(), height);
    let region = Region {
        left,
        top,
        width: right.saturating_sub(left),
        height: bottom.saturating_sub(top),
    };
    (region.width >= super::MIN_SIDE && region.height >= super::MIN_SIDE).then_some(region)
}

/// Whether a pass over `region` saves anything: it must lie in the frame and cover at most two
/// thirds of it (a larger one costs about as much as the whole frame, which comes next on a
/// miss).
fn worth_a_pass(region: &Region, width: u32, height: u32) -> bool {
    let inside = u64::from(region.left) + u64::from(region.width) <= u64::from(width)
        && u64::from(region.top) + u64::from(region.height) <= u64::from(height);
    let area = u64::from(region.width) * u64::from(region.height);
    inside && 3 * area <= 2 * u64::from(width) * u64::from(height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_have_a_margin_and_stay_inside_the_frame() {
        let bounds = Bounds {
            left: 100.0,
            top: 50.0,
            right: 190.0,
            bottom: 110.0,
        };
        // Larger side 90: a margin of 22.5 each way, rounded outwards.
        assert_eq!(
            region_around(bounds, 640, 480),
            Some(Region {
                left: 77,
                top: 27,
                width: 136,
                height: 106
            })
        );
        let corner = Bounds {
            left: -5.0,
            top: 470.0,
            right: 10.0,
            bottom: 490.0,
        };
        assert_eq!(
            region_around(corner, 640, 480),
            Some(Region {
                left: 0,
                top: 454,
                width: 26,
                height: 26
            })
        );
        // Not a number, or too small to hold a code after clipping: no region.
        let nowhere = Bounds {
            left: f64::NAN,
            top: 0.0,
            right: 1.0,
            bottom: 1.0,
        };
        assert_eq!(region_around(nowhere, 640, 480), None);
        let sliver = Bounds {
            left: 630.0,
            top: 10.0,
            right: 700.0,
            bottom: 80.0,
        };
        assert_eq!(region_around(sliver, 640, 480).map(|r| r.width), Some(28));
        assert!(!worth_a_pass(
            &Region {
                left: 0,
                top: 0,
                width: 640,
                height: 330
            },
            640,
            480
        ));
        assert!(!worth_a_pass(
            &Region {
                left: 600,
                top: 0,
                width: 50,
                height: 50
            },
            640,
            480
        ));
    }
}
