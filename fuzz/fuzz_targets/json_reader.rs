//! JSON text -> the module's JSON reader, against serde_json (which the command line uses).
//!
//! The module reads every argument as the text `JSON.stringify` wrote for it; this compares the
//! reader with serde_json on any text, well-formed or not.
//!
//! Properties beyond "no panic":
//! - the reader accepts exactly what serde_json accepts, with one documented exception: a lone
//!   surrogate escape (`\ud800` without its pair), which the reader reads as U+FFFD as browsers
//!   do, and serde_json refuses;
//! - what both accept reads as the same value, numbers of the same kind (u64, i64 or f64);
//! - nesting deeper than the limit is refused, never followed to a stack overflow.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tirkeu::fuzzing::read_json;

/// serde_json's nesting limit, which the module applies too: 127 arrays or objects deep.
const SERDE_NESTING: usize = 127;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = read_json(text, SERDE_NESTING);
    let serde = serde_json::from_str::<serde_json::Value>(text).ok();
    match (&ours, &serde) {
        (Some(ours), Some(serde)) => {
            assert_eq!(ours, serde, "{text:?}");
            assert_eq!(
                serde_json::to_string(ours).ok(),
                serde_json::to_string(serde).ok(),
                "{text:?}"
            );
        }
        (None, None) => {}
        (Some(_), None) => {
            let lowered = text.to_ascii_lowercase();
            let surrogate_escape = [
                "\\ud8", "\\ud9", "\\uda", "\\udb", "\\udc", "\\udd", "\\ude", "\\udf",
            ]
            .iter()
            .any(|escape| lowered.contains(escape));
            assert!(
                surrogate_escape,
                "accepted what serde_json refuses: {text:?}"
            );
        }
        (None, Some(_)) => panic!("refused what serde_json reads: {text:?}"),
    }
    // A deep nest is refused at the limit, whatever follows it.
    let _ = read_json(text, 2);
});
