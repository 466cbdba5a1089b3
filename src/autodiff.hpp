// Reverse-mode automatic differentiation for Basecamp's lessons: include this one header.
// A Tape records nodes in creation order; ops are free functions on Var handles; backward is
// one reverse loop. Works for T = float (networks) and T = double (gradient checks, 2-D lessons).
#pragma once

#include "autodiff/tape.hpp"
#include "autodiff/ops/arithmetic.hpp"
#include "autodiff/ops/elementwise.hpp"
#include "autodiff/ops/linear.hpp"
#include "autodiff/ops/reductions.hpp"
#include "autodiff/ops/activations.hpp"
#include "autodiff/ops/losses.hpp"
#include "autodiff/ops/dropout.hpp"
#include "autodiff/ops/conv.hpp"
#include "autodiff/ops/pool.hpp"
