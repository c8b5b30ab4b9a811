//! `tirkeu scan IMAGE...` (interfaces spec, command line): prints each decoded QR text on its
//! own line; exit 0 found, 1 none, 2 unusable input with one line on stderr.
#![cfg(feature = "cli")]

use crate::support::cli::run_with_input;
use crate::support::scratch_dir;
use std::path::PathBuf;
use std::process::Output;

use image::{GrayImage, ImageFormat};

/// A scratch directory for one test, removed at the end.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        Scratch(scratch_dir(&format!("cli-scan-{test}")))
    }
    fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn code_image(text: &str, module_pixels: u32) -> GrayImage {
    let luma = tirkeu::qr::encode(text)
        .unwrap()
        .to_luma(module_pixels, 4)
        .unwrap();
    GrayImage::from_raw(luma.width(), luma.height(), luma.into_pixels()).unwrap()
}

fn save(image: &GrayImage, path: &str, format: ImageFormat) {
    match format {
        ImageFormat::WebP => {
            let rgba = image::DynamicImage::ImageLuma8(image.clone()).to_rgba8();
            rgba.save_with_format(path, format).unwrap();
        }
        _ => image.save_with_format(path, format).unwrap(),
    }
}

fn tirkeu(args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_with_input(args, stdin)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn assert_unusable(output: &Output) {
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty(), "{output:?}");
    let message = stderr(output);
    assert_eq!(message.lines().count(), 1, "{message:?}");
    assert!(message.starts_with("tirkeu: "), "{message:?}");
}

const FIRST: &str = "KZ1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA.A5:S9MKN4NN3F85QNCY0O%0VZ001HOC9JU0D0HT0HB2PL/IB*09B9LW4T*8+DCMH0LDK2%K:XFE70*LP$V25$0Q:J:4MO1P0%0L0HD+9E/HY+4J6TH48S%4K.GJ2PT3QY:GQ3TE2I+-CPHN6D7LLK*2HG%89UV-0LZ 2ZJJ524-LH/CJTK96L6SR9MU9RFGJA6Q3QR$P2OIC0JVLA8J3ET3:H3A+2+33U SAAUOT3TPTO4UBZIC0JKQTL*QDKBO.AI9BVYTOCFOPS4IJCOT0$89NT2V457U8+9W2KQ-7LF9-DF07U$B97JJ1D7WKP/HLIJLRKF1MFHJP7NVDEBU1J*Z222E.GJ457661CFFTWM-8P2IUE7K*SSW613:9/:TT5IYQBTBU16R4I1A/9VRPJ-TS.7ZEM7MSVOCD4RG2L-TQJROXL2J:52J7F0Q10SMAP3CG3KHF0DWIH";
const SECOND: &str = "KZ1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOO6+IPETTO4TR4N70";

#[test]
fn prints_the_text_of_a_png_and_exits_0() {
    let dir = Scratch::new("png");
    let path = dir.path("code.png");
    save(&code_image(FIRST, 3), &path, ImageFormat::Png);
    let output = tirkeu(&["scan", &path], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout(&output), format!("{FIRST}\n"));
    assert!(output.stderr.is_empty());
}

#[test]
fn reads_jpeg_and_webp_and_prints_one_line_per_text_in_file_order() {
    let dir = Scratch::new("formats");
    let jpeg = dir.path("first.jpg");
    let webp = dir.path("second.webp");
    save(&code_image(FIRST, 4), &jpeg, ImageFormat::Jpeg);
    save(&code_image(SECOND, 3), &webp, ImageFormat::WebP);
    let output = tirkeu(&["scan", &jpeg, &webp], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout(&output), format!("{FIRST}\n{SECOND}\n"));
}

#[test]
fn prints_every_code_of_one_image() {
    let dir = Scratch::new("two-codes");
    let (a, b) = (code_image(FIRST, 3), code_image(SECOND, 3));
    let mut canvas = GrayImage::from_pixel(a.width() + b.width(), a.height(), image::Luma([255]));
    image::imageops::replace(&mut canvas, &a, 0, 0);
    image::imageops::replace(&mut canvas, &b, i64::from(a.width()), 0);
    let path = dir.path("both.png");
    save(&canvas, &path, ImageFormat::Png);
    let output = tirkeu(&["scan", &path], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout(&output), format!("{FIRST}\n{SECOND}\n"));
}

#[test]
fn reads_standard_input() {
    let mut png = Vec::new();
    code_image(SECOND, 3)
        .write_to(&mut std::io::Cursor::new(&mut png), ImageFormat::Png)
        .unwrap();
    let output = tirkeu(&["scan", "-"], Some(&png));
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout(&output), format!("{SECOND}\n"));
}

#[test]
fn exits_1_when_no_code_is_found() {
    let dir = Scratch::new("none");
    let blank = dir.path("blank.png");
    save(
        &GrayImage::from_pixel(120, 80, image::Luma([255])),
        &blank,
        ImageFormat::Png,
    );
    let tiny = dir.path("tiny.png");
    save(
        &GrayImage::from_pixel(5, 5, image::Luma([0])),
        &tiny,
        ImageFormat::Png,
    );
    for path in [&blank, &tiny] {
        let output = tirkeu(&["scan", path], None);
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        assert!(
            output.stdout.is_empty() && output.stderr.is_empty(),
            "{output:?}"
        );
    }
}

#[test]
fn unusable_input_exits_2_with_one_line() {
    let dir = Scratch::new("unusable");
    let text_file = dir.path("record.json");
    std::fs::write(&text_file, "{\"surname\": \"NOT AN IMAGE\"}").unwrap();
    let truncated = dir.path("truncated.png");
    let mut png = Vec::new();
    code_image(SECOND, 3)
        .write_to(&mut std::io::Cursor::new(&mut png), ImageFormat::Png)
        .unwrap();
    std::fs::write(&truncated, &png[..png.len() / 2]).unwrap();
    let good = dir.path("good.png");
    save(&code_image(SECOND, 3), &good, ImageFormat::Png);
    let missing = dir.path("missing.png");

    assert_unusable(&tirkeu(&["scan"], None));
    assert_unusable(&tirkeu(&["scan", "--frames", "3", &good], None));
    assert_unusable(&tirkeu(&["scan", &missing], None));
    assert_unusable(&tirkeu(&["scan", &text_file], None));
    assert_unusable(&tirkeu(&["scan", &truncated], None));
    // One unusable file among good ones: the good ones still print, the bad one is one line on
    // standard error, and the exit says a file could not be read.
    let mixed = tirkeu(&["scan", &good, &text_file, &good], None);
    assert_eq!(mixed.status.code(), Some(2), "{mixed:?}");
    assert_eq!(stdout(&mixed), format!("{SECOND}\n{SECOND}\n"));
    let message = stderr(&mixed);
    assert_eq!(message.lines().count(), 1, "{message:?}");
    assert!(message.contains("record.json"), "{message:?}");
    assert_unusable(&tirkeu(&["scan", "-"], Some(b"")));
}

/// A code drawn by the `qrcode` crate from raw bits (any mode), as a grey image.
fn reference_image(bits: qrcode::bits::Bits, module_pixels: u32) -> GrayImage {
    let code = qrcode::QrCode::with_bits(bits, qrcode::EcLevel::M).unwrap();
    let width = code.width() as u32;
    let colors = code.to_colors();
    let side = (width + 8) * module_pixels;
    GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = (x / module_pixels, y / module_pixels);
        let dark = (4..width + 4).contains(&mx)
            && (4..width + 4).contains(&my)
            && colors[((my - 4) * width + (mx - 4)) as usize] == qrcode::Color::Dark;
        image::Luma([if dark { 0 } else { 255 }])
    })
}

fn byte_code(data: &[u8]) -> GrayImage {
    let mut bits = qrcode::bits::Bits::new(qrcode::Version::Normal(5));
    bits.push_byte_data(data).unwrap();
    bits.push_terminator(qrcode::EcLevel::M).unwrap();
    reference_image(bits, 4)
}

/// Source: interfaces.md, Revision 2: a text holding a line break is never printed as two lines;
/// `--json` prints JSON Lines. (A link followed by a line and `KZ1:...` must not read as a
/// certificate's line to a script.)
#[test]
fn a_text_with_a_line_break_is_never_two_lines() {
    let dir = Scratch::new("line-break");
    let path = dir.path("link.png");
    let text = "https://example.kz/info\nKZ1:NCFOXN%TS3DH3ZSUZK";
    save(&byte_code(text.as_bytes()), &path, ImageFormat::Png);
    let plain = tirkeu(&["scan", &path], None);
    assert_eq!(plain.status.code(), Some(0), "{plain:?}");
    assert!(plain.stdout.is_empty(), "{plain:?}");
    assert!(stderr(&plain).contains("line break"), "{plain:?}");
    let json = tirkeu(&["scan", "--json", &path], None);
    assert_eq!(json.status.code(), Some(0), "{json:?}");
    let lines: Vec<&str> = std::str::from_utf8(&json.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let value: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(value["kind"], "text");
    assert_eq!(value["text"], text);
    assert_eq!(value["file"], path.as_str());
}

/// Source: the scanner reports every Model 2 symbol: a code whose data is not text is named, not
/// dropped as "no code" (Kanji, Shift_JIS bytes).
#[test]
fn a_code_whose_data_is_not_text_is_reported() {
    let dir = Scratch::new("not-text");
    let kanji = dir.path("kanji.png");
    let mut bits = qrcode::bits::Bits::new(qrcode::Version::Normal(3));
    bits.push_kanji_data(&[0x93, 0x5f, 0xe4, 0xaa]).unwrap(); // 点茗 in Shift_JIS
    bits.push_terminator(qrcode::EcLevel::M).unwrap();
    save(&reference_image(bits, 4), &kanji, ImageFormat::Png);
    let binary = dir.path("binary.png");
    save(
        &byte_code(&[0xff, 0xfe, 0x00, 0x81]),
        &binary,
        ImageFormat::Png,
    );

    let plain = tirkeu(&["scan", &kanji, &binary], None);
    assert_eq!(plain.status.code(), Some(0), "{plain:?}");
    assert!(plain.stdout.is_empty(), "{plain:?}");
    assert_eq!(stderr(&plain).lines().count(), 2, "{plain:?}");
    assert!(stderr(&plain).contains("not text"), "{plain:?}");

    let json = tirkeu(&["scan", "--json", &kanji, &binary], None);
    let lines: Vec<serde_json::Value> = std::str::from_utf8(&json.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{json:?}");
    assert_eq!(lines[0]["kind"], "not_text");
    assert_eq!(lines[0]["data"], "kanji");
    assert_eq!(lines[0]["bytes"], "935fe4aa");
    assert_eq!(lines[1]["data"], "bytes");
    assert_eq!(lines[1]["bytes"], "fffe0081");
}
