"""Formatting for the page templates."""

from django import template

register = template.Library()


@register.filter
def lines(text: str) -> list[str]:
    """The lines of a multi-line field, such as a bullet's continuation lines."""
    return text.splitlines() if text else []


@register.filter
def dutch_list(items) -> str:
    """'5, 6, 7 en 8': a list as a Dutch sentence would write it."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} en {words[-1]}"
