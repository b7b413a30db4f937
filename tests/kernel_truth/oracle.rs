//! What sysctl-lint predicts for a write, what the kernel did, and whether they
//! agree; the known-differences file.

use std::collections::{BTreeMap, BTreeSet};

use sysctl_lint::catalog::{self, KeyInfo};
use sysctl_lint::value::parse_int;
use sysctl_lint::{lint_source, Options, Severity};

use super::child::key_of;
use super::probes::escape;

/// The rules whose findings say that the kernel rejects the write.
fn rejects(code: &str, severity: Severity) -> bool {
    match code {
        "SL204" | "SL301" | "SL510" | "SL514" => true,
        "SL103" | "SL302" => severity == Severity::Error,
        _ => false,
    }
}

/// The rules the comparison looks at (value rules, and the key rules that say
/// the key cannot be written on this kernel).
const WATCHED: &[&str] = &[
    "SL103", "SL201", "SL202", "SL203", "SL204", "SL301", "SL302", "SL303", "SL304", "SL510",
    "SL514",
];

/// The line a configuration would hold for a write.
fn line(key: &str, value: &str) -> String {
    if value.is_empty() {
        format!("{key} =\n")
    } else {
        format!("{key} = {value}\n")
    }
}

/// What sysctl-lint says about `key = value`: the watched findings
/// (`SL302:warning`), and whether the kernel rejects it.
pub fn predict(key: &str, value: &str, options: &Options) -> (Vec<String>, bool) {
    let (_, diags) = lint_source("kernel-truth.conf", line(key, value).as_bytes(), options);
    let mut codes = Vec::new();
    let mut rejected = false;
    for d in &diags {
        if !WATCHED.contains(&d.code) {
            continue;
        }
        rejected |= rejects(d.code, d.severity);
        let code = if d.severity == Severity::Error {
            d.code.to_owned()
        } else {
            format!("{}:{}", d.code, d.severity.as_str())
        };
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    (codes, rejected)
}

/// A value as the kernel reads it back: numbers in decimal, blanks collapsed.
fn normalise(info: &KeyInfo, text: &str) -> String {
    if info.ty.is_numeric() {
        text.split_whitespace()
            .map(|t| parse_int(t).map_or_else(|_| t.to_owned(), |v| v.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        text.trim().to_owned()
    }
}

/// What the kernel holds after an accepted write, as sysctl-lint reads the
/// rules SL303/SL304: the first `arity` numbers; a short vector keeps the rest.
fn kept_if_accepted(info: &KeyInfo, value: &str, old: Option<&str>) -> String {
    let Some(n) = info.ty.arity() else {
        return normalise(info, value);
    };
    let given: Vec<&str> = value.split_whitespace().collect();
    let mut kept: Vec<&str> = given.iter().take(n).copied().collect();
    if kept.len() < n && !kept.is_empty() {
        if let Some(old) = old {
            let old: Vec<&str> = old.split_whitespace().collect();
            if old.len() == n {
                kept.extend(&old[kept.len()..]);
            }
        }
    }
    normalise(info, &kept.join(" "))
}

/// One write as the child recorded it.
#[derive(Debug, Clone)]
pub struct Write {
    pub path: String,
    pub probe: String,
    pub value: String,
    pub old: Result<String, String>,
    pub result: Option<String>,
    pub after: Result<String, String>,
}

/// A comparison: `None` when sysctl-lint and the kernel agree.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Difference {
    pub kernel: String,
    pub key: String,
    pub probe: String,
    pub answer: String,
    pub prediction: String,
    pub cause: String,
}

fn describe_after(
    accepted: bool,
    after: &Result<String, String>,
    written: &str,
    old: Option<&str>,
) -> String {
    match after {
        Err(e) => format!("unreadable ({e})"),
        Ok(a) if accepted && a == written => "as written".into(),
        Ok(a) if Some(a.as_str()) == old => "unchanged".into(),
        Ok(a) if a == written => "as written".into(),
        Ok(a) => format!("reads `{}`", sysctl_lint::value::elide(&escape(a), 60)),
    }
}

pub fn compare(series: &str, w: &Write, options: &Options) -> Option<Difference> {
    let key = key_of(&w.path);
    let info = catalog::lookup(&key).expect("the child probes catalogued keys only");
    let dotted = key.dotted();
    let old = w.old.as_ref().ok().map(|o| normalise(info, o));
    let written = kept_if_accepted(info, &w.value, old.as_deref());
    let after = w
        .after
        .as_ref()
        .map(|a| normalise(info, a))
        .map_err(Clone::clone);
    let (codes, rejected) = predict(&dotted, &w.value, options);
    let accepted = w.result.is_none();
    let answer_after = describe_after(accepted, &after, &written, old.as_deref());
    let answer = match &w.result {
        None => format!("accepted, {answer_after}"),
        Some(e) => format!("rejected {e}, {answer_after}"),
    };
    let predicted_after = match (&after, rejected) {
        (Err(e), _) => format!("unreadable ({e})"),
        (Ok(_), true) => "unchanged".into(),
        (Ok(_), false) => "as written".into(),
    };
    let codes_text = if codes.is_empty() {
        "no finding".to_owned()
    } else {
        codes.join(" ")
    };
    let prediction = if rejected {
        format!("rejected EINVAL ({codes_text}), {predicted_after}")
    } else {
        format!("accepted ({codes_text}), {predicted_after}")
    };
    let same_outcome = match &w.result {
        None => !rejected,
        Some(e) => rejected && e == "EINVAL",
    };
    if same_outcome && answer_after == predicted_after {
        return None;
    }
    let cause = cause(info, w, options, accepted, rejected, &codes, &answer_after);
    Some(Difference {
        kernel: series.to_owned(),
        key: dotted,
        probe: w.probe.clone(),
        answer,
        prediction,
        cause,
    })
}

/// The key itself: sysctl-lint must not call a key this namespace exposes
/// writable unknown, removed, too new or read-only.
pub fn compare_key(series: &str, w: &Write, options: &Options) -> Option<Difference> {
    let key = key_of(&w.path);
    let dotted = key.dotted();
    catalog::lookup(&key)?;
    let value = w.old.as_ref().map_or("0", |o| o.as_str());
    let value = if value.trim().is_empty() { "0" } else { value };
    let (codes, _) = predict(&dotted, value.trim(), options);
    let key_codes: Vec<&String> = codes
        .iter()
        .filter(|c| ["SL201", "SL202", "SL203", "SL204"].contains(&&c[..5]))
        .collect();
    if key_codes.is_empty() {
        return None;
    }
    let cause = if key_codes.iter().any(|c| c.starts_with("SL204")) {
        "access"
    } else {
        "versions"
    };
    Some(Difference {
        kernel: series.to_owned(),
        key: dotted,
        probe: "(key)".into(),
        answer: "exists, writable".into(),
        prediction: key_codes
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        cause: cause.into(),
    })
}

/// Why a difference occurs, as far as the data tells (a short tag; the
/// known-differences file explains each tag in its reason column).
fn cause(
    info: &KeyInfo,
    w: &Write,
    options: &Options,
    accepted: bool,
    rejected: bool,
    codes: &[String],
    answer_after: &str,
) -> String {
    let numeric = info.ty.is_numeric();
    let first = w
        .value
        .split_whitespace()
        .next()
        .and_then(|t| parse_int(t).ok());
    let (min, max, enforced, _) = catalog::range_on(info, &options.kernel);
    let has = |c: &str| codes.iter().any(|x| x.starts_with(c));
    if !accepted && !rejected {
        if !numeric {
            return "text-format".into();
        }
        let Some(v) = first else {
            return "other".into();
        };
        if matches!(w.probe.as_str(), "extra" | "short") {
            return "arity".into();
        }
        let below = min.is_some_and(|m| v < m);
        let above = max.is_some_and(|m| v > m);
        // The catalogue has no bound on the value's side.
        let unbounded = if v < 0 { min.is_none() } else { max.is_none() };
        let int = i128::from(i32::MIN)..=i128::from(i32::MAX);
        return if (below || above) && !enforced {
            "range-not-enforced".into()
        } else if unbounded && !int.contains(&v) {
            "width-missing".into()
        } else if unbounded {
            "range-missing".into()
        } else {
            "range-too-wide".into()
        };
    }
    if accepted && rejected {
        if has("SL301") && first.is_some_and(|v| v < 0) {
            return "signedness".into();
        }
        if has("SL301") || has("SL103") {
            return "type".into();
        }
        if has("SL302") {
            return "range-too-narrow".into();
        }
        if has("SL204") {
            return "access".into();
        }
        return "other".into();
    }
    if !accepted && rejected {
        return "errno".into();
    }
    // Both accepted; the value read back differs.
    if answer_after == "unchanged" {
        "ignored".into()
    } else {
        "stored-differently".into()
    }
}

/// The generic reason of a cause, for new rows of the known-differences file.
pub fn reason_of(cause: &str) -> &'static str {
    match cause {
        "access" => "the catalogue says read-only; the kernel exposes the key writable",
        "versions" => "the catalogue says the running kernel lacks the key",
        "text-format" => "the kernel checks the text of this key (a name, an address, a list); sysctl-lint does not",
        "arity" => "the kernel reads a different number of values than the catalogue type says",
        "range-missing" => "the kernel enforces a range (on this side) that the catalogue does not have",
        "width-missing" => "the catalogue has no bound on this side, so sysctl-lint checks only the 64-bit width; the kernel's integer is narrower (an int rejects 2^31)",
        "range-not-enforced" => "the catalogue has the range but marks it not enforced; the kernel enforces it",
        "range-too-wide" => "the kernel's range (or its integer width) is narrower than the catalogue's",
        "range-too-narrow" => "the catalogue's range (or its integer width) is narrower than the kernel's: the kernel accepts the value",
        "signedness" => "the catalogue says unsigned; the kernel accepts negative values",
        "type" => "the kernel accepts a value the catalogue type does not allow",
        "errno" => "the kernel rejects with another errno than the EINVAL sysctl-lint names",
        "ignored" => "the kernel accepts the write but keeps the old value",
        "stored-differently" => "the kernel stores another value than written (rounding to jiffies, clamping, normalising)",
        "left-out" => "writable in the namespace, but the allow-list leaves it out: never written",
        _ => "not classified",
    }
}

/// A row of the known-differences file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Known {
    pub diff: Difference,
    pub reason: String,
}

pub const HEADER: &str = "kernel\tkey\tprobe\tkernel_answer\tprediction\tcause\treason";

pub fn read_known(text: &str) -> Vec<Known> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && *l != HEADER)
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let [kernel, key, probe, answer, prediction, cause, reason] = c[..] else {
                panic!("kernel-truth-known.tsv: bad row `{l}`");
            };
            Known {
                diff: Difference {
                    kernel: kernel.into(),
                    key: key.into(),
                    probe: probe.into(),
                    answer: answer.into(),
                    prediction: prediction.into(),
                    cause: cause.into(),
                },
                reason: reason.into(),
            }
        })
        .collect()
}

/// The file for `rows` of every kernel: the rows of `series` replaced by
/// `found`, keeping a reason written by hand when the same difference is still
/// there.
pub fn write_known(
    preamble: &str,
    old: &[Known],
    series: &str,
    found: &[(Difference, Option<String>)],
) -> String {
    let reasons: BTreeMap<(&str, &str, &str), &str> = old
        .iter()
        .filter(|k| k.diff.kernel == series)
        .map(|k| {
            (
                (
                    k.diff.key.as_str(),
                    k.diff.probe.as_str(),
                    k.diff.cause.as_str(),
                ),
                k.reason.as_str(),
            )
        })
        .collect();
    let mut rows: BTreeSet<Known> = old
        .iter()
        .filter(|k| k.diff.kernel != series)
        .cloned()
        .collect();
    for (d, specific) in found {
        // A reason the test derives (why a key is left out) is always current.
        let reason = specific
            .clone()
            .or_else(|| {
                reasons
                    .get(&(d.key.as_str(), d.probe.as_str(), d.cause.as_str()))
                    .map(|r| (*r).to_owned())
            })
            .unwrap_or_else(|| reason_of(&d.cause).to_owned());
        rows.insert(Known {
            diff: d.clone(),
            reason,
        });
    }
    let mut out = String::from(preamble);
    out.push_str(HEADER);
    out.push('\n');
    for k in rows {
        let d = &k.diff;
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            d.kernel, d.key, d.probe, d.answer, d.prediction, d.cause, k.reason
        ));
    }
    out
}
