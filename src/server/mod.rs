//! `sysctl-lint server`: a language server over standard input and output
//! (JSON-RPC, the `lsp-server` transport that rust-analyzer and ruff use).
//!
//! - Diagnostics are published when a sysctl document is opened or saved, and a
//!   short while after it stops changing (debounced: [`DEFAULT_DEBOUNCE`], or
//!   `initializationOptions.debounceMs`). A document is a sysctl file when the
//!   client's language id is `sysctl`, or its path is `sysctl.conf` or
//!   `sysctl.d/*.conf`; other documents are left alone.
//! - Each document is linted with the `.sysctl-lint.toml` found upwards from its
//!   file (read again at every lint, so editing it takes effect; saving it in the
//!   editor re-lints every open document). An invalid one is reported once with
//!   `window/showMessage`, and the defaults are used meanwhile.
//! - Code actions: each finding's fix (safe fixes first and preferred, unsafe
//!   ones labelled), a `disable=` comment per code, and "fix all safe findings"
//!   (`source.fixAll.sysctl-lint`).
//! - Hover: a finding's rule page; a key's `describe` entry.
//! - Completion: keys from the catalogue that the target kernel has, documented
//!   values after `=`.
//! - Go to definition on a key: the line whose value wins when the whole system
//!   the file belongs to is loaded (a file under `ROOT/etc/sysctl.d`,
//!   `ROOT/usr/lib/sysctl.d`, ... or `ROOT/etc/sysctl.conf`, with the open
//!   documents' unsaved text), else the last line of the document that sets it.
//!
//! The server is single-threaded: linting one file takes microseconds to a few
//! milliseconds, well below a keystroke.

mod features;
mod project;
mod text;

use std::collections::HashMap;
use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::Uri;

use features::Analysis;
use project::Project;
use text::{Encoding, LineIndex};

pub use features::{FIX_ALL_KIND, SOURCE};

/// The requests the server answers.
const KNOWN_REQUESTS: &[&str] = &[
    "shutdown",
    "textDocument/codeAction",
    "textDocument/hover",
    "textDocument/completion",
    "completionItem/resolve",
    "textDocument/definition",
];

/// How long a document must stay unchanged before it is linted again.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(200);

type BoxError = Box<dyn Error + Send + Sync>;

/// Serve on standard input and output until the client says `exit`. Returns
/// whether `shutdown` came first (the exit code is 0 then, 1 otherwise).
pub fn run_stdio() -> Result<bool, BoxError> {
    let (connection, io_threads) = Connection::stdio();
    let clean = run(connection)?;
    io_threads.join()?;
    Ok(clean)
}

/// Serve on a connection (see [`run_stdio`]).
pub fn run(connection: Connection) -> Result<bool, BoxError> {
    let (id, params) = connection.initialize_start()?;
    let params: lsp::InitializeParams = serde_json::from_value(params)?;
    let server = Server::new(connection, &params);
    let result = lsp::InitializeResult {
        capabilities: server.capabilities(),
        server_info: Some(lsp::ServerInfo {
            name: env!("CARGO_PKG_NAME").to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
    };
    server
        .connection
        .initialize_finish(id, serde_json::to_value(result)?)?;
    server.main_loop()
}

struct Document {
    uri: Uri,
    path: Option<PathBuf>,
    version: i32,
    text: String,
    sysctl: bool,
    /// When to lint it again (a change is pending).
    due: Option<Instant>,
    analysis: Option<Analysis>,
}

impl Document {
    fn fresh(&self) -> Option<&Analysis> {
        self.analysis.as_ref().filter(|a| a.version == self.version)
    }
}

struct Server {
    connection: Connection,
    encoding: Encoding,
    debounce: Duration,
    snippets: bool,
    markdown: bool,
    workspace: Option<PathBuf>,
    docs: HashMap<String, Document>,
    /// Configuration errors already shown, so each is shown once.
    shown_errors: Vec<String>,
    shutdown: bool,
}

impl Server {
    fn new(connection: Connection, params: &lsp::InitializeParams) -> Server {
        let caps = &params.capabilities;
        let encoding = match caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
        {
            Some(list) if list.contains(&lsp::PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        };
        let text_caps = caps.text_document.as_ref();
        let snippets = text_caps
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.snippet_support)
            .unwrap_or(false);
        let markdown = text_caps
            .and_then(|t| t.hover.as_ref())
            .and_then(|h| h.content_format.as_ref())
            .is_none_or(|f| f.contains(&lsp::MarkupKind::Markdown));
        let debounce = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("debounceMs"))
            .and_then(serde_json::Value::as_u64)
            .map_or(DEFAULT_DEBOUNCE, Duration::from_millis);
        #[allow(deprecated)] // root_uri: older clients send only that
        let workspace = params
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .map(|f| &f.uri)
            .or(params.root_uri.as_ref())
            .and_then(text::uri_to_path);
        Server {
            connection,
            encoding,
            debounce,
            snippets,
            markdown,
            workspace,
            docs: HashMap::new(),
            shown_errors: Vec::new(),
            shutdown: false,
        }
    }

    fn capabilities(&self) -> lsp::ServerCapabilities {
        lsp::ServerCapabilities {
            position_encoding: Some(match self.encoding {
                Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
                Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
            }),
            text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
                lsp::TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                    save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                    ..lsp::TextDocumentSyncOptions::default()
                },
            )),
            hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
            completion_provider: Some(lsp::CompletionOptions {
                trigger_characters: Some(vec![".".to_owned(), "=".to_owned()]),
                resolve_provider: Some(true),
                ..lsp::CompletionOptions::default()
            }),
            code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                lsp::CodeActionOptions {
                    code_action_kinds: Some(vec![
                        lsp::CodeActionKind::QUICKFIX,
                        lsp::CodeActionKind::new(FIX_ALL_KIND),
                    ]),
                    ..lsp::CodeActionOptions::default()
                },
            )),
            definition_provider: Some(lsp::OneOf::Left(true)),
            ..lsp::ServerCapabilities::default()
        }
    }

    fn main_loop(mut self) -> Result<bool, BoxError> {
        loop {
            let next = self.docs.values().filter_map(|d| d.due).min();
            let message = match next {
                Some(due) => {
                    let wait = due.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(m) => Some(m),
                        Err(e) if e.is_timeout() => None,
                        Err(_) => return Ok(false),
                    }
                }
                None => match self.connection.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(false),
                },
            };
            match message {
                Some(Message::Request(req)) => self.request(req)?,
                Some(Message::Notification(n)) if n.method == "exit" => return Ok(self.shutdown),
                Some(Message::Notification(n)) => {
                    let method = n.method.clone();
                    if let Err(e) = self.notification(n) {
                        // A notification has no answer: say why it was dropped.
                        self.notify::<lsp::notification::LogMessage>(lsp::LogMessageParams {
                            typ: lsp::MessageType::ERROR,
                            message: format!("sysctl-lint: {method}: {e}"),
                        })?;
                    }
                }
                Some(Message::Response(_)) | None => {}
            }
            let now = Instant::now();
            let due: Vec<String> = self
                .docs
                .iter()
                .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
                .map(|(k, _)| k.clone())
                .collect();
            for key in due {
                self.lint_and_publish(&key)?;
            }
        }
    }

    fn send(&self, message: impl Into<Message>) -> Result<(), BoxError> {
        self.connection.sender.send(message.into())?;
        Ok(())
    }

    fn notify<N: lsp::notification::Notification>(
        &self,
        params: N::Params,
    ) -> Result<(), BoxError> {
        self.send(Notification::new(N::METHOD.to_owned(), params))
    }

    fn notification(&mut self, n: Notification) -> Result<(), BoxError> {
        use lsp::notification as ntf;
        match n.method.as_str() {
            ntf::DidOpenTextDocument::METHOD => {
                let p: lsp::DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                let d = p.text_document;
                let path = text::uri_to_path(&d.uri);
                let sysctl = is_sysctl(&d.language_id, path.as_deref());
                let key = d.uri.as_str().to_owned();
                self.docs.insert(
                    key.clone(),
                    Document {
                        uri: d.uri,
                        path,
                        version: d.version,
                        text: d.text,
                        sysctl,
                        due: None,
                        analysis: None,
                    },
                );
                if sysctl {
                    self.lint_and_publish(&key)?;
                }
            }
            ntf::DidChangeTextDocument::METHOD => {
                let p: lsp::DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                let encoding = self.encoding;
                let debounce = self.debounce;
                if let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str()) {
                    for change in p.content_changes {
                        match change.range {
                            Some(range) => {
                                let index = LineIndex::new(&doc.text, encoding);
                                let span = index.span(&doc.text, range);
                                doc.text.replace_range(span, &change.text);
                            }
                            None => doc.text = change.text,
                        }
                    }
                    doc.version = p.text_document.version;
                    if doc.sysctl {
                        doc.due = Some(Instant::now() + debounce);
                    }
                }
            }
            ntf::DidSaveTextDocument::METHOD => {
                let p: lsp::DidSaveTextDocumentParams = serde_json::from_value(n.params)?;
                let key = p.text_document.uri.as_str().to_owned();
                let saved = self.docs.get(&key).and_then(|d| d.path.clone());
                let is_config = saved
                    .as_deref()
                    .and_then(Path::file_name)
                    .is_some_and(|f| f == crate::config::FILE_NAME);
                if is_config {
                    self.relint_all()?;
                } else if self.docs.get(&key).is_some_and(|d| d.sysctl) {
                    self.lint_and_publish(&key)?;
                }
            }
            ntf::DidCloseTextDocument::METHOD => {
                let p: lsp::DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                if let Some(doc) = self.docs.remove(p.text_document.uri.as_str()) {
                    if doc.sysctl {
                        self.notify::<ntf::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
                            uri: doc.uri,
                            diagnostics: Vec::new(),
                            version: None,
                        })?;
                    }
                }
            }
            ntf::DidChangeConfiguration::METHOD | ntf::DidChangeWatchedFiles::METHOD => {
                self.relint_all()?;
            }
            _ => {}
        }
        Ok(())
    }

    fn relint_all(&mut self) -> Result<(), BoxError> {
        let keys: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.sysctl)
            .map(|(k, _)| k.clone())
            .collect();
        for key in keys {
            self.lint_and_publish(&key)?;
        }
        Ok(())
    }

    /// Lint a document now and publish its diagnostics.
    fn lint_and_publish(&mut self, key: &str) -> Result<(), BoxError> {
        let encoding = self.encoding;
        let workspace = self.workspace.clone();
        let Some(doc) = self.docs.get_mut(key) else {
            return Ok(());
        };
        doc.due = None;
        let project = Project::discover(doc.path.as_deref(), workspace.as_deref());
        let error = project.error.clone();
        let name = project.file_name(doc.path.as_deref(), doc.uri.as_str());
        let analysis = Analysis::new(&doc.text, doc.version, name, project, encoding);
        let params = lsp::PublishDiagnosticsParams {
            uri: doc.uri.clone(),
            diagnostics: analysis.lsp_diagnostics(&doc.uri),
            version: Some(doc.version),
        };
        doc.analysis = Some(analysis);
        if let Some(e) = error {
            if !self.shown_errors.contains(&e) {
                self.notify::<lsp::notification::ShowMessage>(lsp::ShowMessageParams {
                    typ: lsp::MessageType::ERROR,
                    message: format!("sysctl-lint: {e} (using the default settings)"),
                })?;
                self.shown_errors.push(e);
            }
        }
        self.notify::<lsp::notification::PublishDiagnostics>(params)
    }

    /// The analysis of a document's current text (linting it first if a change is
    /// pending); `None` for documents that are not sysctl files.
    fn analysis(&mut self, uri: &Uri) -> Result<Option<&Analysis>, BoxError> {
        let key = uri.as_str();
        let Some(doc) = self.docs.get(key) else {
            return Ok(None);
        };
        if !doc.sysctl {
            return Ok(None);
        }
        if doc.fresh().is_none() {
            self.lint_and_publish(key)?;
        }
        Ok(self.docs.get(key).and_then(Document::fresh))
    }

    fn request(&mut self, req: Request) -> Result<(), BoxError> {
        if self.shutdown {
            return self.send(Response::new_err(
                req.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".to_owned(),
            ));
        }
        let id = req.id.clone();
        if !KNOWN_REQUESTS.contains(&req.method.as_str()) {
            return self.send(Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("unhandled method {}", req.method),
            ));
        }
        let result = self.answer(&req.method, req.params);
        match result {
            Ok(value) => self.send(Response::new_ok(id, value)),
            Err(e) => self.send(Response::new_err(
                id,
                ErrorCode::InvalidParams as i32,
                e.to_string(),
            )),
        }
    }

    /// The result of a request (one of [`KNOWN_REQUESTS`]); an error is answered
    /// as invalid parameters and the server goes on.
    fn answer(
        &mut self,
        method: &str,
        params: serde_json::Value,
    ) -> Result<serde_json::Value, BoxError> {
        use lsp::request as rq;
        Ok(match method {
            rq::Shutdown::METHOD => {
                self.shutdown = true;
                serde_json::Value::Null
            }
            rq::CodeActionRequest::METHOD => {
                // Read leniently: the context's diagnostics are not used (the
                // server's own are), and some clients send them incomplete.
                let uri: Uri = serde_json::from_value(params["textDocument"]["uri"].clone())?;
                let range: lsp::Range = serde_json::from_value(params["range"].clone())?;
                let only: Option<Vec<lsp::CodeActionKind>> =
                    serde_json::from_value(params["context"]["only"].clone()).unwrap_or(None);
                let actions = self
                    .analysis(&uri)?
                    .map(|a| a.code_actions(&uri, range, only.as_deref()));
                serde_json::to_value(actions)?
            }
            rq::HoverRequest::METHOD => {
                let p: lsp::HoverParams = serde_json::from_value(params)?;
                let tdp = p.text_document_position_params;
                let markdown = self.markdown;
                let hover = self
                    .analysis(&tdp.text_document.uri)?
                    .and_then(|a| a.hover(tdp.position, markdown));
                serde_json::to_value(hover)?
            }
            rq::Completion::METHOD => {
                let p: lsp::CompletionParams = serde_json::from_value(params)?;
                let tdp = p.text_document_position;
                let snippets = self.snippets;
                let list = self
                    .analysis(&tdp.text_document.uri)?
                    .and_then(|a| a.completion(tdp.position, snippets))
                    .map(lsp::CompletionResponse::List);
                serde_json::to_value(list)?
            }
            rq::ResolveCompletionItem::METHOD => {
                let item: lsp::CompletionItem = serde_json::from_value(params)?;
                serde_json::to_value(features::resolve_completion(item, self.markdown))?
            }
            rq::GotoDefinition::METHOD => {
                let p: lsp::GotoDefinitionParams = serde_json::from_value(params)?;
                let location = self.definition(&p.text_document_position_params)?;
                serde_json::to_value(location.map(lsp::GotoDefinitionResponse::Scalar))?
            }
            _ => serde_json::Value::Null,
        })
    }

    /// Where the key under the cursor gets its value: the winning line of the
    /// whole system the file is part of, else the document's last line setting it.
    fn definition(
        &mut self,
        tdp: &lsp::TextDocumentPositionParams,
    ) -> Result<Option<lsp::Location>, BoxError> {
        let uri = &tdp.text_document.uri;
        let Some(a) = self.analysis(uri)? else {
            return Ok(None);
        };
        let Some((key, _)) = a.key_at(a.index.offset(a.text(), tdp.position)) else {
            return Ok(None);
        };
        let loader = a.project.config.loader;
        let doc = &self.docs[uri.as_str()];
        let encoding = self.encoding;
        if let Some(root) = doc.path.as_deref().and_then(project::system_root) {
            let open = |p: &Path| {
                self.docs
                    .values()
                    .find(|d| {
                        d.path
                            .as_deref()
                            .is_some_and(|dp| project::same_file(dp, p))
                    })
                    .map(|d| d.text.clone())
            };
            if let Some(w) = project::winning_line(&root, loader, &key, &open) {
                let index = LineIndex::new(&w.text, encoding);
                let same = doc
                    .path
                    .as_deref()
                    .is_some_and(|dp| project::same_file(dp, &w.path));
                let target = if same {
                    Some(uri.clone())
                } else {
                    text::path_to_uri(&w.path)
                };
                if let Some(target) = target {
                    return Ok(Some(lsp::Location::new(
                        target,
                        index.range(&w.text, &w.span),
                    )));
                }
            }
        }
        let a = doc.fresh().expect("analysed above");
        let wanted = key.path();
        let last = a
            .file
            .settings
            .iter()
            .rev()
            .find(|s| {
                s.key
                    .as_ref()
                    .is_some_and(|k| !k.glob && k.path() == wanted)
            })
            .and_then(|s| s.key_span());
        Ok(last.map(|span| lsp::Location::new(uri.clone(), a.index.range(a.text(), &span))))
    }
}

/// Whether the client's document is a sysctl file: language id `sysctl`, or a
/// path `.../sysctl.conf` or `.../sysctl.d/*.conf`.
pub fn is_sysctl(language_id: &str, path: Option<&Path>) -> bool {
    if language_id == "sysctl" {
        return true;
    }
    let Some(path) = path else { return false };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name == "sysctl.conf"
        || (name.ends_with(".conf")
            && path
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|d| d == "sysctl.d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sysctl_documents() {
        assert!(is_sysctl("plaintext", Some(Path::new("/etc/sysctl.conf"))));
        assert!(is_sysctl("conf", Some(Path::new("/x/sysctl.d/10-a.conf"))));
        assert!(is_sysctl("sysctl", Some(Path::new("/tmp/guide.txt"))));
        assert!(is_sysctl("sysctl", None));
        assert!(!is_sysctl("conf", Some(Path::new("/etc/sysctl.d/README"))));
        assert!(!is_sysctl("ini", Some(Path::new("/etc/other.conf"))));
    }
}
