"""The built-in agreement types every school starts with, sharing one document template."""

from django.db import migrations

from chanchuang.partners.documents import default_document_template

BUILT_IN = [  # (code, name, description)
    ("cooperation", "产创融合合作协议", "学校与企业推进产创融合、协同育人的合作协议。"),
    ("industry_college", "共建产业学院协议", "学校与企业、研究院等多方共建共管共享产业学院的协议。"),
    ("internship_tripartite", "实习三方协议", "学校、实习单位与学生签订的岗位实习三方协议。"),
    ("order_class", "订单班/现代学徒制协议", "校企联合招生、联合培养的订单班或现代学徒制协议。"),
    ("other", "其他合作协议", "其他类型的校企合作协议。"),
]


def create(apps, schema_editor):
    AgreementType = apps.get_model("partners", "AgreementType")
    template = default_document_template()
    for code, name, description in BUILT_IN:
        AgreementType.objects.get_or_create(school=None, code=code, defaults={
            "name": name, "description": description, "document_template": template})


def remove(apps, schema_editor):
    apps.get_model("partners", "AgreementType").objects.filter(
        school=None, code__in=[code for code, _name, _description in BUILT_IN]).delete()


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
