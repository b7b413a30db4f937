//! SL117 shell-script: the file is a shell script (a here-document that writes
//! the sysctl file, `sysctl -p`, `echo ... >`, a `#!` line), reported once for the
//! file instead of line by line.

use crate::diagnostic::Diagnostic;
use crate::lint::{Context, FileData};
use crate::syntax::LineKind;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL117",
    check: Check::File(check),
    supersedes: &[],
};

/// The line findings a shell line of a script no longer gets: they all say, line
/// by line, that a command is not a setting.
pub(super) const SUPERSEDES: &[&str] = &[
    "SL101", "SL103", "SL104", "SL105", "SL106", "SL111", "SL112", "SL113", "SL201", "SL208",
    "SL301", "SL302", "SL303", "SL304", "SL305",
];

/// Commands (first word) that make a line a shell command. `sysctl` and `echo`
/// lines that set one key are SL105's business unless the file is a script.
const COMMANDS: &[&str] = &[
    "cat",
    "echo",
    "printf",
    "tee",
    "sysctl",
    "modprobe",
    "if",
    "then",
    "else",
    "elif",
    "fi",
    "for",
    "while",
    "do",
    "done",
    "case",
    "esac",
    "export",
    "set",
    "cp",
    "mv",
    "rm",
    "ln",
    "chmod",
    "chown",
    "mkdir",
    "touch",
    "systemctl",
    "service",
    "exit",
    "source",
    "sed",
    "grep",
    "awk",
    "ulimit",
    "swapoff",
    "swapon",
    "mount",
    "exec",
    "function",
    "return",
];

/// The shell lines of a file that is a shell script (line indices, in order), or
/// `None` when the file is not one.
///
/// A file is a script when it starts with a `#!` line naming a shell, holds a
/// here-document (`cat <<EOF > /etc/sysctl.conf`), or has at least
/// [`MIN_COMMANDS`] command lines that do more than set one key (`sysctl -p`,
/// `fi`, `modprobe`): a notes file with `sysctl -w` lines and a `sysctl -p` stays
/// SL105's, line by line, with the fixes of the one-key commands.
pub(super) fn shell_lines(file: &FileData) -> Option<Vec<usize>> {
    let text = &file.source.text;
    let mut lines = Vec::new();
    let mut shebang = false;
    let mut heredoc = false;
    let mut other_commands = 0;
    // The delimiter of the here-document being read: its body is file content.
    let mut inside: Option<String> = None;
    for (i, line) in file.tree.lines.iter().enumerate() {
        let content = text[line.text_start()..line.content().end].trim_end();
        if let Some(word) = &inside {
            if content == word {
                lines.push(i);
                inside = None;
            }
            continue;
        }
        if i == 0 && content.starts_with("#!") {
            shebang = ["sh", "bash", "dash", "ash", "ksh", "zsh", "env"]
                .iter()
                .any(|s| content.split(['/', ' ']).any(|w| w == *s));
            if shebang {
                lines.push(i);
            }
            continue;
        }
        if matches!(line.kind, LineKind::Blank | LineKind::Comment(_)) {
            continue;
        }
        let mut words = content.split_whitespace().peekable();
        words.next_if_eq(&"sudo");
        let Some(first) = words.next() else { continue };
        let command = first.rsplit('/').next().unwrap_or(first);
        if !COMMANDS.contains(&command) {
            continue;
        }
        // `sysctl -w key=value` and `echo V > /proc/sys/...` set one key.
        let sets_one = match command {
            "sysctl" => words.clone().any(|w| w.contains('=')),
            "echo" => content.contains("/proc/sys/") && !content.contains("<<"),
            _ => false,
        };
        other_commands += usize::from(!sets_one);
        lines.push(i);
        if let Some(word) = heredoc_delimiter(content) {
            heredoc = true;
            inside = Some(word);
        }
    }
    (shebang || heredoc || other_commands >= MIN_COMMANDS).then_some(lines)
}

/// Command lines (other than one-key `sysctl -w` and `echo > /proc/sys`) from
/// which a file without a `#!` line or a here-document is a script.
const MIN_COMMANDS: usize = 3;

/// The delimiter of a here-document started on the line (`<<EOF`, `<< 'EOF'`,
/// `<<-"END"`).
fn heredoc_delimiter(line: &str) -> Option<String> {
    let at = line.find("<<")?;
    let rest = line[at + 2..].trim_start_matches('-').trim_start();
    let word: String = rest
        .trim_start_matches(['\'', '"'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!word.is_empty()).then_some(word)
}

fn check(cx: &Context<'_>, file_index: usize, out: &mut Vec<Diagnostic>) {
    let file = &cx.files[file_index];
    let Some(lines) = shell_lines(file) else {
        return;
    };
    let text = &file.source.text;
    let span_of = |i: usize| {
        let l = &file.tree.lines[i];
        l.text_start()..l.text_start() + text[l.text_start()..l.content().end].trim_end().len()
    };
    let first = lines[0];
    let settings = file.settings.len();
    let mut d = Diagnostic::new(
        "SL117",
        file_index,
        span_of(first),
        crate::msg!("sl117-headline", count = lines.len()),
    )
    .note(if settings == 0 {
        crate::msg!("sl117-note-nothing")
    } else {
        crate::msg!("sl117-note-settings", settings = settings)
    })
    .help(crate::msg!("sl117-help"));
    // Every command is labelled: the finding stands for each of those lines.
    // (Labels are English only: `Diagnostic::label` takes a plain string.)
    let label = crate::i18n::tr("sl117-label", &[]);
    for &i in lines.iter().skip(1) {
        d = d.label(file_index, span_of(i), label.clone());
    }
    out.push(d);
}

#[cfg(test)]
mod tests {
    use crate::{FileData, SourceFile};

    fn lines(text: &str) -> Option<Vec<usize>> {
        super::shell_lines(&FileData::new(SourceFile::new(
            "t",
            text.as_bytes().to_vec(),
        )))
    }

    #[test]
    fn scripts_and_notes() {
        let heredoc = "cat <<EOF > /etc/sysctl.conf\nnet.ipv4.ip_forward = 1\nEOF\nsysctl -p\n";
        assert_eq!(lines(heredoc), Some(vec![0, 2, 3]));
        let shebang = "#!/bin/bash\necho 1 > /proc/sys/net/ipv4/ip_forward\n";
        assert_eq!(lines(shebang), Some(vec![0, 1]));
        let script = "modprobe br_netfilter\necho 1 > /proc/sys/net/ipv4/ip_forward\nif true; then\nsysctl -p\nfi\n";
        assert_eq!(lines(script), Some(vec![0, 1, 2, 3, 4]));
        let pasted =
            "sysctl -w net.ipv4.ip_forward=1\necho 1 > /proc/sys/net/ipv4/tcp_sack\nsysctl -p\n";
        assert_eq!(lines(pasted), None);
        // A notes file with a few one-key commands: SL105, line by line.
        let notes = "sysctl -w net.core.rmem_max=1\nsysctl -w net.core.wmem_max=1\nsysctl -w net.core.somaxconn=1\nnet.core.rmem_max = 1\n";
        assert_eq!(lines(notes), None);
        assert_eq!(lines("net.ipv4.ip_forward = 1\n"), None);
        assert_eq!(lines("# comment\nsysctl -p\n"), None);
    }
}
