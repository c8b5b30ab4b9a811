//! COSE/CBOR bytes -> decode, at every layer under the Base45 text.
//!
//! Properties beyond "no panic":
//! - zlib: `inflate(compress(data)) == data` under the cap; `inflate(data)` never exceeds it;
//! - claims: `decode(encode(decode(data))) == decode(data)` (the issuer's writer and the
//!   verifier's reader agree);
//! - COSE: a message that decodes keeps its payload as a sub-slice, and a message's
//!   signature verifies only under its signer;
//! - the verifier agrees with the decoders: the same bytes, signed by a trusted key as a
//!   payload, are malformed exactly when `Claims::decode` refuses them.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tirkeu::cert::claims::Claims;
use tirkeu::cert::cose::{Sign1, sign};
use tirkeu::cert::deflate::{CERTIFICATE_LIMIT, compress, inflate};
use tirkeu::cert::{Stage, Status, qr_text_from_cose};

fuzz_target!(|data: &[u8]| {
    if data.len() <= CERTIFICATE_LIMIT {
        assert_eq!(
            inflate(&compress(data), CERTIFICATE_LIMIT).as_deref(),
            Ok(data)
        );
    }
    if let Ok(inflated) = inflate(data, CERTIFICATE_LIMIT) {
        assert!(inflated.len() <= CERTIFICATE_LIMIT);
    }

    if let Ok(message) = Sign1::decode(data) {
        let payload = message.payload.as_ptr_range();
        let whole = data.as_ptr_range();
        assert!(whole.start <= payload.start && payload.end <= whole.end);
        let _ = message.require_profile();
        let _ = message.verify(&tirkeu_fuzz::issuer().public_key());
    }

    let claims = Claims::decode(data);
    if let Ok(claims) = &claims {
        let again = Claims::decode(&claims.encode()).expect("the writer's claims read back");
        assert_eq!(&again, claims);
    }

    // The same bytes as the payload of a certificate signed by the trusted issuer.
    let text = qr_text_from_cose(&sign(data, &tirkeu_fuzz::issuer()));
    let result = tirkeu_fuzz::verifier().verify(&text, &tirkeu_fuzz::context());
    if text.len() <= tirkeu::cert::MAX_QR_TEXT_LENGTH {
        match &claims {
            Ok(_) => assert_ne!(result.status, Status::Malformed, "{result:?}"),
            Err(_) => {
                assert_eq!(result.status, Status::Malformed, "{result:?}");
                let stage = result.stage;
                assert!(
                    matches!(stage, Some(Stage::Claims | Stage::Record)),
                    "{result:?}"
                );
            }
        }
    }
});
