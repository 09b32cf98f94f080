"""Keras losses, through `tf.keras` and through standalone `keras`."""
import tensorflow as tf
from keras import losses

y_true = tf.constant([[0.0, 1.0], [1.0, 0.0]])
y_pred = tf.constant([[0.1, 0.8], [0.7, 0.4]])

huber = tf.keras.losses.Huber(delta=2.0)
print(float(huber(y_true, y_pred)))

bce = losses.BinaryCrossentropy(from_logits=False, label_smoothing=0.05)
print(float(bce(y_true, y_pred)))

cce = losses.CategoricalCrossentropy()
print(float(cce(y_true, y_pred)))

model = tf.keras.Sequential([tf.keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="adam", loss=tf.keras.losses.KLDivergence())
