//! Trust and status list bytes -> load, as a file or a download hands them over.
//!
//! The first byte chooses how the rest is used: as list bytes as received (mode 0 and 1), or
//! as a list *payload* signed by the pinned root or the trusted issuer (mode 2 and 3), so that
//! the payload readers are reached behind a valid signature.
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
        _ => check_status(&sign(rest, &tirkeu_fuzz::issuer())),
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
                demo: key.demo,
            })
            .collect(),
    };
    let rebuilt = build_trust_list(&spec, &tirkeu_fuzz::root()).expect("a loaded list rebuilds");
    let reloaded = TrustList::from_cose(&rebuilt, &tirkeu_fuzz::root().public_key())
        .expect("a rebuilt list loads");
    assert_eq!(reloaded.keys(), trust.keys());
    assert_eq!(reloaded.summary(), trust.summary());
    let mut verifier = Verifier::new(trust);
    let _ = verifier.install_trust_list(&rebuilt, &tirkeu_fuzz::root().public_key());
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
        let _ = status.is_revoked_number(number);
    }
    let _ = status.is_stale(i64::MIN);
    let _ = status.is_stale(i64::MAX);
    let mut verifier = tirkeu_fuzz::verifier().clone();
    let _ = verifier.install_status_list(bytes);
}
