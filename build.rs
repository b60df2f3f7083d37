//! Parses and validates the content folder (`content/`, or `$READER_CONTENT`) and writes the
//! whole library as one data file, `$OUT_DIR/library.bin`: the pre-renderer splits it into the
//! data files pages fetch, and the browser tests load it. The wasm itself includes none of it.
//! A malformed content file stops the build with its file and line; acronyms nothing explains
//! and names the entity file does not know are reported as warnings.

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-env-changed=READER_CONTENT");
    let dir = std::env::var_os("READER_CONTENT").map_or_else(|| PathBuf::from("content"), PathBuf::from);
    println!("cargo::rerun-if-changed={}", dir.display());
    let built = corpus::build_library(&dir).unwrap_or_else(|errors| {
        for line in errors.to_string().lines() {
            println!("cargo::error={line}");
        }
        eprintln!("{errors}");
        std::process::exit(1);
    });
    for warning in &built.warnings {
        println!("cargo::warning={warning}");
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("library.bin");
    std::fs::write(&out, built.library.to_bytes()).expect("OUT_DIR is writable");
}
