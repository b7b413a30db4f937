//! `sysctl-lint man [--dir DIR]`: the manual pages, from the clap definitions
//! (clap_mangen renders the synopsis and every option) and the sections written
//! here: exit status, files, environment, examples, see also.
//!
//! `sysctl-lint man` prints `sysctl-lint.1`, one page with every command and its
//! options. `--dir DIR` writes that page and one page per command
//! (`sysctl-lint-check.1`, ...), which the main page then lists under SEE ALSO;
//! each command's page refers back to `sysctl-lint(1)`.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;
use clap_mangen::roff::{bold, italic, roman, Inline, Roff};
use clap_mangen::Man;

use super::{emit, usage_error, Cli};

/// `(command, arguments, what it does)`; the arguments may end in a redirection
/// (`> FILE`), which is not part of the command line a unit test parses.
const EXAMPLES: &[(&str, &str, &str)] = &[
    ("check", "/etc/sysctl.conf", "Lint one file; the report shows each finding with its source line."),
    ("check", "/etc/sysctl.d", "Lint the *.conf files of a directory, in name order, as one configuration."),
    ("check", "", "Lint the whole system under / as its boot-time loader (systemd-sysctl or procps) reads it."),
    ("check", "--root ./image --loader systemd", "Lint a tree laid out like / (a container image, a configuration repository)."),
    ("check", "--kernel 4.19 --profile server a.conf", "Lint for another kernel release, and against the server hardening profile."),
    ("check", "--format sarif a.conf > report.sarif", "Write a SARIF report for code scanning (also: json, json-lines, github, gitlab, short, html)."),
    ("check", "--diff a.conf", "Print the safe fixes as a unified diff; --fix applies them in place."),
    ("check", "- --stdin-filename 99-local.conf < a.conf", "Lint standard input, named in the report."),
    ("audit", "--sockets", "Compare the configuration with the running kernel and summarise TCP socket states."),
    ("audit", "--snapshot hosts/", "Audit saved `sysctl -a` outputs: one per host, differences across the fleet."),
    ("audit", "--snapshot hosts/ --format html --output-file fleet.html", "One self-contained HTML page (inline CSS, loads nothing): the findings, the keys that differ between hosts as a table."),
    ("audit", "--root ./image --snapshot hosts/ --format github", "Judge a fleet's snapshots against a configuration tree, as CI annotations."),
    ("check", "--select SL2,SL5 --ignore SL512 a.conf", "Report only some rules (codes, names or prefixes), as ruff selects them."),
    ("check", "--statistics a.conf", "Count the findings per code, with how many --fix fixes, instead of listing them."),
    ("check", "-q --show-fixes a.conf", "The findings only (no header, summary or explain footer), then the fixes --fix would apply."),
    ("check", "--silent --exit-zero a.conf", "Print nothing and exit 0 even with findings (an unreadable input still exits 2)."),
    ("check", "--exclude '*.local.conf' /etc/sysctl.d", "Leave out, unread, the files a glob matches (the path, or under --root the boot path)."),
    ("fleet", "reports/", "Merge the hosts' JSON audit reports (audit --format json, gathered by Ansible, Salt, ssh) into one fleet view."),
    ("fleet", "--format prometheus --output-file fleet.prom reports/", "The fleet's findings (hosts with each) as node_exporter textfile metrics."),
    ("audit", "--format sarif --output-file audit.sarif", "Write the report to a file, replaced atomically; nothing goes to standard output."),
    ("server", "", "Run the language server on standard input and output, for an editor's LSP client."),
    ("effective", "--key 'net.ipv4.conf.*.rp_filter'", "Show the value each matching key ends up with and the file and line that set it."),
    ("describe", "net.ipv4.tcp_tw_reuse", "Type, unit, default, range and kernel releases of a key, and the rules about it."),
    ("explain", "SL201 inline-comment", "Print rules' documentation (by code or by name); --all prints every rule's."),
    ("rules", "--format json", "List every rule with its code, name, default severity and summary."),
    ("rules", "--format markdown", "The same as a Markdown table, for a README or a wiki."),
    ("profiles", "server", "Show the checks of a hardening profile."),
    ("config", "--show", "Print the settings in force and the .sysctl-lint.toml they come from."),
    ("completions", "bash > ~/.local/share/bash-completion/completions/sysctl-lint", "Install bash completion (zsh: a file _sysctl-lint in $fpath; fish: ~/.config/fish/completions/sysctl-lint.fish)."),
    ("man", "--dir ~/.local/share/man/man1", "Install these manual pages."),
];

/// The command, built as the pages show it (no `help` subcommand).
fn command() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// The shown commands, in definition order.
fn subcommands(cmd: &clap::Command) -> Vec<&clap::Command> {
    cmd.get_subcommands().filter(|s| !s.is_hide_set()).collect()
}

/// `sysctl-lint man`: print the main page, or write every page into `dir`.
pub(super) fn run(dir: Option<&Path>) -> ExitCode {
    let Some(dir) = dir else {
        return emit(&page());
    };
    match write_dir(dir) {
        Ok(written) => {
            for path in written {
                eprintln!(
                    "sysctl-lint: {}",
                    sysctl_lint::i18n::tr(
                        "cli-man-wrote",
                        &[(
                            "path",
                            (&sysctl_lint::escape::escape_path(&path).into_owned()).into()
                        )],
                    )
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => usage_error(sysctl_lint::i18n::tr(
            "cli-man-cannot-write",
            &[
                (
                    "dir",
                    (&sysctl_lint::escape::escape_path(dir).into_owned()).into(),
                ),
                ("error", (&super::io_reason(&e)).into()),
            ],
        )),
    }
}

/// `sysctl-lint.1` alone (SEE ALSO lists no per-command page).
pub(super) fn page() -> String {
    main_page(&command(), false)
}

/// Write `sysctl-lint.1` and one page per command into `dir` (created if
/// missing); returns the files written.
pub(super) fn write_dir(dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let cmd = command();
    let mut pages = vec![(file_name(&cmd), main_page(&cmd, true))];
    for sub in subcommands(&cmd) {
        pages.push((file_name(sub), command_page(&cmd, sub)));
    }
    let mut written = Vec::new();
    for (name, text) in pages {
        let path = dir.join(name);
        std::fs::write(&path, text)?;
        written.push(path);
    }
    Ok(written)
}

fn page_name(cmd: &clap::Command) -> &str {
    cmd.get_display_name().unwrap_or_else(|| cmd.get_name())
}

fn file_name(cmd: &clap::Command) -> String {
    format!("{}.1", page_name(cmd))
}

fn man(cmd: &clap::Command) -> Man {
    Man::new(cmd.clone())
        .title(page_name(cmd).to_uppercase())
        .source(format!("sysctl-lint {}", env!("CARGO_PKG_VERSION")))
        .manual("User Commands")
}

/// The start of every page: roff's preamble (it defines the `Aq` string that
/// apostrophes are written with) and the `.TH` line.
fn title(m: &Man) -> String {
    Roff::new().render() + &section(|w| m.render_title(w))
}

/// One section rendered by clap_mangen, without the preamble every render repeats.
fn section(render: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
    let mut out = Vec::new();
    render(&mut out).expect("rendering to a Vec cannot fail");
    let text = String::from_utf8(out).expect("clap_mangen writes UTF-8");
    let preamble = Roff::new().render();
    text.strip_prefix(&preamble).unwrap_or(&text).to_owned()
}

/// Our own sections, without the preamble (the title carries it).
fn ours(roff: &Roff) -> String {
    let text = roff.render();
    let preamble = Roff::new().render();
    text.strip_prefix(&preamble).unwrap_or(&text).to_owned()
}

fn main_page(cmd: &clap::Command, with_command_pages: bool) -> String {
    let m = man(cmd);
    let mut out = title(&m);
    out.push_str(&section(|w| m.render_name_section(w)));

    let mut r = Roff::new();
    r.control("SH", ["SYNOPSIS"]);
    for sub in subcommands(cmd) {
        r.text(usage(sub));
        r.control("br", []);
    }
    r.text([
        bold("sysctl-lint"),
        roman(" ["),
        bold("--help"),
        roman("] ["),
        bold("--version"),
        roman("]"),
    ]);
    description(&mut r);
    out.push_str(&ours(&r));
    out.push_str(&section(|w| m.render_options_section(w)));
    let mut r = Roff::new();
    r.control("SH", ["COMMANDS"]);
    r.text([roman(
        "Each command has its own options; sysctl-lint COMMAND --help prints them too.",
    )]);
    out.push_str(&ours(&r));
    for sub in subcommands(cmd) {
        out.push_str(&command_section(sub));
    }

    let mut r = Roff::new();
    exit_status(&mut r);
    files(&mut r);
    environment(&mut r);
    examples(&mut r, None);
    let mut see_also: Vec<String> = Vec::new();
    if with_command_pages {
        see_also.extend(
            subcommands(cmd)
                .iter()
                .map(|s| format!("{}(1)", page_name(s))),
        );
    }
    see_also.extend(EXTERNAL.iter().map(|s| (*s).to_owned()));
    see_also_section(&mut r, &see_also);
    out.push_str(&ours(&r));
    out.push_str(&section(|w| m.render_version_section(w)));
    out
}

/// Pages of other programs that a reader of these pages needs.
const EXTERNAL: &[&str] = &[
    "sysctl(8)",
    "sysctl.conf(5)",
    "sysctl.d(5)",
    "systemd-sysctl.service(8)",
];

/// One command in the main page: `.SS`, its synopsis and description, its options.
fn command_section(sub: &clap::Command) -> String {
    let mut r = Roff::new();
    r.control("SS", [sub.get_name()]);
    r.text(usage(sub));
    r.control("PP", []);
    let mut out = ours(&r);
    out.push_str(
        &section(|w| Man::new(sub.clone()).render_description_section(w)).replacen(
            ".SH DESCRIPTION\n",
            "",
            1,
        ),
    );
    // The options as clap_mangen lists them; its `.SH` headings become part of
    // this subsection.
    let options = section(|w| Man::new(sub.clone()).render_options_section(w));
    for line in options.lines() {
        match line.strip_prefix(".SH ") {
            Some("OPTIONS") => out.push_str(".PP\nOptions:\n"),
            Some(heading) => out.push_str(&format!(".PP\n{}:\n", heading.trim_matches('"'))),
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// clap's usage line (`sysctl-lint check [OPTIONS] [PATHS]...`), the command in bold.
fn usage(sub: &clap::Command) -> Vec<Inline> {
    let usage = sub.clone().render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    let name = sub.get_bin_name().unwrap_or_else(|| sub.get_name());
    match usage.strip_prefix(name) {
        Some(rest) => vec![bold(name), roman(rest)],
        None => vec![roman(usage)],
    }
}

fn description(r: &mut Roff) {
    r.control("SH", ["DESCRIPTION"]);
    r.text([
        bold("sysctl-lint"),
        roman(
            " reads Linux sysctl configuration (/etc/sysctl.conf, /etc/sysctl.d/*.conf, \
             /usr/lib/sysctl.d/*.conf) exactly as procps sysctl -p and systemd-sysctl read it, \
             and reports what the kernel will really do with each line: keys that do not exist \
             or were removed, values the kernel rejects or clamps, comments that become part of \
             a value, settings that a later line or file overrides, and combinations that defeat \
             each other. It knows every mainline sysctl key: its type, unit, range and the \
             kernel releases that have it.",
        ),
    ]);
    r.control("PP", []);
    r.text([
        roman("Each finding has a code (SL201) and a name (unknown-key); "),
        bold("sysctl-lint explain"),
        roman(" prints its documentation and "),
        bold("sysctl-lint rules"),
        roman(" lists them all. "),
        bold("audit"),
        roman(
            " compares the configuration with the running kernel (it only reads /proc/sys), \
             and ",
        ),
        bold("effective"),
        roman(" shows the value every key ends up with and where it was set."),
    ]);
}

fn exit_status(r: &mut Roff) {
    r.control("SH", ["EXIT STATUS"]);
    let rows: [(&str, &str); 3] = [
        (
            "0",
            "Success: check, audit and fleet found nothing at or above the --fail-on severity \
             (default: warning), or --exit-zero was given; --write-baseline recorded the findings.",
        ),
        (
            "1",
            "check, audit and fleet: findings at or above --fail-on; check --diff: there are fixes to apply \
             (never with --exit-zero).",
        ),
        (
            "2",
            "A usage error (an unknown option, rule, key or profile, a bad .sysctl-lint.toml), \
             an input that could not be read (the other inputs are still checked, and the \
             unreadable one is reported as SL100 in every format, even with --exit-zero), a fix \
             that could not be written, or output (or the --output-file) that could not be written.",
        ),
    ];
    for (code, text) in rows {
        r.control("TP", []);
        r.text([bold(code)]);
        r.text([roman(text)]);
    }
}

fn files(r: &mut Roff) {
    r.control("SH", ["FILES"]);
    let rows: [(&str, &str); 3] = [
        (
            ".sysctl-lint.toml",
            "Project settings (target kernel, loader, profile, select and ignore, severities, \
             per-file ignores, known keys, listening ports), searched from the current directory \
             upwards; --config PATH names one and --isolated ignores it. A file found by the \
             search is used only if it and its directory are owned by the user or root and not \
             writable by group or others. sysctl-lint config --show prints the settings in force.",
        ),
        (
            "/etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d, /usr/lib/sysctl.d",
            "What check (without paths) and audit read, in this order of precedence: only *.conf \
             files, a file name in a directory earlier in the list masks the same name later \
             (so does a link to /dev/null or an empty file), and all files are applied in name \
             order. procps also reads /lib/sysctl.d and then /etc/sysctl.conf; systemd-sysctl reads \
             /lib/sysctl.d on split-usr systems only. The paths are taken under --root.",
        ),
        (
            "/proc/sys",
            "The running kernel's values, read by audit (--proc names another tree; nothing is \
             ever written).",
        ),
    ];
    for (path, text) in rows {
        r.control("TP", []);
        r.text([italic(path)]);
        r.text([roman(text)]);
    }
}

fn environment(r: &mut Roff) {
    r.control("SH", ["ENVIRONMENT"]);
    let rows: [(&str, &str); 2] = [
        (
            "NO_COLOR",
            "When set to a non-empty value, human output is not coloured unless --color always \
             is given (https://no-color.org).",
        ),
        (
            "SYSCTL_LINT_RESOLVER",
            "userspace: resolve paths under --root by walking them one component at a time \
             instead of with openat2(2) (which is used where the kernel has it, Linux 5.6 and \
             later). Both keep every path inside the tree; the variable exists to test the \
             fallback.",
        ),
    ];
    for (name, text) in rows {
        r.control("TP", []);
        r.text([bold(name)]);
        r.text([roman(text)]);
    }
}

/// The examples of one command, or all of them.
fn examples(r: &mut Roff, only: Option<&str>) {
    let shown: Vec<_> = EXAMPLES
        .iter()
        .filter(|(c, _, _)| only.is_none_or(|o| o == *c))
        .collect();
    if shown.is_empty() {
        return;
    }
    r.control("SH", ["EXAMPLES"]);
    for (command, args, text) in shown {
        r.control("TP", []);
        let line = if args.is_empty() {
            format!("sysctl-lint {command}")
        } else {
            format!("sysctl-lint {command} {args}")
        };
        r.text([bold(line)]);
        r.text([roman(*text)]);
    }
}

fn see_also_section(r: &mut Roff, pages: &[String]) {
    r.control("SH", ["SEE ALSO"]);
    // Page names are not hyphenated at the end of a line.
    r.control("nh", []);
    let mut line: Vec<Inline> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let (name, section) = page.split_once('(').expect("a page is NAME(SECTION)");
        if i > 0 {
            line.push(roman(", "));
        }
        line.push(bold(name));
        line.push(roman(format!("({section}")));
    }
    r.text(line);
}

/// A command's own page.
fn command_page(cmd: &clap::Command, sub: &clap::Command) -> String {
    let m = man(sub);
    let mut out = title(&m);
    for render in [
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ] {
        out.push_str(&section(|w| render(&m, w)));
    }
    let mut r = Roff::new();
    examples(&mut r, Some(sub.get_name()));
    if matches!(sub.get_name(), "check" | "audit" | "fleet") {
        exit_status(&mut r);
    }
    let mut see_also = vec![format!("{}(1)", page_name(cmd))];
    see_also.extend(EXTERNAL.iter().map(|s| (*s).to_owned()));
    see_also_section(&mut r, &see_also);
    out.push_str(&ours(&r));
    // A subcommand has no version of its own: the program's.
    out.push_str(&section(|w| man(cmd).render_version_section(w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// Every example is a command line that parses.
    #[test]
    fn examples_parse() {
        for (command, args, _) in EXAMPLES {
            let args = args.split(" > ").next().unwrap_or_default();
            let args = args.split(" < ").next().unwrap_or_default();
            let mut argv = vec!["sysctl-lint", command];
            argv.extend(args.split_whitespace().map(|a| a.trim_matches('\'')));
            if let Err(e) = Cli::try_parse_from(&argv) {
                panic!("{argv:?}: {e}");
            }
        }
    }

    #[test]
    fn every_command_has_an_example() {
        let cmd = command();
        for sub in subcommands(&cmd) {
            assert!(
                EXAMPLES.iter().any(|(c, _, _)| *c == sub.get_name()),
                "no example for {}",
                sub.get_name()
            );
        }
    }
}
