"""The answers evaluation's model variants and side-by-side report (no servers, no training)."""

from __future__ import annotations

import yaml

from tools.answers_eval import (
    Case,
    Outcome,
    baseline_config,
    relabel_nlu,
    report,
    without_intent,
)
from tools.nlu_eval import BASELINE_CONFIG

NLU = """\
nlu:
- intent: find_service
  examples: |
    - perheneuvola laukaa
- intent: find_service_extra
  examples: |
    - x
  - intent:   find_service
"""


def test_baseline_config_is_the_default_pipeline_with_the_projects_policies() -> None:
    project = "pipeline:\n  - name: Mine\npolicies:\n  - name: RulePolicy\n"
    config = yaml.safe_load(baseline_config(project))
    assert config["pipeline"] == yaml.safe_load(BASELINE_CONFIG)["pipeline"]
    assert config["policies"] == [{"name": "RulePolicy"}]


def test_relabel_touches_only_the_whole_intent_name() -> None:
    text = relabel_nlu(NLU, "find_service", "ask_services")
    assert text.count("intent: ask_services") == 1
    assert "intent:   ask_services" in text
    assert "- intent: find_service_extra" in text
    assert "intent: find_service\n" not in text


def test_without_intent_drops_its_domain_entry_and_rules() -> None:
    domain = {"intents": ["ask_services", "find_service", {"greet": {"use_entities": []}}]}
    assert without_intent(domain, "find_service")["intents"] == [
        "ask_services",
        {"greet": {"use_entities": []}},
    ]
    assert without_intent(domain, "greet")["intents"] == ["ask_services", "find_service"]
    rules = {
        "version": "3.1",
        "rules": [
            {"rule": "a", "steps": [{"intent": "find_service"}, {"action": "action_answer"}]},
            {"rule": "b", "steps": [{"intent": "ask_services"}, {"action": "action_answer"}]},
        ],
    }
    kept = without_intent(rules, "find_service")
    assert [rule["rule"] for rule in kept["rules"]] == ["b"]
    assert kept["version"] == "3.1"
    assert len(rules["rules"]) == 2  # the input is not changed


def outcome(kind: str, language: str, right: bool, fallback: bool = False) -> Outcome:
    case = Case(f"{kind}-{language}", kind, ("hei",), ("x",), (), language)
    return Outcome(case, "reply", right, fallback)


def test_report_puts_the_models_side_by_side_per_language_and_kind() -> None:
    project = [outcome("unit", "fi", True), outcome("unit", "sv", False, fallback=True)]
    default = [outcome("unit", "fi", False, fallback=True), outcome("unit", "sv", False)]
    text = report({"project model": project, "default pipeline": default}, show_failures=True)
    assert "| language | cases | right: project model | right: default pipeline |" in text
    assert "| fi | 1 | 100.0% | 0.0% | 0 | 1 |" in text
    assert "| sv | 1 | 0.0% | 0.0% | 1 | 0 |" in text
    assert "| unit | 2 | 50.0% | 0.0% | 1 | 1 |" in text
    assert "| **all** | 2 | **50.0%** | **0.0%** | 1 | 1 |" in text
    assert "## Failures (project model)" in text
    assert "`unit-sv`" in text and "`unit-fi`" not in text


def test_report_of_one_model_keeps_the_short_headers() -> None:
    text = report({"project model": [outcome("unit", "fi", True)]}, show_failures=False)
    assert "| kind | cases | right | bare fallback |" in text
    assert "Failures" not in text
