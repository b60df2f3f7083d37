fn main() {
    reader::start();
}
