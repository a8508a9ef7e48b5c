"""Editor panels of every Wiel page."""

from wagtail.admin.panels import Panel
from wagtail.models import TaskState, WorkflowState


class ModeratorCommentPanel(Panel):
    """The moderator's request for changes, shown above the fields where the editor works on them.

    Wagtail keeps the comment in the workflow history and the e-mail only. This panel shows the
    latest one while the page's workflow waits for those changes, and nothing otherwise.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/admin/moderator_comment_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.request_for_changes = self.latest_request_for_changes()

        def latest_request_for_changes(self):
            page = self.instance
            if page is None or not page.pk:
                return None
            state = page.current_workflow_state
            if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
                return None
            rejected = TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
            return rejected.exclude(comment="").select_related("finished_by").order_by("-finished_at").first()

        def is_shown(self):
            return self.request_for_changes is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["task_state"] = self.request_for_changes
            return context
