# The network trained in Basecamp's MNIST lesson, for Keras 3 (pip install keras tensorflow).
# 784 → dense 256 tanh → dropout 0.25 → dense 10 softmax; categorical_crossentropy
import keras

# Keras's own random streams: the same run every time, not the lesson's numbers.
keras.utils.set_random_seed(7)

# MNIST as the lesson feeds it: pixels / 255 (0 to 1), one-hot labels, the first 10000 of the 60,000 training images.
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train[:10000].reshape(-1, 784).astype("float32") / 255
y_train = keras.utils.to_categorical(y_train[:10000], 10)
x_test = x_test.reshape(-1, 784).astype("float32") / 255
y_test = keras.utils.to_categorical(y_test, 10)

# he_normal: Keras truncates the normal at 2 sigma and rescales; the lesson does not (torch's kaiming_normal_).
model = keras.Sequential([
    keras.Input(shape=(784,)),
    keras.layers.Dense(256, activation="tanh", kernel_initializer="he_normal",
                       kernel_regularizer=keras.regularizers.L1L2(l1=0, l2=0.0001)),
    keras.layers.Dropout(0.25),
    keras.layers.Dense(10, activation="softmax", kernel_initializer="he_normal",
                       kernel_regularizer=keras.regularizers.L1L2(l1=0, l2=0.0001)),
])

# momentum: Keras's velocity holds lr*g, torch's buffer holds g (lr applied last); the same path while lr stays constant.
optimizer = keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=True)
model.compile(optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"])
model.summary()

# Validation on the last 0.1 of the training images, held out before any shuffle (as the lesson does).
history = model.fit(x_train, y_train, batch_size=32, epochs=3, validation_split=0.1, shuffle=True)

test_loss, test_accuracy = model.evaluate(x_test, y_test)
print(f"test accuracy {test_accuracy:.4f}, test loss {test_loss:.4f}")
