//! leernet: a static-site generator for a learning network of care-and-welfare initiatives.
//!
//! The pipeline runs one way, top to bottom, and each module only uses the ones below it:
//!
//! ```text
//! site      runs the pipeline: load → validate → link → render → search index → write
//! serve     live preview: watch, rebuild, HTTP, reload
//! render    Markdown links resolved per page, templates, every page of the site
//! search    the build-time search index
//! output    writing the output folder atomically
//! link      taxonomies, related lessons, comparison matrix (derived from the model)
//! content   front matter, model, load, validate
//! config    config.toml: settings and controlled vocabularies
//! diagnostics  file:line:col errors
//! ```

pub mod config;
pub mod content;
pub mod diagnostics;
pub mod link;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod timing;
