//! The languages: every message id exists in every language with the same
//! arguments (the `.ftl` files parsed with fluent-syntax), and each way of
//! choosing the language works from the command line.

use std::collections::{BTreeMap, BTreeSet};

use assert_cmd::Command;
use fluent_syntax::ast;
use predicates::prelude::*;
use predicates::str::contains;
use sysctl_lint::i18n::{sources, Lang};

/// Each message id of a language with the variables it uses (`$name`).
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (file, text) in sources(lang) {
        let resource = fluent_syntax::parser::parse(*text)
            .unwrap_or_else(|(_, errors)| panic!("{lang}/{file}: {errors:?}"));
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut vars);
                }
                let id = m.id.name.to_owned();
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "{lang}/{file}: `{id}` defined twice"
                );
            }
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn every_message_in_every_language_with_the_same_arguments() {
    let english = messages(Lang::En);
    assert!(!english.is_empty());
    for lang in Lang::ALL {
        let other = messages(lang);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang}: missing messages {missing:?}");
        assert!(extra.is_empty(), "{lang}: messages English lacks {extra:?}");
        for (id, vars) in &english {
            assert_eq!(&other[id], vars, "{lang}: `{id}` takes other arguments");
        }
    }
}

fn bin() -> Command {
    let mut c = Command::cargo_bin("sysctl-lint").expect("binary");
    for v in ["LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"] {
        c.env_remove(v);
    }
    c
}

const ZH: &str = "默认级别";
const EN: &str = "Default severity";

#[test]
fn lang_flag() {
    bin()
        .args(["explain", "SL501", "--lang", "zh-CN"])
        .assert()
        .success()
        .stdout(contains(ZH));
    bin()
        .args(["--lang", "en", "explain", "SL501"])
        .env("LANG", "zh_CN.UTF-8")
        .assert()
        .success()
        .stdout(contains(EN));
}

#[test]
fn lang_from_the_locale_environment() {
    for (var, value, expect) in [
        ("LANG", "zh_CN.UTF-8", ZH),
        ("LC_MESSAGES", "zh_CN.UTF-8", ZH),
        ("LC_ALL", "zh_CN.UTF-8", ZH),
        ("LANG", "zh_TW.UTF-8", EN),
        ("LANG", "zh_HK.UTF-8", EN),
        ("LANG", "C.UTF-8", EN),
    ] {
        bin()
            .args(["explain", "SL501"])
            .env(var, value)
            .assert()
            .success()
            .stdout(contains(expect));
    }
    // LC_ALL beats LANG, as POSIX orders them.
    bin()
        .args(["explain", "SL501"])
        .env("LANG", "zh_CN.UTF-8")
        .env("LC_ALL", "C")
        .assert()
        .success()
        .stdout(contains(EN));
}

#[test]
fn lang_from_the_configuration() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(".sysctl-lint.toml"), "lang = \"zh-CN\"\n").expect("write");
    bin()
        .current_dir(dir.path())
        .args(["explain", "SL501"])
        .assert()
        .success()
        .stdout(contains(ZH));
    // The configuration beats the environment; --lang beats both.
    bin()
        .current_dir(dir.path())
        .args(["explain", "SL501"])
        .env("LANG", "en_US.UTF-8")
        .assert()
        .success()
        .stdout(contains(ZH));
    bin()
        .current_dir(dir.path())
        .args(["explain", "SL501", "--lang", "en"])
        .assert()
        .success()
        .stdout(contains(EN));
    std::fs::write(dir.path().join(".sysctl-lint.toml"), "lang = \"fr\"\n").expect("write");
    bin()
        .current_dir(dir.path())
        .args(["check", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains("invalid `lang`: `fr`"));
}

#[test]
fn unknown_language_is_a_usage_error() {
    bin()
        .args(["--lang", "klingon", "rules"])
        .assert()
        .code(2)
        .stderr(contains("unknown language `klingon`"));
}

#[test]
fn rule_list_in_chinese_keeps_codes_and_names() {
    bin()
        .args(["rules", "--lang", "zh-CN"])
        .assert()
        .success()
        .stdout(contains("SL501  tcp-tw-recycle"))
        .stdout(contains("错误"));
}

/// The front matter of a rule page: `(field, value)` lines between the `---`.
fn front_matter(path: &std::path::Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let rest = text.strip_prefix("---\n").expect("front matter");
    let (front, _) = rest.split_once("\n---\n").expect("closed front matter");
    front
        .lines()
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_owned(), v.trim().to_owned()))
        .collect()
}

#[test]
fn every_rule_page_exists_in_every_language_with_the_same_metadata() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/docs");
    let mut problems = Vec::new();
    for doc in sysctl_lint::rules::docs() {
        let english = front_matter(&root.join(format!("{}.md", doc.code)));
        for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
            let page = root.join(lang.tag()).join(format!("{}.md", doc.code));
            if !page.exists() {
                problems.push(format!("{}: no {lang} page", doc.code));
                continue;
            }
            let other = front_matter(&page);
            for (field, value) in &english {
                // Prose fields are translated; the machine fields are not.
                if matches!(field.as_str(), "summary" | "group") {
                    if !other.iter().any(|(f, _)| f == field) {
                        problems.push(format!("{} ({lang}): no `{field}`", doc.code));
                    }
                    continue;
                }
                if !other.iter().any(|(f, v)| f == field && v == value) {
                    problems.push(format!("{} ({lang}): `{field}` differs", doc.code));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn explain_serves_the_translated_page() {
    bin()
        .args(["explain", "SL501", "--lang", "zh-CN"])
        .assert()
        .success()
        .stdout(contains("## 内核的实际行为"))
        .stdout(contains("默认级别：警告"));
    bin()
        .args(["explain", "SL501"])
        .assert()
        .success()
        .stdout(contains("## What the kernel does"))
        .stdout(contains("Default severity: warning"));
}

#[test]
fn describe_labels_in_chinese_aligned_by_display_width() {
    let out = bin()
        .args(["describe", "net.ipv4.tcp_tw_reuse", "--lang", "zh-CN"])
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("读写: 可读写"), "{text}");
    // Every label ends at the same display column.
    let ends: Vec<usize> = text
        .lines()
        .take_while(|l| !l.is_empty())
        .map(|l| sysctl_lint::text::width(l.split(": ").next().unwrap_or("")))
        .collect();
    assert!(ends.windows(2).all(|w| w[0] == w[1]), "{ends:?}\n{text}");
}

#[test]
fn check_summary_and_footer_in_chinese() {
    bin()
        .args(["check", "tests/fixtures/tuning-guide.conf"])
        .env("LANG", "zh_CN.UTF-8")
        .assert()
        .code(1)
        .stdout(contains("发现 5 个错误"))
        .stdout(contains("运行 `sysctl-lint explain 代码` 查看详细说明"))
        .stdout(contains("= 原因: "))
        .stdout(contains("错误[SL201 unknown-key]"));
    bin()
        .args([
            "check",
            "--format",
            "short",
            "--lang",
            "zh-CN",
            "tests/fixtures/tuning-guide.conf",
        ])
        .assert()
        .code(1)
        .stdout(contains(": 提示[SL402] [*] "))
        .stdout(contains("（同样出现在第 "));
}

#[test]
fn help_in_chinese_where_clap_allows() {
    bin()
        .args(["--lang", "zh-CN", "--help"])
        .assert()
        .success()
        .stdout(contains("用法: sysctl-lint"))
        .stdout(contains("检查文件"))
        .stdout(contains("-h, --help         显示帮助"));
    bin()
        .args(["check", "--help"])
        .env("LANG", "zh_CN.UTF-8")
        .assert()
        .success()
        .stdout(contains("选项:"));
    // English help is clap's own, unchanged.
    bin()
        .args(["--help"])
        .assert()
        .success()
        .stdout(contains("Usage: sysctl-lint"))
        .stdout(contains("Print help"));
}

/// The tuning guide in Chinese, as `LANG=zh_CN.UTF-8 sysctl-lint check` prints it
/// at 100 columns (human) and as `--format short`.
#[test]
fn tuning_guide_in_chinese() {
    for (name, args) in [
        (
            "tuning_guide_zh_human",
            &["check", "tests/fixtures/tuning-guide.conf"][..],
        ),
        (
            "tuning_guide_zh_short",
            &[
                "check",
                "--format",
                "short",
                "tests/fixtures/tuning-guide.conf",
            ][..],
        ),
    ] {
        let out = bin()
            .args(args)
            .env("LANG", "zh_CN.UTF-8")
            .env("COLUMNS", "100")
            .env("NO_COLOR", "1")
            .output()
            .expect("run");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        if name.ends_with("human") {
            let wide: Vec<&str> = text
                .lines()
                .filter(|l| sysctl_lint::text::width(l) > 100)
                .collect();
            assert!(
                wide.is_empty(),
                "lines over 100 columns:\n{}",
                wide.join("\n")
            );
        }
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn errors_in_chinese() {
    // A configuration error: the message, the did-you-mean and the rendering.
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join(".sysctl-lint.toml"),
        "fail-on = \"warnng\"\n",
    )
    .expect("write");
    bin()
        .current_dir(dir.path())
        .args(["--lang", "zh-CN", "check", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains("`fail-on` 的值无效：`warnng`"))
        .stderr(contains("是否想写 \"warning\"？"));
    // A rule selector on the command line.
    bin()
        .args(["--lang", "zh-CN", "check", "--select", "SL2O1", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains("--select：未知的规则 `SL2O1`；是否想写 `SL201`？"));
    // Options that do not go together.
    bin()
        .args(["--lang", "zh-CN", "check", "--silent", "--diff", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains("--silent 什么都不输出"));
    // A file that is not a report, given to fleet.
    let report = dir.path().join("host.json");
    std::fs::write(&report, "{}").expect("write");
    bin()
        .args(["--lang", "zh-CN", "fleet"])
        .env("COLUMNS", "300")
        .arg(&report)
        .assert()
        .stdout(contains(
            "不是 sysctl-lint 的审计报告：没有 `\"version\": 1`",
        ));
    // The English stays as it was.
    bin()
        .args(["--lang", "en", "check", "--select", "SL2O1", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains(
            "--select: unknown rule `SL2O1`; did you mean `SL201`?",
        ));
}

#[test]
fn file_errors_in_chinese() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing.conf");
    let missing = missing.to_str().expect("utf-8");
    // Human output: the reason and the help in Chinese.
    bin()
        .args(["--lang", "zh-CN", "check", missing])
        .env("COLUMNS", "300")
        .assert()
        .code(2)
        .stdout(contains("无法读取 `"))
        .stdout(contains("missing.conf`：文件或目录不存在"))
        .stdout(contains("修复或删除该路径；其他输入已照常检查"))
        .stdout(contains("no such file").not());
    // JSON: the stable English message, the Chinese beside it.
    let out = bin()
        .args(["--lang", "zh-CN", "check", "--format", "json", missing])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "SL100");
    let message = d["message"].as_str().expect("message");
    assert!(message.starts_with("cannot read `"), "{message}");
    assert!(
        message.ends_with("missing.conf`: no such file or directory"),
        "{message}"
    );
    let localized = d["message_localized"].as_str().expect("message_localized");
    assert!(
        localized.ends_with("missing.conf`：文件或目录不存在"),
        "{localized}"
    );
    assert_eq!(
        d["help"],
        "fix or remove the path; the other inputs were still linted"
    );
    assert_eq!(d["help_localized"], "修复或删除该路径；其他输入已照常检查");
    // In English there is no localized text.
    let out = bin()
        .args(["--lang", "en", "check", "--format", "json", missing])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["diagnostics"][0]["message"], message);
    assert!(v["diagnostics"][0]
        .get("message_localized")
        .is_none_or(|m| m.is_null()));
    // A directory without *.conf files, and a snapshot that does not exist (audit).
    bin()
        .args(["--lang", "zh-CN", "check", "--format", "short"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout(contains("：目录中没有 *.conf 文件"));
    bin()
        .args(["--lang", "zh-CN", "audit", "--snapshot", missing])
        .env("COLUMNS", "300")
        .assert()
        .code(2)
        .stdout(contains("missing.conf`：文件或目录不存在"))
        .stdout(contains("修复或删除该路径；其他输入已照常读取"));
    // effective: the unreadable root.
    bin()
        .args(["--lang", "zh-CN", "effective", "--root", missing])
        .assert()
        .code(2)
        .stdout(contains("错误[SL100 unreadable-input]: 无法读取 `--root "))
        .stdout(contains("：文件或目录不存在"));
    // A file that cannot be written: the reason in Chinese.
    bin()
        .args(["--lang", "zh-CN", "check", "--output-file"])
        .arg(dir.path().join("no/such/dir/out.txt"))
        .arg("-")
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains("out.txt：文件或目录不存在"));
}
