//! Related lessons: up to `MAX` per lesson, ranked by the number of taxonomy terms they share,
//! preferring lessons of other initiatives, then newer ones, then slug order. Uses an inverted
//! index (term → lessons) and scans at most `CAP` neighbours per term, so the work grows
//! linearly with the number of lessons instead of with all pairs. Each worker thread counts in
//! one reusable dense array, and only the best `MAX` candidates are fully ordered.

use crate::content::model::Site;
use rayon::prelude::*;
use std::collections::HashMap;

pub const MAX: usize = 5;
/// The most postings of one term that are scanned for one lesson.
pub const CAP: usize = 400;

pub fn related_lessons(site: &Site) -> Vec<Vec<usize>> {
    let lessons = &site.lessons;
    let n = lessons.len();
    // Dense ids for initiatives and terms, so the hot loop compares integers.
    let mut init_ids: HashMap<&str, u32> = HashMap::new();
    let init_of: Vec<u32> = lessons
        .iter()
        .map(|l| {
            let next = init_ids.len() as u32;
            *init_ids.entry(l.initiative.as_str()).or_insert(next)
        })
        .collect();
    // Newer first: rank of `added` (lessons without a date rank last). Sorted beside the
    // postings, which are one thread's work too.
    let ages = || {
        let mut by_date: Vec<usize> = (0..n).collect();
        by_date.sort_by(|&a, &b| lessons[b].added.cmp(&lessons[a].added).then(a.cmp(&b)));
        let mut age = vec![0u32; n];
        for (rank, &i) in by_date.iter().enumerate() {
            age[i] = rank as u32;
        }
        age
    };
    let (age, (postings, terms_of)) = rayon::join(ages, || postings(site));
    (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0u16; n], Vec::<u32>::new()),
            |(count, touched), li| {
                for &t in &terms_of[li] {
                    let post = &postings[t];
                    // Postings are in slug order; take a window of CAP around this lesson.
                    let at = post.binary_search(&(li as u32)).unwrap_or(0);
                    let start = at.saturating_sub(CAP / 2).min(post.len().saturating_sub(CAP));
                    for &other in &post[start..(start + CAP).min(post.len())] {
                        if other as usize != li {
                            if count[other as usize] == 0 {
                                touched.push(other);
                            }
                            count[other as usize] += 1;
                        }
                    }
                }
                // Smaller key = better: more shared terms, other initiative, newer, slug order.
                let key = |o: u32| {
                    let o = o as usize;
                    let same = (init_of[o] == init_of[li]) as u64;
                    ((u16::MAX - count[o]) as u64) << 48 | same << 47 | (age[o] as u64) << 20 | o as u64
                };
                // Only candidates sharing at least as many terms as the MAX-th best can be among
                // the best: the rest (most of them) are not ranked at all.
                let mut by_count = [0usize; 17];
                for &o in touched.iter() {
                    by_count[(count[o as usize] as usize).min(16)] += 1;
                }
                let mut floor = 16;
                let mut above = by_count[16];
                while floor > 0 && above < MAX {
                    floor -= 1;
                    above += by_count[floor];
                }
                let mut cands: Vec<u64> =
                    touched.iter().filter(|&&o| count[o as usize] as usize >= floor).map(|&o| key(o)).collect();
                if cands.len() > MAX {
                    cands.select_nth_unstable(MAX - 1);
                    cands.truncate(MAX);
                }
                cands.sort_unstable();
                for &o in touched.iter() {
                    count[o as usize] = 0;
                }
                touched.clear();
                // Not `cands.into_iter().collect()`: that reuses cands' allocation in place,
                // keeping room for every candidate (over 100 MB at 10,000 lessons) for 5 ids.
                let mut best = Vec::with_capacity(cands.len());
                best.extend(cands.iter().map(|&k| (k & 0xF_FFFF) as usize));
                best
            },
        )
        .collect()
}

/// The lessons of every term (dense term ids, each list in lesson order), and the term ids of
/// every lesson.
fn postings(site: &Site) -> (Vec<Vec<u32>>, Vec<Vec<usize>>) {
    let mut term_ids: HashMap<(usize, &str), usize> = HashMap::new();
    let mut postings: Vec<Vec<u32>> = Vec::new();
    let mut terms_of: Vec<Vec<usize>> = Vec::with_capacity(site.lessons.len());
    for (li, l) in site.lessons.iter().enumerate() {
        let mut mine = Vec::new();
        for (t, slugs) in l.meta.terms.iter().enumerate() {
            for s in slugs {
                let id = *term_ids.entry((t, s.as_str())).or_insert_with(|| {
                    postings.push(Vec::new());
                    postings.len() - 1
                });
                postings[id].push(li as u32);
                mine.push(id);
            }
        }
        terms_of.push(mine);
    }
    (postings, terms_of)
}
