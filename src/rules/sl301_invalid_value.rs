//! SL301 invalid-value: a value the kernel cannot parse for the key's type.

use crate::catalog::ValueType;
use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::value::{self, IntError};

use super::values::{clip, is_quoted, numeric};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL301",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let key = s.key_name();
    if let Some(n) = numeric(s) {
        let unsigned = n.info.ty == ValueType::UInt;
        for t in n.tokens.iter().take(n.arity) {
            let problem = match value::parse_int(t.text) {
                Ok(v) if unsigned && v < 0 => IntError::Negative,
                Ok(_) => continue,
                Err(e) => e,
            };
            let shown = clip(t.text, 20);
            let (headline, what) = match problem {
                IntError::NotANumber => (
                    format!("`{shown}` is not an integer: the kernel rejects the write"),
                    format!("`{}` is not an integer", value::elide(t.text, 64)),
                ),
                IntError::Negative => (
                    format!("`{shown}` is negative: the kernel rejects it for this unsigned key"),
                    format!("`{}` is negative but `{key}` is unsigned", t.text),
                ),
                IntError::Overflow => (
                    format!("`{shown}` is too large: the kernel rejects the write"),
                    format!(
                        "`{}` is too large for the kernel's integer",
                        value::elide(t.text, 64)
                    ),
                ),
            };
            let ty = n.info.ty.name();
            let article = if ty.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            out.push(
                s.diag("SL301", cx.file_index, t.span.clone(), headline)
                    .note(format!("{what}: the kernel rejects the write to `{key}` (EINVAL) and keeps the old value."))
                    .help(format!("`{key}` takes {article} {ty}; write decimal digits (hex `0x..` is also accepted)")),
            );
            return;
        }
        return;
    }
    if s.info().is_some_and(|i| i.ty == ValueType::PortList)
        && !s.body().is_empty()
        && !is_quoted(s.body())
    {
        if let Some(bad) = bad_port_list_item(s.body()) {
            out.push(
                s.diag(
                    "SL301",
                    cx.file_index,
                    s.body_span(),
                    format!(
                        "`{}` is not a port or port range: the whole list is rejected",
                        clip(bad, 14)
                    ),
                )
                .note(format!(
                    "`{}` is not a port or a port range: the kernel rejects the whole list for `{key}` (EINVAL).",
                    value::elide(bad, 64)
                ))
                .help("write ports and ranges separated by commas, e.g. `8080,9000-9100`"),
            );
        }
    }
}

/// The first item of a comma list that is not `PORT` or `LOW-HIGH`.
fn bad_port_list_item(body: &str) -> Option<&str> {
    // A trailing comma is accepted by the kernel (measured on 6.18, see SL514).
    body.strip_suffix(',')
        .unwrap_or(body)
        .split(',')
        .map(str::trim)
        .find(|item| {
            let ok = |p: &str| value::parse_int(p).is_ok_and(|v| v >= 0);
            match item.split_once('-') {
                Some((a, b)) => !(ok(a) && ok(b)),
                None => !ok(item),
            }
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn port_lists() {
        assert_eq!(super::bad_port_list_item("8080,9000-9100"), None);
        assert_eq!(super::bad_port_list_item("8080;9000"), Some("8080;9000"));
        assert_eq!(super::bad_port_list_item("80,,81"), Some(""));
    }
}
