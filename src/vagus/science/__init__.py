"""The scientific core of Vagus: pure Python, no Django.

Modules: ``instruments`` (questionnaires), ``foods`` (meal text analysis), ``insights``
(within-person associations) and ``experiments`` (N-of-1 trials). Import them by name::

    from vagus.science import instruments, foods, insights, experiments
"""
