// Bound functions return an Error object on failure (see wasm/guard.hpp); these throw it.
export function unwrap(result) {
  if (result instanceof Error) throw result;
  return result;
}

// Wraps an Embind object so that each method call throws the core's errors; `.delete()` and
// every other property pass through.
export function throwing(object) {
  return new Proxy(object, {
    get(target, name) {
      const member = target[name];
      if (typeof member !== 'function' || name === 'delete') return member?.bind?.(target) ?? member;
      return (...args) => unwrap(member.apply(target, args));
    },
  });
}

// Module[name] as a function that throws the core's errors.
export const caller = (Module) => (name) => (...args) => unwrap(Module[name](...args));

// `new Class(...args)` for a bound class whose constructor can fail (wasm/guard.hpp, Held):
// the object, wrapped by throwing(), or the core's Error thrown (the object deleted first).
export function construct(Class, ...args) {
  const object = new Class(...args);
  const error = object.error();
  if (error) {
    object.delete();
    throw error;
  }
  return throwing(object);
}

// The plain fields of a core error (wasm/guard.hpp), for a worker to post: an Error loses its own
// properties in postMessage. web/shared/error-text.js words this object as it words the Error.
export function errorFields(error) {
  const { code, field, value, min, max, minOpen, maxOpen, text } = error ?? {};
  return { code, field, value, min, max, minOpen, maxOpen, text, message: error?.message ?? String(error) };
}
