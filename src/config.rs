//! `.sysctl-lint.toml`: the project configuration file.
//!
//! Found by walking from a start directory (normally the current directory) up to
//! the filesystem root; the first `.sysctl-lint.toml` wins (no merging). Every
//! setting is optional; command-line flags override the file.
//!
//! A discovered file is used only if nobody else could have written it (git's
//! `safe.directory` is the model): the file and its directory must be owned by
//! the current user or root, and neither may be writable by group or others.
//! Otherwise [`discover`] returns [`Discovery::Untrusted`] without reading it: the
//! defaults apply, and the CLI says once on stderr which file was skipped, why,
//! and that `--config PATH` uses it anyway (a file named explicitly is always
//! trusted). Otherwise a `.sysctl-lint.toml` planted in a shared directory above
//! the one sysctl-lint runs in (`/tmp`, a group-writable checkout) could
//! `ignore = ["SL"]` every finding of a root-run check.
//!
//! ```toml
//! kernel = "5.15"                  # like --kernel
//! loader = "systemd"               # "systemd" or "procps"
//! profile = "server"               # like --profile
//! select = ["SL2", "SL3"]          # only these rules (codes, names or prefixes)
//! extend-select = ["SL401"]        # add to the selection
//! ignore = ["unknown-key"]         # drop these
//! fail-on = "error"                # like --fail-on: error, warning, info, never
//! known-keys = ["net.mydrv.*", "dev.vendor.**"]   # silence SL201 for these keys
//! listening-ports = [8443, "9000-9100"]           # the host's own ports for SL511
//! lang = "zh-CN"                   # like --lang: "en" or "zh-CN"
//!
//! [severity]
//! SL305 = "error"
//!
//! [per-file-ignores]
//! "usr/lib/sysctl.d/*.conf" = ["SL4"]
//! ```
//!
//! Selection is decided per code by the most specific matching selector (a full code
//! or name beats a longer prefix, which beats a shorter one); on a tie `ignore` wins.
//! With no `select`, every rule is selected. `SL100` (unreadable input) is never
//! filtered. Errors (unknown setting, bad value) carry the file, the span and a
//! did-you-mean, and render like any diagnostic.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{tr, Arg};
use crate::key::Key;
use crate::lint::FileData;
use crate::rules;
use crate::system::Loader;

/// The configuration file's name.
pub const FILE_NAME: &str = ".sysctl-lint.toml";

/// Every setting, as written in the file (for did-you-mean and `show`).
pub const SETTINGS: &[&str] = &[
    "kernel",
    "loader",
    "profile",
    "select",
    "extend-select",
    "ignore",
    "severity",
    "per-file-ignores",
    "known-keys",
    "listening-ports",
    "fail-on",
    "lang",
];

/// An example of each setting's form, for the help of a type error.
fn example(setting: &str) -> Option<String> {
    SETTINGS
        .contains(&setting)
        .then(|| tr(&format!("config-example-{setting}"), &[]))
}

/// Help message `id`, or `id-suggest` with `$suggestion` when there is a close
/// candidate; both with `args`.
fn suggest_help(id: &str, suggestion: Option<&str>, args: &[(&str, Arg<'_>)]) -> String {
    match suggestion {
        Some(c) => {
            let mut all: Vec<(&str, Arg<'_>)> = vec![("suggestion", c.into())];
            all.extend_from_slice(args);
            tr(&format!("{id}-suggest"), &all)
        }
        None => tr(id, args),
    }
}

/// An invalid configuration: where and why. The CLI prints [`ConfigError::render`]
/// and exits 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The configuration file.
    pub path: PathBuf,
    /// Its text (empty if it could not be read), for rendering.
    pub text: String,
    /// The byte range at fault, if known.
    pub span: Option<Range<usize>>,
    pub message: String,
    pub help: Option<String>,
}

impl ConfigError {
    fn new(
        path: &Path,
        text: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> ConfigError {
        ConfigError {
            path: path.to_path_buf(),
            text: text.to_owned(),
            span,
            message: message.into(),
            help,
        }
    }

    /// 1-based line and column (in characters) of the start of the span.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.span.as_ref().map(|s| line_col(&self.text, s.start))
    }

    /// The error as codespan renders a diagnostic: `error: ...`, the file, line and
    /// column, the line with the span underlined, and the help.
    pub fn render(&self, color: bool) -> String {
        use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
        use codespan_reporting::files::SimpleFiles;
        use codespan_reporting::term::{self, termcolor::Buffer};

        // Nothing from the file reaches the terminal raw (see `crate::escape`).
        let mut files = SimpleFiles::new();
        let name = crate::escape::escape_path(&self.path).into_owned();
        let source = crate::escape::EscapedSource::new(self.text.as_bytes());
        let id = files.add(name.clone(), source.text());
        let message = crate::escape::escape_controls(&self.message);
        let mut d = CsDiagnostic::error().with_message(match self.span {
            Some(_) => message.into_owned(),
            None => format!("{name}: {message}"),
        });
        if let Some(span) = &self.span {
            let len = self.text.len();
            d = d.with_labels(vec![Label::primary(
                id,
                source.shown_span(&(span.start.min(len)..span.end.min(len))),
            )]);
        }
        if let Some(help) = &self.help {
            d = d.with_notes(vec![format!(
                "help: {}",
                crate::escape::escape_controls(help)
            )]);
        }
        let mut buffer = if color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        match term::emit_to_write_style(&mut buffer, &term::Config::default(), &files, &d) {
            Ok(()) => String::from_utf8_lossy(buffer.as_slice()).into_owned(),
            Err(_) => format!("{self}\n"),
        }
    }
}

impl fmt::Display for ConfigError {
    /// `PATH:LINE:COL: MESSAGE (help: HELP)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, col)) = self.position() {
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, " (help: {help})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[start..offset].chars().count() + 1)
}

/// The closest candidate to `word`, if it is close enough to suggest.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = word.to_lowercase();
    // Equal scores (`SL2O1` is as like `SL201` as `SL210` to Jaro-Winkler): the
    // fewer edits, then the earlier candidate.
    candidates
        .into_iter()
        .map(|c| {
            let c_lower = c.to_lowercase();
            let edits = strsim::damerau_levenshtein(&lower, &c_lower);
            (strsim::jaro_winkler(&lower, &c_lower), edits, c)
        })
        .filter(|(score, _, _)| *score > 0.8)
        .fold(None, |best: Option<(f64, usize, &'a str)>, x| match best {
            Some(b) if b.0 > x.0 || (b.0 == x.0 && b.1 <= x.1) => Some(b),
            _ => Some(x),
        })
        .map(|(_, _, c)| c)
}

/// A rule selector: a code (`SL201`), a name (`unknown-key`, resolved to its code)
/// or a code prefix (`SL2`, `SL`; `ALL` means every rule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Code(&'static str),
    Prefix(String),
}

/// Why a selector is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectorError {
    pub message: String,
    pub help: Option<String>,
}

impl Selector {
    /// Parse a code, a name or a prefix (case-insensitive for codes).
    pub fn parse(text: &str) -> Result<Selector, SelectorError> {
        let t = text.trim();
        if let Some(d) = rules::doc(t) {
            return Ok(Selector::Code(d.code));
        }
        if t.eq_ignore_ascii_case("all") {
            return Ok(Selector::Prefix("SL".to_owned()));
        }
        let upper = t.to_ascii_uppercase();
        if upper.len() >= 2
            && upper.starts_with("SL")
            && upper.len() < 5
            && upper[2..].chars().all(|c| c.is_ascii_digit())
            && rules::docs().iter().any(|d| d.code.starts_with(&upper))
        {
            return Ok(Selector::Prefix(upper));
        }
        let candidates = rules::docs().iter().flat_map(|d| [d.code, d.name]);
        let help = match did_you_mean(t, candidates) {
            Some(c) => Some(tr("selector-help-suggest", &[("suggestion", c.into())])),
            None => Some(tr("selector-help", &[])),
        };
        Err(SelectorError {
            message: if t.is_empty() {
                tr("selector-empty", &[])
            } else {
                tr("selector-unknown", &[("rule", t.into())])
            },
            help,
        })
    }

    pub fn matches(&self, code: &str) -> bool {
        match self {
            Selector::Code(c) => *c == code,
            Selector::Prefix(p) => code.starts_with(p.as_str()),
        }
    }

    /// Higher is more specific: a code beats any prefix, a longer prefix a shorter.
    pub fn specificity(&self) -> usize {
        match self {
            Selector::Code(_) => usize::MAX,
            Selector::Prefix(p) => p.len(),
        }
    }

    /// The canonical text: the code, or the prefix.
    pub fn as_str(&self) -> &str {
        match self {
            Selector::Code(c) => c,
            Selector::Prefix(p) => p,
        }
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `fail-on`: the lowest severity that makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Info => "info",
            FailOn::Never => "never",
        }
    }
}

/// One `[per-file-ignores]` entry.
#[derive(Debug, Clone)]
pub struct PerFileIgnore {
    /// The glob as written.
    pub glob: String,
    pub pattern: glob::Pattern,
    pub selectors: Vec<Selector>,
}

/// The resolved configuration. `Config::default()` is "no file": every rule, default
/// severities.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from (`None` for the defaults).
    pub path: Option<PathBuf>,
    /// `kernel`: a version (checked with `KernelVersion::parse_lenient`) or `running`.
    pub kernel: Option<String>,
    pub loader: Option<Loader>,
    /// `profile`: a known profile name.
    pub profile: Option<String>,
    pub select: Option<Vec<Selector>>,
    pub extend_select: Vec<Selector>,
    pub ignore: Vec<Selector>,
    pub severity: Vec<(Selector, Severity)>,
    pub per_file_ignores: Vec<PerFileIgnore>,
    /// `known-keys`: dotted keys or glob patterns, as written.
    pub known_keys: Vec<String>,
    /// `listening-ports`: inclusive ranges (a single port is `(p, p)`).
    pub listening_ports: Vec<(u16, u16)>,
    pub fail_on: Option<FailOn>,
    /// `lang`: the language of the output (`--lang` overrides it).
    pub lang: Option<crate::i18n::Lang>,
    /// The 1-based line where each setting was written (`show` names it).
    pub lines: BTreeMap<&'static str, usize>,
}

/// A configuration read from a file.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub text: String,
    pub config: Config,
}

/// What [`discover`] found.
#[derive(Debug, Clone)]
pub enum Discovery {
    /// No `.sysctl-lint.toml` from the start directory up to the filesystem root.
    NotFound,
    /// The nearest one, read and checked.
    Found(Box<Loaded>),
    /// The nearest one, not read: someone other than the current user or root
    /// could have written it. The defaults apply (the search does not go on to
    /// a farther file).
    Untrusted(Untrusted),
}

impl Discovery {
    /// The configuration found and used, if any.
    pub fn loaded(self) -> Option<Loaded> {
        match self {
            Discovery::Found(l) => Some(*l),
            Discovery::NotFound | Discovery::Untrusted(_) => None,
        }
    }
}

/// A discovered configuration file that is not used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untrusted {
    pub path: PathBuf,
    /// Why (`it is owned by uid 1234, ...`).
    pub reason: String,
}

impl fmt::Display for Untrusted {
    /// The notice the CLI prints (one line, control characters escaped).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = crate::escape::escape_path(&self.path);
        f.write_str(&tr(
            "config-untrusted",
            &[
                ("path", (&path.clone().into_owned()).into()),
                ("reason", (&self.reason).into()),
                ("quoted", (&shell_quote(&path)).into()),
            ],
        ))
    }
}

/// A path as a shell word (single-quoted unless it is plain).
fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+,:@%=".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// The effective user id of this process.
fn current_uid() -> u32 {
    // SAFETY: geteuid(2) has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// Why a discovered configuration file must not be used, if it must not: the
/// file or its directory is owned by someone other than the current user and
/// root, or is writable by its group or by others. `None` also when the file
/// cannot be examined (reading it then reports the error).
pub fn untrusted_reason(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let me = current_uid();
    let check = |what: &str, meta: &std::fs::Metadata| -> Option<String> {
        let uid = meta.uid();
        if uid != 0 && uid != me {
            return Some(tr(
                "config-untrusted-owner",
                &[
                    ("what", what.into()),
                    ("uid", (&uid.to_string()).into()),
                    ("me", (&me.to_string()).into()),
                ],
            ));
        }
        let by = match (meta.mode() & 0o020 != 0, meta.mode() & 0o002 != 0) {
            (false, false) => return None,
            (true, false) => "group",
            (false, true) => "other",
            (true, true) => "both",
        };
        Some(tr(
            "config-untrusted-writable",
            &[
                ("what", what.into()),
                ("by", by.into()),
                ("mode", (&format!("{:04o}", meta.mode() & 0o7777)).into()),
            ],
        ))
    };
    let file = std::fs::metadata(path).ok()?;
    if let Some(r) = check(&tr("config-untrusted-file", &[]), &file) {
        return Some(r);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let meta = std::fs::metadata(dir).ok()?;
    check(
        &tr(
            "config-untrusted-dir",
            &[(
                "dir",
                (&crate::escape::escape_path(dir).into_owned()).into(),
            )],
        ),
        &meta,
    )
}

/// Find `.sysctl-lint.toml` in `start` or the nearest ancestor, and load it if
/// it can be trusted (see the module documentation).
pub fn discover(start: &Path) -> Result<Discovery, ConfigError> {
    let start = if start.is_absolute() {
        start.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(start))
            .unwrap_or_else(|_| start.to_path_buf())
    };
    for dir in start.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            if let Some(reason) = untrusted_reason(&candidate) {
                return Ok(Discovery::Untrusted(Untrusted {
                    path: candidate,
                    reason,
                }));
            }
            return load(&candidate).map(|l| Discovery::Found(Box::new(l)));
        }
    }
    Ok(Discovery::NotFound)
}

/// Read and check one configuration file.
pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
    let read = crate::fsroot::read_regular(path)
        .map_err(|e| e.reason_text().shown().to_owned())
        .and_then(|b| String::from_utf8(b).map_err(|_| tr("fs-not-utf8", &[])));
    let text = read.map_err(|e| {
        ConfigError::new(
            path,
            "",
            None,
            tr("config-cannot-read", &[("error", (&e).into())]),
            None,
        )
    })?;
    let config = parse(&text, path)?;
    Ok(Loaded {
        path: path.to_path_buf(),
        text,
        config,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    kernel: Option<Spanned<String>>,
    loader: Option<Spanned<String>>,
    profile: Option<Spanned<String>>,
    select: Option<Vec<Spanned<String>>>,
    extend_select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    per_file_ignores: Option<BTreeMap<Spanned<String>, Vec<Spanned<String>>>>,
    known_keys: Option<Vec<Spanned<String>>>,
    listening_ports: Option<Vec<Spanned<Port>>>,
    fail_on: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Port {
    Number(i64),
    Text(String),
}

/// Parse configuration text; `path` names the file in errors.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let err = |span: Range<usize>, message: String, help: Option<String>| {
        ConfigError::new(path, text, Some(span), message, help)
    };
    let raw: Raw = toml::from_str(text).map_err(|e| toml_error(&e, text, path))?;
    let mut config = Config {
        path: Some(path.to_path_buf()),
        ..Config::default()
    };
    // Where each setting is written: the line of its key (or table header).
    for setting in SETTINGS {
        if let Some(line) = setting_line(text, setting) {
            config.lines.insert(setting, line);
        }
    }

    if let Some(k) = raw.kernel {
        let v = k.get_ref().trim();
        if v != "running" {
            if let Err(e) = crate::version::KernelVersion::parse_lenient(v) {
                return Err(err(
                    k.span(),
                    tr(
                        "config-kernel-invalid",
                        &[("error", (&e.to_string()).into())],
                    ),
                    Some(tr("config-kernel-help", &[])),
                ));
            }
        }
        config.kernel = Some(v.to_owned());
    }
    if let Some(l) = raw.lang {
        match crate::i18n::Lang::parse(l.get_ref()) {
            Some(lang) => config.lang = Some(lang),
            None => {
                return Err(err(
                    l.span(),
                    tr("config-lang-invalid", &[("value", l.get_ref().into())]),
                    Some(tr("config-lang-help", &[])),
                ))
            }
        }
    }
    if let Some(l) = raw.loader {
        config.loader = Some(match l.get_ref().as_str() {
            "systemd" => Loader::Systemd,
            "procps" => Loader::Procps,
            other => {
                return Err(err(
                    l.span(),
                    tr("config-loader-invalid", &[("value", other.into())]),
                    Some(suggest_help(
                        "config-loader-help",
                        did_you_mean(other, ["systemd", "procps"]),
                        &[],
                    )),
                ))
            }
        });
    }
    if let Some(p) = raw.profile {
        let name = p.get_ref().as_str();
        if crate::profile::find(name).is_none() {
            let names = crate::profile::names();
            return Err(err(
                p.span(),
                tr("config-profile-unknown", &[("value", name.into())]),
                Some(suggest_help(
                    "config-profile-help",
                    did_you_mean(name, names.iter().copied()),
                    &[("profiles", (&names.join(", ")).into())],
                )),
            ));
        }
        config.profile = Some(name.to_owned());
    }
    let selectors = |list: Vec<Spanned<String>>| -> Result<Vec<Selector>, ConfigError> {
        list.into_iter()
            .map(|s| Selector::parse(s.get_ref()).map_err(|e| err(s.span(), e.message, e.help)))
            .collect()
    };
    if let Some(list) = raw.select {
        config.select = Some(selectors(list)?);
    }
    if let Some(list) = raw.extend_select {
        config.extend_select = selectors(list)?;
    }
    if let Some(list) = raw.ignore {
        config.ignore = selectors(list)?;
    }
    if let Some(map) = raw.severity {
        for (k, v) in map {
            let sel = Selector::parse(k.get_ref()).map_err(|e| err(k.span(), e.message, e.help))?;
            let sev = match v.get_ref().as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                "info" => Severity::Info,
                other => {
                    return Err(err(
                        v.span(),
                        tr(
                            "config-severity-invalid",
                            &[("value", other.into()), ("rule", k.get_ref().into())],
                        ),
                        Some(suggest_help(
                            "config-severity-help",
                            did_you_mean(other, ["error", "warning", "info"]),
                            &[],
                        )),
                    ))
                }
            };
            config.severity.push((sel, sev));
        }
    }
    if let Some(map) = raw.per_file_ignores {
        for (k, v) in map {
            let pattern = glob::Pattern::new(k.get_ref()).map_err(|e| {
                err(
                    k.span(),
                    tr(
                        "config-glob-invalid",
                        &[("glob", k.get_ref().into()), ("error", e.msg.into())],
                    ),
                    Some(tr("config-glob-help", &[])),
                )
            })?;
            config.per_file_ignores.push(PerFileIgnore {
                glob: k.get_ref().clone(),
                pattern,
                selectors: selectors(v)?,
            });
        }
    }
    if let Some(list) = raw.known_keys {
        for k in list {
            let written = k.get_ref().trim();
            let key = Key::parse(written);
            if key.is_empty() {
                return Err(err(
                    k.span(),
                    tr("config-known-keys-empty", &[]),
                    example("known-keys"),
                ));
            }
            if let Err(e) = glob::Pattern::new(key.path()) {
                return Err(err(
                    k.span(),
                    tr(
                        "config-known-keys-invalid",
                        &[("pattern", written.into()), ("error", e.msg.into())],
                    ),
                    Some(tr("config-known-keys-help", &[])),
                ));
            }
            config.known_keys.push(written.to_owned());
        }
    }
    if let Some(list) = raw.listening_ports {
        for p in list {
            let span = p.span();
            let bad = |what: String| {
                err(
                    span.clone(),
                    tr("config-port-invalid", &[("port", (&what).into())]),
                    Some(tr("config-port-help", &[])),
                )
            };
            let port = |n: i64| u16::try_from(n).ok().filter(|&p| p > 0);
            let range = match p.into_inner() {
                Port::Number(n) => port(n)
                    .map(|p| (p, p))
                    .ok_or_else(|| bad(format!("`{n}`")))?,
                Port::Text(t) => {
                    let parsed = match t.trim().split_once('-') {
                        Some((a, b)) => a
                            .trim()
                            .parse::<i64>()
                            .ok()
                            .and_then(port)
                            .zip(b.trim().parse::<i64>().ok().and_then(port)),
                        None => t.trim().parse::<i64>().ok().and_then(port).map(|p| (p, p)),
                    };
                    match parsed {
                        Some((a, b)) if a <= b => (a, b),
                        _ => return Err(bad(format!("\"{t}\""))),
                    }
                }
            };
            config.listening_ports.push(range);
        }
    }
    if let Some(f) = raw.fail_on {
        config.fail_on = Some(match f.get_ref().as_str() {
            "error" => FailOn::Error,
            "warning" => FailOn::Warning,
            "info" => FailOn::Info,
            "never" => FailOn::Never,
            other => {
                let all = ["error", "warning", "info", "never"];
                return Err(err(
                    f.span(),
                    tr("config-fail-on-invalid", &[("value", other.into())]),
                    Some(suggest_help(
                        "config-fail-on-help",
                        did_you_mean(other, all),
                        &[],
                    )),
                ));
            }
        });
    }
    Ok(config)
}

/// The line of a top-level `setting =` or `[setting]` (first occurrence).
fn setting_line(text: &str, setting: &str) -> Option<usize> {
    text.lines().enumerate().find_map(|(i, l)| {
        let l = l.trim();
        let table = l
            .strip_prefix('[')
            .and_then(|r| r.strip_suffix(']'))
            .map(|r| r.trim().trim_matches('"'));
        let key = l.split_once('=').map(|(k, _)| k.trim().trim_matches('"'));
        (table == Some(setting) || key == Some(setting)).then_some(i + 1)
    })
}

/// The setting whose line holds `offset` (`name = ...` on that line, or the table
/// the line is in).
fn setting_at(text: &str, offset: usize) -> Option<&'static str> {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or("");
    if let Some((k, _)) = line.split_once('=') {
        let k = k.trim().trim_matches('"');
        if let Some(s) = SETTINGS.iter().find(|s| **s == k) {
            return Some(s);
        }
    }
    text[..start].lines().rev().find_map(|l| {
        let t = l
            .trim()
            .strip_prefix('[')?
            .strip_suffix(']')?
            .trim()
            .trim_matches('"');
        SETTINGS.iter().find(|s| **s == t).copied()
    })
}

/// A TOML or serde error as a [`ConfigError`], with a did-you-mean for an
/// unknown setting and an example for a value of the wrong type.
fn toml_error(e: &toml::de::Error, text: &str, path: &Path) -> ConfigError {
    let message = e.message().trim().to_owned();
    let span = e.span();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let help = match did_you_mean(field, SETTINGS.iter().copied()) {
            Some(c) => tr(
                "config-unknown-setting-suggest",
                &[("suggestion", c.into())],
            ),
            None => tr(
                "config-unknown-setting-list",
                &[("settings", (&SETTINGS.join(", ")).into())],
            ),
        };
        return ConfigError::new(
            path,
            text,
            span,
            tr("config-unknown-setting", &[("field", field.into())]),
            Some(help),
        );
    }
    let type_error = ["invalid type", "invalid length", "data did not match"]
        .iter()
        .any(|p| message.starts_with(p));
    let help = span
        .as_ref()
        .filter(|_| type_error)
        .and_then(|s| setting_at(text, s.start))
        .and_then(example)
        .map(|ex| tr("config-expected", &[("example", (&ex).into())]));
    ConfigError::new(path, text, span, message, help)
}

impl Config {
    /// Whether a code is selected (before per-file ignores).
    pub fn enabled(&self, code: &str) -> bool {
        let mut best: Option<(usize, bool)> = None;
        let mut consider = |list: &[Selector], on: bool| {
            for s in list.iter().filter(|s| s.matches(code)) {
                let spec = s.specificity();
                best = match best {
                    Some((b, _)) if b > spec => best,
                    // On a tie, ignore (considered last) wins.
                    _ => Some((spec, on)),
                };
            }
        };
        consider(self.select.as_deref().unwrap_or(&[]), true);
        consider(&self.extend_select, true);
        consider(&self.ignore, false);
        best.map_or(self.select.is_none(), |(_, on)| on)
    }

    /// The severity override for a code, from the most specific `[severity]` key.
    pub fn severity_for(&self, code: &str) -> Option<Severity> {
        self.severity
            .iter()
            .filter(|(s, _)| s.matches(code))
            .max_by_key(|(s, _)| s.specificity())
            .map(|(_, sev)| *sev)
    }

    /// Whether `[per-file-ignores]` drops a code in a file. The glob matches the
    /// file's name as given or any trailing part of it (`usr/lib/sysctl.d/*.conf`
    /// matches `/usr/lib/sysctl.d/a.conf` and `root/usr/lib/sysctl.d/a.conf`).
    pub fn ignored_in_file(&self, file_name: &str, code: &str) -> bool {
        self.per_file_ignores.iter().any(|p| {
            p.selectors.iter().any(|s| s.matches(code)) && glob_matches_path(&p.pattern, file_name)
        })
    }

    /// Apply `select`, `extend-select`, `ignore`, `[per-file-ignores]` and
    /// `[severity]` to the findings. `SL100` (unreadable input) always stays.
    pub fn apply(&self, diags: &mut Vec<Diagnostic>, files: &[FileData]) {
        diags.retain(|d| {
            d.code == "SL100"
                || (self.enabled(d.code)
                    && !files
                        .get(d.file)
                        .is_some_and(|f| self.ignored_in_file(&f.source.name, d.code)))
        });
        for d in diags.iter_mut() {
            if let Some(sev) = self.severity_for(d.code) {
                d.severity = sev;
            }
        }
    }

    /// `known-keys`, for SL201 (see [`key_is_known`]).
    pub fn known_keys(&self) -> &[String] {
        &self.known_keys
    }

    /// `listening-ports`, for the port-range rules.
    pub fn listening_ports(&self) -> &[(u16, u16)] {
        &self.listening_ports
    }

    /// The resolved settings as TOML, each with where it came from
    /// (`config --show`).
    pub fn show(&self) -> String {
        let q = |s: &str| toml_string(s);
        let list = |items: Vec<String>| format!("[{}]", items.join(", "));
        let sels = |v: &[Selector]| list(v.iter().map(|s| q(s.as_str())).collect());
        let origin = |name: &str| match (self.lines.get(name), &self.path) {
            (Some(line), Some(p)) => format!("# {}:{line}", crate::escape::escape_path(p)),
            _ => "# default".to_owned(),
        };
        let mut out = match &self.path {
            Some(p) => format!("# configuration: {}\n", crate::escape::escape_path(p)),
            None => format!("# configuration: none ({FILE_NAME} not found); defaults\n"),
        };
        let mut line = |name: &str, value: Option<String>, default: &str| match value {
            Some(v) => out.push_str(&format!("{name} = {v}  {}\n", origin(name))),
            None => out.push_str(&format!("# {name}: not set ({default})\n")),
        };
        line(
            "kernel",
            self.kernel.as_deref().map(q),
            &format!("--kernel, default {}", crate::version::DEFAULT_KERNEL),
        );
        line(
            "loader",
            self.loader.map(|l| q(l.name())),
            "the command's default",
        );
        line(
            "profile",
            self.profile.as_deref().map(q),
            "--profile, default none",
        );
        line("select", self.select.as_deref().map(sels), "every rule");
        line(
            "extend-select",
            (!self.extend_select.is_empty()).then(|| sels(&self.extend_select)),
            "nothing added",
        );
        line(
            "ignore",
            (!self.ignore.is_empty()).then(|| sels(&self.ignore)),
            "nothing ignored",
        );
        line(
            "known-keys",
            (!self.known_keys.is_empty())
                .then(|| list(self.known_keys.iter().map(|k| q(k)).collect())),
            "the catalogue only",
        );
        line(
            "listening-ports",
            (!self.listening_ports.is_empty()).then(|| {
                list(
                    self.listening_ports
                        .iter()
                        .map(|&(a, b)| {
                            if a == b {
                                a.to_string()
                            } else {
                                q(&format!("{a}-{b}"))
                            }
                        })
                        .collect(),
                )
            }),
            "rules/ports.tsv only",
        );
        line(
            "fail-on",
            self.fail_on.map(|f| q(f.as_str())),
            "--fail-on, default \"warning\"",
        );
        line(
            "lang",
            self.lang.map(|l| q(l.tag())),
            "--lang, else LC_ALL, LC_MESSAGES or LANG, else \"en\"",
        );
        if self.severity.is_empty() {
            out.push_str("# [severity]: not set (each rule's default)\n");
        } else {
            out.push_str(&format!("\n[severity]  {}\n", origin("severity")));
            for (s, sev) in &self.severity {
                out.push_str(&format!("{} = {}\n", s.as_str(), q(sev.as_str())));
            }
        }
        if self.per_file_ignores.is_empty() {
            out.push_str("# [per-file-ignores]: not set\n");
        } else {
            out.push_str(&format!(
                "\n[per-file-ignores]  {}\n",
                origin("per-file-ignores")
            ));
            for p in &self.per_file_ignores {
                out.push_str(&format!("{} = {}\n", q(&p.glob), sels(&p.selectors)));
            }
        }
        out
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped
/// (so `config --show` is valid TOML and writes no control character raw).
fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if crate::escape::is_control(c) => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Does a glob match a file name or any trailing part of it (after a `/`)?
fn glob_matches_path(pattern: &glob::Pattern, name: &str) -> bool {
    let options = glob::MatchOptions {
        case_sensitive: true,
        require_literal_separator: true,
        require_literal_leading_dot: false,
    };
    let name = name.strip_prefix("./").unwrap_or(name);
    std::iter::once(name)
        .chain(name.match_indices('/').map(|(i, _)| &name[i + 1..]))
        .filter(|s| !s.is_empty())
        .any(|s| pattern.matches_with(s, options))
}

/// Whether a key (dotted, as in reports) is covered by `known-keys` patterns:
/// a pattern is a key (dotted or slash form) or a glob over its components, where
/// `*`, `?` and `[...]` stay inside one component and `**` spans any number
/// (`net.mydriver.*` matches `net.mydriver.debug`, `net.mydriver.**` also
/// `net.mydriver.eth0.debug`). SL201 calls this to stay silent for such keys.
pub fn key_is_known(patterns: &[String], dotted_key: &str) -> bool {
    let key = Key::parse(dotted_key);
    let path = key.path();
    let options = glob::MatchOptions {
        case_sensitive: true,
        require_literal_separator: true,
        require_literal_leading_dot: false,
    };
    patterns.iter().any(|p| {
        let pat = Key::parse(p.trim());
        let pat = pat.path();
        pat == path || glob::Pattern::new(pat).is_ok_and(|g| g.matches_with(path, options))
    })
}
