//! The application (the input of the rules engine), read leniently from JSON.
//!
//! A form sends whatever the user has typed so far. Reading therefore never fails on a field:
//! each field is [`Field::Missing`] (absent, `null` or blank), [`Field::Unreadable`] (present but
//! of the wrong type, an impossible date such as `2026-02-30`, an unknown enumeration value; the
//! value is kept as it was) or [`Field::Value`]. The checks turn the first two into findings
//! (`field.required`, `birth_date.invalid`, ...). Only input that is not a JSON object at all is
//! an error ([`InputError`]).
//!
//! A section that is not an object (`"immigrant": "x"`) is read as if it were empty, so that
//! every required field in it is reported by its own dotted path.

use core::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::json_reader::Json;

use crate::date::Date;

/// One field of the application as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Field<T> {
    /// Absent, `null`, or a blank string.
    #[default]
    Missing,
    /// Present, but not readable as this field: kept as received.
    Unreadable(Value),
    /// Read.
    Value(T),
}

impl<T> Field<T> {
    /// The value, if read.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::rules::Field;
    /// assert_eq!(Field::Value(3).value(), Some(&3));
    /// assert_eq!(Field::<i32>::Missing.value(), None);
    /// ```
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value(value) => Some(value),
            _ => None,
        }
    }

    /// Whether the field is absent, `null` or blank.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::rules::Field;
    /// assert!(Field::<String>::Missing.is_missing());
    /// assert!(!Field::<String>::Unreadable(serde_json::json!(1)).is_missing());
    /// ```
    pub fn is_missing(&self) -> bool {
        matches!(self, Field::Missing)
    }
}

impl<T: Copy> Field<T> {
    /// A copy of the value, if read.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::rules::Field::Value(true).get(), Some(true));
    /// ```
    pub fn get(&self) -> Option<T> {
        self.value().copied()
    }
}

impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Missing => serializer.serialize_none(),
            Field::Unreadable(value) => value.serialize(serializer),
            Field::Value(value) => value.serialize(serializer),
        }
    }
}

/// Input that cannot be read as an application at all.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputError {
    /// The JSON value is not an object.
    NotAnObject {
        /// The JSON type found: `null`, `boolean`, `number`, `string` or `array`.
        found: &'static str,
    },
}

impl InputError {
    /// The text of `Display`, built without core's formatting: the rules' WebAssembly module
    /// makes its error messages from it, and holds no `core::fmt` for them.
    pub(crate) fn message(&self) -> String {
        match self {
            InputError::NotAnObject { found } => {
                ["an application must be a JSON object, found ", found].concat()
            }
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for InputError {}

/// `passport.kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PassportKind {
    /// An ordinary (national) passport.
    Ordinary,
    /// A diplomatic passport.
    Diplomatic,
    /// A service passport.
    Service,
}

/// `entry.purpose`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Private visit.
    Private,
    /// Tourism.
    Tourism,
    /// Business.
    Business,
    /// Work (employment).
    Work,
    /// Study.
    Study,
    /// Anything else.
    Other,
}

/// `host.kind`: who provides the place of stay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HostKind {
    /// A person, identified by an IIN.
    Person,
    /// An organisation, identified by a BIN.
    Organization,
}

/// `policy.deadlineCounting`: how "not later than the thirtieth calendar day" is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum DeadlineCounting {
    /// The crossing day is day 1: register by entry + 29 days (default).
    #[default]
    EntryDayIsDayOne,
    /// Civil Code: the period starts the next day and a last day off moves to the next working day.
    CivilCode,
}

impl DeadlineCounting {
    /// The reading as written in the application and the report: `entry_day_is_day_one` or `civil_code`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::rules::DeadlineCounting::CivilCode.as_str(), "civil_code");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineCounting::EntryDayIsDayOne => "entry_day_is_day_one",
            DeadlineCounting::CivilCode => "civil_code",
        }
    }
}

/// `policy.reRegistrationCounting`: how "within five working days" is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum ReRegistrationCounting {
    /// The move day is not counted; the first working day after it is day 1 (default).
    #[default]
    NextWorkingDayIsDayOne,
    /// The move day is day 1 when it is a working day.
    EventDayCounts,
}

impl ReRegistrationCounting {
    /// The reading as written in the application and the report: `next_working_day_is_day_one` or `event_day_counts`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::rules::ReRegistrationCounting::EventDayCounts.as_str(), "event_day_counts");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ReRegistrationCounting::NextWorkingDayIsDayOne => "next_working_day_is_day_one",
            ReRegistrationCounting::EventDayCounts => "event_day_counts",
        }
    }
}

/// The immigrant.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Immigrant {
    /// Surname (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub surname: Field<String>,
    /// Given names (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub given_names: Field<String>,
    /// Patronymic (optional).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub patronymic: Field<String>,
    /// Date of birth (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub birth_date: Field<Date>,
    /// Citizenship: ISO 3166-1 alpha-3 or `XXA` (required), upper-cased and trimmed when read.
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub citizenship: Field<String>,
    /// The passport.
    pub passport: Passport,
}

/// The passport.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Passport {
    /// Series and number (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub number: Field<String>,
    /// Kind (optional; `ordinary` when absent).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub kind: Field<PassportKind>,
    /// Expiry date (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub expires_on: Field<Date>,
}

/// The entry into Kazakhstan that started the current stay.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// The day the State border was crossed (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub date: Field<Date>,
    /// Purpose (optional).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub purpose: Field<Purpose>,
    /// Last day of the labour contract (optional; the EAEU worker case).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub contract_until: Field<Date>,
}

/// An earlier stay in Kazakhstan.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviousStay {
    /// Day of entry.
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub entry: Field<Date>,
    /// Day of exit.
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub exit: Field<Date>,
}

/// The person or organisation providing the place of stay.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Host {
    /// Person (IIN) or organisation (BIN) (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub kind: Field<HostKind>,
    /// IIN or BIN, trimmed (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub id: Field<String>,
    /// Full name of the person, or name of the organisation (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub name: Field<String>,
}

/// The address of stay.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// Region code of `kz-regions.csv` (required), upper-cased and trimmed when read.
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub region: Field<String>,
    /// City, town or village (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub locality: Field<String>,
    /// Street (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub street: Field<String>,
    /// Building (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub building: Field<String>,
    /// Apartment (required for `apartment` premises).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub apartment: Field<String>,
    /// Kind of premises (required): `house`, `apartment`, `dormitory`, `hotel`, `rest_home`,
    /// `sanatorium`, `other_residential`; anything else is kept and found not residential.
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub premises: Field<String>,
}

/// The period of stay at this address.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StayPeriod {
    /// First day (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub from: Field<Date>,
    /// Planned last day (required).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub to: Field<Date>,
}

/// The move to this address, for a re-registration.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressChange {
    /// The day of the move (required in an address change).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub moved_on: Field<Date>,
}

/// The policy options as given (each may be absent; the defaults are in [`super::Policy`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyInput {
    /// `deadlineCounting`.
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub deadline_counting: Field<DeadlineCounting>,
    /// `reRegistrationCounting`.
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub re_registration_counting: Field<ReRegistrationCounting>,
    /// `under16Exempt`.
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub under16_exempt: Field<bool>,
    /// `diplomaticExempt`.
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub diplomatic_exempt: Field<bool>,
}

/// An application for registration (or re-registration), as read from JSON.
///
/// # Example
///
/// ```
/// use tirkeu::rules::Application;
/// let json = serde_json::json!({ "immigrant": { "surname": "IVANOV", "birthDate": "2026-02-30" } });
/// let application = Application::from_json(&json).unwrap();
/// assert_eq!(application.immigrant.surname.value().map(String::as_str), Some("IVANOV"));
/// assert!(matches!(application.immigrant.birth_date, tirkeu::rules::Field::Unreadable(_)));
/// assert!(Application::from_json(&serde_json::json!([1, 2])).is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    /// The immigrant.
    pub immigrant: Immigrant,
    /// The entry.
    pub entry: Entry,
    /// Earlier stays in Kazakhstan (absent: none). An unreadable list is kept whole; an
    /// unreadable element is kept in its place.
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub previous_stays: Field<Vec<Field<PreviousStay>>>,
    /// The host.
    pub host: Host,
    /// The address.
    pub address: Address,
    /// The period of stay.
    pub stay: StayPeriod,
    /// The move, for a re-registration (absent or `null`: a first registration).
    #[serde(skip_serializing_if = "Field::is_missing")]
    pub address_change: Field<AddressChange>,
    /// Policy options.
    pub policy: PolicyInput,
}

impl Application {
    /// Reads an application from a JSON value, keeping every problem for the checks.
    ///
    /// # Errors
    ///
    /// [`InputError::NotAnObject`] when `json` is not an object.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::rules::Application;
    /// let application = Application::from_json(&serde_json::json!({})).unwrap();
    /// assert!(application.immigrant.surname.is_missing());
    /// ```
    pub fn from_json(json: &Value) -> Result<Application, InputError> {
        Application::from_tree(&Json::borrow(json), |value| value.to_value())
    }

    /// [`Application::from_json`] on the module's own JSON tree, which the bindings read without
    /// building a `serde_json::Value`; `unreadable` keeps the value of an unreadable field
    /// ([`Json::to_value`] for the whole value, [`unreadable_type`] where only the checks see it).
    pub(crate) fn from_tree(
        root: &Json<'_>,
        unreadable: fn(&Json<'_>) -> Value,
    ) -> Result<Application, InputError> {
        let read = Read { unreadable };
        if !matches!(root, Json::Object(_)) {
            return Err(InputError::NotAnObject {
                found: json_type(root),
            });
        }
        let immigrant = section(root, "immigrant");
        let passport = section(immigrant, "passport");
        let entry = section(root, "entry");
        let host = section(root, "host");
        let address = section(root, "address");
        let stay = section(root, "stay");
        let policy = section(root, "policy");
        Ok(Application {
            immigrant: Immigrant {
                surname: read.text(immigrant.member("surname")),
                given_names: read.text(immigrant.member("givenNames")),
                patronymic: read.text(immigrant.member("patronymic")),
                birth_date: read.date(immigrant.member("birthDate")),
                citizenship: read.code(immigrant.member("citizenship")),
                passport: Passport {
                    number: read.text(passport.member("number")),
                    kind: read.choice(passport.member("kind"), |kind| match kind {
                        "ordinary" => Some(PassportKind::Ordinary),
                        "diplomatic" => Some(PassportKind::Diplomatic),
                        "service" => Some(PassportKind::Service),
                        _ => None,
                    }),
                    expires_on: read.date(passport.member("expiresOn")),
                },
            },
            entry: Entry {
                date: read.date(entry.member("date")),
                purpose: read.choice(entry.member("purpose"), |purpose| match purpose {
                    "private" => Some(Purpose::Private),
                    "tourism" => Some(Purpose::Tourism),
                    "business" => Some(Purpose::Business),
                    "work" => Some(Purpose::Work),
                    "study" => Some(Purpose::Study),
                    "other" => Some(Purpose::Other),
                    _ => None,
                }),
                contract_until: read.date(entry.member("contractUntil")),
            },
            previous_stays: read.previous_stays(root.member("previousStays")),
            host: Host {
                kind: read.choice(host.member("kind"), |kind| match kind {
                    "person" => Some(HostKind::Person),
                    "organization" | "organisation" => Some(HostKind::Organization),
                    _ => None,
                }),
                id: read.trimmed_text(host.member("id")),
                name: read.text(host.member("name")),
            },
            address: Address {
                region: read.code(address.member("region")),
                locality: read.text(address.member("locality")),
                street: read.text(address.member("street")),
                building: read.text(address.member("building")),
                apartment: read.text(address.member("apartment")),
                premises: read.trimmed_text(address.member("premises")),
            },
            stay: StayPeriod {
                from: read.date(stay.member("from")),
                to: read.date(stay.member("to")),
            },
            address_change: match root.member("addressChange") {
                None | Some(Json::Null) => Field::Missing,
                Some(change @ Json::Object(_)) => Field::Value(AddressChange {
                    moved_on: read.date(change.member("movedOn")),
                }),
                Some(other) => Field::Unreadable(unreadable(other)),
            },
            policy: PolicyInput {
                deadline_counting: read.choice(policy.member("deadlineCounting"), |value| {
                    match value {
                        "entry_day_is_day_one" => Some(DeadlineCounting::EntryDayIsDayOne),
                        "civil_code" => Some(DeadlineCounting::CivilCode),
                        _ => None,
                    }
                }),
                re_registration_counting: read.choice(
                    policy.member("reRegistrationCounting"),
                    |value| match value {
                        "next_working_day_is_day_one" => {
                            Some(ReRegistrationCounting::NextWorkingDayIsDayOne)
                        }
                        "event_day_counts" => Some(ReRegistrationCounting::EventDayCounts),
                        _ => None,
                    },
                ),
                under16_exempt: read.boolean(policy.member("under16Exempt")),
                diplomatic_exempt: read.boolean(policy.member("diplomaticExempt")),
            },
        })
    }
}

impl<'de> serde::Deserialize<'de> for Application {
    /// Deserializes through a JSON value with [`Application::from_json`]: only a non-object fails.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Application::from_json(&value).map_err(serde::de::Error::custom)
    }
}

impl<T> Field<T> {
    fn map_value<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Field::Missing => Field::Missing,
            Field::Unreadable(value) => Field::Unreadable(value),
            Field::Value(value) => Field::Value(f(value)),
        }
    }
}

fn json_type(value: &Json<'_>) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

/// The section a form has not sent.
static EMPTY_OBJECT: Json<'static> = Json::Object(Vec::new());

/// The object under `key`, or an empty one when it is absent or not an object.
fn section<'t, 'a>(parent: &'t Json<'a>, key: &str) -> &'t Json<'a> {
    match parent.member(key) {
        Some(object @ Json::Object(_)) => object,
        _ => &EMPTY_OBJECT,
    }
}

/// `str::trim`, answering at once for the usual value, which neither starts nor ends with a space
/// (in the module, built for size, the general search costs a call per character).
pub(super) fn trim(text: &str) -> &str {
    let mut chars = text.chars();
    let kept = |end: Option<char>| end.is_some_and(|c| !c.is_whitespace());
    if kept(chars.next()) && kept(chars.next_back()) {
        text
    } else {
        text.trim()
    }
}

/// How the fields are read: the value an unreadable field keeps.
struct Read {
    unreadable: fn(&Json<'_>) -> Value,
}

/// An unreadable field's value as the checks need it: its JSON type, with a scalar as given (a
/// number is a building's number, a string is shown nowhere) and an array or an object empty.
/// For the applications the rules read and drop ([`super::check_tree`]): no copy of a nested
/// value, and, in the WebAssembly module, none of serde_json's map code.
pub(crate) fn unreadable_type(value: &Json<'_>) -> Value {
    match value {
        Json::Null => Value::Null,
        Json::Bool(value) => Value::Bool(*value),
        Json::Number(number) => Value::Number(number.clone()),
        Json::String(text) => Value::String(text.as_ref().to_owned()),
        Json::Array(_) => Value::Array(Vec::new()),
        Json::Object(_) => Value::Object(serde_json::Map::new()),
    }
}

impl Read {
    /// A string, `Missing` or `Unreadable` as [`Read::text`] reads it, not yet copied.
    fn text_slice<'t>(&self, value: Option<&'t Json<'_>>) -> Field<&'t str> {
        match value {
            None | Some(Json::Null) => Field::Missing,
            Some(Json::String(s)) if trim(s).is_empty() => Field::Missing,
            Some(Json::String(s)) => Field::Value(s.as_ref()),
            Some(other) => Field::Unreadable((self.unreadable)(other)),
        }
    }

    /// A string field; blank counts as missing. The text is kept untrimmed (the checks trim).
    fn text(&self, value: Option<&Json<'_>>) -> Field<String> {
        self.text_slice(value).map_value(str::to_owned)
    }

    /// A string field kept trimmed (identifiers and enumerations whose checks want the bare word).
    fn trimmed_text(&self, value: Option<&Json<'_>>) -> Field<String> {
        self.text_slice(value).map_value(|s| trim(s).to_owned())
    }

    /// A code (citizenship, region): trimmed and upper-cased. Codes are ASCII; ASCII case
    /// mapping keeps the Unicode case tables out of the WebAssembly module (a non-ASCII code is
    /// unknown either way).
    fn code(&self, value: Option<&Json<'_>>) -> Field<String> {
        self.text_slice(value)
            .map_value(|s| trim(s).to_ascii_uppercase())
    }

    /// A date `YYYY-MM-DD` (surrounding spaces allowed).
    fn date(&self, value: Option<&Json<'_>>) -> Field<Date> {
        match self.text_slice(value) {
            Field::Value(s) => match Date::parse(trim(s)) {
                Ok(date) => Field::Value(date),
                Err(_) => Field::Unreadable(Value::String(s.to_owned())),
            },
            Field::Missing => Field::Missing,
            Field::Unreadable(other) => Field::Unreadable(other),
        }
    }

    /// One of a set of lower-case words.
    fn choice<T>(&self, value: Option<&Json<'_>>, pick: impl Fn(&str) -> Option<T>) -> Field<T> {
        match self.text_slice(value) {
            Field::Value(s) => match pick(trim(s)) {
                Some(choice) => Field::Value(choice),
                None => Field::Unreadable(Value::String(s.to_owned())),
            },
            Field::Missing => Field::Missing,
            Field::Unreadable(other) => Field::Unreadable(other),
        }
    }

    fn boolean(&self, value: Option<&Json<'_>>) -> Field<bool> {
        match value {
            None | Some(Json::Null) => Field::Missing,
            Some(Json::Bool(b)) => Field::Value(*b),
            Some(other) => Field::Unreadable((self.unreadable)(other)),
        }
    }

    fn previous_stays(&self, value: Option<&Json<'_>>) -> Field<Vec<Field<PreviousStay>>> {
        match value {
            None | Some(Json::Null) => Field::Missing,
            Some(Json::Array(items)) => Field::Value(
                items
                    .iter()
                    .map(|item| match item {
                        Json::Object(_) => Field::Value(PreviousStay {
                            entry: self.date(item.member("entry")),
                            exit: self.date(item.member("exit")),
                        }),
                        Json::Null => Field::Missing,
                        other => Field::Unreadable((self.unreadable)(other)),
                    })
                    .collect(),
            ),
            Some(other) => Field::Unreadable((self.unreadable)(other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The message is joined from text, not written by `write!`; it reads as `write!` wrote it.
    #[test]
    fn input_error_reads_as_before() {
        let error = Application::from_json(&serde_json::json!([1])).unwrap_err();
        assert_eq!(
            error.to_string(),
            "an application must be a JSON object, found an array"
        );
    }

    #[test]
    fn trim_answers_as_str_trim() {
        // Source: Unicode White_Space (PropList.txt): U+0085, U+00A0, U+1680, U+2000..U+200A,
        // U+2028, U+2029, U+202F, U+205F, U+3000 besides ASCII's.
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{a0}Ә\u{a0}",
            "Ә",
            "\u{3000}x",
            "x\u{2029}",
            "\u{85}",
            "a b",
            "\t\nӘБІЛ \r",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn trim_agrees_with_str_trim_on_any_text(text in "\\PC{0,6}|[ \u{a0}\u{3000}a-zӘ]{0,6}") {
            prop_assert_eq!(trim(&text), text.trim());
        }
    }
}
