"""Staff-editable document templates (agreement types, appointment titles): what they may contain,
and how they are rendered.

A template is HTML with Django template syntax, filled in with plain values and printed through
``core.pdf``. Saving one checks it against an allow-list and names every refused construct
(``refused_constructs``, ``validate_staff_template``); rendering compiles it with a restricted
template engine and sanitises the output again with nh3 (``render_staff_template``), so a
template stored before these rules cannot reach a file or an address either.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

import nh3
from django.core.exceptions import ValidationError
from django.template import (
    Context,
    Engine,
    Library,
    TemplateSyntaxError,
    defaultfilters,
    defaulttags,
)
from django.template.base import Lexer, TokenType
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from chanchuang.core.pdf import app_path
from chanchuang.core.services import DomainError

logger = logging.getLogger("chanchuang.pdf")

ALLOWED_TAGS = {
    "a", "abbr", "article", "b", "blockquote", "br", "caption", "cite", "code", "col",
    "colgroup", "dd", "del", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "li", "mark", "ol", "p",
    "pre", "q", "s", "section", "small", "span", "strong", "style", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
GENERIC_ATTRIBUTES = {"class", "id", "style", "title", "lang", "dir"}
ALLOWED_ATTRIBUTES = {
    "*": GENERIC_ATTRIBUTES,
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "type"},
}
LINK_SCHEMES = {"http", "https", "mailto"}
# Tags of the template language a staff template may not use: they read other templates or
# libraries, print the context and the server's modules, or turn escaping off.
REFUSED_TEMPLATE_TAGS = ("include", "extends", "block", "load", "ssi", "debug", "autoescape")
REFUSED_FILTERS = ("safe", "safeseq")

_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.S)
_CSS_RULES = (  # (pattern, name shown to the user)
    (re.compile(r"@import", re.I), "CSS @import"),
    (re.compile(r"url\s*\(", re.I), "CSS url()"),
    (re.compile(r"expression\s*\(", re.I), "CSS expression()"),
    (re.compile(r"image-set\s*\(", re.I), "CSS image-set()"),
    (re.compile(r"\bsrc\s*\(", re.I), "CSS src()"),
)
_FILTER = re.compile(r"\|\s*(" + "|".join(REFUSED_FILTERS) + r")\b")
_STYLE_ELEMENT = re.compile(r"(<style\b[^>]*>)(.*?)(</style\s*>)", re.I | re.S)
_CONTROL = re.compile(r"[\x00-\x20]+")


def css_problems(css: str) -> list[str]:
    """The names of what a piece of CSS may not contain (anything that fetches an address)."""
    names = []
    if "\\" in css:  # escapes can spell any of the rules below
        names.append(_("CSS escapes (\\)"))
    text = _COMMENT.sub("", css)
    names.extend(name for pattern, name in _CSS_RULES if pattern.search(text))
    return names


def _scheme(value: str) -> str:
    value = _CONTROL.sub("", value).lower()
    return value.split(":", 1)[0] if re.match(r"^[a-z][a-z0-9+.-]*:", value) else ""


class _Checker(HTMLParser):
    """Collects the refused constructs of an HTML text, in the order they appear."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: list[str] = []
        self._in_style = False

    def add(self, name: str) -> None:
        if name not in self.names:
            self.names.append(name)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        if tag not in ALLOWED_TAGS:
            self.add(_("<%(tag)s> tag") % {"tag": tag})
            return  # the tag is named; its attributes need no second mention
        allowed = GENERIC_ATTRIBUTES | ALLOWED_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.add(_("event attribute %(name)s") % {"name": name})
                continue
            if _scheme(value) in ("javascript", "vbscript"):
                self.add(_("%(scheme)s: addresses") % {"scheme": _scheme(value)})
                continue
            if name not in allowed:
                self.add(_("attribute %(name)s on <%(tag)s>") % {"name": name, "tag": tag})
            elif name == "style":
                for problem in css_problems(value):
                    self.add(problem)
            elif name == "src" and not (value.startswith("/") and app_path(value)):
                self.add(_("images other than the platform's own files (%(src)s)")
                         % {"src": value[:80]})
            elif name == "href" and _scheme(value) not in ("", *LINK_SCHEMES):
                self.add(_("links to %(scheme)s: addresses") % {"scheme": _scheme(value)})

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            for problem in css_problems(data):
                self.add(problem)


def _template_problems(source: str) -> list[str]:
    names = []
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            command = token.contents.split()[0] if token.contents.split() else ""
            if command in REFUSED_TEMPLATE_TAGS:
                names.append(_("the %(tag)s template tag") % {"tag": f"{{% {command} %}}"})
        if token.token_type in (TokenType.BLOCK, TokenType.VAR):
            names.extend(_("the |%(filter)s filter") % {"filter": match}
                         for match in _FILTER.findall(token.contents))
    return names


def refused_constructs(source: str) -> list[str]:
    """The names of everything in a staff template that the rules refuse (empty: allowed)."""
    checker = _Checker()
    checker.feed(source)
    checker.close()
    names = []
    for name in [*_template_problems(source), *checker.names]:
        if name not in names:
            names.append(name)
    return names


def refused_message(names: list[str]) -> str:
    """``模板中不允许使用：<link> 标签、CSS @import``."""
    return _("The template may not use: %(constructs)s") % {
        "constructs": _(", ").join(names)}


def _restricted_library() -> Library:
    library = Library()
    library.tags = {name: tag for name, tag in defaulttags.register.tags.items()
                    if name not in REFUSED_TEMPLATE_TAGS}
    library.filters = {name: filter_ for name, filter_ in defaultfilters.register.filters.items()
                       if name not in REFUSED_FILTERS}
    return library


# No loaders, no libraries to {% load %}, no {% include %}/{% extends %} (loader_tags is not a
# builtin), no debug, escaping always on.
ENGINE = Engine(debug=False, autoescape=True, loaders=[], libraries={}, builtins=[],
                string_if_invalid="")
ENGINE.template_builtins = [_restricted_library()]


def compile_staff_template(source: str):
    """The template compiled by the restricted engine (``TemplateSyntaxError`` if it cannot)."""
    return ENGINE.from_string(source)


def validate_staff_template(source: str, unreadable: str | None = None) -> None:
    """Model-field validator: refused constructs by name, then syntax errors (``unreadable``,
    with ``%(error)s``, names the template in that message)."""
    names = refused_constructs(source)
    if names:
        raise ValidationError(refused_message(names), code="refused")
    try:
        compile_staff_template(source)
    except TemplateSyntaxError as exc:
        message = unreadable or _("Template: it cannot be read (%(error)s).")
        raise ValidationError(message % {"error": exc}, code="syntax") from None


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "style" and css_problems(value):
        return None
    if tag == "img" and attribute == "src" and not (value.startswith("/") and app_path(value)):
        return None
    return value


def _clean_style_element(match: re.Match) -> str:
    opening, css, closing = match.groups()
    return opening + ("" if css_problems(css) else css) + closing


def sanitise(html: str) -> str:
    """The HTML with every construct outside the allow-list removed (nothing that fetches)."""
    cleaned = nh3.clean(
        html, tags=ALLOWED_TAGS, clean_content_tags={"script"},
        attributes=ALLOWED_ATTRIBUTES, attribute_filter=_attribute_filter,
        url_schemes=LINK_SCHEMES, link_rel="noopener noreferrer", strip_comments=True)
    return _STYLE_ELEMENT.sub(_clean_style_element, cleaned)


def render_staff_template(source: str, context: dict) -> SafeString:
    """A staff template filled in with plain values: compiled by the restricted engine, its
    output sanitised (a template stored before the rules were checked is cleaned here)."""
    template_problems = _template_problems(source)
    if template_problems:
        raise DomainError(refused_message(template_problems))
    try:
        template = compile_staff_template(source)
    except TemplateSyntaxError as exc:
        raise DomainError(_("Template: it cannot be read (%(error)s).") % {"error": exc}) from None
    rendered = template.render(Context(context, autoescape=True))
    checker = _Checker()
    checker.feed(rendered)
    checker.close()
    if checker.names:
        logger.warning("Staff template output sanitised, removed: %s", ", ".join(checker.names))
    return mark_safe(sanitise(rendered))
