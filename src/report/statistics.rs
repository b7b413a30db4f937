//! `--statistics`: the number of findings per code, with how many have a fix
//! that `--fix` applies, instead of the findings (as `ruff check --statistics`).
//! And `--show-fixes`: the list of fixes after the report.

use serde_json::json;

use crate::diagnostic::{Diagnostic, FixSafety};
use crate::lint::FileData;

/// The findings of one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statistic {
    pub code: &'static str,
    pub name: &'static str,
    pub count: usize,
    /// How many of them `--fix` fixes.
    pub fixable: usize,
}

/// Whether `--fix` (with `--unsafe-fixes` when `unsafe_fixes`) fixes a finding.
pub fn fixable(d: &Diagnostic, unsafe_fixes: bool) -> bool {
    d.fix()
        .is_some_and(|s| s == FixSafety::Safe || unsafe_fixes)
}

/// Counts per code, the most frequent first (then by code).
pub fn compute(diags: &[Diagnostic], unsafe_fixes: bool) -> Vec<Statistic> {
    let mut out: Vec<Statistic> = Vec::new();
    for d in diags {
        let fix = usize::from(fixable(d, unsafe_fixes));
        match out.iter_mut().find(|s| s.code == d.code) {
            Some(s) => {
                s.count += 1;
                s.fixable += fix;
            }
            None => out.push(Statistic {
                code: d.code,
                name: d.name,
                count: 1,
                fixable: fix,
            }),
        }
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    out
}

/// One line per code: `  3  SL305  [*] inline-comment`; `[*]` when a fix exists
/// for some of them (`(2 fixable)` when not for all), `[ ]` when for none.
pub fn render_text(stats: &[Statistic]) -> String {
    let width = stats
        .iter()
        .map(|s| s.count.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for s in stats {
        let marker = if s.fixable > 0 { "[*]" } else { "[ ]" };
        let partly = if s.fixable > 0 && s.fixable < s.count {
            crate::i18n::tr("out-stat-fixable", &[("count", s.fixable.into())])
        } else {
            String::new()
        };
        out.push_str(&format!(
            "  {:>width$}  {}  {marker} {}{partly}\n",
            s.count, s.code, s.name
        ));
    }
    out
}

/// `[{"code", "name", "count", "fixable"}]`, pretty-printed.
pub fn render_json(stats: &[Statistic]) -> String {
    let rows: Vec<_> = stats
        .iter()
        .map(|s| {
            json!({
                "code": s.code,
                "name": s.name,
                "count": s.count,
                "fixable": s.fixable,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&rows).unwrap_or_default();
    text.push('\n');
    text
}

/// A fix as `--show-fixes` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixLine {
    /// The file as reports name it.
    pub file: String,
    /// 1-based line of the finding.
    pub line: usize,
    pub code: &'static str,
    /// What the fix does.
    pub title: String,
}

/// The fixes `--fix` would apply to these findings.
pub fn pending_fixes(files: &[FileData], diags: &[Diagnostic], unsafe_fixes: bool) -> Vec<FixLine> {
    diags
        .iter()
        .filter(|d| fixable(d, unsafe_fixes))
        .filter_map(|d| {
            let f = files.get(d.file)?;
            Some(FixLine {
                file: crate::escape::escape_bytes(super::machine_path(f).as_bytes()).into_owned(),
                line: f.source.position(d.span.start).0,
                code: d.code,
                title: d.fix_title(),
            })
        })
        .collect()
}

/// `Fixes --fix would apply (2):` (or `Fixes applied (2):`) and one
/// `  file:line  CODE  title` line each; `No fixes ...` when there are none.
pub fn render_fixes(fixes: &[FixLine], applied: bool) -> String {
    use crate::i18n::tr;
    let applied = if applied { "yes" } else { "no" };
    if fixes.is_empty() {
        return format!("{}\n", tr("out-fixes-none", &[("applied", applied.into())]));
    }
    let mut out = format!(
        "{}\n",
        tr(
            "out-fixes",
            &[("applied", applied.into()), ("count", fixes.len().into())]
        )
    );
    for f in fixes {
        out.push_str(&format!(
            "  {}:{}  {}  {}\n",
            f.file,
            f.line,
            f.code,
            crate::escape::escape_controls(&f.title)
        ));
    }
    out
}
