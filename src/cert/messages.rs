//! The verifier's messages in Kazakh, Russian and English.

use super::verify::Status;
use crate::i18n::Text;

/// The message of each status. Placeholders: `{stayFrom}`, `{stayTo}`, `{stage}`.
pub(crate) fn status_text(status: Status) -> Text {
    match status {
        Status::Valid => Text {
            kk: "Анықтама жарамды: тіркеу {stayTo} дейін.",
            ru: "Справка действительна: регистрация до {stayTo}.",
            en: "Valid: registered until {stayTo}.",
        },
        Status::Unconfirmed => Text {
            kk: "Расталмаған: қолтаңба мен мерзімдер дұрыс (тіркеу {stayTo} дейін), бірақ анықтаманың күшін жойғаны тексерілмеді.",
            ru: "Не подтверждена: подпись и сроки верны (регистрация до {stayTo}), но отзыв справки проверить не удалось.",
            en: "Unconfirmed: the signature and dates are right (registered until {stayTo}), but revocation could not be checked.",
        },
        Status::Expired => Text {
            kk: "Анықтаманың мерзімі өткен: тіркеу {stayTo} аяқталды.",
            ru: "Срок справки истёк: регистрация закончилась {stayTo}.",
            en: "Expired: the registration ended on {stayTo}.",
        },
        Status::NotYetValid => Text {
            kk: "Анықтама әлі күшіне енген жоқ: тіркеу {stayFrom} басталады.",
            ru: "Справка ещё не действует: регистрация начинается {stayFrom}.",
            en: "Not yet valid: the registration starts on {stayFrom}.",
        },
        Status::Revoked => Text {
            kk: "Анықтама күшін жойған: тіркеуден шығарылған, басқа мекенжайға қайта тіркелген немесе кері қайтарылған.",
            ru: "Справка недействительна: регистрация снята, оформлена по другому адресу или отозвана.",
            en: "Revoked: the registration was ended, moved to another address or withdrawn.",
        },
        Status::BadSignature => Text {
            kk: "Қолтаңба жарамсыз: анықтама өзгертілген немесе жалған.",
            ru: "Подпись недействительна: справка изменена или подделана.",
            en: "Bad signature: the certificate has been altered or forged.",
        },
        Status::UnknownKey => Text {
            kk: "Белгісіз кілт: анықтамаға сенім білдірілген кілтпен қол қойылмаған.",
            ru: "Неизвестный ключ: справка подписана ключом, которому нет доверия.",
            en: "Unknown key: the certificate is not signed by a trusted key.",
        },
        Status::KeyNotValid => Text {
            kk: "Кілт жарамсыз: қол қою кілті кері қайтарылған немесе анықтама берілген кезде әрекет етпеген.",
            ru: "Ключ недействителен: ключ подписи отозван или не действовал в момент выдачи справки.",
            en: "Key not valid: the signing key is revoked or was not valid when the certificate was issued.",
        },
        Status::Malformed => Text {
            kk: "QR-код зақымдалған немесе оқылмайды ({stage} кезеңі).",
            ru: "QR-код повреждён или не читается (этап {stage}).",
            en: "Malformed: the QR code is damaged or unreadable (stage {stage}).",
        },
        Status::NotACertificate => Text {
            kk: "Бұл тіркеу туралы анықтаманың QR-коды емес.",
            ru: "Это не QR-код справки о регистрации.",
            en: "Not a registration certificate QR code.",
        },
    }
}

/// Warning `trust.stale`. Placeholder: `{days}`, the list's age in days.
pub(crate) const TRUST_STALE: Text = Text {
    kk: "Сенім білдірілген кілттер тізімі ескірген ({days} күн бұрын шығарылған): оны жаңартыңыз.",
    ru: "Список доверенных ключей устарел (выпущен {days} дн. назад): обновите его.",
    en: "The trust list is out of date (issued {days} days ago): update it.",
};

/// Warning `status.stale`. Placeholder: `{days}`.
pub(crate) const STATUS_STALE: Text = Text {
    kk: "Анықтамалар мәртебесінің тізімі ескірген ({days} күн бұрын шығарылған): соңғы күшін жоюлар көрінбеуі мүмкін.",
    ru: "Список статусов справок устарел (выпущен {days} дн. назад): последние отзывы могут быть не видны.",
    en: "The status list is out of date (issued {days} days ago): recent revocations may be missing.",
};

/// Warning `trust.expired`. Placeholder: `{days}`.
pub(crate) const TRUST_EXPIRED: Text = Text {
    kk: "Сенім білдірілген кілттер тізімінің мерзімі өтті ({days} күн бұрын шығарылған): анықтамаларды растау мүмкін емес, оны жаңартыңыз.",
    ru: "Срок списка доверенных ключей истёк (выпущен {days} дн. назад): справки нельзя подтвердить, обновите его.",
    en: "The trust list has expired (issued {days} days ago): certificates cannot be confirmed until it is updated.",
};

/// Warning `status.expired`. Placeholder: `{days}`.
pub(crate) const STATUS_EXPIRED: Text = Text {
    kk: "Мәртебе тізімінің мерзімі өтті ({days} күн бұрын шығарылған): күшін жою тексерілмеді, оны жаңартыңыз.",
    ru: "Срок списка статусов истёк (выпущен {days} дн. назад): отзыв не проверен, обновите его.",
    en: "The status list has expired (issued {days} days ago): revocation was not checked until it is updated.",
};

/// Warning `status.not_covered`.
pub(crate) const STATUS_NOT_COVERED: Text = Text {
    kk: "Жүктелген мәртебе тізімі бұл анықтаманы қамтымайды: күшін жойғаны тексерілмеді.",
    ru: "Загруженный список статусов не охватывает эту справку: отзыв не проверен.",
    en: "The loaded status list does not cover this certificate: revocation was not checked.",
};

/// Warning `status.missing`.
pub(crate) const STATUS_MISSING: Text = Text {
    kk: "Мәртебе тізімі жүктелмеген: анықтаманың күшін жойғаны тексерілмеді.",
    ru: "Список статусов не загружен: отзыв справки не проверен.",
    en: "No status list is loaded: revocation was not checked.",
};

/// The short name of each status (a verdict's headline, a table cell).
pub(crate) fn status_label(status: Status) -> Text {
    match status {
        Status::Valid => Text {
            kk: "Жарамды",
            ru: "Действительна",
            en: "Valid",
        },
        Status::Unconfirmed => Text {
            kk: "Расталмаған",
            ru: "Не подтверждена",
            en: "Unconfirmed",
        },
        Status::Expired => Text {
            kk: "Мерзімі өткен",
            ru: "Срок истёк",
            en: "Expired",
        },
        Status::NotYetValid => Text {
            kk: "Әлі күшінде емес",
            ru: "Ещё не действует",
            en: "Not yet valid",
        },
        Status::Revoked => Text {
            kk: "Күшін жойған",
            ru: "Отозвана",
            en: "Revoked",
        },
        Status::BadSignature => Text {
            kk: "Қолтаңба жарамсыз",
            ru: "Подпись недействительна",
            en: "Bad signature",
        },
        Status::UnknownKey => Text {
            kk: "Белгісіз кілт",
            ru: "Неизвестный ключ",
            en: "Unknown key",
        },
        Status::KeyNotValid => Text {
            kk: "Кілт жарамсыз",
            ru: "Ключ недействителен",
            en: "Key not valid",
        },
        Status::Malformed => Text {
            kk: "Зақымдалған QR-код",
            ru: "Повреждённый QR-код",
            en: "Malformed",
        },
        Status::NotACertificate => Text {
            kk: "Анықтама емес",
            ru: "Не справка",
            en: "Not a certificate",
        },
    }
}
