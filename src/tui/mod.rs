//! `obanctl top`: a live terminal dashboard of the job system, with actions.
//!
//! Built as three parts that only meet through plain data: [`gather`] fills a
//! [`snapshot::Snapshot`] on a poller thread; [`state::update`] is the only thing that changes
//! the [`state::UiState`]; [`render::render`] draws a frame from both through shared references.
//! [`app`] wires them to the terminal and carries out the actions `update` asks for, through the
//! same preview, reason, confirmation and audit path as the `jobs` commands.

pub mod app;
pub mod failures;
pub mod gather;
pub mod layout;
pub mod render;
pub mod snapshot;
pub mod state;

#[cfg(test)]
mod tests;
