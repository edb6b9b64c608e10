"""The deployment files parse, match the charts' schemas and the project's own configuration.

No cluster or container runs here: the Helm values are checked against the ``values.schema.json``
of Rasa's charts (copies in ``tests/deploy/charts``), key by key, with Helm's rule that a
``null`` removes a chart default; ``docker compose config`` runs only where Compose exists.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from bot.paths import PROJECT_ROOT

DEPLOY = PROJECT_ROOT / "deploy"
CHARTS = Path(__file__).parent / "charts"
SECRET_VARIABLES = {
    "PERHEBOTTI_DATABASE_URL",
    "PERHEBOTTI_LOCK_STORE_URL",
    "PERHEBOTTI_ACTION_TOKEN",
    "TELEGRAM_TOKEN",
}


def _load(name: str) -> Any:
    return yaml.safe_load((DEPLOY / name).read_text())


def _without_nulls(value: Any) -> Any:
    """What Helm merges: a key set to null is removed from the chart's defaults."""
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    return value


def _unknown_keys(value: Any, schema: dict[str, Any], path: str = "") -> list[str]:
    """Keys of ``value`` that the schema does not describe (free-form objects excepted)."""
    properties = schema.get("properties")
    if not isinstance(value, dict) or properties is None:
        return []
    unknown: list[str] = []
    for key, item in value.items():
        if key not in properties:
            unknown.append(f"{path}{key}")
        else:
            unknown += _unknown_keys(item, properties[key], f"{path}{key}.")
    return unknown


def _env(values: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["name"]: entry for entry in values["extraEnv"]}


@pytest.mark.parametrize(
    ("values_file", "schema_file"),
    [
        ("helm/rasa-values.yaml", "rasa-1.17.8.values.schema.json"),
        ("helm/rasa-action-server-values.yaml", "rasa-action-server-1.0.9.values.schema.json"),
    ],
)
def test_helm_values_match_the_chart_schema(values_file: str, schema_file: str) -> None:
    schema = json.loads((CHARTS / schema_file).read_text())
    values = _without_nulls(_load(values_file))
    jsonschema.Draft7Validator(schema).validate(values)
    assert _unknown_keys(values, schema) == []


def test_the_schema_check_catches_a_misspelt_key() -> None:
    schema = json.loads((CHARTS / "rasa-1.17.8.values.schema.json").read_text())
    values = {"applicationSettings": {"endpoints": {"lockStor": {"enabled": True}}}}
    assert _unknown_keys(values, schema) == ["applicationSettings.endpoints.lockStor"]


def test_rasa_chart_uses_the_project_stores_channels_and_action_server() -> None:
    values = _load("helm/rasa-values.yaml")
    settings = values["applicationSettings"]
    endpoints = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text())
    credentials = yaml.safe_load((PROJECT_ROOT / "credentials.yml").read_text())
    assert settings["endpoints"]["trackerStore"]["type"] == endpoints["tracker_store"]["type"]
    assert settings["endpoints"]["lockStore"]["type"] == endpoints["lock_store"]["type"]
    assert set(settings["credentials"]["additionalChannelCredentials"]) == set(credentials)
    assert settings["endpoints"]["additionalEndpoints"]["action_endpoint"] == {
        "url": "${PERHEBOTTI_ACTION_URL}",
        "token": "${PERHEBOTTI_ACTION_TOKEN}",
    }
    actions = _load("helm/rasa-action-server-values.yaml")
    action_url = f"http://{actions['fullnameOverride']}/webhook"
    assert actions["service"]["port"] == 80
    assert _env(values)["PERHEBOTTI_ACTION_URL"]["value"] == action_url
    assert int(_env(values)["SANIC_WORKERS"]["value"]) > 1  # allowed by the Redis lock store


@pytest.mark.parametrize("values_file", ["rasa-values.yaml", "rasa-action-server-values.yaml"])
def test_helm_secrets_come_from_a_secret_and_probes_are_set(values_file: str) -> None:
    values = _load(f"helm/{values_file}")
    for name, entry in _env(values).items():
        if name in SECRET_VARIABLES:
            assert "value" not in entry and entry["valueFrom"]["secretKeyRef"]["name"], name
    assert values["readinessProbe"]["httpGet"]["path"]
    assert values["livenessProbe"]["httpGet"]["path"] == values["readinessProbe"]["httpGet"]["path"]
    assert values["service"]["type"] == "ClusterIP" and not values["ingress"]["enabled"]


def test_gateway_is_the_only_public_service_in_kubernetes() -> None:
    documents = list(yaml.safe_load_all((DEPLOY / "helm" / "gateway.yaml").read_text()))
    kinds = {document["kind"]: document for document in documents}
    assert set(kinds) == {"Deployment", "Service", "Ingress"}
    container = kinds["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz"
    rasa = _load("helm/rasa-values.yaml")
    assert f"http://{rasa['fullnameOverride']}:{rasa['service']['port']}" in container["args"]
    assert not rasa["nginx"]["enabled"]


def test_compose_publishes_only_the_gateway_and_checks_every_service() -> None:
    compose = _load("compose.yaml")
    services = compose["services"]
    assert set(services) == {"rasa", "actions", "gateway", "postgres", "redis"}
    assert [name for name, service in services.items() if "ports" in service] == ["gateway"]
    assert all("healthcheck" in service for service in services.values())
    assert compose["networks"]["internal"]["internal"] is True
    rasa = services["rasa"]["environment"]
    assert rasa["PERHEBOTTI_DATABASE_URL"].startswith("postgresql://")
    assert rasa["PERHEBOTTI_LOCK_STORE_URL"].startswith("redis://")
    assert "${TELEGRAM_TOKEN" in rasa["TELEGRAM_TOKEN"]  # from deploy/.env, never in the file
    example = (DEPLOY / "env.example").read_text()
    for line in example.splitlines():
        if not line.startswith("#") and ("PASSWORD=" in line or "TOKEN=" in line):
            assert line.endswith("="), f"env.example must not carry a secret: {line}"


def test_docker_compose_accepts_the_file(tmp_path: Path) -> None:
    docker = shutil.which("docker")
    if docker is None:
        pytest.skip("docker is not installed")
    if subprocess.run([docker, "compose", "version"], capture_output=True).returncode != 0:
        pytest.skip("docker compose is not installed")
    env = tmp_path / ".env"
    env.write_text("POSTGRES_PASSWORD=x\nREDIS_PASSWORD=y\nPERHEBOTTI_ACTION_TOKEN=z\n")
    command = [docker, "compose", "-f", str(DEPLOY / "compose.yaml"), "--env-file", str(env)]
    result = subprocess.run([*command, "config", "--quiet"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
