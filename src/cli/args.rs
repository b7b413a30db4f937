//! The clap types: the commands, their options, and the option groups that
//! `check` and `audit` share (flattened into [`CheckArgs`] and [`AuditArgs`]).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use sysctl_lint::system::Loader;

/// Lint Linux sysctl configuration (sysctl.conf, sysctl.d/*.conf) before it is applied.
#[derive(Debug, Parser)]
#[command(name = "sysctl-lint", version, rename_all = "kebab-case")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of the output: en or zh-CN [default: `lang` in .sysctl-lint.toml,
    /// else LC_ALL, LC_MESSAGES or LANG (zh_CN.UTF-8 is zh-CN), else en]. Machine
    /// formats keep English messages and add `message_localized`.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<sysctl_lint::i18n::Lang>,
}

fn parse_lang(name: &str) -> Result<sysctl_lint::i18n::Lang, String> {
    sysctl_lint::i18n::Lang::parse(name)
        .ok_or_else(|| sysctl_lint::i18n::tr("lang-invalid", &[("name", name.into())]))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files: each path is a file, a directory (its *.conf, sorted by name) or - for stdin.
    Check(CheckArgs),
    /// List every rule: code, name, default severity and summary.
    #[command(after_help = "Examples:\n  sysctl-lint rules --format markdown > RULES.md")]
    Rules {
        /// Output format (markdown: a table for a README or a wiki).
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Print the documentation of rules, by code (SL201) or name (unknown-key).
    #[command(
        after_help = "Examples:\n  sysctl-lint explain SL201 inline-comment\n  sysctl-lint explain --all"
    )]
    Explain {
        /// Rule codes or names.
        #[arg(required_unless_present = "all", value_name = "RULE")]
        rules: Vec<String>,
        /// Every rule, in code order.
        #[arg(long, conflicts_with = "rules")]
        all: bool,
    },
    /// Compare the configuration with the running kernel (read-only): drift, missing keys,
    /// value and profile rules on the live values, and a TCP socket-state summary.
    Audit(AuditArgs),
    /// Merge many hosts' JSON audit reports (`audit --format json`, gathered by any
    /// tool) into one fleet report: which keys differ, which findings affect how many hosts.
    Fleet(FleetArgs),
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

/// The examples `check --help` ends with.
const CHECK_EXAMPLES: &str = "\
Examples:
  # Lint a directory's *.conf files, only some rules
  sysctl-lint check --select SL2,SL5 --ignore SL512 /etc/sysctl.d
  # Counts per code instead of the findings (  3  SL305  [*] inline-comment)
  sysctl-lint check --statistics a.conf
  # The findings only; --silent: nothing at all, the exit code says it
  sysctl-lint check -q a.conf
  # The report in a file (replaced atomically), nothing on stdout
  sysctl-lint check --format sarif --output-file report.sarif a.conf
  # One self-contained HTML page (inline CSS, loads nothing) to open in a browser
  sysctl-lint check --format html --output-file report.html /etc/sysctl.d
  # Exit 0 even with findings (an unreadable input still exits 2)
  sysctl-lint check --exit-zero a.conf
  # Leave files out, unread (globs over the path, or its trailing parts)
  sysctl-lint check --exclude '*.local.conf' --exclude '/usr/lib/sysctl.d/*' --root /
  # List the fixes --fix would apply; with --fix, those it applied
  sysctl-lint check --show-fixes a.conf";

/// The examples `audit --help` ends with.
const AUDIT_EXAMPLES: &str = "\
Examples:
  # This host, with TCP socket states
  sysctl-lint audit --sockets
  # Counts per code instead of the findings
  sysctl-lint audit --statistics
  # The findings only; --silent: the exit code only
  sysctl-lint audit -q --fail-on error
  # The report in a file (replaced atomically), nothing on stdout
  sysctl-lint audit --format sarif --output-file audit.sarif
  # An HTML page: findings, TCP socket states as a chart, a fleet's differences as a table
  sysctl-lint audit --sockets --format html --output-file audit.html
  # Never fail the run on findings; list the fixes `check --fix` would apply
  sysctl-lint audit --exit-zero --show-fixes
  # Leave a configuration file out, unread (by its boot path)
  sysctl-lint audit --exclude '/etc/sysctl.d/99-local.conf'";

#[derive(Debug, clap::Args)]
#[command(rename_all = "kebab-case", after_help = CHECK_EXAMPLES)]
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
    pub lint: LintArgs,
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
#[command(rename_all = "kebab-case", after_help = AUDIT_EXAMPLES)]
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
    pub lint: LintArgs,
}

/// The examples `fleet --help` ends with.
const FLEET_EXAMPLES: &str = "\
Examples:
  # On each host (by Ansible, Salt, ssh...): its report; exit 1 only means findings
  sysctl-lint audit --format json --output-file /var/tmp/$(hostname).json
  # On the controller, the reports gathered into reports/: one fleet view
  sysctl-lint fleet reports/
  # The fleet report as JSON, or as metrics for node_exporter's textfile collector
  sysctl-lint fleet --format json --output-file fleet.json reports/*.json
  sysctl-lint fleet --format prometheus --output-file fleet.prom reports/";

#[derive(Debug, clap::Args)]
#[command(rename_all = "kebab-case", after_help = FLEET_EXAMPLES)]
pub struct FleetArgs {
    /// JSON audit reports (`audit --format json`, one per host), directories of them
    /// (their files, not hidden ones), or - for standard input.
    #[arg(required = true, value_name = "REPORT")]
    pub reports: Vec<PathBuf>,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub rules: RuleSelection,
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// The options `check` and `audit` share: inputs left out, how findings are
/// judged, the report, the rule selection, the configuration and the baseline.
#[derive(Debug, clap::Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub exclude: ExcludeArgs,
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
    /// Print the number of findings per code, with how many are fixable, instead of
    /// the findings (`  3  SL305  [*] inline-comment`; a JSON array with --format json).
    #[arg(long)]
    pub statistics: bool,
    /// Print the findings only: no header, no summary, no `explain` footer
    /// (human and short only: the other formats, html too, are written whole).
    #[arg(short, long)]
    pub quiet: bool,
    /// Print nothing on standard output: the exit code says it all.
    #[arg(long)]
    pub silent: bool,
    /// Write the report to this file (replaced atomically) instead of standard output.
    #[arg(long, value_name = "PATH")]
    pub output_file: Option<PathBuf>,
    /// Exit 0 even when there are findings (an unreadable input still exits 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// After the report, list the fixes: those `--fix` would apply, or with --fix
    /// those it applied (file:line, code and what the fix does).
    #[arg(long)]
    pub show_fixes: bool,
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

/// Files left out.
#[derive(Debug, clap::Args)]
#[command(rename_all = "kebab-case")]
pub struct ExcludeArgs {
    /// Leave out (do not even read) the files this glob matches: the path as given
    /// or found in a directory, under --root the boot path (/etc/sysctl.d/x.conf),
    /// or any trailing part of it (`--exclude '*.local.conf'`). Repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
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
    /// Source snippets with labels and help, each cause once (the default).
    Human,
    /// `file:line:col: severity[CODE] message`, one line per cause.
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
    /// Prometheus metrics for node_exporter's textfile collector.
    Prometheus,
    /// One self-contained HTML page (inline CSS, loads nothing): findings by severity
    /// and file with their source lines; for audit also sockets and fleet differences.
    Html,
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
pub enum RulesFormat {
    Human,
    Json,
    /// A Markdown table: code, name, severity, summary.
    Markdown,
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
