"""Tabular regression with Keras, in the style of the TensorFlow "basic regression" tutorial:
the loss and metrics are given to compile() as strings."""
import keras

model = keras.Sequential([
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer=keras.optimizers.Adam(0.001), loss='mae', metrics=['mse'])
history = model.fit(train_features, train_labels, validation_split=0.2, epochs=100, verbose=0)
print("final loss", history.history['loss'][-1])
