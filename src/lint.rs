//! The linting pipeline: parse each file, resolve every assignment once (key,
//! catalogue entry, value), run the registered rules, and order the findings.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use crate::catalog::{self, KeyInfo};
use crate::diagnostic::{Diagnostic, Text};
use crate::key::Key;
use crate::rules::{self, Check};
use crate::source::SourceFile;
use crate::syntax::{self, Assignment, Line, Span32, SyntaxTree};
use crate::value::{self, InlineComment};
use crate::version::KernelVersion;

/// Settings that change what the rules report.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The kernel the configuration is meant for.
    pub kernel: KernelVersion,
    /// The host's memory in bytes (`--memory`), to judge memory-sized settings.
    pub memory: Option<u64>,
    /// A hardening profile to check against (`--profile`).
    pub profile: Option<&'static crate::profile::Profile>,
    /// Extra keys or patterns (`known-keys` in `.sysctl-lint.toml`) that SL201
    /// accepts: keys of out-of-tree modules.
    pub known_keys: Vec<String>,
    /// Extra listening ports the port-range rules protect (`listening-ports`).
    pub listening_ports: Vec<(u16, u16)>,
    /// With `audit` on a live host: the TCP ports it listens on (`/proc/net/tcp`),
    /// SL511's evidence of the services it runs.
    pub live_listening: Option<Vec<u16>>,
    /// Codes the configuration turns off everywhere (`ignore`, `select`): their
    /// rules do not run, unless another rule's findings depend on them (a rule
    /// that supersedes others, SL117). Inline directives naming them are not
    /// reported unused.
    pub skip: Vec<&'static str>,
}

/// One assignment line, resolved once for every rule. Its texts are spans into
/// the file's text, which the setting shares: a setting costs no string of its own
/// but its key's path, and its spans take 8 bytes each (64 bytes in all).
#[derive(Debug, Clone)]
pub struct Setting {
    /// The file's text.
    text: Arc<String>,
    line: u32,
    key_span: Span32,
    value_span: Span32,
    /// Where the body (the value without its comment) ends.
    body_end: u32,
    /// Where an inline comment starts (`u32::MAX`: none), and whether it is glued
    /// to the value.
    comment_start: u32,
    comment_glued: bool,
    /// The catalogue entry's position in `catalog::all()` (`u16::MAX`: none).
    info: u16,
    /// `-key = value`: failures are ignored.
    pub ignore_failure: bool,
    pub key: Option<Key>,
}

impl Setting {
    fn resolve(source: &SourceFile, line_index: usize, a: &Assignment) -> Setting {
        let text = &source.text;
        let key = a.key().map(|s| Key::parse(&text[s]));
        let info = key.as_ref().filter(|k| !k.glob).and_then(catalog::lookup);
        let value_span = a.value().unwrap_or(a.eq().end..a.eq().end);
        let numeric = info.is_some_and(|i| i.ty.is_numeric());
        let comment =
            value::find_inline_comment(&text[value_span.clone()], value_span.start, numeric);
        let body_end = comment.as_ref().map_or(value_span.end, |c| c.span.start);
        let body = text[value_span.start..body_end].trim_end_matches([' ', '\t']);
        let narrow = |x: usize| u32::try_from(x).unwrap_or(u32::MAX - 1); // 64 MiB cap
        Setting {
            text: Arc::clone(text),
            line: narrow(line_index),
            key_span: Span32::opt(a.key()),
            body_end: narrow(value_span.start + body.len()),
            value_span: Span32::new(value_span),
            comment_start: comment.as_ref().map_or(u32::MAX, |c| narrow(c.span.start)),
            comment_glued: comment.is_some_and(|c| c.glued),
            key,
            // The catalogue has about a thousand entries: far fewer than u16::MAX.
            info: info.map_or(u16::MAX, |i| catalog::position(i) as u16),
            ignore_failure: a.dash().is_some(),
        }
    }

    /// The key's catalogue entry, if it is catalogued.
    pub fn info(&self) -> Option<&'static KeyInfo> {
        catalog::all().get(usize::from(self.info))
    }

    /// Index of the line in the file's syntax tree.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// The span of the key as written (without `-`); `None` for `= 1`.
    pub fn key_span(&self) -> Option<Range<usize>> {
        self.key_span.get()
    }

    /// The span of the whole value after `=` (trimmed; empty at the end of the
    /// `=` when there is no value).
    pub fn value_span(&self) -> Range<usize> {
        self.value_span.range()
    }

    /// The span of the value without the comment, trimmed.
    pub fn body_span(&self) -> Range<usize> {
        self.value_span.range().start..self.body_end as usize
    }

    /// The span of the first token of the value (the whole body when it has
    /// none): where a finding about the value points.
    pub fn first_token_span(&self) -> Range<usize> {
        crate::value::tokens(self.body(), self.body_span().start)
            .first()
            .map_or(self.body_span(), |t| t.span.clone())
    }

    /// An inline comment inside the value.
    pub fn comment(&self) -> Option<InlineComment> {
        (self.comment_start != u32::MAX).then(|| InlineComment {
            span: self.comment_start as usize..self.value_span.range().end,
            glued: self.comment_glued,
        })
    }

    /// The key as written (without `-`); `None` for `= 1`.
    pub fn key_text(&self) -> Option<&str> {
        self.key_span().map(|s| &self.text[s])
    }

    /// The whole value after `=`, trimmed.
    pub fn value_text(&self) -> &str {
        &self.text[self.value_span()]
    }

    /// The value without the comment, trimmed: what the kernel is meant to read.
    pub fn body(&self) -> &str {
        &self.text[self.body_span()]
    }

    /// The integers the kernel reads from the value: the first `arity` tokens of the
    /// body, if the key is numeric and all of them parse. `None` otherwise.
    pub fn numbers(&self) -> Option<Vec<i128>> {
        let arity = self.info()?.ty.arity()?;
        let tokens = value::tokens(self.body(), 0);
        if tokens.is_empty() {
            return None;
        }
        tokens
            .iter()
            .take(arity)
            .map(|t| value::parse_int(t.text).ok())
            .collect()
    }

    /// The span from the key to the end of the value.
    pub fn span(&self) -> Range<usize> {
        self.key_span().map_or(self.value_span(), |k| {
            k.start..self.value_span().end.max(k.end)
        })
    }

    /// The dotted normalised key, for reports.
    pub fn dotted_key(&self) -> Option<String> {
        self.key.as_ref().map(Key::dotted)
    }

    /// The dotted key for a message, written only if the message is: rules that
    /// look at every setting name it without paying for it on clean lines.
    pub fn key_name(&self) -> impl std::fmt::Display + '_ {
        struct Name<'a>(Option<&'a Key>);
        impl std::fmt::Display for Name<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.map_or(Ok(()), |k| f.write_str(&k.dotted()))
            }
        }
        Name(self.key.as_ref())
    }

    /// A diagnostic about this setting, with its key and value attached.
    pub fn diag(
        &self,
        code: &'static str,
        file: usize,
        span: Range<usize>,
        message: impl Into<crate::diagnostic::Text>,
    ) -> Diagnostic {
        let mut d = Diagnostic::new(code, file, span, message).value(self.value_text().to_owned());
        d.key = self.dotted_key();
        d
    }
}

/// From how many lines a file's settings are resolved in parallel.
const PARALLEL_RESOLVE_FROM: usize = 20_000;

/// One parsed file.
#[derive(Debug, Clone)]
pub struct FileData {
    pub source: SourceFile,
    pub tree: SyntaxTree,
    pub settings: Vec<Setting>,
    /// Why the input could not be read (reported as SL100), in English and the
    /// run's language; the file is empty.
    pub read_error: Option<Text>,
}

impl FileData {
    pub fn new(source: SourceFile) -> FileData {
        let tree = syntax::parse(&source.text);
        let resolve = |i: usize| match &tree.lines[i].kind {
            syntax::LineKind::Assignment(a) => Setting::resolve(&source, i, a),
            _ => unreachable!("only assignment lines are resolved"),
        };
        let assignments = tree
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l.kind, syntax::LineKind::Assignment(_)))
            .map(|(i, _)| i);
        // A big file is resolved on all cores; an indexed parallel collect writes
        // each setting in place (no second copy of the settings at the peak).
        let settings = if tree.lines.len() < PARALLEL_RESOLVE_FROM {
            assignments.map(resolve).collect()
        } else {
            use rayon::prelude::*;
            let indices: Vec<usize> = assignments.collect();
            indices.into_par_iter().map(resolve).collect()
        };
        FileData {
            source,
            tree,
            settings,
            read_error: None,
        }
    }

    /// An input that could not be read: an empty file carrying the reason.
    pub fn unreadable(name: impl Into<String>, reason: impl Into<Text>) -> FileData {
        FileData {
            read_error: Some(reason.into()),
            ..FileData::new(SourceFile::new(name, Vec::new()))
        }
    }

    pub fn line(&self, setting: &Setting) -> &Line {
        &self.tree.lines[setting.line()]
    }

    pub fn text(&self, span: Range<usize>) -> &str {
        &self.source.text[span]
    }
}

/// The last of a sequence of items per id, as 4-byte item numbers in a hash
/// table: a million settings cost about 10 MB, where a map from key strings to
/// settings costs several times that. The ids are computed from the item numbers
/// (`id(i)`), so nothing is stored twice; size the table with
/// [`LastBy::with_capacity`] when the count is known, as growing it computes the
/// ids again.
#[derive(Default)]
pub struct LastBy {
    table: hashbrown::HashTable<u32>,
}

fn hash_id<K: std::hash::Hash>(k: &K) -> u64 {
    use std::hash::BuildHasher;
    // The table takes its tags from the top bits and its buckets from the low
    // ones: a multiply carries the fast hash's bits up, the fold brings them down.
    let h = rustc_hash::FxBuildHasher
        .hash_one(k)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 32)
}

impl LastBy {
    /// A table for up to `n` ids.
    pub fn with_capacity(n: usize) -> LastBy {
        LastBy {
            table: hashbrown::HashTable::with_capacity(n),
        }
    }

    /// Record item `i`, whose id is `k`, as the last one with that id; the
    /// previous one, if any.
    pub fn insert<K: std::hash::Hash + Eq>(
        &mut self,
        i: u32,
        k: K,
        id: impl Fn(u32) -> K,
    ) -> Option<u32> {
        use hashbrown::hash_table::Entry;
        match self
            .table
            .entry(hash_id(&k), |&j| id(j) == k, |&j| hash_id(&id(j)))
        {
            Entry::Occupied(mut o) => Some(std::mem::replace(o.get_mut(), i)),
            Entry::Vacant(v) => {
                v.insert(i);
                None
            }
        }
    }

    /// Forget the item with id `k`.
    pub fn remove<K: std::hash::Hash + Eq>(&mut self, k: K, id: impl Fn(u32) -> K) {
        if let Ok(o) = self.table.find_entry(hash_id(&k), |&j| id(j) == k) {
            o.remove();
        }
    }

    /// The item numbers kept, in no particular order.
    pub fn items(&self) -> impl Iterator<Item = u32> + '_ {
        self.table.iter().copied()
    }
}

/// The assignments of each key asked for, by dotted key.
type Memo<'a> = HashMap<String, Arc<[(usize, &'a Setting)]>>;

/// What a rule sees: all files of one configuration, in the order they are applied.
pub struct Context<'a> {
    pub files: &'a [FileData],
    pub options: &'a Options,
    /// Memo of [`Context::assignments`] by dotted key: rules ask for the same few
    /// keys, some of them once per setting, and each answer costs a scan.
    memo: Mutex<Memo<'a>>,
    /// Every glob assignment, in application order (usually none).
    globs: OnceLock<Vec<(usize, &'a Setting)>>,
    /// Where each file's settings start in the application order (see
    /// [`Context::at`]).
    starts: Vec<usize>,
    /// What several rules derive from the configuration, computed once.
    pub(crate) shared: rules::Shared<'a>,
}

impl<'a> Context<'a> {
    /// The context of one run over `files`.
    pub fn new(files: &'a [FileData], options: &'a Options) -> Context<'a> {
        Context {
            files,
            options,
            memo: Mutex::default(),
            globs: OnceLock::new(),
            shared: rules::Shared::default(),
            starts: files
                .iter()
                .scan(0, |n, f| {
                    let start = *n;
                    *n += f.settings.len();
                    Some(start)
                })
                .collect(),
        }
    }

    /// Every assignment, in application order, with its file index.
    pub fn settings(&self) -> impl Iterator<Item = (usize, &'a Setting)> + 'a {
        self.files
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.settings.iter().map(move |s| (i, s)))
    }

    /// Every explicit (non-glob) assignment of a key, in application order.
    /// `key` is dotted (`net.ipv4.tcp_timestamps`).
    pub fn assignments(&self, key: &str) -> Vec<(usize, &'a Setting)> {
        self.assignments_of(key).to_vec()
    }

    fn assignments_of(&self, key: &str) -> Arc<[(usize, &'a Setting)]> {
        if let Some(found) = self.memo().get(key) {
            return Arc::clone(found);
        }
        let wanted = Key::parse(key);
        let wanted = wanted.path();
        let found: Arc<[(usize, &'a Setting)]> = self
            .settings()
            .filter(|(_, s)| {
                s.key
                    .as_ref()
                    .is_some_and(|k| !k.glob && k.path() == wanted)
            })
            .collect();
        self.memo().insert(key.to_owned(), Arc::clone(&found));
        found
    }

    fn memo(&self) -> std::sync::MutexGuard<'_, Memo<'a>> {
        self.memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The `pos`-th assignment of [`Context::settings`], with its file index.
    pub fn at(&self, pos: usize) -> (usize, &'a Setting) {
        let file = self.starts.partition_point(|&s| s <= pos) - 1;
        (file, &self.files[file].settings[pos - self.starts[file]])
    }

    /// Every glob assignment (`net.ipv4.conf.*.rp_filter`), in application order.
    pub fn glob_settings(&self) -> &[(usize, &'a Setting)] {
        self.globs.get_or_init(|| {
            self.settings()
                .filter(|(_, s)| s.key.as_ref().is_some_and(|k| k.glob))
                .collect()
        })
    }

    /// The assignment of a key that wins (the last one), if the key is set.
    pub fn last(&self, key: &str) -> Option<(usize, &'a Setting)> {
        self.assignments_of(key).last().copied()
    }

    /// The integers the winning assignment of a key writes (see [`Setting::numbers`]).
    pub fn last_numbers(&self, key: &str) -> Option<Vec<i128>> {
        self.last(key).and_then(|(_, s)| s.numbers())
    }

    /// The file a setting belongs to.
    pub fn file(&self, index: usize) -> &'a FileData {
        &self.files[index]
    }
}

/// What a line rule sees: one line of one file.
pub struct LineContext<'a> {
    pub cx: &'a Context<'a>,
    pub file_index: usize,
    pub file: &'a FileData,
    pub line: &'a Line,
    /// The resolved assignment, if the line is one.
    pub setting: Option<&'a Setting>,
}

impl LineContext<'_> {
    /// The line's assignment with its catalogue entry and key span, when the key is
    /// catalogued (what the key-status rules start from).
    pub fn catalogued(&self) -> Option<(&Setting, &'static KeyInfo, Range<usize>)> {
        let s = self.setting?;
        Some((s, s.info()?, s.key_span()?))
    }

    pub fn text(&self, span: Range<usize>) -> &str {
        self.file.text(span)
    }
}

/// From how many settings the rules run in parallel (below, starting threads
/// costs more than it saves).
const PARALLEL_RULES_FROM: usize = 20_000;

/// Lint a set of files that form one configuration, in application order.
pub fn lint(files: &[FileData], options: &Options) -> Vec<Diagnostic> {
    let cx = Context::new(files, options);
    let mut out = Vec::new();
    for (i, f) in files.iter().enumerate() {
        if let Some(reason) = &f.read_error {
            out.push(
                Diagnostic::unreadable(i, &f.source.name, reason)
                    .help(crate::msg!("sl100-help-linted")),
            );
        }
    }
    let run = |rule: &rules::Rule| -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if options.skip.contains(&rule.code) && rules::skippable(rule) {
            return out;
        }
        match rule.check {
            Check::Line(check) => {
                for (file_index, file) in files.iter().enumerate() {
                    let mut settings = file.settings.iter().peekable();
                    for (i, line) in file.tree.lines.iter().enumerate() {
                        let setting = settings.next_if(|s| s.line() == i);
                        let lcx = LineContext {
                            cx: &cx,
                            file_index,
                            file,
                            line,
                            setting,
                        };
                        check(&lcx, &mut out);
                    }
                }
            }
            Check::Input => {}
            Check::Config(check) => check(&cx, &mut out),
            Check::File(check) => {
                for (file_index, _) in files.iter().enumerate() {
                    check(&cx, file_index, &mut out);
                }
            }
        }
        out
    };
    // The rules are independent: on a big configuration they run on all cores.
    // Their findings are joined in rule order, as a sequential run gives them.
    let settings: usize = files.iter().map(|f| f.settings.len()).sum();
    let per_rule: Vec<Vec<Diagnostic>> = if settings < PARALLEL_RULES_FROM {
        rules::RULES.iter().map(run).collect()
    } else {
        use rayon::prelude::*;
        rules::Shared::prepare(&cx);
        rules::RULES.par_iter().map(run).collect()
    };
    for found in per_rule {
        out.extend(found);
    }
    rules::apply_supersedes(&mut out, files);
    out.sort_by(|a, b| {
        (a.file, a.span.start, a.code, a.span.end).cmp(&(b.file, b.span.start, b.code, b.span.end))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> FileData {
        FileData::new(SourceFile::new("t.conf", text.as_bytes().to_vec()))
    }

    #[test]
    fn positions_skip_files_without_settings() {
        let files = [
            file("# none\n"),
            file("a.b = 1\na.c = 2\n"),
            file(""),
            file("a.d = 3\n"),
        ];
        let options = Options::default();
        let cx = Context::new(&files, &options);
        let seen: Vec<(usize, Option<&str>)> = (0..3)
            .map(|p| cx.at(p))
            .map(|(f, s)| (f, s.key_text()))
            .collect();
        assert_eq!(seen, [(1, Some("a.b")), (1, Some("a.c")), (3, Some("a.d"))]);
        let all: Vec<usize> = cx.settings().map(|(f, _)| f).collect();
        assert_eq!(all, [1, 1, 3]);
    }

    #[test]
    fn last_by_keeps_the_last_item_per_id() {
        let ids = ["x", "y", "x", "z", "x"];
        let id = |i: u32| ids[i as usize];
        let mut last = LastBy::default();
        let previous: Vec<Option<u32>> = (0..5)
            .map(|i| last.insert(i, ids[i as usize], id))
            .collect();
        assert_eq!(previous, [None, None, Some(0), None, Some(2)]);
        last.remove("y", id);
        last.remove("absent", id);
        let mut kept: Vec<u32> = last.items().collect();
        kept.sort_unstable();
        assert_eq!(kept, [3, 4]);
    }

    #[test]
    fn settings_are_compact() {
        // The size is the memory of a million-line file (README, Performance).
        assert!(std::mem::size_of::<Setting>() <= 64);
        assert!(std::mem::size_of::<Line>() <= 72);
    }
}
