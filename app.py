"""Right Steps: the app a work coach and a claimant fill in together."""

import streamlit as st

st.set_page_config(page_title="Right Steps", layout="centered")
st.title("Right Steps")
st.write("The appointment pages are on their way.")
