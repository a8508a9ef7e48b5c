"""The opportunities log: ``demo/data/opportunities.json`` through ``import_opportunities``' functions.

Groningen's criteria and four opportunities of 2020 at every stage: the breakthrough project for
homeless young people (finished), family care in Midden-Groningen and Westerkwartier (funded,
running), care that goes on past eighteen (chosen) and learning online (submitted). The facts are
the seed's; the scores and budgets are made up for the demo (the project pages say so).
"""

from demo.utils import data, sections, translate_inline
from opportunities import importing
from opportunities.models import OpportunityIndexPage, ProjectIndexPage


def load(stdout):
    logs = sections(OpportunityIndexPage, "kansenlog", in_menu=False)
    sections(ProjectIndexPage, "projecten", in_menu=False)
    file = data("opportunities.json")
    criteria, opportunities, projects, errors = importing.validate(file)
    if errors:
        raise ValueError("opportunities.json: " + "; ".join(errors.messages))
    importing.import_all(criteria, opportunities, projects)
    english = file.get("criteria_en", {})  # the demo's English of the criteria (no part of the format)
    for slug, log in logs.items():  # the criteria changed a log with an English version: translate them
        log.refresh_from_db()
        if log.get_translations().exists():
            strings = [text for item in english.get(slug, []) for text in (item["name"], item["description"])]
            translate_inline(log, "en", "criteria", strings)
    stdout.write(f"  {len(opportunities[1])} opportunities, {len(projects[1])} projects")
