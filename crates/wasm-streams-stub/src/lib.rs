//! A stand-in for `wasm-streams`, which Leptos's server functions pull in (for streaming
//! request and response bodies) even in an app that has none, as ours does not. The real
//! crate exports JavaScript classes (`IntoUnderlyingSource` and others) that no optimiser can
//! remove, and with them futures, sinks and `std::io` error texts: about 4 KB of every first
//! visit's wasm. This crate offers the four calls `server_fn` compiles against and nothing
//! else; they never run here. If the app ever streams a server function's body, drop the
//! `[patch.crates-io]` entry in the root Cargo.toml.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use wasm_bindgen::{JsCast, JsValue};

/// The JavaScript `ReadableStream`, as `wasm_streams::readable::sys` names it.
pub mod readable {
    pub mod sys {
        pub use web_sys::ReadableStream;
    }
}

/// A stream's handle; no stream is ever read through it.
pub struct ReadableStream(JsValue);

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self(raw.into())
    }

    /// Drops `stream`: nothing in this app sends a streaming body.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        Self(JsValue::UNDEFINED)
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.0.unchecked_into()
    }

    /// An empty stream: nothing in this app reads a streaming body.
    pub fn into_stream(self) -> NoStream {
        NoStream
    }
}

/// The stream [`ReadableStream::into_stream`] gives: it ends at once.
pub struct NoStream;

impl Stream for NoStream {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(None)
    }
}
