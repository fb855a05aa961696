// The bundle's entry (scripts/bundle.mjs makes static/search.min.js from it): in a browser it
// starts the search page; under node (tests, benches: require('static/search.min.js')) it
// exports the API (the same as api.js, which node tests import) instead.
import { fold, tokenize, stem, pipeline } from './text.js';
import { hrefFor } from './links.js';
import { v64, decodePostings, decodeSummary, decodeSet, fileKey, cmp } from './encodings.js';
import { frontDecoded } from './store.js';
import { Engine, callbacks } from './engine.js';
import { highlighter, highlightPieces } from './highlight.js';
import { startPage } from './page/page.js';

if (typeof document !== 'undefined') startPage(window);
else if (typeof module === 'object' && module.exports) {
  module.exports = {
    Engine, callbacks, cmp, decodePostings, decodeSet, decodeSummary, fileKey, fold, frontDecoded,
    highlightPieces, highlighter, hrefFor, pipeline, stem, tokenize, v64,
  };
}
