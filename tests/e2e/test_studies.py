"""A researcher sets up a study; a new participant joins by its link on a phone; the monitor
lists them. axe finds no serious or critical problems on any of these pages."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.helpers import PASSWORD, serious
from tests.helpers.two_factor import sign_in_with_second_factor

pytestmark = pytest.mark.e2e


def _signed_in_researcher(page, live_server):
    """The researcher's browser holds a session that has proven a second factor (the
    two-factor sign-in page itself is tested with the accounts)."""
    from vagus.accounts.models import User
    from vagus.accounts.roles import Role

    researcher = User.objects.create_user("dr-rs", password=PASSWORD, role=Role.RESEARCHER)
    client = Client()
    sign_in_with_second_factor(client, researcher)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return researcher


def test_create_a_study_join_by_link_and_see_the_monitor(desktop_page, page, live_server):
    from vagus.studies.models import Enrolment, Study

    rs = desktop_page
    researcher = _signed_in_researcher(rs, live_server)
    rs.goto(f"{live_server.url}/studies/research/new/")
    assert serious(rs) == []
    rs.fill("#id_title", "Gut and calm")
    rs.fill("#id_description", "A month of daily check-ins about anxiety and the gut.")
    rs.get_by_label("Anxiety", exact=True).check()
    rs.get_by_label("Gut pain", exact=True).check()
    rs.fill("#id_duration_days", "28")
    rs.fill("#id_starts", researcher.today().isoformat())
    rs.fill("#id_contact", "team@example.org")
    rs.fill("#id_min_age", "18")
    rs.fill("#id_consent", "You agree to share your anxiety and gut pain ratings.")
    rs.get_by_role("button", name="Create study").click()
    rs.get_by_role("heading", name="Gut and calm").wait_for()
    assert serious(rs) == []
    study = Study.objects.owned_by(researcher).get()
    link = rs.locator("code.token").inner_text()
    assert link.endswith(f"/studies/join/{study.invite_code}/")

    page.goto(link)
    page.get_by_role("heading", name="Gut and calm").wait_for()
    assert serious(page) == []
    page.fill("#id_account-username", "newbie")
    page.fill("#id_account-password1", PASSWORD)
    page.fill("#id_account-password2", PASSWORD)
    page.fill("#id_age", "34")
    page.get_by_label("I have read the consent text and agree to take part").check()
    page.get_by_label("The study may keep what I shared until I left").check()
    page.get_by_label("Do not tell the study contact").check()
    page.get_by_role("button", name="Join the study").click()
    page.get_by_role("heading", name="Studies you take part in").wait_for()
    enrolment = Enrolment.objects.get(study=study)
    assert page.get_by_text(enrolment.pseudonym).is_visible()
    assert serious(page) == []

    rs.reload()
    row = rs.get_by_role("row", name=enrolment.pseudonym)
    assert "Enrolled, nothing logged yet" in row.inner_text()
    assert "newbie" not in rs.content()
    assert serious(rs) == []
