//! Certificates and QR codes together: the size of a realistic certificate's code, and the whole
//! path a printed certificate takes (issue -> render -> rasterise -> scan -> verify), in the
//! library and through the command line (`issue --png`, `verify --image`, `scan`).

#![cfg(not(target_arch = "wasm32"))]

use crate::support::cert as cert_support;

use crate::support::cli::TIRKEU;
use crate::support::{demo_dir, scratch_dir};
use cert_support::*;
use std::process::Command;
use tirkeu::cert::*;

/// the certificate format (docs/certificate-format.md section 1) says "a realistic record fits version 18 or below". Measured: a long
/// record (full name 40, address 80, host name 40 Cyrillic characters) is 654 characters of QR
/// text, version 20 at level Q: Cyrillic UTF-8 barely deflates at this length and the signature
/// alone is 64 bytes. Version 18 holds for a full name of 40, an address of 40 and a host name of
/// 30 Cyrillic characters (the DEMO record is version 17). Both bounds are pinned here.
#[test]
fn a_long_realistic_record_fits_version_20_and_a_typical_one_version_18() {
    let mut realistic = record();
    realistic.surname = "ӘБДІРАХМАНОВА-ҚҰНАНБАЕВА".into(); // 24
    realistic.given_names = "ҒАЛИЯ ӨМІРҚЫЗЫ".into(); // 14: 39 with the space between them
    realistic.patronymic = None;
    realistic.address =
        "Алматы қ., Медеу ауданы, Достық даңғылы, 240-үй, 17-пәтер, Көкжиек тұрғын кешені".into();
    realistic.host_name = "ҚҰДАЙБЕРГЕНОВ НҰРСҰЛТАН ЖАҚСЫЛЫҚҰЛЫ ӘЛІМ".into();
    assert_eq!(realistic.address.chars().count(), 80);
    assert_eq!(realistic.host_name.chars().count(), 40);
    assert_eq!(
        realistic.surname.chars().count() + 1 + realistic.given_names.chars().count(),
        39
    );
    let text = issue_certificate(&realistic, &issuer(), IAT).unwrap();
    let code = tirkeu::qr::encode(&text).unwrap();
    assert!(
        code.version() <= 20,
        "version {} for {} characters",
        code.version(),
        text.len()
    );
    assert_eq!(
        verifier().verify(&text, &context("2026-07-15")).status,
        Status::Valid
    );

    let mut typical = realistic;
    typical.address = "Алматы қ., Медеу ауданы, Достық даңғ., 2".into();
    typical.host_name = "ҚҰДАЙБЕРГЕНОВ НҰРСҰЛТАН ЖАҚСЫЛ".into();
    assert_eq!(
        (
            typical.address.chars().count(),
            typical.host_name.chars().count()
        ),
        (40, 30)
    );
    let text = issue_certificate(&typical, &issuer(), IAT).unwrap();
    let code = tirkeu::qr::encode(&text).unwrap();
    assert!(
        code.version() <= 18,
        "version {} for {} characters",
        code.version(),
        text.len()
    );
}

#[test]
fn issue_render_scan_verify_in_the_library() {
    let text = certificate();
    for module_pixels in [2, 3, 5] {
        let image = tirkeu::qr::encode(&text)
            .unwrap()
            .to_luma(module_pixels, 4)
            .unwrap();
        let found = tirkeu::qr::scan_luma(image.width(), image.height(), image.pixels()).unwrap();
        assert_eq!(
            found,
            std::slice::from_ref(&text),
            "{module_pixels} pixels a module"
        );
        let result = verifier().verify(&found[0], &context("2026-07-15"));
        assert_eq!(result.status, Status::Valid);
    }
}

#[test]
fn issue_png_then_verify_image_and_scan_on_the_command_line() {
    let tirkeu = TIRKEU;
    let demo = demo_dir();
    let dir = scratch_dir("cert-qr");
    let png = dir.join("certificate.png");
    let svg = dir.join("certificate.svg");

    let issued = Command::new(tirkeu)
        .arg("issue")
        .args([
            "--key",
            demo.join("issuer.key.json").to_str().unwrap(),
            "--iat",
            "1782882000",
        ])
        .args([
            "--png",
            png.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
        ])
        .arg(demo.join("record.json"))
        .output()
        .unwrap();
    assert_eq!(
        issued.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&issued.stderr)
    );
    let text = String::from_utf8(issued.stdout).unwrap();
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));

    let scanned = Command::new(tirkeu).arg("scan").arg(&png).output().unwrap();
    assert_eq!(scanned.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(scanned.stdout).unwrap().trim(),
        text.trim()
    );

    let verified = Command::new(tirkeu)
        .arg("verify")
        .args(["--root", demo.join("root.pub.json").to_str().unwrap()])
        .args(["--trust", demo.join("trust-list.cose").to_str().unwrap()])
        .args(["--status", demo.join("status-list.cose").to_str().unwrap()])
        .args(["--on", "2026-07-15", "--image", png.to_str().unwrap()])
        .output()
        .unwrap();
    // Valid, under the DEMO key: exit 1 (a DEMO verdict never exits 0).
    assert_eq!(
        verified.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&verified.stdout)
    );
    let result: serde_json::Value = serde_json::from_slice(&verified.stdout).unwrap();
    assert_eq!(result["status"], "valid");
    assert_eq!(result["demo"], true);
    let _ = std::fs::remove_dir_all(&dir);
}
