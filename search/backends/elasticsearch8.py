from modelsearch.backends import elasticsearch8

from . import DutchBackendMixin, DutchIndexMixin


class Elasticsearch8Index(DutchIndexMixin, elasticsearch8.Elasticsearch8Index):
    pass


class Elasticsearch8SearchBackend(DutchBackendMixin, elasticsearch8.Elasticsearch8SearchBackend):
    index_class = Elasticsearch8Index


SearchBackend = Elasticsearch8SearchBackend
