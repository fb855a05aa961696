// Making elements: the one helper the page's parts share.

/** A new element `tag` with a class (when given) and text (when given). */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}
