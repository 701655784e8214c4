"""Review pages: the audit log (/review) and one document's facts to review (/review/documents/N).

The pages only show; every change goes through the JSON API
(web/review_api.py) from static/review.js, with the editor's token in
the Authorization header (kept in the tab's sessionStorage, never a
cookie, so another site cannot make the browser send it).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from innoatlas.extract.model import ENTITY_TYPES, PREDICATES
from innoatlas.store.read.documents import get_document
from innoatlas.store.review import entity_statuses
from innoatlas.store.review_log import list_actions
from innoatlas.web.deps import get_session, render
from innoatlas.web.highlight import cut_pieces, cut_sentences

router = APIRouter(include_in_schema=False)
DB = Annotated[Session, Depends(get_session)]

# key: (Chinese, English)
LABELS: dict[str, tuple[str, str]] = {
    "review": ("审核", "Review"),
    "audit_log": ("审核记录", "Audit log"),
    "login": ("登录", "Log in"),
    "logout": ("退出", "Log out"),
    "user": ("用户", "User"),
    "password": ("密码", "Password"),
    "token": ("API 令牌", "API token"),
    "use_token": ("使用令牌", "Use token"),
    "logged_in_as": ("当前用户", "Logged in as"),
    "not_logged_in": ("未登录：只能查看", "Not logged in: read only"),
    "confirm": ("确认", "Confirm"),
    "reject": ("否决", "Reject"),
    "correct": ("修改", "Correct"),
    "undo": ("撤销", "Undo"),
    "reason": ("理由", "Reason"),
    "add_indicator": ("补充指标", "Add an indicator"),
    "add_mention": ("补充实体", "Add an entity mention"),
    "merge_into": ("合并到实体 ID", "Merge into entity id"),
    "merge": ("合并", "Merge"),
    "status": ("状态", "Status"),
    "machine": ("机器抽取", "machine"),
    "confirmed": ("已确认", "confirmed"),
    "corrected": ("已修改", "corrected"),
    "added": ("人工补充", "added"),
    "when": ("时间", "When"),
    "action": ("操作", "Action"),
    "target": ("对象", "Target"),
    "undone": ("已撤销", "undone"),
    "export_gold": ("导出金标准", "Export gold"),
    "figures": ("指标", "Indicators"),
    "entities": ("实体", "Entities"),
    "relations": ("关系", "Relations"),
    "quote": ("原文", "Quote"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "metric": ("指标名", "Metric"),
    "period": ("时期", "Period"),
    "subject_id": ("主体 ID", "Subject id"),
    "name": ("名称", "Name"),
    "type": ("类型", "Type"),
    "add": ("添加", "Add"),
    "review_document": ("审核本文", "Review this document"),
    "mentions": ("提及", "Mentions"),
    "split": ("拆分", "Split"),
    "split_aliases": ("拆出的写法（逗号分隔）", "Names to split off (comma-separated)"),
    "subject": ("主体", "Subject"),
    "merge_into_name": ("合并到实体（名称）", "Merge into entity (name)"),
    "login_first": (
        "请先以编辑身份登录：登录前只能查看，确认、否决、修改等按钮不可用。",
        "Log in as an editor first: until then the page is read only and its buttons are disabled.",
    ),
    "viewer_only": (
        "当前账号只有查看权限，不能修改。",
        "This account may only read; it cannot make changes.",
    ),
    "error_401": (
        "未登录或登录已过期，请重新登录。",
        "Not logged in, or the login has expired: log in again.",
    ),
    "error_403": ("当前账号没有编辑权限。", "This account has no editor rights."),
    "unknown_entity": (
        "没有这个名称的实体：请从列表中选择。",
        "No entity of that name: pick one from the list.",
    ),
    "document_text": ("原文", "Document text"),
    "role_editor": ("编辑", "editor"),
    "role_viewer": ("只读", "viewer"),
    "indicator": ("指标", "indicator"),
    "entity": ("实体", "entity"),
    "mention": ("提及", "mention"),
    "relation": ("关系", "relation"),
    "facts": ("待审核的事实", "Facts to review"),
}


def labels(lang: str):
    index = 0 if lang == "zh" else 1
    return lambda key: LABELS[key][index] if key in LABELS else key


def language(request: Request) -> str:
    return "en" if request.query_params.get("lang") == "en" else "zh"


@router.get("/review", response_class=HTMLResponse)
def review_home(request: Request, session: DB):
    log = list_actions(session, limit=100)
    return render(request, "review.html", log=log, r=labels(language(request)), api="/api/review/actions")


@router.get("/review/documents/{document_id}", response_class=HTMLResponse)
def review_document(request: Request, session: DB, document_id: int):
    data = get_document(session, document_id)
    return render(
        request,
        "review_document.html",
        data=data,
        entities=document_entities(session, data),
        sentences=cut_sentences(cut_pieces(data)),
        r=labels(language(request)),
        predicates=PREDICATES,
        entity_types=ENTITY_TYPES,
        api=f"/api/documents/{document_id}",
    )


def document_entities(session: Session, data: dict) -> list[dict]:
    """The entities a document mentions, with their review status, in order of first mention."""
    return entity_statuses(session, list(dict.fromkeys(m["entity"]["id"] for m in data["mentions"])))
