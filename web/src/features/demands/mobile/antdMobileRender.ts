import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

// antd-mobile 5 renders its imperative pieces (Toast.show, Dialog.confirm, ImageViewer.show) with
// ReactDOM.render, which React 19 no longer has; its guide for React 19 sets a createRoot-based
// render once (https://mobile.ant.design/guide/v5-for-19). Imported by the mobile shell.

const roots = new WeakMap<Element | DocumentFragment, Root>();

unstableSetRender((node, container) => {
  let root = roots.get(container);
  if (!root) {
    root = createRoot(container);
    roots.set(container, root);
  }
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    roots.delete(container);
  };
});
