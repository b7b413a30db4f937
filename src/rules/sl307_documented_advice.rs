//! SL307 documented-advice: a value the kernel accepts but its documentation
//! advises against, quoted (rules/advice.tsv: `tcp_retries2` below the RFC 1122
//! minimum, `vfs_cache_pressure = 0`, `tcp_window_scaling = 0` beside large
//! buffers, ...).

use crate::diagnostic::Diagnostic;
use crate::i18n::{tr_in, Lang};
use crate::knowledge::{self, Advice, Op, Threshold};
use crate::lint::LineContext;
use crate::units::format_bytes;
use crate::value;

use super::sl505_low_tw_buckets::{default_for, FLOOR};
use super::values::{by_lang, clip};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL307",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(info) = s.info() else { return };
    if !knowledge::advice_entries().contains(info.path) {
        return;
    }
    let Some(key) = s.key.as_ref().filter(|k| !k.glob) else {
        return;
    };
    let target = &cx.cx.options.kernel;
    for advice in knowledge::advice() {
        if !knowledge::matches(&advice.path, info, key) || !advice.window.holds_on(target) {
            continue;
        }
        let body = s.body();
        let number = s.numbers().and_then(|n| n.first().copied());
        let memory = cx.cx.options.memory;
        let limit = |t: &Threshold| match t {
            Threshold::Value(v) => *v,
            Threshold::TcpEhashHalf => memory.map_or(FLOOR, |m| FLOOR.min(default_for(m))),
        };
        let (hit, op, threshold) = match &advice.op {
            Op::Below(t) => (number.is_some_and(|v| v < limit(t)), "below", Some(t)),
            Op::Above(t) => (number.is_some_and(|v| v > limit(t)), "above", Some(t)),
            Op::Is(v) => (
                number.map_or(body == v, |n| v.parse::<i128>() == Ok(n)),
                "none",
                None,
            ),
            Op::In(list) => (list.iter().any(|v| v == body), "none", None),
        };
        if !hit {
            continue;
        }
        let Some(beside) = condition(cx, advice) else {
            continue;
        };
        let span = value::tokens(body, s.body_span().start)
            .first()
            .map_or(s.body_span(), |t| t.span.clone());
        let short = advice.key.rsplit('.').next().unwrap_or(advice.key);
        let default = if info.default.is_empty() {
            "none"
        } else {
            info.default
        };
        // The threshold as the note shows it.
        let limit_value = threshold.map(|t| limit(t).to_string()).unwrap_or_default();
        let limit_kind = match (threshold, memory) {
            (Some(Threshold::TcpEhashHalf), Some(_)) => "memory",
            (Some(Threshold::TcpEhashHalf), None) => "default-host",
            _ => "value",
        };
        let memory_text = memory
            .map(|m| format_bytes(u128::from(m)))
            .unwrap_or_default();
        let (beside_id, other, index, other_value, file, line) = match &beside {
            Some(b) => (
                "yes",
                b.key,
                b.index,
                b.value.to_string(),
                b.file.clone().unwrap_or_else(|| "none".to_owned()),
                b.line.to_string(),
            ),
            None => ("none", "", 0, String::new(), String::new(), String::new()),
        };
        let name = clip(short, 16);
        let value = clip(body, 8);
        let message = by_lang(|lang| {
            let words = words(lang, advice, "headline");
            tr_in(
                lang,
                "sl307-headline",
                &[
                    ("name", name.as_str().into()),
                    ("value", value.as_str().into()),
                    ("headline", words.as_str().into()),
                ],
            )
        });
        let note = by_lang(|lang| {
            let effect = words(lang, advice, "effect");
            tr_in(
                lang,
                "sl307-note",
                &[
                    ("name", short.into()),
                    ("value", body.into()),
                    ("op", op.into()),
                    ("limit_kind", limit_kind.into()),
                    ("limit", limit_value.as_str().into()),
                    ("memory", memory_text.as_str().into()),
                    ("beside", beside_id.into()),
                    ("other", other.into()),
                    ("index", index.into()),
                    ("other_value", other_value.as_str().into()),
                    ("file", file.as_str().into()),
                    ("line", line.as_str().into()),
                    ("effect", effect.as_str().into()),
                    ("quote", advice.quote.into()),
                ],
            )
        });
        let help_id = match op {
            "below" => "sl307-help-below",
            "above" => "sl307-help-above",
            _ => "sl307-help",
        };
        out.push(
            s.diag("SL307", cx.file_index, span, message)
                .note(note)
                .help(crate::msg!(
                    help_id,
                    limit = &limit_value,
                    default = default
                )),
        );
    }
}

/// The Fluent id of a text of an advice (`part`: `headline` or `effect`):
/// `advice-<key>-<part>`, the key's dots as `-` and `<dev>` as `dev`
/// (`advice-net-ipv6-conf-dev-max_addresses-headline`).
fn advice_id(key: &str, part: &str) -> String {
    format!(
        "advice-{}-{part}",
        key.replace("<dev>", "dev").replace('.', "-")
    )
}

/// An advice's headline or effect in `lang`: the table's own words in English,
/// the Fluent message in another language.
fn words(lang: Lang, advice: &Advice, part: &str) -> String {
    match (lang, part) {
        (Lang::En, "headline") => advice.headline.to_owned(),
        (Lang::En, _) => advice.effect.to_owned(),
        _ => tr_in(lang, &advice_id(advice.key, part), &[]),
    }
}

/// Another key whose value makes an advice apply.
struct Beside {
    key: &'static str,
    /// Which of its values (1-based), 0 for a key of one value.
    index: usize,
    value: i128,
    /// The file, when not the finding's own.
    file: Option<String>,
    line: usize,
}

/// `Some(None)` when the advice has no condition, `Some(Some(beside))` when one
/// of its conditions holds in the configuration, `None` otherwise.
fn condition(cx: &LineContext<'_>, advice: &Advice) -> Option<Option<Beside>> {
    if advice.when.is_empty() {
        return Some(None);
    }
    for c in &advice.when {
        let Some(v) = cx
            .cx
            .last_numbers(c.key)
            .and_then(|n| n.get(c.index).copied())
        else {
            continue;
        };
        if v > c.above {
            let (file, setting) = cx.cx.last(c.key)?;
            let f = cx.cx.file(file);
            let line = f.line(setting).number();
            return Some(Some(Beside {
                key: c.key,
                index: if c.index > 0 { c.index + 1 } else { 0 },
                value: v,
                file: (file != cx.file_index).then(|| f.source.name.clone()),
                line,
            }));
        }
    }
    None
}

#[cfg(test)]
mod advice_ids {
    use crate::i18n::{tr_in, Lang};

    /// Every advice of rules/advice.tsv has its headline and effect in the Fluent
    /// files, the English ones the same as the table's.
    #[test]
    fn every_advice_has_its_messages() {
        for a in crate::knowledge::advice() {
            for (part, table) in [("headline", a.headline), ("effect", a.effect)] {
                let id = super::advice_id(a.key, part);
                assert_eq!(tr_in(Lang::En, &id, &[]), table, "{id}");
                let zh = tr_in(Lang::ZhCn, &id, &[]);
                assert!(zh != table && zh != id, "{id} has no Chinese");
            }
        }
    }
}
