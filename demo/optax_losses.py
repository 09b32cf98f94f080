"""optax losses on JAX arrays."""
import jax
import jax.numpy as jnp
import optax

logits = jnp.array([[2.0, -1.0, 0.5], [0.1, 0.2, 3.0]])
labels = jax.nn.one_hot(jnp.array([0, 2]), 3)

loss = optax.softmax_cross_entropy(logits, labels).mean()
loss_int = optax.softmax_cross_entropy_with_integer_labels(logits, jnp.array([0, 2])).mean()
l2 = optax.l2_loss(logits, jnp.zeros_like(logits)).sum()
huber = optax.huber_loss(logits, jnp.zeros_like(logits), delta=1.0).mean()

grad = jax.grad(lambda z: optax.softmax_cross_entropy(z, labels).mean())(logits)
print(loss, loss_int, l2, huber, grad)
