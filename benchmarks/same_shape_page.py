"""The floor of the same shape: each page of an appointment drawn again from the very messages
the app sent for it, by a script that holds no rules, reads no store and keeps nothing.

`python -m benchmarks.browser_latency` records the messages of each page, as it was drawn on
arriving at it, while it drives the app (`PageShapes`); saves them to the file
`RIGHT_STEPS_FLOOR_SHAPES` names; and then drives this page exactly as it drives the app, with
the same answers typed and chosen. What a Continue costs here is what Streamlit and the browser
cost to draw that page. The app's time above it is the app's own work, and Streamlit's work to
make and register those elements, which this floor does not do: it sends them ready-made.

The page's elements are sent as they were recorded, one level down inside a container. Below
them is a real Continue button (none on the last page, Check your plan, as in the app); the
recorded one ("Start now" on Start) is sent as an empty place. A change to any other control
runs the page again, as in the app.
"""

import base64
import json
import os

import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.warm_process import freeze_what_is_loaded

MAIN = 0  # the delta path's first number: which of the page's root containers
REAL_BUTTONS = ("Start now", "Continue")


@st.cache_resource
def _recorded_pages(path: str) -> list[list[ForwardMsg]]:
    with open(path, encoding="utf-8") as file:
        pages = json.load(file)
    return [[ForwardMsg.FromString(base64.b64decode(raw)) for raw in page] for page in pages]


def _is_real_button(message: ForwardMsg) -> bool:
    element = message.delta.new_element
    return element.WhichOneof("type") == "button" and element.button.label in REAL_BUTTONS


def _send_again(message: ForwardMsg, inside: list[int]) -> None:
    again = ForwardMsg()
    again.CopyFrom(message)
    again.ClearField("hash")
    if _is_real_button(message):
        # Its place is kept, empty, so the elements after it keep theirs.
        again.delta.new_element.empty.SetInParent()
    path = list(message.metadata.delta_path)
    if message.WhichOneof("type") == "delta" and path and path[0] == MAIN:
        again.metadata.delta_path[:] = [*inside, *path[1:]]
    get_script_run_ctx().enqueue(again)


def _go_to(number: int) -> None:
    st.session_state["page"] = number


# Set up as the app's process is (one collection, then what is loaded frozen out of the
# collector's sight), so that Python's own collections cost the floor no more than the app.
freeze_what_is_loaded()
pages = _recorded_pages(os.environ["RIGHT_STEPS_FLOOR_SHAPES"])
st.session_state.setdefault("page", 0)
number = min(st.session_state["page"], len(pages) - 1)
st.container()  # the recorded page goes in here, at the main area's first place
for message in pages[number]:
    _send_again(message, [MAIN, 0])
if number < len(pages) - 1:
    st.button("Continue", key="nav_continue", type="primary", on_click=_go_to, args=(number + 1,))
