"""Reach out: check an outreach note against the rubric, rewrite it, copy, download or save it."""

import streamlit as st

from app_pages._network_ui import log_step
from app_pages._review_ui import review_screen

st.title("Reach out")
st.write("Paste the note you plan to send. Coach checks it against the outreach rubric; the model can then rewrite it.")
review_screen("outreach", "reach")
log_step("reached_out", "reach")
