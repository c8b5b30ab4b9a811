//! Every finding and obligation code, with its severity, legal basis and message in Kazakh,
//! Russian and English: one table, next to the codes.
//!
//! Messages are templates: `{name}` placeholders are filled when the finding is made. Each
//! template uses only the values its code is always given (listed in the comment above it).

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
    /// The legal basis (a clause string).
    pub basis: &'static str,
    /// The message template.
    pub text: Text,
}

macro_rules! codes {
    (
        $(#[$enum_meta:meta])* pub enum $name:ident {
            $( $(#[$meta:meta])* $variant:ident = $code:literal, )*
        }
    ) => {
        $(#[$enum_meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$meta])* #[serde(rename = $code)] $variant, )*
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
    /// The code of a finding (rules.md sections 1-6).
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
        /// The passport expired before the entry.
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
        /// The entry was before Order 923 came into force.
        RulesTransitional = "rules.transitional",
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
        /// An EAEU worker: the stay is the term of the labour contract.
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
    /// The code of an obligation (rules.md section 1).
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

const P3: &str = "Order 923, Rules p.3";
const P3_P41: &str = "Order 923, Rules p.3, p.4(1)";
const P3_P42: &str = "Order 923, Rules p.3, p.4(2)";
const P42: &str = "Order 923, Rules p.4(2)";
const P5: &str = "Order 923, Rules p.5";

const fn spec(
    code: &'static str,
    severity: Severity,
    basis: &'static str,
    kk: &'static str,
    ru: &'static str,
    en: &'static str,
) -> CodeSpec {
    CodeSpec {
        code,
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
    /// use tirkeu::rules::FindingCode;
    /// let spec = FindingCode::HostIdInvalid.spec();
    /// assert_eq!(spec.code, "host.id.invalid");
    /// assert_eq!(spec.basis, "Order 923, Rules p.3, p.4(1)");
    /// ```
    pub fn spec(self) -> CodeSpec {
        use FindingCode as C;
        use Severity::{Error, Info, Warning};
        let code = self.as_str();
        match self {
            // {field}
            C::FieldRequired => spec(
                code,
                Error,
                P3_P41,
                "Міндетті өріс толтырылмаған: {field}.",
                "Не заполнено обязательное поле: {field}.",
                "A required field is empty: {field}.",
            ),
            // {field}
            C::FieldInvalid => spec(
                code,
                Error,
                P3_P41,
                "Өрістің түрі немесе пішімі дұрыс емес: {field}.",
                "Неверный тип или формат поля: {field}.",
                "A field has the wrong type or format: {field}.",
            ),
            // {max}
            C::NameInvalid => spec(
                code,
                Error,
                P3_P41,
                "Атау тек әріптерден, бос орыннан, дефистен, апострофтан және нүктеден тұруы керек, ұзындығы 1-ден {max} таңбаға дейін.",
                "Имя может содержать только буквы, пробелы, дефисы, апострофы и точки, длиной от 1 до {max} символов.",
                "A name may contain only letters, spaces, hyphens, apostrophes and dots, 1 to {max} characters long.",
            ),
            // {today}
            C::BirthDateInvalid => spec(
                code,
                Error,
                P3_P41,
                "Туған күні нақты күн болуы керек: {today} күнінен кеш емес және одан 120 жылдан ерте емес.",
                "Дата рождения должна быть существующей датой, не позже {today} и не ранее чем за 120 лет до неё.",
                "The date of birth must be a real date, not after {today} and not more than 120 years before it.",
            ),
            C::CitizenshipUnknown => spec(
                code,
                Error,
                P3_P41,
                "Азаматтық ISO 3166-1 бойынша үш әріпті ел кодымен, ал азаматтығы жоқ адам үшін XXA кодымен көрсетіледі.",
                "Гражданство указывается трёхбуквенным кодом страны по ISO 3166-1, для лица без гражданства - кодом XXA.",
                "Citizenship must be an ISO 3166-1 alpha-3 country code, or XXA for a stateless person.",
            ),
            C::CitizenshipKazakhstan => spec(
                code,
                Error,
                "Order 923, Rules p.2(1)",
                "Қазақстан Республикасының азаматы иммигрант болып табылмайды және осы Қағидалар бойынша тіркелмейді.",
                "Гражданин Республики Казахстан не является иммигрантом и не регистрируется по этим Правилам.",
                "A citizen of Kazakhstan is not an immigrant and is not registered under these Rules.",
            ),
            C::PassportNumberInvalid => spec(
                code,
                Error,
                P3_P41,
                "Төлқұжаттың сериясы мен нөмірі бос орынсыз 5-тен 20-ға дейін латынның бас әріптері мен цифрлардан тұруы керек.",
                "Серия и номер паспорта должны состоять из 5-20 заглавных латинских букв и цифр (без пробелов).",
                "The passport series and number must be 5 to 20 capital Latin letters and digits (spaces aside).",
            ),
            C::PassportKindInvalid => spec(
                code,
                Error,
                P3_P41,
                "Төлқұжат түрі: ordinary (қарапайым), diplomatic (дипломатиялық) немесе service (қызметтік).",
                "Вид паспорта: ordinary (общегражданский), diplomatic (дипломатический) или service (служебный).",
                "The passport kind must be ordinary, diplomatic or service.",
            ),
            C::PassportExpiryInvalid => spec(
                code,
                Error,
                P3_P41,
                "Төлқұжаттың жарамдылық мерзімі ЖЖЖЖ-АА-КК пішіміндегі нақты күн болуы керек.",
                "Срок действия паспорта должен быть существующей датой в формате ГГГГ-ММ-ДД.",
                "The passport expiry must be a real date of the form YYYY-MM-DD.",
            ),
            // {date} {entry}
            C::PassportExpired => spec(
                code,
                Error,
                P3_P41,
                "Төлқұжаттың мерзімі {date} аяқталған, яғни {entry} шекарадан өткенге дейін.",
                "Срок действия паспорта истёк {date}, то есть до въезда {entry}.",
                "The passport expired on {date}, before the entry on {entry}.",
            ),
            // {date} {to}
            C::PassportExpiresDuringStay => spec(
                code,
                Warning,
                P3_P41,
                "Төлқұжат {date} дейін жарамды, бұл болу мерзімінің соңынан ({to}) ерте.",
                "Паспорт действителен до {date}, то есть меньше срока пребывания (до {to}).",
                "The passport expires on {date}, before the end of the stay on {to}.",
            ),
            // {today}
            C::EntryInvalid => spec(
                code,
                Error,
                P3_P41,
                "Кірген күні нақты күн болуы керек: {today} күнінен кеш емес және туған күнінен ерте емес.",
                "Дата въезда должна быть существующей датой, не позже {today} и не раньше даты рождения.",
                "The entry date must be a real date, not after {today} and not before the date of birth.",
            ),
            C::EntryPurposeInvalid => spec(
                code,
                Error,
                P3_P41,
                "Келу мақсаты: private, tourism, business, work, study немесе other.",
                "Цель въезда: private, tourism, business, work, study или other.",
                "The purpose of entry must be private, tourism, business, work, study or other.",
            ),
            C::ContractInvalid => spec(
                code,
                Error,
                "Treaty on the EAEU art.97(8)",
                "Еңбек шартының аяқталу күні нақты күн болуы керек және кірген күнінен ерте болмауы керек.",
                "Дата окончания трудового договора должна быть существующей датой не раньше даты въезда.",
                "The end of the labour contract must be a real date, not before the entry date.",
            ),
            C::HostKindInvalid => spec(
                code,
                Error,
                P3_P41,
                "Қабылдаушы тарап: person (жеке тұлға, ЖСН) немесе organization (ұйым, БСН).",
                "Принимающая сторона: person (физическое лицо, ИИН) или organization (организация, БИН).",
                "The host must be a person (IIN) or an organization (BIN).",
            ),
            // {id} {reason}
            C::HostIdInvalid => spec(
                code,
                Error,
                P3_P41,
                "Қабылдаушы тараптың {id} жарамсыз: {reason}.",
                "{id} принимающей стороны недействителен: {reason}.",
                "The host's {id} is not valid: {reason}.",
            ),
            // {age}
            C::HostMinor => spec(
                code,
                Warning,
                "Order 923, Rules p.3 (host's consent); eGov service: hosts aged 18 or over",
                "ЖСН бойынша қабылдаушы тұлғаның жасы {age}: 18 жасқа толмаған адам тіркеуді растай алмауы мүмкін.",
                "По ИИН принимающему лицу {age} лет: лицо моложе 18 лет может не иметь возможности подтвердить регистрацию.",
                "By the IIN the host is {age} years old: a person under 18 may be unable to confirm the registration.",
            ),
            C::AddressRegionUnknown => spec(
                code,
                Error,
                P3_P41,
                "Белгісіз өңір коды: 20 облыс пен республикалық маңызы бар қаланың бірін таңдаңыз.",
                "Неизвестный код региона: выберите одну из 17 областей или трёх городов республиканского значения.",
                "Unknown region code: choose one of the 17 regions or the 3 cities of republican significance.",
            ),
            C::AddressPremisesNotResidential => spec(
                code,
                Error,
                "Order 923, Rules p.7",
                "Тіркеу тек тұрғын үй-жайларда жүргізіледі: үй, пәтер, жатақхана, қонақүй, демалыс үйі, шипажай немесе тұруға пайдаланылатын басқа үй-жай.",
                "Регистрация возможна только в жилых помещениях: дом, квартира, общежитие, гостиница, дом отдыха, санаторий или иное помещение для проживания.",
                "Registration is possible only in residential premises: a house, apartment, dormitory, hotel, rest home, sanatorium or other premises used for living.",
            ),
            C::StayPeriodInvalid => spec(
                code,
                Error,
                P3_P41,
                "Болу мерзімі дұрыс емес: басталу күні аяқталу күнінен кеш және кірген күнінен ерте болмауы керек.",
                "Неверный срок пребывания: начало не может быть позже окончания или раньше даты въезда.",
                "The period of stay is not valid: it may not start after it ends, nor before the entry date.",
            ),
            // {today}
            C::PreviousStaysInvalid => spec(
                code,
                Error,
                P42,
                "Бұрынғы сапардың кірген және шыққан күндері нақты күн болуы керек, шыққан күні кірген күнінен ерте және {today} күнінен кеш болмауы керек.",
                "У прежней поездки должны быть существующие даты въезда и выезда; выезд не раньше въезда и не позже {today}.",
                "An earlier stay needs real entry and exit dates, the exit not before the entry and not after {today}.",
            ),
            C::PreviousStaysOverlap => spec(
                code,
                Warning,
                P42,
                "Бұл сапар басқа сапармен қабаттасады: ортақ күндер бір рет есептеледі.",
                "Эта поездка пересекается с другой: общие дни учтены один раз.",
                "This stay overlaps another stay: the shared days are counted once.",
            ),
            // {today}
            C::AddressChangeInvalid => spec(
                code,
                Error,
                P5,
                "Көшу күні нақты күн болуы керек: кірген күнінен ерте емес және {today} күнінен кеш емес.",
                "Дата переезда должна быть существующей датой не раньше въезда и не позже {today}.",
                "The date of the move must be a real date, not before the entry and not after {today}.",
            ),
            // {default}
            C::PolicyInvalid => spec(
                code,
                Error,
                "rules.md section 6 (policy options)",
                "Саясат параметрінің мәні белгісіз; әдепкі мән ({default}) қолданылды.",
                "Неизвестное значение параметра политики; применено значение по умолчанию ({default}).",
                "Unknown value of a policy option; the default ({default}) was used.",
            ),
            // {entry}
            C::RulesTransitional => spec(
                code,
                Warning,
                "Order 923 p.4 (in force from 2026-07-01)",
                "{entry} кіру 923 бұйрық күшіне енгенге (2026 жылғы 1 шілде) дейін болған: мерзім анықтама ретінде оның ережелері бойынша есептелді.",
                "Въезд {entry} состоялся до вступления в силу приказа 923 (1 июля 2026 года): срок рассчитан по его правилам для справки.",
                "The entry on {entry} was before Order 923 came into force on 1 July 2026: the deadline is computed under its rules for reference.",
            ),
            // {date}
            C::DeadlineMissed => spec(
                code,
                Error,
                P3_P42,
                "Тіркеу мерзімі ({date}) өтіп кетті: бұл тіркеуден бас тартуға негіз және әкімшілік құқық бұзушылық.",
                "Срок регистрации ({date}) пропущен: это основание для отказа в регистрации и административное правонарушение.",
                "The registration deadline ({date}) has passed: a ground for refusal and an administrative offence.",
            ),
            // {date} {days}
            C::DeadlineDueSoon => spec(
                code,
                Warning,
                P3,
                "{date} дейін тіркеліңіз: қалған күн саны {days}.",
                "Зарегистрируйтесь до {date}: осталось дней: {days}.",
                "Register by {date}: {days} day(s) left.",
            ),
            // {date}
            C::ReRegistrationMissed => spec(
                code,
                Error,
                P5,
                "Жаңа мекенжай бойынша тіркелудің бес жұмыс күндік мерзімі ({date}) өтіп кетті.",
                "Пропущен срок регистрации по новому адресу в пять рабочих дней ({date}).",
                "The five-working-day deadline for registering at the new address ({date}) has passed.",
            ),
            // {date} {days}
            C::ReRegistrationDueSoon => spec(
                code,
                Warning,
                P5,
                "Жаңа мекенжай бойынша {date} дейін тіркеліңіз: қалған жұмыс күні: {days}.",
                "Зарегистрируйтесь по новому адресу до {date}: осталось рабочих дней: {days}.",
                "Register at the new address by {date}: {days} working day(s) left.",
            ),
            // {date}
            C::CalendarProvisional => spec(
                code,
                Warning,
                "Law On holidays art.5; Labour Code art.84",
                "{date} күні әлі ресми жарияланбаған жұмыс күнтізбесіне байланысты және өзгеруі мүмкін.",
                "Дата {date} зависит от ещё не опубликованного официально производственного календаря и может измениться.",
                "The date {date} depends on a working-day calendar not yet officially published and may change.",
            ),
            // {today}
            C::MinorUnder16 => spec(
                code,
                Info,
                "Order 923 (no age exemption); seeds 003, 004 (earlier rules)",
                "{today} күні иммигрант 16 жасқа толмаған: 923 бұйрықта жасқа байланысты босату жоқ.",
                "На {today} иммигранту нет 16 лет: приказ 923 не предусматривает освобождения по возрасту.",
                "On {today} the immigrant is under 16: Order 923 names no exemption by age.",
            ),
            // {date}
            C::TreatyEaeuWorker => spec(
                code,
                Info,
                "Treaty on the EAEU art.97(8),(9)",
                "ЕАЭО еңбеккері: болу мерзімі еңбек шартының мерзіміне ({date} дейін) тең, 90/180 шектеуі қолданылмайды.",
                "Трудящийся ЕАЭС: срок пребывания равен сроку трудового договора (до {date}), ограничение 90/180 не применяется.",
                "EAEU worker: the stay lasts for the term of the labour contract (until {date}); the 90/180 limit does not apply.",
            ),
            // {to} {date} {days}
            C::StayExceedsLimit => spec(
                code,
                Error,
                "Order 923, Rules p.4(2); Rules of entry and stay No.148",
                "Жоспарланған болу ({to} дейін) соңғы рұқсат етілген күннен ({date}) {days} күнге асады.",
                "Планируемое пребывание (до {to}) превышает последний разрешённый день ({date}) на {days} дн.",
                "The planned stay (until {to}) goes {days} day(s) beyond the last allowed day ({date}).",
            ),
            // {date} {days}
            C::StayOverstayed => spec(
                code,
                Error,
                P42,
                "Болу мерзімі бұзылған: соңғы рұқсат етілген күн {date} болды, асып кеткен күн саны {days}.",
                "Нарушен срок пребывания: последний разрешённый день был {date}, превышение: {days} дн.",
                "The term of stay has been violated: the last allowed day was {date}, exceeded by {days} day(s).",
            ),
            // {country} {basis}
            C::RegimeUnconfirmed => spec(
                code,
                Warning,
                "visa-regimes.csv (confidence: low)",
                "{country} үшін болу режимі ескі немесе қайшылықты дереккөздерден алынған ({basis}): нәтижеге сүйенбес бұрын тексеріңіз.",
                "Режим пребывания для {country} взят из устаревших или противоречивых источников ({basis}): проверьте его, прежде чем полагаться на результат.",
                "The stay regime for {country} comes from old or conflicting sources ({basis}): confirm it before relying on this result.",
            ),
        }
    }
}

impl ObligationCode {
    /// Basis and message of this obligation code.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::rules::ObligationCode;
    /// assert_eq!(ObligationCode::RegistrationRequired.spec().basis, "Order 923, Rules p.3");
    /// ```
    pub fn spec(self) -> CodeSpec {
        use ObligationCode as C;
        use Severity::Info;
        let code = self.as_str();
        match self {
            C::RegistrationRequired => spec(
                code,
                Info,
                P3,
                "Тіркелу міндетті: шекарадан өткен күннен бастап отызыншы күнтізбелік күннен кешіктірмей.",
                "Регистрация обязательна: не позднее тридцатого календарного дня со дня пересечения границы.",
                "Registration is required: not later than the thirtieth calendar day from crossing the border.",
            ),
            C::RegistrationNotRequired => spec(
                code,
                Info,
                P3,
                "Тіркелу талап етілмейді: болу тіркеу мерзімі аяқталғанға дейін немесе сол күні аяқталады.",
                "Регистрация не требуется: пребывание заканчивается не позднее последнего дня срока регистрации.",
                "Registration is not required: the stay ends on or before the last day for registering.",
            ),
            C::ExemptDiplomatic => spec(
                code,
                Info,
                "diplomatic and service passports (seed 003; policy diplomaticExempt)",
                "Дипломатиялық немесе қызметтік төлқұжат иесі тіркелуден босатылған.",
                "Владелец дипломатического или служебного паспорта освобождён от регистрации.",
                "The holder of a diplomatic or service passport is exempt from registration.",
            ),
            C::ExemptMinor => spec(
                code,
                Info,
                "earlier rules, seeds 003, 004 (policy under16Exempt)",
                "16 жасқа толмаған иммигрант тіркелуден босатылған (under16Exempt саясаты).",
                "Иммигрант младше 16 лет освобождён от регистрации (политика under16Exempt).",
                "The immigrant is under 16 and exempt from registration (policy under16Exempt).",
            ),
            C::NotCoveredShortStay => spec(
                code,
                Info,
                "Order 923, Rules p.3 (scope); Rules of entry and stay No.148",
                "923 бұйрық бойынша тіркеу 90 күндік визасыз режимге қатысты; бұл режимде болу мерзімінің өзі шектеулі.",
                "Регистрация по приказу 923 касается 90-дневного безвизового режима; при этом режиме ограничен сам срок пребывания.",
                "Registration under Order 923 concerns the 90-day visa-free regime; under this regime the stay itself is limited.",
            ),
            C::NotCoveredVisa => spec(
                code,
                Info,
                "Order 923, Rules p.3 (scope)",
                "Болу визамен немесе рұқсатпен реттеледі: 923 бұйрық бойынша тіркеу қолданылмайды.",
                "Пребывание регулируется визой или разрешением: регистрация по приказу 923 не применяется.",
                "The stay is governed by the visa or permit: registration under Order 923 does not apply.",
            ),
            C::NotImmigrant => spec(
                code,
                Info,
                "Order 923, Rules p.2(1)",
                "Қазақстан азаматы иммигрант емес.",
                "Гражданин Казахстана не является иммигрантом.",
                "A citizen of Kazakhstan is not an immigrant.",
            ),
        }
    }
}

/// Texts for the reasons an IIN or BIN is not valid (filled into `host.id.invalid`).
pub(crate) mod id_reason {
    use crate::i18n::Text;

    pub const FORMAT: Text = Text {
        kk: "12 цифр болуы керек",
        ru: "должно быть 12 цифр",
        en: "it must be 12 digits",
    };
    pub const NEVER_ISSUED: Text = Text {
        kk: "мұндай нөмір берілмейді (бақылау разряды 10)",
        ru: "такой номер не выдаётся (контрольный разряд 10)",
        en: "such a number is never issued (check digit 10)",
    };
    pub const CHECK_DIGIT: Text = Text {
        kk: "бақылау разряды сәйкес емес",
        ru: "не сходится контрольный разряд",
        en: "the check digit is wrong",
    };
    pub const CENTURY: Text = Text {
        kk: "7-цифр 1-6 болуы керек (ғасыр мен жыныс)",
        ru: "7-я цифра должна быть 1-6 (век и пол)",
        en: "digit 7 must be 1-6 (century and sex)",
    };
    pub const BIRTH_DATE: Text = Text {
        kk: "алғашқы 6 цифр нақты туған күн емес",
        ru: "первые 6 цифр не являются реальной датой рождения",
        en: "digits 1-6 are not a real date of birth",
    };
    pub const IIN: Text = Text {
        kk: "ЖСН",
        ru: "ИИН",
        en: "IIN",
    };
    pub const BIN: Text = Text {
        kk: "БСН",
        ru: "БИН",
        en: "BIN",
    };
    pub const EITHER: Text = Text {
        kk: "ЖСН/БСН",
        ru: "ИИН/БИН",
        en: "IIN/BIN",
    };
}
