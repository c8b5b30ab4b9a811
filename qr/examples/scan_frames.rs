//! The scanner benchmark's frames scanned natively: per-class counts and times, for iterating on
//! the scanner without the WebAssembly build (`scripts/bench.sh` gives the real figure).
//!
//! ```sh
//! node bench/frames.mjs   # writes target/bench/frames/*.png and index.json
//! cargo run --release -p tirkeu-qr --example scan_frames -- [DIR] [quick|thorough|track] [NAME-FILTER] [REPEATS] [0|90|180|270]
//! ```
//!
//! `track` measures the camera loop's region (`FrameScanner`): each frame scanned as a first
//! frame (the whole frame, quick), then as the next frame of a loop that saw the code there
//! (the region first).
//!
//! A frame's time is the mean over `REPEATS` calls (default 3) of the scanning thread's CPU time
//! where Linux reports it (`/proc/thread-self/schedstat`, counted in scheduler ticks: use 20 or
//! more repeats), so that other work on a shared machine does not inflate it; elsewhere the
//! median of the calls' wall-clock times.

use std::collections::BTreeMap;
use std::error::Error;
use std::time::Instant;

use serde::Deserialize;
use tirkeu_qr::{FrameScanner, ScanEffort, scan_rgba_with};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Frame {
    name: String,
    class_name: String,
    /// `None` for a frame without a code: any text read there is a misread.
    text: Option<String>,
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map_or("target/bench/frames", String::as_str);
    let mode = args.get(1).map_or("thorough", String::as_str);
    let filter = args.get(2).cloned().unwrap_or_default();
    let repeats: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(3).max(1);
    // The frames turned clockwise by 0, 90, 180 or 270 degrees: nothing may be lost by rotation.
    let degrees: u32 = args.get(4).and_then(|r| r.parse().ok()).unwrap_or(0);
    let index: Vec<Frame> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/index.json"))?)?;
    let mut frames = Vec::new();
    for frame in index.into_iter().filter(|f| f.name.contains(&filter)) {
        let rgba = image::open(format!("{dir}/{}.png", frame.name))?.to_rgba8();
        let rgba = match degrees {
            90 => image::imageops::rotate90(&rgba),
            180 => image::imageops::rotate180(&rgba),
            270 => image::imageops::rotate270(&rgba),
            _ => rgba,
        };
        frames.push((frame, rgba));
    }
    if mode == "track" {
        track(&frames, repeats);
        return Ok(());
    }
    let effort = if mode == "quick" {
        ScanEffort::Quick
    } else {
        ScanEffort::Thorough
    };
    let mut per_class: BTreeMap<String, (usize, usize, f64)> = BTreeMap::new();
    let mut times = Vec::new();
    for (frame, rgba) in &frames {
        let (width, height) = rgba.dimensions();
        let result = scan_rgba_with(width, height, rgba.as_raw(), effort);
        let millis = measure(repeats, || {
            let _ = scan_rgba_with(width, height, rgba.as_raw(), effort);
        });
        times.push(millis);
        let expected = frame.text.as_deref();
        let ok = matches!(&result, Ok(texts) if texts.iter().any(|t| Some(t.as_str()) == expected));
        let wrong =
            matches!(&result, Ok(texts) if texts.iter().any(|t| Some(t.as_str()) != expected));
        let entry = per_class.entry(frame.class_name.clone()).or_default();
        entry.0 += usize::from(ok);
        entry.1 += 1;
        entry.2 += millis;
        println!(
            "{:<16} {:>5} {:>8.2} ms{}",
            frame.name,
            if ok { "ok" } else { "MISS" },
            millis,
            if wrong { "  WRONG TEXT" } else { "" }
        );
    }
    let total: usize = per_class.values().map(|v| v.0).sum();
    let with_code = frames.iter().filter(|(f, _)| f.text.is_some()).count();
    let sum: f64 = times.iter().sum();
    println!(
        "decoded {total}/{with_code} median {:.2} ms total {sum:.1} ms",
        median(&mut times)
    );
    for (class, (ok, all, millis)) in &per_class {
        println!("  {class:<14} {ok}/{all} {millis:>8.1} ms");
    }
    Ok(())
}

/// Each frame as the first of a camera loop and as a later one whose region holds the code.
fn track(frames: &[(Frame, image::RgbaImage)], repeats: usize) {
    let (mut full_times, mut tracked_times) = (Vec::new(), Vec::new());
    let mut tracked_count = 0;
    for (frame, rgba) in frames {
        let (width, height) = rgba.dimensions();
        let full = measure(repeats, || {
            let _ = FrameScanner::new().scan_rgba(width, height, rgba.as_raw());
        });
        let mut primed = FrameScanner::new();
        let first = primed.scan_rgba(width, height, rgba.as_raw());
        let mut next = primed.clone();
        let again = next.scan_rgba(width, height, rgba.as_raw());
        let tracked = measure(repeats, || {
            let _ = primed.clone().scan_rgba(width, height, rgba.as_raw());
        });
        // The same frame halved (2 x 2 means) and scanned quick, as make bench's camera table
        // compares: what a frame of half the size costs.
        let half = halved(rgba);
        let half_quick = measure(repeats, || {
            let _ = scan_rgba_with(width / 2, height / 2, &half, ScanEffort::Quick);
        });
        let expected = frame.text.as_deref();
        let found = |r: &Result<Vec<String>, _>| matches!(r, Ok(t) if t.iter().any(|t| Some(t.as_str()) == expected));
        let half_found = found(&scan_rgba_with(
            width / 2,
            height / 2,
            &half,
            ScanEffort::Quick,
        ));
        tracked_count += usize::from(next.tracked());
        println!(
            "{:<16} first {:>5} {:>7.2} ms   next {:>5} {:>7.2} ms   half quick {:>5} {:>7.2} ms{}",
            frame.name,
            if found(&first) { "ok" } else { "MISS" },
            full,
            if found(&again) { "ok" } else { "MISS" },
            tracked,
            if half_found { "ok" } else { "MISS" },
            half_quick,
            if next.tracked() { "  (region)" } else { "" }
        );
        full_times.push(full);
        tracked_times.push(tracked);
    }
    let (full, tracked) = (median(&mut full_times), median(&mut tracked_times));
    println!(
        "median first frame {full:.2} ms, next frame {tracked:.2} ms ({:.0} %), {tracked_count}/{} found in the region",
        100.0 * tracked / full.max(1e-9),
        frames.len()
    );
}

/// `rgba` at half its size, each pixel the mean of a 2 x 2 block (as bench/scan.mjs halves).
fn halved(rgba: &image::RgbaImage) -> Vec<u8> {
    let (w, h) = (rgba.width() / 2, rgba.height() / 2);
    let mut out = Vec::with_capacity((w * h * 4) as usize);
    for y in 0..h {
        for x in 0..w {
            for c in 0..4 {
                let at = |dx: u32, dy: u32| u32::from(rgba.get_pixel(2 * x + dx, 2 * y + dy)[c]);
                out.push(((at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1) + 2) >> 2) as u8);
            }
        }
    }
    out
}

/// The time of one call of `f`: the mean CPU time of the thread over `repeats` calls where Linux
/// reports it, else the median wall-clock time.
fn measure(repeats: usize, mut f: impl FnMut()) -> f64 {
    let mut calls = Vec::new();
    let cpu_start = thread_cpu_nanos();
    for _ in 0..repeats {
        let start = Instant::now();
        f();
        calls.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    match (cpu_start, thread_cpu_nanos()) {
        (Some(before), Some(after)) if after > before => {
            (after - before) as f64 / 1e6 / repeats as f64
        }
        _ => median(&mut calls),
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

/// CPU time of the current thread in nanoseconds, where Linux reports it.
fn thread_cpu_nanos() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}
