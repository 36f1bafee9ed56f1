"""The built-in agreement types every school starts with (one shared document template)."""

from chanchuang.partners.documents import default_document_template

BUILT_IN = [  # (code, name, description)
    ("cooperation", "产创融合合作协议", "学校与企业推进产创融合、协同育人的合作协议。"),
    ("industry_college", "共建产业学院协议",
     "学校与企业、研究院等多方共建共管共享产业学院的协议。"),
    ("internship_tripartite", "实习三方协议", "学校、实习单位与学生签订的岗位实习三方协议。"),
    ("order_class", "订单班/现代学徒制协议", "校企联合招生、联合培养的订单班或现代学徒制协议。"),
    ("other", "其他合作协议", "其他类型的校企合作协议。"),
]


def ensure_builtin_types(agreement_type_model) -> None:
    """Create the built-in types that are missing (the model may be a migration's historical
    one)."""
    template = default_document_template()
    for code, name, description in BUILT_IN:
        agreement_type_model.objects.get_or_create(school=None, code=code, defaults={
            "name": name, "description": description, "document_template": template})
