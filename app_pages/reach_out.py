"""Reach out: check an outreach note against the rubric, fix it edit by edit, polish it, copy or save it."""

import streamlit as st

from app_pages._network_ui import log_step
from app_pages._review_ui import review_screen

st.title("Reach out")
st.write(
    "Paste the note you plan to send. Coach checks it against the outreach rubric and suggests fixes you accept or reject; the model can then polish the fixed draft."
)
review_screen("outreach", "reach")
log_step("reached_out", "reach")
