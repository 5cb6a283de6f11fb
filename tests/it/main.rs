//! One integration-test binary (faster to link than one per file). Every module is listed here.

mod audit;
mod cli;
mod common;
mod config;
mod connect;
mod crash;
mod cron;
mod demo;
mod doctor;
mod generated_docs;
mod harness;
mod hostile;
mod hostile_rows;
mod install;
mod jobs;
mod limiter;
mod listen;
mod live_workers;
mod oban_py;
mod pooling;
mod queues;
mod safety;
mod schema_conformance;
mod top;
mod tty;
mod workflow;
