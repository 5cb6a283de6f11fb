fn main() {
    obanctl::main_entry()
}
