//! Languages of the messages: Kazakh, Russian and English.
//!
//! Each part of the crate keeps its messages next to the codes they explain (the rules in
//! `rules`, the verification statuses in `cert`), as [`Text`] values; this module only knows the
//! languages and how to pick one.

use core::fmt;
use core::str::FromStr;

/// A language of the messages.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Kazakh (`kk`).
    Kk,
    /// Russian (`ru`).
    #[default]
    Ru,
    /// English (`en`).
    En,
}

impl Lang {
    /// All languages, in the order the page offers them.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The BCP 47 tag: `kk`, `ru` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }
}

/// A language tag that is not `kk`, `ru` or `en`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language `{}` (expected kk, ru or en)", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Accepts `kk`, `ru`, `en`, in any case, with an optional region (`ru-KZ`).
    ///
    /// # Errors
    ///
    /// [`UnknownLang`] for any other tag.
    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "kk" => Ok(Lang::Kk),
            "ru" => Ok(Lang::Ru),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(tag.chars().take(16).collect())),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// One message in the three languages.
///
/// Templates may hold `{name}` placeholders, filled by [`Text::render`].
///
/// # Example
///
/// ```
/// use tirkeu::i18n::{Lang, Text};
/// const DUE: Text = Text {
///     kk: "{date} дейін тіркеліңіз",
///     ru: "Зарегистрируйтесь до {date}",
///     en: "Register by {date}",
/// };
/// assert_eq!(DUE.render(Lang::En, &[("date", "2026-07-30")]), "Register by 2026-07-30");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// Kazakh.
    pub kk: &'static str,
    /// Russian.
    pub ru: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// The template in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Kk => self.kk,
            Lang::Ru => self.ru,
            Lang::En => self.en,
        }
    }

    /// The message in `lang` with each `{name}` replaced by its value.
    ///
    /// The template is read once, left to right: a value is never searched for placeholders
    /// itself, and a `{…}` that names no value stays as written.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::i18n::{Lang, Text};
    ///
    /// let text = Text { kk: "{n} күн", ru: "{n} дн.", en: "{n} days, {unknown}" };
    /// assert_eq!(text.render(Lang::Ru, &[("n", "5")]), "5 дн.");
    /// assert_eq!(text.render(Lang::En, &[("n", "{n}")]), "{n} days, {unknown}");
    /// ```
    pub fn render(&self, lang: Lang, values: &[(&str, &str)]) -> String {
        let mut rest = self.get(lang);
        let mut out = String::with_capacity(rest.len() + 32);
        while let Some(open) = rest.find('{') {
            let (before, from_brace) = rest.split_at(open);
            out.push_str(before);
            let value = from_brace.find('}').and_then(|close| {
                let name = from_brace.get(1..close)?;
                let (_, value) = values.iter().find(|(candidate, _)| *candidate == name)?;
                Some((value, close))
            });
            match value {
                Some((value, close)) => {
                    out.push_str(value);
                    rest = from_brace.get(close + 1..).unwrap_or_default();
                }
                None => {
                    out.push('{');
                    rest = from_brace.get(1..).unwrap_or_default();
                }
            }
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags() {
        assert_eq!("kk".parse::<Lang>(), Ok(Lang::Kk));
        assert_eq!("RU-kz".parse::<Lang>(), Ok(Lang::Ru));
        assert_eq!("en_GB".parse::<Lang>(), Ok(Lang::En));
        assert!("de".parse::<Lang>().is_err());
        assert!("".parse::<Lang>().is_err());
    }
}
