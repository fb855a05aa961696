// Loading data files in the browser: a data file is a <script>; it runs its callback (feeding
// the engine) before its load event.
import { el } from './dom.js';

export function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = el('script');
    script.src = src;
    script.async = true;
    script.onload = () => { script.remove(); resolve(); };
    script.onerror = () => { script.remove(); reject(new Error('cannot load ' + src)); };
    document.head.appendChild(script);
  });
}
