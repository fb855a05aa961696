//! Writes a synthetic learning network for benchmarks: `--lessons N` lessons spread over
//! N/10 initiatives (or `--initiatives M`), with Dutch-looking text drawn from a vocabulary of
//! tens of thousands of distinct words, random taxonomy terms and dates. Deterministic for a
//! given `--seed`. Usage:
//!
//!     cargo run --release --example gen_corpus -- --lessons 10000 --out /tmp/corpus-10k

use std::fmt::Write as _;
use std::path::PathBuf;

const PREFIXES: &[&str] = &[
    "", "", "", "be", "ver", "ont", "her", "over", "onder", "samen", "mee", "toe", "op", "aan", "uit", "voor", "na",
    "door", "in", "af", "wijk", "zorg", "zelf", "buurt", "regio", "keten", "gezond", "mantel", "welzijn", "huis",
    "thuis", "jeugd", "wmo",
];
const ROOTS: &[&str] = &[
    "zorg",
    "werk",
    "hulp",
    "plan",
    "steun",
    "leer",
    "team",
    "wijk",
    "buurt",
    "raad",
    "geld",
    "budget",
    "kost",
    "beleid",
    "vraag",
    "aanbod",
    "regel",
    "pad",
    "weg",
    "kring",
    "groep",
    "net",
    "huis",
    "school",
    "arts",
    "coach",
    "dienst",
    "punt",
    "tafel",
    "gesprek",
    "overleg",
    "inzet",
    "keuze",
    "kracht",
    "regie",
    "vorm",
    "maat",
    "lijn",
    "spoor",
    "rol",
    "taak",
    "doel",
    "meting",
    "score",
    "cijfer",
    "uitkomst",
    "effect",
    "waarde",
    "winst",
    "risico",
    "kans",
    "drempel",
    "grens",
    "schot",
    "brug",
    "keten",
    "stap",
    "fase",
    "pilot",
    "proef",
    "tuin",
    "oogst",
    "zaai",
    "bouw",
    "basis",
    "kern",
    "bron",
    "stroom",
    "licht",
    "lucht",
    "markt",
    "prijs",
    "contract",
    "inkoop",
    "verzeker",
    "gemeente",
    "provincie",
    "burger",
    "bewoner",
    "client",
    "patient",
    "naaste",
    "vriend",
    "buur",
    "familie",
    "kind",
    "ouder",
    "jong",
    "oud",
    "senior",
    "vitaal",
    "gezond",
    "ziek",
    "pijn",
    "bot",
    "hart",
    "long",
    "suiker",
    "dementie",
    "eenzaam",
    "armoede",
    "schuld",
    "woning",
    "straat",
    "dorp",
    "stad",
    "land",
    "ketting",
    "cirkel",
    "vlak",
    "zicht",
    "blik",
    "taal",
    "woord",
    "verhaal",
    "boek",
    "kaart",
    "model",
    "methode",
    "aanpak",
    "werkwijze",
    "visie",
    "missie",
    "ambitie",
    "afspraak",
    "belofte",
    "vertrouwen",
    "relatie",
    "contact",
    "verbinding",
    "platform",
    "app",
    "scherm",
    "data",
    "dossier",
    "privacy",
    "veilig",
    "norm",
    "toets",
    "audit",
    "rapport",
    "monitor",
    "dashboard",
    "indicator",
    "factor",
    "signaal",
    "melding",
    "advies",
    "expert",
    "professional",
    "manager",
    "bestuur",
    "directie",
    "financier",
    "fonds",
    "subsidie",
    "project",
    "programma",
    "portfolio",
    "agenda",
    "koers",
    "richting",
    "sprong",
    "schaal",
    "groei",
    "krimp",
    "balans",
    "evenwicht",
    "gewicht",
    "beweging",
    "sport",
    "voeding",
    "slaap",
    "stress",
    "rust",
    "ritme",
    "dag",
    "week",
    "maand",
    "jaar",
    "tijd",
    "moment",
    "ruimte",
    "plek",
    "thuis",
    "kamer",
    "keuken",
    "tuin",
    "park",
    "bank",
    "brief",
    "mail",
    "telefoon",
    "bezoek",
    "ronde",
    "huisbezoek",
    "intake",
    "scan",
    "check",
    "lijst",
    "vragenlijst",
    "instrument",
    "gids",
    "handboek",
    "training",
    "cursus",
    "opleiding",
    "kennis",
    "ervaring",
    "les",
    "inzicht",
    "idee",
    "vondst",
    "oplossing",
    "probleem",
    "knelpunt",
    "succes",
    "tip",
    "fout",
    "mislukking",
    "leer",
    "spiegel",
    "reflectie",
    "intervisie",
    "casus",
    "situatie",
    "context",
    "omgeving",
    "cultuur",
    "gedrag",
    "gewoonte",
    "patroon",
    "systeem",
    "structuur",
    "proces",
    "stroom",
    "keten",
    "netwerk",
    "alliantie",
    "coalitie",
    "partner",
    "collega",
    "vrijwilliger",
    "mantelzorger",
    "wijkverpleeg",
    "huisarts",
    "praktijk",
    "apotheek",
    "ziekenhuis",
    "kliniek",
    "instelling",
    "organisatie",
    "stichting",
    "vereniging",
    "coop",
    "bedrijf",
    "ondernemer",
];
const SUFFIXES: &[&str] = &[
    "", "", "", "", "en", "er", "ers", "ing", "ingen", "heid", "heden", "lijk", "lijke", "baar", "bare", "isch",
    "ische", "je", "jes", "tje", "tjes", "st", "ste", "de", "te", "t", "d", "schap", "achtig", "loos", "loze", "zaam",
    "zame", "ig", "ige", "e", "s",
];
const FUNCTION: &[&str] = &[
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "op",
    "met",
    "voor",
    "door",
    "bij",
    "naar",
    "om",
    "dat",
    "die",
    "als",
    "maar",
    "ook",
    "niet",
    "wel",
    "zijn",
    "werd",
    "wordt",
    "kan",
    "moet",
    "zo",
    "dan",
    "nog",
    "meer",
    "veel",
    "samen",
    "daarbij",
    "bovendien",
    "vooral",
    "steeds",
    "vaak",
    "soms",
    "eerst",
];

/// Content words follow Zipf's law over a fixed vocabulary, as in real text: a few words are
/// everywhere, most are rare. `VOCAB` distinct words built from Dutch-like morphemes.
const VOCAB: usize = 60_000;

struct Words {
    rng: fastrand::Rng,
    vocab: Vec<String>,
    /// Cumulative Zipf weights over `vocab`.
    cumulative: Vec<f64>,
}

impl Words {
    fn new(seed: u64) -> Words {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut seen = std::collections::HashSet::new();
        let mut vocab = Vec::with_capacity(VOCAB);
        while vocab.len() < VOCAB {
            let mut w = String::new();
            w.push_str(PREFIXES[rng.usize(..PREFIXES.len())]);
            w.push_str(ROOTS[rng.usize(..ROOTS.len())]);
            if rng.u8(..100) < 35 {
                w.push_str(ROOTS[rng.usize(..ROOTS.len())]);
            }
            w.push_str(SUFFIXES[rng.usize(..SUFFIXES.len())]);
            if seen.insert(w.clone()) {
                vocab.push(w);
            }
        }
        let mut total = 0.0;
        let cumulative = (0..VOCAB)
            .map(|r| {
                total += 1.0 / (r as f64 + 8.0);
                total
            })
            .collect();
        Words { rng, vocab, cumulative }
    }

    fn content(&mut self) -> String {
        let x = self.rng.f64() * self.cumulative[VOCAB - 1];
        let i = self.cumulative.partition_point(|&c| c < x).min(VOCAB - 1);
        self.vocab[i].clone()
    }

    fn sentence(&mut self) -> String {
        let n = self.rng.usize(8..20);
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            if self.rng.u8(..100) < 45 {
                s.push_str(FUNCTION[self.rng.usize(..FUNCTION.len())]);
            } else {
                s.push_str(&self.content());
            }
        }
        let mut c = s.chars();
        let first: String = c.next().map(|f| f.to_uppercase().collect()).unwrap_or_default();
        format!("{first}{}.", c.as_str())
    }

    fn title(&mut self) -> String {
        let s = self.sentence();
        let words: Vec<&str> = s.trim_end_matches('.').split(' ').take(self.rng.usize(4..9)).collect();
        words.join(" ")
    }

    fn pick<'a>(&mut self, from: &'a [String], min: usize, max: usize) -> Vec<&'a str> {
        let n = self.rng.usize(min..=max).min(from.len());
        let mut v: Vec<&str> = Vec::new();
        while v.len() < n {
            let t = from[self.rng.usize(..from.len())].as_str();
            if !v.contains(&t) {
                v.push(t);
            }
        }
        v
    }
}

fn slugs(config: &toml::Value, table: &str) -> Vec<String> {
    config[table].as_array().unwrap().iter().map(|t| t["slug"].as_str().unwrap().to_string()).collect()
}

fn main() {
    let mut lessons = 1000usize;
    let mut initiatives = None;
    let mut out = PathBuf::from("corpus");
    let mut seed = 42u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--lessons" => lessons = val().parse().expect("--lessons N"),
            "--initiatives" => initiatives = Some(val().parse().expect("--initiatives N")),
            "--out" => out = val().into(),
            "--seed" => seed = val().parse().expect("--seed N"),
            other => panic!("unknown argument {other}; use --lessons N [--initiatives M] --out DIR [--seed S]"),
        }
    }
    let n_init = initiatives.unwrap_or((lessons / 10).max(1));
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config_text = std::fs::read_to_string(repo.join("config.toml")).unwrap();
    let config: toml::Value = toml::from_str(&config_text).unwrap();
    let (themes, levels, fin, dom) = (
        slugs(&config, "themes"),
        slugs(&config, "stakeholders"),
        slugs(&config, "financing"),
        slugs(&config, "domains"),
    );
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(out.join("initiatives")).unwrap();
    std::fs::write(out.join("config.toml"), &config_text).unwrap();
    let mut w = Words::new(seed);
    let kinds = ["les", "succes", "knelpunt", "tip", "mislukking"];
    let phases = ["verkenning", "pilot", "opschaling", "geborgd", "beeindigd"];
    let mut bytes = 0usize;
    for i in 0..n_init {
        let mut s = String::new();
        let _ =
            write!(s, "---\ntitle: \"{}\"\nsummary: \"{}\"\nregion: \"Regio {}\"\n", w.title(), w.sentence(), i % 40);
        let _ = write!(
            s,
            "themes: [{}]\nstakeholders: [{}]\nfinancing: [{}]\ndomains: [{}]\n",
            w.pick(&themes, 1, 3).join(", "),
            w.pick(&levels, 1, 3).join(", "),
            w.pick(&fin, 1, 2).join(", "),
            w.pick(&dom, 1, 2).join(", ")
        );
        let _ = write!(
            s,
            "started: {}\nphase: {}\noutcomes:\n  - measure: \"{}\"\n    before: {}\n    after: {}\n    unit: \"score\"\n    source: \"meting\"\nfigures:\n  - label: \"Deelnemers\"\n    value: \"{}\"\n---\n",
            2005 + i % 20,
            phases[i % 5],
            w.title(),
            w.rng.u8(1..6),
            w.rng.u8(5..10),
            w.rng.u32(10..5000)
        );
        for _ in 0..4 {
            let _ = writeln!(s, "## {}\n", w.title());
            for _ in 0..3 {
                let _ = writeln!(s, "{}\n", (0..5).map(|_| w.sentence()).collect::<Vec<_>>().join(" "));
            }
        }
        bytes += s.len();
        std::fs::write(out.join(format!("initiatives/init-{i:06}.md")), s).unwrap();
    }
    for l in 0..lessons {
        let init = w.rng.usize(..n_init);
        let dir = out.join(format!("lessons/init-{init:06}"));
        std::fs::create_dir_all(&dir).unwrap();
        let mut s = String::new();
        let _ =
            write!(s, "---\ntitle: \"{}\"\ninitiative: init-{init:06}\nkind: {}\n", w.title(), kinds[w.rng.usize(..5)]);
        let _ = write!(
            s,
            "themes: [{}]\nstakeholders: [{}]\n",
            w.pick(&themes, 1, 3).join(", "),
            w.pick(&levels, 1, 3).join(", ")
        );
        if w.rng.bool() {
            let _ = writeln!(s, "financing: [{}]", w.pick(&fin, 1, 2).join(", "));
        }
        let _ = write!(
            s,
            "added: 20{:02}-{:02}-{:02}\nsource: \"Synthetisch\"\n---\n",
            w.rng.u8(15..27),
            w.rng.u8(1..13),
            w.rng.u8(1..29)
        );
        for _ in 0..w.rng.usize(3..7) {
            let _ = writeln!(s, "{}\n", (0..w.rng.usize(3..7)).map(|_| w.sentence()).collect::<Vec<_>>().join(" "));
        }
        bytes += s.len();
        std::fs::write(dir.join(format!("les-{l:06}.md")), s).unwrap();
    }
    eprintln!(
        "wrote {n_init} initiatives and {lessons} lessons ({:.1} MB of Markdown) to {}",
        bytes as f64 / 1e6,
        out.display()
    );
}
