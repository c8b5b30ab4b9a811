//! 8-bit greyscale pixel buffers and the few operations the scanner's retry ladder needs:
//! colour conversion, inversion, resampling and a light blur. All integer arithmetic, all
//! bounds-checked by construction (a [`LumaImage`] always holds exactly `width * height` pixels).

use super::{Region, ScanError};

/// The largest image, in pixels, that the scanner accepts and that rendering produces:
/// 40 megapixels (a 7,300 x 5,480 photo). A larger frame is refused with
/// [`ScanError::TooLarge`] rather than allocating several copies of it; a caller with a larger
/// photo downscales it first (the command line does).
pub const MAX_PIXELS: u64 = 40_000_000;

/// The smallest side, in pixels, that can hold a QR code (a version 1 symbol is 21 modules).
pub const MIN_SIDE: u32 = 21;

/// An 8-bit greyscale image: 0 is black, 255 is white, rows top to bottom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LumaImage {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

impl LumaImage {
    /// Wraps `pixels` (row-major, `width * height` bytes).
    ///
    /// # Errors
    ///
    /// [`ScanError::BufferSize`] when the length does not match, [`ScanError::TooLarge`] past
    /// [`MAX_PIXELS`].
    ///
    /// # Example
    ///
    /// ```
    /// let image = tirkeu_qr::LumaImage::new(2, 1, vec![0, 255])?;
    /// assert_eq!(image.pixel(1, 0), Some(255));
    /// assert!(tirkeu_qr::LumaImage::new(2, 2, vec![0; 3]).is_err());
    /// # Ok::<(), tirkeu_qr::ScanError>(())
    /// ```
    pub fn new(width: u32, height: u32, pixels: Vec<u8>) -> Result<Self, ScanError> {
        check_dimensions(width, height, pixels.len(), 1)?;
        Ok(LumaImage {
            width,
            height,
            pixels,
        })
    }

    /// Converts RGBA pixels (4 bytes a pixel, as in a browser's `ImageData`) to luma with the
    /// integer BT.601 weights, compositing transparent pixels over white.
    ///
    /// # Errors
    ///
    /// [`ScanError::BufferSize`] when `rgba.len() != width * height * 4`,
    /// [`ScanError::TooLarge`] past [`MAX_PIXELS`].
    ///
    /// # Example
    ///
    /// ```
    /// // An opaque red pixel and a fully transparent black one (white once composited).
    /// let image = tirkeu_qr::LumaImage::from_rgba(2, 1, &[255, 0, 0, 255, 0, 0, 0, 0])?;
    /// assert_eq!(image.pixels(), [77, 255]);
    /// # Ok::<(), tirkeu_qr::ScanError>(())
    /// ```
    pub fn from_rgba(width: u32, height: u32, rgba: &[u8]) -> Result<Self, ScanError> {
        check_dimensions(width, height, rgba.len(), 4)?;
        let mut pixels = vec![u8::MAX; rgba.len() / 4];
        convert_pixels(rgba, &mut pixels);
        Ok(LumaImage {
            width,
            height,
            pixels,
        })
    }

    /// Width in pixels.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu_qr::LumaImage::new(3, 1, vec![0; 3])?.width(), 3);
    /// # Ok::<(), tirkeu_qr::ScanError>(())
    /// ```
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu_qr::LumaImage::new(3, 1, vec![0; 3])?.height(), 1);
    /// # Ok::<(), tirkeu_qr::ScanError>(())
    /// ```
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The pixels, row-major.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu_qr::LumaImage::new(2, 1, vec![7, 9])?.pixels(), [7, 9]);
    /// # Ok::<(), tirkeu_qr::ScanError>(())
    /// ```
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// The pixels, row-major, by value.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu_qr::LumaImage::new(2, 1, vec![7, 9])?.into_pixels(), vec![7, 9]);
    /// # Ok::<(), tirkeu_qr::ScanError>(())
    /// ```
    pub fn into_pixels(self) -> Vec<u8> {
        self.pixels
    }

    /// The pixel at column `x`, row `y`, or `None` outside the image.
    ///
    /// # Example
    ///
    /// ```
    /// let image = tirkeu_qr::LumaImage::new(2, 1, vec![7, 9])?;
    /// assert_eq!((image.pixel(0, 0), image.pixel(2, 0)), (Some(7), None));
    /// # Ok::<(), tirkeu_qr::ScanError>(())
    /// ```
    pub fn pixel(&self, x: u32, y: u32) -> Option<u8> {
        if x >= self.width || y >= self.height {
            return None;
        }
        self.pixels
            .get(y as usize * self.width as usize + x as usize)
            .copied()
    }

    /// The image resampled to `width` x `height`: each output pixel is the area-weighted mean of
    /// the input pixels it covers when shrinking, a bilinear blend when enlarging. `None` when
    /// a side is 0 or the result (or the one-direction intermediate) would exceed
    /// [`MAX_PIXELS`].
    ///
    /// # Example
    ///
    /// ```
    /// let image = tirkeu_qr::LumaImage::new(4, 1, vec![0, 0, 255, 255])?;
    /// assert_eq!(image.resized(2, 1).unwrap().pixels(), [0, 255]);
    /// assert_eq!(image.resized(0, 1), None);
    /// # Ok::<(), tirkeu_qr::ScanError>(())
    /// ```
    pub fn resized(&self, width: u32, height: u32) -> Option<LumaImage> {
        let fits = |w: u32, h: u32| u64::from(w) * u64::from(h) <= MAX_PIXELS;
        if width == 0 || height == 0 || !fits(width, height) {
            return None;
        }
        // Resample along one axis, then the other, in the order whose intermediate is allowed.
        let resampled = if fits(width, self.height) {
            let rows = resample_rows(&self.view(), width as usize);
            resample_columns(&rows.view(), height as usize)
        } else if fits(self.width, height) {
            let columns = resample_columns(&self.view(), height as usize);
            resample_rows(&columns.view(), width as usize)
        } else {
            return None;
        };
        Some(LumaImage {
            width,
            height,
            pixels: resampled.pixels,
        })
    }

    /// The photographic negative (light codes on a dark background become dark on light).
    ///
    /// # Example
    ///
    /// ```
    /// let image = tirkeu_qr::LumaImage::new(2, 1, vec![0, 200])?;
    /// assert_eq!(image.inverted().pixels(), [255, 55]);
    /// # Ok::<(), tirkeu_qr::ScanError>(())
    /// ```
    pub fn inverted(&self) -> LumaImage {
        LumaImage {
            width: self.width,
            height: self.height,
            pixels: self.pixels.iter().map(|p| 255 - p).collect(),
        }
    }

    pub(crate) fn view(&self) -> Luma<'_> {
        Luma {
            width: self.width as usize,
            height: self.height as usize,
            pixels: &self.pixels,
        }
    }
}

/// Checks a buffer against its dimensions: length first (a caller's mistake), then size.
pub(crate) fn check_dimensions(
    width: u32,
    height: u32,
    len: usize,
    channels: u64,
) -> Result<(), ScanError> {
    let pixels = u64::from(width) * u64::from(height);
    let expected = pixels.saturating_mul(channels);
    if len as u64 != expected {
        return Err(ScanError::BufferSize {
            expected,
            actual: len,
        });
    }
    if pixels > MAX_PIXELS {
        return Err(ScanError::TooLarge {
            width,
            height,
            max_pixels: MAX_PIXELS,
        });
    }
    Ok(())
}

/// BT.601 luma in integer arithmetic (weights 77/150/29 out of 256), composited over white by
/// alpha: a transparent pixel is background, not black.
#[inline(always)]
pub(crate) fn rgba_to_luma(r: u8, g: u8, b: u8, a: u8) -> u8 {
    let luma = (77 * u32::from(r) + 150 * u32::from(g) + 29 * u32::from(b) + 128) >> 8;
    if a == u8::MAX {
        // Opaque, as every camera frame is: no division per pixel.
        return luma.min(255) as u8;
    }
    let alpha = u32::from(a);
    let composited = (luma * alpha + 255 * (255 - alpha) + 127) / 255;
    composited.min(255) as u8
}

/// RGBA pixels to luma ([`rgba_to_luma`]), as many as both slices hold. An index loop: the
/// size-optimised WebAssembly build does not inline iterator adapters, and this runs once a
/// pixel of every camera frame.
#[inline(always)]
pub(crate) fn convert_pixels(rgba: &[u8], luma: &mut [u8]) {
    let mut i = 0;
    while let (Some(out), Some(&[r, g, b, a])) = (luma.get_mut(i), rgba.get(4 * i..4 * i + 4)) {
        *out = rgba_to_luma(r, g, b, a);
        i += 1;
    }
}

/// A borrowed greyscale image; `pixels.len() == width * height` is the caller's invariant,
/// and every access below still goes through checked indexing.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Luma<'a> {
    pub width: usize,
    pub height: usize,
    pub pixels: &'a [u8],
}

/// An owned greyscale buffer produced by the ladder's transforms.
#[derive(Clone, Debug)]
pub(crate) struct OwnedLuma {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl OwnedLuma {
    pub fn view(&self) -> Luma<'_> {
        Luma {
            width: self.width,
            height: self.height,
            pixels: &self.pixels,
        }
    }
}

/// The greyscale pixels of `region` of an RGBA frame `width` pixels wide (rows outside the
/// buffer read as white).
pub(crate) fn rgba_region_to_luma(rgba: &[u8], width: usize, region: Region) -> OwnedLuma {
    let (left, top) = (region.left as usize, region.top as usize);
    let (w, h) = (region.width as usize, region.height as usize);
    let mut pixels = vec![u8::MAX; w * h];
    for y in 0..h {
        let start = 4 * ((top + y) * width + left);
        if let (Some(source), Some(target)) = (
            rgba.get(start..start + 4 * w),
            pixels.get_mut(y * w..(y + 1) * w),
        ) {
            convert_pixels(source, target);
        }
    }
    OwnedLuma {
        width: w,
        height: h,
        pixels,
    }
}

/// The greyscale pixels of an RGBA frame at half its size (each pixel the mean of a 2 x 2
/// block, [`rgba_to_luma`] first; an odd last row or column is dropped), in one pass over the
/// frame: a large camera frame is searched this way before its full resolution is read where a
/// code seems to be.
pub(crate) fn rgba_to_luma_halved(rgba: &[u8], width: usize, height: usize) -> OwnedLuma {
    let (w, h) = (width / 2, height / 2);
    let mut pixels = vec![u8::MAX; w * h];
    for y in 0..h {
        let row = |r: usize| rgba.get(4 * r * width..4 * (r + 1) * width).unwrap_or(&[]);
        let (top, bottom) = (row(2 * y), row(2 * y + 1));
        let Some(out) = pixels.get_mut(y * w..(y + 1) * w) else {
            continue;
        };
        // An index loop over whole 2 x 2 blocks: this reads every byte of a full-HD frame.
        let mut x = 0;
        while let (Some(cell), Some(a), Some(b)) = (
            out.get_mut(x),
            top.get(8 * x..8 * x + 8),
            bottom.get(8 * x..8 * x + 8),
        ) {
            *cell = if a[3] & a[7] & b[3] & b[7] == u8::MAX {
                // Opaque, as every camera frame is: the weights of rgba_to_luma applied once to
                // the sums of the four pixels' channels.
                let channel = |c: usize| {
                    u32::from(a[c]) + u32::from(a[c + 4]) + u32::from(b[c]) + u32::from(b[c + 4])
                };
                ((77 * channel(0) + 150 * channel(1) + 29 * channel(2) + 512) >> 10).min(255) as u8
            } else {
                let luma = |p: &[u8], i: usize| {
                    u32::from(rgba_to_luma(p[i], p[i + 1], p[i + 2], p[i + 3]))
                };
                ((luma(a, 0) + luma(a, 4) + luma(b, 0) + luma(b, 4) + 2) / 4) as u8
            };
            x += 1;
        }
    }
    OwnedLuma {
        width: w,
        height: h,
        pixels,
    }
}

/// Shrinks by an integer `factor` with a box filter (mean of each `factor` x `factor` block;
/// partial blocks at the right and bottom edges are dropped).
pub(crate) fn downscale_box(image: &Luma<'_>, factor: usize) -> Option<OwnedLuma> {
    if factor < 2 {
        return None;
    }
    let width = image.width / factor;
    let height = image.height / factor;
    if width == 0 || height == 0 {
        return None;
    }
    let area = (factor * factor) as u32;
    let mut pixels = Vec::with_capacity(width * height);
    let mut sums = vec![0u32; width];
    for out_y in 0..height {
        sums.iter_mut().for_each(|s| *s = 0);
        for y in out_y * factor..(out_y + 1) * factor {
            let row = image
                .pixels
                .get(y * image.width..(y + 1) * image.width)
                .unwrap_or(&[]);
            for (sum, block) in sums.iter_mut().zip(row.chunks_exact(factor)) {
                *sum += block.iter().map(|&p| u32::from(p)).sum::<u32>();
            }
        }
        pixels.extend(sums.iter().map(|&s| ((s + area / 2) / area) as u8));
    }
    Some(OwnedLuma {
        width,
        height,
        pixels,
    })
}

/// A 3 x 3 box blur (edges replicate), which removes most single-pixel noise before
/// binarisation.
pub(crate) fn box_blur3(image: &Luma<'_>) -> OwnedLuma {
    let (w, h) = (image.width, image.height);
    let at = |x: usize, y: usize| u16::from(image.pixels.get(y * w + x).copied().unwrap_or(255));
    // Row sums of three pixels (at most 765) fit 16 bits: half the memory of 32.
    let mut horizontal = vec![0u16; w * h];
    for y in 0..h {
        for x in 0..w {
            let left = at(x.saturating_sub(1), y);
            let right = at((x + 1).min(w.saturating_sub(1)), y);
            if let Some(cell) = horizontal.get_mut(y * w + x) {
                *cell = left + at(x, y) + right;
            }
        }
    }
    let sum_at = |x: usize, y: usize| u32::from(horizontal.get(y * w + x).copied().unwrap_or(765));
    let mut pixels = Vec::with_capacity(w * h);
    for y in 0..h {
        let up = y.saturating_sub(1);
        let down = (y + 1).min(h.saturating_sub(1));
        for x in 0..w {
            let sum = sum_at(x, up) + sum_at(x, y) + sum_at(x, down);
            pixels.push(((sum + 4) / 9) as u8);
        }
    }
    OwnedLuma {
        width: w,
        height: h,
        pixels,
    }
}

/// One output sample of a 1-D resampling: the input span it covers, in 1/256 pixel.
fn resample_line(input: &[u8], output: &mut [u8]) {
    let (n_in, n_out) = (input.len(), output.len());
    if n_in == 0 || n_out == 0 {
        return;
    }
    let sample = |i: usize| u64::from(input.get(i).copied().unwrap_or(255));
    if n_out <= n_in {
        // Area average: output pixel i covers input [i * n_in / n_out, (i + 1) * n_in / n_out),
        // measured in units of 1/n_out input pixel so that every weight is an integer.
        for (i, out) in output.iter_mut().enumerate() {
            let start = i as u64 * n_in as u64;
            let end = start + n_in as u64;
            let mut acc = 0u64;
            let mut pos = start;
            while pos < end {
                let pixel = (pos / n_out as u64) as usize;
                let pixel_end = (pixel as u64 + 1) * n_out as u64;
                let span = pixel_end.min(end) - pos;
                acc += sample(pixel) * span;
                pos += span;
            }
            *out = ((acc + n_in as u64 / 2) / n_in as u64) as u8;
        }
    } else {
        // Bilinear: centre of output pixel i sits at (i + 0.5) * n_in / n_out - 0.5 input pixels.
        let scale = 256 * n_in as u64;
        for (i, out) in output.iter_mut().enumerate() {
            let centre = (2 * i as u64 + 1) * scale / (2 * n_out as u64);
            let pos = centre.saturating_sub(128);
            let left = (pos / 256) as usize;
            let frac = pos % 256;
            let right = (left + 1).min(n_in - 1);
            let value = sample(left) * (256 - frac) + sample(right) * frac;
            *out = ((value + 128) / 256) as u8;
        }
    }
}

fn resample_rows(image: &Luma<'_>, width: usize) -> OwnedLuma {
    let mut pixels = vec![255u8; width * image.height];
    for (y, out_row) in pixels.chunks_exact_mut(width).enumerate() {
        let in_row = image
            .pixels
            .get(y * image.width..(y + 1) * image.width)
            .unwrap_or(&[]);
        resample_line(in_row, out_row);
    }
    OwnedLuma {
        width,
        height: image.height,
        pixels,
    }
}

fn resample_columns(image: &Luma<'_>, height: usize) -> OwnedLuma {
    let width = image.width;
    let mut pixels = vec![255u8; width * height];
    let mut column_in = vec![0u8; image.height];
    let mut column_out = vec![0u8; height];
    for x in 0..width {
        for (y, cell) in column_in.iter_mut().enumerate() {
            *cell = image.pixels.get(y * width + x).copied().unwrap_or(255);
        }
        resample_line(&column_in, &mut column_out);
        for (y, &value) in column_out.iter().enumerate() {
            if let Some(cell) = pixels.get_mut(y * width + x) {
                *cell = value;
            }
        }
    }
    OwnedLuma {
        width,
        height,
        pixels,
    }
}

/// Resamples to an explicit size (area average down, bilinear up).
pub(crate) fn resample(image: &Luma<'_>, width: usize, height: usize) -> OwnedLuma {
    let horizontal = resample_rows(image, width);
    resample_columns(&horizontal.view(), height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rgba_weights_and_alpha() {
        assert_eq!(rgba_to_luma(0, 0, 0, 255), 0);
        assert_eq!(rgba_to_luma(255, 255, 255, 255), 255);
        assert_eq!(rgba_to_luma(0, 0, 0, 0), 255);
        assert_eq!(rgba_to_luma(0, 0, 0, 128), 127);
    }

    #[test]
    fn area_average_and_bilinear() {
        let mut out = [0u8; 2];
        resample_line(&[0, 100, 200], &mut out);
        // Output 0 covers input [0, 1.5): (0 + 0.5 * 100) / 1.5 = 33.3.
        assert_eq!(out, [33, 167]);
        let mut up = [0u8; 4];
        resample_line(&[0, 200], &mut up);
        assert_eq!(up, [0, 50, 150, 200]);
    }

    #[test]
    fn box_downscale_means_blocks() {
        let pixels = [0, 100, 50, 50, 200, 100, 50, 50];
        let image = Luma {
            width: 4,
            height: 2,
            pixels: &pixels,
        };
        let small = downscale_box(&image, 2).unwrap();
        assert_eq!(
            (small.width, small.height, small.pixels),
            (2, 1, vec![100, 50])
        );
    }

    #[test]
    fn halved_rgba_means_each_block_of_four() {
        // Two opaque blocks (black and white, then four greys) and one with a transparent pixel
        // (white once composited); the odd last column is dropped.
        let grey = |v: u8| [v, v, v, 255];
        let mut rgba = Vec::new();
        for row in [
            [grey(0), grey(255), grey(10), grey(30), grey(0), grey(7)],
            [
                grey(0),
                grey(255),
                grey(20),
                grey(40),
                [0, 0, 0, 0],
                grey(7),
            ],
        ] {
            for pixel in row {
                rgba.extend_from_slice(&pixel);
            }
        }
        let half = rgba_to_luma_halved(&rgba, 6, 2);
        assert_eq!((half.width, half.height), (3, 1));
        assert_eq!(half.pixels, [128, 25, 67]);
    }

    #[test]
    fn blur_keeps_flat_areas() {
        let pixels = [10u8; 12];
        let image = Luma {
            width: 4,
            height: 3,
            pixels: &pixels,
        };
        assert_eq!(box_blur3(&image).pixels, vec![10u8; 12]);
    }
}
