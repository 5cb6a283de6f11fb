#![no_main]
//! `cargo fuzz run conninfo` (add `-s none` on a stable toolchain). The contract is in
//! `obanctl::fuzzing::conninfo`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| obanctl::fuzzing::conninfo(data));
