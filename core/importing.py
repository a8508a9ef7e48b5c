"""What the importers share (practices, articles, events; formats in docs/*-import.md).

Every importer works in two passes: ``validate`` reads every record, checks every field against
the models' own rules and the reference data, and collects *all* errors as
``record N (slug), field: message``; only when there are none does ``import_records`` write,
in one transaction. Records are matched by slug per language, so importing the same file twice
changes nothing. This module holds the parts that do not depend on the kind of content: the
file reader, the shape check, the error list, rich text through Wagtail's whitelist, and
StreamField bodies read from the file and checked by the blocks' own ``clean``.
"""

import json
import os
import re
from abc import ABC, abstractmethod
from html import escape

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.dateparse import parse_date, parse_time
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import blocks
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page
from wagtail.snippets.blocks import SnippetChooserBlock

from core.models import WerkplaatsPage
from core.params import has_control_characters
from geography.models import Municipality
from geography.places import Geography

MAX_FILE_BYTES = 20 * 2**20  # a file of hundreds of records is a few MB
MAX_TEXT = 20_000  # characters in any one text value; model fields with a max_length are checked too
TEXT, WHOLE, TEXTS, BOOL = "text", "whole number", "list of texts", "true or false"
# A figure: a JSON number, or text as people write it ("12,5"), read by the importer itself.
NUMBER = "number"
STREAM = "list of blocks"  # a StreamField body: checked against the field's blocks by read_stream


def count(number):
    """A number as the reader's language groups it: 20,000 or 20.000."""
    return number_format(number, force_grouping=True)


def read_import_file(path, key):
    """The records of the JSON file at ``path``: the list under ``key``, or a bare list (with ``key``
    None, the whole of the file)."""
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            raise CommandError(
                _("%(path)s: larger than %(size)s MB; split it into smaller files")
                % {"path": path, "size": MAX_FILE_BYTES // 2**20}
            )
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise CommandError(
            _("%(path)s: not UTF-8 text (byte %(byte)s)") % {"path": path, "byte": error.start}
        ) from error
    except json.JSONDecodeError as error:
        raise CommandError(
            _("%(path)s: not valid JSON (line %(line)s, column %(column)s: %(reason)s)")
            % {"path": path, "line": error.lineno, "column": error.colno, "reason": error.msg}
        ) from error
    except RecursionError as error:
        raise CommandError(_("%(path)s: nested too deeply to be an import file") % {"path": path}) from error
    if key is None:  # a file of several lists: the caller takes them out
        return data
    return data.get(key) if isinstance(data, dict) else data


class ImportCommand(BaseCommand):
    """``manage.py import_<kind> file.json [--dry-run] [--draft]``: all records or none."""

    key = ""  # the list's name in the file, e.g. "articles"
    importer = None  # a module with validate(records) and import_records(cleaned, publish=True)

    def add_arguments(self, parser):
        parser.add_argument("json_file")
        parser.add_argument("--dry-run", action="store_true", help="Only validate; change nothing.")
        parser.add_argument("--draft", action="store_true", help="Save new versions as drafts instead of publishing.")
        self.add_language_argument(parser)

    def add_language_argument(self, parser):
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="The language of the messages (the file's field names stay as the format has them).",
        )

    def handle(self, *args, language=None, **options):
        with translation.override(language or settings.LANGUAGE_CODE):
            return self.run(*args, **options)

    def run(self, json_file, dry_run=False, draft=False, **options):
        records = read_import_file(json_file, self.key)
        cleaned, errors = self.importer.validate(records)
        self.refuse(errors, json_file)
        if dry_run:
            self.valid(len(cleaned))
            return
        self.imported(self.importer.import_records(cleaned, publish=not draft))

    def refuse(self, errors, json_file):
        """Print every problem and stop (exit 1), when there are any."""
        if errors:
            for message in errors.messages:
                self.stderr.write(message)
            count = len(errors.messages)
            raise CommandError(
                ngettext(
                    "%(count)s error in %(file)s; nothing was imported",
                    "%(count)s errors in %(file)s; nothing was imported",
                    count,
                )
                % {"count": count, "file": json_file}
            )

    def valid(self, count):
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "%(count)s record is valid; nothing was imported (dry run)",
                    "%(count)s records are valid; nothing was imported (dry run)",
                    count,
                )
                % {"count": count}
            )
        )

    def imported(self, counts, kind=""):
        message = _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged") % counts
        self.stdout.write(self.style.SUCCESS(f"{kind}: {message}" if kind else message))


class RecordErrors:
    def __init__(self):
        self.messages = []
        self._settled = set()  # (record, field) already reported in a way that says it all

    def add(self, number, slug, field, message):
        if (number, field) in self._settled:
            return  # "is required" or a wrong type says it all; the model's own "cannot be blank" would repeat it
        label = _("record %(number)s") % {"number": number} + (f" ({slug})" if slug else "")
        self.messages.append(f"{label}, {field}: {message}")

    def missing(self, number, slug, field):
        self.add(number, slug, field, _("is required"))
        self._settled.add((number, field))

    def wrong_shape(self, number, slug, problems):
        """Report the shape check's ``problems`` of one record; later checks stay silent on those fields."""
        for field, message in problems:
            self.add(number, slug, field, message)
            self._settled.add((number, field))

    def add_validation_error(self, number, slug, error, prefix="", names=None):
        for field, messages in error.message_dict.items():
            name = (names or {}).get(field, field)
            for message in messages:
                self.add(number, slug, f"{prefix}{name}", message)

    def __bool__(self):
        return bool(self.messages)


def records_or_error(records, key, errors):
    """``records`` if it is a list; otherwise an error naming ``key`` and an empty list."""
    if isinstance(records, list):
        return records
    errors.add(0, "", key, _("expected a list of %(kind)s records") % {"kind": key.rstrip("s")})
    return []


def unknown_municipality(found, name):
    """The message for a municipality name the geography did not find (``names.resolve``), with
    its suggestions."""
    hint = ", ".join(suggestion.place.name for suggestion in found.suggestions)
    if hint:
        return _("unknown municipality %(name)r (did you mean: %(hint)s?)") % {"name": name, "hint": hint}
    return _("unknown municipality %(name)r") % {"name": name}


def text(value):
    """Text from the file; anything else (reported by the shape check) reads as empty."""
    return value if isinstance(value, str) else ""


def too_long(obj):
    """(field, message) for text longer than the field's max_length, which Django checks on
    CharFields only (a TextField's max_length limits the admin form, not the model)."""
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname, None)
        if field.max_length and isinstance(value, str) and len(value) > field.max_length:
            yield (
                field.name,
                _("is %(length)s characters long; at most %(most)s are allowed")
                % {
                    "length": count(len(value)),
                    "most": count(field.max_length),
                },
            )


def shape_problems(record, shape):
    """[(field path, message)] for every value of ``record`` that does not fit ``shape``.

    A shape is a dict of field names to shapes, a one-item list (a list of that shape), or one
    of TEXT, WHOLE, TEXTS and STREAM. Every value must have the type its shape names, text must
    be printable (no NUL or other control characters except line breaks and tabs) and no longer
    than :data:`MAX_TEXT`, and nothing may nest deeper than the shape does.
    """
    found = []
    _check(record, shape, "", found)
    return found


def without(record, paths):
    """A copy of ``record`` without the values at ``paths`` (``a.b[2].c``): the shape check has
    reported them, so the field checks read the rest of the record in the same round, and every
    problem of a file is told at once."""
    copy = json.loads(json.dumps(record))  # records come from JSON
    for path in paths:
        keys = [int(key) if key.isdigit() else key for key in re.findall(r"[^.\[\]]+", path)]
        target = copy
        for key in keys[:-1]:
            try:
                target = target[key]
            except (KeyError, IndexError, TypeError):
                target = None
                break
        if isinstance(target, dict):
            target.pop(keys[-1], None)
        elif isinstance(target, list) and isinstance(keys[-1], int) and keys[-1] < len(target):
            target[keys[-1]] = None
    return copy


def _check(value, shape, path, found):
    if value is None:
        return  # every field may be left out or null; required fields are checked by name
    if isinstance(shape, dict):
        _check_object(value, shape, path, found)
    elif isinstance(shape, list) or shape in (TEXTS, STREAM):
        _check_list(value, shape, path, found)
    elif shape in SCALAR_CHECKS:
        SCALAR_CHECKS[shape](value, path, found)
    else:
        _check_text(value, path, found)


def _check_object(value, shape, path, found):
    if not isinstance(value, dict):
        found.append((path or "record", _("expected an object")))
        return
    for key, item in value.items():
        where = f"{path}.{key}" if path else str(key)
        if key not in shape:
            found.append((where, _("is not a field of the import format")))
        else:
            _check(item, shape[key], where, found)


def _check_list(value, shape, path, found):
    if not isinstance(value, list):
        expected = {TEXTS: _("expected a list of texts"), STREAM: _("expected a list of blocks")}
        found.append((path, expected.get(shape, _("expected a list"))))
        return
    if shape != STREAM:  # a body's blocks are checked by read_stream
        for position, item in enumerate(value):
            _check(item, TEXT if shape == TEXTS else shape[0], f"{path}[{position}]", found)


def _check_bool(value, path, found):
    if not isinstance(value, bool):
        found.append((path, _("%(value)s is not true or false") % {"value": _show(value)}))


def _check_number(value, path, found):
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        found.append((path, _("%(value)s is not a number") % {"value": _show(value)}))
    elif isinstance(value, str):
        _check_text(value, path, found)


def _check_whole(value, path, found):
    if isinstance(value, bool) or not isinstance(value, int):
        found.append((path, _("%(value)s is not a whole number") % {"value": _show(value)}))
    elif abs(value) > 10**9:
        found.append((path, _("%(value)s is out of range") % {"value": value}))


SCALAR_CHECKS = {BOOL: _check_bool, NUMBER: _check_number, WHOLE: _check_whole}


def _check_text(value, path, found):
    if not isinstance(value, str):
        found.append((path, _("expected text, not %(value)s") % {"value": _show(value)}))
    elif has_control_characters(value.replace("\n", "").replace("\r", "").replace("\t", "")):
        found.append((path, _("contains control characters (such as NUL)")))
    elif len(value) > MAX_TEXT:
        found.append(
            (
                path,
                _("is %(length)s characters long; at most %(most)s are accepted")
                % {"length": count(len(value)), "most": count(MAX_TEXT)},
            )
        )


def _show(value):
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def as_html(value, features):
    """Rich text from the file, as an editor could have written it.

    Plain text becomes paragraphs; HTML goes through Wagtail's own rich-text whitelist for the
    field's ``features`` (the rules the editor's HTML is stored by): other elements, every
    attribute but a link's ``href``, and links other than http(s), mailto and tel are dropped.
    Scripts, styles and frames are dropped with their content.
    """
    value = (value or "").strip()
    if not value:
        return ""
    if not value.startswith("<"):
        value = "".join(f"<p>{escape(part.strip())}</p>" for part in value.split("\n\n") if part.strip())
    return RichTextWhitelist(features).clean(value)


class RichTextWhitelist:
    DROPPED_WITH_CONTENT = ["script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math"]

    def __init__(self, features):
        self.whitelister = EditorHTMLConverter(features=features).whitelister

    def clean(self, html):
        soup = BeautifulSoup(html, "html.parser")
        for element in soup.find_all(self.DROPPED_WITH_CONTENT):
            element.decompose()
        return self.whitelister.clean(str(soup)).strip()


class LibraryItems:
    """Images, documents, pages and snippets a file names: images and documents by title, pages
    and snippets by slug. Each name must pick exactly one item; the answer is (pk, problem)."""

    def __init__(self, locale=None):
        self.locale = locale or Locale.get_default()

    def image(self, title):
        return self._one(get_image_model().objects.filter(title=title), _("image"), title, by_title=True)

    def document(self, title):
        return self._one(get_document_model().objects.filter(title=title), _("document"), title, by_title=True)

    def page(self, slug, page_type=None):
        pages = Page.objects.filter(slug=slug, locale=self.locale)
        if page_type:
            pages = pages.type(*page_type)
        return self._one(pages, _("page"), slug)

    def snippet(self, model, slug):
        if not any(field.name == "slug" for field in model._meta.fields):
            return None, _("%(kind)s cannot be named in an import file") % {"kind": model._meta.verbose_name}
        return self._one(model.objects.filter(slug=slug), model._meta.verbose_name, slug)

    @staticmethod
    def _one(items, kind, name, by_title=False):
        found = list(items.values_list("pk", flat=True)[:2])
        named = {"kind": kind, "name": repr(name)}
        if not found:
            return None, (_("no %(kind)s titled %(name)s") if by_title else _("no %(kind)s with slug %(name)s")) % named
        if len(found) > 1:
            many = (
                _("more than one %(kind)s titled %(name)s; give them distinct names")
                if by_title
                else _("more than one %(kind)s with slug %(name)s; give them distinct names")
            )
            return None, many % named
        return found[0], None


def read_stream(stream_block, raw, path, library):
    """A StreamField value from the file's list of ``{"type": ..., "value": ...}``, and problems.

    Values are written as an editor sees them: rich text as text or HTML (through the
    whitelist of the block's features), images and documents by title, pages and snippets by
    slug. The result is then checked by the blocks' own ``clean``, the rules the editor's form
    applies, and every problem comes back as (field path, message).
    """
    problems = []
    data = _read_block(stream_block, raw, path, library, problems)
    if problems:
        return None, problems
    value = stream_block.to_python(data)
    try:
        stream_block.clean(value)
    except ValidationError as error:
        _flatten(
            error.as_json_data() if hasattr(error, "as_json_data") else {"messages": error.messages}, path, problems
        )
        return None, problems
    return value, problems


def _read_block(block, raw, path, library, problems):
    """The block value ``raw`` stands for, as the block's own ``to_python`` reads it; every problem
    goes to ``problems`` under its path in the file."""
    if raw is None:
        return None
    for kind, read in BLOCK_READERS:
        if isinstance(block, kind):
            return read(block, raw, path, library, problems)
    return _read_leaf(block, raw, path, library, problems)


def _read_stream(block, raw, path, library, problems):
    if not isinstance(raw, list):
        problems.append((path, _("expected a list of blocks")))
        return []
    data = []
    for position, item in enumerate(raw):
        where = f"{path}[{position}]"
        if not isinstance(item, dict) or set(item) - {"type", "value"} or item.get("type") is None:
            problems.append((where, _('expected {"type": ..., "value": ...}')))
            continue
        child = block.child_blocks.get(item["type"]) if isinstance(item["type"], str) else None
        if child is None:
            names = ", ".join(block.child_blocks)
            message = _("unknown block type %(type)r (one of: %(names)s)") % {"type": item["type"], "names": names}
            problems.append((where, message))
            continue
        data.append({"type": item["type"], "value": _read_block(child, item.get("value"), where, library, problems)})
    return data


def _read_struct(block, raw, path, library, problems):
    if not isinstance(raw, dict):
        problems.append((path, _("expected an object")))
        return {}
    for key in set(raw) - set(block.child_blocks):
        problems.append((f"{path}.{key}", _("is not a field of this block")))
    return {
        name: _read_block(child, raw.get(name), f"{path}.{name}", library, problems)
        for name, child in block.child_blocks.items()
        if name in raw
    }


def _read_list(block, raw, path, library, problems):
    if not isinstance(raw, list):
        problems.append((path, _("expected a list")))
        return []
    return [
        _read_block(block.child_block, item, f"{path}[{position}]", library, problems)
        for position, item in enumerate(raw)
    ]


def _read_table(block, raw, path, library, problems):
    rows = raw.get("data") if isinstance(raw, dict) else None
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        problems.append((path, _('expected {"data": [[cell, ...], ...]} and the table options')))
        return None
    for row_number, row in enumerate(rows):
        for column, cell in enumerate(row):
            if cell is not None:
                _check_text(cell, f"{path}.data[{row_number}][{column}]", problems)
    return raw


def _read_as_is(block, raw, path, library, problems):
    return raw


def _read_leaf(block, raw, path, library, problems):
    """Text, a time, a date, or a chosen image, document or page (by id)."""
    if not isinstance(raw, str):
        problems.append((path, _("expected text, not %(value)s") % {"value": _show(raw)}))
        return None
    _check_text(raw, path, problems)
    if isinstance(block, blocks.TimeBlock) and not _parses(parse_time, raw):
        problems.append((path, _("%(value)s is not a time (HH:MM)") % {"value": _show(raw)}))
        return None
    if isinstance(block, blocks.DateBlock) and not _parses(parse_date, raw):
        problems.append((path, _("%(value)s is not a date (YYYY-MM-DD)") % {"value": _show(raw)}))
        return None
    pk, problem = _chooser_value(block, raw, library)
    if problem:
        problems.append((path, problem))
    return pk


# One reader per kind of block, most specific first; anything else is a leaf (_read_leaf).
BLOCK_READERS = [
    (blocks.BaseStreamBlock, _read_stream),
    (blocks.StructBlock, _read_struct),
    (blocks.ListBlock, _read_list),
    (TableBlock, _read_table),
    ((blocks.BooleanBlock, blocks.IntegerBlock, blocks.FloatBlock, blocks.DecimalBlock), _read_as_is),
]


def _parses(parser, raw):
    try:
        return parser(raw) is not None
    except ValueError:  # well formed but impossible, such as 25:00
        return False


def _chooser_value(block, raw, library):
    """(the value the block stores, a problem) for text from the file."""
    if isinstance(block, blocks.RichTextBlock):
        return as_html(raw, block.features), None
    if isinstance(block, ImageChooserBlock):
        return library.image(raw)
    if isinstance(block, DocumentChooserBlock):
        return library.document(raw)
    if isinstance(block, blocks.PageChooserBlock):
        return library.page(raw, block.target_models)
    if isinstance(block, SnippetChooserBlock):
        return library.snippet(block.target_model, raw)
    return raw, None  # text, a choice, an embed's address: the block's clean checks it


def _flatten(data, path, problems):
    for message in data.get("messages", []):
        problems.append((path, message))
    for key, child in data.get("blockErrors", {}).items():
        where = f"{path}[{key}]" if isinstance(key, int) or str(key).isdigit() else f"{path}.{key}"
        _flatten(child, where, problems)


def stream_data(value):
    """A StreamField value as comparable data: block types and values, without the block ids."""
    return [(child.block_type, _without_ids(child.block.get_prep_value(child.value))) for child in value]


def _without_ids(data):
    """Stored block data without the ids Wagtail gives every block and list item."""
    if isinstance(data, dict):
        return {key: _without_ids(item) for key, item in data.items() if not (key == "id" and "type" in data)}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


class PageImporter(ABC):
    """The steps every page importer shares; a subclass says how one record becomes a page.

    A subclass sets ``model`` (the page), ``index_model`` (the overview it lives in: below its
    werkplaats, or the national one when the record names no werkplaats), ``key``, ``shape``
    and ``required``, and implements :meth:`build` (a new, unsaved page with the record's
    fields, checked; and a function that sets the fields and relations on a page) and
    :meth:`snapshot` (what an unchanged re-import must leave equal).
    """

    model = None
    index_model = None
    index_titles = {}  # language code -> (title, slug) of an overview created below a werkplaats
    key = ""
    shape = {}
    required = ("slug", "title")
    national_allowed = True  # a record without a werkplaats goes to the national overview

    def validate(self, records):
        """Check every record; return (cleaned records, errors). Nothing is written."""
        errors = RecordErrors()
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        cleaned, seen = [], set()
        for number, record in enumerate(records_or_error(records, self.key, errors), start=1):
            if not isinstance(record, dict):
                errors.add(number, "", "record", _("expected an object"))
                continue
            slug = text(record.get("slug")).strip()
            problems = shape_problems(record, self.shape)
            errors.wrong_shape(number, slug, problems)
            required = [*self.required] + ([] if self.national_allowed else ["werkplaats"])
            for field in required:
                if not record.get(field):
                    errors.missing(number, slug, field)
            if problems:
                record = without(record, [path for path, _message in problems])
            language = record.get("language") or "nl"
            locale = locales.get(language)
            if locale is None:
                errors.add(number, slug, "language", _("unknown language %(language)r") % {"language": language})
                continue
            if (slug, language) in seen:
                errors.add(number, slug, "slug", _("appears more than once in this file"))
            seen.add((slug, language))
            werkplaats = self._werkplaats(number, slug, record.get("werkplaats"), locale, errors)
            built = self.build(number, slug, record, locale, werkplaats, errors)
            if built is not None:
                page, fill = built
                if werkplaats is None and record.get("werkplaats"):
                    continue  # an unknown werkplaats, reported: whose slug it would be is unknown too
                cleaned.append(
                    {"number": number, "locale": locale, "werkplaats": werkplaats, "page": page, "fill": fill}
                )
        self._check_existing(cleaned, errors)
        return cleaned, errors

    def _werkplaats(self, number, slug, name, locale, errors):
        if not name:
            if self.national_allowed and self.national_index(locale) is None:
                kind = self.index_model._meta.verbose_name
                errors.add(
                    number,
                    slug,
                    "werkplaats",
                    _("no national %(kind)s in language %(language)r")
                    % {"kind": kind, "language": locale.language_code},
                )
            return None
        werkplaats = WerkplaatsPage.objects.filter(slug=name, locale=locale).first()
        if werkplaats is None:
            errors.add(number, slug, "werkplaats", _("no werkplaats with slug %(slug)r") % {"slug": name})
        return werkplaats

    def national_index(self, locale):
        return next((index for index in self.index_model.objects.filter(locale=locale) if index.is_national), None)

    @abstractmethod
    def build(self, number, slug, record, locale, werkplaats, errors):
        """(a new, unsaved page with the record's fields, checked; a function that fills a page), or None."""

    @abstractmethod
    def snapshot(self, page):
        """What an unchanged re-import must leave equal: the page's fields and relations as data."""

    def check_page(self, number, slug, page, checked, errors, names=None):
        """The model's own field rules and ``clean`` for the fields in ``checked``, as the admin applies them."""
        exclude = [field.name for field in self.model._meta.fields if field.name not in checked]
        try:
            page.clean_fields(exclude=exclude)
        except ValidationError as error:
            errors.add_validation_error(number, slug, error, names=names)
        else:
            try:
                page.clean()
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    errors.add_validation_error(number, slug, error, names=names)
                else:
                    for message in error.messages:
                        errors.add(number, slug, "record", message)
        for field, message in too_long(page):
            errors.add(number, slug, (names or {}).get(field, field), message)

    def stream(self, number, slug, record, field, locale, errors):
        """The record's ``field`` as the page's StreamField value, or None with its problems reported."""
        block = self.model._meta.get_field(field).stream_block
        value, problems = read_stream(block, record.get(field) or [], field, LibraryItems(locale))
        for path, message in problems:
            errors.add(number, slug, path, message)
        return value

    def terms(self, number, slug, record, field, model, errors):
        """The taxonomy terms a record names by slug."""
        found = {term.slug: term for term in model.objects.filter(slug__in=record.get(field) or [])}
        for value in record.get(field) or []:
            if value not in found:
                errors.add(
                    number,
                    slug,
                    field,
                    _("unknown %(kind)s %(value)r") % {"kind": model._meta.verbose_name, "value": value},
                )
        return [found[value] for value in record.get(field) or [] if value in found]

    def _check_existing(self, cleaned, errors):
        for item in cleaned:
            page = item["page"]
            existing = self.model.objects.filter(slug=page.slug, locale=item["locale"]).first()
            owner = item["werkplaats"].pk if item["werkplaats"] else None
            if existing and existing.werkplaats_id != owner:
                belongs = existing.werkplaats.title if existing.werkplaats else _("the national overview")
                errors.add(
                    item["number"],
                    page.slug,
                    "werkplaats",
                    _("this slug is taken by the %(kind)s %(title)r of %(owner)s; choose another slug")
                    % {"kind": self.model._meta.verbose_name, "title": existing.title, "owner": belongs},
                )
            item["existing"] = existing

    def index_for(self, werkplaats, locale):
        if werkplaats is None:
            return self.national_index(locale)
        index = self.index_model.objects.child_of(werkplaats).first()
        if index is None:
            title, slug = self.index_titles.get(locale.language_code) or self.index_titles["nl"]
            index = self.index_model(title=title, slug=slug)
            werkplaats.add_child(instance=index)
            index.save_revision(log_action=False).publish(log_action=False)
        return index

    @transaction.atomic
    def import_records(self, cleaned, publish=True):
        """Create or update every validated record. Returns counts of created, updated and unchanged."""
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        for item in cleaned:
            existing = item.get("existing")
            if existing is not None:
                before = self.snapshot(existing)
                item["fill"](existing)
                if self.snapshot(existing) == before:
                    counts["unchanged"] += 1
                    continue
                revision = existing.save_revision()
                counts["updated"] += 1
            else:
                page = item["page"]
                page.locale = item["locale"]
                item["fill"](page)
                page.live = publish
                self.index_for(item["werkplaats"], item["locale"]).add_child(instance=page)
                revision = page.save_revision()
                counts["created"] += 1
            if publish:
                revision.publish()
        return counts


class Places:
    """Municipality names as people write them (``geography.names``), read once per import."""

    def __init__(self):
        self.names = Geography.load().names
        self.by_pk = Municipality.objects.in_bulk()

    def find(self, number, slug, value, field, errors):
        found = self.names.resolve(text(value))
        if found.place is None:
            errors.add(number, slug, field, unknown_municipality(found, value))
            return None
        return self.by_pk[found.place.pk]


class PlacesImporter(PageImporter):
    """A page importer whose records name municipalities as people write them (``self.places``)."""

    def validate(self, records):
        self.places = Places()
        return super().validate(records)
