from modelsearch.backends import elasticsearch9

from . import (
    DutchBackendMixin,
    DutchIndexMixin,
    EnglishMappingMixin,
    FailoverResultsMixin,
    IdsResultsMixin,
    QueryMixin,
    RetryMixin,
)


class Elasticsearch9Mapping(EnglishMappingMixin, elasticsearch9.Elasticsearch9Mapping):
    pass


class Elasticsearch9Index(DutchIndexMixin, elasticsearch9.Elasticsearch9Index):
    pass


class Elasticsearch9SearchQueryCompiler(QueryMixin, elasticsearch9.Elasticsearch9SearchQueryCompiler):
    mapping_class = Elasticsearch9Mapping


class Elasticsearch9SearchResults(FailoverResultsMixin, IdsResultsMixin, elasticsearch9.Elasticsearch9SearchResults):
    pass


class Elasticsearch9SearchBackend(RetryMixin, DutchBackendMixin, elasticsearch9.Elasticsearch9SearchBackend):
    mapping_class = Elasticsearch9Mapping
    index_class = Elasticsearch9Index
    query_compiler_class = Elasticsearch9SearchQueryCompiler
    results_class = Elasticsearch9SearchResults


SearchBackend = Elasticsearch9SearchBackend
