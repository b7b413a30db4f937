//! The CI integrations run locally as their runners would run them, on a fixture
//! repository: the GitHub Action's steps (`contrib/github-action/install.sh` and
//! `run.sh`, which `action.yml` calls) with the environment a runner gives them,
//! checking the SARIF it would upload; and the script of the GitLab template
//! (`contrib/gitlab-ci.yml`), checking its Code Quality report.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

fn bin_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_sysctl-lint"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A repository with sysctl files in `etc/sysctl.d` and a system tree in `image/`.
fn fixture_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("etc/sysctl.d");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::copy(
        Path::new(REPO).join("tests/fixtures/tuning-guide.conf"),
        d.join("50-tuning.conf"),
    )
    .unwrap();
    let status = Command::new("cp")
        .arg("-a")
        .arg(Path::new(REPO).join("tests/fixtures/root"))
        .arg(dir.path().join("image"))
        .status()
        .unwrap();
    assert!(status.success());
    dir
}

struct Run {
    output: Output,
    /// What the step wrote to $GITHUB_OUTPUT.
    outputs: BTreeMap<String, String>,
    /// What it wrote to $GITHUB_PATH.
    path: String,
}

impl Run {
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }
}

/// Run one of the action's scripts as a runner does: in the workspace, with the
/// action's checkout in GITHUB_ACTION_PATH and the step's inputs as INPUT_*.
fn step(script: &str, workspace: &Path, path: &str, env: &[(&str, &str)]) -> Run {
    let files = tempfile::tempdir().unwrap();
    let output_file = files.path().join("output");
    let path_file = files.path().join("path");
    std::fs::write(&output_file, "").unwrap();
    std::fs::write(&path_file, "").unwrap();
    let mut cmd = Command::new("bash");
    cmd.arg(Path::new(REPO).join("contrib/github-action").join(script))
        .current_dir(workspace)
        .env_clear()
        .env("PATH", path)
        .env("HOME", files.path())
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_ACTION_PATH", REPO)
        .env("GITHUB_WORKSPACE", workspace)
        .env("GITHUB_OUTPUT", &output_file)
        .env("GITHUB_PATH", &path_file)
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("RUNNER_TEMP", files.path());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let output = cmd.output().unwrap();
    let outputs = std::fs::read_to_string(&output_file)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let path = std::fs::read_to_string(&path_file).unwrap();
    Run {
        output,
        outputs,
        path,
    }
}

/// PATH with the built sysctl-lint first.
fn path_with_binary() -> String {
    format!(
        "{}:{}",
        bin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn check_step(workspace: &Path, env: &[(&str, &str)]) -> Run {
    let run = step("run.sh", workspace, &path_with_binary(), env);
    assert!(
        run.output.status.success(),
        "run.sh always succeeds: {}",
        String::from_utf8_lossy(&run.output.stderr)
    );
    run
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("sarif-schema-2.1.0.json")).unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&schema)
        .expect("SARIF schema compiles")
}

/// The artifact locations of every result and related location.
fn locations(sarif: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    for r in sarif["runs"][0]["results"].as_array().unwrap() {
        for l in r["locations"]
            .as_array()
            .unwrap()
            .iter()
            .chain(r["relatedLocations"].as_array().into_iter().flatten())
        {
            out.push(&l["physicalLocation"]["artifactLocation"]);
        }
    }
    out
}

fn python3() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn action_yml_runs_the_scripts_with_its_inputs() {
    let yml = std::fs::read_to_string(Path::new(REPO).join("action.yml")).unwrap();
    assert!(yml.contains("using: composite"));
    for line in [
        "run: bash \"$GITHUB_ACTION_PATH/contrib/github-action/install.sh\"",
        "run: bash \"$GITHUB_ACTION_PATH/contrib/github-action/run.sh\"",
        "INPUT_VERSION: ${{ inputs.version }}",
        "INPUT_PATHS: ${{ inputs.paths }}",
        "INPUT_ROOT: ${{ inputs.root }}",
        "INPUT_ARGS: ${{ inputs.args }}",
        "INPUT_FORMAT: ${{ inputs.format }}",
        "INPUT_OUTPUT: ${{ inputs.output }}",
        "uses: github/codeql-action/upload-sarif@v3",
        "sarif_file: ${{ steps.check.outputs.report }}",
        "default: sarif",
    ] {
        assert!(yml.contains(line), "action.yml lacks `{line}`");
    }
}

#[test]
fn install_uses_the_sysctl_lint_on_path() {
    let repo = fixture_repo();
    let run = step("install.sh", repo.path(), &path_with_binary(), &[]);
    assert!(run.output.status.success(), "{}", run.stdout());
    assert!(
        run.stdout().contains("already installed"),
        "{}",
        run.stdout()
    );
    assert_eq!(run.outputs["bin"], bin_dir().display().to_string());
}

/// A directory of links to the tools the install script uses, and no sysctl-lint.
fn bare_path(dir: &Path) -> String {
    let tools = dir.join("tools");
    std::fs::create_dir_all(&tools).unwrap();
    for tool in [
        "bash",
        "curl",
        "tar",
        "gzip",
        "sha256sum",
        "awk",
        "sed",
        "find",
        "head",
        "dirname",
        "mkdir",
        "uname",
        "cat",
    ] {
        let found = std::env::var("PATH")
            .unwrap_or_default()
            .split(':')
            .map(|d| Path::new(d).join(tool))
            .find(|p| p.is_file());
        if let Some(p) = found {
            std::os::unix::fs::symlink(p, tools.join(tool)).unwrap();
        }
    }
    tools.display().to_string()
}

#[test]
fn install_downloads_the_release_binary_and_checks_its_sum() {
    let repo = fixture_repo();
    let work = tempfile::tempdir().unwrap();
    let path = bare_path(work.path());
    if !Path::new(&path).join("curl").exists() {
        eprintln!("SKIPPED: no curl; the release download of install.sh was not tested");
        return;
    }
    let version = env!("CARGO_PKG_VERSION");
    let release = work.path().join(format!("releases/v{version}"));
    std::fs::create_dir_all(&release).unwrap();
    let asset = "sysctl-lint-x86_64-unknown-linux-musl.tar.gz";
    // A copy: tar fails ("file changed as we read it") if the build directory's
    // binary is touched while it reads.
    let staged = work.path().join("staged");
    std::fs::create_dir(&staged).unwrap();
    std::fs::copy(bin_dir().join("sysctl-lint"), staged.join("sysctl-lint")).unwrap();
    let status = Command::new("tar")
        .arg("-czf")
        .arg(release.join(asset))
        .arg("-C")
        .arg(&staged)
        .arg("sysctl-lint")
        .status()
        .unwrap();
    assert!(status.success());
    let sum = Command::new("sha256sum")
        .arg(asset)
        .current_dir(&release)
        .output()
        .unwrap();
    std::fs::write(release.join(format!("{asset}.sha256")), &sum.stdout).unwrap();
    let base = format!("file://{}", work.path().join("releases").display());
    let runner_temp = work.path().join("runner");
    std::fs::create_dir(&runner_temp).unwrap();
    let runner_temp = runner_temp.display().to_string();
    let env = [
        ("SYSCTL_LINT_RELEASE_BASE", base.as_str()),
        ("RUNNER_TEMP", runner_temp.as_str()),
    ];

    let run = step("install.sh", repo.path(), &path, &env);
    assert!(run.output.status.success(), "{}", run.stdout());
    assert!(run.stdout().contains("release binary"), "{}", run.stdout());
    let dir = run.outputs["bin"].clone();
    assert_eq!(run.path.trim(), dir);
    let installed = Command::new(Path::new(&dir).join("sysctl-lint"))
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&installed.stdout).trim(),
        format!("sysctl-lint {version}")
    );

    // A corrupted download is refused.
    std::fs::write(
        release.join(format!("{asset}.sha256")),
        format!("{}  {asset}\n", "0".repeat(64)),
    )
    .unwrap();
    let run = step("install.sh", repo.path(), &path, &env);
    assert!(!run.output.status.success(), "{}", run.stdout());
    assert!(!run.outputs.contains_key("bin"));
}

#[test]
fn check_writes_the_sarif_it_would_upload() {
    let repo = fixture_repo();
    let run = check_step(repo.path(), &[("INPUT_PATHS", "etc/sysctl.d")]);
    assert_eq!(run.outputs["exit-code"], "1", "{}", run.stdout());
    assert_eq!(run.outputs["report"], "sysctl-lint.sarif");
    let text = std::fs::read_to_string(repo.path().join("sysctl-lint.sarif")).unwrap();
    let sarif: Value = serde_json::from_str(&text).unwrap();
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // Every finding of `check`, each on the repository's file.
    let json: Value = serde_json::from_slice(
        &Command::new(env!("CARGO_BIN_EXE_sysctl-lint"))
            .args(["check", "--format", "json", "etc/sysctl.d"])
            .current_dir(repo.path())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), json["diagnostics"].as_array().unwrap().len());
    assert!(results.len() > 20);
    for loc in locations(&sarif) {
        assert_eq!(loc["uri"], "etc/sysctl.d/50-tuning.conf", "{loc}");
        assert_eq!(loc["uriBaseId"], "%SRCROOT%", "{loc}");
    }
}

#[test]
fn check_under_root_names_the_repository_files() {
    let repo = fixture_repo();
    if !python3() {
        eprintln!("SKIPPED: no python3 (GitHub's runners have it); the --root path rewrite of run.sh was not tested");
        return;
    }
    let run = check_step(
        repo.path(),
        &[("INPUT_ROOT", "image"), ("INPUT_ARGS", "--loader systemd")],
    );
    assert_eq!(run.outputs["exit-code"], "1", "{}", run.stdout());
    let text = std::fs::read_to_string(repo.path().join("sysctl-lint.sarif")).unwrap();
    let sarif: Value = serde_json::from_str(&text).unwrap();
    assert!(sarif_validator().is_valid(&sarif));
    let locs = locations(&sarif);
    assert!(locs.len() > 3);
    for loc in locs {
        let uri = loc["uri"].as_str().unwrap();
        assert!(uri.starts_with("image/"), "{loc}");
        assert_eq!(loc["uriBaseId"], "%SRCROOT%", "{loc}");
        assert!(
            repo.path().join(uri).symlink_metadata().is_ok(),
            "{uri} is a file of the repository"
        );
    }

    // Annotations name the same files.
    let run = check_step(
        repo.path(),
        &[("INPUT_ROOT", "image"), ("INPUT_FORMAT", "github")],
    );
    assert_eq!(run.outputs["report"], "");
    let stdout = run.stdout();
    let annotations: Vec<&str> = stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert!(annotations.len() > 3, "{stdout}");
    for a in annotations {
        assert!(a.contains(" file=image/"), "{a}");
    }
}

#[test]
fn check_inputs_and_errors() {
    let repo = fixture_repo();
    // github format: annotations on standard output, no report file.
    let run = check_step(
        repo.path(),
        &[
            ("INPUT_PATHS", "etc/sysctl.d/50-tuning.conf\n"),
            ("INPUT_FORMAT", "github"),
            ("INPUT_ARGS", "--fail-on never"),
        ],
    );
    assert_eq!(run.outputs["exit-code"], "0");
    assert!(run
        .stdout()
        .contains("::error file=etc/sysctl.d/50-tuning.conf,line=4,"));
    // Neither paths nor root: an error, not a check of the runner's /etc.
    let run = check_step(repo.path(), &[]);
    assert_eq!(run.outputs["exit-code"], "2");
    assert!(run
        .stdout()
        .contains("::error title=sysctl-lint::set `paths`"));
    let run = check_step(
        repo.path(),
        &[("INPUT_PATHS", "etc"), ("INPUT_ROOT", "image")],
    );
    assert_eq!(run.outputs["exit-code"], "2");
}

/// The job script of `contrib/gitlab-ci.yml` (its `script:` block).
fn gitlab_script() -> String {
    let yml = std::fs::read_to_string(Path::new(REPO).join("contrib/gitlab-ci.yml")).unwrap();
    let mut lines = yml.lines().skip_while(|l| l.trim() != "script:");
    lines.next();
    let first = lines.next().unwrap();
    assert_eq!(first.trim(), "- |", "the script is one block");
    let indent = first.len() - first.trim_start().len() + 2;
    lines
        .take_while(|l| l.trim().is_empty() || l.len() - l.trim_start().len() >= indent)
        .map(|l| l.get(indent..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn gitlab_job(workspace: &Path, env: &[(&str, &str)]) -> (Output, Value) {
    let script = gitlab_script();
    let mut cmd = Command::new("bash");
    cmd.args(["-e", "-c", &script])
        .current_dir(workspace)
        .env("PATH", path_with_binary())
        .env("SYSCTL_LINT_PATHS", "")
        .env("SYSCTL_LINT_ROOT", "")
        .env("SYSCTL_LINT_ARGS", "")
        .env("SYSCTL_LINT_INSTALL", "false");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let report = std::fs::read_to_string(workspace.join("gl-code-quality-report.json"))
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    (out, serde_json::from_str(&report).unwrap())
}

#[test]
fn gitlab_template_writes_a_code_quality_report() {
    let repo = fixture_repo();
    let (out, report) = gitlab_job(repo.path(), &[("SYSCTL_LINT_PATHS", "etc/sysctl.d")]);
    assert_eq!(out.status.code(), Some(1), "findings fail the job");
    let issues = report.as_array().unwrap();
    assert!(issues.len() > 20);
    for i in issues {
        assert_eq!(i["location"]["path"], "etc/sysctl.d/50-tuning.conf");
        assert!(i["fingerprint"].as_str().unwrap().len() == 16);
    }
    let (out, report) = gitlab_job(
        repo.path(),
        &[
            ("SYSCTL_LINT_ROOT", "image"),
            ("SYSCTL_LINT_ARGS", "--fail-on never"),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let issues = report.as_array().unwrap();
    assert!(issues.len() > 3);
    for i in issues {
        let path = i["location"]["path"].as_str().unwrap();
        assert!(path.starts_with("image/"), "{path}");
        assert!(repo.path().join(path).symlink_metadata().is_ok(), "{path}");
    }
}
