"""The opportunities log: ``demo/data/opportunities.json`` through ``import_opportunities``' functions.

Groningen's criteria and four opportunities of 2020 at every stage: the breakthrough project for
homeless young people (finished), family care in Midden-Groningen and Westerkwartier (funded,
running), care that goes on past eighteen (chosen) and learning online (submitted). The facts are
the seed's; the scores and budgets are made up for the demo (the project pages say so).
"""

from demo.utils import data, sections
from opportunities import importing
from opportunities.models import OpportunityIndexPage, ProjectIndexPage


def load(stdout):
    sections(OpportunityIndexPage, "kansenlog", in_menu=False)
    sections(ProjectIndexPage, "projecten", in_menu=False)
    criteria, opportunities, projects, errors = importing.validate(data("opportunities.json"))
    if errors:
        raise ValueError("opportunities.json: " + "; ".join(errors.messages))
    importing.import_all(criteria, opportunities, projects)
    stdout.write(f"  {len(opportunities[1])} opportunities, {len(projects[1])} projects")
