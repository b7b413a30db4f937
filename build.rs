//! Turns the declarative knowledge in `rules/` into static tables, so start-up costs
//! nothing: `rules/keys.tsv` (key catalogue), `rules/namespaces.tsv`, and the front
//! matter of `rules/docs/*.md` (rule registry metadata and `explain` pages).
//! Bad data fails the build with the file and line.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/catalogue_path.rs");
    println!("cargo:rerun-if-changed=locales");
    shared();
    let out = env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    let out = Path::new(&out);
    fs::write(out.join("catalog_keys.rs"), keys()).expect("write catalog_keys.rs");
    fs::write(out.join("catalog_namespaces.rs"), namespaces()).expect("write namespaces");
    fs::write(out.join("rule_docs.rs"), rule_docs()).expect("write rule_docs.rs");
    fs::write(
        out.join("rule_docs_zh.rs"),
        rule_docs_translated("zh-CN", "RULE_DOCS_ZH_CN"),
    )
    .expect("write rule_docs_zh.rs");
    fs::write(out.join("key_docs.rs"), key_docs()).expect("write key_docs.rs");
    fs::write(out.join("key_ranges.rs"), key_ranges()).expect("write key_ranges.rs");
    let knowledge = [
        string_rows("rules/aliases.tsv", "ALIASES", &[2]),
        string_rows("rules/relations.tsv", "RELATIONS", &[4]),
        string_rows("rules/advice.tsv", "ADVICE", &[]),
        string_rows("rules/actions.tsv", "ACTIONS", &[]),
    ]
    .concat();
    fs::write(out.join("knowledge.rs"), knowledge).expect("write knowledge.rs");
}

/// A TSV of `rules/` as a static table of rows of strings (`[&str; N]`, N the
/// header's width), in file order; the columns named in `ints` must be empty or
/// integers. The rules that read the table interpret the rest.
fn string_rows(path: &str, name: &str, ints: &[usize]) -> String {
    let width = fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .next()
        .map_or(0, |h| h.split('\t').count());
    let mut out = format!("pub(crate) static {name}: &[[&str; {width}]] = &[\n");
    for (line, cells) in tsv(path) {
        for &i in ints {
            if !cells[i].is_empty() {
                int(path, line, &cells[i]);
            }
        }
        writeln!(out, "{cells:?},").expect("write to String");
    }
    out.push_str("];\n");
    out
}

/// The tests that read `../shared/` (the corpus, the reference `sysctl -a` and the
/// kernel's sysctl tables next to the repository) are marked ignored when it is
/// absent: `#[cfg_attr(shared_absent, ignore = "../shared is absent")]`, so that
/// `cargo test` reports them as ignored rather than passed. `SYSCTL_LINT_SHARED`
/// names another directory (`SYSCTL_LINT_SHARED=/nonexistent cargo test` shows
/// what a clone without it reports); the tests read the directory chosen here
/// from `env!("SYSCTL_LINT_SHARED_DIR")`.
///
/// Cargo cannot watch for a directory to appear without re-running this script
/// at every build, so a `../shared` added after the first build is seen after
/// `touch build.rs` (one that disappears is seen at once).
fn shared() {
    println!("cargo::rustc-check-cfg=cfg(shared_absent)");
    println!("cargo:rerun-if-env-changed=SYSCTL_LINT_SHARED");
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR is set by cargo");
    let dir =
        Path::new(&manifest).join(env::var_os("SYSCTL_LINT_SHARED").unwrap_or("../shared".into()));
    if dir.is_dir() {
        println!("cargo:rerun-if-changed={}", dir.display());
    } else {
        println!("cargo:rustc-cfg=shared_absent");
    }
    println!("cargo:rustc-env=SYSCTL_LINT_SHARED_DIR={}", dir.display());
}

fn tsv(path: &str) -> Vec<(usize, Vec<String>)> {
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, h)| h.split('\t').collect())
        .unwrap_or_default();
    lines
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let mut cells: Vec<String> = l.split('\t').map(|c| c.trim().to_owned()).collect();
            assert!(
                cells.len() <= header.len(),
                "{path}:{}: {} cells, header has {}",
                i + 1,
                cells.len(),
                header.len()
            );
            cells.resize(header.len(), String::new());
            (i + 1, cells)
        })
        .collect()
}

fn int(path: &str, line: usize, s: &str) -> String {
    if s.is_empty() {
        return "None".into();
    }
    let v: i128 = s
        .parse()
        .unwrap_or_else(|_| panic!("{path}:{line}: `{s}` is not an integer"));
    format!("Some({v})")
}

fn version(path: &str, line: usize, s: &str) -> String {
    // `<3.2`: present in the oldest kernel tables sampled, first release unknown
    // (no target the linter checks is too old for it).
    if s.is_empty() || s.starts_with('<') {
        return "None".into();
    }
    let mut it = s.split('.');
    let major: u64 = it
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or_else(|| panic!("{path}:{line}: bad version `{s}`"));
    let minor: u64 = it
        .next()
        .map(|m| {
            m.parse()
                .unwrap_or_else(|_| panic!("{path}:{line}: bad version `{s}`"))
        })
        .unwrap_or(0);
    format!("Some(({major}, {minor}))")
}

fn value_type(path: &str, line: usize, s: &str) -> String {
    match s {
        "int" => "ValueType::Int".into(),
        "uint" => "ValueType::UInt".into(),
        "bool" => "ValueType::Bool".into(),
        "enum" => "ValueType::Enum".into(),
        "bitmask" => "ValueType::Bitmask".into(),
        "string" => "ValueType::String".into(),
        "port_range" => "ValueType::PortRange".into(),
        "port_list" => "ValueType::PortList".into(),
        "" | "unknown" => "ValueType::Unknown".into(),
        s if s.starts_with("ints:") => {
            let n: u8 = s[5..]
                .parse()
                .unwrap_or_else(|_| panic!("{path}:{line}: bad type `{s}`"));
            format!("ValueType::Ints({n})")
        }
        _ => panic!("{path}:{line}: unknown type `{s}`"),
    }
}

fn status(path: &str, line: usize, s: &str) -> &'static str {
    match s {
        "" | "active" => "Status::Active",
        "removed" => "Status::Removed",
        "noop" => "Status::NoOp",
        "vendor" => "Status::Vendor",
        "moved" => "Status::Moved",
        _ => panic!("{path}:{line}: unknown status `{s}`"),
    }
}

#[path = "src/catalogue_path.rs"]
mod catalogue_path;
use catalogue_path::catalogue_path as lookup_path;

fn keys() -> String {
    let path = "rules/keys.tsv";
    let mut rows: Vec<(String, String)> = Vec::new();
    for (line, c) in tsv(path) {
        let [key, ty, access, unit, default, min, max, enforced, values, since, removed, st, scope, module, sources, note] =
            &c[..16]
        else {
            panic!("{path}:{line}: expected 16 columns")
        };
        let values: Vec<String> = values
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| {
                v.parse::<i128>()
                    .unwrap_or_else(|_| panic!("{path}:{line}: value `{v}` is not an integer"))
                    .to_string()
            })
            .collect();
        let access = match access.as_str() {
            "ro" => "Access::ReadOnly",
            "" | "rw" => "Access::ReadWrite",
            a => panic!("{path}:{line}: unknown access `{a}`"),
        };
        let mut s = String::new();
        writeln!(
            s,
            "KeyInfo {{ key: {key:?}, path: {lp:?}, ty: {ty}, access: {access}, unit: {unit:?}, default: {default:?}, \
             min: {min}, max: {max}, enforced: {enforced}, values: &[{values}], since: {since}, removed: {removed}, \
             status: {st}, scope: {scope:?}, module: {module:?}, sources: {sources:?}, note: {note:?} }},",
            lp = lookup_path(key),
            ty = value_type(path, line, ty),
            min = int(path, line, min),
            max = int(path, line, max),
            enforced = enforced == "yes",
            values = values.join(", "),
            since = version(path, line, since),
            removed = version(path, line, removed),
            st = status(path, line, st),
        )
        .expect("write to String");
        rows.push((lookup_path(key), s));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    for w in rows.windows(2) {
        assert!(w[0].0 != w[1].0, "{path}: duplicate key `{}`", w[0].0);
    }
    let mut out = String::from("pub(crate) static KEYS: &[KeyInfo] = &[\n");
    for (_, r) in rows {
        out.push_str(&r);
    }
    out.push_str("];\n");
    out
}

fn namespaces() -> String {
    let path = "rules/namespaces.tsv";
    let mut out = String::from("pub(crate) static NAMESPACES: &[Namespace] = &[\n");
    for (line, c) in tsv(path) {
        let closed = match c[1].as_str() {
            "yes" => true,
            "no" | "" => false,
            x => panic!("{path}:{line}: closed must be yes or no, not `{x}`"),
        };
        writeln!(
            out,
            "Namespace {{ prefix: {:?}, closed: {closed}, module: {:?}, note: {:?} }},",
            c[0], c[2], c[3]
        )
        .expect("write to String");
    }
    out.push_str("];\n");
    out
}

fn rule_docs() -> String {
    let dir = "rules/docs";
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    entries.sort();
    let mut out = String::from("pub(crate) static RULE_DOCS: &[RuleDoc] = &[\n");
    for p in entries {
        let shown = p.display().to_string();
        println!("cargo:rerun-if-changed={shown}");
        let text = fs::read_to_string(&p).unwrap_or_else(|e| panic!("{shown}: {e}"));
        let (front, body) = front_matter(&text, &shown);
        let field = |name: &str| -> String {
            front
                .lines()
                .find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(": ")))
                .map(|v| v.trim().to_owned())
                .unwrap_or_else(|| panic!("{shown}: front matter lacks `{name}`"))
        };
        let severity = match field("severity").as_str() {
            "error" => "Severity::Error",
            "warning" => "Severity::Warning",
            "info" => "Severity::Info",
            s => panic!("{shown}: unknown severity `{s}`"),
        };
        let code = field("code");
        let keys: Vec<String> = front
            .lines()
            .find_map(|l| l.strip_prefix("keys: "))
            .map(|v| {
                v.split(',')
                    .map(|k| lookup_path(k.trim()))
                    .filter(|k| !k.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        // Optional: the headline of a group of this code's findings in one
        // file (they share one cause; see `report::group`).
        let group: Option<String> = front
            .lines()
            .find_map(|l| l.strip_prefix("group: "))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty());
        assert_eq!(
            p.file_stem().and_then(|s| s.to_str()),
            Some(code.as_str()),
            "{shown}: file name must be the code"
        );
        writeln!(
            out,
            "RuleDoc {{ code: {code:?}, name: {:?}, severity: {severity}, summary: {:?}, group: {group:?}, keys: &{keys:?}, body: {:?} }},",
            field("name"),
            field("summary"),
            body.trim_start_matches('\n')
        )
        .expect("write to String");
    }
    out.push_str("];\n");
    out
}

/// A rule page's front matter (between the `---` lines) and its body.
fn front_matter<'a>(text: &'a str, shown: &str) -> (&'a str, &'a str) {
    let rest = text
        .strip_prefix("---\n")
        .unwrap_or_else(|| panic!("{shown}: must start with `---` front matter"));
    rest.split_once("\n---\n")
        .unwrap_or_else(|| panic!("{shown}: front matter is not closed with `---`"))
}

/// `rules/key-docs.tsv`: a short excerpt of the kernel documentation per key
/// (columns `key`, `source`, `excerpt`; `\n` in an excerpt is a line break).
fn key_docs() -> String {
    let path = "rules/key-docs.tsv";
    let mut rows: Vec<(String, String)> = Vec::new();
    if Path::new(path).exists() {
        for (line, c) in tsv(path) {
            let (key, source, excerpt) = (&c[0], &c[1], &c[2]);
            assert!(!key.is_empty(), "{path}:{line}: empty key");
            let lp = lookup_path(key);
            rows.push((
                lp.clone(),
                format!(
                    "({lp:?}, {source:?}, {:?}),\n",
                    excerpt.replace("\\n", "\n")
                ),
            ));
        }
    } else {
        println!("cargo:rerun-if-changed=rules");
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows.dedup_by(|a, b| a.0 == b.0);
    let mut out = String::from("pub(crate) static KEY_DOCS: &[(&str, &str, &str)] = &[\n");
    for (_, r) in rows {
        out.push_str(&r);
    }
    out.push_str("];\n");
    out
}

/// `rules/key-ranges.tsv`: ranges that differ by kernel version (they override the
/// catalogue's `min`/`max`/`enforced` for targets in `since..until`).
fn key_ranges() -> String {
    let path = "rules/key-ranges.tsv";
    let mut out = String::from("pub(crate) static KEY_RANGES: &[VersionedRange] = &[\n");
    for (line, c) in tsv(path) {
        writeln!(
            out,
            "VersionedRange {{ path: {:?}, since: {}, until: {}, min: {}, max: {}, enforced: {}, sources: {:?}, note: {:?} }},",
            lookup_path(&c[0]),
            version(path, line, &c[1]),
            version(path, line, &c[2]),
            int(path, line, &c[3]),
            int(path, line, &c[4]),
            c[5] == "yes",
            c[6],
            c[7]
        )
        .expect("write to String");
    }
    out.push_str("];\n");
    out
}

/// `rules/docs/<lang>/*.md`: the translated pages (code, summary, group headline, body).
/// Their front matter must name a code with an English page and have a
/// `summary:` (quotes around it are dropped); the other fields are the English
/// page's and are not read again.
fn rule_docs_translated(lang: &str, name: &str) -> String {
    let dir = format!("rules/docs/{lang}");
    println!("cargo:rerun-if-changed={dir}");
    let mut entries: Vec<_> = match fs::read_dir(&dir) {
        Ok(d) => d
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect(),
        Err(_) => Vec::new(),
    };
    entries.sort();
    let mut out = format!("pub(crate) static {name}: &[Translated] = &[\n");
    for p in entries {
        let shown = p.display().to_string();
        println!("cargo:rerun-if-changed={shown}");
        let text = fs::read_to_string(&p).unwrap_or_else(|e| panic!("{shown}: {e}"));
        let (front, body) = front_matter(&text, &shown);
        let summary = front
            .lines()
            .find_map(|l| l.strip_prefix("summary: "))
            .map(|v| {
                let v = v.trim();
                v.strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .unwrap_or(v)
                    .to_owned()
            })
            .unwrap_or_else(|| panic!("{shown}: front matter lacks `summary`"));
        let group: Option<String> = front
            .lines()
            .find_map(|l| l.strip_prefix("group: "))
            .map(|v| v.trim().to_owned());
        let code = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_else(|| panic!("{shown}: file name must be the code"));
        assert!(
            Path::new(&format!("rules/docs/{code}.md")).exists(),
            "{shown}: no English page rules/docs/{code}.md"
        );
        writeln!(
            out,
            "Translated {{ code: {code:?}, summary: {summary:?}, group: {group:?}, body: {:?} }},",
            body.trim_start_matches('\n')
        )
        .expect("write to String");
    }
    out.push_str("];\n");
    out
}
