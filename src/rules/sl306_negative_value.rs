//! SL306 negative-value: a negative number for a time, a count or a size that the
//! kernel stores because the key has no lower bound (`tcp_keepalive_intvl = -5`,
//! `tcp_fin_timeout = -3`, both measured).

use crate::catalog::{self, Access, Status, ValueType};
use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL306",
    check: Check::Line(check),
    // A negative value is also below any documented minimum: one finding.
    supersedes: &["SL307"],
};

/// Units of a duration and of an amount: a negative one means nothing.
const TIMES: &[&str] = &["seconds", "ms", "us", "jiffies"];
const AMOUNTS: &[&str] = &["count", "bytes", "kbytes", "pages", "packets"];

/// The lower bound of the widest integer a key can have: a range that starts
/// there is the C type's, not one the kernel chose.
const TYPE_MIN: i128 = i32::MIN as i128;

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(info) = s.info() else { return };
    if info.ty != ValueType::Int
        || info.access != Access::ReadWrite
        || matches!(info.status, Status::Removed | Status::Moved)
    {
        return;
    }
    let time = TIMES.contains(&info.unit);
    if !time && !AMOUNTS.contains(&info.unit) {
        return;
    }
    let (min, _, _, _) = catalog::range_on(info, &cx.cx.options.kernel);
    // A bound the kernel chose (`sched_rt_runtime_us`: -1 means no limit) is
    // SL302's business.
    if min.is_some_and(|m| m > TYPE_MIN) {
        return;
    }
    let Some(&v) = s.numbers().as_ref().and_then(|n| n.first()) else {
        return;
    };
    if v >= 0 {
        return;
    }
    let key = s.key_name().to_string();
    let short = info.key.rsplit('.').next().unwrap_or(info.key);
    let span = s.first_token_span();
    let kind = if time {
        "time"
    } else if info.unit == "count" {
        "count"
    } else {
        "size"
    };
    let default = if info.default.is_empty() {
        "none"
    } else {
        info.default
    };
    let value = v.to_string();
    out.push(
        s.diag(
            "SL306",
            cx.file_index,
            span,
            crate::msg!(
                "sl306-headline",
                name = &super::values::clip(short, 20),
                value = &super::values::clip(&value, 12),
                kind = kind
            ),
        )
        .note(crate::msg!(
            "sl306-note",
            name = short,
            value = &value,
            kind = kind,
            unit = info.unit,
            key = &key
        ))
        .help(crate::msg!("sl306-help", default = default)),
    );
}
