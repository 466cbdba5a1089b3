# The network trained in Basecamp's MNIST lesson, for Keras 3 (pip install keras tensorflow).
# 784 → dense 512 relu → dense 128 relu → dense 10 softmax; categorical_crossentropy
import keras

# Keras's own random streams: the same run every time, not the lesson's numbers.
keras.utils.set_random_seed(42)

# MNIST as the lesson feeds it: pixels / 255 (0 to 1), one-hot labels, all 60,000 training images.
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train[:60000].reshape(-1, 784).astype("float32") / 255
y_train = keras.utils.to_categorical(y_train[:60000], 10)
x_test = x_test.reshape(-1, 784).astype("float32") / 255
y_test = keras.utils.to_categorical(y_test, 10)

model = keras.Sequential([
    keras.Input(shape=(784,)),
    keras.layers.Dense(512, activation="relu", kernel_initializer="glorot_uniform"),
    keras.layers.Dense(128, activation="relu", kernel_initializer="glorot_uniform"),
    keras.layers.Dense(10, activation="softmax", kernel_initializer="glorot_uniform"),
])

# torch's alpha is Keras's rho.
# epsilon: Keras and torch add it at slightly different places; the paths differ a little.
optimizer = keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, momentum=0, epsilon=1e-07, centered=False)
model.compile(optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"])
model.summary()

# Validation after every epoch on the 10,000 test images, as the lesson's curve.
history = model.fit(x_train, y_train, batch_size=128, epochs=5, validation_data=(x_test, y_test), shuffle=True)

test_loss, test_accuracy = model.evaluate(x_test, y_test)
print(f"test accuracy {test_accuracy:.4f}, test loss {test_loss:.4f}")
