import factory
import wagtail_factories

from .models import AnnualReportPage, ReportIndexPage


class ReportIndexPageFactory(wagtail_factories.PageFactory):
    title = "Jaarverslagen"
    slug = "jaarverslagen"

    class Meta:
        model = ReportIndexPage


class AnnualReportPageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda obj: f"Jaarverslag {obj.year}")
    slug = factory.LazyAttribute(lambda obj: f"jaarverslag-{obj.year}")
    year = 2020
    foreword = "<p>Een jaar van leren.</p>"

    class Meta:
        model = AnnualReportPage
