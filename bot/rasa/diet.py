"""Rasa's DIETClassifier, loaded for serving without tracing its training graph.

To give a saved DIET model its weights, Rasa fits it on one example and then overwrites every
weight from the checkpoint (``RasaModel.load``). That one-example fit runs as a TensorFlow
graph, so every Rasa server traced and kept DIET's whole training graph and its optimizer:
about 400 MB of the server's memory, for nothing a prediction uses. Here the one-example fit
runs eagerly; the weights then come from the checkpoint as before, and predictions still run
as a traced graph. Training and fine-tuning are Rasa's own.

Rasa finds the best entity tags of a message (Viterbi decoding of DIET's CRF) with a Keras RNN
and two ``tf.scan`` loops: TensorFlow ops for each token, about 75 µs per token, so a
1,000-character message spent 10 of its 17 ms in DIET there. A served DIET decodes the same
way in NumPy (:func:`viterbi`), one vectorised step per token, inside the same traced graph.
The intent and entity predictions are the same as Rasa's own load (``tests/rasa/test_diet.py``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import tensorflow as tf
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIET, DIETClassifier
from rasa.utils.tensorflow.constants import RUN_EAGERLY
from rasa.utils.tensorflow.layers import CRF
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel


def _softmax_max(scores: npt.NDArray[np.float32], axis: int) -> npt.NDArray[np.float32]:
    """The largest softmax value along ``axis``, computed as TensorFlow's CPU kernel does."""
    exp = np.exp(scores - scores.max(axis=axis, keepdims=True))
    softmax = exp * (np.float32(1) / exp.sum(axis=axis, keepdims=True))
    return softmax.max(axis=axis)


def _decode(
    potentials: npt.NDArray[np.float32], transitions: npt.NDArray[np.float32]
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
    """Best tags and their confidences for one sequence of ``len(potentials)`` tokens."""
    length = len(potentials)
    states = np.empty_like(potentials)
    states[0] = potentials[0]
    for step in range(1, length):  # state[j] = potential[j] + max over i of state[i] + t[i, j]
        states[step] = potentials[step] + (states[step - 1][:, None] + transitions).max(axis=0)
    # Step k's scores of every previous tag i for every tag j, for all steps at once.
    steps = states[:-1, :, None] + transitions
    backpointers = steps.argmax(axis=1)
    step_scores = _softmax_max(steps, axis=1)

    tags = np.empty(length, np.int32)
    scores = np.empty(length, np.float32)
    tags[-1] = states[-1].argmax()
    scores[-1] = _softmax_max(states[-1], axis=0)
    # Rasa's backward pass follows the backpointers for the tags, but indexes each step's scores
    # with the previous step's score truncated to an integer (not with the tag): kept as it is.
    index = int(tags[-1])
    for step in range(length - 2, -1, -1):
        tags[step] = backpointers[step][tags[step + 1]]
        scores[step] = step_scores[step][index]
        index = int(scores[step])
    return tags, scores


def viterbi(
    potentials: npt.NDArray[np.float32],
    transitions: npt.NDArray[np.float32],
    lengths: npt.NDArray[Any],
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
    """What Rasa's CRF layer returns, decoded in NumPy: tags and confidences, 0 past the end.

    Args:
        potentials: ``[batch, max_length, tags]`` unary scores (DIET's entity logits).
        transitions: ``[tags, tags]`` transition scores, from tag i to tag j.
        lengths: ``[batch]`` true sequence lengths.
    """
    batch, max_length, _ = potentials.shape
    tags = np.zeros((batch, max_length), np.int32)
    scores = np.zeros((batch, max_length), np.float32)
    for row, length in enumerate(lengths.astype(int)):
        if length > 0:
            tags[row, :length], scores[row, :length] = _decode(
                potentials[row, :length], transitions
            )
    return tags, scores


class _NumpyDecodingCRF(CRF):
    """Rasa's CRF layer, its decoding done by :func:`viterbi`."""

    def call(self, logits: tf.Tensor, sequence_lengths: tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:
        """Best tag ids and their confidences, ``[batch, max_length]`` each."""
        tags, scores = tf.numpy_function(
            viterbi,
            [logits, self.transition_params, sequence_lengths],
            [tf.int32, tf.float32],
            stateful=False,
        )
        tags.set_shape(logits.shape[:2])
        scores.set_shape(logits.shape[:2])
        return tags, scores


class _ServingDIET(DIET):
    """DIET whose load builds its weights eagerly."""

    @classmethod
    def load(
        cls,
        model_file_name: str,
        model_data_example: RasaModelData,
        predict_data_example: RasaModelData | None = None,
        finetune_mode: bool = False,
        *args: Any,
        **kwargs: Any,
    ) -> RasaModel:
        """Load the weights; trace only the prediction graph (unless fine-tuning)."""
        if finetune_mode:
            return super().load(
                model_file_name, model_data_example, predict_data_example, True, *args, **kwargs
            )
        config = kwargs["config"]
        model = super().load(
            model_file_name,
            model_data_example,
            None,
            False,
            *args,
            **{**kwargs, "config": {**config, RUN_EAGERLY: True}},
        )
        model.config[RUN_EAGERLY] = config[RUN_EAGERLY]
        model.run_eagerly = config[RUN_EAGERLY]
        # Rasa's DIET builds its CRF layers; the served ones (same weights) decode with NumPy.
        for name, layer in model._tf_layers.items():
            if name.startswith("crf."):
                layer.__class__ = _NumpyDecodingCRF
        if predict_data_example:
            # The first prediction traces the prediction graph; do it now, not for a parent.
            model.run_inference(predict_data_example)
        return model


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
        DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
    ],
    is_trainable=True,
)
class ServingDIETClassifier(DIETClassifier):
    """Rasa's DIETClassifier, trained the same way, loaded without its training graph."""

    @staticmethod
    def model_class() -> type[RasaModel]:
        """The DIET model class whose load skips the training graph."""
        return _ServingDIET
