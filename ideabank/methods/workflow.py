"""Methods are published through editor review: a Wagtail workflow on the method catalogue, kept in place
after every migrate (the Redaktør group it names is created by the accounts app's own post_migrate)."""

WORKFLOW_NAME = "Redaktørgodkendelse"


def ensure_review_workflow(sender=None, **kwargs):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    from ideabank.accounts.roles import GROUP_NAMES, Role

    from .models import MethodIndexPage

    index = MethodIndexPage.objects.first()
    editors = Group.objects.filter(name=GROUP_NAMES[Role.REDAKTOER]).first()
    if index is None or editors is None:
        return
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task, _created = GroupApprovalTask.objects.get_or_create(name="Godkendelse af metode")
    task.groups.add(editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
