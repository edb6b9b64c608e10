"""Rasa's DIETClassifier, loaded for serving without tracing its training graph.

To give a saved DIET model its weights, Rasa fits it on one example and then overwrites every
weight from the checkpoint (``RasaModel.load``). That one-example fit runs as a TensorFlow
graph, so every Rasa server traced and kept DIET's whole training graph and its optimizer:
about 400 MB of the server's memory, for nothing a prediction uses. Here the one-example fit
runs eagerly; the weights then come from the checkpoint as before, and predictions still run
as a traced graph. Training and fine-tuning are Rasa's own. The intent and entity predictions
are the same (``tests/rasa/test_diet.py``).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIET, DIETClassifier
from rasa.utils.tensorflow.constants import RUN_EAGERLY
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel


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
