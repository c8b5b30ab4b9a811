//! Rendering the certificate text as a QR code. Source: certificate spec section 1 (one
//! alphanumeric segment, level Q, quiet zone 4); ISO/IEC 18004:2015 table 7 (capacities).

use tirkeu_qr::{self as qr, QrCode, QrError, SvgOptions};

use std::path::Path;

use crate::support::project_root;

fn text(len: usize) -> String {
    let alphabet = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    let mut s = String::from("KZ1:");
    let mut i = 7usize;
    while s.len() < len {
        s.push(alphabet[i % 45] as char);
        i = i.wrapping_mul(31).wrapping_add(11) % 1_000_003;
    }
    s.truncate(len);
    s
}

/// Decodes a symbol straight from its module matrix with rqrr: (error correction level, text).
fn decode_modules(code: &QrCode) -> (u16, String) {
    let grid = rqrr::SimpleGrid::from_func(code.width(), |x, y| code.is_dark(x, y));
    let (meta, text) = rqrr::Grid::new(grid).decode().unwrap();
    (meta.ecc_level, text)
}

#[test]
fn symbols_decode_at_level_q() {
    for len in [0, 1, 47, 48, 574, 575, 2420] {
        let t = text(len);
        let code = qr::encode(&t).unwrap();
        assert_eq!(code.width(), 17 + 4 * usize::from(code.version()));
        // Format information level bits: Q is 0b11.
        assert_eq!(decode_modules(&code), (3, t), "{len} characters");
    }
}

#[test]
fn one_alphanumeric_segment_even_for_digit_runs() {
    // 500 digits would take a much smaller symbol as a numeric segment (about 1,700 bits instead
    // of 2,770): version 17 shows that the text was not split.
    let digits = format!("KZ1:{}", "0123456789".repeat(50));
    let code = qr::encode(&digits).unwrap();
    assert_eq!(code.version(), 17);
    assert_eq!(decode_modules(&code).1, digits);
}

#[test]
fn too_long_texts_are_refused() {
    assert!(qr::encode(&text(2420)).is_ok());
    assert_eq!(qr::encode(&text(2421)), Err(QrError::TooLong { len: 2421 }));
    // The verifier's limit (4,296 characters, the level-L capacity) is also too long at level Q.
    assert_eq!(qr::encode(&text(4296)), Err(QrError::TooLong { len: 4296 }));
    assert_eq!(
        qr::encode(&text(100_000)),
        Err(QrError::TooLong { len: 100_000 })
    );
    assert!(qr::render_svg(&text(2421)).is_err());
}

#[test]
fn characters_outside_the_alphanumeric_set_are_refused() {
    assert_eq!(
        qr::encode("KZ1:abc"),
        Err(QrError::UnsupportedCharacter {
            index: 4,
            character: 'a'
        })
    );
    assert_eq!(
        qr::encode("KZ1:Ä"),
        Err(QrError::UnsupportedCharacter {
            index: 4,
            character: 'Ä'
        })
    );
    assert_eq!(
        qr::encode("KZ1:\n"),
        Err(QrError::UnsupportedCharacter {
            index: 4,
            character: '\n'
        })
    );
    assert!(qr::encode("KZ1: $%*+-./:").is_ok());
}

/// A minimal well-formedness check: every `<` opens a tag of quoted attributes, tags nest, and
/// text outside attribute values has no bare `&` or `<`.
fn assert_well_formed_xml(svg: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg.trim_end();
    while let Some(open) = rest.find('<') {
        assert!(
            rest[..open].trim().is_empty(),
            "text outside tags: {:?}",
            &rest[..open]
        );
        let close = rest[open..].find('>').expect("unclosed tag") + open;
        let tag = &rest[open + 1..close];
        // Attribute values: split on quotes; even parts are markup, odd parts are values.
        for (i, part) in tag.split('"').enumerate() {
            if i % 2 == 1 {
                assert!(
                    !part.contains('<') && !part.contains('"'),
                    "bad attribute value {part:?}"
                );
                for (j, _) in part.match_indices('&') {
                    let entity =
                        &part[j..part[j..].find(';').expect("unterminated entity") + j + 1];
                    assert!(
                        ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity),
                        "{entity}"
                    );
                }
            } else {
                assert!(!part.contains('&'), "bare & in markup");
            }
        }
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes in {tag:?}"
        );
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched closing tag");
        } else if !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().unwrap().to_owned());
        }
        rest = &rest[close + 1..];
    }
    assert!(rest.trim().is_empty());
    assert!(stack.is_empty(), "unclosed elements {stack:?}");
}

/// Rasterises the `d` attribute of the SVG's path into modules: runs `M x y h n v1 h-n z` (or
/// `m dx 0 ...`, relative to the previous run's start in the same row).
fn modules_of_path(svg: &str, size: usize) -> Vec<bool> {
    let d_start = svg.find(" d=\"").unwrap() + 4;
    let d = &svg[d_start..d_start + svg[d_start..].find('"').unwrap()];
    let mut dark = vec![false; size * size];
    let (mut pen_x, mut pen_y) = (0usize, 0usize);
    for run in d.split('z').filter(|r| !r.is_empty()) {
        let (xy, rest) = run[1..].split_once('h').unwrap();
        let (x, y) = xy.split_once(' ').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        if run.starts_with('M') {
            (pen_x, pen_y) = (x, y);
        } else {
            assert!(run.starts_with('m') && y == 0, "{run}");
            pen_x += x;
        }
        let (n, tail) = rest.split_once("v1h-").unwrap();
        assert_eq!(n, tail);
        let n: usize = n.parse().unwrap();
        for i in pen_x..pen_x + n {
            assert!(!dark[pen_y * size + i], "overlapping runs");
            dark[pen_y * size + i] = true;
        }
    }
    dark
}

#[test]
fn svg_is_a_compact_standalone_document_of_the_same_modules() {
    let t = text(600);
    let code = qr::encode(&t).unwrap();
    let svg = qr::render_svg(&t).unwrap();
    let size = code.width() + 8;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains(&format!("viewBox=\"0 0 {size} {size}\"")));
    assert!(svg.contains("shape-rendering=\"crispEdges\""));
    assert!(svg.contains("role=\"img\"") && svg.contains("aria-label=\"QR code\""));
    assert!(svg.contains(&format!(
        "<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>"
    )));
    assert_eq!(svg.matches("<path").count(), 1);
    assert_eq!(
        svg.matches('<').count(),
        4,
        "svg, rect, path and the closing tag only"
    );
    assert_well_formed_xml(&svg);
    // Compact: a version 19 code in about 25 KB (one rectangle per module would be 200 KB).
    assert!(svg.len() < 27_000, "{} bytes", svg.len());

    let dark = modules_of_path(&svg, size);
    for y in 0..size {
        for x in 0..size {
            let expected = x >= 4 && y >= 4 && code.is_dark(x - 4, y - 4);
            assert_eq!(dark[y * size + x], expected, "module {x},{y}");
        }
    }
}

#[test]
fn svg_options_are_escaped() {
    let options = SvgOptions::default()
        .label("Справка <\"A&B\">")
        .colors("#112233", "rgb(250, 250, 250)");
    let svg = qr::render_svg_with("KZ1:ABC", &options).unwrap();
    assert!(svg.contains("aria-label=\"Справка &lt;&quot;A&amp;B&quot;&gt;\""));
    assert!(svg.contains("fill=\"#112233\"") && svg.contains("fill=\"rgb(250, 250, 250)\""));
    assert_well_formed_xml(&svg);
    let hostile = SvgOptions::default().colors("\"/><script>alert(1)</script>", "x");
    let svg = qr::render_svg_with("KZ1:ABC", &hostile).unwrap();
    assert!(!svg.contains("<script"));
    assert_well_formed_xml(&svg);
}

#[test]
fn luma_raster_has_quiet_zone_and_module_pixels() {
    let code = qr::encode("KZ1:ABC").unwrap();
    let image = code.to_luma(3, 4).unwrap();
    assert_eq!((image.width(), image.height()), (87, 87));
    for y in 0..87u32 {
        for x in 0..87u32 {
            let (mx, my) = ((x / 3) as usize, (y / 3) as usize);
            let dark = mx >= 4 && my >= 4 && code.is_dark(mx - 4, my - 4);
            assert_eq!(
                image.pixel(x, y),
                Some(if dark { 0 } else { 255 }),
                "pixel {x},{y}"
            );
        }
    }
    assert_eq!(code.to_luma(1, 0).unwrap().width(), 21);
    assert_eq!(
        code.to_luma(0, 4),
        Err(QrError::ImageSize {
            module_pixels: 0,
            quiet_zone: 4
        })
    );
    assert!(matches!(
        code.to_luma(u32::MAX, u32::MAX),
        Err(QrError::ImageSize { .. })
    ));
    assert!(matches!(
        code.to_luma(1000, 4),
        Err(QrError::ImageSize { .. })
    ));
}

#[test]
fn errors_explain_themselves() {
    assert_eq!(
        QrError::TooLong { len: 2421 }.to_string(),
        "2421 characters do not fit a QR code at level Q"
    );
    assert!(
        QrError::UnsupportedCharacter {
            index: 4,
            character: 'a'
        }
        .to_string()
        .contains("'a' at byte 4")
    );
    let e: &dyn std::error::Error = &qr::ScanError::TooSmall {
        width: 0,
        height: 0,
    };
    assert!(e.to_string().contains("too small"));
}

/// The demonstration certificates' symbols, byte for byte as the issuer drew them before it
/// had its own encoder (the SVGs in tests/fixtures were written with the `qrcode` crate
/// 0.14; tests/codec/encode.rs compares the two encoders on many more texts).
#[test]
fn demo_certificates_render_as_recorded() {
    let root = project_root();
    for (name, version) in [("certificate", 17), ("certificate-revoked", 16)] {
        let text = std::fs::read_to_string(root.join(format!("www/demo/{name}.txt"))).unwrap();
        let code = qr::encode(text.trim()).unwrap();
        assert_eq!(code.version(), version, "{name}");
        let recorded = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{name}.svg")),
        )
        .unwrap();
        assert!(
            code.to_svg(&SvgOptions::default()) == recorded,
            "{name}: the symbol changed"
        );
    }
}
