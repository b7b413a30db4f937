//! Command-line interface: argument parsing (clap derive) and the commands. Only
//! this module and `main.rs` print.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use sysctl_lint::baseline;
use sysctl_lint::config::{self, Config};
use sysctl_lint::diagnostic::Severity;
use sysctl_lint::report;
use sysctl_lint::system::Loader;
use sysctl_lint::{describe, effective as eff, input, layout, rules, KernelVersion, Options};

mod completions;
mod man;

/// Lint Linux sysctl configuration (sysctl.conf, sysctl.d/*.conf) before it is applied.
#[derive(Debug, Parser)]
#[command(name = "sysctl-lint", version, rename_all = "kebab-case")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files: each path is a file, a directory (its *.conf, sorted by name) or - for stdin.
    Check(CheckArgs),
    /// List every rule: code, name, default severity and summary.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Print the documentation of a rule, by code (SL201) or name (unknown-key).
    Explain {
        /// A rule code or name.
        rule: String,
    },
    /// Compare the configuration with the running kernel (read-only): drift, missing keys,
    /// value and profile rules on the live values, and a TCP socket-state summary.
    Audit(AuditArgs),
    /// Show the value every key ends up with, the file and line that set it, and what it overrode.
    Effective {
        /// The tree to read (laid out like /).
        #[arg(long, value_name = "DIR", default_value = "/")]
        root: PathBuf,
        /// The loader whose rules to follow (default: detected).
        #[arg(long, value_enum)]
        loader: Option<LoaderArg>,
        /// Only keys matching this pattern (glob, e.g. 'net.ipv4.conf.*.rp_filter').
        #[arg(long, value_name = "PATTERN")]
        key: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = EffectiveFormat::Human)]
        format: EffectiveFormat,
    },
    /// Run the language server on standard input and output (for editors: diagnostics,
    /// fixes as code actions, hover, completion, go to definition).
    Server,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page sysctl-lint.1 (roff), or write it and one page per command.
    Man {
        /// Write sysctl-lint.1 and sysctl-lint-COMMAND.1 for every command into this
        /// directory (created if missing), e.g. /usr/local/share/man/man1.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Show the resolved settings of .sysctl-lint.toml (searched upwards from here).
    Config {
        /// Print the resolved settings.
        #[arg(long)]
        show: bool,
        /// Use this file instead of searching.
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
    /// List the hardening profiles, or show the checks of one.
    Profiles {
        /// A profile name (server, router, k8s-node, desktop).
        name: Option<String>,
    },
    /// Describe a key from the catalogue: type, unit, default, range, kernel versions, rules.
    Describe {
        /// A key (dotted or slash form), e.g. net.ipv4.tcp_tw_reuse or net.ipv4.conf.eth0.rp_filter.
        key: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
}

#[derive(Debug, clap::Args)]
#[command(rename_all = "kebab-case")]
pub struct CheckArgs {
    /// Files, directories (their *.conf files, sorted by name) or - for standard input.
    /// Without paths, the whole system under --root (default /) is checked.
    pub paths: Vec<PathBuf>,
    /// Check a tree laid out like / as its boot-time loader reads it (all sysctl.d directories).
    #[arg(long, value_name = "DIR", conflicts_with = "paths")]
    pub root: Option<PathBuf>,
    /// The loader whose rules --root follows (default: systemd if the tree has it, else procps).
    #[arg(long, value_enum)]
    pub loader: Option<LoaderArg>,
    #[command(flatten)]
    pub judge: JudgeArgs,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub rules: RuleSelection,
    #[command(flatten)]
    pub config: ConfigArgs,
    #[command(flatten)]
    pub baseline: BaselineArgs,
    /// Apply the safe fixes in place (atomically); with `-`, print the fixed text.
    /// The report then shows what is left.
    #[arg(long)]
    pub fix: bool,
    /// Print the fixes as a unified diff (for `git apply`, `patch -p1`) and change nothing.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// With --fix or --diff, also apply the fixes that change behaviour.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// The name shown for standard input.
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
}

#[derive(Debug, clap::Args)]
#[command(rename_all = "kebab-case")]
pub struct AuditArgs {
    /// The configuration tree (laid out like /) [default: / for the live system;
    /// none for --snapshot, whose hosts are not this one].
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// The loader whose rules to follow (default: detected).
    #[arg(long, value_enum)]
    pub loader: Option<LoaderArg>,
    /// A tree laid out like /proc to read live values from (never written).
    #[arg(long = "proc", value_name = "DIR", default_value = "/proc")]
    pub proc_root: PathBuf,
    /// `sysctl -a` output to audit instead of /proc (repeat, or a directory, for a fleet).
    #[arg(long, value_name = "FILE")]
    pub snapshot: Vec<PathBuf>,
    /// Also summarise TCP socket states from PROC/net/tcp and tcp6.
    #[arg(long)]
    pub sockets: bool,
    #[command(flatten)]
    pub judge: JudgeArgs,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub rules: RuleSelection,
    #[command(flatten)]
    pub config: ConfigArgs,
    #[command(flatten)]
    pub baseline: BaselineArgs,
}

/// How findings are judged: the kernel, the host's memory, a profile.
#[derive(Debug, clap::Args)]
#[command(rename_all = "kebab-case")]
pub struct JudgeArgs {
    /// Target kernel version (lenient: 4.9, 5.15.0-91-generic), or `running` for this machine's
    /// [default: the config file's `kernel`; for audit, the audited kernel; else 6.18].
    #[arg(long)]
    pub kernel: Option<String>,
    /// The host's memory, with a unit (16G, 512M, 64GiB), to judge memory-sized settings.
    #[arg(long, value_name = "SIZE")]
    pub memory: Option<String>,
    /// Also check against a hardening profile (see `sysctl-lint profiles`).
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
}

/// How findings are reported and turned into an exit code.
#[derive(Debug, clap::Args)]
#[command(rename_all = "kebab-case")]
pub struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Lowest severity that makes the exit code 1 [default: the config file's `fail-on`, else warning].
    /// Unreadable inputs always exit 2.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// When to colour human output (NO_COLOR is honoured with auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Which rules report, as ruff selects them: codes (`SL201`), names
/// (`unknown-key`) or code prefixes (`SL5`), comma-separated or repeated.
#[derive(Debug, clap::Args)]
#[command(rename_all = "kebab-case")]
pub struct RuleSelection {
    /// Report only these rules, instead of the configuration's `select`
    /// (e.g. `--select SL2,SL5`, `--select unknown-key`, `--select all`).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Report these rules too, on top of the selection (e.g. `--extend-select SL702`).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Do not report these rules (added to the configuration's `ignore`; e.g. `--ignore SL512`).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// The same as --ignore (for ruff's habits).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_ignore: Vec<String>,
}

/// The project configuration.
#[derive(Debug, clap::Args)]
#[command(rename_all = "kebab-case")]
pub struct ConfigArgs {
    /// Use this configuration file instead of searching for .sysctl-lint.toml upwards.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Ignore any .sysctl-lint.toml.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
}

/// Baselines: findings recorded once and not reported again.
#[derive(Debug, clap::Args)]
#[command(rename_all = "kebab-case")]
pub struct BaselineArgs {
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source snippets with labels and help (the default).
    Human,
    /// `file:line:col: severity[CODE] message`, one per line.
    Short,
    /// The stable JSON report, version 1.
    Json,
    /// One JSON object per diagnostic per line.
    JsonLines,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality report.
    Gitlab,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LoaderArg {
    Systemd,
    Procps,
}

impl From<LoaderArg> for Loader {
    fn from(l: LoaderArg) -> Loader {
        match l {
            LoaderArg::Systemd => Loader::Systemd,
            LoaderArg::Procps => Loader::Procps,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EffectiveFormat {
    Human,
    Json,
    /// A flat sysctl.conf with the winning values.
    Conf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage or input error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Rules { format } => list_rules(format),
        Command::Explain { rule } => explain(&rule),
        Command::Describe { key, format } => describe(&key, format),
        Command::Profiles { name } => profiles(name.as_deref()),
        Command::Audit(args) => audit(args),
        Command::Config { show: _, config } => match load_config(config.as_deref(), false) {
            Ok((path, cfg)) => {
                let mut text = match path {
                    Some(_) => cfg.show(),
                    None => format!("# no {} found: defaults\n{}", config::FILE_NAME, cfg.show()),
                };
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                emit(&text)
            }
            Err(code) => code,
        },
        Command::Effective {
            root,
            loader,
            key,
            format,
        } => effective(&root, loader.map(Loader::from), key.as_deref(), format),
        Command::Server => match sysctl_lint::server::run_stdio() {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(EXIT_FINDINGS),
            Err(e) => usage_error(format!("server: {e}")),
        },
        Command::Completions { shell } => emit(&completions::script(shell)),
        Command::Man { dir: None } => emit(&man::page()),
        Command::Man { dir: Some(dir) } => match man::write_dir(&dir) {
            Ok(written) => {
                for path in written {
                    eprintln!(
                        "sysctl-lint: wrote {}",
                        sysctl_lint::escape::escape_path(&path)
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => usage_error(format!(
                "cannot write the manual pages to {}: {e}",
                sysctl_lint::escape::escape_path(&dir)
            )),
        },
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
            eprintln!("sysctl-lint: cannot write output: {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn usage_error(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("sysctl-lint: {message}");
    ExitCode::from(EXIT_ERROR)
}

/// The configuration file: `--config PATH`, else `.sysctl-lint.toml` searched upwards
/// from the current directory, else defaults. A bad file is rendered like a
/// diagnostic and ends the run with exit code 2.
fn load_config(path: Option<&Path>, isolated: bool) -> Result<(Option<PathBuf>, Config), ExitCode> {
    if isolated {
        return Ok((None, Config::default()));
    }
    let found = match path {
        Some(p) => config::load(p).map(Some),
        None => match config::discover(Path::new(".")) {
            Ok(config::Discovery::Untrusted(u)) => {
                eprintln!("sysctl-lint: {u}");
                Ok(None)
            }
            found => found.map(config::Discovery::loaded),
        },
    };
    match found {
        Ok(Some(l)) => Ok((Some(l.path), l.config)),
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
    })
}

/// The project configuration (`--config`, `--isolated`, or discovered) with the
/// command line's rule selection on top.
fn configuration(args: &ConfigArgs, rules: &RuleSelection) -> Result<Config, ExitCode> {
    let (_, mut cfg) = load_config(args.config.as_deref(), args.isolated)?;
    let parse = |flag: &str, list: &[String]| -> Result<Vec<config::Selector>, ExitCode> {
        list.iter()
            .map(|t| {
                config::Selector::parse(t).map_err(|e| {
                    let help = e.help.map(|h| format!("; {h}")).unwrap_or_default();
                    usage_error(format!("{flag}: {}{help}", e.message))
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
            return Err(usage_error(format!(
                "cannot write {}: {e}",
                sysctl_lint::escape::escape_path(path)
            )));
        }
        eprintln!(
            "sysctl-lint: recorded {recorded} finding{} in {}",
            if recorded == 1 { "" } else { "s" },
            sysctl_lint::escape::escape_path(path)
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
            Err(e) => return Err(usage_error(format!("--baseline: {e}"))),
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

fn check(args: CheckArgs) -> ExitCode {
    let cfg = match configuration(&args.config, &args.rules) {
        Ok(cfg) => cfg,
        Err(code) => return code,
    };
    let options = match options(&args.judge, &cfg, sysctl_lint::version::DEFAULT_KERNEL) {
        Ok(o) => o,
        Err(e) => return usage_error(e),
    };
    let stdin_named = args.paths.iter().any(|p| p.as_os_str() == "-");
    if args.fix && stdin_named && args.paths.len() > 1 {
        return usage_error(
            "--fix with `-` prints the fixed standard input; give `-` alone, or fix the files without `-`",
        );
    }
    let tree = args.paths.is_empty();
    let root = args.root.clone().unwrap_or_else(|| PathBuf::from("/"));
    let loader = args.loader.map(Loader::from).or(cfg.loader);
    let load_tree = || {
        let l = layout::load(&root, loader);
        let mut diags = sysctl_lint::check(&l.files[..l.applied], &options);
        diags.extend(l.diagnostics);
        let header = format!(
            "Checked {} as {} loads it ({}): {} files applied, {} skipped.\n",
            sysctl_lint::escape::escape_path(&root),
            l.loader,
            if l.detected { "detected" } else { "--loader" },
            l.applied,
            l.files.len() - l.applied
        );
        (l.files, diags, Some(header))
    };
    let (mut files, mut diags, mut header) = if tree {
        load_tree()
    } else {
        let loaded = input::load(&args.paths, &args.stdin_filename, &mut io::stdin().lock());
        let files = input::into_files(loaded);
        let diags = sysctl_lint::check(&files, &options);
        (files, diags, None)
    };
    let mut fix_failed = 0;
    if args.fix || args.diff {
        match fix_mode(&args, &options, &files, &cfg) {
            Ok(FixOutcome::Diff { changes }) => {
                // The patch is on standard output: unreadable inputs go to
                // standard error, in the format asked for.
                let unreadable: Vec<_> = diags
                    .iter()
                    .filter(|d| d.code == "SL100")
                    .cloned()
                    .collect();
                if !unreadable.is_empty() {
                    eprint!(
                        "{}",
                        render(&args.report, &files, &unreadable, None, &options)
                    );
                    return ExitCode::from(EXIT_ERROR);
                }
                return if changes {
                    ExitCode::from(EXIT_FINDINGS)
                } else {
                    ExitCode::SUCCESS
                };
            }
            Ok(FixOutcome::Fixed {
                files: fixed,
                failed,
            }) => {
                fix_failed = failed;
                if tree {
                    // What is on disk now, override drop-ins included.
                    (files, diags, header) = load_tree();
                } else {
                    diags = sysctl_lint::check(&fixed, &options);
                    files = fixed;
                }
            }
            Err(e) => return usage_error(e),
        }
    }
    if let Err(code) = filter_findings(&cfg, &args.baseline, &files, &mut diags) {
        return code;
    }
    let unreadable = files.iter().any(|f| f.read_error.is_some());
    let text = render(&args.report, &files, &diags, header, &options);
    if args.fix && stdin_named {
        eprint!("{text}");
    } else if emit(&text) != ExitCode::SUCCESS {
        return ExitCode::from(EXIT_ERROR);
    }
    let worst = diags.iter().map(|d| d.severity).max();
    exit_code(&args.report, &cfg, unreadable || fix_failed > 0, worst)
}

/// The report of `check` in the format asked for.
fn render(
    args: &ReportArgs,
    files: &[sysctl_lint::FileData],
    diags: &[sysctl_lint::Diagnostic],
    header: Option<String>,
    options: &Options,
) -> String {
    match args.format {
        Format::Human => {
            let mut t = header.unwrap_or_default();
            t.push_str(&report::human::render(files, diags, use_color(args.color)));
            t
        }
        Format::Short => report::short::render(files, diags),
        Format::Json => report::json::render(files, diags, &options.kernel.to_string()),
        Format::JsonLines => report::jsonl::render(files, diags),
        Format::Sarif => report::sarif::render(files, diags),
        Format::Github => report::github::render(files, diags),
        Format::Gitlab => report::gitlab::render(files, diags),
    }
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

fn list_rules(format: ListFormat) -> ExitCode {
    let docs = rules::docs();
    let text = match format {
        ListFormat::Json => {
            let rows: Vec<_> = docs
                .iter()
                .map(|d| {
                    serde_json::json!({
                        "code": d.code,
                        "name": d.name,
                        "severity": d.severity.as_str(),
                        "summary": d.summary,
                    })
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&rows).unwrap_or_default();
            s.push('\n');
            s
        }
        ListFormat::Human => {
            let width = docs.iter().map(|d| d.name.len()).max().unwrap_or(0);
            let mut s = String::new();
            for d in docs {
                s.push_str(&format!(
                    "{}  {:width$}  {:7}  {}\n",
                    d.code,
                    d.name,
                    d.severity.as_str(),
                    d.summary
                ));
            }
            s
        }
    };
    emit(&text)
}

fn explain(rule: &str) -> ExitCode {
    match rules::doc(rule) {
        Some(d) => emit(&format!(
            "{}\nDefault severity: {}\n",
            d.body.trim_end(),
            d.severity
        )),
        None => {
            let names: Vec<&str> = rules::docs()
                .iter()
                .flat_map(|d| [d.code, d.name])
                .collect();
            let close = names
                .iter()
                .filter(|n| strsim::jaro_winkler(&n.to_lowercase(), &rule.to_lowercase()) > 0.8)
                .max_by(|a, b| {
                    strsim::jaro_winkler(a, rule).total_cmp(&strsim::jaro_winkler(b, rule))
                });
            match close {
                Some(c) => eprintln!("sysctl-lint: no rule `{rule}`; did you mean `{c}`? (`sysctl-lint rules` lists them all)"),
                None => eprintln!("sysctl-lint: no rule `{rule}` (`sysctl-lint rules` lists them all)"),
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn describe(key: &str, format: ListFormat) -> ExitCode {
    match describe::describe(key) {
        Ok(d) => emit(&match format {
            ListFormat::Human => describe::render_human(&d),
            ListFormat::Json => {
                let mut s =
                    serde_json::to_string_pretty(&describe::to_json(&d)).unwrap_or_default();
                s.push('\n');
                s
            }
        }),
        Err(suggestions) if suggestions.is_empty() => {
            usage_error(format!("`{key}` is not in the catalogue of known keys"))
        }
        Err(suggestions) => usage_error(format!(
            "`{key}` is not in the catalogue of known keys; did you mean: {}",
            suggestions.join(", ")
        )),
    }
}

fn profiles(name: Option<&str>) -> ExitCode {
    use sysctl_lint::profile;
    let Some(name) = name else {
        let width = profile::all()
            .iter()
            .map(|p| p.name.len())
            .max()
            .unwrap_or(0);
        let text: String = profile::all()
            .iter()
            .map(|p| {
                format!(
                    "{:width$}  {} ({} checks)\n",
                    p.name,
                    p.description,
                    p.checks.len()
                )
            })
            .collect();
        return emit(&text);
    };
    let Some(p) = profile::find(name) else {
        return usage_error(format!(
            "no profile `{name}` (available: {})",
            profile::names().join(", ")
        ));
    };
    let mut text = format!("{}: {}\n\n", p.name, p.description);
    for c in &p.checks {
        text.push_str(&format!("{} {}\n    {}\n", c.key, c.expect, c.rationale));
        if !c.sources.is_empty() {
            text.push_str(&format!("    sources: {}\n", c.sources.join("; ")));
        }
    }
    emit(&text)
}

fn effective(
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
                format!("cannot read `{}`: {reason}", f.source.name),
            ))
        })
        .collect();
    let sl100 =
        |(_, message): &(String, String)| format!("error[SL100 unreadable-input]: {message}\n");
    let text = match format {
        EffectiveFormat::Human => format!(
            "{}{} as {} loads it ({} files):\n{}",
            unreadable.iter().map(sl100).collect::<String>(),
            sysctl_lint::escape::escape_path(root),
            l.loader,
            l.applied,
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

enum FixOutcome {
    /// `--diff` printed the changes; whether there were any.
    Diff { changes: bool },
    /// `--fix` wrote the files; here they are as they are now, and how many could
    /// not be written.
    Fixed {
        files: Vec<sysctl_lint::FileData>,
        failed: usize,
    },
}

/// Where `--fix` and `--diff` write: the `--root` tree, or the host's `/` for
/// paths named on the command line.
struct FixTarget {
    root: sysctl_lint::fsroot::Root,
    /// Writing inside a `--root` tree (package files are overridden, not edited).
    tree: bool,
}

impl FixTarget {
    fn new(args: &CheckArgs) -> Result<FixTarget, String> {
        use sysctl_lint::fsroot::Root;
        let tree = args.paths.is_empty();
        let root = if tree {
            let dir = args.root.clone().unwrap_or_else(|| PathBuf::from("/"));
            Root::open(&dir).map_err(|e| {
                format!(
                    "cannot open --root {}: {e}",
                    sysctl_lint::escape::escape_path(&dir)
                )
            })?
        } else {
            Root::host().map_err(|e| format!("cannot open /: {e}"))?
        };
        Ok(FixTarget { root, tree })
    }

    /// Whether a file belongs to a package (decided on its resolved path).
    fn package_owned(&self, f: &sysctl_lint::FileData) -> bool {
        self.tree
            && f.source
                .origin
                .as_ref()
                .is_some_and(|id| sysctl_lint::fix::is_package_owned(&id.path.to_string_lossy()))
    }

    /// The path a patch names: the resolved path relative to the tree, or for a
    /// named file its resolved path relative to the current directory when it is
    /// below it (else absolute).
    fn diff_path(&self, f: &sysctl_lint::FileData) -> Vec<u8> {
        use std::os::unix::ffi::OsStrExt;
        let Some(id) = &f.source.origin else {
            return f.source.name.as_bytes().to_vec();
        };
        if self.tree {
            return id.path.as_os_str().as_bytes().to_vec();
        }
        let cwd = std::env::current_dir().and_then(std::fs::canonicalize);
        match cwd.as_deref().map(|c| id.path.strip_prefix(c)) {
            Ok(Ok(rel)) => rel.as_os_str().as_bytes().to_vec(),
            _ => id.path.as_os_str().as_bytes().to_vec(),
        }
    }
}

/// `--fix` and `--diff`. Each real file is written (or patched) once, through
/// the confined layer, and only if it still holds what was read. Under `--root`,
/// files below /usr/lib/sysctl.d and /usr/local/lib/sysctl.d belong to packages
/// and are never edited: an override drop-in in /etc/sysctl.d carries their fixes.
fn fix_mode(
    args: &CheckArgs,
    options: &Options,
    files: &[sysctl_lint::FileData],
    cfg: &Config,
) -> Result<FixOutcome, String> {
    use std::collections::HashSet;
    use sysctl_lint::fix;
    let target = FixTarget::new(args)?;
    let from_stdin = |f: &sysctl_lint::FileData| {
        f.source.origin.is_none()
            && args.paths.iter().any(|p| p.as_os_str() == "-")
            && f.source.name == args.stdin_filename
    };
    let editable = |f: &sysctl_lint::FileData| {
        f.read_error.is_none()
            && (f.source.origin.is_some() || from_stdin(f))
            && !target.package_owned(f)
    };
    // Only the fixes of findings the configuration reports.
    let wanted = |d: &sysctl_lint::Diagnostic| {
        cfg.enabled(d.code)
            && !files
                .get(d.file)
                .is_some_and(|f| cfg.ignored_in_file(&f.source.name, d.code))
    };
    let results = fix::fix_files(files, options, args.unsafe_fixes, editable, wanted);
    let overrides = override_dropins(&target, files, options, args.unsafe_fixes, &wanted);
    // The same file reached twice (procps reads /etc/sysctl.conf directly and
    // through Debian's 99-sysctl.conf link) is written once.
    let mut seen = HashSet::new();
    let mut first = |f: &sysctl_lint::FileData| {
        f.source
            .origin
            .as_ref()
            .is_none_or(|id| seen.insert((id.dev, id.ino)))
    };
    if args.diff {
        let mut out = io::stdout().lock();
        let mut changes = false;
        let mut write = |bytes: &[u8]| match out.write_all(bytes) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                Err(format!("cannot write the diff: {e}"))
            }
            _ => Ok(()),
        };
        for (f, r) in files.iter().zip(&results) {
            if r.new_bytes == f.source.bytes() || !first(f) {
                continue;
            }
            changes = true;
            write(&fix::unified_diff_bytes(
                target.diff_path(f),
                f.source.bytes(),
                &r.new_bytes,
            ))?;
        }
        for o in &overrides {
            changes = true;
            let path = Path::new(fix::OVERRIDE_DIR).join(&o.name);
            use std::os::unix::ffi::OsStrExt;
            write(&fix::creation_diff(path.as_os_str().as_bytes(), &o.body))?;
        }
        return Ok(FixOutcome::Diff { changes });
    }
    let mut count = 0usize;
    let mut failed = 0usize;
    let mut new_files = Vec::with_capacity(files.len());
    for (f, r) in files.iter().zip(results) {
        let mut keep = r.new_bytes;
        if from_stdin(f) {
            io::stdout()
                .lock()
                .write_all(&keep)
                .map_err(|e| format!("cannot write the fixed text: {e}"))?;
            count += r.fixed.len();
        } else if keep != f.source.bytes() {
            let id = f.source.origin.as_ref().filter(|_| first(f));
            match id.map(|id| target.root.replace(id, f.source.bytes(), &keep)) {
                Some(Ok(())) => count += r.fixed.len(),
                None => {}
                Some(Err(e)) => {
                    failed += 1;
                    let why = match e {
                        sysctl_lint::fsroot::FsError::Changed => {
                            "it changed since it was read; left as is".to_owned()
                        }
                        e => format!("cannot write it: {e}; the file is unchanged"),
                    };
                    eprintln!("sysctl-lint: {}: {why}", f.source.name);
                    keep = f.source.bytes().to_vec();
                }
            }
        }
        let mut source = sysctl_lint::SourceFile::new(r.name, keep);
        source.origin = f.source.origin.clone();
        let mut data = sysctl_lint::FileData::new(source);
        data.read_error = f.read_error.clone();
        new_files.push(data);
    }
    for o in &overrides {
        let dir = Path::new(fix::OVERRIDE_DIR);
        match target.root.create_new(dir, &o.name, &o.body, 0o644) {
            Ok(path) => {
                eprintln!(
                    "sysctl-lint: {} belongs to a package: wrote the override {}",
                    o.package_file,
                    sysctl_lint::escape::escape_path(&path)
                );
                count += o.fixed;
            }
            Err(e) => {
                failed += 1;
                eprintln!(
                    "sysctl-lint: {} belongs to a package: cannot write the override {}: {e}",
                    o.package_file,
                    sysctl_lint::escape::escape_path(&dir.join(&o.name))
                );
            }
        }
    }
    eprintln!(
        "sysctl-lint: fixed {count} finding{}",
        if count == 1 { "" } else { "s" }
    );
    Ok(FixOutcome::Fixed {
        files: new_files,
        failed,
    })
}

/// An override drop-in `--fix` writes for a package file under `--root`.
struct Override {
    /// The package file, as reports name it.
    package_file: String,
    /// The drop-in's file name in [`fix::OVERRIDE_DIR`].
    name: std::ffi::OsString,
    body: Vec<u8>,
    /// How many findings it fixes.
    fixed: usize,
}

/// The override drop-ins for the package files of a `--root` tree whose fixes
/// can be expressed as settings. None when /etc/sysctl.d itself resolves into a
/// package directory (the drop-in would be a package file).
fn override_dropins(
    target: &FixTarget,
    files: &[sysctl_lint::FileData],
    options: &Options,
    unsafe_fixes: bool,
    wanted: &dyn Fn(&sysctl_lint::Diagnostic) -> bool,
) -> Vec<Override> {
    use sysctl_lint::fix;
    use sysctl_lint::fsroot::Resolved;
    let owned = |f: &sysctl_lint::FileData| f.read_error.is_none() && target.package_owned(f);
    if !target.tree || !files.iter().any(owned) {
        return Vec::new();
    }
    if let Ok(Resolved::Entry { path, .. }) = target.root.resolve(Path::new(fix::OVERRIDE_DIR)) {
        let probe = path.join("x.conf");
        if fix::is_package_owned(&probe.to_string_lossy()) {
            eprintln!(
                "sysctl-lint: {} resolves to the package directory {}: no override written",
                fix::OVERRIDE_DIR,
                sysctl_lint::escape::escape_path(&path)
            );
            return Vec::new();
        }
    }
    let results = fix::fix_files(files, options, unsafe_fixes, owned, wanted);
    let mut out = Vec::new();
    for (f, r) in files.iter().zip(results) {
        if !owned(f) || r.new_bytes == f.source.bytes() {
            continue;
        }
        let fixed =
            sysctl_lint::FileData::new(sysctl_lint::SourceFile::new(r.name.clone(), r.new_bytes));
        let changed = fix::changed_settings(f, &fixed);
        if changed.is_empty() {
            eprintln!(
                "sysctl-lint: {} belongs to a package: its fixes cannot be expressed as an override (left as is)",
                f.source.name
            );
            continue;
        }
        let Some(id) = &f.source.origin else { continue };
        let (name, body) = fix::override_dropin(&id.path, &changed);
        out.push(Override {
            package_file: f.source.name.clone(),
            name,
            body,
            fixed: r.fixed.len(),
        });
    }
    out
}

fn audit(args: AuditArgs) -> ExitCode {
    use sysctl_lint::audit;
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
    let text = match args.report.format {
        Format::Human => audit::render_human(&outcome, use_color(args.report.color)),
        Format::Json => audit::render_json(&outcome),
        _ => render(
            &args.report,
            &outcome.files,
            &outcome.diagnostics,
            None,
            &opts.options,
        ),
    };
    if emit(&text) != ExitCode::SUCCESS {
        return ExitCode::from(EXIT_ERROR);
    }
    exit_code(
        &args.report,
        &cfg,
        outcome.unreadable_files > 0,
        outcome.max_severity(),
    )
}
