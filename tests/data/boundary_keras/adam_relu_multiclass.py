# The network built in Basecamp's boundary lesson, for Keras 3 (pip install keras tensorflow).
# Its data: the points exported from the lesson as points.csv (x1,x2,label).
import csv

import keras
import numpy as np

# Input features, as switched on in the lesson.
def features(x1, x2):
    return np.stack([x1, x2], axis=1)

CLASSES = ["0", "1", "2"]

def label(text):
    return CLASSES.index(text)

with open("points.csv", newline="") as f:
    rows = [r for r in csv.reader(f) if r][1:]  # the first line is the header
x = features(np.array([float(r[0]) for r in rows]), np.array([float(r[1]) for r in rows]))
y = np.array([label(r[2]) for r in rows])

model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(8, activation="relu", kernel_initializer="he_normal",
                       kernel_regularizer=keras.regularizers.L1L2(l1=0, l2=0.001)),
    keras.layers.Dropout(0.1),
    keras.layers.Dense(8, activation="relu", kernel_initializer="he_normal",
                       kernel_regularizer=keras.regularizers.L1L2(l1=0, l2=0.001)),
    keras.layers.Dropout(0.1),
    keras.layers.Dense(3, activation="softmax", kernel_initializer="he_normal",
                       kernel_regularizer=keras.regularizers.L1L2(l1=0, l2=0.001)),
])

# epsilon: Keras and torch add it at slightly different places; the paths differ a little.
optimizer = keras.optimizers.Adam(learning_rate=0.01, beta_1=0.9, beta_2=0.999, epsilon=1e-08, amsgrad=False)
# Integer labels: the same loss as categorical_crossentropy on one-hot rows.
model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.summary()

# The lesson shuffles the points before it splits them; Keras's validation_split takes the last part.
order = np.random.default_rng(1).permutation(len(x))
history = model.fit(x[order], y[order], batch_size=32, epochs=300, validation_split=0.5, shuffle=True)
