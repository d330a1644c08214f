"""Follow up: check a thank-you note (and when it goes out), fix it edit by edit, polish it, copy or save it."""

import streamlit as st

from app_pages._network_ui import log_step
from app_pages._review_ui import review_screen

st.title("Follow up")
st.write("Paste your thank-you note and say when you met and when you will send it: a prompt, specific thank-you is remembered.")
review_screen("thank-you", "follow")
log_step("thanked", "follow")
