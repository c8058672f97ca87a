"""Small presentation helpers shared by every template: DKFDS form widgets and page ranges."""

from django import forms, template

register = template.Library()

WIDGET_CLASSES = {
    forms.Select: "form-select",
    forms.SelectMultiple: "form-select",
    forms.CheckboxInput: "form-checkbox",
    forms.CheckboxSelectMultiple: "form-checkbox",
    forms.RadioSelect: "form-radio",
}


def widget_class(widget):
    for widget_type, css in WIDGET_CLASSES.items():
        if isinstance(widget, widget_type):
            return css
    return "form-input"


@register.filter
def is_checkbox(bound_field):
    return isinstance(bound_field.field.widget, forms.CheckboxInput)


@register.filter
def dkfds(bound_field):
    """Render a form widget with the DKFDS class and the ARIA links to its hint and errors."""
    widget = bound_field.field.widget
    attrs = {"class": " ".join(filter(None, [widget_class(widget), widget.attrs.get("class", "")]))}
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described_by and not isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag
def page_window(page_obj, around=2):
    """Page numbers to show in a pager, with None where a gap ('…') goes."""
    last = page_obj.paginator.num_pages
    current = page_obj.number
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    window = []
    for number in shown:
        if window and number - window[-1] > 1:
            window.append(None)
        window.append(number)
    return window


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes one)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode() if query else "?"


@register.simple_tag(takes_context=True)
def filter_url(context, name, value=None):
    """The current query string with one filter set to `value` (or removed), back on page one."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    if value in (None, ""):
        query.pop(name, None)
    else:
        query[name] = value
    return "?" + query.urlencode() if query else "?"
