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
