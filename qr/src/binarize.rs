//! Binarisation: greyscale to black and white with a locally adaptive threshold, so that
//! shadows, gradients and uneven lighting across a photo do not swallow the code.
//!
//! The method is the block-based one ZXing calls the hybrid binariser: the image is cut into
//! 8 x 8 blocks, each block gets a black point (its midrange, or a guess from its neighbours when
//! it is flat), and each pixel is compared with the mean black point of the blocks with contrast
//! among the 5 x 5 around its own (as ZXing-C++ does: flat blocks do not vote). Images smaller
//! than 40 pixels a side use one global threshold from the histogram.
//!
//! The black-and-white image is never written out: a [`BitMatrix`] keeps the greyscale pixels
//! and one threshold a block, and compares a pixel when it is read. The detector reads a few
//! rows in full and a small part of the rest, so this costs less than thresholding every pixel
//! up front, and the negative (the retry ladder's second rung) is the same matrix with a flag.

use super::image::{Luma, convert_pixels, rgba_to_luma};

const BLOCK: usize = 8;
const MIN_ADAPTIVE_SIDE: usize = BLOCK * 5;
/// Blocks whose contrast is at most this are treated as flat (all background or all ink).
const MIN_DYNAMIC_RANGE: u32 = 24;

/// A black-and-white view of a greyscale image: a pixel is dark when its luma is at most its
/// block's threshold (or, [`BitMatrix::inverted`], when it is above it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BitMatrix<'a> {
    pub width: usize,
    pub height: usize,
    /// The greyscale pixels, `width * height` of them (every read is checked all the same).
    luma: &'a [u8],
    /// One threshold a block, row-major, `blocks_x` a row.
    thresholds: Vec<u8>,
    blocks_x: usize,
    blocks_y: usize,
    /// Where the last block column and row start: shifted back to end at the image's edge when
    /// a side is not a multiple of 8 (the last block then decides the last 8 pixels).
    last_x0: usize,
    last_y0: usize,
    inverted: bool,
}

impl<'a> BitMatrix<'a> {
    fn with_thresholds(image: &Luma<'a>, thresholds: Vec<u8>) -> BitMatrix<'a> {
        BitMatrix {
            width: image.width,
            height: image.height,
            luma: image.pixels,
            thresholds,
            blocks_x: image.width.div_ceil(BLOCK).max(1),
            blocks_y: image.height.div_ceil(BLOCK).max(1),
            last_x0: image.width.saturating_sub(BLOCK),
            last_y0: image.height.saturating_sub(BLOCK),
            inverted: false,
        }
    }

    #[inline(always)]
    fn block_column(&self, x: usize) -> usize {
        if x >= self.last_x0 {
            self.blocks_x - 1
        } else {
            x / BLOCK
        }
    }

    #[inline(always)]
    fn block_row(&self, y: usize) -> usize {
        if y >= self.last_y0 {
            self.blocks_y - 1
        } else {
            y / BLOCK
        }
    }

    /// Whether the pixel at (`x`, `y`) is dark; everything outside the image is light. (An
    /// inline hint, not a demand: called from many places, forcing it costs the WebAssembly
    /// module 1.6 KB for no measurable speed.)
    #[inline]
    pub fn get(&self, x: i64, y: i64) -> bool {
        if x < 0 || y < 0 || x as u64 >= self.width as u64 || y as u64 >= self.height as u64 {
            return false;
        }
        let (x, y) = (x as usize, y as usize);
        let block = self.block_row(y) * self.blocks_x + self.block_column(x);
        match (
            self.luma.get(y * self.width + x),
            self.thresholds.get(block),
        ) {
            (Some(&luma), Some(&threshold)) => (luma <= threshold) != self.inverted,
            _ => false,
        }
    }

    /// The runs of one colour along row `y`, written to `runs`: first a light run (empty when
    /// the row starts dark), then alternately dark and light. Returns how many were written
    /// (runs past the end of `runs` are dropped; it needs `width + 1` places for any row).
    pub fn row_runs(&self, y: usize, runs: &mut [u32]) -> usize {
        let Some(row) = self.luma.get(y * self.width..(y + 1) * self.width) else {
            return 0;
        };
        let base = self.block_row(y) * self.blocks_x;
        let mut count = 0usize;
        let mut colour = false;
        let mut length = 0u32;
        let mut start = 0usize;
        for bx in 0..self.blocks_x {
            let end = if bx + 1 == self.blocks_x {
                self.width
            } else {
                ((bx + 1) * BLOCK).min(self.last_x0)
            };
            let threshold = self.thresholds.get(base + bx).copied().unwrap_or(0);
            let segment = row.get(start..end).unwrap_or(&[]);
            // An index loop: the size-optimised WebAssembly build does not inline iterator
            // adapters, and this runs once a pixel of every scanned row.
            let mut i = 0;
            while let Some(&luma) = segment.get(i) {
                let dark = (luma <= threshold) != self.inverted;
                if dark == colour {
                    length += 1;
                } else {
                    if let Some(slot) = runs.get_mut(count) {
                        *slot = length;
                    }
                    count += 1;
                    colour = dark;
                    length = 1;
                }
                i += 1;
            }
            start = end;
        }
        if let Some(slot) = runs.get_mut(count) {
            *slot = length;
        }
        (count + 1).min(runs.len())
    }

    /// The same image with dark and light swapped.
    pub fn inverted(mut self) -> BitMatrix<'a> {
        self.inverted = !self.inverted;
        self
    }
}

/// Test images: `dark` pixels at luma 0, the others at 255, for [`threshold_at_middle`].
#[cfg(test)]
pub(crate) fn test_pixels(
    width: usize,
    height: usize,
    dark: impl Fn(usize, usize) -> bool,
) -> Vec<u8> {
    let mut pixels = Vec::with_capacity(width * height);
    for y in 0..height {
        for x in 0..width {
            pixels.push(if dark(x, y) { 0 } else { 255 });
        }
    }
    pixels
}

/// Pixels of finder patterns (7 x 7 modules) at module offsets `origins`, `scale` pixels a
/// module, for [`threshold_at_middle`].
#[cfg(test)]
pub(crate) fn finder_pixels(size: usize, scale: usize, origins: &[(usize, usize)]) -> Vec<u8> {
    test_pixels(size, size, |x, y| {
        origins.iter().any(|&(ox, oy)| {
            let (mx, my) = (
                (x / scale) as i64 - ox as i64,
                (y / scale) as i64 - oy as i64,
            );
            if !(0..7).contains(&mx) || !(0..7).contains(&my) {
                return false;
            }
            let ring = mx.min(my).min(6 - mx).min(6 - my);
            ring != 1
        })
    })
}

/// A black-and-white image of [`test_pixels`], thresholded at mid-grey.
#[cfg(test)]
pub(crate) fn threshold_at_middle(width: usize, height: usize, pixels: &[u8]) -> BitMatrix<'_> {
    let image = Luma {
        width,
        height,
        pixels,
    };
    let blocks = width.div_ceil(BLOCK).max(1) * height.div_ceil(BLOCK).max(1);
    BitMatrix::with_thresholds(&image, vec![127; blocks])
}

/// Binarises `image` (adaptive for images of at least 40 x 40 pixels, global below).
pub(crate) fn binarize<'a>(image: &Luma<'a>) -> BitMatrix<'a> {
    let blocks_x = image.width.div_ceil(BLOCK).max(1);
    let blocks_y = image.height.div_ceil(BLOCK).max(1);
    if image.width >= MIN_ADAPTIVE_SIDE && image.height >= MIN_ADAPTIVE_SIDE {
        let blocks = block_statistics(image, blocks_x, blocks_y);
        BitMatrix::with_thresholds(image, adaptive_thresholds(&blocks, blocks_x, blocks_y))
    } else {
        // Dark below the global threshold: at or below one less (it is at least 8).
        let threshold = global_threshold(image.pixels).saturating_sub(1).min(255) as u8;
        BitMatrix::with_thresholds(image, vec![threshold; blocks_x * blocks_y])
    }
}

/// [`binarize`] with the black points [`luma_with_blocks`] gathered (`None`: [`binarize`]).
pub(crate) fn binarize_with_blocks<'a>(
    image: &Luma<'a>,
    blocks: Option<Vec<Block>>,
) -> BitMatrix<'a> {
    let blocks_x = image.width.div_ceil(BLOCK);
    let blocks_y = image.height.div_ceil(BLOCK);
    match blocks {
        Some(blocks) if blocks.len() == blocks_x * blocks_y && blocks_x >= 5 && blocks_y >= 5 => {
            BitMatrix::with_thresholds(image, adaptive_thresholds(&blocks, blocks_x, blocks_y))
        }
        _ => binarize(image),
    }
}

/// Each block's threshold: the mean black point of the blocks with contrast among the 5 x 5
/// around it, or its own black point when none of them has contrast.
fn adaptive_thresholds(blocks: &[Block], blocks_x: usize, blocks_y: usize) -> Vec<u8> {
    // Summed-area tables over the block grid of the black points and of the count of blocks
    // with contrast (flat blocks count zero), so each 5 x 5 neighbourhood costs four reads.
    let stride = blocks_x + 1;
    let mut sums = vec![0u32; stride * (blocks_y + 1)];
    let mut counts = vec![0u32; stride * (blocks_y + 1)];
    for by in 0..blocks_y {
        for bx in 0..blocks_x {
            let block = blocks.get(by * blocks_x + bx).copied().unwrap_or_default();
            let (point, voter) = if block.flat {
                (0, 0)
            } else {
                (block.black_point, 1)
            };
            let at =
                |table: &[u32], x: usize, y: usize| table.get(y * stride + x).copied().unwrap_or(0);
            let sum = point + at(&sums, bx, by + 1) + at(&sums, bx + 1, by) - at(&sums, bx, by);
            let count =
                voter + at(&counts, bx, by + 1) + at(&counts, bx + 1, by) - at(&counts, bx, by);
            if let Some(cell) = sums.get_mut((by + 1) * stride + bx + 1) {
                *cell = sum;
            }
            if let Some(cell) = counts.get_mut((by + 1) * stride + bx + 1) {
                *cell = count;
            }
        }
    }
    let window = |table: &[u32], left: usize, top: usize| {
        let at = |x: usize, y: usize| table.get(y * stride + x).copied().unwrap_or(0);
        (at(left + 5, top + 5) + at(left, top)).wrapping_sub(at(left, top + 5) + at(left + 5, top))
    };
    let mut thresholds = Vec::with_capacity(blocks_x * blocks_y);
    for by in 0..blocks_y {
        let top = by.clamp(2, blocks_y - 3) - 2;
        for bx in 0..blocks_x {
            let left = bx.clamp(2, blocks_x - 3) - 2;
            // Only blocks with contrast say where the middle between ink and paper lies: a flat
            // block's guess (half its minimum) would pull the threshold of its neighbours down
            // and thin the code's edge modules away at low contrast.
            let threshold = window(&sums, left, top)
                .checked_div(window(&counts, left, top))
                .unwrap_or_else(|| {
                    blocks
                        .get(by * blocks_x + bx)
                        .map_or(0, |block| block.black_point)
                });
            thresholds.push(threshold.min(255) as u8);
        }
    }
    thresholds
}

/// Lowers `low` and raises `high` to the pixels of `source` (an index loop: the size-optimised
/// WebAssembly build does not inline iterator adapters, and this runs once a pixel).
#[inline(always)]
fn extend_range(low: &mut u8, high: &mut u8, source: &[u8]) {
    let mut i = 0;
    while let Some(&p) = source.get(i) {
        *low = (*low).min(p);
        *high = (*high).max(p);
        i += 1;
    }
}

/// One 8 x 8 block's black point, and whether it was flat (too little contrast to tell ink from
/// paper by itself).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Block {
    black_point: u32,
    flat: bool,
}

/// The black point of each block: its midrange when it has contrast, otherwise half its minimum
/// (a flat block is most likely background) unless its neighbours suggest it is ink.
fn block_statistics(image: &Luma<'_>, blocks_x: usize, blocks_y: usize) -> Vec<Block> {
    let (width, height) = (image.width, image.height);
    let mut blocks = vec![Block::default(); blocks_x * blocks_y];
    let mut ranges = BlockRanges::new(blocks_x);
    for by in 0..blocks_y {
        let y0 = (by * BLOCK).min(height - BLOCK);
        ranges.clear();
        for y in y0..y0 + BLOCK {
            let row = image.pixels.get(y * width..(y + 1) * width).unwrap_or(&[]);
            ranges.add_row(row);
        }
        ranges.black_points(by, &mut blocks);
    }
    blocks
}

/// Greyscale pixels from RGBA (as [`LumaImage::from_rgba`](super::LumaImage::from_rgba)) and,
/// gathered in the same pass while each row is fresh, the blocks' black points for
/// [`binarize_with_blocks`] (`None` for an image too small for the adaptive threshold). The
/// caller has checked that `rgba` holds `width * height` pixels.
#[cfg(test)]
pub(crate) fn luma_with_blocks(
    width: usize,
    height: usize,
    rgba: &[u8],
) -> (Vec<u8>, Option<Vec<Block>>) {
    luma_with_blocks_sampled(rgba, width, 1, width, height)
}

/// [`luma_with_blocks`] of every `step`-th pixel of every `step`-th row of an RGBA image
/// `source_width` pixels wide, giving `width` x `height` pixels (the caller has checked that
/// they lie in the image): a large camera frame searched at half its size converts a quarter of
/// its pixels, gathering the blocks' black points as a frame of that size would.
pub(crate) fn luma_with_blocks_sampled(
    rgba: &[u8],
    source_width: usize,
    step: usize,
    width: usize,
    height: usize,
) -> (Vec<u8>, Option<Vec<Block>>) {
    let mut gathered = vec![0u8; if step > 1 { 4 * width } else { 0 }];
    let mut luma = vec![u8::MAX; width * height];
    if width < MIN_ADAPTIVE_SIDE || height < MIN_ADAPTIVE_SIDE {
        for y in 0..height {
            let source = sampled_row(rgba, source_width, step, y, &mut gathered);
            if let Some(target) = luma.get_mut(y * width..(y + 1) * width) {
                convert_pixels(source, target);
            }
        }
        return (luma, None);
    }
    let blocks_x = width.div_ceil(BLOCK);
    let blocks_y = height.div_ceil(BLOCK);
    let mut blocks = vec![Block::default(); blocks_x * blocks_y];
    let mut ranges = BlockRanges::new(blocks_x);
    // Rows converted so far: where the height is not a multiple of 8 the last block row starts
    // inside the one before it, whose rows are already converted.
    let mut converted = 0;
    for by in 0..blocks_y {
        let y0 = (by * BLOCK).min(height - BLOCK);
        ranges.clear();
        for y in y0..y0 + BLOCK {
            let Some(target) = luma.get_mut(y * width..(y + 1) * width) else {
                continue;
            };
            if y >= converted {
                let source = sampled_row(rgba, source_width, step, y, &mut gathered);
                ranges.convert_row(source, target);
                converted = y + 1;
            } else {
                ranges.add_row(target);
            }
        }
        ranges.black_points(by, &mut blocks);
    }
    (luma, Some(blocks))
}

/// Row `y` of the image of every `step`-th pixel of every `step`-th row of `rgba` (`source_width`
/// pixels wide), as contiguous RGBA: a slice of `rgba` itself at step 1, else gathered into
/// `gathered` (as long as a sampled row).
fn sampled_row<'a>(
    rgba: &'a [u8],
    source_width: usize,
    step: usize,
    y: usize,
    gathered: &'a mut [u8],
) -> &'a [u8] {
    let start = 4 * y * step * source_width;
    let row = rgba.get(start..start + 4 * source_width).unwrap_or(&[]);
    if step <= 1 {
        return row;
    }
    // An index loop: this runs once a pixel of the sampled image. Four bytes as an array, not
    // `copy_from_slice`: the size-optimised WebAssembly build called `memcpy` for each pixel.
    let mut x = 0;
    while let (Some(Ok(to)), Some(Ok(from))) = (
        gathered
            .get_mut(4 * x..4 * x + 4)
            .map(<&mut [u8; 4]>::try_from),
        row.get(4 * step * x..4 * step * x + 4)
            .map(<&[u8; 4]>::try_from),
    ) {
        *to = *from;
        x += 1;
    }
    gathered
}

/// The darkest and lightest pixel of each block of one block row, gathered row by row.
struct BlockRanges {
    minima: Vec<u8>,
    maxima: Vec<u8>,
}

impl BlockRanges {
    fn new(blocks_x: usize) -> BlockRanges {
        BlockRanges {
            minima: vec![u8::MAX; blocks_x],
            maxima: vec![0; blocks_x],
        }
    }

    fn clear(&mut self) {
        self.minima.fill(u8::MAX);
        self.maxima.fill(0);
    }

    /// Adds a row of luma: each whole block of 8, then the last block, shifted back to end at
    /// the row's end.
    fn add_row(&mut self, row: &[u8]) {
        let last_x0 = row.len().saturating_sub(BLOCK);
        let whole = self.minima.len().saturating_sub(1);
        for bx in 0..whole {
            let x = bx * BLOCK;
            if let (Some(block), Some(low), Some(high)) = (
                row.get(x..x + BLOCK),
                self.minima.get_mut(bx),
                self.maxima.get_mut(bx),
            ) {
                extend_range(low, high, block);
            }
        }
        if let (Some(block), Some(low), Some(high)) = (
            row.get(last_x0..),
            self.minima.last_mut(),
            self.maxima.last_mut(),
        ) {
            extend_range(low, high, block);
        }
    }

    /// Converts a row of RGBA into `target` (its luma) and adds it, as [`BlockRanges::add_row`],
    /// in one pass over each whole block.
    fn convert_row(&mut self, source: &[u8], target: &mut [u8]) {
        let whole = self.minima.len().saturating_sub(1);
        for bx in 0..whole {
            let x = bx * BLOCK;
            if let (Some(Ok(rgba)), Some(Ok(luma)), Some(low), Some(high)) = (
                source
                    .get(4 * x..4 * (x + BLOCK))
                    .map(<&[u8; 4 * BLOCK]>::try_from),
                target
                    .get_mut(x..x + BLOCK)
                    .map(<&mut [u8; BLOCK]>::try_from),
                self.minima.get_mut(bx),
                self.maxima.get_mut(bx),
            ) {
                for i in 0..BLOCK {
                    let value = rgba_to_luma(
                        rgba[4 * i],
                        rgba[4 * i + 1],
                        rgba[4 * i + 2],
                        rgba[4 * i + 3],
                    );
                    luma[i] = value;
                    *low = (*low).min(value);
                    *high = (*high).max(value);
                }
            }
        }
        let tail = whole * BLOCK;
        if let (Some(source), Some(target)) = (source.get(4 * tail..), target.get_mut(tail..)) {
            convert_pixels(source, target);
        }
        let last_x0 = target.len().saturating_sub(BLOCK);
        if let (Some(block), Some(low), Some(high)) = (
            target.get(last_x0..),
            self.minima.last_mut(),
            self.maxima.last_mut(),
        ) {
            extend_range(low, high, block);
        }
    }

    /// The black points of block row `by` from the ranges gathered, into `blocks`.
    fn black_points(&self, by: usize, blocks: &mut [Block]) {
        let blocks_x = self.minima.len();
        for bx in 0..blocks_x {
            let min = u32::from(self.minima.get(bx).copied().unwrap_or(u8::MAX));
            let max = u32::from(self.maxima.get(bx).copied().unwrap_or(0));
            let flat = max.saturating_sub(min) <= MIN_DYNAMIC_RANGE;
            // The midrange rather than the mean: a block mostly of paper (or mostly of ink) still
            // splits halfway between its two levels.
            let mut average = (min + max) / 2;
            if flat {
                average = min / 2;
                if by > 0 && bx > 0 {
                    let at = |x: usize, y: usize| {
                        blocks
                            .get(y * blocks_x + x)
                            .map_or(0, |b: &Block| b.black_point)
                    };
                    let neighbours = (at(bx, by - 1) + 2 * at(bx - 1, by) + at(bx - 1, by - 1)) / 4;
                    if min < neighbours {
                        average = neighbours;
                    }
                }
            }
            if let Some(block) = blocks.get_mut(by * blocks_x + bx) {
                *block = Block {
                    black_point: average,
                    flat,
                };
            }
        }
    }
}

/// A single threshold from the luminance histogram: the deepest valley between its two
/// highest peaks (ZXing's global histogram estimate). Returns 128 for an image without two
/// distinct peaks.
fn global_threshold(pixels: &[u8]) -> u32 {
    const BUCKETS: usize = 32;
    let mut histogram = [0u64; BUCKETS];
    for &p in pixels {
        if let Some(count) = histogram.get_mut(usize::from(p >> 3)) {
            *count += 1;
        }
    }
    let (first_peak, &max_count) = histogram
        .iter()
        .enumerate()
        .max_by_key(|&(i, c)| (*c, usize::MAX - i))
        .unwrap_or((0, &0));
    let mut second_peak = 0;
    let mut second_score = 0u64;
    for (i, &count) in histogram.iter().enumerate() {
        let distance = i.abs_diff(first_peak) as u64;
        let score = count * distance * distance;
        if score > second_score {
            second_score = score;
            second_peak = i;
        }
    }
    if second_score == 0 {
        return 128;
    }
    let (low, high) = if first_peak <= second_peak {
        (first_peak, second_peak)
    } else {
        (second_peak, first_peak)
    };
    if high - low <= BUCKETS / 16 {
        return 128;
    }
    let mut best_valley = high - 1;
    let mut best_score = 0u64;
    for x in (low + 1..high).rev() {
        let from_low = (x - low) as u64;
        let count = histogram.get(x).copied().unwrap_or(0);
        let score = from_low * from_low * (high - x) as u64 * (max_count - count);
        if score > best_score {
            best_score = score;
            best_valley = x;
        }
    }
    (best_valley as u32) << 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adaptive_threshold_follows_a_gradient() {
        // A checkerboard of 4-pixel squares on a left-to-right lighting gradient: the dark squares
        // on the bright side are lighter than the light squares on the dark side.
        let (w, h) = (96, 48);
        let mut pixels = vec![0u8; w * h];
        for y in 0..h {
            for x in 0..w {
                let light = 120 + (x * 130 / w) as u32;
                let dark = (x / 4 + y / 4) % 2 == 0;
                pixels[y * w + x] = if dark { (light / 2) as u8 } else { light as u8 };
            }
        }
        let bits = binarize(&Luma {
            width: w,
            height: h,
            pixels: &pixels,
        });
        for y in 0..h {
            for x in 0..w {
                assert_eq!(
                    bits.get(x as i64, y as i64),
                    (x / 4 + y / 4) % 2 == 0,
                    "pixel {x},{y}"
                );
            }
        }
    }

    #[test]
    fn global_threshold_splits_two_peaks() {
        let mut pixels = vec![30u8; 100];
        pixels.extend([220u8; 150]);
        let t = global_threshold(&pixels);
        assert!(t > 30 && t < 220, "{t}");
        assert_eq!(global_threshold(&[128; 10]), 128);
    }

    #[test]
    fn outside_is_light() {
        let pixels = test_pixels(2, 2, |_, _| true);
        let m = threshold_at_middle(2, 2, &pixels);
        assert!(m.get(1, 1) && !m.get(-1, 0) && !m.get(2, 0) && !m.get(0, i64::MAX));
        let m = m.inverted();
        assert!(!m.get(1, 1) && !m.get(-1, 0));
    }

    #[test]
    fn rgba_conversion_gathers_the_same_blocks_as_luma() {
        // Sides that are and are not multiples of 8, and one below the adaptive minimum.
        for (width, height) in [(64, 48), (45, 43), (41, 57), (30, 30), (97, 90), (120, 81)] {
            let rgba: Vec<u8> = (0..width * height * 4)
                .map(|i| ((i * 37 + i / 7 * 11) % 251) as u8)
                .collect();
            let (luma, blocks) = luma_with_blocks(width, height, &rgba);
            let expected: Vec<u8> = rgba
                .chunks_exact(4)
                .map(|p| rgba_to_luma(p[0], p[1], p[2], p[3]))
                .collect();
            assert_eq!(luma, expected, "{width}x{height}");
            let image = Luma {
                width,
                height,
                pixels: &luma,
            };
            match blocks {
                Some(blocks) => {
                    let reference =
                        block_statistics(&image, width.div_ceil(BLOCK), height.div_ceil(BLOCK));
                    let points = |b: &[Block]| -> Vec<(u32, bool)> {
                        b.iter().map(|b| (b.black_point, b.flat)).collect()
                    };
                    assert_eq!(points(&blocks), points(&reference), "{width}x{height}");
                    assert_eq!(binarize_with_blocks(&image, Some(blocks)), binarize(&image));
                }
                None => assert!(width < MIN_ADAPTIVE_SIDE || height < MIN_ADAPTIVE_SIDE),
            }
            // Every other pixel of every other row: the same as converting that image.
            let (half_width, half_height) = (width / 2, height / 2);
            let mut sampled_rgba = Vec::new();
            for y in 0..half_height {
                for x in 0..half_width {
                    let at = 4 * (2 * y * width + 2 * x);
                    sampled_rgba.extend_from_slice(&rgba[at..at + 4]);
                }
            }
            let direct = luma_with_blocks(half_width, half_height, &sampled_rgba);
            let sampled = luma_with_blocks_sampled(&rgba, width, 2, half_width, half_height);
            assert_eq!(sampled.0, direct.0, "{width}x{height} halved");
            let points = |b: Option<Vec<Block>>| -> Option<Vec<(u32, bool)>> {
                b.map(|b| b.iter().map(|b| (b.black_point, b.flat)).collect())
            };
            assert_eq!(
                points(sampled.1),
                points(direct.1),
                "{width}x{height} halved"
            );
        }
    }

    #[test]
    fn row_runs_alternate_from_a_light_run() {
        // Rows 21 wide (the last block shifted back to overlap its neighbour).
        let pixels = test_pixels(21, 2, |x, y| {
            if y == 0 {
                (3..5).contains(&x) || x >= 19
            } else {
                x < 2
            }
        });
        let m = threshold_at_middle(21, 2, &pixels);
        let mut runs = [0u32; 22];
        assert_eq!(m.row_runs(0, &mut runs), 4);
        assert_eq!(runs[..4], [3, 2, 14, 2]);
        assert_eq!(m.row_runs(1, &mut runs), 3);
        assert_eq!(runs[..3], [0, 2, 19]);
        assert_eq!(m.row_runs(2, &mut runs), 0);
        let mut short = [0u32; 2];
        assert_eq!(m.row_runs(0, &mut short), 2);
    }
}
