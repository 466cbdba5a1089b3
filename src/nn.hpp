// Layers, models and training for Basecamp's network lessons: include this one header.
// spec (what a network is, limits, memory estimate), dataset (float or byte samples), model
// (Dense/Dropout forward, fused losses, penalties, predict, evaluate), trainer (resumable
// Keras-style fit), weights_file (save/load).
#pragma once

#include "nn/dataset.hpp"
#include "nn/model.hpp"
#include "nn/network.hpp"
#include "nn/presets.hpp"
#include "nn/signals.hpp"
#include "nn/spec.hpp"
#include "nn/trainer.hpp"
#include "nn/weights_file.hpp"
