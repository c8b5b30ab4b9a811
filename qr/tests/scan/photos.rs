//! Real QR images from public test suites, read in place from the shared vectors directory
//! (never copied into the project). Skipped, with a note, where that directory is absent.
use std::path::{Path, PathBuf};

fn vectors() -> Option<PathBuf> {
    let dir = crate::support::project_root().join("../shared/vectors");
    let dir = if dir.is_dir() {
        dir
    } else {
        PathBuf::from("/work/shared/vectors")
    };
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("note: shared/vectors not found; real-image QR tests skipped");
        None
    }
}

fn scan_file(path: &Path) -> Vec<String> {
    let image = image::open(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .to_rgba8();
    tirkeu_qr::scan_rgba(image.width(), image.height(), image.as_raw()).unwrap()
}

/// The `PREFIX` (the QR text) of a dgc-testdata JSON file, read in place.
fn dgc_prefix(path: &Path) -> String {
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    json["PREFIX"].as_str().unwrap().to_owned()
}

// Source: eu-digital-green-certificates/dgc-testdata (AT/png, DE/2DCode/png; SOURCES.md):
// `EXPECTEDPICTUREDECODE: true`, the decoded text equals the file's `PREFIX`.
#[test]
fn eu_dcc_images_decode_to_their_prefix() {
    let Some(dir) = vectors() else { return };
    for name in [
        "AT/1", "AT/2", "AT/3", "AT/4", "DE/1", "DE/2", "DE/3", "DE/4",
    ] {
        let texts = scan_file(&dir.join(format!("dcc/{name}.png")));
        let expected = dgc_prefix(&dir.join(format!("dcc/{name}.json")));
        assert!(expected.starts_with("HC1:"));
        assert_eq!(texts, [expected], "dcc/{name}.png");
    }
}

// Source: smart-on-fhir/health-cards-dev-tools testdata (SOURCES.md): the same card rendered
// whole, scaled to 85% and to 23% (JPEG, about 1.3 pixels a module), and deliberately corrupted.
#[test]
fn smart_health_card_images_including_scaled_ones() {
    let Some(dir) = vectors() else { return };
    let shc = |name: &str| scan_file(&dir.join("shc").join(name));
    let whole = shc("test-example-00-g-qr-code-0-single_qr_segment.png");
    assert_eq!(whole.len(), 1);
    assert!(whole[0].starts_with("shc:/"), "{whole:?}");
    let at_85 = shc("test-example-00-g-qr-code-0-scaled-85.jpg");
    let at_23 = shc("test-example-00-g-qr-code-0-scaled-23.jpg");
    for scaled in [&at_85, &at_23] {
        assert_eq!(scaled.len(), 1);
        assert!(scaled[0].starts_with("shc:/"), "{scaled:?}");
    }
    let v22 = shc("test-example-00-g-qr-code-inflated-to-v22.png");
    assert_eq!(v22.len(), 1);
    assert!(v22[0].starts_with("shc:/"), "{v22:?}");
    // Too damaged for error correction: nothing, and no panic.
    assert!(shc("test-example-00-g-qr-code-0-corrupted.png").is_empty());
}
