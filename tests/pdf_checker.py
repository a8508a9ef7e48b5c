"""veraPDF, the PDF/UA checker (``make checkers`` puts it in var/verapdf from Maven Central)."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

VERAPDF = Path(__file__).resolve().parent.parent / "var" / "verapdf"


def pdf_ua_failures(pdf):
    """The PDF/UA-1 rules ``pdf`` (bytes) breaks, as "clause-test: description"; [] when it complies."""
    jars = sorted(VERAPDF.glob("*.jar"))
    assert jars, "veraPDF is missing: run `make checkers`"
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        result = subprocess.run(  # noqa: S603 (our own file, our own checker)
            [
                shutil.which("java"),
                "-cp",
                ":".join(map(str, jars)),
                "org.verapdf.apps.GreenfieldCliWrapper",
                "--flavour",
                "ua1",
                "--format",
                "json",
                file.name,
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
    report = json.loads(result.stdout)["report"]["jobs"][0]["validationResult"]
    report = report[0] if isinstance(report, list) else report
    failures = [
        f"{rule['clause']}-{rule['testNumber']}: {rule['description']}"
        for rule in report["details"]["ruleSummaries"]
        if rule.get("ruleStatus", "FAILED") == "FAILED" and rule.get("failedChecks", 1)
    ]
    assert report["compliant"] == (failures == []), result.stdout[:2000]
    return failures
