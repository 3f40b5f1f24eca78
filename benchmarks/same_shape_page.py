"""The floor of the same shape: each page of an appointment drawn again from the very messages
the app sent for it, by a script that holds no rules, reads no store and keeps nothing.

`python -m benchmarks.browser_latency` records the messages of each page while it drives the app
(`PageShapes`), saves them to the file `RIGHT_STEPS_FLOOR_SHAPES` names, and starts this page
next to the app. What it costs to press Continue here is what Streamlit and the browser cost to
draw that page; the app's time above it is the app's own work.

The page's elements are sent as they were recorded, one level down inside a container, with a
real Continue button below them in place of the recorded one.
"""

import base64
import json
import os

import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.warm_process import freeze_what_is_loaded

MAIN = 0  # the delta path's first number: which of the page's root containers


@st.cache_resource
def _recorded_pages(path: str) -> list[list[ForwardMsg]]:
    with open(path, encoding="utf-8") as file:
        pages = json.load(file)
    return [[ForwardMsg.FromString(base64.b64decode(raw)) for raw in page] for page in pages]


def _is_continue(message: ForwardMsg) -> bool:
    element = message.delta.new_element
    return element.WhichOneof("type") == "button" and element.button.label == "Continue"


def _send_again(message: ForwardMsg, inside: list[int]) -> None:
    again = ForwardMsg()
    again.CopyFrom(message)
    again.ClearField("hash")
    path = list(message.metadata.delta_path)
    if message.WhichOneof("type") == "delta" and path and path[0] == MAIN:
        again.metadata.delta_path[:] = [*inside, *path[1:]]
    get_script_run_ctx().enqueue(again)


# Set up as the app's process is, so that Streamlit's collection after each run costs the
# floor no more than it costs the app.
freeze_what_is_loaded()
pages = _recorded_pages(os.environ["RIGHT_STEPS_FLOOR_SHAPES"])
st.session_state.setdefault("page", 0)
number = min(st.session_state["page"], len(pages) - 1)
st.container()  # the recorded page goes in here, at the main area's first place
for message in pages[number]:
    if not _is_continue(message):
        _send_again(message, [MAIN, 0])


def _next() -> None:
    st.session_state["page"] += 1


if number < len(pages) - 1:
    st.button("Continue", type="primary", on_click=_next)
