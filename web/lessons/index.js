// The seven lessons in teaching order. `load` is null for a lesson not built yet.
export const lessons = [
  { id: 1, key: 'climber', load: () => import('./01-climber/lesson.js') },
  { id: 2, key: 'guess', load: () => import('./02-guess/lesson.js') },
  { id: 3, key: 'regression', load: () => import('./03-regression/lesson.js') },
  { id: 4, key: 'optimizers', load: () => import('./04-optimizers/lesson.js') },
  { id: 5, key: 'backprop', load: () => import('./05-backprop/lesson.js') },
  { id: 6, key: 'mnist', load: () => import('./06-mnist/lesson.js') },
  { id: 7, key: 'generalization', load: () => import('./07-generalization/lesson.js') },
];
