//! SL308 lower-above-upper: of two keys where one is meant to stay at or below the
//! other (a default and its maximum, a minimum and its maximum, the neighbour
//! table's thresholds), the lower one ends up above the upper one. The kernel
//! checks neither write (rules/relations.tsv, kind `le`).

use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::Kind;
use crate::lint::Context;

use super::relations::{groups, short};
use super::values::{clip, fit};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL308",
    check: Check::Config(check),
    supersedes: &[],
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for g in groups(cx, Kind::Le) {
        let (Some(va), wa) = g.last(true) else {
            continue;
        };
        let (Some(vb), wb) = g.last(false) else {
            continue;
        };
        let scale = g.rel.scale;
        if va <= vb.saturating_mul(scale) || g.rel.values.contains(&va) {
            continue;
        }
        // The later of the two writes makes the pair inconsistent.
        let Some(at) = g.writes.last() else { continue };
        let (a, b) = (short(g.rel.a), short(g.rel.b));
        let side = |w: Option<&super::relations::Write<'_>>, v: i128| match w {
            Some(_) => format!("{v}"),
            None => format!("{v}, the kernel default"),
        };
        let upper = if scale == 1 {
            side(wb, vb)
        } else {
            format!(
                "{} x {scale} = {}",
                side(wb, vb),
                crate::units::format_bytes(vb.saturating_mul(scale).max(0) as u128)
            )
        };
        let other = if at.is_a { wb } else { wa };
        let mut d = at
            .setting
            .diag(
                "SL308",
                at.file,
                at.setting.span(),
                fit(
                    Severity::Warning,
                    "SL308",
                    format!("`{a} = {va}` exceeds `{b} = {vb}`; the kernel keeps both"),
                    format!(
                        "`{}` exceeds `{}`; the kernel keeps both",
                        clip(a, 16),
                        clip(b, 16)
                    ),
                ),
            )
            .note(format!(
                "`{a}` ({}) is above `{b}` ({upper}): {}; the kernel accepts both writes without comparing them.",
                side(wa, va),
                g.rel.effect
            ))
            .help(format!("keep `{a}` at or below `{b}`: raise `{b}` or lower `{a}`"));
        if let Some(o) = other {
            d = d.label(
                o.file,
                o.setting.span(),
                format!("`{}` = {} here", if o.is_a { a } else { b }, o.value),
            );
        }
        out.push(d);
    }
}
