//! `--format html`: one self-contained page (inline CSS, no script, no external
//! resource of any kind, a Content-Security-Policy that forbids loading one) for
//! `check` and `audit`.
//!
//! The page has a summary table (findings per severity, how many `--fix`
//! fixes), the findings grouped by severity then by file, each with its code and
//! name (linking to the rule's summary at the end), its location (a link to the
//! finding's own anchor, `#SL305-1`: the code and the finding's number among
//! those of its code), the message, the source lines with the span highlighted,
//! the secondary labels, the note and the help. `audit` adds the host, the TCP
//! socket states as a bar chart, and for a fleet the hosts, the keys that differ
//! between them as a table and the findings with the hosts that have them.
//!
//! The page is in the run's language: its own words are the `html-*` messages
//! of `locales/*/output.ftl` (with the severity words, `audit-*`, `fleet-*` and
//! `sockets-usage-*` shared with the text formats), and `<html lang>` names it.
//!
//! Everything that comes from an input (file names, lines, values, host names,
//! messages quoting them) is escaped twice: control characters as the text
//! formats show them ([`crate::escape`]), then `& < > " '` as HTML entities, so a
//! `<script>` in a comment is text. The output is deterministic: no time stamp.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::ops::Range;

use super::{summary_line, Counts};
use crate::audit::{AuditOutcome, FleetFinding, FleetReport};
use crate::codes;
use crate::diagnostic::{Diagnostic, FixSafety, Severity};
use crate::escape::{escape_bytes, escape_controls, EscapedSource};
use crate::i18n::{tr, Lang};
use crate::lint::FileData;
use crate::sockets::{SocketSummary, Usage};

/// The page's Content-Security-Policy: nothing may be loaded but inline styles
/// (and `data:` images, of which there are none today).
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// At most this many source lines are shown for one span.
const SNIPPET_LINES: usize = 8;
/// At most this many hosts are listed in the fleet's host table.
const HOST_ROWS: usize = 200;

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

const STYLE: &str = "\
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--mut:#59636e;--line:#d1d9e0;--box:#f6f8fa;--mark:#fff1a8;--err:#cf222e;--warn:#9a6700;--info:#0969da;--ok:#1a7f37}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--mut:#9198a1;--line:#3d444d;--box:#161b22;--mark:#4d3f00;--err:#ff7b72;--warn:#d29922;--info:#58a6ff;--ok:#3fb950}}
body{font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",sans-serif;color:var(--fg);background:var(--bg);max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.25rem;border-bottom:1px solid var(--line);padding-bottom:.25rem;margin:2rem 0 .75rem}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
h4{font:600 .9rem ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;margin:1rem 0 .25rem;word-break:break-all}
a{color:var(--info)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875em}
code{background:var(--box);padding:0 .25em;border-radius:3px;word-break:break-word}
pre{background:var(--box);border:1px solid var(--line);border-radius:6px;padding:.4rem .75rem;overflow-x:auto;margin:.4rem 0}
pre code{background:none;padding:0;font-size:1em}
.ln{display:inline-block;min-width:3ch;margin-right:1.5ch;color:var(--mut);text-align:right;user-select:none}
mark{background:var(--mark);color:inherit;border-bottom:2px solid var(--c,var(--err))}
mark.at{display:inline-block;width:0;height:1.1em;vertical-align:text-bottom;border:0;border-left:2px solid var(--c,var(--err))}
.error{--c:var(--err)}.warning{--c:var(--warn)}.info{--c:var(--info)}
.sev{color:var(--c);font-weight:700;text-transform:uppercase;font-size:.75rem;letter-spacing:.04em}
.finding{border:1px solid var(--line);border-left:4px solid var(--c);border-radius:6px;padding:.5rem .9rem;margin:.6rem 0}
.finding>header{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline}
.finding .loc{margin-left:auto;color:var(--mut);font:.8rem ui-monospace,monospace;text-decoration:none;word-break:break-all}
.finding p{margin:.3rem 0}
.msg{font-weight:600}
.fix{font:.75rem ui-monospace,monospace;color:var(--ok);border:1px solid;border-radius:3px;padding:0 .3em}
.label{color:var(--mut);font-size:.9rem}
.note b,.help b{color:var(--mut)}
.meta{color:var(--mut);font-size:.9rem}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:var(--box)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.summary td:first-child{font-weight:600}
.bar{width:18rem;height:.8rem;background:var(--box);border:1px solid var(--line);border-radius:2px}
.bar>span{display:block;height:100%;background:var(--c,var(--info))}
.hosts{color:var(--mut);font-size:.85rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.facts dt{color:var(--mut)}dl.facts dd{margin:0}
dl.rules dt{margin-top:.6rem}dl.rules dd{margin-left:1.5rem}
.clean{color:var(--ok);font-weight:600}
footer{margin-top:3rem;color:var(--mut);font-size:.8rem}
@media print{body{max-width:none;padding:0;font-size:11pt}a{color:inherit;text-decoration:none}.finding,tr,pre{break-inside:avoid}pre{white-space:pre-wrap}}
";

/// `s` with `& < > " '` as HTML entities (borrowed when there is none).
pub fn escape_html(s: &str) -> Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A one-line field from an input (a file or host name, a value): controls
/// escaped as the text formats do, then HTML.
fn field(s: &str) -> String {
    escape_html(&escape_bytes(s.as_bytes())).into_owned()
}

/// Text that may span lines (a message, a note, a help, a rule summary):
/// controls escaped, then HTML, and `` `code` `` spans as `<code>` when the
/// backticks pair up.
fn prose(s: &str) -> String {
    let text = escape_controls(s);
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len() < 3 || parts.len() % 2 == 0 {
        return escape_html(&text).into_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (i, p) in parts.iter().enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape_html(p));
        } else {
            out.push_str(&escape_html(p));
        }
    }
    out
}

/// A severity as a heading (`Errors`), in the run's language.
fn severity_title(s: Severity) -> String {
    tr("html-severity-title", &[("severity", s.as_str().into())])
}

/// The page's `lang` attribute: `en` for English, else the language's tag.
fn html_lang() -> &'static str {
    match crate::i18n::lang() {
        Lang::En => "en",
        l => l.tag(),
    }
}

fn severity_id(s: Severity) -> &'static str {
    match s {
        Severity::Error => "errors",
        Severity::Warning => "warnings",
        Severity::Info => "infos",
    }
}

fn count_of(c: Counts, s: Severity) -> usize {
    match s {
        Severity::Error => c.errors,
        Severity::Warning => c.warnings,
        Severity::Info => c.infos,
    }
}

/// The `check` report. `header` is `check`'s line about a tree (`--root`).
pub fn render_check(files: &[FileData], diags: &[Diagnostic], header: Option<&str>) -> String {
    let mut page = Page::new(files);
    let title = tr("html-check-title", &[]);
    page.open(&title);
    let _ = writeln!(page.out, "<header><h1>{}</h1>", escape_html(&title));
    if let Some(h) = header {
        let _ = writeln!(page.out, "<p class=\"meta\">{}</p>", prose(h.trim_end()));
    }
    page.out.push_str("</header>\n<main>\n");
    let counts = Counts::of(diags);
    page.summary(counts, diags, summary_line(counts, files.len()));
    page.findings(diags);
    page.close();
    page.out
}

/// The `audit` report: the host (or the fleet), the socket summary, the
/// findings, the fleet's hosts, differences and findings.
pub fn render_audit(o: &AuditOutcome) -> String {
    let mut page = Page::new(&o.files);
    let title = match &o.fleet {
        Some(f) => tr("html-fleet-title", &[("hosts", f.hosts.len().into())]),
        None => tr(
            "html-audit-title",
            &[("host", (&*escape_bytes(o.host.as_bytes())).into())],
        ),
    };
    page.open(&title);
    let _ = writeln!(
        page.out,
        "<header><h1>{}</h1>\n<dl class=\"facts\">",
        escape_html(&title)
    );
    // `id`: the message of the fact's name.
    let mut fact = |id: &str, value: String| {
        let name = escape_html(&tr(id, &[])).into_owned();
        let _ = writeln!(page.out, "<dt>{name}</dt><dd>{value}</dd>");
    };
    if o.fleet.is_none() {
        fact("fleet-col-host", field(&o.host));
        let unknown = tr("audit-unknown", &[]);
        fact(
            "fleet-col-kernel",
            field(o.kernel_release.as_deref().unwrap_or(&unknown)),
        );
        fact("html-fact-live-source", field(&o.live_source));
    }
    fact("html-fact-judged-kernel", field(&o.kernel.to_string()));
    fact(
        "html-fact-configuration",
        escape_html(&super::audit::configuration(o)).into_owned(),
    );
    page.out.push_str("</dl>\n</header>\n<main>\n");
    let mut line = summary_line(o.counts(), o.config_files);
    if let Some(f) = &o.fleet {
        let with = f.hosts_with_findings();
        line = super::fleet_summary_line(o.counts(), o.config_files, with, f.hosts.len());
    }
    page.summary(o.counts(), &o.diagnostics, line);
    if let Some(s) = &o.sockets {
        sockets(&mut page.out, s);
    }
    if o.fleet.is_none() || !o.diagnostics.is_empty() {
        page.findings(&o.diagnostics);
    }
    if let Some(f) = &o.fleet {
        page.fleet(f);
    }
    page.close();
    page.out
}

/// Add a section of preformatted text (`--show-fixes`' list) at the end of a
/// page's main part; a text that is not such a page gets the text appended.
pub fn append_text_section(page: &mut String, id: &str, title: &str, text: &str) {
    let section = format!(
        "<section id=\"{}\">\n<h2>{}</h2>\n<pre>{}</pre>\n</section>\n",
        escape_html(id),
        escape_html(title),
        escape_html(&escape_controls(text))
    );
    match page.rfind("</main>\n") {
        Some(at) => page.insert_str(at, &section),
        None => page.push_str(text),
    }
}

/// A page being written, with the files' shown text (escaped once, on first
/// use), the anchors given so far and the codes to summarise at the end.
struct Page<'a> {
    out: String,
    files: &'a [FileData],
    shown: Vec<OnceCell<Shown<'a>>>,
    anchors: HashMap<&'static str, usize>,
    codes: BTreeSet<&'static str>,
}

/// A file's text as shown, and where each of its lines starts.
struct Shown<'a> {
    source: EscapedSource<'a>,
    line_starts: Vec<usize>,
}

impl<'a> Page<'a> {
    fn new(files: &'a [FileData]) -> Page<'a> {
        Page {
            out: String::new(),
            files,
            shown: files.iter().map(|_| OnceCell::new()).collect(),
            anchors: HashMap::new(),
            codes: BTreeSet::new(),
        }
    }

    fn open(&mut self, title: &str) {
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"sysctl-lint {}\">\n\
             <link rel=\"icon\" href=\"data:,\">\n\
             <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
            html_lang(),
            env!("CARGO_PKG_VERSION"),
            escape_html(title)
        );
    }

    /// The rules section, the footer and the end of the document.
    fn close(&mut self) {
        if !self.codes.is_empty() {
            let _ = writeln!(
                self.out,
                "<section id=\"rules\">\n<h2>{}</h2>\n<dl class=\"rules\">",
                escape_html(&tr("html-rules", &[]))
            );
            for code in &self.codes {
                let Some(doc) = codes::doc(code) else {
                    continue;
                };
                let summary = doc.summary_localized();
                let explain = tr("html-explain", &[("code", (*code).into())]);
                let _ = writeln!(
                    self.out,
                    "<dt id=\"rule-{code}\" class=\"{sev}\"><code>{code}</code> {name} \
                     <span class=\"sev\">{sev_word}</span></dt>\n<dd>{}{}\
                     <span class=\"meta\">{}</span></dd>",
                    prose(summary),
                    gap(summary, &explain),
                    prose(&explain),
                    name = escape_html(doc.name),
                    sev = doc.severity,
                    sev_word = escape_html(&crate::i18n::severity(doc.severity)),
                );
            }
            self.out.push_str("</dl>\n</section>\n");
        }
        let _ = write!(
            self.out,
            "</main>\n<footer>{}</footer>\n</body>\n</html>\n",
            escape_html(&tr(
                "html-footer",
                &[("version", env!("CARGO_PKG_VERSION").into())]
            ))
        );
    }

    /// The next anchor of a code: `SL305-1`, `SL305-2`, ...
    fn anchor(&mut self, code: &'static str) -> String {
        self.codes.insert(code);
        let n = self.anchors.entry(code).or_insert(0);
        *n += 1;
        format!("{code}-{n}")
    }

    /// The table of counts per severity, and the summary line.
    fn summary(&mut self, counts: Counts, diags: &[Diagnostic], line: String) {
        let _ = writeln!(
            self.out,
            "<section id=\"summary\">\n<h2>{}</h2>\n<table class=\"summary\">\n\
             <thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            escape_html(&tr("html-summary", &[])),
            escape_html(&tr("html-col-severity", &[])),
            escape_html(&tr("html-col-findings", &[])),
        );
        for s in SEVERITIES {
            let n = count_of(counts, s);
            let title = escape_html(&severity_title(s)).into_owned();
            let name = if n > 0 {
                format!("<a href=\"#{}\">{title}</a>", severity_id(s))
            } else {
                title
            };
            let _ = writeln!(
                self.out,
                "<tr class=\"{s}\"><td>{name}</td><td class=\"num\">{n}</td></tr>"
            );
        }
        let fixable = diags
            .iter()
            .filter(|d| super::statistics::fixable(d, false))
            .count();
        let _ = writeln!(
            self.out,
            "<tr><td>{}</td><td class=\"num\">{fixable}</td></tr>\n\
             </tbody>\n</table>\n<p>{}</p>\n</section>",
            prose(&tr("html-fixable-row", &[])),
            escape_html(&line)
        );
    }

    /// A section per severity (id `{id_prefix}{severity}`) of `items`, and in it
    /// one per file (sorted by `file`, stable: a file's items keep their order)
    /// headed by `file_title`, each item written by `item`.
    fn by_severity_and_file<T, F: Ord>(
        &mut self,
        items: &[T],
        id_prefix: &str,
        severity: impl Fn(&T) -> Severity,
        file: impl Fn(&T) -> F,
        file_title: impl Fn(&Self, &T) -> String,
        mut item: impl FnMut(&mut Self, &T),
    ) {
        for s in SEVERITIES {
            let mut of: Vec<&T> = items.iter().filter(|x| severity(x) == s).collect();
            if of.is_empty() {
                continue;
            }
            of.sort_by_key(|x| file(x));
            let _ = writeln!(
                self.out,
                "<section class=\"{s}\" id=\"{id_prefix}{}\">\n<h3>{}</h3>",
                severity_id(s),
                escape_html(&tr(
                    "html-severity-section",
                    &[("severity", s.as_str().into()), ("count", of.len().into())]
                )),
            );
            for group in of.chunk_by(|a, b| file(a) == file(b)) {
                let title = file_title(self, group[0]);
                let _ = writeln!(self.out, "<section class=\"file\">\n<h4>{title}</h4>");
                for x in group {
                    item(self, x);
                }
                self.out.push_str("</section>\n");
            }
            self.out.push_str("</section>\n");
        }
    }

    /// The findings grouped by severity, then by file (in input order).
    fn findings(&mut self, diags: &[Diagnostic]) {
        let _ = writeln!(
            self.out,
            "<section id=\"findings\">\n<h2>{}</h2>",
            escape_html(&tr("html-findings", &[]))
        );
        if diags.is_empty() {
            self.clean();
            self.out.push_str("</section>\n");
            return;
        }
        self.by_severity_and_file(
            diags,
            "",
            |d| d.severity,
            |d| d.file,
            |page, d| page.file_name(d.file),
            Page::finding,
        );
        self.out.push_str("</section>\n");
    }

    /// `No problems found.`
    fn clean(&mut self) {
        let _ = writeln!(
            self.out,
            "<p class=\"clean\">{}</p>",
            escape_html(&tr("html-clean", &[]))
        );
    }

    /// `<p class="{class}"><b>{label}</b> {html}</p>`, the label the message `id`.
    fn labelled(&mut self, class: &str, id: &str, html: &str) {
        let _ = writeln!(
            self.out,
            "<p class=\"{class}\">{}</p>",
            label_then(id, &[], html)
        );
    }

    /// A file's name: under `--root`, the boot path and the tree's own file.
    fn file_name(&self, file: usize) -> String {
        let Some(f) = self.files.get(file) else {
            return String::new();
        };
        match super::boot_path(f) {
            Some(boot) => format!(
                "{} <span class=\"meta\">({})</span>",
                field(boot),
                field(&super::machine_path(f))
            ),
            None => field(&f.source.name),
        }
    }

    /// One entry per finding (no group headlines: the page lists every place
    /// anyway), in the run's language (`--lang`): the message, note and help,
    /// the severity word and the labels.
    fn finding(&mut self, d: &Diagnostic) {
        let id = self.anchor(d.code);
        let file = self.files.get(d.file);
        let loc = match file {
            Some(f) if !f.source.text.is_empty() => {
                let ((line, col), _) = super::location(f, &d.span);
                format!("{}:{line}:{col}", field(&f.source.name))
            }
            Some(f) => field(&f.source.name),
            None => String::new(),
        };
        let badge = |command: &str, id: &str| {
            format!(
                "<span class=\"fix\" title=\"{command}\">{}</span>",
                escape_html(&tr(id, &[]))
            )
        };
        let fix = match d.fix() {
            Some(FixSafety::Safe) => badge("sysctl-lint check --fix", "html-fixable"),
            Some(FixSafety::Unsafe) => badge(
                "sysctl-lint check --fix --unsafe-fixes",
                "html-fixable-unsafe",
            ),
            None => String::new(),
        };
        let _ = writeln!(
            self.out,
            "<article class=\"finding {sev}\" id=\"{id}\">\n<header><span class=\"sev\">{sev_word}</span> \
             <a class=\"code\" href=\"#rule-{code}\"><code>{code}</code> {name}</a> {fix}\
             <a class=\"loc\" href=\"#{id}\">{loc}</a></header>\n<p class=\"msg\">{msg}</p>",
            sev = d.severity,
            sev_word = escape_html(&crate::i18n::severity(d.severity)),
            code = d.code,
            name = escape_html(d.name),
            msg = prose(d.message_shown()),
        );
        if let Some(s) = self.snippet(d.file, &d.span) {
            self.out.push_str(&s);
        }
        for l in &d.labels {
            let at = self
                .files
                .get(l.file)
                .map(|f| {
                    let ((line, _), _) = super::location(f, &l.span);
                    format!("{}:{line}", field(&f.source.name))
                })
                .unwrap_or_default();
            let _ = writeln!(
                self.out,
                "<p class=\"label\">{at}: {}</p>",
                prose(&l.message)
            );
            if let Some(s) = self.snippet(l.file, &l.span) {
                self.out.push_str(&s);
            }
        }
        if let Some(live) = &d.live {
            self.labelled(
                "live",
                "html-live-value",
                &format!("<code>{}</code>", field(live)),
            );
        }
        if let Some(note) = d.note_shown() {
            self.labelled("note", "html-note", &prose(note));
        }
        if let Some(help) = d.help_shown() {
            self.labelled("help", "html-help", &prose(help));
        }
        self.out.push_str("</article>\n");
    }

    /// The lines of a span with the span marked (`None` for a file without
    /// text: an unreadable input).
    fn snippet(&self, file: usize, span: &Range<usize>) -> Option<String> {
        let f = self.files.get(file)?;
        let shown = self.shown.get(file)?.get_or_init(|| {
            let source = EscapedSource::new(f.source.bytes());
            let line_starts = std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', source.text().as_bytes()).map(|i| i + 1))
                .collect();
            Shown {
                source,
                line_starts,
            }
        });
        let text = shown.source.text();
        if text.is_empty() {
            return None;
        }
        let len = f.source.bytes().len();
        let at = shown
            .source
            .shown_span(&(span.start.min(len)..span.end.min(len)));
        let line_of = |offset: usize| {
            shown
                .line_starts
                .partition_point(|&s| s <= offset)
                .saturating_sub(1)
        };
        let first = line_of(at.start);
        let last = if at.end > at.start {
            line_of(at.end - 1)
        } else {
            first
        };
        let shown_last = last.min(first + SNIPPET_LINES - 1);
        let mut out = String::from("<pre class=\"snippet\"><code>");
        for i in first..=shown_last {
            let start = shown.line_starts[i];
            let end = shown
                .line_starts
                .get(i + 1)
                .map_or(text.len(), |&n| n - 1)
                .max(start);
            let line = &text[start..end];
            let _ = write!(out, "<span class=\"ln\">{}</span>", i + 1);
            let (ms, me) = (at.start.max(start), at.end.min(end));
            if at.is_empty() && at.start >= start && at.start <= end {
                let (a, b) = line.split_at(at.start - start);
                let _ = write!(
                    out,
                    "{}<mark class=\"at\"></mark>{}",
                    escape_html(a),
                    escape_html(b)
                );
            } else if ms < me {
                let _ = write!(
                    out,
                    "{}<mark>{}</mark>{}",
                    escape_html(&line[..ms - start]),
                    escape_html(&line[ms - start..me - start]),
                    escape_html(&line[me - start..])
                );
            } else {
                out.push_str(&escape_html(line));
            }
            out.push('\n');
        }
        if shown_last < last {
            let _ = writeln!(
                out,
                "<span class=\"ln\">\u{22ee}</span>{}",
                escape_html(&tr(
                    "html-more-lines",
                    &[("lines", (last - shown_last).into())]
                ))
            );
        }
        out.push_str("</code></pre>\n");
        Some(out)
    }

    /// The fleet: its hosts, the keys that differ, the findings and their hosts.
    fn fleet(&mut self, f: &FleetReport) {
        let head = |id: &str| escape_html(&tr(id, &[])).into_owned();
        let _ = writeln!(
            self.out,
            "<section id=\"hosts\">\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th>\
             <th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            escape_html(&tr("html-hosts", &[("hosts", f.hosts.len().into())])),
            head("fleet-col-host"),
            head("fleet-col-kernel"),
            head("fleet-col-errors"),
            head("fleet-col-warnings"),
            head("fleet-col-infos"),
        );
        for h in f.hosts.iter().take(HOST_ROWS) {
            let _ = writeln!(
                self.out,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td></tr>",
                field(&h.name),
                field(h.kernel.as_deref().unwrap_or("?")),
                h.counts.errors,
                h.counts.warnings,
                h.counts.infos
            );
        }
        self.out.push_str("</tbody>\n</table>\n");
        if f.hosts.len() > HOST_ROWS {
            let _ = writeln!(
                self.out,
                "<p class=\"meta\">{}</p>",
                escape_html(&tr(
                    "html-hosts-first",
                    &[("shown", HOST_ROWS.into()), ("hosts", f.hosts.len().into())]
                ))
            );
        }
        self.out.push_str("</section>\n");

        let _ = writeln!(
            self.out,
            "<section id=\"differences\">\n<h2>{}</h2>",
            escape_html(&tr(
                "html-differences",
                &[("keys", f.differences.len().into())]
            ))
        );
        if f.differences.is_empty() {
            let _ = writeln!(
                self.out,
                "<p class=\"clean\">{}</p>",
                escape_html(&tr("fleet-no-differences", &[]))
            );
        } else {
            let _ = writeln!(
                self.out,
                "<table class=\"differences\">\n<thead><tr><th>{}</th><th>{}</th>\
                 <th>{}</th><th>{}</th></tr></thead>\n<tbody>",
                head("html-col-key"),
                head("html-col-value"),
                head("html-col-hosts"),
                head("html-col-which"),
            );
            let absent_word = format!("<i>{}</i>", head("fleet-absent"));
            for d in &f.differences {
                let rows = d.values.len() + usize::from(!d.absent.is_empty());
                let _ = write!(
                    self.out,
                    "<tr><td rowspan=\"{rows}\"><code>{}</code></td>",
                    field(&d.key)
                );
                let absent = (!d.absent.is_empty()).then_some((absent_word.clone(), &d.absent));
                let values = d
                    .values
                    .iter()
                    .map(|(v, hosts)| (format!("<code>{}</code>", field(v)), hosts))
                    .chain(absent);
                for (i, (value, hosts)) in values.enumerate() {
                    if i > 0 {
                        self.out.push_str("<tr>");
                    }
                    let _ = writeln!(
                        self.out,
                        "<td>{value}</td><td class=\"num\">{}</td><td class=\"hosts\">{}</td></tr>",
                        hosts.len(),
                        escape_html(&super::audit::host_list(f, hosts))
                    );
                }
            }
            self.out.push_str("</tbody>\n</table>\n");
        }
        self.out.push_str("</section>\n");

        let _ = writeln!(
            self.out,
            "<section id=\"fleet-findings\">\n<h2>{}</h2>",
            escape_html(&tr(
                "html-fleet-findings",
                &[("findings", f.findings.len().into())]
            ))
        );
        if f.findings.is_empty() {
            self.clean();
        }
        let live_values = head("html-live-values");
        self.by_severity_and_file(
            &f.findings,
            "fleet-",
            |x| x.severity,
            |x| x.file.clone(),
            |_, x| x.file.as_deref().map_or_else(|| live_values.clone(), field),
            |page, x| page.fleet_finding(f, x),
        );
        self.out.push_str("</section>\n");
    }

    fn fleet_finding(&mut self, f: &FleetReport, x: &FleetFinding) {
        let id = self.anchor(x.code);
        let loc = match (&x.file, x.line) {
            (Some(file), Some(line)) => format!("{}:{line}", field(file)),
            _ => escape_html(&tr("html-live", &[])).into_owned(),
        };
        let _ = writeln!(
            self.out,
            "<article class=\"finding {sev}\" id=\"{id}\">\n<header><span class=\"sev\">{sev_word}</span> \
             <a class=\"code\" href=\"#rule-{code}\"><code>{code}</code> {name}</a> \
             <a class=\"loc\" href=\"#{id}\">{loc}</a></header>\n<p class=\"msg\">{msg}</p>",
            sev = x.severity,
            sev_word = escape_html(&crate::i18n::severity(x.severity)),
            code = x.code,
            name = escape_html(x.name),
            msg = prose(x.message_shown()),
        );
        let mut facts = Vec::new();
        let code = |id: &str, v: &str| label_then(id, &[], &format!("<code>{}</code>", field(v)));
        if let Some(k) = &x.key {
            facts.push(code("html-key", k));
        }
        if let Some(v) = &x.value {
            facts.push(code("html-value", v));
        }
        if let Some(v) = &x.live {
            facts.push(code("html-live-value", v));
        }
        if !facts.is_empty() {
            let _ = writeln!(self.out, "<p class=\"live\">{}</p>", facts.join(" "));
        }
        if let Some(note) = x.note_shown() {
            self.labelled("note", "html-note", &prose(note));
        }
        if let Some(help) = x.help_shown() {
            self.labelled("help", "html-help", &prose(help));
        }
        let _ = writeln!(
            self.out,
            "<p class=\"hosts\">{}</p>\n</article>",
            label_then(
                "html-finding-hosts",
                &[("hosts", x.hosts.len().into())],
                &escape_html(&super::audit::host_list(f, &x.hosts))
            )
        );
    }
}

/// `<b>label:</b> html`, the label the message `id` in the run's language
/// (no space after a full-width colon).
fn label_then(id: &str, args: &[(&str, crate::i18n::Arg<'_>)], html: &str) -> String {
    let label = tr(id, args);
    format!("<b>{}</b>{}{html}", escape_html(&label), gap(&label, html))
}

/// Full-width punctuation (`。`, `：`, `（`), which takes no space next to it.
fn full_width(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ff60}')
}

/// The space between two texts, none next to full-width punctuation.
fn gap(left: &str, right: &str) -> &'static str {
    if left.chars().next_back().is_some_and(full_width)
        || right.chars().next().is_some_and(full_width)
    {
        ""
    } else {
        " "
    }
}

/// A bar of `part / whole` (a share in percent, one decimal).
fn bar(part: f64, whole: f64, class: &str) -> String {
    let pct = if whole > 0.0 {
        (part / whole * 100.0).clamp(0.0, 100.0)
    } else {
        0.0
    };
    format!("<div class=\"bar {class}\"><span style=\"width:{pct:.1}%\"></span></div>")
}

/// `audit --sockets`: the states as a bar chart, the limits as gauges, advice.
fn sockets(out: &mut String, s: &SocketSummary) {
    let text = |id: &str| escape_html(&tr(id, &[])).into_owned();
    let _ = writeln!(
        out,
        "<section id=\"sockets\">\n<h2>{}</h2>\n<table class=\"chart\">\n\
         <thead><tr><th>{}</th><th>{}</th><th></th></tr></thead>\n<tbody>",
        escape_html(&tr("html-sockets", &[("total", s.total.into())])),
        text("html-col-state"),
        text("html-col-count"),
    );
    let max = s.states.iter().map(|c| c.count).max().unwrap_or(0) as f64;
    for c in &s.states {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape_html(&c.state),
            c.count,
            bar(c.count as f64, max, "")
        );
    }
    out.push_str("</tbody>\n</table>\n<table class=\"limits\">\n<tbody>\n");
    // `what`: the row's name, HTML.
    let gauge = |out: &mut String, what: &str, u: &Usage, limit: &str| {
        let count = u.count.to_string();
        let limit_name = format!("`{limit}`");
        let mut args = vec![
            ("count", (&count).into()),
            ("limit_name", (&limit_name).into()),
        ];
        let (l, p) = (
            u.limit.map(|l| l.to_string()),
            u.percent.map(|p| p.to_string()),
        );
        let (id, chart) = match (u.limit, u.percent) {
            (Some(lv), Some(pv)) => {
                let class = if pv >= 80.0 { "error" } else { "" };
                (
                    "sockets-usage-percent",
                    bar(u.count as f64, lv as f64, class),
                )
            }
            (Some(_), None) => ("sockets-usage-limit", String::new()),
            _ => ("sockets-usage-unknown", String::new()),
        };
        if let Some(l) = &l {
            args.push(("limit", l.into()));
        }
        if let Some(p) = &p {
            args.push(("percent", p.into()));
        }
        let _ = writeln!(
            out,
            "<tr><th>{what}</th><td>{}</td><td>{chart}</td></tr>",
            prose(&tr(id, &args))
        );
    };
    gauge(out, "TIME_WAIT", &s.time_wait, "tcp_max_tw_buckets");
    if let Some(o) = &s.orphans {
        gauge(out, &text("html-orphans"), o, "tcp_max_orphans");
    }
    if let Some(e) = &s.ephemeral {
        let (low, high, reserved, usable) = (
            e.low.to_string(),
            e.high.to_string(),
            e.reserved.to_string(),
            e.usable.to_string(),
        );
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td>{}</td><td></td></tr>",
            text("html-ephemeral-ports"),
            escape_html(&tr(
                "html-ephemeral",
                &[
                    ("low", (&low).into()),
                    ("high", (&high).into()),
                    ("reserved", (&reserved).into()),
                    ("usable", (&usable).into()),
                ]
            ))
        );
    }
    let busiest = text("html-busiest");
    match &s.busiest {
        Some(b) => {
            let (percent, chart) = match (&s.ephemeral, b.percent_of_usable) {
                (Some(e), Some(p)) => (
                    p.to_string(),
                    bar(
                        b.ports_in_use as f64,
                        e.usable as f64,
                        if s.exhaustion { "error" } else { "" },
                    ),
                ),
                _ => ("none".to_owned(), String::new()),
            };
            let (ports, time_wait) = (b.ports_in_use.to_string(), b.time_wait.to_string());
            let value = tr(
                "html-busiest-value",
                &[
                    ("remote", (&b.remote).into()),
                    ("local", (&b.local_address).into()),
                    ("ports", (&ports).into()),
                    ("time_wait", (&time_wait).into()),
                    ("percent", (&percent).into()),
                ],
            );
            let _ = writeln!(
                out,
                "<tr><th>{busiest}</th><td>{}</td><td>{chart}</td></tr>",
                prose(&value)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "<tr><th>{busiest}</th><td>{}</td><td></td></tr>",
                text("html-busiest-none")
            );
        }
    }
    out.push_str("</tbody>\n</table>\n");
    if !s.advice_text.is_empty() {
        out.push_str("<ul class=\"advice\">\n");
        for a in &s.advice_text {
            let shown = a.localized.as_deref().unwrap_or(&a.en);
            let _ = writeln!(out, "<li>{}</li>", prose(shown));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            escape_html("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert!(matches!(escape_html("plain"), Cow::Borrowed(_)));
        assert_eq!(field("a\x1b<b>\n"), "a\\x1b&lt;b&gt;\\n");
        assert_eq!(
            prose("set `<x>` to 1\x07"),
            "set <code>&lt;x&gt;</code> to 1\\x07"
        );
        assert_eq!(prose("one ` tick"), "one ` tick");
    }

    #[test]
    fn findings_are_in_the_runs_language() {
        use crate::diagnostic::Text;
        use crate::i18n::Lang;
        let args = [("severity", "warning".into())];
        let zh = Text::message_in(Lang::ZhCn, "explain-default-severity", &args);
        let d = Diagnostic::new("SL101", 0, 0..1, zh.clone())
            .note(zh)
            .help("plain English help");
        let page = render_check(&[], &[d], None);
        assert!(
            page.contains("<p class=\"msg\">默认级别：warning</p>"),
            "{page}"
        );
        assert!(page.contains("<p class=\"note\"><b>note:</b> 默认级别：warning</p>"));
        assert!(page.contains("<p class=\"help\"><b>help:</b> plain English help</p>"));
        assert!(!page.contains("Default severity"), "{page}");
    }
}
