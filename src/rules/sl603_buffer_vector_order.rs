//! SL603 buffer-vector-order: `tcp_rmem` or `tcp_wmem` whose three byte sizes
//! (min, default, max) are not in ascending order.

use crate::diagnostic::Diagnostic;
use crate::lint::{LineContext, Setting};
use crate::msg;
use crate::units::format_bytes;
use crate::value::{self, Tokens};

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL603",
    check: Check::Line(check),
    supersedes: &[],
};

/// The per-socket buffer vectors (bytes: min, default, max) and the buffer each sizes.
pub(super) const BUFFER_KEYS: &[(&str, &str)] = &[
    ("net.ipv4.tcp_rmem", "receive"),
    ("net.ipv4.tcp_wmem", "send"),
];

/// The values a `tcp_rmem`/`tcp_wmem` line writes (one to three) and their tokens.
pub(super) fn buffer_vector(s: &Setting) -> Option<(&'static str, Vec<i128>, Tokens<'_>)> {
    let info = s.info()?;
    let (_, buffer) = BUFFER_KEYS.iter().find(|(k, _)| *k == info.key)?;
    let numbers = s.numbers()?;
    let tokens = value::tokens(s.body(), s.body_span().start);
    Some((buffer, numbers, tokens))
}

/// `65536 bytes = 64 KiB`.
pub(super) fn bytes(n: i128) -> String {
    if n >= 1024 {
        format!("{n} bytes = {}", format_bytes(n.max(0) as u128))
    } else {
        format!("{n} bytes")
    }
}

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some((buffer, v, tokens)) = buffer_vector(s) else {
        return;
    };
    if v.len() != 3 {
        return; // a short vector keeps the current values for the rest
    }
    let key = s.dotted_key().unwrap_or_default();
    let (min, default, max) = (v[0], v[1], v[2]);
    let name = key.rsplit('.').next().unwrap_or(&key);
    let (index, headline, note) = if min > default {
        (
            0,
            msg!("sl603-headline-min", name = name),
            msg!(
                "sl603-note-min",
                key = &key,
                min = &bytes(min),
                default = &bytes(default),
                buffer = buffer,
                default_bytes = &default.to_string()
            ),
        )
    } else if default > max {
        (
            1,
            msg!("sl603-headline-max", name = name),
            msg!(
                "sl603-note-max",
                key = &key,
                default = &bytes(default),
                max = &bytes(max),
                buffer = buffer,
                default_bytes = &default.to_string(),
                max_bytes = &max.to_string()
            ),
        )
    } else {
        return;
    };
    out.push(
        s.diag("SL603", cx.file_index, tokens[index].span.clone(), headline)
            .note(note)
            .help(msg!(
                "sl603-help",
                kernel_default = s.info().map_or("", |i| i.default)
            )),
    );
}
