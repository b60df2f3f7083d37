fn main() {
    #[cfg(feature = "hydrate")]
    reader::start();
}
