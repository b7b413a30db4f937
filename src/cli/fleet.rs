//! `sysctl-lint fleet REPORT...`: many hosts' JSON audit reports merged into one
//! fleet report (the keys that differ, the findings with the hosts they affect).

use std::process::ExitCode;

use super::{configuration, deliver, exit_code, usage_error, FleetArgs, Format};

pub(super) fn run(args: FleetArgs) -> ExitCode {
    use sysctl_lint::audit;
    use sysctl_lint::report;
    let cfg = match configuration(&args.config, &args.rules) {
        Ok(cfg) => cfg,
        Err(code) => return code,
    };
    let r = &args.report;
    if !matches!(
        r.format,
        Format::Human | Format::Short | Format::Json | Format::Prometheus
    ) {
        let format = clap::ValueEnum::to_possible_value(&r.format)
            .map_or_else(String::new, |v| v.get_name().to_owned());
        return usage_error(sysctl_lint::i18n::tr(
            "cli-fleet-format",
            &[("format", (&format).into())],
        ));
    }
    if r.statistics || r.show_fixes {
        return usage_error(sysctl_lint::i18n::tr("cli-fleet-statistics", &[]));
    }
    let mut merged = match audit::merge_reports(&args.reports) {
        Ok(m) => m,
        Err(e) => return usage_error(e),
    };
    merged.fleet.retain_findings(
        |code, file| cfg.enabled(code) && !file.is_some_and(|f| cfg.ignored_in_file(f, code)),
        |code| cfg.severity_for(code),
    );
    let text = match r.format {
        Format::Short => audit::render_reports_short(&merged),
        Format::Json => audit::render_reports_json(&merged),
        Format::Prometheus => report::prometheus::render_reports(&merged),
        _ => audit::render_reports_human_with(&merged, r.quiet, super::human_style(r.color).width),
    };
    if let Err(code) = deliver(r, &text, false) {
        return code;
    }
    let c = audit::fleet_counts(&merged.fleet);
    let worst = [
        (c.errors, sysctl_lint::diagnostic::Severity::Error),
        (c.warnings, sysctl_lint::diagnostic::Severity::Warning),
        (c.infos, sysctl_lint::diagnostic::Severity::Info),
    ]
    .into_iter()
    .find(|(n, _)| *n > 0)
    .map(|(_, s)| s);
    exit_code(r, &cfg, merged.unreadable > 0, worst)
}
