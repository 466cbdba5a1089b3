// The seven lessons in teaching order. `load` is null for a lesson not built yet.
export const lessons = [
  { id: 1, key: 'climber', load: () => import('./01-climber/lesson.js') },
  { id: 2, key: 'guess', load: null },
  { id: 3, key: 'regression', load: null },
  { id: 4, key: 'optimizers', load: null },
  { id: 5, key: 'backprop', load: null },
  { id: 6, key: 'mnist', load: null },
  { id: 7, key: 'generalization', load: null },
];
