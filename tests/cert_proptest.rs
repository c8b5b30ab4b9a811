//! Property tests: any acceptable record survives record -> QR text -> verify as `valid`
//! (certificate.md sections 1-3, 6), Kazakh letters and maximum-length fields included, and no
//! single-character change of the text is ever `valid`.

mod cert_support;

use cert_support::*;
use proptest::prelude::*;
use tirkeu::cert::record::{MAX_ADDRESS_CHARS, MAX_NAME_CHARS, MAX_PASSPORT_CHARS};
use tirkeu::cert::*;
use tirkeu::date::Date;

/// Letters of the names and addresses: Kazakh Cyrillic (with ә ғ қ ң ө ұ ү һ і), Russian, Latin.
const LETTERS: &str =
    "ӘәҒғҚқҢңӨөҰұҮүҺһІіАаБбВвГгДдЕеЁёЖжЗзИиЙйКкЛлМмНнОоПпРрСсТтУуФфХхЦцЧчШшЩщЪъЫыЬьЭэЮюЯяA-Za-z";

/// Text of 1 to `max` characters: letters at both ends, letters, digits and punctuation inside.
fn text(max: usize) -> impl Strategy<Value = String> {
    let inner = format!("[{LETTERS}0-9 .,«»№/-]");
    let edge = format!("[{LETTERS}]");
    prop_oneof![
        // Short and long, up to the maximum.
        (
            proptest::string::string_regex(&edge).unwrap(),
            proptest::collection::vec(
                proptest::string::string_regex(&inner).unwrap(),
                0..max.saturating_sub(1)
            )
        )
            .prop_map(|(first, rest)| {
                let mut s = first + &rest.concat();
                while s.ends_with(' ') {
                    s.pop();
                }
                s
            }),
        // Exactly the maximum, in two-byte letters (the longest UTF-8 the fields allow here).
        proptest::string::string_regex(&format!("[{LETTERS}]{{{max}}}")).unwrap(),
    ]
}

fn record_strategy() -> impl Strategy<Value = Record> {
    (
        (2026i32..=2030, 0u32..=999_999_999),
        (
            text(MAX_NAME_CHARS),
            text(MAX_NAME_CHARS),
            proptest::option::of(text(MAX_NAME_CHARS)),
        ),
        (
            text(MAX_PASSPORT_CHARS),
            "[A-Z]{3}",
            text(MAX_ADDRESS_CHARS),
            "[A-Z]{3}",
        ),
        (0i32..3650, 0i32..=365),
        ("[0-9]{12}", text(MAX_ADDRESS_CHARS)),
    )
        .prop_map(
            |(
                (year, sequence),
                (surname, given_names, patronymic),
                (passport, citizenship, address, region),
                (start, length),
                (host_id, host_name),
            )| {
                let stay_from = Date::parse("2026-07-01").unwrap().add_days(start);
                Record {
                    application_number: format!("{year:04}-{sequence:09}"),
                    surname,
                    given_names,
                    patronymic,
                    passport,
                    citizenship,
                    address,
                    region,
                    stay_from,
                    stay_to: stay_from.add_days(length),
                    host_id,
                    host_name,
                }
            },
        )
}

fn verifier_without_revocations() -> Verifier {
    let mut verifier = Verifier::new(trust_list(vec![key_spec(&issuer(), "Issuer")]));
    verifier
        .install_status_list(&status_bytes(&[], LIST_IAT, LIST_NEXT))
        .unwrap();
    verifier
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn record_to_qr_text_to_verify_is_valid(record in record_strategy(), iat in KEY_FROM..KEY_FROM + 10 * 365 * 86_400, day in 0i32..=365) {
        prop_assert!(record.validate().is_ok(), "{:?}", record.validate());
        let text = issue_certificate(&record, &issuer(), iat).unwrap();
        prop_assert!(text.len() <= MAX_QR_TEXT_LENGTH);
        let checked_on = record.stay_from.add_days(day.min(record.stay_from.days_until(record.stay_to) as i32));
        let context = VerifyContext { checked_on, now_unix_seconds: NOW, lang: tirkeu::i18n::Lang::Kk };
        let result = verifier_without_revocations().verify(&text, &context);
        prop_assert_eq!(result.status, Status::Valid, "{:#?}", result);
        prop_assert_eq!(result.issued_at_unix, Some(iat));
        prop_assert_eq!(result.record, Some(record));
    }

    #[test]
    fn a_single_changed_character_is_never_valid(record in record_strategy(), position in any::<prop::sample::Index>(), replacement in "[0-9A-Z $%*+./:-]") {
        let text = issue_certificate(&record, &issuer(), IAT).unwrap();
        let position = position.index(text.len());
        let mut altered = text.clone();
        altered.replace_range(position..position + 1, &replacement);
        prop_assume!(altered != text);
        let context = VerifyContext { checked_on: record.stay_from, now_unix_seconds: NOW, lang: tirkeu::i18n::Lang::En };
        prop_assert_ne!(verifier_without_revocations().verify(&altered, &context).status, Status::Valid);
    }
}

#[test]
fn every_field_at_its_maximum_length_fits_and_verifies() {
    let record = Record {
        application_number: "2026-999999999".into(),
        surname: "Ә".repeat(MAX_NAME_CHARS),
        given_names: "ғ".repeat(MAX_NAME_CHARS),
        patronymic: Some("Қ".repeat(MAX_NAME_CHARS)),
        passport: "ң".repeat(MAX_PASSPORT_CHARS),
        citizenship: "XXA".into(),
        address: "өұүһі".repeat(MAX_ADDRESS_CHARS / 5),
        region: "ALA".into(),
        stay_from: Date::parse("2026-07-01").unwrap(),
        stay_to: Date::parse("2026-07-01").unwrap(),
        host_id: "000000000000".into(),
        host_name: "ІҺҮҰӨҢҚҒӘ".repeat(MAX_ADDRESS_CHARS / 9) + "Ә",
    };
    record.validate().unwrap();
    let text = issue_certificate(&record, &issuer(), IAT).unwrap();
    assert!(text.len() <= MAX_QR_TEXT_LENGTH, "{}", text.len());
    let result = verifier_without_revocations().verify(&text, &context("2026-07-01"));
    assert_eq!(result.status, Status::Valid);
    assert_eq!(result.record, Some(record));
    // One character more in any text field is refused by the issuer.
    let longer = Record {
        surname: "Ә".repeat(MAX_NAME_CHARS + 1),
        ..result.record.unwrap()
    };
    assert!(issue_certificate(&longer, &issuer(), IAT).is_err());
}
