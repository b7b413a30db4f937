//! `sysctl-lint effective`: the value every key ends up with and where it was set.

use std::path::Path;
use std::process::ExitCode;

use sysctl_lint::system::Loader;
use sysctl_lint::{effective as eff, layout};

use super::{emit, EffectiveFormat, EXIT_ERROR};

pub(super) fn run(
    root: &Path,
    loader: Option<Loader>,
    key: Option<&str>,
    format: EffectiveFormat,
) -> ExitCode {
    let l = layout::load(root, loader);
    let mut effs = eff::compute(&l.files[..l.applied], l.loader);
    if let Some(pattern) = key {
        effs = eff::filter(&effs, pattern);
    }
    // Files that could not be read: SL100 in every format, and exit code 2.
    let unreadable: Vec<(String, String)> = l.files[..l.applied]
        .iter()
        .filter_map(|f| {
            let reason = f.read_error.as_ref()?;
            Some((
                f.source.name.clone(),
                format!("cannot read `{}`: {}", f.source.name, reason.en),
            ))
        })
        .collect();
    // A line in a terminal or a file: the headline that fits 100 columns
    // (JSON below keeps the whole message).
    let sl100 = |(name, _): &(String, String)| {
        let f = l.files[..l.applied].iter().find(|f| &f.source.name == name);
        let reason = f
            .and_then(|f| f.read_error.clone())
            .unwrap_or_else(|| "".into());
        let d = sysctl_lint::Diagnostic::unreadable(0, name, &reason);
        let severity = sysctl_lint::i18n::severity(sysctl_lint::diagnostic::Severity::Error);
        let headline = d.message_shown();
        let line = match d.note_shown() {
            Some(note) => sysctl_lint::tr!(
                "effective-unreadable-note",
                severity = &severity,
                headline = headline,
                note = note
            ),
            None => sysctl_lint::tr!(
                "effective-unreadable",
                severity = &severity,
                headline = headline
            ),
        };
        format!("{line}\n")
    };
    let text = match format {
        EffectiveFormat::Human => format!(
            "{}{}\n{}",
            unreadable.iter().map(sl100).collect::<String>(),
            sysctl_lint::i18n::tr(
                "effective-header",
                &[
                    (
                        "root",
                        (&sysctl_lint::escape::escape_path(root).into_owned()).into()
                    ),
                    ("loader", (&l.loader.to_string()).into()),
                    ("files", l.applied.into()),
                ]
            ),
            eff::render_human(&effs)
        ),
        EffectiveFormat::Conf => {
            for u in &unreadable {
                eprint!("sysctl-lint: {}", sl100(u));
            }
            let comments: String = unreadable
                .iter()
                .map(|u| format!("# {}", sl100(u)))
                .collect();
            format!("{comments}{}", eff::render_conf(&effs))
        }
        EffectiveFormat::Json => {
            let mut v = eff::to_json(&effs, l.loader);
            v["errors"] = serde_json::Value::Array(
                unreadable
                    .iter()
                    .map(|(file, message)| {
                        serde_json::json!({
                            "code": "SL100",
                            "name": "unreadable-input",
                            "severity": "error",
                            "file": file,
                            "message": message,
                        })
                    })
                    .collect(),
            );
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
            s.push('\n');
            s
        }
    };
    let code = emit(&text);
    if unreadable.is_empty() {
        code
    } else {
        ExitCode::from(EXIT_ERROR)
    }
}
