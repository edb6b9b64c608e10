"""Per-message work of Rasa's message processor, without its general-purpose overhead.

Rasa runs three graphs for each message (the NLU pipeline, and the policies twice), each with
:class:`DaskGraphRunner`, which hands a graph of about seven nodes to Dask's scheduler: 8 % of a
Rasa server's time under load went to the scheduler itself (``python -m tools.profile_rasa``).
A served model's graphs run one message at a time on one thread anyway, so
:class:`SequentialGraphRunner` calls each needed node once, after the nodes it needs, and
returns what Dask returned. Training keeps Rasa's runner.

Rasa also checks on every message whether the domain is empty by building a new empty domain
(``Domain.is_empty``): 1 % of the time. :func:`is_empty` builds it once.

:mod:`bot.rasa.tracker_store` installs both.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import rasa.core.processor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.domain import Domain


class SequentialGraphRunner(DaskGraphRunner):
    """Rasa's graph runner, its nodes called in order of need instead of by Dask."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Instantiate the nodes as Rasa does; the schema of each set of targets is kept."""
        super().__init__(*args, **kwargs)
        self._schemas: dict[tuple[str, ...], GraphSchema] = {}

    def run(
        self, inputs: dict[str, Any] | None = None, targets: list[str] | None = None
    ) -> dict[str, Any]:
        """Each target's output, as :meth:`DaskGraphRunner.run` returns them.

        Raises:
            GraphRunError: An input is named like a node, or a node raised ``RuntimeError``.
        """
        run_targets = tuple(targets or self._graph_schema.target_names)
        schema = self._schemas.get(run_targets)
        if schema is None:
            schema = self._schemas[run_targets] = self._graph_schema.minimal_graph_schema(
                list(run_targets)
            )
        # An input reaches the nodes that need it as (name, value), as a node's output does.
        outputs: dict[str, Any] = {}
        for name, value in (inputs or {}).items():
            if isinstance(value, str) and value in schema.nodes:
                raise GraphRunError(
                    f"Input value '{value}' clashes with a node name. Make sure that none of "
                    f"the input names passed to the `run` method are the same as node names "
                    f"in the graph schema."
                )
            outputs[name] = (name, value)

        def output(name: str) -> Any:
            if name not in outputs:
                needs = [output(parent) for parent in schema.nodes[name].needs.values()]
                outputs[name] = self._instantiated_nodes[name](*needs)
            return outputs[name]

        try:
            return dict(output(target) for target in run_targets)
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error


@cache
def _empty_domain() -> dict[str, Any]:
    return Domain.empty().as_dict()


def is_empty(domain: Domain) -> bool:
    """Whether ``domain`` is empty, as :meth:`Domain.is_empty` tells."""
    return domain.as_dict() == _empty_domain()


def install() -> None:
    """Serve models with :class:`SequentialGraphRunner`; check domains with :func:`is_empty`."""
    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner
    Domain.is_empty = is_empty
