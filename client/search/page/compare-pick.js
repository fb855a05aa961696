// Choosing initiatives to compare: a checkbox on each initiative result, for the page's
// form#compare-form (GET vergelijk/?i=…); the choice is kept while the results change.
import { el } from './dom.js';

/** {pick(doc): the checkbox paragraph for an initiative result, show(): the form and its
 *  hidden fields}. */
export function comparePicker(form, say) {
  let picked = [];   // slugs, in the order chosen

  function pick(doc) {
    const slug = (/initiatieven\/([^/]+)\//.exec(doc.u || '') || [])[1] || '';
    const p = el('p', 'compare-pick');
    const input = el('input');
    input.type = 'checkbox';
    input.id = 'pick-' + slug;
    input.name = 'i';
    input.value = slug;
    input.setAttribute('form', 'compare-form');
    input.checked = picked.indexOf(slug) >= 0;
    input.addEventListener('change', () => {
      picked = picked.filter((s) => s !== slug);
      if (input.checked) picked.push(slug);
      show();
    });
    const label = el('label', '', say('compare_pick'));
    label.htmlFor = input.id;
    label.appendChild(el('span', 'visually-hidden', ': ' + (doc.t || slug)));
    p.append(input, ' ', label);
    return p;
  }

  /** The form shows while initiatives are chosen; it sends those no longer among the results
   *  too (as hidden fields). */
  function show() {
    const keep = form.querySelector('.compare-kept');
    keep.textContent = '';
    picked.forEach((slug) => {
      if (document.getElementById('pick-' + slug)) return;
      const h = el('input');
      h.type = 'hidden';
      h.name = 'i';
      h.value = slug;
      keep.appendChild(h);
    });
    form.hidden = picked.length === 0;
  }

  return { pick, show };
}
