//! SL201 unknown-key: the key is not in the catalogue, with a did-you-mean.

use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use crate::catalog;
use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::i18n::Arg;
use crate::key::Key;
use crate::lint::{LineContext, Options};
use crate::suggest::{self, How};
use crate::syntax::LineKind;

use super::values::{clip, fit, SHORT};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL201",
    check: Check::Line(check),
    supersedes: &[],
};

/// The finding for one key, without its place: what [`check`] caches per key.
struct Template {
    /// File 0, an empty span, no value, no edit.
    diagnostic: Diagnostic,
    /// The key the fix writes (dotted), in the written style of each line.
    fix: Option<Fix>,
}

/// The key a fix writes, and whether the rename is certain (a safe fix) or only
/// likely (an unsafe one).
struct Fix {
    key: String,
    certain: bool,
}

/// The findings of the distinct keys seen in one run: a file that repeats an
/// unknown key (or a glob) pays for its did-you-mean once. Holds at most
/// [`Cache::CAPACITY`] keys; the keys beyond are judged afresh on every line.
#[derive(Default)]
pub(super) struct Cache {
    findings: Mutex<FxHashMap<CacheKey, Option<Arc<Template>>>>,
}

/// A key's path, and whether it is written as an exclusion (`-key`).
type CacheKey = (Box<str>, bool);

impl Cache {
    const CAPACITY: usize = 1 << 14;

    fn get_or_compute(
        &self,
        key: &Key,
        exclusion: bool,
        compute: impl FnOnce() -> Option<Template>,
    ) -> Option<Arc<Template>> {
        let lock = || {
            self.findings
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        let id = (Box::<str>::from(key.path()), exclusion);
        if let Some(found) = lock().get(&id) {
            return found.clone();
        }
        work(1);
        let found = compute().map(Arc::new);
        let mut map = lock();
        if map.len() < Self::CAPACITY {
            map.insert(id, found.clone());
        }
        found
    }
}

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let (key, span, value, exclusion) = match (&cx.line.kind, cx.setting) {
        (LineKind::Assignment(_), Some(s)) => match (&s.key, &s.key_span()) {
            (Some(k), Some(sp)) if s.info().is_none() => {
                (k, sp.clone(), Some(s.value_text()), false)
            }
            _ => return,
        },
        (LineKind::Exclusion(e), _) => {
            let k = Key::parse(cx.text(e.key()));
            if k.glob || catalog::lookup(&k).is_some() {
                return;
            }
            let Some(found) = cached(cx, &k, true) else {
                return;
            };
            out.push(place(&found, cx, e.key(), None));
            return;
        }
        _ => return,
    };
    let Some(found) = cached(cx, key, exclusion) else {
        return;
    };
    out.push(place(&found, cx, span, value));
}

/// The finding for `key`, from the run's cache.
fn cached(cx: &LineContext<'_>, key: &Key, exclusion: bool) -> Option<Arc<Template>> {
    if key.is_empty() || key.traversal {
        return None;
    }
    cx.cx
        .shared
        .unknown_keys
        .get_or_compute(key, exclusion, || finding(cx.cx.options, key, exclusion))
}

/// A cached finding at its line: the span, the value, and the fix in the key's
/// written style.
fn place(
    found: &Template,
    cx: &LineContext<'_>,
    span: std::ops::Range<usize>,
    value: Option<&str>,
) -> Diagnostic {
    let mut d = found.diagnostic.clone();
    d.file = cx.file_index;
    d.span = span.clone();
    d.value = value.map(str::to_owned);
    if let Some(fix) = &found.fix {
        let written = cx.text(span.clone());
        let replacement = in_written_style(written, &fix.key);
        d = if fix.certain {
            d.edit(span, replacement)
        } else {
            d.unsafe_edit(span, replacement)
        };
    }
    d
}

/// The finding for a key that is not catalogued (`None`: none, e.g. a key of
/// `known-keys` or a glob that matches something).
fn finding(options: &Options, key: &Key, exclusion: bool) -> Option<Template> {
    let dotted = key.dotted();
    if crate::config::key_is_known(&options.known_keys, &dotted) {
        return None;
    }
    let (mut d, fix) = if key.glob {
        if !catalog::glob_matches(key).is_empty() {
            return None;
        }
        let d = Diagnostic::new(
            "SL201",
            0,
            0..0,
            headline(Severity::Warning, &dotted, "sl201-headline-pattern", false),
        )
        .severity(Severity::Warning)
        .note(crate::msg!("sl201-note-pattern", key = &dotted))
        .help(crate::msg!("sl201-help-pattern"));
        (d, None)
    } else {
        unknown(key, exclusion)
    };
    d.key = Some(dotted);
    Some(Template { diagnostic: d, fix })
}

work_counter!(
    /// Count a key judged afresh.
    work,
    WORK
);

/// A headline naming the whole key when it fits, else the key clipped.
/// Message `id` takes `$key` (and `$exclusion`); whether the whole key fits is
/// judged on the English headline.
fn headline(severity: Severity, dotted: &str, id: &str, exclusion: bool) -> Text {
    let exclusion = if exclusion { "yes" } else { "no" };
    let english = |k: &str| {
        crate::i18n::tr_in(
            crate::i18n::Lang::En,
            id,
            &[("key", k.into()), ("exclusion", exclusion.into())],
        )
    };
    let clipped = clip(dotted, SHORT);
    let long = english(dotted);
    let key = if fit(severity, "SL201", long.clone(), english(&clipped)) == long {
        dotted
    } else {
        clipped.as_str()
    };
    Text::message(id, &[("key", key.into()), ("exclusion", exclusion.into())])
}

/// The finding for an unknown non-glob key, and the key its fix writes.
fn unknown(key: &Key, exclusion: bool) -> (Diagnostic, Option<Fix>) {
    let dotted = key.dotted();
    let path = key.path();
    let excl = if exclusion { "yes" } else { "no" };
    // A note: `$key`, `$exclusion` and `$path` (and `extra`).
    let note = |id: &str, extra: &[(&str, &str)]| {
        let mut args: Vec<(&str, Arg<'_>)> = vec![
            ("key", dotted.as_str().into()),
            ("exclusion", excl.into()),
            ("path", path.into()),
        ];
        args.extend(extra.iter().map(|&(n, v)| (n, Arg::from(v))));
        Text::message(id, &args)
    };
    let new = |message: Text, note: Text| Diagnostic::new("SL201", 0, 0..0, message).note(note);
    if let Some(vlan) = vlan_form(key) {
        let d = new(
            headline(Severity::Error, &dotted, "sl201-headline-vlan", exclusion),
            note("sl201-note-vlan", &[]),
        )
        .severity(Severity::Error)
        .help(crate::msg!("sl201-help-vlan", key = &vlan));
        return (
            d,
            Some(Fix {
                key: vlan,
                certain: true,
            }),
        );
    }
    if let Some(found) = suggest::suggest(key) {
        let last = key.last().unwrap_or_default();
        let (what, note) = match found.how {
            How::MissingPrefix => (
                headline(
                    Severity::Error,
                    &dotted,
                    "sl201-headline-missing-prefix",
                    exclusion,
                ),
                note("sl201-note-missing-prefix", &[]),
            ),
            How::WrongPrefix => (
                crate::msg!("sl201-headline-wrong-prefix", name = &clip(last, SHORT)),
                note("sl201-note-wrong-prefix", &[("name", last)]),
            ),
            _ => (
                headline(
                    Severity::Error,
                    &dotted,
                    "sl201-headline-unknown",
                    exclusion,
                ),
                note("sl201-note-unknown", &[]),
            ),
        };
        let help = match found.keys.as_slice() {
            [one] => crate::msg!("sl201-help-did-you-mean", key = one),
            many => super::values::by_lang(|lang| {
                let keys: Vec<String> = many.iter().map(|k| format!("`{k}`")).collect();
                let sep = crate::i18n::tr_in(lang, "out-list-separator", &[]);
                crate::i18n::tr_in(
                    lang,
                    "sl201-help-did-you-mean-many",
                    &[("keys", (&keys.join(&sep)).into())],
                )
            }),
        };
        let d = new(what, note).severity(Severity::Error).help(help);
        // The fix only when one key is left: then the rename is meant. A spelling
        // is certain only when no other key is as close.
        let fix = match found.keys.as_slice() {
            [one] => Some(Fix {
                key: one.clone(),
                certain: match found.how {
                    How::Spelling => only_close_match(key, one),
                    How::Separators | How::MissingPrefix => true,
                    How::Words | How::WrongPrefix => false,
                },
            }),
            _ => None,
        };
        return (d, fix);
    }
    if key.len() == 1 && !exclusion {
        let d = new(
            crate::msg!("sl201-headline-one-word", key = &clip(&dotted, 24)),
            note("sl201-note-one-word", &[]),
        )
        .severity(Severity::Error)
        .help(crate::msg!("sl201-help-one-word"));
        return (d, None);
    }
    let d = match catalog::namespace(key) {
        Some(ns) if ns.closed => new(
            headline(Severity::Error, &dotted, "sl201-headline-closed", exclusion),
            note("sl201-note-closed", &[("prefix", ns.prefix)]),
        )
        .severity(Severity::Error)
        .help(crate::msg!("sl201-help-closed")),
        ns => {
            let module = match ns.filter(|n| !n.module.is_empty()) {
                Some(n) => n.module,
                None => "none",
            };
            new(
                headline(
                    Severity::Warning,
                    &dotted,
                    "sl201-headline-not-mainline",
                    exclusion,
                ),
                note("sl201-note-not-mainline", &[("module", module)]),
            )
            .severity(Severity::Warning)
            .help(crate::msg!("sl201-help-not-mainline"))
        }
    };
    (d, None)
}

/// `net.ipv4.conf.eth0.100.rp_filter` meant `net.ipv4.conf.eth0/100.rp_filter`.
fn vlan_form(key: &Key) -> Option<String> {
    let c = key.parts();
    for i in 0..c.len().saturating_sub(1) {
        let joined = format!("{}.{}", c[i], c[i + 1]);
        let merged = c[..i]
            .iter()
            .copied()
            .chain([joined.as_str()])
            .chain(c[i + 2..].iter().copied());
        let candidate = Key::from_components(merged);
        if let Some(info) = catalog::lookup(&candidate) {
            if info.path.split('/').nth(i) == Some("<*>") {
                return Some(candidate.dotted());
            }
        }
    }
    None
}

/// Whether `suggestion` is the only usable catalogued key at its distance (or
/// closer) from the written key, so that replacing the key is certainly meant.
fn only_close_match(key: &Key, suggestion: &str) -> bool {
    let best = strsim::damerau_levenshtein(&key.dotted(), suggestion);
    catalog::near(key, best)
        .iter()
        .all(|(_, candidate)| candidate == suggestion)
}

/// A dotted key written in the style of `written`: dotted, or the slash form
/// (`net/ipv4/conf/eth0.100/rp_filter`, keeping a leading `/`).
fn in_written_style(written: &str, dotted: &str) -> String {
    let slash_first = written.find(['.', '/']).map(|i| &written[i..i + 1]) == Some("/");
    if !slash_first {
        return dotted.to_owned();
    }
    let path = Key::parse(dotted).path().to_owned();
    if written.starts_with('/') {
        format!("/{path}")
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys judged afresh while linting `text`, and the SL201 findings.
    fn judged(text: &str) -> (usize, usize) {
        WORK.with(|w| w.set(0));
        let (_, diags) = crate::lint_source("t.conf", text.as_bytes(), &Options::default());
        let found = diags.iter().filter(|d| d.code == "SL201").count();
        (WORK.with(std::cell::Cell::get), found)
    }

    #[test]
    fn each_distinct_key_is_judged_once() {
        // (Below the size from which rules run on several threads: the count is
        // this thread's.)
        let lines = [
            "net.ipv4.tcp_timestsmps = 0\n",
            "-net.ipv4.tcp_timestsmps\n",
            "net/ipv4/tcp_timestsmps = 1\n",
            "net.mydriver.*.debug = 1\n",
            "net.ipv4.conf.eth0.100.rp_filter = 1\n",
        ];
        let text = |n: usize| lines.concat().repeat(n);
        let (small, found_small) = judged(&text(100));
        let (big, found_big) = judged(&text(400));
        assert_eq!((found_small, found_big), (500, 2000));
        // The dotted and slash forms are one key; the exclusion is judged apart.
        assert_eq!((small, big), (4, 4));
    }

    #[test]
    fn a_cached_finding_keeps_each_lines_place_and_style() {
        let text = "net.ipv4.tcp_timestsmps = 0\nnet/ipv4/tcp_timestsmps = 1\n";
        let (files, diags) = crate::lint_source("t.conf", text.as_bytes(), &Options::default());
        let d: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "SL201").collect();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].span, 0..23);
        assert_eq!(d[1].span, 28..51);
        assert_eq!(d[0].value.as_deref(), Some("0"));
        assert_eq!(d[1].value.as_deref(), Some("1"));
        assert_eq!(d[0].edits[0].replacement, "net.ipv4.tcp_timestamps");
        assert_eq!(d[1].edits[0].replacement, "net/ipv4/tcp_timestamps");
        assert_eq!(d[1].edits[0].range, 28..51);
        assert_eq!(files.len(), 1);
    }
}
