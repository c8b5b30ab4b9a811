//! The encoder and the grid decoder against the crates they replaced: our encoder draws the
//! symbol the `qrcode` crate draws, module for module; our decoder reads what `qrcode` draws, at
//! every version and level; `rqrr` reads what ours draws; and the SVG and luma renderings.

#[path = "../support/mod.rs"]
mod support;

mod decode;
mod encode;
mod render;
