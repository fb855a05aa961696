//! The contexts of the pages of one item: an initiative, with its lessons by kind, and a
//! lesson, with its related lessons. What each reads of the model is noted (`deps::read`)
//! as it is read.

use super::{PageData, map};
use crate::deps::{Dep, read};
use crate::render::{charts, seo};
use crate::strings::tr;
use tera::{Context, Value};

impl PageData<'_> {
    pub(super) fn initiative_page(&self, c: &mut Context, ii: usize, root: &str) {
        let site = self.site;
        let init = &site.initiatives[ii];
        read(|| Dep::Initiative(init.meta.slug.clone()));
        read(|| Dep::LessonsOf(init.meta.slug.clone()));
        // One group (`kind`, `label`, `lessons`) per kind that has lessons.
        let kinds: Vec<Value> = (self.links.by_kind.iter())
            .filter_map(|(k, _)| {
                let ls: Vec<usize> =
                    self.links.lessons_of[ii].iter().copied().filter(|&li| site.lessons[li].kind == *k).collect();
                (!ls.is_empty()).then(|| {
                    map([
                        ("kind", Value::from(k.as_str())),
                        ("label", Value::from(tr(self.t, &format!("kinds_{}", k.as_str())))),
                        ("lessons", self.lessons(&ls)),
                    ])
                })
            })
            .collect();
        c.insert_value("initiative", self.initiative_card(ii));
        c.insert("terms", &self.views.initiative_terms[ii]);
        c.insert("organisations", &init.organisations);
        let lang = site.config.language.as_str();
        let outcomes: Vec<_> = (init.outcomes.iter())
            .map(|o| {
                serde_json::json!({
                    "measure": o.measure, "before": charts::format_number(o.before, lang),
                    "after": charts::format_number(o.after, lang), "unit": o.unit, "source": o.source,
                })
            })
            .collect();
        c.insert("outcomes", &outcomes);
        c.insert_value("outcome_chart", Value::safe_string(&charts::outcome_chart(&init.outcomes, self.t, lang)));
        c.insert_value("jsonld", Value::safe_string(&seo::initiative_jsonld(site, ii)));
        c.insert("figures", &init.figures);
        c.insert("contact", &init.contact);
        c.insert("ext_links", &init.links);
        c.insert("last_reviewed", &init.last_reviewed.map(|d| d.to_string()));
        c.insert_value("lesson_groups", Value::from(kinds));
        c.insert_value("body", Value::safe_string(&self.body(&init.meta.body.html, root)));
        c.insert("page_title", &init.meta.title);
        c.insert("description", &init.summary);
    }

    pub(super) fn lesson_page(&self, c: &mut Context, li: usize, root: &str) {
        let site = self.site;
        let l = &site.lessons[li];
        read(|| Dep::Lesson(l.meta.slug.clone()));
        read(|| Dep::Related(l.meta.slug.clone()));
        c.insert_value("lesson", self.lesson_card(li));
        // The JSON-LD names the initiative the lesson is part of.
        if let Some(ii) = site.initiative_index(&l.initiative) {
            read(|| Dep::Initiative(site.initiatives[ii].meta.slug.clone()));
        }
        c.insert_value("jsonld", Value::safe_string(&seo::lesson_jsonld(site, li)));
        c.insert("terms", &self.views.lesson_terms[li]);
        c.insert_value("related", self.lessons(&self.links.related[li]));
        c.insert("source", &l.source_ref);
        c.insert(
            "source_is_url",
            &l.source_ref.as_deref().is_some_and(|s| s.starts_with("http://") || s.starts_with("https://")),
        );
        if let Some(&ii) = self.links.initiative_of.get(li).filter(|&&ii| ii != usize::MAX) {
            c.insert_value("initiative", self.initiative_card(ii));
        }
        c.insert_value("body", Value::safe_string(&self.body(&l.meta.body.html, root)));
        c.insert("page_title", &l.meta.title);
        c.insert("description", &self.views.lessons[li].teaser);
    }
}
