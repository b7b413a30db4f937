//! SL307 documented-advice: a value the kernel accepts but its documentation
//! advises against, quoted (rules/advice.tsv: `tcp_retries2` below the RFC 1122
//! minimum, `vfs_cache_pressure = 0`, `tcp_window_scaling = 0` beside large
//! buffers, ...).

use crate::diagnostic::Diagnostic;
use crate::knowledge::{self, Advice, Op, Threshold};
use crate::lint::LineContext;
use crate::units::format_bytes;
use crate::value;

use super::sl505_low_tw_buckets::{default_for, FLOOR};
use super::values::clip;
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
        let (hit, what) = match &advice.op {
            Op::Below(t) => match number {
                Some(v) if v < limit(t) => (true, format!("below {}", shown(t, memory))),
                _ => (false, String::new()),
            },
            Op::Above(t) => match number {
                Some(v) if v > limit(t) => (true, format!("above {}", shown(t, memory))),
                _ => (false, String::new()),
            },
            Op::Is(v) => (
                number.map_or(body == v, |n| v.parse::<i128>() == Ok(n)),
                String::new(),
            ),
            Op::In(list) => (list.iter().any(|v| v == body), String::new()),
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
        let is = if what.is_empty() {
            String::new()
        } else {
            format!(" ({what})")
        };
        let default = if info.default.is_empty() {
            "the kernel default".to_owned()
        } else {
            format!("the kernel default, `{}`", info.default)
        };
        out.push(
            s.diag(
                "SL307",
                cx.file_index,
                span,
                format!(
                    "`{} = {}`: {}",
                    clip(short, 16),
                    clip(body, 8),
                    advice.headline
                ),
            )
            .note(format!(
                "`{short} = {body}`{is}{beside}: {}. The kernel documentation: \"{}\"",
                advice.effect, advice.quote
            ))
            .help(match &advice.op {
                Op::Below(t) => format!(
                    "use at least {}, or delete the line to keep {default}",
                    limit(t)
                ),
                Op::Above(t) => format!(
                    "use at most {}, or delete the line to keep {default}",
                    limit(t)
                ),
                _ => format!("delete the line to keep {default}"),
            }),
        );
    }
}

/// How a threshold reads in a message.
fn shown(t: &Threshold, memory: Option<u64>) -> String {
    match (t, memory) {
        (Threshold::Value(v), _) => v.to_string(),
        (Threshold::TcpEhashHalf, Some(m)) => format!(
            "{}, the kernel's own value for {} of memory",
            FLOOR.min(default_for(m)),
            format_bytes(u128::from(m))
        ),
        (Threshold::TcpEhashHalf, None) => {
            format!("{FLOOR}, what the kernel sizes it to on an 8 GiB host (131072 on 24 GiB)")
        }
    }
}

/// `Some("")` when the advice has no condition, `Some(", beside ...")` when one
/// of its conditions holds in the configuration, `None` otherwise.
fn condition(cx: &LineContext<'_>, advice: &Advice) -> Option<String> {
    if advice.when.is_empty() {
        return Some(String::new());
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
            let place = if file == cx.file_index {
                format!("line {line}")
            } else {
                format!("{}:{line}", f.source.name)
            };
            let which = if c.index > 0 {
                format!("`{}` (its value {}) = {v}", c.key, c.index + 1)
            } else {
                format!("`{}` = {v}", c.key)
            };
            return Some(format!(", beside {which} on {place}"));
        }
    }
    None
}
