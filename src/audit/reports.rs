//! `sysctl-lint fleet`: single-host JSON audit reports (`audit --format json`,
//! gathered from each host by any tool: Ansible, Salt, ssh in a loop) merged into
//! one [`FleetReport`], with the same [`FleetMerger`] as a fleet of snapshots.
//!
//! What a host's report gives the merge: `host` (the host's name; when an
//! earlier report had the same, followed by the input's path in parentheses),
//! `kernel_release`, each diagnostic (code, severity, message, help, key, value,
//! live, and file and line when it points at a configuration file, one of the
//! first `config_files` entries of `files`) and `values`, the live values of the
//! keys the host's configuration sets and of the keys its findings name. The keys
//! that differ are found among those: a key none of a host's findings name and
//! its configuration does not set is `absent` for that host (not reported), which
//! is not the same as missing from its kernel (SL802 says that).
//!
//! Each input is read once, bounded like any input
//! ([`crate::fsroot::MAX_INPUT_BYTES`]), and merged before the next is read:
//! the work is linear in the number of reports, the memory in the number of
//! distinct findings and values.

use super::*;
use crate::i18n::tr;

use serde_json::Value;

/// The merge of many hosts' reports.
#[derive(Debug, Clone)]
pub struct ReportsFleet {
    pub fleet: FleetReport,
    /// How many inputs (report files, or standard input) were merged.
    pub inputs: usize,
    /// Inputs that could not be read or were not audit reports (an SL100
    /// finding each, on a host named after the file).
    pub unreadable: usize,
}

/// Read and merge the reports in `paths`: files, directories of them (their
/// files, not hidden ones, not recursively), or `-` for standard input.
/// Errors: a directory that cannot be listed.
pub fn merge_reports(paths: &[PathBuf]) -> Result<ReportsFleet, String> {
    let files = expand_snapshots(paths)?;
    let mut merger = FleetMerger::default();
    let mut unreadable = 0;
    // Host names already given: a name two reports share (containers that all
    // call themselves `localhost`) is told apart by the input's name.
    let mut names: HashSet<String> = HashSet::new();
    for path in &files {
        let explicit = paths.iter().any(|p| p == path);
        let mut host = read_report(path, explicit);
        if host.error.is_some() {
            unreadable += 1;
        }
        if !names.insert(host.name.clone()) {
            host.name = format!("{} ({})", host.name, crate::escape::escape_path(path));
            names.insert(host.name.clone());
        }
        merger.add(host);
    }
    Ok(ReportsFleet {
        fleet: merger.finish(false),
        inputs: files.len(),
        unreadable,
    })
}

/// One input, as a host of the fleet (an SL100 error when it is not a report).
fn read_report(path: &Path, explicit: bool) -> HostResult {
    let stdin = path == Path::new("-");
    let shown = if stdin {
        "standard input".to_owned()
    } else {
        crate::escape::escape_path(path).into_owned()
    };
    let name = if stdin {
        "-".to_owned()
    } else {
        host_name(path)
    };
    let bytes = if stdin {
        crate::fsroot::read_bounded(&mut std::io::stdin().lock(), 0)
    } else if path.is_dir() {
        Err(crate::fsroot::FsError::IsADirectory)
    } else {
        let named = if explicit {
            crate::fsroot::Named::Explicit
        } else {
            crate::fsroot::Named::Entry
        };
        crate::fsroot::read_named(path, named).map(|(b, _)| b)
    };
    let failed = |name: String, error: String| HostResult {
        name,
        kernel: None,
        unreadable_keys: 0,
        values: Vec::new(),
        findings: Vec::new(),
        error: Some(error),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            return failed(
                name,
                tr(
                    "report-cannot-read",
                    &[
                        ("path", (&shown).into()),
                        ("error", e.reason_text().shown().into()),
                    ],
                ),
            )
        }
    };
    match parse_report(&bytes, &name) {
        Ok(host) => host,
        Err(e) => failed(
            name,
            tr(
                "report-not-audit",
                &[("path", (&shown).into()), ("error", (&e).into())],
            ),
        ),
    }
}

/// The texts of a report's finding in the run's language, when the report has
/// them (`message_localized`, written by a run in another language than English)
/// and this run is not English.
fn shown_texts(d: &Value) -> Option<Box<super::fleet::Shown>> {
    if crate::i18n::lang() == crate::i18n::Lang::En {
        return None;
    }
    let text = |k: &str| d.get(k).and_then(Value::as_str).map(str::to_owned);
    let message = text("message_localized")?;
    Some(Box::new(super::fleet::Shown {
        message,
        note: text("note_localized").or_else(|| text("note")),
        help: text("help_localized").or_else(|| text("help")),
    }))
}

/// A host of the fleet from the text of its JSON audit report (`fallback`
/// names it when the report has no `host`).
pub(crate) fn parse_report(bytes: &[u8], fallback: &str) -> Result<HostResult, String> {
    let doc: Value = serde_json::from_slice(bytes)
        .map_err(|e| tr("report-invalid-json", &[("error", (&e.to_string()).into())]))?;
    let obj = doc
        .as_object()
        .ok_or_else(|| tr("report-not-object", &[]))?;
    if obj.get("version").and_then(Value::as_u64) != Some(1) {
        return Err(tr("report-no-version", &[]));
    }
    let Some(Value::Array(diags)) = obj.get("diagnostics") else {
        return Err(tr("report-no-diagnostics", &[]));
    };
    let Some(host) = obj.get("host") else {
        return Err(tr("report-no-host", &[]));
    };
    if !obj.get("fleet").is_none_or(Value::is_null) {
        return Err(tr("report-is-fleet", &[]));
    }
    let string = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    let name = host
        .as_str()
        .filter(|h| !h.is_empty())
        .unwrap_or(fallback)
        .to_owned();
    // The configuration files are the first `config_files` of `files`; the
    // others show live values (a report without the count: by their names).
    let paths: Vec<&str> = obj
        .get("files")
        .and_then(Value::as_array)
        .map(|fs| {
            fs.iter()
                .filter_map(|f| f.get("path").and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    let config_files = obj.get("config_files").and_then(Value::as_u64);
    let is_config = |file: &str| match config_files {
        Some(n) => paths.iter().take(n as usize).any(|p| *p == file),
        None => {
            !(file.starts_with("live:")
                || file.starts_with("/proc/sys/")
                || file.starts_with("snapshot "))
        }
    };
    let mut findings = Vec::with_capacity(diags.len());
    for d in diags {
        let code = d.get("code").and_then(Value::as_str).unwrap_or_default();
        let Some(doc) = crate::codes::doc(code).filter(|doc| doc.code == code) else {
            let code = crate::escape::escape_bytes(code.as_bytes()).into_owned();
            return Err(tr("report-unknown-code", &[("code", (&code).into())]));
        };
        let severity = match d.get("severity").and_then(Value::as_str) {
            Some("error") => Severity::Error,
            Some("warning") => Severity::Warning,
            Some("info") => Severity::Info,
            _ => return Err(tr("report-no-severity", &[("code", code.into())])),
        };
        let message = string(d.get("message"))
            .ok_or_else(|| tr("report-no-message", &[("code", code.into())]))?;
        let file = string(d.get("file")).filter(|f| is_config(f));
        let line = file
            .as_ref()
            .and_then(|_| d.get("line").and_then(Value::as_u64))
            .map(|l| l as usize);
        let value = file.as_ref().and_then(|_| string(d.get("value")));
        findings.push(super::fleet::HostFinding {
            key: FindingKey {
                code: doc.code,
                message,
                note: string(d.get("note")),
                file,
                line,
                key: string(d.get("key")),
                value,
                live: string(d.get("live")),
            },
            severity,
            name: doc.name,
            help: string(d.get("help")),
            shown: shown_texts(d),
        });
    }
    let mut values = Vec::new();
    if let Some(vs) = obj.get("values").and_then(Value::as_object) {
        values.reserve(vs.len());
        for (k, v) in vs {
            let Some(v) = v.as_str() else {
                return Err(tr("report-value-not-string", &[("key", k.into())]));
            };
            if !read_only(k) {
                values.push((k.clone(), v.to_owned()));
            }
        }
    }
    Ok(HostResult {
        name,
        kernel: string(obj.get("kernel_release")),
        unreadable_keys: 0,
        values,
        findings,
        error: None,
    })
}
