//! What can go wrong: a text that cannot be rendered, pixels that cannot be scanned.

use core::fmt;

use crate::camera::Region;
use crate::image::{MAX_PIXELS, MIN_SIDE};

/// Why a text cannot be rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum QrError {
    /// The text does not fit a version 40 code at level Q.
    TooLong {
        /// Characters in the text.
        len: usize,
    },
    /// The text has a character outside the QR alphanumeric set `0-9A-Z $%*+-./:`.
    UnsupportedCharacter {
        /// Byte offset of the character in the text.
        index: usize,
        /// The character.
        character: char,
    },
    /// The requested raster is empty (0 pixels a module) or larger than [`MAX_PIXELS`].
    ImageSize {
        /// Pixels per module requested.
        module_pixels: u32,
        /// Quiet zone requested, in modules.
        quiet_zone: u32,
    },
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QrError::TooLong { len } => {
                write!(f, "{len} characters do not fit a QR code at level Q")
            }
            QrError::UnsupportedCharacter { index, character } => write!(
                f,
                "character {character:?} at byte {index} is not in the QR alphanumeric set 0-9A-Z $%*+-./:"
            ),
            QrError::ImageSize {
                module_pixels,
                quiet_zone,
            } => write!(
                f,
                "a QR image of {module_pixels} pixels a module with a {quiet_zone}-module quiet zone is empty or larger than {MAX_PIXELS} pixels"
            ),
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
    /// The image has more than [`MAX_PIXELS`] pixels.
    TooLarge {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
        /// The limit, in pixels.
        max_pixels: u64,
    },
    /// A side is shorter than [`MIN_SIDE`] pixels, too small to hold any QR code (this includes
    /// an empty image).
    TooSmall {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// A camera frame's view ([`FrameView`](crate::FrameView)) reaches outside the frame or is
    /// empty.
    ViewOutsideFrame {
        /// The frame's width in pixels.
        frame_width: u32,
        /// The frame's height in pixels.
        frame_height: u32,
        /// The rectangle asked for.
        source: Region,
    },
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScanError::BufferSize { expected, actual } => {
                write!(f, "pixel buffer holds {actual} bytes, expected {expected}")
            }
            ScanError::TooLarge {
                width,
                height,
                max_pixels,
            } => {
                write!(
                    f,
                    "a {width}x{height} image is larger than the {max_pixels}-pixel limit"
                )
            }
            ScanError::TooSmall { width, height } => {
                write!(
                    f,
                    "a {width}x{height} image is too small to hold a QR code (at least {MIN_SIDE}x{MIN_SIDE})"
                )
            }
            ScanError::ViewOutsideFrame {
                frame_width,
                frame_height,
                source,
            } => write!(
                f,
                "the view {}x{} at ({}, {}) is empty or reaches outside the {frame_width}x{frame_height} frame",
                source.width, source.height, source.left, source.top
            ),
        }
    }
}

impl std::error::Error for ScanError {}
