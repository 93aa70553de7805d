//! `WWW-Authenticate` challenges: the RFC conformance vectors, property tests of the
//! parser and the formatter, and the fuzz targets' properties on their seeds.

mod conformance;
mod fuzz_regressions;
mod props;
