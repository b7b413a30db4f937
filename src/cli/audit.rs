//! `sysctl-lint audit`: the configuration against the running kernel or snapshots.

use std::path::PathBuf;
use std::process::ExitCode;

use sysctl_lint::report;
use sysctl_lint::system::Loader;

use super::{
    deliver, exit_code, filter_findings, human_style, render, statistics, usage_error, AuditArgs,
    Format,
};

pub(super) fn run(args: AuditArgs) -> ExitCode {
    use sysctl_lint::audit;
    let super::Prepared {
        cfg,
        options,
        exclude,
    } = match super::prepare("audit", &args.lint) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // Without --kernel (or `kernel` in the configuration), judge against the
    // audited kernel (its osrelease).
    let judged_by_live = args.lint.judge.kernel.is_none() && cfg.kernel.is_none();
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
    if let Err(code) = filter_findings(&cfg, &args.lint.baseline, &outcome.files, &mut diags) {
        return code;
    }
    outcome.diagnostics = diags;
    let mut text = match args.lint.report.format {
        _ if args.lint.report.statistics => {
            statistics(&args.lint.report, &outcome.diagnostics, false)
        }
        Format::Human if args.lint.report.quiet => report::human::render_findings_with(
            &outcome.files,
            &outcome.diagnostics,
            human_style(args.lint.report.color),
        ),
        Format::Human => audit::render_human_with(&outcome, human_style(args.lint.report.color)),
        Format::Json => audit::render_json(&outcome),
        Format::Prometheus => sysctl_lint::report::prometheus::render_audit(&outcome),
        Format::Html => report::html::render_audit(&outcome),
        _ => render(
            &args.lint.report,
            &outcome.files,
            &outcome.diagnostics,
            None,
            &opts.options,
        ),
    };
    if args.lint.report.show_fixes {
        let fixes = report::statistics::pending_fixes(&outcome.files, &outcome.diagnostics, false);
        super::append_fixes(
            &args.lint.report,
            &mut text,
            &report::statistics::render_fixes(&fixes, false),
        );
    }
    if let Err(code) = deliver(&args.lint.report, &text, false) {
        return code;
    }
    exit_code(
        &args.lint.report,
        &cfg,
        outcome.unreadable_files > 0,
        outcome.max_severity(),
    )
}
