//! Parses and validates `content/` at build time and writes it as static Rust data
//! (`$OUT_DIR/corpus.rs`, included by `src/content.rs`). A malformed content file stops the
//! build with its file and line.

use std::path::Path;

fn main() {
    let dir = Path::new("content");
    println!("cargo::rerun-if-changed={}", dir.display());
    let docs = match corpus::load_dir(dir) {
        Ok(docs) => docs,
        Err(errors) => {
            for e in &errors.0 {
                println!("cargo::error={e}");
            }
            eprintln!("{errors}");
            std::process::exit(1);
        }
    };
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.rs");
    std::fs::write(&out, corpus::codegen::to_rust(&docs)).expect("OUT_DIR is writable");
}
