// The search page's state in the URL (?q=zorg&thema=mantelzorg). If the browser refuses
// history URLs (possible on file://), it moves to the hash (#q=zorg&thema=mantelzorg); a hash
// with parameters always wins over the query string. States are compared in canonical form
// (queryString), so our own writes never echo back as navigation.
import { cmp, hasOwn } from '../encodings.js';

/** The URL state of a page searching `engine`: {read, queryString, write, toggle}. */
export function urlState(engine) {
  let useHash = false;   // set once history URLs have been refused

  function locationParams() {
    const hash = location.hash.replace(/^#/, '');
    return new URLSearchParams(hash.indexOf('=') >= 0 ? hash : location.search);
  }

  /** The state the location shows: {q, facets: {param: [slugs]}}. */
  function read() {
    const params = locationParams();
    const facets = {};
    engine.facets.forEach((f) => {
      const values = params.getAll(f.param).filter(Boolean);
      if (values.length) facets[f.param] = values;
    });
    return { q: params.get('q') || '', facets };
  }

  /** A state in canonical form: q, then each facet's values in meta order. */
  function queryString(s) {
    const params = new URLSearchParams();
    if (s.q) params.set('q', s.q);
    engine.facets.forEach((f) => {
      (s.facets[f.param] || []).forEach((slug) => params.append(f.param, slug));
    });
    const text = params.toString();
    return text ? '?' + text : '';
  }

  /** Shows `state` in the location: a new history entry (push) or in place of the current one. */
  function write(state, push) {
    const qs = queryString(state);
    if (qs === queryString(read())) return;
    if (!useHash) {
      try {
        const url = location.pathname + qs;
        if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
        return;
      } catch (e) {
        useHash = true;
      }
    }
    const hash = '#' + (qs ? qs.slice(1) : 'q=');   // never empty: that would mean "read ?q="
    if (push) location.hash = hash; else location.replace(hash);
  }

  /** Adds or removes one facet value of `state`; values stay in meta order (initiatives: slug
   *  order). */
  function toggle(state, param, slug, on) {
    const f = engine.facetByParam[param];
    let list = (state.facets[param] || []).filter((s) => s !== slug);
    if (on) list.push(slug);
    if (f.slugs) {
      list = list.filter((s) => hasOwn(f.slugs, s));
      list.sort((a, b) => f.slugs[a] - f.slugs[b]);
    } else {
      list.sort(cmp);
    }
    if (list.length) state.facets[param] = list; else delete state.facets[param];
  }

  return { read, queryString, write, toggle };
}
