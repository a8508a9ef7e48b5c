"""One alternative text per image: the block takes the image's own description, may say something
else, or marks the image as decoration (core/blocks.py CaptionedImageBlock)."""

import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from core.blocks import CaptionedImageBlock


@pytest.fixture
def image(db):
    return get_image_model().objects.create(
        title="IMG_2041.jpg", description="Ouders en jongeren aan een dialoogtafel", file=get_test_image_file()
    )


def rendered_alt(block, value):
    html = block.render(block.to_python(value))
    return html.split(' alt="', 1)[1].split('"', 1)[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("own", "decorative", "said"),
    [
        ("", False, "Ouders en jongeren aan een dialoogtafel"),  # the image's own description
        ("Een wethouder luistert naar een moeder", False, "Een wethouder luistert naar een moeder"),
        ("Wat hier niet gezegd wordt", True, ""),  # decoration: nothing to read aloud
    ],
)
def test_the_block_says_one_alternative_text(image, own, decorative, said):
    block = CaptionedImageBlock()
    value = {"image": image.pk, "alt_text": own, "decorative": decorative, "caption": "", "credit": ""}
    assert block.clean(block.to_python(value))["image"] == image
    assert rendered_alt(block, value) == said


@pytest.mark.django_db
def test_an_image_without_a_description_asks_for_one_or_decoration(image):
    image.description = ""
    image.save()
    block = CaptionedImageBlock()
    value = {"image": image.pk, "alt_text": "", "decorative": False, "caption": "", "credit": ""}
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(value))
    assert "alt_text" in error.value.block_errors  # never the title (a file name) read aloud
    block.clean(block.to_python({**value, "decorative": True}))
    block.clean(block.to_python({**value, "alt_text": "Een zaal vol mensen"}))
