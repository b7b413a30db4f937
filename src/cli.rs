//! Command-line interface: argument parsing (clap derive) and the commands. Only
//! this module and `main.rs` print.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use sysctl_lint::diagnostic::Severity;
use sysctl_lint::report;
use sysctl_lint::{describe, input, lint, rules, KernelVersion, Options};

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
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Target kernel version (lenient: 4.9, 5.15.0-91-generic), or `running` for this machine's.
    #[arg(long, default_value = sysctl_lint::version::DEFAULT_KERNEL)]
    pub kernel: String,
    /// The host's memory (16G, 512MiB, bytes), to judge memory-sized settings.
    #[arg(long, value_name = "SIZE")]
    pub memory: Option<String>,
    /// Also check against a hardening profile (see `sysctl-lint profiles`).
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// When to colour human output (NO_COLOR is honoured with auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The name shown for standard input.
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Short,
    Json,
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

fn options(args: &CheckArgs) -> Result<Options, String> {
    let kernel = if args.kernel == "running" {
        KernelVersion::running().map_err(|e| format!("--kernel running: {e}"))?
    } else {
        KernelVersion::parse_lenient(&args.kernel).map_err(|e| format!("--kernel: {e}"))?
    };
    let memory = match &args.memory {
        Some(m) => Some(sysctl_lint::units::parse_size(m).map_err(|e| format!("--memory: {e}"))?),
        None => None,
    };
    let profile = match &args.profile {
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
    })
}

fn check(args: CheckArgs) -> ExitCode {
    let options = match options(&args) {
        Ok(o) => o,
        Err(e) => return usage_error(e),
    };
    let loaded = input::load(&args.paths, &args.stdin_filename, &mut io::stdin().lock());
    let files = input::into_files(loaded);
    let diags = lint(&files, &options);
    let text = match args.format {
        Format::Human => report::human::render(&files, &diags, use_color(args.color)),
        Format::Short => report::short::render(&files, &diags),
        Format::Json => report::json::render(&files, &diags, &options.kernel.to_string()),
    };
    if emit(&text) != ExitCode::SUCCESS {
        return ExitCode::from(EXIT_ERROR);
    }
    if files.iter().any(|f| f.read_error.is_some()) {
        return ExitCode::from(EXIT_ERROR);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| diags.iter().any(|d| d.severity >= t));
    if failed {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
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
