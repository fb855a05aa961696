// What node tests and benches use of the client, and what the bundle exports under node
// (static/search.min.js is this plus the page, see main.js).
export { fold, tokenize, stem, pipeline } from './text.js';
export { hrefFor } from './links.js';
export { v64, decodePostings, decodeSummary, decodeSet, fileKey, cmp } from './encodings.js';
export { frontDecoded } from './store.js';
export { Engine, callbacks } from './engine.js';
export { highlighter, highlightPieces } from './highlight.js';
