//! `cargo run --example gen-docs`: write the generated pages of the documentation
//! book into `docs/` (see `book.rs`), and remove generated pages that no longer
//! have a source. `tests/book.rs` fails when `docs/` differs from what this writes.

mod book;

use std::path::Path;

fn main() -> std::io::Result<()> {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let files = book::generate();
    for dir in book::GENERATED_DIRS {
        let dir = docs.join("src").join(dir);
        std::fs::create_dir_all(&dir)?;
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            let rel = path
                .strip_prefix(&docs)
                .expect("under docs/")
                .to_string_lossy()
                .replace('\\', "/");
            if !files.contains_key(&rel) {
                std::fs::remove_file(&path)?;
                println!("removed docs/{rel}");
            }
        }
    }
    let mut changed = 0;
    for (rel, text) in &files {
        let path = docs.join(rel);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text)?;
            changed += 1;
        }
    }
    println!("docs/: {} generated files, {changed} written", files.len());
    Ok(())
}
