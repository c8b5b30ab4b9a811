//! The scanner on images: synthetic ones generated here with fixed seeds (rendered, then
//! distorted), a camera loop's frames through `FrameScanner`, and real photos of public test
//! suites.

#[path = "../support/mod.rs"]
mod support;

mod camera;
mod photos;
mod synthetic;
