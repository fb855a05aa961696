//! Fuzzes the whole file-to-HTML path: any bytes as a lesson file, checked like `leernet check`
//! does, and when accepted rendered into every page of a small site with the built-in theme.
#![no_main]
use leernet::config::Config;
use leernet::content::load::{Loaded, Section, SourceFile, parse_file};
use leernet::content::model::Site;
use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const CONFIG: &str = "title = 'Fuzz'\nbase_url = 'https://f.example'\n\
[[themes]]\nslug = 'mantelzorg'\nnl = 'Mantelzorg'\nen = 'Care'\n\
[[stakeholders]]\nslug = 'inwoner'\nnl = 'Inwoner'\nen = 'Resident'\n\
[[financing]]\nslug = 'projectsubsidie'\nnl = 'Subsidie'\nen = 'Grant'\n";

const INITIATIVE: &[u8] = b"---\ntitle: Alpha\nsummary: S.\nregion: Oss\nthemes: [mantelzorg]\n\
stakeholders: [inwoner]\nfinancing: [projectsubsidie]\n---\nProfiel.\n";

fn base() -> &'static (Config, leernet::content::model::Initiative) {
    static B: OnceLock<(Config, leernet::content::model::Initiative)> = OnceLock::new();
    B.get_or_init(|| {
        let config = Config::parse(Path::new("config.toml"), CONFIG).unwrap();
        let src = SourceFile { section: Section::Initiatives, path: PathBuf::from("/fuzz/initiatives/alpha.md"), rel: "initiatives/alpha.md".into() };
        let Loaded::Initiative(i) = parse_file(&config, &src, INITIATIVE.to_vec()).0 else { panic!("fixture") };
        (config, *i)
    })
}

fuzz_target!(|data: &[u8]| {
    let (config, initiative) = base();
    let src = SourceFile { section: Section::Lessons, path: PathBuf::from("/fuzz/lessons/les.md"), rel: "lessons/les.md".into() };
    if let (Loaded::Lesson(lesson), _) = parse_file(config, &src, data.to_vec()) {
        let site = Site { root: PathBuf::from("/nonexistent-fuzz-root"), config: config.clone(), initiatives: vec![initiative.clone()], lessons: vec![*lesson], pages: vec![] };
        leernet::site::render_site(&site).expect("an accepted lesson always renders");
    }
});
