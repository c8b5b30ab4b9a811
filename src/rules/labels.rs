//! The labels of the application's fields as the form shows them, in each language: the one
//! source of the names a message gives its field ("Заполните поле «Фамилия»"), which the page and
//! any portal take from the package too, so that a finding never shows a path like
//! `immigrant.surname`.
//!
//! Keys are the dotted paths of the findings. The rows of `previousStays` share one label per
//! column, keyed with empty brackets (`previousStays[].exit`), whose `{n}` is the row's number
//! counted from 1: `previousStays[1].exit` is "Поездка 2: дата выезда".

use crate::decimal::decimal;
use crate::i18n::{Lang, Text};

const fn text(kk: &'static str, ru: &'static str, en: &'static str) -> Text {
    Text { kk, ru, en }
}

/// Every field label, keyed by the field's path (the rows of earlier stays with `[]` and `{n}`).
///
/// # Example
///
/// ```
/// use tirkeu::i18n::Lang;
/// use tirkeu::rules::FIELD_LABELS;
/// let (_, surname) = FIELD_LABELS.iter().find(|(path, _)| *path == "immigrant.surname").unwrap();
/// assert_eq!(surname.get(Lang::Ru), "Фамилия");
/// ```
pub const FIELD_LABELS: &[(&str, Text)] = &[
    ("immigrant.surname", text("Тегі", "Фамилия", "Surname")),
    ("immigrant.givenNames", text("Аты", "Имя", "Given names")),
    (
        "immigrant.patronymic",
        text(
            "Әкесінің аты (бар болса)",
            "Отчество (при наличии)",
            "Patronymic (if any)",
        ),
    ),
    (
        "immigrant.birthDate",
        text("Туған күні", "Дата рождения", "Date of birth"),
    ),
    (
        "immigrant.citizenship",
        text("Азаматтығы", "Гражданство", "Citizenship"),
    ),
    (
        "immigrant.passport.number",
        text(
            "Төлқұжаттың сериясы мен нөмірі",
            "Серия и номер паспорта",
            "Passport series and number",
        ),
    ),
    (
        "immigrant.passport.kind",
        text("Төлқұжаттың түрі", "Вид паспорта", "Passport type"),
    ),
    (
        "immigrant.passport.expiresOn",
        text(
            "Төлқұжаттың жарамдылық мерзімі",
            "Паспорт действителен до",
            "Passport valid until",
        ),
    ),
    (
        "entry.date",
        text(
            "Шекарадан өткен күні",
            "Дата пересечения границы",
            "Date of crossing the border",
        ),
    ),
    (
        "entry.purpose",
        text("Сапардың мақсаты", "Цель визита", "Purpose of the visit"),
    ),
    (
        "entry.contractUntil",
        text(
            "Еңбек шартының аяқталу күні",
            "Трудовой договор действует до",
            "Labour contract ends on",
        ),
    ),
    (
        "previousStays",
        text(
            "Соңғы 180 күндегі Қазақстанға бұрынғы сапарлар",
            "Предыдущие поездки в Казахстан за последние 180 дней",
            "Earlier trips to Kazakhstan in the last 180 days",
        ),
    ),
    (
        "previousStays[]",
        text("{n}-сапар", "Поездка {n}", "Trip {n}"),
    ),
    (
        "previousStays[].entry",
        text(
            "{n}-сапар: келген күні",
            "Поездка {n}: дата въезда",
            "Trip {n}: date of entry",
        ),
    ),
    (
        "previousStays[].exit",
        text(
            "{n}-сапар: кеткен күні",
            "Поездка {n}: дата выезда",
            "Trip {n}: date of exit",
        ),
    ),
    (
        "host.kind",
        text(
            "Кім қабылдайды",
            "Кто принимает",
            "Who provides the place of stay",
        ),
    ),
    (
        "host.id",
        text("ЖСН немесе БСН", "ИИН или БИН", "IIN or BIN"),
    ),
    (
        "host.name",
        text(
            "Аты-жөні немесе ұйымның атауы",
            "ФИО или наименование организации",
            "Full name or name of the organisation",
        ),
    ),
    ("address.region", text("Өңір", "Регион", "Region")),
    (
        "address.locality",
        text("Елді мекен", "Населённый пункт", "City or village"),
    ),
    ("address.street", text("Көше", "Улица", "Street")),
    ("address.building", text("Үй", "Дом", "Building")),
    ("address.apartment", text("Пәтер", "Квартира", "Apartment")),
    (
        "address.premises",
        text("Үй-жайдың түрі", "Тип помещения", "Type of premises"),
    ),
    (
        "stay.from",
        text("Болу мерзімінің басы", "Пребывание с", "Stay from"),
    ),
    (
        "stay.to",
        text("Болу мерзімінің соңы", "Пребывание по", "Stay until"),
    ),
    (
        "addressChange",
        text("Мекенжайды ауыстыру", "Смена адреса", "Change of address"),
    ),
    (
        "addressChange.movedOn",
        text("Көшкен күні", "Дата переезда", "Date of the move"),
    ),
    (
        "policy.deadlineCounting",
        text("30 күнді есептеу", "Отсчёт 30 дней", "Counting the 30 days"),
    ),
    (
        "policy.reRegistrationCounting",
        text(
            "5 жұмыс күнін есептеу",
            "Отсчёт 5 рабочих дней",
            "Counting the 5 working days",
        ),
    ),
    (
        "policy.under16Exempt",
        text(
            "16 жасқа толмағандарды тіркеуден босату",
            "Освобождать от регистрации детей до 16 лет",
            "Children under 16 are exempt",
        ),
    ),
    (
        "policy.diplomaticExempt",
        text(
            "Дипломатиялық және қызметтік төлқұжат иелерін босату",
            "Освобождать владельцев дипломатических и служебных паспортов",
            "Diplomatic and service passports are exempt",
        ),
    ),
];

/// What a finding shows for a field the table does not know (no such path is ever made; a test
/// checks every path the checks can give).
const ANY_FIELD: Text = text("өріс", "поле", "field");

/// The label of the field at `path` in `lang`: the table's label, with a row of
/// `previousStays` numbered from 1; `None` for a path the form does not have.
///
/// # Example
///
/// ```
/// use tirkeu::i18n::Lang;
/// use tirkeu::rules::field_label;
/// assert_eq!(field_label("immigrant.surname", Lang::Kk).as_deref(), Some("Тегі"));
/// assert_eq!(field_label("previousStays[1].exit", Lang::Ru).as_deref(), Some("Поездка 2: дата выезда"));
/// assert_eq!(field_label("previousStays[0]", Lang::Kk).as_deref(), Some("1-сапар"));
/// assert_eq!(field_label("immigrant.nickname", Lang::En), None);
/// ```
pub fn field_label(path: &str, lang: Lang) -> Option<String> {
    let find = |key: &str| {
        FIELD_LABELS
            .iter()
            .find(|(candidate, _)| *candidate == key)
            .map(|(_, text)| text)
    };
    if let Some(label) = find(path) {
        return Some(label.get(lang).to_owned());
    }
    // A row of earlier stays: `previousStays[N]` or `previousStays[N].column`.
    let rest = path.strip_prefix("previousStays[")?;
    let (index, column) = rest.split_once(']')?;
    let row: usize = index.parse().ok().filter(|_| index.len() <= 6)?;
    // Joined and written by the crate's digit writer, not `format!` and `to_string`: the rules'
    // WebAssembly module then holds no `core::fmt`.
    let label = find(&["previousStays[]", column].concat())?;
    Some(label.render(lang, &[("n", &decimal(row as u64 + 1))]))
}

/// [`field_label`], or a neutral word for a path the table does not know: a message never shows
/// a path.
pub(crate) fn label_or_word(path: &str, lang: Lang) -> String {
    field_label(path, lang).unwrap_or_else(|| ANY_FIELD.get(lang).to_owned())
}
