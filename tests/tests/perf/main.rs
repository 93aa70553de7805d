//! The response benches' ground: the contenders answer with the same bytes, and the
//! response path allocates no more than hand-written code. The counting global
//! allocator of `alloc_counts` serves this whole binary, so only these suites live here.

mod alloc_counts;
mod bench_cases;
