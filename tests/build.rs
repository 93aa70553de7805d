//! Compiles the grpc suite's test service (`proto/orders.proto`) with protox, a pure-Rust
//! protobuf compiler, and tonic-prost-build: no `protoc`, no network.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=proto/orders.proto");
    let files = protox::compile(["orders.proto"], ["proto"])?;
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .compile_fds(files)?;
    Ok(())
}
