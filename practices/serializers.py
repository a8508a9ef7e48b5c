"""How the API (v2) shows a practice's related records: by name and slug, not bare ids."""

from rest_framework import serializers


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()


class MunicipalitySerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    cbs_code = serializers.CharField()
    province = serializers.CharField(source="province.name")
    jeugdregio = serializers.CharField(source="youth_region.name")
    jeugdregio_code = serializers.CharField(source="youth_region.code")


class YouthRegionSerializer(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField()
