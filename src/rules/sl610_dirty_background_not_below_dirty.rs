//! SL610 dirty-background-not-below-dirty: the background writeback threshold is
//! at or above the dirty (throttling) threshold, so the kernel replaces it with half
//! of the dirty threshold. Also home of the model of the four `vm.dirty_*` writes
//! that SL611 shares.

use crate::diagnostic::Diagnostic;
use crate::lint::{Context, Setting};
use crate::units::{format_bytes, PAGE_SIZE};
use crate::value;
use crate::{msg, tr};

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL610",
    check: Check::Config(check),
    supersedes: &[],
};

/// One assignment of a `vm.dirty_*` key that the kernel accepts.
#[derive(Clone, Copy)]
pub(super) struct Write<'a> {
    pub file: usize,
    pub setting: &'a Setting,
    pub value: i128,
}

impl Write<'_> {
    /// The span of the number written (or the whole value).
    pub fn span(&self) -> std::ops::Range<usize> {
        value::tokens(self.setting.body(), self.setting.body_span().start)
            .first()
            .map_or(self.setting.body_span(), |t| t.span.clone())
    }
}

/// One of the two mutually exclusive pairs: `dirty_ratio`/`dirty_bytes` and
/// `dirty_background_ratio`/`dirty_background_bytes`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Pair {
    Dirty,
    Background,
}

impl Pair {
    pub fn ratio_key(self) -> &'static str {
        match self {
            Pair::Dirty => "vm.dirty_ratio",
            Pair::Background => "vm.dirty_background_ratio",
        }
    }

    pub fn bytes_key(self) -> &'static str {
        match self {
            Pair::Dirty => "vm.dirty_bytes",
            Pair::Background => "vm.dirty_background_bytes",
        }
    }

    /// The kernel default of the ratio (the bytes key defaults to 0, unused).
    pub fn default_ratio(self) -> i128 {
        match self {
            Pair::Dirty => 20,
            Pair::Background => 10,
        }
    }

    /// The smallest bytes value the kernel accepts (mm/page-writeback.c:
    /// `dirty_bytes_min = 2 * PAGE_SIZE`; `dirty_background_bytes` has `extra1 = 1`).
    /// Smaller values are rejected (or, on old kernels, ignored): nothing changes.
    pub fn min_bytes(self) -> i128 {
        match self {
            Pair::Dirty => 2 * i128::from(PAGE_SIZE),
            Pair::Background => 1,
        }
    }
}

/// What the configuration leaves in force for one pair, replaying the writes in
/// order like the kernel's handlers in mm/page-writeback.c: a ratio write zeroes
/// the bytes value (for `dirty_ratio` only if the ratio changes), a bytes write
/// zeroes the ratio (for `dirty_bytes` only if the bytes value changes). Writes
/// the kernel rejects are skipped.
pub(super) struct PairState<'a> {
    pub ratio: i128,
    pub bytes: i128,
    /// The assignment that set the ratio in force (`None`: kernel default).
    pub ratio_from: Option<Write<'a>>,
    pub bytes_from: Option<Write<'a>>,
    /// Every accepted write, in order: `(is_ratio, write)`.
    pub writes: Vec<(bool, Write<'a>)>,
}

fn key_is(s: &Setting, dotted: &str) -> bool {
    s.info().is_some_and(|i| i.key == dotted) && s.key.as_ref().is_some_and(|k| !k.glob)
}

pub(super) fn replay<'a>(cx: &Context<'a>, pair: Pair) -> PairState<'a> {
    let mut st = PairState {
        ratio: pair.default_ratio(),
        bytes: 0,
        ratio_from: None,
        bytes_from: None,
        writes: Vec::new(),
    };
    for (file, s) in cx.settings() {
        let is_ratio = key_is(s, pair.ratio_key());
        if !is_ratio && !key_is(s, pair.bytes_key()) {
            continue;
        }
        let Some(v) = s.numbers().and_then(|n| n.first().copied()) else {
            continue;
        };
        let w = Write {
            file,
            setting: s,
            value: v,
        };
        if is_ratio {
            if !(0..=100).contains(&v) {
                continue;
            }
            if pair == Pair::Background || v != st.ratio {
                st.bytes = 0;
                st.bytes_from = None;
            }
            st.ratio = v;
            st.ratio_from = Some(w);
        } else {
            // Kernels with "mm: avoid overflows in dirty throttling logic" (2024,
            // also in stable) refuse more than 2^32 pages with ERANGE.
            if v < pair.min_bytes() || v / i128::from(PAGE_SIZE) > i128::from(u32::MAX) {
                continue;
            }
            if pair == Pair::Background || v != st.bytes {
                st.ratio = 0;
                st.ratio_from = None;
            }
            st.bytes = v;
            st.bytes_from = Some(w);
        }
        st.writes.push((is_ratio, w));
    }
    st
}

/// A threshold in force: a percentage of available memory or a byte count.
#[derive(Clone, Copy)]
enum Threshold {
    Ratio(i128),
    Bytes(i128),
}

impl PairState<'_> {
    fn threshold(&self) -> Threshold {
        if self.bytes != 0 {
            Threshold::Bytes(self.bytes)
        } else {
            Threshold::Ratio(self.ratio)
        }
    }

    fn from(&self) -> Option<Write<'_>> {
        if self.bytes != 0 {
            self.bytes_from
        } else {
            self.ratio_from
        }
    }
}

/// A threshold as a message shows it (`vm.dirty_ratio = 20`), and whether it is
/// the kernel default (`yes`, said as "the default ..." by the message).
fn describe(pair: Pair, t: Threshold, from: Option<Write<'_>>) -> (String, &'static str) {
    match t {
        Threshold::Ratio(r) => (
            format!("`{} = {r}`", pair.ratio_key()),
            if from.is_none() { "yes" } else { "no" },
        ),
        Threshold::Bytes(b) => (
            format!("`{} = {b}` ({})", pair.bytes_key(), format_bytes(b as u128)),
            "no",
        ),
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let dirty = replay(cx, Pair::Dirty);
    let bg = replay(cx, Pair::Background);
    let (dt, bt) = (dirty.threshold(), bg.threshold());
    // `domain_dirty_limits()`: `if (bg_thresh >= thresh) bg_thresh = thresh / 2;`
    let (unit, half) = match (dt, bt) {
        (Threshold::Ratio(d), Threshold::Ratio(b)) if b >= d => ("ratio", half_percent(d)),
        (Threshold::Bytes(d), Threshold::Bytes(b)) if b >= d => {
            ("bytes", format_bytes((d / 2) as u128))
        }
        // A ratio is a share of *available* memory, which is at most the host's
        // memory: a background byte count at or above ratio x memory is certainly
        // at or above the dirty threshold (and anything is, at dirty_ratio 0).
        (Threshold::Ratio(d), Threshold::Bytes(b)) => match cx.options.memory {
            _ if d == 0 => ("ratio", "0".to_owned()),
            Some(m) if b >= d * i128::from(m) / 100 => ("ratio", half_percent(d)),
            _ => return,
        },
        _ => return,
    };
    let (d_from, b_from) = (dirty.from(), bg.from());
    let (d_text, d_default) = describe(Pair::Dirty, dt, d_from);
    let (b_text, b_default) = describe(Pair::Background, bt, b_from);
    // Report at the background setting if the configuration makes it, else at the
    // dirty one (a low dirty_ratio under the default background ratio).
    let (at, other) = match (b_from, d_from) {
        (Some(b), d) => (b, d),
        (None, Some(d)) => (d, None),
        (None, None) => return,
    };
    let effect = if b_from.is_some() {
        "written"
    } else {
        "default"
    };
    let mut diag = at
        .setting
        .diag(
            "SL610",
            at.file,
            at.span(),
            msg!("sl610-headline", unit = unit, half = &half),
        )
        .note(msg!(
            "sl610-note",
            bdefault = b_default,
            btext = &b_text,
            ddefault = d_default,
            dtext = &d_text,
            unit = unit,
            half = &half,
            effect = effect
        ))
        .help(msg!("sl610-help"));
    if let Some(o) = other {
        diag = diag.label(o.file, o.span(), tr!("sl610-label", dtext = &d_text));
    }
    out.push(diag);
}

fn half_percent(d: i128) -> String {
    if d % 2 == 0 {
        format!("{}", d / 2)
    } else {
        format!("{}.5", d / 2)
    }
}

#[cfg(test)]
mod tests {
    use super::super::sl601_mem_vector_order::tests::found;
    use crate::Options;

    fn sl610(text: &str, options: &Options) -> Vec<(usize, String)> {
        found("SL610", text, options)
    }

    #[test]
    fn ratios_and_bytes() {
        let o = Options::default();
        assert!(sl610("vm.dirty_background_ratio = 5\nvm.dirty_ratio = 20\n", &o).is_empty());
        assert_eq!(
            sl610("vm.dirty_ratio = 10\nvm.dirty_background_ratio = 15\n", &o),
            vec![(2, "15".into())]
        );
        // only the dirty ratio is set: the default background ratio 10 is above it
        assert_eq!(sl610("vm.dirty_ratio = 5\n", &o), vec![(1, "5".into())]);
        assert_eq!(
            sl610("vm.dirty_background_ratio = 20\n", &o),
            vec![(1, "20".into())]
        );
        assert!(sl610("vm.dirty_background_ratio = 19\n", &o).is_empty());
        assert_eq!(
            sl610(
                "vm.dirty_bytes = 1073741824\nvm.dirty_background_bytes = 1073741824\n",
                &o
            ),
            vec![(2, "1073741824".into())]
        );
        assert!(sl610(
            "vm.dirty_background_ratio = 0\nvm.dirty_ratio = 0\nvm.dirty_background_bytes = 1610612736\nvm.dirty_bytes = 4294967296\n",
            &o
        )
        .is_empty());
        // dirty_bytes = 0 is rejected by the kernel: the ratios stay in force
        assert!(sl610("vm.dirty_bytes = 0\nvm.dirty_background_bytes = 0\n", &o).is_empty());
        // mixed units: only judged with --memory
        let mixed = "vm.dirty_ratio = 10\nvm.dirty_background_bytes = 2147483648\n";
        assert!(sl610(mixed, &o).is_empty());
        let m = Options {
            memory: Some(16 << 30),
            ..Options::default()
        };
        assert_eq!(sl610(mixed, &m), vec![(2, "2147483648".into())]);
        let small = "vm.dirty_ratio = 10\nvm.dirty_background_bytes = 1073741824\n";
        assert!(sl610(small, &m).is_empty());
    }
}
