//! The pipeline: produces every output of a site from the model (`produce`), for a one-shot
//! `leernet build`, `check` and the preview server alike. For the preview server it also keeps
//! a `Workspace`: the last good site, what each output read while it was made (`graph`, with
//! fingerprints of what was read, `fingerprint`), and the outputs; after a change it re-makes
//! the outputs whose reads changed. The outputs for machines made of the whole model (sitemap,
//! `admin/`, comparison scripts, JSON export) are in `machine`. The full build is the same
//! producers with everything dirty.

mod fingerprint;
mod graph;
mod machine;
mod produce;
pub mod workspace;

pub use fingerprint::Model;
pub use graph::{Changes, Graph};
pub use machine::{Machine, sitemap};
pub use produce::{Kept, feeds_into, link_mode, machine_into, render_into, render_parts};
pub use workspace::{Outcome, Workspace};
