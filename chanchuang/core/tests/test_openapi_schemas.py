"""The OpenAPI document names every schema once: django-ninja files schemas under their class
name, so two classes of the same name silently share one entry and one endpoint shows the
other's body."""

from collections import defaultdict

from ninja import Schema

from chanchuang.api import api


def _our_schemas(cls=Schema) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        if sub.__module__.startswith("chanchuang."):
            found.append(sub)
        found += _our_schemas(sub)
    return found


def test_no_two_schemas_share_a_name():
    api.get_openapi_schema()  # every router's schemas are defined by now
    by_name = defaultdict(set)
    for schema in _our_schemas():
        by_name[schema.__name__].add(f"{schema.__module__}.{schema.__qualname__}")
    clashes = {name: sorted(where) for name, where in by_name.items() if len(where) > 1}
    assert clashes == {}


def _body(schema: dict, path: str, method: str = "post") -> dict:
    ref = schema["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]
    return schema["components"]["schemas"][ref["$ref"].rsplit("/", 1)[1]]


def test_the_mentor_choices_endpoint_documents_its_own_body(client, world):
    client.force_login(world.staff_wang)
    schema = client.get("/api/v1/openapi.json").json()
    assert set(_body(schema, "/api/v1/teams/{team_id}/mentor-choices")["properties"]) == {
        "mentor_ids"}
    assert set(_body(schema, "/api/v1/rounds/{round_id}/choices", "put")["properties"]) == {
        "positions"}
