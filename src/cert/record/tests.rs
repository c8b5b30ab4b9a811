use super::*;

#[test]
fn json_reader_round_trips_and_refuses_what_a_derived_reader_refused() {
    let record = sample();
    let json = serde_json::to_value(&record).unwrap();
    assert_eq!(Record::from_json(&json), Ok(record.clone()));
    assert_eq!(
        serde_json::from_value::<Record>(json.clone()).unwrap(),
        record
    );

    let with = |name: &str, value: serde_json::Value| {
        let mut json = json.clone();
        json[name] = value;
        Record::from_json(&json)
    };
    assert_eq!(
        with("patronymic", serde_json::Value::Null)
            .unwrap()
            .patronymic,
        None
    );
    assert_eq!(
        with("patronymic", "ҰЛЫ".into())
            .unwrap()
            .patronymic
            .as_deref(),
        Some("ҰЛЫ")
    );
    assert_eq!(
        with("surname", serde_json::Value::Null),
        Err(RecordJsonError::MissingField { field: "surname" })
    );
    assert_eq!(
        with("hostId", 900515300127u64.into()),
        Err(RecordJsonError::NotAString { field: "hostId" })
    );
    assert_eq!(
        with("stayFrom", "2026-02-30".into()),
        Err(RecordJsonError::NotADate { field: "stayFrom" })
    );
    assert_eq!(
        with("stay_from", "2026-07-01".into()),
        Err(RecordJsonError::UnknownField {
            field: "stay_from".into()
        })
    );
    let mut without = json.clone();
    without.as_object_mut().unwrap().remove("hostName");
    assert_eq!(
        Record::from_json(&without),
        Err(RecordJsonError::MissingField { field: "hostName" })
    );
    for not_an_object in [
        serde_json::json!([]),
        serde_json::json!("x"),
        serde_json::Value::Null,
    ] {
        assert_eq!(
            Record::from_json(&not_an_object),
            Err(RecordJsonError::NotAnObject)
        );
    }
    let error = serde_json::from_str::<Record>(r#"{"surname": 1}"#).unwrap_err();
    assert_eq!(error.to_string(), "missing field `applicationNumber`");
}

pub(crate) fn sample() -> Record {
    Record {
        application_number: "2026-000000123".into(),
        surname: "ӘБІЛҚАСЫМОВА".into(),
        given_names: "ҒАЛИЯ".into(),
        patronymic: None,
        passport: "N12345678".into(),
        citizenship: "UZB".into(),
        address: "Алматы, Абай даңғылы 10, 5-пәтер".into(),
        region: "ALA".into(),
        stay_from: Date::parse("2026-07-01").unwrap(),
        stay_to: Date::parse("2026-09-28").unwrap(),
        host_id: "900515300127".into(),
        host_name: "АХМЕТОВ АСЕТ".into(),
    }
}

fn encoded(record: &Record) -> Vec<u8> {
    let mut w = Writer::new();
    record.write_cbor(&mut w);
    w.into_bytes()
}

#[test]
fn round_trips_through_cbor() {
    let mut record = sample();
    assert_eq!(
        Record::read_cbor(&mut Reader::new(&encoded(&record)), Tables::compiled()).unwrap(),
        record
    );
    record.patronymic = Some("ҰЛЫ".into());
    assert_eq!(
        Record::read_cbor(&mut Reader::new(&encoded(&record)), Tables::compiled()).unwrap(),
        record
    );
}

#[test]
fn field_checks() {
    let check = |edit: fn(&mut Record)| {
        let mut r = sample();
        edit(&mut r);
        r.validate()
    };
    assert!(check(|_| {}).is_ok());
    // "Ә" as A + combining diaeresis would be NFD; here: "й" decomposed (и + U+0306).
    assert_eq!(
        check(|r| r.surname = "И\u{306}".into()),
        Err(RecordError::NotNfc { field: "surname" })
    );
    // U+212B ANGSTROM SIGN normalizes to U+00C5.
    assert_eq!(
        check(|r| r.surname = "\u{212B}NGSTRÖM".into()),
        Err(RecordError::NotNfc { field: "surname" })
    );
    // Ә + U+0301 has no precomposed form, so it is NFC and accepted.
    assert!(check(|r| r.surname = "Ә\u{301}БІЛ".into()).is_ok());
    assert!(check(|r| r.application_number = "2026-12345".into()).is_err());
    assert!(check(|r| r.citizenship = "uzb".into()).is_err());
    assert!(check(|r| r.host_id = "90051530012".into()).is_err());
    assert!(check(|r| r.address = "a\nb".into()).is_err());
    assert!(check(|r| r.given_names = " ҒАЛИЯ".into()).is_err());
    assert!(check(|r| r.patronymic = Some(String::new())).is_err());
    assert!(check(|r| r.surname = "Қ".repeat(MAX_NAME_CHARS)).is_ok());
    assert!(check(|r| r.surname = "Қ".repeat(MAX_NAME_CHARS + 1)).is_err());
    assert!(check(|r| r.stay_to = Date::parse("2026-06-30").unwrap()).is_err());
}

#[test]
fn cbor_shape_errors() {
    // {1: 1} alone: the required fields are missing.
    assert_eq!(
        Record::read_cbor(&mut Reader::new(&[0xa1, 0x01, 0x01]), Tables::compiled()),
        Err(RecordError::MissingField {
            field: "applicationNumber"
        })
    );
    assert_eq!(
        Record::read_cbor(&mut Reader::new(&[0xa1, 0x0e, 0x01]), Tables::compiled()),
        Err(RecordError::UnknownField { key: 14 })
    );
    assert_eq!(
        Record::read_cbor(&mut Reader::new(&[0xa1, 0x01, 0x02]), Tables::compiled()),
        Err(RecordError::Version { found: 2 })
    );
    assert_eq!(
        Record::read_cbor(&mut Reader::new(&[0xa1, 0x03, 0x01]), Tables::compiled()),
        Err(RecordError::WrongType { field: "surname" })
    );
    assert!(matches!(
        Record::read_cbor(
            &mut Reader::new(&[0xa2, 0x01, 0x01, 0x01, 0x01]),
            Tables::compiled()
        ),
        Err(RecordError::Cbor(CborError::DuplicateKey { position: 3 }))
    ));
}
