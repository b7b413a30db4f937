//! What a document belongs to: its project's `.sysctl-lint.toml` (searched upwards
//! from the file, as `check` searches from the current directory), and the whole
//! system it is part of when it lives in a tree laid out like `/`
//! (`ROOT/etc/sysctl.d/x.conf`), for go-to-definition.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::config::{self, Config};
use crate::effective;
use crate::key::Key;
use crate::lint::{FileData, Options};
use crate::source::SourceFile;
use crate::system::Loader;

/// The settings a document is linted with.
#[derive(Debug, Clone)]
pub struct Project {
    pub config: Config,
    /// The project's configuration file, if one was found.
    pub config_path: Option<PathBuf>,
    /// Why the configuration could not be used (the defaults are used instead).
    pub error: Option<String>,
    pub options: Options,
}

impl Project {
    /// The project of a file: `.sysctl-lint.toml` in its directory or the nearest
    /// ancestor; for a document that is not a file, the workspace's.
    pub fn discover(path: Option<&Path>, workspace: Option<&Path>) -> Project {
        let start = path.and_then(Path::parent).or(workspace);
        // An untrusted file (another user's, or writable by others) is not used,
        // as on the command line.
        let found = match start {
            Some(dir) => config::discover(dir).map(config::Discovery::loaded),
            None => Ok(None),
        };
        let (config, config_path, mut error) = match found {
            Ok(Some(l)) => (l.config, Some(l.path), None),
            Ok(None) => (Config::default(), None, None),
            Err(e) => (Config::default(), Some(e.path.clone()), Some(e.to_string())),
        };
        let options = match crate::options_from_config(&config) {
            Ok(o) => o,
            Err(e) => {
                let file = config_path
                    .as_deref()
                    .map_or_else(String::new, |p| format!("{}: ", p.display()));
                error.get_or_insert(format!("{file}{e}"));
                Options::default()
            }
        };
        Project {
            config,
            config_path,
            error,
            options,
        }
    }

    /// The name the document is linted under (what `[per-file-ignores]` globs
    /// match): its path relative to the project's directory when it is below it,
    /// as `check` run there names it; else its path, or the URI.
    pub fn file_name(&self, path: Option<&Path>, uri: &str) -> String {
        let Some(path) = path else {
            return uri.to_owned();
        };
        let dir = self.config_path.as_deref().and_then(Path::parent);
        match dir.and_then(|d| path.strip_prefix(d).ok()) {
            Some(rel) if !rel.as_os_str().is_empty() => rel.display().to_string(),
            _ => path.display().to_string(),
        }
    }
}

/// The directories below a root that hold sysctl configuration, as
/// `ROOT/<dir>/sysctl.d/*.conf` or `ROOT/etc/sysctl.conf`.
const DROPIN_PARENTS: &[&str] = &["etc", "run", "usr/local/lib", "usr/lib", "lib"];

/// The root of the tree laid out like `/` that a file is part of, if its path
/// says so: `/etc/sysctl.d/x.conf` -> `/`, `repo/image/usr/lib/sysctl.d/y.conf`
/// -> `repo/image`, `repo/image/etc/sysctl.conf` -> `repo/image`.
pub fn system_root(path: &Path) -> Option<PathBuf> {
    let parent = path.parent()?;
    let dir = if path.file_name()? == "sysctl.conf" {
        parent
    } else if parent.file_name()? == "sysctl.d" {
        parent.parent()?
    } else {
        return None;
    };
    let candidates: &[&str] = if path.file_name()? == "sysctl.conf" {
        &["etc"]
    } else {
        DROPIN_PARENTS
    };
    for suffix in candidates {
        if dir.ends_with(suffix) {
            let mut root = dir.to_path_buf();
            for _ in Path::new(suffix).components() {
                root.pop();
            }
            if root.as_os_str().is_empty() {
                root.push("/");
            }
            return root.is_dir().then_some(root);
        }
    }
    None
}

/// The line that decides a key's value in the whole system a file is part of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Winner {
    /// The file on disk (links resolved inside the tree).
    pub path: PathBuf,
    /// The file's text as it was read (or the open buffer's).
    pub text: String,
    /// Byte span of the deciding line's key.
    pub span: std::ops::Range<usize>,
}

/// Where `key` gets its value when the system under `root` is loaded, with the
/// open documents' unsaved text in place of what is on disk (`open` gives the
/// text of the open document that is this file, if any). `None` when no applied file sets the key.
pub fn winning_line(
    root: &Path,
    loader: Option<Loader>,
    key: &Key,
    open: &dyn Fn(&Path) -> Option<String>,
) -> Option<Winner> {
    let layout = crate::layout::load(root, loader);
    let mut files: Vec<FileData> = layout.files[..layout.applied].to_vec();
    let mut paths: Vec<Option<PathBuf>> = Vec::with_capacity(files.len());
    for f in &mut files {
        let path = f.source.origin.as_ref().map(|id| {
            let rel = id.path.strip_prefix("/").unwrap_or(&id.path);
            root.join(rel)
        });
        if let Some(text) = path.as_deref().and_then(open) {
            let mut source = SourceFile::new(f.source.name.clone(), text.into_bytes());
            source.origin = f.source.origin.clone();
            *f = FileData::new(source);
        }
        paths.push(path);
    }
    let effs = effective::compute(&files, layout.loader);
    let wanted = key.path();
    let e = effs
        .iter()
        .find(|e| !e.glob && Key::parse(&e.key).path() == wanted)?;
    let index = files.iter().position(|f| f.source.name == e.set_by.file)?;
    let file = &files[index];
    let line = file.tree.lines.get(e.set_by.line.checked_sub(1)?)?;
    let span = file
        .settings
        .iter()
        .find(|s| s.line() == e.set_by.line - 1)
        .and_then(|s| s.key_span())
        .unwrap_or_else(|| line.content());
    Some(Winner {
        path: paths[index].clone()?,
        text: file.source.text.as_str().to_owned(),
        span,
    })
}

/// Whether two paths name the same file (by device and inode), or are equal.
pub fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_from_paths() {
        let dir = tempfile::tempdir().unwrap();
        let image = dir.path().join("image");
        std::fs::create_dir_all(image.join("usr/lib/sysctl.d")).unwrap();
        assert_eq!(
            system_root(&image.join("usr/lib/sysctl.d/50-x.conf")),
            Some(image.clone())
        );
        assert_eq!(
            system_root(&image.join("etc/sysctl.conf")),
            Some(image.clone())
        );
        assert_eq!(
            system_root(Path::new("/etc/sysctl.d/99-x.conf")),
            Some(PathBuf::from("/"))
        );
        assert_eq!(system_root(&dir.path().join("sysctl.d/a.conf")), None);
        assert_eq!(system_root(&image.join("etc/other.conf")), None);
    }
}
