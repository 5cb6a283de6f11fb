#![no_main]
//! `cargo fuzz run filter` (add `-s none` on a stable toolchain). The contract is in
//! `obanctl::fuzzing::filter`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| obanctl::fuzzing::filter(data));
