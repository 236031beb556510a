"""Professional accounts: the role, and the second-factor gate in front of their pages."""

from __future__ import annotations

import pytest
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from tests.helpers.two_factor import sign_in_with_second_factor

from vagus.accounts.models import User
from vagus.accounts.roles import Role, is_professional, professional_required

pytestmark = pytest.mark.django_db


@professional_required(Role.CLINICIAN)
def _clinician_page(request):
    return HttpResponse("shared data")


def _request(client, user):
    """A request carrying the session (and so the second-factor state) of ``client``."""
    from django.contrib.auth import get_user
    from django_otp.middleware import OTPMiddleware

    request = RequestFactory().get("/clinician/")
    request.session = client.session
    request.user = get_user(request)
    OTPMiddleware(lambda r: HttpResponse())(request)
    return request


def test_a_new_account_is_a_person():
    assert User.objects.create_user("ana", password="x").role == Role.PERSON


def test_a_person_gets_not_found_not_a_hint(client):
    person = User.objects.create_user("ana", password="x")
    client.force_login(person)
    with pytest.raises(Http404):
        _clinician_page(_request(client, person))
    assert not is_professional(person)


def test_a_clinician_without_a_second_factor_is_sent_to_set_it_up(client):
    clinician = User.objects.create_user("dr", password="x", role=Role.CLINICIAN)
    client.force_login(clinician)
    response = _clinician_page(_request(client, clinician))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/two-factor/"


def test_a_clinician_with_a_proven_second_factor_sees_the_page(client):
    clinician = User.objects.create_user("dr", password="x", role=Role.CLINICIAN)
    sign_in_with_second_factor(client, clinician)
    response = _clinician_page(_request(client, clinician))
    assert response.status_code == 200
    assert is_professional(clinician)


def test_a_researcher_is_not_a_clinician(client):
    researcher = User.objects.create_user("rs", password="x", role=Role.RESEARCHER)
    sign_in_with_second_factor(client, researcher)
    with pytest.raises(Http404):
        _clinician_page(_request(client, researcher))
