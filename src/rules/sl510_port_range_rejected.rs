//! SL510 port-range-rejected: an `ip_local_port_range` write the kernel refuses
//! (low end above high end, or low end below `ip_unprivileged_port_start`), and an
//! `ip_unprivileged_port_start` write refused because it would reach into the range.
//!
//! Also the replay of the port-range writes that SL511-SL513 share: every
//! assignment of the two keys in application order, starting from the kernel's
//! defaults, keeping the old value whenever the kernel rejects a write
//! (reference/kernel-write-behaviour.md rows ip_local_port_range).

use std::ops::Range;

use crate::catalog;
use crate::diagnostic::Diagnostic;
use crate::key::Key;
use crate::lint::{Context, Setting};
use crate::value;
use crate::version::KernelVersion;
use crate::{msg, tr};

use super::headline::Place;
use super::values::numeric;
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL510",
    check: Check::Config(check),
    supersedes: &[],
};

pub(super) const RANGE_KEY: &str = "net.ipv4.ip_local_port_range";
const UNPRIV_KEY: &str = "net.ipv4.ip_unprivileged_port_start";

/// The kernel's default range: 32768 60999 from 4.2 (`net/ipv4/af_inet.c`: 61000 in
/// 4.1.19, 60999 in a 4.2.8 tree and in 4.4.60), with the same-parity warning of
/// `ipv4_local_port_range()` and the even start of `__inet_hash_connect()`.
pub(super) const DEFAULT_RANGE: (i128, i128) = (32768, 60999);
const OLD_DEFAULT_RANGE: (i128, i128) = (32768, 61000);
/// The first series whose kernel defaults to 60999 and warns about ends of the same parity.
pub(super) const PARITY_SINCE: (u64, u64) = (4, 2);
/// `ip_unprivileged_port_start` exists (and bounds the range) since 4.11.
const UNPRIV_SINCE: (u64, u64) = (4, 11);
const UNPRIV_DEFAULT: i128 = 1024;

pub(super) fn default_range(kernel: &KernelVersion) -> (i128, i128) {
    if kernel.series() >= PARITY_SINCE {
        DEFAULT_RANGE
    } else {
        OLD_DEFAULT_RANGE
    }
}

/// Where a value in force came from: an assignment, or the kernel default.
#[derive(Clone, Copy)]
pub(super) struct Origin<'a> {
    pub set_at: Option<(usize, &'a Setting)>,
}

impl Origin<'_> {
    const DEFAULT: Origin<'static> = Origin { set_at: None };

    /// Where the value was set, seen from a finding in `here`.
    pub fn place(&self, cx: &Context<'_>, here: usize) -> Place {
        match self.set_at {
            None => Place::DEFAULT,
            Some((f, s)) => Place::of(cx, here, f, s),
        }
    }
}

/// Why the kernel refused a range write that this rule reports.
#[derive(Clone, Copy)]
pub(super) enum Refusal<'a> {
    /// high < low.
    Reversed,
    /// low < ip_unprivileged_port_start.
    BelowUnprivileged { start: i128, origin: Origin<'a> },
}

pub(super) enum Outcome<'a> {
    Accepted,
    Refused(Refusal<'a>),
    /// Rejected or unreadable for a reason another rule reports (SL301, SL302,
    /// SL305, SL103, SL106): the old range stays.
    Other,
}

/// One assignment of `ip_local_port_range`, replayed.
pub(super) struct RangeWrite<'a> {
    pub file: usize,
    pub setting: &'a Setting,
    /// The range the write asks for (an end it does not write keeps its old value).
    pub low: i128,
    pub high: i128,
    pub low_span: Option<Range<usize>>,
    pub high_span: Option<Range<usize>>,
    /// The range in force before the write, and where it came from.
    pub before: (i128, i128),
    pub before_origin: Origin<'a>,
    pub outcome: Outcome<'a>,
}

/// One assignment of `ip_unprivileged_port_start` the kernel refuses because the
/// range in force starts below it.
struct UnprivRefused<'a> {
    file: usize,
    setting: &'a Setting,
    value: i128,
    span: Range<usize>,
    range: (i128, i128),
    range_origin: Origin<'a>,
    kept: i128,
}

struct Replay<'a> {
    ranges: Vec<RangeWrite<'a>>,
    unpriv_refused: Vec<UnprivRefused<'a>>,
}

/// The integers of a range write with their spans, if the kernel reads them as
/// numbers in 1..=65535 and nothing else (a comment, quotes) spoils the write.
fn range_numbers(s: &Setting, kernel: &KernelVersion) -> Option<Vec<(i128, Range<usize>)>> {
    let n = numeric(s)?;
    // The bounds SL302 checks (the kernel's own min/max, 1..=65535).
    let (min, max, _, _) = catalog::range_on(n.info, kernel);
    let (min, max) = (min.unwrap_or(1), max.unwrap_or(65535));
    if let Some(c) = &s.comment() {
        // A glued comment or a comment where a number should stand: SL305.
        if c.glued || n.tokens.len() < n.arity {
            return None;
        }
    }
    let mut out = Vec::new();
    for t in n.tokens.iter().take(n.arity) {
        let v = value::parse_int(t.text).ok()?; // SL301
        if v < min || v > max || !(1..=65535).contains(&v) {
            return None; // SL302
        }
        out.push((v, t.span.clone()));
    }
    (!out.is_empty()).then_some(out)
}

/// The single integer of an `ip_unprivileged_port_start` write, if the kernel
/// reads it and it is within 0..=65535.
fn unpriv_number(s: &Setting) -> Option<(i128, Range<usize>)> {
    let n = numeric(s)?;
    if s.comment().is_some_and(|c| c.glued) {
        return None;
    }
    let t = n.tokens.first()?;
    let v = value::parse_int(t.text).ok()?;
    (0..=65535).contains(&v).then(|| (v, t.span.clone()))
}

fn is_key(s: &Setting, path: &str) -> bool {
    s.key.as_ref().is_some_and(|k| !k.glob && k.path() == path)
}

fn replay<'a>(cx: &Context<'a>) -> Replay<'a> {
    let range_path = Key::parse(RANGE_KEY).path().to_owned();
    let unpriv_path = Key::parse(UNPRIV_KEY).path().to_owned();
    let has_unpriv = cx.options.kernel.series() >= UNPRIV_SINCE;
    let mut range = default_range(&cx.options.kernel);
    let mut range_origin = Origin::DEFAULT;
    let mut unpriv = if has_unpriv { UNPRIV_DEFAULT } else { 1 };
    let mut unpriv_origin = Origin::DEFAULT;
    let mut out = Replay {
        ranges: Vec::new(),
        unpriv_refused: Vec::new(),
    };
    for (file, s) in cx.settings() {
        if has_unpriv && is_key(s, &unpriv_path) {
            let Some((v, span)) = unpriv_number(s) else {
                continue;
            };
            if v <= range.0 {
                unpriv = v;
                unpriv_origin = Origin {
                    set_at: Some((file, s)),
                };
            } else {
                out.unpriv_refused.push(UnprivRefused {
                    file,
                    setting: s,
                    value: v,
                    span,
                    range,
                    range_origin,
                    kept: unpriv,
                });
            }
            continue;
        }
        if !is_key(s, &range_path) {
            continue;
        }
        let before = range;
        let before_origin = range_origin;
        let Some(nums) = range_numbers(s, &cx.options.kernel) else {
            out.ranges.push(RangeWrite {
                file,
                setting: s,
                low: before.0,
                high: before.1,
                low_span: None,
                high_span: None,
                before,
                before_origin,
                outcome: Outcome::Other,
            });
            continue;
        };
        let (low, low_span) = nums[0].clone();
        let (high, high_span) = nums
            .get(1)
            .map_or((before.1, None), |(v, sp)| (*v, Some(sp.clone())));
        let outcome = if high < low {
            Outcome::Refused(Refusal::Reversed)
        } else if low < unpriv {
            Outcome::Refused(Refusal::BelowUnprivileged {
                start: unpriv,
                origin: unpriv_origin,
            })
        } else {
            range = (low, high);
            range_origin = Origin {
                set_at: Some((file, s)),
            };
            Outcome::Accepted
        };
        out.ranges.push(RangeWrite {
            file,
            setting: s,
            low,
            high,
            low_span: Some(low_span),
            high_span,
            before,
            before_origin,
            outcome,
        });
    }
    out
}

/// Every assignment of `ip_local_port_range`, replayed in application order.
pub(super) fn range_writes<'a>(cx: &Context<'a>) -> Vec<RangeWrite<'a>> {
    replay(cx).ranges
}

/// The range the configuration leaves in force, with the assignment that set it:
/// `None` when the key is not set, or when its last assignment does not apply
/// (SL510 or another rule reports that line; an earlier value is not judged again).
pub(super) fn in_force<'a>(cx: &Context<'a>) -> Option<RangeWrite<'a>> {
    let last = range_writes(cx).pop()?;
    matches!(last.outcome, Outcome::Accepted).then_some(last)
}

fn describe_range(r: (i128, i128)) -> String {
    format!("{}-{}", r.0, r.1)
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let replay = replay(cx);
    for w in &replay.ranges {
        let Outcome::Refused(refusal) = w.outcome else {
            continue;
        };
        let s = w.setting;
        let before = describe_range(w.before);
        let kept = w.before_origin.place(cx, w.file);
        let (low, high) = (w.low.to_string(), w.high.to_string());
        let low_span = w.low_span.clone().unwrap_or(s.body_span());
        let d = match refusal {
            Refusal::Reversed => {
                let span = w.high_span.clone().unwrap_or(low_span.clone());
                let note_id = if w.high_span.is_some() {
                    "sl510-note-reversed"
                } else {
                    "sl510-note-reversed-low-only"
                };
                let mut d = s
                    .diag(
                        "SL510",
                        w.file,
                        span,
                        msg!("sl510-headline-reversed", low = &low, high = &high),
                    )
                    .note(msg!(
                        note_id,
                        high = &high,
                        low = &low,
                        before = &before,
                        where = kept.kind,
                        line = kept.line,
                        file = &kept.file
                    ))
                    .help(if w.high_span.is_some() {
                        msg!("sl510-help-reversed", high = &high, low = &low)
                    } else {
                        msg!("sl510-help-reversed-low-only", low = &low)
                    });
                if let Some(high_span) = &w.high_span {
                    // Unsafe fix: swap the two ends as written.
                    let text = |sp: &Range<usize>| cx.file(w.file).text(sp.clone()).to_owned();
                    d = d
                        .unsafe_edit(low_span.clone(), text(high_span))
                        .unsafe_edit(high_span.clone(), text(&low_span))
                        .label(w.file, low_span, tr!("sl510-label-low"));
                }
                d
            }
            Refusal::BelowUnprivileged { start, origin } => {
                let has_unpriv = cx.options.kernel.series() >= UNPRIV_SINCE;
                let start_text = start.to_string();
                let note = if has_unpriv {
                    let u = origin.place(cx, w.file);
                    msg!(
                        "sl510-note-below-unprivileged",
                        low = &low,
                        start = &start_text,
                        uwhere = u.kind,
                        uline = u.line,
                        ufile = &u.file,
                        before = &before,
                        where = kept.kind,
                        line = kept.line,
                        file = &kept.file
                    )
                } else {
                    msg!(
                        "sl510-note-below",
                        low = &low,
                        start = &start_text,
                        before = &before,
                        where = kept.kind,
                        line = kept.line,
                        file = &kept.file
                    )
                };
                let mut d = s
                    .diag(
                        "SL510",
                        w.file,
                        low_span.clone(),
                        msg!("sl510-headline-below", low = &low, start = &start_text),
                    )
                    .note(note);
                if let Some((f, u)) = origin.set_at {
                    d = d.label(
                        f,
                        u.span(),
                        tr!("sl510-label-unprivileged", start = &start_text),
                    );
                }
                // A later ip_unprivileged_port_start that would have allowed it
                // comes too late: the writes happen in file order.
                let later = cx.assignments(UNPRIV_KEY).into_iter().find(|(f, u)| {
                    (*f, u.line()) > (w.file, s.line())
                        && unpriv_number(u).is_some_and(|(v, _)| v <= w.low)
                });
                match later {
                    Some((f, u)) if has_unpriv => {
                        let at = Place::of(cx, w.file, f, u);
                        d = d.label(f, u.span(), tr!("sl510-label-too-late")).help(msg!(
                            "sl510-help-move",
                            key = u.key_text().unwrap_or(UNPRIV_KEY),
                            value = u.value_text(),
                            where = at.kind,
                            line = at.line,
                            file = &at.file,
                            start = &start_text
                        ));
                    }
                    _ => {
                        d = d.help(msg!(
                            "sl510-help-start",
                            start = &start_text,
                            high = &w.high.max(start).to_string()
                        ));
                    }
                }
                d
            }
        };
        out.push(d);
    }
    for u in &replay.unpriv_refused {
        let (value, low) = (u.value.to_string(), u.range.0.to_string());
        let at = u.range_origin.place(cx, u.file);
        let mut d = u
            .setting
            .diag(
                "SL510",
                u.file,
                u.span.clone(),
                msg!("sl510-headline-unprivileged", value = &value, low = &low),
            )
            .note(msg!(
                "sl510-note-unprivileged",
                value = &value,
                low = &low,
                where = at.kind,
                line = at.line,
                file = &at.file,
                kept = &u.kept.to_string()
            ))
            .help(msg!("sl510-help-unprivileged", low = &low, value = &value));
        if let Some((f, r)) = u.range_origin.set_at {
            d = d.label(f, r.body_span(), tr!("sl510-label-range"));
        }
        out.push(d);
    }
}
