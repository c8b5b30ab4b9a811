//! The trust model of the lists: key roles, the DEMO scope of status lists, freshness and
//! rollback, status list coverage, expiry and the grace period, leaked keys, the versions still
//! read, and the root pinned for a verifier's life. Each attack these rules answer has its own
//! test here, named in SECURITY.md.
//!
//! Source: the certificate format (`docs/certificate-format.md`): trust list, status list,
//! freshness and rollback, the `unconfirmed` status.

use crate::support::cert as cert_support;

use cert_support::*;
use tirkeu::cert::claims::Claims;
use tirkeu::cert::*;

const DAY: i64 = 86_400;

fn codes(result: &VerificationResult) -> Vec<&'static str> {
    result.warnings.iter().map(|w| w.code.as_str()).collect()
}

/// A record with another application number.
fn numbered(number: &str) -> Record {
    Record {
        application_number: number.into(),
        ..record()
    }
}

// ---- key roles ------------------------------------------------------------------------------

#[test]
fn a_certificate_signed_by_a_status_only_key_is_key_not_valid() {
    // The status key signs a certificate: its `use` lacks `cert`.
    let text = issue_certificate(&record(), &status_key(), IAT).unwrap();
    let result = verifier().verify(&text, &context("2026-07-15"));
    assert_eq!(result.status, Status::KeyNotValid, "{result:#?}");
    assert!(result.detail.unwrap().contains("may not sign certificates"));
    assert_eq!(result.record, None);
}

#[test]
fn a_status_list_signed_by_a_certificate_key_is_refused() {
    // Any trusted key could sign a status list for every certificate: issuer B's empty list
    // un-revoked issuer A's certificate. Only a key whose `use` holds `status` may.
    let mut verifier = verifier();
    let by_issuer = status_bytes_by(&[], LIST_IAT + 1, LIST_NEXT, &issuer());
    assert_eq!(
        verifier.load_status_list(&by_issuer, &at_now()),
        Err(StatusListError::KeyNotValid {
            kid: issuer().kid()
        })
    );
    // The installed list stays, and still revokes.
    let revoked = issue_certificate(&numbered("2026-000000666"), &issuer(), IAT).unwrap();
    assert_eq!(
        verifier.verify(&revoked, &context("2026-07-15")).status,
        Status::Revoked
    );
    // A key may hold both roles when its list says so.
    let mut both = key_spec(&issuer(), "Issuer and status lists");
    both.uses = KeyUses::CERT_AND_STATUS;
    let mut verifier = verifier_with(vec![both]);
    verifier.load_status_list(&by_issuer, &at_now()).unwrap();
}

#[test]
fn a_demo_status_list_never_speaks_for_production_certificates() {
    // The DEMO key's secret is public: a DEMO status list in a trust list beside production
    // keys must not un-revoke (or confirm) a production certificate, and a production list
    // does not confirm a DEMO certificate either.
    let demo_issuer = stranger();
    let demo_status = SigningKey::from_seed([0x44; 32]);
    let mut keys = keys();
    keys.push(TrustedKeySpec {
        demo: true,
        ..key_spec(&demo_issuer, "DEMO issuer")
    });
    keys.push(TrustedKeySpec {
        demo: true,
        ..status_key_spec(&demo_status, "DEMO status lists")
    });
    let production = issue_certificate(&numbered("2026-000000666"), &issuer(), IAT).unwrap();
    let demo = issue_certificate(&numbered("2026-000000777"), &demo_issuer, IAT).unwrap();

    let mut under_demo_list = verifier_with(keys.clone());
    let summary = under_demo_list
        .load_status_list(
            &status_bytes_by(&[], LIST_IAT, LIST_NEXT, &demo_status),
            &at_now(),
        )
        .unwrap();
    assert!(summary.demo);
    let result = under_demo_list.verify(&production, &context("2026-07-15"));
    assert_eq!(result.status, Status::Unconfirmed);
    assert!(!result.demo);
    assert_eq!(codes(&result), ["status.not_covered"]);
    let result = under_demo_list.verify(&demo, &context("2026-07-15"));
    assert_eq!((result.status, result.demo), (Status::Valid, true));

    let mut under_production_list = verifier_with(keys);
    under_production_list
        .load_status_list(
            &status_bytes(&["2026-000000666"], LIST_IAT, LIST_NEXT),
            &at_now(),
        )
        .unwrap();
    assert_eq!(
        under_production_list
            .verify(&production, &context("2026-07-15"))
            .status,
        Status::Revoked
    );
    let result = under_production_list.verify(&demo, &context("2026-07-15"));
    assert_eq!((result.status, result.demo), (Status::Unconfirmed, true));
    assert_eq!(codes(&result), ["status.not_covered"]);
}

// ---- freshness and rollback -----------------------------------------------------------------

#[test]
fn a_list_dated_in_the_future_is_refused_and_cannot_freeze_updates() {
    // A far-future list would have blocked every genuine update, which is older than it.
    let mut verifier = verifier();
    for iat in [NOW + DAY + 1, NOW + 365 * DAY, 253_402_300_799] {
        let trust = trust_bytes(keys(), iat, iat + 365 * DAY);
        assert!(matches!(
            verifier.load_trust_list(&trust, &at_now()),
            Err(TrustListError::Date(ListDateError::Future { .. }))
        ));
        let status = status_bytes(&[], iat, iat + 365 * DAY);
        assert!(matches!(
            verifier.load_status_list(&status, &at_now()),
            Err(StatusListError::Date(ListDateError::Future { .. }))
        ));
    }
    // Up to a day ahead is clock drift: accepted.
    let drifted = status_bytes(&["2026-000000123"], NOW + DAY, NOW + 2 * DAY);
    verifier.load_status_list(&drifted, &at_now()).unwrap();
    // And the genuine newer list still installs after the refused ones.
    let genuine = trust_bytes(keys(), LIST_IAT + 10, LIST_NEXT);
    assert_eq!(
        verifier.load_trust_list(&genuine, &at_now()).unwrap().iat,
        LIST_IAT + 10
    );
    // The future is judged by the device's clock, not by the date checked for.
    let mut verifier = verifier_with(keys());
    let options = LoadOptions::at(NOW + 400 * DAY);
    let later = status_bytes(&[], NOW + 400 * DAY, NOW + 500 * DAY);
    verifier.load_status_list(&later, &options).unwrap();
}

#[test]
fn next_must_be_after_iat() {
    let payload = |v: i64, iat: i64, next: i64, lists: &str| {
        Cbor::new()
            .map(4)
            .text("v")
            .int(v)
            .text("iat")
            .int(iat)
            .text(lists)
            .array(0)
            .text("next")
            .int(next)
            .build()
    };
    for v in [1, 2] {
        let trust = cose::sign(&payload(v, LIST_IAT, LIST_IAT, "keys"), &root());
        assert!(matches!(
            TrustList::from_cose(&trust, &root().public_key()),
            Err(TrustListError::Format { .. })
        ));
        let status = cose::sign(&payload(v, LIST_IAT, LIST_IAT, "lists"), &status_key());
        assert!(matches!(
            StatusList::from_cose(&status, &trust_list(keys())),
            Err(StatusListError::Format { .. })
        ));
        // One second later is enough.
        let trust = cose::sign(&payload(v, LIST_IAT, LIST_IAT + 1, "keys"), &root());
        assert!(TrustList::from_cose(&trust, &root().public_key()).is_ok());
    }
}

#[test]
fn a_list_with_the_same_iat_and_other_bytes_is_refused() {
    // Two lists of the same second cannot be ordered: one that revokes a key must not be
    // undone by another of the same day that does not.
    let mut revoked_issuer = key_spec(&issuer(), "Issuer");
    revoked_issuer.status = KeyStatus::Revoked;
    let with_revocation = trust_bytes(
        vec![
            revoked_issuer,
            status_key_spec(&status_key(), "Status lists"),
        ],
        LIST_IAT + DAY,
        LIST_NEXT,
    );
    let without = trust_bytes(keys(), LIST_IAT + DAY, LIST_NEXT);
    let mut verifier = verifier();
    verifier
        .load_trust_list(&with_revocation, &at_now())
        .unwrap();
    assert_eq!(
        verifier.load_trust_list(&without, &at_now()),
        Err(TrustListError::Date(ListDateError::SameIssueTime {
            issued_at: LIST_IAT + DAY
        }))
    );
    assert_eq!(verify_sample(&verifier).status, Status::KeyNotValid);
    // The same bytes again are a no-op that returns the summary.
    let summary = verifier
        .load_trust_list(&with_revocation, &at_now())
        .unwrap();
    assert_eq!(summary.iat, LIST_IAT + DAY);
    // The same for status lists.
    let mut verifier = cert_support::verifier();
    let other = status_bytes(&[], LIST_IAT, LIST_NEXT);
    assert_eq!(
        verifier.load_status_list(&other, &at_now()),
        Err(StatusListError::Date(ListDateError::SameIssueTime {
            issued_at: LIST_IAT
        }))
    );
    let same = status_bytes(&["2026-000000666"], LIST_IAT, LIST_NEXT);
    assert_eq!(
        verifier.load_status_list(&same, &at_now()).unwrap().iat,
        LIST_IAT
    );
}

#[test]
fn min_issued_at_keeps_an_older_list_from_coming_back_after_a_reload() {
    // A fresh verifier (a page reload) is handed an older, validly signed status list that does
    // not revoke the certificate. The caller remembers the newest iat it accepted.
    let newer = status_bytes(&["2026-000000123"], LIST_IAT + 10 * DAY, LIST_NEXT);
    let older = status_bytes(&[], LIST_IAT, LIST_NEXT);
    let mut first = verifier_with(keys());
    let accepted = first.load_status_list(&newer, &at_now()).unwrap().iat;
    assert_eq!(verify_sample(&first).status, Status::Revoked);

    let mut reloaded = verifier_with(keys());
    let remembered = LoadOptions {
        min_issued_at: Some(accepted),
        ..at_now()
    };
    assert_eq!(
        reloaded.load_status_list(&older, &remembered),
        Err(StatusListError::Date(ListDateError::BelowMinimum {
            offered: LIST_IAT,
            minimum: accepted
        }))
    );
    // The list it had is accepted again (equal is not below).
    reloaded.load_status_list(&newer, &remembered).unwrap();
    assert_eq!(verify_sample(&reloaded).status, Status::Revoked);
    // The same for trust lists.
    let mut reloaded = Verifier::new(root().public_key());
    let remembered = LoadOptions {
        min_issued_at: Some(LIST_IAT + 1),
        ..at_now()
    };
    assert!(matches!(
        reloaded.load_trust_list(&trust_bytes(keys(), LIST_IAT, LIST_NEXT), &remembered),
        Err(TrustListError::Date(ListDateError::BelowMinimum { .. }))
    ));
}

#[test]
fn a_refused_list_keeps_the_installed_one() {
    // An error page, a captive portal's HTML or a truncated download in place of a list is
    // refused, and the last good list stays in use: revoked certificates stay revoked.
    let mut verifier = verifier();
    let revoked = issue_certificate(&numbered("2026-000000666"), &issuer(), IAT).unwrap();
    let good = status_bytes(&["2026-000000666"], LIST_IAT, LIST_NEXT);
    let trust_in_its_place = trust_bytes(keys(), LIST_IAT + 1, LIST_NEXT);
    for bytes in [
        b"<html><body>Service unavailable</body></html>".to_vec(),
        Vec::new(),
        good[..good.len() / 2].to_vec(),
        trust_in_its_place,
    ] {
        assert!(verifier.load_status_list(&bytes, &at_now()).is_err());
        assert_eq!(
            verifier.status_list().unwrap().issued_at(),
            LIST_IAT,
            "the good list stays"
        );
        assert_eq!(
            verifier.verify(&revoked, &context("2026-07-15")).status,
            Status::Revoked
        );
    }
    for bytes in [b"<html>".to_vec(), good.clone()] {
        assert!(verifier.load_trust_list(&bytes, &at_now()).is_err());
        assert_eq!(verifier.trust_list().unwrap().issued_at(), LIST_IAT);
        assert!(verifier.status_list().is_some());
    }
}

// ---- expiry -----------------------------------------------------------------------------------

#[test]
fn no_status_list_is_unconfirmed_with_status_missing() {
    let verifier = verifier_with(keys());
    let result = verify_sample(&verifier);
    assert_eq!(result.status, Status::Unconfirmed);
    assert_eq!(codes(&result), ["status.missing"]);
    assert_eq!(result.record, Some(record()));
    assert_eq!(result.days_remaining, Some(75));
    assert_eq!(
        result.message,
        "Unconfirmed: the signature and dates are right (registered until 28 September 2026 \
         inclusive), but revocation could not be checked."
    );
    // Only a would-be valid result becomes unconfirmed.
    assert_eq!(
        verifier
            .verify(&certificate(), &context("2026-10-01"))
            .status,
        Status::Expired
    );
}

/// A verifier whose lists were issued at `iat` with their next update at `next`.
fn verifier_with_lists(iat: i64, next: i64, revoked: &[&str]) -> Verifier {
    let mut verifier = Verifier::new(root().public_key());
    verifier
        .load_trust_list(&trust_bytes(keys(), iat, next), &at_now())
        .unwrap();
    verifier
        .load_status_list(&status_bytes(revoked, iat, next), &at_now())
        .unwrap();
    verifier
}

#[test]
fn an_expired_status_list_confirms_nothing_but_still_revokes() {
    // The status list's next update passed more than 7 days ago; the trust list is fresh.
    let mut verifier = verifier_with(keys());
    let (iat, next) = (NOW - 60 * DAY, NOW - 8 * DAY);
    verifier
        .load_status_list(&status_bytes(&["2026-000000666"], iat, next), &at_now())
        .unwrap();
    let result = verify_sample(&verifier);
    assert_eq!(result.status, Status::Unconfirmed);
    assert_eq!(codes(&result), ["status.expired"]);
    assert_eq!(result.warnings[0].age_days, Some(60));
    assert_eq!(result.warnings[0].list_issued_at, Some(iat));
    // A revocation never expires.
    let revoked = issue_certificate(&numbered("2026-000000666"), &issuer(), IAT).unwrap();
    assert_eq!(
        verifier.verify(&revoked, &context("2026-07-15")).status,
        Status::Revoked
    );
    // Seven days past next is still within the grace period: valid, with status.stale.
    let mut verifier = verifier_with(keys());
    let within = status_bytes(&[], iat, NOW - 7 * DAY);
    verifier.load_status_list(&within, &at_now()).unwrap();
    let result = verify_sample(&verifier);
    assert_eq!(result.status, Status::Valid);
    assert_eq!(codes(&result), ["status.stale"]);
}

#[test]
fn an_expired_trust_list_confirms_nothing() {
    let verifier = verifier_with_lists(NOW - 190 * DAY, NOW - 30 * DAY, &[]);
    let result = verify_sample(&verifier);
    assert_eq!(result.status, Status::Unconfirmed);
    assert_eq!(codes(&result), ["trust.expired", "status.expired"]);
    assert_eq!(result.warnings[0].age_days, Some(190));
    assert_eq!(
        result.warnings[0].message,
        "The trust list has expired (issued 190 days ago): certificates cannot be confirmed until \
         it is updated."
    );
    // The trust list alone expired (a fresh status list): still unconfirmed.
    let mut verifier = Verifier::new(root().public_key());
    verifier
        .load_trust_list(
            &trust_bytes(keys(), NOW - 190 * DAY, NOW - 30 * DAY),
            &at_now(),
        )
        .unwrap();
    verifier
        .load_status_list(&status_bytes(&[], LIST_IAT, LIST_NEXT), &at_now())
        .unwrap();
    let result = verify_sample(&verifier);
    assert_eq!(result.status, Status::Unconfirmed);
    assert_eq!(codes(&result), ["trust.expired"]);
}

#[test]
fn the_grace_period_is_a_setting() {
    let (iat, next) = (NOW - 60 * DAY, NOW - 3 * DAY);
    let strict = verifier_with_lists(iat, next, &[]).with_grace_seconds(DAY);
    let result = verify_sample(&strict);
    assert_eq!(result.status, Status::Unconfirmed);
    assert_eq!(codes(&result), ["trust.expired", "status.expired"]);
    let default = verifier_with_lists(iat, next, &[]);
    let result = verify_sample(&default);
    assert_eq!(result.status, Status::Valid);
    assert_eq!(codes(&result), ["trust.stale", "status.stale"]);
}

#[test]
fn freshness_is_judged_by_the_device_clock_never_the_check_date() {
    let verifier = verifier();
    // Checked for a date two years on, with the clock today: the lists are current.
    let far_date = VerifyContext {
        checked_on: date("2026-09-01"),
        now_unix_seconds: NOW,
        lang: tirkeu::i18n::Lang::En,
    };
    let result = verifier.verify(&certificate(), &far_date);
    assert_eq!((result.status, codes(&result)), (Status::Valid, vec![]));
    // The clock two years on, checked for a date of the stay: the lists have expired.
    let late_clock = VerifyContext {
        now_unix_seconds: LIST_NEXT + 365 * DAY,
        ..context("2026-07-15")
    };
    let result = verifier.verify(&certificate(), &late_clock);
    assert_eq!(result.status, Status::Unconfirmed);
    assert_eq!(codes(&result), ["trust.expired", "status.expired"]);
}

// ---- coverage -------------------------------------------------------------------------------

#[test]
fn a_certificate_the_status_list_does_not_cover() {
    let verifier = verifier(); // the list covers 2026 up to ISSUED_2026, issued at LIST_IAT
    let beyond = format!("2026-{:09}", ISSUED_2026 + 1);
    // Issued after the list: the list could not know it yet. Fine.
    let newer = issue_certificate(&numbered(&beyond), &issuer(), LIST_IAT + 1).unwrap();
    assert_eq!(
        verifier.verify(&newer, &context("2026-07-15")).status,
        Status::Valid
    );
    // Issued before (or at) the list, yet not covered: its status is unknown.
    for iat in [LIST_IAT, LIST_IAT - 1] {
        let older = issue_certificate(&numbered(&beyond), &issuer(), iat).unwrap();
        let result = verifier.verify(&older, &context("2026-07-15"));
        assert_eq!(result.status, Status::Unconfirmed);
        assert_eq!(codes(&result), ["status.not_covered"]);
    }
    // A year the list does not hold at all.
    let other_year = issue_certificate(&numbered("2025-000000001"), &issuer(), KEY_FROM).unwrap();
    let result = verifier.verify(&other_year, &context("2026-07-15"));
    assert_eq!(codes(&result), ["status.not_covered"]);
    // The last covered sequence is covered.
    let last = issue_certificate(
        &numbered(&format!("2026-{ISSUED_2026:09}")),
        &issuer(),
        KEY_FROM,
    )
    .unwrap();
    assert_eq!(
        verifier.verify(&last, &context("2026-07-15")).status,
        Status::Valid
    );
}

#[test]
fn sequences_of_2_27_or_more_are_never_issued_nor_confirmed() {
    // 87% of the sequence space could never be revoked: the issuer now refuses such numbers,
    // and the verifier never confirms one, whatever its date.
    assert_eq!(
        issue_certificate(&numbered("2026-134217728"), &issuer(), IAT),
        Err(IssueError::Uncoverable {
            sequence: 134_217_728
        })
    );
    assert!(issue_certificate(&numbered("2026-134217727"), &issuer(), IAT).is_ok());
    let verifier = verifier();
    for number in ["2026-134217728", "2026-999999999"] {
        // Signed by hand, as a leaked key or an old issuer would have.
        let payload = Claims {
            issued_at: NOW, // after the status list
            record: numbered(number),
        }
        .encode();
        let text = signed_text(&payload, &issuer());
        let result = verifier.verify(&text, &context("2026-07-15"));
        assert_eq!(result.status, Status::Unconfirmed, "{number}");
        assert_eq!(codes(&result), ["status.not_covered"]);
    }
    // A status list may cover up to 2^27 sequences, no more.
    let mut spec = StatusListSpec::new(LIST_IAT, LIST_NEXT);
    spec.issued.insert(2026, 134_217_727);
    spec.revoked = vec!["2026-134217727".into()];
    let full = build_status_list(&spec, &status_key()).unwrap();
    let mut verifier = verifier_with(keys());
    let summary = verifier.load_status_list(&full, &at_now()).unwrap();
    assert_eq!(summary.lists[0].size, 134_217_728);
    let last = issue_certificate(&numbered("2026-134217727"), &issuer(), IAT).unwrap();
    assert_eq!(
        verifier.verify(&last, &context("2026-07-15")).status,
        Status::Revoked
    );
    spec.issued.insert(2026, 134_217_728);
    assert!(build_status_list(&spec, &status_key()).is_err());
}

// ---- a leaked key -------------------------------------------------------------------------

#[test]
fn a_leaked_key_is_contained_only_by_revoking_it() {
    // Whoever holds a leaked key chooses `iat`: with the key's `until` closed, a backdated
    // certificate (and status list) still verifies. Revoking the key stops both, and withdraws
    // the key's genuine certificates too.
    let close = IAT + DAY;
    let forged_record = Record {
        stay_from: date("2026-12-01"),
        stay_to: date("2027-06-30"),
        ..numbered("2026-000000999")
    };
    let backdated = issue_certificate(&forged_record, &issuer(), close - 1).unwrap();
    let backdated_list = status_bytes_by(&[], close - 2, LIST_NEXT, &status_key());

    let mut closed_issuer = key_spec(&issuer(), "Issuer");
    closed_issuer.status = KeyStatus::Retired;
    closed_issuer.until = Some(close);
    let mut closed_status = status_key_spec(&status_key(), "Status lists");
    closed_status.status = KeyStatus::Retired;
    closed_status.until = Some(close);
    let mut closed = verifier_with(vec![closed_issuer, closed_status]);
    assert_eq!(
        closed.verify(&backdated, &context("2027-01-15")).status,
        Status::Unconfirmed, // no status list yet: genuine-looking, not revoked
    );
    closed.load_status_list(&backdated_list, &at_now()).unwrap();
    assert_eq!(
        closed.verify(&backdated, &context("2027-01-15")).status,
        Status::Valid,
        "closing `until` does not contain a leak"
    );

    let mut revoked_issuer = key_spec(&issuer(), "Issuer");
    revoked_issuer.status = KeyStatus::Revoked;
    let mut revoked_status = status_key_spec(&status_key(), "Status lists");
    revoked_status.status = KeyStatus::Revoked;
    let mut revoked = verifier_with(vec![revoked_issuer, revoked_status]);
    assert_eq!(
        revoked.verify(&backdated, &context("2027-01-15")).status,
        Status::KeyNotValid
    );
    assert_eq!(
        revoked.load_status_list(&backdated_list, &at_now()),
        Err(StatusListError::KeyNotValid {
            kid: status_key().kid()
        })
    );
    // The genuine certificates of the revoked key fail as well.
    assert_eq!(verify_sample(&revoked).status, Status::KeyNotValid);
}

// ---- the versions still read -----------------------------------------------------------------

/// A version 1 trust list (no `use`) of these keys, signed by the root.
fn trust_list_v1(keys: &[&SigningKey]) -> Vec<u8> {
    let keys: Vec<([u8; 32], Kid)> = keys
        .iter()
        .map(|key| (key.public_key().to_bytes(), key.kid()))
        .collect();
    let keys: Vec<(&[u8], Kid)> = keys.iter().map(|(pk, kid)| (&pk[..], *kid)).collect();
    cose::sign(&trust_v1_payload(&keys), &root())
}

/// A version 1 status list (no `size`): the bits cover 8 times their length.
fn status_list_v1(bits: &[u8], key: &SigningKey) -> Vec<u8> {
    cose::sign(&status_v1_payload(bits), key)
}

#[test]
fn version_1_lists_are_still_read() {
    // Every key of a version 1 trust list signs certificates and status lists.
    let trust = TrustList::from_cose(&trust_list_v1(&[&issuer()]), &root().public_key()).unwrap();
    assert_eq!(trust.version(), 1);
    assert_eq!(trust.keys()[0].uses, KeyUses::CERT_AND_STATUS);
    let mut verifier = Verifier::new(root().public_key());
    verifier
        .load_trust_list(&trust_list_v1(&[&issuer()]), &at_now())
        .unwrap();
    // A version 1 status list covers 8 times its bitstring's length: 16 sequences here.
    let summary = verifier
        .load_status_list(&status_list_v1(&[0x00, 0x02], &issuer()), &at_now())
        .unwrap();
    assert_eq!((summary.version, summary.lists[0].size), (1, 16));
    let check = |number: &str| {
        let text = issue_certificate(&numbered(number), &issuer(), IAT - DAY).unwrap();
        verifier.verify(&text, &context("2026-07-15")).status
    };
    assert_eq!(check("2026-000000014"), Status::Revoked);
    assert_eq!(check("2026-000000015"), Status::Valid);
    assert_eq!(check("2026-000000016"), Status::Unconfirmed);
}

#[test]
fn the_v2_formats_are_read_strictly() {
    let trust = trust_list(keys());
    let status_payload = |size: Option<i64>, bits: &[u8]| {
        let mut entry = Cbor::new().map(if size.is_some() { 3 } else { 2 });
        entry = entry.text("bits").bytes(&deflate::compress(bits));
        if let Some(size) = size {
            entry = entry.text("size").int(size);
        }
        let entry = entry.text("year").int(2026).build();
        list_payload(2)
            .text("next")
            .int(LIST_NEXT)
            .text("lists")
            .array(1)
            .raw(&entry)
            .build()
    };
    let load =
        |payload: Vec<u8>| StatusList::from_cose(&cose::sign(&payload, &status_key()), &trust);
    // size 9: exactly 2 bytes.
    assert!(load(status_payload(Some(9), &[0, 0])).is_ok());
    assert!(load(status_payload(Some(0), &[])).is_ok());
    assert!(
        load(status_payload(Some(9), &[0])).is_err(),
        "too few bytes"
    );
    assert!(
        load(status_payload(Some(9), &[0, 0, 0])).is_err(),
        "too many bytes"
    );
    assert!(
        load(status_payload(None, &[0])).is_err(),
        "size is required in v2"
    );
    assert!(load(status_payload(Some(-1), &[])).is_err());
    assert!(
        load(status_payload(Some(134_217_729), &[])).is_err(),
        "size above 2^27"
    );
    // Trust list v2 keys need a non-empty `use` of known words; v1 keys have none.
    let key = |uses: Option<&[&str]>| {
        let mut key = Cbor::new()
            .map(if uses.is_some() { 8 } else { 7 })
            .text("pk")
            .bytes(&issuer().public_key().to_bytes())
            .text("kid")
            .bytes(&issuer().kid());
        if let Some(uses) = uses {
            key = key.text("use").array(uses.len() as u64);
            for word in uses {
                key = key.text(word);
            }
        }
        active_key_fields(key, KEY_FROM, "Office").build()
    };
    let list = |v: i64, key: Vec<u8>| {
        let payload = list_payload(v)
            .text("keys")
            .array(1)
            .raw(&key)
            .text("next")
            .int(LIST_NEXT)
            .build();
        TrustList::from_cose(&cose::sign(&payload, &root()), &root().public_key())
    };
    assert_eq!(
        list(2, key(Some(&["status", "data"]))).unwrap().keys()[0].uses,
        KeyUses::STATUS.with(KeyUse::Data)
    );
    for bad in [
        list(2, key(None)),
        list(2, key(Some(&[]))),
        list(2, key(Some(&["sign"]))),
        list(2, key(Some(&["cert", "cert"]))),
        list(1, key(Some(&["cert"]))),
        list(3, key(Some(&["cert"]))),
    ] {
        assert!(matches!(bad, Err(TrustListError::Format { .. })), "{bad:?}");
    }
}

// ---- the root -----------------------------------------------------------------------------

#[test]
fn the_root_is_pinned_for_the_verifiers_life() {
    // A second trust list under another root must not replace the first.
    let other_root = SigningKey::from_seed([0x72; 32]);
    let attacker = SigningKey::from_seed([0x61; 32]);
    let mut verifier = verifier();
    let foreign = build_trust_list(
        &TrustListSpec {
            iat: LIST_IAT + DAY,
            next: LIST_NEXT,
            keys: vec![key_spec(&attacker, "Attacker")],
        },
        &other_root,
    )
    .unwrap();
    assert_eq!(
        verifier.load_trust_list(&foreign, &at_now()),
        Err(TrustListError::RootNotPinned {
            kid: other_root.kid()
        })
    );
    let forged = issue_certificate(&record(), &attacker, IAT).unwrap();
    assert_eq!(
        verifier.verify(&forged, &context("2026-07-15")).status,
        Status::UnknownKey
    );
    assert_eq!(verifier.root(), root().public_key());
}

#[test]
fn two_verifiers_with_two_roots_live_side_by_side() {
    let other_root = SigningKey::from_seed([0x72; 32]);
    let other_issuer = SigningKey::from_seed([0x69; 32]);
    let mut other = Verifier::new(other_root.public_key());
    other
        .load_trust_list(
            &build_trust_list(
                &TrustListSpec {
                    iat: LIST_IAT,
                    next: LIST_NEXT,
                    keys: vec![key_spec(&other_issuer, "Other issuer")],
                },
                &other_root,
            )
            .unwrap(),
            &at_now(),
        )
        .unwrap();
    let ours = verifier();
    let our_text = certificate();
    let their_text = issue_certificate(&record(), &other_issuer, IAT).unwrap();
    assert_eq!(
        ours.verify(&our_text, &context("2026-07-15")).status,
        Status::Valid
    );
    assert_eq!(
        ours.verify(&their_text, &context("2026-07-15")).status,
        Status::UnknownKey
    );
    assert_eq!(
        other.verify(&their_text, &context("2026-07-15")).status,
        Status::Unconfirmed // no status list of its own
    );
    assert_eq!(
        other.verify(&our_text, &context("2026-07-15")).status,
        Status::UnknownKey
    );
}

#[test]
fn a_verifier_without_a_trust_list_knows_no_key() {
    let verifier = Verifier::new(root().public_key());
    let result = verify_sample(&verifier);
    assert_eq!(result.status, Status::UnknownKey);
    assert_eq!(result.record, None);
    let mut verifier = verifier;
    assert_eq!(
        verifier.load_status_list(&status_bytes(&[], LIST_IAT, LIST_NEXT), &at_now()),
        Err(StatusListError::NoTrustList)
    );
}

// ---- the issuer's input -------------------------------------------------------------------

#[test]
fn keyspec_and_revoked_take_rfc_3339_times_and_uses() {
    // Source: the command line's KEYSPEC and REVOKED formats: seconds or RFC 3339 text; a date
    // alone is 00:00 in Kazakhstan.
    let key = issuer().public_key().to_hex();
    let spec: TrustListSpec = serde_json::from_str(&format!(
        r#"{{"iat": "2026-07-01", "next": "2027-07-01T00:00:00+05:00", "keys": [
            {{"publicKey": "{key}", "name": "Office", "from": "2026-01-01T00:00:00Z",
              "until": "2026-12-31", "status": "active", "use": ["cert", "status"]}},
            {{"publicKey": "{key}", "name": "Default use", "from": 0, "status": "retired"}}]}}"#
    ))
    .unwrap();
    assert_eq!(spec.iat, LIST_IAT);
    assert_eq!(spec.next, LIST_IAT + 365 * DAY);
    assert_eq!(spec.keys[0].from, 1_767_225_600);
    assert_eq!(spec.keys[0].until, Some(1_798_657_200));
    assert_eq!(spec.keys[0].uses, KeyUses::CERT_AND_STATUS);
    assert_eq!(
        spec.keys[1].uses,
        KeyUses::CERT,
        "certificates only by default"
    );
    for bad in [
        r#""use": []"#,
        r#""use": ["sign"]"#,
        r#""use": "cert""#,
        r#""from": "01.07.2026""#,
        r#""from": 1.5"#,
    ] {
        let json = format!(
            r#"{{"iat": 0, "next": 1, "keys": [{{"publicKey": "{key}", "name": "X", "from": 0,
                "status": "active", {bad}}}]}}"#
        );
        assert!(
            serde_json::from_str::<TrustListSpec>(&json).is_err(),
            "{bad}"
        );
    }
    let revoked: StatusListSpec = serde_json::from_str(
        r#"{"iat": "2026-07-01T00:00:00+05:00", "next": 1782932400,
            "issued": {"2026": 1200345}, "revoked": ["2026-000000123"]}"#,
    )
    .unwrap();
    assert_eq!((revoked.iat, revoked.issued[&2026]), (LIST_IAT, 1_200_345));
    let summary = StatusList::read_back(
        &build_status_list(&revoked, &status_key()).unwrap(),
        &status_key().public_key(),
    )
    .unwrap()
    .summary();
    assert_eq!(
        (summary.lists[0].size, summary.lists[0].revoked),
        (1_200_346, 1)
    );
}
