//! Shared reading of a numeric value, so the value rules agree on what the kernel
//! sees: the body (value without an inline comment) split into blank-separated
//! tokens, the first `arity` of which the kernel parses as integers.

use crate::catalog::{KeyInfo, ValueType};
use crate::diagnostic::{Severity, Text};
use crate::i18n::Lang;
use crate::lint::Setting;
use crate::value;

/// A numeric setting whose value is plain enough for the value rules: not empty,
/// not quoted, not starting with `=` (those have their own rules).
pub struct Numeric<'a> {
    pub info: &'static KeyInfo,
    pub arity: usize,
    pub tokens: crate::value::Tokens<'a>,
}

pub fn numeric(setting: &Setting) -> Option<Numeric<'_>> {
    let info = setting.info()?;
    let arity = info.ty.arity()?;
    let body = setting.body();
    if body.is_empty() || body.starts_with('=') || is_quoted(body) {
        return None;
    }
    Some(Numeric {
        info,
        arity,
        tokens: value::tokens(body, setting.body_span().start),
    })
}

pub fn is_quoted(body: &str) -> bool {
    body.len() >= 2
        && ((body.starts_with('"') && body.ends_with('"'))
            || (body.starts_with('\'') && body.ends_with('\'')))
}

/// The widest bounds any sysctl integer has (a `long` or `unsigned long`). The
/// exact width of a key (an `int` rejects more than 2147483647) is catalogue data:
/// its `min` and `max` columns.
pub fn width_bounds(ty: ValueType) -> (i128, i128) {
    let max = i128::from(u64::MAX);
    match ty {
        ValueType::UInt => (0, max),
        _ => (i128::from(i64::MIN), max),
    }
}

/// The columns a key's last component or a value may take in a headline, so
/// that `severity[CODE name]: message` stays within 100 columns.
pub const SHORT: usize = 24;

/// The last component of the setting's key (`tcp_rmem`), clipped for a headline.
/// A number as the last component (`nf_log.2`, `sched_domain.cpu0.domain0.0`)
/// says little alone: its parent comes with it.
pub fn last(setting: &Setting) -> String {
    let Some(key) = setting.key.as_ref() else {
        return String::new();
    };
    let parts = key.parts();
    let n = parts.len();
    let last = match parts.as_slice() {
        [.., parent, last] if last.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{parent}.{last}")
        }
        _ => parts
            .get(n.wrapping_sub(1))
            .copied()
            .unwrap_or("")
            .to_owned(),
    };
    crate::text::clip(&last, SHORT).into_owned()
}

/// A text `make` writes in each language: English, and the run's language when it
/// is another. For a message whose arguments differ by language (a table row's
/// words, which have their own message in the run's language).
pub fn by_lang(make: impl Fn(Lang) -> String) -> Text {
    let run = crate::i18n::lang();
    Text {
        en: make(Lang::En),
        localized: (run != Lang::En).then(|| make(run)),
    }
}

/// The Fluent id of a rule table's text about `key`: `<prefix>-<key>-<part>` (no
/// `-<part>` when it is empty), the key's dots as `-` and `<dev>` as `dev`
/// (`sl205-net-ipv4-tcp_fack-why`, `action-vm-drop_caches`).
pub fn data_id(prefix: &str, key: &str, part: &str) -> String {
    let key = key.replace("<dev>", "dev").replace('.', "-");
    if part.is_empty() {
        format!("{prefix}-{key}")
    } else {
        format!("{prefix}-{key}-{part}")
    }
}

/// A rule table's text in `lang`: the table's own English words, or the message
/// `id` in another language.
pub fn data_text(lang: Lang, id: &str, english: &str) -> String {
    if lang == Lang::En {
        english.to_owned()
    } else {
        crate::i18n::tr_in(lang, id, &[])
    }
}

/// User text (a value, a comment, a key) clipped to `max` columns for a headline.
pub fn clip(s: &str, max: usize) -> String {
    crate::text::clip(s, max).into_owned()
}

/// `long` if the whole first line `severity[CODE name]: long` fits 100 columns,
/// else `short` (written to always fit). Measured with the longest severity
/// word, `warning`, so that a configured severity cannot push it over.
pub fn fit(severity: Severity, code: &str, long: String, short: String) -> String {
    let name = crate::codes::doc(code).map_or("", |d| d.name);
    let prefix = format!("{severity}[{code} {name}]: ");
    let widest = crate::text::width(&prefix).max(format!("warning[{code} {name}]: ").len());
    if widest + crate::text::width(&long) <= 100 {
        long
    } else {
        short
    }
}
