// Links between pages of a built site, as the Rust side writes them (src/render urls::href):
// shared by the search page and the comparison view.

/** The link from a page whose root prefix is `root` to the site path `path`; a portable build
 *  (file://) adds "index.html" to a folder path. */
export function hrefFor(root, portable, path) {
  const cut = path.search(/[#?]/);
  const rest = cut >= 0 ? path.slice(cut) : '';
  if (cut >= 0) path = path.slice(0, cut);
  let out = root + path;
  if (portable && (path === '' || path.charAt(path.length - 1) === '/')) out += 'index.html';
  return out + rest;
}
