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
    // Index loops: the size-optimised WebAssembly build does not inline iterator adapters, and
    // an adapter call per pixel made a halving cost more than a detection pass there.
    for out_y in 0..height {
        sums.fill(0);
        for y in out_y * factor..(out_y + 1) * factor {
            let row = image
                .pixels
                .get(y * image.width..(y + 1) * image.width)
                .unwrap_or(&[]);
            let mut out_x = 0;
            while let (Some(sum), Some(block)) = (
                sums.get_mut(out_x),
                row.get(out_x * factor..(out_x + 1) * factor),
            ) {
                let mut k = 0;
                while let Some(&pixel) = block.get(k) {
                    *sum += u32::from(pixel);
                    k += 1;
                }
                out_x += 1;
            }
        }
        let mut x = 0;
        while let Some(&sum) = sums.get(x) {
            pixels.push(((sum + area / 2) / area) as u8);
            x += 1;
        }
    }
    Some(OwnedLuma {
        width,
        height,
        pixels,
    })
}

/// The sums of three neighbouring pixels along `row` (edges replicate), into `sums`. An index
/// loop: the size-optimised WebAssembly build does not inline iterator adapters.
#[inline(always)]
fn sums_of_three(row: &[u8], sums: &mut [u16]) {
    let last = row.len().saturating_sub(1);
    let at = |i: usize| u16::from(row.get(i).copied().unwrap_or(255));
    let mut x = 0;
    while let Some(cell) = sums.get_mut(x) {
        *cell = at(x.saturating_sub(1)) + at(x) + at((x + 1).min(last));
        x += 1;
    }
}

/// A 3 x 3 box blur (edges replicate), which removes most single-pixel noise before
/// binarisation: row sums of three kept for three rows at a time, then their column sums, in one
/// pass over the image.
pub(crate) fn box_blur3(image: &Luma<'_>) -> OwnedLuma {
    let (w, h) = (image.width, image.height);
    let row = |y: usize| image.pixels.get(y * w..(y + 1) * w).unwrap_or(&[]);
    // Row sums of three pixels (at most 765) fit 16 bits; three rows of them at a time.
    let mut above = vec![0u16; w];
    let mut here = vec![0u16; w];
    let mut below = vec![0u16; w];
    sums_of_three(row(0), &mut here);
    above.copy_from_slice(&here);
    let mut pixels = vec![255u8; w * h];
    for y in 0..h {
        sums_of_three(row((y + 1).min(h.saturating_sub(1))), &mut below);
        if let Some(out) = pixels.get_mut(y * w..(y + 1) * w) {
            let mut x = 0;
            while let (Some(cell), Some(&a), Some(&b), Some(&c)) =
                (out.get_mut(x), above.get(x), here.get(x), below.get(x))
            {
                *cell = ((u32::from(a) + u32::from(b) + u32::from(c) + 4) / 9) as u8;
                x += 1;
            }
        }
        std::mem::swap(&mut above, &mut here);
        std::mem::swap(&mut here, &mut below);
    }
    OwnedLuma {
        width: w,
        height: h,
        pixels,
    }
}

/// The image doubled by bilinear interpolation, as [`resample`] to twice the size gives it
/// pixel for pixel (rounded after each direction), without a division per pixel: along each
/// direction, output 2k + 1 is 3/4 of input k and 1/4 of input k + 1, output 2k is 1/4 of input
/// k - 1 and 3/4 of input k (the edges replicate).
pub(crate) fn doubled(image: &Luma<'_>) -> OwnedLuma {
    let (iw, ih) = (image.width, image.height);
    let (w, h) = (2 * iw, 2 * ih);
    let blend = |near: u8, far: u8| ((3 * u16::from(near) + u16::from(far) + 2) / 4) as u8;
    let widen = |y: usize, out: &mut [u8]| {
        let row = image.pixels.get(y * iw..(y + 1) * iw).unwrap_or(&[]);
        let at = |i: usize| row.get(i.min(iw.saturating_sub(1))).copied().unwrap_or(255);
        let mut k = 0;
        while let Some(pair) = out.get_mut(2 * k..2 * k + 2) {
            let here = at(k);
            pair[0] = blend(here, at(k.saturating_sub(1)));
            pair[1] = blend(here, at(k + 1));
            k += 1;
        }
    };
    let mut previous = vec![0u8; w];
    let mut current = vec![0u8; w];
    let mut next = vec![0u8; w];
    widen(0, &mut current);
    previous.copy_from_slice(&current);
    let mut pixels = vec![255u8; w * h];
    for y in 0..ih {
        widen((y + 1).min(ih.saturating_sub(1)), &mut next);
        for (out_y, other) in [(2 * y, &previous), (2 * y + 1, &next)] {
            let Some(out) = pixels.get_mut(out_y * w..(out_y + 1) * w) else {
                continue;
            };
            let mut x = 0;
            while let (Some(cell), Some(&p), Some(&q)) =
                (out.get_mut(x), current.get(x), other.get(x))
            {
                *cell = blend(p, q);
                x += 1;
            }
        }
        std::mem::swap(&mut previous, &mut current);
        std::mem::swap(&mut current, &mut next);
    }
    OwnedLuma {
        width: w,
        height: h,
        pixels,
    }
}

/// The pixels of the rectangle at (`left`, `top`), `width` x `height`, of `image` (clipped to
/// it).
pub(crate) fn crop(
    image: &Luma<'_>,
    left: usize,
    top: usize,
    width: usize,
    height: usize,
) -> OwnedLuma {
    let width = width.min(image.width.saturating_sub(left));
    let height = height.min(image.height.saturating_sub(top));
    let mut pixels = Vec::with_capacity(width * height);
    for y in top..top + height {
        let start = y * image.width + left;
        pixels.extend_from_slice(image.pixels.get(start..start + width).unwrap_or(&[]));
    }
    pixels.resize(width * height, 255);
    OwnedLuma {
        width,
        height,
        pixels,
    }
}

/// The weights of a 1-D resampling from `n_in` to `n_out` samples: for each output sample,
/// its taps (input sample, integer weight) and the divisor of their weighted sum. Shrinking, an
/// area average: output i covers input [i * n_in / n_out, (i + 1) * n_in / n_out), weighed in
/// units of 1/n_out input sample; enlarging, bilinear: the centre of output i sits at
/// (i + 0.5) * n_in / n_out - 0.5 input samples, weighed in 1/256.
struct Taps {
    /// For each output sample, the range of `taps` that makes it.
    ranges: Vec<(usize, usize)>,
    taps: Vec<(usize, u64)>,
    divisor: u64,
}

impl Taps {
    fn new(n_in: usize, n_out: usize) -> Taps {
        let mut ranges = Vec::with_capacity(n_out);
        let mut taps = Vec::new();
        let (n_in64, n_out64) = (n_in as u64, n_out as u64);
        if n_in == 0 {
            return Taps {
                ranges: vec![(0, 0); n_out],
                taps,
                divisor: 1,
            };
        }
        if n_out <= n_in {
            for i in 0..n_out64 {
                let first = taps.len();
                let (start, end) = (i * n_in64, (i + 1) * n_in64);
                let mut pos = start;
                while pos < end {
                    let pixel = pos / n_out64;
                    let span = ((pixel + 1) * n_out64).min(end) - pos;
                    taps.push((pixel as usize, span));
                    pos += span;
                }
                ranges.push((first, taps.len()));
            }
            Taps {
                ranges,
                taps,
                divisor: n_in64,
            }
        } else {
            let scale = 256 * n_in64;
            for i in 0..n_out64 {
                let centre = (2 * i + 1) * scale / (2 * n_out64);
                let pos = centre.saturating_sub(128);
                let left = (pos / 256) as usize;
                let frac = pos % 256;
                let first = taps.len();
                taps.push((left, 256 - frac));
                taps.push(((left + 1).min(n_in - 1), frac));
                ranges.push((first, taps.len()));
            }
            Taps {
                ranges,
                taps,
                divisor: 256,
            }
        }
    }

    /// Output sample `i` from its taps' weighted sum.
    #[inline(always)]
    fn round(&self, sum: u64) -> u8 {
        ((sum + self.divisor / 2) / self.divisor).min(255) as u8
    }
}

fn resample_rows(image: &Luma<'_>, width: usize) -> OwnedLuma {
    let taps = Taps::new(image.width, width);
    let mut pixels = vec![255u8; width * image.height];
    for (y, out_row) in pixels.chunks_exact_mut(width).enumerate() {
        let in_row = image
            .pixels
            .get(y * image.width..(y + 1) * image.width)
            .unwrap_or(&[]);
        for (out, &(first, last)) in out_row.iter_mut().zip(&taps.ranges) {
            let mut sum = 0u64;
            for &(pixel, weight) in taps.taps.get(first..last).unwrap_or(&[]) {
                sum += u64::from(in_row.get(pixel).copied().unwrap_or(255)) * weight;
            }
            *out = taps.round(sum);
        }
    }
    OwnedLuma {
        width,
        height: image.height,
        pixels,
    }
}

/// Resampled along columns, a row of output at a time (each the weighted sum of a few input
/// rows), so that memory is read in order.
fn resample_columns(image: &Luma<'_>, height: usize) -> OwnedLuma {
    let width = image.width;
    let taps = Taps::new(image.height, height);
    let mut pixels = vec![255u8; width * height];
    let mut sums = vec![0u64; width];
    for (out_row, &(first, last)) in pixels.chunks_exact_mut(width.max(1)).zip(&taps.ranges) {
        sums.fill(0);
        for &(row, weight) in taps.taps.get(first..last).unwrap_or(&[]) {
            let in_row = image
                .pixels
                .get(row * width..(row + 1) * width)
                .unwrap_or(&[]);
            for (sum, &p) in sums.iter_mut().zip(in_row) {
                *sum += u64::from(p) * weight;
            }
        }
        for (out, &sum) in out_row.iter_mut().zip(&sums) {
            *out = taps.round(sum);
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
        let line = |pixels: &[u8], n: usize| {
            let image = Luma {
                width: pixels.len(),
                height: 1,
                pixels,
            };
            resample(&image, n, 1).pixels
        };
        // Output 0 covers input [0, 1.5): (0 + 0.5 * 100) / 1.5 = 33.3.
        assert_eq!(line(&[0, 100, 200], 2), [33, 167]);
        assert_eq!(line(&[0, 200], 4), [0, 50, 150, 200]);
        let column = resample(
            &Luma {
                width: 1,
                height: 3,
                pixels: &[0, 100, 200],
            },
            1,
            2,
        );
        assert_eq!(column.pixels, [33, 167]);
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

    /// The fast doubling against the general resampler, the blur against a direct 3 x 3 mean.
    #[test]
    fn fast_transforms_match_the_general_ones() {
        let (w, h) = (23, 17);
        let pixels: Vec<u8> = (0..w * h)
            .map(|i| ((i * 97 + i / 5 * 31) % 256) as u8)
            .collect();
        let image = Luma {
            width: w,
            height: h,
            pixels: &pixels,
        };
        let general = resample(&image, 2 * w, 2 * h);
        let fast = doubled(&image);
        assert_eq!((fast.width, fast.height), (2 * w, 2 * h));
        assert!(fast.pixels == general.pixels);
        let blurred = box_blur3(&image);
        let at = |x: i64, y: i64| {
            u32::from(
                pixels[(y.clamp(0, h as i64 - 1) as usize) * w + x.clamp(0, w as i64 - 1) as usize],
            )
        };
        for y in 0..h as i64 {
            for x in 0..w as i64 {
                let sum: u32 = (-1..=1)
                    .flat_map(|dy| (-1..=1).map(move |dx| (dx, dy)))
                    .map(|(dx, dy)| at(x + dx, y + dy))
                    .sum();
                assert_eq!(
                    u32::from(blurred.pixels[y as usize * w + x as usize]),
                    (sum + 4) / 9
                );
            }
        }
        let corner = crop(&image, 20, 15, 10, 10);
        assert_eq!((corner.width, corner.height), (3, 2));
        assert_eq!(corner.pixels[..3], pixels[15 * w + 20..15 * w + 23]);
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
