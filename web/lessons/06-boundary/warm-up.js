// Warms the core's training code before the first Play. V8 first runs a wasm function from its
// baseline compiler and optimises it only once it has run for a while (dynamic tiering), so the
// first frames after a click on Play ran the step code several times slower and made the page's
// only tasks over 50 ms. A throwaway twin of the learner's lab trains a few epochs in idle time,
// one per idle callback (a few milliseconds each); the learner's lab and its numbers are untouched.
const EPOCHS = 12;
let warm = null;  // the promise of the one warm-up of this page

const idle = () => new Promise((resolve) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(resolve, { timeout: 1000 });
  else setTimeout(resolve, 50);
});

// makeTwin() → a new lab like the learner's. Resolves when the twin is gone. Once per page: the
// optimised code serves every lab after it.
export function warmUp(makeTwin) {
  warm ??= (async () => {
    let twin = null;
    try {
      for (let epoch = 0; epoch < EPOCHS; epoch++) {
        await idle();
        twin ??= makeTwin();
        twin.step(1);
      }
    } catch {
      // Only a warm-up: a twin that cannot be made or trained changes nothing on the page.
    }
    twin?.delete();
  })();
  return warm;
}
