"""The JSON API (django-ninja): the same data and rules as the pages, for scripts and apps."""
