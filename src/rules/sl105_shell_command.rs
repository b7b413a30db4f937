//! SL105 shell-command: a pasted `sysctl -w key=value` or `echo V > /proc/sys/...`.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::syntax::LineKind;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL105",
    check: Check::Line(check),
    supersedes: &[
        "SL101", "SL103", "SL104", "SL111", "SL112", "SL113", "SL201", "SL301", "SL302", "SL303",
        "SL304", "SL305",
    ],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    if matches!(cx.line.kind, LineKind::Blank | LineKind::Comment(_)) {
        return;
    }
    let start = cx.line.text_start();
    let text = cx.text(start..cx.line.content().end).trim_end();
    let Some(fixed) = rewrite(text) else { return };
    let mut d = Diagnostic::new(
        "SL105",
        cx.file_index,
        start..start + text.len(),
        crate::msg!(
            "sl105-headline",
            command = &super::values::clip(
                text.split_whitespace().find(|w| *w != "sudo").unwrap_or(""),
                20
            )
        ),
    )
    .note(crate::msg!("sl105-note"));
    d = match fixed {
        Some(line) => {
            let d = d.help(crate::msg!("sl105-help-setting", line = &line));
            // The fix only when no shell syntax (quotes, `$`, pipes) is left to guess.
            if line.contains(['"', '\'', '$', '`', ';', '|', '&', '\\']) {
                d
            } else {
                d.edit(start..start + text.len(), line)
            }
        }
        None => d.help(crate::msg!("sl105-help")),
    };
    out.push(d);
}

/// `Some(Some(line))` for a command that sets one key, `Some(None)` for another
/// sysctl command, `None` if the text is not a shell command.
fn rewrite(text: &str) -> Option<Option<String>> {
    let mut w = text.split_whitespace().peekable();
    w.next_if_eq(&"sudo");
    let cmd = w.next()?;
    if cmd == "sysctl" || cmd.ends_with("/sysctl") {
        let args: Vec<&str> = w.filter(|a| !a.starts_with('-')).collect();
        return Some(match args.as_slice() {
            [kv] => kv.split_once('=').map(|(k, v)| format!("{k} = {v}")),
            _ => None,
        });
    }
    if cmd == "echo" && text.contains("/proc/sys/") {
        let (lhs, path) = text.split_once('>')?;
        let value = lhs.trim_start().strip_prefix("echo")?.trim();
        let value = value.trim_matches(|c| c == '"' || c == '\'');
        let key = path.trim().strip_prefix("/proc/sys/")?.replace('/', ".");
        return Some(Some(format!("{key} = {value}")));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn rewrites() {
        assert_eq!(
            rewrite("sysctl -w net.ipv4.ip_forward=1"),
            Some(Some("net.ipv4.ip_forward = 1".into()))
        );
        assert_eq!(
            rewrite("echo 1 > /proc/sys/net/ipv4/ip_forward"),
            Some(Some("net.ipv4.ip_forward = 1".into()))
        );
        assert_eq!(rewrite("sysctl -p"), Some(None));
        assert_eq!(rewrite("net.ipv4.ip_forward = 1"), None);
    }
}
