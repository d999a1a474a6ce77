"""The OpenAPI document: every operation lists the problems it can answer with, and says
when it may be called without credentials (the rule lets the public read published
records), so documentation and Schemathesis know what to expect."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema

PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["type", "title", "status", "detail"],
}
COMMON = {
    "400": "The request was refused: `detail` and `errors` say why",
    "401": "No credentials, or a token that is unknown or revoked",
    "403": "Your role (or a read-only token) does not allow this",
    "404": "No such record for you",
    "405": "Not a method this address answers",
    "406": "Only JSON is offered",
    "429": "Too many requests: wait as long as Retry-After says",
}
RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait"}}


class RulesSchema(AutoSchema):
    def get_auth(self) -> list[dict[str, Any]]:
        auth: list[dict[str, Any]] = super().get_auth()
        declaration = getattr(self.view, "declaration", None)
        if declaration is not None and declaration().public_for(self.method.upper()):
            auth.append({})  # the public may read what is published
        return auth


def add_problems(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Postprocessing hook: the shared problem schema and responses on every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
    content = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code, description in COMMON.items():
                responses.setdefault(code, {"description": description, "content": content})
            responses["429"]["headers"] = RETRY_AFTER
            if method in ("post", "patch"):
                responses["415"] = {"description": "Send JSON", "content": content}
            for code in ("412", "428"):  # documented by the view, answered as problems
                if code in responses:
                    responses[code]["content"] = content
            if method == "get":
                responses["304"] = {"description": "Not modified since the ETag sent"}
    return result
