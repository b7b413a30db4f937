//! The table of codes: each rule's code, name, default severity, summary and
//! documentation, parsed from its page in `rules/docs/<CODE>.md` (`build.rs`
//! embeds them). The bottom layer: [`crate::diagnostic`] takes a code's name and
//! default severity from here, and [`crate::rules`] registers a check per code.

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule's documentation page and metadata (from `rules/docs/<CODE>.md`).
#[derive(Debug)]
pub struct RuleDoc {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// The headline of a group of this code's findings in one file, when they
    /// share one cause across lines (the `group:` front matter line): the human
    /// and short formats show such a group once.
    pub group: Option<&'static str>,
    /// Keys the rule is about (lookup form, from the `keys:` front matter line).
    pub keys: &'static [&'static str],
    /// The Markdown page, without its front matter.
    pub body: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));
include!(concat!(env!("OUT_DIR"), "/rule_docs_zh.rs"));

/// A rule's page in another language (`rules/docs/<lang>/<CODE>.md`).
#[derive(Debug)]
pub struct Translated {
    pub code: &'static str,
    pub summary: &'static str,
    pub group: Option<&'static str>,
    pub body: &'static str,
}

/// A rule's page in a language, `None` where the page has not been translated
/// (the English page is then shown).
pub fn translated(code: &str, lang: crate::i18n::Lang) -> Option<&'static Translated> {
    let pages = match lang {
        crate::i18n::Lang::En => return None,
        crate::i18n::Lang::ZhCn => RULE_DOCS_ZH_CN,
    };
    pages.iter().find(|t| t.code == code)
}

impl RuleDoc {
    /// The summary in the language of this run.
    pub fn summary_localized(&self) -> &'static str {
        translated(self.code, crate::i18n::lang()).map_or(self.summary, |t| t.summary)
    }

    /// The group headline in the language of this run.
    pub fn group_localized(&self) -> Option<&'static str> {
        let group = self.group?;
        Some(
            translated(self.code, crate::i18n::lang())
                .and_then(|t| t.group)
                .unwrap_or(group),
        )
    }

    /// The page in the language of this run, and whether it is a translation.
    pub fn body_localized(&self) -> (&'static str, bool) {
        translated(self.code, crate::i18n::lang()).map_or((self.body, false), |t| (t.body, true))
    }
}

/// All documented rules, in code order.
pub fn docs() -> &'static [RuleDoc] {
    RULE_DOCS
}

/// The doc page of a code (`SL201`, `sl201`) or a name (`unknown-key`).
pub fn doc(code_or_name: &str) -> Option<&'static RuleDoc> {
    RULE_DOCS
        .iter()
        .find(|d| d.code.eq_ignore_ascii_case(code_or_name) || d.name == code_or_name)
}

/// Rules whose page lists the key (catalogue lookup path, e.g. `net/ipv4/tcp_tw_reuse`).
pub fn about_key(path: &str) -> Vec<&'static RuleDoc> {
    RULE_DOCS
        .iter()
        .filter(|d| d.keys.contains(&path))
        .collect()
}
