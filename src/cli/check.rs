//! `sysctl-lint check`: lint files, a directory, standard input or a whole tree;
//! `--fix` and `--diff`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sysctl_lint::config::Config;
use sysctl_lint::i18n::tr;
use sysctl_lint::report::{self, statistics::FixLine};
use sysctl_lint::system::Loader;
use sysctl_lint::{input, layout, Options};

use super::{
    append_fixes, deliver, exit_code, filter_findings, render, statistics, usage_error, CheckArgs,
    EXIT_ERROR, EXIT_FINDINGS,
};

pub(super) fn run(args: CheckArgs) -> ExitCode {
    let super::Prepared {
        cfg,
        options,
        exclude,
    } = match super::prepare("check", &args.lint) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let stdin_named = args.paths.iter().any(|p| p.as_os_str() == "-");
    if args.diff && args.lint.report.silent {
        return usage_error(tr("cli-silent-with-diff", &[]));
    }
    if args.fix && stdin_named && args.paths.len() > 1 {
        return usage_error(tr("cli-fix-stdin-mixed", &[]));
    }
    let tree = args.paths.is_empty();
    let root = args.root.clone().unwrap_or_else(|| PathBuf::from("/"));
    let loader = args.loader.map(Loader::from).or(cfg.loader);
    let load_tree = || {
        let l = layout::load_excluding(&root, loader, &exclude);
        let mut diags = sysctl_lint::check(&l.files[..l.applied], &options);
        diags.extend(l.diagnostics);
        let header = format!(
            "Checked {} as {} loads it ({}): {} files applied, {} skipped.\n",
            sysctl_lint::escape::escape_path(&root),
            l.loader,
            if l.detected { "detected" } else { "--loader" },
            l.applied,
            l.files.len() - l.applied
        );
        (l.files, diags, Some(header))
    };
    let (mut files, mut diags, mut header) = if tree {
        load_tree()
    } else {
        let loaded = input::load_excluding(
            &args.paths,
            &args.stdin_filename,
            &mut io::stdin().lock(),
            &exclude,
        );
        let files = input::into_files(loaded);
        let diags = sysctl_lint::check(&files, &options);
        (files, diags, None)
    };
    let mut fix_failed = 0;
    let mut applied = None;
    if args.fix || args.diff {
        match fix_mode(&args, &options, &files, &cfg) {
            Ok(FixOutcome::Diff { changes }) => {
                // The patch is on standard output: unreadable inputs go to
                // standard error, in the format asked for.
                let unreadable: Vec<_> = diags
                    .iter()
                    .filter(|d| d.code == "SL100")
                    .cloned()
                    .collect();
                if !unreadable.is_empty() {
                    eprint!(
                        "{}",
                        render(&args.lint.report, &files, &unreadable, None, &options)
                    );
                    return ExitCode::from(EXIT_ERROR);
                }
                return if changes && !args.lint.report.exit_zero {
                    ExitCode::from(EXIT_FINDINGS)
                } else {
                    ExitCode::SUCCESS
                };
            }
            Ok(FixOutcome::Fixed {
                files: fixed,
                failed,
                applied: written,
                handled,
            }) => {
                fix_failed = failed;
                applied = Some(written);
                if tree {
                    // What is on disk now, override drop-ins included; the
                    // package files' findings an override handles are fixed.
                    (files, diags, header) = load_tree();
                    diags.retain(|d| {
                        !handled.iter().any(|(file, code, key)| {
                            files[d.file].source.name == *file && d.code == *code && d.key == *key
                        })
                    });
                } else {
                    diags = sysctl_lint::check(&fixed, &options);
                    files = fixed;
                }
            }
            Err(e) => return usage_error(e),
        }
    }
    if let Err(code) = filter_findings(&cfg, &args.lint.baseline, &files, &mut diags) {
        return code;
    }
    let unreadable = files.iter().any(|f| f.read_error.is_some());
    let mut text = if args.lint.report.statistics {
        statistics(&args.lint.report, &diags, args.unsafe_fixes)
    } else {
        render(&args.lint.report, &files, &diags, header, &options)
    };
    if args.lint.report.show_fixes {
        let (fixes, done) = match applied {
            Some(done) => (done, true),
            None => (
                report::statistics::pending_fixes(&files, &diags, args.unsafe_fixes),
                false,
            ),
        };
        append_fixes(
            &args.lint.report,
            &mut text,
            &report::statistics::render_fixes(&fixes, done),
        );
    }
    if let Err(code) = deliver(&args.lint.report, &text, args.fix && stdin_named) {
        return code;
    }
    let worst = diags.iter().map(|d| d.severity).max();
    exit_code(&args.lint.report, &cfg, unreadable || fix_failed > 0, worst)
}

enum FixOutcome {
    /// `--diff` printed the changes; whether there were any.
    Diff { changes: bool },
    /// `--fix` wrote the files; here they are as they are now, and how many could
    /// not be written.
    Fixed {
        files: Vec<sysctl_lint::FileData>,
        failed: usize,
        /// The fixes written, for `--show-fixes`.
        applied: Vec<FixLine>,
        /// Findings in package files that an override drop-in now handles:
        /// (file, code, key). They are fixed, not left.
        handled: Vec<(String, &'static str, Option<String>)>,
    },
}

/// Where `--fix` and `--diff` write: the `--root` tree, or the host's `/` for
/// paths named on the command line.
struct FixTarget {
    root: sysctl_lint::fsroot::Root,
    /// Writing inside a `--root` tree (package files are overridden, not edited).
    tree: bool,
}

impl FixTarget {
    fn new(args: &CheckArgs) -> Result<FixTarget, String> {
        use sysctl_lint::fsroot::Root;
        let tree = args.paths.is_empty();
        let root = if tree {
            let dir = args.root.clone().unwrap_or_else(|| PathBuf::from("/"));
            Root::open(&dir).map_err(|e| {
                format!(
                    "cannot open --root {}: {e}",
                    sysctl_lint::escape::escape_path(&dir)
                )
            })?
        } else {
            Root::host().map_err(|e| format!("cannot open /: {e}"))?
        };
        Ok(FixTarget { root, tree })
    }

    /// Whether a file belongs to a package (decided on its resolved path).
    fn package_owned(&self, f: &sysctl_lint::FileData) -> bool {
        self.tree
            && f.source
                .origin
                .as_ref()
                .is_some_and(|id| sysctl_lint::fix::is_package_owned(&id.path.to_string_lossy()))
    }

    /// The path a patch names: the resolved path relative to the tree, or for a
    /// named file its resolved path relative to the current directory when it is
    /// below it (else absolute).
    fn diff_path(&self, f: &sysctl_lint::FileData) -> Vec<u8> {
        use std::os::unix::ffi::OsStrExt;
        let Some(id) = &f.source.origin else {
            return f.source.name.as_bytes().to_vec();
        };
        if self.tree {
            return id.path.as_os_str().as_bytes().to_vec();
        }
        let cwd = std::env::current_dir().and_then(std::fs::canonicalize);
        match cwd.as_deref().map(|c| id.path.strip_prefix(c)) {
            Ok(Ok(rel)) => rel.as_os_str().as_bytes().to_vec(),
            _ => id.path.as_os_str().as_bytes().to_vec(),
        }
    }
}

/// `--fix` and `--diff`. Each real file is written (or patched) once, through
/// the confined layer, and only if it still holds what was read. Under `--root`,
/// files below /usr/lib/sysctl.d and /usr/local/lib/sysctl.d belong to packages
/// and are never edited: an override drop-in in /etc/sysctl.d carries their fixes.
fn fix_mode(
    args: &CheckArgs,
    options: &Options,
    files: &[sysctl_lint::FileData],
    cfg: &Config,
) -> Result<FixOutcome, String> {
    use std::collections::HashSet;
    use sysctl_lint::fix;
    let target = FixTarget::new(args)?;
    let from_stdin = |f: &sysctl_lint::FileData| {
        f.source.origin.is_none()
            && args.paths.iter().any(|p| p.as_os_str() == "-")
            && f.source.name == args.stdin_filename
    };
    let editable = |f: &sysctl_lint::FileData| {
        f.read_error.is_none()
            && (f.source.origin.is_some() || from_stdin(f))
            && !target.package_owned(f)
    };
    // Only the fixes of findings the configuration reports.
    let wanted = |d: &sysctl_lint::Diagnostic| {
        cfg.enabled(d.code)
            && !files
                .get(d.file)
                .is_some_and(|f| cfg.ignored_in_file(&f.source.name, d.code))
    };
    let results = fix::fix_files(files, options, args.unsafe_fixes, editable, wanted);
    let overrides = override_dropins(&target, files, options, args.unsafe_fixes, &wanted);
    // The same file reached twice (procps reads /etc/sysctl.conf directly and
    // through Debian's 99-sysctl.conf link) is written once.
    let mut seen = HashSet::new();
    let mut first = |f: &sysctl_lint::FileData| {
        f.source
            .origin
            .as_ref()
            .is_none_or(|id| seen.insert((id.dev, id.ino)))
    };
    if args.diff {
        let mut out = io::stdout().lock();
        let mut changes = false;
        let mut write = |bytes: &[u8]| match out.write_all(bytes) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                Err(format!("cannot write the diff: {e}"))
            }
            _ => Ok(()),
        };
        for (f, r) in files.iter().zip(&results) {
            if r.new_bytes == f.source.bytes() || !first(f) {
                continue;
            }
            changes = true;
            write(&fix::unified_diff_bytes(
                target.diff_path(f),
                f.source.bytes(),
                &r.new_bytes,
            ))?;
        }
        for o in &overrides {
            changes = true;
            let path = Path::new(fix::OVERRIDE_DIR).join(&o.name);
            use std::os::unix::ffi::OsStrExt;
            write(&fix::creation_diff(path.as_os_str().as_bytes(), &o.body))?;
        }
        return Ok(FixOutcome::Diff { changes });
    }
    let mut count = 0usize;
    let mut failed = 0usize;
    let mut applied = Vec::new();
    let fix_lines = |name: &str, fixed: &[fix::Fixed]| -> Vec<FixLine> {
        fixed
            .iter()
            .map(|x| FixLine {
                file: name.to_owned(),
                line: x.line,
                code: x.code,
                title: x.title.clone(),
            })
            .collect()
    };
    let mut new_files = Vec::with_capacity(files.len());
    for (f, r) in files.iter().zip(results) {
        let mut keep = r.new_bytes;
        if from_stdin(f) {
            io::stdout().lock().write_all(&keep).map_err(|e| {
                tr(
                    "fix-cannot-write-stdout",
                    &[("error", (&super::io_reason(&e)).into())],
                )
            })?;
            count += r.fixed.len();
            applied.extend(fix_lines(&f.source.name, &r.fixed));
        } else if keep != f.source.bytes() {
            let id = f.source.origin.as_ref().filter(|_| first(f));
            match id.map(|id| target.root.replace(id, f.source.bytes(), &keep)) {
                Some(Ok(())) => {
                    count += r.fixed.len();
                    applied.extend(fix_lines(&f.source.name, &r.fixed));
                }
                None => {}
                Some(Err(e)) => {
                    failed += 1;
                    let why = match e {
                        sysctl_lint::fsroot::FsError::Changed => tr("fix-changed", &[]),
                        e => tr(
                            "fix-cannot-write",
                            &[("error", e.reason_text().shown().into())],
                        ),
                    };
                    eprintln!("sysctl-lint: {}: {why}", f.source.name);
                    keep = f.source.bytes().to_vec();
                }
            }
        }
        let mut source = sysctl_lint::SourceFile::new(r.name, keep);
        source.origin = f.source.origin.clone();
        let mut data = sysctl_lint::FileData::new(source);
        data.read_error = f.read_error.clone();
        new_files.push(data);
    }
    let mut handled = Vec::new();
    for o in &overrides {
        let dir = Path::new(fix::OVERRIDE_DIR);
        match target.root.create_new(dir, &o.name, &o.body, 0o644) {
            Ok(path) => {
                eprintln!(
                    "sysctl-lint: {}",
                    tr(
                        "fix-override-written",
                        &[
                            ("file", (&o.package_file).into()),
                            (
                                "override",
                                (&sysctl_lint::escape::escape_path(&path).into_owned()).into()
                            ),
                        ]
                    )
                );
                count += o.fixed;
                applied.extend(o.applied.iter().cloned());
                handled.extend(
                    o.handled
                        .iter()
                        .map(|(code, key)| (o.package_file.clone(), *code, key.clone())),
                );
            }
            Err(e) => {
                failed += 1;
                eprintln!(
                    "sysctl-lint: {}",
                    tr(
                        "fix-override-failed",
                        &[
                            ("file", (&o.package_file).into()),
                            (
                                "override",
                                (&sysctl_lint::escape::escape_path(&dir.join(&o.name))
                                    .into_owned())
                                    .into()
                            ),
                            ("error", e.reason_text().shown().into()),
                        ]
                    )
                );
            }
        }
    }
    eprintln!(
        "sysctl-lint: {}",
        tr("fix-fixed", &[("count", count.into())])
    );
    Ok(FixOutcome::Fixed {
        files: new_files,
        failed,
        applied,
        handled,
    })
}

/// An override drop-in `--fix` writes for a package file under `--root`.
struct Override {
    /// The package file, as reports name it.
    package_file: String,
    /// The drop-in's file name in [`fix::OVERRIDE_DIR`].
    name: std::ffi::OsString,
    body: Vec<u8>,
    /// How many findings it fixes.
    fixed: usize,
    /// Those fixes, at their lines in the package file.
    applied: Vec<FixLine>,
    /// The findings they handle: (code, key).
    handled: Vec<(&'static str, Option<String>)>,
}

/// The override drop-ins for the package files of a `--root` tree whose fixes
/// can be expressed as settings. None when /etc/sysctl.d itself resolves into a
/// package directory (the drop-in would be a package file).
fn override_dropins(
    target: &FixTarget,
    files: &[sysctl_lint::FileData],
    options: &Options,
    unsafe_fixes: bool,
    wanted: &dyn Fn(&sysctl_lint::Diagnostic) -> bool,
) -> Vec<Override> {
    use sysctl_lint::fix;
    use sysctl_lint::fsroot::Resolved;
    let owned = |f: &sysctl_lint::FileData| f.read_error.is_none() && target.package_owned(f);
    if !target.tree || !files.iter().any(owned) {
        return Vec::new();
    }
    if let Ok(Resolved::Entry { path, .. }) = target.root.resolve(Path::new(fix::OVERRIDE_DIR)) {
        let probe = path.join("x.conf");
        if fix::is_package_owned(&probe.to_string_lossy()) {
            eprintln!(
                "sysctl-lint: {}",
                tr(
                    "fix-override-dir-is-package",
                    &[
                        ("dir", fix::OVERRIDE_DIR.into()),
                        (
                            "path",
                            (&sysctl_lint::escape::escape_path(&path).into_owned()).into()
                        ),
                    ]
                )
            );
            return Vec::new();
        }
    }
    let results = fix::fix_files(files, options, unsafe_fixes, owned, wanted);
    let mut out = Vec::new();
    for (f, r) in files.iter().zip(results) {
        if !owned(f) || r.new_bytes == f.source.bytes() {
            continue;
        }
        let fixed =
            sysctl_lint::FileData::new(sysctl_lint::SourceFile::new(r.name.clone(), r.new_bytes));
        let changed = fix::changed_settings(f, &fixed);
        if changed.is_empty() {
            eprintln!(
                "sysctl-lint: {}",
                tr(
                    "fix-override-impossible",
                    &[("file", (&f.source.name).into())]
                )
            );
            continue;
        }
        let Some(id) = &f.source.origin else { continue };
        let (name, body) = fix::override_dropin(&id.path, &changed);
        out.push(Override {
            package_file: f.source.name.clone(),
            name,
            body,
            fixed: r.fixed.len(),
            handled: r.fixed.iter().map(|x| (x.code, x.key.clone())).collect(),
            applied: r
                .fixed
                .iter()
                .map(|x| FixLine {
                    file: f.source.name.clone(),
                    line: x.line,
                    code: x.code,
                    title: x.title.clone(),
                })
                .collect(),
        });
    }
    out
}
