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

/// The part of a camera frame a [`FrameScanner`] reads next ([`FrameScanner::view`]), and the
/// size it wants it at: a caller that draws its frames itself (a page's canvas) hands over only
/// those pixels, scaled, rather than the whole frame.
///
/// A view scaled down is wanted by the nearest pixel (a canvas with image smoothing off), not
/// by the mean of the pixels each covers: a dense code's modules of two or three pixels keep
/// their contrast when sampled and blur to grey when averaged, and a grid that still looks like
/// a symbol is what brings the next view to its region at full resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FrameView {
    /// The frame's width in pixels.
    pub frame_width: u32,
    /// The frame's height in pixels.
    pub frame_height: u32,
    /// The rectangle of the frame to read: the whole frame, or the region where the last code
    /// was.
    pub source: Region,
    /// The width to deliver `source` at: its own, or half of it for a large frame searched
    /// whole.
    pub width: u32,
    /// The height to deliver `source` at.
    pub height: u32,
}

impl FrameView {
    /// Whether the view is a part of the frame (a region carried over) rather than all of it.
    fn is_region(&self) -> bool {
        self.source.width < self.frame_width || self.source.height < self.frame_height
    }

    /// `bounds` in the view's pixels as frame pixels.
    fn in_frame(&self, bounds: Bounds) -> Bounds {
        let x = f64::from(self.source.width) / f64::from(self.width);
        let y = f64::from(self.source.height) / f64::from(self.height);
        Bounds {
            left: bounds.left * x + f64::from(self.source.left),
            top: bounds.top * y + f64::from(self.source.top),
            right: bounds.right * x + f64::from(self.source.left),
            bottom: bounds.bottom * y + f64::from(self.source.top),
        }
    }
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
    /// The last view was the region and read nothing: the next view is the whole frame.
    region_missed: bool,
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
            region_missed: false,
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
        self.start_frame(width, height);
        self.region_missed = false;
        if let Some(region) = self.carried_region() {
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

    /// The part of the next frame, `width` x `height` pixels, this scanner reads, and the size it
    /// reads it at: the region where the last code was, at full resolution; after a frame that
    /// found nothing there, or with no region carried over, the whole frame, at half its size
    /// when it has more than [`FULL_RESOLUTION_PIXELS`] pixels. A caller that scales and crops
    /// its frames itself (a page drawing video into a canvas) hands
    /// [`FrameScanner::scan_view_rgba_codes`] only those pixels: a full-HD frame then costs
    /// what a quarter of it does, its copy included.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu_qr::{FrameScanner, Region};
    /// let view = FrameScanner::new().view(1920, 1080);
    /// let whole = Region { left: 0, top: 0, width: 1920, height: 1080 };
    /// assert_eq!((view.source, view.width, view.height), (whole, 960, 540));
    /// ```
    pub fn view(&self, width: u32, height: u32) -> FrameView {
        let whole = Region {
            left: 0,
            top: 0,
            width,
            height,
        };
        let carried = if self.frame == (width, height) && !self.region_missed {
            self.carried_region()
        } else {
            None
        };
        let (source, halve) = match carried {
            Some(region) => (region, false),
            None => (
                whole,
                u64::from(width) * u64::from(height) > FULL_RESOLUTION_PIXELS,
            ),
        };
        let (out_width, out_height) = if halve {
            (source.width / 2, source.height / 2)
        } else {
            (source.width, source.height)
        };
        FrameView {
            frame_width: width,
            frame_height: height,
            source,
            width: out_width,
            height: out_height,
        }
    }

    /// Every QR code in the RGBA pixels of `view` of a frame (`view.width` x `view.height`
    /// pixels, 4 bytes each: `view.source` scaled to that size), as
    /// [`FrameScanner::scan_rgba_codes`] would find there. `view` is what [`FrameScanner::view`]
    /// gave for this frame; another view of the frame works too.
    ///
    /// # Errors
    ///
    /// As [`FrameScanner::scan_rgba`] for the view's pixels, and [`ScanError::ViewOutsideFrame`]
    /// when `view.source` does not lie in the frame. The state is kept.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu_qr::{encode, Code, FrameScanner};
    /// let code = encode("KZ1:ABC")?.to_luma(3, 4)?;
    /// let rgba: Vec<u8> = code.pixels().iter().flat_map(|&v| [v, v, v, 255]).collect();
    /// let mut scanner = FrameScanner::new();
    /// let view = scanner.view(code.width(), code.height()); // the whole frame, full size
    /// let found = scanner.scan_view_rgba_codes(&view, &rgba).unwrap();
    /// assert_eq!(found, [Code::Text("KZ1:ABC".to_owned())]);
    /// assert!(!scanner.tracked()); // found in the whole frame, not in a region carried over
    /// # Ok::<(), tirkeu_qr::QrError>(())
    /// ```
    pub fn scan_view_rgba_codes(
        &mut self,
        view: &FrameView,
        rgba: &[u8],
    ) -> Result<Vec<Code>, ScanError> {
        image::check_dimensions(view.width, view.height, rgba.len(), 4)?;
        check_scannable(view.width, view.height)?;
        let source = view.source;
        let inside = u64::from(source.left) + u64::from(source.width)
            <= u64::from(view.frame_width)
            && u64::from(source.top) + u64::from(source.height) <= u64::from(view.frame_height)
            && source.width > 0
            && source.height > 0;
        if !inside {
            return Err(ScanError::ViewOutsideFrame {
                frame_width: view.frame_width,
                frame_height: view.frame_height,
                source,
            });
        }
        self.start_frame(view.frame_width, view.frame_height);
        let (width, height) = (view.width as usize, view.height as usize);
        if view.is_region() {
            let mut pixels = vec![0; width * height];
            image::convert_pixels(rgba, &mut pixels);
            let luma = image::Luma {
                width,
                height,
                pixels: &pixels,
            };
            let found = scan::scan_region(&luma);
            let bounds = found.bounds.map(|b| view.in_frame(b));
            self.region_missed = found.codes.is_empty();
            if self.region_missed {
                // Not a miss yet: the whole frame, next, may find the code elsewhere.
                if let Some(region) = bounds.and_then(|b| self.region_in_frame(b)) {
                    self.region = Some(region);
                }
            } else {
                self.tracked = true;
                self.remember(bounds);
            }
            return Ok(found.codes);
        }
        self.region_missed = false;
        let found = scan::scan_rgba(width, height, rgba, ScanEffort::Quick);
        self.remember(found.bounds.map(|b| view.in_frame(b)));
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

    /// A frame of `width` x `height` begins: a frame of another size starts afresh.
    fn start_frame(&mut self, width: u32, height: u32) {
        if self.frame != (width, height) {
            *self = FrameScanner {
                frame: (width, height),
                ..FrameScanner::new()
            };
        }
        self.tracked = false;
    }

    /// The region carried over, when a pass over it saves anything.
    fn carried_region(&self) -> Option<Region> {
        let (width, height) = self.frame;
        self.region.filter(|r| worth_a_pass(r, width, height))
    }

    /// The region around `bounds` (frame pixels) in the current frame.
    fn region_in_frame(&self, bounds: Bounds) -> Option<Region> {
        region_around(bounds, self.frame.0, self.frame.1)
    }

    /// Keeps the region around `bounds` (frame pixels), or counts a miss.
    fn remember(&mut self, bounds: Option<Bounds>) {
        match bounds.and_then(|b| self.region_in_frame(b)) {
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
