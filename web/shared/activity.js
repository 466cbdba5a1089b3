// Work a lesson keeps doing after the learner has left it (lesson 6 trains on in its worker),
// announced to the shell, which shows it next to the lesson's name in the navigation.
// setActivity(id, text) with text null or '' clears it.
const current = new Map();
const listeners = new Set();

export function setActivity(lessonId, text) {
  const value = text || '';
  if ((current.get(lessonId) ?? '') === value) return;
  if (value) current.set(lessonId, value);
  else current.delete(lessonId);
  for (const fn of listeners) fn(lessonId, value);
}

export const activityOf = (lessonId) => current.get(lessonId) ?? '';
// Is any lesson busy? (The page does not reload itself then: web/shared/offline.js.)
export const anyActivity = () => current.size > 0;

// fn(lessonId, text) on every change.
export function onActivity(fn) {
  listeners.add(fn);
}
