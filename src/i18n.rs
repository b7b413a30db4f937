//! The language of what people read: messages in Project Fluent files
//! (`locales/<lang>/*.ftl`, embedded in the binary), chosen once per run.
//!
//! Choosing the language (first that applies): `--lang`, `lang` in
//! `.sysctl-lint.toml`, the locale environment (`LC_ALL`, else `LC_MESSAGES`,
//! else `LANG`, as POSIX orders them: the first that is set and not empty
//! decides), else English. `zh_CN`, `zh_SG` and a bare `zh` select Simplified
//! Chinese; `zh_TW`, `zh_HK` and `zh_MO` stay English until a Traditional Chinese
//! file exists; `C` and `POSIX` are English.
//!
//! What is localised: the text people read (headings, labels, summaries, rule
//! pages, error messages). Codes, rule names, keys, values and the machine
//! formats' stable fields are never translated: JSON, JSON Lines and SARIF keep
//! the English `message` and add `message_localized` when another language is
//! active.
//!
//! A message missing from a language falls back to English (a test checks that
//! both files have the same ids with the same arguments, so this is a safety
//! net, not a feature). Arguments are Fluent arguments (numbers take the
//! language's plural rules); nothing is assembled by concatenation.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language the tool speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag (`en-US`, `zh-CN`): the folder under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// A language named by the user (`--lang`, `lang =`): `en`, `en-US`, `zh-CN`,
    /// `zh_CN`, `zh-Hans`, `zh` (case-insensitive). `None` for anything else.
    pub fn parse(name: &str) -> Option<Lang> {
        let n = name.trim().to_ascii_lowercase().replace('_', "-");
        match n.as_str() {
            "en" | "en-us" | "en-gb" | "c" | "posix" => Some(Lang::En),
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" | "zh-sg" => Some(Lang::ZhCn),
            _ => None,
        }
    }

    /// The language of a POSIX locale value (`zh_CN.UTF-8`, `en_US.utf8@euro`,
    /// `C`): Simplified Chinese for `zh`, `zh_CN`, `zh_SG`; English otherwise
    /// (Traditional Chinese locales included, until a file exists for them).
    pub fn from_locale(value: &str) -> Lang {
        let base = value.split(['.', '@']).next().unwrap_or("");
        let mut parts = base.split(['_', '-']);
        let language = parts.next().unwrap_or("").to_ascii_lowercase();
        let territory = parts.next().map(str::to_ascii_uppercase);
        match (language.as_str(), territory.as_deref()) {
            ("zh", None | Some("CN" | "SG" | "HANS")) => Lang::ZhCn,
            _ => Lang::En,
        }
    }

    /// The language the locale environment asks for: `LC_ALL`, else
    /// `LC_MESSAGES`, else `LANG` (the first set and not empty decides).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|v| !v.is_empty())
            .map_or(Lang::En, |v| Lang::from_locale(&v))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// The Fluent sources of a language (file name, text), in a fixed order.
pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[
            ("main.ftl", include_str!("../locales/en-US/main.ftl")),
            ("output.ftl", include_str!("../locales/en-US/output.ftl")),
            ("config.ftl", include_str!("../locales/en-US/config.ftl")),
            ("fs.ftl", include_str!("../locales/en-US/fs.ftl")),
            (
                "rules-syntax-keys-values.ftl",
                include_str!("../locales/en-US/rules-syntax-keys-values.ftl"),
            ),
            (
                "rules-system.ftl",
                include_str!("../locales/en-US/rules-system.ftl"),
            ),
        ],
        Lang::ZhCn => &[
            ("main.ftl", include_str!("../locales/zh-CN/main.ftl")),
            ("output.ftl", include_str!("../locales/zh-CN/output.ftl")),
            ("config.ftl", include_str!("../locales/zh-CN/config.ftl")),
            ("fs.ftl", include_str!("../locales/zh-CN/fs.ftl")),
            (
                "rules-syntax-keys-values.ftl",
                include_str!("../locales/zh-CN/rules-syntax-keys-values.ftl"),
            ),
            (
                "rules-system.ftl",
                include_str!("../locales/zh-CN/rules-system.ftl"),
            ),
        ],
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    // One bundle per language, parsed the first time the language is used: an
    // English run never parses the other languages' files.
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    let i = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    BUNDLES[i].get_or_init(|| {
        let id: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut b = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around arguments: the output goes to
        // terminals and logs, where they show as stray characters.
        b.set_use_isolating(false);
        for (_, text) in sources(lang) {
            // The files are ours and checked by the tests; a syntax error
            // keeps the entries that parsed.
            let resource = match FluentResource::try_new((*text).to_owned()) {
                Ok(r) | Err((r, _)) => r,
            };
            let _ = b.add_resource(resource);
        }
        b
    })
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Set the language of this run (the command line does this once, first).
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language of this run (English unless [`set_lang`] chose another).
pub fn lang() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::ZhCn,
        _ => Lang::En,
    }
}

/// An argument value for [`tr_in`]: text or a number (numbers choose plural forms).
#[derive(Clone, Copy)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n as f64)
    }
}

/// Message `id` in `lang` with its arguments, falling back to English, then to
/// the id itself (never panics, never empty for a known id).
pub fn tr_in(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Str(s) => fluent_args.set(*name, FluentValue::from(*s)),
            Arg::Num(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = b.format_pattern(pattern, Some(&fluent_args), &mut errors);
            return text.into_owned();
        }
    }
    id.to_owned()
}

/// Message `id` in the language of this run.
pub fn tr(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    tr_in(lang(), id, args)
}

/// A severity word in the language of this run (`error`, `错误`).
pub fn severity(s: crate::diagnostic::Severity) -> String {
    tr(&format!("severity-{}", s.as_str()), &[])
}

/// `tr!("id")`, `tr!("id", name = value, ...)`: a message in the language of this run.
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::tr($id, &[])
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_values() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::ZhCn);
        assert_eq!(Lang::from_locale("zh_SG"), Lang::ZhCn);
        assert_eq!(Lang::from_locale("zh"), Lang::ZhCn);
        assert_eq!(Lang::from_locale("zh_TW.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("zh_HK.Big5"), Lang::En);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    #[test]
    fn environment_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::ZhCn);
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_CN")])),
            Lang::ZhCn
        );
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
    }

    #[test]
    fn names() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh_cn"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("zh-TW"), None);
    }

    #[test]
    fn arguments_and_fallback() {
        assert_eq!(
            tr_in(
                Lang::En,
                "explain-default-severity",
                &[("severity", "warning".into())]
            ),
            "Default severity: warning"
        );
        assert_eq!(tr_in(Lang::ZhCn, "no-such-message", &[]), "no-such-message");
    }
}
