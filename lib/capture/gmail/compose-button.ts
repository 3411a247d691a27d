// The small "Sidelog" button in the compose toolbar. Built with DOM APIs inside a closed shadow
// root (Gmail's styles cannot leak in, ours cannot leak out; no HTML strings: Trusted Types).
// It sends nothing and clicks nothing: it marks this compose as the target of the side panel's
// "Insert" and tells the user where the templates are.
export function addComposeButton(doc: Document, cell: Element, onPick: () => void): HTMLElement {
  const host = doc.createElement('span');
  host.setAttribute('data-sidelog', 'compose-button');
  host.style.cssText = 'display:inline-block;vertical-align:middle;margin-left:8px';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent =
    'button{font:500 12px/1 system-ui;border:1px solid #c4c7c5;border-radius:12px;background:#fff;color:#1f1f1f;padding:6px 10px;cursor:pointer}' +
    'button:hover{background:#f2f6fc}.tip{position:absolute;margin-top:6px;max-width:220px;font:12px/1.4 system-ui;background:#1f1f1f;color:#fff;padding:6px 8px;border-radius:6px;z-index:10}';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = 'Sidelog';
  button.title = 'Insert a Sidelog template into this message';
  const tip = doc.createElement('div');
  tip.className = 'tip';
  tip.hidden = true;
  tip.textContent = 'Pick a template in the Sidelog side panel and press Insert: it goes into this message.';
  button.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onPick();
    tip.hidden = !tip.hidden;
  });
  shadow.append(style, button, tip);
  cell.appendChild(host);
  return host;
}
