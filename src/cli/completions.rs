//! `sysctl-lint completions SHELL`: clap_complete's script, repaired for bash.

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// The binary's name, as the scripts register it.
pub(super) const BIN: &str = "sysctl-lint";

/// The completion script for `shell`.
pub(super) fn script(shell: Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN, &mut out);
    let script = String::from_utf8_lossy(&out).into_owned();
    match shell {
        Shell::Bash => repair_bash(&script, BIN),
        _ => script,
    }
}

/// clap_complete's bash script (4.6) spells the state of a hyphenated binary in
/// two ways: the loop over the words builds `sysctl__lint__subcmd__check`, the
/// case arms that hold each subcommand's options are labelled
/// `sysctl__subcmd__lint__subcmd__check`, so no arm matches and nothing after the
/// subcommand completes (clap-rs/clap#6421, #6529). Relabel the arms the way the
/// loop spells them; a script without the fault is returned unchanged.
fn repair_bash(script: &str, bin: &str) -> String {
    let wrong = bin.replace('-', "__subcmd__");
    let right = bin.replace('-', "__");
    if wrong == right {
        return script.to_owned();
    }
    let mut out = String::with_capacity(script.len());
    for line in script.split_inclusive('\n') {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        match body.strip_prefix(wrong.as_str()) {
            // Only case-arm labels: `<state>)` on a line of their own.
            Some(rest) if rest.trim_end().ends_with(')') && !rest.contains(' ') => {
                out.push_str(indent);
                out.push_str(&right);
                out.push_str(rest);
            }
            _ => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arms_are_relabelled_as_the_loop_spells_them() {
        let script = script(Shell::Bash);
        assert!(!script.contains("sysctl__subcmd__lint"), "{script}");
        assert!(script.contains("        sysctl__lint__subcmd__check)\n"));
        assert!(script.contains("cmd=\"sysctl__lint__subcmd__check\""));
        assert_eq!(repair_bash("    a__b)\n", "ab"), "    a__b)\n");
    }
}
