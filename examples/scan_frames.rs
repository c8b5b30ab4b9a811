//! The scanner benchmark's frames scanned natively: per-class counts and times, for iterating on
//! the scanner without the WebAssembly build (`scripts/bench.sh` gives the real figure).
//!
//! ```sh
//! node bench/frames.mjs   # writes target/bench/frames/*.png and index.json
//! cargo run --release --example scan_frames -- [DIR] [quick|thorough] [NAME-FILTER] [REPEATS]
//! ```
//!
//! A frame's time is the mean over `REPEATS` calls (default 3) of the scanning thread's CPU time
//! where Linux reports it (`/proc/thread-self/schedstat`, counted in scheduler ticks: use 20 or
//! more repeats), so that other work on a shared machine does not inflate it; elsewhere the
//! median of the calls' wall-clock times.

use std::collections::BTreeMap;
use std::error::Error;
use std::time::Instant;

use serde::Deserialize;
use tirkeu::qr::{ScanEffort, scan_rgba_with};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Frame {
    name: String,
    class_name: String,
    text: String,
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map_or("target/bench/frames", String::as_str);
    let effort = match args.get(1).map(String::as_str) {
        Some("quick") => ScanEffort::Quick,
        _ => ScanEffort::Thorough,
    };
    let filter = args.get(2).cloned().unwrap_or_default();
    let repeats: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(3).max(1);
    let index: Vec<Frame> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/index.json"))?)?;
    let mut per_class: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut times = Vec::new();
    for frame in index.iter().filter(|f| f.name.contains(&filter)) {
        let rgba = image::open(format!("{dir}/{}.png", frame.name))?.to_rgba8();
        let (width, height) = rgba.dimensions();
        let mut calls = Vec::new();
        let mut result = scan_rgba_with(width, height, rgba.as_raw(), effort);
        let cpu_start = thread_cpu_nanos();
        for _ in 0..repeats {
            let start = Instant::now();
            result = scan_rgba_with(width, height, rgba.as_raw(), effort);
            calls.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        let millis = match (cpu_start, thread_cpu_nanos()) {
            (Some(before), Some(after)) => {
                after.saturating_sub(before) as f64 / 1e6 / repeats as f64
            }
            _ => {
                calls.sort_by(f64::total_cmp);
                calls.get(calls.len() / 2).copied().unwrap_or(0.0)
            }
        };
        times.push(millis);
        let ok = matches!(&result, Ok(texts) if texts.contains(&frame.text));
        let wrong = matches!(&result, Ok(texts) if texts.iter().any(|t| *t != frame.text));
        let entry = per_class.entry(frame.class_name.clone()).or_default();
        entry.0 += usize::from(ok);
        entry.1 += 1;
        println!(
            "{:<16} {:>5} {:>8.2} ms{}",
            frame.name,
            if ok { "ok" } else { "MISS" },
            millis,
            if wrong { "  WRONG TEXT" } else { "" }
        );
    }
    times.sort_by(f64::total_cmp);
    let total: usize = per_class.values().map(|v| v.0).sum();
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    println!("decoded {total}/{} median {median:.2} ms", times.len());
    for (class, (ok, all)) in &per_class {
        println!("  {class:<14} {ok}/{all}");
    }
    Ok(())
}

/// CPU time of the current thread in nanoseconds, where Linux reports it.
fn thread_cpu_nanos() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}
