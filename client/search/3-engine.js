  // client/search/3-engine.js: the Engine's data: meta, the files fed to it, shard keys and
  // the terms a word matches, postings, summaries, initiatives and facet selections.

  // ------------------------------------------------------------------ the engine (pure)

  var PAGE = 20;            // results per page
  var TOP = 10;             // initiative values shown (plus the selected ones)
  var FIRST = 6;            // results shown before the rest of the page has loaded

  /** meta.keys: each entry is one base-36 digit (code points shared with the previous key)
   *  and the rest of the key; entries separated by spaces. */
  function frontDecoded(text) {
    var keys = [], prev = [];
    (text ? text.split(' ') : []).forEach(function (entry) {
      var key = prev.slice(0, parseInt(entry[0], 36)).concat(codePoints(entry.slice(1)));
      keys.push(key.join(''));
      prev = key;
    });
    return keys;
  }

  /** The search core: the meta plus the data files fed to it so far (see callbacks). */
  function Engine(meta) {
    if (!meta || meta.version !== 3) throw new Error('search index version ' + (meta && meta.version) + ', this client reads 3');
    this.meta = meta;
    this.stop = new Set(meta.stopwords || []);
    this.keys = new Set();
    this.longest = 0;
    this.groups = meta.keys == null ? new Set(meta.groups || []) : null;   // key files, by first character
    if (meta.keys != null) this.addKeys(meta.keys);
    this.words = (meta.code && meta.code.words) || 0;   // code words per posting in a shard
    this.facets = meta.facets || [];
    this.facetByParam = Object.create(null);   // param -> {index, slugs: {slug: value index} | null}
    this.valueFacets = [];                      // indices of the facets with a value list
    this.initiativeFacet = -1;                  // index of the facet whose values are initiatives
    for (var j = 0; j < this.facets.length; j++) {
      var f = this.facets[j], slugs = null;
      if (f.values) {
        slugs = Object.create(null);
        f.values.forEach(function (v, index) { slugs[v.slug] = index; });
        this.valueFacets.push(j);
      } else {
        this.initiativeFacet = j;
      }
      this.facetByParam[f.param] = { index: j, slugs: slugs };
    }
    this.have = Object.create(null);      // file -> true once its data is here
    this.pending = Object.create(null);   // file -> promise of a load in flight
    this.shards = Object.create(null);    // key -> {terms: {term: entry}, top, sorted}
    this.big = Object.create(null);       // n -> postings string
    this.decoded = new Map();             // term -> {ids, weights, codes}
    this.summaries = new Map();           // term -> decoded summary
    this.docs = Object.create(null);      // chunk -> [doc]
    this.labels = Object.create(null);    // chunk -> [[slug, title]]
    this.firsts = null;                   // n.js: first slug of each label chunk
    this.owner = null;                    // r.js, decoded: the initiative of each document
    this.sets = null;                     // f.js, decoded: [[Uint8Array] per value] per value facet
  }

  Engine.PAGE = PAGE;
  Engine.TOP = TOP;

  Engine.prototype.addKeys = function (text) {
    var self = this;
    frontDecoded(text).forEach(function (k) {
      self.keys.add(k);
      self.longest = Math.max(self.longest, codePoints(k).length);
    });
  };

  /** Data from a file's callback; returns the file's name. */
  Engine.prototype.feed = function (kind, a, b, c) {
    var file;
    if (kind === 'shard') {
      this.shards[a] = { terms: b, top: c || null, sorted: null };
      file = 'search/t-' + fileKey(a) + '.js';
    } else if (kind === 'keys') {
      this.addKeys(b);
      file = this.keyFile(a);
    } else if (kind === 'postings') {
      this.big[a] = b;
      file = 'search/p-' + a + '.js';
    } else if (kind === 'facets') {
      this.facetRaw = a;   // decoded on first use, after the first results are on screen
      file = 'search/f.js';
    } else if (kind === 'ranges') {
      this.rangesRaw = a;
      file = 'search/r.js';
    } else if (kind === 'firsts') {
      this.firsts = a;
      file = 'search/n.js';
    } else if (kind === 'docs') {
      this.docs[a] = b;
      file = 'search/d-' + a + '.js';
    } else if (kind === 'labels') {
      this.labels[a] = b;
      file = 'search/i-' + a + '.js';
    } else {
      throw new Error('unknown search data ' + kind);
    }
    this.have[file] = true;
    return file;
  };

  Engine.prototype.keyFile = function (group) {
    return 'search/k-' + fileKey(group) + '.js';
  };

  /** The key file a term's shard key is listed in (null when meta lists every key). */
  Engine.prototype.keyFileOf = function (term) {
    var first = codePoints(term)[0];
    return this.groups && first !== undefined && this.groups.has(first) ? this.keyFile(first) : null;
  };

  /** f.js, decoded on first use: per value facet, per value, its documents as a Uint8Array. */
  Engine.prototype.facetSets = function () {
    if (this.sets) return this.sets;
    if (!this.facetRaw) throw new Error('facets not loaded: search/f.js');
    var count = this.meta.count;
    this.sets = (this.facetRaw.values || []).map(function (values) {
      return values.map(function (s) { return decodeSet(s, count); });
    });
    return this.sets;
  };

  /** r.js, decoded on first use: owner[d], the initiative of document d (initiative i is
   *  document i; then the lessons, initiative by initiative), -1 for none. */
  Engine.prototype.owners = function () {
    if (this.owner) return this.owner;
    if (this.rangesRaw === undefined) throw new Error('ranges not loaded: search/r.js');
    var count = this.meta.count, I = this.meta.initiatives;
    var owner = new Int32Array(count).fill(-1);
    var lessons = v64(this.rangesRaw || '');
    for (var i = 0, next = I; i < I && i < count; i++) {
      owner[i] = i;
      for (var n = lessons[i] || 0; n > 0 && next < count; n--) owner[next++] = i;
    }
    this.owner = owner;
    return owner;
  };

  /** Loads a file once (load: file -> promise, see `callbacks`); concurrent asks share it. */
  Engine.prototype.fetch = function (file, load) {
    if (this.have[file]) return Promise.resolve();
    if (this.pending[file]) return this.pending[file];
    var self = this;
    var p = Promise.resolve().then(function () { return load(file); }).then(function () {
      delete self.pending[file];
      if (!self.have[file]) throw new Error('no search data in ' + file);
    }, function (err) {
      delete self.pending[file];   // a later search may retry
      throw err;
    });
    this.pending[file] = p;
    return p;
  };

  /** The shard key of a term: the longest key that is a prefix of it (null if none). */
  Engine.prototype.keyOf = function (term) {
    var kf = this.keyFileOf(term);
    if (kf && !this.have[kf]) throw new Error('keys not loaded: ' + kf);
    var cps = codePoints(term);
    for (var n = Math.min(cps.length, this.longest); n > 0; n--) {
      var key = cps.slice(0, n).join('');
      if (this.keys.has(key)) return key;
    }
    return null;
  };

  Engine.prototype.shardFile = function (key) {
    return 'search/t-' + fileKey(key) + '.js';
  };

  /** Query text -> words: [{token, stem, prefix: [forms] | null}]. */
  Engine.prototype.analyze = function (query, options) {
    var allowPrefix = !options || options.prefix !== false;
    var text = String(query || '');
    var open = allowPrefix && /[\p{Alphabetic}\p{N}\p{M}]$/u.test(text);
    var tokens = tokenize(text);
    var words = [];
    for (var i = 0; i < tokens.length; i++) {
      var token = tokens[i];
      var typing = open && i === tokens.length - 1 && codePoints(token).length >= 2;
      if (this.stop.has(token) && !typing) continue;
      var st = stem(token);
      words.push({ token: token, stem: st, prefix: typing ? (st === token ? [token] : [token, st]) : null });
    }
    return words;
  };

  /** The shard keys (existing ones) a word needs. */
  Engine.prototype.wordKeys = function (word) {
    var self = this, keys = [];
    (word.prefix || [word.stem]).forEach(function (form) {
      var k = self.keyOf(form);
      if (k !== null && keys.indexOf(k) < 0) keys.push(k);
    });
    return keys;
  };

  /** A term's entry (postings string or [n, df]) from its loaded shard; undefined if no term. */
  Engine.prototype.entry = function (term) {
    var key = this.keyOf(term), shard = key !== null && this.shards[key];
    if (key !== null && !shard) throw new Error('shard not loaded: ' + this.shardFile(key));
    return shard && hasOwn(shard.terms, term) ? shard.terms[term] : undefined;
  };

  Engine.prototype.entryDf = function (entry) {
    return typeof entry === 'string' ? postingsDf(entry, 2 + this.words) : entry[1];
  };

  /** The terms a word matches: [{term, entry}] (shards loaded). */
  Engine.prototype.termsFor = function (word) {
    var self = this, found = [], seen = new Set();
    function add(term, entry) {
      if (entry === undefined || seen.has(term)) return;
      seen.add(term);
      found.push({ term: term, entry: entry });
    }
    if (!word.prefix) {
      add(word.stem, this.entry(word.stem));
      return found;
    }
    word.prefix.forEach(function (p) { add(p, self.entry(p)); });
    var candidates = new Map();   // term -> entry
    word.prefix.forEach(function (p) {
      var key = self.keyOf(p);
      if (key === null) return;
      var shard = self.shards[key];
      if (key === p && shard.top) {
        shard.top.forEach(function (te) { candidates.set(te[0], te[1]); });
        return;
      }
      var sorted = shard.sorted || (shard.sorted = Object.keys(shard.terms).sort(cmp));
      var lo = 0, hi = sorted.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (cmp(sorted[mid], p) < 0) lo = mid + 1; else hi = mid;
      }
      for (var i = lo; i < sorted.length && sorted[i].indexOf(p) === 0; i++) candidates.set(sorted[i], shard.terms[sorted[i]]);
    });
    var list = [];
    candidates.forEach(function (entry, term) { list.push({ term: term, entry: entry, df: self.entryDf(entry) }); });
    list.sort(function (x, y) { return y.df - x.df || cmp(x.term, y.term); });
    list.slice(0, this.meta.prefix).forEach(function (t) { add(t.term, t.entry); });
    // A big term among them: the word is matched as one term (its stem, else its token, else
    // its most frequent completion), whose counts its summary or its codes give exactly.
    if (found.length > 1 && found.some(function (t) { return typeof t.entry !== 'string'; })) {
      var forms = [word.stem, word.token];
      for (var f = 0; f < forms.length; f++) {
        for (var i = 0; i < found.length; i++) if (found[i].term === forms[f]) return [found[i]];
      }
      return [found[0]];
    }
    return found;
  };

  /** The postings of a chosen term, decoded once. */
  Engine.prototype.postings = function (term, entry) {
    var d = this.decoded.get(term);
    if (d) return d;
    if (typeof entry === 'string') {
      d = decodePostings(entry, this.words);
    } else {
      var s = this.big[entry[0]];
      if (s === undefined) throw new Error('postings not loaded: search/p-' + entry[0] + '.js');
      d = decodePostings(s, 0);
    }
    this.decoded.set(term, d);
    return d;
  };

  /** A big term's summary, decoded once. */
  Engine.prototype.summary = function (term, entry) {
    var d = this.summaries.get(term);
    if (d) return d;
    var self = this;
    d = decodeSummary(entry[2] || '', this.valueFacets.map(function (j) { return self.facets[j].values.length; }));
    this.summaries.set(term, d);
    return d;
  };

  /** The label chunk an initiative slug would be in (by n.js), -1 if none. */
  Engine.prototype.labelChunkOf = function (slug) {
    if (!this.firsts) throw new Error('first slugs not loaded: search/n.js');
    var firsts = this.firsts, lo = 0, hi = firsts.length;
    while (lo < hi) {   // the number of firsts <= slug
      var mid = (lo + hi) >> 1;
      if (cmp(firsts[mid], slug) <= 0) lo = mid + 1; else hi = mid;
    }
    return lo - 1;
  };

  /** Initiative index of a slug (label chunk loaded), -1 if unknown. */
  Engine.prototype.initiativeIndex = function (slug) {
    var c = this.labelChunkOf(slug);
    if (c < 0) return -1;
    var list = this.labels[c];
    if (!list) throw new Error('labels not loaded: search/i-' + c + '.js');
    for (var k = 0; k < list.length; k++) if (list[k][0] === slug) return c * this.meta.labels + k;
    return -1;
  };

  /** {slug, label} of initiative i, or null when its label chunk is not loaded. */
  Engine.prototype.initiative = function (i) {
    var list = this.labels[Math.floor(i / this.meta.labels)];
    var e = list && list[i % this.meta.labels];
    return e ? { slug: e[0], label: e[1] } : null;
  };

  Engine.prototype.doc = function (id) {
    var chunk = this.docs[Math.floor(id / this.meta.chunk)];
    return chunk ? chunk[id % this.meta.chunk] : undefined;
  };

  /** Slugs of the URL's initiative parameter. */
  Engine.prototype.initiativeSlugs = function (facets) {
    var f = this.initiativeFacet >= 0 && facets ? facets[this.facets[this.initiativeFacet].param] : null;
    return f ? [].concat(f) : [];
  };

  /** {param: [slugs]} -> per facet a Set of value indices (initiatives: initiative indices).
   *  Unknown slugs are dropped; initiative slugs need their label chunks. */
  Engine.prototype.selection = function (facets) {
    var sel = this.facets.map(function () { return new Set(); });
    var self = this;
    Object.keys(facets || {}).forEach(function (param) {
      var f = self.facetByParam[param];
      if (!f) return;
      [].concat(facets[param]).forEach(function (slug) {
        var v = f.slugs ? (hasOwn(f.slugs, slug) ? f.slugs[slug] : -1) : self.initiativeIndex(slug);
        if (v >= 0) sel[f.index].add(v);
      });
    });
    return sel;
  };

  /** One search, resumable: next() returns the files still needed, or null with `out` set. */
