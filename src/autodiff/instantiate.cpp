// Compiles the tape and every op for float and double once, inside basecamp_core, so a template
// error shows up when the library is built, not in whichever lesson first uses the op.
// Users still include "autodiff.hpp" (header-only); nothing here is needed at link time.
#include "autodiff.hpp"

namespace basecamp::ad {

#define BASECAMP_AD_INSTANTIATE(T)                                                    \
  template struct Var<T>;                                                             \
  template class Tape<T>;                                                             \
  template Var<T> add<T>(const Var<T>&, const Var<T>&);                               \
  template Var<T> sub<T>(const Var<T>&, const Var<T>&);                               \
  template Var<T> mul<T>(const Var<T>&, const Var<T>&);                               \
  template Var<T> div<T>(const Var<T>&, const Var<T>&);                               \
  template Var<T> neg<T>(const Var<T>&);                                              \
  template Var<T> scale<T>(const Var<T>&, T);                                         \
  template Var<T> square<T>(const Var<T>&);                                           \
  template Var<T> pow<T>(const Var<T>&, T);                                           \
  template Var<T> exp<T>(const Var<T>&);                                              \
  template Var<T> log<T>(const Var<T>&);                                              \
  template Var<T> abs<T>(const Var<T>&);                                              \
  template Var<T> matmul<T>(const Var<T>&, const Var<T>&);                            \
  template Var<T> transpose<T>(const Var<T>&);                                        \
  template Var<T> add_bias<T>(const Var<T>&, const Var<T>&);                          \
  template Var<T> sum<T>(const Var<T>&);                                              \
  template Var<T> mean<T>(const Var<T>&);                                             \
  template Var<T> relu<T>(const Var<T>&);                                             \
  template Var<T> sigmoid<T>(const Var<T>&);                                          \
  template Var<T> tanh<T>(const Var<T>&);                                             \
  template Var<T> softmax<T>(const Var<T>&);                                          \
  template Var<T> log_softmax<T>(const Var<T>&);                                      \
  template Var<T> softmax_cross_entropy<T>(const Var<T>&, const Var<T>&);             \
  template Var<T> sigmoid_binary_cross_entropy<T>(const Var<T>&, const Var<T>&);      \
  template Var<T> mse<T>(const Var<T>&, const Var<T>&);                               \
  template Var<T> dropout<T>(const Var<T>&, T, bool, Rng&);                          \
  template Var<T> im2col<T>(const Var<T>&, const Conv2DGeometry&);                    \
  template Var<T> conv2d<T>(const Var<T>&, const Var<T>&, const Var<T>&,              \
                            const Conv2DGeometry&);                                   \
  template Var<T> maxpool2d<T>(const Var<T>&, const Pool2DGeometry&);

BASECAMP_AD_INSTANTIATE(float)
BASECAMP_AD_INSTANTIATE(double)

#undef BASECAMP_AD_INSTANTIATE

}  // namespace basecamp::ad
