use super::*;

fn written(f: impl FnOnce(&mut Writer)) -> Vec<u8> {
    let mut w = Writer::new();
    f(&mut w);
    w.into_bytes()
}

#[test]
fn writes_shortest_heads() {
    // Source: RFC 8949 appendix A (examples of encoded data items).
    assert_eq!(
        written(|w| {
            w.int(0);
        }),
        [0x00]
    );
    assert_eq!(
        written(|w| {
            w.int(23);
        }),
        [0x17]
    );
    assert_eq!(
        written(|w| {
            w.int(24);
        }),
        [0x18, 0x18]
    );
    assert_eq!(
        written(|w| {
            w.int(1000);
        }),
        [0x19, 0x03, 0xe8]
    );
    assert_eq!(
        written(|w| {
            w.int(1_000_000);
        }),
        [0x1a, 0x00, 0x0f, 0x42, 0x40]
    );
    assert_eq!(
        written(|w| {
            w.int(1_000_000_000_000);
        }),
        [0x1b, 0, 0, 0, 0xe8, 0xd4, 0xa5, 0x10, 0]
    );
    assert_eq!(
        written(|w| {
            w.int(-1);
        }),
        [0x20]
    );
    assert_eq!(
        written(|w| {
            w.int(-1000);
        }),
        [0x39, 0x03, 0xe7]
    );
    assert_eq!(
        written(|w| {
            w.int(i64::MIN);
        }),
        [0x3b, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
    );
    assert_eq!(
        written(|w| {
            w.text("IETF");
        }),
        [0x64, 0x49, 0x45, 0x54, 0x46]
    );
    assert_eq!(
        written(|w| {
            w.bool(true).null();
        }),
        [0xf5, 0xf6]
    );
}

#[test]
fn reads_back_what_it_writes() {
    let bytes = written(|w| {
        w.tag(18)
            .array(4)
            .int(-70000)
            .bytes(b"ab")
            .text("қ")
            .map(1)
            .bool(false)
            .null();
    });
    let mut r = Reader::new(&bytes);
    assert_eq!(r.tag().unwrap(), 18);
    assert_eq!(r.array().unwrap(), 4);
    assert_eq!(r.int().unwrap(), -70000);
    assert_eq!(r.bytes().unwrap(), b"ab");
    assert_eq!(r.text().unwrap(), "қ");
    assert_eq!(r.map().unwrap(), 1);
    assert!(!r.bool().unwrap());
    r.null().unwrap();
    r.finish().unwrap();
}

#[test]
fn refuses_non_minimal_heads() {
    // 5 written with a 1-byte argument, 255 with 2 bytes, an array length with 8 bytes.
    for bytes in [
        &[0x18, 0x05][..],
        &[0x19, 0x00, 0xff],
        &[0x98, 0x01, 0x00],
        &[0x3a, 0, 0, 0, 1],
    ] {
        let mut r = Reader::new(bytes);
        let result = if bytes[0] == 0x98 {
            r.array().map(|_| ())
        } else {
            r.int().map(|_| ())
        };
        assert_eq!(
            result,
            Err(CborError::NonMinimal { position: 0 }),
            "{bytes:02x?}"
        );
    }
    let mut text = Reader::new(&[0x78, 0x01, b'a']);
    assert_eq!(text.text(), Err(CborError::NonMinimal { position: 0 }));
}

#[test]
fn refuses_indefinite_lengths_floats_and_simple_values() {
    assert_eq!(
        Reader::new(&[0x9f, 0xff]).array(),
        Err(CborError::IndefiniteLength { position: 0 })
    );
    assert_eq!(
        Reader::new(&[0xbf, 0xff]).map(),
        Err(CborError::IndefiniteLength { position: 0 })
    );
    assert_eq!(
        Reader::new(&[0x5f, 0x41, 0x00, 0xff]).bytes(),
        Err(CborError::IndefiniteLength { position: 0 })
    );
    assert_eq!(
        Reader::new(&[0x7f, 0xff]).text(),
        Err(CborError::IndefiniteLength { position: 0 })
    );
    assert_eq!(
        Reader::new(&[0xf9, 0x3c, 0x00]).skip(),
        Err(CborError::Unsupported { position: 0 })
    );
    assert_eq!(
        Reader::new(&[0xf7]).skip(),
        Err(CborError::Unsupported { position: 0 })
    );
    assert_eq!(
        Reader::new(&[0x1c]).int(),
        Err(CborError::Unsupported { position: 0 })
    );
}

#[test]
fn reports_truncation_bad_utf8_ranges_and_trailing_bytes() {
    assert_eq!(
        Reader::new(&[]).int(),
        Err(CborError::UnexpectedEnd { position: 0 })
    );
    assert_eq!(
        Reader::new(&[0x19, 0x01]).int(),
        Err(CborError::UnexpectedEnd { position: 2 })
    );
    assert_eq!(
        Reader::new(&[0x43, 0x01]).bytes(),
        Err(CborError::UnexpectedEnd { position: 2 })
    );
    assert_eq!(
        Reader::new(&[0x62, 0xc3, 0x28]).text(),
        Err(CborError::InvalidUtf8 { position: 0 })
    );
    let huge = [0x1b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
    assert_eq!(
        Reader::new(&huge).int(),
        Err(CborError::IntegerRange { position: 0 })
    );
    let mut r = Reader::new(&[0x01, 0x02]);
    r.int().unwrap();
    assert_eq!(r.finish(), Err(CborError::TrailingBytes { position: 1 }));
}

#[test]
fn skip_is_strict_and_bounded() {
    let nested = [0x81; 20];
    assert!(matches!(
        Reader::new(&nested).skip(),
        Err(CborError::TooDeep { .. })
    ));
    assert!(Reader::new(&[0xc1, 0x00]).skip().is_err());
    let mut r = Reader::new(&[0xa2, 0x01, 0x80, 0x02, 0x41, 0x00]);
    r.skip().unwrap();
    r.finish().unwrap();
}

#[test]
fn every_error_names_its_byte_in_words() {
    // Source: the module documentation: every error names the byte it was found at.
    let cases = [
        (
            CborError::UnexpectedEnd { position: 3 },
            "CBOR: input ends early at byte 3",
        ),
        (
            CborError::UnexpectedType {
                position: 4,
                expected: "a map",
                found: "an array",
            },
            "CBOR: expected a map at byte 4, found an array",
        ),
        (
            CborError::NonMinimal { position: 5 },
            "CBOR: the head at byte 5 is not in its shortest form",
        ),
        (
            CborError::IndefiniteLength { position: 6 },
            "CBOR: indefinite-length item at byte 6",
        ),
        (
            CborError::Unsupported { position: 7 },
            "CBOR: float, simple value or reserved head at byte 7",
        ),
        (
            CborError::IntegerRange { position: 8 },
            "CBOR: integer out of range at byte 8",
        ),
        (
            CborError::InvalidUtf8 { position: 9 },
            "CBOR: text at byte 9 is not UTF-8",
        ),
        (
            CborError::DuplicateKey { position: 10 },
            "CBOR: duplicate map key at byte 10",
        ),
        (
            CborError::TrailingBytes { position: 11 },
            "CBOR: unexpected bytes after the end of the structure, at byte 11",
        ),
        (
            CborError::TooDeep { position: 12 },
            "CBOR: nesting too deep at byte 12",
        ),
    ];
    for (error, message) in cases {
        assert_eq!(error.to_string(), message);
    }
}
