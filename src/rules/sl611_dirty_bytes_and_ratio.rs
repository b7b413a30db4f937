//! SL611 dirty-bytes-and-ratio: both halves of a mutually exclusive `vm.dirty_*`
//! pair are set; writing one zeroes the other, so the earlier one is silently undone.

use crate::diagnostic::Diagnostic;
use crate::lint::Context;
use crate::{msg, tr};

use super::headline::Place;
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
        let zero = !ratio_first && ratio.value == 0;
        let at = Place::of(cx, earlier.file, later.file, later.setting);
        let (earlier_value, later_value) = (earlier.value.to_string(), later.value.to_string());
        let note = msg!(
            if zero { "sl611-note-zero" } else { "sl611-note" },
            earlier_key = earlier_key,
            earlier = &earlier_value,
            later_key = later_key,
            value = &later_value,
            where = at.kind,
            line = at.line,
            file = &at.file
        );
        out.push(
            earlier
                .setting
                .diag(
                    "SL611",
                    earlier.file,
                    earlier.span(),
                    msg!(
                        "sl611-headline",
                        name = earlier_key.rsplit('.').next().unwrap_or(earlier_key),
                        later = if ratio_first { "bytes" } else { "ratio" }
                    ),
                )
                .note(note)
                .label(
                    later.file,
                    later.span(),
                    tr!("sl611-label", later_key = later_key),
                )
                .help(msg!(
                    "sl611-help",
                    ratio = pair.ratio_key(),
                    bytes = pair.bytes_key()
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
