//! Property tests: any acceptable record survives record -> QR text -> verify as `valid`
//! (the certificate format: QR text, COSE, claims and record; the verdicts), Kazakh letters and
//! maximum-length fields included, and no single-character change of the text is ever `valid`.

use crate::support::cert as cert_support;

use cert_support::*;
use proptest::prelude::*;
use tirkeu::cert::record::{MAX_ADDRESS_CHARS, MAX_NAME_CHARS, MAX_PASSPORT_CHARS};
use tirkeu::cert::*;
use tirkeu::date::Date;

/// The letters of a word: one script each (a word never mixes Latin and Cyrillic letters).
const CYRILLIC: &str =
    "ӘәҒғҚқҢңӨөҰұҮүҺһІіАаБбВвГгДдЕеЁёЖжЗзИиЙйКкЛлМмНнОоПпРрСсТтУуФфХхЦцЧчШшЩщЪъЫыЬьЭэЮюЯя";
const LATIN: &str = "A-Za-zÀ-ÖØ-öø-ÿ";

/// A word of 1 to 12 letters of one script.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::string::string_regex(&format!("[{CYRILLIC}]{{1,12}}")).unwrap(),
        proptest::string::string_regex(&format!("[{LATIN}]{{1,12}}")).unwrap(),
    ]
}

/// Words joined by the separators `separators` allows, cut to at most `max` characters, never
/// beginning or ending with a space.
fn words(separators: &'static str, max: usize) -> impl Strategy<Value = String> {
    (
        word(),
        proptest::collection::vec(
            (proptest::string::string_regex(separators).unwrap(), word()),
            0..12,
        ),
    )
        .prop_map(move |(first, rest)| {
            let mut text = first;
            for (separator, word) in rest {
                text.push_str(&separator);
                text.push_str(&word);
            }
            let mut text: String = text.chars().take(max).collect();
            while text.ends_with(' ') {
                text.pop();
            }
            text
        })
}

/// A person's name: letters, space, hyphen, apostrophe, dot; 1 to 64 characters.
fn person_name() -> impl Strategy<Value = String> {
    prop_oneof![
        words("[ '’.-]|\\. ", MAX_NAME_CHARS),
        // Exactly the maximum, in two-byte letters (the longest UTF-8 the fields allow here).
        proptest::string::string_regex(&format!("[{CYRILLIC}]{{{MAX_NAME_CHARS}}}")).unwrap(),
    ]
}

/// An organisation's name: also digits, quotes and the punctuation of company names.
fn organisation_name() -> impl Strategy<Value = String> {
    words("[ 0-9,«»\"()&№/-]{1,3}", 250)
        .prop_map(|name| name.trim_matches(' ').to_owned())
        .prop_filter("a letter", |name| name.chars().any(char::is_alphabetic))
}

/// An address: words, digits and punctuation.
fn address() -> impl Strategy<Value = String> {
    words("[ 0-9.,/№-]{1,4}", MAX_ADDRESS_CHARS)
}

/// A region code of the crate's table.
fn region() -> impl Strategy<Value = String> {
    let codes: Vec<String> = tirkeu::data::regions()
        .iter()
        .map(|region| region.code.to_string())
        .collect();
    proptest::sample::select(codes)
}

fn record_strategy() -> impl Strategy<Value = Record> {
    (
        (2026i32..=2030, 0u32..=ISSUED_2026 as u32),
        (
            person_name(),
            person_name(),
            proptest::option::of(person_name()),
        ),
        (
            proptest::string::string_regex(&format!("[A-Z0-9]{{5,{MAX_PASSPORT_CHARS}}}")).unwrap(),
            "[A-Z]{3}",
            address(),
            region(),
        ),
        (0i32..3650, 0i32..=365),
        ("[0-9]{12}", person_name(), organisation_name()),
    )
        .prop_map(
            |(
                (year, sequence),
                (surname, given_names, patronymic),
                (passport, citizenship, address, region),
                (start, length),
                (host_id, person, organisation),
            )| {
                let stay_from = Date::parse("2026-07-01").unwrap().add_days(start);
                let host_name = if record::host_id_is_bin(&host_id) {
                    organisation
                } else {
                    person
                };
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

/// A verifier whose status list revokes nothing and covers the sequences up to
/// [`ISSUED_2026`] of every year from 2026 to 2030.
fn verifier_without_revocations() -> Verifier {
    let mut verifier = verifier_with(keys());
    let mut spec = StatusListSpec::new(LIST_IAT, LIST_NEXT);
    for year in 2026..=2030 {
        spec.issued.insert(year, ISSUED_2026);
    }
    verifier
        .load_status_list(&build_status_list(&spec, &status_key()).unwrap(), &at_now())
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
        // The highest sequence a status list covers (2^27 - 1), issued after the list.
        application_number: "2026-134217727".into(),
        surname: "Ә".repeat(MAX_NAME_CHARS),
        given_names: "ғ".repeat(MAX_NAME_CHARS),
        patronymic: Some("Қ".repeat(MAX_NAME_CHARS)),
        passport: "Z9".repeat(MAX_PASSPORT_CHARS / 2),
        citizenship: "XXA".into(),
        address: "өұүһі".repeat(MAX_ADDRESS_CHARS / 5),
        region: "ALA".into(),
        stay_from: Date::parse("2026-07-01").unwrap(),
        stay_to: Date::parse("2026-07-01").unwrap(),
        host_id: BIN.into(),
        host_name: "ІҺҮҰӨҢҚҒӘ".repeat(250 / 9) + "ӘӘӘӘӘӘӘ",
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
