//! `import-documents DUMP --out DIR [--kind KIND]`: writes a content file per document of a raw
//! dump into DIR (never over a file already there), checks each with the parser the build uses,
//! and lists the duplicates it dropped and the lines a person should decide about.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: import-documents DUMP --out DIR [--kind statement|press-release|speech]\n\
  DUMP: documents separated by three or more blank lines, one paragraph a line.\n\
  --kind: the kind of every document whose title does not name one.";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("import-documents: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<ExitCode, String> {
    let mut dump = None;
    let mut out = None;
    let mut kind = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a folder")?)),
            "--kind" => {
                let value = args.next().ok_or("--kind needs a kind")?;
                kind = Some(corpus::DocKind::NAMES.into_iter().find(|k| *k == value).ok_or(format!("unknown kind {value:?}"))?);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other if dump.is_none() && !other.starts_with('-') => dump = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    let dump = dump.ok_or("name the dump to import")?;
    let out = out.ok_or("name the folder to write to with --out")?;
    let text = std::fs::read_to_string(&dump).map_err(|e| format!("cannot read {}: {e}", dump.display()))?;
    let mut import = importer::import(&text);
    if let Some(kind) = kind {
        import.questions.retain(|q| !q.question.starts_with("the title does not say"));
        for doc in import.documents.iter_mut().filter(|d| d.kind.is_none()) {
            doc.kind = Some(kind);
        }
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut invalid = 0;
    for (position, doc) in import.documents.iter().enumerate() {
        let path = out.join(doc.file_name(position));
        write_new(&path, &doc.content_file())?;
        println!("{}: {} (line {} of {})", path.display(), doc.title, doc.line, dump.display());
        if let Err(errors) = corpus::parse_document(&path, &doc.content_file()) {
            invalid += 1;
            for error in errors {
                println!("  to fix: {error}");
            }
        }
    }
    for d in &import.duplicates {
        println!("dropped: {:?} at line {}, the same text as at line {}", d.title, d.line, d.same_as);
    }
    for q in &import.questions {
        println!("to decide: {}:{}: {:?}: {}", dump.display(), q.line, q.text, q.question);
    }
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    println!(
        "{} written, {} dropped, {} to decide, {} the build would refuse until fixed",
        count(import.documents.len(), "document", "documents"),
        count(import.duplicates.len(), "duplicate", "duplicates"),
        count(import.questions.len(), "line", "lines"),
        count(invalid, "file", "files"),
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes a file that must not exist yet.
fn write_new(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| format!("cannot write {} (it may exist already; the importer never overwrites): {e}", path.display()))?;
    file.write_all(text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
