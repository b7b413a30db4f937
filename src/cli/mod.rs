//! Command-line interface: the clap types ([`args`]), one module per command
//! (as ruff's `commands/`), and the helpers they share: output, usage errors,
//! the configuration, the rule selection, filtering, rendering and exit codes.
//! Only this module and `main.rs` print.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sysctl_lint::baseline;
use sysctl_lint::config::Config;
use sysctl_lint::diagnostic::Severity;
use sysctl_lint::i18n;
use sysctl_lint::report;
use sysctl_lint::system::Loader;
use sysctl_lint::{KernelVersion, Options};

mod args;
mod audit;
mod check;
mod completions;
mod config;
mod describe;
mod effective;
mod explain;
mod fleet;
mod man;
mod profiles;
mod rules;
mod server;

pub use args::*;

/// Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage or input error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Parse the command line, with `--help` in the language the command line or
/// the locale environment asks for (clap's own words and each command's summary;
/// the options' descriptions stay English). The configuration file's `lang` is
/// read after parsing, so it does not change `--help`.
pub fn parse() -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang =
        lang_in_args(&args).unwrap_or_else(|| i18n::Lang::from_env(|n| std::env::var(n).ok()));
    let mut cmd = Cli::command();
    if lang != i18n::Lang::En {
        cmd = localize_help(cmd, lang);
    }
    let matches = cmd.try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// `--lang X` or `--lang=X` anywhere on the command line (it is global).
fn lang_in_args(args: &[std::ffi::OsString]) -> Option<i18n::Lang> {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return i18n::Lang::parse(v);
        }
        if a == "--lang" {
            return it.next().and_then(|v| i18n::Lang::parse(&v));
        }
    }
    None
}

/// The help of every command in `lang`: its summary (`help-about-COMMAND`),
/// the headings and clap's own flags.
fn localize_help(cmd: clap::Command, lang: i18n::Lang) -> clap::Command {
    let t = |id: &str| i18n::tr_in(lang, id, &[]);
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t("help-usage")
    );
    let one = |c: clap::Command, id: &str| -> clap::Command {
        let c = c
            .about(t(&format!("help-about-{id}")))
            .help_template(template.clone())
            .subcommand_help_heading(t("help-commands"))
            .mut_args(|a| {
                let a = if a.get_id() == "lang" {
                    a.help(t("help-arg-lang"))
                } else {
                    a
                };
                if a.get_help_heading().is_none() && !a.is_positional() {
                    a.help_heading(t("help-options"))
                } else if a.is_positional() {
                    a.help_heading(t("help-arguments"))
                } else {
                    a
                }
            });
        // clap adds its own --help when the command is built: ours instead, in
        // the language.
        c.disable_help_flag(true).arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(t("help-flag-help"))
                .help_heading(t("help-options")),
        )
    };
    let mut cmd = one(cmd, "main").disable_version_flag(true).arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help(t("help-flag-version"))
            .help_heading(t("help-options")),
    );
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |s| one(s, &name));
    }
    cmd
}

/// Whether `--lang` chose the language (then the configuration's `lang` does not).
static LANG_FROM_FLAG: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The language of this run: `--lang`, else (for now) the locale environment; a
/// configuration file's `lang` replaces the environment's choice when it is read.
fn choose_lang(flag: Option<i18n::Lang>) {
    match flag {
        Some(l) => {
            LANG_FROM_FLAG.store(true, std::sync::atomic::Ordering::Relaxed);
            i18n::set_lang(l);
        }
        None => i18n::set_lang(i18n::Lang::from_env(|n| std::env::var(n).ok())),
    }
}

/// A configuration's `lang`, unless `--lang` was given.
fn config_lang(cfg: &Config) {
    if let Some(l) = cfg.lang {
        if !LANG_FROM_FLAG.load(std::sync::atomic::Ordering::Relaxed) {
            i18n::set_lang(l);
        }
    }
}

/// For the commands that read no configuration otherwise (`explain`, `rules`):
/// the `lang` of a trusted `.sysctl-lint.toml` found from here, silently.
fn discovered_lang() {
    if let Ok(sysctl_lint::config::Discovery::Found(l)) =
        sysctl_lint::config::discover(Path::new("."))
    {
        config_lang(&l.config);
    }
}

pub fn run(cli: Cli) -> ExitCode {
    choose_lang(cli.lang);
    if matches!(
        cli.command,
        Command::Explain { .. } | Command::Rules { .. } | Command::Profiles { .. }
    ) {
        discovered_lang();
    }
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Rules { format } => rules::run(format),
        Command::Explain { rules, all } => explain::run(&rules, all),
        Command::Describe { key, format } => describe::run(&key, format),
        Command::Profiles { name } => profiles::run(name.as_deref()),
        Command::Audit(args) => audit::run(args),
        Command::Fleet(args) => fleet::run(args),
        Command::Config { show: _, config } => config::run(config.as_deref()),
        Command::Effective {
            root,
            loader,
            key,
            format,
        } => effective::run(&root, loader.map(Loader::from), key.as_deref(), format),
        Command::Server => server::run(),
        Command::Completions { shell } => emit(&completions::script(shell)),
        Command::Man { dir } => man::run(dir.as_deref()),
    }
}

fn emit(text: &str) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "sysctl-lint: {}",
                i18n::tr(
                    "cli-cannot-write-output",
                    &[("error", (&io_reason(&e)).into())]
                )
            );
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// `FLAG: ERROR`, the error of one option's value.
fn flag_error(flag: &str, error: &str) -> String {
    i18n::tr(
        "cli-flag-error",
        &[("flag", flag.into()), ("error", error.into())],
    )
}

/// `cannot write PATH: WHY`.
fn cannot_write(path: &Path, e: &io::Error) -> String {
    i18n::tr(
        "cli-cannot-write-file",
        &[
            (
                "path",
                (&sysctl_lint::escape::escape_path(path).into_owned()).into(),
            ),
            (
                "error",
                sysctl_lint::fsroot::describe_text(e).shown().into(),
            ),
        ],
    )
}

/// An I/O error as the standard library writes it, or its reason in the run's
/// language where the language has one (not found, permission denied).
fn io_reason(e: &io::Error) -> String {
    sysctl_lint::fsroot::describe_text(e)
        .localized
        .unwrap_or_else(|| e.to_string())
}

/// Report a usage error on standard error (control characters from the command
/// line or a file escaped) and give exit code 2.
fn usage_error(message: impl std::fmt::Display) -> ExitCode {
    let message = message.to_string();
    eprintln!(
        "sysctl-lint: {}",
        sysctl_lint::escape::escape_controls(&message)
    );
    ExitCode::from(EXIT_ERROR)
}

/// Report options that do not go together: `--statistics` has no HTML page
/// (its counts are the page's summary table already).
fn check_report_args(command: &str, args: &ReportArgs) -> Result<(), ExitCode> {
    if args.statistics && args.format == Format::Html {
        return Err(usage_error(i18n::tr(
            "cli-statistics-html",
            &[("command", command.into())],
        )));
    }
    Ok(())
}

/// The configuration file: `--config PATH`, else `.sysctl-lint.toml` searched upwards
/// from the current directory, else defaults. A bad file is rendered like a
/// diagnostic and ends the run with exit code 2.
fn load_config(path: Option<&Path>, isolated: bool) -> Result<(Option<PathBuf>, Config), ExitCode> {
    if isolated {
        return Ok((None, Config::default()));
    }
    let found = match path {
        Some(p) => sysctl_lint::config::load(p).map(Some),
        None => match sysctl_lint::config::discover(Path::new(".")) {
            Ok(sysctl_lint::config::Discovery::Untrusted(u)) => {
                eprintln!("sysctl-lint: {u}");
                Ok(None)
            }
            found => found.map(sysctl_lint::config::Discovery::loaded),
        },
    };
    match found {
        Ok(Some(l)) => {
            config_lang(&l.config);
            Ok((Some(l.path), l.config))
        }
        Ok(None) => Ok((None, Config::default())),
        Err(e) => {
            eprint!("{}", e.render(io::stderr().is_terminal()));
            Err(ExitCode::from(EXIT_ERROR))
        }
    }
}

/// The options rules judge with, from the command line and the configuration;
/// `default_kernel` is used when neither names a kernel.
fn options(args: &JudgeArgs, cfg: &Config, default_kernel: &str) -> Result<Options, String> {
    let kernel_arg = args
        .kernel
        .clone()
        .or_else(|| cfg.kernel.clone())
        .unwrap_or_else(|| default_kernel.to_owned());
    let kernel = if kernel_arg == "running" {
        KernelVersion::running().map_err(|e| format!("--kernel running: {e}"))?
    } else {
        KernelVersion::parse_lenient(&kernel_arg).map_err(|e| format!("--kernel: {e}"))?
    };
    let memory = match &args.memory {
        Some(m) => Some(sysctl_lint::units::parse_memory(m).map_err(|e| format!("--memory: {e}"))?),
        None => None,
    };
    let profile = match args.profile.as_ref().or(cfg.profile.as_ref()) {
        Some(name) => Some(sysctl_lint::profile::find(name).ok_or_else(|| {
            format!(
                "--profile: no profile `{name}` (available: {})",
                sysctl_lint::profile::names().join(", ")
            )
        })?),
        None => None,
    };
    Ok(Options {
        kernel,
        memory,
        profile,
        known_keys: cfg.known_keys().to_vec(),
        listening_ports: cfg.listening_ports().to_vec(),
        live_listening: None,
        skip: sysctl_lint::codes::docs()
            .iter()
            .map(|d| d.code)
            .filter(|c| !cfg.enabled(c))
            .collect(),
    })
}

/// The project configuration (`--config`, `--isolated`, or discovered) with the
/// command line's rule selection on top.
/// What `check` and `audit` start from: the report options checked, the
/// configuration with the command line's selection, the judging options and the
/// --exclude patterns. `Err` is the exit code of a usage error, already reported.
struct Prepared {
    cfg: Config,
    options: Options,
    exclude: sysctl_lint::input::Exclude,
}

fn prepare(command: &str, args: &LintArgs) -> Result<Prepared, ExitCode> {
    check_report_args(command, &args.report)?;
    let cfg = configuration(&args.config, &args.rules)?;
    let options =
        options(&args.judge, &cfg, sysctl_lint::version::DEFAULT_KERNEL).map_err(usage_error)?;
    let exclude = sysctl_lint::input::Exclude::new(&args.exclude.exclude)
        .map_err(|e| usage_error(flag_error("--exclude", &e)))?;
    Ok(Prepared {
        cfg,
        options,
        exclude,
    })
}

fn configuration(args: &ConfigArgs, rules: &RuleSelection) -> Result<Config, ExitCode> {
    let (_, mut cfg) = load_config(args.config.as_deref(), args.isolated)?;
    let parse =
        |flag: &str, list: &[String]| -> Result<Vec<sysctl_lint::config::Selector>, ExitCode> {
            list.iter()
                .map(|t| {
                    sysctl_lint::config::Selector::parse(t).map_err(|e| {
                        usage_error(match &e.help {
                            Some(h) => i18n::tr(
                                "cli-flag-error-help",
                                &[
                                    ("flag", flag.into()),
                                    ("error", (&e.message).into()),
                                    ("help", h.into()),
                                ],
                            ),
                            None => flag_error(flag, &e.message),
                        })
                    })
                })
                .collect()
        };
    if let Some(select) = &rules.select {
        cfg.select = Some(parse("--select", select)?);
    }
    cfg.extend_select
        .extend(parse("--extend-select", &rules.extend_select)?);
    cfg.ignore.extend(parse("--ignore", &rules.ignore)?);
    cfg.ignore
        .extend(parse("--extend-ignore", &rules.extend_ignore)?);
    Ok(cfg)
}

/// The configuration's selection, per-file ignores and severities, then the
/// baseline: what is left to report. `--write-baseline` records the findings
/// and ends the run (`Err` with its exit code) unless an input was unreadable,
/// in which case only the SL100 findings are left to report.
fn filter_findings(
    cfg: &Config,
    args: &BaselineArgs,
    files: &[sysctl_lint::FileData],
    diags: &mut Vec<sysctl_lint::Diagnostic>,
) -> Result<(), ExitCode> {
    cfg.apply(diags, files);
    if let Some(path) = &args.write_baseline {
        let recorded = baseline::build(files, diags).entries.len();
        if let Err(e) = baseline::write(path, files, diags) {
            return Err(usage_error(cannot_write(path, &e)));
        }
        eprintln!(
            "sysctl-lint: {}",
            i18n::tr(
                "cli-baseline-recorded",
                &[
                    ("count", recorded.into()),
                    (
                        "path",
                        (&sysctl_lint::escape::escape_path(path).into_owned()).into()
                    ),
                ],
            )
        );
        if !files.iter().any(|f| f.read_error.is_some()) {
            return Err(ExitCode::SUCCESS);
        }
        // Not recorded: an unreadable input is reported, and fails the run.
        diags.retain(|d| d.code == "SL100");
    }
    if let Some(path) = &args.baseline {
        match baseline::load(path) {
            Ok(b) => {
                baseline::filter(&b, files, diags);
            }
            Err(e) => return Err(usage_error(flag_error("--baseline", &e))),
        }
    }
    Ok(())
}

/// The exit code: 2 when an input could not be read (whatever --fail-on says),
/// 1 when a finding is at or above the threshold, else 0.
fn exit_code(
    report: &ReportArgs,
    cfg: &Config,
    unreadable: bool,
    worst: Option<Severity>,
) -> ExitCode {
    if unreadable {
        return ExitCode::from(EXIT_ERROR);
    }
    if report.exit_zero {
        return ExitCode::SUCCESS;
    }
    let threshold = match report.fail_on {
        Some(FailOn::Error) => Some(Severity::Error),
        Some(FailOn::Warning) => Some(Severity::Warning),
        Some(FailOn::Info) => Some(Severity::Info),
        Some(FailOn::Never) => None,
        None => cfg
            .fail_on
            .map_or(Some(Severity::Warning), |f| f.threshold()),
    };
    if threshold.is_some_and(|t| worst.is_some_and(|w| w >= t)) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// The report of `check` in the format asked for (`--quiet`: the findings alone).
fn render(
    args: &ReportArgs,
    files: &[sysctl_lint::FileData],
    diags: &[sysctl_lint::Diagnostic],
    header: Option<String>,
    options: &Options,
) -> String {
    match args.format {
        Format::Human if args.quiet => {
            report::human::render_findings_with(files, diags, human_style(args.color))
        }
        Format::Human => {
            let mut t = header.unwrap_or_default();
            t.push_str(&report::human::render_with(
                files,
                diags,
                human_style(args.color),
            ));
            t
        }
        Format::Short => report::short::render(files, diags),
        Format::Json => report::json::render(files, diags, &options.kernel.to_string()),
        Format::JsonLines => report::jsonl::render(files, diags),
        Format::Sarif => report::sarif::render(files, diags),
        Format::Github => report::github::render(files, diags),
        Format::Gitlab => report::gitlab::render(files, diags),
        Format::Prometheus => report::prometheus::render(diags),
        Format::Html => report::html::render_check(files, diags, header.as_deref()),
    }
}

/// `--show-fixes`: the list after the report (in an HTML page, as its last section).
fn append_fixes(args: &ReportArgs, report: &mut String, fixes: &str) {
    if args.format == Format::Html {
        let title = i18n::tr("html-fixes", &[]);
        report::html::append_text_section(report, "fixes", &title, fixes);
    } else {
        report.push_str(fixes);
    }
}

/// Colour, and the width to wrap at: the terminal's when standard output is
/// one, else `COLUMNS` when set, else 100.
fn human_style(choice: ColorChoice) -> report::human::Style {
    report::human::Style::new(use_color(choice), output_width())
}

fn output_width() -> usize {
    if io::stdout().is_terminal() {
        if let Ok(size) = rustix::termios::tcgetwinsize(io::stdout()) {
            if size.ws_col > 0 {
                return usize::from(size.ws_col);
            }
        }
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .unwrap_or(report::human::DEFAULT_WIDTH)
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

/// `--statistics`: counts per code instead of the findings (JSON with
/// `--format json`, else text).
fn statistics(args: &ReportArgs, diags: &[sysctl_lint::Diagnostic], unsafe_fixes: bool) -> String {
    use sysctl_lint::report::statistics;
    let stats = statistics::compute(diags, unsafe_fixes);
    match args.format {
        Format::Json => statistics::render_json(&stats),
        _ => statistics::render_text(&stats),
    }
}

/// Deliver the report: nothing with `--silent`, into `--output-file` (replaced
/// atomically), else standard output (or standard error when `to_stderr`, where
/// `check --fix -` puts it). `Err` is the exit code of a failed write.
fn deliver(args: &ReportArgs, text: &str, to_stderr: bool) -> Result<(), ExitCode> {
    if let Some(path) = &args.output_file {
        return sysctl_lint::fsroot::write_replacing(path, text.as_bytes())
            .map_err(|e| usage_error(cannot_write(path, &e)));
    }
    if args.silent {
        return Ok(());
    }
    if to_stderr {
        eprint!("{text}");
        return Ok(());
    }
    if emit(text) == ExitCode::SUCCESS {
        Ok(())
    } else {
        Err(ExitCode::from(EXIT_ERROR))
    }
}
