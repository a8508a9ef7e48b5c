from modelsearch.backends import elasticsearch9

from . import DutchBackendMixin, DutchIndexMixin, IdsResultsMixin, RetryMixin


class Elasticsearch9Index(DutchIndexMixin, elasticsearch9.Elasticsearch9Index):
    pass


class Elasticsearch9SearchResults(IdsResultsMixin, elasticsearch9.Elasticsearch9SearchResults):
    pass


class Elasticsearch9SearchBackend(RetryMixin, DutchBackendMixin, elasticsearch9.Elasticsearch9SearchBackend):
    index_class = Elasticsearch9Index
    results_class = Elasticsearch9SearchResults


SearchBackend = Elasticsearch9SearchBackend
