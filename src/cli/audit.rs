//! `sysctl-lint audit`: the configuration against the running kernel or snapshots.

use std::path::PathBuf;
use std::process::ExitCode;

use sysctl_lint::report;
use sysctl_lint::system::Loader;

use super::{
    configuration, deliver, exit_code, filter_findings, flag_error, human_style, options, render,
    statistics, usage_error, AuditArgs, Format,
};

pub(super) fn run(args: AuditArgs) -> ExitCode {
    use sysctl_lint::audit;
    if let Err(code) = super::check_report_args("audit", &args.report) {
        return code;
    }
    let cfg = match configuration(&args.config, &args.rules) {
        Ok(cfg) => cfg,
        Err(code) => return code,
    };
    // Without --kernel (or `kernel` in the configuration), judge against the
    // audited kernel (its osrelease).
    let judged_by_live = args.judge.kernel.is_none() && cfg.kernel.is_none();
    let options = match options(&args.judge, &cfg, sysctl_lint::version::DEFAULT_KERNEL) {
        Ok(o) => o,
        Err(e) => return usage_error(e),
    };
    let exclude = match sysctl_lint::input::Exclude::new(&args.exclude.exclude) {
        Ok(e) => e,
        Err(e) => return usage_error(flag_error("--exclude", &e)),
    };
    let opts = audit::AuditOptions {
        root: match (&args.root, args.snapshot.is_empty()) {
            (Some(r), _) => Some(r.clone()),
            (None, true) => Some(PathBuf::from("/")),
            (None, false) => None,
        },
        loader: args.loader.map(Loader::from).or(cfg.loader),
        proc_root: args.proc_root.clone(),
        snapshots: args.snapshot.clone(),
        sockets: args.sockets,
        options,
        running_kernel: judged_by_live,
        exclude,
    };
    let mut outcome = match audit::run(&opts) {
        Ok(o) => o,
        Err(e) => return usage_error(e),
    };
    // Inline suppressions at the configuration lines the findings point at
    // (directives for `check`'s rules are not unused here: no SL115).
    let _ = sysctl_lint::suppress::apply(&outcome.files, &mut outcome.diagnostics);
    if let Some(fleet) = &mut outcome.fleet {
        fleet.retain_findings(
            |code, file| cfg.enabled(code) && !file.is_some_and(|f| cfg.ignored_in_file(f, code)),
            |code| cfg.severity_for(code),
        );
    }
    let mut diags = std::mem::take(&mut outcome.diagnostics);
    if let Err(code) = filter_findings(&cfg, &args.baseline, &outcome.files, &mut diags) {
        return code;
    }
    outcome.diagnostics = diags;
    let mut text = match args.report.format {
        _ if args.report.statistics => statistics(&args.report, &outcome.diagnostics, false),
        Format::Human if args.report.quiet => report::human::render_findings_with(
            &outcome.files,
            &outcome.diagnostics,
            human_style(args.report.color),
        ),
        Format::Human => audit::render_human_with(&outcome, human_style(args.report.color)),
        Format::Json => audit::render_json(&outcome),
        Format::Prometheus => sysctl_lint::report::prometheus::render_audit(&outcome),
        Format::Html => report::html::render_audit(&outcome),
        _ => render(
            &args.report,
            &outcome.files,
            &outcome.diagnostics,
            None,
            &opts.options,
        ),
    };
    if args.report.show_fixes {
        let fixes = report::statistics::pending_fixes(&outcome.files, &outcome.diagnostics, false);
        super::append_fixes(
            &args.report,
            &mut text,
            &report::statistics::render_fixes(&fixes, false),
        );
    }
    if let Err(code) = deliver(&args.report, &text, false) {
        return code;
    }
    exit_code(
        &args.report,
        &cfg,
        outcome.unreadable_files > 0,
        outcome.max_severity(),
    )
}
