from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin, TypedPlaceMixin
from core.http.visibility import public
from core.page_forms import WielPageForm

from . import personal_data
from .choices import ActionStatus, AgeBand, Publication, Teller


class StoryAdminForm(WielPageForm):
    """The story's editor: every flag of what looks like personal data is listed to be confirmed
    (it may stay) or edited away; publishing, or approving, is refused while one is left."""

    confirm_flags = forms.MultipleChoiceField(
        label=_("Confirm what may stay"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick what may stay as it is (a made-up name, a school the teller agreed to name). "
            "Anything else: change it in the story."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.flags = personal_data.flags(self._text())
        seen = {}
        for flag in self.flags:
            seen.setdefault(flag.key, f"{capfirst(flag.kind.label)}: {flag.text}")
        self.fields["confirm_flags"].choices = list(seen.items())
        self.fields["confirm_flags"].initial = [key for key in self.instance.confirmed_flags if key in seen]
        if not seen:
            self.fields["confirm_flags"].help_text = _("Nothing in the story looks like personal data.")

    def _text(self):
        """The story's words as they will be saved: what was sent, or else what is stored."""
        names = ("title", "summary", "story")
        if self.is_bound:
            return "\n\n".join(str(self.data.get(name, "")) for name in names)
        return "\n\n".join(getattr(self.instance, name) or "" for name in names)

    def publishing(self):
        """Whether this save is meant to make the story go live: publishing, or approving it."""
        approving = "action-workflow-action" in self.data and self.data.get("workflow-action-name") == "approve"
        return approving or "action-publish" in self.data

    def _post_clean(self):
        super()._post_clean()  # the instance now holds what was sent
        current = {flag.key for flag in self.flags}
        ticked = self.cleaned_data.get("confirm_flags", [])
        self.instance.confirmed_flags = [key for key in ticked if key in current]
        if self.publishing():
            for field, problem in self.instance.publication_problems():
                self.add_error(field if field in self.fields else None, problem)


class ShareStoryForm(TypedPlaceMixin, CleanTextMixin, forms.Form):
    """ "Deel je ervaring": a story sent without an account, as plain as the words can be (B1)."""

    KEEP_YEARS = [(1, _("1 year")), (2, _("2 years")), (5, _("5 years"))]

    teller = forms.ChoiceField(label=_("Who are you?"), widget=forms.RadioSelect, choices=Teller.choices)
    age_band = forms.ChoiceField(
        label=_("How old is the child or young person?"),
        required=False,
        choices=[("", _("Not said")), *AgeBand.choices],
    )
    place = forms.CharField(
        label=_("In which municipality did it happen?"),
        required=False,
        max_length=80,
        help_text=_("You may leave this empty."),
    )
    title = forms.CharField(
        label=_("A title for your story"), max_length=120, help_text=_("A few words that say what it is about.")
    )
    story = forms.CharField(
        label=_("Your story"),
        widget=forms.Textarea(attrs={"rows": 12}),
        min_length=80,
        max_length=10_000,
        help_text=_(
            "What happened, and what would have helped you? Leave out names, addresses and schools: "
            "we check this before anything is published."
        ),
    )
    publication = forms.ChoiceField(
        label=_("What may we publish?"),
        widget=forms.RadioSelect,
        choices=Publication.choices,
        initial=Publication.WITHOUT_NAME,
    )
    first_name = forms.CharField(
        label=_("Your first name"),
        required=False,
        max_length=60,
        help_text=_("Only if you want your first name above your story."),
    )
    keep_years = forms.TypedChoiceField(
        label=_("How long may your story stay online?"), choices=KEEP_YEARS, coerce=int, initial=2
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_(
            "We send you a link to read your story, to ask for a change or to take it back. We never show your address."
        ),
    )
    may_contact = forms.BooleanField(label=_("You may contact me about my story."), required=False)
    keep_text = forms.BooleanField(
        label=_("If I take my story back, the werkplaats may keep the text, without my name, to learn from."),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("I agree that Wiel keeps my story and publishes it as I chose above."), required=True
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, geography=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.geography = geography

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("publication") == Publication.WITH_FIRST_NAME and not cleaned.get("first_name"):
            self.add_error("first_name", _("Fill in your first name, or choose to publish without a name."))
        if cleaned.get("may_contact") and not cleaned.get("email"):
            self.add_error("email", _("We need your e-mail address to contact you."))
        return cleaned


class AnswerForm(TypedPlaceMixin, CleanTextMixin, forms.Form):
    """The owner's one-page answer: where the action stands and what happened."""

    status = forms.ChoiceField(
        label=_("Where does the action stand?"),
        widget=forms.RadioSelect,
        choices=[(status.value, status.label) for status in ActionStatus if status != ActionStatus.NO_ANSWER],
    )
    text = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=1500,
        help_text=_("A few sentences. This is shown on the proposal's page once the werkplaats has read it."),
    )
    why_stopped = forms.CharField(
        label=_("Why did it stop?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
        help_text=_("Only when it stopped: others learn most from this."),
    )
    lasting = forms.BooleanField(label=_("This became a lasting way of working."), required=False)
    practice = forms.ModelChoiceField(
        label=_("With which practice?"),
        queryset=None,
        required=False,
        help_text=_("Choose the practice from Wiel's practice examples."),
    )
    place = forms.CharField(label=_("In which municipality?"), max_length=80, required=False)
    key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, practices, geography, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practice"].queryset = practices
        self.geography = geography

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ActionStatus.STOPPED and not cleaned.get("why_stopped"):
            self.add_error("why_stopped", _("Say why it stopped."))
        if cleaned.get("lasting"):
            if not cleaned.get("practice"):
                self.add_error("practice", _("Choose the practice that became a lasting way of working."))
            if not cleaned.get("place") and "place" not in self.errors:
                self.add_error("place", _("Fill in the municipality where it became a lasting way of working."))
        else:
            cleaned["practice"] = None
            self.municipality = None
        cleaned["municipality"] = self.municipality
        return cleaned


class HandOverForm(CleanTextMixin, forms.Form):
    """Give the action to a colleague, who gets their own link."""

    name = forms.CharField(label=_("Your colleague's name"), max_length=120)
    role = forms.CharField(label=_("Their role"), max_length=120)
    organisation = forms.CharField(label=_("Their organisation"), max_length=160, required=False)
    email = forms.EmailField(label=_("Their e-mail address"), help_text=_("Never shown on the site."))


class ProposalAdminForm(WielPageForm):
    """The proposal's editor: the stories to choose from are those anyone may read (live, public,
    in the proposal's language) and those already chosen, so no editor sees another werkplaats'
    unpublished stories in the list."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("stories")
        if field is not None:
            StoryPage = field.queryset.model  # noqa: N806 (the model the proposal's stories field chooses from)
            locale = self.instance.locale_id or (self.parent_page.locale_id if self.parent_page else None)
            readable = public(StoryPage.objects.live()).filter(locale_id=locale)
            chosen = self.instance.stories.all() if self.instance.pk else StoryPage.objects.none()
            field.queryset = StoryPage.objects.filter(pk__in=readable.values("pk")) | StoryPage.objects.filter(
                pk__in=chosen.values("pk")
            )
            field.queryset = field.queryset.order_by("title")
