// The facets panel: built once from the meta; counts, visibility and the initiative items are
// updated in place for each result.

import { el } from './dom.js';

function facetItem(param, id, slug, label) {
  const item = el('li');
  const check = el('input');
  check.type = 'checkbox';
  check.id = id;
  check.name = param;
  check.value = slug;
  const labelEl = el('label');
  labelEl.htmlFor = id;
  const count = el('span', 'count');
  labelEl.append(el('span', 'facet-label', label), ' ', count);
  item.append(check, labelEl);
  return { input: check, item, count };
}

/** The panel of the box `box` for `engine`; say: the interface strings; onToggle(param, slug,
 *  on) when the reader ticks or unticks a value. Returns {show(out)}. */
export function facetsPanel(engine, box, say, onToggle) {
  const body = box.querySelector('.search-facets-body');
  const activeCount = box.querySelector('.search-facets-active');
  const inputs = [];                          // value facets: [{j, v, input, item, count}]
  const groups = [];                          // one fieldset per facet
  let initiativeList = null, initiativeHint = null;   // the initiative facet's <ul> and hint
  const initiativeItems = Object.create(null);        // its items by initiative index

  engine.facets.forEach((facet, j) => {
    const group = el('fieldset', 'facet facet-' + facet.param);
    const list = el('ul');
    group.append(el('legend', '', facet.name), list);
    if (facet.values) {
      facet.values.forEach((value, v) => {
        const f = facetItem(facet.param, 'f-' + facet.param + '-' + v, value.slug, value.label);
        list.appendChild(f.item);
        inputs.push({ j, v, input: f.input, item: f.item, count: f.count });
      });
    } else {
      initiativeList = list;
      initiativeHint = el('p', 'facet-hint', say('initiative_hint'));
      group.appendChild(initiativeHint);
    }
    body.appendChild(group);
    groups.push(group);
  });
  body.addEventListener('change', (e) => {
    if (e.target.type === 'checkbox') onToggle(e.target.name, e.target.value, e.target.checked);
  });

  /** The initiative facet: the values `out.initiatives` lists, in that order. */
  function showInitiatives(out) {
    const param = engine.facets[engine.initiativeFacet].param;
    const want = out.initiatives.map((v) => {
      let f = initiativeItems[v.index];
      if (!f) f = initiativeItems[v.index] = facetItem(param, 'f-' + param + '-' + v.index, v.slug, v.label);
      f.input.checked = v.selected;
      f.count.textContent = out.counts ? String(v.count) : '';
      return f.item;
    });
    Array.from(initiativeList.children).forEach((li) => { if (want.indexOf(li) < 0) initiativeList.removeChild(li); });
    want.forEach((li, k) => {
      if (initiativeList.children[k] !== li) initiativeList.insertBefore(li, initiativeList.children[k] || null);
    });
    initiativeHint.hidden = !out.idle || want.length > 0 || !say('initiative_hint');
    return want.length + (initiativeHint.hidden ? 0 : 1);
  }

  /** Checks, counts and visibility for a result (or an idle state, without counts). */
  function show(out) {
    const counts = out.counts, sel = out.selection;
    const visible = engine.facets.map(() => 0);
    let active = 0;
    sel.forEach((s) => { active += s.size; });
    inputs.forEach((f) => {
      const selected = sel[f.j].has(f.v);
      f.input.checked = selected;
      if (counts) {
        const c = counts[f.j][f.v];
        f.count.textContent = String(c);
        f.item.hidden = c === 0 && !selected;
      } else {
        f.count.textContent = '';
        f.item.hidden = false;
      }
      if (!f.item.hidden) visible[f.j]++;
    });
    if (engine.initiativeFacet >= 0) visible[engine.initiativeFacet] = showInitiatives(out);
    groups.forEach((g, j) => { g.hidden = visible[j] === 0; });
    activeCount.textContent = active ? '(' + active + ')' : '';
  }

  return { show };
}
