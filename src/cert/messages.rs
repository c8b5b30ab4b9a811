//! The verifier's messages in Kazakh, Russian and English.
//!
//! A message carries the certificate's dates written by [`crate::i18n`] in its language
//! ("2027 жылғы 17 ақпанға дейін", "17 февраля 2027 г."), never an ISO date, and no internal name
//! (the failing stage of a malformed text is in the result's `stage`, not in its words).

use super::verify::Status;
use crate::i18n::Text;

/// The message of each status. Placeholders: `{stayFrom}` and `{stayTo}` (dates, filled with
/// [`crate::i18n::Arg::Date`]; the Kazakh templates name the case the next word asks for).
pub(crate) fn status_text(status: Status) -> Text {
    match status {
        Status::Valid => Text {
            kk: "Анықтама жарамды: тіркеу {stayTo:dat} дейін (қоса алғанда).",
            ru: "Справка действительна: регистрация по {stayTo} включительно.",
            en: "Valid: registered until {stayTo} inclusive.",
        },
        Status::Unconfirmed => Text {
            kk: "Расталмаған: қолтаңба мен мерзімдер дұрыс (тіркеу {stayTo:dat} дейін, қоса алғанда), бірақ анықтаманың күші жойылмағанын тексеру мүмкін болмады.",
            ru: "Не подтверждена: подпись и сроки верны (регистрация по {stayTo} включительно), но проверить, не отозвана ли справка, не удалось.",
            en: "Unconfirmed: the signature and dates are right (registered until {stayTo} inclusive), but revocation could not be checked.",
        },
        Status::Expired => Text {
            kk: "Анықтаманың мерзімі өткен: тіркеу {stayTo:loc} аяқталды.",
            ru: "Срок справки истёк: регистрация закончилась {stayTo}.",
            en: "Expired: the registration ended on {stayTo}.",
        },
        Status::NotYetValid => Text {
            kk: "Анықтама әлі күшіне енген жоқ: тіркеу {stayFrom:loc} басталады.",
            ru: "Справка ещё не действует: регистрация начинается {stayFrom}.",
            en: "Not yet valid: the registration starts on {stayFrom}.",
        },
        Status::Revoked => Text {
            kk: "Анықтаманың күші жойылған: тіркеуден шығарылған, басқа мекенжай бойынша қайта тіркелген немесе анықтама кері шақырылып алынған.",
            ru: "Справка недействительна: регистрация снята, оформлена по другому адресу или справка отозвана.",
            en: "Revoked: the registration was ended, moved to another address or withdrawn.",
        },
        Status::BadSignature => Text {
            kk: "Қолтаңба жарамсыз: анықтама өзгертілген немесе жалған.",
            ru: "Подпись недействительна: справка изменена или подделана.",
            en: "Bad signature: the certificate has been altered or forged.",
        },
        Status::UnknownKey => Text {
            kk: "Белгісіз кілт: анықтамаға сенімді кілтпен қол қойылмаған.",
            ru: "Неизвестный ключ: справка подписана ключом, которому нет доверия.",
            en: "Unknown key: the certificate is not signed by a trusted key.",
        },
        Status::KeyNotValid => Text {
            kk: "Кілт жарамсыз: қол қою кілтінің күші жойылған немесе анықтама берілген кезде ол әрекет етпеген.",
            ru: "Ключ недействителен: ключ подписи отозван или не действовал в момент выдачи справки.",
            en: "Key not valid: the signing key is revoked or was not valid when the certificate was issued.",
        },
        Status::Malformed => Text {
            kk: "QR-код зақымдалған не қате оқылды. Қайта сканерлеңіз.",
            ru: "QR-код повреждён или прочитан с ошибкой. Отсканируйте его ещё раз.",
            en: "Malformed: the QR code is damaged or was misread. Scan it again.",
        },
        Status::NotACertificate => Text {
            kk: "Бұл тіркеу туралы анықтаманың QR-коды емес.",
            ru: "Это не QR-код справки о регистрации.",
            en: "Not a registration certificate QR code.",
        },
    }
}

/// Warning `trust.stale`. Placeholder: `{days}`, the list's age (a count of days).
pub(crate) const TRUST_STALE: Text = Text {
    kk: "Сенімді кілттер тізімі ескірген ({days} бұрын шығарылған): оны жаңартыңыз.",
    ru: "Список доверенных ключей устарел (выпущен {days} назад): обновите его.",
    en: "The trust list is out of date (issued {days} ago): update it.",
};

/// Warning `status.stale`. Placeholder: `{days}`.
pub(crate) const STATUS_STALE: Text = Text {
    kk: "Күші жойылған анықтамалар тізімі ескірген ({days} бұрын шығарылған): соңғы жойылғандары онда болмауы мүмкін.",
    ru: "Список отозванных справок устарел (выпущен {days} назад): последние отзывы могут быть в нём не видны.",
    en: "The status list is out of date (issued {days} ago): recent revocations may be missing.",
};

/// Warning `trust.expired`. Placeholder: `{days}`.
pub(crate) const TRUST_EXPIRED: Text = Text {
    kk: "Сенімді кілттер тізімінің мерзімі өтті ({days} бұрын шығарылған): ол жаңартылмайынша анықтамаларды растау мүмкін емес.",
    ru: "Срок списка доверенных ключей истёк (выпущен {days} назад): пока он не обновлён, справки подтвердить нельзя.",
    en: "The trust list has expired (issued {days} ago): certificates cannot be confirmed until it is updated.",
};

/// Warning `status.expired`. Placeholder: `{days}`.
pub(crate) const STATUS_EXPIRED: Text = Text {
    kk: "Күші жойылған анықтамалар тізімінің мерзімі өтті ({days} бұрын шығарылған): ол жаңартылмайынша анықтаманың күші жойылғаны тексерілмейді.",
    ru: "Срок списка отозванных справок истёк (выпущен {days} назад): пока он не обновлён, отзыв справки не проверяется.",
    en: "The status list has expired (issued {days} ago): revocation is not checked until it is updated.",
};

/// Warning `status.not_covered`.
pub(crate) const STATUS_NOT_COVERED: Text = Text {
    kk: "Жүктелген күші жойылған анықтамалар тізімі бұл анықтаманы қамтымайды: анықтаманың күші жойылғаны тексерілмеді.",
    ru: "Загруженный список отозванных справок не охватывает эту справку: отзыв не проверен.",
    en: "The loaded status list does not cover this certificate: revocation was not checked.",
};

/// Warning `status.missing`.
pub(crate) const STATUS_MISSING: Text = Text {
    kk: "Күші жойылған анықтамалар тізімі жүктелмеген: анықтаманың күші жойылғаны тексерілмеді.",
    ru: "Список отозванных справок не загружен: отзыв справки не проверен.",
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
            kk: "Әлі күшіне енбеген",
            ru: "Ещё не действует",
            en: "Not yet valid",
        },
        Status::Revoked => Text {
            kk: "Күші жойылған",
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
            kk: "Тіркеу анықтамасы емес",
            ru: "Не справка о регистрации",
            en: "Not a certificate",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every message of the verifier, with what it is called in a failure.
    fn all_texts() -> Vec<(String, Text)> {
        let mut texts = Vec::new();
        for status in Status::ALL {
            texts.push((format!("{status} message"), status_text(status)));
            texts.push((format!("{status} label"), status_label(status)));
        }
        for (name, text) in [
            ("trust.stale", TRUST_STALE),
            ("trust.expired", TRUST_EXPIRED),
            ("status.stale", STATUS_STALE),
            ("status.expired", STATUS_EXPIRED),
            ("status.not_covered", STATUS_NOT_COVERED),
            ("status.missing", STATUS_MISSING),
        ] {
            texts.push((name.to_owned(), text));
        }
        texts
    }

    #[test]
    fn same_placeholders_in_every_language_and_dates_only_as_dates() {
        // Source: the interface's languages (Kazakh and Russian first-class: one message per
        // string in three languages, the dates written by the project).
        for (name, text) in all_texts() {
            let english = text.placeholders(Lang::En);
            for lang in [Lang::Kk, Lang::Ru] {
                assert_eq!(text.placeholders(lang), english, "{name} in {lang}");
            }
            for placeholder in english {
                assert!(
                    ["stayFrom", "stayTo", "days"].contains(&placeholder),
                    "{name}: {{{placeholder}}}"
                );
            }
        }
    }

    #[test]
    fn no_internal_word_in_kazakh_or_russian() {
        // Source: "no English and no internal code or path appears on a kk or ru screen" (the
        // failing stage of a malformed text, "zlib", was one); "QR" is the code's own name.
        for (name, text) in all_texts() {
            for lang in [Lang::Kk, Lang::Ru] {
                let template = text.get(lang);
                let without_placeholders: String = template
                    .split('{')
                    .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
                    .collect();
                let latin = without_placeholders
                    .replace("QR", "")
                    .chars()
                    .filter(char::is_ascii_alphabetic)
                    .collect::<String>();
                assert_eq!(latin, "", "{name} in {lang}: {template}");
            }
        }
    }
}
