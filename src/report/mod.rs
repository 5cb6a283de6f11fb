//! Report values: what each command hands the printer, with its JSON kind and its view for
//! people. Pure: built from rows and plain values, rendered by [`crate::output`], unit-tested
//! without a database or a terminal.

pub mod audit;
pub mod config;
pub mod cron;
pub mod demo;
pub mod jobs;
pub mod limiter;
pub mod mutate;
pub mod workflow;
