//! One finding per cause: the findings of one file that share a cause are a
//! group, shown once by the human and short formats (the first place, then the
//! others as labels or a list of lines) and tagged with a shared `group` id by
//! the machine formats, which keep one entry per finding.
//!
//! Two findings of one file and one severity are in one group when
//! - their code declares a group headline (`group:` in the front matter of its
//!   page in `rules/docs/`): its findings share one cause across lines (inline
//!   comments, keys set again to the same value, removed keys); the group shows
//!   the note and help its members share (what differs stays in each finding:
//!   JSON, `--format short` per line, the language server); or
//! - they say the same thing (code, message, note and help): a line repeated
//!   verbatim does not repeat its findings.
//!
//! Groups are in the order of their first finding.

use std::collections::HashMap;

use crate::codes;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileData;

/// Findings that share one cause, as indices into the findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// In the order of the findings (the first one is shown first).
    pub members: Vec<usize>,
    /// The code's group headline, when the group is a declared one.
    pub headline: Option<&'static str>,
}

impl Group {
    /// More than one finding.
    pub fn is_grouped(&self) -> bool {
        self.members.len() > 1
    }

    /// The headline to show for the whole group, in the run's language: the
    /// first finding's message when all say the same, else the code's group
    /// headline.
    pub fn message<'a>(&self, diags: &'a [Diagnostic]) -> &'a str {
        let first = &diags[self.members[0]];
        match self.headline {
            Some(h)
                if self
                    .members
                    .iter()
                    .any(|&m| diags[m].message != first.message) =>
            {
                codes::doc(first.code)
                    .and_then(|d| d.group_localized())
                    .unwrap_or(h)
            }
            _ => first.message_shown(),
        }
    }
}

#[derive(Hash, PartialEq, Eq)]
enum Key<'a> {
    Declared {
        file: usize,
        code: &'static str,
        severity: Severity,
    },
    Verbatim {
        file: usize,
        code: &'static str,
        severity: Severity,
        message: &'a str,
        note: Option<&'a str>,
        help: Option<&'a str>,
    },
}

/// The groups of the findings (every finding is in exactly one).
pub fn groups(diags: &[Diagnostic]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut index: HashMap<Key<'_>, usize> = HashMap::new();
    for (i, d) in diags.iter().enumerate() {
        let headline = codes::doc(d.code).and_then(|doc| doc.group);
        let key = if headline.is_some() {
            Key::Declared {
                file: d.file,
                code: d.code,
                severity: d.severity,
            }
        } else {
            Key::Verbatim {
                file: d.file,
                code: d.code,
                severity: d.severity,
                message: &d.message,
                note: d.note.as_deref(),
                help: d.help.as_deref(),
            }
        };
        match index.get(&key) {
            Some(&g) => out[g].members.push(i),
            None => {
                index.insert(key, out.len());
                out.push(Group {
                    members: vec![i],
                    headline,
                });
            }
        }
    }
    out
}

impl Group {
    /// The note every member gives, in the run's language (`None` when they
    /// differ or have none).
    pub fn note<'a>(&self, diags: &'a [Diagnostic]) -> Option<&'a str> {
        shared(self, diags, Diagnostic::note_shown)
    }

    /// The help every member gives, in the run's language.
    pub fn help<'a>(&self, diags: &'a [Diagnostic]) -> Option<&'a str> {
        shared(self, diags, Diagnostic::help_shown)
    }
}

fn shared<'a>(
    g: &Group,
    diags: &'a [Diagnostic],
    text: impl Fn(&'a Diagnostic) -> Option<&'a str>,
) -> Option<&'a str> {
    let first = text(&diags[g.members[0]])?;
    g.members
        .iter()
        .all(|&m| text(&diags[m]) == Some(first))
        .then_some(first)
}

/// The group id of each finding, for the machine formats: `None` for a finding
/// alone, else `PATH:LINE:CODE` of the group's first finding (unique in the
/// report; a second group that would get the same id gets `#2` after it).
pub fn ids(files: &[FileData], diags: &[Diagnostic]) -> Vec<Option<String>> {
    let mut out = vec![None; diags.len()];
    let mut seen: HashMap<String, usize> = HashMap::new();
    for g in groups(diags) {
        if !g.is_grouped() {
            continue;
        }
        let first = &diags[g.members[0]];
        let f = &files[first.file];
        let (line, _) = f.source.position(first.span.start);
        let mut id = format!("{}:{line}:{}", super::machine_path(f), first.code);
        let n = seen.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            id.push_str(&format!("#{n}"));
        }
        for &m in &g.members {
            out[m] = Some(id.clone());
        }
    }
    out
}

/// The 1-based lines of the findings `members` (each line once, in order).
pub fn lines(files: &[FileData], diags: &[Diagnostic], members: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &m in members {
        let d = &diags[m];
        let line = files[d.file].source.position(d.span.start).0;
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

/// `line 7`, `lines 3 and 7`, `lines 3, 7 and 12`, `lines 3, 7, 12 and 43 more`
/// (at most `shown` numbers), in the run's language.
pub fn line_list(lines: &[usize], shown: usize) -> String {
    use crate::i18n::tr;
    let shown = shown.max(1);
    let nums: Vec<String> = lines.iter().map(usize::to_string).collect();
    let sep = tr("out-list-separator", &[]);
    if nums.len() <= shown {
        return match nums.split_last() {
            None => String::new(),
            Some((last, [])) => tr("out-lines-one", &[("last", last.into())]),
            Some((last, rest)) => tr(
                "out-lines-some",
                &[("list", (&rest.join(&sep)).into()), ("last", last.into())],
            ),
        };
    }
    tr(
        "out-lines-more",
        &[
            ("list", (&nums[..shown].join(&sep)).into()),
            ("more", (nums.len() - shown).into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_lists() {
        assert_eq!(line_list(&[7], 3), "line 7");
        assert_eq!(line_list(&[3, 7], 3), "lines 3 and 7");
        assert_eq!(line_list(&[3, 7, 12], 3), "lines 3, 7 and 12");
        assert_eq!(
            line_list(&[3, 7, 12, 19, 20], 3),
            "lines 3, 7, 12 and 2 more"
        );
    }

    #[test]
    fn verbatim_repeats_and_declared_codes_group() {
        let d = |code, start: usize, msg: &str| Diagnostic::new(code, 0, start..start + 1, msg);
        let diags = vec![
            d("SL202", 0, "a removed"),
            d("SL402", 10, "x again"),
            d("SL202", 20, "a removed"),
            d("SL202", 30, "b removed"),
            d("SL402", 40, "y again"),
        ];
        let g = groups(&diags);
        let members: Vec<Vec<usize>> = g.iter().map(|g| g.members.clone()).collect();
        let declared = codes::doc("SL402").and_then(|d| d.group).is_some();
        assert!(declared, "SL402 declares a group");
        assert!(members.contains(&vec![1, 4]));
        assert!(members.iter().any(|m| m.starts_with(&[0, 2])));
    }
}
