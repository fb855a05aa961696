//! Related lessons: up to `MAX` per lesson, ranked by the number of taxonomy terms they share,
//! preferring lessons of other initiatives, then newer ones. Uses an inverted index (term →
//! lessons) and scans at most `CAP` neighbours per term, so the work grows linearly with the
//! number of lessons instead of with all pairs.

use crate::content::model::Site;
use rayon::prelude::*;
use std::collections::HashMap;

pub const MAX: usize = 5;
/// The most postings of one term that are scanned for one lesson.
pub const CAP: usize = 400;

pub fn related_lessons(site: &Site) -> Vec<Vec<usize>> {
    let lessons = &site.lessons;
    // Inverted index over all four taxonomies; a term is (taxonomy, slug).
    let mut index: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    for (li, l) in lessons.iter().enumerate() {
        for (t, slugs) in l.meta.terms.iter().enumerate() {
            for s in slugs {
                index.entry((t, s.as_str())).or_default().push(li);
            }
        }
    }
    lessons
        .par_iter()
        .enumerate()
        .map(|(li, l)| {
            let mut shared: HashMap<usize, u32> = HashMap::new();
            for (t, slugs) in l.meta.terms.iter().enumerate() {
                for s in slugs {
                    let post = &index[&(t, s.as_str())];
                    // Postings are in slug order; take a window of CAP around this lesson.
                    let at = post.binary_search(&li).unwrap_or(0);
                    let start = at.saturating_sub(CAP / 2).min(post.len().saturating_sub(CAP));
                    for &other in &post[start..(start + CAP).min(post.len())] {
                        if other != li {
                            *shared.entry(other).or_default() += 1;
                        }
                    }
                }
            }
            let mut ranked: Vec<(usize, u32)> = shared.into_iter().collect();
            ranked.sort_by(|&(a, sa), &(b, sb)| {
                let (la, lb) = (&lessons[a], &lessons[b]);
                sb.cmp(&sa)
                    .then_with(|| (la.initiative == l.initiative).cmp(&(lb.initiative == l.initiative)))
                    .then_with(|| lb.added.cmp(&la.added))
                    .then_with(|| la.meta.slug.cmp(&lb.meta.slug))
            });
            ranked.into_iter().take(MAX).map(|(i, _)| i).collect()
        })
        .collect()
}
