"""The one PDF renderer (core.pdf) and the staff-template rules (core.staff_templates): whatever
the HTML says, the PDF carries none of the server's files, the server fetches no address, and
only the platform's own static files and stored images render."""

from __future__ import annotations

import base64
import io
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject

from chanchuang.core.pdf import render_pdf
from chanchuang.core.services import DomainError
from chanchuang.core.staff_templates import (
    refused_constructs,
    render_staff_template,
    sanitise,
)

SECRET = "CHANCHUANG-SECRET-7f3a9c"


def _png(colour=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, format="PNG")
    return out.getvalue()


class _Recorder(BaseHTTPRequestHandler):
    """Answers every GET with a PNG (so a fetch would show) and records the path."""

    def do_GET(self):
        self.server.requests.append(self.path)
        body = _png()
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    """An HTTP server on 127.0.0.1 that must receive no request."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def secrets(tmp_path):
    """Files outside the platform's own: a text secret and a picture."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text(SECRET, encoding="utf-8")
    (folder / "secret.png").write_bytes(_png((10, 200, 10)))
    return folder


def _all_bytes(reader: PdfReader) -> bytes:
    """Every object of the PDF, its streams decompressed."""
    chunks = []
    for generation, objects in reader.xref.items():
        for number in objects:
            obj = IndirectObject(number, generation, reader).get_object()
            chunks.append(repr(obj).encode())
            if isinstance(obj, StreamObject):
                chunks.append(obj.get_data())
    for number in reader.xref_objStm:
        obj = IndirectObject(number, 0, reader).get_object()
        chunks.append(repr(obj).encode())
    return b"\n".join(chunks)


def _assert_nothing_leaked(pdf: bytes) -> PdfReader:
    reader = PdfReader(io.BytesIO(pdf))
    assert not reader.attachments
    assert "/EmbeddedFiles" not in repr(reader.trailer["/Root"].get("/Names", {}))
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            assert annotation.get_object().get("/Subtype") != "/FileAttachment"
    everything = _all_bytes(reader) + pdf
    assert SECRET.encode() not in everything
    assert base64.b64encode(SECRET.encode()) not in everything
    text = "".join(page.extract_text() for page in reader.pages)
    assert SECRET not in text
    return reader


def _svg_data(inner: str, *, encoded: bool) -> str:
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           f'width="20" height="20">{inner}</svg>')
    if encoded:
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    return "data:image/svg+xml;utf8," + svg.replace('"', "'")


ATTACKS = {  # name: HTML, with {file} (a secret's folder, as file: URL) and {http} placeholders
    "link rel=attachment file:": '<link rel="attachment" href="{file}/secret.txt">',
    "link rel=attachment /etc/passwd": '<link rel=attachment href=file:///etc/passwd>',
    "a rel=attachment file:": '<a rel="attachment" href="{file}/secret.txt">x</a>',
    "a rel=attachment http:": '<a rel="attachment" href="{http}/a.txt">x</a>',
    "a rel=attachment own static": '<a rel="attachment" href="/static/core/shell.css">x</a>',
    "img file:": '<img src="{file}/secret.png">',
    "img http:": '<img src="{http}/img.png">',
    "object file:": '<object data="{file}/secret.png" type="image/png"></object>',
    "object http:": '<object data="{http}/object.png" type="image/png"></object>',
    "embed file:": '<embed src="{file}/secret.png" type="image/png">',
    "embed http:": '<embed src="{http}/embed.png" type="image/png">',
    "iframe file:": '<iframe src="{file}/secret.txt"></iframe>',
    "link stylesheet http:": '<link rel="stylesheet" href="{http}/style.css">',
    "style @import file:": '<style>@import url("{file}/secret.txt");</style>',
    "style @import http:": '<style>@import "{http}/import.css";</style>',
    "style url() http:": '<style>body {{ background: url("{http}/bg.png") }}</style>',
    "style url() file:":
        '<style>p {{ background-image: url("{file}/secret.png") }}</style><p>x</p>',
    "style attribute url() file:":
        '<p style="background-image: url(\'{file}/secret.png\')">x</p>',
    "style attribute url() http:": '<p style="background: url({http}/attr.png)">x</p>',
    "font-face http:":
        '<style>@font-face {{ font-family: x; src: url({http}/f.woff) }}</style>',
    "list-style-image http:": '<ul style="list-style-image: url({http}/li.png)"><li>x</li></ul>',
    "base http:": '<base href="{http}/"><img src="relative.png">',
    "relative traversal": '<img src="../../../../../../{path}/secret.png">',
    "static traversal": '<img src="/static/../../../../../../{path}/secret.png">',
    "static encoded traversal": '<img src="/static/%2e%2e/%2e%2e/%2e%2e/{path}/secret.png">',
    "media outside its folders": '<img src="/media/../outside/secret.png">',
    "ftp:": '<img src="ftp://127.0.0.1/x.png">',
    "other host, https": '<img src="https://127.0.0.1/x.png">',
    "protocol-relative": '<img src="//127.0.0.1:{port}/pr.png">',
    "data: svg referencing file:":
        '<img src="{svg_file}">',
    "data: svg referencing http:":
        '<img src="{svg_http}">',
    "data: svg (not base64) referencing http:":
        '<img src="{svg_http_plain}">',
    "data: css importing http:":
        '<link rel="stylesheet" href="data:text/css,@import%20url({http}/d.css);">',
    "inline svg image file:":
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">'
        '<image href="{file}/secret.png" width="20" height="20"/></svg>',
    "inline svg image http:":
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">'
        '<image href="{http}/svg-inline.png" width="20" height="20"/></svg>',
}


def _fill(html: str, secrets: Path, server) -> str:
    http = f"http://127.0.0.1:{server.server_address[1]}"
    file_url = secrets.as_uri()
    return html.format(
        file=file_url, http=http, path=str(secrets).lstrip("/"), port=server.server_address[1],
        svg_file=_svg_data(f'<image xlink:href="{file_url}/secret.png" width="20" height="20"/>',
                           encoded=True),
        svg_http=_svg_data(f'<image href="{http}/svg.png" width="20" height="20"/>',
                           encoded=True),
        svg_http_plain=_svg_data(f'<image href="{http}/svg2.png" width="20" height="20"/>',
                                 encoded=False))


def _page(body: str) -> str:
    return f'<!doctype html><html><head><meta charset="utf-8"></head><body>{body}</body></html>'


@pytest.mark.parametrize("name", list(ATTACKS))
def test_the_renderer_fetches_nothing_but_the_platforms_own_files(name, secrets, local_server,
                                                                  settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # ../outside is its neighbour
    (tmp_path / "media").mkdir(exist_ok=True)
    html = _page(_fill(ATTACKS[name], secrets, local_server) + "<p>正文</p>")
    reader = _assert_nothing_leaked(render_pdf(html))
    assert local_server.requests == []
    assert not any(page.images for page in reader.pages)  # nothing of theirs was drawn


@pytest.mark.parametrize("name", list(ATTACKS))
def test_a_staff_template_with_any_of_them_is_refused_by_name(name, secrets, local_server):
    names = refused_constructs(_fill(ATTACKS[name], secrets, local_server))
    assert names, f"{name} passed the staff-template rules"


@pytest.mark.parametrize("name", list(ATTACKS))
def test_a_stored_template_with_any_of_them_renders_harmless(name, secrets, local_server,
                                                             settings, tmp_path):
    """Defence in depth: a template saved before the rules is sanitised when it renders."""
    settings.MEDIA_ROOT = tmp_path / "media"
    body = render_staff_template(_fill(ATTACKS[name], secrets, local_server) + "{{ x }}",
                                 {"x": "正文"})
    reader = _assert_nothing_leaked(render_pdf(_page(body)))
    assert local_server.requests == []
    assert not any(page.images for page in reader.pages)


def test_the_platforms_own_static_image_and_stored_image_render(settings, tmp_path):
    static_dir = tmp_path / "own-static"
    (static_dir / "core").mkdir(parents=True)
    (static_dir / "core" / "seal.png").write_bytes(_png())
    settings.STATICFILES_DIRS = [static_dir]
    settings.MEDIA_ROOT = tmp_path / "media"
    photo = settings.MEDIA_ROOT / "mentors" / "photos" / "chen.png"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(_png((30, 30, 200)))
    template = ('<img src="/static/core/seal.png" alt="seal">'
                '<img src="/media/mentors/photos/chen.png" alt="photo">')
    assert refused_constructs(template) == []
    body = render_staff_template(template, {})
    assert "/static/core/seal.png" in body and "/media/mentors/photos/chen.png" in body
    reader = PdfReader(io.BytesIO(render_pdf(_page(body))))
    assert len(reader.pages[0].images) == 2
    inline = "data:image/png;base64," + base64.b64encode(_png()).decode()
    reader = PdfReader(io.BytesIO(render_pdf(_page(f'<img src="{inline}">'))))
    assert len(reader.pages[0].images) == 1  # a plain raster data: image is fine


def test_a_stored_file_that_is_not_an_image_is_not_read(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    fake = settings.MEDIA_ROOT / "showcase" / "x.png"
    fake.parent.mkdir(parents=True)
    fake.write_text(SECRET, encoding="utf-8")
    _assert_nothing_leaked(render_pdf(_page('<a rel="attachment" href="/media/showcase/x.png">'
                                            'x</a><img src="/media/showcase/x.png">')))


def test_refusals_are_logged(caplog, secrets):
    with caplog.at_level("WARNING", logger="chanchuang.pdf"):
        render_pdf(_page(f'<img src="{secrets.as_uri()}/secret.png">'))
    assert any("refused" in record.getMessage() and "secret.png" in record.getMessage()
               for record in caplog.records if record.name == "chanchuang.pdf")


@pytest.mark.parametrize(("source", "named"), [
    ('<link rel=attachment href=file:///etc/passwd>', "<link> 标签"),
    ('<object data="x"></object>', "<object> 标签"),
    ('<embed src="x">', "<embed> 标签"),
    ('<iframe src="x"></iframe>', "<iframe> 标签"),
    ("<script>1</script>", "<script> 标签"),
    ('<base href="http://x/">', "<base> 标签"),
    ('<meta http-equiv="refresh" content="0">', "<meta> 标签"),
    ('<form action="x"></form>', "<form> 标签"),
    ('<style>@import "x.css";</style>', "CSS @import"),
    ("<style>p { background: url(x.png) }</style>", "CSS url()"),
    ('<p style="background:url(x.png)">x</p>', "CSS url()"),
    ('<p style="width: expression(alert(1))">x</p>', "CSS expression()"),
    ('<p style="background: u\\72l(x.png)">x</p>', "CSS 转义符"),
    ('<img src="file:///etc/passwd">', "平台自身文件以外的图片（file:///etc/passwd）"),
    ('<img src="http://127.0.0.1:8000/x.png">', "平台自身文件以外的图片"),
    ('<img src="/media/placements/consent/x.png">', "平台自身文件以外的图片"),
    ('<p onclick="x()">x</p>', "事件属性 onclick"),
    ('<a href="javascript:alert(1)">x</a>', "javascript: 地址"),
    ('<a href="file:///etc/passwd">x</a>', "指向 file: 地址的链接"),
    ('<a rel="attachment" href="/static/x.css">x</a>', "<a> 的 rel 属性"),
    ('{% include "partners/agreement_pdf.html" %}', "{% include %} 模板标签"),
    ('{% extends "base.html" %}', "{% extends %} 模板标签"),
    ("{% load static %}", "{% load %} 模板标签"),
    ("{% ssi '/etc/passwd' %}", "{% ssi %} 模板标签"),
    ("{% debug %}", "{% debug %} 模板标签"),
    ("{% autoescape off %}{{ x }}{% endautoescape %}", "{% autoescape %} 模板标签"),
    ("{{ agreement.scope|safe }}", "|safe 过滤器"),
])
def test_each_refused_construct_is_named_in_chinese(source, named):
    from django.utils import translation

    from chanchuang.core.staff_templates import refused_message

    with translation.override("zh-hans"):
        message = refused_message(refused_constructs(source))
    assert message.startswith("模板中不允许使用：")
    assert named in message


def test_the_restricted_engine_refuses_what_a_stored_template_tries(secrets):
    for source in ["{% include 'core/base.html' %}", "{% load static %}", "{% debug %}",
                   f"{{% ssi '{secrets}/secret.txt' %}}"]:
        with pytest.raises(DomainError):
            render_staff_template(source, {})
    assert str(render_staff_template("{{ x }}", {"x": "<b>&</b>"})) == "&lt;b&gt;&amp;&lt;/b&gt;"


def test_values_cannot_bring_markup_in():
    """An enterprise's text shown by a template is escaped, and sanitised whatever happens."""
    body = render_staff_template("<p>{{ x }}</p>", {"x": '<link rel="attachment" href="file:///">'})
    assert "<link" not in body
    assert "<link" not in sanitise('<p><link rel="attachment" href="file:///etc/passwd"></p>')


def test_builtin_templates_keep_to_the_rules():
    from chanchuang.mentors.documents import default_letter_template
    from chanchuang.partners.documents import default_document_template

    assert refused_constructs(default_document_template()) == []
    assert refused_constructs(default_letter_template()) == []


def test_only_core_pdf_imports_weasyprint():
    root = Path(settings.BASE_DIR)
    pattern = re.compile(r"^\s*(import\s+weasyprint|from\s+weasyprint[\s.])", re.M)
    offenders = [
        str(path.relative_to(root))
        for folder in ("chanchuang", "bin", "benchmarks")
        if (root / folder).exists()
        for path in (root / folder).rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    offenders += [str(p.relative_to(root)) for p in root.glob("*.py")
                  if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == ["chanchuang/core/pdf.py"]
