// The boundary lesson's inputs from a Value (a JS object on the page): point sets {x1, x2,
// label} (arrays or typed arrays), data sets {train, test, classes, classNames}, the data
// generator's spec, the lab's settings and the Keras export request. Type checks here; the
// ranges are validate()'s, validate_data_spec's and validate_lab_settings's.
//   settings: {features: ['x1', …], hidden: [4, 2], activations: ['tanh', …] or activation,
//              initializer, l1, l2, dropout, optimizer, optimizerSettings: {momentum: …}, lr,
//              batchSize, seed}
#pragma once

#include "boundary/datasets.hpp"
#include "boundary/keras.hpp"
#include "boundary/lab.hpp"
#include "boundary/points.hpp"
#include "value.hpp"

namespace basecamp::boundary {

Points points_from(const Value& v);
// Class names (absent: none).
std::vector<std::string> texts_from(const Value& v);
DataSet dataset_from(const Value& v);
DataSpec data_spec_from(const Value& v);
LabSettings lab_settings_from(const Value& v);
KerasExport keras_export_from(const Value& v);

}  // namespace basecamp::boundary
