//! One host judged against the configuration: drift, keys missing on its
//! kernel, and the value and profile rules run on its live values.

use super::*;
use crate::diagnostic::Text;
use crate::rules::headline::{self, compose};
use crate::{msg, tr};

/// The configuration, read once.
pub(crate) struct Config {
    pub(crate) loader: Loader,
    pub(crate) files: Vec<FileData>,
    pub(crate) effective: Vec<Effective>,
    /// Paths of explicit (non-glob) keys in the effective configuration.
    pub(crate) explicit: HashSet<String>,
    /// Glob entries that write a value (effective indices), and an index of
    /// their keys (glob `i` of the index is entry `globs[i]`).
    pub(crate) globs: Vec<usize>,
    pub(crate) glob_index: GlobIndex,
}

impl Config {
    pub(crate) fn load(
        root: &Path,
        loader: Option<Loader>,
        exclude: &crate::input::Exclude,
    ) -> Config {
        let loader = loader.unwrap_or_else(|| system::detect_loader(root));
        let sys = system::load_excluding(root, loader, exclude);
        Config::new(sys.files, loader)
    }

    /// The configuration of files already read (in application order).
    pub(crate) fn new(files: Vec<FileData>, loader: Loader) -> Config {
        let effective = effective::compute(&files, loader);
        let explicit = effective
            .iter()
            .filter(|e| !e.glob)
            .map(|e| Key::parse(&e.key).path().to_owned())
            .collect();
        let globs: Vec<usize> = effective
            .iter()
            .enumerate()
            .filter(|(_, e)| e.glob && e.value.is_some())
            .map(|(i, _)| i)
            .collect();
        let glob_keys: Vec<Key> = globs
            .iter()
            .map(|&i| Key::parse(&effective[i].key))
            .collect();
        let glob_index = GlobIndex::new(&glob_keys);
        Config {
            loader,
            files,
            effective,
            explicit,
            globs,
            glob_index,
        }
    }

    /// The file index and setting of the line that decided an effective entry.
    pub(crate) fn locate(&self, e: &Effective) -> Option<(usize, &Setting)> {
        let fi = self
            .files
            .iter()
            .rposition(|f| f.source.name == e.set_by.file)?;
        let f = &self.files[fi];
        let s = f
            .settings
            .iter()
            .find(|s| f.tree.lines[s.line()].number() == e.set_by.line)?;
        Some((fi, s))
    }
}

/// What one host's audit produced (file indices: config files, then the live file).
pub(crate) struct HostAudit {
    pub(crate) live_file: FileData,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The keys the configuration sets on this host (explicitly or by a glob).
    pub(crate) configured: HashSet<String>,
}

/// Keys whose value differs per host by design, or changes on every read.
pub(crate) const PER_HOST_KEYS: &[&str] = &[
    "kernel.hostname",
    "kernel.domainname",
    "kernel.ns_last_pid",
    "kernel.random.boot_id",
    "kernel.random.entropy_avail",
    "kernel.random.uuid",
];

pub(crate) fn read_only(key: &str) -> bool {
    PER_HOST_KEYS.contains(&key) || lookup_cached(key).is_some_and(|i| i.access == Access::ReadOnly)
}

/// `catalog::lookup` of a dotted key, memoised per thread (a fleet asks for the same
/// 1,300 keys on every host, and a lookup with placeholders tries many paths).
pub(crate) fn lookup_cached(key: &str) -> Option<&'static KeyInfo> {
    thread_local! {
        static CACHE: std::cell::RefCell<HashMap<String, Option<&'static KeyInfo>>> =
            std::cell::RefCell::new(HashMap::new());
    }
    CACHE.with(|c| {
        if let Some(found) = c.borrow().get(key) {
            return *found;
        }
        let found = catalog::lookup(&Key::parse(key));
        c.borrow_mut().insert(key.to_owned(), found);
        found
    })
}

/// The dotted form of a key as `sysctl -a` prints it (already dotted: no work).
pub(crate) fn dotted(k: &str) -> String {
    if k.contains('/')
        || k.contains("..")
        || k.starts_with(['.', '-', '\u{FEFF}'])
        || k.ends_with('.')
    {
        Key::parse(k).dotted()
    } else {
        k.to_owned()
    }
}

/// Tabs and newlines as single spaces, trimmed: how values are shown.
pub fn display_value(v: &str) -> String {
    v.split([' ', '\t', '\n'])
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a configured value and a live value mean the same to the kernel:
/// integers compared as the kernel parses them (`0x10` = `16` = `020`, blanks and
/// tabs alike), port lists as sets, strings as exact text (trailing blanks aside).
pub fn same_value(info: Option<&KeyInfo>, configured: &str, live: &str) -> bool {
    let ty = info.map_or(ValueType::Unknown, |i| i.ty);
    let configured = configured.trim_end_matches([' ', '\t', '\n']);
    let live = live.trim_end_matches([' ', '\t', '\n']);
    let ints = |s: &str| -> Option<Vec<i128>> {
        let t = value::tokens(s, 0);
        if t.is_empty() {
            return None;
        }
        t.iter().map(|t| value::parse_int(t.text).ok()).collect()
    };
    match ty {
        ValueType::String => configured.trim_start() == live.trim_start(),
        ValueType::PortList => port_set(configured) == port_set(live),
        ty => match (ints(configured), ints(live)) {
            (Some(c), Some(l)) => {
                let n = ty.arity().unwrap_or(c.len().max(l.len())).min(c.len());
                c.len() >= n && l.len() >= n && c[..n] == l[..n]
            }
            (None, None) if ty == ValueType::Unknown => {
                display_value(configured) == display_value(live)
            }
            _ => false,
        },
    }
}

pub(crate) fn port_set(s: &str) -> Option<Vec<(u32, u32)>> {
    let mut v: Vec<(u32, u32)> = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
            None => {
                let p = part.parse().ok()?;
                (p, p)
            }
        };
        v.push((a, b));
    }
    v.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::new();
    for (a, b) in v {
        match merged.last_mut() {
            Some((_, e)) if a <= *e + 1 => *e = (*e).max(b),
            _ => merged.push((a, b)),
        }
    }
    Some(merged)
}

/// Whether the kernel would reject the written value (so the line never applied).
pub(crate) fn rejected(info: Option<&KeyInfo>, body: &str, kernel: &KernelVersion) -> bool {
    let Some(info) = info else { return false };
    let Some(arity) = info.ty.arity() else {
        return false;
    };
    let tokens = value::tokens(body, 0);
    if tokens.is_empty() {
        return true;
    }
    let (min, max, enforced, _) = catalog::range_on(info, kernel);
    tokens
        .iter()
        .take(arity)
        .any(|t| match value::parse_int(t.text) {
            Err(_) => true,
            Ok(v) => enforced && (min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m)),
        })
}

pub(crate) fn iface_of(key: &Key) -> Option<(&str, String)> {
    let c = key.parts();
    if c.len() == 5
        && c[0] == "net"
        && (c[1] == "ipv4" || c[1] == "ipv6")
        && (c[2] == "conf" || c[2] == "neigh")
        && c[3] != "all"
        && c[3] != "default"
    {
        let default = format!("{}.{}.{}.default.{}", c[0], c[1], c[2], c[4]);
        Some((c[3], default))
    } else {
        None
    }
}

pub(crate) fn keep_live_code(code: &str) -> bool {
    ["SL3", "SL5", "SL6", "SL7"]
        .iter()
        .any(|p| code.starts_with(p))
        && !WRITE_CODES.contains(&code)
}

/// Rules that predict what writing a line does (the kernel rejects it, stores
/// part of it, ignores text after it) or judge how the configuration is laid out
/// (order of lines, two keys set together, a key the configuration leaves out). A
/// live value is what the kernel holds: it was not rejected, and it has no line.
const WRITE_CODES: &[&str] = &[
    "SL301", "SL302", "SL303", "SL304", "SL305", "SL510", "SL514", "SL521", "SL530", "SL531",
    "SL611", "SL702",
];

/// What the audit can see about how the host booted: the evidence for the likely
/// causes of drift.
#[derive(Debug, Clone, Default)]
pub(crate) struct Evidence {
    /// PID 1's command name (`PROC/1/comm`), when the live values come from a
    /// proc tree: `systemd`, or `sh`, `tini`, `dumb-init` in a container.
    pub(crate) pid1: Option<String>,
}

impl Evidence {
    /// Read from a proc tree (nothing is known about a snapshot's host).
    pub(crate) fn read(proc_root: &Path) -> Evidence {
        let pid1 = crate::fsroot::read_text_in(proc_root, "1/comm")
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        Evidence { pid1 }
    }
}

/// Where the live values come from, to name the source of a finding on one.
#[derive(Debug, Clone, Copy)]
pub(crate) enum LiveSource<'a> {
    /// A proc tree, as shown (`/proc`).
    Proc(&'a str),
    /// A `sysctl -a` snapshot file, as shown.
    Snapshot(&'a str),
}

impl LiveSource<'_> {
    /// The file a key's value was read from and its 1-based line:
    /// (`/proc/sys/net/ipv4/tcp_tw_reuse`, 1), or (`snapshot host1.txt`, 812),
    /// which reports show as `snapshot host1.txt:812` (the snapshot's own text).
    pub(crate) fn place(&self, key: &str, snap: &Snapshot) -> (String, usize) {
        match self {
            LiveSource::Proc(root) => (
                format!(
                    "{}/sys/{}",
                    root.trim_end_matches('/'),
                    Key::parse(key).path()
                ),
                1,
            ),
            LiveSource::Snapshot(file) => (
                format!("snapshot {file}"),
                snap.lines.get(key).copied().unwrap_or(1),
            ),
        }
    }
}

/// Put findings on the synthetic live file (`live_index`) on a file per key
/// instead, named after where the value was read ([`LiveSource::name`]) and
/// holding that one `key = value` line, so that every format shows the real
/// source. Returns those files, to append after `live_index`.
pub(crate) fn place_on_sources(
    diags: &mut [Diagnostic],
    live_file: &FileData,
    live_index: usize,
    source: LiveSource<'_>,
    snap: &Snapshot,
) -> Vec<FileData> {
    let mut files: Vec<FileData> = Vec::new();
    // Synthetic line -> (file, offset in that file where the line starts, its length).
    let mut by_line: HashMap<usize, (usize, usize, usize)> = HashMap::new();
    let mut place = |span: &std::ops::Range<usize>| -> Option<(usize, std::ops::Range<usize>)> {
        let src = &live_file.source;
        let line = src.line_index(span.start);
        let start = src.line_start(line);
        let found = match by_line.get(&line) {
            Some(&found) => found,
            None => {
                let at = live_file
                    .settings
                    .binary_search_by_key(&line, |s| s.line())
                    .ok()?;
                let key = live_file.settings[at].dotted_key()?;
                let (name, number) = source.place(&key, snap);
                let found = match source {
                    // A snapshot: its own text, once, and the key's own line in it.
                    LiveSource::Snapshot(_) => {
                        if files.is_empty() {
                            files.push(FileData::new(SourceFile::new(
                                name,
                                snap.text.clone().into_bytes(),
                            )));
                        }
                        let shown = &files[0].source;
                        let from = shown.line_start(number - 1);
                        let to = shown.line_start(number).max(from);
                        (0, from, to - from)
                    }
                    // A proc tree: a file per key, holding its one line.
                    LiveSource::Proc(_) => {
                        let text = &src.text[start..src.line_start(line + 1)];
                        let len = text.len();
                        files.push(FileData::new(SourceFile::new(
                            name,
                            text.as_bytes().to_vec(),
                        )));
                        (files.len() - 1, 0, len)
                    }
                };
                by_line.insert(line, found);
                found
            }
        };
        let (i, from, len) = found;
        let clamp = |o: usize| from + (o - start).min(len);
        Some((live_index + i, clamp(span.start)..clamp(span.end)))
    };
    for d in diags.iter_mut() {
        if d.file == live_index {
            if let Some((file, span)) = place(&d.span) {
                d.file = file;
                d.span = span;
            }
        }
        for l in &mut d.labels {
            if l.file == live_index {
                if let Some((file, span)) = place(&l.span) {
                    l.file = file;
                    l.span = span;
                }
            }
        }
    }
    files
}

/// Whether a live value is the kernel's own: no file sets the key, and the
/// value is the catalogued default (or there is no catalogued default, so
/// nothing shows it was changed). Such values are never findings of the
/// configuration.
fn kernel_own(key: &str, value: &str, configured: &HashSet<String>) -> bool {
    if configured.contains(key) {
        return false;
    }
    match lookup_cached(key) {
        Some(info) if !info.default.is_empty() && info.default != "-" => {
            same_value(Some(info), info.default, value)
        }
        _ => true,
    }
}

/// The help of a finding on a live value that no file sets: how to set it.
fn how_to_set(d: &Diagnostic, key: &str, live_file: &FileData) -> Text {
    let new_value =
        d.edits
            .iter()
            .find(|e| !e.replacement.is_empty() && !e.replacement.contains('\n'))
            .map(|e| {
                let setting = live_file.settings.iter().find(|s| {
                    s.body_span().start <= e.range.start && e.range.end <= s.body_span().end
                });
                match setting {
                    Some(s) => {
                        let mut body = s.body().to_owned();
                        let at = e.range.start - s.body_span().start;
                        body.replace_range(at..e.range.end - s.body_span().start, &e.replacement);
                        body
                    }
                    None => e.replacement.clone(),
                }
            })
            // A fix that deletes the line restores the kernel's default.
            .or_else(|| {
                lookup_cached(key)
                    .map(|i| i.default)
                    .filter(|d| !d.is_empty() && *d != "-")
                    .map(str::to_owned)
            });
    match new_value {
        Some(v) => msg!("audit-how-to-set", key = key, value = &v),
        None => msg!("audit-how-to-set-any", key = key),
    }
}

/// Audit one host: drift and missing keys against the configuration, and the
/// value/profile rules on its live values.
pub(crate) fn audit_host(
    config: &Config,
    live: &Snapshot,
    live_name: &str,
    options: &Options,
    kernel_release: Option<&str>,
    evidence: &Evidence,
) -> HostAudit {
    let n_files = config.files.len();
    let live_index = n_files;

    // Configured concrete keys, and the glob that decides each key it covers.
    let mut configured: HashSet<String> = config
        .effective
        .iter()
        .filter(|e| !e.glob)
        .map(|e| e.key.clone())
        .collect();
    let mut glob_hits: BTreeMap<String, usize> = BTreeMap::new(); // key -> effective index
    if !config.globs.is_empty() {
        for k in live.values.keys().chain(live.unreadable.keys()) {
            let key = Key::parse(k);
            if config.explicit.contains(key.path()) {
                continue;
            }
            // Of the globs that match, the one applied last decides.
            let best = config
                .glob_index
                .matching(&key)
                .into_iter()
                .map(|g| config.globs[g])
                .max_by_key(|&ei| config.effective[ei].order);
            if let Some(b) = best {
                glob_hits.insert(k.clone(), b);
                configured.insert(k.clone());
            }
        }
    }

    // The synthetic live file: catalogued writable keys and every configured key.
    let mut text = String::new();
    for (k, v) in &live.values {
        if configured.contains(k) || !read_only(k) && lookup_cached(k).is_some() {
            text.push_str(k);
            text.push_str(" = ");
            text.push_str(&display_value(v));
            text.push('\n');
        }
    }
    let live_file = FileData::new(SourceFile::new(live_name, text.into_bytes()));
    let live_setting: HashMap<String, &Setting> = live_file
        .settings
        .iter()
        .filter_map(|s| Some((s.dotted_key()?, s)))
        .collect();
    let live_span = |key: &str| {
        live_setting.get(key).map(|s| {
            if s.body().is_empty() {
                s.span()
            } else {
                s.body_span()
            }
        })
    };

    let mut out: Vec<Diagnostic> = Vec::new();
    let kernel_name = kernel_release
        .map(str::to_owned)
        .unwrap_or_else(|| options.kernel.to_string());

    // How many configured keys differ: when (nearly) all do, the configuration
    // was most likely never applied.
    let mut compared = 0;
    let mut differing = 0;
    for e in config
        .effective
        .iter()
        .filter(|e| !e.glob && e.value.is_some())
    {
        let (Some((_, s)), Some(lv)) = (config.locate(e), live.get(&e.key)) else {
            continue;
        };
        compared += 1;
        if !same_value(lookup_cached(&e.key), s.body(), lv) {
            differing += 1;
        }
    }
    let host = HostEvidence {
        pid1: evidence.pid1.as_deref(),
        compared,
        differing,
    };

    // SL801 / SL802 for explicit keys.
    for e in config.effective.iter().filter(|e| !e.glob) {
        if e.value.is_none() {
            continue;
        }
        let Some((fi, s)) = config.locate(e) else {
            continue;
        };
        let key = Key::parse(&e.key);
        if safe_path(&key).is_none() {
            continue;
        }
        if !live.exists(&e.key) {
            let cause = missing_cause(&key, &options.kernel, live);
            let mut d = s
                .diag(
                    "SL802",
                    fi,
                    s.span(),
                    headline::fit_text("SL802", &headline::short_key(&e.key), |k| {
                        msg!("sl802-headline", key = k)
                    }),
                )
                .note(msg!(
                    "sl802-note",
                    key = &e.key,
                    kernel = &kernel_name,
                    path = key.path(),
                    ignored = if s.ignore_failure { "yes" } else { "no" }
                ))
                .help(compose("sl802-help", &[("cause", &cause)], &[]));
            if s.ignore_failure {
                d = d.severity(Severity::Info);
            }
            out.push(d);
            continue;
        }
        let Some(lv) = live.get(&e.key) else { continue };
        if let Some(mut d) = drift(
            live, options, fi, s, &key, None, lv, live_index, &live_span, &host,
        ) {
            d.live = Some(display_value(lv));
            out.push(d);
        }
    }
    // SL801 for keys set by a glob.
    for (k, &ei) in &glob_hits {
        let e = &config.effective[ei];
        let Some(lv) = live.get(k) else { continue };
        let Some((fi, s)) = config.locate(e) else {
            continue;
        };
        let key = Key::parse(k);
        if let Some(mut d) = drift(
            live,
            options,
            fi,
            s,
            &key,
            Some(&e.key),
            lv,
            live_index,
            &live_span,
            &host,
        ) {
            d.live = Some(display_value(lv));
            out.push(d);
        }
    }

    // The value and profile rules on the live values: not those that predict a
    // write, not on values the kernel chose itself, and (but for a profile's
    // checks) not on keys the configuration sets, whose lines `check` judges and
    // whose drift SL801 reports.
    for mut d in crate::lint::lint(std::slice::from_ref(&live_file), options)
        .into_iter()
        .filter(|d| keep_live_code(d.code))
    {
        let Some(key) = d.key.clone() else { continue };
        let Some(value) = live.get(&key) else {
            continue;
        };
        let profile = d.code.starts_with("SL7");
        if !profile && (configured.contains(&key) || kernel_own(&key, value, &configured)) {
            continue;
        }
        d.file = live_index;
        for l in &mut d.labels {
            l.file = live_index;
        }
        if !configured.contains(&key) {
            let how = how_to_set(&d, &key, &live_file);
            // SL511's own help reserves the ports the host listens on: keep it.
            let help = match d.help.take() {
                Some(en) if d.code == "SL511" => {
                    let localized = d.localized.as_ref().and_then(|l| l.help.clone());
                    let own = Text { en, localized };
                    compose("audit-help-narrow", &[("own", &own), ("how", &how)], &[])
                }
                _ => how,
            };
            d = d.help(help);
            d.edits.clear();
        }
        d.live = Some(display_value(value));
        out.push(d);
    }

    out.sort_by(|a, b| {
        (a.file, a.span.start, a.code, a.span.end).cmp(&(b.file, b.span.start, b.code, b.span.end))
    });
    HostAudit {
        live_file,
        diagnostics: out,
        configured,
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn drift(
    live: &Snapshot,
    options: &Options,
    fi: usize,
    s: &Setting,
    key: &Key,
    glob: Option<&str>,
    live_value: &str,
    live_index: usize,
    live_span: &dyn Fn(&str) -> Option<std::ops::Range<usize>>,
    host: &HostEvidence,
) -> Option<Diagnostic> {
    let info = catalog::lookup(key);
    if same_value(info, s.body(), live_value) {
        return None;
    }
    let dotted = key.dotted();
    let shown = display_value(live_value);
    let rejected = rejected(info, s.body(), &options.kernel);
    let causes = drift_causes(key, info, glob, rejected, live, live_value, host);
    let mut d = s
        .diag("SL801", fi, value_span(s), {
            let (live, set) = (
                crate::text::clip(&shown, 12),
                crate::text::clip(s.body(), 12),
            );
            headline::fit_text("SL801", &headline::short_key(&dotted), |k| {
                msg!("sl801-headline", key = k, live = &*live, set = &*set)
            })
        })
        .note(compose(
            "sl801-note",
            &[("cause", &causes[0].headline())],
            &[
                ("key", dotted.as_str().into()),
                ("glob", if glob.is_some() { "yes" } else { "no" }.into()),
                ("glob_key", glob.unwrap_or_default().into()),
                ("live", shown.as_str().into()),
                ("set", s.body().into()),
            ],
        ))
        .key(dotted.clone());
    let never_applied = causes[0].likelihood == Likelihood::Likely && causes[0].never_applied();
    let action = if rejected {
        msg!("sl801-action-rejected")
    } else if never_applied {
        msg!("sl801-action-never-applied")
    } else {
        msg!("sl801-action-find", name = key.last().unwrap_or_default())
    };
    d = d.help(if causes.len() > 1 {
        let others: Vec<Text> = causes[1..].iter().map(Cause::headline).collect();
        let list = headline::join(&others, "sl801-cause-separator");
        compose(
            "sl801-help-others",
            &[("list", &list), ("action", &action)],
            &[],
        )
    } else {
        action
    });
    if let Some(span) = live_span(&dotted) {
        d = d.label(live_index, span, tr!("audit-live-value", value = &shown));
    }
    Some(d)
}

/// The span of the first value token (the whole setting when there is none).
pub(crate) fn value_span(s: &Setting) -> std::ops::Range<usize> {
    value::tokens(s.body(), s.body_span().start)
        .first()
        .map_or_else(|| s.span(), |t| t.span.start..s.body_span().end)
}

/// SL803 from the socket summary: at the configuration line of
/// `ip_local_port_range` if one sets it, else at its live line.
pub(crate) fn exhaustion_finding(
    config: &Config,
    summary: &SocketSummary,
    live_file: &FileData,
    live_index: usize,
    live_value: Option<String>,
) -> Option<(Diagnostic, Option<String>)> {
    if !summary.exhaustion {
        return None;
    }
    let b = summary.busiest.as_ref()?;
    let e = summary.ephemeral.as_ref()?;
    let key = "net.ipv4.ip_local_port_range";
    let configured = config
        .effective
        .iter()
        .find(|x| !x.glob && x.key == key && x.value.is_some())
        .and_then(|x| config.locate(x));
    let live_setting = live_file
        .settings
        .iter()
        .find(|s| s.dotted_key().as_deref() == Some(key));
    let pct = b.percent_of_usable.unwrap_or(0.0).to_string();
    let message = headline::fit_text("SL803", &b.remote, |r| {
        msg!("sl803-headline", remote = r, percent = &pct)
    });
    let note = msg!(
        "sl803-note",
        remote = &b.remote,
        local = &b.local_address,
        used = &b.ports_in_use.to_string(),
        usable = &e.usable.to_string(),
        percent = &pct,
        time_wait = &b.time_wait.to_string()
    );
    let help = headline::join(&summary.exhaustion_help, "sl803-help-separator");
    let mut d = match (configured, live_setting) {
        (Some((fi, s)), _) => s.diag("SL803", fi, s.span(), message),
        (None, Some(s)) => s.diag("SL803", live_index, s.span(), message),
        (None, None) => Diagnostic::new("SL803", live_index, 0..0, message),
    }
    .key(key)
    .note(note)
    .help(help);
    if let (Some(_), Some(s)) = (configured, live_setting) {
        d = d.label(
            live_index,
            s.body_span(),
            tr!("audit-live-value", value = s.body()),
        );
    }
    Some((d, live_value))
}

pub(crate) fn effective_options(base: &Options, release: Option<&str>, running: bool) -> Options {
    let mut o = base.clone();
    if running {
        if let Some(k) = release.and_then(|r| KernelVersion::parse_lenient(r).ok()) {
            o.kernel = k;
        }
    }
    o
}
