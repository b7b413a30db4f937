//! Headlines that fit: the whole first line `severity[CODE name]: message` of a
//! finding takes at most [`MAX`] display columns, whatever the user wrote.

use crate::diagnostic::Text;
use crate::i18n::{tr_in, Arg, Lang};
use crate::text;

/// Display columns of the whole first line of a finding.
pub(super) const MAX: usize = 100;

/// Columns of `severity[CODE name]: ` with the code's default severity, the
/// part of the first line before the message.
fn prefix(code: &str) -> usize {
    let (severity, name) =
        crate::codes::doc(code).map_or(("warning", ""), |d| (d.severity.as_str(), d.name));
    severity.len() + 1 + code.len() + 1 + name.len() + 3
}

/// Whether the first line of a finding of `code` with `message` fits in [`MAX`].
pub(super) fn fits(code: &str, message: &str) -> bool {
    prefix(code) + text::width(message) <= MAX
}

/// The message `make(user)` builds around one piece of user text (a key, a
/// value), with that text clipped so the whole first line fits in [`MAX`].
pub(crate) fn fit(code: &str, user: &str, make: impl Fn(&str) -> String) -> String {
    let full = make(user);
    let used = prefix(code) + text::width(&full);
    if used <= MAX {
        return full;
    }
    let keep = text::width(user).saturating_sub(used - MAX);
    make(&text::clip(user, keep))
}

/// [`fit`] for a message of the Fluent files: the English and the localized
/// text each clip the user text to fit (the English stays what [`fit`] makes).
pub(crate) fn fit_text(code: &str, user: &str, make: impl Fn(&str) -> Text) -> Text {
    let full = make(user);
    let keep = |shown: &str| {
        let used = prefix(code) + text::width(shown);
        (used > MAX).then(|| text::width(user).saturating_sub(used - MAX))
    };
    let en = match keep(&full.en) {
        Some(k) => make(&text::clip(user, k)).en,
        None => full.en.clone(),
    };
    let localized = full.localized.as_deref().map(|l| match keep(l) {
        Some(k) => make(&text::clip(user, k)).localized.unwrap_or_default(),
        None => l.to_owned(),
    });
    Text { en, localized }
}

/// `args` after `("list", list)`.
fn list_args<'a>(list: &'a str, args: &'a [(&str, Arg<'_>)]) -> Vec<(&'a str, Arg<'a>)> {
    let mut all: Vec<(&str, Arg<'_>)> = vec![("list", Arg::Str(list))];
    all.extend(args.iter().map(copy_arg));
    all
}

/// A copy of a message argument.
fn copy_arg<'a>((n, a): &(&'a str, Arg<'a>)) -> (&'a str, Arg<'a>) {
    (
        *n,
        match a {
            Arg::Str(s) => Arg::Str(s),
            Arg::Num(x) => Arg::Num(*x),
        },
    )
}

/// Message `id` with the argument `$list`: `items` (messages themselves) joined
/// in each language by its `out-list-separator` (output.ftl) message, then `args`.
pub(crate) fn with_list(id: &str, items: &[Text], args: &[(&str, Arg<'_>)]) -> Text {
    let run = crate::i18n::lang();
    let render = |lang: Lang, parts: Vec<&str>| {
        let sep = tr_in(lang, "out-list-separator", &[]);
        let list = parts.join(&sep);
        tr_in(lang, id, &list_args(&list, args))
    };
    Text {
        en: render(Lang::En, items.iter().map(|t| t.en.as_str()).collect()),
        localized: (run != Lang::En).then(|| {
            render(
                run,
                items
                    .iter()
                    .map(|t| t.localized.as_deref().unwrap_or(&t.en))
                    .collect(),
            )
        }),
    }
}

/// `items` joined in each language by the message `sep` (a separator such as
/// `out-list-separator`).
pub(crate) fn join(items: &[Text], sep: &str) -> Text {
    let run = crate::i18n::lang();
    Text {
        en: items
            .iter()
            .map(|t| t.en.as_str())
            .collect::<Vec<_>>()
            .join(&tr_in(Lang::En, sep, &[])),
        localized: (run != Lang::En).then(|| {
            items
                .iter()
                .map(|t| t.localized.as_deref().unwrap_or(&t.en))
                .collect::<Vec<_>>()
                .join(&tr_in(run, sep, &[]))
        }),
    }
}

/// Message `id` with messages as arguments (`texts`, each in the same
/// language as the message, English where it has no translation), then `args`.
pub(crate) fn compose(id: &str, texts: &[(&str, &Text)], args: &[(&str, Arg<'_>)]) -> Text {
    let run = crate::i18n::lang();
    let render = |lang: Lang| {
        let mut all: Vec<(&str, Arg<'_>)> = texts
            .iter()
            .map(|(n, t)| {
                let shown = match lang {
                    Lang::En => t.en.as_str(),
                    _ => t.localized.as_deref().unwrap_or(&t.en),
                };
                (*n, Arg::Str(shown))
            })
            .collect();
        all.extend(args.iter().map(copy_arg));
        tr_in(lang, id, &all)
    };
    Text {
        en: render(Lang::En),
        localized: (run != Lang::En).then(|| render(run)),
    }
}

/// A headline `id` with the argument `$list`: `items` (user text: keys,
/// interfaces) joined by each language's `out-list-separator` (output.ftl), the list clipped in
/// each language (as [`fit`] does) so that the first line fits in [`MAX`].
pub(crate) fn fit_list(code: &str, id: &str, items: &[String], args: &[(&str, Arg<'_>)]) -> Text {
    let run = crate::i18n::lang();
    let render = |lang: Lang| {
        let list = items.join(&tr_in(lang, "out-list-separator", &[]));
        fit(code, &list, |l| tr_in(lang, id, &list_args(l, args)))
    };
    Text {
        en: render(Lang::En),
        localized: (run != Lang::En).then(|| render(run)),
    }
}

/// Where a value comes from, as the arguments `$where` (`same`: a line of the
/// file of the finding; `other`: a line of `$file`; `default`: the kernel
/// default), `$line` and `$file` of a message.
pub(crate) struct Place {
    pub kind: &'static str,
    pub line: usize,
    pub file: String,
}

impl Place {
    pub const DEFAULT: Place = Place {
        kind: "default",
        line: 0,
        file: String::new(),
    };

    /// The line of `s` in `file`, seen from a finding in `here`.
    pub fn of(
        cx: &crate::lint::Context<'_>,
        here: usize,
        file: usize,
        s: &crate::lint::Setting,
    ) -> Place {
        let data = cx.file(file);
        let line = data.line(s).number();
        if file == here {
            Place {
                kind: "same",
                line,
                file: String::new(),
            }
        } else {
            Place {
                kind: "other",
                line,
                file: data.source.name.to_string(),
            }
        }
    }
}

/// User text for a headline, clipped to `max` columns.
pub(super) fn clip(s: &str, max: usize) -> String {
    text::clip(s, max).into_owned()
}

/// The last component of a key (`tcp_max_tw_buckets`), the name a headline uses.
pub(crate) fn last(key: &str) -> &str {
    key.rsplit(['.', '/']).next().unwrap_or(key)
}

/// The name a headline uses for a key that may be per interface: the interface
/// and the last component (`eth1.rp_filter`) for `conf` and `neigh` keys, else
/// the last component.
pub(crate) fn short_key(key: &str) -> String {
    let parts: Vec<&str> = key.split(['.', '/']).collect();
    match parts.iter().position(|p| *p == "conf" || *p == "neigh") {
        Some(i) if parts.len() == i + 3 => format!("{}.{}", parts[i + 1], parts[i + 2]),
        _ => last(key).to_owned(),
    }
}

/// For rule tests: the headline and the note of each finding of `code`, as one text.
#[cfg(test)]
pub(crate) fn texts(code: &str, text: &str, kernel: &str) -> Vec<String> {
    let options = crate::Options {
        kernel: crate::KernelVersion::parse_lenient(kernel).expect("test kernel"),
        ..crate::Options::default()
    };
    let (_, diags) = crate::lint_source("t.conf", text.as_bytes(), &options);
    diags
        .into_iter()
        .filter(|d| d.code == code)
        .map(|d| format!("{} {}", d.message, d.note.unwrap_or_default()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_by_clipping_the_user_text() {
        let long = "x".repeat(200);
        let m = fit("SL401", &long, |k| format!("`{k}` is set again"));
        assert_eq!(prefix("SL401") + text::width(&m), MAX);
        assert!(m.ends_with("…` is set again"));
        assert_eq!(fit("SL401", "k", |k| format!("`{k}`")), "`k`");
        assert_eq!(short_key("net.ipv4.conf.eth1.rp_filter"), "eth1.rp_filter");
        assert_eq!(short_key("net.ipv4.tcp_syncookies"), "tcp_syncookies");
    }

    #[test]
    fn fit_list_joins_then_clips() {
        let devs: Vec<String> = (0..40).map(|i| format!("`eth{i}`")).collect();
        let args = [("name", Arg::Str("send_redirects"))];
        let t = fit_list("SL531", "sl531-headline-still-on", &devs[..2], &args);
        assert_eq!(
            t.en,
            "`all.send_redirects = 0` leaves it on for `eth0`, `eth1`"
        );
        let t = fit_list("SL531", "sl531-headline-still-on", &devs, &args);
        assert!(fits("SL531", &t.en), "{}", t.en);
        assert!(t.en.ends_with('…'), "{}", t.en);
    }
}
