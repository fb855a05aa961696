// The compact encodings of the index files (docs/search-format.md), as src/search/encode.rs
// and codes.rs write them: v64 numbers, postings with facet codes, big-term summaries,
// document sets; code-point order and file keys.

const V64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const V64_VALUE = new Int8Array(128).fill(-1);
for (let c = 0; c < 64; c++) V64_VALUE[V64.charCodeAt(c)] = c;

function v64At(s, i) {
  const v = V64_VALUE[s.charCodeAt(i)];
  if (!(v >= 0)) throw new Error('bad v64 character ' + JSON.stringify(s.charAt(i)));
  return v;
}

/** All v64 numbers of `s` from index `from` (default 0). */
export function v64(s, from) {
  const out = [];
  let n = 0, scale = 1;
  for (let i = from || 0; i < s.length; i++) {
    const g = v64At(s, i);
    if (g >= 32) { n += (g - 32) * scale; scale *= 32; } else { out.push(n + g * scale); n = 0; scale = 1; }
  }
  if (scale !== 1) throw new Error('v64 number cut short');
  return out;
}

/** Postings string -> {ids, weights, codes} (Int32Arrays, ids ascending). `words`: code
 *  words per posting (0 for a p-file's postings; codes is then null). */
export function decodePostings(s, words) {
  const nums = v64(s), stride = 2 + (words || 0);
  const df = Math.floor(nums.length / stride), ids = new Int32Array(df), weights = new Int32Array(df);
  const codes = words ? new Int32Array(df * words) : null;
  for (let k = 0, id = 0; k < df; k++) {
    id += nums[stride * k];
    ids[k] = id;
    weights[k] = nums[stride * k + 1];
    for (let w = 0; w < words; w++) codes[k * words + w] = nums[stride * k + 2 + w];
  }
  return { ids, weights, codes };
}

/** Document frequency of a postings string without decoding it: final groups / stride. */
export function postingsDf(s, stride) {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (v64At(s, i) < 32) n++;
  return Math.floor(n / stride);
}

/** A big term's summary (format v4): {counts: [[n] per value facet], tops: [[initiative,
 *  count]], head: [[doc, weight]]}. `sizes`: the value facets' value counts. */
export function decodeSummary(s, sizes) {
  const nums = v64(s), counts = [], tops = [], head = [];
  let at = 0, n, k;
  sizes.forEach((size) => { counts.push(nums.slice(at, at + size)); at += size; });
  for (n = nums[at++] || 0, k = 0; k < n; k++, at += 2) tops.push([nums[at], nums[at + 1]]);
  for (n = nums[at++] || 0, k = 0; k < n; k++, at += 2) head.push([nums[at], nums[at + 1]]);
  return { counts, tops, head };
}

/** Document set string (`b…` bitset or `g…` gaps) -> Uint8Array(count), 1 = member. */
export function decodeSet(s, count) {
  const set = new Uint8Array(count), kind = s.charAt(0);
  if (kind === 'b') {
    for (let i = 1; i < s.length; i++) {
      let bits = v64At(s, i), d = 6 * (i - 1);
      for (; bits; bits >>= 1, d++) if (bits & 1 && d < count) set[d] = 1;
    }
  } else if (kind === 'g') {
    for (let i = 1, g = 0; i < s.length;) {   // inline v64: gaps
      let n = 0, scale = 1, v;
      while ((v = v64At(s, i++)) >= 32) { n += (v - 32) * scale; scale *= 32; }
      g += n + v * scale;
      if (g < count) set[g] = 1;
    }
  } else {
    throw new Error('bad document set ' + JSON.stringify(s.slice(0, 8)));
  }
  return set;
}

/** Code point order (Rust's str order), also for astral characters. */
export function cmp(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xD800 && x < 0xE000, sy = y >= 0xD800 && y < 0xE000;
    return sx === sy ? x - y : sx ? 1 : -1;
  }
  return a.length - b.length;
}

/** The file key of a shard key: ASCII a-z and 0-9 kept, any other character as _<hex>. */
export function fileKey(key) {
  let out = '';
  for (const ch of key) out += /^[a-z0-9]$/.test(ch) ? ch : '_' + ch.codePointAt(0).toString(16);
  return out;
}

export function hasOwn(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
