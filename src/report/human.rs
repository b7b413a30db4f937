//! `--format human`: one diagnostic per cause ([`group`]): our own header
//! (`info[SL402 redundant-duplicate] [*]: headline`; `[*]` when `--fix` fixes
//! it), then codespan-reporting's source lines, labels, `= note:` and `= help:`;
//! then the summary, the fixable count and the codes to `explain` (as shellcheck
//! and ruff do). Text is wrapped at word boundaries to [`Style::width`].

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, termcolor::Buffer, Config};

use std::borrow::Cow;
use std::ops::Range;

use super::group::{self, Group};
use super::{summary_line_shown, Counts};
use crate::diagnostic::{Diagnostic, FixSafety, Severity};
use crate::escape::{escape_bytes, escape_controls, EscapedSource};
use crate::i18n::{self, tr};
use crate::lint::FileData;
use crate::text;

/// The files as codespan sees them: names and texts with control characters and
/// bytes that are not UTF-8 escaped ([`EscapedSource`]), so that nothing from an
/// input reaches the terminal raw. Spans are mapped into the escaped text, and the
/// columns shown are those of the file (as in the other formats).
struct View<'a> {
    names: Vec<Cow<'a, str>>,
    files: &'a [FileData],
    sources: Vec<EscapedSource<'a>>,
    line_starts: Vec<Vec<usize>>,
}

impl<'a> View<'a> {
    fn new(files: &'a [FileData]) -> Self {
        let sources: Vec<EscapedSource<'a>> = files
            .iter()
            .map(|f| EscapedSource::new(f.source.bytes()))
            .collect();
        let line_starts = sources
            .iter()
            .map(|s| files::line_starts(s.text()).collect())
            .collect();
        View {
            names: files
                .iter()
                .map(|f| match super::boot_path(f) {
                    // Under --root: the boot path, and the tree's own file.
                    Some(boot) => format!(
                        "{} ({})",
                        escape_bytes(boot.as_bytes()),
                        escape_bytes(super::machine_path(f).as_bytes())
                    )
                    .into(),
                    None => escape_bytes(f.source.name.as_bytes()),
                })
                .collect(),
            files,
            sources,
            line_starts,
        }
    }

    /// A span of a file, as a span of its shown text.
    fn span(&self, file: usize, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let Some(source) = self.sources.get(file) else {
            return 0..0;
        };
        let len = self.files[file].source.bytes().len();
        source.shown_span(&(span.start.min(len)..span.end.min(len)))
    }
}

impl<'a> Files<'a> for View<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.names
            .get(id)
            .map(|n| n.as_ref())
            .ok_or(files::Error::FileMissing)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.sources
            .get(id)
            .map(EscapedSource::text)
            .ok_or(files::Error::FileMissing)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, files::Error> {
        let starts = self.line_starts.get(id).ok_or(files::Error::FileMissing)?;
        Ok(starts
            .binary_search(&byte_index)
            .unwrap_or_else(|next| next - 1))
    }

    fn line_range(
        &'a self,
        id: usize,
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, files::Error> {
        let starts = self.line_starts.get(id).ok_or(files::Error::FileMissing)?;
        let len = self.sources[id].text().len();
        let start = *starts.get(line_index).ok_or(files::Error::LineTooLarge {
            given: line_index,
            max: starts.len() - 1,
        })?;
        let end = starts.get(line_index + 1).copied().unwrap_or(len);
        Ok(start..end)
    }

    /// The column in the file (characters), not in the escaped text.
    fn column_number(
        &'a self,
        id: usize,
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let source = self.sources.get(id).ok_or(files::Error::FileMissing)?;
        let offset = source.file_offset(byte_index);
        Ok(self.files[id].source.position(offset).1)
    }
}

/// How the human format is laid out: colour, and the width it wraps at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Display columns; headlines, notes, labels and the footer are wrapped or
    /// clipped to fit (source lines are shown whole).
    pub width: usize,
}

/// The width when there is no terminal and no `COLUMNS`.
pub const DEFAULT_WIDTH: usize = 100;
/// Narrower widths are taken as this one.
const MIN_WIDTH: usize = 40;
/// Places of a group shown as labels: the first and up to three more.
const LABELLED: usize = 4;
/// Line numbers listed in `also on lines …`.
const LISTED: usize = 5;
/// Hanging indent of a wrapped headline or footer line.
const INDENT: &str = "  ";

impl Style {
    pub fn new(color: bool, width: usize) -> Style {
        Style {
            color,
            width: width.max(MIN_WIDTH),
        }
    }
}

/// The codespan severity, for the colour of the carets (the header, written
/// here, says `info`).
fn cs_severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

/// `warning[SL305 inline-comment] [*]: headline`, wrapped with a hanging indent.
fn header(
    d: &Diagnostic,
    fixable: bool,
    message: &str,
    style: Style,
    buffer: &mut Buffer,
) -> String {
    use codespan_reporting::term::termcolor::WriteColor;
    use std::io::Write;
    let code = if d.name.is_empty() {
        d.code.to_owned()
    } else {
        format!("{} {}", d.code, d.name)
    };
    let mark = if fixable { " [*]" } else { "" };
    let lead = format!("{}[{code}]{mark}", i18n::severity(d.severity));
    let first = style.width.saturating_sub(text::width(&lead) + 2);
    let lines = text::wrap(&escape_controls(message), first, style.width - INDENT.len());
    buffer.clear();
    let styles = term::Styles::default();
    let _ = buffer.set_color(styles.header(cs_severity(d.severity)));
    let _ = write!(buffer, "{lead}");
    let _ = buffer.set_color(styles.header_message());
    let _ = write!(buffer, ": {}", lines.join(&format!("\n{INDENT}")));
    let _ = buffer.reset();
    let _ = writeln!(buffer);
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// A `= note:`/`= help:` text wrapped to fit after the gutter of `pad` columns,
/// with its continuation lines under the text.
fn note(kind: Kind, body: &str, pad: usize, width: usize) -> String {
    let head = format!("{}: ", kind.word());
    let indent = text::width(&head);
    let avail = width.saturating_sub(pad + 3);
    text::wrap(
        &format!("{head}{}", escape_controls(body)),
        avail,
        avail.saturating_sub(indent),
    )
    .join(&format!("\n{}", " ".repeat(indent)))
}

/// The kind of a `= kind: text` line under a snippet.
#[derive(Debug, Clone, Copy)]
enum Kind {
    File,
    Note,
    Help,
}

impl Kind {
    /// The word, in the run's language (`note`, `help`, `file`).
    fn word(self) -> String {
        tr(
            match self {
                Kind::File => "out-file",
                Kind::Note => "out-note",
                Kind::Help => "out-help",
            },
            &[],
        )
    }
}

/// `line 4` in the same file, `other.conf:4` in another, in the run's language.
fn place(view: &View<'_>, file: usize, same: usize, line: usize) -> String {
    if file == same {
        tr("out-place-line", &[("line", line.into())])
    } else {
        let name = view.names.get(file).map_or("", |n| n.as_ref());
        tr(
            "out-place-file",
            &[("file", name.into()), ("line", line.into())],
        )
    }
}

/// The columns left for a label's text after its carets.
fn label_room(
    view: &View<'_>,
    file: usize,
    span: &Range<usize>,
    pad: usize,
    width: usize,
) -> usize {
    let src = view.sources.get(file).map_or("", EscapedSource::text);
    let end = span.end.min(src.len());
    let before = src.get(..end).unwrap_or("");
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let col = text::width(line) + 3 * line.matches('\t').count();
    width.saturating_sub(pad + 4 + col)
}

/// Without ANSI colour sequences (`ESC [ … m`), to measure a line.
fn plain(s: &str) -> Cow<'_, str> {
    if !s.contains('\x1b') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Source lines that codespan shows between two labelled lines (context, with
/// no carets under them) clipped to `width` with `…`; labelled lines stay whole.
fn clip_context_lines(body: &str, width: usize) -> String {
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let mut out = String::with_capacity(body.len());
    for (i, line) in lines.iter().enumerate() {
        let shown = plain(line.trim_end_matches('\n'));
        let numbered = shown.trim_start().starts_with(|c: char| c.is_ascii_digit());
        let carets_below = lines.get(i + 1).is_some_and(|next| {
            let next = plain(next);
            next.split_once('│').is_some_and(|(gutter, rest)| {
                gutter.trim().is_empty() && rest.trim_start().starts_with(['^', '-'])
            })
        });
        match line.rfind('│') {
            Some(bar) if numbered && !carets_below && text::width(&shown) > width => {
                let (gutter, rest) = line.split_at(bar + '│'.len_utf8());
                let rest = rest.trim_end_matches('\n');
                // Colour sequences sit before the text of a context line.
                let mut start = 0;
                while rest[start..].starts_with('\x1b') {
                    start += rest[start..]
                        .find('m')
                        .map_or(rest.len() - start, |m| m + 1);
                }
                let (codes, source) = rest.split_at(start);
                let room = width.saturating_sub(text::width(&plain(gutter)));
                out.push_str(gutter);
                out.push_str(codes);
                out.push_str(&text::clip(source, room));
                out.push('\n');
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// One group of findings (see [`group`]) as a human diagnostic.
fn render_group(
    g: &Group,
    diags: &[Diagnostic],
    files: &[FileData],
    view: &View<'_>,
    style: Style,
    config: &Config,
    buffer: &mut Buffer,
) -> Option<String> {
    let first = &diags[g.members[0]];
    // A finding about a whole file that has no text (an unreadable input, a file
    // the loader skips) gets no source snippet, only its path.
    let whole_empty_file = first.span.is_empty()
        && view
            .sources
            .get(first.file)
            .is_some_and(|s| s.text().is_empty());
    // (file, shown span, text, primary, optional: dropped rather than clipped)
    let mut places: Vec<(usize, Range<usize>, String, bool, bool)> = Vec::new();
    let mut notes: Vec<(Kind, String)> = Vec::new();
    if whole_empty_file {
        notes.push((
            Kind::File,
            view.names
                .get(first.file)
                .map_or("", |n| n.as_ref())
                .to_owned(),
        ));
    }
    if g.is_grouped() {
        let lines = group::lines(files, diags, &g.members);
        let labelled = &lines[..lines.len().min(LABELLED)];
        for (i, &m) in g.members.iter().enumerate() {
            let d = &diags[m];
            let line = files[d.file].source.position(d.span.start).0;
            if !labelled.contains(&line) || (whole_empty_file && i == 0) {
                continue;
            }
            let span = view.span(d.file, &d.span);
            // The key, unless the span already shows it.
            let shows = |k: &str| {
                view.sources
                    .get(d.file)
                    .and_then(|s| s.text().get(span.clone()))
                    .is_some_and(|t| t.contains(k))
            };
            // Its own first label, pointed to by line: `line 2: first set here`.
            let own = d.labels.first().map(|l| {
                let line = view
                    .line_index(l.file, view.span(l.file, &l.span).start)
                    .unwrap_or(0)
                    + 1;
                let place = place(view, l.file, d.file, line);
                format!("{place}: {}", escape_controls(&l.message))
            });
            let text = match (g.headline, own, &d.key) {
                (Some(_), Some(own), _) => own,
                (Some(_), None, Some(k)) if !shows(k) => escape_controls(k).into_owned(),
                (Some(_), ..) => String::new(),
                (None, ..) if i == 0 => String::new(),
                (None, ..) => tr("out-again", &[]),
            };
            places.push((d.file, span, text, i == 0, true));
        }
        let rest = &lines[labelled.len()..];
        if !rest.is_empty() {
            notes.push((
                Kind::Note,
                tr(
                    "out-also-on",
                    &[("lines", (&group::line_list(rest, LISTED)).into())],
                ),
            ));
        }
    } else {
        if !whole_empty_file {
            places.push((
                first.file,
                view.span(first.file, &first.span),
                String::new(),
                true,
                false,
            ));
        }
        for l in &first.labels {
            places.push((
                l.file,
                view.span(l.file, &l.span),
                escape_controls(&l.message).into_owned(),
                false,
                false,
            ));
        }
    }
    // A group shows the note and help its members share; where they differ, the
    // rule's summary as the why, and the first member's help for its line (the
    // others' are in the JSON report and `--format short`).
    let differ = g.is_grouped();
    match g.note(diags) {
        Some(n) => notes.push((Kind::Note, n.to_owned())),
        None if differ => {
            if let Some(doc) = crate::codes::doc(first.code) {
                notes.push((Kind::Note, doc.summary_localized().to_owned()));
            }
        }
        None => {}
    }
    match g.help(diags) {
        Some(h) => notes.push((Kind::Help, h.to_owned())),
        None if differ => {
            if let Some(h) = first.help_shown() {
                let line = files[first.file].source.position(first.span.start).0;
                let at = place(view, first.file, first.file, line);
                notes.push((Kind::Help, format!("{at}: {h}")));
            }
        }
        None => {}
    }
    // The gutter: as wide as the largest line number shown.
    let pad = places
        .iter()
        .flat_map(|(f, s, ..)| [s.start, s.end].map(|b| view.line_index(*f, b).unwrap_or(0) + 1))
        .max()
        .map_or(1, |n| n.to_string().len());
    // A label too long for the room after its carets: a group's (the key, or a
    // pointer to another line) is left out; another finding's is shown
    // whole as a note (`= note: line 4: …`) and its carets stay bare.
    let mut label_notes: Vec<(Kind, String)> = Vec::new();
    let labels = places
        .into_iter()
        .map(|(file, span, msg, primary, optional)| {
            let fits = text::width(&msg) <= label_room(view, file, &span, pad, style.width);
            let msg = if fits {
                msg
            } else if optional {
                String::new()
            } else {
                let line = view.line_index(file, span.start).unwrap_or(0) + 1;
                let place = place(view, file, first.file, line);
                label_notes.push((Kind::Note, format!("{place}: {msg}")));
                String::new()
            };
            let label = if primary {
                CsLabel::primary(file, span)
            } else {
                CsLabel::secondary(file, span)
            };
            label.with_message(msg)
        })
        .collect();
    label_notes.append(&mut notes);
    let notes = label_notes;
    let cs = CsDiagnostic::new(cs_severity(first.severity))
        .with_labels(labels)
        .with_notes(
            notes
                .iter()
                .map(|(kind, body)| note(*kind, body, pad, style.width))
                .collect(),
        );
    let fixable = g
        .members
        .iter()
        .all(|&m| diags[m].fix() == Some(FixSafety::Safe));
    let head = header(first, fixable, g.message(diags), style, buffer);
    buffer.clear();
    term::emit_to_write_style(buffer, config, view, &cs).ok()?;
    let body = String::from_utf8_lossy(buffer.as_slice());
    // codespan's own header line is replaced by ours.
    let body = body.split_once('\n').map_or("", |(_, rest)| rest);
    Some(format!("{head}{}", clip_context_lines(body, style.width)))
}

/// Render the findings alone (`--quiet`): no summary, no explain pointers; at
/// [`DEFAULT_WIDTH`].
pub fn render_findings(files: &[FileData], diags: &[Diagnostic], color: bool) -> String {
    render_findings_with(files, diags, Style::new(color, DEFAULT_WIDTH))
}

/// Render the findings alone, one diagnostic per group of findings that share
/// a cause ([`group`]).
pub fn render_findings_with(files: &[FileData], diags: &[Diagnostic], style: Style) -> String {
    let view = View::new(files);
    let config = Config::default();
    let mut buffer = if style.color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let mut out = String::new();
    for g in group::groups(diags) {
        match render_group(&g, diags, files, &view, style, &config, &mut buffer) {
            Some(s) => out.push_str(&s),
            None => {
                let members: Vec<Diagnostic> =
                    g.members.iter().map(|&m| diags[m].clone()).collect();
                out.push_str(&super::short::render(files, &members));
            }
        }
    }
    out
}

/// Render all findings, the summary and the explain pointers, at [`DEFAULT_WIDTH`].
pub fn render(files: &[FileData], diags: &[Diagnostic], color: bool) -> String {
    render_with(files, diags, Style::new(color, DEFAULT_WIDTH))
}

/// Render all findings, then the footer: the summary (counts per finding, and
/// how many are shown once grouped), the fixable count and the codes to explain.
pub fn render_with(files: &[FileData], diags: &[Diagnostic], style: Style) -> String {
    let mut out = render_findings_with(files, diags, style);
    let shown = group::groups(diags).len();
    let summary = summary_line_shown(
        Counts::of(diags),
        files.len(),
        (shown < diags.len()).then_some(shown),
    );
    let mut footer = vec![summary];
    let safe = diags
        .iter()
        .filter(|d| d.fix() == Some(FixSafety::Safe))
        .count();
    let unsafe_ = diags
        .iter()
        .filter(|d| d.fix() == Some(FixSafety::Unsafe))
        .count();
    match (safe, unsafe_) {
        (0, 0) => {}
        (0, u) => footer.push(tr("out-fixable-unsafe", &[("unsafe", u.into())])),
        (s, 0) => footer.push(tr("out-fixable", &[("safe", s.into())])),
        (s, u) => footer.push(tr(
            "out-fixable-both",
            &[("safe", s.into()), ("unsafe", u.into())],
        )),
    }
    let mut codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    codes.sort_unstable();
    codes.dedup();
    if !codes.is_empty() {
        footer.push(tr(
            "out-explain-codes",
            &[("codes", (&codes.join(" ")).into())],
        ));
    }
    for line in footer {
        out.push_str(
            &text::wrap(&line, style.width, style.width - INDENT.len())
                .join(&format!("\n{INDENT}")),
        );
        out.push('\n');
    }
    out
}
