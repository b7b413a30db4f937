//! The one diagnostic type every rule produces and every report renders.

use std::ops::Range;

use serde::Serialize;

use crate::codes;
pub use crate::codes::Severity;

/// A secondary location, e.g. "first set here".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub file: usize,
    pub span: Range<usize>,
    pub message: String,
}

/// A text edit on the original bytes of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// How safe it is to apply a diagnostic's [`Edit`]s (they apply as one group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixSafety {
    /// The meaning is unchanged, or the result is certainly what was intended
    /// (`sysctl-lint check --fix`).
    #[default]
    Safe,
    /// Changes what the kernel gets; applied only with `--unsafe-fixes`.
    Unsafe,
}

impl FixSafety {
    pub fn as_str(self) -> &'static str {
        match self {
            FixSafety::Safe => "safe",
            FixSafety::Unsafe => "unsafe",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// Index of the file in the linted set.
    pub file: usize,
    /// Byte range in the file (empty for a file-level finding).
    pub span: Range<usize>,
    /// What is wrong and what the kernel or loader will do.
    pub message: String,
    pub labels: Vec<Label>,
    /// Why: the reasoning behind the headline (`= note:` in the human format).
    pub note: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
    /// The normalised key the finding is about.
    pub key: Option<String>,
    /// The value as written.
    pub value: Option<String>,
    /// With `audit`: the key's value on the running system (or the snapshot).
    pub live: Option<String>,
    /// The fix: edits on the file's original bytes, applied together or not at all.
    pub edits: Vec<Edit>,
    /// The safety of `edits` as a whole (meaningless when there are none).
    pub fix_safety: FixSafety,
    /// The message, note and help in the language of the run when it is not
    /// English (`message`, `note` and `help` stay English: the machine formats'
    /// stable text).
    pub localized: Option<Box<Localized>>,
}

/// A diagnostic's text in another language (see [`crate::i18n`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Localized {
    pub message: Option<String>,
    pub note: Option<String>,
    pub help: Option<String>,
}

/// A text of a diagnostic: English, and the run's language where a message of
/// the Fluent files made it (`msg!`). Plain strings are English only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub en: String,
    pub localized: Option<String>,
}

impl From<String> for Text {
    fn from(en: String) -> Self {
        Text {
            en,
            localized: None,
        }
    }
}

impl From<&str> for Text {
    fn from(en: &str) -> Self {
        en.to_owned().into()
    }
}

impl From<&String> for Text {
    fn from(en: &String) -> Self {
        en.clone().into()
    }
}

impl From<&Text> for Text {
    fn from(t: &Text) -> Self {
        t.clone()
    }
}

impl From<std::borrow::Cow<'_, str>> for Text {
    fn from(en: std::borrow::Cow<'_, str>) -> Self {
        en.into_owned().into()
    }
}

impl Text {
    /// Message `id` of the Fluent files with its arguments: English, and the
    /// run's language when it is another.
    pub fn message(id: &str, args: &[(&str, crate::i18n::Arg<'_>)]) -> Text {
        Text::message_in(crate::i18n::lang(), id, args)
    }

    /// The text as shown to people: in the run's language where there is one.
    pub fn shown(&self) -> &str {
        self.localized.as_deref().unwrap_or(&self.en)
    }

    /// [`Text::message`] for a given language.
    pub fn message_in(
        lang: crate::i18n::Lang,
        id: &str,
        args: &[(&str, crate::i18n::Arg<'_>)],
    ) -> Text {
        use crate::i18n::{tr_in, Lang};
        Text {
            en: tr_in(Lang::En, id, args),
            localized: (lang != Lang::En).then(|| tr_in(lang, id, args)),
        }
    }
}

/// `msg!("id", name = value, ...)`: a diagnostic [`Text`] from the Fluent files.
#[macro_export]
macro_rules! msg {
    ($id:expr) => {
        $crate::diagnostic::Text::message($id, &[])
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::diagnostic::Text::message(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

impl Diagnostic {
    /// A diagnostic with the code's default severity from its doc page.
    pub fn new(
        code: &'static str,
        file: usize,
        span: Range<usize>,
        message: impl Into<Text>,
    ) -> Self {
        let doc = codes::doc(code);
        let message = message.into();
        let mut d = Diagnostic {
            code,
            name: doc.map_or("", |d| d.name),
            severity: doc.map_or(Severity::Error, |d| d.severity),
            file,
            span,
            message: message.en,
            labels: Vec::new(),
            note: None,
            help: None,
            key: None,
            value: None,
            live: None,
            edits: Vec::new(),
            fix_safety: FixSafety::Safe,
            localized: None,
        };
        if let Some(m) = message.localized {
            d.localized_mut().message = Some(m);
        }
        d
    }

    fn localized_mut(&mut self) -> &mut Localized {
        self.localized.get_or_insert_with(Box::default)
    }

    /// The headline as shown to people: in the run's language where there is one.
    pub fn message_shown(&self) -> &str {
        self.localized
            .as_ref()
            .and_then(|l| l.message.as_deref())
            .unwrap_or(&self.message)
    }

    /// The note as shown to people.
    pub fn note_shown(&self) -> Option<&str> {
        self.localized
            .as_ref()
            .and_then(|l| l.note.as_deref())
            .or(self.note.as_deref())
    }

    /// The help as shown to people.
    pub fn help_shown(&self) -> Option<&str> {
        self.localized
            .as_ref()
            .and_then(|l| l.help.as_deref())
            .or(self.help.as_deref())
    }

    /// SL100 for an input that could not be read: `cannot read `NAME`: REASON`,
    /// the path's end and the reason clipped to fit the headline (the full path
    /// is the finding's file; a clipped reason is in the note), in English and,
    /// with the reason's own translation, in the run's language. The caller adds
    /// the help.
    pub fn unreadable(file: usize, name: &str, reason: impl Into<Text>) -> Self {
        use crate::i18n::{tr_in, Lang};
        let reason = reason.into();
        // The headline in one language, and whether its reason was clipped.
        let fit = |lang: Lang, reason: &str| {
            let headline = |name: &str, reason: &str| {
                tr_in(
                    lang,
                    "sl100-headline",
                    &[("name", name.into()), ("reason", reason.into())],
                )
            };
            // `error[SL100 unreadable-input]: ` takes 31 columns, `cannot read ``: `
            // 16 more in English.
            let room = 100 - 31 - crate::text::width(&headline("", ""));
            // The reason first (it says what is wrong), the path's end in the rest.
            // A long reason keeps its gist, before its details in `(...)` or after
            // `,` (in Chinese also their full-width forms).
            let gist = if crate::text::width(reason) > room - 12 {
                let split: &[char] = match lang {
                    Lang::En => &[',', '('],
                    _ => &[',', '(', '，', '（'],
                };
                reason.split(split).next().unwrap_or(reason).trim_end()
            } else {
                reason
            };
            let short_reason = crate::text::clip(gist, room - 12);
            let name_room = room - crate::text::width(&short_reason);
            let short_name = crate::text::clip_start(name, name_room);
            (
                headline(&short_name, &short_reason),
                short_reason.len() != reason.len(),
            )
        };
        let (en, en_clipped) = fit(Lang::En, &reason.en);
        let mut d = Diagnostic::new("SL100", file, 0..0, en);
        // The full path is the finding's file; a clipped reason is in the note.
        if en_clipped {
            d.note = Some(tr_in(
                Lang::En,
                "sl100-note",
                &[("reason", reason.en.as_str().into())],
            ));
        }
        let run = crate::i18n::lang();
        if run != Lang::En {
            let shown = reason.localized.as_deref().unwrap_or(&reason.en);
            let (headline, clipped) = fit(run, shown);
            let l = d.localized_mut();
            l.message = Some(headline);
            // (An English note alone would be shown in English.)
            if clipped || en_clipped {
                l.note = Some(tr_in(run, "sl100-note", &[("reason", shown.into())]));
            }
        }
        d
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The why behind the headline, shown after it (`= note:`).
    pub fn note(mut self, note: impl Into<Text>) -> Self {
        let note = note.into();
        self.note = Some(note.en);
        self.set_localized(note.localized, |l| &mut l.note);
        self
    }

    pub fn help(mut self, help: impl Into<Text>) -> Self {
        let help = help.into();
        self.help = Some(help.en);
        self.set_localized(help.localized, |l| &mut l.help);
        self
    }

    /// Set (or clear, for an English-only text) one localized field.
    fn set_localized(
        &mut self,
        text: Option<String>,
        field: impl Fn(&mut Localized) -> &mut Option<String>,
    ) {
        match text {
            Some(t) => *field(self.localized_mut()) = Some(t),
            None => {
                if let Some(l) = &mut self.localized {
                    *field(l) = None;
                }
            }
        }
    }

    pub fn label(mut self, file: usize, span: Range<usize>, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
        });
        self
    }

    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// A safe edit (see [`FixSafety::Safe`]): replace `range` of the original bytes.
    /// A replacement that inserts a line ends it with `\n`; the fixer writes the
    /// file's own line ending instead.
    pub fn edit(mut self, range: Range<usize>, replacement: impl Into<String>) -> Self {
        self.edits.push(Edit {
            range,
            replacement: replacement.into(),
        });
        self
    }

    /// An edit that changes behaviour: the whole fix becomes [`FixSafety::Unsafe`].
    pub fn unsafe_edit(mut self, range: Range<usize>, replacement: impl Into<String>) -> Self {
        self.fix_safety = FixSafety::Unsafe;
        self.edit(range, replacement)
    }

    /// What the fix does, as `--show-fixes` lists it: the help, else the rule's name.
    pub fn fix_title(&self) -> String {
        self.help_shown().map_or_else(
            || crate::i18n::tr("out-fix-title", &[("name", self.name.into())]),
            str::to_owned,
        )
    }

    /// The safety of the fix, if the finding has one.
    pub fn fix(&self) -> Option<FixSafety> {
        (!self.edits.is_empty()).then_some(self.fix_safety)
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn localized_text_is_kept_beside_the_english() {
        let args = [("severity", "warning".into())];
        let zh = Text::message_in(Lang::ZhCn, "explain-default-severity", &args);
        assert_eq!(zh.en, "Default severity: warning");
        assert_eq!(zh.localized.as_deref(), Some("默认级别：warning"));
        let d = Diagnostic::new("SL101", 0, 0..1, zh.clone())
            .note(zh.clone())
            .help("plain English");
        assert_eq!(d.message, "Default severity: warning");
        assert_eq!(d.message_shown(), "默认级别：warning");
        assert_eq!(d.note_shown(), Some("默认级别：warning"));
        assert_eq!(d.help_shown(), Some("plain English"));
        let en = Text::message_in(Lang::En, "explain-default-severity", &args);
        assert_eq!(en.localized, None);
        let d = Diagnostic::new("SL101", 0, 0..1, en);
        assert_eq!(d.localized, None);
        assert_eq!(d.message_shown(), "Default severity: warning");
    }
}
