#![no_main]
//! `cargo fuzz run duration` (add `-s none` on a stable toolchain). The contract is in
//! `obanctl::fuzzing::duration`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| obanctl::fuzzing::duration(data));
