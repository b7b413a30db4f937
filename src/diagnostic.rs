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
}

impl Diagnostic {
    /// A diagnostic with the code's default severity from its doc page.
    pub fn new(
        code: &'static str,
        file: usize,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let doc = codes::doc(code);
        Diagnostic {
            code,
            name: doc.map_or("", |d| d.name),
            severity: doc.map_or(Severity::Error, |d| d.severity),
            file,
            span,
            message: message.into(),
            labels: Vec::new(),
            note: None,
            help: None,
            key: None,
            value: None,
            live: None,
            edits: Vec::new(),
            fix_safety: FixSafety::Safe,
        }
    }

    /// SL100 for an input that could not be read: `cannot read `NAME`: REASON`,
    /// the path's end and the reason clipped to fit the headline (the full path
    /// is the finding's file; a clipped reason is in the note). The caller adds
    /// the help.
    pub fn unreadable(file: usize, name: &str, reason: &str) -> Self {
        // `error[SL100 unreadable-input]: cannot read ``: ` takes 47 columns.
        const ROOM: usize = 100 - 47;
        // The reason first (it says what is wrong), the path's end in the rest.
        // A long reason keeps its gist, before its details in `(...)` or after `,`.
        let gist = if crate::text::width(reason) > ROOM - 12 {
            reason.split([',', '(']).next().unwrap_or(reason).trim_end()
        } else {
            reason
        };
        let short_reason = crate::text::clip(gist, ROOM - 12);
        let name_room = ROOM - crate::text::width(&short_reason);
        let short_name = crate::text::clip_start(name, name_room);
        let d = Diagnostic::new(
            "SL100",
            file,
            0..0,
            format!("cannot read `{short_name}`: {short_reason}"),
        );
        // The full path is the finding's file; a clipped reason is in the note.
        if short_reason.len() != reason.len() {
            d.note(format!("The reason: {reason}."))
        } else {
            d
        }
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The why behind the headline, shown after it (`= note:`).
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
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
        self.help
            .clone()
            .unwrap_or_else(|| format!("fix {}", self.name))
    }

    /// The safety of the fix, if the finding has one.
    pub fn fix(&self) -> Option<FixSafety> {
        (!self.edits.is_empty()).then_some(self.fix_safety)
    }
}
