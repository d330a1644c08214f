"""Coach: the Streamlit entry point. Navigation over app_pages/, in the order a student prepares."""

import streamlit as st

from app_pages._auth import gate, sidebar_account
from app_pages._state import store_ready
from app_pages._widgets import sidebar_status

st.set_page_config(page_title="Coach · informational interviews", page_icon=":material/school:", layout="centered")
if not gate() or not store_ready():  # shared mode: a signed-out browser gets the sign-in page and nothing else
    st.stop()
page = st.navigation(
    {
        "Your interview": [
            st.Page("app_pages/prepare.py", title="Prepare", icon=":material/checklist:", default=True),
            st.Page("app_pages/reach_out.py", title="Reach out", icon=":material/mail:"),
            st.Page("app_pages/practise.py", title="Practise", icon=":material/forum:"),
            st.Page("app_pages/follow_up.py", title="Follow up", icon=":material/thumb_up:"),
            st.Page("app_pages/network.py", title="Network", icon=":material/group:"),
        ],
        "Your things": [
            st.Page("app_pages/library.py", title="Library", icon=":material/menu_book:"),
            st.Page("app_pages/history.py", title="History", icon=":material/history:"),
            st.Page("app_pages/settings.py", title="Settings", icon=":material/settings:"),
        ],
    }
)
sidebar_status()
sidebar_account()
page.run()
