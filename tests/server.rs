//! `sysctl-lint server` driven over pipes by a small JSON-RPC client, as an editor
//! drives it: initialize, didOpen, publishDiagnostics, didChange (debounced),
//! codeAction, hover, completion, definition, shutdown and exit.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: mpsc::Receiver<Value>,
    /// Notifications read while waiting for something else.
    backlog: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(workspace: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sysctl-lint"))
            .arg("server")
            .current_dir(workspace)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start sysctl-lint server");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(v) = line.strip_prefix("Content-Length: ") {
                    length = v.parse::<usize>().ok();
                }
            }
            let mut body = vec![0; length.expect("Content-Length header")];
            if stdout.read_exact(&mut body).is_err() {
                return;
            }
            let v: Value = serde_json::from_slice(&body).expect("a JSON message");
            if tx.send(v).is_err() {
                return;
            }
        });
        Client {
            child,
            stdin,
            incoming,
            backlog: Vec::new(),
            next_id: 1,
        }
    }

    fn write(&mut self, v: &Value) {
        let body = serde_json::to_string(v).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.write(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.write(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = self
                .incoming
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no answer to {method}"));
            if m.get("id") == Some(&json!(id)) && m.get("method").is_none() {
                assert!(m.get("error").is_none(), "{method} failed: {m}");
                return m["result"].clone();
            }
            self.backlog.push(m);
        }
    }

    /// The next notification that `pred` accepts (from the backlog first).
    fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = self
                .incoming
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("timed out waiting for {what}"));
            if pred(&m) {
                return m;
            }
            self.backlog.push(m);
        }
    }

    fn diagnostics(&mut self, uri: &str) -> Value {
        let uri = uri.to_owned();
        self.wait_for(&format!("diagnostics of {uri}"), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri.as_str()
        })["params"]
            .clone()
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn codes(published: &Value) -> Vec<String> {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

/// Apply LSP text edits (UTF-16 positions, ASCII text here) to a text.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let ch = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + ch
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (a, b, t) in spans {
        out.replace_range(a..b, t);
    }
    out
}

const DOC: &str = "\
net.ipv4.tcp_tw_recycle = 1
net.core.rmem_max = 16777216 #max buffer
net.ipv4.tcp_timestsmps = 0
net.ipv4.ip_local_port_range = 10000 65000
vm.overcommit_memory = 1
";

struct Project {
    _dir: tempfile::TempDir,
    root: PathBuf,
    doc: PathBuf,
    later: PathBuf,
}

/// A repository holding a system tree: `.sysctl-lint.toml` at its top, the
/// document in `etc/sysctl.d/50-test.conf` and a later drop-in that overrides
/// one of its keys.
fn project() -> Project {
    let (dir, root) = workspace("ignore = [\"SL512\"]   # port-range parity\n");
    let d = root.join("etc/sysctl.d");
    std::fs::create_dir_all(&d).unwrap();
    let doc = d.join("50-test.conf");
    std::fs::write(&doc, DOC).unwrap();
    let later = d.join("90-later.conf");
    std::fs::write(&later, "# later\nnet.core.rmem_max = 4194304\n").unwrap();
    Project {
        _dir: dir,
        root,
        doc,
        later,
    }
}

fn initialize(c: &mut Client, root: &Path, debounce_ms: u64) -> Value {
    initialize_with(
        c,
        json!({
            "processId": null,
            "rootUri": uri(root),
            "capabilities": {
                "textDocument": {
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "completion": {"completionItem": {"snippetSupport": false}}
                }
            },
            "initializationOptions": {"debounceMs": debounce_ms}
        }),
    )
}

/// `initialize` with `params`, then `initialized`: the server's answer.
fn initialize_with(c: &mut Client, params: Value) -> Value {
    let result = c.request("initialize", params);
    c.notify("initialized", json!({}));
    result
}

/// A workspace directory (canonical) whose `.sysctl-lint.toml` is `config`.
fn workspace(config: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join(".sysctl-lint.toml"), config).unwrap();
    (dir, root)
}

/// `textDocument/didOpen` of `text` at `uri`.
fn open(c: &mut Client, uri: &str, language: &str, version: i64, text: &str) {
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
    );
}

fn shutdown(mut c: Client) {
    assert_eq!(c.request("shutdown", Value::Null), Value::Null);
    c.notify("exit", Value::Null);
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Some(status) = c.child.try_wait().unwrap() {
            assert!(status.success(), "exit after shutdown: {status}");
            return;
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_editor_session() {
    let p = project();
    let mut c = Client::start(&p.root);
    let init = initialize(&mut c, &p.root, 300);
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["definitionProvider"], true);
    assert_eq!(init["serverInfo"]["name"], "sysctl-lint");

    // didOpen: the file is a sysctl file by its path (the client calls it "conf").
    let doc_uri = uri(&p.doc);
    open(&mut c, &doc_uri, "conf", 1, DOC);
    let published = c.diagnostics(&doc_uri);
    assert_eq!(published["version"], 1);
    let found = codes(&published);
    for code in ["SL202", "SL305", "SL201", "SL511"] {
        assert!(found.contains(&code.to_owned()), "{code} in {found:?}");
    }
    // The project's .sysctl-lint.toml ignores SL512.
    assert!(!found.contains(&"SL512".to_owned()), "{found:?}");
    let sl202 = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "SL202")
        .unwrap();
    assert_eq!(sl202["severity"], 1);
    assert_eq!(sl202["source"], "sysctl-lint");
    assert_eq!(
        sl202["range"],
        json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 23}})
    );
    assert!(
        sl202["message"]
            .as_str()
            .unwrap()
            .starts_with("`tcp_tw_recycle` was removed in Linux 4.12"),
        "{sl202}"
    );

    // A document that is not a sysctl file gets nothing.
    let notes = p.root.join("notes.conf");
    let notes_uri = uri(&notes);
    open(
        &mut c,
        &notes_uri,
        "plaintext",
        1,
        "net.ipv4.tcp_tw_recycle = 1\n",
    );

    // didChange, twice in a row: one lint after the pause, of the last version.
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": doc_uri, "version": 2},
            "contentChanges": [{
                "range": {"start": {"line": 2, "character": 9}, "end": {"line": 2, "character": 23}},
                "text": "tcp_timestamps"
            }]
        }),
    );
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": doc_uri, "version": 3},
            "contentChanges": [{
                "range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}},
                "text": "net.ipv4.tcp_fin\n"
            }]
        }),
    );
    let text = DOC.replace("timestsmps", "timestamps") + "net.ipv4.tcp_fin\n";
    let published = c.diagnostics(&doc_uri);
    assert_eq!(published["version"], 3, "debounced: only the last version");
    let found = codes(&published);
    assert!(!found.contains(&"SL201".to_owned()), "{found:?}");
    assert!(found.contains(&"SL101".to_owned()), "{found:?}");
    assert!(
        !c.backlog
            .iter()
            .any(|m| m["params"]["uri"] == notes_uri.as_str()),
        "no diagnostics for a file that is not a sysctl file"
    );

    // Code actions on the whole document: safe fixes first, unsafe ones labelled.
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": doc_uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 6, "character": 0}},
            "context": {"diagnostics": []}
        }),
    );
    let actions = actions.as_array().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    let fixes: Vec<&Value> = actions
        .iter()
        .filter(|a| a["kind"] == "quickfix" && !a["title"].as_str().unwrap().starts_with("Disable"))
        .collect();
    let first_unsafe = fixes
        .iter()
        .position(|a| a["title"].as_str().unwrap().contains("unsafe"))
        .expect("an unsafe fix (SL202 comments the line out)");
    assert!(first_unsafe > 0, "{titles:?}");
    assert!(fixes[..first_unsafe]
        .iter()
        .all(|a| a["isPreferred"] == true));
    assert!(fixes[first_unsafe..]
        .iter()
        .all(|a| a["isPreferred"] == false && a["title"].as_str().unwrap().contains("unsafe")));
    let sl305 = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("SL305"))
        .unwrap_or_else(|| panic!("an SL305 fix in {titles:?}"));
    let edits = sl305["edit"]["changes"][doc_uri.as_str()]
        .as_array()
        .unwrap();
    let fixed = apply(&text, edits);
    assert!(
        fixed.contains("#max buffer\nnet.core.rmem_max = 16777216\n"),
        "{fixed}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("Disable SL202")),
        "{titles:?}"
    );
    let fix_all = actions
        .iter()
        .find(|a| a["kind"] == "source.fixAll.sysctl-lint")
        .unwrap_or_else(|| panic!("fix all in {titles:?}"));
    let all = apply(
        &text,
        fix_all["edit"]["changes"][doc_uri.as_str()]
            .as_array()
            .unwrap(),
    );
    assert!(all.contains("net.core.rmem_max = 16777216\n"), "{all}");
    assert!(
        all.contains("net.ipv4.tcp_tw_recycle = 1\n"),
        "fix all applies safe fixes only: {all}"
    );

    // Hover on a key: its `describe` entry.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc_uri}, "position": {"line": 1, "character": 5}}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert!(
        value.contains("catalogue entry: net.core.rmem_max"),
        "{value}"
    );
    assert!(value.contains("unit: bytes"), "{value}");
    // Hover on a finding: its rule page (and the key's entry).
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc_uri}, "position": {"line": 0, "character": 3}}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("**SL202 removed-key** (error)"), "{value}");
    assert!(
        value.contains("# SL202 removed-key\n\n## What it does"),
        "{value}"
    );
    assert!(value.contains("removed in 4.12"), "{value}");

    // Completion of a key: catalogued keys the target kernel (6.18) has.
    let list = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": doc_uri}, "position": {"line": 5, "character": 16}}),
    );
    let items = list["items"].as_array().unwrap();
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"net.ipv4.tcp_fin_timeout"), "{labels:?}");
    assert!(
        !labels.contains(&"net.ipv4.tcp_tw_recycle"),
        "removed in 4.12"
    );
    assert!(
        labels.iter().all(|l| l.starts_with("net.ipv4.")),
        "{labels:?}"
    );
    let item = items
        .iter()
        .find(|i| i["label"] == "net.ipv4.tcp_fin_timeout")
        .unwrap();
    assert_eq!(
        item["textEdit"]["range"],
        json!({"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 16}})
    );
    let resolved = c.request("completionItem/resolve", item.clone());
    let doc = resolved["documentation"]["value"].as_str().unwrap();
    assert!(
        doc.contains("catalogue entry: net.ipv4.tcp_fin_timeout"),
        "{doc}"
    );
    // Completion of an enum's values.
    let list = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": doc_uri}, "position": {"line": 4, "character": 23}}),
    );
    let values: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["0", "1", "2"]);

    // Go to definition: the later drop-in wins for net.core.rmem_max ...
    let def = c.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": doc_uri}, "position": {"line": 1, "character": 3}}),
    );
    assert_eq!(def["uri"], uri(&p.later));
    assert_eq!(
        def["range"],
        json!({"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 17}})
    );
    // ... and this file for a key only it sets.
    let def = c.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": doc_uri}, "position": {"line": 4, "character": 3}}),
    );
    assert_eq!(def["uri"], doc_uri.as_str());
    assert_eq!(def["range"]["start"], json!({"line": 4, "character": 0}));

    // Closing clears the diagnostics.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": doc_uri}}),
    );
    let cleared = c.diagnostics(&doc_uri);
    assert_eq!(cleared["diagnostics"], json!([]));

    shutdown(c);
}

/// The language id `sysctl` makes any file a sysctl file; an invalid
/// `.sysctl-lint.toml` is reported once and the defaults apply; UTF-8 positions
/// when the client offers them.
#[test]
fn language_id_bad_config_and_utf8_positions() {
    let (_dir, root) = workspace("kernl = \"5.4\"\n");
    let file = root.join("guide.txt");
    let text = "# 中文\nnet.core.rmem_max = 1 #中文\n";
    let mut c = Client::start(&root);
    let init = initialize_with(
        &mut c,
        json!({
            "processId": null,
            "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}},
        }),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let file_uri = uri(&file);
    open(&mut c, &file_uri, "sysctl", 7, text);
    let shown = c.wait_for("showMessage", |m| m["method"] == "window/showMessage");
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains(".sysctl-lint.toml"), "{message}");
    assert!(message.contains("kernl"), "{message}");
    let published = c.diagnostics(&file_uri);
    assert_eq!(published["version"], 7);
    let sl305 = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "SL305")
        .expect("SL305");
    // `#中文` starts at byte 22 of line 1 and ends at its end (byte 29).
    assert_eq!(
        sl305["range"],
        json!({"start": {"line": 1, "character": 22}, "end": {"line": 1, "character": 29}})
    );
    shutdown(c);
}

/// Completion follows the kernel of the project's `.sysctl-lint.toml`, and
/// placeholders become snippet fields for a client that takes snippets.
#[test]
fn completion_follows_the_projects_kernel() {
    let (_dir, root) = workspace("kernel = \"4.9\"\n");
    let file = root.join("sysctl.conf");
    let text = "net.ipv4.tcp_\nnet.ipv4.conf.\n";
    let mut c = Client::start(&root);
    initialize_with(
        &mut c,
        json!({
            "processId": null,
            "capabilities": {"textDocument": {"completion": {"completionItem": {"snippetSupport": true}}}},
        }),
    );
    let file_uri = uri(&file);
    open(&mut c, &file_uri, "plaintext", 1, text);
    c.diagnostics(&file_uri);
    let list = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": file_uri}, "position": {"line": 0, "character": 13}}),
    );
    let labels: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"net.ipv4.tcp_tw_recycle"), "still in 4.9");
    assert!(
        !labels.contains(&"net.ipv4.tcp_ehash_entries"),
        "added in 5.16"
    );
    let list = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": file_uri}, "position": {"line": 1, "character": 14}}),
    );
    let rp = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "net.ipv4.conf.<dev>.rp_filter")
        .expect("rp_filter");
    assert_eq!(rp["insertTextFormat"], 2);
    assert_eq!(
        rp["textEdit"]["newText"],
        "net.ipv4.conf.${1:dev}.rp_filter"
    );
    shutdown(c);
}
