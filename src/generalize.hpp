// Lesson 7 (generalization): include this one header. curve_data (noisy samples of one curve,
// Legendre features), curve_fit (gradient-descent fits with train/validation error curves,
// L2/L1, dropout), split (train/validation/test, degree scans, k-fold cross-validation),
// init_stats (activation histograms per layer for an initialization rule).
#pragma once

#include "generalize/curve_data.hpp"
#include "generalize/curve_fit.hpp"
#include "generalize/init_stats.hpp"
#include "generalize/split.hpp"
