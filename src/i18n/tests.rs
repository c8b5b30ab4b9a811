use super::*;

#[test]
fn parses_tags() {
    assert_eq!("kk".parse::<Lang>(), Ok(Lang::Kk));
    assert_eq!("RU-kz".parse::<Lang>(), Ok(Lang::Ru));
    assert_eq!("en_GB".parse::<Lang>(), Ok(Lang::En));
    assert!("de".parse::<Lang>().is_err());
    assert!("".parse::<Lang>().is_err());
}

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

#[test]
fn dates_in_each_language() {
    // Source: the interface's languages: Kazakh "2026 жылғы 19 желтоқсан", Russian
    // "19 декабря 2026 г.", English "19 December 2026".
    let months_kk = [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ];
    for (index, month) in months_kk.iter().enumerate() {
        let date = Date::from_ymd(2026, index as u32 + 1, 1).unwrap();
        assert_eq!(format_date(date, Lang::Kk), format!("2026 жылғы 1 {month}"));
        // Every case form starts with the nominative stem.
        for form in KAZAKH_MONTHS[index] {
            assert!(form.starts_with(month), "{form}");
        }
    }
    assert_eq!(format_date(day("2026-07-01"), Lang::Ru), "1 июля 2026 г.");
    assert_eq!(format_date(day("2026-05-09"), Lang::En), "9 May 2026");
    assert_eq!(
        format_date_in(day("2026-09-28"), Lang::Kk, DateCase::Locative),
        "2026 жылғы 28 қыркүйекте"
    );
    assert_eq!(
        format_date_in(day("2026-06-30"), Lang::Kk, DateCase::Ablative),
        "2026 жылғы 30 маусымнан"
    );
    assert_eq!("dative".parse(), Ok(DateCase::Dative));
    assert!("instrumental".parse::<DateCase>().is_err());
}

#[test]
fn kazakh_endings_follow_vowel_harmony_and_the_last_sound() {
    // Source: Kazakh grammar (септік жалғаулары): dative -ға/-ге/-қа/-ке, locative -да/-де/
    // -та/-те, ablative -дан/-ден/-тан/-тен/-нан/-нен; back vowels (а, о, ұ, ы) take the
    // back endings, front vowels (ә, е, і, ү, ө) the front ones; after к, қ, п, с, т, ш the
    // voiceless forms, after м, н, ң the ablative -нан/-нен.
    let back = |stem: &str| {
        stem.chars()
            .rev()
            .find(|c| "аәоөұүыіеиуэюя".contains(*c))
            .is_some_and(|v| "аоұы".contains(v))
    };
    for [nominative, dative, locative, ablative, _] in KAZAKH_MONTHS {
        let last = nominative.chars().last().unwrap();
        let (dat, loc, abl) = match (back(nominative), last) {
            (false, 'к') => ("ке", "те", "тен"),
            (true, 'м' | 'н') => ("ға", "да", "нан"),
            (true, _) => ("ға", "да", "дан"),
            (false, _) => ("ге", "де", "ден"),
        };
        assert_eq!(dative, format!("{nominative}{dat}"));
        assert_eq!(locative, format!("{nominative}{loc}"));
        assert_eq!(ablative, format!("{nominative}{abl}"));
    }
}

#[test]
fn russian_plural_forms() {
    // Source: Russian grammar: 1, 21, 101 день; 2-4, 22-24 дня; 5-20, 25-30, 111-114 дней.
    for (n, word) in [
        (0, "дней"),
        (1, "день"),
        (2, "дня"),
        (4, "дня"),
        (5, "дней"),
        (11, "дней"),
        (12, "дней"),
        (14, "дней"),
        (21, "день"),
        (22, "дня"),
        (101, "день"),
        (111, "дней"),
        (112, "дней"),
        (126, "дней"),
        (-1, "день"),
    ] {
        assert_eq!(format_count(n, Unit::Days, Lang::Ru), format!("{n} {word}"));
    }
    assert_eq!(format_count(2, Unit::Age, Lang::Ru), "2 года");
    assert_eq!(format_count(2, Unit::Days, Lang::En), "2 days");
}

/// Dates, counts and the errors' messages are joined from text and the digit writer's numbers;
/// they read as `format!` wrote them.
#[test]
fn numbers_and_messages_match_formatting_machinery() {
    for n in [i64::MIN, -21, -2, 0, 2, 21, 1_000_000, i64::MAX] {
        assert_eq!(format_count(n, Unit::Days, Lang::En), format!("{n} days"));
        assert_eq!(format_count(n, Unit::Age, Lang::Kk), format!("{n} жаста"));
    }
    for year in [-44, 5, 2026, 12_026] {
        let date = Date::from_ymd(year, 3, 15).unwrap();
        assert_eq!(
            format_date(date, Lang::Kk),
            format!("{year} жылғы 15 наурыз")
        );
        assert_eq!(format_date(date, Lang::Ru), format!("15 марта {year} г."));
        assert_eq!(format_date(date, Lang::En), format!("15 March {year}"));
    }
    let tag = "de".parse::<Lang>().unwrap_err();
    assert_eq!(
        tag.to_string(),
        "unknown language `de` (expected kk, ru or en)"
    );
    let case = "vocative".parse::<DateCase>().unwrap_err();
    assert_eq!(
        case.to_string(),
        "unknown case `vocative` (expected nominative, dative, locative, ablative or genitive)"
    );
}

#[test]
fn placeholders_and_unknown_cases() {
    let text = Text {
        kk: "{a:dat} {b}",
        ru: "{b} {a}",
        en: "{a:xyz}",
    };
    assert_eq!(text.placeholders(Lang::Kk), vec!["a", "b"]);
    // An unknown case leaves the placeholder as written.
    let args = [("a", Arg::Date(day("2026-01-01")))];
    assert_eq!(text.render_args(Lang::En, &args), "{a:xyz}");
    // A Russian date at the end of a sentence: one dot, not two.
    let end = Text {
        kk: "{a}.",
        ru: "не позже {a}.",
        en: "by {a}.",
    };
    assert_eq!(
        end.render_args(Lang::Ru, &args),
        "не позже 1 января 2026 г."
    );
    assert_eq!(end.render_args(Lang::En, &args), "by 1 January 2026.");
}

// Source: the Kazakh Cyrillic alphabet of 42 letters and the Unicode CLDR collation tailoring for
// kk (common/collation/kk.xml: "&Е<ё<<<Ё &у<ұ<<<Ұ<ү<<<Ү &ы<і<<<І"); ru sorts Ё with Е at the
// first level (CLDR root).
#[test]
fn names_sort_in_each_alphabets_order() {
    let sorted = |names: &[&'static str], lang| {
        let mut names = names.to_vec();
        names.sort_by(|a, b| compare_names(a, b, lang));
        names
    };
    let names = [
        "ёж", "Ежов", "Ель", "ірі", "ыбыр", "Үй", "ұл", "Уа", "Қала", "Кит",
    ];
    assert_eq!(
        sorted(&names, Lang::Kk),
        [
            "Ежов", "Ель", "ёж", "Кит", "Қала", "Уа", "ұл", "Үй", "ыбыр", "ірі"
        ]
    );
    assert_eq!(
        sorted(&["Ель", "ёж", "Ежов"], Lang::Ru),
        ["ёж", "Ежов", "Ель"]
    );
    // Accents, then case (small letters first) only between names otherwise equal.
    assert_eq!(
        sorted(&["Бета", "бета", "альфа"], Lang::Ru),
        ["альфа", "бета", "Бета"]
    );
    assert_eq!(
        sorted(&["Åland", "Aland", "aland"], Lang::En),
        ["aland", "Aland", "Åland"]
    );
    // Spaces and punctuation before letters; Latin after Cyrillic in kk and ru, before it in en.
    assert_eq!(
        sorted(&["Жаңа Зеландия", "Жаңаөзен", "Zeta", "Альфа"], Lang::Kk),
        ["Альфа", "Жаңа Зеландия", "Жаңаөзен", "Zeta"]
    );
    assert_eq!(
        sorted(&["Альфа", "Zeta", "Åland"], Lang::En),
        ["Åland", "Zeta", "Альфа"]
    );
    assert_eq!(
        compare_names("Алма", "Алма", Lang::Kk),
        core::cmp::Ordering::Equal
    );
}
