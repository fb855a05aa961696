//! Rebuilds the crate when the built-in theme (templates/, static/) changes: both are
//! compiled into the binary with include_dir, which cargo cannot see by itself.
fn main() {
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=static");
}
