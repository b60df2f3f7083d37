//! Search benchmark: index build time, index size and query latency on the default corpus and
//! on deterministic synthetic corpora 10×, 100× and 1000× larger. Prints a table; asserts
//! nothing. Run with `cargo bench -p search --bench search` (add `-- --quick` to stop at 100×,
//! `-- --only 1` to measure one scale at length, for a profiler).

use std::path::Path;
use std::time::{Duration, Instant};

use search::{Index, PassageInput};

const QUERIES: &[&str] = &[
    "aviation security",
    "\"safe spaces\" FATF",
    "Eurojsut",
    "terorism financing",
    "radicalization",
    "malaga",
    "EUR 600 000",
    "Saint-Denis",
    "F-35",
    "joint investigation team",
    "terr",
    "nuclear deterrent submarines",
    "human trafficking -Bulgaria",
    "how many were arrested in Spain",
    "Counter-Daesh coalition",
];

struct Passage {
    doc: u32,
    title: String,
    heading: Option<String>,
    text: String,
}

/// The default corpus's paragraphs, as the reader indexes them (`content_model::Part::search_passages`).
fn default_corpus() -> Vec<Passage> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let library = corpus::build_library(&dir).expect("default corpus builds").library;
    let passages = library.search_passages();
    passages
        .into_iter()
        .map(|p| Passage { doc: p.doc, title: p.title.to_string(), heading: p.heading.map(str::to_string), text: p.text.to_string() })
        .collect()
}

/// `copies` copies of the corpus; in every copy after the first, one word in seven is replaced
/// by a word made from a fixed pseudo-random sequence, so the vocabulary grows with the corpus
/// as it would with real documents.
fn synthetic(base: &[Passage], copies: usize) -> Vec<Passage> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let syllables = ["ka", "ro", "mi", "tel", "vos", "an", "dur", "pe", "lis", "gor", "ne", "bra"];
    let mut out = Vec::with_capacity(base.len() * copies);
    let docs_per_copy = base.iter().map(|p| p.doc).max().unwrap_or(0) + 1;
    for copy in 0..copies {
        for p in base {
            let text = if copy == 0 {
                p.text.clone()
            } else {
                p.text
                    .split(' ')
                    .map(|w| {
                        if next() % 7 == 0 {
                            (0..2 + next() % 3).map(|_| syllables[next() % syllables.len()]).collect::<String>()
                        } else {
                            w.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            out.push(Passage { doc: p.doc + docs_per_copy * copy as u32, title: p.title.clone(), heading: p.heading.clone(), text });
        }
    }
    out
}

fn build(passages: &[Passage]) -> Index {
    Index::build(passages.iter().map(|p| PassageInput { doc: p.doc, title: &p.title, heading: p.heading.as_deref(), text: &p.text }))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    // `--only N` measures one scale, for profiling.
    let only: Option<usize> = args.iter().position(|a| a == "--only").and_then(|i| args.get(i + 1)?.parse().ok());
    let base = default_corpus();
    println!(
        "{:>6} {:>9} {:>10} {:>9} {:>11} {:>12} {:>12} {:>12}",
        "scale", "passages", "text MB", "terms", "build ms", "index MB", "median µs", "p95 µs"
    );
    for scale in [1usize, 10, 100, 1000] {
        if (quick && scale > 100) || only.is_some_and(|o| o != scale) {
            continue;
        }
        let passages = synthetic(&base, scale);
        let text_bytes: usize = passages.iter().map(|p| p.text.len()).sum();
        let started = Instant::now();
        let index = build(&passages);
        let build_time = started.elapsed();
        let rounds = if only.is_some() { 20000 } else { (2000 / scale).max(3) };
        let mut times = Vec::with_capacity(rounds * QUERIES.len());
        let mut found = 0usize;
        for _ in 0..rounds {
            for q in QUERIES {
                let t = Instant::now();
                let results = index.search(q, 20);
                times.push(t.elapsed());
                found += results.total;
            }
        }
        if scale == 1 {
            let per_query: Vec<String> = QUERIES
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    let mut own: Vec<Duration> = times.iter().skip(i).step_by(QUERIES.len()).copied().collect();
                    own.sort();
                    format!("{q}: {:.1}", percentile(&own, 0.5).as_secs_f64() * 1e6)
                })
                .collect();
            println!("       per query at 1× (median µs): {}", per_query.join("; "));
        }
        times.sort();
        println!(
            "{:>5}× {:>9} {:>10.2} {:>9} {:>11.1} {:>12.2} {:>12.1} {:>12.1}",
            scale,
            index.passage_count(),
            text_bytes as f64 / 1e6,
            index.term_count(),
            build_time.as_secs_f64() * 1e3,
            index.heap_bytes() as f64 / 1e6,
            percentile(&times, 0.5).as_secs_f64() * 1e6,
            percentile(&times, 0.95).as_secs_f64() * 1e6,
        );
        std::hint::black_box(found);
    }
}
