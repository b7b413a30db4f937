//! Inline suppressions: comments on their own line.
//!
//! ```conf
//! # sysctl-lint: disable=SL201,removed-key -- out-of-tree driver, see TICKET-12
//! net.mydriver.debug = 1
//! # sysctl-lint: disable-file=SL305
//! ```
//!
//! `disable=` applies to the next line that is not blank and not a comment (so
//! several directives can stack above one setting); `disable-file=` to every finding
//! in its file, wherever it is written. Codes, names and prefixes (`SL4`) work; the
//! text after ` -- ` is the reason and is not read. The marker can be `#` or `;`.
//!
//! A directive at the end of an assignment line is part of the value (sysctl files
//! have no inline comments) and suppresses nothing: SL116 reports it.
//!
//! [`apply`] removes the suppressed findings and returns SL115 findings: a code that
//! suppressed nothing (info, like ruff's RUF100), or a directive that cannot be read
//! (unknown code or action: warning).

use std::collections::HashSet;
use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use crate::config::{did_you_mean, Selector};
use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::lint::FileData;
use crate::syntax::LineKind;
use crate::text::clip;

/// The code of unused or malformed suppressions.
pub const CODE: &str = "SL115";
/// What starts a directive after the comment marker.
pub const PREFIX: &str = "sysctl-lint:";

/// What a directive covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The 1-based line it applies to (`None`: no line follows).
    Line(Option<usize>),
    File,
}

/// One code of a directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectiveCode {
    pub selector: Selector,
    /// As written (`unknown-key`).
    pub text: String,
    pub span: Range<usize>,
}

/// A parsed `# sysctl-lint: disable...` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub file: usize,
    /// 1-based line of the comment.
    pub line: usize,
    pub scope: Scope,
    pub codes: Vec<DirectiveCode>,
    /// The text after ` -- `.
    pub reason: Option<String>,
}

/// The directives of one file, and SL115 findings for those that cannot be read.
pub fn directives(file_index: usize, file: &FileData) -> (Vec<Directive>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let lines = &file.tree.lines;
    // The next line that is neither blank nor a comment: directives come in line
    // order, so one cursor that only moves forward finds every target (a stack of
    // directives does not rescan the lines below it).
    let mut next = 0;
    for (i, line) in lines.iter().enumerate() {
        let LineKind::Comment(span) = &line.kind else {
            continue;
        };
        let Some(parsed) = parse_comment(file, file_index, span.range(), &mut problems) else {
            continue;
        };
        work(1);
        let (file_scope, codes, reason) = parsed;
        let scope = if file_scope {
            Scope::File
        } else {
            next = next.max(i + 1);
            while lines
                .get(next)
                .is_some_and(|l| matches!(l.kind, LineKind::Blank | LineKind::Comment(_)))
            {
                work(1);
                next += 1;
            }
            Scope::Line(lines.get(next).map(|l| l.number()))
        };
        out.push(Directive {
            file: file_index,
            line: line.number(),
            scope,
            codes,
            reason,
        });
    }
    (out, problems)
}

type Parsed = (bool, Vec<DirectiveCode>, Option<String>);

/// Parse one comment (span from its marker). `None` if it is not a directive or is
/// malformed (then a finding is pushed).
fn parse_comment(
    file: &FileData,
    file_index: usize,
    span: Range<usize>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Parsed> {
    let text = file.text(span.clone());
    let base = span.start;
    let body = text.get(1..)?;
    let lead = body.len() - body.trim_start_matches([' ', '\t']).len();
    let rest = body[lead..].strip_prefix(PREFIX)?;
    let mut pos = 1 + lead + PREFIX.len();
    let skip_ws = |s: &str| s.len() - s.trim_start_matches([' ', '\t']).len();
    pos += skip_ws(rest);
    let rest = text[pos..].trim_end_matches(['\r', ' ', '\t']);
    let action_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let action = &rest[..action_len];
    let action_span = base + pos..base + pos + action_len;
    let file_scope = match action {
        "disable" => false,
        "disable-file" => true,
        _ => {
            let help = match did_you_mean(action, ["disable", "disable-file"]) {
                Some(c) if !action.is_empty() => {
                    crate::msg!("sl115-help-did-you-mean", action = c)
                }
                _ => crate::msg!("sl115-help-directives"),
            };
            let shown = if action.is_empty() { rest } else { action };
            problems.push(
                malformed(
                    file_index,
                    if action.is_empty() {
                        base..base + text.trim_end().len()
                    } else {
                        action_span
                    },
                    crate::msg!(
                        "sl115-headline-unknown",
                        directive = crate::text::clip(shown, 13).as_ref()
                    ),
                    help,
                )
                .note(crate::msg!("sl115-note-unknown", directive = shown)),
            );
            return None;
        }
    };
    pos += action_len;
    let after = &text[pos..];
    let ws = skip_ws(after);
    let Some(list) = after[ws..].strip_prefix('=') else {
        problems.push(malformed(
            file_index,
            action_span,
            crate::msg!("sl115-headline-no-codes", action = action),
            crate::msg!("sl115-help-no-codes", action = action),
        ));
        return None;
    };
    pos += ws + 1;
    // The reason starts at ` --` (or `--` right after the list).
    let (list, reason) = match list.find("--") {
        Some(i) => (
            &list[..i],
            Some(list[i + 2..].trim().to_owned()).filter(|r| !r.is_empty()),
        ),
        None => (list.trim_end_matches(['\r']), None),
    };
    let mut codes = Vec::new();
    let mut offset = pos;
    let mut ok = true;
    for part in list.split(',') {
        let trimmed = part.trim_matches([' ', '\t']);
        let start = offset + (part.len() - part.trim_start_matches([' ', '\t']).len());
        let cspan = base + start..base + start + trimmed.len();
        offset += part.len() + 1;
        if trimmed.is_empty() {
            if list.trim().is_empty() || part.len() < list.len() {
                problems.push(malformed(
                    file_index,
                    if cspan.is_empty() {
                        base + pos.saturating_sub(1)..base + pos
                    } else {
                        cspan
                    },
                    crate::msg!("sl115-headline-empty-code"),
                    crate::msg!("sl115-help-empty-code", action = action),
                ));
                ok = false;
            }
            continue;
        }
        match Selector::parse(trimmed) {
            Ok(selector) => codes.push(DirectiveCode {
                selector,
                text: trimmed.to_owned(),
                span: cspan,
            }),
            Err(e) => {
                problems.push(
                    malformed(
                        file_index,
                        cspan,
                        crate::msg!(
                            "sl115-headline-bad-code",
                            problem = crate::text::clip(&e.message, 24).as_ref()
                        ),
                        e.help.unwrap_or_default().into(),
                    )
                    .note(crate::msg!(
                        "sl115-note-bad-code",
                        problem = &crate::text::capitalize(&e.message)
                    )),
                );
                ok = false;
            }
        }
    }
    if codes.is_empty() {
        return if ok {
            problems.push(malformed(
                file_index,
                action_span,
                crate::msg!("sl115-headline-no-codes", action = action),
                crate::msg!("sl115-help-no-codes", action = action),
            ));
            None
        } else {
            None
        };
    }
    Some((file_scope, codes, reason))
}

fn malformed(file: usize, span: Range<usize>, message: Text, help: Text) -> Diagnostic {
    Diagnostic::new(CODE, file, span, message)
        .severity(Severity::Warning)
        .help(help)
}

/// Remove the findings that directives suppress, and return the SL115 findings
/// (unused codes, unreadable directives). The caller adds them to the report
/// (and sorts), before applying the configuration and the baseline.
///
/// Linear in findings plus directives: the directives are indexed by the line
/// they cover (and by file for `disable-file=`), and which directive codes match
/// a finding's code is worked out once per line (or file) and code.
pub fn apply(files: &[FileData], diags: &mut Vec<Diagnostic>) -> Vec<Diagnostic> {
    apply_skipping(files, diags, &[])
}

/// [`apply`] for a run that left the rules of `skipped` unrun: a directive code
/// that names one of them is never reported unused (its findings were not made).
pub fn apply_skipping(
    files: &[FileData],
    diags: &mut Vec<Diagnostic>,
    skipped: &[&str],
) -> Vec<Diagnostic> {
    let mut all = Vec::new();
    let mut new = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let (d, problems) = directives(i, f);
        all.extend(d);
        new.extend(problems);
    }
    if all.is_empty() {
        return new;
    }
    // The directives covering each (file, line), and each file.
    let mut by_target: HashMap<(usize, Option<usize>), Vec<usize>> = HashMap::default();
    for (di, dir) in all.iter().enumerate() {
        let line = match dir.scope {
            Scope::File => None,
            Scope::Line(None) => continue,
            Scope::Line(Some(l)) => Some(l),
        };
        by_target.entry((dir.file, line)).or_default().push(di);
    }
    // used[d][c]: code c of directive d suppressed something.
    let mut used: Vec<Vec<bool>> = all.iter().map(|d| vec![false; d.codes.len()]).collect();
    // Whether the directives of a target suppress a code: decided (and their codes
    // marked used) the first time the code is met there.
    let mut decided: HashMap<(usize, Option<usize>, &'static str), bool> = HashMap::default();
    let mut suppressed = |target: (usize, Option<usize>), code: &'static str| -> bool {
        let Some(dirs) = by_target.get(&target) else {
            return false;
        };
        *decided
            .entry((target.0, target.1, code))
            .or_insert_with(|| {
                let mut hit = false;
                for &di in dirs {
                    for (ci, c) in all[di].codes.iter().enumerate() {
                        work(1);
                        if c.selector.matches(code) {
                            used[di][ci] = true;
                            hit = true;
                        }
                    }
                }
                hit
            })
    };
    diags.retain(|d| {
        work(1);
        let line = files
            .get(d.file)
            .map_or(0, |f| f.source.line_index(d.span.start) + 1);
        // Both scopes are consulted, so that each marks its codes used.
        let by_line = suppressed((d.file, Some(line)), d.code);
        let by_file = suppressed((d.file, None), d.code);
        !(by_line || by_file)
    });
    for (di, dir) in all.iter().enumerate() {
        for (ci, c) in dir.codes.iter().enumerate() {
            if used[di][ci] || skipped.iter().any(|s| c.selector.matches(s)) {
                continue;
            }
            let (message, help) = match dir.scope {
                Scope::File => (
                    crate::msg!(
                        "sl115-headline-unused-file",
                        code = clip(&c.text, 16).as_ref()
                    ),
                    crate::msg!("sl115-help-unused-file"),
                ),
                Scope::Line(Some(target)) => (
                    crate::msg!(
                        "sl115-headline-unused-line",
                        line = &target.to_string(),
                        code = clip(&c.text, 16).as_ref()
                    ),
                    crate::msg!("sl115-help-unused-line"),
                ),
                Scope::Line(None) => (
                    crate::msg!(
                        "sl115-headline-unused-end",
                        code = clip(&c.text, 16).as_ref()
                    ),
                    crate::msg!("sl115-help-unused-end"),
                ),
            };
            new.push(Diagnostic::new(CODE, dir.file, c.span.clone(), message).help(help));
        }
    }
    // `disable-file=SL115` silences SL115 itself in its file.
    let silenced: HashSet<usize> = all
        .iter()
        .filter(|d| d.scope == Scope::File && d.codes.iter().any(|c| c.selector.matches(CODE)))
        .map(|d| d.file)
        .collect();
    new.retain(|n| !silenced.contains(&n.file));
    new
}

work_counter!(
    /// Count a step of suppression matching.
    work,
    WORK
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// The work of linting `text` and applying its suppressions; asserts that
    /// `remaining` findings are left.
    fn work_for(text: &str, remaining: usize) -> usize {
        let files = vec![FileData::new(SourceFile::new(
            "a.conf",
            text.as_bytes().to_vec(),
        ))];
        let mut diags = crate::lint(&files, &crate::Options::default());
        WORK.with(|w| w.set(0));
        let new = apply(&files, &mut diags);
        assert_eq!(diags.len() + new.len(), remaining, "{diags:?} {new:?}");
        WORK.with(std::cell::Cell::get)
    }

    /// Four times the input costs about four times the work, never sixteen.
    fn assert_linear(make: impl Fn(usize) -> (String, usize)) {
        let (small, left_small) = make(1_000);
        let (big, left_big) = make(4_000);
        let (a, b) = (work_for(&small, left_small), work_for(&big, left_big));
        assert!(a > 0, "no work counted");
        assert!(b <= 4 * a + 100, "work {a} for 1,000, {b} for 4,000");
    }

    #[test]
    fn pairs_of_directive_and_finding_are_linear() {
        assert_linear(|n| {
            let text = (0..n)
                .map(|i| {
                    format!(
                        "# sysctl-lint: disable=SL305,SL209\nnet.ipv4.conf.veth{i}.rp_filter = 1 # on\n"
                    )
                })
                .collect();
            (text, 0)
        });
    }

    #[test]
    fn a_stack_of_directives_is_linear() {
        assert_linear(|n| {
            let mut text = "# sysctl-lint: disable=SL305\n".repeat(n);
            text.push_str("vm.swappiness = 1 # on\n");
            // Every directive of the stack covers the line (and is used).
            (text, 0)
        });
    }

    #[test]
    fn file_directives_and_many_findings_are_linear() {
        assert_linear(|n| {
            let mut text = "# sysctl-lint: disable-file=SL305\n".repeat(n);
            // Each interface key is also an SL209 (one per interface).
            text.push_str("# sysctl-lint: disable-file=SL209\n");
            for i in 0..n {
                text.push_str(&format!("net.ipv4.conf.veth{i}.rp_filter = 1 # on\n"));
            }
            text.push_str("# sysctl-lint: disable-file=SL115\n");
            (text, 0)
        });
    }

    #[test]
    fn unused_directives_are_linear() {
        assert_linear(|n| {
            // Each interface key is also an SL209 (one per interface).
            let mut text = String::from("# sysctl-lint: disable-file=SL209\n");
            for i in 0..n {
                text.push_str(&format!(
                    "# sysctl-lint: disable=SL201\nnet.ipv4.conf.veth{i}.rp_filter = 1\n"
                ));
            }
            (text, n)
        });
    }
}
