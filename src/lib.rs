//! leernet: a static-site generator for a learning network of care-and-welfare initiatives.
//!
//! The pipeline runs one way, top to bottom, and each module only uses the ones below it
//! (checked by `tests/layers.rs`, which reads this picture: no module imports one drawn above
//! or beside it, so there are no circles):
//!
//! ```text
//! serve        live preview: watch, HTTP, reload (a server and a watcher)
//! site         `build` and `check`: load → validate → link → pipeline → write, atomically
//! sheet        `leernet import`, `export`, `new sheet`: spreadsheets in and out
//! scaffold     `leernet new`
//! diff         `leernet diff`: pages added, removed, changed between two output folders
//! pipeline     produces every output; for serve, what each page read and the rebuild
//! render       pages through templates, views, charts, feeds, sitemap, JSON export
//! search       the build-time search index (made from the model, not from the renderer)
//! output       output files and where they go (`Sink`); the output folder, written atomically
//! link         taxonomies, related lessons, comparison matrix (derived from the model)
//! content      front matter, fields, Markdown, load, validate, the model
//! deps         what an output read from the model (`Dep`), noted while it is made
//! urls         the output path of every page, and how one page links to another
//! strings      interface strings (`tr`) and teasers
//! escape       escaping for XML and for JSON inside scripts
//! config       config.toml: settings and controlled vocabularies
//! diagnostics  file:line:col problems and suggestions
//! timing       stage timings and the progress counter (used anywhere, uses nothing)
//! i18n         the Dutch and English message catalogues (used anywhere, uses nothing)
//! ```

pub mod config;
pub mod content;
pub mod deps;
pub mod diagnostics;
pub mod diff;
pub mod escape;
pub mod i18n;
pub mod link;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod sheet;
pub mod site;
pub mod strings;
pub mod timing;
pub mod urls;
