#![no_main]
//! `cargo fuzz run config` (add `-s none` on a stable toolchain). The contract is in
//! `obanctl::fuzzing::config`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| obanctl::fuzzing::config(data));
