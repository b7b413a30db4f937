//! Rendering of audit outcomes: the human report and the JSON report.

use crate::audit::*;
use crate::i18n::tr;

use serde_json::{json, Value};

use crate::report::{self, Counts};
use crate::sockets::{SocketSummary, Usage};

/// The human report: a header, the socket table, the findings (through the `check`
/// renderer, with source snippets of both the configuration and the live file), and
/// for a fleet the differences and grouped findings. At the default width (100
/// columns); [`render_human_with`] takes the terminal's.
pub fn render_human(o: &AuditOutcome, color: bool) -> String {
    render_human_with(
        o,
        report::human::Style::new(color, report::human::DEFAULT_WIDTH),
    )
}

/// [`render_human`] in a given style: colour, and the width its long lines are
/// wrapped at (at blanks, continued with an indent), as `check`'s report is.
pub fn render_human_with(o: &AuditOutcome, style: report::human::Style) -> String {
    let width = style.width;
    let mut s = String::new();
    match &o.fleet {
        None => {
            push_wrapped(
                &mut s,
                "",
                &tr(
                    "audit-header",
                    &[
                        ("host", (&field(&o.host).into_owned()).into()),
                        (
                            "kernel",
                            (&o.kernel_release.as_deref().map_or_else(
                                || tr("audit-unknown", &[]),
                                |k| field(k).into_owned(),
                            ))
                                .into(),
                        ),
                        ("source", (&field(&o.live_source).into_owned()).into()),
                        ("configuration", (&configuration(o)).into()),
                    ],
                ),
                2,
                width,
            );
            s.push('\n');
            if let Some(sock) = &o.sockets {
                // Each line at the report's width, a wrapped one indented under itself.
                for line in render_sockets(sock).lines() {
                    let text = line.trim_start();
                    let lead = &line[..line.len() - text.len()];
                    push_wrapped(&mut s, lead, text, lead.len() + 4, width);
                }
                s.push('\n');
            }
            s.push_str(&report::human::render_with(&o.files, &o.diagnostics, style));
        }
        Some(f) => {
            push_wrapped(
                &mut s,
                "",
                &tr(
                    "audit-fleet-header",
                    &[
                        ("hosts", f.hosts.len().into()),
                        ("configuration", (&configuration(o)).into()),
                    ],
                ),
                2,
                width,
            );
            s.push('\n');
            if !o.diagnostics.is_empty() {
                s.push_str(&report::human::render_with(&o.files, &o.diagnostics, style));
            }
            render_fleet(&mut s, f, width);
            let hosts_with = f.hosts_with_findings();
            push_wrapped(
                &mut s,
                "",
                &report::fleet_summary_line(o.counts(), o.config_files, hosts_with, f.hosts.len()),
                2,
                width,
            );
        }
    }
    s
}

/// `prefix` then `text`, wrapped at blanks to `width` columns, the lines after
/// the first indented by `indent` columns; a newline after the last.
fn push_wrapped(s: &mut String, prefix: &str, text: &str, indent: usize, width: usize) {
    use crate::text;
    let first = width.saturating_sub(text::width(prefix)).max(1);
    let rest = width.saturating_sub(indent).max(1);
    s.push_str(prefix);
    s.push_str(&text::wrap(text, first, rest).join(&format!("\n{:indent$}", "")));
    s.push('\n');
}

/// The human report of `sysctl-lint fleet`: the hosts, the keys that differ,
/// the grouped findings, as for a fleet of snapshots.
/// With `quiet`, the differences and findings alone. At the default width (100
/// columns); [`render_reports_human_with`] takes another.
pub fn render_reports_human(r: &ReportsFleet, quiet: bool) -> String {
    render_reports_human_with(r, quiet, report::human::DEFAULT_WIDTH)
}

/// [`render_reports_human`] with its long lines wrapped at `width` columns.
pub fn render_reports_human_with(r: &ReportsFleet, quiet: bool, width: usize) -> String {
    let f = &r.fleet;
    if quiet {
        let mut s = String::new();
        render_fleet(&mut s, f, width);
        return s;
    }
    let mut s = tr(
        "fleet-header",
        &[
            ("hosts", f.hosts.len().into()),
            ("reports", r.inputs.into()),
        ],
    );
    s.push_str("\n\n");
    render_fleet(&mut s, f, width);
    let hosts_with = f.hosts_with_findings();
    let c = fleet_counts(f);
    if c == Counts::default() {
        s.push_str(&tr("fleet-clean", &[("hosts", f.hosts.len().into())]));
        s.push('\n');
    } else {
        push_wrapped(
            &mut s,
            "",
            &tr(
                "fleet-summary",
                &[
                    ("errors", c.errors.into()),
                    ("warnings", c.warnings.into()),
                    ("infos", c.infos.into()),
                    ("with", hosts_with.into()),
                    ("hosts", f.hosts.len().into()),
                ],
            ),
            2,
            width,
        );
    }
    s
}

/// `sysctl-lint fleet --format short`: one line per distinct finding,
/// `FILE:LINE: severity[CODE] message (N hosts: a, b, ...)` (`live:` for a
/// finding about live values), then one per key that differs,
/// `key: value (N hosts), value (N hosts: a, ...)`.
pub fn render_reports_short(r: &ReportsFleet) -> String {
    let f = &r.fleet;
    let hosts = |set: &HostSet| {
        let n = set.len();
        format!(
            "{n} host{}: {}",
            if n == 1 { "" } else { "s" },
            shown_hosts(f, set).join(", ")
        )
    };
    let mut s = String::new();
    for x in &f.findings {
        let at = match (&x.file, x.line) {
            (Some(file), Some(line)) => format!("{}:{line}", field(file)),
            _ => "live".to_owned(),
        };
        s.push_str(&format!(
            "{at}: {}[{}] {} ({})\n",
            crate::i18n::severity(x.severity),
            x.code,
            field(x.message_shown()),
            hosts(&x.hosts)
        ));
    }
    for d in &f.differences {
        let mut parts: Vec<String> = d
            .values
            .iter()
            .map(|(v, set)| format!("`{}` ({})", field(v), hosts(set)))
            .collect();
        if !d.absent.is_empty() {
            parts.push(format!("absent ({})", hosts(&d.absent)));
        }
        s.push_str(&format!(
            "differs: {}: {}\n",
            field(&d.key),
            parts.join(", ")
        ));
    }
    s
}

/// Findings by severity, counted once per host that has them.
pub fn fleet_counts(f: &FleetReport) -> Counts {
    let mut c = Counts::default();
    for h in &f.hosts {
        c.errors += h.counts.errors;
        c.warnings += h.counts.warnings;
        c.infos += h.counts.infos;
    }
    c
}

/// The JSON report of `sysctl-lint fleet` (written straight from the report):
///
/// ```json
/// {"version": 1, "tool": {"name": "sysctl-lint", "version": "0.1.0"},
///  "reports": 3, "unreadable": 0,
///  "summary": {"hosts": 3, "errors": 0, "warnings": 4, "infos": 0},
///  "fleet": {"hosts": [...], "differences": [...], "findings": [...]}}
/// ```
///
/// `fleet` has the shape of the `audit --snapshot DIR` report's `fleet`.
pub fn render_reports_json(r: &ReportsFleet) -> String {
    #[derive(serde::Serialize)]
    struct Summary {
        errors: usize,
        hosts: usize,
        infos: usize,
        warnings: usize,
    }
    #[derive(serde::Serialize)]
    struct Document<'a> {
        version: u32,
        tool: report::json::Tool,
        reports: usize,
        unreadable: usize,
        summary: Summary,
        fleet: FleetJson<'a>,
    }
    let c = fleet_counts(&r.fleet);
    let doc = Document {
        version: report::json::VERSION,
        tool: report::json::Tool {
            name: "sysctl-lint",
            version: env!("CARGO_PKG_VERSION"),
        },
        reports: r.inputs,
        unreadable: r.unreadable,
        summary: Summary {
            errors: c.errors,
            hosts: r.fleet.hosts.len(),
            infos: c.infos,
            warnings: c.warnings,
        },
        fleet: FleetJson::new(&r.fleet),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// `configuration as systemd reads it (3 files)`, or that there is none.
pub(crate) fn configuration(o: &AuditOutcome) -> String {
    if o.config_files == 0 {
        tr("audit-no-configuration", &[])
    } else {
        tr(
            "audit-configuration",
            &[
                ("loader", (&o.loader.to_string()).into()),
                ("files", o.config_files.into()),
            ],
        )
    }
}

/// A one-line field of the human report, with control characters escaped
/// (host names, kernel releases and values come from the snapshots).
pub(crate) fn field(s: &str) -> std::borrow::Cow<'_, str> {
    crate::escape::escape_bytes(s.as_bytes())
}

pub(crate) const SHOWN_HOSTS: usize = 8;

/// The names of the first [`SHOWN_HOSTS`] of `hosts`, then `...` if there are more.
fn shown_hosts<'a>(f: &'a FleetReport, hosts: &HostSet) -> Vec<std::borrow::Cow<'a, str>> {
    let mut names: Vec<std::borrow::Cow<'_, str>> = hosts
        .iter()
        .take(SHOWN_HOSTS)
        .map(|i| field(&f.hosts[i as usize].name))
        .collect();
    if hosts.len() > SHOWN_HOSTS {
        names.push("...".into());
    }
    names
}

pub(crate) fn host_list(f: &FleetReport, hosts: &HostSet) -> String {
    let total = hosts.len();
    let names = shown_hosts(f, hosts);
    if total > SHOWN_HOSTS {
        return format!(
            "{} ({})",
            names.join(", "),
            tr("fleet-hosts-count", &[("hosts", total.into())])
        );
    }
    names.join(", ")
}

/// The fleet's hosts (a table), the keys that differ and the findings, long
/// lines wrapped at `columns`.
pub(crate) fn render_fleet(s: &mut String, f: &FleetReport, columns: usize) {
    use crate::text::width as cols;
    let heads = [
        tr("fleet-col-host", &[]),
        tr("fleet-col-kernel", &[]),
        tr("fleet-col-errors", &[]),
        tr("fleet-col-warnings", &[]),
        tr("fleet-col-infos", &[]),
    ];
    let width = f
        .hosts
        .iter()
        .map(|h| cols(&field(&h.name)))
        .chain([cols(&heads[0])])
        .max()
        .unwrap_or(4)
        .max(4);
    // Columns by display width (a CJK heading takes two columns a character).
    let left = |t: &str, w: usize| format!("{t}{}", " ".repeat(w.saturating_sub(cols(t))));
    let right = |t: &str, w: usize| format!("{}{t}", " ".repeat(w.saturating_sub(cols(t))));
    let nums = [
        6usize.max(cols(&heads[2])),
        8usize.max(cols(&heads[3])),
        5usize.max(cols(&heads[4])),
    ];
    let kernel_width = 24usize.max(cols(&heads[1]));
    let row = |cells: [&str; 5]| {
        format!(
            "{}  {}  {}  {}  {}\n",
            left(cells[0], width),
            left(cells[1], kernel_width),
            right(cells[2], nums[0]),
            right(cells[3], nums[1]),
            right(cells[4], nums[2])
        )
    };
    if f.hosts.len() <= 50 {
        s.push_str(&row([
            &heads[0], &heads[1], &heads[2], &heads[3], &heads[4],
        ]));
        for h in &f.hosts {
            let (e, w, i) = (
                h.counts.errors.to_string(),
                h.counts.warnings.to_string(),
                h.counts.infos.to_string(),
            );
            s.push_str(&row([
                &field(&h.name),
                &field(h.kernel.as_deref().unwrap_or("?")),
                &e,
                &w,
                &i,
            ]));
        }
        s.push('\n');
    }
    if f.differences.is_empty() {
        s.push_str(&tr("fleet-no-differences", &[]));
        s.push_str("\n\n");
    } else {
        s.push_str(&tr(
            "fleet-differences",
            &[("keys", f.differences.len().into())],
        ));
        s.push('\n');
        for d in &f.differences {
            s.push_str(&format!("  {}\n", field(&d.key)));
            for (v, hosts) in &d.values {
                push_wrapped(
                    s,
                    "    = ",
                    &format!("{}: {}", field(v), host_list(f, hosts)),
                    6,
                    columns,
                );
            }
            if !d.absent.is_empty() {
                push_wrapped(
                    s,
                    &format!("    ({}): ", tr("fleet-absent", &[])),
                    &host_list(f, &d.absent),
                    6,
                    columns,
                );
            }
        }
        s.push('\n');
    }
    if !f.findings.is_empty() {
        s.push_str(&tr(
            "fleet-findings",
            &[("findings", f.findings.len().into())],
        ));
        s.push('\n');
        for x in &f.findings {
            let at = match (&x.file, x.line) {
                (Some(file), Some(line)) => format!("{}:{line}: ", field(file)),
                _ => "live: ".to_owned(),
            };
            push_wrapped(
                s,
                "  ",
                &format!(
                    "{at}{}[{} {}] {}",
                    crate::i18n::severity(x.severity),
                    x.code,
                    x.name,
                    field(x.message_shown())
                ),
                6,
                columns,
            );
            let label = |id: &str| format!("      {}: ", tr(id, &[]));
            let indent = |l: &str| crate::text::width(l);
            if let Some(n) = x.note_shown() {
                let l = label("out-note");
                push_wrapped(s, &l, &field(n), indent(&l), columns);
            }
            if let Some(h) = x.help_shown() {
                let l = label("out-help");
                push_wrapped(s, &l, &field(h), indent(&l), columns);
            }
            let l = label("fleet-hosts");
            push_wrapped(s, &l, &host_list(f, &x.hosts), indent(&l), columns);
        }
        s.push('\n');
    }
}

/// The JSON report (shape in the module documentation).
pub fn to_json(o: &AuditOutcome) -> Value {
    let mut v = to_json_without_fleet(o);
    if let Some(obj) = v.as_object_mut() {
        obj.insert(
            "fleet".to_owned(),
            o.fleet.as_ref().map_or(Value::Null, |f| {
                serde_json::to_value(FleetJson::new(f)).unwrap_or(Value::Null)
            }),
        );
    }
    v
}

/// [`to_json`] with `"fleet": null`.
pub(crate) fn to_json_without_fleet(o: &AuditOutcome) -> Value {
    let mut v = report::json::to_value(&o.files, &o.diagnostics, &o.kernel.to_string());
    if let Some(diags) = v.get_mut("diagnostics").and_then(Value::as_array_mut) {
        for (d, diag) in diags.iter_mut().zip(&o.diagnostics) {
            if let Some(obj) = d.as_object_mut() {
                obj.insert("live".to_owned(), json!(diag.live));
            }
        }
    }
    let counts = o.counts();
    if let Some(obj) = v.as_object_mut() {
        obj.insert("host".to_owned(), json!(o.host));
        obj.insert("kernel_release".to_owned(), json!(o.kernel_release));
        obj.insert("loader".to_owned(), json!(o.loader.name()));
        obj.insert("live_source".to_owned(), json!(o.live_source));
        obj.insert(
            "summary".to_owned(),
            json!({
                "files": o.files.len(),
                "errors": counts.errors,
                "warnings": counts.warnings,
                "infos": counts.infos,
            }),
        );
        obj.insert(
            "sockets".to_owned(),
            serde_json::to_value(&o.sockets).unwrap_or(Value::Null),
        );
        obj.insert("config_files".to_owned(), json!(o.config_files));
        obj.insert("values".to_owned(), json!(o.values));
        obj.insert("fleet".to_owned(), Value::Null);
    }
    v
}

/// The JSON report as text (the same document as [`to_json`]): a fleet's part
/// is written straight from the report, never built as a `Value`, which for
/// 10,000 hosts with per-host values would take several times the report's memory.
pub fn render_json(o: &AuditOutcome) -> String {
    /// The document of [`to_json`] without the fleet, then the fleet in its place.
    struct Document<'a> {
        base: Value,
        fleet: Option<FleetJson<'a>>,
    }
    impl serde::Serialize for Document<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let Some(base) = self.base.as_object() else {
                return self.base.serialize(serializer);
            };
            let mut map = serializer.serialize_map(Some(base.len()))?;
            for (k, v) in base {
                match (k.as_str(), &self.fleet) {
                    ("fleet", Some(f)) => map.serialize_entry(k, f)?,
                    _ => map.serialize_entry(k, v)?,
                }
            }
            map.end()
        }
    }
    let doc = Document {
        base: to_json_without_fleet(o),
        fleet: o.fleet.as_ref().map(FleetJson::new),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// A fleet report as JSON, borrowed from the report (fields in the order a JSON
/// object of `serde_json` has them: sorted).
#[derive(serde::Serialize)]
pub(crate) struct FleetJson<'a> {
    pub(crate) differences: Vec<DifferenceJson<'a>>,
    pub(crate) findings: Vec<FindingJson<'a>>,
    pub(crate) hosts: Vec<HostJson<'a>>,
}

#[derive(serde::Serialize)]
pub(crate) struct DifferenceJson<'a> {
    pub(crate) absent: HostNames<'a>,
    pub(crate) key: &'a str,
    pub(crate) values: Vec<ValueJson<'a>>,
}

#[derive(serde::Serialize)]
pub(crate) struct ValueJson<'a> {
    pub(crate) count: usize,
    /// The most common value comes first and does not list its hosts (every host
    /// not named elsewhere): 10,000 names per key otherwise.
    pub(crate) hosts: Option<HostNames<'a>>,
    pub(crate) value: &'a str,
}

#[derive(serde::Serialize)]
pub(crate) struct FindingJson<'a> {
    pub(crate) code: &'static str,
    pub(crate) file: Option<&'a str>,
    pub(crate) help: Option<&'a str>,
    pub(crate) hosts: HostNames<'a>,
    pub(crate) key: Option<&'a str>,
    pub(crate) line: Option<usize>,
    pub(crate) live: Option<&'a str>,
    pub(crate) message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) message_localized: Option<&'a str>,
    pub(crate) name: &'static str,
    pub(crate) note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) note_localized: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) help_localized: Option<&'a str>,
    pub(crate) severity: &'static str,
    pub(crate) value: Option<&'a str>,
}

#[derive(serde::Serialize)]
pub(crate) struct HostJson<'a> {
    pub(crate) errors: usize,
    pub(crate) infos: usize,
    pub(crate) kernel: Option<&'a str>,
    pub(crate) name: &'a str,
    pub(crate) unreadable_keys: usize,
    pub(crate) warnings: usize,
}

/// The names of a set of hosts, written one by one.
pub(crate) struct HostNames<'a> {
    pub(crate) fleet: &'a FleetReport,
    pub(crate) hosts: &'a HostSet,
}

impl serde::Serialize for HostNames<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.hosts
                .iter()
                .map(|i| self.fleet.hosts[i as usize].name.as_str()),
        )
    }
}

impl<'a> FleetJson<'a> {
    pub(crate) fn new(f: &'a FleetReport) -> FleetJson<'a> {
        let names = |hosts: &'a HostSet| HostNames { fleet: f, hosts };
        FleetJson {
            hosts: f
                .hosts
                .iter()
                .map(|h| HostJson {
                    name: &h.name,
                    kernel: h.kernel.as_deref(),
                    errors: h.counts.errors,
                    warnings: h.counts.warnings,
                    infos: h.counts.infos,
                    unreadable_keys: h.unreadable_keys,
                })
                .collect(),
            differences: f
                .differences
                .iter()
                .map(|d| DifferenceJson {
                    key: &d.key,
                    values: d
                        .values
                        .iter()
                        .enumerate()
                        .map(|(i, (v, hs))| ValueJson {
                            value: v,
                            count: hs.len(),
                            hosts: (i > 0).then(|| names(hs)),
                        })
                        .collect(),
                    absent: names(&d.absent),
                })
                .collect(),
            findings: f
                .findings
                .iter()
                .map(|x| FindingJson {
                    code: x.code,
                    name: x.name,
                    severity: x.severity.as_str(),
                    message: &x.message,
                    note: x.note.as_deref(),
                    help: x.help.as_deref(),
                    message_localized: x.shown.as_ref().map(|s| s.message.as_str()),
                    note_localized: x.shown.as_ref().and_then(|s| s.note.as_deref()),
                    help_localized: x.shown.as_ref().and_then(|s| s.help.as_deref()),
                    file: x.file.as_deref(),
                    line: x.line,
                    key: x.key.as_deref(),
                    value: x.value.as_deref(),
                    live: x.live.as_deref(),
                    hosts: names(&x.hosts),
                })
                .collect(),
        }
    }
}

/// The TCP socket summary of `audit --sockets` as the human report shows it:
/// the states, the TIME_WAIT and orphan caps, the ephemeral ports, the busiest
/// destination and the advice, in the run's language.
fn render_sockets(s: &SocketSummary) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let n = |v: &dyn std::fmt::Display| v.to_string();
    let _ = writeln!(
        out,
        "{}",
        tr("sockets-header", &[("total", s.total.into())])
    );
    let width = s.states.iter().map(|c| c.state.len()).max().unwrap_or(0);
    for c in &s.states {
        let _ = writeln!(out, "  {:width$}  {:>7}", c.state, c.count);
    }
    let usage = |u: &Usage, limit_name: &str| {
        let (count, limit) = (n(&u.count), u.limit.map(|l| n(&l)));
        let mut args = vec![
            ("count", (&count).into()),
            ("limit_name", limit_name.into()),
        ];
        let percent = u.percent.map(|p| n(&p));
        let id = match (&limit, &percent) {
            (Some(l), Some(p)) => {
                args.extend([("limit", l.into()), ("percent", p.into())]);
                "sockets-usage-percent"
            }
            (Some(l), None) => {
                args.push(("limit", l.into()));
                "sockets-usage-limit"
            }
            _ => "sockets-usage-unknown",
        };
        tr(id, &args)
    };
    let line = |id: &str, usage: String| tr(id, &[("usage", (&usage).into())]);
    let _ = writeln!(
        out,
        "  {}",
        line(
            "sockets-time-wait",
            usage(&s.time_wait, "tcp_max_tw_buckets")
        )
    );
    if let Some(o) = &s.orphans {
        let _ = writeln!(
            out,
            "  {}",
            line("sockets-orphans", usage(o, "tcp_max_orphans"))
        );
    }
    if let Some(e) = &s.ephemeral {
        let (low, high, reserved, usable) = (n(&e.low), n(&e.high), n(&e.reserved), n(&e.usable));
        let args = [
            ("low", (&low).into()),
            ("high", (&high).into()),
            ("reserved", (&reserved).into()),
            ("usable", (&usable).into()),
        ];
        let _ = writeln!(out, "  {}", tr("sockets-ephemeral", &args));
    }
    match &s.busiest {
        Some(b) => {
            let (ports, time_wait) = (n(&b.ports_in_use), n(&b.time_wait));
            let percent = b
                .percent_of_usable
                .map_or_else(|| "none".to_owned(), |p| n(&p));
            let args = [
                ("remote", (&b.remote).into()),
                ("local", (&b.local_address).into()),
                ("ports", (&ports).into()),
                ("time_wait", (&time_wait).into()),
                ("percent", (&percent).into()),
            ];
            let _ = writeln!(out, "  {}", tr("sockets-busiest", &args));
        }
        None => {
            let _ = writeln!(out, "  {}", tr("sockets-busiest-none", &[]));
        }
    }
    for a in &s.advice_text {
        let shown = a.localized.as_deref().unwrap_or(&a.en);
        let _ = writeln!(
            out,
            "  {}",
            tr("sockets-advice", &[("advice", shown.into())])
        );
    }
    out
}
