//! Consistency of the key catalogue (`rules/keys.tsv`, `rules/key-ranges.tsv`) and of
//! its generator (`tools/catalogue/gen_catalogue.py`, which reads the kernel's own
//! sysctl tables of 3.2 to 6.19).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// The newest kernel release whose tables the generator reads.
const NEWEST_TABLES: (u64, u64) = (6, 19);

fn rows(path: &str) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).expect("read catalogue file");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            header
                .iter()
                .map(|h| h.to_string())
                .zip(
                    l.split('\t')
                        .map(str::to_owned)
                        .chain(std::iter::repeat(String::new())),
                )
                .collect()
        })
        .collect()
}

fn series(v: &str) -> Option<(u64, u64)> {
    let mut it = v.split('.');
    let major = it.next()?.parse().ok()?;
    let minor = it.next().unwrap_or("0").parse().ok()?;
    Some((major, minor))
}

/// `since` is a release (`4.19`, `2.6.25`) or `<3.2`: present in the oldest tables
/// read, first release unknown.
fn is_version(v: &str) -> bool {
    let v = v.strip_prefix('<').unwrap_or(v);
    !v.is_empty()
        && v.split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[test]
fn every_key_has_a_first_version_and_removed_keys_a_last_one() {
    let mut missing = Vec::new();
    for r in rows("rules/keys.tsv") {
        let (key, status) = (&r["key"], r["status"].as_str());
        // A vendor key never was in mainline: it has no mainline first version.
        if status != "vendor" && !is_version(&r["since"]) {
            missing.push(format!("{key}: since `{}`", r["since"]));
        }
        if matches!(status, "removed" | "moved") && !is_version(&r["removed"]) {
            missing.push(format!("{key}: {status} without a release"));
        }
        if !r["removed"].is_empty() && !matches!(status, "removed" | "moved") {
            missing.push(format!(
                "{key}: removed {} but status {status}",
                r["removed"]
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn keys_absent_from_the_newest_tables_are_not_active() {
    // kernel-tables.tsv: the table entries per key and run of releases.
    let mut last: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for r in rows("tools/catalogue/kernel-tables.tsv") {
        let v = series(&r["last"]).expect("release");
        let e = last.entry(r["key"].clone()).or_insert(v);
        *e = (*e).max(v);
    }
    let mut wrong = Vec::new();
    for r in rows("rules/keys.tsv") {
        let Some(&v) = last.get(&r["key"]) else {
            continue;
        };
        let active = !matches!(r["status"].as_str(), "removed" | "moved");
        if v < NEWEST_TABLES && active {
            wrong.push(format!("{}: last in {v:?} but {}", r["key"], r["status"]));
        }
        if v == NEWEST_TABLES && !active {
            wrong.push(format!(
                "{}: in the newest tables but {}",
                r["key"], r["status"]
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn notes_never_contradict_fields() {
    let mut wrong = Vec::new();
    for r in rows("rules/keys.tsv") {
        let (key, note) = (&r["key"], &r["note"]);
        let status = r["status"].as_str();
        if note.contains("removed: last in the") && !matches!(status, "removed" | "moved") {
            wrong.push(format!("{key}: note says removed, status {status}"));
        }
        if let Some(rest) = note.split("since: first in the ").nth(1) {
            // "since: first in the 6.14.0 tables, absent from 6.13.7": since is the
            // release after 6.13.
            let prev = rest
                .split("absent from ")
                .nth(1)
                .and_then(|p| series(p.split([';', ' ']).next().unwrap_or("")));
            let since = series(&r["since"]);
            if let (Some(p), Some(s)) = (prev, since) {
                if s <= p {
                    wrong.push(format!("{key}: since {} but absent from {p:?}", r["since"]));
                }
            }
        }
        let ro_note = note.contains("read-only (mode 0444)") || note.starts_with("read-only;");
        if ro_note && r["access"] != "ro" {
            wrong.push(format!(
                "{key}: note says read-only, access {}",
                r["access"]
            ));
        }
        if note.contains("default = live 6.18 value") && r["default"].is_empty() {
            wrong.push(format!("{key}: note names a default, the field is empty"));
        }
        if r["enforced"] == "yes" && r["min"].is_empty() && r["max"].is_empty() {
            wrong.push(format!("{key}: enforced without a bound"));
        }
        for bound in ["min", "max"] {
            if !r[bound].is_empty() && r[bound].parse::<i128>().is_err() {
                wrong.push(format!("{key}: {bound} `{}` is not a number", r[bound]));
            }
        }
        if let (Ok(lo), Ok(hi)) = (r["min"].parse::<i128>(), r["max"].parse::<i128>()) {
            if lo > hi {
                wrong.push(format!("{key}: min {lo} > max {hi}"));
            }
        }
        if status == "vendor" && note.contains("since: first in the") {
            wrong.push(format!("{key}: vendor key found in the mainline tables"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn versioned_ranges_cover_the_newest_tables() {
    let keys: BTreeMap<String, BTreeMap<String, String>> = rows("rules/keys.tsv")
        .into_iter()
        .map(|r| (r["key"].clone(), r))
        .collect();
    let mut wrong = Vec::new();
    for r in rows("rules/key-ranges.tsv") {
        if !keys.contains_key(&r["key"]) {
            wrong.push(format!("{}: not in keys.tsv", r["key"]));
        }
        let until = series(&r["until"]);
        if until.is_none_or(|u| u > NEWEST_TABLES) {
            wrong.push(format!("{}: until `{}`", r["key"], r["until"]));
        }
        if let (Some(s), Some(u)) = (series(&r["since"]), until) {
            if s >= u {
                wrong.push(format!("{}: {s:?}..{u:?} is empty", r["key"]));
            }
        }
    }
    // hung_task_panic: 0..1 up to 6.18, 0..INT_MAX in 6.19 (kernel/hung_task.c).
    let hung = &keys["kernel.hung_task_panic"];
    assert_eq!(
        (hung["min"].as_str(), hung["max"].as_str()),
        ("0", "2147483647")
    );
    assert!(rows("rules/key-ranges.tsv")
        .iter()
        .any(|r| r["key"] == "kernel.hung_task_panic" && r["until"] == "6.19" && r["max"] == "1"));
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The generator's outputs, run into a temporary directory, are byte-identical to
/// the checked-in files (it is deterministic, and nobody edited its outputs by hand).
#[test]
fn generator_output_is_checked_in() {
    let python = Command::new("python3").arg("--version").output();
    if python.is_err() {
        eprintln!("SKIPPED generator_output_is_checked_in: python3 is not installed");
        return;
    }
    let out = std::env::temp_dir().join(format!("sysctl-lint-gen-{}", std::process::id()));
    std::fs::create_dir_all(&out).expect("temp dir");
    let run = Command::new("python3")
        .arg("tools/catalogue/gen_catalogue.py")
        .env("GEN_CATALOGUE_OUT", &out)
        .output()
        .expect("run the generator");
    assert!(
        run.status.success(),
        "gen_catalogue.py failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pairs = [
        ("keys.tsv", "rules/keys.tsv"),
        ("namespaces.tsv", "rules/namespaces.tsv"),
        ("key-ranges.tsv", "rules/key-ranges.tsv"),
        ("kernel-tables.tsv", "tools/catalogue/kernel-tables.tsv"),
        (
            "table-disagreements.tsv",
            "tools/catalogue/table-disagreements.tsv",
        ),
    ];
    let mut differ = Vec::new();
    for (made, checked_in) in pairs {
        let a = std::fs::read(out.join(made)).expect("generated file");
        let b = std::fs::read(Path::new(checked_in)).expect("checked-in file");
        if a != b {
            differ.push(checked_in);
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    assert!(
        differ.is_empty(),
        "regenerate with `python3 tools/catalogue/gen_catalogue.py`: {differ:?} differ"
    );
}
