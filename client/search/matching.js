// Matching and counting on the engine's data: how a query's counts are made (mode), ranking,
// facet filtering and disjunctive facet counts, the initiative values to show.
import { Store } from './store.js';

const isBig = (t) => typeof t.entry !== 'string';

export class Matcher extends Store {
  /** How a query's counts are made, from its words' terms:
   *  'none': a word has no term (no results, nothing to count);
   *  'summary': one word matched as one big term, no facet selected, at most meta.tops
   *    initiative values wanted: all from the term's summary (its p-file only past its head);
   *  'coded': a word whose terms are all small: every result is in their postings, whose
   *    codes give the facet values (r.js gives initiatives);
   *  'full': otherwise (also a facet-only search): f.js and r.js. */
  mode(terms, noFacets, top) {
    if (!terms.length) return 'full';
    if (terms.some((t) => t.length === 0)) return 'none';
    if (terms.length === 1 && terms[0].length === 1 && isBig(terms[0][0]) && noFacets && top <= (this.meta.tops || 0)) {
      return 'summary';
    }
    return terms.some((list) => !list.some(isBig)) ? 'coded' : 'full';
  }

  /** The ranked results without facet filtering: a summary's head when it covers `shown`. */
  ranked(terms, mode, shown) {
    if (mode === 'summary') {
      const t = terms[0][0], head = this.summary(t.term, t.entry).head, df = t.entry[1];
      if (shown <= head.length || df <= head.length) {
        const idf = 1 + Math.log(this.meta.count / (df + 1));
        return head.map((h) => ({ id: h[0], score: idf * h[1] }));
      }
    }
    return this.rank(terms);
  }

  /** The number of results before facet filtering. */
  total(terms, mode, ranked) {
    return mode === 'summary' ? terms[0][0].entry[1] : ranked.length;
  }

  /** The ranked matches of the words' terms, without facet filtering: [{id, score}] by score,
   *  then id — what `collect` ranks when no facet is selected. Needs the postings only. */
  rank(terms) {
    const count = this.meta.count;
    let total = null;
    if (!terms.length || terms.some((t) => t.length === 0)) return [];
    for (const list of terms) {
      const best = new Float64Array(count);
      list.forEach((t) => {
        const p = this.postings(t.term, t.entry);
        const idf = 1 + Math.log(count / (p.ids.length + 1));
        for (let k = 0; k < p.ids.length; k++) {
          const d = p.ids[k], s = idf * p.weights[k];
          if (d < count && s > best[d]) best[d] = s;
        }
      });
      if (total === null) total = best;
      else for (let d = 0; d < count; d++) total[d] = total[d] > 0 && best[d] > 0 ? total[d] + best[d] : 0;
    }
    const out = [];
    for (let d = 0; d < count; d++) if (total[d] > 0) out.push({ id: d, score: total[d] });
    return out.sort((p, q) => q.score - p.score || p.id - q.id);
  }

  /** has(j, v, d): whether document d has value v of value facet j, from f.js ('full') or from
   *  the codes in the postings of a word whose terms are all small ('coded'); for an initiative
   *  facet (phase, evidence, region, started) from a.js through the document's initiative. */
  membership(terms, mode) {
    const byCode = this.codeMembership(terms, mode), by = this.byInitiative;
    if (!this.attrCount) return byCode;
    // An initiative facet: the value of the document's initiative (a.js, r.js).
    const values = this.initiativeValues(), owner = this.owners();
    return (j, v, d) => (by[j] >= 0 ? owner[d] >= 0 && values[by[j]][owner[d]] === v : byCode(j, v, d));
  }

  /** membership for the value facets with codes: f.js, or the codes in postings. */
  codeMembership(terms, mode) {
    if (mode !== 'coded') {
      const sets = this.facetSets(), at = this.facets.map((f, j) => this.valueFacets.indexOf(j));
      return (j, v, d) => { const s = sets[at[j]] && sets[at[j]][v]; return s ? s[d] === 1 : false; };
    }
    const W = this.words, offsets = this.meta.code.offsets, where = new Map();
    const list = terms.filter((l) => l.every((t) => !isBig(t)))[0];
    list.forEach((t) => {
      const p = this.postings(t.term, t.entry);
      for (let k = 0; k < p.ids.length; k++) if (!where.has(p.ids[k])) where.set(p.ids[k], { c: p.codes, at: k * W });
    });
    return (j, v, d) => {
      const e = where.get(d), bit = offsets[j] + v;
      return e ? ((e.c[e.at + Math.floor(bit / 30)] >>> (bit % 30)) & 1) === 1 : false;
    };
  }

  /** Matching, facet filtering and counting, with what `mode` needs loaded. Returns
   *  {results: [{id, score}] ranked, total, counts, initiatives: [index] to show}. */
  collect(terms, sel, top, ranked, mode, shown) {
    const meta = this.meta, count = meta.count, jI = this.initiativeFacet;
    const counts = this.facets.map((f) => (f.values ? f.values.map(() => 0) : new Int32Array(meta.initiatives)));
    if (mode === 'summary') {
      const t = terms[0][0], sum = this.summary(t.term, t.entry);
      this.valueFacets.forEach((j, n) => { counts[j] = sum.counts[n].slice(); });
      if (jI >= 0) sum.tops.forEach((p) => { if (p[0] < counts[jI].length) counts[jI][p[0]] = p[1]; });
      ranked = ranked || this.ranked(terms, mode, shown);
      return this.shownInitiatives({ results: ranked, total: t.entry[1], counts }, sel, top);
    }
    let ids = [], score = null;
    if (terms.length) {
      // In rank order (`ranked`, when the caller has it already): results come out ranked.
      ranked = ranked || this.rank(terms);
      score = new Float64Array(count);
      ranked.forEach((x) => { score[x.id] = x.score; });
      ids = ranked.map((x) => x.id);
    } else {
      for (let d = 0; d < count; d++) ids.push(d);
    }
    if (!ids.length) return this.shownInitiatives({ results: [], total: 0, counts }, sel, top);
    const owner = this.owners(), has = this.membership(terms, mode);
    // Per active facet: does a document pass it?
    const active = [], pass = [];
    this.facets.forEach((f, j) => {
      if (!sel[j].size) return;
      const values = Array.from(sel[j]);
      active.push(j);
      pass.push(j === jI
        ? (d) => sel[j].has(owner[d])
        : (d) => values.some((v) => has(j, v, d)));
    });
    // Documents passing all active facets count for every facet (and are results); documents
    // failing exactly one facet count for that facet only (disjunctive counts).
    const results = [], countFor = this.facets.map(() => []), all = [];
    for (const id of ids) {
      let failures = 0, failed = -1;
      for (let a = 0; a < active.length && failures < 2; a++) if (!pass[a](id)) { failures++; failed = active[a]; }
      if (failures === 0) { results.push({ id, score: score ? score[id] : 0 }); all.push(id); }
      else if (failures === 1) countFor[failed].push(id);
    }
    this.facets.forEach((f, j) => {
      for (const l of [all, countFor[j]]) {
        for (const d of l) {
          if (j === jI) {
            const o = owner[d];
            if (o >= 0) counts[j][o]++;
          } else {
            for (let v = 0; v < f.values.length; v++) if (has(j, v, d)) counts[j][v]++;
          }
        }
      }
    });
    return this.shownInitiatives({ results, total: results.length, counts }, sel, top);
  }

  /** Adds `initiatives`: the `top` initiatives by count (count > 0; ties: lower index) plus the
   *  selected ones, ordered by count descending, then index. */
  shownInitiatives(found, sel, top) {
    const j = this.initiativeFacet, list = [];
    if (j >= 0) {
      const c = found.counts[j];
      for (let i = 0; i < c.length; i++) {
        if (!c[i]) continue;
        if (list.length === top && c[i] <= c[list[top - 1]]) continue;
        let at = list.length;
        while (at > 0 && c[list[at - 1]] < c[i]) at--;
        list.splice(at, 0, i);
        if (list.length > top) list.pop();
      }
      sel[j].forEach((s) => { if (list.indexOf(s) < 0) list.push(s); });
      list.sort((a, b) => c[b] - c[a] || a - b);
    }
    found.initiatives = list;
    return found;
  }
}
