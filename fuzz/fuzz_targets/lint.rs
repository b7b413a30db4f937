//! Bytes -> lint -> every renderer. Run with `cargo fuzz run lint` (from the
//! repository root; see fuzz/README.md).
//!
//! The first byte picks options (kernel, memory, profile); the rest is split at
//! each `\0\xff\0` into several files linted as one configuration, so the
//! cross-file rules (duplicates, overrides) run too. Each invariant of
//! tests/properties.rs is asserted.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sysctl_lint::{lint, report, FileData, KernelVersion, Options, SourceFile};

const KERNELS: [&str; 4] = ["6.18", "4.9", "2.6.32", "5.15.0-91-generic"];
const SEPARATOR: &[u8] = b"\0\xff\0";

fn split(mut data: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    while let Some(i) = data.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
        parts.push(&data[..i]);
        data = &data[i + SEPARATOR.len()..];
    }
    parts.push(data);
    parts
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let profiles = sysctl_lint::profile::all();
    let options = Options {
        kernel: KernelVersion::parse_lenient(KERNELS[usize::from(flags & 3)]).expect("kernel"),
        memory: (flags & 4 != 0).then_some(512 * 1024 * 1024),
        profile: (flags & 8 != 0 && !profiles.is_empty())
            .then(|| &profiles[usize::from(flags >> 4) % profiles.len()]),
        ..Options::default()
    };
    let files: Vec<FileData> = split(rest)
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| FileData::new(SourceFile::new(format!("f{i}.conf"), bytes.to_vec())))
        .collect();
    let diags = lint(&files, &options);
    for d in &diags {
        let file = &files[d.file];
        let (text, len) = (&file.source.text, file.source.bytes().len());
        assert!(d.span.start <= d.span.end && d.span.end <= len, "{d:?}");
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{d:?}"
        );
    }
    let _ = report::human::render(&files, &diags, flags & 0x40 != 0);
    let _ = report::short::render(&files, &diags);
    let json = report::json::render(&files, &diags, "6.18");
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON report is valid JSON");
    let _ = report::jsonl::render(&files, &diags);
    let _ = report::sarif::render(&files, &diags);
    let _ = report::github::render(&files, &diags);
    let _ = report::gitlab::render(&files, &diags);
});
