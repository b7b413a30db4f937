//! SL604 buffer-below-minimum: a `tcp_rmem` or `tcp_wmem` value below 4096 bytes,
//! the floor ip-sysctl.rst gives ("Each of the three values cannot be set below
//! 4096"), which the kernel does not enforce (measured on 6.18: values from 1 to 4095 accepted).
//! Zero and negative values are rejected by the kernel (`extra1 = 1`): that is a
//! range error for the catalogue and SL302, not this rule; so is any value below a
//! minimum the catalogue marks as enforced for the target kernel.

use crate::catalog;
use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::msg;

use super::sl603_buffer_vector_order::{buffer_vector, bytes};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL604",
    check: Check::Line(check),
    supersedes: &[],
};

/// The documented floor of each `tcp_rmem` value (one page).
pub(super) const FLOOR: i128 = 4096;

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some((buffer, v, tokens)) = buffer_vector(s) else {
        return;
    };
    let key = s.dotted_key().unwrap_or_default();
    // A floor the catalogue marks as enforced for the target kernel is a rejected
    // write: SL302 reports it (as an error), so it is not reported twice here.
    let info = s.info().expect("buffer_vector checked the key");
    let (min, _, enforced, _) = catalog::range_on(info, &cx.cx.options.kernel);
    let rejected = |n: i128| enforced && min.is_some_and(|m| n < m);
    let Some(index) = v
        .iter()
        .position(|&n| (1..FLOOR).contains(&n) && !rejected(n))
    else {
        return;
    };
    let n = v[index];
    let value = n.to_string();
    out.push(
        s.diag(
            "SL604",
            cx.file_index,
            tokens[index].span.clone(),
            msg!(
                "sl604-headline",
                name = key.rsplit('.').next().unwrap_or(&key),
                index = index,
                value = &value
            ),
        )
        .note(msg!(
            "sl604-note",
            key = &key,
            index = index,
            bytes = &bytes(n),
            buffer = buffer,
            value = &value
        ))
        .help(msg!(
            "sl604-help",
            key = &key,
            kernel_default = s.info().map_or("", |i| i.default)
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::super::sl601_mem_vector_order::tests::found;
    use crate::Options;

    #[test]
    fn floor() {
        let text = "net.ipv4.tcp_wmem = 1024 16384 4194304\n\
                    net.ipv4.tcp_wmem = 4096 2048 4194304\n\
                    net.ipv4.tcp_wmem = 4096 16384 4095\n\
                    net.ipv4.tcp_wmem = 4096 16384 4194304\n\
                    net.ipv4.tcp_wmem = 0 16384 4194304\n\
                    net.ipv4.tcp_wmem = 2048\n";
        assert_eq!(
            found("SL604", text, &Options::default()),
            vec![
                (1, "1024".into()),
                (2, "2048".into()),
                (3, "4095".into()),
                (6, "2048".into()),
            ]
        );
    }

    #[test]
    fn never_together_with_sl302() {
        let text = "net.ipv4.tcp_rmem = 1024 131072 6291456\n\
                    net.ipv4.tcp_wmem = 0 16384 4194304\n\
                    net.ipv4.tcp_rmem = 0 131072 6291456\n";
        let o = Options::default();
        let sl302 = found("SL302", text, &o);
        for f in found("SL604", text, &o) {
            assert!(!sl302.contains(&f), "{f:?} reported twice");
        }
    }
}
