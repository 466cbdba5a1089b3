# The network built in Basecamp's boundary lesson, for Keras 3 (pip install keras tensorflow).
# Its data: the points exported from the lesson as points.csv (x1,x2,label).
import csv

import keras
import numpy as np

# Input features, as switched on in the lesson.
def features(x1, x2):
    return np.stack([x1, x2], axis=1)

CLASSES = ["0", "1"]

def label(text):
    return CLASSES.index(text)

with open("points.csv", newline="") as f:
    rows = [r for r in csv.reader(f) if r][1:]  # the first line is the header
x = features(np.array([float(r[0]) for r in rows]), np.array([float(r[1]) for r in rows]))
y = np.array([label(r[2]) for r in rows])

model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(4, activation="tanh", kernel_initializer="glorot_uniform"),
    keras.layers.Dense(2, activation="tanh", kernel_initializer="glorot_uniform"),
    keras.layers.Dense(1, activation="sigmoid", kernel_initializer="glorot_uniform"),
])

optimizer = keras.optimizers.SGD(learning_rate=0.03, momentum=0, nesterov=False)
model.compile(optimizer=optimizer, loss="binary_crossentropy", metrics=["accuracy"])
model.summary()

# The lesson shuffles the points before it splits them; Keras's validation_split takes the last part.
order = np.random.default_rng(1).permutation(len(x))
history = model.fit(x[order], y[order], batch_size=10, epochs=100, validation_split=0.5, shuffle=True)
