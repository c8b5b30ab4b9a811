//! The signed data bundle: the calendar, the visa regimes and the regions as one signed file, so
//! that a deployment corrects its tables (the 2027 calendar, once the decree is out) without a
//! new release.
//!
//! A COSE_Sign1 of the lists' profile (a binary `.cose` file) whose payload is a data bundle
//! ([`crate::data::bundle`]: `{ "v": 1, "iat", "next", "version", "calendar", "regimes",
//! "regions" }`), signed by a key of the trust list whose `use` holds `data`, not revoked and
//! valid at the bundle's `iat`. A verifier installs it by the rules of the lists
//! ([`freshness`](super::freshness)): never one dated more than a day ahead, never an older one
//! than the installed bundle, none before the caller's `min_issued_at`; and the payload's own
//! rule, never one older than the tables compiled into the library. A bundle that breaks any rule
//! of a table is refused whole, and the tables in use stay.
//!
//! The verifier checks the signature and hands back the payload ([`SignedDataBundle::payload`]):
//! code that only checks applications reads it with [`crate::data::DataBundle::from_payload`],
//! without any signature code.

use core::fmt;

use super::cose::CoseError;
use super::freshness::ListDateError;
use super::keys::{Kid, to_hex};
use super::signed_list::{Signer, SignerError, verify_signed};
use super::trust::{KeyUse, TrustList};
use crate::data::{BundleError, DataBundle, DataBundleSummary, Tables};

/// Why a signed data bundle is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataBundleError {
    /// No trust list is installed to check it against.
    NoTrustList,
    /// Not a COSE_Sign1 of this project's profile.
    Cose(CoseError),
    /// No key of the trust list has the signer's kid.
    UnknownKey {
        /// The signer's kid.
        kid: Kid,
    },
    /// No trusted key with that kid verifies the signature.
    BadSignature {
        /// The signer's kid.
        kid: Kid,
    },
    /// The signing key may not sign data bundles (its `use` lacks `data`), is revoked, or was
    /// not valid at the bundle's `iat`.
    KeyNotValid {
        /// The signer's kid.
        kid: Kid,
    },
    /// The payload is refused: its shape, a row that breaks a rule of its table, or a date
    /// before the compiled-in tables'.
    Content(BundleError),
    /// The bundle is signed and well formed, but its dates forbid installing it: issued in the
    /// future, before `min_issued_at`, older than the installed bundle, or at the same time.
    Date(ListDateError),
}

impl fmt::Display for DataBundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataBundleError::NoTrustList => {
                f.write_str("data bundle: no trust list is installed to check it against")
            }
            DataBundleError::Cose(e) => write!(f, "data bundle: {e}"),
            DataBundleError::UnknownKey { kid } => write!(
                f,
                "data bundle: signed by key {}, which the trust list does not hold",
                to_hex(kid)
            ),
            DataBundleError::BadSignature { kid } => write!(
                f,
                "data bundle: the signature of key {} does not verify",
                to_hex(kid)
            ),
            DataBundleError::KeyNotValid { kid } => write!(
                f,
                "data bundle: key {} may not sign data bundles, is revoked, or was not valid when \
                 the bundle was issued",
                to_hex(kid)
            ),
            DataBundleError::Content(e) => e.fmt(f),
            DataBundleError::Date(e) => write!(f, "data bundle: {e}"),
        }
    }
}

impl std::error::Error for DataBundleError {}

impl From<BundleError> for DataBundleError {
    fn from(e: BundleError) -> Self {
        DataBundleError::Content(e)
    }
}

impl From<SignerError> for DataBundleError {
    fn from(e: SignerError) -> Self {
        match e {
            SignerError::Cose(e) => DataBundleError::Cose(e),
            SignerError::UnknownKey { kid } => DataBundleError::UnknownKey { kid },
            SignerError::BadSignature { kid } => DataBundleError::BadSignature { kid },
            SignerError::KeyNotValid { kid } => DataBundleError::KeyNotValid { kid },
        }
    }
}

impl From<ListDateError> for DataBundleError {
    fn from(e: ListDateError) -> Self {
        DataBundleError::Date(e)
    }
}

/// A data bundle whose signature a trust list's `data` key verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedDataBundle {
    bundle: DataBundle,
    /// The compiled tables with the bundle's in place.
    tables: Tables,
    payload: Vec<u8>,
    signer: Signer,
}

impl SignedDataBundle {
    /// Verifies and reads a data bundle signed by a key of `trust` that may sign data bundles: its
    /// `use` holds `data`, it is not revoked, and the bundle's `iat` lies in its validity.
    ///
    /// # Errors
    ///
    /// [`DataBundleError::UnknownKey`], [`DataBundleError::BadSignature`] or
    /// [`DataBundleError::KeyNotValid`] when no such key signed it; [`DataBundleError::Cose`]
    /// for a file not of the profile; [`DataBundleError::Content`] for a payload refused by
    /// [`DataBundle::from_payload`].
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::*;
    /// use tirkeu::data::{DataBundle, Tables};
    /// let root = SigningKey::from_seed([1; 32]);
    /// let data_key = SigningKey::from_seed([4; 32]);
    /// let key = TrustedKeySpec { uses: KeyUses::DATA, ..TrustedKeySpec::new(data_key.public_key(), "Data", 0) };
    /// let trust = build_trust_list(&TrustListSpec { iat: 0, next: 100, keys: vec![key] }, &root).unwrap();
    /// let trust = TrustList::from_cose(&trust, &root.public_key()).unwrap();
    /// let bundle = DataBundle::from_tables("2027.1", 1_796_000_000, 1_827_000_000, Tables::compiled());
    /// let signed = SignedDataBundle::from_cose(&build_data_bundle(&bundle, &data_key).unwrap(), &trust).unwrap();
    /// assert_eq!(signed.tables().version(), "2027.1");
    /// assert_eq!(DataBundle::from_payload(signed.payload()).unwrap(), bundle);
    /// // The root signs trust lists, not data.
    /// let by_root = build_data_bundle(&bundle, &root).unwrap();
    /// assert!(matches!(SignedDataBundle::from_cose(&by_root, &trust), Err(DataBundleError::UnknownKey { .. })));
    /// ```
    pub fn from_cose(bytes: &[u8], trust: &TrustList) -> Result<SignedDataBundle, DataBundleError> {
        let read = |payload: &[u8]| {
            Ok::<_, DataBundleError>((DataBundle::from_payload(payload)?, payload.to_vec()))
        };
        let ((bundle, payload), signer) =
            verify_signed(bytes, trust, KeyUse::Data, read, |(bundle, _)| {
                bundle.issued_at
            })?;
        Ok(SignedDataBundle {
            tables: bundle.tables(),
            bundle,
            payload,
            signer,
        })
    }

    /// The bundle as read from its payload.
    ///
    /// # Example
    ///
    /// ```
    /// # let signed = tirkeu::cert::data_bundle::example();
    /// assert_eq!(signed.bundle().version, "2027.1");
    /// ```
    pub fn bundle(&self) -> &DataBundle {
        &self.bundle
    }

    /// The compiled-in tables with the bundle's in place, for
    /// [`crate::rules::check_application_with`].
    ///
    /// # Example
    ///
    /// ```
    /// # let signed = tirkeu::cert::data_bundle::example();
    /// assert_eq!(signed.tables().version(), "2027.1");
    /// ```
    pub fn tables(&self) -> &Tables {
        &self.tables
    }

    /// The payload exactly as signed: what code without signature checks reads with
    /// [`DataBundle::from_payload`] (in the browser, another WebAssembly module).
    ///
    /// # Example
    ///
    /// ```
    /// # let signed = tirkeu::cert::data_bundle::example();
    /// let read = tirkeu::data::DataBundle::from_payload(signed.payload()).unwrap();
    /// assert_eq!(&read, signed.bundle());
    /// ```
    pub fn payload(&self) -> &[u8] {
        &self.payload
    }

    /// Issue time of the bundle (seconds since 1970).
    ///
    /// # Example
    ///
    /// ```
    /// # let signed = tirkeu::cert::data_bundle::example();
    /// assert_eq!(signed.issued_at(), signed.bundle().issued_at);
    /// ```
    pub fn issued_at(&self) -> i64 {
        self.bundle.issued_at
    }

    /// The kid of the key that signed it.
    ///
    /// # Example
    ///
    /// ```
    /// # let signed = tirkeu::cert::data_bundle::example();
    /// assert_eq!(signed.kid(), tirkeu::cert::SigningKey::from_seed([4; 32]).kid());
    /// ```
    pub fn kid(&self) -> Kid {
        self.signer.kid
    }

    /// Whether a demonstration key signed it.
    ///
    /// # Example
    ///
    /// ```
    /// # let signed = tirkeu::cert::data_bundle::example();
    /// assert!(signed.is_demo());
    /// ```
    pub fn is_demo(&self) -> bool {
        self.signer.demo
    }

    /// The summary for people and pages ([`DataBundle::summary`]).
    ///
    /// # Example
    ///
    /// ```
    /// # let signed = tirkeu::cert::data_bundle::example();
    /// assert_eq!(signed.summary().regions, 20);
    /// ```
    pub fn summary(&self) -> DataBundleSummary {
        self.bundle.summary()
    }

    /// Takes the demonstration flag of the signer from `trust` (a new trust list may mark it
    /// otherwise); `false` when `trust` no longer trusts the signer to sign data bundles.
    pub(crate) fn rebind(&mut self, trust: &TrustList) -> bool {
        self.signer
            .rebind(trust, KeyUse::Data, self.bundle.issued_at)
    }
}

/// A signed data bundle for the examples of this module's documentation: the compiled tables
/// named `2027.1`, issued at 2026-12-01 and signed by a demonstration key (seed `[4; 32]`, `use`
/// data) of a trust list under the root of seed `[1; 32]`.
#[doc(hidden)]
pub fn example() -> SignedDataBundle {
    use super::{KeyUses, SigningKey, TrustListSpec, TrustedKeySpec};
    let root = SigningKey::from_seed([1; 32]);
    let data_key = SigningKey::from_seed([4; 32]);
    let key = TrustedKeySpec {
        uses: KeyUses::DATA,
        demo: true,
        ..TrustedKeySpec::new(data_key.public_key(), "Data", 0)
    };
    let bundle =
        DataBundle::from_tables("2027.1", 1_796_065_200, 1_827_601_200, Tables::compiled());
    let spec = TrustListSpec {
        iat: 0,
        next: 100,
        keys: vec![key],
    };
    let signed = super::build_trust_list(&spec, &root)
        .ok()
        .and_then(|trust| TrustList::from_cose(&trust, &root.public_key()).ok())
        .and_then(|trust| {
            let bytes = super::build_data_bundle(&bundle, &data_key).ok()?;
            SignedDataBundle::from_cose(&bytes, &trust).ok()
        });
    signed.unwrap_or_else(|| SignedDataBundle {
        tables: bundle.tables(),
        payload: bundle.to_payload(),
        bundle,
        signer: Signer {
            kid: data_key.kid(),
            public_key: data_key.public_key(),
            demo: true,
        },
    })
}
