//! Every finding and obligation code, with its severity, legal basis and message in Kazakh,
//! Russian and English: one table, next to the codes, and the one place each of these strings
//! is written.
//!
//! Messages are templates: `{name}` placeholders are filled when the finding is made
//! ([`Text::render_args`]): dates and counts are written in the message's language, and
//! `{field}` is always the label of the finding's field as the form shows it
//! ([`super::field_label`]). Each template uses only the values its code is always given
//! (listed in the comment above it); a test checks that the three languages use the same ones.

use serde::{Deserialize, Serialize};

use super::report::Severity;
use crate::i18n::Text;

/// What a code stands for: severity, basis and message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeSpec {
    /// The stable code, as in the report.
    pub code: &'static str,
    /// The severity of a finding with this code (obligation codes: `Info`).
    pub severity: Severity,
    /// The legal basis.
    pub basis: Basis,
    /// The message template.
    pub text: Text,
}

/// A legal basis: the clauses, in words in each language ("Приказ № 923, Правила, п. 3") and as
/// stable references for programs (`order923:rules:p3`).
///
/// A reference is `instrument:part`: `order923` (the Order; `order923:rules:…` its Rules),
/// `coao` (Code of Administrative Offences), `eaeu-treaty`, `rules148` (Rules of entry and stay
/// of immigrants, Government decree No. 148), `holidays-law`, `labour-code`, `vienna-1961`
/// (Vienna Convention on Diplomatic Relations), `mfa` (accreditation by the Ministry of Foreign
/// Affairs), `egov`, and the checker's own `policy:…` and `data:…`; paragraphs as `p3`,
/// subparagraphs as `p4(1)`, articles as `art517`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Basis {
    /// Stable references, one a clause.
    pub refs: &'static [&'static str],
    /// The basis in words.
    pub text: Text,
}

macro_rules! codes {
    (
        $(#[$enum_meta:meta])* pub enum $name:ident {
            $( $(#[$meta:meta])* $variant:ident = $code:literal, )*
        }
    ) => {
        $(#[$enum_meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        #[cfg_attr(test, derive(ts_rs::TS))]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$meta])* #[serde(rename = $code)] $variant, )*
        }

        /// Its code (the same names as the derived `Deserialize`): a table lookup, where the
        /// derive's call for each of dozens of variants cost the WebAssembly module 1 KB.
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl $name {
            /// Every code, in the table's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable code string.
            ///
            /// # Example
            ///
            /// ```
            /// use tirkeu::rules::{FindingCode, ObligationCode};
            /// assert_eq!(FindingCode::HostMinor.as_str(), "host.minor");
            /// assert_eq!(ObligationCode::RegistrationRequired.as_str(), "registration.required");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

codes! {
    /// The code of a finding (Order 923, the regimes and the field checks).
    pub enum FindingCode {
        /// A required field is missing or blank.
        FieldRequired = "field.required",
        /// A field has the wrong JSON type (a number where text is expected, ...).
        FieldInvalid = "field.invalid",
        /// A name (immigrant or host) has characters or a length a name cannot have.
        NameInvalid = "name.invalid",
        /// The date of birth is not a date, is after the evaluation date or more than 120 years before it.
        BirthDateInvalid = "birth_date.invalid",
        /// The citizenship is not an ISO 3166-1 alpha-3 code nor `XXA`.
        CitizenshipUnknown = "citizenship.unknown",
        /// The citizenship is Kazakhstan's: not an immigrant.
        CitizenshipKazakhstan = "citizenship.kazakhstan",
        /// The passport number is not 5-20 capital Latin letters and digits.
        PassportNumberInvalid = "passport.number.invalid",
        /// The passport kind is not `ordinary`, `diplomatic` or `service`.
        PassportKindInvalid = "passport.kind.invalid",
        /// The passport expiry date is not a date.
        PassportExpiryInvalid = "passport.expiry.invalid",
        /// The passport expired before the entry, or before the evaluation date.
        PassportExpired = "passport.expired",
        /// The passport expires before the planned end of the stay.
        PassportExpiresDuringStay = "passport.expires_during_stay",
        /// The entry date is not a date, is after the evaluation date or before the birth date.
        EntryInvalid = "entry.invalid",
        /// The purpose of entry is not one of the known purposes.
        EntryPurposeInvalid = "entry.purpose.invalid",
        /// The contract end date is not a date or is before the entry.
        ContractInvalid = "entry.contract_until.invalid",
        /// The host kind is not `person` or `organization`.
        HostKindInvalid = "host.kind.invalid",
        /// The host's IIN or BIN is not valid.
        HostIdInvalid = "host.id.invalid",
        /// The host person is under 18 by the IIN.
        HostMinor = "host.minor",
        /// The region code is not one of kz-regions.csv.
        AddressRegionUnknown = "address.region.unknown",
        /// The premises are not residential (Rules p.7).
        AddressPremisesNotResidential = "address.premises.not_residential",
        /// The stay period is not a period, or starts before the entry.
        StayPeriodInvalid = "stay.period.invalid",
        /// An earlier stay is not usable: not dates, exit before entry, or exit after the evaluation date.
        PreviousStaysInvalid = "previous_stays.invalid",
        /// An earlier stay overlaps another stay (its days are counted once).
        PreviousStaysOverlap = "previous_stays.overlap",
        /// The address change is not usable: not a date, before the entry or after the evaluation date.
        AddressChangeInvalid = "address_change.invalid",
        /// A policy option has an unknown value; the default was used.
        PolicyInvalid = "policy.invalid",
        /// The entry was before Order 923 came into force: what fell due before is not judged.
        RulesTransitional = "rules.transitional",
        /// Before Order 923 the host had to notify the police within 3 working days; whether
        /// that continues is not established.
        HostNotice = "host.notice",
        /// The registration deadline has passed.
        DeadlineMissed = "deadline.missed",
        /// One to three days are left to register.
        DeadlineDueSoon = "deadline.due_soon",
        /// The re-registration deadline has passed.
        ReRegistrationMissed = "reregistration.missed",
        /// One to three days are left to re-register.
        ReRegistrationDueSoon = "reregistration.due_soon",
        /// A date depends on a provisional or computed calendar year.
        CalendarProvisional = "calendar.provisional",
        /// The immigrant is under 16.
        MinorUnder16 = "minor.under16",
        /// An EAEU worker: the stay lasts at least for the term of the labour contract.
        TreatyEaeuWorker = "treaty.eaeu_worker",
        /// The planned stay goes beyond the last allowed day.
        StayExceedsLimit = "stay.exceeds_limit",
        /// The immigrant has been present after the last allowed day.
        StayOverstayed = "stay.overstayed",
        /// The regime comes from a low-confidence row and decides the outcome.
        RegimeUnconfirmed = "regime.unconfirmed",
    }
}

codes! {
    /// The code of an obligation (Order 923, Rules p.2-p.3, and the policy options).
    pub enum ObligationCode {
        /// Must register (`must_register`).
        RegistrationRequired = "registration.required",
        /// Leaves on or before the deadline (`not_required`).
        RegistrationNotRequired = "registration.not_required",
        /// Diplomatic or service passport (`exempt`).
        ExemptDiplomatic = "registration.exempt.diplomatic",
        /// Under 16, with policy `under16Exempt` (`exempt`).
        ExemptMinor = "registration.exempt.minor",
        /// 30- or 14-day visa-free regime (`not_covered`).
        NotCoveredShortStay = "registration.not_covered.short_stay",
        /// Visa required, or stateless (`not_covered`).
        NotCoveredVisa = "registration.not_covered.visa",
        /// A citizen of Kazakhstan (`not_covered`).
        NotImmigrant = "registration.not_covered.citizen",
    }
}

const fn basis(
    refs: &'static [&'static str],
    kk: &'static str,
    ru: &'static str,
    en: &'static str,
) -> Basis {
    Basis {
        refs,
        text: Text { kk, ru, en },
    }
}

/// The bases of the findings and obligations.
pub(crate) mod bases {
    use super::{Basis, basis};

    pub const P2_1: Basis = basis(
        &["order923:rules:p2(1)"],
        "№ 923 бұйрық, Қағидалар, 2-т. 1) тт.",
        "Приказ № 923, Правила, подп. 1) п. 2",
        "Order 923, Rules p.2(1)",
    );
    pub const P3: Basis = basis(
        &["order923:rules:p3"],
        "№ 923 бұйрық, Қағидалар, 3-т.",
        "Приказ № 923, Правила, п. 3",
        "Order 923, Rules p.3",
    );
    pub const P3_SCOPE: Basis = basis(
        &["order923:rules:p3"],
        "№ 923 бұйрық, Қағидалар, 3-т. (қолданылу аясы)",
        "Приказ № 923, Правила, п. 3 (круг лиц)",
        "Order 923, Rules p.3 (scope)",
    );
    pub const P3_P4_1: Basis = basis(
        &["order923:rules:p3", "order923:rules:p4(1)"],
        "№ 923 бұйрық, Қағидалар, 3-т., 4-т. 1) тт.",
        "Приказ № 923, Правила, п. 3, подп. 1) п. 4",
        "Order 923, Rules p.3, p.4(1)",
    );
    pub const P3_LATE: Basis = basis(
        &["order923:rules:p3", "coao:art517"],
        "№ 923 бұйрық, Қағидалар, 3-т.; ҚР ӘҚБтК 517-б.",
        "Приказ № 923, Правила, п. 3; КоАП РК, ст. 517",
        "Order 923, Rules p.3; Code of Administrative Offences art.517",
    );
    pub const P4_2: Basis = basis(
        &["order923:rules:p4(2)"],
        "№ 923 бұйрық, Қағидалар, 4-т. 2) тт.",
        "Приказ № 923, Правила, подп. 2) п. 4",
        "Order 923, Rules p.4(2)",
    );
    pub const P4_2_STAY: Basis = basis(
        &["order923:rules:p4(2)", "rules148"],
        "№ 923 бұйрық, Қағидалар, 4-т. 2) тт.; Иммигранттардың келу және болу қағидалары (№ 148 қаулы)",
        "Приказ № 923, Правила, подп. 2) п. 4; Правила въезда и пребывания иммигрантов (постановление № 148)",
        "Order 923, Rules p.4(2); Rules of entry and stay No.148",
    );
    pub const P5: Basis = basis(
        &["order923:rules:p5"],
        "№ 923 бұйрық, Қағидалар, 5-т.",
        "Приказ № 923, Правила, п. 5",
        "Order 923, Rules p.5",
    );
    pub const P5_LATE: Basis = basis(
        &["order923:rules:p5", "coao:art517"],
        "№ 923 бұйрық, Қағидалар, 5-т.; ҚР ӘҚБтК 517-б.",
        "Приказ № 923, Правила, п. 5; КоАП РК, ст. 517",
        "Order 923, Rules p.5; Code of Administrative Offences art.517",
    );
    pub const P7: Basis = basis(
        &["order923:rules:p7"],
        "№ 923 бұйрық, Қағидалар, 7-т.",
        "Приказ № 923, Правила, п. 7",
        "Order 923, Rules p.7",
    );
    pub const IN_FORCE: Basis = basis(
        &["order923:p4"],
        "№ 923 бұйрық, 4-т. (2026 жылғы 1 шілдеден бастап қолданысқа енгізіледі)",
        "Приказ № 923, п. 4 (вводится в действие с 1 июля 2026 г.)",
        "Order 923 p.4 (in force from 1 July 2026)",
    );
    pub const HOST_NOTICE: Basis = basis(
        &["rules148:p9"],
        "Иммигранттардың келу және болу қағидалары (№ 148 қаулы), 9-т. (2026 жылғы 30 маусымға дейін)",
        "Правила въезда и пребывания иммигрантов (постановление № 148), п. 9 (до 30 июня 2026 г.)",
        "Rules of entry and stay No.148 p.9 (until 30 June 2026)",
    );
    pub const SHORT_STAY: Basis = basis(
        &["order923:rules:p3", "rules148"],
        "№ 923 бұйрық, Қағидалар, 3-т. (қолданылу аясы); Иммигранттардың келу және болу қағидалары (№ 148 қаулы)",
        "Приказ № 923, Правила, п. 3 (круг лиц); Правила въезда и пребывания иммигрантов (постановление № 148)",
        "Order 923, Rules p.3 (scope); Rules of entry and stay No.148",
    );
    pub const STAY_REGIME: Basis = basis(
        &["rules148", "international-agreements"],
        "Иммигранттардың келу және болу қағидалары (№ 148 қаулы); халықаралық шарттар",
        "Правила въезда и пребывания иммигрантов (постановление № 148); международные договоры",
        "Rules of entry and stay No.148; international agreements",
    );
    pub const EAEU_CONTRACT: Basis = basis(
        &["eaeu-treaty:art97(8)"],
        "ЕАЭО туралы шарт, 97-б. 8-т.",
        "Договор о ЕАЭС, п. 8 ст. 97",
        "Treaty on the EAEU art.97(8)",
    );
    pub const EAEU_WORKER: Basis = basis(
        &["eaeu-treaty:art97(8)", "eaeu-treaty:art97(9)"],
        "ЕАЭО туралы шарт, 97-б. 8, 9-т.",
        "Договор о ЕАЭС, пп. 8, 9 ст. 97",
        "Treaty on the EAEU art.97(8),(9)",
    );
    pub const HOST_ADULT: Basis = basis(
        &["order923:rules:p3", "egov:registration-service"],
        "№ 923 бұйрық, Қағидалар, 3-т. (қабылдаушының келісімі); электрондық үкімет порталы: қабылдаушы 18 жастан",
        "Приказ № 923, Правила, п. 3 (согласие принимающей стороны); портал электронного правительства: принимающие лица от 18 лет",
        "Order 923, Rules p.3 (host's consent); eGov service: hosts aged 18 or over",
    );
    pub const CALENDAR: Basis = basis(
        &["holidays-law:art5", "labour-code:art84"],
        "«Қазақстан Республикасындағы мерекелер туралы» Заң, 5-б.; ҚР Еңбек кодексі, 84-б.",
        "Закон «О праздниках в Республике Казахстан», ст. 5; Трудовой кодекс РК, ст. 84",
        "Law On holidays art.5; Labour Code art.84",
    );
    pub const NO_AGE_EXEMPTION: Basis = basis(
        &["order923", "rules148"],
        "№ 923 бұйрық (жасқа байланысты босату жоқ); бұрынғы болу қағидалары",
        "Приказ № 923 (освобождения по возрасту нет); прежние правила пребывания",
        "Order 923 (no age exemption); earlier rules of stay",
    );
    pub const MINOR_POLICY: Basis = basis(
        &["rules148", "policy:under16Exempt"],
        "бұрынғы болу қағидалары (таңдалған түсіндіру)",
        "прежние правила пребывания (выбранное толкование)",
        "earlier rules of stay (policy under16Exempt)",
    );
    pub const DIPLOMATIC: Basis = basis(
        &[
            "mfa:accreditation",
            "vienna-1961",
            "policy:diplomaticExempt",
        ],
        "ҚР СІМ-де аккредиттеу (1961 жылғы Дипломатиялық қатынастар туралы Вена конвенциясы); № 923 бұйрық емес",
        "Аккредитация в МИД РК (Венская конвенция о дипломатических сношениях 1961 г.); не приказ № 923",
        "Accreditation by the Ministry of Foreign Affairs (Vienna Convention on Diplomatic Relations, 1961); not Order 923",
    );
    pub const POLICY: Basis = basis(
        &["policy:options"],
        "осы тексерудің мерзімдерді түсіндіру баптаулары",
        "настройки толкования сроков этой проверки",
        "the checker's policy options",
    );
    pub const REGIME_DATA: Basis = basis(
        &["data:visa-regimes"],
        "болу режимдері туралы деректер (сенімділігі төмен)",
        "данные о режимах пребывания (низкая достоверность)",
        "visa-regime data of low confidence",
    );
}

use bases::*;

/// A code's entry, without its code string (filled in by `spec`, from the one table of codes).
const fn spec(
    severity: Severity,
    basis: Basis,
    kk: &'static str,
    ru: &'static str,
    en: &'static str,
) -> CodeSpec {
    CodeSpec {
        code: "",
        severity,
        basis,
        text: Text { kk, ru, en },
    }
}

impl FindingCode {
    /// Severity, basis and message of this code.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::i18n::Lang;
    /// use tirkeu::rules::FindingCode;
    /// let spec = FindingCode::HostIdInvalid.spec();
    /// assert_eq!(spec.code, "host.id.invalid");
    /// assert_eq!(spec.basis.text.get(Lang::En), "Order 923, Rules p.3, p.4(1)");
    /// assert_eq!(spec.basis.text.get(Lang::Ru), "Приказ № 923, Правила, п. 3, подп. 1) п. 4");
    /// assert_eq!(spec.basis.refs, ["order923:rules:p3", "order923:rules:p4(1)"]);
    /// ```
    pub fn spec(self) -> CodeSpec {
        use FindingCode as C;
        use Severity::{Error, Info, Warning};
        // Each entry is a constant the match only points at (building the structure in code
        // cost the module 4 KB).
        let entry: &'static CodeSpec = match self {
            // {field}
            C::FieldRequired => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "«{field}» өрісін толтырыңыз.",
                        "Заполните поле «{field}».",
                        "Fill in the field “{field}”.",
                    )
                }
            }
            // {field} {reason}
            C::FieldInvalid => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "«{field}» өрісі қате толтырылған: {reason}.",
                        "Поле «{field}» заполнено неверно: {reason}.",
                        "The field “{field}” is not filled in correctly: {reason}.",
                    )
                }
            }
            // {field} {reason}
            C::NameInvalid => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "«{field}» өрісі қате толтырылған: {reason}.",
                        "Поле «{field}» заполнено неверно: {reason}.",
                        "The field “{field}” is not filled in correctly: {reason}.",
                    )
                }
            }
            // {today}
            C::BirthDateInvalid => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "Нақты туған күнді көрсетіңіз: {today} күнінен кеш емес және одан 120 жылдан ерте емес.",
                        "Укажите существующую дату рождения: не позже {today} и не ранее чем за 120 лет до этой даты.",
                        "Enter a real date of birth, not after {today} and not more than 120 years before it.",
                    )
                }
            }
            C::CitizenshipUnknown => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "Азаматтықты тізімнен таңдаңыз (елдің үш әріпті коды; азаматтығы жоқ адам үшін — XXA).",
                        "Выберите гражданство из списка (трёхбуквенный код страны; для лица без гражданства — XXA).",
                        "Choose the citizenship from the list (a three-letter country code; XXA for a stateless person).",
                    )
                }
            }
            C::CitizenshipKazakhstan => {
                const {
                    &spec(
                        Error,
                        P2_1,
                        "Қазақстан Республикасының азаматтары иммигрант болып саналмайды және осы Қағидалар бойынша тіркелмейді.",
                        "Граждане Республики Казахстан не являются иммигрантами и по этим Правилам не регистрируются.",
                        "Citizens of Kazakhstan are not immigrants and are not registered under these Rules.",
                    )
                }
            }
            // {reason}
            C::PassportNumberInvalid => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "Төлқұжаттың сериясы мен нөмірі қате: {reason}.",
                        "Серия и номер паспорта указаны неверно: {reason}.",
                        "The passport series and number are wrong: {reason}.",
                    )
                }
            }
            C::PassportKindInvalid => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "Төлқұжаттың түрін таңдаңыз: жалпыазаматтық, дипломатиялық немесе қызметтік.",
                        "Выберите вид паспорта: общегражданский, дипломатический или служебный.",
                        "Choose the passport type: ordinary, diplomatic or service.",
                    )
                }
            }
            C::PassportExpiryInvalid => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "Төлқұжаттың жарамдылық мерзімі аяқталатын нақты күнді көрсетіңіз.",
                        "Укажите существующую дату окончания срока действия паспорта.",
                        "Enter a real expiry date of the passport.",
                    )
                }
            }
            // {date} {reason}
            C::PassportExpired => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "Төлқұжаттың жарамдылық мерзімі {date:loc} аяқталған — {reason}.",
                        "Срок действия паспорта истёк {date} — {reason}.",
                        "The passport expired on {date}, {reason}.",
                    )
                }
            }
            // {date} {to}
            C::PassportExpiresDuringStay => {
                const {
                    &spec(
                        Warning,
                        P3_P4_1,
                        "Төлқұжат {date:dat} дейін жарамды, ал болу мерзімі {to:dat} дейін жоспарланған.",
                        "Паспорт действителен по {date}, а пребывание запланировано по {to}.",
                        "The passport is valid until {date}, but the stay is planned until {to}.",
                    )
                }
            }
            // {today}
            C::EntryInvalid => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "Шекарадан өткен нақты күнді көрсетіңіз: {today} күнінен кеш емес және туған күннен ерте емес.",
                        "Укажите существующую дату пересечения границы: не позже {today} и не раньше даты рождения.",
                        "Enter a real date of crossing the border, not after {today} and not before the date of birth.",
                    )
                }
            }
            C::EntryPurposeInvalid => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "Сапардың мақсатын таңдаңыз: жеке, туризм, іскерлік, жұмыс, оқу немесе басқа.",
                        "Выберите цель визита: частная, туризм, деловая, работа, учёба или иная.",
                        "Choose the purpose of the visit: private, tourism, business, work, study or other.",
                    )
                }
            }
            C::ContractInvalid => {
                const {
                    &spec(
                        Error,
                        EAEU_CONTRACT,
                        "Еңбек шартының аяқталу күнін дұрыс көрсетіңіз: ол шекарадан өткен күннен ерте болмауы керек.",
                        "Укажите существующую дату окончания трудового договора: не раньше даты въезда.",
                        "Enter a real end date of the labour contract, not before the entry date.",
                    )
                }
            }
            C::HostKindInvalid => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "Кім қабылдайтынын көрсетіңіз: жеке тұлға (ЖСН) немесе ұйым (БСН).",
                        "Укажите, кто принимает: физическое лицо (ИИН) или организация (БИН).",
                        "Say who provides the place of stay: a person (IIN) or an organisation (BIN).",
                    )
                }
            }
            // {id} {reason}
            C::HostIdInvalid => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "Қабылдаушы тараптың {id} нөмірі қате: {reason}.",
                        "{id} принимающей стороны указан с ошибкой: {reason}.",
                        "The host's {id} is wrong: {reason}.",
                    )
                }
            }
            // {age}
            C::HostMinor => {
                const {
                    &spec(
                        Warning,
                        HOST_ADULT,
                        "ЖСН бойынша қабылдаушы тұлға {age}: 18 жасқа толмаған адам тіркеуді растай алмауы мүмкін.",
                        "По ИИН принимающему лицу {age}: лицо моложе 18 лет может не суметь подтвердить регистрацию.",
                        "By the IIN the host is {age}: a person under 18 may be unable to confirm the registration.",
                    )
                }
            }
            C::AddressRegionUnknown => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "Өңірді тізімнен таңдаңыз: 17 облыстың немесе республикалық маңызы бар 3 қаланың бірі.",
                        "Выберите регион из списка: одну из 17 областей или один из трёх городов республиканского значения.",
                        "Choose the region from the list: one of the 17 regions or the 3 cities of republican significance.",
                    )
                }
            }
            C::AddressPremisesNotResidential => {
                const {
                    &spec(
                        Error,
                        P7,
                        "Тіркеу тек тұруға арналған үй-жайда жүргізіледі: үйде, пәтерде, жатақханада, қонақүйде, демалыс үйінде, шипажайда немесе тұруға пайдаланылатын басқа үй-жайда.",
                        "Регистрация возможна только в жилом помещении: в доме, квартире, общежитии, гостинице, доме отдыха, санатории или ином помещении для проживания.",
                        "Registration is possible only in residential premises: a house, apartment, dormitory, hotel, rest home, sanatorium or other premises used for living.",
                    )
                }
            }
            C::StayPeriodInvalid => {
                const {
                    &spec(
                        Error,
                        P3_P4_1,
                        "Болу мерзімі қате көрсетілген: ол аяқталу күнінен кеш немесе шекарадан өткен күннен ерте басталмауы керек.",
                        "Срок пребывания указан неверно: начало не может быть позже окончания или раньше даты въезда.",
                        "The period of stay is not valid: it may not start after it ends, nor before the entry date.",
                    )
                }
            }
            // {field} {today}
            C::PreviousStaysInvalid => {
                const {
                    &spec(
                        Error,
                        P4_2,
                        "«{field}» өрісін тексеріңіз: келген және кеткен күндер нақты болуы керек, кеткен күн келген күннен ерте емес және {today} күнінен кеш емес.",
                        "Проверьте поле «{field}»: даты въезда и выезда должны существовать, выезд — не раньше въезда и не позже {today}.",
                        "Check “{field}”: the dates of entry and exit must be real, the exit not before the entry and not after {today}.",
                    )
                }
            }
            // {field}
            C::PreviousStaysOverlap => {
                const {
                    &spec(
                        Warning,
                        P4_2,
                        "«{field}» басқа сапармен немесе қазіргі болумен қабаттасады: ортақ күндер бір рет есептелді.",
                        "«{field}» пересекается с другой поездкой или с нынешним пребыванием: общие дни учтены один раз.",
                        "“{field}” overlaps another trip or the current stay: the shared days are counted once.",
                    )
                }
            }
            // {today}
            C::AddressChangeInvalid => {
                const {
                    &spec(
                        Error,
                        P5,
                        "Көшкен нақты күнді көрсетіңіз: шекарадан өткен күннен ерте емес және {today} күнінен кеш емес.",
                        "Укажите существующую дату переезда: не раньше въезда и не позже {today}.",
                        "Enter a real date of the move, not before the entry and not after {today}.",
                    )
                }
            }
            // {field}
            C::PolicyInvalid => {
                const {
                    &spec(
                        Error,
                        POLICY,
                        "«{field}» баптауының мәні белгісіз: әдепкі мән қолданылды.",
                        "Неизвестное значение настройки «{field}»: применено значение по умолчанию.",
                        "Unknown value of the option “{field}”: the default was used.",
                    )
                }
            }
            // {entry}
            C::RulesTransitional => {
                const {
                    &spec(
                        Warning,
                        IN_FORCE,
                        "Шекарадан {entry:loc} өткенсіз, яғни № 923 бұйрық қолданысқа енгізілгенге (2026 жылғы 1 шілде) дейін: осы күнге дейін өтіп кеткен мерзімдер ол бойынша бағаланбайды.",
                        "Въезд {entry} состоялся до вступления в силу приказа № 923 (1 июля 2026 г.): сроки, истёкшие до этой даты, по нему не оцениваются.",
                        "The entry on {entry} was before Order 923 came into force on 1 July 2026: deadlines that fell before that day are not judged under it.",
                    )
                }
            }
            C::HostNotice => {
                const {
                    &spec(
                        Info,
                        HOST_NOTICE,
                        "2026 жылғы 30 маусымға дейін қабылдаушы тарап шетелдіктің келгені туралы көші-қон қызметіне 3 жұмыс күні ішінде хабарлауға міндетті болды. Бұл міндет 2026 жылғы 1 шілдеден кейін де сақтала ма, белгіленбеген: көші-қон қызметінен нақтылаңыз.",
                        "До 30 июня 2026 г. принимающая сторона была обязана уведомить миграционную службу о прибытии иностранца в течение 3 рабочих дней. Сохраняется ли эта обязанность после 1 июля 2026 г., не установлено: уточните в миграционной службе.",
                        "Until 30 June 2026 the host had to notify the migration service of the foreigner's arrival within 3 working days. Whether that duty continues after 1 July 2026 is not established: ask the migration service.",
                    )
                }
            }
            // {date} {days}
            C::DeadlineMissed => {
                const {
                    &spec(
                        Warning,
                        P3_LATE,
                        "Тіркелудің соңғы күні ({date}) өтті, мерзім {days} кешіктірілді. Бәрібір тіркелу қажет; кешіккені үшін әкімшілік жауапкершілік болуы мүмкін (ҚР ӘҚБтК 517-бабы).",
                        "Последний день регистрации ({date}) прошёл, срок пропущен на {days}. Зарегистрироваться всё равно необходимо; за опоздание возможна административная ответственность (ст. 517 КоАП РК).",
                        "The last day to register ({date}) has passed, {days} ago. Registration is still required; late registration may bring administrative liability (Code of Administrative Offences, art. 517).",
                    )
                }
            }
            // {date} {days}
            C::DeadlineDueSoon => {
                const {
                    &spec(
                        Warning,
                        P3,
                        "Тіркелудің соңғы күні — {date} (қоса алғанда): {days} қалды.",
                        "Последний день регистрации — {date} (включительно): до него {days}.",
                        "The last day to register is {date} (included): {days} left.",
                    )
                }
            }
            // {date} {days}
            C::ReRegistrationMissed => {
                const {
                    &spec(
                        Warning,
                        P5_LATE,
                        "Жаңа мекенжай бойынша тіркелудің соңғы күні ({date}) өтті, мерзім {days} кешіктірілді. Бәрібір тіркелу қажет; кешіккені үшін әкімшілік жауапкершілік болуы мүмкін (ҚР ӘҚБтК 517-бабы).",
                        "Последний день регистрации по новому адресу ({date}) прошёл, срок пропущен на {days}. Зарегистрироваться по новому адресу всё равно необходимо; за опоздание возможна административная ответственность (ст. 517 КоАП РК).",
                        "The last day to register at the new address ({date}) has passed, {days} ago. Registration at the new address is still required; late registration may bring administrative liability (Code of Administrative Offences, art. 517).",
                    )
                }
            }
            // {date} {days}
            C::ReRegistrationDueSoon => {
                const {
                    &spec(
                        Warning,
                        P5,
                        "Жаңа мекенжай бойынша тіркелудің соңғы күні — {date} (қоса алғанда): {days} қалды.",
                        "Последний день регистрации по новому адресу — {date} (включительно): до него {days}.",
                        "The last day to register at the new address is {date} (included): {days} left.",
                    )
                }
            }
            // {date}
            C::CalendarProvisional => {
                const {
                    &spec(
                        Warning,
                        CALENDAR,
                        "{date} күні әлі ресми бекітілмеген жұмыс күнтізбесі бойынша есептелді және өзгеруі мүмкін.",
                        "Дата {date} рассчитана по ещё не утверждённому официально производственному календарю и может измениться.",
                        "The date {date} is computed from a working-day calendar not yet officially published and may change.",
                    )
                }
            }
            // {today}
            C::MinorUnder16 => {
                const {
                    &spec(
                        Info,
                        NO_AGE_EXEMPTION,
                        "{today} күні иммигрант 16 жасқа толмаған. № 923 бұйрық балаларды тіркелуден босатпайды.",
                        "На {today} иммигранту нет 16 лет. Приказ № 923 не освобождает детей от регистрации.",
                        "On {today} the immigrant is under 16. Order 923 does not exempt children from registration.",
                    )
                }
            }
            // {date}
            C::TreatyEaeuWorker => {
                const {
                    &spec(
                        Info,
                        EAEU_WORKER,
                        "ЕАЭО-ға мүше мемлекеттің еңбекшісі: еңбек шартының мерзімі ішінде ({date:dat} дейін) болуға болады, ал 180 күннің 90 күні ережесі рұқсат етсе — одан да ұзақ.",
                        "Трудящийся государства — члена ЕАЭС: пребывание разрешено на срок трудового договора (по {date}), а если правило 90 дней из 180 позволяет — и дольше.",
                        "Worker from an EAEU member state: the stay is allowed for the term of the labour contract (until {date}), or longer where the 90-days-in-180 rule allows.",
                    )
                }
            }
            // {to} {date} {days}
            C::StayExceedsLimit => {
                const {
                    &spec(
                        Error,
                        P4_2_STAY,
                        "Жоспарланған болу мерзімі ({to:dat} дейін) рұқсат етілген соңғы күннен ({date}) {days} асып кетеді.",
                        "Планируемое пребывание (по {to}) выходит за последний разрешённый день ({date}) на {days}.",
                        "The planned stay (until {to}) goes {days} beyond the last allowed day ({date}).",
                    )
                }
            }
            // {date} {days}
            C::StayOverstayed => {
                const {
                    &spec(
                        Error,
                        P4_2,
                        "Болу мерзімі бұзылған: рұқсат етілген соңғы күн — {date}, асып кеткені — {days}.",
                        "Нарушен срок пребывания: последний разрешённый день — {date}, превышение — {days}.",
                        "The term of stay has been violated: the last allowed day was {date}, exceeded by {days}.",
                    )
                }
            }
            // {country}
            C::RegimeUnconfirmed => {
                const {
                    &spec(
                        Warning,
                        REGIME_DATA,
                        "{country} азаматтығы үшін болу режимі ескірген не қайшылықты дереккөздер бойынша анықталған: нәтижеге сүйенбес бұрын оны көші-қон қызметінен нақтылаңыз.",
                        "Режим пребывания граждан страны «{country}» определён по устаревшим или противоречивым источникам: уточните его в миграционной службе, прежде чем полагаться на результат.",
                        "The stay regime for citizens of {country} comes from old or conflicting sources: confirm it with the migration service before relying on this result.",
                    )
                }
            }
        };
        CodeSpec {
            code: self.as_str(),
            ..*entry
        }
    }
}

impl ObligationCode {
    /// Basis and message of this obligation code.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::i18n::Lang;
    /// use tirkeu::rules::ObligationCode;
    /// let basis = ObligationCode::RegistrationRequired.spec().basis;
    /// assert_eq!(basis.text.get(Lang::En), "Order 923, Rules p.3");
    /// assert_eq!(basis.text.get(Lang::Kk), "№ 923 бұйрық, Қағидалар, 3-т.");
    /// ```
    pub fn spec(self) -> CodeSpec {
        use ObligationCode as C;
        use Severity::Info;
        // Each entry is a constant the match only points at (building the structure in code
        // cost the module 4 KB).
        let entry: &'static CodeSpec = match self {
            C::RegistrationRequired => {
                const {
                    &spec(
                        Info,
                        P3,
                        "Тіркелу міндетті: Мемлекеттік шекарадан өткен күннен бастап отызыншы күнтізбелік күннен кешіктірмей.",
                        "Регистрация обязательна: не позднее тридцатого календарного дня со дня пересечения Государственной границы.",
                        "Registration is required: not later than the thirtieth calendar day from crossing the State border.",
                    )
                }
            }
            C::RegistrationNotRequired => {
                const {
                    &spec(
                        Info,
                        P3,
                        "Тіркелу қажет емес: болу мерзіміңіз тіркелуге берілген мерзім біткенге дейін (не сол күні) аяқталады.",
                        "Регистрация не нужна: вы уезжаете не позднее последнего дня, отведённого на регистрацию.",
                        "Registration is not required: the stay ends on or before the last day for registering.",
                    )
                }
            }
            C::ExemptDiplomatic => {
                const {
                    &spec(
                        Info,
                        DIPLOMATIC,
                        "Дипломатиялық және қызметтік төлқұжат иелері Сыртқы істер министрлігінде аккредиттеу арқылы есепке алынады (Дипломатиялық қатынастар туралы Вена конвенциясы); № 923 бұйрықта мұндай босату аталмаған.",
                        "Владельцы дипломатических и служебных паспортов учитываются через аккредитацию в Министерстве иностранных дел (Венская конвенция о дипломатических сношениях); сам приказ № 923 такого освобождения не называет.",
                        "Holders of diplomatic and service passports are accounted for through their accreditation with the Ministry of Foreign Affairs (Vienna Convention on Diplomatic Relations); Order 923 itself names no such exemption.",
                    )
                }
            }
            C::ExemptMinor => {
                const {
                    &spec(
                        Info,
                        MINOR_POLICY,
                        "16 жасқа толмаған иммигрант таңдалған түсіндіру бойынша тіркелуден босатылған (бұрынғы қағидаларда солай болған; № 923 бұйрықта мұндай босату аталмаған).",
                        "Иммигрант младше 16 лет освобождён от регистрации по выбранному толкованию (так было в прежних правилах; приказ № 923 такого освобождения не называет).",
                        "The immigrant is under 16 and exempt from registration under the chosen reading (as under the earlier rules; Order 923 names no such exemption).",
                    )
                }
            }
            C::NotCoveredShortStay => {
                const {
                    &spec(
                        Info,
                        SHORT_STAY,
                        "№ 923 бұйрық бойынша тіркеу 90 күнге дейін визасыз болатын мемлекеттердің азаматтарына қатысты; бұл азаматтық үшін болу мерзімінің өзі шектелген (30 немесе 14 күн).",
                        "Регистрация по приказу № 923 касается граждан государств с безвизовым пребыванием до 90 дней; для этого гражданства ограничен сам срок пребывания (30 или 14 дней).",
                        "Registration under Order 923 concerns citizens of states with a visa-free stay of up to 90 days; for this citizenship the stay itself is limited (30 or 14 days).",
                    )
                }
            }
            C::NotCoveredVisa => {
                const {
                    &spec(
                        Info,
                        P3_SCOPE,
                        "№ 923 бұйрықта визамен келетін адамдар мен азаматтығы жоқ адамдар туралы айтылмаған: олардың болуы визамен немесе рұқсатпен айқындалады.",
                        "Приказ № 923 не говорит о въезжающих по визе и о лицах без гражданства: их пребывание определяется визой или разрешением.",
                        "Order 923 does not address visa holders or stateless persons: their stay is governed by the visa or permit.",
                    )
                }
            }
            C::NotImmigrant => {
                const {
                    &spec(
                        Info,
                        P2_1,
                        "Қазақстан азаматы иммигрант болып саналмайды.",
                        "Гражданин Казахстана не является иммигрантом.",
                        "A citizen of Kazakhstan is not an immigrant.",
                    )
                }
            }
        };
        CodeSpec {
            code: self.as_str(),
            ..*entry
        }
    }
}

/// The parts filled into `{reason}`, `{id}` and the other placeholders whose value is itself a
/// text in the message's language.
pub(crate) mod reasons {
    use crate::i18n::Text;

    const fn text(kk: &'static str, ru: &'static str, en: &'static str) -> Text {
        Text { kk, ru, en }
    }

    // host.id.invalid: {id}
    pub const IIN: Text = text("ЖСН", "ИИН", "IIN");
    pub const BIN: Text = text("БСН", "БИН", "BIN");
    pub const EITHER: Text = text("ЖСН/БСН", "ИИН/БИН", "IIN/BIN");

    // host.id.invalid: {reason}
    pub const ID_FORMAT: Text = text(
        "12 цифр болуы керек",
        "нужно 12 цифр",
        "it must be 12 digits",
    );
    pub const ID_NEVER_ISSUED: Text = text(
        "мұндай нөмір берілмейді (бақылау цифры 10 болар еді)",
        "такие номера не выдаются (контрольная цифра была бы 10)",
        "such numbers are never issued (the check digit would be 10)",
    );
    pub const ID_CHECK_DIGIT: Text = text(
        "бақылау цифры сәйкес келмейді",
        "неверная контрольная цифра",
        "the check digit is wrong",
    );
    pub const ID_CENTURY: Text = text(
        "7-цифр 1-ден 6-ға дейін болуы керек (туған ғасыры мен жынысы)",
        "7-я цифра должна быть от 1 до 6 (век рождения и пол)",
        "digit 7 must be 1 to 6 (century of birth and sex)",
    );
    pub const ID_BIRTH_DATE: Text = text(
        "алғашқы 6 цифр нақты туған күнді білдірмейді",
        "первые 6 цифр не образуют существующую дату рождения",
        "digits 1 to 6 are not a real date of birth",
    );
    pub const ID_BIN_MONTH: Text = text(
        "3-және 4-цифрлар тіркелген айды білдіруі керек (01–12)",
        "3-я и 4-я цифры должны быть месяцем регистрации (01–12)",
        "digits 3 and 4 must be the month of registration (01 to 12)",
    );
    pub const ID_BIN_KIND: Text = text(
        "5-цифр 4, 5 немесе 6 болуы керек (заңды тұлғаның түрі)",
        "5-я цифра должна быть 4, 5 или 6 (вид юридического лица)",
        "digit 5 must be 4, 5 or 6 (the kind of legal entity)",
    );
    pub const ID_LOOKS_LIKE_IIN: Text = text(
        "бұл жеке тұлғаның ЖСН-іне ұқсайды, ал ұйым үшін БСН керек",
        "это похоже на ИИН физического лица, а для организации нужен БИН",
        "it looks like a person's IIN; an organisation has a BIN",
    );

    // name.invalid and field.invalid: {reason} ({max} filled first)
    pub const PERSON_NAME: Text = text(
        "тек әріптер, бос орын, дефис, апостроф және нүкте жазылады, 1-ден {max} таңбаға дейін",
        "допускаются только буквы, пробел, дефис, апостроф и точка, от 1 до {max} символов",
        "use only letters, spaces, hyphens, apostrophes and dots, 1 to {max} characters",
    );
    pub const ORGANISATION_NAME: Text = text(
        "әріптер, цифрлар, бос орын және . , - ' \" « » ( ) & № / + таңбалары жазылады, 1-ден {max} таңбаға дейін",
        "допускаются буквы, цифры, пробел и знаки . , - ' \" « » ( ) & № / +, от 1 до {max} символов",
        "use letters, digits, spaces and . , - ' \" « » ( ) & № / +, 1 to {max} characters",
    );
    pub const FORBIDDEN_CHARACTERS: Text = text(
        "онда көрінбейтін немесе басқарушы таңбалар бар",
        "в нём есть невидимые или управляющие символы",
        "it holds invisible or control characters",
    );
    pub const MIXED_SCRIPTS: Text = text(
        "бір сөзде латын және кирилл әріптері араласып тұр",
        "в одном слове смешаны латинские и кириллические буквы",
        "a word mixes Latin and Cyrillic letters",
    );
    pub const NOT_TEXT: Text = text(
        "мәні мәтін болуы керек",
        "значение должно быть текстом",
        "the value must be text",
    );

    // passport.number.invalid: {reason} ({letters} filled first)
    pub const PASSPORT_CHARACTERS: Text = text(
        "тек латынның бас әріптері мен цифрлар, 5-тен 20 таңбаға дейін (бос орындар есептелмейді)",
        "допускаются только заглавные латинские буквы и цифры, от 5 до 20 знаков (пробелы не учитываются)",
        "use only capital Latin letters and digits, 5 to 20 of them (spaces aside)",
    );
    pub const PASSPORT_CYRILLIC: Text = text(
        "{letters} әріптері кириллицамен терілген — оларды латынша теріңіз",
        "буквы {letters} набраны кириллицей — наберите их латиницей",
        "the letters {letters} are typed in Cyrillic: type them in Latin",
    );

    /// Every text of this module, for the tests of every message.
    #[cfg(test)]
    pub const ALL: &[Text] = &[
        IIN,
        BIN,
        EITHER,
        ID_FORMAT,
        ID_NEVER_ISSUED,
        ID_CHECK_DIGIT,
        ID_CENTURY,
        ID_BIRTH_DATE,
        ID_BIN_MONTH,
        ID_BIN_KIND,
        ID_LOOKS_LIKE_IIN,
        PERSON_NAME,
        ORGANISATION_NAME,
        FORBIDDEN_CHARACTERS,
        MIXED_SCRIPTS,
        NOT_TEXT,
        PASSPORT_CHARACTERS,
        PASSPORT_CYRILLIC,
        EXPIRED_BEFORE_ENTRY,
        EXPIRED_BEFORE_TODAY,
    ];

    // passport.expired: {reason} ({entry} or {today} filled first)
    pub const EXPIRED_BEFORE_ENTRY: Text = text(
        "шекарадан өткен күнге ({entry}) дейін",
        "до въезда в страну ({entry})",
        "before the entry ({entry})",
    );
    pub const EXPIRED_BEFORE_TODAY: Text = text(
        "тексеру күніне ({today}) дейін",
        "до даты проверки ({today})",
        "before the date of the check ({today})",
    );
}
