//! Shared helpers for the integration tests: small fixture sites written into temp folders.
#![allow(dead_code)]

pub mod full;
pub mod links;
pub mod node;

use std::path::{Path, PathBuf};

pub const CONFIG: &str = r#"
title = "Testnetwerk"
description = "Een testsite"
base_url = "https://test.example.org"
[[themes]]
slug = "mantelzorg"
nl = "Mantelzorg"
en = "Informal care"
description = "Zorg door naasten."
[[themes]]
slug = "preventie"
nl = "Preventie"
en = "Prevention"
description = "Voorkomen."
[[themes]]
slug = "wijkgericht"
nl = "Wijkgericht"
en = "Neighbourhood"
description = "In de wijk."
[[stakeholders]]
slug = "inwoner"
nl = "Inwoner"
en = "Resident"
description = "Burgers."
[[stakeholders]]
slug = "bestuurder"
nl = "Bestuurder"
en = "Board"
description = "Bestuur."
[[financing]]
slug = "projectsubsidie"
nl = "Projectsubsidie"
en = "Grant"
description = "Subsidie."
[[domains]]
slug = "wmo"
nl = "Wmo"
en = "Wmo"
description = "Wet."
[[glossary]]
term = "Wmo"
expansion = "Wet maatschappelijke ondersteuning"
definition = "De wet voor ondersteuning thuis."
"#;

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let f = Fixture { dir: tempfile::tempdir().unwrap() };
        f.write("config.toml", CONFIG);
        f
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// A valid site: two initiatives, four lessons.
    pub fn valid() -> Fixture {
        let f = Fixture::new();
        f.write("initiatives/alpha.md", "---\ntitle: Alpha\nsummary: Alpha doet iets.\nregion: Oss\nthemes: [mantelzorg, wijkgericht]\nstakeholders: [inwoner]\nfinancing: [projectsubsidie]\ndomains: [wmo]\nstarted: 2014\nphase: pilot\nevidence: procesevaluatie\noutcomes:\n  - measure: Welbevinden\n    before: 3.5\n    after: 8.5\n    unit: cijfer\n    source: eigen meting\nfigures:\n  - label: Deelnemers\n    value: \"300+\"\n---\n## Aanpak\n\nAlpha werkt met mantelzorgers in de wijk.\n");
        f.write("initiatives/beta.md", "---\ntitle: Beta\nsummary: Beta doet iets anders.\nregion: Maastricht\nthemes: [preventie]\nstakeholders: [bestuurder]\nfinancing: [projectsubsidie]\n---\nBeta voorkomt problemen.\n");
        f.write("lessons/alpha/een.md", "---\ntitle: Les een\ninitiative: alpha\nkind: succes\nthemes: [mantelzorg, wijkgericht]\nstakeholders: [inwoner]\nadded: 2026-01-02\n---\nMantelzorgers helpen elkaar. Zie [Beta](@/initiatives/beta.md) en [twee](twee.md#kop).\n");
        f.write("lessons/alpha/twee.md", "---\ntitle: Les twee\ninitiative: alpha\nkind: tip\nthemes: [mantelzorg]\nstakeholders: [inwoner, bestuurder]\nadded: 2026-02-03\n---\n## Kop\n\nEen tip over mantelzorg.\n");
        f.write("lessons/beta/drie.md", "---\ntitle: Les drie\ninitiative: beta\nkind: knelpunt\nthemes: [mantelzorg, preventie]\nstakeholders: [bestuurder]\nadded: 2026-03-04\n---\nEen knelpunt bij preventie.\n");
        f.write("lessons/beta/vier.md", "---\ntitle: Les vier\ninitiative: beta\nkind: les\nthemes: [preventie]\nstakeholders: [bestuurder]\n---\nIets over preventie.\n");
        f
    }

    /// Runs the leernet binary with `args` (after `--root <fixture>`).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        run_bin(self.root(), args)
    }
}

pub fn run_bin(root: &Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_leernet"))
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run leernet");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A lesson file with the given front matter lines and body.
pub fn lesson(front: &str, body: &str) -> String {
    format!("---\n{front}\n---\n{body}\n")
}

pub const GOOD_LESSON: &str =
    "title: Goed\ninitiative: alpha\nkind: les\nthemes: [mantelzorg]\nstakeholders: [inwoner]";
