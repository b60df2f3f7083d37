//! The app's wasm. It starts at `run`, called by wasm-bindgen once the module is instantiated,
//! rather than at a `main`: a program's `main` brings in the Rust runtime's set-up and clean-up
//! for it (naming the main thread, flushing at exit), which cost the wasm 0.3 KB brotli for
//! nothing a page uses.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn run() {
    reader::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
