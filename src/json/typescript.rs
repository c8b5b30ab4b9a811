//! The package's TypeScript declarations of its answers (src/wasm-shapes.d.ts), generated from the
//! Rust types with ts-rs: the serde derives are the one description of each shape, for serde_json
//! natively, for the module's writer and for TypeScript. The file is checked in (the package is
//! built without running tests); the test below fails when it drifts from the types, and
//! `UPDATE_WASM_SHAPES=1 cargo test --lib json::typescript` rewrites it.

use ts_rs::{Config, TS};

use super::{ScannedCode, WorkingDays};
use crate::cert::{
    KeyStatus, KeyUse, Record, Stage, Status, StatusListSummary, StatusYearSummary,
    TrustListSummary, TrustedKeySummary, VerificationResult, Warning, WarningCode,
};
use crate::data::{
    CalendarYearSummary, Confidence, Country, DataBundleSummary, Regime, Region, RegionKind,
};
use crate::date::Date;
use crate::i18n::Lang;
use crate::rules::{
    Deadline, DeadlineCounting, DeadlineState, Finding, FindingCode, LimitedBy, Obligation,
    ObligationCode, ObligationKind, Policy, ReRegistrationCounting, Report, Severity, StayLimit,
};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/wasm-shapes.d.ts");

/// A civil date, written `YYYY-MM-DD` (its serde form is its `Display`).
impl TS for Date {
    type WithoutGenerics = Date;
    type OptionInnerType = Date;

    fn docs() -> Option<String> {
        Some("/** A civil date, `YYYY-MM-DD`. */\n".to_owned())
    }

    fn name(_: &Config) -> String {
        "IsoDate".to_owned()
    }

    fn inline(_: &Config) -> String {
        "string".to_owned()
    }

    fn decl(config: &Config) -> String {
        format!("type {} = {};", Self::name(config), Self::inline(config))
    }

    fn decl_concrete(config: &Config) -> String {
        Self::decl(config)
    }
}

/// The declarations, one a type, in the order of the API's sections.
fn declarations() -> String {
    // Integers are JavaScript numbers: JSON.parse reads them so, and every count, day and
    // second of the answers is far inside 2^53.
    let config = Config::new().with_large_int("number");
    let mut text = String::from(
        "// The shapes of the answers, generated from the Rust types (their serde derives) by\n\
         // `UPDATE_WASM_SHAPES=1 cargo test --lib json::typescript`: do not edit.\n",
    );
    macro_rules! declare {
        ($section:literal: $($type:ty),* $(,)?) => {
            text.push_str(&format!("\n// ----- {} {}\n", $section, "-".repeat(86 - $section.len())));
            $(
                text.push('\n');
                text.push_str(&tidy(&format!(
                    "{}export {}",
                    <$type>::docs().unwrap_or_default(),
                    <$type>::decl(&config)
                )));
            )*
        };
    }
    declare!("Values of every answer": Date, Lang);
    declare!("The report (output of checkApplication)":
        Report, Finding, Severity, FindingCode, Obligation, ObligationKind, ObligationCode,
        Deadline, DeadlineState, StayLimit, Regime, Confidence, LimitedBy, Policy,
        DeadlineCounting, ReRegistrationCounting,
    );
    declare!("Tables and the calendar":
        WorkingDays, Region, RegionKind, Country, DataBundleSummary, CalendarYearSummary,
    );
    declare!("Certificates":
        VerificationResult, Status, Stage, Record, Warning, WarningCode, TrustListSummary,
        TrustedKeySummary, KeyStatus, KeyUse, StatusListSummary, StatusYearSummary,
    );
    declare!("QR codes": ScannedCode<'static>);
    text
}

/// A declaration as ts-rs writes it (an object's members on one line each, after their docs),
/// laid out as the rest of the package's declarations: members indented and ended by `;`, a
/// long union one alternative a line, Rust's intra-doc links as plain names. A member serde
/// leaves out when it is `None` is optional and never `null`.
fn tidy(declaration: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let line = |out: &mut String, depth: usize, text: &str| {
        out.push_str(&"  ".repeat(depth));
        out.push_str(text);
        out.push('\n');
    };
    let mut doc = Vec::new();
    for raw in declaration.lines() {
        let raw = raw.trim_end();
        if raw.starts_with("/**") || raw.starts_with(" *") {
            doc.push(plain_links(raw));
            if raw.ends_with("*/") {
                // A one-line doc on one line.
                if let [_, text, _] = doc.as_slice() {
                    let text = text.trim_start_matches(" *");
                    line(&mut out, depth, &format!("/**{text} */"));
                } else {
                    for text in &doc {
                        line(&mut out, depth, text);
                    }
                }
                doc.clear();
            }
            continue;
        }
        if !raw.contains('{') && raw.len() > 100 && raw.contains(" | ") {
            let (head, alternatives) = raw.split_once(" = ").unwrap();
            line(&mut out, depth, &format!("{head} ="));
            let alternatives = alternatives.trim_end_matches(';');
            let count = alternatives.split(" | ").count();
            for (i, alternative) in alternatives.split(" | ").enumerate() {
                let end = if i + 1 == count { ";" } else { "" };
                line(&mut out, depth + 1, &format!("| {alternative}{end}"));
            }
            continue;
        }
        let mut rest = raw;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("} | { ") {
                line(&mut out, depth - 1, "} | {");
                rest = after;
            } else if rest == "};" {
                depth -= 1;
                line(&mut out, depth, "};");
                rest = "";
            } else if let Some(open) = rest
                .find("{ ")
                .or_else(|| rest.ends_with('{').then(|| rest.len() - 1))
                .filter(|&open| rest.find(", ").is_none_or(|comma| open < comma))
            {
                line(&mut out, depth, &format!("{}{{", &rest[..open]));
                depth += 1;
                rest = rest.get(open + 2..).unwrap_or_default();
            } else {
                // A member, up to its comma.
                let end = rest.find(", ").map_or(rest.len(), |comma| comma + 2);
                let member = rest[..end].trim_end().trim_end_matches(',');
                rest = &rest[end..];
                let (name, kind) = member.split_once(": ").unwrap_or((member, ""));
                let name = name.trim_matches('"');
                let kind = match name.ends_with('?') {
                    true => kind.trim_end_matches(" | null"),
                    false => kind,
                };
                if kind.is_empty() {
                    line(&mut out, depth, member);
                } else {
                    line(&mut out, depth, &format!("{name}: {kind};"));
                }
            }
        }
    }
    out
}

/// Rust's intra-doc links (`[`super::field_label`]`) as the plain name (`field_label`).
fn plain_links(doc: &str) -> String {
    let mut out = String::new();
    let mut rest = doc;
    while let Some(start) = rest.find("[`") {
        let Some(end) = rest[start..].find("`]").map(|end| start + end) else {
            break;
        };
        let path = &rest[start + 2..end];
        let name = path.rsplit("::").next().unwrap_or(path);
        out.push_str(&rest[..start]);
        out.push('`');
        out.push_str(name);
        out.push('`');
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_declarations_are_generated_from_the_types() {
    let generated = declarations();
    if std::env::var_os("UPDATE_WASM_SHAPES").is_some() {
        std::fs::write(PATH, &generated).unwrap();
        return;
    }
    let checked_in = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        checked_in == generated,
        "src/wasm-shapes.d.ts is not what the Rust types declare: run \
         `UPDATE_WASM_SHAPES=1 cargo test --lib json::typescript` and commit the file"
    );
}
