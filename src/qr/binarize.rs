//! Binarisation: greyscale to black and white with a locally adaptive threshold, so that
//! shadows, gradients and uneven lighting across a photo do not swallow the code.
//!
//! The method is the block-based one ZXing calls the hybrid binariser: the image is cut into
//! 8 x 8 blocks, each block gets a black point (its midrange, or a guess from its neighbours when
//! it is flat), and each pixel is compared with the mean black point of the blocks with contrast
//! among the 5 x 5 around its own (as ZXing-C++ does: flat blocks do not vote). Images smaller than 40 pixels a side use one global threshold from the histogram.

use super::image::Luma;

const BLOCK: usize = 8;
const MIN_ADAPTIVE_SIDE: usize = BLOCK * 5;
/// Blocks whose contrast is at most this are treated as flat (all background or all ink).
const MIN_DYNAMIC_RANGE: u32 = 24;

/// A black-and-white image: `true` is dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BitMatrix {
    pub width: usize,
    pub height: usize,
    bits: Vec<bool>,
}

impl BitMatrix {
    /// Whether the pixel at (`x`, `y`) is dark; everything outside the image is light.
    #[inline(always)]
    pub fn get(&self, x: i64, y: i64) -> bool {
        if x < 0 || y < 0 || x as u64 >= self.width as u64 || y as u64 >= self.height as u64 {
            return false;
        }
        self.bits
            .get(y as usize * self.width + x as usize)
            .copied()
            .unwrap_or(false)
    }

    /// Row `y` (empty past the last row).
    pub fn row(&self, y: usize) -> &[bool] {
        let start = y.saturating_mul(self.width);
        self.bits
            .get(start..start.saturating_add(self.width))
            .unwrap_or(&[])
    }

    /// The same image with dark and light swapped.
    pub fn inverted(&self) -> BitMatrix {
        BitMatrix {
            width: self.width,
            height: self.height,
            bits: self.bits.iter().map(|b| !b).collect(),
        }
    }

    #[cfg(test)]
    pub fn from_fn(width: usize, height: usize, dark: impl Fn(usize, usize) -> bool) -> BitMatrix {
        let mut bits = Vec::with_capacity(width * height);
        for y in 0..height {
            for x in 0..width {
                bits.push(dark(x, y));
            }
        }
        BitMatrix {
            width,
            height,
            bits,
        }
    }
}

/// Binarises `image` (adaptive for images of at least 40 x 40 pixels, global below).
pub(crate) fn binarize(image: &Luma<'_>) -> BitMatrix {
    if image.width >= MIN_ADAPTIVE_SIDE && image.height >= MIN_ADAPTIVE_SIDE {
        adaptive(image)
    } else {
        let threshold = global_threshold(image.pixels);
        let bits = image
            .pixels
            .iter()
            .map(|&p| u32::from(p) < threshold)
            .collect();
        BitMatrix {
            width: image.width,
            height: image.height,
            bits,
        }
    }
}

fn adaptive(image: &Luma<'_>) -> BitMatrix {
    let (width, height) = (image.width, image.height);
    let blocks_x = width.div_ceil(BLOCK);
    let blocks_y = height.div_ceil(BLOCK);
    let blocks = block_statistics(image, blocks_x, blocks_y);
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

    // Row by row: each block row's thresholds once, then every pixel row through them in
    // memory order. Where the image's side is not a multiple of 8, the last block is shifted
    // back to end at the edge and decides the last 8 pixels.
    let mut bits = vec![false; width * height];
    let mut thresholds = vec![0u32; blocks_x];
    let last_x0 = width - BLOCK;
    for by in 0..blocks_y {
        let top = by.clamp(2, blocks_y - 3) - 2;
        for (bx, threshold) in thresholds.iter_mut().enumerate() {
            let left = bx.clamp(2, blocks_x - 3) - 2;
            // Only blocks with contrast say where the middle between ink and paper lies: a flat
            // block's guess (half its minimum) would pull the threshold of its neighbours down
            // and thin the code's edge modules away at low contrast.
            *threshold = window(&sums, left, top)
                .checked_div(window(&counts, left, top))
                .unwrap_or_else(|| {
                    blocks
                        .get(by * blocks_x + bx)
                        .map_or(0, |block| block.black_point)
                });
        }
        let y0 = (by * BLOCK).min(height - BLOCK);
        let y1 = if by + 1 == blocks_y {
            height
        } else {
            y0 + BLOCK
        };
        for y in y0..y1 {
            let (Some(source), Some(target)) = (
                image.pixels.get(y * width..(y + 1) * width),
                bits.get_mut(y * width..(y + 1) * width),
            ) else {
                continue;
            };
            let whole = last_x0 / BLOCK;
            for bx in 0..whole {
                let x = bx * BLOCK;
                if let (Some(target), Some(source), Some(&threshold)) = (
                    target.get_mut(x..x + BLOCK),
                    source.get(x..x + BLOCK),
                    thresholds.get(bx),
                ) {
                    threshold_pixels(target, source, threshold);
                }
            }
            // The rest of the row: pixels of block `whole`, then the last block's 8 (where the
            // side is a multiple of 8, block `whole` is the last one).
            let start = whole * BLOCK;
            let last = thresholds.last().copied().unwrap_or(0);
            let own = thresholds.get(whole).copied().unwrap_or(last);
            if let (Some(target), Some(source)) =
                (target.get_mut(start..last_x0), source.get(start..last_x0))
            {
                threshold_pixels(target, source, own);
            }
            if let (Some(target), Some(source)) = (target.get_mut(last_x0..), source.get(last_x0..))
            {
                threshold_pixels(target, source, last);
            }
        }
    }
    BitMatrix {
        width,
        height,
        bits,
    }
}

/// Marks each pixel of `source` at or below `threshold` as dark in `target` (an index loop: the
/// size-optimised WebAssembly build does not inline iterator adapters, and this runs once a
/// pixel).
#[inline(always)]
fn threshold_pixels(target: &mut [bool], source: &[u8], threshold: u32) {
    let mut i = 0;
    while let (Some(bit), Some(&luma)) = (target.get_mut(i), source.get(i)) {
        *bit = u32::from(luma) <= threshold;
        i += 1;
    }
}

/// Lowers `low` and raises `high` to the pixels of `source` (an index loop, as
/// [`threshold_pixels`]).
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
struct Block {
    black_point: u32,
    flat: bool,
}

/// The black point of each block: its midrange when it has contrast, otherwise half its minimum
/// (a flat block is most likely background) unless its neighbours suggest it is ink.
fn block_statistics(image: &Luma<'_>, blocks_x: usize, blocks_y: usize) -> Vec<Block> {
    let (width, height) = (image.width, image.height);
    let mut blocks = vec![Block::default(); blocks_x * blocks_y];
    // Each block row's minima and maxima, gathered row by row in memory order; the last block
    // of a row is shifted back to end at the image's edge.
    let mut minima = vec![255u8; blocks_x];
    let mut maxima = vec![0u8; blocks_x];
    let last_x0 = width - BLOCK;
    for by in 0..blocks_y {
        let y0 = (by * BLOCK).min(height - BLOCK);
        minima.fill(255);
        maxima.fill(0);
        for y in y0..y0 + BLOCK {
            let row = image.pixels.get(y * width..(y + 1) * width).unwrap_or(&[]);
            for bx in 0..blocks_x - 1 {
                let x = bx * BLOCK;
                if let (Some(block), Some(low), Some(high)) = (
                    row.get(x..x + BLOCK),
                    minima.get_mut(bx),
                    maxima.get_mut(bx),
                ) {
                    extend_range(low, high, block);
                }
            }
            if let (Some(block), Some(low), Some(high)) =
                (row.get(last_x0..), minima.last_mut(), maxima.last_mut())
            {
                extend_range(low, high, block);
            }
        }
        for bx in 0..blocks_x {
            let min = u32::from(minima.get(bx).copied().unwrap_or(255));
            let max = u32::from(maxima.get(bx).copied().unwrap_or(0));
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
    blocks
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
        let m = BitMatrix::from_fn(2, 2, |_, _| true);
        assert!(m.get(1, 1) && !m.get(-1, 0) && !m.get(2, 0) && !m.get(0, i64::MAX));
    }
}
