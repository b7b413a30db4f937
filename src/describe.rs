//! `sysctl-lint describe KEY`: everything the catalogue knows about a key, the
//! kernel documentation excerpt, and the rules that concern it.

use serde_json::json;

use crate::catalog::{self, Access, KeyInfo, Status};
use crate::key::Key;
use crate::rules::{self, RuleDoc};

/// A described key.
pub struct Description {
    /// The key as the user wrote it, normalised (`net.ipv4.conf.eth0.rp_filter`).
    pub key: String,
    pub info: &'static KeyInfo,
    pub rules: Vec<&'static RuleDoc>,
}

/// Look the key up; on failure, the closest known keys.
pub fn describe(written: &str) -> Result<Description, Vec<String>> {
    let key = Key::parse(written.trim());
    match catalog::lookup(&key) {
        Some(info) => Ok(Description {
            key: catalog::instantiate(info, &key),
            info,
            rules: rules::about_key(info.path),
        }),
        None => Err(suggestions(&key)),
    }
}

/// A close spelling, then keys whose name contains the last component written.
fn suggestions(key: &Key) -> Vec<String> {
    let mut out: Vec<String> = catalog::closest(key).into_iter().collect();
    if let Some(last) = key.last().filter(|l| l.len() >= 3) {
        for info in catalog::all() {
            if out.len() >= 8 {
                break;
            }
            let candidate = catalog::instantiate(info, key);
            if info
                .path
                .rsplit('/')
                .next()
                .is_some_and(|n| n.contains(last))
                && !out.contains(&candidate)
            {
                out.push(candidate);
            }
        }
    }
    out
}

fn range(info: &KeyInfo) -> Option<String> {
    let r = match (info.min, info.max) {
        (Some(a), Some(b)) => format!("{a}..={b}"),
        (Some(a), None) => format!(">= {a}"),
        (None, Some(b)) => format!("<= {b}"),
        (None, None) => return None,
    };
    Some(if info.enforced {
        format!("{r} (enforced: the kernel rejects other values)")
    } else {
        format!("{r} (documented, not enforced)")
    })
}

fn status(info: &KeyInfo) -> String {
    let when = |v: Option<(u64, u64)>| v.map(catalog::series).unwrap_or_else(|| "?".into());
    match info.status {
        Status::Active => "active".into(),
        Status::Removed => format!("removed in {}", when(info.removed)),
        Status::Moved => format!("moved out of sysctl in {}", when(info.removed)),
        Status::NoOp => "present but has no effect".into(),
        Status::Vendor => "not in mainline (vendor or distribution kernels only)".into(),
    }
}

/// The fields shown, as (label, value) rows; empty values are left out.
fn rows(d: &Description) -> Vec<(&'static str, String)> {
    let i = d.info;
    let values: Vec<String> = i.values.iter().map(i128::to_string).collect();
    let mut rows = vec![
        ("key", d.key.clone()),
        ("catalogue entry", i.key.to_owned()),
        ("type", i.ty.name()),
        (
            "access",
            if i.access == Access::ReadOnly {
                "read-only".into()
            } else {
                "read-write".into()
            },
        ),
        ("unit", i.unit.to_owned()),
        ("default", i.default.to_owned()),
        ("range", range(i).unwrap_or_default()),
        ("documented values", values.join(", ")),
        ("since", i.since.map(catalog::series).unwrap_or_default()),
        ("status", status(i)),
        ("scope", i.scope.to_owned()),
        ("module", i.module.to_owned()),
        ("note", i.note.to_owned()),
        ("sources", i.sources.to_owned()),
    ];
    rows.retain(|(_, v)| !v.is_empty());
    rows
}

pub fn render_human(d: &Description) -> String {
    let rows = rows(d);
    let width = rows.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (label, value) in &rows {
        out.push_str(&format!("{label:>width$}: {value}\n"));
    }
    if let Some((source, text)) = catalog::doc_excerpt(d.info) {
        out.push_str(&format!("\nKernel documentation ({source}):\n"));
        for line in text.lines() {
            out.push_str(&format!("    {line}\n"));
        }
    }
    if !d.rules.is_empty() {
        out.push_str("\nRules about this key:\n");
        for r in &d.rules {
            out.push_str(&format!("    {} {}: {}\n", r.code, r.name, r.summary));
        }
    }
    out
}

pub fn to_json(d: &Description) -> serde_json::Value {
    let i = d.info;
    json!({
        "key": d.key,
        "entry": i.key,
        "type": i.ty.name(),
        "read_only": i.access == Access::ReadOnly,
        "unit": i.unit,
        "default": i.default,
        "min": i.min.map(|v| v.to_string()),
        "max": i.max.map(|v| v.to_string()),
        "enforced": i.enforced,
        "values": i.values.iter().map(i128::to_string).collect::<Vec<_>>(),
        "since": i.since.map(catalog::series),
        "removed": i.removed.map(catalog::series),
        "status": status(i),
        "scope": i.scope,
        "module": i.module,
        "note": i.note,
        "sources": i.sources,
        "doc": catalog::doc_excerpt(i).map(|(source, text)| json!({"source": source, "text": text})),
        "rules": d.rules.iter().map(|r| json!({"code": r.code, "name": r.name})).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `describe` works for every catalogued key (placeholders instantiated as a
    /// device name), in both formats.
    #[test]
    fn every_catalogued_key_is_described() {
        for info in catalog::all() {
            let key = info
                .key
                .replace("<dev>", "eth0")
                .replace('<', "x")
                .replace('>', "");
            let d = describe(&key).unwrap_or_else(|_| panic!("{key} is not described"));
            assert_eq!(d.info.path, info.path, "{key}");
            let text = render_human(&d);
            assert!(
                text.contains(&format!("catalogue entry: {}", info.key)),
                "{key}"
            );
            assert_eq!(to_json(&d)["entry"], info.key, "{key}");
        }
    }
}
