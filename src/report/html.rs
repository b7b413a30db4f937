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

fn severity_title(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Info => "Infos",
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
    page.open("sysctl-lint check report");
    page.out
        .push_str("<header><h1>sysctl-lint check report</h1>\n");
    if let Some(h) = header {
        let _ = writeln!(page.out, "<p class=\"meta\">{}</p>", prose(h.trim_end()));
    }
    page.out.push_str("</header>\n<main>\n");
    let counts = Counts::of(diags);
    page.summary(counts, diags, summary_line(counts, files.len()));
    page.findings(diags, "Findings");
    page.close();
    page.out
}

/// The `audit` report: the host (or the fleet), the socket summary, the
/// findings, the fleet's hosts, differences and findings.
pub fn render_audit(o: &AuditOutcome) -> String {
    let mut page = Page::new(&o.files);
    let title = match &o.fleet {
        Some(f) => format!("sysctl-lint fleet audit of {} hosts", f.hosts.len()),
        None => format!("sysctl-lint audit of {}", escape_bytes(o.host.as_bytes())),
    };
    page.open(&title);
    let _ = writeln!(
        page.out,
        "<header><h1>{}</h1>\n<dl class=\"facts\">",
        escape_html(&title)
    );
    let mut fact = |name: &str, value: String| {
        let _ = writeln!(page.out, "<dt>{name}</dt><dd>{value}</dd>");
    };
    if o.fleet.is_none() {
        fact("host", field(&o.host));
        fact(
            "kernel",
            field(o.kernel_release.as_deref().unwrap_or("unknown")),
        );
        fact("live values from", field(&o.live_source));
    }
    fact("judged as kernel", field(&o.kernel.to_string()));
    fact(
        "configuration",
        escape_html(&super::audit::configuration(o)).into_owned(),
    );
    page.out.push_str("</dl>\n</header>\n<main>\n");
    let mut line = summary_line(o.counts(), o.config_files);
    if let Some(f) = &o.fleet {
        let with = f
            .hosts
            .iter()
            .filter(|h| h.counts != Counts::default())
            .count();
        let _ = write!(line, " ({with} of {} hosts have findings)", f.hosts.len());
    }
    page.summary(o.counts(), &o.diagnostics, line);
    if let Some(s) = &o.sockets {
        sockets(&mut page.out, s);
    }
    if o.fleet.is_none() || !o.diagnostics.is_empty() {
        page.findings(&o.diagnostics, "Findings");
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
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"sysctl-lint {}\">\n\
             <link rel=\"icon\" href=\"data:,\">\n\
             <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
            env!("CARGO_PKG_VERSION"),
            escape_html(title)
        );
    }

    /// The rules section, the footer and the end of the document.
    fn close(&mut self) {
        if !self.codes.is_empty() {
            self.out
                .push_str("<section id=\"rules\">\n<h2>Rules</h2>\n<dl class=\"rules\">\n");
            for code in &self.codes {
                let Some(doc) = codes::doc(code) else {
                    continue;
                };
                let _ = writeln!(
                    self.out,
                    "<dt id=\"rule-{code}\" class=\"{sev}\"><code>{code}</code> {name} \
                     <span class=\"sev\">{sev}</span></dt>\n<dd>{summary} \
                     <span class=\"meta\">(<code>sysctl-lint explain {code}</code>)</span></dd>",
                    name = escape_html(doc.name),
                    sev = doc.severity,
                    summary = prose(doc.summary),
                );
            }
            self.out.push_str("</dl>\n</section>\n");
        }
        let _ = write!(
            self.out,
            "</main>\n<footer>Report by sysctl-lint {}.</footer>\n</body>\n</html>\n",
            env!("CARGO_PKG_VERSION")
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
        self.out.push_str(
            "<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"summary\">\n\
             <thead><tr><th>Severity</th><th>Findings</th></tr></thead>\n<tbody>\n",
        );
        for s in SEVERITIES {
            let n = count_of(counts, s);
            let name = if n > 0 {
                format!("<a href=\"#{}\">{}</a>", severity_id(s), severity_title(s))
            } else {
                severity_title(s).to_owned()
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
            "<tr><td>Fixable with <code>--fix</code></td><td class=\"num\">{fixable}</td></tr>\n\
             </tbody>\n</table>\n<p>{}</p>\n</section>",
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
                "<section class=\"{s}\" id=\"{id_prefix}{}\">\n<h3>{} ({})</h3>",
                severity_id(s),
                severity_title(s),
                of.len()
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
    fn findings(&mut self, diags: &[Diagnostic], title: &str) {
        let _ = writeln!(self.out, "<section id=\"findings\">\n<h2>{title}</h2>");
        if diags.is_empty() {
            self.out
                .push_str("<p class=\"clean\">No problems found.</p>\n</section>\n");
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
    /// anyway). The message, note and help are in the run's language
    /// (`--lang`); the severity words and the fixed labels (`note:`, `help:`,
    /// `live value:`, the section titles) stay English for now.
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
        let fix = match d.fix() {
            Some(FixSafety::Safe) => "<span class=\"fix\" title=\"sysctl-lint check --fix\">[*] fixable</span>",
            Some(FixSafety::Unsafe) => "<span class=\"fix\" title=\"sysctl-lint check --fix --unsafe-fixes\">fixable with --unsafe-fixes</span>",
            None => "",
        };
        let _ = writeln!(
            self.out,
            "<article class=\"finding {sev}\" id=\"{id}\">\n<header><span class=\"sev\">{sev}</span> \
             <a class=\"code\" href=\"#rule-{code}\"><code>{code}</code> {name}</a> {fix}\
             <a class=\"loc\" href=\"#{id}\">{loc}</a></header>\n<p class=\"msg\">{msg}</p>",
            sev = d.severity,
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
            let _ = writeln!(
                self.out,
                "<p class=\"live\"><b>live value:</b> <code>{}</code></p>",
                field(live)
            );
        }
        if let Some(note) = d.note_shown() {
            let _ = writeln!(
                self.out,
                "<p class=\"note\"><b>note:</b> {}</p>",
                prose(note)
            );
        }
        if let Some(help) = d.help_shown() {
            let _ = writeln!(
                self.out,
                "<p class=\"help\"><b>help:</b> {}</p>",
                prose(help)
            );
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
                "<span class=\"ln\">\u{22ee}</span>({} more lines)",
                last - shown_last
            );
        }
        out.push_str("</code></pre>\n");
        Some(out)
    }

    /// The fleet: its hosts, the keys that differ, the findings and their hosts.
    fn fleet(&mut self, f: &FleetReport) {
        let _ = writeln!(
            self.out,
            "<section id=\"hosts\">\n<h2>Hosts ({})</h2>\n<table>\n<thead><tr><th>host</th>\
             <th>kernel</th><th>errors</th><th>warnings</th><th>infos</th></tr></thead>\n<tbody>",
            f.hosts.len()
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
                "<p class=\"meta\">The first {HOST_ROWS} of {} hosts; the JSON report lists all.</p>",
                f.hosts.len()
            );
        }
        self.out.push_str("</section>\n");

        let _ = writeln!(
            self.out,
            "<section id=\"differences\">\n<h2>Keys that differ between hosts ({})</h2>",
            f.differences.len()
        );
        if f.differences.is_empty() {
            self.out
                .push_str("<p class=\"clean\">No key differs between hosts.</p>\n");
        } else {
            self.out.push_str(
                "<table class=\"differences\">\n<thead><tr><th>key</th><th>value</th>\
                 <th>hosts</th><th>which</th></tr></thead>\n<tbody>\n",
            );
            for d in &f.differences {
                let rows = d.values.len() + usize::from(!d.absent.is_empty());
                let _ = write!(
                    self.out,
                    "<tr><td rowspan=\"{rows}\"><code>{}</code></td>",
                    field(&d.key)
                );
                let absent =
                    (!d.absent.is_empty()).then_some(("<i>absent</i>".to_owned(), &d.absent));
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
            "<section id=\"fleet-findings\">\n<h2>Fleet findings ({} distinct)</h2>",
            f.findings.len()
        );
        if f.findings.is_empty() {
            self.out
                .push_str("<p class=\"clean\">No problems found.</p>\n");
        }
        self.by_severity_and_file(
            &f.findings,
            "fleet-",
            |x| x.severity,
            |x| x.file.clone(),
            |_, x| {
                x.file
                    .as_deref()
                    .map_or_else(|| "live values".to_owned(), field)
            },
            |page, x| page.fleet_finding(f, x),
        );
        self.out.push_str("</section>\n");
    }

    fn fleet_finding(&mut self, f: &FleetReport, x: &FleetFinding) {
        let id = self.anchor(x.code);
        let loc = match (&x.file, x.line) {
            (Some(file), Some(line)) => format!("{}:{line}", field(file)),
            _ => "live".to_owned(),
        };
        let _ = writeln!(
            self.out,
            "<article class=\"finding {sev}\" id=\"{id}\">\n<header><span class=\"sev\">{sev}</span> \
             <a class=\"code\" href=\"#rule-{code}\"><code>{code}</code> {name}</a> \
             <a class=\"loc\" href=\"#{id}\">{loc}</a></header>\n<p class=\"msg\">{msg}</p>",
            sev = x.severity,
            code = x.code,
            name = escape_html(x.name),
            msg = prose(&x.message),
        );
        let mut facts = Vec::new();
        if let Some(k) = &x.key {
            facts.push(format!("<b>key:</b> <code>{}</code>", field(k)));
        }
        if let Some(v) = &x.value {
            facts.push(format!("<b>value:</b> <code>{}</code>", field(v)));
        }
        if let Some(v) = &x.live {
            facts.push(format!("<b>live value:</b> <code>{}</code>", field(v)));
        }
        if !facts.is_empty() {
            let _ = writeln!(self.out, "<p class=\"live\">{}</p>", facts.join(" "));
        }
        if let Some(note) = &x.note {
            let _ = writeln!(
                self.out,
                "<p class=\"note\"><b>note:</b> {}</p>",
                prose(note)
            );
        }
        if let Some(help) = &x.help {
            let _ = writeln!(
                self.out,
                "<p class=\"help\"><b>help:</b> {}</p>",
                prose(help)
            );
        }
        let _ = writeln!(
            self.out,
            "<p class=\"hosts\"><b>hosts ({}):</b> {}</p>\n</article>",
            x.hosts.len(),
            escape_html(&super::audit::host_list(f, &x.hosts))
        );
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
    let _ = writeln!(
        out,
        "<section id=\"sockets\">\n<h2>TCP sockets ({} in total)</h2>\n<table class=\"chart\">\n\
         <thead><tr><th>state</th><th>count</th><th></th></tr></thead>\n<tbody>",
        s.total
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
    let gauge = |out: &mut String, what: &str, u: &Usage, limit: &str| {
        let (text, chart) = match (u.limit, u.percent) {
            (Some(l), Some(p)) => {
                let class = if p >= 80.0 { "error" } else { "" };
                (
                    format!("{} of <code>{limit}</code> {l} ({p}%)", u.count),
                    bar(u.count as f64, l as f64, class),
                )
            }
            (Some(l), None) => (
                format!("{} (<code>{limit}</code> {l})", u.count),
                String::new(),
            ),
            _ => (
                format!("{} (<code>{limit}</code> unknown)", u.count),
                String::new(),
            ),
        };
        let _ = writeln!(
            out,
            "<tr><th>{what}</th><td>{text}</td><td>{chart}</td></tr>"
        );
    };
    gauge(out, "TIME_WAIT", &s.time_wait, "tcp_max_tw_buckets");
    if let Some(o) = &s.orphans {
        gauge(out, "orphans", o, "tcp_max_orphans");
    }
    if let Some(e) = &s.ephemeral {
        let _ = writeln!(
            out,
            "<tr><th>ephemeral ports</th><td>{}-{}, {} reserved, {} usable</td><td></td></tr>",
            e.low, e.high, e.reserved, e.usable
        );
    }
    match &s.busiest {
        Some(b) => {
            let share = match (&s.ephemeral, b.percent_of_usable) {
                (Some(e), Some(p)) => (
                    format!(", {p}% of the usable range"),
                    bar(
                        b.ports_in_use as f64,
                        e.usable as f64,
                        if s.exhaustion { "error" } else { "" },
                    ),
                ),
                _ => (String::new(), String::new()),
            };
            let _ = writeln!(
                out,
                "<tr><th>busiest destination</th><td><code>{}</code> from <code>{}</code>: \
                 {} ports ({} in TIME_WAIT){}</td><td>{}</td></tr>",
                escape_html(&b.remote),
                escape_html(&b.local_address),
                b.ports_in_use,
                b.time_wait,
                share.0,
                share.1
            );
        }
        None => out.push_str(
            "<tr><th>busiest destination</th><td>none (no outgoing connections)</td><td></td></tr>\n",
        ),
    }
    out.push_str("</tbody>\n</table>\n");
    if !s.advice.is_empty() {
        out.push_str("<ul class=\"advice\">\n");
        for a in &s.advice {
            let _ = writeln!(out, "<li>{}</li>", prose(a));
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
