//! SL611 dirty-bytes-and-ratio: both halves of a mutually exclusive `vm.dirty_*`
//! pair are set; writing one zeroes the other, so the earlier one is silently undone.

use crate::diagnostic::Diagnostic;
use crate::lint::Context;

use super::sl610_dirty_background_not_below_dirty::{replay, Pair, Write};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL611",
    check: Check::Config(check),
    supersedes: &[],
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for pair in [Pair::Dirty, Pair::Background] {
        let st = replay(cx, pair);
        // The last accepted write of each key. `dirty_ratio = 0` never undoes
        // `dirty_bytes` (after it, the ratio is already 0: no change, nothing is
        // zeroed; before it, it only clears what the bytes write clears anyway), and
        // `dirty_background_ratio = 0` *before* the bytes value is the usual way of
        // saying "use bytes": neither is reported.
        let last_ratio = st.writes.iter().rev().find(|(r, _)| *r).map(|(_, w)| *w);
        let last_bytes = st.writes.iter().rev().find(|(r, _)| !*r).map(|(_, w)| *w);
        let (Some(ratio), Some(bytes)) = (last_ratio, last_bytes) else {
            continue;
        };
        let ratio_first = order(&ratio) < order(&bytes);
        if ratio.value == 0 && (pair == Pair::Dirty || ratio_first) {
            continue;
        }
        let (earlier, later, earlier_key, later_key) = if ratio_first {
            (ratio, bytes, pair.ratio_key(), pair.bytes_key())
        } else {
            (bytes, ratio, pair.bytes_key(), pair.ratio_key())
        };
        let zero_note = if !ratio_first && ratio.value == 0 {
            // dirty_background_ratio = 0 written last: both are 0 now.
            ": both are now 0, so the background threshold is 0 and background writeback starts as soon as any page is dirty"
        } else {
            ""
        };
        let line = cx.file(later.file).line(later.setting).number();
        let where_ = if later.file == earlier.file {
            format!("line {line}")
        } else {
            format!("{} line {line}", cx.file(later.file).source.name)
        };
        out.push(
            earlier
                .setting
                .diag(
                    "SL611",
                    earlier.file,
                    earlier.span(),
                    format!(
                        "`{}` is undone by the later {} line",
                        earlier_key.rsplit('.').next().unwrap_or(earlier_key),
                        if ratio_first { "bytes" } else { "ratio" }
                    ),
                )
                .note(
                    format!(
                        "`{earlier_key} = {}` is silently undone: `{later_key} = {}` ({where_}) is written later, and the two are mutually exclusive (writing one sets the other to 0), so only the later one is in force{zero_note}.",
                        earlier.value, later.value
                    ),
                )
                .label(
                    later.file,
                    later.span(),
                    format!("`{later_key}` written later: this one wins"),
                )
                .help(format!(
                    "set only one of `{}` and `{}`: delete the line you do not mean",
                    pair.ratio_key(),
                    pair.bytes_key()
                )),
        );
    }
}

/// Application order of a write: file index, then line.
fn order(w: &Write<'_>) -> (usize, usize) {
    (w.file, w.setting.line())
}

#[cfg(test)]
mod tests {
    use super::super::sl601_mem_vector_order::tests::found;
    use crate::{lint, FileData, Options, SourceFile};

    fn sl611(text: &str) -> Vec<(usize, String)> {
        found("SL611", text, &Options::default())
    }

    #[test]
    fn later_wins() {
        assert_eq!(
            sl611("vm.dirty_ratio = 10\nvm.dirty_bytes = 268435456\n"),
            vec![(1, "10".into())]
        );
        assert_eq!(
            sl611("vm.dirty_bytes = 268435456\nvm.dirty_ratio = 10\n"),
            vec![(1, "268435456".into())]
        );
        assert_eq!(
            sl611("vm.dirty_background_bytes = 67108864\nvm.dirty_background_ratio = 5\n"),
            vec![(1, "67108864".into())]
        );
        // ratio 0 after bytes: background zeroes the bytes, dirty_ratio does not
        assert_eq!(
            sl611("vm.dirty_background_bytes = 67108864\nvm.dirty_background_ratio = 0\n"),
            vec![(1, "67108864".into())]
        );
        assert!(sl611("vm.dirty_bytes = 268435456\nvm.dirty_ratio = 0\n").is_empty());
        // the usual "ratio 0, then bytes" and rejected zero byte counts
        assert!(sl611(
            "vm.dirty_background_ratio = 0\nvm.dirty_ratio = 0\nvm.dirty_background_bytes = 1610612736\nvm.dirty_bytes = 4294967296\n"
        )
        .is_empty());
        assert!(sl611(
            "vm.dirty_background_bytes = 0\nvm.dirty_bytes = 0\nvm.dirty_ratio = 20\nvm.dirty_background_ratio = 10\n"
        )
        .is_empty());
    }

    #[test]
    fn across_files() {
        let files = vec![
            FileData::new(SourceFile::new(
                "10-a.conf",
                b"vm.dirty_bytes = 268435456\n".to_vec(),
            )),
            FileData::new(SourceFile::new(
                "20-b.conf",
                b"vm.dirty_ratio = 15\n".to_vec(),
            )),
        ];
        let diags = lint(&files, &Options::default());
        let d: Vec<_> = diags.iter().filter(|d| d.code == "SL611").collect();
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].file, d[0].labels[0].file), (0, 1));
        let note = d[0].note.as_deref().unwrap_or_default();
        assert!(note.contains("20-b.conf line 1"), "{note}");
    }
}
