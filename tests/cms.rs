//! The web form (`[cms]`, Decap CMS): the generated `admin/config.yml` names every field of the
//! schema and every term of every vocabulary; the pinned bundle's SRI hash matches the npm
//! package; what the form writes passes `check` when the required fields are filled, and fails
//! with the usual file:line message when not.

mod common;
use common::{CONFIG, Fixture};
use leernet::config::{Config, Taxonomy};
use leernet::content::load::{INITIATIVE_FIELDS, LESSON_FIELDS};
use leernet::content::model::{EVIDENCE, Kind, PHASES};
use serde_json::Value;
use std::path::Path;

const CMS: &str = "\n[cms]\nbackend = \"github\"\nrepo = \"leernet/leernet\"\n";

fn with_cms() -> Fixture {
    let f = Fixture::valid();
    f.write("config.toml", &format!("{CONFIG}{CMS}"));
    f
}

fn built_config(f: &Fixture) -> Value {
    let out = f.root().join("public");
    let (code, _, err) = f.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let yml = std::fs::read_to_string(out.join("admin/config.yml")).unwrap();
    serde_saphyr::from_str(&yml).unwrap()
}

fn collection<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["collections"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap()
}

fn field<'a>(c: &'a Value, name: &str) -> &'a Value {
    c["fields"].as_array().unwrap().iter().find(|f| f["name"] == name).unwrap_or_else(|| panic!("no field {name}"))
}

fn values(f: &Value) -> Vec<String> {
    f["options"].as_array().unwrap().iter().map(|o| o["value"].as_str().unwrap().to_string()).collect()
}

/// Every field of the schema and every term of every vocabulary of this repository's own
/// config.toml reaches the form (adding one without it fails here).
#[test]
fn config_names_every_field_and_every_term() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = Config::load(root).unwrap();
    let cms = config.cms.clone().expect("the repository's config.toml turns [cms] on");
    let strings = leernet::render::templates::strings(root, &config.language).unwrap();
    let v = leernet::render::cms::config_value(&config, &cms, &strings);
    assert_eq!((v["publish_mode"].as_str(), v["locale"].as_str()), (Some("editorial_workflow"), Some("nl")));
    for (name, schema) in [("initiatives", &INITIATIVE_FIELDS[..]), ("lessons", &LESSON_FIELDS[..])] {
        let c = collection(&v, name);
        let names: Vec<&str> = c["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
        let mut expected: Vec<&str> = schema.to_vec();
        expected.push("body");
        assert_eq!(names, expected, "{name}: every field of the schema, in its order");
        for f in c["fields"].as_array().unwrap() {
            let (label, hint) = (f["label"].as_str().unwrap(), f["hint"].as_str().unwrap());
            assert!(!label.starts_with("cms-") && !hint.starts_with("cms-") && !hint.is_empty(), "{f}");
        }
        assert!(c["preview_path"].as_str().is_some(), "{name} has a preview path");
        for tax in Taxonomy::ALL {
            let f = field(c, tax.field());
            let slugs: Vec<String> = config.terms(tax).iter().map(|t| t.slug.clone()).collect();
            assert_eq!(values(f), slugs, "{name}.{}", tax.field());
            assert_eq!((f["widget"].as_str(), f["multiple"].as_bool()), (Some("select"), Some(true)));
            let labels: Vec<&str> =
                f["options"].as_array().unwrap().iter().map(|o| o["label"].as_str().unwrap()).collect();
            assert_eq!(labels, config.terms(tax).iter().map(|t| t.nl.as_str()).collect::<Vec<_>>());
            let required = matches!(tax, Taxonomy::Themes | Taxonomy::Stakeholders)
                || (name == "initiatives" && tax == Taxonomy::Financing);
            assert_eq!(f["required"].as_bool(), Some(required), "{name}.{}", tax.field());
            assert_eq!(f["min"].as_u64(), required.then_some(1), "{name}.{}", tax.field());
        }
    }
    let (i, l) = (collection(&v, "initiatives"), collection(&v, "lessons"));
    assert!(
        field(l, "themes")["hint"].as_str().unwrap().starts_with(&strings["tax_themes_intro"]),
        "the vocabulary's description leads the hint"
    );
    assert_eq!(values(field(l, "kind")), Kind::NAMES);
    assert_eq!(field(l, "kind")["options"][0]["label"], "Inzicht");
    assert_eq!(values(field(i, "phase")), PHASES);
    assert_eq!(values(field(i, "evidence")), EVIDENCE);
    let rel = field(l, "initiative");
    assert_eq!((rel["widget"].as_str(), rel["collection"].as_str()), (Some("relation"), Some("initiatives")));
    assert_eq!(rel["search_fields"], serde_json::json!(["title", "region"]));
    assert_eq!(field(l, "added")["format"], "YYYY-MM-DD");
    assert_eq!(field(i, "phase")["required"], false);
    assert_eq!(field(i, "outcomes")["widget"], "list");
    assert_eq!(field(i, "contact")["widget"], "object");
}

#[test]
fn admin_only_with_cms_and_in_english_with_language_en() {
    let f = Fixture::valid();
    let (code, _, err) = f.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    assert!(!f.root().join("public/admin").exists(), "no [cms], no admin");

    let f = with_cms();
    let v = built_config(&f);
    assert_eq!(v["backend"]["name"], "github");
    assert_eq!(v["backend"]["branch"], "main");
    assert_eq!(v["locale"], "nl");
    assert_eq!(field(collection(&v, "lessons"), "themes")["label"], "Thema's");
    let html = f.read("public/admin/index.html");
    let pinned = format!(
        "src=\"https://unpkg.com/decap-cms@{}/dist/decap-cms.js\" integrity=\"{}\"",
        leernet::render::cms::DECAP_VERSION,
        leernet::render::cms::DECAP_SRI
    );
    assert!(html.contains(&pinned), "{html}");

    let gitlab = "backend = \"gitlab\"\nrepo = \"zorg/leernet\"\napp_id = \"abc\"\nauth_type = \"pkce\"\n";
    f.write("config.toml", &format!("{CONFIG}\n[cms]\n{gitlab}base_url = \"https://git.example.org\"\n"));
    let v = built_config(&f);
    let want = serde_json::json!({"name": "gitlab", "repo": "zorg/leernet", "branch": "main", "squash_merges": true,
        "app_id": "abc", "auth_type": "pkce", "base_url": "https://git.example.org"});
    assert_eq!(v["backend"], want);
    f.write("config.toml", &format!("language = \"en\"\n{CONFIG}{CMS}script = \"/decap/decap-cms.js\"\n"));
    let v = built_config(&f);
    assert_eq!(v["locale"], "en");
    assert_eq!(field(collection(&v, "lessons"), "themes")["label"], "Themes");
    assert_eq!(field(collection(&v, "lessons"), "themes")["options"][0]["label"], "Informal care");
    let html = f.read("public/admin/index.html");
    assert!(html.contains("<script src=\"/decap/decap-cms.js\"></script>") && !html.contains("unpkg"), "{html}");

    f.write("config.toml", &format!("{CONFIG}\n[cms]\nbackend = \"bitbucket\"\nrepo = \"x\"\n"));
    let (code, _, err) = f.run(&["check"]);
    assert_eq!(code, 1);
    assert!(err.contains("[cms] backend `bitbucket` wordt niet ondersteund; kies uit: github, gitlab, gitea"), "{err}");
    assert!(err.contains("[cms] heeft `repo` nodig"), "{err}");
}

/// The hash in the admin page is the hash of the bundle of the pinned npm package.
#[test]
fn sri_hash_matches_the_pinned_bundle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pkg: Value = serde_json::from_str(&std::fs::read_to_string(root.join("package.json")).unwrap()).unwrap();
    assert_eq!(pkg["devDependencies"]["decap-cms"], leernet::render::cms::DECAP_VERSION);
    let bundle = root.join("node_modules/decap-cms/dist/decap-cms.js");
    assert!(bundle.is_file(), "missing {}: run `npm ci --no-audit --no-fund`", bundle.display());
    let out = std::process::Command::new("openssl").args(["dgst", "-sha384", "-binary"]).arg(&bundle).output().unwrap();
    let b64 = std::process::Command::new("openssl")
        .args(["base64", "-A"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(&out.stdout)?;
            c.wait_with_output()
        })
        .unwrap();
    assert_eq!(format!("sha384-{}", String::from_utf8_lossy(&b64.stdout).trim()), leernet::render::cms::DECAP_SRI);
}

/// A lesson as Decap writes it: fields in the form's order, quoted strings, empty optional
/// lists and text, the date as a string.
const DECAP_LESSON: &str = "---\ntitle: 'Tip: bel eerst'\ninitiative: alpha\nkind: tip\nthemes:\n  - mantelzorg\n  - preventie\nstakeholders:\n  - inwoner\nfinancing: []\ndomains: []\nadded: '2026-03-01'\nsource: ''\n---\nBel eerst de mantelzorger.\n";

#[test]
fn what_the_form_writes_passes_check_and_builds() {
    let f = with_cms();
    f.write("lessons/alpha/tip-bel-eerst.md", DECAP_LESSON);
    f.write(
        "initiatives/gamma.md",
        "---\ntitle: Gamma\nsummary: Gamma doet iets.\nregion: Tilburg\nthemes:\n  - preventie\nstakeholders:\n  - inwoner\nfinancing:\n  - projectsubsidie\ndomains: []\nstarted: ''\nphase: ''\nevidence: ''\norganisations: []\noutcomes: []\nfigures: []\ncontact:\n  name: ''\n  organisation: ''\n  url: ''\nlinks: []\nlast_reviewed: ''\n---\nGamma voorkomt problemen.\n",
    );
    let (code, _, err) = f.run(&["check"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = f.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    assert!(f.read("public/lessen/tip-bel-eerst/index.html").contains("Tip: bel eerst"));
    assert!(f.root().join("public/initiatieven/gamma/index.html").is_file());
}

#[test]
fn what_the_form_writes_without_required_fields_fails_at_its_line() {
    let f = with_cms();
    // No themes chosen, no body written yet.
    let text = DECAP_LESSON.replace("themes:\n  - mantelzorg\n  - preventie\n", "themes: []\n");
    let text = &text[..text.rfind("---\n").unwrap() + 4];
    f.write("lessons/alpha/tip-bel-eerst.md", text);
    let (code, _, err) = f.run(&["check"]);
    assert_eq!(code, 1);
    assert!(err.contains("lessons/alpha/tip-bel-eerst.md:5:9: fout: `themes` heeft minstens één term nodig"), "{err}");
    assert!(err.contains("lessons/alpha/tip-bel-eerst.md:12:1: fout: de tekst ontbreekt"), "{err}");
}
