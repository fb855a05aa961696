//! The search files as outputs: each `Part` is one file (or a group made together) with one
//! function that makes it from the index (`Live::make`), and a fingerprint of the part of the
//! index it is made of (`Live::fingerprints`). `leernet build` makes every part; the preview
//! server's pipeline records that each search file reads its part (`deps::Dep::Search`) and,
//! after an edit, makes again exactly the parts whose fingerprint changed — the same rule as for
//! pages, with no list of which files an edit reaches.

use super::elasticlunr_export::Input;
use super::files::{CHUNK, LABELS, display_chunk, shard_file};
use super::live::Live;
use super::meta::{facet_file, key_files, meta_files, ranges_file};
use crate::content::model::Site;
use crate::deps::fingerprint as hash;
use crate::escape::script_json;
use crate::output::OutFile;
use crate::strings::Strings;
use rayon::prelude::*;
use serde_json::json;
use std::collections::HashMap;

/// One search output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// A term shard: index into `Live::shards`.
    Shard(usize),
    /// The postings file of the big term at this term index.
    Big(usize),
    /// Display chunk n: the display records of documents n × CHUNK onwards.
    Display(usize),
    /// Label chunk n: slugs and titles of initiatives n × LABELS onwards.
    Labels(usize),
    /// `f.js`: a document set per facet value.
    Facets,
    /// `r.js`: each initiative's range of lesson ids.
    Ranges,
    /// `a.js`: each initiative's phase, evidence, region and start year.
    Attrs,
    /// `n.js`: the first slug of each label chunk.
    Firsts,
    /// `meta.js` and, on a large site, the key files.
    Meta,
    /// The elasticlunr export (`search_index.<lang>.json` and `.js`), when the site has one.
    Export,
}

/// Chunk `n` of `items` cut `size` at a time (empty past the end).
fn chunk<T>(items: &[T], size: usize, n: usize) -> &[T] {
    items.chunks(size).nth(n).unwrap_or_default()
}

/// `n.js`'s content: the first slug of each label chunk.
fn firsts(site: &Site) -> Vec<&str> {
    site.initiatives.chunks(LABELS).map(|c| c[0].meta.slug.as_str()).collect()
}

impl Live {
    /// Every part of the index, with the paths of its files, in a fixed order.
    pub fn parts(&self, site: &Site) -> Vec<(Part, Vec<String>)> {
        let mut out: Vec<(Part, Vec<String>)> =
            self.shards.iter().enumerate().map(|(n, s)| (Part::Shard(n), vec![shard_file(&s.key)])).collect();
        let big = self.enc.big.iter().enumerate().filter(|(_, b)| **b != u32::MAX);
        out.extend(big.map(|(i, b)| (Part::Big(i), vec![format!("search/p-{b}.js")])));
        let chunks = self.display.len().div_ceil(CHUNK);
        out.extend((0..chunks).map(|n| (Part::Display(n), vec![format!("search/d-{n}.js")])));
        let labels = site.initiatives.len().div_ceil(LABELS);
        out.extend((0..labels).map(|n| (Part::Labels(n), vec![format!("search/i-{n}.js")])));
        for (part, file) in [(Part::Facets, "f"), (Part::Ranges, "r"), (Part::Attrs, "a"), (Part::Firsts, "n")] {
            out.push((part, vec![format!("search/{file}.js")]));
        }
        let mut meta = key_files(self.shards.iter().map(|s| s.key.as_str()));
        meta.push("search/meta.js".into());
        out.push((Part::Meta, meta));
        if self.export {
            let lang = &site.config.language;
            out.push((Part::Export, vec![format!("search_index.{lang}.js"), format!("search_index.{lang}.json")]));
        }
        out
    }

    /// Makes a part's files (the export is made by `elasticlunr_export`, from the documents).
    pub fn make(&self, part: Part, site: &Site, t: &Strings) -> Vec<OutFile> {
        let file = match part {
            Part::Shard(n) => self.enc.shard_file(&self.shards[n]),
            Part::Big(i) => self.enc.big_file(i),
            Part::Display(n) => display_chunk(n, chunk(&self.display, CHUNK, n)),
            Part::Labels(n) => {
                let list: Vec<_> =
                    chunk(&site.initiatives, LABELS, n).iter().map(|i| json!([i.meta.slug, i.meta.title])).collect();
                let body = script_json(serde_json::Value::from(list).to_string());
                let bytes = format!("leernetSearch.labels({n},{body});\n").into_bytes();
                OutFile { path: format!("search/i-{n}.js"), bytes }
            }
            Part::Facets => facet_file(site, &self.facets.iter().collect::<Vec<_>>()),
            Part::Ranges => ranges_file(site, &self.enc.codes.owners),
            Part::Attrs => self.attrs.file(),
            Part::Firsts => {
                let list = script_json(serde_json::to_string(&firsts(site)).expect("strings"));
                OutFile { path: "search/n.js".into(), bytes: format!("leernetSearch.firsts({list});\n").into_bytes() }
            }
            Part::Meta => return meta_files(site, t, &self.attrs, &self.shards, &self.enc, self.display.len()),
            Part::Export => return self.export_input(site, t).files(),
        };
        vec![file]
    }

    /// What the elasticlunr export is made of (so that it can be made on another thread).
    pub fn export_input(&self, site: &Site, t: &Strings) -> Input {
        Input::new(site, &super::index::documents(site, t))
    }

    /// A fingerprint of what `part` is made of: equal fingerprints, equal files. `sums` are
    /// `term_sums`.
    fn fingerprint(&self, part: Part, site: &Site, t: &Strings, sums: &[u64]) -> u64 {
        let range = |r: &std::ops::Range<usize>| (r.len(), sums[r.end].wrapping_sub(sums[r.start]));
        match part {
            Part::Shard(n) => {
                let s = &self.shards[n];
                hash((&s.key, range(&s.terms), s.below.as_ref().map(range)))
            }
            Part::Big(i) => hash((self.enc.fp[i], self.enc.big[i])),
            Part::Display(n) => hash((n, chunk(&self.display_fps, CHUNK, n))),
            Part::Labels(n) => hash((
                n,
                chunk(&site.initiatives, LABELS, n).iter().map(|i| (&i.meta.slug, &i.meta.title)).collect::<Vec<_>>(),
            )),
            Part::Facets => hash((&self.facets, super::meta::facets_sizes(site))),
            Part::Ranges => hash((&self.enc.codes.owners, site.initiatives.len())),
            Part::Firsts => hash(firsts(site)),
            Part::Attrs => hash(&self.attrs),
            // Made to be fingerprinted: small, and of many things (config, strings, shard keys).
            Part::Meta => hash(self.make(part, site, t).iter().map(|f| &f.bytes).collect::<Vec<_>>()),
            Part::Export => hash((&self.doc_fps, &site.config.base_url, site.config.portable)),
        }
    }

    /// Running sums of the terms' fingerprints, each mixed with its big-file number: the sum
    /// over a range of terms (a shard, the terms below a split prefix) is the difference of two
    /// sums, so every shard is fingerprinted in constant time.
    fn term_sums(&self) -> Vec<u64> {
        let mut sums = Vec::with_capacity(self.enc.fp.len() + 1);
        let mut sum = 0u64;
        sums.push(sum);
        for (fp, &big) in self.enc.fp.iter().zip(&self.enc.big) {
            // The big-file number mixed in by a multiply (a hash per term would cost more than
            // everything else here).
            sum = sum.wrapping_add(fp ^ (big as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            sums.push(sum);
        }
        sums
    }

    /// The fingerprint of every search file of `parts` (`parts`; a part's files share its
    /// fingerprint).
    pub fn fingerprints(&self, parts: &[(Part, Vec<String>)], site: &Site, t: &Strings) -> HashMap<String, u64> {
        let sums = self.term_sums();
        let fps: Vec<u64> = parts.par_iter().map(|(part, _)| self.fingerprint(*part, site, t, &sums)).collect();
        parts.iter().zip(fps).flat_map(|((_, paths), fp)| paths.iter().map(move |p| (p.clone(), fp))).collect()
    }
}
