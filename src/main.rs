fn main() -> std::process::ExitCode {
    obanctl::main_entry()
}
