//! Property tests: for arbitrary bytes and for generated sysctl-like files, linting
//! never panics, printing the syntax tree reproduces the input, and every
//! diagnostic span lies inside the input on character boundaries.
//!
//! The default run is short (512 cases per property). A long session sets the
//! number of cases per property with the standard proptest variable, e.g.
//! `PROPTEST_CASES=350000 cargo test --release --test properties` (three
//! properties, so about a million cases in all).

use proptest::prelude::*;
use sysctl_lint::{lint_source, report, syntax, Options, SourceFile};

fn check_invariants(bytes: &[u8]) {
    let source = SourceFile::new("p.conf", bytes.to_vec());
    let tree = syntax::parse(&source.text);
    assert_eq!(tree.print(source.bytes()), bytes, "lossless round trip");
    let (files, diags) = lint_source("p.conf", bytes, &Options::default());
    let text = &files[0].source.text;
    for d in &diags {
        assert!(
            d.span.start <= d.span.end && d.span.end <= bytes.len(),
            "{d:?}"
        );
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{d:?}"
        );
        for l in &d.labels {
            assert!(l.span.end <= bytes.len());
        }
    }
    // Every renderer copes with whatever was found.
    let _ = report::human::render(&files, &diags, false);
    let _ = report::short::render(&files, &diags);
    let _ = report::json::render(&files, &diags, "6.18");
}

/// One line of a sysctl-like file: the pieces real files and mistakes are made of.
fn line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "net.ipv4.tcp_syncookies",
        "net/ipv4/ip_forward",
        "net.ipv4.conf.*.rp_filter",
        "net.ipv4.conf.eth0/100.rp_filter",
        "net.ipv4.tcp_rmem",
        "net.ipv4.ip_local_port_range",
        "net.ipv4.tcp_timestsmps",
        "kernel.core_pattern",
        "net..ipv4.x",
        "a b",
        "",
        "中文",
        "\u{FEFF}k",
    ]);
    let value = prop::sample::select(vec![
        "1",
        "0x10",
        "4096 131072 6291456",
        "1 2 3 4",
        "\"1\"",
        "= 1",
        "",
        "abc",
        "1 # c",
        "15#x",
        "core.%e",
        "\\",
        "8080,9000-9100",
        "-5",
        "99999999999999999999999",
    ]);
    let ws = prop::sample::select(vec!["", " ", "\t", "  ", "\r"]);
    prop_oneof![
        (
            ws.clone(),
            key.clone(),
            ws.clone(),
            ws.clone(),
            value,
            ws.clone()
        )
            .prop_map(|(a, k, b, c, v, d)| format!("{a}{k}{b}={c}{v}{d}")),
        (ws.clone(), key.clone()).prop_map(|(a, k)| format!("{a}-{k}")),
        prop::sample::select(vec![
            "# c",
            "; c",
            "",
            "  ",
            "sysctl -w a=1",
            "echo 1 > /proc/sys/x",
            "x"
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,40}",
    ]
}

fn file() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(line(), 0..20),
        prop::sample::select(vec!["\n", "\r\n"]),
        any::<bool>(),
    )
        .prop_map(|(lines, eol, final_eol)| {
            let mut s = lines.join(eol);
            if final_eol {
                s.push_str(eol);
            }
            s.into_bytes()
        })
}

/// 512 cases per property, or `PROPTEST_CASES` when it is set (a long session).
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_invariants(&bytes);
    }

    #[test]
    fn generated_files(bytes in file()) {
        check_invariants(&bytes);
    }

    #[test]
    fn generated_files_with_noise(mut bytes in file(), noise in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..5)) {
        for (i, b) in noise {
            if !bytes.is_empty() {
                let at = i.index(bytes.len());
                bytes[at] = b;
            }
        }
        check_invariants(&bytes);
    }
}
