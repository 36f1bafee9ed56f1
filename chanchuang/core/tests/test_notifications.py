"""Telling many people at once: one notification each, and a mail to those with an address."""

from django.core import mail

from chanchuang.core.models import Notification
from chanchuang.core.services import notify_all
from chanchuang.core.tests import factories as f


def test_many_are_told_at_once_and_mailed_when_a_server_is_set(db, settings,
                                                              django_capture_on_commit_callbacks):
    settings.EMAIL_HOST = "mail.jiangcheng.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    people = [f.UserFactory(email=f"p{n}@jiangcheng.example") for n in range(3)]
    people.append(f.UserFactory(email=""))
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_all(users=people, title="第 1 轮已开放", url="/rounds/1/choices/") == 4
    assert Notification.objects.filter(title="第 1 轮已开放").count() == 4
    assert sorted(m.to[0] for m in mail.outbox) == [f"p{n}@jiangcheng.example" for n in range(3)]
    assert mail.outbox[0].body.endswith("/rounds/1/choices/")
