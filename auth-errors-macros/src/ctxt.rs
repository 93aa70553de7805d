//! Every error found, collected and reported together, as serde_derive's `Ctxt` does.
//!
//! Stages take `&Ctxt` and record what they find; the entry point consumes it with
//! [`Ctxt::check`]. A `Ctxt` dropped unchecked would lose errors, so it panics: a bug in
//! this crate, never in the user's input.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::Span;

pub struct Ctxt {
    /// `None` once checked.
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Records an error.
    pub fn push(&self, error: syn::Error) {
        if let Some(errors) = self.errors.borrow_mut().as_mut() {
            errors.push(error);
        }
    }

    /// Records an error spanned at `span`.
    pub fn error(&self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Consumes the context: every error recorded, combined in the order found.
    pub fn check(self) -> syn::Result<()> {
        let errors = self.errors.borrow_mut().take().unwrap_or_default();
        let mut errors = errors.into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for rest in errors {
            combined.combine(rest);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("auth-errors-macros: a Ctxt was dropped without being checked");
        }
    }
}
