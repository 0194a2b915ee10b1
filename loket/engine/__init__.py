"""The one flow engine: it runs every flow of loket/flows/ the same way (start, steps, summary,
consent, confirmation) and works without JavaScript.

state.py keeps an inwoner's answers in their session, progress.py validates them again to find
where they are, and views.py answers the FlowPage routes (registered in loket/wagtail_hooks.py).
"""
