// The lessons in teaching order (the order of the nav and the home page; the titles carry the
// displayed numbers). `id` is what the hash has always held for a lesson: the lessons that
// existed before the boundary lesson keep their old numbers as ids, so every link made before
// (#/6?… opened MNIST, #/7?… generalization) opens the same lesson although MNIST is now shown
// as lesson 7 and generalization as 8. New lessons get a slug as id. `key` is each lesson's
// stable slug, accepted in the hash too (#/mnist?…). `load` is null for a lesson not built yet.
export const lessons = [
  { id: 1, key: 'climber', load: () => import('./01-climber/lesson.js') },
  { id: 2, key: 'guess', load: () => import('./02-guess/lesson.js') },
  { id: 3, key: 'regression', load: () => import('./03-regression/lesson.js') },
  { id: 4, key: 'optimizers', load: () => import('./04-optimizers/lesson.js') },
  { id: 5, key: 'backprop', load: () => import('./05-backprop/lesson.js') },
  { id: 'boundary', key: 'boundary', load: () => import('./06-boundary/lesson.js') },
  { id: 6, key: 'mnist', load: () => import('./06-mnist/lesson.js') },
  { id: 7, key: 'generalization', load: () => import('./07-generalization/lesson.js') },
];

// The lesson a hash path names: its id (old numbers included) or its slug; undefined otherwise.
export function findLesson(path) {
  return lessons.find((l) => String(l.id) === path || l.key === path);
}
