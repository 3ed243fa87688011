"""The CI gate: committed scores in `eval/baseline.json`; a run fails when a score drops past the tolerance."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Mapping

# Absolute tolerance for shares and F1 scores (0..1): one point. Sampling noise on 2,000 fixed rows is zero
# (the sample and the pipeline are deterministic), so a drop of more than a point is a real regression.
TOLERANCE = 0.01
# Scores where lower is better, with their own absolute tolerance.
LOWER_IS_BETTER = {"acled.fatalities_mae": 0.1}

# The acceptance targets on the fixed 2,000-row sample.
TARGETS = {
    "acled.event_recall": 0.95,
    "acled.event_type_accuracy": 0.90,
    "acled.sub_event_type_weighted_f1": 0.85,
    "acled.admin1_accuracy": 0.95,
    "acled.location_within_25km": 0.85,
    "acled.fatalities_exact": 0.90,
    "acled.actor1_accuracy": 0.80,
}


def flat_scores(result: Mapping[str, Any]) -> dict[str, float | None]:
    """{"acled.event_recall": ..., "locations.location_span_overlap": ...} from an `evaluate` result (every part
    of the result that has "scores": acled, locations; fakes, fakes_credible for `--set fakes`)."""
    out: dict[str, float] = {}
    for part, value_of_part in result.items():
        if not isinstance(value_of_part, Mapping) or not isinstance(value_of_part.get("scores"), Mapping):
            continue
        for key, value in value_of_part["scores"].items():
            out[f"{part}.{key}"] = None if _is_nan(value) else value  # JSON has no NaN
    return out


def write_baseline(result: Mapping[str, Any], path: Path) -> None:
    payload = {
        "sample": result["sample"],
        "tolerance": TOLERANCE,
        "lower_is_better": LOWER_IS_BETTER,
        "scores": flat_scores(result),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def read_baseline(path: Path) -> dict[str, Any]:
    from eventwire.errors import EventwireError

    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EventwireError("E030", f"baseline {path}: {exc}", path=str(path)) from exc
    return data


def check_baseline(result: Mapping[str, Any], baseline: Mapping[str, Any]) -> list[str]:
    """One message per score that dropped by more than the tolerance (empty when the gate passes)."""
    if baseline.get("sample") != result["sample"]:
        return [f"sample differs: baseline was run on {baseline.get('sample')}, this run on {result['sample']}"]
    tolerance = float(baseline.get("tolerance", TOLERANCE))
    lower = {**LOWER_IS_BETTER, **baseline.get("lower_is_better", {})}
    current = flat_scores(result)
    problems = []
    for key, base in baseline.get("scores", {}).items():
        if key not in current:
            problems.append(f"{key}: missing from this run (baseline {base})")
            continue
        now = current[key]
        if base is None or now is None:
            if base is not None:
                problems.append(f"{key}: not measurable in this run (baseline {base})")
            continue
        elif key in lower and now > base + lower[key]:
            problems.append(f"{key}: {now:.4f} is worse than baseline {base:.4f} (lower is better, tolerance {lower[key]})")
        elif key not in lower and now < base - tolerance:
            problems.append(f"{key}: {now:.4f} dropped below baseline {base:.4f} (tolerance {tolerance})")
    return problems


def _is_nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)


def target_report(result: Mapping[str, Any]) -> list[tuple[str, float, float, bool]]:
    """(score, value, target, met) for each acceptance target of the issue."""
    current = flat_scores(result)
    out = []
    for key, target in TARGETS.items():
        value = current.get(key)
        out.append((key, float("nan") if value is None else value, target, value is not None and value >= target))
    return out
