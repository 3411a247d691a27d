// A fresh React root per test in a happy-dom document (component tests declare
// `// @vitest-environment happy-dom`): `dom.host` is the container, `dom.render` renders into it.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export function reactRoot() {
  const dom = {
    host: null as unknown as HTMLElement,
    root: null as unknown as Root,
    render: (el: React.ReactElement) => act(() => dom.root.render(el)),
  };
  beforeEach(() => {
    dom.host = document.createElement('div');
    document.body.append(dom.host);
    dom.root = createRoot(dom.host);
  });
  afterEach(() => {
    act(() => dom.root.unmount());
    dom.host.remove();
  });
  return dom;
}
