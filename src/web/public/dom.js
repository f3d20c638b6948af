/* global document */
// Builds DOM nodes. Text always goes in as textContent, so server strings can never become markup.

/**
 * el('p', { class: 'muted', text: 'Hi', attrs: { id: 'x' }, on: { click } }, [children])
 * Children may be nodes, strings (text nodes) or null/false (skipped).
 */
export function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.class) node.className = options.class;
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [event, handler] of Object.entries(options.on ?? {})) node.addEventListener(event, handler);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

/** Shows a message in a notice region; an empty text hides the region's styling. */
export function setNotice(node, text, tone = 'error') {
  node.textContent = text ?? '';
  node.classList.toggle('notice--error', Boolean(text) && tone === 'error');
  node.classList.toggle('notice--info', Boolean(text) && tone === 'info');
}
