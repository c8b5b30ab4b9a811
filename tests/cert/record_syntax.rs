//! The syntax of every record field, at issue and at verification: a certificate must never
//! display a name or number that looks like another. The issuer refuses such a record, and the
//! verifier rejects one signed anyway (by a leaked key or another issuer): `malformed`, stage
//! `record`, with nothing of it shown.
//!
//! Source: the certificate format (`docs/certificate-format.md`), registration record: field
//! syntax.

use crate::support::cert as cert_support;

use cert_support::*;
use tirkeu::cert::*;

/// An edit of a record's field to a text.
type SetField = fn(&mut Record, &str);
/// An edit of a record.
type Edit = fn(&mut Record);

/// The verifier's verdict on `record` signed by the trusted issuer without the issuer's checks.
fn verdict_on_signed(record: &Record) -> VerificationResult {
    verifier().verify(
        &signed_text(&payload(record), &issuer()),
        &context("2026-07-15"),
    )
}

/// Both halves refuse `record`: the issuer will not sign it, and the verifier rejects it signed.
#[track_caller]
fn refused_everywhere(record: &Record, what: &str) {
    assert!(
        matches!(
            issue_certificate(record, &issuer(), IAT),
            Err(IssueError::Record(_))
        ),
        "the issuer signed {what}"
    );
    let result = verdict_on_signed(record);
    assert_eq!(result.status, Status::Malformed, "{what}: {result:#?}");
    assert_eq!(result.stage, Some(Stage::Record), "{what}");
    assert_eq!(result.record, None, "{what}");
}

#[test]
fn bidi_controls_invisible_and_format_characters_are_refused_in_every_field() {
    // The attacks: RLO/PDF and RLI make `VONAVI` display as `IVANOV`; a zero-width space
    // in a passport; a line separator; tag characters; a byte order mark; the Hangul filler.
    let cases = [
        "\u{202e}VONAVI\u{202c}",
        "\u{2067}IVANOV\u{2069}",
        "IVA\u{200b}NOV",
        "IVANOV\u{2028}PETROV",
        "IVANOV\u{e0041}",
        "\u{feff}IVANOV",
        "IVANOV\u{3164}",
        "IVA\u{115f}NOV",
        "IVAN\u{a0}OV",
        "IVANOV\u{fe0f}",
        "IVANOV\u{2800}",
        "IVANOV\u{e000}",
    ];
    for case in cases {
        let fields: [(&str, SetField); 5] = [
            ("surname", |r, v| r.surname = v.into()),
            ("givenNames", |r, v| r.given_names = v.into()),
            ("patronymic", |r, v| r.patronymic = Some(v.into())),
            ("address", |r, v| r.address = format!("Алматы, {v} 10")),
            ("hostName", |r, v| r.host_name = format!("ТОО «{v}»")),
        ];
        for (field, edit) in fields {
            let mut record = record();
            edit(&mut record, case);
            refused_everywhere(&record, &format!("{field} {case:?}"));
        }
    }
}

#[test]
fn a_word_mixing_latin_and_cyrillic_letters_is_refused() {
    // IVANOV with a Cyrillic А, ИВАНОВ with a Latin A, an address word with a Latin a.
    for edit in [
        |r: &mut Record| r.surname = "IV\u{410}NOV".into(),
        |r: &mut Record| r.given_names = "ИВ\u{41}Н".into(),
        |r: &mut Record| r.address = "Алм\u{61}ты, Абая 10".into(),
        |r: &mut Record| r.host_name = "ТОО «Kaspi\u{430}»".into(),
    ] {
        let mut record = record();
        edit(&mut record);
        refused_everywhere(&record, &format!("{record:?}"));
    }
    // Words of different scripts side by side are fine.
    let mixed_words = Record {
        surname: "ИВАНОВ-SMITH".into(),
        address: "Алматы, Abay avenue 10".into(),
        ..record()
    };
    let text = issue_certificate(&mixed_words, &issuer(), IAT).unwrap();
    assert_eq!(
        verifier().verify(&text, &context("2026-07-15")).status,
        Status::Valid
    );
}

#[test]
fn a_passport_outside_a_z_and_0_9_is_refused() {
    // A Cyrillic Н is not a Latin H; a zero-width space; full-width digits; lower case.
    for passport in [
        "\u{41d}1234567",
        "N12\u{200b}34567",
        "N\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}",
        "n1234567",
        "N 1234567",
        "N123",
        "N12345678901234567890",
    ] {
        let record = Record {
            passport: passport.into(),
            ..record()
        };
        refused_everywhere(&record, passport);
    }
}

#[test]
fn an_organisations_characters_only_in_an_organisations_name() {
    // The fixtures' host is an organisation (a BIN): quotes and digits are fine in its name.
    assert_eq!(
        verifier()
            .verify(&certificate(), &context("2026-07-15"))
            .status,
        Status::Valid
    );
    // The same name under a person's IIN is refused: a person's name holds no « or digit.
    let person = Record {
        host_id: IIN.into(),
        ..record()
    };
    refused_everywhere(&person, "an organisation's name under an IIN");
    let person = Record {
        host_id: IIN.into(),
        host_name: "АХМЕТОВ АСЕТ 2".into(),
        ..record()
    };
    refused_everywhere(&person, "a digit in a person's name");
    let person = Record {
        host_id: IIN.into(),
        host_name: "АХМЕТОВ АСЕТ".into(),
        ..record()
    };
    assert!(issue_certificate(&person, &issuer(), IAT).is_ok());
    // Names: letters only, with their punctuation.
    for surname in ["R2-D2", "IVANOV!", "@IVANOV", "ИВАНОВ_", "-", ""] {
        let record = Record {
            surname: surname.into(),
            ..record()
        };
        refused_everywhere(&record, surname);
    }
    for surname in ["O'NEIL", "D’ARTAGNAN", "ST. JOHN", "ӘБІЛ-ҚАСЫМ", "NGUYỄN"] {
        let record = Record {
            surname: surname.into(),
            ..record()
        };
        assert!(
            issue_certificate(&record, &issuer(), IAT).is_ok(),
            "{surname}"
        );
    }
}

#[test]
fn the_other_fields_keep_their_syntax() {
    let cases: [(&str, Edit); 7] = [
        ("a region not in the table", |r| r.region = "XYZ".into()),
        ("a citizenship in lower case", |r| {
            r.citizenship = "uzb".into()
        }),
        ("a host id of 11 digits", |r| {
            r.host_id = "15064000123".into()
        }),
        ("an application number without its dash", |r| {
            r.application_number = "2026000000123".into()
        }),
        ("a person's name of 65 letters", |r| {
            r.surname = "А".repeat(65)
        }),
        ("an address of 201 characters", |r| {
            r.address = "а".repeat(201)
        }),
        ("a control character in the address", |r| {
            r.address = "Алматы\tАбая 10".into()
        }),
    ];
    for (what, edit) in cases {
        let mut record = record();
        edit(&mut record);
        refused_everywhere(&record, what);
    }
}
