//! Trust and status list bytes -> load, as a file or a download hands them over.
//!
//! The first byte chooses how the rest is used: as list bytes as received (mode 0 and 1), or
//! as a list *payload* signed by the pinned root or the trusted status key (mode 2 and 3), so
//! that the payload readers are reached behind a valid signature.
//!
//! Properties beyond "no panic":
//! - a trust list that loads rebuilds from its keys into a list that loads to the same keys;
//! - a status list that loads installs into a verifier, and its summary and look-ups work.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tirkeu::cert::cose::sign;
use tirkeu::cert::*;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let root = tirkeu_fuzz::root().public_key();
    match mode % 4 {
        0 => check_trust(TrustList::from_cose(rest, &root)),
        1 => check_status(rest),
        2 => check_trust(TrustList::from_cose(
            &sign(rest, &tirkeu_fuzz::root()),
            &root,
        )),
        _ => check_status(&sign(rest, &tirkeu_fuzz::status_key())),
    }
});

fn check_trust(loaded: Result<TrustList, TrustListError>) {
    let Ok(trust) = loaded else { return };
    serde_json::to_string(&trust.summary()).expect("a summary serializes");
    let spec = TrustListSpec {
        iat: trust.issued_at(),
        next: trust.next_update(),
        keys: trust
            .keys()
            .iter()
            .map(|key| TrustedKeySpec {
                public_key: key.public_key,
                kid: Some(key.kid),
                name: key.name.clone(),
                from: key.from,
                until: key.until,
                status: key.status,
                uses: key.uses,
                demo: key.demo,
            })
            .collect(),
    };
    let rebuilt = build_trust_list(&spec, &tirkeu_fuzz::root()).expect("a loaded list rebuilds");
    let reloaded = TrustList::from_cose(&rebuilt, &tirkeu_fuzz::root().public_key())
        .expect("a rebuilt list loads");
    // A version 1 list rebuilds as version 2 with the uses it stood for.
    assert_eq!(reloaded.keys(), trust.keys());
    assert_eq!(reloaded.issued_at(), trust.issued_at());
    let mut verifier = Verifier::new(tirkeu_fuzz::root().public_key());
    let at = LoadOptions::at(trust.issued_at());
    verifier.load_trust_list(&rebuilt, &at).expect("a rebuilt list installs");
    assert_eq!(
        verifier.load_trust_list(&rebuilt, &at),
        Ok(reloaded.summary()),
        "the same bytes again are a no-op"
    );
}

fn check_status(bytes: &[u8]) {
    let Ok(status) = StatusList::from_cose(bytes, tirkeu_fuzz::trust_list()) else {
        return;
    };
    serde_json::to_string(&status.summary()).expect("a summary serializes");
    for number in [
        "2026-000000000",
        "2026-000000666",
        "2026-999999999",
        "1970-000000001",
    ] {
        let _ = status.lookup_number(number);
    }
    assert_eq!(status.lookup_number("2026-134217728"), Lookup::NotCovered);
    let _ = status.is_stale(i64::MIN);
    let _ = status.currency(i64::MAX, i64::MAX);
    let mut verifier = tirkeu_fuzz::verifier().clone();
    let _ = verifier.load_status_list(bytes, &LoadOptions::at(tirkeu_fuzz::NOW));
}
