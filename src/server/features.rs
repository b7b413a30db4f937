//! The language features on one analysed document: diagnostics, code actions,
//! hover and completion. Everything here is computed from an [`Analysis`]: the
//! document's text linted once with its project's settings.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use lsp_types as lsp;
use lsp_types::Uri;
use serde_json::json;

use super::project::Project;
use super::text::{Encoding, LineIndex};
use crate::catalog::{self, Access, KeyInfo, Status};
use crate::describe;
use crate::diagnostic::{Diagnostic, Edit, FixSafety, Severity};
use crate::key::Key;
use crate::lint::FileData;
use crate::syntax::LineKind;

/// The `source` of every diagnostic.
pub const SOURCE: &str = "sysctl-lint";
/// The code action kind of "fix all safe findings".
pub const FIX_ALL_KIND: &str = "source.fixAll.sysctl-lint";

/// One version of a document, linted.
pub struct Analysis {
    pub version: i32,
    /// The name it was linted under (see [`Project::file_name`]).
    pub name: String,
    pub file: FileData,
    pub diags: Vec<Diagnostic>,
    pub project: Project,
    pub index: LineIndex,
}

impl Analysis {
    pub fn new(
        text: &str,
        version: i32,
        name: String,
        project: Project,
        encoding: Encoding,
    ) -> Analysis {
        let (mut files, diags) = crate::check_source_with_config(
            &name,
            text.as_bytes(),
            &project.options,
            &project.config,
        );
        Analysis {
            version,
            name,
            file: files.remove(0),
            diags,
            project,
            index: LineIndex::new(text, encoding),
        }
    }

    pub fn text(&self) -> &str {
        &self.file.source.text
    }

    fn range(&self, span: &Range<usize>) -> lsp::Range {
        self.index.range(self.text(), span)
    }

    fn offset(&self, pos: lsp::Position) -> usize {
        self.index.offset(self.text(), pos)
    }

    /// The diagnostics in the protocol's form.
    pub fn lsp_diagnostics(&self, uri: &Uri) -> Vec<lsp::Diagnostic> {
        self.diags
            .iter()
            .zip(self.groups())
            .map(|(d, group)| self.lsp_diagnostic_in(d, uri, group))
            .collect()
    }

    /// The group id of each finding (see [`crate::report::group`]), as in the
    /// JSON report: `NAME:LINE:CODE` of the group's first finding; `None` for a
    /// finding alone.
    fn groups(&self) -> Vec<Option<String>> {
        let mut out = vec![None; self.diags.len()];
        for g in crate::report::group::groups(&self.diags) {
            if !g.is_grouped() {
                continue;
            }
            let first = &self.diags[g.members[0]];
            let line = self.range(&first.span).start.line + 1;
            let id = format!("{}:{line}:{}", self.name, first.code);
            for m in g.members {
                out[m] = Some(id.clone());
            }
        }
        out
    }

    /// One of `self.diags` in the protocol's form, as published.
    fn lsp_diagnostic(&self, d: &Diagnostic, uri: &Uri) -> lsp::Diagnostic {
        let group = self
            .diags
            .iter()
            .position(|x| std::ptr::eq(x, d))
            .and_then(|i| self.groups().swap_remove(i));
        self.lsp_diagnostic_in(d, uri, group)
    }

    /// A finding that shares its cause with others in the file has `group` in
    /// its `data`.
    fn lsp_diagnostic_in(
        &self,
        d: &Diagnostic,
        uri: &Uri,
        group: Option<String>,
    ) -> lsp::Diagnostic {
        let related: Vec<lsp::DiagnosticRelatedInformation> = d
            .labels
            .iter()
            .filter(|l| l.file == d.file)
            .map(|l| lsp::DiagnosticRelatedInformation {
                location: lsp::Location::new(uri.clone(), self.range(&l.span)),
                message: l.message.clone(),
            })
            .collect();
        let tags = match d.code {
            "SL202" => vec![lsp::DiagnosticTag::DEPRECATED],
            "SL115" | "SL402" => vec![lsp::DiagnosticTag::UNNECESSARY],
            _ => Vec::new(),
        };
        lsp::Diagnostic {
            range: self.range(&d.span),
            severity: Some(match d.severity {
                Severity::Error => lsp::DiagnosticSeverity::ERROR,
                Severity::Warning => lsp::DiagnosticSeverity::WARNING,
                Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
            }),
            code: Some(lsp::NumberOrString::String(d.code.to_owned())),
            code_description: None,
            source: Some(SOURCE.to_owned()),
            message: crate::report::sarif::message_with_help(d),
            related_information: (!related.is_empty()).then_some(related),
            tags: (!tags.is_empty()).then_some(tags),
            data: match (d.fix(), group) {
                (None, None) => None,
                (Some(s), None) => Some(json!({ "name": d.name, "fix": s.as_str() })),
                (None, Some(g)) => Some(json!({ "group": g })),
                (Some(s), Some(g)) => {
                    Some(json!({ "name": d.name, "fix": s.as_str(), "group": g }))
                }
            },
        }
    }

    /// The diagnostics on the lines a range touches.
    fn diags_on_lines(&self, range: lsp::Range) -> Vec<&Diagnostic> {
        let span = self.index.span(self.text(), range);
        let source = &self.file.source;
        let (first, last) = (source.line_index(span.start), source.line_index(span.end));
        self.diags
            .iter()
            .filter(|d| {
                let a = source.line_index(d.span.start);
                let b = source.line_index(d.span.end.max(d.span.start + 1) - 1);
                a <= last && first <= b.max(a)
            })
            .collect()
    }

    /// The text edits of a fix (a `\n` inserted becomes the file's line ending,
    /// as `check --fix` writes it).
    fn text_edits(&self, edits: &[Edit]) -> Vec<lsp::TextEdit> {
        let crlf = self.text().matches("\r\n").count() * 2 > self.text().matches('\n').count();
        edits
            .iter()
            .map(|e| {
                let mut new_text = e.replacement.clone();
                if crlf {
                    new_text = new_text.replace("\r\n", "\n").replace('\n', "\r\n");
                }
                lsp::TextEdit {
                    range: self.range(&e.range),
                    new_text,
                }
            })
            .collect()
    }

    // lsp-types keys `changes` by `Uri`, whose parsed form caches in a `Cell`; its
    // hash and equality use only the text, so the key never changes.
    #[allow(clippy::mutable_key_type)]
    fn workspace_edit(&self, uri: &Uri, edits: Vec<lsp::TextEdit>) -> lsp::WorkspaceEdit {
        let mut changes = HashMap::new();
        changes.insert(uri.clone(), edits);
        lsp::WorkspaceEdit::new(changes)
    }

    /// Code actions for a range: the fixes of the findings there (safe ones first,
    /// the preferred ones; unsafe ones say so in their title), a suppression
    /// comment per code, and "fix all" for the whole document.
    pub fn code_actions(
        &self,
        uri: &Uri,
        range: lsp::Range,
        only: Option<&[lsp::CodeActionKind]>,
    ) -> Vec<lsp::CodeActionOrCommand> {
        let wanted = |kind: &str| {
            only.is_none_or(|o| {
                o.iter().any(|k| {
                    let k = k.as_str();
                    kind == k || kind.starts_with(&format!("{k}."))
                })
            })
        };
        let mut out = Vec::new();
        let here = self.diags_on_lines(range);
        if wanted(lsp::CodeActionKind::QUICKFIX.as_str()) {
            let mut fixable: Vec<&Diagnostic> =
                here.iter().copied().filter(|d| d.fix().is_some()).collect();
            fixable.sort_by_key(|d| (d.fix_safety, d.span.start));
            for d in fixable {
                let unsafe_fix = d.fix_safety == FixSafety::Unsafe;
                let title = format!(
                    "{} {}{}: {}",
                    d.code,
                    d.name,
                    if unsafe_fix {
                        " (unsafe fix: changes what the kernel gets)"
                    } else {
                        ""
                    },
                    self.describe_edits(&d.edits)
                );
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title,
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![self.lsp_diagnostic(d, uri)]),
                    edit: Some(self.workspace_edit(uri, self.text_edits(&d.edits))),
                    is_preferred: Some(!unsafe_fix),
                    ..lsp::CodeAction::default()
                }));
            }
            out.extend(self.suppressions(uri, &here));
        }
        if wanted(FIX_ALL_KIND) {
            if let Some(action) = self.fix_all(uri) {
                out.push(action);
            }
        }
        out
    }

    /// A short description of what a fix's edits do.
    fn describe_edits(&self, edits: &[Edit]) -> String {
        let text = self.text();
        let source = &self.file.source;
        let short = |s: &str| {
            let s = s.trim_end_matches(['\n', '\r']);
            if s.chars().count() > 40 {
                format!("{}…", s.chars().take(39).collect::<String>())
            } else {
                s.to_owned()
            }
        };
        // A line inserted with text that another edit deletes: a move.
        if let [a, b] = edits {
            for (ins, del) in [(a, b), (b, a)] {
                let deleted = text.get(del.range.clone()).unwrap_or("").trim();
                if ins.range.is_empty()
                    && ins.range.start < del.range.start
                    && source.position(ins.range.start).1 == 1
                    && del.replacement.is_empty()
                    && !deleted.is_empty()
                    && ins.replacement.trim() == deleted
                {
                    return format!("move `{}` to its own line above", short(deleted));
                }
            }
        }
        let parts: Vec<String> = edits
            .iter()
            .map(|e| {
                let old = text.get(e.range.clone()).unwrap_or("");
                let (line, col) = source.position(e.range.start);
                let whole_line = col == 1 && (old.ends_with('\n') || e.range.end == text.len());
                match (old.is_empty(), e.replacement.is_empty()) {
                    (false, true) if whole_line => format!("delete line {line}"),
                    (false, true) => format!("delete `{}`", short(old)),
                    (true, _) if col == 1 && e.replacement.starts_with("# sysctl-lint fix") => {
                        format!("comment out line {line}")
                    }
                    (true, _) if col == 1 && e.replacement.ends_with('\n') => {
                        format!("insert the line `{}`", short(&e.replacement))
                    }
                    (true, _) => format!("insert `{}`", short(&e.replacement)),
                    (false, false) => {
                        format!("replace `{}` with `{}`", short(old), short(&e.replacement))
                    }
                }
            })
            .collect();
        parts.join(", ")
    }

    /// "Disable CODE for this line": a `# sysctl-lint: disable=CODE` directive
    /// above the setting, one per code.
    fn suppressions(&self, uri: &Uri, here: &[&Diagnostic]) -> Vec<lsp::CodeActionOrCommand> {
        let source = &self.file.source;
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for d in here {
            if d.code == "SL100" || d.code == crate::suppress::CODE || d.span == (0..0) {
                continue;
            }
            let line_index = source.line_index(d.span.start);
            let Some(line) = self.file.tree.lines.get(line_index) else {
                continue;
            };
            if matches!(line.kind, LineKind::Blank | LineKind::Comment(_)) {
                continue;
            }
            if !seen.insert((line_index, d.code)) {
                continue;
            }
            let start = line.span().start;
            let indent = line.lead().map_or("", |l| &self.text()[l]);
            let edit = Edit {
                range: start..start,
                replacement: format!("{indent}# sysctl-lint: disable={}\n", d.code),
            };
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: format!("Disable {} {} for line {}", d.code, d.name, line.number()),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![self.lsp_diagnostic(d, uri)]),
                edit: Some(self.workspace_edit(uri, self.text_edits(&[edit]))),
                is_preferred: Some(false),
                ..lsp::CodeAction::default()
            }));
        }
        out
    }

    /// Every safe fix of the findings shown (as `check --fix` applies them, pass
    /// after pass), as one edit of the whole document.
    fn fix_all(&self, uri: &Uri) -> Option<lsp::CodeActionOrCommand> {
        let subject = |d: &Diagnostic, f: &FileData| match &d.key {
            Some(k) => format!("{}\0{k}", d.code),
            None => {
                let s = &f.source;
                let line = s.line_index(s.floor_char_boundary(d.span.start));
                let end = s.line_start(line + 1).min(s.text.len());
                format!("{}\0{}", d.code, s.text[s.line_start(line)..end].trim())
            }
        };
        let shown: BTreeSet<String> = self
            .diags
            .iter()
            .filter(|d| d.fix() == Some(FixSafety::Safe))
            .map(|d| subject(d, &self.file))
            .collect();
        if shown.is_empty() {
            return None;
        }
        let files = [self.file.clone()];
        let cfg = &self.project.config;
        let result = crate::fix::fix_files(
            &files,
            &self.project.options,
            false,
            |_| true,
            |d| {
                cfg.enabled(d.code)
                    && !cfg.ignored_in_file(&self.name, d.code)
                    && shown.contains(&subject(d, &files[0]))
            },
        )
        .pop()?;
        if result.fixed.is_empty() {
            return None;
        }
        let new_text = String::from_utf8_lossy(&result.new_bytes).into_owned();
        let n = result.fixed.len();
        let edit = lsp::TextEdit {
            range: self.range(&(0..self.text().len())),
            new_text,
        };
        Some(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
            title: format!(
                "Fix all safe sysctl-lint findings ({n} fix{})",
                if n == 1 { "" } else { "es" }
            ),
            kind: Some(lsp::CodeActionKind::new(FIX_ALL_KIND)),
            edit: Some(self.workspace_edit(uri, vec![edit])),
            ..lsp::CodeAction::default()
        }))
    }

    /// The key written at an offset (the end of the key counts), and its span.
    pub fn key_at(&self, offset: usize) -> Option<(Key, Range<usize>)> {
        let source = &self.file.source;
        let line = self.file.tree.lines.get(source.line_index(offset))?;
        let span = match &line.kind {
            LineKind::Assignment(a) => a.key()?,
            LineKind::Exclusion(x) => x.key(),
            _ => return None,
        };
        (span.start <= offset && offset <= span.end)
            .then(|| (Key::parse(&self.text()[span.clone()]), span))
    }

    /// Hover: on a finding, its rule page (with the message and help); on a key,
    /// what `sysctl-lint describe` says about it. Both when a finding covers a key.
    pub fn hover(&self, pos: lsp::Position, markdown: bool) -> Option<lsp::Hover> {
        let offset = self.offset(pos);
        let source = &self.file.source;
        let line = source.line_index(offset);
        let mut sections = Vec::new();
        let mut range: Option<Range<usize>> = None;
        for d in &self.diags {
            let on = if d.span.is_empty() {
                source.line_index(d.span.start) == line
            } else {
                d.span.start <= offset && offset < d.span.end
            };
            if !on {
                continue;
            }
            sections.push(rule_page(d, markdown));
            if !d.span.is_empty() {
                range = Some(match range {
                    Some(r) => r.start.max(d.span.start)..r.end.min(d.span.end),
                    None => d.span.clone(),
                });
            }
        }
        if let Some((key, span)) = self.key_at(offset) {
            if let Some(text) = describe_key(&key, &self.text()[span.clone()], markdown) {
                sections.push(text);
                range = Some(span);
            }
        }
        if sections.is_empty() {
            return None;
        }
        let separator = if markdown { "\n\n---\n\n" } else { "\n\n" };
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: if markdown {
                    lsp::MarkupKind::Markdown
                } else {
                    lsp::MarkupKind::PlainText
                },
                value: sections.join(separator),
            }),
            range: range.map(|r| self.range(&r)),
        })
    }

    /// Completion: catalogued keys (those the target kernel has and that can be
    /// written) where a key is written, documented values after `=`.
    pub fn completion(&self, pos: lsp::Position, snippets: bool) -> Option<lsp::CompletionList> {
        let offset = self.offset(pos);
        let text = self.text();
        let source = &self.file.source;
        let line_start = source.line_start(source.line_index(offset));
        let before = &text[line_start..offset];
        let trimmed = before.trim_start_matches([' ', '\t']);
        if trimmed.starts_with(['#', ';']) {
            return None;
        }
        let lead = before.len() - trimmed.len();
        let key_start = line_start
            + lead
            + match trimmed.strip_prefix('-') {
                Some(rest) => 1 + rest.len() - rest.trim_start_matches([' ', '\t']).len(),
                None => 0,
            };
        match before.find('=') {
            None => {
                let prefix = &text[key_start..offset];
                if prefix.contains([' ', '\t']) {
                    return None;
                }
                Some(self.key_items(prefix, key_start..offset, snippets))
            }
            Some(eq) => {
                let eq = line_start + eq;
                let key = Key::parse(text[key_start..eq].trim());
                let info = catalog::lookup(&key)?;
                let after = &text[eq + 1..offset];
                let value_start =
                    eq + 1 + after.len() - after.trim_start_matches([' ', '\t']).len();
                Some(self.value_items(info, value_start..offset))
            }
        }
    }

    fn key_items(
        &self,
        prefix: &str,
        replace: Range<usize>,
        snippets: bool,
    ) -> lsp::CompletionList {
        let kernel = &self.project.options.kernel;
        // The written separator: `/` when the key is written with slashes.
        let slash = prefix
            .find(['.', '/'])
            .is_some_and(|i| prefix.as_bytes()[i] == b'/');
        let normalised = if slash {
            prefix.replace('/', ".")
        } else {
            prefix.to_owned()
        };
        // Only the keys under the components written so far; the client filters
        // the rest as more is typed (the list is incomplete: typing a `.` asks again).
        let scope = normalised.rfind('.').map_or("", |i| &normalised[..=i]);
        let range = self.range(&replace);
        let items = catalog::all()
            .iter()
            .filter(|i| usable(i, kernel) && i.key.starts_with(scope))
            .map(|i| {
                let label = if slash {
                    i.key.replace('.', "/")
                } else {
                    i.key.to_owned()
                };
                let snippet = snippets && label.contains('<');
                let new_text = if snippet {
                    snippet_text(&label)
                } else {
                    label.clone()
                };
                lsp::CompletionItem {
                    label: label.clone(),
                    kind: Some(lsp::CompletionItemKind::PROPERTY),
                    detail: Some(detail(i)),
                    filter_text: Some(label),
                    text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                        range,
                        new_text,
                    })),
                    insert_text_format: Some(if snippet {
                        lsp::InsertTextFormat::SNIPPET
                    } else {
                        lsp::InsertTextFormat::PLAIN_TEXT
                    }),
                    data: Some(json!({ "key": i.path })),
                    ..lsp::CompletionItem::default()
                }
            })
            .collect();
        lsp::CompletionList {
            is_incomplete: true,
            items,
        }
    }

    fn value_items(&self, info: &'static KeyInfo, replace: Range<usize>) -> lsp::CompletionList {
        let range = self.range(&replace);
        let doc = catalog::doc_excerpt(info).map(|(source, text)| {
            lsp::Documentation::MarkupContent(lsp::MarkupContent {
                kind: lsp::MarkupKind::PlainText,
                value: format!("{text}\n\n({source})"),
            })
        });
        let mut values: Vec<String> = info.values.iter().map(i128::to_string).collect();
        if values.is_empty() && !info.default.is_empty() {
            values.push(info.default.to_owned());
        }
        let items = values
            .into_iter()
            .enumerate()
            .map(|(n, v)| lsp::CompletionItem {
                label: v.clone(),
                kind: Some(lsp::CompletionItemKind::ENUM_MEMBER),
                detail: (v == info.default.trim()).then(|| "the kernel's default".to_owned()),
                documentation: doc.clone(),
                sort_text: Some(format!("{n:04}")),
                text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                    range,
                    new_text: v,
                })),
                ..lsp::CompletionItem::default()
            })
            .collect();
        lsp::CompletionList {
            is_incomplete: false,
            items,
        }
    }
}

/// A catalogued key worth offering for a kernel: present in it (a removed key
/// until its removal), working (not a no-op, not vendor-only), writable.
fn usable(info: &KeyInfo, kernel: &crate::KernelVersion) -> bool {
    let present = match info.status {
        Status::Active => true,
        Status::Removed | Status::Moved => info.removed.is_some() && !info.removed_in(kernel),
        Status::NoOp | Status::Vendor => false,
    };
    present && info.access == Access::ReadWrite && !info.too_new_for(kernel)
}

fn detail(info: &KeyInfo) -> String {
    let mut d = info.ty.name();
    if !info.unit.is_empty() {
        d.push_str(&format!(", {}", info.unit));
    }
    if !info.default.is_empty() {
        d.push_str(&format!(", default {}", info.default));
    }
    d
}

/// `net.ipv4.conf.<dev>.rp_filter` -> `net.ipv4.conf.${1:dev}.rp_filter`.
fn snippet_text(label: &str) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut rest = label;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        n += 1;
        out.push_str(&escape_snippet(&rest[..open]));
        out.push_str(&format!("${{{n}:{}}}", &rest[open + 1..open + close]));
        rest = &rest[open + close + 1..];
    }
    out.push_str(&escape_snippet(rest));
    out
}

fn escape_snippet(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('$', "\\$")
        .replace('}', "\\}")
}

/// The documentation of a completion item (`completionItem/resolve`).
pub fn resolve_completion(mut item: lsp::CompletionItem, markdown: bool) -> lsp::CompletionItem {
    let path = item
        .data
        .as_ref()
        .and_then(|d| d.get("key"))
        .and_then(|k| k.as_str());
    if let Some(info) = path.and_then(|p| catalog::all().iter().find(|i| i.path == p)) {
        let d = describe::Description {
            key: info.key.to_owned(),
            info,
            rules: crate::rules::about_key(info.path),
        };
        item.documentation = Some(lsp::Documentation::MarkupContent(markup(
            &describe::render_human(&d),
            markdown,
        )));
    }
    item
}

fn markup(text: &str, markdown: bool) -> lsp::MarkupContent {
    if markdown {
        lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: format!("```text\n{}\n```", text.trim_end()),
        }
    } else {
        lsp::MarkupContent {
            kind: lsp::MarkupKind::PlainText,
            value: text.trim_end().to_owned(),
        }
    }
}

/// A finding and its rule's page (what `sysctl-lint explain CODE` prints).
fn rule_page(d: &Diagnostic, markdown: bool) -> String {
    let doc = crate::rules::doc(d.code);
    let mut s = if markdown {
        format!(
            "**{} {}** ({})\n\n{}",
            d.code, d.name, d.severity, d.message
        )
    } else {
        format!("{} {} ({}): {}", d.code, d.name, d.severity, d.message)
    };
    if let Some(n) = &d.note {
        s.push_str(&format!("\n\nnote: {n}"));
    }
    if let Some(h) = &d.help {
        s.push_str(&format!("\n\nhelp: {h}"));
    }
    if let Some(doc) = doc {
        s.push_str(&format!(
            "{}{}\n\nDefault severity: {}",
            if markdown { "\n\n---\n\n" } else { "\n\n" },
            doc.body.trim_end(),
            doc.severity
        ));
    }
    s
}

/// What `describe` says about a key, under a heading.
fn describe_key(key: &Key, written: &str, markdown: bool) -> Option<String> {
    match describe::describe(&key.dotted()) {
        Ok(d) => {
            let body = describe::render_human(&d);
            Some(if markdown {
                format!("### `{}`\n\n```text\n{}\n```", d.key, body.trim_end())
            } else {
                format!("{}\n\n{}", d.key, body.trim_end())
            })
        }
        Err(suggestions) if !suggestions.is_empty() => Some(format!(
            "`{written}` is not in the catalogue of known keys; did you mean: {}",
            suggestions.join(", ")
        )),
        Err(_) => None,
    }
}
