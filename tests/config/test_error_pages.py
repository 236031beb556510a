"""Error pages use the site's layout and say what to do next, in plain words."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.views import defaults

pytestmark = pytest.mark.django_db


def test_not_found_has_the_menu_for_a_logged_in_person(person_client):
    response = person_client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert '<nav aria-label="Main">' in page
    assert "This page isn't here" in page
    assert 'href="/today/"' in page
    assert "<h1>Not Found</h1>" not in page


def test_not_found_for_a_visitor_points_to_the_start(db):
    page = Client().get("/no-such-page/").content.decode()
    assert "This page isn't here" in page
    assert "Go to the start page" in page


def test_another_persons_thing_is_the_same_friendly_not_found(person_client):
    response = person_client.get("/meals/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert "This page isn't here" in response.content.decode()


def test_server_error_page_renders_without_a_request_context():
    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page
    assert "site.css" in page


def test_forbidden_and_a_stale_form_token_are_explained(db):
    response = defaults.permission_denied(RequestFactory().get("/"), PermissionError())
    assert "This page is not open to you" in response.content.decode()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/accounts/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "That form could not be sent" in response.content.decode()
