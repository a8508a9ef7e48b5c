from modelsearch.backends import elasticsearch9

from . import DutchBackendMixin, DutchIndexMixin


class Elasticsearch9Index(DutchIndexMixin, elasticsearch9.Elasticsearch9Index):
    pass


class Elasticsearch9SearchBackend(DutchBackendMixin, elasticsearch9.Elasticsearch9SearchBackend):
    index_class = Elasticsearch9Index


SearchBackend = Elasticsearch9SearchBackend
